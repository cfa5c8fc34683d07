"""Pure views of the agreements table, no Streamlit: a corridor's agreements, an agreement's history, the
migrant stock around its signing, coverage by destination, and large corridors with no recorded agreement."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

# The UN DESA revision shown next to agreements: the latest, which has the most recent year (2024).
AGREEMENT_STOCK_REVISION = 2024
# The ILO booklet that lists which agreements exist for Korea, Malaysia and Thailand (the inventory's base list).
BOOKLET_SOURCE_ID = "ilo_adwd_kit_migrants_2011"
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DATE_NOT_RECORDED = "date not recorded"
# Codes in the corridors table that are not countries (UN DESA's "other/unknown" origin and similar).
NOT_COUNTRIES = {"OOO", "OOS", "AB9", "STL", "TIB"}


def chronological(rows: pd.DataFrame) -> pd.DataFrame:
    """Oldest first; rows with no recorded date last (never placed at a guessed date)."""
    return rows.sort_values(["year_signed", "date_signed", "agreement_id"], na_position="last", kind="stable")


def _pair_mask(agreements: pd.DataFrame, origin: str, destination: str) -> pd.Series:
    forward = agreements["origin_iso3"].eq(origin) & agreements["destination_iso3"].eq(destination)
    backward = agreements["origin_iso3"].eq(destination) & agreements["destination_iso3"].eq(origin)
    return forward | (agreements["two_way"] & backward)


def agreements_between(agreements: pd.DataFrame, origin: str, destination: str) -> pd.DataFrame:
    """The recorded agreements of one corridor (origin -> destination), oldest first, undated last.

    A two-way instrument between the two countries counts for both directions. An empty result means no
    agreement is recorded in this partial inventory, not that none exists.
    """
    return chronological(agreements[_pair_mask(agreements, origin, destination)])


def covered_corridors(agreements: pd.DataFrame) -> set[tuple[str, str]]:
    """(origin, destination) pairs with at least one recorded agreement, both directions for two-way ones."""
    pairs = set(zip(agreements["origin_iso3"], agreements["destination_iso3"]))
    two_way = agreements[agreements["two_way"]]
    return pairs | set(zip(two_way["destination_iso3"], two_way["origin_iso3"]))


def has_recorded_agreement(corridors: pd.DataFrame, agreements: pd.DataFrame) -> pd.Series:
    """For each corridor row (orig_iso3, dest_iso3): whether the inventory records an agreement for it."""
    covered = covered_corridors(agreements)
    return pd.Series(
        [pair in covered for pair in zip(corridors["orig_iso3"], corridors["dest_iso3"])],
        index=corridors.index,
        dtype=bool,
    )


def pair_history(agreements: pd.DataFrame, agreement: pd.Series) -> pd.DataFrame:
    """Every recorded instrument between the agreement's two countries (originals, renewals, others), oldest first."""
    return agreements_between(agreements, agreement["origin_iso3"], agreement["destination_iso3"])


def signing_label(date_signed, year_signed, precision: str) -> str:
    """How precisely the date is known, in words: '23 Jul 2007', '2013 (month in notes)', '2006 (year only)'."""
    if precision == "day" and pd.notna(date_signed):
        return f"{date_signed.day} {MONTH_NAMES[date_signed.month - 1]} {date_signed.year}"
    if pd.isna(year_signed):
        return DATE_NOT_RECORDED
    return f"{int(year_signed)} (month in notes)" if precision == "month" else f"{int(year_signed)} (year only)"


def signing_labels(agreements: pd.DataFrame) -> list[str]:
    """``signing_label`` of every row, in order."""
    return [
        signing_label(*values)
        for values in zip(
            agreements["date_signed"].tolist(),
            agreements["year_signed"].tolist(),
            agreements["date_precision"].tolist(),
        )
    ]


@dataclass(frozen=True)
class StockAround:
    """The corridor's migrant stock at the nearest UN DESA estimates before and after the signing year."""

    revision: int
    signing_year: int | None
    before_year: int | None
    before: float | None
    after_year: int | None
    after: float | None
    source_ids: tuple[str, ...]


def stock_around_signing(corridors: pd.DataFrame, origin: str, destination: str, signing_year) -> StockAround:
    """Stock (persons, mid-year) in the estimate years strictly before and after the signing year.

    ``corridors`` is one revision. A missing value is "no data" (UN DESA gives no figure for the pair that year);
    an undated agreement has no before or after.
    """
    revision = int(corridors["revision"].iloc[0])
    source_ids = tuple(sorted(set(corridors["source_id"])))
    if signing_year is None or pd.isna(signing_year):
        return StockAround(revision, None, None, None, None, None, source_ids)
    signing_year = int(signing_year)
    years = sorted(set(corridors["year"]))
    before_year = max((year for year in years if year < signing_year), default=None)
    after_year = min((year for year in years if year > signing_year), default=None)
    pair = corridors[corridors["orig_iso3"].eq(origin) & corridors["dest_iso3"].eq(destination)]
    totals = pair.set_index("year")["total"]

    def total(year):
        value = totals.get(year) if year is not None else None
        return None if value is None or pd.isna(value) else float(value)

    return StockAround(
        revision, signing_year, before_year, total(before_year), after_year, total(after_year), source_ids
    )


def corridor_stocks(corridors: pd.DataFrame, agreement: pd.Series) -> list[tuple[str, str, StockAround]]:
    """The stock around the signing for the agreement's corridor; both directions for a two-way instrument."""
    directions = [(agreement["origin_iso3"], agreement["destination_iso3"])]
    if agreement["two_way"]:
        directions.append((agreement["destination_iso3"], agreement["origin_iso3"]))
    return [
        (origin, destination, stock_around_signing(corridors, origin, destination, agreement["year_signed"]))
        for origin, destination in directions
    ]


def with_country_names(agreements: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The table for downloads: each code followed by the country's name."""
    table = agreements.copy()
    for role in ("origin", "destination"):
        codes = table[f"{role}_iso3"]
        table.insert(table.columns.get_loc(codes.name) + 1, role, [names.get(code) for code in codes])
    return table


def coverage_by_destination(agreements: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Per destination: how many agreements, with how many origins, and which (with their counts).

    Plain Python: on about a hundred rows it is many times faster than pandas grouping (this runs every rerun).
    """
    by_destination: dict[str, Counter] = defaultdict(Counter)
    for destination, origin in zip(agreements["destination_iso3"], agreements["origin_iso3"]):
        by_destination[destination][origin] += 1
    rows = []
    for destination, origins in by_destination.items():
        ordered = sorted(origins.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
        rows.append(
            {
                "destination_iso3": destination,
                "destination": names.get(destination, destination),
                "agreements": sum(origins.values()),
                "origins": len(origins),
                "with": ", ".join(f"{names.get(code, code)} ({count})" for code, count in ordered),
            }
        )
    rows.sort(key=lambda row: (-row["agreements"], row["destination"]))
    return pd.DataFrame(rows, columns=["destination_iso3", "destination", "agreements", "origins", "with"])


def latest_regional_corridors(corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Corridors of one revision in its latest year with both ends in Asia and the Pacific (known origins only)."""
    region = set(countries.loc[countries["is_asia_pacific"], "iso3"]) - NOT_COUNTRIES
    latest = corridors[corridors["year"] == corridors["year"].max()]
    in_scope = latest["orig_iso3"].isin(region) & latest["dest_iso3"].isin(region) & latest["total"].notna()
    return latest[in_scope].reset_index(drop=True)


class CorridorGaps(NamedTuple):
    gaps: pd.DataFrame  # largest first, with the rank among the corridors considered
    considered: int  # how many of the largest corridors were looked at
    year: int  # the estimate year (the revision's latest)


def corridor_gaps(
    regional_corridors: pd.DataFrame,
    agreements: pd.DataFrame,
    *,
    largest: int = 30,
    countries: tuple[str, ...] = (),
    role: str = "any",
) -> CorridorGaps:
    """Among the ``largest`` corridors (optionally of some countries, in a role), those with no recorded agreement."""
    rows = regional_corridors
    if countries:
        as_origin, as_destination = rows["orig_iso3"].isin(countries), rows["dest_iso3"].isin(countries)
        rows = rows[{"origin": as_origin, "destination": as_destination}.get(role, as_origin | as_destination)]
    top = rows.nlargest(largest, "total").reset_index(drop=True)
    top["rank"] = top.index + 1
    gaps = top[~has_recorded_agreement(top, agreements)]
    columns = ["rank", "orig_iso3", "dest_iso3", "year", "total", "type_r", "type_i", "source_id"]
    return CorridorGaps(gaps[columns].reset_index(drop=True), len(top), int(regional_corridors["year"].max()))
