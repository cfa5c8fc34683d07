"""Turn data problems into a clear message on the page that needs the data, never a traceback."""

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from components.i18n import N_, _
from components.plain_text import plain_markdown
from data import DataProblem

T = TypeVar("T")


# What still works when a table that the other tables are checked against is broken: saying "the other pages
# still work" would be false (every page reads the sources; every page but Data & methods reads the countries).
STILL_WORKING = {
    "sources": N_(
        "Every table is checked against its sources, so no page of the dashboard can open until this file is fixed."
    ),
    "countries": N_(
        "Every table is checked against the list of countries, so only the Data & methods page works until this "
        "file is fixed."
    ),
}
OTHER_PAGES_WORK = N_("The other pages of the dashboard still work.")
REST_OF_PAGE_WORKS = N_("The rest of this page and the other pages still work.")


def load_or_stop(loader: Callable[..., T], *args, **kwargs) -> T:
    """Call a data loader; on a DataProblem show what is wrong (as plain text: the message quotes the file's cells)
    and what still works, and stop this page."""
    try:
        return loader(*args, **kwargs)
    except DataProblem as problem:
        # The problem's own text (file, line, column, cell) stays as the data layer writes it.
        still_working = _(STILL_WORKING.get(problem.table, OTHER_PAGES_WORK))
        st.error(f"{plain_markdown(problem)}\n\n{still_working}", icon=":material/error:")
        st.stop()


def load_or_warn(loader: Callable[..., T], *args, what: str, **kwargs) -> T | None:
    """For one section of a page: on a DataProblem say so there and return None; the rest of the page goes on."""
    try:
        return loader(*args, **kwargs)
    except DataProblem as problem:
        still_working = _(STILL_WORKING.get(problem.table, REST_OF_PAGE_WORKS))
        cannot = _("{what} cannot be shown: {problem}", what=what, problem=plain_markdown(problem))
        st.error(f"{cannot}\n\n{still_working}", icon=":material/error:")
        return None
