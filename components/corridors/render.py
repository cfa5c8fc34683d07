"""Streamlit renderers for the corridors page: play control, corridor picker, corridor detail, table, and the
page's sections. The figures themselves are built by the pure functions in ``components/corridors/figures.py``.
"""

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pandas as pd
import streamlit as st

from components import presenter
from components.charts import show_chart, show_map
from components.corridors import figures
from components.corridors.profile import CorridorContext, render_corridor_profile
from components.countries.places import area_and_group_labels
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.filters import (
    ARRIVED_KEY,
    choice_param,
    render_link_keys,
    render_url_notes,
    show,
    view_link,
    write_param,
)
from components.formatting import exact_number
from components.i18n import N_, _, country_name, ngettext, region_name
from components.maps import legend_html, show_map_image
from components.plain_text import plain_markdown
from components.provenance import render_source_note
from data import CATALOG, compare, load_corridors, load_country_shapes, load_remittances
from data.filters import Filter
from data.filters.corridors import (
    FILTER,
    MAX_TOP,
    MINIMUM_SIZES,
    SIZE_LABELS,
    SIZE_MODES,
    VIEW_LABELS,
    CorridorFilters,
    next_point,
)
from data.groups import selection_total

INTRO = N_(
    "Who lives where: people living outside their country of origin at mid-year, by origin and destination "
    "(UN DESA International Migrant Stock). These are **stocks, not yearly flows**; origin is the country of "
    "birth, or of citizenship where the destination counts foreign citizens. **Asia** is the UN M49 region "
    "(it includes Western and Central Asia); **Asia and the Pacific** is the UN regions Asia and Oceania."
)
PLAY_SECONDS = 1.5
PLAYING_KEY = "corridors_playing"
STEPPED_AT_KEY = "corridors_stepped_at"
CORRIDOR_KEY = "corridor"
MAP_KEY = "corridor_map"
NO_CORRIDOR = N_("None: click an arc on the map, or choose a corridor here")


# --- year play control ---------------------------------------------------------------------------


def place_filters(
    container, *, countries: pd.DataFrame, groups: pd.DataFrame, names: Mapping[str, str], codes: Sequence[str]
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The four place boxes in one row (areas or groups, then countries, at each end); returns the area labels and
    what each box holds, by filter key."""
    areas = area_and_group_labels(groups, countries)
    chosen = {}
    for column, key in zip(container.columns(4), ("orig_area", "orig", "dest_area", "dest")):
        labels = areas if key.endswith("_area") else names
        options = list(areas) if key.endswith("_area") else codes
        chosen[key] = tuple(
            show(FILTER[key], options=options, container=column, format_func=labels.get, placeholder=_("Any"))
        )
    return areas, chosen


def size_filters(mode_column, size_column) -> tuple[str, int, int]:
    """How the map is cut down: the largest N corridors, or those above a minimum; returns (mode, N, minimum)."""
    size_mode = show(
        FILTER["size"],
        options=SIZE_MODES,
        container=mode_column,
        horizontal=True,
        format_func=lambda mode: _(SIZE_LABELS[mode]),
    )
    top_n, minimum = CorridorFilters.top_n, CorridorFilters.minimum
    if size_mode == "top":
        top_n = show(FILTER["top"], minimum=1, maximum=MAX_TOP, container=size_column)
    else:
        minimum = show(FILTER["min"], options=MINIMUM_SIZES, container=size_column, format_func=exact_number)
    return size_mode, top_n, minimum


def render_play_control(years: Sequence[int], *, key: str, container=st) -> None:
    """Play / Pause beside the year slider ``key``: steps through the estimate years, one every PLAY_SECONDS.
    Not on a slide, where the year slider is hidden and a lone button would do nothing anyone could follow."""
    if presenter.presenting():
        return
    playing = st.session_state.get(PLAYING_KEY, False)
    container.button(
        _("Pause") if playing else _("Play"),
        key=f"{key}_play",
        on_click=_toggle_play,
        args=(tuple(years), key),
        icon=":material/pause:" if playing else ":material/play_arrow:",
        help=_("Step through the estimate years on the map"),
        width="stretch",
    )
    if playing:
        _step_year(tuple(years), key)


def _toggle_play(years: tuple[int, ...], key: str) -> None:
    playing = not st.session_state.get(PLAYING_KEY, False)
    st.session_state[PLAYING_KEY] = playing
    if playing:
        if st.session_state.get(key) == years[-1]:
            st.session_state[key] = years[0]
        st.session_state[STEPPED_AT_KEY] = time.monotonic()


@st.fragment(run_every=PLAY_SECONDS)
def _step_year(years: tuple[int, ...], key: str) -> None:
    """Runs with the page and then on a timer; only a timer run that comes a step after the last one moves on."""
    if time.monotonic() - st.session_state.get(STEPPED_AT_KEY, 0.0) < PLAY_SECONDS * 0.8:
        return
    following = next_point(years, st.session_state.get(key, years[-1]))
    if following is None:
        st.session_state[PLAYING_KEY] = False
    else:
        st.session_state[key] = following
        st.session_state[STEPPED_AT_KEY] = time.monotonic()
        st.session_state[PLAYING_KEY] = following != years[-1]
    st.rerun()


# --- choosing a corridor -------------------------------------------------------------------------


def read_corridor_link(revision: int) -> None:
    """On arriving at the page, take the corridor from the link (``corridor=NPL-MYS``) if the revision has it.

    Called before the link notes are shown, so a corridor the revision lacks gets its note too."""
    if CORRIDOR_KEY in st.session_state and not st.session_state.get(ARRIVED_KEY, False):
        return
    known = frozenset()
    if CORRIDOR_KEY in st.query_params:
        corridors = load_corridors(revision=revision)
        known = frozenset(corridors["orig_iso3"] + "-" + corridors["dest_iso3"])
    st.session_state[CORRIDOR_KEY] = choice_param(CORRIDOR_KEY, known, None)


def select_corridor(
    listed: pd.DataFrame, *, revision: int, names: Mapping[str, str], container=st
) -> tuple[str, str] | None:
    """The corridor whose detail is shown: from a click on the map, this picker, or the link.

    The page has read the link already (``read_corridor_link``): read again in a rerun of the detail alone, the
    link would undo the choice just made. The picker lists the corridors of the current table; a corridor opened
    by link or kept from an earlier view stays listed while the revision has it, even if the filters leave it off
    the map (``off_map`` says so).
    """
    options = [None, *dict.fromkeys(figures.pair_key(*pair) for pair in zip(listed["orig_iso3"], listed["dest_iso3"]))]
    current = st.session_state[CORRIDOR_KEY]
    if current is not None and current not in options:
        if _exists(load_corridors(revision=revision), current):
            options.append(current)
        else:  # e.g. a corridor of the other revision
            st.session_state[CORRIDOR_KEY] = None

    def label(key: str | None) -> str:
        if key is None:
            return _(NO_CORRIDOR)
        origin, destination = figures.split_pair_key(key)
        return f"{names.get(origin, origin)} → {names.get(destination, destination)}"

    # The current corridor is also the element's default, so a browser that rebuilds the picker keeps it.
    key = container.selectbox(
        _("Corridor"),
        options,
        index=options.index(st.session_state[CORRIDOR_KEY]),
        key=CORRIDOR_KEY,
        format_func=label,
        placeholder=_(NO_CORRIDOR),
    )
    write_param(CORRIDOR_KEY, key, None)
    return figures.split_pair_key(key) if key else None


def off_map(listed: pd.DataFrame, pair: tuple[str, str]) -> bool:
    """Whether the corridor chosen is not among those the filters put on the map."""
    return not ((listed["orig_iso3"] == pair[0]) & (listed["dest_iso3"] == pair[1])).any()


def _exists(corridors: pd.DataFrame, key: str) -> bool:
    origin, destination = figures.split_pair_key(key)
    return bool(((corridors["orig_iso3"] == origin) & (corridors["dest_iso3"] == destination)).any())


def take_map_selection() -> None:
    """``on_select`` of the arc map: a clicked arc becomes the corridor shown in detail."""
    selection = st.session_state.get(MAP_KEY, {}).get("selection", {})
    clicked = selection.get("objects", {}).get("arcs", [])
    if clicked:
        st.session_state[CORRIDOR_KEY] = figures.pair_key(clicked[0]["orig_iso3"], clicked[0]["dest_iso3"])


# --- the map's legend and the table --------------------------------------------------------------


def render_legend(table: pd.DataFrame, *, title: str) -> None:
    st.html(legend_html(figures.map_legend(table), title=title, no_data=False))


# Names and the figure first, so that a phone shows them before it runs out of width; codes and flags after.
FIRST_COLUMNS = ["origin", "destination", "country", "migrants", "female_share_pct", "change", "change_pct"]


def render_table(table: pd.DataFrame) -> None:
    """The table as the downloads have it, with the country names in the reader's language."""
    whole = st.column_config.NumberColumn
    first = [column for column in FIRST_COLUMNS if column in table.columns]
    named = {
        column: [country_name(code, name) for code, name in zip(table[code_column], table[column])]
        for column, code_column in [("origin", "orig_iso3"), ("destination", "dest_iso3"), ("country", "iso3")]
        if column in table
    }
    st.dataframe(
        table.assign(**named), hide_index=True,
        column_order=[*first, *(column for column in table.columns if column not in first)],
        column_config={
            "revision": whole(_("Revision"), format="%d"), "year": whole(_("Year"), format="%d"),
            "orig_iso3": _("Origin code"), "origin": _("Origin"), "dest_iso3": _("Destination code"),
            "destination": _("Destination"), "iso3": _("Code"), "country": _("Country"), "sex": _("Sex"),
            "source_id": _("Source"),
            "migrants": whole(_("Migrants"), format="%,d", help=_("Of the sex chosen (column 'sex')")),
            "female": whole(_("Female"), format="%,d"), "male": whole(_("Male"), format="%,d"),
            "total": whole(_("Total"), format="%,d"),
            "female_share_pct": whole(_("Female share"), format="%.1f%%"),
            "previous_year": whole(_("Previous estimate year"), format="%d"),
            "previous_migrants": whole(_("Migrants then"), format="%,d"),
            "change": whole(_("Change"), format="%,d"),
            "change_pct": whole(_("Change (%)"), format="%.1f%%"),
            "corridors": whole(_("Corridors"), format="%,d", help=_("Origin-destination pairs summed")),
            "corridors_imputed": whole(_("Of which imputed"), format="%,d", help=_("Imputed by UN DESA (no data)")),
            "type_b": whole(_("By birth"), format="%d", help=_("1 = destination data count the foreign-born")),
            "type_c": whole(_("By citizenship"), format="%d", help=_("1 = destination data count foreign citizens")),
            "type_r": whole(_("Refugees incl."), format="%d", help=_("1 = includes refugees")),
            "type_i": whole(
                _("Imputed"), format="%d", help=_("1 = imputed by UN DESA (no data for the destination)")
            ),
        },
    )  # fmt: skip


# --- the page's sections -------------------------------------------------------------------------------


def map_section(
    table: pd.DataFrame, filters: CorridorFilters, *, countries: pd.DataFrame, sources: pd.DataFrame
) -> None:
    """Arcs (corridors) or filled countries, with the legend, what is not drawn, and the source."""
    view, sex, year, revision = filters.view, filters.sex, filters.year, filters.revision
    spec = CATALOG["corridors"]
    if table.empty:
        st.info(
            _(
                "No corridors match these filters. Remove a country or region, lower the minimum size, or pick another year."
            )
            if view == "corridors"
            else _(
                "No countries match these filters. Remove a country or region, lower the minimum size, or pick another year."
            ),
            icon=":material/filter_alt_off:",
        )
    elif view == "corridors":
        show_map(
            figures.corridor_map(table, countries),
            key=MAP_KEY,
            height=520,
            on_select=take_map_selection,
            selection_mode="single-object",
            alt=ngettext(
                "Map of the {count} corridor in the table below, drawn as an arc",
                "Map of the {count} corridors in the table below, drawn as arcs",
                len(table),
            ),
        )
    else:
        shapes = load_or_stop(load_country_shapes)
        show_map(
            figures.country_map(table, shapes, countries, view=view),
            key=f"{view}_map",
            height=520,
            alt=ngettext(
                "Map of the {count} country in the table below, filled by number of migrants",
                "Map of the {count} countries in the table below, filled by number of migrants",
                len(table),
            ),
        )
    if not table.empty:
        show_map_image(
            lambda: map_image(table, filters, countries=countries),
            key="corridors_map" if view == "corridors" else f"{view}_map",
            filename=f"corridors-{view}-{revision}-{year}" if view != "corridors" else f"corridors-{revision}-{year}",
            alt=(
                ngettext(
                    "The map above as an image: {count} corridor drawn as a curve over the country shapes",
                    "The map above as an image: {count} corridors drawn as curves over the country shapes",
                    len(table),
                )
                if view == "corridors"
                else ngettext(
                    "The map above as an image: {count} country filled by number of migrants",
                    "The map above as an image: {count} countries filled by number of migrants",
                    len(table),
                )
            ),
            note=(
                _("Curves stand for the arcs; colours and widths follow the same classes.")
                if view == "corridors"
                else None
            ),
        )
    if not table.empty:
        render_legend(table, title=figures.legend_title(view, sex=sex, year=year))
        unmapped = figures.unmapped_places(table, countries)
        if unmapped:
            st.caption(_("Listed in the table but not drawn (no map location): {places}.", places=", ".join(unmapped)))
        render_source_note(
            sources,
            table["source_id"].str.split(";").explode(),
            measure=_(
                "{measure}. UN DESA {revision} revision, {year}.", measure=_(spec.measure), revision=revision, year=year
            ),
        )


def map_image(table: pd.DataFrame, filters: CorridorFilters, *, countries: pd.DataFrame):
    """The map of this view as an image to save as PNG (built only when asked for)."""
    shapes = load_or_stop(load_country_shapes)
    title = figures.legend_title(filters.view, sex=filters.sex, year=filters.year)
    if filters.view == "corridors":
        return figures.arc_image_figure(table, shapes, countries, title=title)
    return figures.country_image_figure(table, shapes, countries, view=filters.view, title=title)


def place(codes: Sequence[str], areas: Sequence[str], names: Mapping[str, str], group_names: Mapping[str, str]) -> str:
    """'Malaysia or Gulf Cooperation Council (GCC)': the places of one end of a selection (``end_places``)."""
    chosen = [names.get(code, code) for code in codes] + [group_names.get(area, region_name(area)) for area in areas]
    return _(" or ").join(chosen) if chosen else _("any country")


WHO = {"total": N_("migrants"), "female": N_("female migrants"), "male": N_("male migrants")}


def selection_sentence(total, origin: str, destination: str) -> str:
    """'From Nepal to Gulf Cooperation Council (GCC), 2024: 637,318 migrants, up 27,020 since 2020.' (a
    ``data.groups.SelectionTotal``), in the reader's language."""
    values = {"origin_name": origin, "destination_name": destination, "year": total.year, "who": _(WHO[total.sex])}
    if total.migrants is None:
        return _("From {origin_name} to {destination_name}, {year}: no data.", **values)
    values |= {"number": exact_number(total.migrants), "previous_year": total.previous_year}
    if total.change is None and total.previous_year:
        return _(
            "From {origin_name} to {destination_name}, {year}: {number} {who} (no estimate for {previous_year} to compare).",
            **values,
        )
    if total.change is None:
        return _("From {origin_name} to {destination_name}, {year}: {number} {who}.", **values)
    values["change"] = exact_number(abs(total.change))
    if total.change > 0:
        return _(
            "From {origin_name} to {destination_name}, {year}: {number} {who}, up {change} since {previous_year}.",
            **values,
        )
    if total.change < 0:
        return _(
            "From {origin_name} to {destination_name}, {year}: {number} {who}, down {change} since {previous_year}.",
            **values,
        )
    return _(
        "From {origin_name} to {destination_name}, {year}: {number} {who}, unchanged since {previous_year}.", **values
    )


def selection_section(
    filters: CorridorFilters,
    *,
    by_year: Mapping[int, pd.DataFrame],
    countries: pd.DataFrame,
    groups: pd.DataFrame,
    names: Mapping[str, str],
) -> None:
    """Why a chosen country is missing (outside the chosen areas), and the total of the whole selection."""
    group_names = dict(zip(groups["group_key"], groups["group_name"]))
    places = filters.end_places(countries, groups)
    for end, codes in filters.outside_areas(countries, groups).items():
        chosen, whole = places[end]
        values = {
            "countries": _(" and ").join(names.get(code, code) for code in codes),
            "areas": _(" or ").join(group_names.get(area, region_name(area)) for area in whole),
            "shown": place(chosen, whole, names, group_names),
        }
        if end == "origin":
            message = ngettext(
                "{countries} is not in {areas} (the origin group or region chosen), so the map shows {shown}. "
                "Clear the origin group or region box to see only it.",
                "{countries} are not in {areas} (the origin group or region chosen), so the map shows {shown}. "
                "Clear the origin group or region box to see only them.",
                len(codes),
                **values,
            )
        else:
            message = ngettext(
                "{countries} is not in {areas} (the destination group or region chosen), so the map shows {shown}. "
                "Clear the destination group or region box to see only it.",
                "{countries} are not in {areas} (the destination group or region chosen), so the map shows {shown}. "
                "Clear the destination group or region box to see only them.",
                len(codes),
                **values,
            )
        st.info(message, icon=":material/travel_explore:")
    year = filters.year_or_latest(by_year)
    if year is None:
        return
    origins, destinations = filters.end_members(countries, groups)
    total = selection_total(by_year, year, origins, destinations, sex=filters.sex)
    sentence = selection_sentence(
        total, place(*places["origin"], names, group_names), place(*places["destination"], names, group_names)
    )
    repeated = figures.carried_forward_pairs(by_year.get(year), origins, destinations)
    detail = ngettext(
        "Sum of the {number} corridor matching the filters (not only those on the map).",
        "Sum of all {number} corridors matching the filters (not only those on the map).",
        total.corridors,
        number=exact_number(total.corridors),
    )
    if repeated and len(repeated) <= 3:
        detail += " " + ngettext(
            "{pairs} repeats its {year} estimate (carried forward by UN DESA, not re-estimated): no change there "
            "is not an observed change.",
            "{pairs} repeat their {year} estimate (carried forward by UN DESA, not re-estimated): no change "
            "there is not an observed change.",
            len(repeated),
            pairs=", ".join(f"{names.get(a, a)} → {names.get(b, b)}" for a, b in repeated),
            year=total.previous_year,
        )
    elif repeated:
        detail += " " + _(
            "{count} of them repeat their {year} estimate (carried forward by UN DESA, not re-estimated): no change "
            "there is not an observed change.",
            count=exact_number(len(repeated)),
            year=total.previous_year,
        )
    st.markdown(_("**Selection total.** {sentence}", sentence=plain_markdown(sentence)))
    st.caption(detail)


MEASURE_LABELS = {"persons": N_("Migrants (persons)"), "population": N_("% of the origin country's population")}
COMPARED = {
    ("total", "persons"): N_("Migrants"),
    ("female", "persons"): N_("Female migrants"),
    ("male", "persons"): N_("Male migrants"),
    ("total", "population"): N_("Migrants as % of the origin's population"),
    ("female", "population"): N_("Female migrants as % of the origin's population"),
    ("male", "population"): N_("Male migrants as % of the origin's population"),
}


def comparison_section(
    table: pd.DataFrame,
    filters: CorridorFilters,
    *,
    by_year: Mapping[int, pd.DataFrame],
    countries: pd.DataFrame,
    groups: pd.DataFrame,
    names: Mapping[str, str],
) -> None:
    """The largest corridors of the selection over every estimate year of the revision, on one line chart."""
    st.header(_("Compare over time"))
    listed = (
        table if filters.view == "corridors" else replace(filters, view="corridors").apply(by_year, countries, groups)
    )
    if listed.empty:
        st.info(_("No corridors match these filters, so there is nothing to compare."))
        return
    pairs = list(zip(listed["orig_iso3"], listed["dest_iso3"]))[: compare.MAX_LINES]
    measure = show(
        FILTER["per"], options=compare.MEASURES, horizontal=True, format_func=lambda option: _(MEASURE_LABELS[option])
    )
    render_url_notes()  # a bad 'per' in the link is noted here, beside its filter
    trends = compare.corridor_trends(by_year, pairs, load_or_stop(load_remittances), sex=filters.sex)
    show_chart(
        figures.comparison_figure(
            trends,
            names=names,
            measure=measure,
            title=ngettext(
                "{who}, the {count} largest corridor shown, {years}",
                "{who}, the {count} largest corridors shown, {years}",
                len(pairs),
                who=_(COMPARED[filters.sex, measure]),
                years=f"{min(by_year)}–{max(by_year)}",
            ),
        ),
        key="corridors_compare",
    )
    caption = ngettext(
        "The largest corridor on the map in {year} (at most {most}): the year and size filters choose it, but "
        "every estimate year of the {revision} revision is drawn. Stock, not flows.",
        "The {count} largest corridors on the map in {year} (at most {most}): the year and size filters choose "
        "them, but every estimate year of the {revision} revision is drawn. Stock, not flows.",
        len(pairs),
        year=filters.year,
        most=compare.MAX_LINES,
        revision=filters.revision,
    )
    if measure == "population":
        caption += " " + _(
            "Share = migrants / the origin's population that year (World Bank WDI, UN WPP 2024; to 2023), so "
            "{year} has no share unless WDI has that year's population: a gap, not a zero.",
            year=max(by_year),
        )
    st.caption(caption)


@st.fragment
def detail_section(
    table: pd.DataFrame,
    filters: CorridorFilters,
    *,
    by_year: Mapping[int, pd.DataFrame],
    countries: pd.DataFrame,
    names: Mapping[str, str],
    sources: pd.DataFrame,
    groups: pd.DataFrame | None = None,
    link_box=None,
) -> None:
    """One corridor's detail: clicked on the map, chosen in the picker, or opened by link. Choosing in the picker
    reruns only this section (a fragment), with the filters of the page's last run; it also writes the page's
    share link into ``link_box`` (``share_section``'s, drawn further down), which then names the corridor too."""
    if link_box is not None:  # written on every run of the section, so that its reruns may rewrite it
        link_box.code(view_link(), language=None, wrap_lines=True)
    if presenter.presenting() and st.session_state.get(CORRIDOR_KEY) is None and CORRIDOR_KEY not in st.query_params:
        return  # a slide shows no empty heading over a hidden picker
    _detail(table, filters, by_year=by_year, countries=countries, names=names, sources=sources, groups=groups)
    if link_box is not None:
        link_box.code(view_link(), language=None, wrap_lines=True)  # the corridor chosen just now is in the link


def _detail(
    table: pd.DataFrame,
    filters: CorridorFilters,
    *,
    by_year: Mapping[int, pd.DataFrame],
    countries: pd.DataFrame,
    names: Mapping[str, str],
    sources: pd.DataFrame,
    groups: pd.DataFrame | None,
) -> None:
    view, year, revision = filters.view, filters.year, filters.revision
    st.header(_("Corridor detail"))
    listed = table if view == "corridors" else replace(filters, view="corridors").apply(by_year, countries, groups)
    pair = select_corridor(listed, revision=revision, names=names)
    if pair:
        if off_map(listed, pair):
            st.caption(
                _(
                    "This corridor is not on the map with the current place and size filters (it was opened by link "
                    "or chosen earlier); its figures follow the year, sex and revision filters."
                )
            )
        render_corridor_profile(
            CorridorContext(
                origin=pair[0],
                destination=pair[1],
                names=names,
                revision=revision,
                year=year,
                corridors=load_or_stop(load_corridors, revision=revision),
                sources=sources,
                sex=filters.sex,
            ),
            filters_note=_(
                "The sections below are other datasets, each with its own years: the page's year, sex and revision "
                "filters apply to the migrant stock above only."
            ),
        )
        st.page_link(
            "pages/corridor.py",
            label=_("Open this corridor's own page (to bookmark or present)"),
            icon=":material/open_in_new:",
            query_params={"origin": pair[0], "destination": pair[1], **({"rev": revision} if revision != 2024 else {})},
        )


def table_section(
    table: pd.DataFrame, filters: CorridorFilters, *, described: list[str], sources: pd.DataFrame
) -> None:
    """The table behind the map and its downloads."""
    view, year, revision = filters.view, filters.year, filters.revision
    spec = CATALOG["corridors"]
    st.header(_("The table behind the map"))
    if table.empty:
        st.info(
            _("No corridors match these filters, so there is nothing to download.")
            if view == "corridors"
            else _("No countries match these filters, so there is nothing to download.")
        )
    else:
        counted = {"number": exact_number(len(table))}
        st.caption(
            ngettext(
                "{number} corridor, exactly as on the map; downloads carry the source and licence of each row.",
                "{number} corridors, exactly as on the map; downloads carry the source and licence of each row.",
                len(table),
                **counted,
            )
            if view == "corridors"
            else ngettext(
                "{number} country, exactly as on the map; downloads carry the source and licence of each row.",
                "{number} countries, exactly as on the map; downloads carry the source and licence of each row.",
                len(table),
                **counted,
            )
        )
        render_table(table)
        render_downloads(
            # in a female or male view 'migrants' is that column: shipped once, named by the 'sex' column
            table.drop(columns=[filters.sex]) if filters.sex != "total" else table,
            sources,
            name=f"corridors-{view}-{revision}-{year}",
            title=_("{title}: {view}", title=_(spec.title), view=_(VIEW_LABELS[view])),
            measure=_("{measure}. UN DESA {revision} revision.", measure=_(spec.measure), revision=revision),
            filters=described,
            key="corridors",
            catalog_tables=("corridors", "countries"),
        )


def share_section(filters: Sequence[Filter], *, extra: Sequence[tuple[str, str, str]]):
    """The share heading, a box for the link (returned: ``detail_section`` writes the link into it, as it changes
    with the corridor chosen there) and what the link can say. None on a slide."""
    if presenter.presenting():
        return None  # the presenter's own address is the deck link
    st.header(_("Share this view"))
    st.caption(
        _(
            "Copy this link (button at the right of the box) to reopen the page with every filter and the "
            "corridor shown above."
        )
    )
    link_box = st.empty()
    render_link_keys(filters, extra=extra)
    return link_box
