"""Which agreements a view shows: countries (in a role), instrument types, scheme or sector, signing period."""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from data.catalog import N_
from data.filters import Filter
from data.filters.places import expand, is_group

ROLES = ("any", "origin", "destination")
ROLE_LABELS = {"any": N_("Either party"), "origin": N_("As origin"), "destination": N_("As destination")}

# Scheme or sector options: each matches the words in the published 'scheme_or_sector' text (case-insensitive),
# so a row can match several (e.g. "All sectors; domestic workers") and nothing is reclassified.
SECTOR_PATTERNS = {
    N_("Korea EPS"): r"Employment Permit System",
    N_("Japan SSW"): r"Specified Skilled Worker",
    N_("Australia PALM / seasonal pilot"): r"\bPALM\b|Seasonal horticulture",
    N_("New Zealand RSE"): r"\bRSE\b",
    N_("Domestic work"): r"domestic",
    N_("All sectors"): r"\ball (?:formal )?sectors\b",
    N_("Construction"): r"construction",
    N_("Manufacturing"): r"manufacturing",
    N_("Agriculture, plantation, fishing"): r"agricultur|plantation|farming|fishing",
    N_("Labour cooperation"): r"cooperation",
    N_("Not stated"): r"not stated",
}

FILTERS = (
    Filter(
        "country",
        N_("Countries or groups"),
        "multiselect",
        N_(
            "countries (ISO3) or country groups (e.g. `gcc`, `asean`), comma-separated; a group means any of its members"
        ),
        "country=PHL,SAU",
        help=N_(
            "A group (GCC, ASEAN, SAARC, ...) stands for any of its members: agreements with at least one party "
            "in the group, as choosing each member would give."
        ),
    ),
    Filter(
        "role",
        N_("Role of these countries"),
        "radio",
        N_("`any` (default), `origin` or `destination`"),
        "role=origin",
        default="any",
    ),
    Filter("type", N_("Instrument type"), "multiselect", N_("instrument types, comma-separated"), "type=MOU"),
    Filter(
        "sector",
        N_("Scheme or sector mentions"),
        "multiselect",
        N_("schemes or sectors named in the agreement"),
        "sector=Domestic work",
    ),
    Filter(
        "period",
        N_("Signing period"),
        "range",
        N_("signing years, first-last (all years by default)"),
        "period=2000-2015",
        help=N_("Narrowing the period leaves out agreements with no recorded date"),
    ),
)
FILTER = {spec.key: spec for spec in FILTERS}
AGREEMENT_LINK = ("`agr`", N_("open one agreement's detail, by its id"), "`agr=BLMA-KOR-NPL-2007-01`")


def sector_matches(scheme_or_sector: pd.Series, sector: str) -> pd.Series:
    return scheme_or_sector.str.contains(SECTOR_PATTERNS[sector], flags=re.IGNORECASE, regex=True, na=False)


@dataclass(frozen=True)
class AgreementFilters:
    # Countries (ISO3) and country groups (group_key, read through ``group_members``) as chosen.
    countries: tuple[str, ...] = ()
    role: str = "any"
    instrument_types: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    # Inclusive signing years; None keeps every row, including those with no recorded date.
    period: tuple[int, int] | None = None
    group_members: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def parties(self) -> frozenset[str]:
        """The countries chosen: each chosen country and every member of each chosen group."""
        return expand(self.countries, self.group_members)

    def apply(self, agreements: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=agreements.index)
        if self.countries:
            parties = list(self.parties)
            as_origin = agreements["origin_iso3"].isin(parties)
            as_destination = agreements["destination_iso3"].isin(parties)
            # A two-way instrument makes both parties origin and destination.
            either = as_origin | as_destination
            keep &= {"origin": as_origin, "destination": as_destination}.get(self.role, either) | (
                agreements["two_way"] & either
            )
        if self.instrument_types:
            keep &= agreements["instrument_type"].isin(self.instrument_types)
        if self.sectors:
            matches = pd.Series(False, index=agreements.index)
            for sector in self.sectors:
                matches |= sector_matches(agreements["scheme_or_sector"], sector)
            keep &= matches
        if self.period is not None:
            start, end = self.period
            keep &= agreements["year_signed"].between(start, end).fillna(False).astype(bool)
        return agreements[keep]

    def describe(self, *, names: Mapping[str, str] | None = None, translate: Callable[[str], str] = str) -> list[str]:
        """The filters in words; ``names`` names countries by ISO3 and groups by key. ``translate`` gives the
        words in the reader's language (English by default)."""
        names = names or {}
        lines = []
        if self.countries:
            listed = ", ".join(
                translate(N_("{group} (any member)")).format(group=names.get(code, code))
                if is_group(code)
                else f"{names.get(code, code)} ({code})"
                for code in self.countries
            )
            role = {
                "origin": N_("Countries as origin: {countries}"),
                "destination": N_("Countries as destination: {countries}"),
            }.get(self.role, N_("Countries: {countries}"))
            lines.append(translate(role).format(countries=listed))
        if self.instrument_types:
            types = ", ".join(translate(kind) for kind in self.instrument_types)
            lines.append(translate(N_("Instrument type: {types}")).format(types=types))
        if self.sectors:
            sectors = ", ".join(translate(sector) for sector in self.sectors)
            lines.append(translate(N_("Scheme or sector mentions: {sectors}")).format(sectors=sectors))
        if self.period is not None:
            first, last = self.period
            lines.append(
                translate(N_("Signed {first}-{last} (agreements with no recorded date left out)")).format(
                    first=first, last=last
                )
            )
        return lines
