"""Corridors: migrant stock by origin and destination (UN DESA), as arcs or as countries, with detail."""

import streamlit as st

import data
from components.charts import on_phone
from components.corridors import render as corridors
from components.feedback import load_or_stop
from components.filters import render_url_notes, show
from components.frame import ensure_frame
from components.i18n import _, country_names_in
from data.filters import corridors as declared
from data.filters.corridors import FILTER, FILTERS, CorridorFilters

ensure_frame()

st.title(_("Migration corridors"))
countries, groups = load_or_stop(data.load_countries), load_or_stop(data.load_country_groups)
sources, names = load_or_stop(data.load_sources), country_names_in(load_or_stop(data.country_names))
st.caption(_(corridors.INTRO))

# On a phone the filters start folded, so the map comes first on the screen.
filter_box = st.expander(_("Filters"), icon=":material/tune:", expanded=not on_phone())
top_row = filter_box.columns([3, 1, 2])
view = show(
    FILTER["view"],
    options=declared.VIEWS,
    container=top_row[0],
    horizontal=True,
    format_func=lambda view: _(declared.VIEW_LABELS[view]),
)
revision = show(FILTER["rev"], options=data.CORRIDOR_REVISIONS, container=top_row[1])
sex = show(
    FILTER["sex"],
    options=declared.SEXES,
    container=top_row[2],
    horizontal=True,
    format_func=lambda sex: _(declared.SEX_LABELS[sex]),
)
years = list(by_year := load_or_stop(data.load_corridor_years, revision))

areas, places = corridors.place_filters(
    filter_box,
    countries=countries,
    groups=groups,
    names=names,
    codes=load_or_stop(data.country_choices, with_unknown=True),
)
time_row = filter_box.columns([4, 1, 2, 2], vertical_alignment="bottom")
year = show(FILTER["year"], options=years, default=years[-1], container=time_row[0])
corridors.render_play_control(years, key="year", container=time_row[1])
size_mode, top_n, minimum = corridors.size_filters(time_row[2], time_row[3])
corridors.read_corridor_link(revision)
render_url_notes()

filters = CorridorFilters(
    revision=revision, year=year, sex=sex, origins=places["orig"], destinations=places["dest"],
    origin_areas=places["orig_area"], destination_areas=places["dest_area"], view=view,
    size_mode=size_mode, top_n=top_n, minimum=minimum,
)  # fmt: skip
table = filters.apply(by_year, countries, groups)
st.caption(
    " · ".join((described := filters.describe(names, areas, countries=countries, groups=groups, translate=_))[1:])
)
corridors.map_section(table, filters, countries=countries, sources=sources)
corridors.selection_section(filters, by_year=by_year, countries=countries, groups=groups, names=names)
corridors.comparison_section(table, filters, by_year=by_year, countries=countries, groups=groups, names=names)
# The share link names the corridor chosen in the detail, which reruns alone: it writes the link (drawn below).
detail_area, table_area = st.container(), st.container()
link_box = corridors.share_section(FILTERS, extra=[declared.CORRIDOR_LINK])
with detail_area:
    corridors.detail_section(
        table, filters, by_year=by_year, countries=countries, names=names, sources=sources, groups=groups,
        link_box=link_box,
    )  # fmt: skip
with table_area:
    corridors.table_section(table, filters, described=described, sources=sources)
