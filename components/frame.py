"""Keep every page inside app.py's frame, including a bookmarked deep link on a freshly started server."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_frame() -> None:
    """Call first in every page.

    Streamlit treats an app that has a pages/ folder as a legacy multipage app until the entry script has
    called st.navigation once in the server process. On a fresh server, opening /corridors would therefore
    run the page bare: no sidebar, no presenter mode, legacy file names as navigation. Switching the legacy
    mode off and rerunning sends this first visit through app.py like every later one.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
