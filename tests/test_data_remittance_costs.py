"""Cost of sending money: RPW corridor quarters to 2020Q3 and the WDI SDG 10.c country series."""

import pandas as pd
import pytest

from data import load_remittance_costs
from data.build.common import raw_file
from data.build.remittance_costs import build_remittance_costs


@pytest.fixture(scope="module")
def costs() -> pd.DataFrame:
    return load_remittance_costs()


def corridor_cost(table, sender, receiver, period) -> float:
    row = table[
        (table["series_code"] == "ATCR.CORR")
        & (table["sender_iso3"] == sender)
        & (table["receiver_iso3"] == receiver)
        & (table["period"] == period)
    ]
    assert len(row) == 1, f"expected one row for {sender}->{receiver} {period}"
    return float(row["cost_pct"].iloc[0])


@pytest.mark.parametrize(
    ("sender", "receiver", "pct"),
    [
        ("SAU", "IND", 5.45),
        ("ARE", "IND", 2.97),
        ("ARE", "PAK", 4.13),
        ("MYS", "IDN", 5.39),
        ("MYS", "NPL", 3.37),
        ("QAT", "NPL", 4.64),
        ("SGP", "BGD", 2.08),
        ("KOR", "VNM", 3.91),
        ("JPN", "PHL", 9.19),
        ("USA", "PHL", 3.64),
        ("THA", "MMR", 12.33),
    ],
)
def test_2020q3_corridor_costs_match_the_published_figures(costs, sender, receiver, pct):
    assert round(corridor_cost(costs, sender, receiver, "2020Q3"), 2) == pct


def test_saudi_arabia_to_india_equals_the_raw_file(costs, raw_sources):
    raw = pd.read_csv(raw_file(raw_sources / "remittance_costs/rpw_corridor_avg_total_cost_2011q1_2020q3.csv"))
    cell = raw.query("sender_iso3 == 'SAU' and receiver_iso3 == 'IND' and period == '2020Q3'")["avg_total_cost_pct"]
    assert corridor_cost(costs, "SAU", "IND", "2020Q3") == cell.iloc[0] == 5.4533


def test_korea_to_nepal_is_not_an_rpw_corridor(costs):
    assert costs[(costs["sender_iso3"] == "KOR") & (costs["receiver_iso3"] == "NPL")].empty


@pytest.mark.parametrize(
    ("series", "iso3", "pct"),
    [
        ("SI.RMT.COST.IB.ZS", "IND", 5.41),
        ("SI.RMT.COST.IB.ZS", "PHL", 4.57),
        ("SI.RMT.COST.IB.ZS", "NPL", 4.54),
        ("SI.RMT.COST.IB.ZS", "BGD", 4.57),
        ("SI.RMT.COST.IB.ZS", "PAK", 4.02),
        ("SI.RMT.COST.OB.ZS", "JPN", 10.58),
        ("SI.RMT.COST.OB.ZS", "SAU", 4.80),
        ("SI.RMT.COST.OB.ZS", "KOR", 4.74),
        ("SI.RMT.COST.OB.ZS", "MYS", 4.18),
        ("SI.RMT.COST.OB.ZS", "ARE", 4.10),
        ("SI.RMT.COST.OB.ZS", "SGP", 3.31),
    ],
)
def test_wdi_country_costs_in_2020(costs, series, iso3, pct):
    side = "receiver_iso3" if series == "SI.RMT.COST.IB.ZS" else "sender_iso3"
    row = costs[(costs["series_code"] == series) & (costs[side] == iso3) & (costs["period"] == "2020")]
    assert len(row) == 1 and round(float(row["cost_pct"].iloc[0]), 2) == pct


def test_corridor_data_ends_in_2020q3_and_aggregates_are_left_out(costs):
    corridors = costs[costs["series_code"] == "ATCR.CORR"]
    assert corridors["period"].max() == "2020Q3" and corridors["period"].min() == "2011Q1"
    assert len(corridors) == 10_417
    assert corridors.groupby(["sender_iso3", "receiver_iso3"]).ngroups == 377
    assert not costs[["sender_iso3", "receiver_iso3"]].isin(["WLD", "SAS", "EAS", "KSV"]).any().any()


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(costs, raw_sources):
    rebuilt = build_remittance_costs(raw_sources)
    pd.testing.assert_frame_equal(rebuilt[costs.columns], costs, check_dtype=False)
