"""Entry point: the frame around every page (page config, interface language, navigation, shared sidebar,
presenter mode)."""

import streamlit as st

from components import filters, presenter, styles
from components.i18n import _, set_language
from components.registry import PAGES
from components.sidebar import render_sidebar
from data.warm import wait_until_warm, warm

# Once per server process (later runs skip it): read the shared tables and import the page components in the
# background, so that the first view of each page does not pay for them (bench/cold.py measures it). A run with
# no browser behind it is a readiness probe (Streamlit's script health check, deploy/README.md): it waits for
# the warming, so that a replica counts as ready only once warm. A visitor's run never waits.
warm(packages=["components"])
if not st.context.headers:
    wait_until_warm(timeout=30)  # well within the probe's own 60 s

# The language first: page titles and every text of the run are written in it.
set_language(filters.chosen_language())
st.set_page_config(page_title=_("Asian labour migration dashboard"), page_icon="🌏", layout="wide")
HOME = PAGES[0]
# Streamlit serves the default page at "/" only and answers its own path with "Page not found"; the registry
# (and links written from it) use /overview, so a hidden page serves the same script there. The default page's
# own path is then never shown, but must differ (Streamlit keys pages by path).
navigation = st.navigation(
    [
        st.Page(HOME.script, title=_(HOME.title), icon=HOME.icon, url_path=f"{HOME.url_path}-home", default=True),
        *(st.Page(page.script, title=_(page.title), icon=page.icon, url_path=page.url_path) for page in PAGES[1:]),
        st.Page(HOME.script, title=_(HOME.title), icon=HOME.icon, url_path=HOME.url_path, visibility="hidden"),
    ]
)
# The default page is served at "/", so its url_path is empty.
page_url_path = navigation.url_path or PAGES[0].url_path
filters.start_run(navigation.url_path)
styles.apply("focus")
presenter.read_link()
if presenter.is_presenting():
    filters.language_note()
    presenter.render_presenter_bar()
else:
    render_sidebar()
    with st.sidebar:
        presenter.render_scene_editor(page_url_path, navigation.title)
filters.render_frame_notes()
navigation.run()
