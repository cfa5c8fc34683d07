"""News: a filterable timeline of labour-migration news and resources."""

import streamlit as st

from components.frame import ensure_frame

ensure_frame()

st.title("News and resources")
st.info("The news timeline is being added.")
