"""Remittances by country and year: WDI and KNOMAD (Dec 2023) kept apart, checked against the raw files."""

import pandas as pd
import pytest

from data import CATALOG, DataProblem, load_remittances, read_table
from data.build.remittances import KNOMAD_VINTAGE, build_remittances


@pytest.fixture(scope="module")
def remittances() -> pd.DataFrame:
    return load_remittances()


def value(table, series, iso3, year, column="received_usd"):
    row = table[(table["series"] == series) & (table["iso3"] == iso3) & (table["year"] == year)]
    assert len(row) == 1, f"expected one {series} row for {iso3} {year}"
    return row[column].iloc[0]


@pytest.mark.parametrize(
    ("iso3", "year", "billions", "pct_gdp"),
    [
        ("IND", 2023, 119.53, 3.4),
        ("PHL", 2023, 39.10, 8.9),
        ("NPL", 2023, 10.76, 26.3),
        ("BGD", 2023, 22.17, None),
        ("PAK", 2022, 30.18, None),
        ("TJK", 2022, 5.35, 49.9),
    ],
)
def test_wdi_received_matches_the_published_figures(remittances, iso3, year, billions, pct_gdp):
    assert round(value(remittances, "wdi", iso3, year) / 1e9, 2) == billions
    if pct_gdp is not None:
        assert round(value(remittances, "wdi", iso3, year, "received_pct_gdp"), 1) == pct_gdp


def test_wdi_rows_equal_the_raw_file(remittances, raw_sources):
    raw = pd.read_csv(
        raw_sources / "wdi_remittances/wdi_remittances_gdp_pop_1990_2023.csv", keep_default_na=False, na_values=[""]
    )
    raw_india = raw[raw["iso3"] == "IND"].set_index("year")
    india = remittances[(remittances["series"] == "wdi") & (remittances["iso3"] == "IND")].set_index("year")
    assert india.loc[2023, "received_usd"] == raw_india.loc[2023, "remittances_received_usd"] == 119_526_055_008.102
    for table_column, raw_column in [
        ("received_usd", "remittances_received_usd"),
        ("paid_usd", "remittances_paid_usd"),
        ("gdp_usd", "gdp_current_usd"),
        ("population", "population"),
    ]:
        pd.testing.assert_series_equal(india[table_column], raw_india.loc[india.index, raw_column], check_names=False)


@pytest.mark.parametrize(
    ("iso3", "year", "billions", "is_estimate"),
    [
        ("IND", 2021, 89.4, False),
        ("IND", 2022, 111.2, False),
        ("IND", 2023, 125.0, True),
        ("PHL", 2022, 38.0, False),
        ("PHL", 2023, 40.0, True),
        ("PAK", 2023, 24.0, True),
        ("PAK", 2022, 29.9, False),
        ("BGD", 2023, 23.0, True),
        ("NPL", 2023, 11.0, True),
        ("VNM", 2023, 14.0, True),
        ("LKA", 2023, 5.4, True),
    ],
)
def test_knomad_inflows_and_their_estimate_flag(remittances, iso3, year, billions, is_estimate):
    assert round(value(remittances, "knomad_inflows", iso3, year) / 1e9, 1) == billions
    assert bool(value(remittances, "knomad_inflows", iso3, year, "is_estimate")) is is_estimate


@pytest.mark.parametrize(
    ("iso3", "pct"), [("NPL", 26.6), ("TJK", 48.2), ("TON", 40.6), ("KGZ", 20.5), ("PHL", 9.2), ("IND", 3.4)]
)
def test_knomad_2023_share_of_gdp_is_as_published(remittances, iso3, pct):
    assert round(value(remittances, "knomad_inflows", iso3, 2023, "received_pct_gdp"), 1) == pct
    assert value(remittances, "knomad_inflows", iso3, 2023, "pct_gdp_basis").startswith("published by KNOMAD")


def test_only_2023_is_an_estimate_and_each_series_has_one_vintage(remittances):
    assert set(remittances.loc[remittances["is_estimate"], "year"]) == {2023}
    assert not remittances.loc[remittances["series"] == "wdi", "is_estimate"].any()
    vintages = remittances.groupby("series")["vintage"].unique().to_dict()
    assert list(vintages["knomad_inflows"]) == [KNOMAD_VINTAGE]
    assert len(vintages["wdi"]) == 1
    assert remittances.groupby("series")["source_id"].nunique().eq(1).all()


def test_ratios_only_where_both_parts_are_published_in_the_same_series(remittances):
    knomad = remittances[remittances["series"] == "knomad_inflows"]
    assert knomad["received_per_capita_usd"].isna().all() and knomad["gdp_usd"].isna().all()
    assert set(knomad.dropna(subset=["received_pct_gdp"])["year"]) == {2023}
    wdi = remittances[remittances["series"] == "wdi"]
    no_gdp = wdi[wdi["received_usd"].notna() & wdi["gdp_usd"].isna()]
    assert len(no_gdp) and no_gdp["received_pct_gdp"].isna().all() and no_gdp["pct_gdp_basis"].isna().all()
    no_received = wdi[wdi["received_usd"].isna()]
    assert len(no_received) and no_received[["received_pct_gdp", "received_per_capita_usd"]].isna().all().all()
    india = wdi[(wdi["iso3"] == "IND") & (wdi["year"] == 2023)].iloc[0]
    assert india["received_per_capita_usd"] == pytest.approx(119_526_055_008.102 / india["population"])


def test_knomad_zeros_are_kept_and_flagged(remittances):
    zeros = remittances[(remittances["series"] == "knomad_inflows") & (remittances["received_usd"] == 0)]
    assert len(zeros) and zeros["note"].str.contains("often means no data").all()
    assert value(remittances, "knomad_inflows", "SGP", 2023) == 0


def test_aggregates_are_left_out_and_channel_islands_are_renamed(remittances):
    assert not remittances["iso3"].isin(["WLD", "LMY", "CHI"]).any()


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(remittances, raw_sources):
    rebuilt = build_remittances(raw_sources)
    pd.testing.assert_frame_equal(rebuilt[remittances.columns], remittances, check_dtype=False)


def test_a_mixed_vintage_file_is_refused(tables_copy):
    table = pd.read_csv(tables_copy / "remittances.csv", keep_default_na=False, na_values=[""])
    table.loc[table["series"] == "knomad_inflows", "vintage"] = table["vintage"].where(
        table.index % 2 == 0, "June 2023"
    )
    table.to_csv(tables_copy / "remittances.csv", index=False)
    sources = read_table("sources", tables_copy / "sources.csv")
    ids = frozenset(sources["source_id"])
    codes = frozenset(read_table("countries", tables_copy / "countries.csv", source_ids=ids)["iso3"])
    with pytest.raises(DataProblem, match="one vintage per series"):
        read_table("remittances", CATALOG["remittances"].path, country_codes=codes, source_ids=ids)
