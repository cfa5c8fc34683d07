"""Entry point: the frame around every page (page config, navigation, shared sidebar, presenter mode)."""

import streamlit as st

from components import filters, presenter
from components.registry import PAGES
from components.sidebar import render_sidebar

st.set_page_config(page_title="Asian labour migration dashboard", page_icon="🌏", layout="wide")
HOME = PAGES[0]
# Streamlit serves the default page at "/" only and answers its own path with "Page not found"; the registry
# (and links written from it) use /overview, so a hidden page serves the same script there. The default page's
# own path is then never shown, but must differ (Streamlit keys pages by path).
navigation = st.navigation(
    [
        st.Page(HOME.script, title=HOME.title, icon=HOME.icon, url_path=f"{HOME.url_path}-home", default=True),
        *(st.Page(page.script, title=page.title, icon=page.icon, url_path=page.url_path) for page in PAGES[1:]),
        st.Page(HOME.script, title=HOME.title, icon=HOME.icon, url_path=HOME.url_path, visibility="hidden"),
    ]
)
# The default page is served at "/", so its url_path is empty.
page_url_path = navigation.url_path or PAGES[0].url_path
filters.start_run(navigation.url_path)
if presenter.is_presenting():
    presenter.render_presenter_bar()
else:
    render_sidebar()
    presenter.render_scene_editor(page_url_path, navigation.title)
navigation.run()
