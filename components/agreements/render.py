"""Agreements' thin Streamlit renderers: the table, an agreement's detail, a corridor's list, and the
Agreements page's sections. Figures come from ``components.agreements.figures``; nothing is cached here: the
tables come shared and read-only from ``data.load``, views are built per run (data/__init__.py)."""

import hashlib
import html
import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components import presenter
from components.agreements.figures import (
    CONFIDENCE_COLOURS,
    CONFIDENCE_LABELS,
    CONFIDENCE_LEVELS,
    MAP_SIZE_PX,
    TABLE_COLUMNS,
    agreement_image,
    agreement_map,
    gaps_frame,
    history_frame,
    instrument_label,
    legend_items,
    regional_frame,
    signing_labels,
    signing_text,
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
from components.i18n import N_, _, country_names_in, ngettext
from components.maps import legend_html, show_map_image
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
    load_country_shapes,
    load_regional_instruments,
    load_sources,
)
from data.agreements import (
    StockAround,
    corridor_stocks,
    coverage_by_destination,
    pair_history,
    with_country_names,
)
from data.filters.agreements import AgreementFilters

CONFIDENCE_HELP = N_(
    "Confidence in the cited page: high = ILO database, governments, IOM, ASEAN; medium = established "
    "news media; low = blogs, reposts, recruitment sites, NGO pages."
)


STOCK_MEASURE = N_(
    "UN DESA International Migrant Stock, {revision} revision: persons born in (or citizens of) the "
    "origin living in the destination at mid-year (a stock, not a flow of new workers)."
)


GAP_CORRIDORS = 30
SLIDE_TABLE_PX = 400  # rows of a slide's agreements table fit under its title at 1280x720


def table_column_config() -> dict:
    """The agreements tables' columns, headed in the session's language (built per run, never at import)."""
    return {
        "destination": st.column_config.TextColumn(_("Destination"), pinned=True),
        "origin": st.column_config.TextColumn(_("Origin"), pinned=True),
        "instrument_type": st.column_config.TextColumn(_("Instrument")),
        "title": st.column_config.TextColumn(
            _("Title"), width="large", help=_("As published, in the language of the page cited")
        ),
        "parties_note": st.column_config.TextColumn(
            _("Parties (note)"),
            width="medium",
            help=_("Who the parties are where that needs saying (Taiwan: representative offices)"),
        ),
        "scheme_or_sector": st.column_config.TextColumn(_("Scheme or sector"), width="medium"),
        "signed": st.column_config.TextColumn(
            _("Signed (as recorded)"), help=_("As precisely as a page states it; never filled in")
        ),
        "year_signed": st.column_config.NumberColumn(_("Year"), format="%d"),
        "date_signed": st.column_config.DateColumn(
            _("Exact date"), format="D MMM YYYY", help=_("Only where a page states the day")
        ),
        "status": st.column_config.TextColumn(
            _("Status (as stated)"), help=_("Only where the source states it, at the time of the page")
        ),
        "confidence": st.column_config.MultiselectColumn(
            _("Confidence"),
            options=[_(CONFIDENCE_LABELS[level]) for level in CONFIDENCE_LEVELS],
            color=CONFIDENCE_COLOURS,
            help=_(CONFIDENCE_HELP),
        ),
        "source_url": st.column_config.LinkColumn(
            _("Source"),
            display_text=r"https?://(?:www\.)?([^/]+)",
            help=_("The page that states the agreement (first page cited)"),
        ),
        "two_way": st.column_config.CheckboxColumn(_("Two-way"), help=_("Both parties send and receive workers")),
        "agreement_id": st.column_config.TextColumn(_("ID")),
    }


def render_type_legend(agreements: pd.DataFrame) -> None:
    st.html(legend_html(legend_items(agreements), title=_("Instrument"), no_data=False))


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
        # The title is data as published (English in this inventory): marked with its language for screen readers.
        st.html(f"<h3 lang='en'>{html.escape(str(agreement['title']))}</h3>")
        if agreement["two_way"]:
            parties = _("{first} and {second} (two-way: both send and receive)", first=origin, second=destination)
        else:
            parties = _("{sender} (origin) → {receiver} (destination)", sender=origin, receiver=destination)
        parties_note = agreement["parties_note"] if pd.notna(agreement.get("parties_note")) else ""
        signed = signing_text(agreement["date_signed"], agreement["year_signed"], agreement["date_precision"])
        status = agreement["status"] if pd.notna(agreement["status"]) else _("not stated by the source")
        confidence = _(CONFIDENCE_LABELS.get(agreement["confidence"], agreement["confidence"]))
        facts = [  # (heading, lines) of the four columns; _() outside f-strings, where pybabel finds them
            (_("Parties"), [parties, parties_note]),
            (_("Instrument"), [instrument_label(agreement["instrument_type"]), agreement["scheme_or_sector"]]),
            (_("Signed"), [signed]),
            (_("Status"), [status, _("Confidence: {level}", level=confidence)]),
        ]
        for column, (heading, lines) in zip(st.columns(4), facts):
            column.markdown(f"**{heading}**  \n" + "  \n".join(plain_markdown(line) for line in lines if line))
        if agreement["superseded"]:
            st.markdown(_("The compilers mark it as replaced by a later recorded instrument (their reading)."))
        if agreement["pair_in_ilo_booklet"]:
            st.markdown(_("The ILO booklet (2011) lists an agreement between these two countries."))
        if pd.notna(agreement["notes"]):
            st.markdown(
                _("Notes (as the compilers wrote them, in English): {notes}", notes=plain_markdown(agreement["notes"]))
            )
        pages = re.findall(r"https?://\S+", source["citation"]) or [source["url"]]
        st.markdown(
            _("**Source** ({publisher}):", publisher=plain_markdown(source["publisher"]))
            + " "
            + " · ".join(f"<{page}>" for page in pages)
        )
        st.caption(
            _(
                "{dataset}. Licence: {licence}.",
                dataset=plain_markdown(source["dataset"]),
                licence=plain_markdown(source["licence"]),
            )
        )

        st.markdown(
            _(
                "**Instruments recorded between {first} and {second}** (originals, renewals and others, "
                "oldest first; undated last; whatever the filters)",
                first=plain_markdown(origin),
                second=plain_markdown(destination),
            )
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
        _(
            "**Migrants from {sender} living in {receiver}** (UN DESA {revision} revision)",
            sender=plain_markdown(origin),
            receiver=plain_markdown(destination),
            revision=stock.revision,
        )
    )
    if stock.signing_year is None:
        st.info(
            _("The signing date is not recorded, so no before/after comparison is shown."),
            icon=":material/event_busy:",
        )
        return
    before, after = st.columns(2)
    before.metric(
        _("Before: mid-{year}", year=stock.before_year) if stock.before_year else _("Before"),
        exact_number(stock.before) if stock.before_year else _("no estimate before the signing year"),
    )
    if stock.after_year:
        after.metric(_("After: mid-{year}", year=stock.after_year), exact_number(stock.after))
    else:
        after.metric(_("After"), _("no estimate after {year} yet", year=stock.signing_year))
    render_source_note(
        sources,
        stock.source_ids,
        measure=_(STOCK_MEASURE, revision=stock.revision)
        + " "
        + _(
            "Before/after: the nearest estimate years strictly before and after the signing year ({year}). "
            "'{no_data}' means UN DESA gives no figure for the pair. Stocks change for many reasons: the "
            "difference is not the agreement's effect.",
            year=stock.signing_year,
            no_data=_(NO_DATA),
        ),
    )


def render_agreement_list(rows: pd.DataFrame, sources: pd.DataFrame, *, key: str) -> None:
    """A corridor's recorded agreements (from ``data.agreements_between``), compact, each with its source link."""
    if rows.empty:
        st.caption(
            _(
                "No agreement recorded for this corridor in the agreements inventory (a partial inventory: "
                "none recorded does not mean none exists)."
            )
        )
        return
    urls = source_urls(sources)
    st.dataframe(
        pd.DataFrame(
            {
                "signed": signing_labels(rows),
                "instrument_type": [instrument_label(kind) for kind in rows["instrument_type"].tolist()],
                "title": rows["title"].to_numpy(),
                "parties_note": rows["parties_note"].fillna("").to_numpy(),
                "confidence": [[_(CONFIDENCE_LABELS.get(level, level))] for level in rows["confidence"]],
                "source_url": [urls.get(source_id) for source_id in rows["source_id"]],
            }
        ),
        hide_index=True,
        key=key,
        column_config={
            name: config
            for name, config in table_column_config().items()
            if name in {"signed", "instrument_type", "title", "parties_note", "confidence", "source_url"}
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
        column_config=table_column_config(),
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
        ngettext(
            "**Not on the timeline: {count} agreement with no recorded date** (never placed at a guessed date)",
            "**Not on the timeline: {count} agreements with no recorded date** (never placed at a guessed date)",
            len(undated),
        )
    )
    st.dataframe(
        undated,
        hide_index=True,
        key=key,
        column_config=table_column_config(),
        column_order=["destination", "origin", "instrument_type", "title", "parties_note", "confidence", "source_url"],
    )


def render_coverage(coverage: pd.DataFrame, *, key: str) -> None:
    st.dataframe(
        coverage,
        hide_index=True,
        key=key,
        column_order=["destination", "agreements", "origins", "with"],
        column_config={
            "destination": st.column_config.TextColumn(_("Destination")),
            "agreements": st.column_config.NumberColumn(
                _("Agreements"), help=_("Instruments recorded, renewals counted separately")
            ),
            "origins": st.column_config.NumberColumn(_("Origins")),
            "with": st.column_config.TextColumn(_("With (number of instruments)"), width="large"),
        },
    )


def render_gaps(gaps: pd.DataFrame, *, names: dict[str, str], year: int, key: str) -> None:
    st.dataframe(
        gaps_frame(gaps, names=names),
        hide_index=True,
        key=key,
        column_config={
            "rank": st.column_config.NumberColumn(_("Rank"), help=_("Rank among the largest corridors considered")),
            "origin": st.column_config.TextColumn(_("Origin")),
            "destination": st.column_config.TextColumn(_("Destination")),
            "migrants": st.column_config.NumberColumn(
                _("Migrants, mid-{year}", year=year), format="localized", help=_("Migrant stock (persons), not flows")
            ),
            "includes_refugees": st.column_config.CheckboxColumn(
                _("Includes refugees"),
                help=_(
                    "UN DESA flag on the destination's estimates (they include refugees), not a statement about "
                    "this corridor"
                ),
            ),
            "imputed": st.column_config.CheckboxColumn(
                _("Imputed"), help=_("UN DESA imputed the destination's figures")
            ),
        },
    )


def render_regional_instruments(frame: pd.DataFrame, *, key: str) -> None:
    """The rows of a ``regional_frame``."""
    st.dataframe(
        frame,
        hide_index=True,
        key=key,
        column_config={
            **{
                name: config
                for name, config in table_column_config().items()
                if name in {"instrument_type", "signed", "confidence", "source_url"}
            },
            "name": st.column_config.TextColumn(
                _("Instrument or process"), width="large", help=_("As published, in English")
            ),
            "body_or_process": st.column_config.TextColumn(_("Body or process")),
            "place": st.column_config.TextColumn(_("Place")),
            "members_or_scope": st.column_config.TextColumn(_("Members or scope"), width="medium"),
            "notes": st.column_config.TextColumn(
                _("Notes"), width="large", help=_("As the compilers wrote them, in English")
            ),
        },
    )


def names_of() -> dict:
    """ISO3 -> country name in the session's language."""
    countries = load_countries()
    return country_names_in(dict(zip(countries["iso3"], countries["name"])))


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
    countries = load_countries()
    undated = int(shown["year_signed"].isna().sum())
    return AgreementsView(
        agreements=shown,
        frame=table_frame(shown, names=names, sources=sources),
        # Downloads name countries as the countries table does (English), next to their codes.
        download=with_country_names(shown, dict(zip(countries["iso3"], countries["name"]))),
        deck=agreement_map(shown, countries, names=names) if len(shown) else None,
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
        st.header(_("Agreements"))
    if view.frame.empty:
        st.info(
            _("No agreements match these filters. Widen the signing period or remove a filter."),
            icon=":material/filter_alt_off:",
        )
        write_param("agr", None, None)
    else:
        st.caption(
            _(
                "{count} of {total} recorded instruments match ({undated} with no recorded date).",
                count=exact_number(len(view.frame)),
                total=exact_number(len(options.agreement_ids)),
                undated=exact_number(view.undated),
            )
            + " "
            + _(
                "Select a row for its detail; search and sort from the table's header. Titles are as published, "
                "in English."
            )
        )
        table_key = (
            "agreements_" + hashlib.sha1(repr(filters).encode()).hexdigest()[:8]
        )  # a new selection per filter set
        selected_id = render_agreements_table(view.frame, key=table_key, selected_id=requested_id)
        if requested_id and requested_id not in set(view.frame["agreement_id"]):
            st.info(
                _("The agreement {agreement} is not among those matching these filters.", agreement=requested_id),
                icon=":material/info:",
            )
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
            title=_(spec.title),
            measure=_(spec.measure),
            filters=filters.describe(names=names | group_names(load_or_stop(load_country_groups)), translate=_),
            catalog_tables=("agreements", "countries"),
        )

        st.subheader(_("Map of agreement pairs"))
        show_map(
            view.deck,
            height=MAP_SIZE_PX[1],
            key="agreements_map",
            alt=ngettext(
                "Map of the {count} agreement listed above, drawn as an arc from origin to destination",
                "Map of the {count} agreements listed above, drawn as arcs from origin to destination",
                len(view.agreements),
            ),
        )
        render_type_legend(view.agreements)
        st.caption(
            _(
                "Arcs from origin to destination, one per instrument type, wider for more instruments. Hover over "
                "an arc for the pair and the number of instruments; drag and scroll to move and zoom."
            )
        )
        show_map_image(
            lambda: agreement_image(
                view.agreements, load_countries(), load_or_stop(load_country_shapes), names=options.names
            ),
            key="agreements_map",
            filename="agreements-map",
            alt=ngettext(
                "The map above as an image: {count} agreement drawn as a curve over the country shapes",
                "The map above as an image: {count} agreements drawn as curves over the country shapes",
                len(view.agreements),
            ),
            note=_("Curves stand for the arcs; colours and widths are the same."),
        )
        st.subheader(_("Timeline of signings"))
        if view.timeline is None:
            st.info(
                _(
                    "None of these agreements has a recorded date, so none is placed on the timeline; they are "
                    "listed below."
                ),
                icon=":material/event_busy:",
            )
        else:
            show_chart(view.timeline, key="agreements_timeline", numbers=False)
            render_type_legend(view.agreements[view.agreements["year_signed"].notna()])
        st.caption(
            _(
                "One marker per destination, year and instrument type, larger for more instruments. An agreement "
                "whose page gives only the year is placed at that year; hover for the date as recorded."
            )
        )
        render_undated(view.frame, key="agreements_undated")

        st.subheader(_("Coverage by destination"))
        render_coverage(view.coverage, key="agreements_coverage")


def gaps_section(*, chosen: frozenset[str], role: str, names: dict, sources: pd.DataFrame) -> None:
    st.subheader(_("Large corridors with no recorded agreement"))
    gaps, considered, latest_year = load_or_stop(
        load_corridor_gaps,
        revision=AGREEMENT_STOCK_REVISION,
        largest=GAP_CORRIDORS,
        countries=tuple(sorted(chosen)),
        role=role,
    )
    counts = {"considered": considered, "year": latest_year, "covered": considered - len(gaps), "gaps": len(gaps)}
    if chosen:
        coverage = _(
            "Of the {considered} largest corridors within Asia and the Pacific in {year} for the chosen countries "
            "(in the chosen role), {covered} have at least one recorded agreement and {gaps} have none.",
            **counts,
        )
    else:
        coverage = _(
            "Of the {considered} largest corridors within Asia and the Pacific in {year}, {covered} have at least "
            "one recorded agreement and {gaps} have none.",
            **counts,
        )
    st.caption(
        coverage
        + " "
        + _(
            "An agreement of any type, scheme or date counts: the instrument type, scheme and signing period "
            "filters do not apply here. The inventory is partial: 'no recorded agreement' means none was found in "
            "the pages read, not that none exists."
        )
    )
    if gaps.empty:
        st.info(_("Every one of these corridors has a recorded agreement."), icon=":material/check_circle:")
    else:
        render_gaps(gaps, names=names, year=latest_year, key="agreements_gaps")
    render_source_note(
        sources,
        gaps["source_id"] if len(gaps) else [f"undesa_ims_{AGREEMENT_STOCK_REVISION}"],
        measure=_(
            "{measure}. UN DESA {revision} revision, {year}; both countries in the UN regions Asia or Oceania, "
            "unknown origins left out.",
            measure=_(CATALOG["corridors"].measure),
            revision=AGREEMENT_STOCK_REVISION,
            year=latest_year,
        ),
    )


def regional_section(sources: pd.DataFrame) -> None:
    st.subheader(_("Regional instruments"))
    st.caption(
        _(CATALOG["regional_instruments"].description)
        + " "
        + _("Not filtered: these instruments are not between two countries, so the filters above do not apply.")
    )
    render_regional_instruments(load_or_stop(regional_view), key="regional_instruments")
