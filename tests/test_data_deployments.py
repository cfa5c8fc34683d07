"""Sri Lanka departures: SLBFE's totals, and the known 2019 extraction error withheld."""

import pandas as pd
import pytest

from data import load_deployments


@pytest.fixture(scope="module")
def totals() -> pd.DataFrame:
    table = load_deployments()
    return table[(table["sex"] == "total") & (table["skill_level"] == "all")]


@pytest.mark.parametrize(("year", "published"), [(2020, 53_875), (2021, 122_264), (2022, 311_056), (2023, 297_656)])
def test_year_totals_match_slbfe(totals, year, published):
    assert int(totals.loc[totals["year"] == year, "departures"].sum()) == published


def test_top_2022_destinations(totals):
    year_2022 = totals[totals["year"] == 2022].set_index("dest_iso3")["departures"]
    assert year_2022[["KWT", "QAT", "SAU", "ARE"]].tolist() == [79_123, 71_954, 53_902, 35_563]


def test_2019_uae_extraction_error_is_withheld_with_a_reason(totals):
    row = totals[(totals["year"] == 2019) & (totals["dest_iso3"] == "ARE")]
    assert len(row) == 1
    assert pd.isna(row["departures"].iloc[0])
    assert "extraction error" in row["note"].iloc[0]
    assert not (load_deployments()["departures"] == 328_690).any()


def test_2023_sex_breakdown_matches_the_gender_table():
    table = load_deployments()
    year_2023 = table[(table["year"] == 2023) & (table["skill_level"] != "all")]
    by_sex = year_2023.groupby("sex")["departures"].sum()
    assert (int(by_sex["male"]), int(by_sex["female"])) == (164_608, 133_048)
