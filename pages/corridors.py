"""Corridors: migrant stock by origin and destination (UN DESA), as arcs or as countries, with detail."""

from dataclasses import replace

import streamlit as st

from components import corridor_views
from components import corridors as figures
from components.corridor_profile import render_corridor_profile
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.formatting import exact_number
from components.frame import ensure_frame
from components.provenance import render_source_note
from components.url_state import (
    render_url_notes,
    url_multiselect,
    url_radio,
    url_select_slider,
    url_selectbox,
    url_slider,
    view_link,
)
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
    MAX_TOP,
    MINIMUM_SIZES,
    SEXES,
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
view = url_radio("Map", VIEWS, key="view", default="corridors", container=top_row[0], horizontal=True,
                 format_func=VIEW_LABELS.get)
revision = url_selectbox("UN DESA revision", CORRIDOR_REVISIONS, key="rev", default=2024, parse=int,
                         container=top_row[1], help="The revisions differ a lot on some corridors (e.g. the Gulf): "
                         "one is shown at a time, never mixed.")
sex = url_radio("Sex", SEXES, key="sex", default="total", container=top_row[2], horizontal=True,
                format_func=str.capitalize)
by_year = load_or_stop(load_corridor_years, revision)
years = list(by_year)

areas, codes = area_labels(countries), sorted(names, key=names.get)
place_row = st.columns(4)
origin_areas = url_multiselect("Origin region or subregion", list(areas), key="orig_area", default=["Asia"],
                               container=place_row[0], format_func=areas.get,
                               placeholder="Any")
origins = url_multiselect("Origin countries", codes, key="orig", container=place_row[1], format_func=names.get,
                          placeholder="Any")
destination_areas = url_multiselect("Destination region or subregion", list(areas), key="dest_area",
                                    container=place_row[2], format_func=areas.get,
                                    placeholder="Any")
destinations = url_multiselect("Destination countries", codes, key="dest", container=place_row[3],
                               format_func=names.get, placeholder="Any")

time_row = st.columns([4, 1, 2, 2], vertical_alignment="bottom")
year = url_select_slider("Year (mid-year estimate)", years, key="year", default=years[-1], parse=int,
                         container=time_row[0])
corridor_views.render_play_control(years, key="year", container=time_row[1])
size_mode = url_radio("Show", SIZE_MODES, key="size", default="top", container=time_row[2], horizontal=True,
                      format_func={"top": "The largest", "minimum": "At least a size"}.get)
top_n, minimum = CorridorFilters.top_n, CorridorFilters.minimum
if size_mode == "top":
    top_n = url_slider("How many", key="top", minimum=1, maximum=MAX_TOP, default=top_n, container=time_row[3])
else:
    minimum = url_selectbox("Migrants at least", MINIMUM_SIZES, key="min", default=minimum, parse=int,
                            container=time_row[3], format_func=exact_number)
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
with st.expander("What the link can say"):
    st.markdown(
        "Each filter has a short key in the link; filters left at their default are left out.\n\n"
        "| key | meaning | example |\n| --- | --- | --- |\n"
        "| `corridor` | open one corridor's detail: origin-destination ISO3 codes | `corridor=NPL-MYS` |\n"
        "| `view` | `corridors`, `emigrants` or `immigrants` | `view=emigrants` |\n"
        "| `rev` | UN DESA revision, 2024 (default) or 2020 | `rev=2020` |\n"
        "| `year` | an estimate year of that revision (latest by default) | `year=2010` |\n"
        "| `sex` | `total` (default), `female` or `male` | `sex=female` |\n"
        "| `orig`, `dest` | origin / destination countries, ISO3, comma-separated | `orig=NPL,BGD` |\n"
        "| `orig_area`, `dest_area` | UN regions or subregions, comma-separated (origin default: Asia) "
        "| `dest_area=Western Asia` |\n"
        "| `size` | `top` (default) or `minimum` | `size=minimum` |\n"
        "| `top`, `min` | how many (1-200, default 25) / at least how many migrants | `top=50` |\n\n"
        "Values the page does not know are ignored with a note at the top."
    )
