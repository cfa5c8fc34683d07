"""Country summaries add up to what UN DESA publishes."""

import pandas as pd
import pytest

from data import load_corridors, load_countries
from data.build.common import raw_file
from data.profiles import female_share, stock_trend, top_partners


@pytest.fixture(scope="module")
def corridors_2020() -> pd.DataFrame:
    return load_corridors(revision=2020)


def test_top_destinations_of_india_in_2020(corridors_2020):
    top = top_partners(corridors_2020, load_countries(), "IND", role="origin", year=2020, limit=3)
    assert top.loc[top["partner_iso3"] == "ARE", "migrants"].item() == 3_471_300
    assert list(top["migrants"]) == sorted(top["migrants"], reverse=True)
    assert top["partner"].iloc[0] == "United Arab Emirates"


def test_top_origins_of_thailand_include_myanmar(corridors_2020):
    top = top_partners(corridors_2020, load_countries(), "THA", role="destination", year=2020)
    assert top.loc[top["partner_iso3"] == "MMR", "migrants"].item() == 1_848_270


def test_trend_sums_every_destination(corridors_2020):
    trend = stock_trend(corridors_2020, "NPL", role="origin").set_index("year")
    nepal_2020 = corridors_2020[(corridors_2020["orig_iso3"] == "NPL") & (corridors_2020["year"] == 2020)]
    assert trend.loc[2020, "total"] == nepal_2020["total"].sum()
    assert trend.loc[2020, "total"] == trend.loc[2020, "female"] + trend.loc[2020, "male"]


def test_country_with_no_data_gives_empty_results(corridors_2020):
    assert top_partners(corridors_2020, load_countries(), "XXX", role="origin", year=2020).empty
    assert stock_trend(corridors_2020, "XXX", role="destination").empty


def test_female_share_is_missing_not_zero_when_unknown():
    shares = female_share(pd.Series([1, None, 0], dtype="Int64"), pd.Series([3, 5, 0], dtype="Int64"))
    assert shares.iloc[0] == 25.0 and pd.isna(shares.iloc[1]) and pd.isna(shares.iloc[2])


def test_regional_headline_matches_the_raw_un_desa_file(raw_sources):
    from data.profiles import regional_stock

    raw = pd.read_csv(raw_file(raw_sources / "undesa_ims/undesa_ims2024_bilateral_by_sex.csv"), keep_default_na=False)
    countries = load_countries()
    region = set(countries.loc[countries["is_asia_pacific"], "iso3"])
    raw_2024 = raw[raw["year"] == 2024]
    headline = regional_stock(load_corridors(revision=2024), countries, year=2024)
    assert headline["born_in_region"] == raw_2024.loc[raw_2024["orig_iso3"].isin(region), "n"].sum()
    assert headline["living_in_region"] == raw_2024.loc[raw_2024["dest_iso3"].isin(region), "n"].sum()
    assert headline["top_origin"] == ("IND", raw_2024.loc[raw_2024["orig_iso3"] == "IND", "n"].sum())


def test_regional_remittances_sum_the_reporting_countries_only():
    from data import load_remittances
    from data.profiles import regional_remittances

    money = regional_remittances(load_remittances(), load_countries())
    assert money["year"] == 2023 and money["top"] == ("IND", pytest.approx(119.53e9, rel=1e-3))
    assert money["reporting"] < money["of"] == 81
