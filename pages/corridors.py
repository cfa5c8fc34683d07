"""Corridors: migrant stock by origin and destination (UN DESA), as arcs or as countries, with detail."""

import streamlit as st

from components.charts import on_phone
from components.corridors import render as corridors
from components.feedback import load_or_stop
from components.filters import render_url_notes, show
from components.formatting import exact_number
from components.frame import ensure_frame
from data import CORRIDOR_REVISIONS, country_choices, country_names, load_corridor_years, load_countries, load_sources
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
names = load_or_stop(country_names)
st.caption(corridors.INTRO)

# On a phone the filters start folded, so the map comes first on the screen.
filter_box = st.expander("Filters", icon=":material/tune:", expanded=not on_phone())
top_row = filter_box.columns([3, 1, 2])
view = show(FILTER["view"], options=VIEWS, container=top_row[0], horizontal=True, format_func=VIEW_LABELS.get)
revision = show(FILTER["rev"], options=CORRIDOR_REVISIONS, container=top_row[1])
sex = show(FILTER["sex"], options=SEXES, container=top_row[2], horizontal=True, format_func=str.capitalize)
years = list(by_year := load_or_stop(load_corridor_years, revision))

areas, codes = area_labels(countries), load_or_stop(country_choices, with_unknown=True)
place_row = filter_box.columns(4)
origin_areas = show(
    FILTER["orig_area"], options=list(areas), container=place_row[0], format_func=areas.get, placeholder="Any"
)
origins = show(FILTER["orig"], options=codes, container=place_row[1], format_func=names.get, placeholder="Any")
destination_areas = show(
    FILTER["dest_area"], options=list(areas), container=place_row[2], format_func=areas.get, placeholder="Any"
)
destinations = show(FILTER["dest"], options=codes, container=place_row[3], format_func=names.get, placeholder="Any")

time_row = filter_box.columns([4, 1, 2, 2], vertical_alignment="bottom")
year = show(FILTER["year"], options=years, default=years[-1], container=time_row[0])
corridors.render_play_control(years, key="year", container=time_row[1])
size_mode = show(
    FILTER["size"], options=SIZE_MODES, container=time_row[2], horizontal=True, format_func=SIZE_LABELS.get
)
top_n, minimum = CorridorFilters.top_n, CorridorFilters.minimum
if size_mode == "top":
    top_n = show(FILTER["top"], minimum=1, maximum=MAX_TOP, container=time_row[3])
else:
    minimum = show(FILTER["min"], options=MINIMUM_SIZES, container=time_row[3], format_func=exact_number)
corridors.read_corridor_link(revision)
render_url_notes()

filters = CorridorFilters(
    revision=revision, year=year, sex=sex, origins=tuple(origins), destinations=tuple(destinations),
    origin_areas=tuple(origin_areas), destination_areas=tuple(destination_areas), view=view,
    size_mode=size_mode, top_n=top_n, minimum=minimum,
)  # fmt: skip
table = filters.apply(by_year, countries)
described = filters.describe(names, areas)
st.caption(" · ".join(described[1:]))

corridors.map_section(table, filters, countries=countries, sources=sources)
corridors.detail_section(table, filters, by_year=by_year, countries=countries, names=names, sources=sources)
corridors.table_section(table, filters, described=described, sources=sources)
corridors.share_section(FILTERS, extra=[CORRIDOR_LINK])
