"""The app's few style sheets, shipped as CSS files beside this module and put in a page with ``apply``.

``focus`` applies everywhere (visible keyboard focus, screen-reader-only text); ``presenter`` turns a page into a
slide; ``projector`` is the high-contrast dark theme of a presenting view. Static text only: no data in them.
"""

from functools import cache
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent


@cache
def stylesheet(name: str) -> str:
    return (HERE / f"{name}.css").read_text(encoding="utf-8")


def apply(*names: str) -> None:
    """A <style> element with these sheets (Streamlit keeps a style-only st.html out of the page's layout)."""
    st.html("<style>\n" + "\n".join(stylesheet(name) for name in names) + "\n</style>")
