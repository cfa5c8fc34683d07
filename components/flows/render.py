"""Sections of the Departures page: the arc map and ranked table of one origin's departures, or the coverage of
every origin. Thin: the figures are built in components.flows.figures, the filtering in data.filters.departures."""

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.flows import figures
from components.provenance import render_source_note
from data import CATALOG, load, load_countries
from data.filters.departures import DeparturesFilter
from data.flows import coverage

MAP_KEY = "departures_map"


def destinations_section(filters: DeparturesFilter, *, names: Mapping[str, str], sources: pd.DataFrame) -> None:
    outflows = load_or_stop(load, "labour_outflows")
    caption = filters.caption(outflows, names)
    table = filters.apply(outflows)
    origin = names.get(filters.origin, filters.origin)
    if table.empty:
        st.info(
            f"No figures by destination for {origin}: only national totals are published. See 'What exists, per "
            "origin' for its years and basis.",
            icon=":material/filter_alt_off:",
        )
        return
    register = filters.is_register(outflows)
    basis_text, _, period_text = caption.partition(": ")[2].partition(", ")
    st.markdown(f"**{caption}**")
    if register:
        st.warning(
            "A cumulative register adds up several years: it gives each destination's share, never a year's flow.",
            icon=":material/functions:",
        )
        for sentence in figures.share_sentences(table, names):
            st.markdown(f"- {sentence}.")
    arcs = figures.arc_frame(
        table, filters.origin, load_or_stop(load_countries), caption_basis=basis_text, caption_period=period_text
    )
    st.pydeck_chart(
        figures.departures_map(arcs),
        key=MAP_KEY,
        height=480,
        alt=f"Map of departures from {origin} to {len(arcs)} destinations, drawn as arcs; the table below lists them",
    )
    st.caption(f"Arc width and colour: {'share of the register' if register else 'departures'} ({caption}).")
    shown = figures.ranking_table(table, names)
    st.dataframe(shown, hide_index=True, key="departures_table", column_config=_columns(caption))
    render_source_note(sources, table["source_id"], measure=f"{CATALOG['labour_outflows'].measure}. Here: {caption}.")
    render_downloads(
        table,
        sources,
        name=f"departures_{filters.origin}",
        title=f"Departures of migrant workers from {origin}",
        measure=caption,
        filters=filters.describe(names),
        key="departures_download",
    )


def _columns(caption: str) -> dict:
    whole = st.column_config.NumberColumn
    return {
        "rank": whole("Rank", format="%d"),
        "destination": "Destination",
        "departures": whole("Departures", format="localized", help=caption),
        "share_of_total_pct": whole("Share of the total", format="%.1f%%", help="Of the printed total of the period"),
        "share_of_register_pct": whole("Share of the register", format="%.1f%%", help=caption),
        "precision": "Printed as",
        "note": "Note",
    }


def coverage_section(*, names: Mapping[str, str], sources: pd.DataFrame) -> None:
    outflows = load_or_stop(load, "labour_outflows")
    table = figures.coverage_table(coverage(outflows), names)
    st.markdown(
        "**What exists, per origin.** Each origin's agency counts something different (the basis): levels are not "
        "comparable across origins. Cumulative registers give shares only."
    )
    st.dataframe(table, hide_index=True, key="departures_coverage")
    shown = outflows[outflows["is_shown"].astype(bool)]
    render_source_note(sources, shown["source_id"].unique(), measure=CATALOG["labour_outflows"].measure)
    render_downloads(
        shown,
        sources,
        name="labour_outflows",
        title="Departures of migrant workers, every figure shown",
        measure=CATALOG["labour_outflows"].measure,
        filters=["Every shown figure of every origin"],
        key="coverage_download",
    )
