"""Agreements: the table, an agreement's detail, the map of pairs, the timeline and a corridor's list.

Pure builders (DataFrame in; DataFrame, plotly figure or pydeck deck out) come first; the renderers below them
are thin. Colours are Okabe-Ito (colour-blind safe), the same on the map, the timeline and the legend.
"""

import re
from collections import Counter, defaultdict

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components.formatting import NO_DATA, exact_number
from components.maps import arc_map, category_colours, fitted_view, legend_html
from components.plain_text import plain_markdown
from components.provenance import render_source_note
from data.agreements import DATE_NOT_RECORDED, StockAround, signing_label, signing_labels
from data.schemas import INSTRUMENT_TYPES

TYPE_COLOURS = category_colours(INSTRUMENT_TYPES)
MAP_SIZE_PX = (930, 520)  # the map's size on the page, for the view that fits the arcs shown
# Arcs of different instrument types between the same two countries get different heights, so none hides another.
TYPE_ARC_HEIGHTS = dict(zip(INSTRUMENT_TYPES, [0.5, 0.3, 0.7, 0.4, 0.6], strict=True))
CONFIDENCE_LEVELS = ["high", "medium", "low"]
CONFIDENCE_COLOURS = ["#009E73", "#E69F00", "#CC79A7"]
CONFIDENCE_HELP = ("Confidence in the cited page: high = ILO database, governments, IOM, ASEAN; medium = established "
                   "news media; low = blogs, reposts, recruitment sites, NGO pages.")
STOCK_MEASURE = ("UN DESA International Migrant Stock, {revision} revision: persons born in (or citizens of) the "
                 "origin living in the destination at mid-year (a stock, not a flow of new workers).")


def hex_colour(rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


# --- table ------------------------------------------------------------------------------------------

TABLE_COLUMNS = ["destination", "origin", "instrument_type", "title", "scheme_or_sector", "signed", "year_signed",
                 "date_signed", "status", "confidence", "source_url", "two_way", "agreement_id"]
TABLE_COLUMN_CONFIG = {
    "destination": st.column_config.TextColumn("Destination", pinned=True),
    "origin": st.column_config.TextColumn("Origin", pinned=True),
    "instrument_type": st.column_config.TextColumn("Instrument"),
    "title": st.column_config.TextColumn("Title", width="large"),
    "scheme_or_sector": st.column_config.TextColumn("Scheme or sector", width="medium"),
    "signed": st.column_config.TextColumn("Signed (as recorded)",
                                          help="As precisely as a page states it; never filled in"),
    "year_signed": st.column_config.NumberColumn("Year", format="%d"),
    "date_signed": st.column_config.DateColumn("Exact date", format="D MMM YYYY",
                                               help="Only where a page states the day"),
    "status": st.column_config.TextColumn("Status (as stated)",
                                          help="Only where the source states it, at the time of the page"),
    "confidence": st.column_config.MultiselectColumn("Confidence", options=CONFIDENCE_LEVELS,
                                                     color=CONFIDENCE_COLOURS, help=CONFIDENCE_HELP),
    "source_url": st.column_config.LinkColumn("Source", display_text=r"https?://(?:www\.)?([^/]+)",
                                              help="The page that states the agreement (first page cited)"),
    "two_way": st.column_config.CheckboxColumn("Two-way", help="Both parties send and receive workers"),
    "agreement_id": st.column_config.TextColumn("ID"),
}


def source_urls(sources: pd.DataFrame) -> dict[str, str]:
    return dict(zip(sources["source_id"], sources["url"]))


def _names_of(codes: pd.Series, names: dict[str, str]) -> list[str]:
    return [names.get(code, code) for code in codes]


def table_frame(agreements: pd.DataFrame, *, names: dict[str, str], sources: pd.DataFrame) -> pd.DataFrame:
    """The rows as the table shows them: country names, the date as recorded, a link to the cited page.

    Built from plain lists: this runs on every rerun, and per-column pandas operations cost more than the data.
    """
    urls = source_urls(sources)
    return pd.DataFrame({
        "destination": _names_of(agreements["destination_iso3"], names),
        "origin": _names_of(agreements["origin_iso3"], names),
        "instrument_type": agreements["instrument_type"].tolist(),
        "title": agreements["title"].tolist(),
        "scheme_or_sector": agreements["scheme_or_sector"].tolist(),
        "signed": signing_labels(agreements),
        "year_signed": agreements["year_signed"].to_numpy(),
        "date_signed": [None if pd.isna(value) else value.date() for value in agreements["date_signed"].tolist()],
        "status": agreements["status"].fillna("").tolist(),
        "confidence": [[level] for level in agreements["confidence"].tolist()],
        "source_url": [urls.get(source_id) for source_id in agreements["source_id"]],
        "two_way": agreements["two_way"].tolist(),
        "agreement_id": agreements["agreement_id"].tolist(),
    })


def history_frame(history: pd.DataFrame, *, current_id: str) -> pd.DataFrame:
    return pd.DataFrame({
        "": ["this one" if agreement_id == current_id else "" for agreement_id in history["agreement_id"]],
        "Signed (as recorded)": signing_labels(history),
        "Instrument": history["instrument_type"].to_numpy(),
        "Title": history["title"].to_numpy(),
        "Status (as stated)": history["status"].fillna("").to_numpy(),
        "Replaced by a later row": history["superseded"].to_numpy(),
        "ID": history["agreement_id"].to_numpy(),
    })


# --- map --------------------------------------------------------------------------------------------

def nearest_longitude(longitude: float, reference: float) -> float:
    """The copy of ``longitude`` (+-360) closest to ``reference``: arcs across the date line take the short way."""
    return longitude + 360 * round((reference - longitude) / 360)


def agreement_arcs(agreements: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """One arc per origin, destination and instrument type, with the number of agreements it stands for."""
    counts = Counter(zip(*(agreements[name].tolist() for name in ("origin_iso3", "destination_iso3", "instrument_type"))))
    places = {code: (name, lon, lat) for code, name, lon, lat in
              zip(*(countries[name].tolist() for name in ("iso3", "name", "lon", "lat")))}
    arcs = []
    for (origin, destination, kind), count in sorted(counts.items()):
        origin_name, origin_lon, origin_lat = places[origin]
        destination_name, target_lon, target_lat = places[destination]
        arcs.append({
            "origin": origin_name, "destination": destination_name, "instrument_type": kind, "agreements": count,
            "source_lon": nearest_longitude(origin_lon, target_lon), "source_lat": origin_lat,
            "target_lon": target_lon, "target_lat": target_lat,
            "colour": TYPE_COLOURS[kind], "height": TYPE_ARC_HEIGHTS[kind],
        })
    return pd.DataFrame(arcs, columns=["origin", "destination", "instrument_type", "agreements", "source_lon",
                                       "source_lat", "target_lon", "target_lat", "colour", "height"])


def agreement_map(agreements: pd.DataFrame, countries: pd.DataFrame) -> pdk.Deck:
    """The arcs of the agreements shown, in a view that fits them (all of them: the Gulf to the Pacific)."""
    arcs = agreement_arcs(agreements, countries)
    width_px, height_px = MAP_SIZE_PX
    view = fitted_view([*arcs["source_lon"], *arcs["target_lon"]], [*arcs["source_lat"], *arcs["target_lat"]],
                       width_px=width_px, height_px=height_px)
    return arc_map(
        arcs, value_column="agreements", colour_column="colour", height_column="height", max_width=6.0, view=view,
        tooltip_html="<b>{origin} → {destination}</b><br/>{instrument_type}: {agreements}",
    )


def legend_items(agreements: pd.DataFrame) -> list[tuple[list[int], str]]:
    """(RGB colour, label) for the instrument types present, in the fixed order (for ``maps.legend_html``)."""
    present = set(agreements["instrument_type"])
    return [(TYPE_COLOURS[kind], kind) for kind in INSTRUMENT_TYPES if kind in present]


# --- timeline ---------------------------------------------------------------------------------------

def timeline_points(agreements: pd.DataFrame, *, names: dict[str, str]) -> pd.DataFrame:
    """One point per destination, year and instrument type, with its count and the agreements it stands for.

    Rows without a recorded year are left out (list them separately); a year-only date counts at its year.
    Plain Python: on about a hundred rows it is many times faster than pandas grouping (this runs every rerun).
    """
    dated = agreements[agreements["year_signed"].notna()]
    groups: dict[tuple, list[str]] = defaultdict(list)
    columns = [dated[name].tolist() for name in ("destination_iso3", "year_signed", "instrument_type", "origin_iso3")]
    for destination, year, kind, origin, label in zip(*columns, signing_labels(dated)):
        groups[destination, int(year), kind].append(f"{names.get(origin, origin)} ({label})")
    order = [code for code, _ in Counter(dated["destination_iso3"]).most_common()][::-1]  # most at the top
    rows = {code: row for row, code in enumerate(order)}
    type_offsets = {kind: (index - 2) * 0.12 for index, kind in enumerate(INSTRUMENT_TYPES)}
    points = pd.DataFrame([{
        "destination": names.get(destination, destination),
        "year": year,
        "instrument_type": kind,
        "count": len(entries),
        "row": rows[destination] + type_offsets[kind],
        "colour": hex_colour(TYPE_COLOURS[kind]),
        "text": f"<b>{names.get(destination, destination)}, {year}</b>: {len(entries)} × {kind}<br>" + "<br>".join(entries),
    } for (destination, year, kind), entries in groups.items()],
        columns=["destination", "year", "instrument_type", "count", "row", "colour", "text"])
    points.attrs["order"] = [names.get(code, code) for code in order]
    return points


def timeline_figure(agreements: pd.DataFrame, *, names: dict[str, str]) -> go.Figure:
    """Signings by year (x) and destination (rows), coloured by instrument type (legend: ``legend_items``)."""
    points = timeline_points(agreements, names=names)
    order = points.attrs["order"]
    # Plain lists and one Layout: plotly validates nested updates path by path, which costs more than the data.
    return go.Figure(
        data=[go.Scatter(
            x=points["year"].tolist(), y=points["row"].tolist(), mode="markers", hovertext=points["text"].tolist(),
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            marker={"color": points["colour"].tolist(), "opacity": 0.9, "line": {"color": "white", "width": 1},
                    "size": [8 + 4 * min(count - 1, 6) for count in points["count"]]},
        )],
        layout=go.Layout(
            yaxis={"tickvals": list(range(len(order))), "ticktext": order, "range": [-0.7, len(order) - 0.3]},
            xaxis={"title": {"text": "Year signed"}, "dtick": 5, "showgrid": True},
            height=90 + 30 * max(len(order), 1), margin={"t": 10, "b": 40, "l": 10, "r": 10}, hovermode="closest",
        ),
    )


# --- renderers --------------------------------------------------------------------------------------

def render_type_legend(agreements: pd.DataFrame) -> None:
    st.html(legend_html(legend_items(agreements), title="Instrument", no_data=False))


def render_agreement_detail(agreement: pd.Series, *, history: pd.DataFrame, stocks: list[tuple[str, str, StockAround]],
                            names: dict[str, str], sources: pd.DataFrame) -> None:
    """Parties, dates, status, the pair's other instruments, the cited pages and the corridor's stock."""
    origin, destination = (names.get(agreement[column], agreement[column])
                           for column in ("origin_iso3", "destination_iso3"))
    source = sources.set_index("source_id").loc[agreement["source_id"]]
    with st.container(border=True):
        st.markdown(f"#### {plain_markdown(agreement['title'])}")
        parties = (f"{origin} and {destination} (two-way: both send and receive)" if agreement["two_way"]
                   else f"{origin} (origin) → {destination} (destination)")
        facts = st.columns(4)
        facts[0].markdown(f"**Parties**  \n{plain_markdown(parties)}")
        facts[1].markdown(f"**Instrument**  \n{plain_markdown(agreement['instrument_type'])}  \n"
                          f"{plain_markdown(agreement['scheme_or_sector'])}")
        signed = signing_label(agreement["date_signed"], agreement["year_signed"], agreement["date_precision"])
        facts[2].markdown(f"**Signed**  \n{plain_markdown(signed)}  \nPrecision: {agreement['date_precision']}")
        status = agreement["status"] if pd.notna(agreement["status"]) else "not stated by the source"
        facts[3].markdown(f"**Status**  \n{plain_markdown(status)}  \nConfidence: {agreement['confidence']}")
        flags = []
        if agreement["superseded"]:
            flags.append("The compilers mark it as replaced by a later recorded instrument (their reading).")
        if agreement["pair_in_ilo_booklet"]:
            flags.append("The ILO booklet (2011) lists an agreement between these two countries.")
        if pd.notna(agreement["notes"]):
            flags.append(f"Notes: {agreement['notes']}")
        for flag in flags:
            st.markdown(plain_markdown(flag))
        pages = re.findall(r"https?://\S+", source["citation"]) or [source["url"]]
        st.markdown("**Source** (" + plain_markdown(source["publisher"]) + "): "
                    + " · ".join(f"<{page}>" for page in pages))
        st.caption(f"{plain_markdown(source['dataset'])}. Licence: {plain_markdown(source['licence'])}.")

        st.markdown(f"**Instruments recorded between {plain_markdown(origin)} and {plain_markdown(destination)}** "
                    "(originals, renewals and others, oldest first; undated last)")
        st.dataframe(history_frame(history, current_id=agreement["agreement_id"]), hide_index=True,
                     key=f"history_{agreement['agreement_id']}")
        for stock_origin, stock_destination, stock in stocks:
            _render_stock(stock, origin=names.get(stock_origin, stock_origin),
                          destination=names.get(stock_destination, stock_destination), sources=sources)


def _render_stock(stock: StockAround, *, origin: str, destination: str, sources: pd.DataFrame) -> None:
    st.markdown(f"**Migrants from {plain_markdown(origin)} living in {plain_markdown(destination)}** "
                f"(UN DESA {stock.revision} revision)")
    if stock.signing_year is None:
        st.info(f"The signing {DATE_NOT_RECORDED}, so no before/after comparison is shown.", icon=":material/event_busy:")
        return
    before, after = st.columns(2)
    before.metric(f"Before: mid-{stock.before_year}" if stock.before_year else "Before",
                  exact_number(stock.before) if stock.before_year else "no estimate before the signing year")
    if stock.after_year:
        after.metric(f"After: mid-{stock.after_year}", exact_number(stock.after))
    else:
        after.metric("After", f"no estimate after {stock.signing_year} yet")
    render_source_note(sources, stock.source_ids, measure=STOCK_MEASURE.format(revision=stock.revision) + (
        f" Before/after: the nearest estimate years strictly before and after the signing year ({stock.signing_year}). "
        f"'{NO_DATA}' means UN DESA gives no figure for the pair. Stocks change for many reasons: the difference is "
        "not the agreement's effect."))


def render_agreement_list(rows: pd.DataFrame, sources: pd.DataFrame, *, key: str) -> None:
    """A corridor's recorded agreements (from ``data.agreements_between``), compact, each with its source link."""
    if rows.empty:
        st.caption("No agreement recorded for this corridor in the agreements inventory (a partial inventory: "
                   "none recorded does not mean none exists).")
        return
    urls = source_urls(sources)
    st.dataframe(
        pd.DataFrame({
            "signed": signing_labels(rows),
            "instrument_type": rows["instrument_type"].to_numpy(),
            "title": rows["title"].to_numpy(),
            "confidence": [[level] for level in rows["confidence"]],
            "source_url": [urls.get(source_id) for source_id in rows["source_id"]],
        }),
        hide_index=True, key=key,
        column_config={name: TABLE_COLUMN_CONFIG[name] for name in
                       ["signed", "instrument_type", "title", "confidence", "source_url"]},
    )


def render_agreements_table(frame: pd.DataFrame, *, key: str, selected_id: str | None) -> str | None:
    """The sortable, searchable table; one row can be selected. Returns the selected agreement's id."""
    position = frame.index[frame["agreement_id"] == selected_id].tolist()
    event = st.dataframe(
        frame, hide_index=True, key=key, column_config=TABLE_COLUMN_CONFIG, column_order=TABLE_COLUMNS,
        on_select="rerun", selection_mode="single-row", placeholder="",
        selection_default={"selection": {"rows": position}} if position else None,
    )
    rows = event.selection.rows
    return frame["agreement_id"].iloc[rows[0]] if rows and rows[0] < len(frame) else None


def render_undated(frame: pd.DataFrame, *, key: str) -> None:
    """The rows of a ``table_frame`` with no recorded date, listed apart from the timeline."""
    undated = frame[frame["year_signed"].isna()]
    if undated.empty:
        return
    st.markdown(f"**Not on the timeline: {len(undated)} agreement(s) with no recorded date** (never placed at a "
                "guessed date)")
    st.dataframe(undated, hide_index=True, key=key, column_config=TABLE_COLUMN_CONFIG,
                 column_order=["destination", "origin", "instrument_type", "title", "confidence", "source_url"])


def render_coverage(coverage: pd.DataFrame, *, key: str) -> None:
    st.dataframe(coverage, hide_index=True, key=key, column_order=["destination", "agreements", "origins", "with"],
                 column_config={
                     "destination": st.column_config.TextColumn("Destination"),
                     "agreements": st.column_config.NumberColumn("Agreements", help="Instruments recorded, "
                                                                 "renewals counted separately"),
                     "origins": st.column_config.NumberColumn("Origins"),
                     "with": st.column_config.TextColumn("With (number of instruments)", width="large"),
                 })


def gaps_frame(gaps: pd.DataFrame, *, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "rank": gaps["rank"].tolist(),
        "origin": _names_of(gaps["orig_iso3"], names),
        "destination": _names_of(gaps["dest_iso3"], names),
        "migrants": gaps["total"].tolist(),
        "includes_refugees": [flag == 1 for flag in gaps["type_r"]],
        "imputed": [flag == 1 for flag in gaps["type_i"]],
    })


def render_gaps(gaps: pd.DataFrame, *, names: dict[str, str], year: int, key: str) -> None:
    st.dataframe(gaps_frame(gaps, names=names), hide_index=True, key=key, column_config={
        "rank": st.column_config.NumberColumn("Rank", help="Rank among the largest corridors considered"),
        "origin": st.column_config.TextColumn("Origin"),
        "destination": st.column_config.TextColumn("Destination"),
        "migrants": st.column_config.NumberColumn(f"Migrants, mid-{year}", format="localized",
                                                  help="Migrant stock (persons), not flows"),
        "includes_refugees": st.column_config.CheckboxColumn(
            "Includes refugees", help="UN DESA flag on the destination's estimates (they include refugees), not a "
            "statement about this corridor"),
        "imputed": st.column_config.CheckboxColumn("Imputed", help="UN DESA imputed the destination's figures"),
    })


def regional_frame(regional: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    urls = source_urls(sources)
    return pd.DataFrame({
        "name": regional["name"].tolist(),
        "body_or_process": regional["body_or_process"].tolist(),
        "instrument_type": regional["instrument_type"].tolist(),
        "signed": signing_labels(regional),
        "place": regional["place"].tolist(),
        "members_or_scope": regional["members_or_scope"].tolist(),
        "confidence": [[level] for level in regional["confidence"].tolist()],
        "source_url": [urls.get(source_id) for source_id in regional["source_id"]],
        "notes": regional["notes"].tolist(),
    })


def render_regional_instruments(frame: pd.DataFrame, *, key: str) -> None:
    """The rows of a ``regional_frame``."""
    st.dataframe(frame, hide_index=True, key=key, column_config={
        **{name: TABLE_COLUMN_CONFIG[name] for name in ["instrument_type", "signed", "confidence", "source_url"]},
        "name": st.column_config.TextColumn("Instrument or process", width="large"),
        "body_or_process": st.column_config.TextColumn("Body or process"),
        "place": st.column_config.TextColumn("Place"),
        "members_or_scope": st.column_config.TextColumn("Members or scope", width="medium"),
        "notes": st.column_config.TextColumn("Notes", width="large"),
    })
