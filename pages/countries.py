"""Countries: one country as an origin and as a destination."""

import streamlit as st

from components.feedback import load_or_stop
from components.frame import ensure_frame
from data import load_countries

ensure_frame()

st.title("Country profiles")
countries = load_or_stop(load_countries)
asia_pacific = countries[countries["is_asia_pacific"]]
st.info(f"Profiles for the {len(asia_pacific)} countries and areas of Asia and the Pacific are being added.")
