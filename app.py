"""Entry point: the frame around every page (page config, navigation, shared sidebar)."""

import streamlit as st

from components import url_state
from components.registry import PAGES
from components.sidebar import render_sidebar

st.set_page_config(page_title="Asian labour migration dashboard", page_icon=":material/public:", layout="wide")
url_state.reset_notes()

navigation = st.navigation(
    [
        st.Page(page.script, title=page.title, icon=page.icon, url_path=page.url_path, default=index == 0)
        for index, page in enumerate(PAGES)
    ]
)
render_sidebar()
navigation.run()
