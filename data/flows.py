"""Worker departures (the ``labour_outflows`` table) and comparability flags: vocabularies and pure helpers.

Pure pandas, no Streamlit: the builders, the schema and the views all use these.

    coverage(outflows)                                  what each origin has: bases, years, period kinds, destinations
    ranking_periods(outflows, origin, basis=None)       the periods a ranking by destination can be made for
    departures_ranking(outflows, origin, period_label, basis=None)   destinations of one origin and period, largest first
    register_shares(outflows, origin, basis=None)       destination shares of a cumulative register
    share_sentence(share_row, destination_name)         "Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to ..."
    carried_forward(corridors)                          UN DESA estimates identical to the previous estimate year
"""

import pandas as pd

from data.catalog import N_

# --- vocabularies -------------------------------------------------------------------------------

# What a row counts: a national total, one destination country, the remaining destinations as printed
# ("Other", "Lainnya"), or a named group of countries ("Gulf countries", "Africa").
SCOPES = ("total", "destination", "others", "region")
# What the publishing agency counts. Levels differ by basis: never compare them across countries unlabelled.
BASES = (
    "registrations",
    "clearances",
    "labour_permits",
    "deployments",
    "placements",
    "contract_departures",
    "departures_all_channels",
)
# Marked for translation (babel.cfg reads this file); pages show them through components.i18n._.
BASIS_LABELS = {
    "registrations": N_("registrations of departing workers"),
    "clearances": N_("emigration clearances"),
    "labour_permits": N_("labour permits issued (incl. renewals unless stated)"),
    "deployments": N_("deployments (incl. rehires and seafarers)"),
    "placements": N_("placements recorded in the official system"),
    "contract_departures": N_("workers sent abroad under contract"),
    "departures_all_channels": N_("departures through all channels (incl. self-reported)"),
}
# The kind of period a figure covers; ``period_kind`` derives it from the dates (the schema checks each row).
PERIOD_KINDS = ("calendar_year", "fiscal_year", "half_year", "quarter", "partial_year", "cumulative", "unstated")
VALUE_PRECISIONS = ("exact", "rounded", "lower_bound")
SEXES = ("total", "female", "male")
ALL_WORKERS = "all"


def period_kind(start, end) -> str:
    """The kind a period has from its dates alone: a calendar year runs 1 Jan-31 Dec, a fiscal year runs about a
    year from another day, a half-year is Jan-Jun or Jul-Dec, a quarter three whole months, a cumulative period
    more than a year; anything shorter is a partial year. No dates: unstated."""
    if pd.isna(start) or pd.isna(end):
        return "unstated"
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    days = (end - start).days + 1
    from_new_year = (start.month, start.day) == (1, 1)
    if from_new_year and (end.month, end.day) == (12, 31) and start.year == end.year:
        return "calendar_year"
    if 360 <= days <= 370 and not from_new_year:
        return "fiscal_year"
    if days > 370:
        return "cumulative"
    if (start.month, start.day) in {(1, 1), (7, 1)} and 181 <= days <= 184 and start.year == end.year:
        return "half_year"
    if start.day == 1 and 90 <= days <= 92 and (end + pd.Timedelta(days=1)).day == 1:
        return "quarter"
    return "partial_year"


def figure_key(outflows: pd.DataFrame) -> pd.Series:
    """What a figure measures (origin, destination or scope, period, sex, worker group, basis): two rows with the
    same key are two publications of one figure, and at most one of them is shown."""
    where = outflows["destination_iso3"].fillna(
        outflows["scope"] + ":" + outflows["destination_as_published"].str.lower()
    )
    where = where.where(outflows["scope"] != "total", "total")
    parts = [
        outflows["origin_iso3"],
        where,
        _day(outflows["period_start"]),
        _day(outflows["period_end"]),
        outflows["sex"],
        outflows["worker_category"],
        outflows["basis"],
    ]
    return pd.Series(
        ["|".join(map(str, values)) for values in zip(*parts, strict=True)], index=outflows.index, dtype="object"
    )


def _day(dates: pd.Series) -> pd.Series:
    return pd.to_datetime(dates).dt.strftime("%Y-%m-%d").fillna("")


def parts_match_totals(outflows: pd.DataFrame) -> pd.Series:
    """Per row: False where the row belongs to a table said to itemise every destination (``parts_complete``)
    whose printed total differs from the sum of its itemised rows (same sex and worker group)."""
    ok = pd.Series(True, index=outflows.index)
    complete = outflows[outflows["parts_complete"].astype(bool)]
    for _, rows in complete.groupby(["table_id", "sex", "worker_category"], dropna=False):
        totals = rows[rows["scope"] == "total"]
        if totals.empty:
            continue
        parts = rows.loc[rows["scope"] != "total", "value"].sum()
        ok[rows.index] = bool((totals["value"] == parts).all())
    return ok


# --- helpers for the views ----------------------------------------------------------------------


def _shown(outflows: pd.DataFrame) -> pd.DataFrame:
    return outflows[outflows["is_shown"].astype(bool)]


def coverage(outflows: pd.DataFrame) -> pd.DataFrame:
    """One row per origin and basis: the calendar years that figures for a year or part of one touch (a fiscal
    year touches two), the cumulative registers apart (they are never a year's flow), the kinds of period, how
    many destination countries are itemised, whether national totals exist, and how many figures are shown."""
    shown = _shown(outflows)
    rows = []
    for (origin, basis), group in shown.groupby(["origin_iso3", "basis"], sort=True):
        dated = group[group["period_start"].notna() & (group["period_kind"] != "cumulative")]
        years = sorted(
            {
                int(year)
                for start, end in zip(dated["period_start"], dated["period_end"])
                for year in range(pd.Timestamp(start).year, pd.Timestamp(end).year + 1)
            }
        )
        registers = group[group["period_kind"] == "cumulative"]
        destinations = group.loc[group["scope"] == "destination", "destination_iso3"].dropna()
        rows.append(
            {
                "origin_iso3": origin,
                "basis": basis,
                "first_year": years[0] if years else pd.NA,
                "last_year": years[-1] if years else pd.NA,
                "years": tuple(years),
                "period_kinds": tuple(kind for kind in PERIOD_KINDS if kind in set(group["period_kind"])),
                "periods": tuple(dict.fromkeys(group.sort_values("period_start")["period_label"])),
                "cumulative_registers": tuple(dict.fromkeys(registers["period_label"])),
                "destinations": destinations.nunique(),
                "has_totals": bool((group["scope"] == "total").any()),
                "figures": len(group),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "origin_iso3",
            "basis",
            "first_year",
            "last_year",
            "years",
            "period_kinds",
            "periods",
            "cumulative_registers",
            "destinations",
            "has_totals",
            "figures",
        ],
    )


def ranking_periods(outflows: pd.DataFrame, origin: str, basis: str | None = None) -> pd.DataFrame:
    """The periods with at least one shown destination figure for ``origin``: label, dates, kind and basis, latest
    first (what a period selector lists)."""
    shown = _shown(outflows)
    rows = shown[
        (shown["origin_iso3"] == origin)
        & (shown["scope"] == "destination")
        & ((shown["basis"] == basis) if basis else True)
    ]
    periods = rows[["period_label", "period_start", "period_end", "period_kind", "basis"]].drop_duplicates()
    return periods.sort_values(["period_end", "period_start"], ascending=False, ignore_index=True)


def departures_ranking(
    outflows: pd.DataFrame, origin: str, period_label: str, basis: str | None = None
) -> pd.DataFrame:
    """Destinations of ``origin`` for one period (all workers, both sexes), largest first, with rank and the share
    of the printed total where one is shown for the same period and basis (else of the itemised sum, only where
    the table itemises every destination; otherwise no share). Rows for several countries together ("others",
    regions) are kept after the ranked countries, unranked."""
    shown = _shown(outflows)
    rows = shown[
        (shown["origin_iso3"] == origin)
        & (shown["period_label"] == period_label)
        & (shown["sex"] == "total")
        & (shown["worker_category"] == ALL_WORKERS)
    ]
    if basis:
        rows = rows[rows["basis"] == basis]
    if rows["basis"].nunique() > 1:
        raise ValueError(f"{origin} {period_label} has several bases {sorted(rows['basis'].unique())}: choose one.")
    columns = [
        "rank",
        "destination_iso3",
        "destination_as_published",
        "scope",
        "value",
        "share_of_total",
        "value_precision",
        "basis",
        "period_label",
        "period_kind",
        "period_start",
        "period_end",
        "release",
        "note",
        "source_id",
    ]
    countries = rows[rows["scope"] == "destination"].sort_values("value", ascending=False, kind="stable")
    groups = rows[rows["scope"].isin(["others", "region"])]
    if countries.empty:
        return pd.DataFrame(columns=columns)
    total = _denominator(rows)
    ranked = pd.concat([countries.assign(rank=range(1, len(countries) + 1)), groups.assign(rank=pd.NA)])
    ranked["rank"] = ranked["rank"].astype("Int64")
    ranked["share_of_total"] = (ranked["value"] / total) if total else pd.NA
    return ranked[columns].reset_index(drop=True)


def _denominator(rows: pd.DataFrame):
    """The printed total of these rows' period, or the sum of a complete itemisation; None when neither exists."""
    totals = rows[rows["scope"] == "total"]
    if len(totals) == 1:
        return totals["value"].iloc[0]
    parts = rows[rows["scope"] != "total"]
    if len(parts) and parts["parts_complete"].astype(bool).all() and parts["table_id"].nunique() == 1:
        return parts["value"].sum()
    return None


def register_shares(outflows: pd.DataFrame, origin: str, basis: str | None = None) -> pd.DataFrame:
    """Destination shares of ``origin``'s cumulative register(s): one row per destination country (rows printed
    under two names for one country, e.g. "Ivory Coast" and "Cote d'Ivoire", are added), largest first, share of
    the register's printed total (or of its complete itemisation). Never an annual flow."""
    shown = _shown(outflows)
    rows = shown[
        (shown["origin_iso3"] == origin)
        & (shown["period_kind"] == "cumulative")
        & (shown["sex"] == "total")
        & (shown["worker_category"] == ALL_WORKERS)
    ]
    if basis:
        rows = rows[rows["basis"] == basis]
    results = []
    for table_id, register in rows.groupby("table_id", sort=True):
        total = _denominator(register)
        itemised = register[register["scope"] != "total"].assign(
            country=lambda frame: frame["destination_iso3"].fillna(frame["destination_as_published"])
        )
        by_country = itemised.groupby("country", sort=False).agg(
            destination_iso3=("destination_iso3", "first"),
            destination_as_published=("destination_as_published", lambda names: " + ".join(names)),
            scope=("scope", "first"),
            value=("value", "sum"),
        )
        first = register.iloc[0]
        by_country = by_country.assign(
            share=by_country["value"] / total if total else pd.NA,
            register_total=total,
            table_id=table_id,
            basis=first["basis"],
            period_start=first["period_start"],
            period_end=first["period_end"],
            period_label=first["period_label"],
            source_id=first["source_id"],
        )
        results.append(by_country.sort_values("value", ascending=False).reset_index(drop=True))
    columns = [
        "destination_iso3",
        "destination_as_published",
        "scope",
        "value",
        "share",
        "register_total",
        "table_id",
        "basis",
        "period_label",
        "period_start",
        "period_end",
        "source_id",
    ]
    return pd.concat(results, ignore_index=True)[columns] if results else pd.DataFrame(columns=columns)


def share_sentence(share_row: pd.Series, destination_name: str) -> str:
    """'Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia' (the share rounded to a whole %)."""
    start, end = pd.Timestamp(share_row["period_start"]), pd.Timestamp(share_row["period_end"])
    noun = share_row["basis"].replace("_", " ")
    return (
        f"Of all {noun} {start.day} {start:%b %Y}-{end.day} {end:%b %Y}, {share_row['share']:.0%} were to "
        f"{destination_name}"
    )


def carried_forward(corridors: pd.DataFrame) -> pd.Series:
    """Per row of a UN DESA corridors table: True where the pair's estimate (female, male and total, all published
    and not zero) is identical to its estimate in the previous estimate year of the same revision, i.e. the
    estimate was carried forward rather than re-estimated, so its "change" of 0 is not an observed change."""
    values = ["female", "male", "total"]
    ordered = corridors.sort_values(["revision", "orig_iso3", "dest_iso3", "year"])
    previous = ordered.groupby(["revision", "orig_iso3", "dest_iso3"], sort=False)[values].shift(1)
    same = (ordered[values] == previous).fillna(False).all(axis=1)
    published = ordered[values].notna().all(axis=1) & (ordered["total"] > 0)
    return (same & published).reindex(corridors.index)
