"""Sections of the Departures page: the arc map and ranked table of one origin's departures, or the coverage of
every origin. Thin: the figures are built in components.flows.figures, the filtering in data.filters.departures."""

import re
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.charts import show_map
from components.downloads import render_downloads
from components.feedback import load_or_stop, load_or_warn
from components.filters import show
from components.flows import figures
from components.formatting import compact_number, exact_number, percent
from components.i18n import _, ngettext
from components.maps import show_map_image
from components.provenance import render_source_note
from components.remittances.render import group_choices
from data import CATALOG, country_choices, load, load_countries, load_country_shapes
from data.filters.departures import FILTER, VIEWS, DeparturesFilter, origin_choices, period_choices
from data.flows import coverage, register_shares
from data.profiles import departures_to, departures_totals, itemised_sums

MAP_KEY = "departures_map"


def destination_choice(groups: pd.DataFrame, *, names: Mapping[str, str], container=st) -> list[str]:
    """The destinations filter: country groups (their members) or countries; empty = every destination."""
    labels = group_choices(groups)
    return show(
        FILTER["dest"],
        options=[*labels, *load_or_stop(country_choices)],
        format_func=lambda code: labels.get(code) or names.get(code, code),
        placeholder=_("Every destination"),
        container=container,
    )


def destinations_section(
    filters: DeparturesFilter, *, names: Mapping[str, str], sources: pd.DataFrame, groups=()
) -> None:
    outflows = load_or_stop(load, "labour_outflows")
    caption = filters.caption(outflows, names, translate=_, date=figures.short_date)
    table = filters.apply(outflows)
    origin = names.get(filters.origin, filters.origin)
    group_names = dict(zip(load("country_groups")["group_key"], load("country_groups")["group_name"]))
    for key, members in groups:
        st.caption(
            _(
                "{group} stands for its members: {members}.",
                group=group_names[key],
                members=", ".join(names.get(code, code) for code in members),
            )
        )
    if filters.destinations and table.empty:
        st.info(
            _("No data: {country}'s figures for this period name none of the destinations chosen.", country=origin),
            icon=":material/filter_alt_off:",
        )
        return
    if table.empty:
        st.info(
            _(
                "No figures by destination for {country}: only national totals are published. See '{coverage}' for "
                "its years and basis.",
                country=origin,
                coverage=_(VIEWS["coverage"]),
            ),
            icon=":material/filter_alt_off:",
        )
        return
    register = filters.is_register(outflows)
    basis_text = _(filters.basis_label(outflows))
    period_text = filters.period_text(outflows, translate=_, date=figures.short_date)
    st.markdown(f"**{caption}**")
    total = filters.total(table)
    if total is not None:
        value, with_data = total
        st.markdown(
            _(
                "**Chosen destinations:** {value} of the register, total of the {count} with data (of {chosen}).",
                value=percent(value * 100),
                count=with_data,
                chosen=len(filters.destinations),
            )
            if register
            else _(
                "**Chosen destinations:** {value} departures, total of the {count} with data (of {chosen}).",
                value=exact_number(value),
                count=with_data,
                chosen=len(filters.destinations),
            )
        )
    if register:
        st.warning(
            _("A cumulative register adds up several years: it gives each destination's share, never a year's flow."),
            icon=":material/functions:",
        )
        for sentence in figures.share_sentences(table, names):
            st.markdown(f"- {sentence}.")
    arcs = figures.arc_frame(
        table, filters.origin, load_or_stop(load_countries), caption_basis=basis_text, caption_period=period_text
    )
    show_map(
        figures.departures_map(arcs),
        key=MAP_KEY,
        height=480,
        alt=ngettext(
            "Map of departures from {country} to {count} destination, drawn as an arc; the table below lists it",
            "Map of departures from {country} to {count} destinations, drawn as arcs; the table below lists them",
            len(arcs),
            country=origin,
        ),
    )
    show_map_image(
        lambda: figures.departures_map_image(arcs, load_country_shapes(), title=caption, register=register),
        key=MAP_KEY,
        filename="departures-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{filters.origin}-{filters.period}").strip("-"),
        alt=_(
            "The map above as an image: {count} destinations drawn as curves over the country shapes",
            count=len(arcs),
        ),
        note=_("Curves stand for the arcs; colours and widths follow the same classes."),
    )
    st.caption(
        _("Arc width and colour: share of the register ({caption}).", caption=caption)
        if register
        else _("Arc width and colour: departures ({caption}).", caption=caption)
    )
    shown = figures.ranking_table(table, names)
    st.dataframe(shown, hide_index=True, key="departures_table", column_config=_columns(caption))
    render_source_note(
        sources,
        table["source_id"],
        measure=_("{measure}. Here: {caption}.", measure=_(CATALOG["labour_outflows"].measure), caption=caption),
    )
    others = filters.other_releases(outflows) if filters.period else table.iloc[0:0]
    if len(others):
        label = _(
            "Other releases for {year}, kept for comparison and not shown ({count})",
            year=filters.period[:4],
            count=len(others),
        )
        with st.expander(label):
            st.caption(
                _("A superseded or disagreeing publication of the same figures; each row says why it is not shown.")
            )
            st.dataframe(others, hide_index=True, key="departures_other_releases")
    render_downloads(
        table,
        sources,
        name=f"departures_{filters.origin}",
        title=_("Departures of migrant workers from {country}", country=origin),
        measure=caption,
        filters=filters.describe(names, _),
        catalog_tables=("labour_outflows", "countries"),
        key="departures_download",
    )


def _columns(caption: str) -> dict:
    whole = st.column_config.NumberColumn
    return {
        "rank": whole(_("Rank"), format="%d"),
        "destination": _("Destination"),
        "departures": whole(_("Departures"), format="localized", help=caption),
        "share_of_total_pct": whole(
            _("Share of the total"), format="%.1f%%", help=_("Of the printed total of the period")
        ),
        "share_of_register_pct": whole(_("Share of the register"), format="%.1f%%", help=caption),
        "precision": _("Printed as"),
        "note": _("Note"),
    }


def _coverage_columns() -> dict:
    return {
        "origin": _("Origin"),
        "origin_iso3": _("ISO3"),
        "basis": _("What is counted"),
        "years": _("Years"),
        "kinds_of_period": _("Kinds of period"),
        "cumulative_registers": _("Cumulative registers"),
        "destination_countries": st.column_config.NumberColumn(_("Destination countries"), format="localized"),
        "national_totals": _("National totals"),
        "figures_shown": st.column_config.NumberColumn(_("Figures shown"), format="localized"),
    }


def coverage_section(*, names: Mapping[str, str], sources: pd.DataFrame) -> None:
    outflows = load_or_stop(load, "labour_outflows")
    table = figures.coverage_table(coverage(outflows), names)
    st.markdown(
        _(
            "**What exists, per origin.** Each origin's agency counts something different (the basis): levels are "
            "not comparable across origins. Cumulative registers give shares only."
        )
    )
    st.dataframe(table, hide_index=True, key="departures_coverage", column_config=_coverage_columns())
    shown = outflows[outflows["is_shown"].astype(bool)]
    render_source_note(sources, shown["source_id"].unique(), measure=_(CATALOG["labour_outflows"].measure))
    render_downloads(
        shown,
        sources,
        name="labour_outflows",
        title=_("Departures of migrant workers, every figure shown"),
        measure=_(CATALOG["labour_outflows"].measure),
        filters=[_("Every shown figure of every origin")],
        catalog_tables=("labour_outflows", "countries"),
        key="coverage_download",
    )


def _profile_link(origin: str, name: str) -> None:
    st.page_link(
        "pages/departures.py",
        label=_("All departures of {country}, by destination and period", country=name),
        icon=":material/arrow_forward:",
        query_params={"origin": origin},
    )


def country_section(iso3: str, names: Mapping[str, str], sources: pd.DataFrame) -> None:
    """The country profile's departures (any origin that publishes them): national totals and the latest
    figures by destination, next to the stock, saying plainly which is which."""
    outflows = load_or_warn(load, "labour_outflows", what="Departures")
    if outflows is None or iso3 not in origin_choices(outflows):
        return
    name = names.get(iso3, iso3)
    st.subheader(_("Departures for foreign employment (reported flow)"))
    st.markdown(figures.flow_not_stock(name))
    totals = departures_totals(outflows, iso3)
    sums = itemised_sums(outflows, iso3)
    if not sums.empty:
        st.caption(
            _(
                "Sum of the destinations listed (every destination itemised; no total printed): {sums}",
                sums=", ".join(
                    _(
                        "{period}: {value} (a withheld figure left out)",
                        period=row.period_label,
                        value=compact_number(row.value),
                    )
                    if row.withheld
                    else f"{row.period_label}: {compact_number(row.value)}"
                    for row in sums.itertuples()
                ),
            )
        )
    if totals.empty and sums.empty:
        st.caption(_("No national total is published for {country}; figures by destination only.", country=name))
    if not totals.empty:
        st.dataframe(figures.periods_table(totals), hide_index=True, key="country_departures_totals")
    periods = period_choices(outflows, iso3)
    if periods:
        filters = DeparturesFilter(iso3, periods[0])
        caption = filters.caption(outflows, names, translate=_, date=figures.short_date)
        ranking = filters.apply(outflows)
        st.markdown(_("**Largest destinations — {caption}**", caption=caption))
        if filters.is_register(outflows):
            for sentence in figures.share_sentences(ranking, names):
                st.markdown(f"- {sentence}.")
        st.dataframe(
            figures.ranking_table(ranking, names).head(10),
            hide_index=True,
            key="country_departures",
            column_config=_columns(caption),
        )
    shown_ids = [*totals["source_id"], *(ranking["source_id"] if periods else [])]
    render_source_note(sources, shown_ids, measure=_(CATALOG["labour_outflows"].measure))
    render_downloads(
        pd.concat([totals, ranking] if periods else [totals], ignore_index=True),
        sources,
        name=f"departures_{iso3}_profile",
        title=_("Departures of migrant workers from {country}: national totals and latest destinations", country=name),
        measure=_(CATALOG["labour_outflows"].measure),
        filters=[
            _("Origin: {country}", country=name),
            _("National totals as printed; destinations of the latest period"),
        ],
        catalog_tables=("labour_outflows", "countries"),
        key="country_departures_download",
    )
    _profile_link(iso3, name)


def corridor_section(origin: str, destination: str, names: Mapping[str, str], sources: pd.DataFrame) -> None:
    """The corridor profile's departures from origin to destination, every period published, and the
    destination's share of a cumulative register, next to the stock."""
    outflows = load_or_warn(load, "labour_outflows", what="Departures")
    if outflows is None or origin not in origin_choices(outflows):
        return
    origin_name, destination_name = names.get(origin, origin), names.get(destination, destination)
    st.markdown(
        _(
            "### Departures for work: {country} → {partner} (reported flow)",
            country=origin_name,
            partner=destination_name,
        )
    )
    rows = departures_to(outflows, origin, destination)
    shares = register_shares(outflows, origin)
    shares = shares[shares["destination_iso3"] == destination]
    if rows.empty and shares.empty:
        st.info(
            _(
                "No data: {country}'s published departures name no figure for {partner}.",
                country=origin_name,
                partner=destination_name,
            )
        )
        _profile_link(origin, origin_name)
        return
    st.markdown(figures.flow_not_stock(origin_name, destination_name))
    for sentence in figures.share_sentences(shares, names):
        st.markdown(
            "- " + _("{sentence} (a register of several years: a share, not a year's flow).", sentence=sentence)
        )
    if not rows.empty:
        st.dataframe(figures.periods_table(rows), hide_index=True, key="corridor_departures")
    render_source_note(
        sources, [*rows["source_id"], *shares["source_id"]], measure=_(CATALOG["labour_outflows"].measure)
    )
    render_downloads(
        pd.concat([rows, shares], ignore_index=True),
        sources,
        name=f"departures_{origin}_{destination}",
        title=_(
            "Departures of migrant workers from {country} to {partner}",
            country=origin_name,
            partner=destination_name,
        ),
        measure=_(CATALOG["labour_outflows"].measure),
        filters=[
            _("Origin: {country}", country=origin_name),
            _("Destination: {country}", country=destination_name),
            _("Register rows: shares only"),
        ],
        catalog_tables=("labour_outflows", "countries"),
        key="corridor_departures_download",
    )
    _profile_link(origin, origin_name)
