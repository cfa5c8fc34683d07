"""Entry point: the frame around every page (page config, navigation, shared sidebar, presenter mode)."""

import streamlit as st

from components import filters, presenter, styles
from components.registry import PAGES
from components.sidebar import render_sidebar

st.set_page_config(page_title="Asian labour migration dashboard", page_icon="🌏", layout="wide")
navigation = st.navigation(
    [
        st.Page(page.script, title=page.title, icon=page.icon, url_path=page.url_path, default=index == 0)
        for index, page in enumerate(PAGES)
    ]
)
# The default page is served at "/", so its url_path is empty.
page_url_path = navigation.url_path or PAGES[0].url_path
filters.start_run(navigation.url_path)
styles.apply("focus")
presenter.read_link()
if presenter.is_presenting():
    presenter.render_presenter_bar()
else:
    render_sidebar()
    presenter.render_scene_editor(page_url_path, navigation.title)
navigation.run()
