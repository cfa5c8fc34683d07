"""Filter models of the Remittances page: one frozen dataclass per view, each with a pure ``apply`` that returns
the table behind the view (what is charted and downloaded) and ``describe`` for captions and downloads.

Series are never mixed: WDI (final) and KNOMAD (December 2023, with 2023 estimates) rows keep their ``series``
and ``vintage``; bilateral estimates are modelled, Sri Lanka's by-sender figures are reported.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data.catalog import N_
from data.filters import Filter
from data.filters.places import group_members

MEASURES = {
    "usd": ("received_usd", N_("Remittances received, current US$")),
    "pct_gdp": ("received_pct_gdp", N_("Remittances received, % of GDP")),
    "per_capita": ("received_per_capita_usd", N_("Remittances received per person, current US$")),
}
# Measures whose values add up over countries (a group total may be shown); the others are shown per member only.
ADDITIVE_MEASURES = ("usd",)
SERIES_LABELS = {"wdi": "World Bank WDI", "knomad_inflows": N_("KNOMAD Dec 2023")}
GULF = ("SAU", "ARE", "KWT", "QAT", "OMN", "BHR")  # Gulf Cooperation Council members
SENDER_GROUPS = (N_("Gulf (GCC)"), N_("Asia and the Pacific"), N_("Elsewhere"))
ALL_ASIA_PACIFIC = "ALL"
CORRIDOR_COST = "ATCR.CORR"
TO_COUNTRY_COST = "SI.RMT.COST.IB.ZS"
SDG_AVERAGE_TARGET = 3.0
SDG_CORRIDOR_CEILING = 5.0
COMPUTED_SERIES = "mean of RPW provider quotes, computed"  # the value of remittance_cost_means' series column
COMPUTED_SERIES_TEXT = N_("mean of RPW provider quotes, computed here")  # how figures and captions name it
# remittance_cost_means' check of each corridor against the published average over 2016Q2-2020Q3: only these
# corridors' computed means after 2020Q3 are drawn by default (data.catalog's advice).
REPRODUCES_PUBLISHED = ("matches_official", "mostly_matches")

# --- the page's filters, declared once (widgets, link keys, link-keys table) --------------------------

VIEWS = {
    "trend": N_("Over time"),
    "ranking": N_("Ranking"),
    "maps": N_("Maps"),
    "cost": N_("Cost of sending"),
    "srilanka": N_("Sri Lanka"),
}
MEASURE_LABELS = {"usd": N_("US$"), "pct_gdp": N_("% of GDP"), "per_capita": N_("Per person")}
EDITIONS = (2021, 2017)
FIRST_YEAR, LAST_YEAR = 1990, 2023
FILTERS = (
    Filter(
        "view",
        N_("View"),
        "radio",
        N_("`trend` (default), `ranking`, `maps`, `cost` or `srilanka`"),
        "view=maps",
        default="trend",
    ),
    Filter(
        "countries",
        N_("Countries"),
        "multiselect",
        N_(
            "countries over time, ISO3, or country groups (e.g. `gcc`, `asean`: their members), comma-separated "
            "(default: the largest)"
        ),
        "countries=NPL,BGD",
        help=N_(
            "Choosing a group (GCC, ASEAN, SAARC, ...) chooses its members. In US$ the group's total is drawn too, "
            "summed over the members with data; a share of GDP or an amount per person is never summed."
        ),
    ),
    Filter(
        "measure",
        N_("Measure"),
        "radio",
        N_("`usd` (default), `pct_gdp` or `per_capita`"),
        "measure=pct_gdp",
        default="usd",
    ),
    Filter(
        "log",
        N_("Log scale"),
        "toggle",
        N_("logarithmic axis over time, `True` or `False` (default)"),
        "log=True",
        default=False,
    ),
    Filter(
        "knomad",
        N_("Add KNOMAD Dec 2023 release"),
        "toggle",
        N_("add KNOMAD's December 2023 release, `True` or `False` (default)"),
        "knomad=True",
        default=False,
        help=N_(
            "KNOMAD/World Bank inflows, December 2023: an earlier release whose "
            "2023 values are estimates (2023e). Drawn as separate dashed lines."
        ),
    ),
    Filter(
        "year",
        N_("Year"),
        "slider",
        N_("year of the ranking or map, 1990-2023 (default 2023)"),
        "year=2015",
        default=LAST_YEAR,
    ),
    Filter(
        "brm",
        N_("Bilateral estimates of"),
        "radio",
        N_("edition of the bilateral estimates, 2021 (default) or 2017"),
        "brm=2017",
        default=2021,
        parse=int,
        help=N_(
            "KNOMAD/World Bank bilateral remittance matrix: 2021 (December "
            "2022 version) or 2017 (April 2018 version). Modelled, not reported."
        ),
    ),
    Filter(
        "into",
        N_("Flows into"),
        "selectbox",
        N_("the map's receiving country, ISO3, or country group (e.g. `saarc`: its members) (default `ALL`: all)"),
        "into=NPL",
        default=ALL_ASIA_PACIFIC,
    ),
    Filter(
        "to",
        N_("Sending money to"),
        "selectbox",
        N_("cost of sending to this country, ISO3 (default IND)"),
        "to=NPL",
        default="IND",
    ),
    Filter(
        "from",
        N_("From (leave empty for every corridor surveyed)"),
        "multiselect",
        N_("cost of sending from these countries, ISO3, or country groups (e.g. `gcc`: its members), comma-separated"),
        "from=MYS,SAU",
        help=N_("Choosing a group chooses its members; costs are never summed or averaged over a group."),
    ),
    Filter(
        "all_means",
        N_("Also computed means that do not reproduce the published series"),
        "toggle",
        N_(
            "cost after 2020Q3 also for corridors whose computed means differ from the published ones, `True` or "
            "`False` (default)"
        ),
        "all_means=True",
        default=False,
        help=N_(
            "After 2020Q3 the cost is the mean of RPW provider quotes, computed here, not the World Bank's "
            "published average. By default it is drawn only for corridors where it reproduces the published "
            "average over 2016Q2-2020Q3."
        ),
    ),
    Filter(
        "dep_year",
        N_("Departures in"),
        "selectbox",
        N_("Sri Lanka's departures year (default 2023)"),
        "dep_year=2022",
        default=2023,
        parse=int,
    ),
)
FILTER = {spec.key: spec for spec in FILTERS}


def _name(names: Mapping[str, str] | None, code) -> str:
    if code is None or (not isinstance(code, str) and pd.isna(code)):
        return ""
    return (names or {}).get(code, code)


def _names_list(names: Mapping[str, str] | None, codes, translate=str) -> str:
    return ", ".join(_name(names, code) for code in codes) or translate(N_("none"))


def expand_places(chosen, groups: pd.DataFrame) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """A place choice that may name country groups (by ``group_key``) -> the countries it means (a group's members
    in its place, each country once, in the order chosen) and the groups chosen with their members. Picking a
    group picks its members."""
    by_group = group_members(groups)
    countries: dict[str, None] = {}
    chosen_groups = []
    for item in chosen:
        if item in by_group:
            chosen_groups.append((item, by_group[item]))
            countries.update(dict.fromkeys(by_group[item]))
        else:
            countries[item] = None
    return tuple(countries), tuple(chosen_groups)


def asia_pacific_codes(countries: pd.DataFrame) -> set[str]:
    return set(countries.loc[countries["is_asia_pacific"], "iso3"])


def by_name(codes, countries: pd.DataFrame) -> list[str]:
    """Codes sorted by their country name (the countries table's), for choosers."""
    names = countries.set_index("iso3")["name"]
    return sorted(codes, key=lambda code: names.get(code, code))


def trend_choices(remittances: pd.DataFrame, countries: pd.DataFrame) -> list[str]:
    """Every country with a remittances row, plus every Asia-Pacific country (so a country without data can be
    chosen and is told so)."""
    return by_name(set(remittances["iso3"]) | asia_pacific_codes(countries), countries)


def sender_choices(countries: pd.DataFrame) -> list[str]:
    """Countries and areas that are places on the map (not 'unknown', 'stateless', ...), by name."""
    return by_name(countries.loc[countries["lon"].notna(), "iso3"], countries)


def largest_recipients(remittances: pd.DataFrame, countries: pd.DataFrame, *, limit: int = 5) -> list[str]:
    """The Asia-Pacific countries receiving the most (WDI, US$) in the latest WDI year, largest first."""
    wdi = remittances[(remittances["series"] == "wdi") & remittances["iso3"].isin(asia_pacific_codes(countries))]
    latest = wdi[wdi["year"] == wdi["year"].max()]
    return latest.nlargest(limit, "received_usd")["iso3"].tolist()


QUARTER_MONTHS = {
    "1": N_("{period} (January-March {year})"),
    "2": N_("{period} (April-June {year})"),
    "3": N_("{period} (July-September {year})"),
    "4": N_("{period} (October-December {year})"),
}


def quarter_label(period: str, translate=str) -> str:
    """'2020Q3' -> '2020Q3 (July-September 2020)'; a year stays a year. ``translate`` gives the months in the
    reader's language (``components.i18n._``; English by default)."""
    if "Q" not in period:
        return period
    year, quarter = period.split("Q")
    return translate(QUARTER_MONTHS[quarter]).format(period=period, year=year)


def quarter_start(period: pd.Series) -> pd.Series:
    """'2020Q3' -> 2020-07-01, for a time axis on which half-yearly and quarterly points sit where they belong."""
    return pd.PeriodIndex(period.astype(str), freq="Q").to_timestamp()


@dataclass(frozen=True)
class TrendFilter:
    """Remittances received over time for chosen countries, in one measure; WDI, optionally with KNOMAD."""

    countries: tuple[str, ...]
    measure: str = "usd"
    include_knomad: bool = False
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # chosen groups and their members (in ``countries``)

    def apply(self, remittances: pd.DataFrame) -> pd.DataFrame:
        column, _ = MEASURES[self.measure]
        series = ["wdi", "knomad_inflows"] if self.include_knomad else ["wdi"]
        rows = remittances[remittances["iso3"].isin(self.countries) & remittances["series"].isin(series)]
        table = rows[["iso3", "series", "vintage", "year", "is_estimate", "note", "source_id"]].assign(
            value=rows[column],
            pct_gdp_basis=rows["pct_gdp_basis"] if self.measure == "pct_gdp" else pd.NA,
        )
        ranks = {
            "iso3": {code: index for index, code in enumerate(self.countries)},
            "series": {name: index for index, name in enumerate(SERIES_LABELS)},
        }
        return table.sort_values(
            ["iso3", "series", "year"],
            ignore_index=True,
            key=lambda column: column.map(ranks[column.name]) if column.name in ranks else column,
        )

    def headline_points(self, headlines: pd.DataFrame) -> pd.DataFrame:
        """World Bank estimates for 2024 of the chosen countries as printed (``remittance_headlines``: every
        release, so a revision shows), in US$; only for the US$ measure (nothing else is printed for them)."""
        if self.measure != "usd":
            return headlines.iloc[0:0]
        rows = headlines[
            headlines["series"].str.startswith("wb_")
            & (headlines["indicator"] == "remittance_inflows")
            & ~headlines["is_aggregate"].astype(bool)
            & headlines["area_code"].isin(self.countries)
            & (headlines["year"] == 2024)
        ]
        return rows.sort_values(["area_code", "series"], ignore_index=True)

    def group_totals(self, table: pd.DataFrame) -> pd.DataFrame:
        """Each chosen group's total per series and year, summed over its members with a figure, with how many
        had one (``members_with_data``) of how many there are (``members``). Only for an additive measure (US$):
        a share of GDP or an amount per person is never summed, so other measures give no rows."""
        columns = ["iso3", "series", "vintage", "year", "value", "members_with_data", "members", "source_id"]
        if self.measure not in ADDITIVE_MEASURES or not self.groups:
            return pd.DataFrame(columns=columns)
        frames = []
        for key, members in self.groups:
            rows = table[table["iso3"].isin(members)].dropna(subset=["value"])
            summed = rows.groupby(["series", "year"], as_index=False, sort=False).agg(
                vintage=("vintage", "first"),
                value=("value", "sum"),
                members_with_data=("iso3", "nunique"),
                source_id=("source_id", lambda ids: ";".join(sorted(set(ids)))),
            )
            frames.append(summed.assign(iso3=key, members=len(members)))
        series_rank = {name: index for index, name in enumerate(SERIES_LABELS)}
        totals = pd.concat(frames, ignore_index=True)[columns]
        order = [totals["iso3"].map({key: index for index, (key, _) in enumerate(self.groups)}),
                 totals["series"].map(series_rank), totals["year"]]  # fmt: skip
        return totals.iloc[pd.MultiIndex.from_arrays(order).argsort()].reset_index(drop=True)

    def countries_without_data(self, table: pd.DataFrame) -> list[str]:
        with_data = set(table.dropna(subset=["value"])["iso3"])
        return [code for code in self.countries if code not in with_data]

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        """The filters in words for downloads; ``translate`` (``components.i18n._``) gives the reader's language."""
        series = (
            N_("Series: World Bank WDI and KNOMAD December 2023 (2023 = estimate), drawn as separate lines")
            if self.include_knomad
            else N_("Series: World Bank WDI only")
        )
        groups = [
            translate(N_("Group {group}: its members")).format(group=_name(names, key)) for key, _members in self.groups
        ]
        return [
            translate(N_("Countries: {countries}")).format(countries=_names_list(names, self.countries, translate)),
            *groups,
            translate(N_("Measure: {measure}")).format(measure=translate(MEASURES[self.measure][1])),
            translate(series),
        ]


@dataclass(frozen=True)
class RankingFilter:
    """Top recipients in Asia and the Pacific in one year (WDI), and top senders to them (modelled estimates)."""

    year: int
    measure: str = "usd"
    edition: int = 2021
    limit: int = 15

    def recipients(self, remittances: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        column, _ = MEASURES[self.measure]
        rows = remittances[
            (remittances["series"] == "wdi")
            & (remittances["year"] == self.year)
            & remittances["iso3"].isin(asia_pacific_codes(countries))
        ].dropna(subset=[column])
        top = rows.nlargest(self.limit, column)
        return (
            top[["iso3", "year", "vintage", "received_usd", "received_pct_gdp", "received_per_capita_usd", "source_id"]]
            .assign(value=top[column])
            .reset_index(drop=True)
        )

    def senders(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        """Estimated remittances to all Asia-Pacific receivers, summed by sender, with the sender's group."""
        region = asia_pacific_codes(countries)
        rows = corridors[(corridors["year"] == self.edition) & corridors["receiver_iso3"].isin(region)]
        by_sender = (
            rows.groupby(["sender_iso3", "source_id", "basis"], as_index=False)["usd_million"]
            .sum()
            .nlargest(self.limit, "usd_million")
            .reset_index(drop=True)
        )
        by_sender["group"] = by_sender["sender_iso3"].map(lambda code: sender_group(code, region))
        by_sender.insert(1, "year", self.edition)
        return by_sender

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        return [
            translate(
                N_("Recipients: top {limit} in Asia and the Pacific in {year}, by {measure} (World Bank WDI)")
            ).format(limit=self.limit, year=self.year, measure=translate(MEASURES[self.measure][1])),
            translate(
                N_(
                    "Senders: top {limit} senders to Asia and the Pacific, {edition} bilateral estimates (modelled, "
                    "KNOMAD/World Bank), US$ million"
                )
            ).format(limit=self.limit, edition=self.edition),
        ]


def sender_group(code: str, region: set[str]) -> str:
    if code in GULF:
        return SENDER_GROUPS[0]
    return SENDER_GROUPS[1] if code in region else SENDER_GROUPS[2]


@dataclass(frozen=True)
class FlowMapFilter:
    """The largest modelled sender -> receiver estimates into one Asia-Pacific country, or into the whole region."""

    edition: int = 2021
    receiver: str = ALL_ASIA_PACIFIC
    limit: int = 40
    members: tuple[str, ...] = ()  # when ``receiver`` is a country group: its members, the receivers drawn

    def receivers(self, countries: pd.DataFrame) -> set[str]:
        if self.members:
            return set(self.members)
        return asia_pacific_codes(countries) if self.receiver == ALL_ASIA_PACIFIC else {self.receiver}

    def _rows(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        return corridors[
            (corridors["year"] == self.edition)
            & corridors["receiver_iso3"].isin(self.receivers(countries))
            & (corridors["sender_iso3"] != corridors["receiver_iso3"])
        ]

    def group_total(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> tuple[float, int, int] | None:
        """For a country group: the modelled inflows into its members from every sender (not only the arcs
        drawn), US$ million, with the number of members with an estimate and of members. None otherwise."""
        if not self.members:
            return None
        rows = self._rows(corridors, countries).dropna(subset=["usd_million"])
        return float(rows["usd_million"].sum()), rows["receiver_iso3"].nunique(), len(self.members)

    def apply(self, corridors: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        top = self._rows(corridors, countries).nlargest(self.limit, "usd_million")
        points = countries.set_index("iso3")[["name", "lon", "lat"]]
        sender = points.reindex(top["sender_iso3"]).to_numpy()
        receiver = points.reindex(top["receiver_iso3"]).to_numpy()
        return pd.DataFrame(
            {
                "year": top["year"].to_numpy(),
                "sender_iso3": top["sender_iso3"].to_numpy(),
                "sender": sender[:, 0] if len(top) else [],
                "receiver_iso3": top["receiver_iso3"].to_numpy(),
                "receiver": receiver[:, 0] if len(top) else [],
                "usd_million": top["usd_million"].to_numpy(),
                "basis": top["basis"].to_numpy(),
                "source_id": top["source_id"].to_numpy(),
                "source_lon": sender[:, 1] if len(top) else [],
                "source_lat": sender[:, 2] if len(top) else [],
                "target_lon": receiver[:, 1] if len(top) else [],
                "target_lat": receiver[:, 2] if len(top) else [],
            }
        )

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        into = (
            translate(N_("all of Asia and the Pacific"))
            if self.receiver == ALL_ASIA_PACIFIC
            else _name(names, self.receiver)
        )
        return [
            translate(
                N_(
                    "Largest {limit} modelled sender-to-receiver estimates into {receiver}, {edition} "
                    "(KNOMAD/World Bank bilateral remittance estimates, US$ million)"
                )
            ).format(limit=self.limit, receiver=into, edition=self.edition)
        ]


@dataclass(frozen=True)
class ChoroplethFilter:
    """One measure of remittances received in one year for every Asia-Pacific country (WDI); blank = no data."""

    year: int
    measure: str = "usd"

    def apply(self, remittances: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
        column, _ = MEASURES[self.measure]
        region = countries[countries["is_asia_pacific"]][["iso3", "name"]]
        rows = remittances[(remittances["series"] == "wdi") & (remittances["year"] == self.year)]
        table = region.merge(rows[["iso3", "vintage", column, "source_id"]], on="iso3", how="left")
        table = table.rename(columns={column: "value"})
        table.insert(2, "year", self.year)
        return table.sort_values("name", ignore_index=True)

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        return [
            translate(N_("{measure} in {year}, countries and areas of Asia and the Pacific (World Bank WDI)")).format(
                measure=translate(MEASURES[self.measure][1]), year=self.year
            )
        ]


@dataclass(frozen=True)
class CostFilter:
    """Cost of sending money to one country: its RPW corridors by quarter and the WDI country average by year."""

    receiver: str
    senders: tuple[str, ...] = ()
    all_means: bool = False

    def computed(self, means: pd.DataFrame) -> pd.DataFrame:
        """The computed means after the published series ends (2020Q4-2025Q1) for this view's corridors; by
        default only corridors whose computed series reproduces the published one."""
        rows = means[(means["receiver_iso3"] == self.receiver) & means["after_published_series"].astype(bool)]
        if self.senders:
            rows = rows[rows["sender_iso3"].isin(self.senders)]
        if not self.all_means:
            rows = rows[rows["reproduces_published"].isin(REPRODUCES_PUBLISHED)]
        return rows.sort_values(["sender_iso3", "period"], ignore_index=True)

    def apply(self, costs: pd.DataFrame) -> pd.DataFrame:
        to_receiver = costs[costs["receiver_iso3"] == self.receiver]
        corridors = to_receiver[to_receiver["series_code"] == CORRIDOR_COST]
        if self.senders:
            corridors = corridors[corridors["sender_iso3"].isin(self.senders)]
        average = to_receiver[to_receiver["series_code"] == TO_COUNTRY_COST]
        return pd.concat([corridors, average], ignore_index=True)

    def senders_without_data(self, table: pd.DataFrame) -> list[str]:
        surveyed = set(table.loc[table["series_code"] == CORRIDOR_COST, "sender_iso3"])
        return [code for code in self.senders if code not in surveyed]

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        senders = (
            _names_list(names, self.senders, translate) if self.senders else translate(N_("every corridor surveyed"))
        )
        computed = (
            N_("2020Q4-2025Q1: {series} (series column), every corridor")
            if self.all_means
            else N_(
                "2020Q4-2025Q1: {series} (series column), only corridors whose computed series reproduces the published one"
            )
        )
        return [
            translate(N_("Receiving country: {country}")).format(country=_name(names, self.receiver)),
            translate(N_("Sending countries: {countries}")).format(countries=senders),
            translate(
                N_(
                    "Average total cost of sending US$200 (RPW corridors, quarterly to 2020Q3) and the WDI average "
                    "cost of sending to the country (SDG 10.c.1, yearly to 2020)"
                )
            ),
            translate(computed).format(series=translate(COMPUTED_SERIES_TEXT)),
        ]


def latest_corridor_costs(table: pd.DataFrame) -> pd.DataFrame:
    """Each corridor's latest published quarter and cost, cheapest first."""
    corridors = table[table["series_code"] == CORRIDOR_COST]
    latest = corridors.sort_values("period").groupby("sender_iso3", as_index=False).tail(1)
    latest = latest.assign(
        above_corridor_ceiling=latest["cost_pct"] > SDG_CORRIDOR_CEILING,
        above_average_target=latest["cost_pct"] > SDG_AVERAGE_TARGET,
    )
    return latest.sort_values(["cost_pct", "sender_iso3"], ignore_index=True)


SRI_LANKA_MEASURES = {
    "reported": N_("Remittances received, reported (US$ million)"),
    "departures": N_("Departures for foreign employment (persons)"),
    "modelled": N_("Remittances received, modelled estimate (US$ million)"),
}


@dataclass(frozen=True)
class SriLankaFilter:
    """Sri Lanka: reported remittances by sending country (2023) next to departures by destination (SLBFE) and the
    modelled KNOMAD estimates for the same countries. One row per country and measure, each with its source."""

    departures_year: int = 2023
    edition: int = 2021

    def apply(self, by_sender: pd.DataFrame, outflows: pd.DataFrame, corridors: pd.DataFrame) -> pd.DataFrame:
        reported = by_sender[by_sender["receiver_iso3"] == "LKA"]
        partners = reported[["sender_as_published", "sender_iso3"]].reset_index(drop=True)
        listed = set(partners["sender_iso3"].dropna())

        departures = sri_lanka_departures(outflows, self.departures_year)
        departures_by_code = departures.groupby("dest_iso3")["departures"].sum(min_count=1)
        withheld = departures[departures["departures"].isna()].groupby("dest_iso3")["note"].first()
        modelled = corridors[(corridors["year"] == self.edition) & (corridors["receiver_iso3"] == "LKA")]
        modelled_by_code = modelled.set_index("sender_iso3")["usd_million"]

        frames = [
            partners.assign(
                measure="reported",
                year=reported["year"].to_numpy(),
                value=reported["total_usd_million"].to_numpy(),
                basis=reported["basis"].to_numpy(),
                note=pd.NA,
                source_id=reported["source_id"].to_numpy(),
            ),
            partners.assign(
                measure="departures",
                year=self.departures_year,
                value=_with_remainder(
                    partners, departures_by_code, departures.loc[~departures["dest_iso3"].isin(listed), "departures"]
                ),
                basis="reported (SLBFE registrations)",
                note=partners["sender_iso3"].map(withheld),
                source_id=f"slbfe_{self.departures_year}",
            ),
            partners.assign(
                measure="modelled",
                year=self.edition,
                value=_with_remainder(
                    partners, modelled_by_code, modelled.loc[~modelled["sender_iso3"].isin(listed), "usd_million"]
                ),
                basis="modelled estimate",
                note=pd.NA,
                source_id=f"knomad_brm_{self.edition}",
            ),
        ]
        table = pd.concat(frames, ignore_index=True).rename(
            columns={"sender_as_published": "partner", "sender_iso3": "partner_iso3"}
        )
        totals = {
            "reported": reported["total_usd_million"].sum(),
            "departures": departures["departures"].sum(),
            "modelled": modelled["usd_million"].sum(),
        }
        table["share_pct"] = table["value"] / table["measure"].map(totals) * 100
        table["unit"] = table["measure"].map(
            {"reported": "US$ million", "departures": "persons", "modelled": "US$ million"}
        )
        return table[
            ["partner", "partner_iso3", "measure", "year", "value", "unit", "share_pct", "basis", "note", "source_id"]
        ]

    @staticmethod
    def side_by_side(table: pd.DataFrame) -> pd.DataFrame:
        """One row per partner with the three measures and their shares next to each other, for reading."""
        wide = table.pivot(index="partner", columns="measure", values=["value", "share_pct"])
        wide.columns = [f"{measure}_{kind}" for kind, measure in wide.columns]
        order = [f"{measure}_{kind}" for measure in SRI_LANKA_MEASURES for kind in ("value", "share_pct")]
        partners = table.drop_duplicates("partner")[["partner", "partner_iso3"]]
        return partners.join(wide[order], on="partner").reset_index(drop=True)

    def describe(self, names: Mapping[str, str] | None = None, translate=str) -> list[str]:
        return [
            translate(
                N_(
                    "Reported: workers' remittances to Sri Lanka by sending country, 2023 (Central Bank of Sri Lanka "
                    "via SLBFE)"
                )
            ),
            translate(N_("Departures: SLBFE registrations for foreign employment by destination, {year}")).format(
                year=self.departures_year
            ),
            translate(N_("Modelled: KNOMAD/World Bank bilateral remittance estimates, {edition}")).format(
                edition=self.edition
            ),
            translate(
                N_(
                    "'Other' = every country not listed by SLBFE; shares are of each source's own total (departures: "
                    "of the figures published for the year)"
                )
            ),
        ]


def sri_lanka_departures(outflows: pd.DataFrame, year: int) -> pd.DataFrame:
    """SLBFE's departures of one calendar year by destination (all workers, both sexes; shown figures of
    ``labour_outflows``), as ``dest_iso3`` (blank for 'Other'), ``departures`` and ``note``."""
    rows = outflows[
        outflows["is_shown"].astype(bool)
        & (outflows["origin_iso3"] == "LKA")
        & (outflows["scope"] != "total")
        & (outflows["sex"] == "total")
        & (outflows["worker_category"] == "all")
        & (outflows["period_kind"] == "calendar_year")
        & (outflows["period_label"] == str(year))
    ]
    return pd.DataFrame(
        {"dest_iso3": rows["destination_iso3"], "departures": rows["value"], "note": rows["note"]}
    ).reset_index(drop=True)


def sri_lanka_departure_years(outflows: pd.DataFrame) -> list[int]:
    """The calendar years SLBFE figures by destination exist for, latest first."""
    rows = outflows[(outflows["origin_iso3"] == "LKA") & (outflows["period_kind"] == "calendar_year")]
    return sorted({int(label) for label in rows["period_label"]}, reverse=True)


def _with_remainder(partners: pd.DataFrame, by_code: pd.Series, remainder: pd.Series) -> list:
    """Each listed partner's value (missing where none is published), and for 'Other' (no code) the rest."""
    values = by_code.astype("Float64").astype(float)
    rest = float(remainder.astype("Float64").sum(min_count=1))
    return [values.get(code, float("nan")) if isinstance(code, str) else rest for code in partners["sender_iso3"]]
