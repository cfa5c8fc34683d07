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
