"""Overview: what the dashboard offers, one card per page."""

import streamlit as st

from components.frame import ensure_frame
from components.registry import PAGES

ensure_frame()

st.title("Labour migration in Asia and the Pacific")
st.write(
    "Corridors, remittances, agreements and news on labour migration in and from Asia and the Pacific, "
    "from published datasets (UN DESA, World Bank, KNOMAD, ILO, national statistics). "
    "Every view can be bookmarked, and the table behind it downloaded with its sources."
)

columns = st.columns(3)
for index, page in enumerate(PAGES[1:]):
    with columns[index % 3].container(border=True):
        st.page_link(page.script, label=page.title, icon=page.icon)
        st.caption(page.summary)
