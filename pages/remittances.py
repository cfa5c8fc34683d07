"""Remittances: inflows, modelled bilateral estimates and the cost of sending money."""

import streamlit as st

from components.frame import ensure_frame

ensure_frame()

st.title("Remittances")
st.info("Remittance inflows, bilateral estimates and sending costs are being added (World Bank WDI, KNOMAD, "
        "Remittance Prices Worldwide).")
