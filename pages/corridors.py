"""Corridors: migrant stock by origin and destination (UN DESA), as arcs or as countries, with detail."""

from dataclasses import replace

import streamlit as st

from components import corridor_views
from components import corridors as figures
from components.corridor_profile import render_corridor_profile
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show, view_link
from components.formatting import exact_number
from components.frame import ensure_frame
from components.provenance import render_source_note
from data import (
    CATALOG,
    CORRIDOR_REVISIONS,
    load_corridor_years,
    load_corridors,
    load_countries,
    load_country_shapes,
    load_sources,
)
from data.filters.corridors import (
    CORRIDOR_LINK,
    FILTER,
    FILTERS,
    MAX_TOP,
    MINIMUM_SIZES,
    SEXES,
    SIZE_LABELS,
    SIZE_MODES,
    VIEW_LABELS,
    VIEWS,
    CorridorFilters,
    area_labels,
)

ensure_frame()

st.title("Migration corridors")
countries = load_or_stop(load_countries)
sources = load_or_stop(load_sources)
names = countries.set_index("iso3")["name"].to_dict()
spec = CATALOG["corridors"]
st.caption(
    "Who lives where: people living outside their country of origin at mid-year, by origin and destination "
    "(UN DESA International Migrant Stock). These are **stocks, not yearly flows**; origin is the country of "
    "birth, or of citizenship where the destination counts foreign citizens. **Asia** is the UN M49 region "
    "(it includes Western and Central Asia); **Asia and the Pacific** is the UN regions Asia and Oceania."
)

top_row = st.columns([3, 1, 2])
view = show(FILTER["view"], options=VIEWS, container=top_row[0], horizontal=True, format_func=VIEW_LABELS.get)
revision = show(FILTER["rev"], options=CORRIDOR_REVISIONS, container=top_row[1])
sex = show(FILTER["sex"], options=SEXES, container=top_row[2], horizontal=True, format_func=str.capitalize)
by_year = load_or_stop(load_corridor_years, revision)
years = list(by_year)

areas, codes = area_labels(countries), sorted(names, key=names.get)
place_row = st.columns(4)
origin_areas = show(FILTER["orig_area"], options=list(areas), container=place_row[0], format_func=areas.get,
                    placeholder="Any")
origins = show(FILTER["orig"], options=codes, container=place_row[1], format_func=names.get, placeholder="Any")
destination_areas = show(FILTER["dest_area"], options=list(areas), container=place_row[2], format_func=areas.get,
                         placeholder="Any")
destinations = show(FILTER["dest"], options=codes, container=place_row[3], format_func=names.get,
                    placeholder="Any")

time_row = st.columns([4, 1, 2, 2], vertical_alignment="bottom")
year = show(FILTER["year"], options=years, default=years[-1], container=time_row[0])
corridor_views.render_play_control(years, key="year", container=time_row[1])
size_mode = show(FILTER["size"], options=SIZE_MODES, container=time_row[2], horizontal=True,
                 format_func=SIZE_LABELS.get)
top_n, minimum = CorridorFilters.top_n, CorridorFilters.minimum
if size_mode == "top":
    top_n = show(FILTER["top"], minimum=1, maximum=MAX_TOP, container=time_row[3])
else:
    minimum = show(FILTER["min"], options=MINIMUM_SIZES, container=time_row[3], format_func=exact_number)
corridor_views.read_corridor_link(revision)
render_url_notes()

filters = CorridorFilters(
    revision=revision, year=year, sex=sex, origins=tuple(origins), destinations=tuple(destinations),
    origin_areas=tuple(origin_areas), destination_areas=tuple(destination_areas), view=view,
    size_mode=size_mode, top_n=top_n, minimum=minimum,
)
table = filters.apply(by_year, countries)
described = filters.describe(names, areas)
st.caption(" · ".join(described[1:]))

unit = "corridors" if view == "corridors" else "countries"
if table.empty:
    st.info(f"No {unit} match these filters. Remove a country or region, lower the minimum size, or pick another "
            "year.", icon=":material/filter_alt_off:")
elif view == "corridors":
    st.pydeck_chart(figures.corridor_map(table, countries), key=corridor_views.MAP_KEY, height=520,
                    on_select=corridor_views.take_map_selection, selection_mode="single-object",
                    alt=f"Map of the {len(table)} corridors in the table below, drawn as arcs")
else:
    shapes = load_or_stop(load_country_shapes)
    st.pydeck_chart(figures.country_map(table, shapes, countries, view=view), key=f"{view}_map", height=520,
                    alt=f"Map of the {len(table)} countries in the table below, filled by number of migrants")
if not table.empty:
    corridor_views.render_legend(table, title=figures.legend_title(view, sex=sex, year=year))
    unmapped = figures.unmapped_places(table, countries)
    if unmapped:
        st.caption(f"Listed in the table but not drawn (no map location): {', '.join(unmapped)}.")
    render_source_note(sources, table["source_id"].str.split(";").explode(),
                       measure=f"{spec.measure}. UN DESA {revision} revision, {year}.")

st.header("Corridor detail")
listed = table if view == "corridors" else replace(filters, view="corridors").apply(by_year, countries)
pair = corridor_views.select_corridor(listed, revision=revision, names=names)
if pair:
    render_corridor_profile(corridor_views.CorridorContext(
        origin=pair[0], destination=pair[1], names=names, revision=revision, year=year,
        corridors=load_or_stop(load_corridors, revision=revision), sources=sources))
    st.page_link("pages/corridor.py", label="Open this corridor's own page (to bookmark or present)",
                 icon=":material/open_in_new:",
                 query_params={"origin": pair[0], "destination": pair[1], **({"rev": revision} if revision != 2024 else {})})

st.header("The table behind the map")
if table.empty:
    st.info(f"No {unit} match these filters, so there is nothing to download.")
else:
    st.caption(f"{len(table):,} {unit if len(table) > 1 else unit[:-1]}, exactly as on the map; downloads carry "
               "the source and licence of each row.")
    corridor_views.render_table(table)
    render_downloads(table, sources, name=f"corridors-{view}-{revision}-{year}", title=f"{spec.title}: {VIEW_LABELS[view]}",
                     measure=f"{spec.measure}. UN DESA {revision} revision.", filters=described, key="corridors")

st.header("Share this view")
st.caption("Copy this link (button at the right of the box) to reopen the page with every filter and the "
           "corridor shown above.")
st.code(view_link(), language=None, wrap_lines=True)
render_link_keys(FILTERS, extra=[CORRIDOR_LINK])
