"""Entry point: the frame around every page (page config, interface language, navigation, shared sidebar,
presenter mode)."""

import streamlit as st

from components import filters, presenter
from components.i18n import _, set_language
from components.registry import PAGES
from components.sidebar import render_sidebar

# The language first: page titles and every text of the run are written in it.
set_language(filters.chosen_language())
st.set_page_config(page_title=_("Asian labour migration dashboard"), page_icon="🌏", layout="wide")
navigation = st.navigation(
    [
        st.Page(page.script, title=_(page.title), icon=page.icon, url_path=page.url_path, default=index == 0)
        for index, page in enumerate(PAGES)
    ]
)
# The default page is served at "/", so its url_path is empty.
page_url_path = navigation.url_path or PAGES[0].url_path
filters.start_run(navigation.url_path)
if presenter.is_presenting():
    filters.language_note()
    presenter.render_presenter_bar()
else:
    render_sidebar()
    presenter.render_scene_editor(page_url_path, navigation.title)
filters.render_frame_notes()
navigation.run()
