"""The data module: curated tables, validated on load, with their provenance.

Public API (pages and components use only these):
    load_sources(), load_countries(), load_corridors(revision=None), load_corridor_years(revision),
    load_deployments(), load_labour_outflows(), load_country_shapes()
    load_remittances(), load_remittance_corridors(), load_remittance_costs(), load_remittances_by_sender()
    load_remittance_cost_means(), load_remittance_headlines()
    load_agreements(), load_regional_instruments(), load_regional_corridors(revision), load_corridor_gaps(...);
    agreements_between() for a corridor's agreements, has_recorded_agreement() to mark corridor rows
    load_country_groups() (GCC, ASEAN, SAARC, ... members; helpers in ``data.groups``)
    load_news(), load_user_news(raw) (a user's CSV of news items: items and problems, never an exception)
    CATALOG, DataProblem, filter helpers in ``data.filters``.
Each ``load_<table>`` is a cached wrapper over a pure ``read_<table>(path, ...)``.
"""

import copy
import functools
import json
from pathlib import Path
from stat import S_ISREG

import pandas as pd
import streamlit as st

from data import news as news_items
from data import schemas
from data.agreements import (
    AGREEMENT_STOCK_REVISION,
    CorridorGaps,
    agreements_between,
    corridor_gaps,
    has_recorded_agreement,
    latest_regional_corridors,
)
from data.catalog import CATALOG, GEO_DIR, TABLES_DIR_VARIABLE, TableSpec, tables_dir, tables_dir_is_set
from data.filters.corridors import by_year
from data.problems import DataProblem
from data.validation import read_csv_table, unreadable, validate

__all__ = [
    "AGREEMENT_STOCK_REVISION",
    "CATALOG",
    "CORRIDOR_REVISIONS",
    "DataProblem",
    "TableSpec",
    "agreements_between",
    "has_recorded_agreement",
    "load_agreements",
    "load_corridor_gaps",
    "load_corridor_years",
    "load_corridors",
    "load_countries",
    "load_country_groups",
    "load_country_shapes",
    "load_country_stock",
    "load_deployments",
    "load_labour_outflows",
    "load_news",
    "load_regional_corridors",
    "load_regional_instruments",
    "load_remittance_corridors",
    "load_remittance_cost_means",
    "load_remittance_costs",
    "load_remittance_headlines",
    "load_remittances",
    "load_remittances_by_sender",
    "load_sources",
    "load_user_news",
    "read_agreements",
    "read_corridors",
    "read_countries",
    "read_country_groups",
    "read_deployments",
    "read_labour_outflows",
    "read_news",
    "read_regional_instruments",
    "read_remittance_corridors",
    "read_remittance_cost_means",
    "read_remittance_costs",
    "read_remittance_headlines",
    "read_remittances",
    "read_remittances_by_sender",
    "read_sources",
    "table_versions",
    "tables_dir",
]

CORRIDOR_REVISIONS = (2024, 2020)
Version = tuple[int, int]  # a file's modification time (ns) and size: with its path, what a cached read is keyed on
Located = tuple[str, Version]


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


def read_labour_outflows(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("labour_outflows", path)
    return validate("labour_outflows", path, frame, schemas.labour_outflows_schema(country_codes, source_ids))


def read_agreements(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("agreements", path)
    return validate("agreements", path, frame, schemas.agreements_schema(country_codes, source_ids))


def read_regional_instruments(path: Path, source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("regional_instruments", path)
    return validate("regional_instruments", path, frame, schemas.regional_instruments_schema(source_ids))


def read_news(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    """The shipped items, validated, with the columns filtering needs (see ``data.news``), newest first."""
    table = validate("news", path, read_csv_table("news", path), schemas.news_schema(country_codes, source_ids))
    return news_items.sort_newest_first(news_items.with_derived_columns(table, user_supplied=False))


def read_remittances(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("remittances", path)
    return validate("remittances", path, frame, schemas.remittances_schema(country_codes, source_ids))


def read_remittance_corridors(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("remittance_corridors", path)
    return validate("remittance_corridors", path, frame, schemas.remittance_corridors_schema(country_codes, source_ids))


def read_remittance_costs(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("remittance_costs", path)
    return validate("remittance_costs", path, frame, schemas.remittance_costs_schema(country_codes, source_ids))


def read_remittance_cost_means(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("remittance_cost_means", path)
    return validate("remittance_cost_means", path, frame, schemas.remittance_cost_means_schema(country_codes, source_ids))


def read_remittance_headlines(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("remittance_headlines", path)
    return validate("remittance_headlines", path, frame, schemas.remittance_headlines_schema(country_codes, source_ids))


def read_remittances_by_sender(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("remittances_by_sender", path)
    return validate("remittances_by_sender", path, frame, schemas.remittances_by_sender_schema(country_codes, source_ids))


def read_country_groups(path: Path, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    frame = read_csv_table("country_groups", path)
    return validate("country_groups", path, frame, schemas.country_groups_schema(country_codes, source_ids))


# --- cached loaders -----------------------------------------------------------------------------

def _located(name: str) -> Located:
    """The table's path, and its modification time and size: they key the cache, so an edited file is re-read."""
    path = CATALOG[name].path
    _check_folder(name, path)
    try:
        status = path.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise unreadable(name, path, error) from None
    if status is None or not S_ISREG(status.st_mode):
        read_csv_table(name, path)  # raises the user-facing DataProblem
    return str(path), (status.st_mtime_ns, status.st_size)


def _check_folder(name: str, path: Path) -> None:
    """A missing tables folder is named, with where it was set, rather than reported as a missing file."""
    try:
        present = path.parent.is_dir()
    except OSError as error:
        raise unreadable(name, path, error) from None
    if present:
        return
    if tables_dir_is_set():  # named as the operator wrote it; the shipped folder by its place in the repository
        raise DataProblem(name, path, f"the tables folder {path.parent} does not exist. It is set by the "
                          f"{TABLES_DIR_VARIABLE} environment variable: point it at a folder of tables, or unset it "
                          "to read the tables shipped in data/tables.")
    raise DataProblem(name, path, "the tables folder data/tables does not exist. Restore it from the repository, "
                      "or rebuild the tables with `python -m data.build`.")


def table_versions(*names: str) -> tuple[Located, ...]:
    """Path, modification time and size of each named table: a cache key for results derived from them."""
    return tuple(_located(name) for name in names)


def _remembered(cache):
    """``cache`` (an st.cache_data or st.cache_resource decorator) over a table's reader that remembers a
    DataProblem as it remembers a good result, under the same key (the file's path, modification time and size):
    an invalid 50 MB file is read and validated once, not again on every rerun of every session."""
    def decorate(read):
        @cache
        @functools.wraps(read)
        def outcome(*args):
            try:
                return read(*args), None
            except DataProblem as problem:
                return None, problem

        @functools.wraps(read)
        def result(*args):
            value, problem = outcome(*args)
            if problem is not None:
                raise copy.copy(problem)  # a copy: the cached one is shared by every session that raises it
            return value

        return result
    return decorate


def load_sources() -> pd.DataFrame:
    return _sources_cached(*_located("sources"))


def load_countries() -> pd.DataFrame:
    return _countries_cached(*_located("countries"), _source_ids())


def load_corridors(revision: int | None = None) -> pd.DataFrame:
    """UN DESA migrant stock; one revision (never mixed silently) or both with their ``revision`` column.
    One revision is shared read-only across sessions (not copied per call): never modify it. Both revisions
    come as a new frame (the app never needs them together, so they are not kept twice)."""
    if revision is not None and revision not in CORRIDOR_REVISIONS:
        raise ValueError(f"revision must be one of {CORRIDOR_REVISIONS}, not {revision!r}")
    revisions = _corridor_revisions_cached(*_located("corridors"), _country_codes(), _source_ids())
    if revision is None:
        return pd.concat(revisions.values(), ignore_index=True)
    return revisions[revision]


def load_corridor_years(revision: int) -> dict[int, pd.DataFrame]:
    """One revision split by estimate year, each row with its pair's figures at the previous estimate year
    (``data.filters.corridors.by_year``): what the corridor filters read, so a filter change touches one year.
    Shared read-only across sessions (not copied per call): never modify these frames."""
    if revision not in CORRIDOR_REVISIONS:
        raise ValueError(f"revision must be one of {CORRIDOR_REVISIONS}, not {revision!r}")
    return _corridor_years_cached(*_located("corridors"), revision)


def load_country_stock(revision: int, iso3: str, *, role: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A country's migrant-stock trend and its largest partners in ``year`` (``data.profiles``), cached per
    country so a change of country on the profile page does not re-aggregate the whole revision."""
    return _country_stock_cached(*_located("corridors"), _located("countries"), revision, iso3, role, year)


@st.cache_data(show_spinner=False, max_entries=1000)
def _country_stock_cached(path: str, version: Version, countries_file: Located,
                          revision: int, iso3: str, role: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    from data.profiles import stock_trend, top_partners

    corridors = load_corridors(revision=revision)
    return (stock_trend(corridors, iso3, role=role),
            top_partners(corridors, load_countries(), iso3, role=role, year=year))


def load_deployments() -> pd.DataFrame:
    return _deployments_cached(*_located("deployments"), _country_codes(), _source_ids())


def load_labour_outflows() -> pd.DataFrame:
    """Worker departures by origin and destination, one row per published figure (see ``data.flows``)."""
    return _labour_outflows_cached(*_located("labour_outflows"), _country_codes(), _source_ids())


def load_agreements() -> pd.DataFrame:
    """Bilateral agreements and MOUs, one row per instrument, each with its cited page (a partial inventory)."""
    return _agreements_cached(*_located("agreements"), _located("countries"), _located("sources"))


def load_regional_instruments() -> pd.DataFrame:
    return _regional_instruments_cached(*_located("regional_instruments"), _located("sources"))


def load_regional_corridors(revision: int = AGREEMENT_STOCK_REVISION) -> pd.DataFrame:
    """One UN DESA revision's latest year, both countries in Asia and the Pacific, known origins only."""
    return _regional_corridors_cached(*_located("corridors"), _located("countries"), revision)


def load_corridor_gaps(*, revision: int = AGREEMENT_STOCK_REVISION, largest: int = 30, countries: tuple[str, ...] = (),
                       role: str = "any") -> CorridorGaps:
    """The largest corridors (within Asia and the Pacific, latest year) with no recorded agreement; see corridor_gaps."""
    return _corridor_gaps_cached(*_located("agreements"), _located("corridors"), _located("countries"), revision,
                                 largest, tuple(countries), role)


def load_country_groups() -> pd.DataFrame:
    """Members of country groups (GCC, ASEAN, SAARC, Colombo Process, Abu Dhabi Dialogue, World Bank regions),
    one row per (group, member) with its cited page; ``data.groups`` turns them into filter places and totals."""
    return _country_groups_cached(*_located("country_groups"), _located("countries"), _located("sources"))


@_remembered(st.cache_data(show_spinner=False))
def _country_groups_cached(path: str, version: Version, countries_at: Located, sources_at: Located) -> pd.DataFrame:
    return read_country_groups(Path(path), _country_codes(), _source_ids())


def load_news() -> pd.DataFrame:
    # Keyed by where and when the tables it checks against were written, not by their codes: hashing the
    # code sets (and copying both tables) on every call was most of the cost of a cache hit.
    return _news_cached(*_located("news"), _located("countries"), _located("sources"))


def load_user_news(raw: bytes) -> tuple[pd.DataFrame, list[str]]:
    """Items from a user's CSV file (see ``data.news.parse_user_news``), checked against the country codes."""
    return _user_news_cached(raw, _located("countries"))


def load_remittances() -> pd.DataFrame:
    """Remittances by country and year: WDI and KNOMAD (Dec 2023) rows, told apart by ``series``/``vintage``."""
    return _remittances_cached(*_located("remittances"), _country_codes(), _source_ids())


def load_remittance_corridors() -> pd.DataFrame:
    """KNOMAD/World Bank bilateral remittance estimates (modelled), 2017 and 2021 editions."""
    return _remittance_corridors_cached(*_located("remittance_corridors"), _country_codes(), _source_ids())


def load_remittance_costs() -> pd.DataFrame:
    """Cost of sending US$200: RPW corridors by quarter (to 2020Q3) and WDI country series by year."""
    return _remittance_costs_cached(*_located("remittance_costs"), _country_codes(), _source_ids())


def load_remittance_cost_means() -> pd.DataFrame:
    """Cost of sending US$200 by corridor, 2016Q2-2025Q1, COMPUTED as the mean of RPW provider quotes (not the
    published average), with each corridor's check against the published series."""
    return _remittance_cost_means_cached(*_located("remittance_cost_means"), _country_codes(), _source_ids())


def load_remittance_headlines() -> pd.DataFrame:
    """2024 (and 2023) remittance figures as printed: World Bank estimates and Bangladesh Bank totals, by release."""
    return _remittance_headlines_cached(*_located("remittance_headlines"), _country_codes(), _source_ids())


def load_remittances_by_sender() -> pd.DataFrame:
    """Sri Lanka's reported remittances by sending country, 2023."""
    return _remittances_by_sender_cached(*_located("remittances_by_sender"), _country_codes(), _source_ids())


def load_country_shapes() -> dict:
    """Simplified Natural Earth country shapes (GeoJSON, property ``iso3``), shipped so maps work offline."""
    path = GEO_DIR / "countries.geojson"
    try:
        status = path.stat()
    except FileNotFoundError:
        raise DataProblem("country shapes", path, "the file is missing; rebuild it with `python -m data.build`."
                          ) from None
    except OSError as error:
        raise unreadable("country shapes", path, error) from None
    return _shapes_cached(str(path), (status.st_mtime_ns, status.st_size))


@_remembered(st.cache_resource(show_spinner=False))
def _shapes_cached(path: str, version: Version) -> dict:
    """Shared read-only: the shapes are large and never modified, so one copy serves every session."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataProblem("country shapes", Path(path), f"the file is not valid GeoJSON ({error}).") from None
    except OSError as error:
        raise unreadable("country shapes", Path(path), error) from None


def _source_ids() -> frozenset[str]:
    return frozenset(load_sources()["source_id"])


def _country_codes() -> frozenset[str]:
    return frozenset(load_countries()["iso3"])


@_remembered(st.cache_data(show_spinner=False))
def _sources_cached(path: str, version: Version) -> pd.DataFrame:
    return read_sources(Path(path))


@_remembered(st.cache_data(show_spinner=False))
def _countries_cached(path: str, version: Version, source_ids: frozenset[str]) -> pd.DataFrame:
    return read_countries(Path(path), source_ids)


# The corridors are by far the largest table: one shared copy of each revision (cache_resource) rather than a
# pickled copy in the cache plus an unpickled one per call (cache_data) keeps memory per session and rerun time
# down. Every caller only reads them; tests/test_shared_tables.py checks that running the pages leaves them unchanged.
@_remembered(st.cache_resource(show_spinner=False))
def _corridor_revisions_cached(path: str, version: Version, country_codes: frozenset[str],
                               source_ids: frozenset[str]) -> dict[int, pd.DataFrame]:
    table = read_corridors(Path(path), country_codes, source_ids)
    return {revision: table[table["revision"] == revision].reset_index(drop=True) for revision in CORRIDOR_REVISIONS}


@st.cache_resource(show_spinner=False)
def _corridor_years_cached(path: str, version: Version, revision: int) -> dict[int, pd.DataFrame]:
    return by_year(load_corridors(revision))


@_remembered(st.cache_data(show_spinner=False))
def _deployments_cached(path: str, version: Version, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    return read_deployments(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _labour_outflows_cached(path: str, version: Version, country_codes: frozenset[str],
                            source_ids: frozenset[str]) -> pd.DataFrame:
    return read_labour_outflows(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _remittances_cached(path: str, version: Version, country_codes: frozenset[str], source_ids: frozenset[str]) -> pd.DataFrame:
    return read_remittances(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _remittance_corridors_cached(path: str, version: Version, country_codes: frozenset[str],
                                 source_ids: frozenset[str]) -> pd.DataFrame:
    return read_remittance_corridors(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _remittance_costs_cached(path: str, version: Version, country_codes: frozenset[str],
                             source_ids: frozenset[str]) -> pd.DataFrame:
    return read_remittance_costs(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _remittance_cost_means_cached(path: str, version: Version, country_codes: frozenset[str],
                                  source_ids: frozenset[str]) -> pd.DataFrame:
    return read_remittance_cost_means(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _remittance_headlines_cached(path: str, version: Version, country_codes: frozenset[str],
                                 source_ids: frozenset[str]) -> pd.DataFrame:
    return read_remittance_headlines(Path(path), country_codes, source_ids)


@_remembered(st.cache_data(show_spinner=False))
def _remittances_by_sender_cached(path: str, version: Version, country_codes: frozenset[str],
                                  source_ids: frozenset[str]) -> pd.DataFrame:
    return read_remittances_by_sender(Path(path), country_codes, source_ids)


# The agreements loaders are keyed by the (path, mtime) of the tables they check against, not by the sets of codes:
# hashing those sets on every call would cost more than the rest of a rerun of the agreements page.
@_remembered(st.cache_data(show_spinner=False))
def _agreements_cached(path: str, version: Version, countries_file: Located,
                       sources_file: Located) -> pd.DataFrame:
    return read_agreements(Path(path), _country_codes(), _source_ids())


@_remembered(st.cache_data(show_spinner=False))
def _regional_instruments_cached(path: str, version: Version, sources_file: Located) -> pd.DataFrame:
    return read_regional_instruments(Path(path), _source_ids())


@st.cache_data(show_spinner=False)
def _regional_corridors_cached(path: str, version: Version, countries_file: Located, revision: int) -> pd.DataFrame:
    return latest_regional_corridors(load_corridors(revision=revision), load_countries())


@st.cache_data(show_spinner=False, max_entries=200)
def _corridor_gaps_cached(path: str, version: Version, corridors_file: Located, countries_file: Located,
                          revision: int, largest: int, countries: tuple[str, ...], role: str) -> CorridorGaps:
    return corridor_gaps(load_regional_corridors(revision), load_agreements(), largest=largest, countries=countries,
                         role=role)


@_remembered(st.cache_data(show_spinner=False))
def _news_cached(path: str, version: Version, countries_at: Located, sources_at: Located) -> pd.DataFrame:
    return read_news(Path(path), _country_codes(), _source_ids())


@st.cache_data(show_spinner=False, max_entries=16)
def _user_news_cached(raw: bytes, countries_at: Located) -> tuple[pd.DataFrame, list[str]]:
    return news_items.parse_user_news(raw, country_codes=_country_codes())
