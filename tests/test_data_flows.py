"""Pure helpers for the departures views and the UN DESA carried-forward flag, on the shipped tables."""

import pandas as pd
import pytest

from data import load_corridors, load_labour_outflows
from data.flows import (
    carried_forward,
    coverage,
    departures_ranking,
    period_kind,
    ranking_periods,
    register_shares,
    share_sentence,
)


@pytest.fixture(scope="module")
def outflows() -> pd.DataFrame:
    return load_labour_outflows()


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        ("2023-01-01", "2023-12-31", "calendar_year"),
        ("2020-07-16", "2021-07-15", "fiscal_year"),
        ("2023-01-01", "2023-06-30", "half_year"),
        ("2024-07-01", "2024-12-31", "half_year"),
        ("2023-10-01", "2023-12-31", "quarter"),
        ("2023-01-01", "2023-08-31", "partial_year"),
        ("2024-01-01", "2024-12-30", "partial_year"),
        ("2023-06-04", "2026-09-21", "cumulative"),
        (None, None, "unstated"),
    ],
)
def test_period_kind_from_the_dates(start, end, kind):
    assert period_kind(pd.Timestamp(start) if start else pd.NaT, pd.Timestamp(end) if end else pd.NaT) == kind


def test_coverage_lists_each_origin_and_basis(outflows):
    table = coverage(outflows).set_index("origin_iso3")
    assert sorted(table.index) == ["BGD", "IDN", "IND", "LKA", "NPL", "PAK", "PHL", "THA", "VNM"]
    sri_lanka = table.loc["LKA"]
    assert sri_lanka["years"] == tuple(range(2019, 2026)) and sri_lanka["period_kinds"] == ("calendar_year",)
    bangladesh = table.loc["BGD"]
    assert bangladesh["cumulative_registers"] == ("2023-06-04 to 2026-09-21",)
    assert 2026 not in bangladesh["years"]  # a cumulative register is not a year's figure
    assert "cumulative" in bangladesh["period_kinds"] and bangladesh["destinations"] > 100
    assert table.loc["NPL", "period_kinds"] == ("fiscal_year", "partial_year")
    assert table.loc["THA", "destinations"] == 0 and table.loc["THA", "has_totals"]
    assert table["figures"].sum() == outflows["is_shown"].sum()


def test_register_shares_of_bangladesh_clearances(outflows):
    shares = register_shares(outflows, "BGD")
    saudi = shares.iloc[0]
    assert saudi["destination_iso3"] == "SAU" and saudi["value"] == 1_990_580
    assert saudi["share"] == pytest.approx(1_990_580 / 3_483_880) and saudi["register_total"] == 3_483_880
    assert share_sentence(saudi, "Saudi Arabia") == "Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia"
    ivory_coast = shares[shares["destination_iso3"] == "CIV"]
    assert ivory_coast["value"].tolist() == [387]  # "Ivory Coast" 282 + "Cote d'Ivoire" 105
    assert shares["share"].sum() == pytest.approx(1.0)


def test_register_shares_of_india_use_the_printed_total(outflows):
    shares = register_shares(outflows, "IND")
    assert len(shares) == 14 and (shares["register_total"] == 1_249_005).all()
    assert shares.iloc[0]["destination_iso3"] == "SAU" and shares.iloc[0]["value"] == 563_813


def test_no_register_for_an_origin_without_one(outflows):
    assert register_shares(outflows, "LKA").empty


def test_ranking_of_sri_lanka_2022_shares_the_complete_table(outflows):
    ranking = departures_ranking(outflows, "LKA", "2022")
    assert ranking["destination_iso3"].head(4).tolist() == ["KWT", "QAT", "SAU", "ARE"]
    assert ranking["value"].head(4).tolist() == [79_123, 71_954, 53_902, 35_563]
    assert ranking["rank"].head(4).tolist() == [1, 2, 3, 4]
    assert ranking.iloc[0]["share_of_total"] == pytest.approx(79_123 / 311_056)


def test_ranking_of_indonesia_2024_uses_the_final_report_and_its_total(outflows):
    ranking = departures_ranking(outflows, "IDN", "2024")
    assert ranking.iloc[0]["destination_iso3"] == "HKG" and ranking.iloc[0]["value"] == 99_773
    assert ranking["rank"].notna().sum() == 25 and ranking["scope"].tolist()[-1] == "others"
    assert ranking.iloc[0]["share_of_total"] == pytest.approx(99_773 / 297_434)
    assert set(ranking["source_id"]) == {"bp2mi_2024_report"}


def test_ranking_without_a_total_or_complete_list_has_no_shares(outflows):
    ranking = departures_ranking(outflows, "PHL", "2023 H1")
    assert ranking["rank"].notna().sum() == 10 and ranking["share_of_total"].isna().all()


def test_ranking_of_a_period_with_no_destinations_is_empty(outflows):
    assert departures_ranking(outflows, "THA", "FY2024 Q1 (Oct-Dec 2023)").empty
    assert departures_ranking(outflows, "LKA", "1999").empty


def test_ranking_refuses_to_mix_bases(outflows):
    mixed = outflows[outflows["origin_iso3"] == "LKA"].copy()
    mixed.loc[mixed.index[:3], "basis"] = "clearances"
    with pytest.raises(ValueError, match="several bases"):
        departures_ranking(mixed, "LKA", mixed.iloc[0]["period_label"])
    assert not departures_ranking(mixed, "LKA", mixed.iloc[0]["period_label"], basis="registrations").empty


def test_ranking_periods_latest_first(outflows):
    periods = ranking_periods(outflows, "NPL")
    assert periods["period_label"].tolist() == ["FY2077/78 (2020/21)", "FY2016/17", "FY2015/16", "FY2014/15"]
    assert ranking_periods(outflows, "IDN")["period_label"].tolist()[0] == "2024"


def test_nepal_to_malaysia_is_carried_forward_in_the_2024_revision():
    corridors = load_corridors(2024)
    flagged = carried_forward(corridors)
    pair = corridors[(corridors["orig_iso3"] == "NPL") & (corridors["dest_iso3"] == "MYS")]
    by_year = dict(zip(pair["year"], flagged[pair.index]))
    assert by_year[2020] and by_year[2024] and not by_year[2015] and not by_year[2010]
    assert pair.set_index("year").loc[[2015, 2020, 2024], "total"].nunique() == 1


def test_carried_forward_needs_an_identical_published_nonzero_estimate():
    corridors = pd.DataFrame(
        {
            "revision": 2024,
            "orig_iso3": ["A"] * 4 + ["B"] * 2,
            "dest_iso3": "C",
            "year": [2010, 2015, 2020, 2024, 2020, 2024],
            "female": [1, 1, 2, 2, 0, 0],
            "male": [1, 1, 2, 2, 0, 0],
            "total": [2, 2, 4, 4, 0, 0],
        }
    ).sample(frac=1, random_state=1)  # order of rows does not matter
    flagged = carried_forward(corridors)
    assert corridors.loc[flagged, ["orig_iso3", "year"]].sort_values("year").values.tolist() == [
        ["A", 2015],
        ["A", 2024],
    ]
