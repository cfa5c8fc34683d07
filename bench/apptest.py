"""Drive a registered page in-process with Streamlit's AppTest: open it, find its widgets, change a filter."""

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from bench.scenarios import Change
from components.registry import PAGES

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
# Widgets a user filters with, in the order an automatic change tries them.
FILTER_KINDS = ("selectbox", "multiselect", "radio", "slider", "select_slider")


def open_page(script: str, *, query: dict | None = None, timeout: float = 60) -> AppTest:
    """Run the app as a browser opens ``script``'s address (with ``query`` in the URL): one run, of the frame
    (app.py) and that page, in a new session.

    Before its first run AppTest finds a page by its file name; every registered page's ``url_path`` is its file
    name (tests/test_pages.py checks it), the Overview excepted, which is the default page."""
    app = AppTest.from_file(str(APP), default_timeout=timeout)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    if script != PAGES[0].script:
        app.switch_page(script)
    return app.run()


@contextmanager
def one_component_scan() -> Iterator[None]:
    """Every AppTest scans all installed packages for Streamlit components (~0.15 s, most of a short page's
    run); the installed packages do not change while tests run, so scan once and reuse the answer."""
    original = manifest_scanner.scan_component_manifests
    manifest_scanner.scan_component_manifests = functools.cache(original)
    try:
        yield
    finally:
        manifest_scanner.scan_component_manifests = original


def widgets(app: AppTest, *, include_sidebar: bool = True) -> Iterator[Widget]:
    blocks = [app.main, app.sidebar] if include_sidebar else [app.main]
    for block in blocks:
        for node in block:
            if isinstance(node, Widget):
                yield node


def find_widget(app: AppTest, change: Change) -> Widget | None:
    return next((widget for widget in widgets(app) if widget.key == change.key and widget.type == change.kind), None)


def page_widget_keys(app: AppTest) -> list[str]:
    """Keys of the widgets the page itself draws (the frame's sidebar tools are not the page's filters)."""
    return list(dict.fromkeys(widget.key for widget in widgets(app, include_sidebar=False) if widget.key))


def first_present(app: AppTest, changes: Sequence[Change]) -> Change | None:
    return next((change for change in changes if find_widget(app, change) is not None), None)


def automatic_change(app: AppTest) -> Change | None:
    """A different value for the page's first filter widget, for pages the scenarios table does not cover."""
    for kind in FILTER_KINDS:
        for widget in widgets(app, include_sidebar=False):
            if widget.type != kind or not widget.key:
                continue
            value = _other_value(widget)
            if value is not None:
                return Change(kind, widget.key, value)
    return None


def _other_value(widget: Widget):
    if widget.type == "slider":
        current = widget.value
        if isinstance(current, (int, float)):
            return widget.min if current != widget.min else widget.max
        return None
    options = list(getattr(widget, "options", []))
    if widget.type == "multiselect":
        return [options[0]] if options and widget.values != [options[0]] else None
    # AppTest knows a selectbox's labels, not its values: only a widget that shows its values can be set blind.
    label = str(widget.format_func(widget.value)) if widget.value is not None else None
    if label is None or label != str(widget.value):
        return None
    return next((option for option in options if option != label), None)


def apply(app: AppTest, change: Change) -> bool:
    """Set the widget and rerun; False if the page has no such widget."""
    widget = find_widget(app, change)
    if widget is None:
        return False
    widget.set_value(change.value)
    app.run()
    return True


def apply_all(app: AppTest, changes: Sequence[Change]) -> list[Change]:
    """Apply each change whose widget is on the page (after the previous ones); return those applied."""
    return [change for change in changes if apply(app, change)]


def pages_needing(table: str, tables_folder: Path) -> list[str]:
    """Scripts of the pages that cannot show without ``table`` (they name its file when it is missing), found
    by hiding the file in ``tables_folder``, the folder the app reads (MIGRATION_DASHBOARD_TABLES)."""
    path = tables_folder / f"{table}.csv"
    hidden = path.rename(path.with_name(f"{table}.csv.hidden"))
    try:
        app = open_page(PAGES[0].script)
        needing = []
        for page in PAGES:
            if page is not PAGES[0]:
                app.switch_page(page.script)
                app.run()
            if any(path.name in error.value for error in app.error):
                needing.append(page.script)
        return needing
    finally:
        hidden.rename(path)


def messages(app: AppTest) -> list[str]:
    """Every info, warning and error the run shows, main area and sidebar."""
    return [element.value for kind in ("info", "warning", "error") for element in getattr(app, kind)]


def exceptions(app: AppTest) -> list[str]:
    return [str(exception.value) for exception in app.exception]
