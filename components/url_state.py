"""Shareable views: widget values live in ``st.query_params`` so a presenter can bookmark a view.

Each ``url_*`` widget takes its first value from the URL (when valid), then writes its value back,
leaving defaults out of the URL. Invalid URL values are ignored with a visible note, never an error.
"""

import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from components.registry import PAGES

PAGE_PATHS = {page.url_path for page in PAGES}
MAX_PARAM_LENGTH = 300
NOTES_KEY = "_url_notes"
PAGE_KEY = "_page_url_path"
ARRIVED_KEY = "_page_arrived"
RANGE_SEPARATOR = "-"
LIST_SEPARATOR = ","


def start_run(page_url_path: str) -> None:
    """Called once per run by app.py, before the page runs."""
    st.session_state[NOTES_KEY] = []
    st.session_state[ARRIVED_KEY] = st.session_state.get(PAGE_KEY) != page_url_path
    st.session_state[PAGE_KEY] = page_url_path


def view_link() -> str:
    """The link that reopens this view: page and every filter in the URL (relative when the host is unknown)."""
    base = (st.context.url or "").rstrip("/")
    # st.context.url is the address the session was opened at: it ends with that page's path, if any.
    head, _, last = base.rpartition("/")
    if last in PAGE_PATHS and "//" in head:
        base = head
    path = st.session_state.get(PAGE_KEY, "")
    query = urlencode(st.query_params.to_dict())
    return f"{base}/{path}" + (f"?{query}" if query else "")


def _note(message: str) -> None:
    st.session_state.setdefault(NOTES_KEY, []).append(message)


def _quoted(value: str) -> str:
    """A short, inert rendering of untrusted text: no markdown or HTML can survive it."""
    shown = re.sub(r"[^A-Za-z0-9 ,._:-]", "?", value[:40])
    return f"'{shown}…'" if len(value) > 40 else f"'{shown}'"


def raw_param(key: str) -> str | None:
    values = st.query_params.get_all(key)
    if not values:
        return None
    if len(values) > 1:
        _note(f"The link repeats '{key}'; the last value was used.")
    value = values[-1]
    if len(value) > MAX_PARAM_LENGTH:
        _note(f"The link's '{key}' value is too long ({len(value):,} characters) and was ignored.")
        return None
    return value


def choice_param(key: str, options: Sequence, default: Any, *, parse: Callable[[str], Any] = str) -> Any:
    text = raw_param(key)
    if text is None:
        return default
    try:
        value = parse(text)
    except ValueError:
        value = None
    if value not in options:
        _note(f"The link's '{key}' value {_quoted(text)} is not one of the choices and was ignored.")
        return default
    return value


def list_param(key: str, options: Sequence, default: Sequence = ()) -> list:
    text = raw_param(key)
    if text is None:
        return list(default)
    items = [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]
    unknown = [item for item in items if item not in options]
    if unknown:
        listed = ", ".join(_quoted(item) for item in unknown[:5])
        _note(f"The link's '{key}' names unknown value(s) {listed}; they were ignored.")
    return list(dict.fromkeys(item for item in items if item in options))


def int_param(key: str, *, minimum: int, maximum: int, default: int) -> int:
    text = raw_param(key)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        _note(f"The link's '{key}' value {_quoted(text)} is not a whole number and was ignored.")
        return default
    if not minimum <= value <= maximum:
        _note(f"The link's '{key}' value {value} is outside {minimum}-{maximum} and was ignored.")
        return default
    return value


def range_param(key: str, *, minimum: int, maximum: int, default: tuple[int, int]) -> tuple[int, int]:
    """'2015-2020' -> (2015, 2020); a single '2018' -> (2018, 2018)."""
    text = raw_param(key)
    if text is None:
        return default
    parts = text.split(RANGE_SEPARATOR)
    try:
        low, high = (int(parts[0]), int(parts[-1])) if 1 <= len(parts) <= 2 else (None, None)
    except ValueError:
        low = high = None
    if low is None or high is None or not parts[0] or not parts[-1]:
        _note(f"The link's '{key}' value {_quoted(text)} is not a range such as 2015-2020 and was ignored.")
        return default
    if not minimum <= low <= high <= maximum:
        _note(f"The link's '{key}' range {low}-{high} is not within {minimum}-{maximum} and was ignored.")
        return default
    return low, high
def bool_param(text: str) -> bool:
    """'true'/'1' and 'false'/'0' in any case (write_param writes True as 'True')."""
    lowered = text.strip().lower()
    if lowered in {"true", "1"}:
        return True
    if lowered in {"false", "0"}:
        return False
    raise ValueError(text)


def write_param(key: str, value: Any, default: Any) -> None:
    """Put a value in the URL, or take it out when it is the default."""
    if isinstance(value, (list, tuple)):
        text = LIST_SEPARATOR.join(map(str, value))
        is_default = list(value) == list(default)
    else:
        text, is_default = str(value), value == default
    if is_default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def _seed(key: str, read: Callable[[], Any], is_valid: Callable[[Any], bool], default: Any) -> None:
    """First run on a page: value from the URL (another page may have left a value under the same key, e.g.
    a link from one country's profile to the news about it). Later runs keep the widget's value unless the
    options changed under it."""
    if key not in st.session_state or st.session_state.get(ARRIVED_KEY, False):
        st.session_state[key] = read()
    elif not is_valid(st.session_state[key]):
        st.session_state[key] = default


def url_selectbox(label: str, options: Sequence, *, key: str, default: Any, container=st,
                  parse: Callable[[str], Any] = str, **widget_args) -> Any:
    _seed(key, lambda: choice_param(key, options, default, parse=parse), lambda value: value in options, default)
    value = container.selectbox(label, options, key=key, **widget_args)
    write_param(key, value, default)
    return value


def url_radio(label: str, options: Sequence, *, key: str, default: Any, container=st,
              parse: Callable[[str], Any] = str, **widget_args) -> Any:
    _seed(key, lambda: choice_param(key, options, default, parse=parse), lambda value: value in options, default)
    value = container.radio(label, options, key=key, **widget_args)
    write_param(key, value, default)
    return value


def url_multiselect(label: str, options: Sequence, *, key: str, default: Sequence = (), container=st,
                    **widget_args) -> list:
    _seed(key, lambda: list_param(key, options, default), lambda values: set(values) <= set(options), list(default))
    value = container.multiselect(label, options, key=key, **widget_args)
    write_param(key, value, default)
    return value


def url_slider(label: str, *, key: str, minimum: int, maximum: int, default: int, container=st,
               **widget_args) -> int:
    _seed(key, lambda: int_param(key, minimum=minimum, maximum=maximum, default=default),
          lambda value: minimum <= value <= maximum, default)
    value = container.slider(label, min_value=minimum, max_value=maximum, key=key, **widget_args)
    write_param(key, value, default)
    return value


def url_range_slider(label: str, *, key: str, minimum: int, maximum: int, container=st, **widget_args
                     ) -> tuple[int, int]:
    """A two-ended whole-number slider kept in the URL as 'low-high'; the full range is the default.

    When the bounds change (e.g. items added with later dates), a value that was the full range stays the
    full range, so nothing is silently left out."""
    full = (minimum, maximum)
    bounds_key = f"_{key}_bounds"
    previous = st.session_state.get(bounds_key, full)
    st.session_state[bounds_key] = full
    if previous != full and isinstance(st.session_state.get(key), (tuple, list)):
        # New bounds make a new widget: its value has to be set again, or Streamlit would reset it.
        low, high = st.session_state[key]
        kept = (max(low, minimum), min(high, maximum))
        st.session_state[key] = full if (low, high) == tuple(previous) or kept[0] > kept[1] else kept
    _seed(key, lambda: range_param(key, minimum=minimum, maximum=maximum, default=full),
          lambda value: isinstance(value, (tuple, list)) and len(value) == 2
          and all(isinstance(end, int) for end in value) and minimum <= value[0] <= value[1] <= maximum, full)
    low, high = container.slider(label, min_value=minimum, max_value=maximum, key=key, **widget_args)
    write_param(key, f"{low}{RANGE_SEPARATOR}{high}", f"{minimum}{RANGE_SEPARATOR}{maximum}")
    return low, high


def url_text_input(label: str, *, key: str, max_chars: int = 100, container=st, **widget_args) -> str:
    """Free text kept in the URL (empty = left out); a value longer than ``max_chars`` is ignored with a note."""
    def read() -> str:
        text = raw_param(key) or ""
        if len(text) > max_chars:
            _note(f"The link's '{key}' value is longer than {max_chars} characters and was ignored.")
            return ""
        return text
    _seed(key, read, lambda value: isinstance(value, str) and len(value) <= max_chars, "")
    value = container.text_input(label, key=key, max_chars=max_chars, **widget_args)
    write_param(key, value.strip(), "")
    return value.strip()


def url_toggle(label: str, *, key: str, default: bool, container=st, **widget_args) -> bool:
    _seed(key, lambda: choice_param(key, (True, False), default, parse=bool_param),
          lambda value: isinstance(value, bool), default)
    value = container.toggle(label, key=key, **widget_args)
    write_param(key, value, default)
    return value


def url_select_slider(label: str, options: Sequence, *, key: str, default: Any, container=st,
                      parse: Callable[[str], Any] = str, **widget_args) -> Any:
    """A slider over given options (e.g. estimate years that are not evenly spaced)."""
    _seed(key, lambda: choice_param(key, options, default, parse=parse), lambda value: value in options, default)
    value = container.select_slider(label, options, key=key, **widget_args)
    write_param(key, value, default)
    return value


def render_url_notes() -> None:
    """Show what was ignored in the link, if anything."""
    for message in st.session_state.get(NOTES_KEY, []):
        st.info(message, icon=":material/link_off:")
