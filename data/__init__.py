"""The data boundary: curated tables, validated on load, with their provenance. Nothing here imports pages/components.

Loading: ``load(name)`` returns the curated table ``name`` of the catalog (``data.catalog.CATALOG``: title,
measure, column descriptions; its rows' sources in ``sources``), read by the one pure reader ``read_table``
and checked against its schema (``SCHEMAS``: pandera, in ``data.schemas``). A few views need parameters and
keep their own loaders: ``load_corridors(revision)``, ``load_corridor_years(revision)``,
``load_country_stock(...)``, ``load_regional_corridors(...)``, ``load_corridor_gaps(...)``,
``load_user_news(raw)``, ``load_country_shapes()``. ``load_<name>()`` are shorthands for ``load(name)``.

Caching policy (the only one; tests/test_shared_tables.py holds pages to it):
- A table as read from its file is shared read-only by every session (``st.cache_resource``), keyed by the
  file's path and modification time, so an edited file is re-read. Never modify a loaded frame: derive a new
  one (``assign``, ``loc[...]`` copies).
- Views derived from tables with parameters a user chooses (a country's trend, corridor gaps, a user's
  upload) are cached with ``st.cache_data(max_entries=...)``, so memory stays bounded however many filter
  combinations users try; cheap filters run on every rerun, uncached.
- Figures are never cached: they are built per run from these frames.
"""

import copy
import functools
import json
from pathlib import Path
from stat import S_ISREG

import numpy as np
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
    "UNKNOWN_PLACE",
    "country_choices",
    "country_names",
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
    "SCHEMAS",
    "load",
    "read_table",
    "table_versions",
    "tables_dir",
]

CORRIDOR_REVISIONS = (2024, 2020)
Version = tuple[int, int]  # a file's modification time (ns) and size: with its path, what a cached read is keyed on
Located = tuple[str, Version]


# --- one pure reader for every curated table ---------------------------------------------------------

# What each table's schema checks its codes against: nothing, the sources, or the countries and the sources.
SCHEMAS = {
    "sources": (schemas.sources_schema, ()),
    "countries": (schemas.countries_schema, ("source_ids",)),
    "corridors": (schemas.corridors_schema, ("country_codes", "source_ids")),
    "deployments": (schemas.deployments_schema, ("country_codes", "source_ids")),
    "agreements": (schemas.agreements_schema, ("country_codes", "source_ids")),
    "regional_instruments": (schemas.regional_instruments_schema, ("source_ids",)),
    "news": (schemas.news_schema, ("country_codes", "source_ids")),
    "remittances": (schemas.remittances_schema, ("country_codes", "source_ids")),
    "remittance_corridors": (schemas.remittance_corridors_schema, ("country_codes", "source_ids")),
    "remittance_costs": (schemas.remittance_costs_schema, ("country_codes", "source_ids")),
    "remittances_by_sender": (schemas.remittances_by_sender_schema, ("country_codes", "source_ids")),
    "country_groups": (schemas.country_groups_schema, ("country_codes", "source_ids")),
    "labour_outflows": (schemas.labour_outflows_schema, ("country_codes", "source_ids")),
    "remittance_cost_means": (schemas.remittance_cost_means_schema, ("country_codes", "source_ids")),
    "remittance_headlines": (schemas.remittance_headlines_schema, ("country_codes", "source_ids")),
}


def _news_with_derived_columns(table: pd.DataFrame) -> pd.DataFrame:
    """The shipped items with the columns filtering needs (see ``data.news``), newest first."""
    return news_items.sort_newest_first(news_items.with_derived_columns(table, user_supplied=False))


DERIVED = {"news": _news_with_derived_columns}


def read_table(
    name: str, path: Path, *, country_codes: frozenset[str] = frozenset(), source_ids: frozenset[str] = frozenset()
) -> pd.DataFrame:
    """Read the table ``name`` from ``path`` and validate it (a DataProblem naming line and column if not)."""
    build_schema, checked_against = SCHEMAS[name]
    known = {"country_codes": country_codes, "source_ids": source_ids}
    schema = build_schema(*(known[what] for what in checked_against))
    table = validate(name, path, read_csv_table(name, path), schema)
    return DERIVED.get(name, lambda frame: frame)(table)


# --- loading: the one boundary ------------------------------------------------------------------------


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
        raise DataProblem(
            name,
            path,
            f"the tables folder {path.parent} does not exist. It is set by the "
            f"{TABLES_DIR_VARIABLE} environment variable: point it at a folder of tables, or unset it "
            "to read the tables shipped in data/tables.",
        )
    raise DataProblem(
        name,
        path,
        "the tables folder data/tables does not exist. Restore it from the repository, "
        "or rebuild the tables with `python -m data.build`.",
    )


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


def load(name: str) -> pd.DataFrame:
    """The catalog's table ``name``, validated; shared read-only across sessions: never modify it."""
    if name not in SCHEMAS:
        raise KeyError(f"no curated table named {name!r}; the catalog has {', '.join(CATALOG)}")
    checked_against = SCHEMAS[name][1]
    # Keyed by where and when the tables it is checked against were written, not by their codes: hashing the
    # code sets on every call would cost more than the rest of a rerun.
    countries_at = _located("countries") if "country_codes" in checked_against else None
    sources_at = _located("sources") if checked_against else None
    return _table_cached(name, *_located(name), countries_at, sources_at)


@_remembered(st.cache_resource(show_spinner=False))
def _table_cached(
    name: str, path: str, version: Version, countries_at: Located | None, sources_at: Located | None
) -> pd.DataFrame:
    return read_table(
        name,
        Path(path),
        country_codes=frozenset(load("countries")["iso3"]) if countries_at else frozenset(),
        source_ids=frozenset(load("sources")["source_id"]) if sources_at else frozenset(),
    )


def load_sources() -> pd.DataFrame:
    return load("sources")


def load_countries() -> pd.DataFrame:
    return load("countries")


def load_deployments() -> pd.DataFrame:
    return load("deployments")


def load_agreements() -> pd.DataFrame:
    """Bilateral agreements and MOUs, one row per instrument, each with its cited page (a partial inventory)."""
    return load("agreements")


def load_regional_instruments() -> pd.DataFrame:
    return load("regional_instruments")


def load_news() -> pd.DataFrame:
    return load("news")


def load_remittances() -> pd.DataFrame:
    """Remittances by country and year: WDI and KNOMAD (Dec 2023) rows, told apart by ``series``/``vintage``."""
    return load("remittances")


def load_remittance_corridors() -> pd.DataFrame:
    """KNOMAD/World Bank bilateral remittance estimates (modelled), 2017 and 2021 editions."""
    return load("remittance_corridors")


def load_remittance_costs() -> pd.DataFrame:
    """Cost of sending US$200: RPW corridors by quarter (to 2020Q3) and WDI country series by year."""
    return load("remittance_costs")


def load_remittances_by_sender() -> pd.DataFrame:
    """Sri Lanka's reported remittances by sending country, 2023."""
    return load("remittances_by_sender")


def load_labour_outflows() -> pd.DataFrame:
    """Worker departures by origin and destination, one row per published figure (see ``data.flows``)."""
    return load("labour_outflows")


def load_remittance_cost_means() -> pd.DataFrame:
    """Cost of sending US$200 by corridor, 2016Q2-2025Q1, COMPUTED as the mean of RPW provider quotes (not the
    published average), with each corridor's check against the published series."""
    return load("remittance_cost_means")


def load_remittance_headlines() -> pd.DataFrame:
    """2024 (and 2023) remittance figures as printed: World Bank estimates and Bangladesh Bank totals, by release."""
    return load("remittance_headlines")


def load_country_groups() -> pd.DataFrame:
    """Members of country groups (GCC, ASEAN, SAARC, Colombo Process, Abu Dhabi Dialogue, World Bank regions),
    one row per (group, member) with its cited page; ``data.groups`` turns them into filter places and totals."""
    return load("country_groups")


UNKNOWN_PLACE = "OOO"  # UN DESA's code for "other or unknown" places: never a country to choose


def country_names() -> dict[str, str]:
    """ISO3 code -> country or area name, from the countries table."""
    countries = load("countries")
    return dict(zip(countries["iso3"], countries["name"]))


def country_choices(*, asia_pacific: bool = False, with_unknown: bool = False) -> list[str]:
    """ISO3 codes a user can choose, sorted by name: all countries and areas or those of Asia and the Pacific;
    UN DESA's "other or unknown" only where asked (a corridor's origin may be unknown)."""
    countries, names = load("countries"), country_names()
    codes = countries.loc[countries["is_asia_pacific"], "iso3"] if asia_pacific else countries["iso3"]
    return sorted((code for code in codes if with_unknown or code != UNKNOWN_PLACE), key=names.get)


# --- views with parameters ------------------------------------------------------------------------------


def load_corridors(revision: int | None = None) -> pd.DataFrame:
    """UN DESA migrant stock; one revision (never mixed silently) or both with their ``revision`` column.
    One revision is shared read-only across sessions (not copied per call): never modify it. Both revisions
    come as a new frame (the app never needs them together, so they are not kept twice)."""
    if revision is not None and revision not in CORRIDOR_REVISIONS:
        raise ValueError(f"revision must be one of {CORRIDOR_REVISIONS}, not {revision!r}")
    if revision is None:
        return load("corridors")
    return _corridor_revision_cached(*_located("corridors"), revision)


@st.cache_resource(show_spinner=False)
def _corridor_revision_cached(path: str, version: Version, revision: int) -> pd.DataFrame:
    corridors = load("corridors")
    rows = np.flatnonzero(corridors["revision"].to_numpy() == revision)
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
        # The table is built revision by revision: a slice shares the loaded table's memory (copy-on-write).
        return corridors.iloc[rows[0] : rows[-1] + 1].reset_index(drop=True)
    return corridors.iloc[rows].reset_index(drop=True)


def load_corridor_years(revision: int) -> dict[int, pd.DataFrame]:
    """One revision split by estimate year, each row with its pair's figures at the previous estimate year
    (``data.filters.corridors.by_year``): what the corridor filters read, so a filter change touches one year.
    Shared read-only across sessions (not copied per call): never modify these frames."""
    if revision not in CORRIDOR_REVISIONS:
        raise ValueError(f"revision must be one of {CORRIDOR_REVISIONS}, not {revision!r}")
    return _corridor_years_cached(*_located("corridors"), revision)


@st.cache_resource(show_spinner=False)
def _corridor_years_cached(path: str, version: Version, revision: int) -> dict[int, pd.DataFrame]:
    return by_year(load_corridors(revision))


def load_country_stock(revision: int, iso3: str, *, role: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A country's migrant-stock trend and its largest partners in ``year`` (``data.profiles``), cached per
    country so a change of country on the profile page does not re-aggregate the whole revision."""
    return _country_stock_cached(*_located("corridors"), _located("countries"), revision, iso3, role, year)


@st.cache_data(show_spinner=False, max_entries=1000)
def _country_stock_cached(
    path: str, version: Version, countries_file: Located, revision: int, iso3: str, role: str, year: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    from data.profiles import stock_trend, top_partners

    corridors = load_corridors(revision=revision)
    return (
        stock_trend(corridors, iso3, role=role),
        top_partners(corridors, load_countries(), iso3, role=role, year=year),
    )


def load_regional_corridors(revision: int = AGREEMENT_STOCK_REVISION) -> pd.DataFrame:
    """One UN DESA revision's latest year, both countries in Asia and the Pacific, known origins only."""
    return _regional_corridors_cached(*_located("corridors"), _located("countries"), revision)


@st.cache_data(show_spinner=False, max_entries=len(CORRIDOR_REVISIONS))
def _regional_corridors_cached(path: str, version: Version, countries_file: Located, revision: int) -> pd.DataFrame:
    return latest_regional_corridors(load_corridors(revision=revision), load_countries())


def load_corridor_gaps(
    *, revision: int = AGREEMENT_STOCK_REVISION, largest: int = 30, countries: tuple[str, ...] = (), role: str = "any"
) -> CorridorGaps:
    """The largest corridors (within Asia and the Pacific, latest year) with no recorded agreement; see corridor_gaps."""
    return _corridor_gaps_cached(
        *_located("agreements"), _located("corridors"), _located("countries"), revision, largest, tuple(countries), role
    )


@st.cache_data(show_spinner=False, max_entries=200)
def _corridor_gaps_cached(
    path: str,
    version: Version,
    corridors_file: Located,
    countries_file: Located,
    revision: int,
    largest: int,
    countries: tuple[str, ...],
    role: str,
) -> CorridorGaps:
    return corridor_gaps(
        load_regional_corridors(revision), load_agreements(), largest=largest, countries=countries, role=role
    )


def load_user_news(raw: bytes) -> tuple[pd.DataFrame, list[str]]:
    """Items from a user's CSV file (see ``data.news.parse_user_news``), checked against the country codes."""
    return _user_news_cached(raw, _located("countries"))


@st.cache_data(show_spinner=False, max_entries=16)
def _user_news_cached(raw: bytes, countries_at: Located) -> tuple[pd.DataFrame, list[str]]:
    return news_items.parse_user_news(raw, country_codes=frozenset(load_countries()["iso3"]))


def load_country_shapes() -> dict:
    """Simplified Natural Earth country shapes (GeoJSON, property ``iso3``), shipped so maps work offline."""
    path = GEO_DIR / "countries.geojson"
    try:
        status = path.stat()
    except FileNotFoundError:
        raise DataProblem(
            "country shapes", path, "the file is missing; rebuild it with `python -m data.build`."
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
