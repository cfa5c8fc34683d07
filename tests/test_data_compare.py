"""Several corridors over time (issue 15, point 4): persons and % of the origin's population, gaps kept."""

import pytest

from data import load_corridor_years, load_remittances
from data.compare import TREND_COLUMNS, corridor_trends

GULF_AND_MALAYSIA = [("NPL", "QAT"), ("NPL", "SAU"), ("NPL", "MYS"), ("NPL", "ARE")]


@pytest.fixture(scope="module")
def trends():
    return corridor_trends(load_corridor_years(2024), GULF_AND_MALAYSIA, load_remittances(), sex="total")


def test_each_corridor_has_every_estimate_year_in_the_order_asked(trends):
    assert list(trends.columns) == TREND_COLUMNS
    pairs = list(dict.fromkeys(zip(trends["orig_iso3"], trends["dest_iso3"])))
    assert pairs == GULF_AND_MALAYSIA
    assert sorted(set(trends["year"])) == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    years = load_corridor_years(2024)
    qatar_2024 = years[2024].query("orig_iso3 == 'NPL' and dest_iso3 == 'QAT'")["total"].iloc[0]
    assert trends.query("dest_iso3 == 'QAT' and year == 2024")["migrants"].iloc[0] == qatar_2024


def test_share_of_population_uses_the_same_years_population_and_never_carries_it_forward(trends):
    remittances = load_remittances()
    population = remittances.query("series == 'wdi' and iso3 == 'NPL' and year == 2020")["population"].iloc[0]
    row = trends.query("dest_iso3 == 'MYS' and year == 2020").iloc[0]
    assert row["pct_of_origin_population"] == round(row["migrants"] / population * 100, 3)
    assert trends.query("year == 2024")["pct_of_origin_population"].isna().all()  # WDI ends in 2023


def test_the_sex_filter_reaches_the_comparison():
    female = corridor_trends(load_corridor_years(2024), [("PHL", "SAU")], load_remittances(), sex="female")
    assert female.query("year == 2020")["migrants"].iloc[0] == 456_026 and set(female["sex"]) == {"female"}
