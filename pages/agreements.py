"""Agreements: bilateral labour migration agreements and MOUs."""

import streamlit as st

from components.frame import ensure_frame

ensure_frame()

st.title("Bilateral labour migration agreements")
st.info("The agreements table, map and timeline are being added, each agreement with the page that states it.")
