"""The views of the Agreements page, built once per filter choice and data version, shared by every session.

As on the Remittances page (components/remittance_views.py): the table rows, the map and the timeline take longer
to build than a rerun may, so each filter choice's view is kept with ``st.cache_resource`` and never modified
after it is built. The key is the filter model plus the path and modification time of every table the view
reads, so an edited table is picked up. A table that cannot be used raises DataProblem, for ``load_or_stop``.
"""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components import agreements as figures
from data import load_agreements, load_countries, load_regional_instruments, load_sources, table_versions
from data.agreements import coverage_by_destination, with_country_names
from data.filters.agreements import AgreementFilters

REFERENCE = ("sources", "countries", "agreements")
CACHE = {"show_spinner": False, "max_entries": 256}


@dataclass(frozen=True)
class Choices:
    names: dict
    parties: list  # every country that is a party to a recorded agreement, by name
    first_year: int
    last_year: int
    agreement_ids: frozenset


@dataclass(frozen=True)
class AgreementsView:
    agreements: pd.DataFrame  # the agreements matching the filters
    frame: pd.DataFrame  # their rows as the table shows them
    download: pd.DataFrame  # their rows with both countries named, for the downloads
    deck: pdk.Deck | None
    timeline: go.Figure | None  # None when no agreement shown has a recorded date
    coverage: pd.DataFrame
    undated: int


def choices() -> Choices:
    return _choices(table_versions(*REFERENCE))


def agreements_view(filters: AgreementFilters) -> AgreementsView:
    return _agreements_view(filters, table_versions(*REFERENCE))


def regional_view() -> pd.DataFrame:
    return _regional_view(table_versions("sources", "regional_instruments"))


def _names() -> dict:
    return load_countries().set_index("iso3")["name"].to_dict()


@st.cache_resource(**CACHE)
def _choices(versions) -> Choices:
    agreements, names = load_agreements(), _names()
    parties = sorted(set(agreements["origin_iso3"]) | set(agreements["destination_iso3"]), key=names.get)
    return Choices(names=names, parties=parties, first_year=int(agreements["year_signed"].min()),
                   last_year=int(agreements["year_signed"].max()),
                   agreement_ids=frozenset(agreements["agreement_id"]))


@st.cache_resource(**CACHE)
def _agreements_view(filters: AgreementFilters, versions) -> AgreementsView:
    shown, names, sources = filters.apply(load_agreements()), _names(), load_sources()
    undated = int(shown["year_signed"].isna().sum())
    return AgreementsView(
        agreements=shown,
        frame=figures.table_frame(shown, names=names, sources=sources),
        download=with_country_names(shown, names),
        deck=figures.agreement_map(shown, load_countries()) if len(shown) else None,
        timeline=figures.timeline_figure(shown, names=names) if undated < len(shown) else None,
        coverage=coverage_by_destination(shown, names),
        undated=undated,
    )


@st.cache_resource(**CACHE)
def _regional_view(versions) -> pd.DataFrame:
    return figures.regional_frame(load_regional_instruments(), load_sources())
