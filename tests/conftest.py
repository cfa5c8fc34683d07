"""Shared fixtures: where the raw published sources are, and an isolated copy of the curated tables."""

import logging
import shutil
from pathlib import Path

import pytest

from data import warm
from data.catalog import TABLES_DIR, TABLES_DIR_VARIABLE

REPO = Path(__file__).resolve().parents[1]
RAW_SOURCES = REPO.parent / "shared" / "sources"

# Loaders called outside a Streamlit run fall back to an in-memory cache and say so on every call.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
# AppTest runs app.py in this process, which would start warming it (data/warm.py): a background reader of every
# table under tests that watch which tables each page reads. The servers the browser tests start still warm.
warm.disable()


@pytest.fixture(scope="session")
def raw_sources() -> Path:
    if not (RAW_SOURCES / "SOURCES.md").is_file():
        pytest.fail(f"The raw published sources are expected at {RAW_SOURCES} (shared/ beside the repo).")
    return RAW_SOURCES


@pytest.fixture
def tables_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/tables that the app reads instead of the shipped one; break it freely."""
    copy = tmp_path / "tables"
    shutil.copytree(TABLES_DIR, copy)
    monkeypatch.setenv(TABLES_DIR_VARIABLE, str(copy))
    return copy
