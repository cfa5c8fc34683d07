"""The sidebar every page shares: the interface language, what the dashboard is and how to read its figures."""

import streamlit as st

from components import filters
from components.i18n import LANGUAGES, N_, _
from data.filters.frame import LANG

BOUNDARIES_DISCLAIMER = N_(
    "Boundaries and names shown on maps (Natural Earth, de facto boundaries) do not imply official "
    "endorsement or acceptance by the United Nations, the ILO or IOM."
)


def render_sidebar() -> None:
    with st.sidebar:
        filters.show(LANG, options=list(LANGUAGES), format_func=LANGUAGES.get, container=st.sidebar)
        st.caption(
            _(
                "Labour migration in and from Asia and the Pacific, from published datasets. Every figure names "
                "its source, edition and licence; missing values show as *no data*, never as a guess. "
                "Works offline."
            )
        )
        st.caption(_(BOUNDARIES_DISCLAIMER))
