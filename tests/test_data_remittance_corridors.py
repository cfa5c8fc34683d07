"""Bilateral remittance estimates: the KNOMAD matrices reproduce the published corridors and totals."""

import pandas as pd
import pytest

from data import load_remittance_corridors
from data.build.common import raw_file
from data.build.remittance_corridors import build_remittance_corridors


@pytest.fixture(scope="module")
def corridors() -> pd.DataFrame:
    return load_remittance_corridors()


def estimate(table, year, sender, receiver) -> float:
    row = table[(table["year"] == year) & (table["sender_iso3"] == sender) & (table["receiver_iso3"] == receiver)]
    assert len(row) == 1, f"expected one {year} row for {sender}->{receiver}"
    return float(row["usd_million"].iloc[0])


@pytest.mark.parametrize(
    ("sender", "receiver", "millions"),
    [
        ("ARE", "IND", 19_821),
        ("USA", "IND", 15_808),
        ("SAU", "IND", 13_052),
        ("SAU", "PAK", 8_045),
        ("ARE", "PAK", 5_988),
        ("SAU", "BGD", 4_128),
        ("MYS", "IDN", 2_372),
        ("MYS", "NPL", 1_685),
        ("JPN", "PHL", 1_545),
        ("THA", "MMR", 975),
        ("KOR", "VNM", 919),
        ("SGP", "BGD", 325),
    ],
)
def test_2021_corridors_match_the_published_matrix(corridors, sender, receiver, millions):
    assert round(estimate(corridors, 2021, sender, receiver)) == millions


def test_uae_to_india_equals_the_raw_cell(corridors, raw_sources):
    raw = pd.read_csv(raw_file(raw_sources / "knomad_bilateral_remittances/brm_2021_long.csv"))
    cell = raw[(raw["sender_iso3"] == "ARE") & (raw["receiver_iso3"] == "IND")]["remittances_usd_million"].iloc[0]
    assert estimate(corridors, 2021, "ARE", "IND") == cell == pytest.approx(19_821.05, abs=0.01)


@pytest.mark.parametrize(
    ("receiver", "millions"),
    [
        ("IND", 89_375),
        ("PHL", 36_685),
        ("PAK", 31_312),
        ("BGD", 22_203),
        ("NPL", 8_203),
        ("LKA", 5_522),
        ("CHN", 53_000),
    ],
)
def test_2021_receiver_totals_equal_knomads_inflows_of_the_time(corridors, receiver, millions):
    year_2021 = corridors[corridors["year"] == 2021]
    assert round(year_2021.loc[year_2021["receiver_iso3"] == receiver, "usd_million"].sum()) == millions


def test_2021_world_sum_and_top_senders(corridors):
    year_2021 = corridors[corridors["year"] == 2021]
    assert round(year_2021["usd_million"].sum()) == 781_076
    senders = year_2021.groupby("sender_iso3")["usd_million"].sum().round()
    assert senders[["USA", "SAU", "ARE", "DEU"]].tolist() == [200_216, 46_954, 44_926, 37_363]


def test_every_row_is_labelled_a_modelled_estimate_of_its_edition(corridors):
    assert corridors["basis"].eq("modelled estimate").all()
    assert (corridors["source_id"] == "knomad_brm_" + corridors["year"].astype(str)).all()
    assert corridors.groupby("year").size().to_dict() == {2017: 11_901, 2021: 10_227}
    assert not corridors[["sender_iso3", "receiver_iso3"]].isin(["CHI"]).any().any()


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(corridors, raw_sources):
    rebuilt = build_remittance_corridors(raw_sources)
    pd.testing.assert_frame_equal(rebuilt[corridors.columns], corridors, check_dtype=False)
