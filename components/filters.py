"""Shareable views: each page's declared filters (``data.filters.Filter``) as widgets kept in the link.

``show(spec, ...)`` draws one declared filter. Its value is, in this order: what the user (or a control such
as Play) set on this page, else the link's value, else the declared default. That value is also passed to
the widget as its *default*, never only through ``st.session_state``: a browser that rebuilds a widget from
its element (after a rerun cut short by a quick click on a busy server) then shows the same value, not
Streamlit's own default (first option, minimum, nothing). Seeding through session state alone is what made
filters jump to ``orig_area=&year=1990&top=1`` (issue 12, tests/test_filter_jump.py).

Links keep today's format: ISO3 codes and short names (not the labels a widget shows), lists comma-separated,
ranges as ``2015-2020``; defaults are left out. Values the page does not know are ignored with a note at the top
of the page, never an error.

Streamlit's ``bind="query-params"`` is not used, for any kind of widget. Choice widgets write the shown label
(``orig=Nepal``, translated in another language) and read only repeated keys. For the language-independent ones
(sliders, ranges, toggles, text), measured with Streamlit 1.67 in AppTest on a one-file app:
- bound, each reads its own key (``?top=40``, ``?log=True``, ``?q=fee``), but a range reads only repeated keys
  (``?years=2015&years=2020``): today's ``years=2015-2020`` falls back to the full range and leaves the URL,
  and a range changed by the user would be written in the repeated form, not as the README's examples;
- an out-of-range or malformed value (``?top=1234``, ``?top=abc``) is dropped from the URL without a note;
- the element's default stays the declared one (``top`` 25 while the link says 40), so a widget the browser
  rebuilds jumps back (tests/test_filter_jump.py); passing the link's value as the default instead, as ``show``
  does, makes Streamlit drop the key from the URL (a bound value equal to its default is removed): ``?top=40``,
  ``?log=true`` and ``?q=fee`` all opened with an empty URL, so a shared link would lose the view;
- a bound key cannot be written or deleted through ``st.query_params``, which ``write_param`` does for every
  filter, and AppTest does not see what a bound widget writes (tests/test_links.py reads the URL there).
"""

import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from components.formatting import exact_number
from components.i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from components.registry import PAGES
from data.filters import Filter, link_table
from data.filters.frame import LANG

PAGE_PATHS = {page.url_path for page in PAGES}
MAX_PARAM_LENGTH = 300
NOTES_KEY = "_url_notes"
NOTES_SHOWN_KEY = "_url_notes_shown"
PAGE_KEY = "_page_url_path"
ARRIVED_KEY = "_page_arrived"
RANGE_SEPARATOR = "-"
LIST_SEPARATOR = ","
_MISSING = object()


def start_run(page_url_path: str) -> None:
    """Called once per run by app.py, before the page runs."""
    st.session_state[NOTES_KEY] = []
    st.session_state[NOTES_SHOWN_KEY] = 0
    st.session_state[ARRIVED_KEY] = st.session_state.get(PAGE_KEY) != page_url_path
    st.session_state[PAGE_KEY] = page_url_path


def app_address() -> str:
    """The app's own address without a page (empty when the host is unknown, so links stay relative)."""
    base = (st.context.url or "").rstrip("/")
    # st.context.url is the address the session was opened at: it ends with that page's path, if any.
    head, _separator, last = base.rpartition("/")
    return head if last in PAGE_PATHS and "//" in head else base


def view_link() -> str:
    """The link that reopens this view: page and every filter in the URL (relative when the host is unknown)."""
    path = st.session_state.get(PAGE_KEY, "")
    query = urlencode(st.query_params.to_dict())
    return f"{app_address()}/{path}" + (f"?{query}" if query else "")


def chosen_language() -> str:
    """The interface language for this run, read before anything is drawn: the sidebar's choice if the user made
    one, else the link's ``lang``, else English. An unknown value gets its note when the choice is drawn
    (``show(LANG, ...)``) or, in presenter mode, from ``language_note``."""
    kept = st.session_state.get(LANG.key)
    if kept in LANGUAGES:
        return kept
    linked = st.query_params.get(LANG.key)
    return linked if linked in LANGUAGES else DEFAULT_LANGUAGE


def language_note() -> None:
    """Where the choice is not drawn (presenter mode): note an unknown ``lang`` in the link all the same."""
    choice_param(LANG.key, list(LANGUAGES), DEFAULT_LANGUAGE)


# --- reading the link: one value per key, checked, with a note for anything ignored -----------------


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
        _note(_("The link repeats '{key}'; the last value was used.", key=key))
    value = values[-1]
    if len(value) > MAX_PARAM_LENGTH:
        _note(
            _(
                "The link's '{key}' value is too long ({length} characters) and was ignored.",
                key=key,
                length=exact_number(len(value)),
            )
        )
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
        _note(
            _(
                "The link's '{key}' value {value} is not one of the choices and was ignored.",
                key=key,
                value=_quoted(text),
            )
        )
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
        _note(_("The link's '{key}' names unknown value(s) {values}; they were ignored.", key=key, values=listed))
    return list(dict.fromkeys(item for item in items if item in options))


def int_param(key: str, *, minimum: int, maximum: int, default: int) -> int:
    text = raw_param(key)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        _note(
            _("The link's '{key}' value {value} is not a whole number and was ignored.", key=key, value=_quoted(text))
        )
        return default
    if not minimum <= value <= maximum:
        _note(
            _(
                "The link's '{key}' value {value} is outside {minimum}-{maximum} and was ignored.",
                key=key,
                value=value,
                minimum=minimum,
                maximum=maximum,
            )
        )
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
        _note(
            _(
                "The link's '{key}' value {value} is not a range such as 2015-2020 and was ignored.",
                key=key,
                value=_quoted(text),
            )
        )
        return default
    if not minimum <= low <= high <= maximum:
        _note(
            _(
                "The link's '{key}' range {low}-{high} is not within {minimum}-{maximum} and was ignored.",
                key=key,
                low=low,
                high=high,
                minimum=minimum,
                maximum=maximum,
            )
        )
        return default
    return low, high


def _text_from_link(key: str, *, max_chars: int) -> str:
    text = raw_param(key) or ""
    if len(text) > max_chars:
        _note(
            _(
                "The link's '{key}' value is longer than {limit} characters and was ignored.",
                key=key,
                limit=max_chars,
            )
        )
        return ""
    return text


def bool_param(text: str) -> bool:
    """'true'/'1' and 'false'/'0' in any case (the link has said True as 'True')."""
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


# --- drawing a declared filter --------------------------------------------------------------------


def show(
    spec: Filter,
    *,
    options: Sequence = (),
    default: Any = _MISSING,
    minimum: int | None = None,
    maximum: int | None = None,
    max_chars: int = 100,
    container=st,
    **widget_args,
) -> Any:
    """Draw ``spec``'s widget in ``container`` and keep its value in the link; returns the value.

    ``options`` for choices, ``minimum``/``maximum`` for sliders and ranges (a range's default is the full
    span), ``default`` when it depends on the data; other keyword arguments go to the Streamlit widget."""
    key, kind = spec.key, spec.widget
    if default is _MISSING:
        default = (minimum, maximum) if kind == "range" else spec.default
    if kind == "multiselect":
        default = list(default or ())
    if kind == "text":
        default = default or ""
    if kind == "range":
        _follow_new_bounds(key, minimum, maximum)
    value = _current(spec, options=options, default=default, minimum=minimum, maximum=maximum, max_chars=max_chars)
    # Declarations mark their text with N_ (data/filters); it is translated here, where it is shown.
    label = _(spec.label)
    args = {"key": key, "help": _(spec.help) if spec.help else None, **widget_args}
    if kind == "selectbox":
        value = container.selectbox(label, options, index=list(options).index(value), **args)
    elif kind == "radio":
        value = container.radio(label, options, index=list(options).index(value), **args)
    elif kind == "multiselect":
        # No "Select all matches" row: typing "Western" + Enter would silently pick every match (issue 15);
        # each choice is made by name.
        value = container.multiselect(label, options, default=value, **{"select_all": False, **args})
    elif kind == "select_slider":
        value = container.select_slider(label, options, value=value, **args)
    elif kind in ("slider", "range"):
        value = container.slider(label, min_value=minimum, max_value=maximum, value=value, **args)
    elif kind == "toggle":
        value = container.toggle(label, value=value, **args)
    else:
        value = container.text_input(label, value=value, max_chars=max_chars, **args).strip()
    if kind == "range":
        write_param(key, f"{value[0]}{RANGE_SEPARATOR}{value[1]}", f"{minimum}{RANGE_SEPARATOR}{maximum}")
    else:
        write_param(key, value, default)
    return tuple(value) if kind == "range" else value


def _current(spec: Filter, *, options, default, minimum, maximum, max_chars) -> Any:
    """The value the widget shows this run: the user's (kept while valid), else the link's, else the default."""
    key = spec.key
    if key in st.session_state:
        if st.session_state.get(ARRIVED_KEY, False) and not spec.keep_across_pages:
            # Left by another page under the same key (e.g. 'country'): this page reads the link instead.
            del st.session_state[key]
        else:
            kept = st.session_state[key]
            return kept if _is_valid(spec.widget, kept, options, minimum, maximum) else default
    return _from_link(spec, options=options, default=default, minimum=minimum, maximum=maximum, max_chars=max_chars)


def _from_link(spec: Filter, *, options, default, minimum, maximum, max_chars) -> Any:
    key, kind = spec.key, spec.widget
    if kind == "multiselect":
        return list_param(key, options, default)
    if kind == "slider":
        return int_param(key, minimum=minimum, maximum=maximum, default=default)
    if kind == "range":
        return range_param(key, minimum=minimum, maximum=maximum, default=default)
    if kind == "toggle":
        return choice_param(key, (True, False), default, parse=bool_param)
    if kind == "text":
        return _text_from_link(key, max_chars=max_chars)
    return choice_param(key, options, default, parse=spec.parse)


def _is_valid(kind: str, value: Any, options: Sequence, minimum, maximum) -> bool:
    if kind == "multiselect":
        return isinstance(value, list) and set(value) <= set(options)
    if kind == "slider":
        return isinstance(value, int) and minimum <= value <= maximum
    if kind == "range":
        return (isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(end, int) for end in value)
                and minimum <= value[0] <= value[1] <= maximum)  # fmt: skip
    if kind == "toggle":
        return isinstance(value, bool)
    if kind == "text":
        return isinstance(value, str)
    return value in options


def _follow_new_bounds(key: str, minimum: int, maximum: int) -> None:
    """When a range's bounds change (e.g. items added with later dates), a value that was the full range stays
    the full range, so nothing is silently left out; a narrower one is kept within the new bounds."""
    full = (minimum, maximum)
    bounds_key = f"_{key}_bounds"
    previous = st.session_state.get(bounds_key, full)
    st.session_state[bounds_key] = full
    if previous != full and isinstance(st.session_state.get(key), (tuple, list)):
        low, high = st.session_state[key]
        kept = (max(low, minimum), min(high, maximum))
        st.session_state[key] = full if (low, high) == tuple(previous) or kept[0] > kept[1] else kept


def render_url_notes() -> None:
    """Show what was ignored in the link, if anything, and not shown yet this run: a section drawing its own
    filter further down the page calls this again to show that filter's note where the filter is."""
    notes = st.session_state.get(NOTES_KEY, [])
    for message in notes[st.session_state.get(NOTES_SHOWN_KEY, 0) :]:
        st.info(message, icon=":material/link_off:")
    st.session_state[NOTES_SHOWN_KEY] = len(notes)


def render_frame_notes() -> None:
    """Called by app.py before the page runs: what the frame's filters (``lang``) ignored in the link, shown on
    every page; the page's own notes then follow from ``render_url_notes``."""
    render_url_notes()
    st.session_state[NOTES_KEY] = []


def render_link_keys(filters: Sequence[Filter], *, extra: Sequence[tuple[str, str, str]] = ()) -> None:
    """The page's table of link keys, written from its declared filters."""
    with st.expander(_("What the link can say")):
        st.markdown(
            _("Each filter has a short key in the link; filters left at their default are left out.")
            + "\n\n"
            + link_table(filters, extra=extra, translate=_)
            + "\n\n"
            + _("Values the page does not know are ignored with a note at the top.")
        )
