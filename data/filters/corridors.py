"""What the corridors page shows: one revision, one year, one sex, places at either end, and how many.

Every filter narrows the selection (origin countries AND origin areas AND destination ...). Areas are
UN M49 regions and subregions from the countries table, plus "Asia and the Pacific" (UN regions Asia and
Oceania, the table's ``is_asia_pacific``). Pure pandas: no Streamlit here.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

ASIA_PACIFIC = "Asia and the Pacific"
SEXES = ("total", "female", "male")
VIEWS = ("corridors", "emigrants", "immigrants")
VIEW_LABELS = {
    "corridors": "Corridors (arcs)",
    "emigrants": "Emigrants by origin country",
    "immigrants": "Immigrants by destination country",
}
SIZE_MODES = ("top", "minimum")
MINIMUM_SIZES = (10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)
MAX_TOP = 200
# Enough for any sensible minimum-size view, few enough that the map stays readable and light to send.
MAX_ROWS = 1_000

FLAG_COLUMNS = ["type_b", "type_c", "type_r", "type_i"]
CORRIDOR_COLUMNS = [
    "revision", "year", "orig_iso3", "origin", "dest_iso3", "destination", "sex", "migrants", "female", "male",
    "total", "female_share_pct", "previous_year", "previous_migrants", "change", "change_pct", *FLAG_COLUMNS,
    "source_id",
]  # fmt: skip
COUNTRY_COLUMNS = [
    "revision", "year", "iso3", "country", "sex", "migrants", "female", "male", "total", "female_share_pct",
    "corridors", "corridors_imputed", "previous_year", "previous_migrants", "change", "change_pct", "source_id",
]  # fmt: skip
ROLE_COLUMN = {"emigrants": "orig_iso3", "immigrants": "dest_iso3"}


# --- areas ---------------------------------------------------------------------------------------

def area_labels(countries: pd.DataFrame) -> dict[str, str]:
    """Each area and how to show it: Asia and the Pacific, then the UN regions, then their subregions."""
    regions = sorted(countries["region"].dropna().unique())
    pairs = countries[["region", "subregion"]].dropna().drop_duplicates().sort_values(["region", "subregion"])
    labels = {ASIA_PACIFIC: f"{ASIA_PACIFIC} (UN regions Asia + Oceania)"}
    labels |= {region: f"{region} (UN region)" for region in regions}
    labels |= {name: f"{name} (UN subregion)" for name in pairs["subregion"] if name not in labels}
    return labels


def area_members(countries: pd.DataFrame, area: str) -> set[str]:
    if area == ASIA_PACIFIC:
        return set(countries.loc[countries["is_asia_pacific"], "iso3"])
    in_area = (countries["region"] == area) | (countries["subregion"] == area)
    return set(countries.loc[in_area.fillna(False), "iso3"])


# --- years ---------------------------------------------------------------------------------------

def previous_point(years: Sequence[int], year: int) -> int | None:
    """The estimate year before ``year`` (UN DESA's points are 5 years apart, then 4: 2020 -> 2024)."""
    earlier = [candidate for candidate in years if candidate < year]
    return max(earlier) if earlier else None


def next_point(years: Sequence[int], year: int) -> int | None:
    later = [candidate for candidate in years if candidate > year]
    return min(later) if later else None


# --- the filter model ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CorridorFilters:
    revision: int = 2024
    year: int | None = None  # None: the revision's latest year
    sex: str = "total"
    origins: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    origin_areas: tuple[str, ...] = ("Asia",)
    destination_areas: tuple[str, ...] = ()
    view: str = "corridors"
    size_mode: str = "top"
    top_n: int = 25
    minimum: int = 100_000

    def apply(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        """The table behind the map: corridors, or country totals (emigrants by origin / immigrants by
        destination), largest first, cut to the size filter. ``corridors`` is one revision's table."""
        if self.view == "corridors":
            return self.corridors(corridors, countries)
        return self.country_totals(corridors, countries)

    def corridors(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        year, current, previous_year = self._place_rows(corridors, countries, self.year_or_latest(corridors))
        table = self._sized(current.sort_values([self.sex, "orig_iso3", "dest_iso3"], ascending=[False, True, True]))
        keys = ["orig_iso3", "dest_iso3"]
        _, previous, _ = self._place_rows(corridors, countries, previous_year)
        earlier = previous[[*keys, self.sex]].rename(columns={self.sex: "previous_migrants"})
        table = table.merge(earlier, on=keys, how="left")
        names = dict(zip(countries["iso3"], countries["name"]))
        table["origin"] = [names.get(code, code) for code in table["orig_iso3"]]
        table["destination"] = [names.get(code, code) for code in table["dest_iso3"]]
        return _with_measures(table, self.sex, previous_year)[CORRIDOR_COLUMNS]

    def country_totals(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        """Emigrants by origin or immigrants by destination, summed over the corridors meeting the place
        filters (an origin's emigrants counted only in the chosen destinations, and so on)."""
        own = ROLE_COLUMN[self.view]
        year, current, previous_year = self._place_rows(corridors, countries, self.year_or_latest(corridors))
        current = current.assign(imputed=current["type_i"].eq(1))
        totals = current.groupby(own).agg(
            female=("female", "sum"), male=("male", "sum"), total=("total", "sum"),
            corridors=(self.sex, "size"), corridors_imputed=("imputed", "sum"),
            source_id=("source_id", lambda ids: ";".join(sorted(set(ids)))),
        )  # fmt: skip
        totals = self._sized(totals.reset_index().sort_values([self.sex, own], ascending=[False, True]))
        _, previous, _ = self._place_rows(corridors, countries, previous_year)
        earlier = previous.groupby(own)[self.sex].sum().to_dict()
        table = totals.assign(previous_migrants=[earlier.get(code) for code in totals[own]])
        table = table.rename(columns={own: "iso3"})
        table["revision"], table["year"] = self.revision, year
        names = dict(zip(countries["iso3"], countries["name"]))
        table["country"] = [names.get(code, code) for code in table["iso3"]]
        return _with_measures(table, self.sex, previous_year)[COUNTRY_COLUMNS]

    def year_or_latest(self, corridors: pd.DataFrame) -> int | None:
        if self.year is not None:
            return self.year
        return int(corridors["year"].max()) if len(corridors) else None

    def _place_rows(self, corridors: pd.DataFrame, countries: pd.DataFrame, year: int | None):
        """That year's rows meeting the place filters, with the year and the estimate year before it."""
        rows = corridors[corridors["year"].to_numpy() == year]
        keep = pd.Series(True, index=rows.index)
        for column, codes, areas in [("orig_iso3", self.origins, self.origin_areas),
                                     ("dest_iso3", self.destinations, self.destination_areas)]:
            if codes:
                keep &= rows[column].isin(codes)
            for area in areas:
                keep &= rows[column].isin(area_members(countries, area))
        years = corridors["year"].unique()
        return year, rows[keep.to_numpy()], previous_point(years, year) if year is not None else None

    def _sized(self, table: pd.DataFrame) -> pd.DataFrame:
        """Largest first (``table`` comes sorted); only places with migrants (a definite 0 is no corridor to
        draw), then the size filter."""
        table = table[(table[self.sex] > 0).to_numpy()]
        if self.size_mode == "top":
            return table.head(min(self.top_n, MAX_ROWS)).reset_index(drop=True)
        return table[(table[self.sex] >= self.minimum).to_numpy()].head(MAX_ROWS).reset_index(drop=True)

    def describe(self, names: Mapping[str, str] | None = None) -> list[str]:
        """The filters in words, for captions and the 'about' sheet of downloads."""
        names = names or {}
        year = self.year if self.year is not None else "latest"
        lines = [
            f"Data: UN DESA International Migrant Stock, {self.revision} revision (mid-year stock, not flows)",
            f"Year: {year}",
            f"Sex: {self.sex}",
            f"View: {VIEW_LABELS[self.view].lower()}",
        ]
        for end, codes, areas in [("Origin", self.origins, self.origin_areas),
                                  ("Destination", self.destinations, self.destination_areas)]:
            places = [names.get(code, code) for code in codes] + [_area_words(area) for area in areas]
            lines.append(f"{end}: " + (" and ".join(places) if places else "any country or area"))
        unit = "corridors" if self.view == "corridors" else "countries"
        if self.size_mode == "top":
            lines.append(f"Size: the {min(self.top_n, MAX_ROWS):,} largest {unit} (with at least one migrant)")
        else:
            lines.append(f"Size: {unit} with at least {self.minimum:,} migrants (the {MAX_ROWS:,} largest at most)")
        return lines


def _area_words(area: str) -> str:
    if area == ASIA_PACIFIC:
        return f"{ASIA_PACIFIC} (UN regions Asia and Oceania)"
    return f"UN area '{area}'"


def _with_measures(table: pd.DataFrame, sex: str, previous_year: int | None) -> pd.DataFrame:
    """The chosen sex as ``migrants``, female share, and the change since the previous estimate year."""
    table = table.copy()
    table["sex"] = sex
    table["migrants"] = table[sex]
    both = (table["female"] + table["male"]).astype("Float64")
    table["female_share_pct"] = (table["female"] / both.where(both > 0) * 100).astype("Float64").round(1)
    table["previous_year"] = pd.array([previous_year] * len(table), dtype="Int64")
    table["previous_migrants"] = table["previous_migrants"].astype("Int64")
    table["change"] = (table["migrants"] - table["previous_migrants"]).astype("Int64")
    earlier = table["previous_migrants"].astype("Float64")
    table["change_pct"] = (table["change"] / earlier.where(earlier > 0) * 100).astype("Float64").round(1)
    return table
