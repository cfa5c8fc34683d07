"""Which agreements a view shows: countries (in a role), instrument types, scheme or sector, signing period."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from data.filters import Filter
from data.filters.places import expand, is_group

ROLES = ("any", "origin", "destination")
ROLE_LABELS = {"any": "Either party", "origin": "As origin", "destination": "As destination"}

# Scheme or sector options: each matches the words in the published 'scheme_or_sector' text (case-insensitive),
# so a row can match several (e.g. "All sectors; domestic workers") and nothing is reclassified.
SECTOR_PATTERNS = {
    "Korea EPS": r"Employment Permit System",
    "Japan SSW": r"Specified Skilled Worker",
    "Australia PALM / seasonal pilot": r"\bPALM\b|Seasonal horticulture",
    "New Zealand RSE": r"\bRSE\b",
    "Domestic work": r"domestic",
    "All sectors": r"\ball (?:formal )?sectors\b",
    "Construction": r"construction",
    "Manufacturing": r"manufacturing",
    "Agriculture, plantation, fishing": r"agricultur|plantation|farming|fishing",
    "Labour cooperation": r"cooperation",
    "Not stated": r"not stated",
}

FILTERS = (
    Filter(
        "country",
        "Countries or groups",
        "multiselect",
        "countries (ISO3) or country groups (e.g. `gcc`, `asean`), comma-separated; a group means any of its members",
        "country=PHL,SAU",
        help="A group (GCC, ASEAN, SAARC, ...) stands for any of its members: agreements with at least one party "
        "in the group, as choosing each member would give.",
    ),
    Filter(
        "role",
        "Role of these countries",
        "radio",
        "`any` (default), `origin` or `destination`",
        "role=origin",
        default="any",
    ),
    Filter("type", "Instrument type", "multiselect", "instrument types, comma-separated", "type=MOU"),
    Filter(
        "sector",
        "Scheme or sector mentions",
        "multiselect",
        "schemes or sectors named in the agreement",
        "sector=Domestic work",
    ),
    Filter(
        "period",
        "Signing period",
        "range",
        "signing years, first-last (all years by default)",
        "period=2000-2015",
        help="Narrowing the period leaves out agreements with no recorded date",
    ),
)
FILTER = {spec.key: spec for spec in FILTERS}
AGREEMENT_LINK = ("`agr`", "open one agreement's detail, by its id", "`agr=BLMA-KOR-NPL-2007-01`")


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
    group_members: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

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

    def describe(self, *, names: Mapping[str, str] | None = None) -> list[str]:
        """The filters in words; ``names`` names countries by ISO3 and groups by key."""
        names = names or {}
        lines = []
        if self.countries:
            listed = ", ".join(
                f"{names.get(code, code)} (any member)" if is_group(code) else f"{names.get(code, code)} ({code})"
                for code in self.countries
            )
            role = {"origin": " as origin", "destination": " as destination"}.get(self.role, "")
            lines.append(f"Countries{role}: {listed}")
        if self.instrument_types:
            lines.append(f"Instrument type: {', '.join(self.instrument_types)}")
        if self.sectors:
            lines.append(f"Scheme or sector mentions: {', '.join(self.sectors)}")
        if self.period is not None:
            lines.append(f"Signed {self.period[0]}-{self.period[1]} (agreements with no recorded date left out)")
        return lines
