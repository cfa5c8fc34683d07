"""Country groups and UN areas as places to filter on, and the total of a selection of corridors.

A *place group* is either a country group of the ``country_groups`` table (GCC, ASEAN, SAARC, the Colombo
Process, the Abu Dhabi Dialogue, World Bank regions; keyed by ``group_key``) or a UN area of the countries
table (a UN region or subregion, or "Asia and the Pacific"; keyed by its name). The two kinds of key never
collide (group keys are lower-case identifiers, area names are capitalised), so one filter can offer both.
Pure pandas: no Streamlit here.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data.filters.corridors import SEXES, area_labels, area_members, previous_point

GROUP_KINDS = ("intergovernmental organisation", "regional consultative process", "statistical region")
TABLE_COLUMNS = ["group_key", "group_name", "kind", "iso3", "member_name", "joined", "membership_as_of", "source_id"]


# --- places --------------------------------------------------------------------------------------


def group_labels(
    groups: pd.DataFrame, *, label: Callable[[str, int], str] = lambda name, count: f"{name}, {count} members"
) -> dict[str, str]:
    """Each country group's key and how to show it, in table order, e.g.
    ``{"gcc": "Gulf Cooperation Council (GCC), 6 members", ...}``; ``label(name, count)`` words it in the reader's
    language (the group's name stays as published)."""
    counts = groups.groupby("group_key", sort=False)["iso3"].nunique()
    names = groups.drop_duplicates("group_key").set_index("group_key")["group_name"]
    return {key: label(names[key], int(counts[key])) for key in names.index}


def place_group_labels(
    groups: pd.DataFrame, countries: pd.DataFrame, *, group_label: Callable[[str, int], str] | None = None, **words
) -> dict[str, str]:
    """Every key ``members`` accepts and its label: the country groups, then the UN areas (``area_labels``, to
    which ``words`` (translate, region_name) go)."""
    labels = group_labels(groups, label=group_label) if group_label else group_labels(groups)
    return labels | area_labels(countries, **words)


def members(groups: pd.DataFrame, countries: pd.DataFrame, key: str) -> frozenset[str]:
    """ISO3 codes of a country group (by ``group_key``) or of a UN area (by name).

    Raises KeyError naming the key when it is neither (e.g. a stale link): check ``place_group_labels`` first."""
    in_group = groups["group_key"] == key
    if in_group.any():
        return frozenset(groups.loc[in_group, "iso3"])
    if key in area_labels(countries):
        return frozenset(area_members(countries, key))
    raise KeyError(f"{key!r} is neither a country group nor a UN area")


def selection_members(
    groups: pd.DataFrame, countries: pd.DataFrame, codes: Collection[str] = (), keys: Collection[str] = ()
) -> frozenset[str] | None:
    """The countries at one end of a selection: the chosen countries OR members of any chosen group or area
    (a union, so a country in two chosen groups is there once). None when nothing is chosen: any country."""
    if not codes and not keys:
        return None
    chosen = set(codes)
    for key in keys:
        chosen |= members(groups, countries, key)
    return frozenset(chosen)


# --- the total of a selection --------------------------------------------------------------------


@dataclass(frozen=True)
class SelectionTotal:
    """Migrants (stock) in the corridors from any selected origin to any selected destination in one year,
    and the same sum at the previous estimate year. ``None`` = no data (no corridor with a figure)."""

    year: int
    sex: str
    migrants: int | None
    corridors: int  # corridors with a figure for ``sex`` that year
    previous_year: int | None
    previous_migrants: int | None

    @property
    def change(self) -> int | None:
        if self.migrants is None or self.previous_migrants is None:
            return None
        return self.migrants - self.previous_migrants

    @property
    def change_pct(self) -> float | None:
        if self.change is None or not self.previous_migrants:
            return None
        return round(self.change / self.previous_migrants * 100, 1)

    def sentence(self, origin: str, destination: str) -> str:
        """E.g. 'From Nepal to Gulf Cooperation Council (GCC), 2024: 1,234 migrants (total), up 56 since 2020.'"""
        who = "migrants" if self.sex == "total" else f"{self.sex} migrants"
        head = f"From {origin} to {destination}, {self.year}: "
        if self.migrants is None:
            return head + "no data."
        text = head + f"{self.migrants:,} {who}"
        if self.change is None:
            return text + (f" (no estimate for {self.previous_year} to compare)." if self.previous_year else ".")
        direction = "up" if self.change > 0 else "down" if self.change < 0 else "unchanged"
        amount = f" {abs(self.change):,}" if self.change else ""
        return text + f", {direction}{amount} since {self.previous_year}."


def selection_total(
    years: Mapping[int, pd.DataFrame],
    year: int,
    origins: Collection[str] | None,
    destinations: Collection[str] | None,
    sex: str = "total",
) -> SelectionTotal:
    """Sum of ``sex`` over the corridors of ``year`` whose origin is in ``origins`` and destination in
    ``destinations`` (None = any), each corridor counted once, and the same sum at the previous estimate year.

    ``years`` is one revision split by year (``data.load_corridor_years(revision)``). The previous total is
    summed over that year's own rows (not the ``previous_*`` columns), so a corridor estimated then but not
    now still counts then, as in the corridors page's country totals."""
    if sex not in SEXES:
        raise ValueError(f"sex must be one of {SEXES}, not {sex!r}")
    migrants, corridors = _sum(years.get(year), origins, destinations, sex)
    previous_year = previous_point(list(years), year)
    previous, _ = _sum(years.get(previous_year), origins, destinations, sex)
    return SelectionTotal(
        year=year,
        sex=sex,
        migrants=migrants,
        corridors=corridors,
        previous_year=previous_year,
        previous_migrants=previous,
    )


def _sum(
    rows: pd.DataFrame | None, origins: Collection[str] | None, destinations: Collection[str] | None, sex: str
) -> tuple[int | None, int]:
    if rows is None:
        return None, 0
    keep = np.ones(len(rows), dtype=bool)
    for column, codes in [("orig_iso3", origins), ("dest_iso3", destinations)]:
        if codes is not None:
            keep &= rows[column].isin(list(codes)).to_numpy()
    figures = rows.loc[keep, sex].dropna()
    if figures.empty:
        return None, 0
    return int(figures.sum()), len(figures)
