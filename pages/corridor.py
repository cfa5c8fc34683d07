"""Corridor profile: one origin-destination pair with everything the datasets say about it."""

import streamlit as st

from components.corridors.profile import CorridorContext, render_corridor_profile
from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show, view_link
from components.frame import ensure_frame
from components.i18n import _, country_names_in
from data import CORRIDOR_REVISIONS, country_choices, country_names, load_corridors, load_sources
from data.filters.profiles import CORRIDOR_FILTERS

ensure_frame()

st.title(_("Corridor profile"))
st.caption(
    _(
        "One origin-destination pair: migrant stock by sex (UN DESA), modelled remittances sent home (KNOMAD), "
        "the cost of sending money (Remittance Prices Worldwide), agreements, reported departures and news. "
        "Open it for any pair with a link such as `?origin=NPL&destination=MYS`."
    )
)
sources = load_or_stop(load_sources)
names = country_names_in(load_or_stop(country_names))
places = load_or_stop(country_choices)

columns = st.columns([2, 2, 1])
origin_filter, destination_filter, revision_filter = CORRIDOR_FILTERS
origin = show(origin_filter, options=places, container=columns[0], format_func=names.get)
destination = show(destination_filter, options=places, container=columns[1], format_func=names.get)
revision = show(revision_filter, options=CORRIDOR_REVISIONS, container=columns[2])
render_url_notes()

if origin == destination:
    st.info(_("Choose two different countries: a corridor runs from an origin to another destination."))
    st.stop()
corridors = load_or_stop(load_corridors, revision=revision)
render_corridor_profile(
    CorridorContext(
        origin=origin,
        destination=destination,
        names=names,
        revision=revision,
        year=int(corridors["year"].max()),
        corridors=corridors,
        sources=sources,
    ),
    filters_note=_(
        "The sections below are other datasets, each with its own years: the UN DESA revision applies to the "
        "migrant stock above only."
    ),
)
st.caption(_("Link to this corridor:"))
st.code(view_link(), language=None, wrap_lines=True)
render_link_keys(CORRIDOR_FILTERS)
