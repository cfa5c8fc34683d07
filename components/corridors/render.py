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
from components.maps import legend_html, show_map_image
from components.plain_text import plain_markdown
from components.provenance import render_source_note
from data import CATALOG, compare, load_corridors, load_country_shapes, load_remittances
from data.filters import Filter
from data.filters.corridors import FILTER, VIEW_LABELS, CorridorFilters, next_point
from data.groups import selection_total

INTRO = (
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
PER_TITLE = {"persons": "", "population": " as % of the origin's population"}
UNIT_SINGULAR = {"corridors": "corridor", "countries": "country"}
NO_CORRIDOR = "None: click an arc on the map, or choose a corridor here"


# --- year play control ---------------------------------------------------------------------------


def render_play_control(years: Sequence[int], *, key: str, container=st) -> None:
    """Play / Pause beside the year slider ``key``: steps through the estimate years, one every PLAY_SECONDS.
    Not on a slide, where the year slider is hidden and a lone button would do nothing anyone could follow."""
    if presenter.presenting():
        return
    playing = st.session_state.get(PLAYING_KEY, False)
    container.button(
        "Pause" if playing else "Play",
        key=f"{key}_play",
        on_click=_toggle_play,
        args=(tuple(years), key),
        icon=":material/pause:" if playing else ":material/play_arrow:",
        help="Step through the estimate years on the map",
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
            return NO_CORRIDOR
        origin, destination = figures.split_pair_key(key)
        return f"{names.get(origin, origin)} → {names.get(destination, destination)}"

    # The current corridor is also the element's default, so a browser that rebuilds the picker keeps it.
    key = container.selectbox(
        "Corridor",
        options,
        index=options.index(st.session_state[CORRIDOR_KEY]),
        key=CORRIDOR_KEY,
        format_func=label,
        placeholder=NO_CORRIDOR,
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
    whole = st.column_config.NumberColumn
    first = [column for column in FIRST_COLUMNS if column in table.columns]
    st.dataframe(
        table, hide_index=True,
        column_order=[*first, *(column for column in table.columns if column not in first)],
        column_config={
            "revision": whole("Revision", format="%d"), "year": whole("Year", format="%d"),
            "orig_iso3": "Origin code", "origin": "Origin", "dest_iso3": "Destination code",
            "destination": "Destination", "iso3": "Code", "country": "Country", "sex": "Sex",
            "source_id": "Source",
            "migrants": whole("Migrants", format="%,d", help="Of the sex chosen (column 'sex')"),
            "female": whole("Female", format="%,d"), "male": whole("Male", format="%,d"),
            "total": whole("Total", format="%,d"),
            "female_share_pct": whole("Female share", format="%.1f%%"),
            "previous_year": whole("Previous estimate year", format="%d"),
            "previous_migrants": whole("Migrants then", format="%,d"),
            "change": whole("Change", format="%,d"),
            "change_pct": whole("Change (%)", format="%.1f%%"),
            "corridors": whole("Corridors", format="%,d", help="Origin-destination pairs summed"),
            "corridors_imputed": whole("Of which imputed", format="%,d", help="Imputed by UN DESA (no data)"),
            "type_b": whole("By birth", format="%d", help="1 = destination data count the foreign-born"),
            "type_c": whole("By citizenship", format="%d", help="1 = destination data count foreign citizens"),
            "type_r": whole("Refugees incl.", format="%d", help="1 = includes refugees"),
            "type_i": whole("Imputed", format="%d", help="1 = imputed by UN DESA (no data for the destination)"),
        },
    )  # fmt: skip


# --- the page's sections -------------------------------------------------------------------------------


def map_section(
    table: pd.DataFrame, filters: CorridorFilters, *, countries: pd.DataFrame, sources: pd.DataFrame
) -> None:
    """Arcs (corridors) or filled countries, with the legend, what is not drawn, and the source."""
    view, sex, year, revision = filters.view, filters.sex, filters.year, filters.revision
    spec = CATALOG["corridors"]
    unit = "corridors" if view == "corridors" else "countries"
    if table.empty:
        st.info(
            f"No {unit} match these filters. Remove a country or region, lower the minimum size, or pick another year.",
            icon=":material/filter_alt_off:",
        )
    elif view == "corridors":
        show_map(
            figures.corridor_map(table, countries),
            key=MAP_KEY,
            height=520,
            on_select=take_map_selection,
            selection_mode="single-object",
            alt=f"Map of the {len(table)} corridors in the table below, drawn as arcs",
        )
    else:
        shapes = load_or_stop(load_country_shapes)
        show_map(
            figures.country_map(table, shapes, countries, view=view),
            key=f"{view}_map",
            height=520,
            alt=f"Map of the {len(table)} countries in the table below, filled by number of migrants",
        )
    if not table.empty:
        show_map_image(
            lambda: map_image(table, filters, countries=countries),
            key="corridors_map" if view == "corridors" else f"{view}_map",
            filename=f"corridors-{view}-{revision}-{year}" if view != "corridors" else f"corridors-{revision}-{year}",
            alt=(
                f"The map above as an image: {len(table)} corridors drawn as curves over the country shapes"
                if view == "corridors"
                else f"The map above as an image: {len(table)} countries filled by number of {view}"
            ),
            note=(
                "Curves stand for the arcs; colours and widths follow the same classes."
                if view == "corridors"
                else None
            ),
        )
    if not table.empty:
        render_legend(table, title=figures.legend_title(view, sex=sex, year=year))
        unmapped = figures.unmapped_places(table, countries)
        if unmapped:
            st.caption(f"Listed in the table but not drawn (no map location): {', '.join(unmapped)}.")
        render_source_note(
            sources,
            table["source_id"].str.split(";").explode(),
            measure=f"{spec.measure}. UN DESA {revision} revision, {year}.",
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
    chosen = [names.get(code, code) for code in codes] + [group_names.get(area, area) for area in areas]
    return " or ".join(chosen) if chosen else "any country"


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
        st.info(
            f"{' and '.join(names.get(code, code) for code in codes)} "
            f"{'is' if len(codes) == 1 else 'are'} not in {' or '.join(group_names.get(area, area) for area in whole)}"
            f" (the {end} group or region chosen), so the map shows "
            f"{place(chosen, whole, names, group_names)}. Clear the {end} group or region box to see only "
            f"{'it' if len(codes) == 1 else 'them'}.",
            icon=":material/travel_explore:",
        )
    year = filters.year_or_latest(by_year)
    if year is None:
        return
    origins, destinations = filters.end_members(countries, groups)
    total = selection_total(by_year, year, origins, destinations, sex=filters.sex)
    sentence = total.sentence(
        place(*places["origin"], names, group_names), place(*places["destination"], names, group_names)
    )
    repeated = figures.carried_forward_pairs(by_year.get(year), origins, destinations)
    detail = f"Sum of all {total.corridors:,} corridors matching the filters (not only those on the map)"
    if repeated:
        which = (
            ", ".join(f"{names.get(a, a)} → {names.get(b, b)}" for a, b in repeated)
            if len(repeated) <= 3
            else f"{len(repeated):,} of them"
        )
        detail += (
            f"; {which} {'repeats its' if len(repeated) == 1 else 'repeat their'} {total.previous_year} estimate "
            "(carried forward by UN DESA, not re-estimated): no change there is an observed change"
        )
    st.markdown(f"**Selection total.** {plain_markdown(sentence)}")
    st.caption(detail + ".")


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
    st.header("Compare over time")
    listed = (
        table if filters.view == "corridors" else replace(filters, view="corridors").apply(by_year, countries, groups)
    )
    if listed.empty:
        st.info("No corridors match these filters, so there is nothing to compare.")
        return
    pairs = list(zip(listed["orig_iso3"], listed["dest_iso3"]))[: compare.MAX_LINES]
    measure = show(FILTER["per"], options=compare.MEASURES, horizontal=True, format_func=compare.MEASURE_LABELS.get)
    render_url_notes()  # a bad 'per' in the link is noted here, beside its filter
    trends = compare.corridor_trends(by_year, pairs, load_or_stop(load_remittances), sex=filters.sex)
    who = "Migrants" if filters.sex == "total" else f"{filters.sex.capitalize()} migrants"
    years = f"{min(by_year)}–{max(by_year)}"
    show_chart(
        figures.comparison_figure(
            trends,
            names=names,
            measure=measure,
            title=f"{who}{PER_TITLE[measure]}, the {len(pairs)} largest corridors shown, {years}",
        ),
        key="corridors_compare",
    )
    caption = (
        f"The {len(pairs)} largest corridors on the map in {filters.year} (at most {compare.MAX_LINES}): the year "
        f"and size filters choose them, but every estimate year of the {filters.revision} revision is drawn. "
        "Stock, not flows."
    )
    if measure == "population":
        caption += (
            " Share = migrants / the origin's population that year (World Bank WDI, UN WPP 2024; to 2023), so "
            f"{max(by_year)} has no share unless WDI has that year's population: a gap, not a zero."
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
    st.header("Corridor detail")
    listed = table if view == "corridors" else replace(filters, view="corridors").apply(by_year, countries, groups)
    pair = select_corridor(listed, revision=revision, names=names)
    if pair:
        if off_map(listed, pair):
            st.caption(
                "This corridor is not on the map with the current place and size filters (it was opened by link or "
                "chosen earlier); its figures follow the year, sex and revision filters."
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
            filters_note=(
                "The sections below are other datasets, each with its own years: the page's year, sex and revision "
                "filters apply to the migrant stock above only."
            ),
        )
        st.page_link(
            "pages/corridor.py",
            label="Open this corridor's own page (to bookmark or present)",
            icon=":material/open_in_new:",
            query_params={"origin": pair[0], "destination": pair[1], **({"rev": revision} if revision != 2024 else {})},
        )


def table_section(
    table: pd.DataFrame, filters: CorridorFilters, *, described: list[str], sources: pd.DataFrame
) -> None:
    """The table behind the map and its downloads."""
    view, year, revision = filters.view, filters.year, filters.revision
    spec = CATALOG["corridors"]
    unit = "corridors" if view == "corridors" else "countries"
    st.header("The table behind the map")
    if table.empty:
        st.info(f"No {unit} match these filters, so there is nothing to download.")
    else:
        st.caption(
            f"{len(table):,} {unit if len(table) != 1 else UNIT_SINGULAR[unit]}, exactly as on the map; downloads carry "
            "the source and licence of each row."
        )
        render_table(table)
        render_downloads(
            # in a female or male view 'migrants' is that column: shipped once, named by the 'sex' column
            table.drop(columns=[filters.sex]) if filters.sex != "total" else table,
            sources,
            name=f"corridors-{view}-{revision}-{year}",
            title=f"{spec.title}: {VIEW_LABELS[view]}",
            measure=f"{spec.measure}. UN DESA {revision} revision.",
            filters=described,
            key="corridors",
            catalog_tables=("corridors", "countries"),
        )


def share_section(filters: Sequence[Filter], *, extra: Sequence[tuple[str, str, str]]):
    """The share heading, a box for the link (returned: ``detail_section`` writes the link into it, as it changes
    with the corridor chosen there) and what the link can say. None on a slide."""
    if presenter.presenting():
        return None  # the presenter's own address is the deck link
    st.header("Share this view")
    st.caption(
        "Copy this link (button at the right of the box) to reopen the page with every filter and the "
        "corridor shown above."
    )
    link_box = st.empty()
    render_link_keys(filters, extra=extra)
    return link_box
