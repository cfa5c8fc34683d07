"""Corridors: migrant stock by origin and destination (UN DESA)."""

import streamlit as st

from components.feedback import load_or_stop
from components.frame import ensure_frame
from data import CATALOG, load_corridors

ensure_frame()

st.title("Migration corridors")
spec = CATALOG["corridors"]
corridors = load_or_stop(load_corridors, revision=2024)
st.caption(spec.measure)
st.info("The corridor map and filters are being built. The curated table is loaded and validated: "
        f"{len(corridors):,} origin-destination-year rows in the 2024 revision.")
