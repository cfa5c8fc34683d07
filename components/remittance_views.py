"""The views of the Remittances page, built once per filter choice and data version, shared by every session.

Plotly and pydeck figures take far longer to build than a rerun may, so each view (its table, figures and
what it found missing) is kept with ``st.cache_resource`` and never modified after it is built. The key is the
filter model plus the path and modification time of every table the view reads, so an edited table is picked
up. The tables themselves are shared the same way (read-only): a cache-data loader hands out a fresh copy on
every call, which costs more than building most views. A table that cannot be used raises DataProblem, for the
page's ``load_or_stop``.
"""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components import remittances as figures
from data import (
    load_countries,
    load_country_shapes,
    load_deployments,
    load_remittance_corridors,
    load_remittance_costs,
    load_remittances,
    load_remittances_by_sender,
    load_sources,
    table_versions,
)
from data.filters.remittances import (
    ChoroplethFilter,
    CostFilter,
    FlowMapFilter,
    RankingFilter,
    SriLankaFilter,
    TrendFilter,
    asia_pacific_codes,
    by_name,
    largest_recipients,
    latest_corridor_costs,
    sender_choices,
    trend_choices,
)

REFERENCE = ("sources", "countries")
CACHE = {"show_spinner": False, "max_entries": 256}
LOADERS = {
    "sources": load_sources, "countries": load_countries, "remittances": load_remittances,
    "remittance_corridors": load_remittance_corridors, "remittance_costs": load_remittance_costs,
    "remittances_by_sender": load_remittances_by_sender, "deployments": load_deployments,
}


@dataclass(frozen=True)
class Choices:
    names: dict
    asia_pacific: list
    senders: list


@dataclass(frozen=True)
class TrendChoices:
    countries: list
    largest: list


@dataclass(frozen=True)
class TrendView:
    table: pd.DataFrame
    figure: go.Figure | None
    without_data: list


@dataclass(frozen=True)
class RankingView:
    recipients: pd.DataFrame
    recipients_figure: go.Figure | None
    senders: pd.DataFrame
    senders_figure: go.Figure


@dataclass(frozen=True)
class MapView:
    table: pd.DataFrame
    deck: pdk.Deck | None
    legend: str


@dataclass(frozen=True)
class CostView:
    table: pd.DataFrame
    latest: pd.DataFrame
    latest_table: pd.DataFrame
    figure: go.Figure | None
    senders_without_data: list


@dataclass(frozen=True)
class SriLankaView:
    table: pd.DataFrame
    figure: go.Figure
    display: pd.DataFrame
    notes: list


def choices() -> Choices:
    return _choices(table_versions(*REFERENCE))


def trend_choices_for_page() -> TrendChoices:
    return _trend_choices(table_versions(*REFERENCE, "remittances"))


def departure_years() -> list[int]:
    """Years of Sri Lanka's departures data, latest first."""
    return _departure_years(table_versions(*REFERENCE, "deployments"))


def trend(filters: TrendFilter, *, log_scale: bool) -> TrendView:
    return _trend(filters, log_scale, table_versions(*REFERENCE, "remittances"))


def ranking(filters: RankingFilter) -> RankingView:
    return _ranking(filters, table_versions(*REFERENCE, "remittances", "remittance_corridors"))


def flows(filters: FlowMapFilter) -> MapView:
    return _flows(filters, table_versions(*REFERENCE, "remittance_corridors"))


def choropleth(filters: ChoroplethFilter) -> MapView:
    return _choropleth(filters, table_versions(*REFERENCE, "remittances"))


def cost(filters: CostFilter) -> CostView:
    return _cost(filters, table_versions(*REFERENCE, "remittance_costs"))


def sri_lanka(filters: SriLankaFilter) -> SriLankaView:
    return _sri_lanka(filters, table_versions(*REFERENCE, "remittances_by_sender", "deployments",
                                              "remittance_corridors"))


def _table(name: str) -> pd.DataFrame:
    """One table, read once per version and shared: callers must not modify it."""
    return _shared_table(name, table_versions(*REFERENCE, name))


@st.cache_resource(show_spinner=False, max_entries=16)
def _shared_table(name: str, versions) -> pd.DataFrame:
    return LOADERS[name]()


def _names() -> dict:
    return _table("countries").set_index("iso3")["name"].to_dict()


@st.cache_resource(**CACHE)
def _choices(versions) -> Choices:
    countries = _table("countries")
    return Choices(names=_names(), asia_pacific=by_name(asia_pacific_codes(countries), countries),
                   senders=sender_choices(countries))


@st.cache_resource(**CACHE)
def _trend_choices(versions) -> TrendChoices:
    remittances, countries = _table("remittances"), _table("countries")
    return TrendChoices(countries=trend_choices(remittances, countries),
                        largest=largest_recipients(remittances, countries))


@st.cache_resource(**CACHE)
def _departure_years(versions) -> list[int]:
    return sorted(set(_table("deployments")["year"]), reverse=True)


@st.cache_resource(**CACHE)
def _trend(filters: TrendFilter, log_scale: bool, versions) -> TrendView:
    table = filters.apply(_table("remittances"))
    figure = None
    if table["value"].notna().any():
        figure = figures.trend_figure(table, _table("sources"), names=_names(), measure=filters.measure,
                                      log_scale=log_scale)
    return TrendView(table, figure, filters.countries_without_data(table))


@st.cache_resource(**CACHE)
def _ranking(filters: RankingFilter, versions) -> RankingView:
    countries, names = _table("countries"), _names()
    recipients = filters.recipients(_table("remittances"), countries)
    recipients_figure = None if recipients.empty else figures.recipients_figure(
        recipients, names=names, measure=filters.measure, year=filters.year)
    senders = filters.senders(_table("remittance_corridors"), countries)
    return RankingView(recipients, recipients_figure, senders,
                       figures.senders_figure(senders, names=names, edition=filters.edition))


@st.cache_resource(**CACHE)
def _flows(filters: FlowMapFilter, versions) -> MapView:
    arcs = filters.apply(_table("remittance_corridors"), _table("countries"))
    if arcs.empty:
        return MapView(arcs, None, "")
    return MapView(arcs, figures.flow_map(arcs), figures.flow_legend(arcs))


@st.cache_resource(**CACHE)
def _choropleth(filters: ChoroplethFilter, versions) -> MapView:
    values = filters.apply(_table("remittances"), _table("countries"))
    if values["value"].isna().all():
        return MapView(values, None, "")
    deck, legend = figures.choropleth(values, load_country_shapes(), measure=filters.measure)
    return MapView(values, deck, legend)


@st.cache_resource(**CACHE)
def _cost(filters: CostFilter, versions) -> CostView:
    names = _names()
    table = filters.apply(_table("remittance_costs"))
    latest = latest_corridor_costs(table)
    figure = None if table.empty else figures.cost_figure(table, names=names, receiver=filters.receiver)
    return CostView(table, latest, figures.latest_costs_table(latest, names=names, receiver=filters.receiver),
                    figure, filters.senders_without_data(table))


@st.cache_resource(**CACHE)
def _sri_lanka(filters: SriLankaFilter, versions) -> SriLankaView:
    table = filters.apply(_table("remittances_by_sender"), _table("deployments"), _table("remittance_corridors"))
    side_by_side = SriLankaFilter.side_by_side(table)
    display = figures.sri_lanka_display_table(side_by_side, departures_year=filters.departures_year,
                                              edition=filters.edition)
    return SriLankaView(table, figures.sri_lanka_figure(side_by_side), display, list(table["note"].dropna().unique()))
