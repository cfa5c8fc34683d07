"""Departures: where one origin's workers went, by destination and period, with the basis on the figure; and
what exists for every origin."""

import streamlit as st

from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show
from components.flows import render
from components.frame import ensure_frame
from components.i18n import _, country_names_in
from data import country_names, load, load_country_groups, load_sources
from data.filters.departures import FILTER, FILTERS, VIEWS, DeparturesFilter, origin_choices, period_choices
from data.filters.remittances import expand_places

ensure_frame()

st.title(_("Departures of migrant workers"))
st.caption(
    _(
        "Workers leaving for jobs abroad, as counted by each origin's agency: a yearly **flow**, unlike the UN DESA "
        "migrant **stock** on the Corridors page. Each agency counts something different (registrations, "
        "clearances, labour permits, deployments, placements), so levels are not comparable across origins."
    )
)
names = country_names_in(load_or_stop(country_names))
sources = load_or_stop(load_sources)
outflows = load_or_stop(load, "labour_outflows")

view = show(
    FILTER["view"],
    options=list(VIEWS),
    format_func=lambda key: _(VIEWS[key]),
    horizontal=True,
    label_visibility="collapsed",
)
if view == "coverage":
    render_url_notes()
    render.coverage_section(names=names, sources=sources)
else:
    left, middle, right = st.columns(3)
    origin = show(FILTER["origin"], options=origin_choices(outflows), format_func=names.get, container=left)
    periods = period_choices(outflows, origin)
    period = show(FILTER["period"], options=periods, default=periods[0], container=middle) if periods else None
    groups = load_or_stop(load_country_groups)
    chosen = render.destination_choice(groups, names=names, container=right)
    render_url_notes()
    destinations, chosen_groups = expand_places(chosen, groups)
    render.destinations_section(
        DeparturesFilter(origin, period, destinations), names=names, sources=sources, groups=chosen_groups
    )
render_link_keys(FILTERS)
