"""Agreements' thin Streamlit renderers: the table, an agreement's detail, a corridor's list, and the
Agreements page's sections. Figures come from ``components.agreements.figures``; nothing is cached here: the
tables come shared and read-only from ``data.load``, views are built per run (data/__init__.py)."""

import hashlib
import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components import presenter
from components.agreements.figures import (
    CONFIDENCE_COLOURS,
    CONFIDENCE_LEVELS,
    MAP_SIZE_PX,
    TABLE_COLUMNS,
    agreement_map,
    gaps_frame,
    history_frame,
    legend_items,
    regional_frame,
    source_urls,
    table_frame,
    timeline_figure,
)
from components.charts import show_chart, show_map
from components.countries.places import group_names
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.filters import write_param
from components.formatting import NO_DATA, exact_number
from components.maps import legend_html
from components.plain_text import plain_markdown
from components.provenance import render_source_note
from data import (
    AGREEMENT_STOCK_REVISION,
    CATALOG,
    TableSpec,
    load_agreements,
    load_corridor_gaps,
    load_corridors,
    load_countries,
    load_country_groups,
    load_regional_instruments,
    load_sources,
)
from data.agreements import (
    DATE_NOT_RECORDED,
    StockAround,
    corridor_stocks,
    coverage_by_destination,
    pair_history,
    signing_label,
    signing_labels,
    with_country_names,
)
from data.filters.agreements import AgreementFilters

CONFIDENCE_HELP = (
    "Confidence in the cited page: high = ILO database, governments, IOM, ASEAN; medium = established "
    "news media; low = blogs, reposts, recruitment sites, NGO pages."
)


STOCK_MEASURE = (
    "UN DESA International Migrant Stock, {revision} revision: persons born in (or citizens of) the "
    "origin living in the destination at mid-year (a stock, not a flow of new workers)."
)


GAP_CORRIDORS = 30
SLIDE_TABLE_PX = 400  # rows of a slide's agreements table fit under its title at 1280x720


TABLE_COLUMN_CONFIG = {
    "destination": st.column_config.TextColumn("Destination", pinned=True),
    "origin": st.column_config.TextColumn("Origin", pinned=True),
    "instrument_type": st.column_config.TextColumn("Instrument"),
    "title": st.column_config.TextColumn("Title", width="large"),
    "parties_note": st.column_config.TextColumn(
        "Parties (note)",
        width="medium",
        help="Who the parties are where that needs saying (Taiwan: representative offices)",
    ),
    "scheme_or_sector": st.column_config.TextColumn("Scheme or sector", width="medium"),
    "signed": st.column_config.TextColumn(
        "Signed (as recorded)", help="As precisely as a page states it; never filled in"
    ),
    "year_signed": st.column_config.NumberColumn("Year", format="%d"),
    "date_signed": st.column_config.DateColumn(
        "Exact date", format="D MMM YYYY", help="Only where a page states the day"
    ),
    "status": st.column_config.TextColumn(
        "Status (as stated)", help="Only where the source states it, at the time of the page"
    ),
    "confidence": st.column_config.MultiselectColumn(
        "Confidence", options=CONFIDENCE_LEVELS, color=CONFIDENCE_COLOURS, help=CONFIDENCE_HELP
    ),
    "source_url": st.column_config.LinkColumn(
        "Source",
        display_text=r"https?://(?:www\.)?([^/]+)",
        help="The page that states the agreement (first page cited)",
    ),
    "two_way": st.column_config.CheckboxColumn("Two-way", help="Both parties send and receive workers"),
    "agreement_id": st.column_config.TextColumn("ID"),
}


def render_type_legend(agreements: pd.DataFrame) -> None:
    st.html(legend_html(legend_items(agreements), title="Instrument", no_data=False))


def render_agreement_detail(
    agreement: pd.Series,
    *,
    history: pd.DataFrame,
    stocks: list[tuple[str, str, StockAround]],
    names: dict[str, str],
    sources: pd.DataFrame,
) -> None:
    """Parties, dates, status, the pair's other instruments, the cited pages and the corridor's stock."""
    origin, destination = (
        names.get(agreement[column], agreement[column]) for column in ("origin_iso3", "destination_iso3")
    )
    source = sources.set_index("source_id").loc[agreement["source_id"]]
    with st.container(border=True):
        st.markdown(f"### {plain_markdown(agreement['title'])}")
        parties = (
            f"{origin} and {destination} (two-way: both send and receive)"
            if agreement["two_way"]
            else f"{origin} (origin) → {destination} (destination)"
        ) + (f". {agreement['parties_note']}" if pd.notna(agreement.get("parties_note")) else "")
        facts = st.columns(4)
        facts[0].markdown(f"**Parties**  \n{plain_markdown(parties)}")
        facts[1].markdown(
            f"**Instrument**  \n{plain_markdown(agreement['instrument_type'])}  \n"
            f"{plain_markdown(agreement['scheme_or_sector'])}"
        )
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
        st.markdown(
            "**Source** (" + plain_markdown(source["publisher"]) + "): " + " · ".join(f"<{page}>" for page in pages)
        )
        st.caption(f"{plain_markdown(source['dataset'])}. Licence: {plain_markdown(source['licence'])}.")

        st.markdown(
            f"**Instruments recorded between {plain_markdown(origin)} and {plain_markdown(destination)}** "
            "(originals, renewals and others, oldest first; undated last)"
        )
        st.dataframe(
            history_frame(history, current_id=agreement["agreement_id"]),
            hide_index=True,
            key=f"history_{agreement['agreement_id']}",
        )
        for stock_origin, stock_destination, stock in stocks:
            _render_stock(
                stock,
                origin=names.get(stock_origin, stock_origin),
                destination=names.get(stock_destination, stock_destination),
                sources=sources,
            )


def _render_stock(stock: StockAround, *, origin: str, destination: str, sources: pd.DataFrame) -> None:
    st.markdown(
        f"**Migrants from {plain_markdown(origin)} living in {plain_markdown(destination)}** "
        f"(UN DESA {stock.revision} revision)"
    )
    if stock.signing_year is None:
        st.info(
            f"The signing {DATE_NOT_RECORDED}, so no before/after comparison is shown.", icon=":material/event_busy:"
        )
        return
    before, after = st.columns(2)
    before.metric(
        f"Before: mid-{stock.before_year}" if stock.before_year else "Before",
        exact_number(stock.before) if stock.before_year else "no estimate before the signing year",
    )
    if stock.after_year:
        after.metric(f"After: mid-{stock.after_year}", exact_number(stock.after))
    else:
        after.metric("After", f"no estimate after {stock.signing_year} yet")
    render_source_note(
        sources,
        stock.source_ids,
        measure=STOCK_MEASURE.format(revision=stock.revision)
        + (
            f" Before/after: the nearest estimate years strictly before and after the signing year ({stock.signing_year}). "
            f"'{NO_DATA}' means UN DESA gives no figure for the pair. Stocks change for many reasons: the difference is "
            "not the agreement's effect."
        ),
    )


def render_agreement_list(rows: pd.DataFrame, sources: pd.DataFrame, *, key: str) -> None:
    """A corridor's recorded agreements (from ``data.agreements_between``), compact, each with its source link."""
    if rows.empty:
        st.caption(
            "No agreement recorded for this corridor in the agreements inventory (a partial inventory: "
            "none recorded does not mean none exists)."
        )
        return
    urls = source_urls(sources)
    st.dataframe(
        pd.DataFrame(
            {
                "signed": signing_labels(rows),
                "instrument_type": rows["instrument_type"].to_numpy(),
                "title": rows["title"].to_numpy(),
                "parties_note": rows["parties_note"].fillna("").to_numpy(),
                "confidence": [[level] for level in rows["confidence"]],
                "source_url": [urls.get(source_id) for source_id in rows["source_id"]],
            }
        ),
        hide_index=True,
        key=key,
        column_config={
            name: TABLE_COLUMN_CONFIG[name]
            for name in ["signed", "instrument_type", "title", "parties_note", "confidence", "source_url"]
        },
        column_order=[
            "signed",
            "instrument_type",
            "title",
            *(["parties_note"] if rows["parties_note"].notna().any() else []),
            "confidence",
            "source_url",
        ],
    )


def render_agreements_table(frame: pd.DataFrame, *, key: str, selected_id: str | None) -> str | None:
    """The sortable, searchable table; one row can be selected. Returns the selected agreement's id.
    On a slide it is the main figure: short enough to sit under the scene's title on a 1280x720 screen."""
    position = frame.index[frame["agreement_id"] == selected_id].tolist()
    event = st.dataframe(
        frame,
        hide_index=True,
        key=key,
        column_config=TABLE_COLUMN_CONFIG,
        column_order=TABLE_COLUMNS,
        on_select="rerun",
        selection_mode="single-row",
        placeholder="",
        selection_default={"selection": {"rows": position}} if position else None,
        height=SLIDE_TABLE_PX if presenter.presenting() else "auto",
    )
    rows = event.selection.rows
    return frame["agreement_id"].iloc[rows[0]] if rows and rows[0] < len(frame) else None


def render_undated(frame: pd.DataFrame, *, key: str) -> None:
    """The rows of a ``table_frame`` with no recorded date, listed apart from the timeline."""
    undated = frame[frame["year_signed"].isna()]
    if undated.empty:
        return
    st.markdown(
        f"**Not on the timeline: {len(undated)} agreement(s) with no recorded date** (never placed at a guessed date)"
    )
    st.dataframe(
        undated,
        hide_index=True,
        key=key,
        column_config=TABLE_COLUMN_CONFIG,
        column_order=["destination", "origin", "instrument_type", "title", "parties_note", "confidence", "source_url"],
    )


def render_coverage(coverage: pd.DataFrame, *, key: str) -> None:
    st.dataframe(
        coverage,
        hide_index=True,
        key=key,
        column_order=["destination", "agreements", "origins", "with"],
        column_config={
            "destination": st.column_config.TextColumn("Destination"),
            "agreements": st.column_config.NumberColumn(
                "Agreements", help="Instruments recorded, renewals counted separately"
            ),
            "origins": st.column_config.NumberColumn("Origins"),
            "with": st.column_config.TextColumn("With (number of instruments)", width="large"),
        },
    )


def render_gaps(gaps: pd.DataFrame, *, names: dict[str, str], year: int, key: str) -> None:
    st.dataframe(
        gaps_frame(gaps, names=names),
        hide_index=True,
        key=key,
        column_config={
            "rank": st.column_config.NumberColumn("Rank", help="Rank among the largest corridors considered"),
            "origin": st.column_config.TextColumn("Origin"),
            "destination": st.column_config.TextColumn("Destination"),
            "migrants": st.column_config.NumberColumn(
                f"Migrants, mid-{year}", format="localized", help="Migrant stock (persons), not flows"
            ),
            "includes_refugees": st.column_config.CheckboxColumn(
                "Includes refugees",
                help="UN DESA flag on the destination's estimates (they include refugees), not a "
                "statement about this corridor",
            ),
            "imputed": st.column_config.CheckboxColumn("Imputed", help="UN DESA imputed the destination's figures"),
        },
    )


def render_regional_instruments(frame: pd.DataFrame, *, key: str) -> None:
    """The rows of a ``regional_frame``."""
    st.dataframe(
        frame,
        hide_index=True,
        key=key,
        column_config={
            **{name: TABLE_COLUMN_CONFIG[name] for name in ["instrument_type", "signed", "confidence", "source_url"]},
            "name": st.column_config.TextColumn("Instrument or process", width="large"),
            "body_or_process": st.column_config.TextColumn("Body or process"),
            "place": st.column_config.TextColumn("Place"),
            "members_or_scope": st.column_config.TextColumn("Members or scope", width="medium"),
            "notes": st.column_config.TextColumn("Notes", width="large"),
        },
    )


def names_of() -> dict:
    countries = load_countries()
    return dict(zip(countries["iso3"], countries["name"]))


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
    agreements, names = load_agreements(), names_of()
    parties = sorted(set(agreements["origin_iso3"]) | set(agreements["destination_iso3"]), key=names.get)
    return Choices(
        names=names,
        parties=parties,
        first_year=int(agreements["year_signed"].min()),
        last_year=int(agreements["year_signed"].max()),
        agreement_ids=frozenset(agreements["agreement_id"]),
    )


def agreements_view(filters: AgreementFilters) -> AgreementsView:
    shown, names, sources = filters.apply(load_agreements()), names_of(), load_sources()
    undated = int(shown["year_signed"].isna().sum())
    return AgreementsView(
        agreements=shown,
        frame=table_frame(shown, names=names, sources=sources),
        download=with_country_names(shown, names),
        deck=agreement_map(shown, load_countries()) if len(shown) else None,
        timeline=timeline_figure(shown, names=names) if undated < len(shown) else None,
        coverage=coverage_by_destination(shown, names),
        undated=undated,
    )


def regional_view() -> pd.DataFrame:
    return regional_frame(load_regional_instruments(), load_sources())


# Selecting a row reruns this section only (the table, the detail, downloads, map, timeline), not the page's
# filters, the corridor gaps or the regional instruments.
@st.fragment(key="agreements_table")
def agreements_section(
    filters: AgreementFilters, *, options: Choices, requested_id: str | None, sources: pd.DataFrame, spec: TableSpec
) -> None:
    """The matching agreements: table (select a row for its detail), downloads, map, timeline, coverage."""
    names, view = options.names, load_or_stop(agreements_view, filters)
    if not presenter.presenting():  # a slide's title is the scene's
        st.header("Agreements")
    if view.frame.empty:
        st.info(
            "No agreements match these filters. Widen the signing period or remove a filter.",
            icon=":material/filter_alt_off:",
        )
        write_param("agr", None, None)
    else:
        st.caption(
            f"{len(view.frame):,} of {len(options.agreement_ids):,} recorded instruments match "
            f"({view.undated} with no recorded date). Select a row for its detail; search and sort from the "
            "table's header."
        )
        table_key = (
            "agreements_" + hashlib.sha1(repr(filters).encode()).hexdigest()[:8]
        )  # a new selection per filter set
        selected_id = render_agreements_table(view.frame, key=table_key, selected_id=requested_id)
        if requested_id and requested_id not in set(view.frame["agreement_id"]):
            st.info(f"The agreement {requested_id} is not among those matching these filters.", icon=":material/info:")
        write_param("agr", selected_id, None)
        if selected_id:
            agreements = load_or_stop(load_agreements)
            agreement = agreements.set_index("agreement_id", drop=False).loc[selected_id]
            corridors = load_or_stop(load_corridors, revision=AGREEMENT_STOCK_REVISION)
            render_agreement_detail(
                agreement,
                history=pair_history(agreements, agreement),
                stocks=corridor_stocks(corridors, agreement),
                names=names,
                sources=sources,
            )
        render_downloads(
            view.download,
            sources,
            name="agreements",
            title=spec.title,
            measure=spec.measure,
            filters=filters.describe(names=names | group_names(load_or_stop(load_country_groups))),
            catalog_tables=("agreements", "countries"),
        )

        st.subheader("Map of agreement pairs")
        show_map(
            view.deck,
            height=MAP_SIZE_PX[1],
            key="agreements_map",
            alt=f"Map of the {len(view.agreements)} agreements listed above, drawn as arcs from origin to destination",
        )
        render_type_legend(view.agreements)
        st.caption(
            "Arcs from origin to destination, one per instrument type, wider for more instruments. Hover over an arc "
            "for the pair and the number of instruments; drag and scroll to move and zoom."
        )
        st.subheader("Timeline of signings")
        if view.timeline is None:
            st.info(
                "None of these agreements has a recorded date, so none is placed on the timeline; they are listed "
                "below.",
                icon=":material/event_busy:",
            )
        else:
            show_chart(view.timeline, key="agreements_timeline", numbers=False)
            render_type_legend(view.agreements[view.agreements["year_signed"].notna()])
        st.caption(
            "One marker per destination, year and instrument type, larger for more instruments. An agreement "
            "whose page gives only the year is placed at that year; hover for the date as recorded."
        )
        render_undated(view.frame, key="agreements_undated")

        st.subheader("Coverage by destination")
        render_coverage(view.coverage, key="agreements_coverage")


def gaps_section(*, chosen: frozenset[str], role: str, names: dict, sources: pd.DataFrame) -> None:
    st.subheader("Large corridors with no recorded agreement")
    gaps, considered, latest_year = load_or_stop(
        load_corridor_gaps,
        revision=AGREEMENT_STOCK_REVISION,
        largest=GAP_CORRIDORS,
        countries=tuple(sorted(chosen)),
        role=role,
    )
    st.caption(
        f"Of the {considered} largest corridors within Asia and the Pacific in {latest_year}"
        + (" for the chosen countries" if chosen else "")
        + f", {considered - len(gaps)} have at least one recorded "
        f"agreement (of any type or date) and {len(gaps)} have none. The inventory is partial: 'no recorded agreement' "
        "means none was found in the pages read, not that none exists."
    )
    if gaps.empty:
        st.info("Every one of these corridors has a recorded agreement.", icon=":material/check_circle:")
    else:
        render_gaps(gaps, names=names, year=latest_year, key="agreements_gaps")
    render_source_note(
        sources,
        gaps["source_id"] if len(gaps) else [f"undesa_ims_{AGREEMENT_STOCK_REVISION}"],
        measure=f"{CATALOG['corridors'].measure}. UN DESA {AGREEMENT_STOCK_REVISION} revision, "
        f"{latest_year}; both countries in the UN regions Asia or Oceania, unknown origins left out.",
    )


def regional_section(sources: pd.DataFrame) -> None:
    st.subheader("Regional instruments")
    st.caption(CATALOG["regional_instruments"].description)
    render_regional_instruments(load_or_stop(regional_view), key="regional_instruments")
