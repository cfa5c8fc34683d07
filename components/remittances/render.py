"""The Remittances page's sections: thin Streamlit renderers over pure filters (``data.filters.remittances``)
and figures (``components.remittances.figures``). Nothing is cached here: tables come shared and read-only from
``data.load``, and each view's table and figure are built per run (data/__init__.py's caching policy)."""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components.charts import show_chart, show_map
from components.countries.places import group_names
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.filters import render_url_notes, show
from components.formatting import NO_DATA, compact_number, exact_number, percent
from components.i18n import N_, _, country_names_in, ngettext
from components.maps import show_map_image
from components.provenance import render_source_note
from components.remittances import figures
from data import CATALOG, load, load_country_groups, load_country_shapes
from data.filters.places import group_members
from data.filters.remittances import (
    ADDITIVE_MEASURES,
    ALL_ASIA_PACIFIC,
    COMPUTED_SERIES_TEXT,
    EDITIONS,
    FILTER,
    FIRST_YEAR,
    LAST_YEAR,
    MEASURE_LABELS,
    MEASURES,
    REPRODUCES_PUBLISHED,
    ChoroplethFilter,
    CostFilter,
    FlowMapFilter,
    RankingFilter,
    SriLankaFilter,
    TrendFilter,
    asia_pacific_codes,
    by_name,
    expand_places,
    largest_recipients,
    latest_corridor_costs,
    quarter_label,
    sender_choices,
    sri_lanka_departure_years,
    trend_choices,
)

PLAYING = "_remittances_playing"
PLAY_SECONDS = 1.2
MODELLED_WARNING = N_(
    "**Modelled estimates, not reported flows.** KNOMAD/World Bank allocate each country's recorded "
    "inflow across sending countries using migrant stocks and incomes (Ratha & Shaw 2007)."
)


@dataclass(frozen=True)
class Choices:
    names: dict
    asia_pacific: list
    senders: list


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
    shown: pd.DataFrame | None = None  # the table as drawn (names in the reader's language), for the image


@dataclass(frozen=True)
class CostView:
    table: pd.DataFrame
    computed: pd.DataFrame
    unmatched: list
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


def names_of() -> dict:
    """ISO3 -> country name in the reader's language (CLDR; English where it has none)."""
    return country_names_in(dict(zip(load("countries")["iso3"], load("countries")["name"])))


def catalog_measure(table: str) -> str:
    """What a catalog table measures, in the reader's language."""
    return _(CATALOG[table].measure)


def _context() -> tuple[pd.DataFrame, dict, "Choices"]:
    """What every section reads: the sources, country names, and the country choices."""
    return load_or_stop(load, "sources"), load_or_stop(names_of), load_or_stop(choices_of)


def choices_of() -> Choices:
    countries = load("countries")
    return Choices(
        names=names_of(),
        asia_pacific=by_name(asia_pacific_codes(countries), countries),
        senders=sender_choices(countries),
    )


def departure_years_of() -> list[int]:
    return sri_lanka_departure_years(load("labour_outflows"))


def ranking_of(filters: RankingFilter) -> RankingView:
    countries, names = load("countries"), names_of()
    recipients = filters.recipients(load("remittances"), countries)
    recipients_figure = (
        None
        if recipients.empty
        else figures.recipients_figure(recipients, names=names, measure=filters.measure, year=filters.year)
    )
    senders = filters.senders(load("remittance_corridors"), countries)
    return RankingView(
        recipients, recipients_figure, senders, figures.senders_figure(senders, names=names, edition=filters.edition)
    )


def flows_of(filters: FlowMapFilter) -> MapView:
    arcs = filters.apply(load("remittance_corridors"), load("countries"))
    if arcs.empty:
        return MapView(arcs, None, "")
    names = names_of()  # the map's tooltips in the reader's language; the download keeps the table's names
    localised = arcs.assign(
        sender=[names.get(code, code) for code in arcs["sender_iso3"]],
        receiver=[names.get(code, code) for code in arcs["receiver_iso3"]],
    )
    return MapView(arcs, figures.flow_map(localised), figures.flow_legend(arcs), localised)


def choropleth_of(filters: ChoroplethFilter) -> MapView:
    values = filters.apply(load("remittances"), load("countries"))
    if values["value"].isna().all():
        return MapView(values, None, "")
    names = names_of()
    localised = values.assign(name=[names.get(code, code) for code in values["iso3"]])
    deck, legend = figures.choropleth(localised, load_country_shapes(), measure=filters.measure)
    return MapView(values, deck, legend, localised)


def cost_of(filters: CostFilter) -> CostView:
    names = names_of()
    table = filters.apply(load("remittance_costs"))
    computed = filters.computed(load("remittance_cost_means"))
    latest = latest_corridor_costs(table)
    figure = (
        None
        if table.empty and computed.empty
        else figures.cost_figure(table, names=names, receiver=filters.receiver, computed=computed)
    )
    unmatched = sorted(set(computed.loc[~computed["reproduces_published"].isin(REPRODUCES_PUBLISHED), "sender_iso3"]))
    return CostView(
        table,
        computed,
        unmatched,
        latest,
        figures.latest_costs_table(latest, names=names, receiver=filters.receiver),
        figure,
        filters.senders_without_data(table),
    )


def sri_lanka_of(filters: SriLankaFilter) -> SriLankaView:
    table = filters.apply(load("remittances_by_sender"), load("labour_outflows"), load("remittance_corridors"))
    side_by_side = SriLankaFilter.side_by_side(table)
    display = figures.sri_lanka_display_table(
        side_by_side, departures_year=filters.departures_year, edition=filters.edition
    )
    return SriLankaView(table, figures.sri_lanka_figure(side_by_side), display, list(table["note"].dropna().unique()))


def measure_radio(container=st) -> str:
    return show(
        FILTER["measure"],
        options=list(MEASURES),
        format_func=lambda key: _(MEASURE_LABELS[key]),
        horizontal=True,
        container=container,
    )


def edition_radio(container=st) -> int:
    return show(FILTER["brm"], options=EDITIONS, horizontal=True, container=container)


def group_choices(groups: pd.DataFrame) -> dict[str, str]:
    """Each country group's key and its label with its number of members, for place choosers."""
    named = group_names(groups)
    return {
        key: ngettext("{group}, {count} member", "{group}, {count} members", len(members), group=named[key])
        for key, members in group_members(groups).items()
    }


def place_label(groups: dict[str, str], names: dict):
    return lambda code: groups.get(code) or names.get(code, code)


def say_group_members(chosen_groups, groups: dict[str, str], names: dict, *, summed: bool | None) -> None:
    """What choosing a group did, said on the page: its members were chosen (and whether a total is drawn)."""
    for key, members in chosen_groups:
        text = _(
            "{group} stands for its members: {members}.",
            group=groups[key],
            members=", ".join(names.get(code, code) for code in members),
        )
        if summed is False:
            text += " " + _("No group total: this measure is not summed over countries, so the members are shown.")
        st.caption(text)


def trend_view() -> None:
    sources, names, choices = _context()
    remittances, countries = load_or_stop(load, "remittances"), load_or_stop(load, "countries")
    groups_table = load_or_stop(load_country_groups)
    groups = group_names(groups_table)
    controls = st.columns([5, 3, 3])
    chosen = show(
        FILTER["countries"],
        options=[*groups, *trend_choices(remittances, countries)],
        default=largest_recipients(remittances, countries),
        container=controls[0],
        format_func=place_label(group_choices(groups_table), names),
        placeholder=_("Choose countries or groups"),
    )
    measure = measure_radio(controls[1])
    log_scale = show(FILTER["log"], container=controls[2])
    include_knomad = show(FILTER["knomad"], container=controls[2])
    render_url_notes()
    if not chosen:
        st.info(_("No countries chosen: pick one or more above."))
        return
    chosen_countries, chosen_groups = expand_places(chosen, groups_table)
    filters = TrendFilter(chosen_countries, measure, include_knomad, chosen_groups)
    say_group_members(chosen_groups, groups, names, summed=measure in ADDITIVE_MEASURES)
    table = filters.apply(remittances)
    totals = filters.group_totals(table)
    missing = filters.countries_without_data(table)
    if missing:
        st.info(
            ngettext(
                "No data: {countries} has no published figure for {measure} in the series shown.",
                "No data: {countries} have no published figure for {measure} in the series shown.",
                len(missing),
                countries=", ".join(names.get(code, code) for code in missing),
                measure=_(MEASURES[measure][1]),
            ),
            icon=":material/block:",
        )
    if table["value"].isna().all():
        return
    headlines = filters.headline_points(load_or_stop(load, "remittance_headlines"))
    show_chart(
        figures.trend_figure(
            table,
            sources,
            names=names,
            measure=measure,
            log_scale=log_scale,
            headlines=headlines,
            totals=totals,
            group_names=groups,
        ),
        key="trend_chart",
    )
    for sentence in figures.group_total_sentences(totals, group_names=groups, measure=measure):
        st.markdown(sentence)
    lines = _(
        "Solid lines: World Bank WDI (final figures). Dashed lines: KNOMAD's December 2023 release; its 2023 "
        "value is an estimate (open circle). The two releases are separate lines, never joined. Gaps = no data."
    )
    diamonds = _(
        "Open diamonds: World Bank estimates for 2024 as printed in its releases (the release is in the "
        "tooltip; a later release may revise an earlier one), never joined to the WDI line."
    )
    st.caption(f"{lines} {diamonds}" if len(headlines) else lines)
    measure_text = f"{_(MEASURES[measure][1])}. {catalog_measure('remittances')}."
    render_source_note(sources, [*table["source_id"], *headlines["source_id"]], measure=measure_text)
    render_downloads(
        figures.trend_download(
            pd.concat([frame for frame in (table, totals, headlines) if len(frame)], ignore_index=True),
            measure=measure,
            names=names | groups,
        ),
        sources,
        name="remittances-trend",
        title=_("Remittances received over time"),
        measure=measure_text,
        filters=filters.describe(names | groups, _),
        key="trend",
        catalog_tables=("remittances", "remittance_headlines", "countries"),
    )


def ranking_view() -> None:
    sources, names, choices = _context()
    controls = st.columns([3, 2, 2])
    year = show(FILTER["year"], minimum=FIRST_YEAR, maximum=LAST_YEAR, container=controls[0])
    measure = measure_radio(controls[1])
    edition = edition_radio(controls[2])
    render_url_notes()
    filters = RankingFilter(year, measure, edition)
    ranking = load_or_stop(ranking_of, filters)
    left, right = st.columns(2)
    with left:
        if ranking.recipients_figure is None:
            st.info(
                _(
                    "No data: WDI publishes no figure for {measure} for Asia-Pacific countries in {year}.",
                    measure=_(MEASURES[measure][1]),
                    year=year,
                )
            )
        else:
            show_chart(ranking.recipients_figure, key="recipients_chart")
            measure_text = f"{_(MEASURES[measure][1])}, {year}. {catalog_measure('remittances')}."
            render_source_note(sources, ranking.recipients["source_id"], measure=measure_text)
            render_downloads(
                ranking.recipients,
                sources,
                name=f"remittance-recipients-{year}",
                title=_("Top remittance recipients in Asia and the Pacific, {year}", year=year),
                measure=measure_text,
                filters=filters.describe(names, _)[:1],
                key="recipients",
                catalog_tables=("remittance_corridors", "remittances", "countries"),
            )
    with right:
        show_chart(ranking.senders_figure, key="senders_chart")
        st.caption(
            _(MODELLED_WARNING)
            + " "
            + _(
                "Only the {first} and {last} editions exist, so senders are shown for {edition} whatever the year "
                "chosen; always in US\\$ (no % of GDP is derived for them).",
                first=EDITIONS[1],
                last=EDITIONS[0],
                edition=edition,
            )
        )
        render_source_note(sources, ranking.senders["source_id"], measure=catalog_measure("remittance_corridors"))
        render_downloads(
            ranking.senders,
            sources,
            name=f"remittance-senders-{edition}",
            title=_("Top senders of remittances to Asia and the Pacific, {edition} (modelled)", edition=edition),
            measure=catalog_measure("remittance_corridors"),
            filters=filters.describe(names, _)[1:],
            key="senders",
            catalog_tables=("remittance_corridors", "remittances", "countries"),
        )


def maps_view() -> None:
    sources, names, choices = _context()
    controls = st.columns([2, 3])
    edition = edition_radio(controls[0])
    groups_table = load_or_stop(load_country_groups)
    groups = group_names(groups_table)
    receiver = show(
        FILTER["into"],
        options=[ALL_ASIA_PACIFIC, *groups, *choices.asia_pacific],
        container=controls[1],
        format_func=place_label(
            {ALL_ASIA_PACIFIC: _("All of Asia and the Pacific"), **group_choices(groups_table)}, names
        ),
    )
    render_url_notes()

    st.subheader(_("Bilateral remittance estimates, {edition}", edition=edition))
    _countries, chosen_groups = expand_places([receiver], groups_table)
    say_group_members(chosen_groups, groups, names, summed=True)
    filters = FlowMapFilter(edition, receiver, members=chosen_groups[0][1] if chosen_groups else ())
    flows = load_or_stop(flows_of, filters)
    total = filters.group_total(load("remittance_corridors"), load("countries"))
    if total is not None:
        usd_million, with_data, members = total
        st.markdown(
            _(
                "**{group}, {edition}:** US${value} received from every sender (modelled), total of the {count} "
                "members with data (of {members}).",
                group=groups[receiver],
                edition=edition,
                value=compact_number(usd_million * 1e6),
                count=with_data,
                members=members,
            )
        )
    if flows.deck is None:
        st.info(
            _(
                "No data: the {edition} bilateral estimates give no sending country for {receiver}.",
                edition=edition,
                receiver=(names | groups).get(receiver, receiver),
            )
        )
    else:
        st.warning(_(MODELLED_WARNING), icon=":material/model_training:")
        show_map(
            flows.deck,
            height=480,
            key="flow_map",
            alt=ngettext(
                "Map of {count} modelled sender-to-receiver remittance estimate, {edition} edition",
                "Map of {count} modelled sender-to-receiver remittance estimates, {edition} edition",
                len(flows.table),
                edition=edition,
            ),
        )
        st.markdown(flows.legend, unsafe_allow_html=True)
        title = filters.describe(names | groups, _)[0]
        show_map_image(
            lambda: figures.flow_map_image(flows.shown, load_country_shapes(), title=title),
            key="flow_map",
            filename=f"remittance-flows-{edition}-{receiver}",
            alt=_(
                "The map above as an image: {count} modelled estimates drawn as curves over the country shapes",
                count=len(flows.table),
            ),
            note=_("Curves stand for the arcs; colours and widths follow the same classes."),
        )
        st.caption(
            _(
                "The {limit} largest estimates. Bilateral estimates exist for 2017 and 2021 only, always in US$: the "
                "measure and year below are for the map of remittances received.",
                limit=filters.limit,
            )
        )
        render_source_note(sources, flows.table["source_id"], measure=catalog_measure("remittance_corridors"))
        render_downloads(
            flows.table,
            sources,
            name=f"remittance-flows-{edition}",
            title=filters.describe(names | groups, _)[0],
            measure=catalog_measure("remittance_corridors"),
            filters=filters.describe(names | groups, _),
            key="flows",
            catalog_tables=("remittance_corridors", "countries"),
        )

    st.subheader(_("Remittances received across Asia and the Pacific"))
    measure = measure_radio()
    render_url_notes()
    st.caption(
        _(
            "Every country and area of Asia and the Pacific, from World Bank WDI: the edition and 'Flows into' above "
            "are for the map of bilateral estimates only."
        )
    )
    choropleth_panel(measure)


def _toggle_play() -> None:
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    if playing and st.session_state.get("year", LAST_YEAR) >= LAST_YEAR:
        st.session_state["year"] = FIRST_YEAR


def choropleth_panel(measure: str) -> None:
    """Year slider, play button and map; while playing, only this panel reruns, one year per tick."""
    sources, names, _choices = _context()

    @st.fragment(run_every=PLAY_SECONDS if st.session_state.get(PLAYING) else None)
    def panel() -> None:
        if st.session_state.get(PLAYING):
            if st.session_state.get("year", LAST_YEAR) >= LAST_YEAR:
                st.session_state[PLAYING] = False
                st.rerun()  # the whole page, so that the timer stops
            st.session_state["year"] = st.session_state.get("year", FIRST_YEAR) + 1
        controls = st.columns([5, 1], vertical_alignment="bottom")
        year = show(FILTER["year"], minimum=FIRST_YEAR, maximum=LAST_YEAR, container=controls[0])
        playing = st.session_state.get(PLAYING, False)
        if controls[1].button(
            _("Pause") if playing else _("Play"),
            key="play",
            on_click=_toggle_play,
            icon=":material/pause:" if playing else ":material/play_arrow:",
            help=_("Step through the years {first}-{last}", first=FIRST_YEAR, last=LAST_YEAR),
        ):
            st.rerun()  # start or stop the timer, which only a full run can set
        filters = ChoroplethFilter(year, measure)
        choropleth = load_or_stop(choropleth_of, filters)
        if choropleth.deck is None:
            st.info(
                _(
                    "No data: WDI publishes no figure for {measure} for Asia and the Pacific in {year}.",
                    measure=_(MEASURES[measure][1]),
                    year=year,
                )
            )
            return
        show_map(
            choropleth.deck,
            height=480,
            key="choropleth_map",
            alt=_(
                "Map of Asia and the Pacific, countries filled by {measure} in {year}",
                measure=_(MEASURES[measure][1]),
                year=year,
            ),
        )
        st.markdown(choropleth.legend, unsafe_allow_html=True)
        countries = load("countries").set_index("iso3")
        located = countries.reindex(choropleth.table.dropna(subset=["value"])["iso3"])
        show_map_image(
            lambda: figures.choropleth_image_figure(
                choropleth.shown,
                load_country_shapes(),
                measure=measure,
                title=filters.describe(names, _)[0],
                fit=(located["lon"].tolist(), located["lat"].tolist()),
            ),
            key="choropleth_map",
            filename=f"remittances-map-{measure}-{year}",
            alt=_(
                "The map above as an image: {count} countries filled by {measure} in {year}",
                count=int(choropleth.table["value"].notna().sum()),
                measure=_(MEASURES[measure][1]),
                year=year,
            ),
        )
        measure_text = f"{_(MEASURES[measure][1])}, {year}. {catalog_measure('remittances')}."
        render_source_note(sources, choropleth.table["source_id"].dropna(), measure=measure_text)
        render_downloads(
            choropleth.table,
            sources,
            name=f"remittances-map-{year}",
            title=filters.describe(names, _)[0],
            measure=measure_text,
            filters=filters.describe(names, _),
            key="choropleth",
            catalog_tables=("remittances", "countries"),
        )

    panel()


def cost_view() -> None:
    sources, names, choices = _context()
    controls = st.columns([2, 3])
    receiver = show(FILTER["to"], options=choices.asia_pacific, container=controls[0], format_func=names.get)
    groups_table = load_or_stop(load_country_groups)
    groups = group_names(groups_table)
    chosen = show(
        FILTER["from"],
        options=[*groups, *choices.senders],
        container=controls[1],
        format_func=place_label(group_choices(groups_table), names),
        placeholder=_("Every corridor surveyed"),
    )
    all_means = show(FILTER["all_means"])
    render_url_notes()
    senders, chosen_groups = expand_places(chosen, groups_table)
    say_group_members(chosen_groups, groups, names, summed=False)
    st.info(
        _(
            "The published corridor prices end in **{last_quarter}**, the last quarter in the World Bank "
            "DataBank export used. From 2020Q4 to 2025Q1 the dotted lines are the **{series}** (not the "
            "World Bank's published average), by default only for corridors where that computation reproduces the "
            "published average over 2016Q2-2020Q3. The country averages (WDI, SDG 10.c.1) end in 2020.",
            last_quarter=quarter_label("2020Q3", _),
            series=_(COMPUTED_SERIES_TEXT),
        ),
        icon=":material/history:",
    )
    filters = CostFilter(receiver, tuple(senders), all_means)
    cost = load_or_stop(cost_of, filters)
    if cost.unmatched:
        st.warning(
            _(
                "Computed means shown for corridors where they do **not** reproduce the published average over "
                "2016Q2-2020Q3: {corridors}. Read their level after 2020Q3 with care.",
                corridors=", ".join(f"{names.get(code, code)} → {names.get(receiver)}" for code in cost.unmatched),
            ),
            icon=":material/warning:",
        )
    if cost.senders_without_data:
        st.info(
            ngettext(
                "No cost data for {corridors}: Remittance Prices Worldwide does not survey this corridor in the data "
                "to 2020Q3.",
                "No cost data for {corridors}: Remittance Prices Worldwide does not survey these corridors in the "
                "data to 2020Q3.",
                len(cost.senders_without_data),
                corridors=", ".join(
                    f"{names.get(code, code)} → {names.get(receiver)}" for code in cost.senders_without_data
                ),
            ),
            icon=":material/block:",
        )
    if cost.figure is None:
        st.info(
            _(
                "No cost data: Remittance Prices Worldwide surveys no corridor into {country} here, and WDI "
                "publishes no average cost of sending to it.",
                country=names.get(receiver),
            ),
            icon=":material/block:",
        )
        return
    if len(cost.latest):
        cheapest, dearest = cost.latest.iloc[0], cost.latest.iloc[-1]
        tiles = st.columns(3)
        extremes = [
            (tiles[0], N_("Cheapest corridor, {quarter}"), cheapest),
            (tiles[1], N_("Dearest corridor, {quarter}"), dearest),
        ]
        for tile, label, row in (
            extremes if len(cost.latest) > 1 else [(tiles[0], N_("The one corridor, {quarter}"), cheapest)]
        ):
            tile.metric(
                _(label, quarter=row["period"]),
                percent(row["cost_pct"], digits=2),
                border=True,
                help=_(
                    "Average total cost of sending US$200, % of the amount sent (RPW), in the corridor's latest quarter"
                ),
            )
            tile.caption(f"{names.get(row['sender_iso3'])} → {names.get(receiver)}, {quarter_label(row['period'], _)}")
        above = int(cost.latest["above_corridor_ceiling"].sum())
        tiles[2].metric(
            _("Corridors above 5% at their latest quarter"),
            _("{above} of {count}", above=exact_number(above), count=exact_number(len(cost.latest))),
            border=True,
            help=_("SDG 10.c: no corridor above 5% by 2030, and 3% on average"),
        )
    show_chart(cost.figure, key="cost_chart", numbers=False)
    if len(cost.latest):
        st.caption(
            _(
                "The tiles and the table count published corridor prices only (to each corridor's latest published "
                "quarter); the computed means after 2020Q3 are drawn on the chart and in the download, not counted "
                "there."
            )
        )
        st.dataframe(
            cost.latest_table,
            hide_index=True,
            key="cost_table",
            column_config={
                "cost_pct": st.column_config.NumberColumn(_("Cost, % of US$200"), format="%.2f"),
                "above_average_target": st.column_config.CheckboxColumn(_("Above 3%")),
                "above_corridor_ceiling": st.column_config.CheckboxColumn(_("Above 5%")),
                "quarter": _("Latest quarter"),
                "corridor": _("Corridor, cheapest first"),
            },
        )
    render_source_note(sources, cost.table["source_id"], measure=catalog_measure("remittance_costs"))
    if len(cost.computed):
        render_source_note(
            sources,
            cost.computed["source_id"],
            measure=f"{_(COMPUTED_SERIES_TEXT)}: {catalog_measure('remittance_cost_means')}",
        )
    render_downloads(
        pd.concat([cost.table, cost.computed], ignore_index=True),
        sources,
        name=f"remittance-costs-{receiver}",
        title=_("Cost of sending money to {country}", country=names.get(receiver)),
        measure=catalog_measure("remittance_costs"),
        filters=filters.describe(names, _),
        key="costs",
        catalog_tables=("remittance_costs", "remittance_cost_means", "countries"),
    )


def sri_lanka_view() -> None:
    sources, names, choices = _context()
    controls = st.columns([2, 3])
    departures_year = show(FILTER["dep_year"], options=load_or_stop(departure_years_of), container=controls[0])
    edition = edition_radio(controls[1])
    render_url_notes()
    st.markdown(
        _(
            "Sri Lanka is the one origin with **reported** remittances by sending country (Central Bank of Sri "
            "Lanka, 2023). Here they stand next to **departures** for foreign employment by destination (SLBFE) and "
            "the **modelled** KNOMAD/World Bank estimates for the same countries ({edition}). Where the model and "
            "the reported figures differ is itself a finding: the model allocates money by migrant stocks and "
            "incomes, not by where remittances are actually recorded as coming from.",
            edition=edition,
        )
    )
    filters = SriLankaFilter(departures_year, edition)
    sri_lanka = load_or_stop(sri_lanka_of, filters)
    show_chart(sri_lanka.figure, key="srilanka_chart", numbers=False)
    st.caption(
        _(
            "The 15 largest reported senders; every country is in the table below. Shares are of each source's "
            "own total. Years differ: reported remittances 2023, departures {year}, estimates {edition}.",
            year=departures_year,
            edition=edition,
        )
    )
    for note in sri_lanka.notes:
        st.info(_("{year} departures: {note}", year=departures_year, note=note), icon=":material/report:")
    st.dataframe(sri_lanka.display, hide_index=True, key="srilanka_table")
    st.caption(
        _(
            "'{no_data}': not published for that country that year, or withheld (see the note above).",
            no_data=_(NO_DATA),
        )
    )
    measure_text = _(
        "Reported remittances (US$ million, 2023), departures for foreign employment (persons, a flow) and "
        "modelled bilateral estimates (US$ million, {edition}), with each source's share",
        edition=edition,
    )
    render_source_note(sources, sri_lanka.table["source_id"], measure=measure_text)
    render_downloads(
        sri_lanka.table,
        sources,
        name="sri-lanka-remittances",
        title=_("Sri Lanka: reported remittances, departures and modelled estimates by partner country"),
        measure=measure_text,
        filters=filters.describe(names, _),
        key="srilanka",
        catalog_tables=("remittances_by_sender", "countries"),
    )
