"""Remittances: inflows over time, rankings, maps of modelled bilateral estimates, the cost of sending money,
and Sri Lanka's reported figures next to departures and the model."""

import streamlit as st

from components.filters import render_link_keys, show
from components.frame import ensure_frame
from components.i18n import _
from components.remittances import render
from data.filters.remittances import FILTER, FILTERS, VIEWS

ensure_frame()

st.title(_("Remittances"))
st.caption(
    _(
        "Money migrants send home: inflows by country and year (World Bank WDI; KNOMAD), modelled "
        "sender-to-receiver estimates (KNOMAD/World Bank), the cost of sending US\\$200 (Remittance Prices "
        "Worldwide) and Sri Lanka's reported figures by sending country."
    )
)
view = show(
    FILTER["view"],
    options=list(VIEWS),
    format_func=lambda key: _(VIEWS[key]),
    horizontal=True,
    label_visibility="collapsed",
)
if view != "maps":
    st.session_state[render.PLAYING] = False  # leaving the maps stops the animation; it does not resume unasked
{
    "trend": render.trend_view,
    "ranking": render.ranking_view,
    "maps": render.maps_view,
    "cost": render.cost_view,
    "srilanka": render.sri_lanka_view,
}[view]()
render_link_keys(FILTERS)
