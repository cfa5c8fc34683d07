"""The sidebar every page shares: what the dashboard is and how to read its figures."""

import streamlit as st

BOUNDARIES_DISCLAIMER = (
    "Boundaries and names shown on maps (Natural Earth, de facto boundaries) do not imply official "
    "endorsement or acceptance by the United Nations, the ILO or IOM."
)


def render_sidebar() -> None:
    with st.sidebar:
        st.caption(
            "Labour migration in and from Asia and the Pacific, from published datasets. Every figure names "
            "its source, edition and licence; missing values show as *no data*, never as a guess. "
            "Works offline."
        )
        st.caption(BOUNDARIES_DISCLAIMER)
