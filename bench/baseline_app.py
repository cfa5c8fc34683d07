import streamlit as st

st.write("Baseline: a one-line Streamlit page, served and measured like every dashboard page.")  # noqa: E702, I001
