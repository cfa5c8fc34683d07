"""What the corridors page shows: one revision, one year, one sex, places at either end, and how many.

At each end (origin, destination) the places chosen mean "either": a corridor's destination is in the GCC
*or* in South-eastern Asia, or is Malaysia *or* in the GCC. A chosen country inside a chosen area picks from
it (``end_places``), so an old link such as ``orig=NPL&dest_area=Western Asia`` keeps its meaning while the
origin area stays at its default "Asia"; a chosen country outside every chosen area widens the selection
(``outside_areas`` names it, so the page can say so) instead of silently emptying it. Areas are UN M49 regions and subregions from the countries table, "Asia
and the Pacific" (UN regions Asia and Oceania, the table's ``is_asia_pacific``), and, when the page passes
the ``country_groups`` table, its groups (GCC, ASEAN, SAARC, ...; keyed by ``group_key``).
Pure pandas: no Streamlit here.

The filters work on a revision split by estimate year (``by_year``), each row already carrying its pair's
figures at the previous estimate year: built once per revision (cached by ``data.load_corridor_years``),
so a filter change only touches one year's rows.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data.catalog import N_
from data.filters import Filter

ASIA_PACIFIC = N_("Asia and the Pacific")
SEXES = ("total", "female", "male")
VIEWS = ("corridors", "emigrants", "immigrants")
VIEW_LABELS = {
    "corridors": N_("Corridors (arcs)"),
    "emigrants": N_("Emigrants by origin country"),
    "immigrants": N_("Immigrants by destination country"),
}
SEX_LABELS = {"total": N_("Total"), "female": N_("Female"), "male": N_("Male")}
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
PREVIOUS = {sex: f"previous_{sex}" for sex in SEXES}
PAIR = ["orig_iso3", "dest_iso3"]


# --- the page's filters, declared once (widgets, link keys, link-keys table) --------------------------

REVISION = Filter(
    "rev",
    N_("UN DESA revision"),
    "selectbox",
    N_("UN DESA revision, 2024 (default) or 2020"),
    "rev=2020",
    default=2024,
    parse=int,
    help=N_("The revisions differ a lot on some corridors (e.g. the Gulf): one is shown at a time, never mixed."),
)
SIZE_LABELS = {"top": N_("The largest"), "minimum": N_("At least a size")}
FILTERS = (
    Filter(
        "view",
        N_("Map"),
        "radio",
        N_("`corridors`, `emigrants` or `immigrants`"),
        "view=emigrants",
        default="corridors",
    ),
    REVISION,
    Filter(
        "year",
        N_("Year (mid-year estimate)"),
        "select_slider",
        N_("an estimate year of that revision (latest by default)"),
        "year=2010",
        parse=int,
    ),
    Filter("sex", N_("Sex"), "radio", N_("`total` (default), `female` or `male`"), "sex=female", default="total"),
    Filter(
        "orig", N_("Origin countries"), "multiselect", N_("origin countries, ISO3, comma-separated"), "orig=NPL,BGD"
    ),
    Filter(
        "dest",
        N_("Destination countries"),
        "multiselect",
        N_("destination countries, ISO3, comma-separated"),
        "dest=MYS,QAT",
    ),
    Filter(
        "orig_area",
        N_("Origin group or region"),
        "multiselect",
        N_(
            "country groups (e.g. `gcc`) or UN regions or subregions of origin, comma-separated, either (default: Asia)"
        ),
        "orig_area=Southern Asia",
        default=("Asia",),
    ),
    Filter(
        "dest_area",
        N_("Destination group or region"),
        "multiselect",
        N_("country groups (e.g. `gcc`, `asean`) or UN regions or subregions of destination, comma-separated, either"),
        "dest_area=gcc,South-eastern Asia",
    ),
    Filter("size", N_("Show"), "radio", N_("`top` (default) or `minimum`"), "size=minimum", default="top"),
    Filter("top", N_("How many"), "slider", N_("how many, 1-200 (default 25)"), "top=50", default=25),
    Filter(
        "min",
        N_("Migrants at least"),
        "selectbox",
        N_("at least how many migrants (default 100,000)"),
        "min=250000",
        default=100_000,
        parse=int,
    ),
)
COMPARE = Filter(
    "per",
    N_("Compare as"),
    "radio",
    N_("`persons` (default) or `population`: the comparison chart as % of the origin's population"),
    "per=population",
    default="persons",
)
FILTERS = (*FILTERS, COMPARE)
FILTER = {spec.key: spec for spec in FILTERS}
CORRIDOR_LINK = ("`corridor`", N_("open one corridor's detail: origin-destination ISO3 codes"), "`corridor=NPL-MYS`")


# --- areas ---------------------------------------------------------------------------------------


def area_labels(
    countries: pd.DataFrame, *, translate: Callable[[str], str] = str, region_name: Callable[[str], str] = str
) -> dict[str, str]:
    """Each area and how to show it: Asia and the Pacific, then the UN regions, then their subregions.
    ``translate`` (gettext) and ``region_name`` (CLDR names) give the labels in the reader's language."""
    pairs = sorted(
        {
            (region, subregion)
            for region, subregion in zip(countries["region"], countries["subregion"])
            if isinstance(region, str) and isinstance(subregion, str)
        }
    )
    labels = {ASIA_PACIFIC: translate(N_("{area} (UN regions Asia + Oceania)")).format(area=translate(ASIA_PACIFIC))}
    labels |= {region: translate(N_("{area} (UN region)")).format(area=region_name(region)) for region, _ in pairs}
    labels |= {
        subregion: translate(N_("{area} (UN subregion)")).format(area=region_name(subregion))
        for _, subregion in pairs
        if subregion not in labels
    }
    return labels


def area_members(countries: pd.DataFrame, area: str, groups: pd.DataFrame | None = None) -> set[str]:
    """ISO3 codes of a UN area (by name) or, with ``groups``, of a country group (by ``group_key``)."""
    if groups is not None:
        in_group = groups["group_key"].to_numpy() == area
        if in_group.any():
            return set(groups.loc[in_group, "iso3"])
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


def by_year(corridors: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """One revision's corridors by estimate year, oldest first; each row also carries the pair's female, male
    and total at the previous estimate year (``previous_female`` ...; missing where the pair had no row)."""
    years = sorted(int(year) for year in corridors["year"].unique())
    frames = {}
    for year in years:
        rows = corridors[corridors["year"].to_numpy() == year]
        before = corridors[corridors["year"].to_numpy() == previous_point(years, year)]
        earlier = before[[*PAIR, *SEXES]].rename(columns=PREVIOUS)
        frames[year] = rows.merge(earlier, on=PAIR, how="left").astype(
            {column: "Int64" for column in PREVIOUS.values()}
        )
    return frames


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

    def apply(
        self, years: Mapping[int, pd.DataFrame], countries: pd.DataFrame, groups: pd.DataFrame | None = None
    ) -> pd.DataFrame:
        """The table behind the map: corridors, or country totals (emigrants by origin / immigrants by
        destination), largest first, cut to the size filter. ``years`` is one revision, ``by_year``;
        ``groups`` (the country_groups table) lets the area filters name country groups."""
        if self.view == "corridors":
            return self.corridors(years, countries, groups)
        return self.country_totals(years, countries, groups)

    def corridors(
        self, years: Mapping[int, pd.DataFrame], countries: pd.DataFrame, groups: pd.DataFrame | None = None
    ) -> pd.DataFrame:
        year = self.year_or_latest(years)
        rows = _year_rows(years, year)
        table = rows.iloc[self._largest(rows[self.sex], self._place_mask(rows, countries, groups))]
        names = _names(countries)
        table = table.assign(
            previous_migrants=table[PREVIOUS[self.sex]],
            origin=[names.get(code, code) for code in table["orig_iso3"]],
            destination=[names.get(code, code) for code in table["dest_iso3"]],
        )
        return _with_measures(table, self.sex, previous_point(list(years), year))[CORRIDOR_COLUMNS]

    def country_totals(
        self, years: Mapping[int, pd.DataFrame], countries: pd.DataFrame, groups: pd.DataFrame | None = None
    ) -> pd.DataFrame:
        """Emigrants by origin or immigrants by destination, summed over the corridors meeting the place
        filters (an origin's emigrants counted only in the chosen destinations, and so on); the previous
        estimate year is summed over that year's corridors meeting the same filters."""
        own = ROLE_COLUMN[self.view]
        year = self.year_or_latest(years)
        previous_year = previous_point(list(years), year)
        rows = _year_rows(years, year)
        current = rows[self._place_mask(rows, countries, groups)]
        by_country = current.assign(corridors=1, corridors_imputed=current["type_i"].eq(1)).groupby(own)
        totals = by_country[["female", "male", "total", "corridors", "corridors_imputed"]].sum()
        # named aggregations with a Python function per group take several times longer than these two
        sources = current[[own, "source_id"]].drop_duplicates().sort_values("source_id")
        totals["source_id"] = sources.groupby(own)["source_id"].agg(";".join)
        totals = totals.reset_index()
        totals = totals.iloc[self._largest(totals[self.sex], np.ones(len(totals), dtype=bool))]
        before = _year_rows(years, previous_year)
        earlier = before[self._place_mask(before, countries, groups)].groupby(own)[self.sex].sum().to_dict()
        names = _names(countries)
        table = totals.assign(
            previous_migrants=[earlier.get(code) for code in totals[own]],
            revision=self.revision,
            year=year,
            country=[names.get(code, code) for code in totals[own]],
        )
        return _with_measures(table.rename(columns={own: "iso3"}), self.sex, previous_year)[COUNTRY_COLUMNS]

    def year_or_latest(self, years: Mapping[int, pd.DataFrame]) -> int | None:
        if self.year is not None:
            return self.year
        return max(years) if years else None

    def end_members(
        self, countries: pd.DataFrame, groups: pd.DataFrame | None = None
    ) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """The countries each end allows (origin, destination); None = any. See ``end_places``."""
        ends = []
        for codes, whole_areas in self.end_places(countries, groups).values():
            if not codes and not whole_areas:
                ends.append(None)
                continue
            allowed = set(codes)
            for area in whole_areas:
                allowed |= area_members(countries, area, groups)
            ends.append(frozenset(allowed))
        return ends[0], ends[1]

    def end_places(
        self, countries: pd.DataFrame, groups: pd.DataFrame | None = None
    ) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Per end ('origin', 'destination'): the chosen countries, and the chosen areas that count whole.

        Everything chosen at one end means "either": a corridor's destination is Malaysia *or* in the GCC. A
        chosen country inside a chosen area picks from it (Nepal within the default "Asia" is Nepal, not
        all of Asia, so old links keep their meaning); an area holding none of the chosen countries counts
        whole, so a country outside every chosen area widens the selection rather than emptying it."""
        places = {}
        for end, codes, areas in [
            ("origin", self.origins, self.origin_areas),
            ("destination", self.destinations, self.destination_areas),
        ]:
            whole = tuple(area for area in areas if not set(codes) & area_members(countries, area, groups))
            places[end] = (tuple(codes), whole)
        return places

    def outside_areas(self, countries: pd.DataFrame, groups: pd.DataFrame | None = None) -> dict[str, list[str]]:
        """Chosen countries that no chosen area of their end holds, so they are added to those areas (by end:
        'origin', 'destination'); the page says so, since the areas then count whole."""
        outside = {}
        for end, codes, areas in [
            ("origin", self.origins, self.origin_areas),
            ("destination", self.destinations, self.destination_areas),
        ]:
            if codes and areas:
                inside = frozenset().union(*(area_members(countries, area, groups) for area in areas))
                missing = [code for code in codes if code not in inside]
                if missing:
                    outside[end] = missing
        return outside

    def _place_mask(self, rows: pd.DataFrame, countries: pd.DataFrame, groups: pd.DataFrame | None) -> np.ndarray:
        """Which rows meet the place filters at both ends."""
        keep = np.ones(len(rows), dtype=bool)
        for column, allowed in zip(("orig_iso3", "dest_iso3"), self.end_members(countries, groups)):
            if allowed is not None:
                keep &= rows[column].isin(allowed).to_numpy()
        return keep

    def _largest(self, values: pd.Series, keep: np.ndarray) -> np.ndarray:
        """Positions of the rows kept, largest first (ties in table order), cut to the size filter. Only
        places with migrants: a definite 0 is no corridor to draw."""
        figures = values.to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            keep = keep & (figures > 0)
            if self.size_mode == "minimum":
                keep &= figures >= self.minimum
        positions = np.flatnonzero(keep)
        ordered = positions[np.argsort(-figures[positions], kind="stable")]
        return ordered[: min(self.top_n, MAX_ROWS) if self.size_mode == "top" else MAX_ROWS]

    def describe(
        self,
        names: Mapping[str, str] | None = None,
        areas: Mapping[str, str] | None = None,
        *,
        countries: pd.DataFrame | None = None,
        groups: pd.DataFrame | None = None,
        translate: Callable[[str], str] = str,
    ) -> list[str]:
        """The filters in words, for captions and the 'about' sheet of downloads; ``names`` and ``areas``
        (from ``area_labels``) say the countries and areas in full; with ``countries`` (and ``groups``) the
        places read as ``end_places`` combines them ("Malaysia or in the GCC"). ``translate`` gives the words
        (marked N_) in the reader's language; numbers are written as here (the page formats its own)."""
        names, areas = names or {}, areas or {}

        def line(message: str, **values) -> str:
            return translate(message).format(**values)

        year = self.year if self.year is not None else translate(N_("latest"))
        lines = [
            line(
                N_("Data: UN DESA International Migrant Stock, {revision} revision (mid-year stock, not flows)"),
                revision=self.revision,
            ),
            line(N_("Year: {year}"), year=year),
            line(N_("Sex: {sex}"), sex=translate(SEX_LABELS[self.sex]).lower()),
            line(N_("View: {view}"), view=translate(VIEW_LABELS[self.view]).lower()),
        ]
        for end, codes, chosen_areas in [
            ("origin", self.origins, self.origin_areas),
            ("destination", self.destinations, self.destination_areas),
        ]:
            if countries is not None:
                whole = self.end_places(countries, groups)[end][1]
                places = [names.get(code, code) for code in codes] + [
                    line(N_("in {area}"), area=areas.get(a, a)) for a in whole
                ]
                joined = translate(N_(" or ")).join(places)
            else:
                places = [translate(N_(" or ")).join(names.get(code, code) for code in codes)] if codes else []
                if chosen_areas:
                    places.append(
                        line(N_("in {area}"), area=translate(N_(" or ")).join(areas.get(a, a) for a in chosen_areas))
                    )
                joined = ", ".join(places)
            places_text = joined if places else translate(N_("any country or area"))
            lines.append(
                line(N_("Origin: {places}"), places=places_text)
                if end == "origin"
                else line(N_("Destination: {places}"), places=places_text)
            )
        top, minimum, most = f"{min(self.top_n, MAX_ROWS):,}", f"{self.minimum:,}", f"{MAX_ROWS:,}"
        if self.size_mode == "top" and self.view == "corridors":
            lines.append(line(N_("Size: the {count} largest corridors (with at least one migrant)"), count=top))
        elif self.size_mode == "top":
            lines.append(line(N_("Size: the {count} largest countries (with at least one migrant)"), count=top))
        elif self.view == "corridors":
            lines.append(
                line(N_("Size: corridors with at least {minimum} migrants (the {most} largest at most)"),
                     minimum=minimum, most=most)
            )  # fmt: skip
        else:
            lines.append(
                line(N_("Size: countries with at least {minimum} migrants (the {most} largest at most)"),
                     minimum=minimum, most=most)
            )  # fmt: skip
        return lines


def _names(countries: pd.DataFrame) -> dict[str, str]:
    return dict(zip(countries["iso3"], countries["name"]))


def _year_rows(years: Mapping[int, pd.DataFrame], year: int | None) -> pd.DataFrame:
    """That year's rows; none (with the same columns) for a year the revision lacks."""
    return years[year] if year in years else next(iter(years.values())).iloc[0:0]


def _with_measures(table: pd.DataFrame, sex: str, previous_year: int | None) -> pd.DataFrame:
    """The chosen sex as ``migrants``, female share, and the change since the previous estimate year."""
    migrants = table[sex].astype("Int64")
    both = (table["female"] + table["male"]).astype("Float64")
    earlier = table["previous_migrants"].astype("Int64")
    change = migrants - earlier
    before = earlier.astype("Float64")
    return table.assign(
        sex=sex,
        migrants=migrants,
        previous_migrants=earlier,
        change=change,
        female_share_pct=(table["female"] / both.where(both > 0) * 100).astype("Float64").round(1),
        previous_year=pd.array([previous_year] * len(table), dtype="Int64"),
        change_pct=(change / before.where(before > 0) * 100).astype("Float64").round(1),
    )
