"""2024 remittance figures as printed: World Bank estimates and Bangladesh Bank totals, each with its release."""

import pandas as pd
import pytest

from data import CATALOG, load_remittance_headlines, load_remittances, load_sources
from data.build import remittance_headlines as builder
from tests.test_data_problems import problem_for, replace_field


@pytest.fixture(scope="module")
def headlines() -> pd.DataFrame:
    return load_remittance_headlines()


def figure(table, series, area, year, indicator="remittance_inflows") -> float:
    row = table[
        (table["series"] == series)
        & (table["area_code"] == area)
        & (table["year"] == year)
        & (table["indicator"] == indicator)
    ]
    assert len(row) == 1
    return float(row["value"].iloc[0])


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(raw_sources):
    rebuilt, sources = builder.build_remittance_headlines(raw_sources)
    assert rebuilt.to_csv(index=False) == CATALOG["remittance_headlines"].path.read_text(encoding="utf-8")
    assert {source["source_id"] for source in sources} <= set(load_sources()["source_id"])


def test_catalog_describes_every_column(headlines):
    assert list(CATALOG["remittance_headlines"].columns) == list(headlines.columns)


@pytest.mark.parametrize(
    ("area", "billions"), [("IND", 129), ("MEX", 68), ("CHN", 48), ("PHL", 40), ("PAK", 33), ("LMY", 685)]
)
def test_december_2024_estimates(headlines, area, billions):
    assert figure(headlines, "wb_estimate_dec2024", area, 2024) == billions


@pytest.mark.parametrize(
    ("area", "billions"),
    [
        ("IND", 129.1),
        ("MEX", 68.2),
        ("CHN", 48),
        ("PHL", 40.2),
        ("PAK", 33.2),
        ("BGD", 26.6),
        ("EGY", 22.7),
        ("GTM", 21.6),
        ("WLD", 905),
    ],
)
def test_figures_reported_in_september_2025(headlines, area, billions):
    assert figure(headlines, "wb_data_sep2025", area, 2024) == billions


def test_growth_share_of_gdp_and_bangladesh_bank(headlines):
    assert figure(headlines, "wb_estimate_dec2024", "LMY", 2024, "growth_rate") == 5.8
    assert figure(headlines, "wb_estimate_dec2024", "SAS", 2024, "growth_rate") == 11.8
    assert figure(headlines, "wb_estimate_dec2024", "TJK", 2024, "remittances_pct_gdp") == 45
    assert figure(headlines, "bangladesh_bank", "BGD", 2024, "remittance_inflows_national") == 26.88
    assert figure(headlines, "bangladesh_bank", "BGD", 2023, "remittance_inflows_national") == 21.92


def test_december_2023_brief_equals_the_knomad_2023_estimates_after_rounding(headlines):
    knomad = load_remittances().query("series == 'knomad_inflows' and year == 2023").set_index("iso3")["received_usd"]
    for area in ("IND", "MEX", "CHN", "PHL", "EGY"):
        assert round(knomad[area] / 1e9) == figure(headlines, "wb_brief_dec2023", area, 2023)


def test_kept_apart_from_the_remittances_table(headlines):
    assert load_remittances()["year"].max() == 2023
    assert headlines["value_usd"].dropna().equals(headlines["value"][headlines["value_usd"].notna()] * 1e9)
    approximate = headlines[headlines["value_precision"] == "approximate"]
    assert sorted(approximate["area_code"]) == ["BGD", "PAK"]


def test_a_group_code_not_marked_as_aggregate_is_refused(tables_copy):
    path = tables_copy / "remittance_headlines.csv"
    codes = pd.read_csv(path, usecols=["area_code"])["area_code"].tolist()
    replace_field(path, codes.index("LMY") + 2, "is_aggregate", "False")
    assert "is_aggregate" in str(problem_for(load_remittance_headlines))
