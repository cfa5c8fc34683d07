"""Pandera schemas: types, allowed values, unique keys and arithmetic identities of each table."""

import pandas as pd
import pandera.pandas as pa

from data import flows
from data.groups import GROUP_KINDS
from data.news import KINDS, PRECISIONS, TOPICS, is_web_url, parse_item_date, split_list

ISO3 = pa.Check.str_matches(r"^[A-Z0-9]{3}$", error="a 3-character upper-case code")


def iso3_in(known_codes: frozenset[str]) -> pa.Check:
    return pa.Check.isin(sorted(known_codes), error="a code listed in the countries table")


def rows_check(check, error: str) -> pa.Check:
    """A rule over whole rows (``check`` takes the frame, returns a boolean per row), named by ``error``."""
    return pa.Check(check, element_wise=False, error=error)


def source_id_column(source_ids: frozenset[str]) -> pa.Column:
    """Every row cites a source listed in sources.csv."""
    return pa.Column(str, pa.Check.isin(sorted(source_ids)))


def sources_schema() -> pa.DataFrameSchema:
    text = pa.Column(str, nullable=False)
    return pa.DataFrameSchema(
        {
            "source_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_\-]+$"), unique=True),
            "publisher": text,
            "dataset": text,
            "edition": text,
            # Blank where the publisher gives none (e.g. an undated web listing): never guessed.
            "year": pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True),
            "url": pa.Column(str, pa.Check.str_startswith("http"), nullable=True),
            "licence": text,
            "citation": text,
            "obtained_from": pa.Column(str, nullable=True),
            "notes": pa.Column(str, nullable=True),
        },
        coerce=True,
    )


def countries_schema(source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, ISO3, unique=True),
            "name": pa.Column(str),
            "m49": pa.Column("Int64", nullable=True),
            "region": pa.Column(str, nullable=True),
            "subregion": pa.Column(str, nullable=True),
            "intermediate_region": pa.Column(str, nullable=True),
            "is_asia_pacific": pa.Column(bool),
            "wb_income_group": pa.Column(str, nullable=True),
            "lon": pa.Column(float, pa.Check.in_range(-180, 180), nullable=True),
            "lat": pa.Column(float, pa.Check.in_range(-90, 90), nullable=True),
            "point_source": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        coerce=True,
    )


def corridors_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    persons = pa.Column("Int64", pa.Check.ge(0), nullable=True)
    flag = pa.Column(int, pa.Check.isin([0, 1]))
    return pa.DataFrameSchema(
        {
            "revision": pa.Column(int, pa.Check.isin([2020, 2024])),
            "year": pa.Column(int, pa.Check.in_range(1990, 2024)),
            "orig_iso3": pa.Column(str, iso3_in(country_codes)),
            "dest_iso3": pa.Column(str, iso3_in(country_codes)),
            "female": persons,
            "male": persons,
            "total": persons,
            "type_b": flag,
            "type_c": flag,
            "type_r": flag,
            "type_i": flag,
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                lambda df: df["total"].isna() | (df["total"] == df["female"] + df["male"]).fillna(False),
                error="total = female + male",
            )
        ],
        unique=["revision", "year", "orig_iso3", "dest_iso3"],
        coerce=True,
    )


def deployments_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(2000, 2100)),
            "destination_as_published": pa.Column(str),
            "dest_iso3": pa.Column(str, iso3_in(country_codes), nullable=True),
            "sex": pa.Column(str, pa.Check.isin(["total", "female", "male"])),
            "skill_level": pa.Column(str),
            "departures": pa.Column("Int64", pa.Check.ge(0), nullable=True),
            "basis": pa.Column(str),
            "source_table": pa.Column(str, nullable=True),
            "note": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                lambda df: df["departures"].notna() | df["note"].notna(),
                error="a withheld figure carries a note saying why",
            )
        ],
        unique=["year", "destination_as_published", "sex", "skill_level"],
        coerce=True,
    )


def _period_kind_matches_dates(df):
    """start <= end, and the kind is the one the dates give (a calendar year runs 1 Jan-31 Dec, a cumulative
    register more than a year, ...; see data.flows.period_kind); no dates only for an unstated period."""
    ordered = (df["period_start"] <= df["period_end"]).fillna(False) | (
        df["period_start"].isna() & df["period_end"].isna()
    )
    derived = pd.Series(
        [flows.period_kind(start, end) for start, end in zip(df["period_start"], df["period_end"])], index=df.index
    )
    return ordered & (derived == df["period_kind"])


def _one_shown_per_figure(df):
    """Two publications of the same figure are both kept, but at most one is shown. Rows of one table for one
    country under two printed names (e.g. "Ivory Coast" and "Cote d'Ivoire") are one publication."""
    key = flows.figure_key(df)
    shown = df["is_shown"].astype(bool)
    tables_shown = df["table_id"].where(shown).groupby(key).transform("nunique")
    return ~shown | (tables_shown <= 1)


def labour_outflows_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "origin_iso3": pa.Column(str, iso3_in(country_codes)),
            "scope": pa.Column(str, pa.Check.isin(flows.SCOPES)),
            "destination_iso3": pa.Column(str, iso3_in(country_codes), nullable=True),
            "destination_as_published": pa.Column(str),
            "period_label": pa.Column(str),
            "period_start": pa.Column("datetime64[ns]", nullable=True),
            "period_end": pa.Column("datetime64[ns]", nullable=True),
            "period_kind": pa.Column(str, pa.Check.isin(flows.PERIOD_KINDS)),
            "sex": pa.Column(str, pa.Check.isin(flows.SEXES)),
            "worker_category": pa.Column(str),
            "value": pa.Column("Int64", pa.Check.ge(0), nullable=True),
            "value_precision": pa.Column(str, pa.Check.isin(flows.VALUE_PRECISIONS)),
            "figure_as_printed": pa.Column(str, nullable=True),
            "basis": pa.Column(str, pa.Check.isin(flows.BASES)),
            "basis_as_published": pa.Column(str),
            "release": pa.Column(str),
            "table_id": pa.Column(str),
            "parts_complete": pa.Column(bool),
            "is_shown": pa.Column(bool),
            "note": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                _period_kind_matches_dates,
                error="period start <= end and period_kind as the dates give it (no dates only if unstated)",
            ),
            rows_check(
                lambda df: df["destination_iso3"].isna() | (df["scope"] == "destination"),
                error="only a destination row names a destination country (totals, others, regions do not)",
            ),
            rows_check(
                lambda df: df["origin_iso3"] != df["destination_iso3"].fillna(""),
                error="destination differs from origin",
            ),
            rows_check(
                flows.parts_match_totals,
                error="where a table itemises every destination, its rows add up to its printed total",
            ),
            rows_check(
                _one_shown_per_figure,
                error="at most one shown row per figure (origin, destination, period, sex, basis)",
            ),
            rows_check(
                lambda df: df["is_shown"].astype(bool) | df["note"].notna(),
                error="a figure not shown carries a note saying why",
            ),
            rows_check(
                lambda df: df["value"].notna() | df["note"].notna(),
                error="a withheld figure carries a note saying why",
            ),
        ],
        unique=["table_id", "destination_as_published", "sex", "worker_category"],
        coerce=True,
    )


AGREEMENT_CONFIDENCE = ["high", "medium", "low"]
INSTRUMENT_TYPES = ["MOU", "Agreement", "Memorandum of cooperation", "Renewal or extension", "Protocol"]
DATE_PRECISIONS = ["day", "month", "year", "unknown"]


def _agreement_date_matches_precision(df):
    """A full date only with day precision, a year with any known precision, neither when unknown."""
    has_date, has_year = df["date_signed"].notna(), df["year_signed"].notna()
    day = df["date_precision"] == "day"
    unknown = df["date_precision"] == "unknown"
    year_matches = ~has_date | (df["date_signed"].dt.year == df["year_signed"]).fillna(False)
    # An unknown precision word already fails its own column check; it is not reported twice.
    unlisted = ~df["date_precision"].isin(DATE_PRECISIONS)
    return unlisted | ((has_date == day) & (has_year == ~unknown) & year_matches)


def agreements_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "agreement_id": pa.Column(str, unique=True),
            "origin_iso3": pa.Column(str, iso3_in(country_codes)),
            "destination_iso3": pa.Column(str, iso3_in(country_codes)),
            "two_way": pa.Column(bool),
            "instrument_type": pa.Column(str, pa.Check.isin(INSTRUMENT_TYPES)),
            "title": pa.Column(str),
            "scheme_or_sector": pa.Column(str),
            "date_signed": pa.Column("datetime64[ns]", nullable=True),
            "year_signed": pa.Column("Int64", pa.Check.in_range(1950, 2100), nullable=True),
            "date_precision": pa.Column(str, pa.Check.isin(DATE_PRECISIONS)),
            "status": pa.Column(str, pa.Check.isin(["in force", "expired"]), nullable=True),
            "superseded": pa.Column(bool),
            "pair_in_ilo_booklet": pa.Column(bool),
            "confidence": pa.Column(str, pa.Check.isin(AGREEMENT_CONFIDENCE)),
            "parties_note": pa.Column(str, nullable=True),
            "notes": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
            "date_source_id": pa.Column(str, pa.Check.isin(sorted(source_ids)), nullable=True),
        },
        checks=[
            rows_check(
                lambda df: df["origin_iso3"] != df["destination_iso3"],
                error="two different parties",
            ),
            rows_check(
                lambda df: (
                    df["parties_note"].notna() == (df["origin_iso3"].eq("TWN") | df["destination_iso3"].eq("TWN"))
                ),
                error="parties_note on every Taiwan row (representative offices, not states) and only there",
            ),
            rows_check(
                _agreement_date_matches_precision,
                error="date_signed only with day precision, year_signed unless the date is unknown, same year",
            ),
        ],
        coerce=True,
    )


def regional_instruments_schema(source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "instrument_id": pa.Column(str, unique=True),
            "name": pa.Column(str),
            "body_or_process": pa.Column(str),
            "members_or_scope": pa.Column(str, nullable=True),
            "instrument_type": pa.Column(str),
            "date_signed": pa.Column("datetime64[ns]", nullable=True),
            "year_signed": pa.Column("Int64", pa.Check.in_range(1950, 2100), nullable=True),
            "date_precision": pa.Column(str, pa.Check.isin(DATE_PRECISIONS)),
            "place": pa.Column(str, nullable=True),
            "status": pa.Column(str, pa.Check.isin(["in force", "expired"]), nullable=True),
            "confidence": pa.Column(str, pa.Check.isin(AGREEMENT_CONFIDENCE)),
            "notes": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                _agreement_date_matches_precision,
                error="date_signed only with day precision, year_signed unless the date is unknown, same year",
            )
        ],
        coerce=True,
    )


def _each_listed(allowed: frozenset[str], *, error: str, required: bool) -> pa.Check:
    """Every ';'-separated code of the cell is allowed (and, if required, there is at least one)."""

    def check(cell) -> bool:
        codes = split_list(cell)
        return (bool(codes) or not required) and all(code in allowed for code in codes)

    return pa.Check(check, element_wise=True, error=error)


def _news_date_matches_precision(frame: pd.DataFrame) -> pd.Series:
    def valid(text, precision) -> bool:
        try:
            written = parse_item_date(text if isinstance(text, str) else "", precision)
        except ValueError:
            return False
        return written.text == (text if isinstance(text, str) else "")

    return pd.Series(
        [valid(text, precision) for text, precision in zip(frame["date"], frame["date_precision"])], index=frame.index
    )


def news_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    optional_text = pa.Column(str, nullable=True)
    return pa.DataFrameSchema(
        {
            "item_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9][a-z0-9\-]*$"), unique=True),
            "date": optional_text,
            "date_precision": pa.Column(str, pa.Check.isin(PRECISIONS)),
            "title": pa.Column(str, pa.Check.str_length(1, 300)),
            "kind": pa.Column(str, pa.Check.isin(KINDS)),
            "publisher": optional_text,
            "url": pa.Column(str, pa.Check(is_web_url, element_wise=True, error="an http(s) address"), nullable=True),
            "countries_iso3": pa.Column(
                str,
                _each_listed(country_codes, error="codes listed in the countries table", required=False),
                nullable=True,
            ),
            "topics": pa.Column(str, _each_listed(frozenset(TOPICS), error="topics of the fixed list", required=True)),
            "summary": optional_text,
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                _news_date_matches_precision,
                error="date written at its precision (YYYY-MM-DD, YYYY-MM, YYYY or blank for none)",
            )
        ],
        coerce=True,
    )


REMITTANCE_SERIES = ("wdi", "knomad_inflows")


def _pct_gdp_from_own_parts(df):
    """Where a row has GDP, its % of GDP is received / GDP (so it is derived exactly where both parts exist);
    rows without GDP (KNOMAD) may only carry a % of GDP as published."""
    derived = df["received_usd"] / df["gdp_usd"] * 100
    matches = (df["received_pct_gdp"] - derived).abs() <= 1e-9 * derived.abs()
    return df["gdp_usd"].isna() | matches | (derived.isna() & df["received_pct_gdp"].isna())


def remittances_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    usd = pa.Column(float, pa.Check.ge(0), nullable=True)
    return pa.DataFrameSchema(
        {
            "series": pa.Column(str, pa.Check.isin(REMITTANCE_SERIES)),
            "vintage": pa.Column(str),
            "iso3": pa.Column(str, iso3_in(country_codes)),
            "year": pa.Column(int, pa.Check.in_range(1990, 2023)),
            "received_usd": usd,
            "paid_usd": usd,
            "gdp_usd": pa.Column(float, pa.Check.gt(0), nullable=True),
            "population": pa.Column(float, pa.Check.gt(0), nullable=True),
            "received_pct_gdp": usd,
            "received_per_capita_usd": usd,
            "pct_gdp_basis": pa.Column(str, nullable=True),
            "is_estimate": pa.Column(bool),
            "note": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                lambda df: df.groupby("series")["vintage"].nunique().eq(1).all(),
                error="one vintage per series (vintages are never mixed)",
            ),
            rows_check(
                lambda df: df["received_pct_gdp"].isna() == df["pct_gdp_basis"].isna(),
                error="every % of GDP says how it was obtained (pct_gdp_basis)",
            ),
            rows_check(
                lambda df: (
                    df["received_per_capita_usd"].notna() == (df["received_usd"].notna() & df["population"].notna())
                ),
                error="per capita exactly where remittances and population are both published",
            ),
            rows_check(
                _pct_gdp_from_own_parts,
                error="% of GDP = received / GDP of the same series, and only where both are published",
            ),
        ],
        unique=["series", "iso3", "year"],
        coerce=True,
    )


def remittance_corridors_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.isin([2017, 2021])),
            "sender_iso3": pa.Column(str, iso3_in(country_codes)),
            "receiver_iso3": pa.Column(str, iso3_in(country_codes)),
            "usd_million": pa.Column(float, pa.Check.gt(0)),
            "basis": pa.Column(str, pa.Check.eq("modelled estimate")),
            "source_id": source_id_column(source_ids),
        },
        # No sender != receiver check: the 2017 workbook has one diagonal cell (Vanuatu, US$0.004 m), kept as published.
        unique=["year", "sender_iso3", "receiver_iso3"],
        coerce=True,
    )


COST_SERIES = ("ATCR.CORR", "SI.RMT.COST.IB.ZS", "SI.RMT.COST.OB.ZS")


def _cost_sides_match_series(df):
    sender, receiver = df["sender_iso3"].notna(), df["receiver_iso3"].notna()
    return (
        ((df["series_code"] == "ATCR.CORR") & sender & receiver)
        | ((df["series_code"] == "SI.RMT.COST.IB.ZS") & ~sender & receiver)
        | ((df["series_code"] == "SI.RMT.COST.OB.ZS") & sender & ~receiver)
    )


def remittance_costs_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    side = pa.Column(str, iso3_in(country_codes), nullable=True)
    return pa.DataFrameSchema(
        {
            "series_code": pa.Column(str, pa.Check.isin(COST_SERIES)),
            "sender_iso3": side,
            "receiver_iso3": side,
            "period": pa.Column(str, pa.Check.str_matches(r"^\d{4}(Q[1-4])?$")),
            "year": pa.Column(int, pa.Check.in_range(2011, 2020)),
            "quarter": pa.Column("Int64", pa.Check.in_range(1, 4), nullable=True),
            # RPW publishes a few negative corridor averages (5 of 10,417); they are kept as published.
            "cost_pct": pa.Column(float, pa.Check.in_range(-100, 100)),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                _cost_sides_match_series,
                error="corridor rows name sender and receiver; country rows name only their own side",
            ),
            rows_check(
                lambda df: df["quarter"].notna() == (df["series_code"] == "ATCR.CORR"),
                error="corridor rows are quarterly, country rows annual",
            ),
        ],
        unique=["series_code", "sender_iso3", "receiver_iso3", "period"],
        coerce=True,
    )


COST_MEAN_CHECKS = ("matches_official", "mostly_matches", "differs_from_official", "not_checkable")


def remittance_cost_means_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    pct = pa.Column(float, pa.Check.in_range(-100, 200))
    return pa.DataFrameSchema(
        {
            "series": pa.Column(str, pa.Check.eq("mean of RPW provider quotes, computed")),
            "sender_iso3": pa.Column(str, iso3_in(country_codes)),
            "receiver_iso3": pa.Column(str, iso3_in(country_codes)),
            "period": pa.Column(str, pa.Check.str_matches(r"^\d{4}Q[1-4]$")),
            "year": pa.Column(int, pa.Check.in_range(2016, 2025)),
            "quarter": pa.Column(int, pa.Check.in_range(1, 4)),
            # Raw quotes include favourable exchange rates (negative costs) and a few very dear products: kept.
            "cost_pct": pct,
            "cost_pct_500usd": pct,
            "fx_margin_pct": pct,
            "fx_margin_pct_500usd": pct,
            "n_quotes": pa.Column(int, pa.Check.ge(1)),
            "reproduces_published": pa.Column(str, pa.Check.isin(COST_MEAN_CHECKS)),
            "overlap_quarters": pa.Column(int, pa.Check.ge(0)),
            "overlap_quarters_matching": pa.Column(int, pa.Check.ge(0)),
            "overlap_max_abs_diff": pa.Column(float, pa.Check.ge(0), nullable=True),
            "after_published_series": pa.Column(bool),
            "rpw_corridor_code": pa.Column(str),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                lambda df: (df["period"] > "2020Q3") == df["after_published_series"],
                error="after_published_series exactly for quarters after 2020Q3",
            ),
            rows_check(lambda df: df["period"].str[:4].astype(int) == df["year"], error="year as in period"),
            rows_check(
                lambda df: df["overlap_quarters_matching"] <= df["overlap_quarters"],
                error="matching quarters are among the overlapping quarters",
            ),
        ],
        unique=["sender_iso3", "receiver_iso3", "period"],
        coerce=True,
    )


REMITTANCE_HEADLINE_SERIES = ("wb_estimate_dec2024", "wb_data_sep2025", "wb_brief_dec2023", "bangladesh_bank")
REMITTANCE_HEADLINE_INDICATORS = (
    "remittance_inflows",
    "remittance_inflows_national",
    "growth_rate",
    "remittances_pct_gdp",
)
WORLD_BANK_AGGREGATES = ("LMY", "SAS", "WLD")


def remittance_headlines_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "series": pa.Column(str, pa.Check.isin(REMITTANCE_HEADLINE_SERIES)),
            "vintage": pa.Column(str),
            "area_code": pa.Column(
                str,
                pa.Check.isin(
                    sorted(country_codes | set(WORLD_BANK_AGGREGATES)),
                    error="a country code or a World Bank group (LMY, SAS, WLD)",
                ),
            ),
            "is_aggregate": pa.Column(bool),
            "area_as_published": pa.Column(str),
            "year": pa.Column(int, pa.Check.in_range(2023, 2024)),
            "indicator": pa.Column(str, pa.Check.isin(REMITTANCE_HEADLINE_INDICATORS)),
            "value": pa.Column(float),
            "unit": pa.Column(str, pa.Check.isin(["US$ billion", "percent", "percent of GDP"])),
            "value_usd": pa.Column(float, pa.Check.gt(0), nullable=True),
            "figure_as_printed": pa.Column(str),
            "value_precision": pa.Column(str, pa.Check.isin(["as printed", "approximate"])),
            "basis": pa.Column(str),
            "note": pa.Column(str, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                lambda df: df["is_aggregate"] == df["area_code"].isin(WORLD_BANK_AGGREGATES),
                error="is_aggregate exactly for the World Bank groups",
            ),
            rows_check(
                lambda df: df["value_usd"].notna() == (df["unit"] == "US$ billion"),
                error="value_usd exactly for figures in US$",
            ),
        ],
        unique=["series", "area_code", "year", "indicator"],
        coerce=True,
    )


def remittances_by_sender_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    quarter = pa.Column(float, pa.Check.ge(0))
    return pa.DataFrameSchema(
        {
            "year": pa.Column(int, pa.Check.in_range(2000, 2100)),
            "receiver_iso3": pa.Column(str, iso3_in(country_codes)),
            "sender_as_published": pa.Column(str),
            "sender_iso3": pa.Column(str, iso3_in(country_codes), nullable=True),
            "q1_usd_million": quarter,
            "q2_usd_million": quarter,
            "q3_usd_million": quarter,
            "q4_usd_million": quarter,
            "total_usd_million": quarter,
            "basis": pa.Column(str, pa.Check.str_startswith("reported")),
            "source_id": source_id_column(source_ids),
        },
        checks=[
            rows_check(
                lambda df: (
                    (
                        df[["q1_usd_million", "q2_usd_million", "q3_usd_million", "q4_usd_million"]].sum(axis=1)
                        - df["total_usd_million"]
                    ).abs()
                    <= 0.15
                ),
                error="the year total equals the sum of the quarters (to rounding)",
            )
        ],
        unique=["year", "receiver_iso3", "sender_as_published"],
        coerce=True,
    )


# A year, a month or a day, as the cited page gives it (never padded to a day it does not state).
PARTIAL_DATE = pa.Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?)?$", error="YYYY, YYYY-MM or YYYY-MM-DD")


def _one_name_and_kind_per_group(frame: pd.DataFrame) -> bool:
    return bool((frame.groupby("group_key")[["group_name", "kind"]].nunique() == 1).all().all())


def country_groups_schema(country_codes: frozenset[str], source_ids: frozenset[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "group_key": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
            "group_name": pa.Column(str),
            "kind": pa.Column(str, pa.Check.isin(GROUP_KINDS)),
            "iso3": pa.Column(str, [ISO3, iso3_in(country_codes)]),
            "member_name": pa.Column(str),
            "joined": pa.Column(str, PARTIAL_DATE, nullable=True),
            "membership_as_of": pa.Column(str, PARTIAL_DATE, nullable=True),
            "source_id": source_id_column(source_ids),
        },
        checks=[rows_check(_one_name_and_kind_per_group, error="one group_name and one kind per group_key")],
        unique=["group_key", "iso3"],
        coerce=True,
    )
