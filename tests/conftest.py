"""Shared fixtures: where the raw published sources are (in the repo), and an isolated copy of the curated tables."""

import logging
import shutil
from pathlib import Path

import pytest

from bench import apptest
from data import country_names, load_corridor_years, load_corridors, load_countries, warm
from data.build.common import RAW_DIR
from data.catalog import TABLES_DIR, TABLES_DIR_VARIABLE

REPO = Path(__file__).resolve().parents[1]
E2E_TESTS = REPO / "tests" / "e2e"
LOAD_TEST = E2E_TESTS / "test_load.py"
BROWSER_GROUP = "browser"
# The raw published files shipped in data/raw (sources/ and seeds/ beside it); nothing is read outside the repo.
RAW_SOURCES = RAW_DIR

# Loaders called outside a Streamlit run fall back to an in-memory cache and say so on every call.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
# AppTest runs app.py in this process, which would start warming it (data/warm.py): a background reader of every
# table under tests that watch which tables each page reads. The servers the browser tests start still warm.
warm.disable()


def pytest_collection_modifyitems(items):
    """Mark the tests of a module that runs pages in AppTest (directly, through bench.apptest or run_page) as the
    apptest tier; the rest outside tests/e2e is the fast tier.

    For pytest-xdist's ``--dist loadgroup`` (scripts/test.sh runs two workers): the browser tests are one group,
    so one worker runs them all, one after the other, against one server and one browser, while the other worker
    runs the rest, a module at a time (its module fixtures set up once). The load test runs last, when the other
    worker has finished: it measures twenty sessions on this machine, not them plus the AppTest tier."""
    for item in items:
        module = getattr(item, "module", None)
        if module is not None and {"AppTest", "apptest", "run_page"} & set(vars(module)):
            item.add_marker(pytest.mark.apptest)
        browser = item.path.is_relative_to(E2E_TESTS)
        item.add_marker(pytest.mark.xdist_group(BROWSER_GROUP if browser else item.path.stem))
    items.sort(key=lambda item: item.path == LOAD_TEST)  # stable: everything else keeps its order


@pytest.fixture(scope="session", autouse=True)
def _one_component_scan():
    """Every AppTest scans the installed packages for Streamlit components, about 0.15 s each, and the AppTest
    tier makes hundreds of them: the packages do not change while the tests run, so they are scanned once."""
    with apptest.one_component_scan():
        yield


@pytest.fixture(scope="session")
def raw_sources() -> Path:
    if not (RAW_SOURCES / "SOURCES.md").is_file():
        pytest.fail(f"The raw published sources are expected at {RAW_SOURCES} (data/raw, shipped with the repo).")
    return RAW_SOURCES


@pytest.fixture
def tables_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/tables that the app reads instead of the shipped one; break it freely."""
    copy = tmp_path / "tables"
    shutil.copytree(TABLES_DIR, copy)
    monkeypatch.setenv(TABLES_DIR_VARIABLE, str(copy))
    return copy


# Shared read-only tables, loaded once for the session (the loaders hand out the one shared copy anyway).
@pytest.fixture(scope="session")
def countries():
    return load_countries()


@pytest.fixture(scope="session")
def names() -> dict[str, str]:
    return country_names()


@pytest.fixture(scope="session")
def rev2024():
    return load_corridors(revision=2024)


@pytest.fixture(scope="session")
def years2024():
    return load_corridor_years(2024)
