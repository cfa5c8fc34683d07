"""News: a filterable timeline of labour-migration news and resources."""

import streamlit as st

st.title("News and resources")
st.info("The news timeline is being added.")
