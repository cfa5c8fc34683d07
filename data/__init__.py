"""The data module: curated tables, validated on load, with their provenance.

Public API (pages and components use only these):
    load_sources(), load_countries(), load_corridors(revision=None), load_deployments()
    CATALOG, DataProblem, filter helpers in ``data.filters``.
Each ``load_<table>`` is a cached wrapper over a pure ``read_<table>(path, ...)``.
"""

import json
from pathlib import Path

import pandas as pd
import streamlit as st

from data import schemas
from data.catalog import CATALOG, GEO_DIR, TableSpec, tables_dir
from data.problems import DataProblem
from data.validation import read_csv_table, validate

__all__ = [
    "CATALOG",
    "CORRIDOR_REVISIONS",
    "DataProblem",
    "TableSpec",
    "load_corridors",
    "load_countries",
    "load_deployments",
    "load_country_shapes",
    "load_sources",
    "read_corridors",
    "read_countries",
    "read_deployments",
    "read_sources",
    "tables_dir",
]

CORRIDOR_REVISIONS = (2024, 2020)


# --- pure readers -------------------------------------------------------------------------------

def read_sources(path: Path) -> pd.DataFrame:
    return validate("sources", path, read_csv_table("sources", path), schemas.sources_schema())


def read_countries(path: Path, source_ids: frozenset[str]) -> pd.DataFrame:
    return validate("countries", path, read_csv_table("countries", path), schemas.countries_schema(source_ids))


def read_corridors(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("corridors", path)
    return validate("corridors", path, frame, schemas.corridors_schema(country_codes, source_ids))


def read_deployments(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("deployments", path)
    return validate("deployments", path, frame, schemas.deployments_schema(country_codes, source_ids))


# --- cached loaders -----------------------------------------------------------------------------

def _located(name: str) -> tuple[str, int]:
    """The table's path and modification time: both key the cache, so an edited file is re-read."""
    path = CATALOG[name].path
    if not path.is_file():
        read_csv_table(name, path)  # raises the user-facing DataProblem
    return str(path), path.stat().st_mtime_ns


def load_sources() -> pd.DataFrame:
    return _sources_cached(*_located("sources"))


def load_countries() -> pd.DataFrame:
    return _countries_cached(*_located("countries"), _source_ids())


def load_corridors(revision: int | None = None) -> pd.DataFrame:
    """UN DESA migrant stock; one revision (never mixed silently) or both with their ``revision`` column."""
    if revision is not None and revision not in CORRIDOR_REVISIONS:
        raise ValueError(f"revision must be one of {CORRIDOR_REVISIONS}, not {revision!r}")
    if revision is None:
        return _corridors_cached(*_located("corridors"), _country_codes(), _source_ids())
    return _revision_cached(*_located("corridors"), revision)


def load_deployments() -> pd.DataFrame:
    return _deployments_cached(*_located("deployments"), _country_codes(), _source_ids())


def load_country_shapes() -> dict:
    """Simplified Natural Earth country shapes (GeoJSON, property ``iso3``), shipped so maps work offline."""
    path = GEO_DIR / "countries.geojson"
    if not path.is_file():
        raise DataProblem("country shapes", path, "the file is missing; rebuild it with `python -m data.build`.")
    return _shapes_cached(str(path), path.stat().st_mtime_ns)


@st.cache_resource(show_spinner=False)
def _shapes_cached(path: str, mtime_ns: int) -> dict:
    """Shared read-only: the shapes are large and never modified, so one copy serves every session."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataProblem("country shapes", Path(path), f"the file is not valid GeoJSON ({error}).") from None


def _source_ids() -> frozenset[str]:
    return frozenset(load_sources()["source_id"])


def _country_codes() -> frozenset[str]:
    return frozenset(load_countries()["iso3"])


@st.cache_data(show_spinner=False)
def _sources_cached(path: str, mtime_ns: int) -> pd.DataFrame:
    return read_sources(Path(path))


@st.cache_data(show_spinner=False)
def _countries_cached(path: str, mtime_ns: int, source_ids: frozenset[str]) -> pd.DataFrame:
    return read_countries(Path(path), source_ids)


@st.cache_data(show_spinner=False)
def _corridors_cached(path: str, mtime_ns: int, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    return read_corridors(Path(path), country_codes, source_ids)


@st.cache_data(show_spinner=False)
def _revision_cached(path: str, mtime_ns: int, revision: int) -> pd.DataFrame:
    table = _corridors_cached(path, mtime_ns, _country_codes(), _source_ids())
    return table[table["revision"] == revision].reset_index(drop=True)


@st.cache_data(show_spinner=False)
def _deployments_cached(path: str, mtime_ns: int, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    return read_deployments(Path(path), country_codes, source_ids)
