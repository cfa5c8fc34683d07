"""Turn data problems into a clear message on the page that needs the data, never a traceback."""

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from data import DataProblem

T = TypeVar("T")


def load_or_stop(loader: Callable[..., T], *args, **kwargs) -> T:
    """Call a data loader; on a DataProblem show what is wrong and stop this page (others keep working)."""
    try:
        return loader(*args, **kwargs)
    except DataProblem as problem:
        st.error(f"{problem}\n\nThe other pages of the dashboard still work.", icon=":material/error:")
        st.stop()


def load_or_warn(loader: Callable[..., T], *args, what: str, **kwargs) -> T | None:
    """For one section of a page: on a DataProblem say so there and return None; the rest of the page goes on."""
    try:
        return loader(*args, **kwargs)
    except DataProblem as problem:
        st.error(
            f"{what} cannot be shown: {problem}\n\nThe rest of this page and the other pages still work.",
            icon=":material/error:",
        )
        return None
