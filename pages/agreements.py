"""Agreements: bilateral labour migration agreements and MOUs."""

import streamlit as st

st.title("Bilateral labour migration agreements")
st.info("The agreements table, map and timeline are being added, each agreement with the page that states it.")
