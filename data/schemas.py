"""Pandera schemas: types, allowed values, unique keys and arithmetic identities of each table."""

import pandera.pandas as pa

ISO3 = pa.Check.str_matches(r"^[A-Z0-9]{3}$", error="a 3-character upper-case code")


def iso3_in(known_codes: frozenset[str]) -> pa.Check:
    return pa.Check.isin(sorted(known_codes), error="a code listed in the countries table")


def sources_schema() -> pa.DataFrameSchema:
    text = pa.Column(str, nullable=False)
    return pa.DataFrameSchema(
        {
            "source_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_\-]+$"), unique=True),
            "publisher": text,
            "dataset": text,
            "edition": text,
            "year": pa.Column(int, pa.Check.in_range(1900, 2100)),
            "url": pa.Column(str, pa.Check.str_startswith("http")),
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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
        },
        checks=[
            pa.Check(
                lambda df: df["total"].isna() | (df["total"] == df["female"] + df["male"]).fillna(False),
                element_wise=False,
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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
        },
        checks=[
            pa.Check(
                lambda df: df["departures"].notna() | df["note"].notna(),
                element_wise=False,
                error="a withheld figure carries a note saying why",
            )
        ],
        unique=["year", "destination_as_published", "sex", "skill_level"],
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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
        },
        checks=[
            pa.Check(lambda df: df.groupby("series")["vintage"].nunique().eq(1).all(), element_wise=False,
                     error="one vintage per series (vintages are never mixed)"),
            pa.Check(lambda df: df["received_pct_gdp"].isna() == df["pct_gdp_basis"].isna(), element_wise=False,
                     error="every % of GDP says how it was obtained (pct_gdp_basis)"),
            pa.Check(
                lambda df: (df["received_per_capita_usd"].notna()
                            == (df["received_usd"].notna() & df["population"].notna())),
                element_wise=False, error="per capita exactly where remittances and population are both published",
            ),
            pa.Check(_pct_gdp_from_own_parts, element_wise=False,
                     error="% of GDP = received / GDP of the same series, and only where both are published"),
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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
        },
        # No sender != receiver check: the 2017 workbook has one diagonal cell (Vanuatu, US$0.004 m), kept as published.
        unique=["year", "sender_iso3", "receiver_iso3"],
        coerce=True,
    )


COST_SERIES = ("ATCR.CORR", "SI.RMT.COST.IB.ZS", "SI.RMT.COST.OB.ZS")


def _cost_sides_match_series(df):
    sender, receiver = df["sender_iso3"].notna(), df["receiver_iso3"].notna()
    return (((df["series_code"] == "ATCR.CORR") & sender & receiver)
            | ((df["series_code"] == "SI.RMT.COST.IB.ZS") & ~sender & receiver)
            | ((df["series_code"] == "SI.RMT.COST.OB.ZS") & sender & ~receiver))


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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
        },
        checks=[
            pa.Check(_cost_sides_match_series, element_wise=False,
                     error="corridor rows name sender and receiver; country rows name only their own side"),
            pa.Check(lambda df: df["quarter"].notna() == (df["series_code"] == "ATCR.CORR"), element_wise=False,
                     error="corridor rows are quarterly, country rows annual"),
        ],
        unique=["series_code", "sender_iso3", "receiver_iso3", "period"],
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
            "source_id": pa.Column(str, pa.Check.isin(sorted(source_ids))),
        },
        checks=[
            pa.Check(
                lambda df: (df[["q1_usd_million", "q2_usd_million", "q3_usd_million", "q4_usd_million"]].sum(axis=1)
                            - df["total_usd_million"]).abs() <= 0.15,
                element_wise=False, error="the year total equals the sum of the quarters (to rounding)",
            )
        ],
        unique=["year", "receiver_iso3", "sender_as_published"],
        coerce=True,
    )
