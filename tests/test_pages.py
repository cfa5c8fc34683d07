"""Every registered page runs in AppTest without an exception."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench import apptest
from components.registry import PAGES

APP = Path(__file__).resolve().parents[1] / "app.py"


def run_page(script: str, *, query: dict | None = None, timeout: float = 60) -> AppTest:
    """Open a page as a browser would: the frame, then the page (``bench.apptest.open_page``)."""
    return apptest.open_page(script, query=query, timeout=timeout)


@pytest.mark.parametrize("page", PAGES, ids=[page.url_path for page in PAGES])
def test_page_runs_without_exception(page):
    app = run_page(page.script)
    assert not app.exception, [exception.value for exception in app.exception]
    assert app.title[0].value, "every page has a title"


def test_broken_table_gives_a_clear_message_on_its_page_and_others_keep_working(tables_copy):
    (tables_copy / "corridors.csv").write_bytes(b"revision,year\n2024,not-a-year\n")
    corridors = run_page("pages/corridors.py")
    assert not corridors.exception
    shown = corridors.error[0].value.replace("\\", "")  # the message is escaped markdown
    assert "corridors.csv" in shown and "other pages" in shown
    methods = run_page("pages/methods.py")
    assert not methods.exception and not methods.error


def test_missing_sources_table_is_named(tables_copy):
    (tables_copy / "sources.csv").unlink()
    methods = run_page("pages/methods.py")
    assert not methods.exception
    shown = methods.error[0].value.replace("\\", "")  # the message is escaped markdown
    assert "sources.csv" in shown and "missing" in shown
