"""Filters of the Departures page (worker departures by origin and destination, ``labour_outflows``), declared
once, and its filter model: one origin and one period, with the period's basis and kind carried along so every
caption can say what the figures count.

A cumulative register (several years added up) is never a year's flow: its view is destination shares only.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data.catalog import N_
from data.filters import Filter
from data.flows import BASIS_LABELS, departures_ranking, ranking_periods, register_shares

VIEWS = {"destinations": N_("By destination"), "coverage": N_("What exists, per origin")}
DEFAULT_ORIGIN = "LKA"
FILTERS = (
    Filter(
        "view",
        N_("View"),
        "radio",
        N_("`destinations` (default) or `coverage`"),
        "view=coverage",
        default="destinations",
    ),
    Filter(
        "origin",
        N_("Workers leaving"),
        "selectbox",
        N_("origin country, ISO3 (default LKA)"),
        "origin=NPL",
        default=DEFAULT_ORIGIN,
    ),
    Filter(
        "period",
        N_("Period"),
        "selectbox",
        N_("a period as its publisher labels it (default: the latest with figures by destination)"),
        "period=2023",
        help=N_(
            "Only periods with figures by destination are listed; a fiscal year, half-year or part of a year is "
            "labelled as such, and a multi-year register is shown as shares only."
        ),
    ),
    Filter(
        "dest",
        N_("Destinations"),
        "multiselect",
        N_(
            "destination countries, ISO3, or country groups (e.g. `gcc`: its members), comma-separated (default: "
            "every destination)"
        ),
        "dest=gcc",
        help=N_(
            "Choosing a group (GCC, ASEAN, ...) chooses its members. Origins are not grouped: each origin's agency "
            "counts something different."
        ),
    ),
)
FILTER = {spec.key: spec for spec in FILTERS}


def origin_choices(outflows: pd.DataFrame) -> list[str]:
    """Every origin with a shown figure (those without figures by destination are told so on the page)."""
    return sorted(outflows.loc[outflows["is_shown"].astype(bool), "origin_iso3"].unique())


def period_choices(outflows: pd.DataFrame, origin: str) -> list[str]:
    """The origin's periods with figures by destination, latest first (what ranking_periods lists)."""
    return list(dict.fromkeys(ranking_periods(outflows, origin)["period_label"]))


PERIOD_PHRASES = {
    "calendar_year": N_("calendar year {label}"),
    "fiscal_year": N_("fiscal year {label}"),
    "half_year": N_("half-year {label}"),
    "quarter": N_("quarter {label}"),
    "partial_year": N_("part of a year: {label}"),
}
REGISTER_PHRASE = N_("whole register {start}-{end} (several years added up, not a year's flow)")
PUBLISHED_PHRASE = N_("period as published: {label}")


def day_month_year(value) -> str:
    """'4 Jun 2023' (English; a page passes its reader's own date format)."""
    value = pd.Timestamp(value)
    return f"{value.day} {value:%b %Y}"


def period_phrase(kind: str, label: str, start, end, *, translate=str, date=day_month_year) -> str:
    """How a period reads on a figure: 'calendar year 2025', 'fiscal year FY2016/17', 'whole register 4 Jun
    2023-21 Sep 2026 (several years added up, not a year's flow)'. ``translate`` and ``date`` give the reader's
    language (``components.i18n._`` and a CLDR date); English by default."""
    if kind == "cumulative":
        return translate(REGISTER_PHRASE).format(start=date(start), end=date(end))
    return translate(PERIOD_PHRASES.get(kind, PUBLISHED_PHRASE)).format(label=label)


@dataclass(frozen=True)
class DeparturesFilter:
    """One origin's departures by destination in one period (one basis)."""

    origin: str
    period: str | None
    destinations: tuple[str, ...] = ()  # chosen destination countries (a group's members); empty = every one

    def period_row(self, outflows: pd.DataFrame) -> pd.Series | None:
        periods = ranking_periods(outflows, self.origin)
        rows = periods[periods["period_label"] == self.period]
        return rows.iloc[0] if len(rows) else None

    def is_register(self, outflows: pd.DataFrame) -> bool:
        row = self.period_row(outflows)
        return row is not None and row["period_kind"] == "cumulative"

    def apply(self, outflows: pd.DataFrame) -> pd.DataFrame:
        """Destinations largest first: ``departures_ranking`` for a year or part of one; for a cumulative register,
        ``register_shares`` (names printed twice for one country added), with its share of the register."""
        row = self.period_row(outflows)
        if row is None:
            return departures_ranking(outflows.iloc[0:0], self.origin, "")
        if row["period_kind"] == "cumulative":
            shares = register_shares(outflows, self.origin, row["basis"])
            table = shares[shares["period_label"] == self.period]
        else:
            table = departures_ranking(outflows, self.origin, self.period, row["basis"])
        if self.destinations:
            table = table[(table["scope"] == "destination") & table["destination_iso3"].isin(self.destinations)]
        return table.reset_index(drop=True)

    def total(self, table: pd.DataFrame) -> tuple[float, int] | None:
        """The chosen destinations' total (departures, or for a register its share) and how many of them have a
        figure; None when every destination is shown. Departures of one origin and period add up: one basis."""
        if not self.destinations:
            return None
        column = "share" if "share" in table.columns else "value"
        figures = table.dropna(subset=[column])
        return float(figures[column].astype("Float64").sum()), figures["destination_iso3"].nunique()

    def other_releases(self, outflows: pd.DataFrame) -> pd.DataFrame:
        """Figures for this origin and period kept for comparison but not shown (a superseded release, a page that
        disagrees), with the note saying why: a revision is said, not hidden."""
        year = str(self.period or "")[:4]
        rows = outflows[
            ~outflows["is_shown"].astype(bool)
            & (outflows["origin_iso3"] == self.origin)
            & outflows["period_label"].astype(str).str.startswith(year)
        ]
        if self.destinations:  # the destinations chosen, as in the table shown (a printed total is no destination)
            rows = rows[rows["destination_iso3"].isin(self.destinations)]
        return rows[
            ["destination_as_published", "period_label", "value", "figure_as_printed", "release", "note", "source_id"]
        ].reset_index(drop=True)

    def basis_label(self, outflows: pd.DataFrame) -> str:
        """What the period's figures count, in English (marked for translation in data.flows)."""
        row = self.period_row(outflows)
        return "" if row is None else BASIS_LABELS[row["basis"]]

    def period_text(self, outflows: pd.DataFrame, *, translate=str, date=day_month_year) -> str:
        row = self.period_row(outflows)
        if row is None:
            return ""
        return period_phrase(
            row["period_kind"],
            row["period_label"],
            row["period_start"],
            row["period_end"],
            translate=translate,
            date=date,
        )

    def caption(self, outflows: pd.DataFrame, names: Mapping[str, str], *, translate=str, date=day_month_year) -> str:
        """'Sri Lanka: registrations of departing workers, calendar year 2025' (basis and period on the figure)."""
        row = self.period_row(outflows)
        origin = names.get(self.origin, self.origin)
        if row is None:
            return translate(N_("{country}: no figures by destination")).format(country=origin)
        return translate(N_("{country}: {basis}, {period}")).format(
            country=origin,
            basis=translate(self.basis_label(outflows)),
            period=self.period_text(outflows, translate=translate, date=date),
        )

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        names = names or {}
        destinations = ", ".join(names.get(code, code) for code in self.destinations)
        return [
            translate(N_("Origin: {country}")).format(country=names.get(self.origin, self.origin)),
            translate(N_("Period: {period}")).format(
                period=self.period or translate(N_("none with figures by destination"))
            ),
            translate(N_("Destinations: {countries}")).format(
                countries=destinations or translate(N_("every destination"))
            ),
            translate(
                N_(
                    "Departures of migrant workers as counted by the origin's agency (basis in column 'basis'); shown "
                    "figures only (is_shown); a cumulative register gives shares, never a year's flow"
                )
            ),
        ]
