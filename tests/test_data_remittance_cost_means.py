"""Corridor costs to 2025Q1, computed as the mean of RPW provider quotes: a separate, labelled series."""

import pandas as pd
import pytest

from data import CATALOG, load_remittance_cost_means, load_remittance_costs
from data.build import remittance_cost_means as builder
from tests.test_data_problems import problem_for, replace_field


@pytest.fixture(scope="module")
def means() -> pd.DataFrame:
    return load_remittance_cost_means()


def mean_cost(table, sender, receiver, period) -> float:
    row = table[(table["sender_iso3"] == sender) & (table["receiver_iso3"] == receiver) & (table["period"] == period)]
    assert len(row) == 1, f"expected one row for {sender}->{receiver} {period}"
    return float(row["cost_pct"].iloc[0])


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(raw_sources):
    rebuilt = builder.build_remittance_cost_means(raw_sources)
    assert rebuilt.to_csv(index=False) == CATALOG["remittance_cost_means"].path.read_text(encoding="utf-8")


def test_catalog_describes_every_column(means):
    assert list(CATALOG["remittance_cost_means"].columns) == list(means.columns)


def test_coverage_matches_sources_md(means):
    assert len(means) == 10_468 and means["period"].nunique() == 36
    assert (means["period"].min(), means["period"].max()) == ("2016Q2", "2025Q1")
    assert means["rpw_corridor_code"].nunique() == 300
    assert means["after_published_series"].sum() == 5_126
    assert set(means["series"]) == {"mean of RPW provider quotes, computed"}
    # 300 RPW corridor codes; Germany -> Kosovo appears under two codes (DEUKSV, DEUXKX), so 299 country pairs.
    assert means.groupby(["sender_iso3", "receiver_iso3"]).ngroups == 299
    pairs = means.drop_duplicates(["sender_iso3", "receiver_iso3"])
    per_corridor = pairs["reproduces_published"].value_counts().to_dict()
    assert per_corridor == {
        "matches_official": 186,
        "mostly_matches": 54,
        "differs_from_official": 58,
        "not_checkable": 1,
    }


@pytest.mark.parametrize(
    ("sender", "receiver", "q4_2024", "q1_2025"),
    [
        ("SAU", "IND", 5.71, 5.77),
        ("ARE", "PAK", 1.93, 1.42),
        ("MYS", "NPL", 2.93, 3.08),
        ("SGP", "BGD", 3.86, 5.13),
        ("KOR", "VNM", 5.36, 5.38),
        ("JPN", "PHL", 6.64, 6.03),
        ("USA", "PHL", 4.96, 4.78),
        ("THA", "MMR", 9.48, 10.37),
    ],
)
def test_sample_of_the_new_quarters(means, sender, receiver, q4_2024, q1_2025):
    assert round(mean_cost(means, sender, receiver, "2024Q4"), 2) == q4_2024
    assert round(mean_cost(means, sender, receiver, "2025Q1"), 2) == q1_2025


def test_thailand_myanmar_is_flagged_as_differing(means):
    flags = means.loc[(means["sender_iso3"] == "THA") & (means["receiver_iso3"] == "MMR"), "reproduces_published"]
    assert set(flags) == {"differs_from_official"}


@pytest.mark.parametrize(
    ("sender", "receiver", "pct"),
    [
        ("SAU", "IND", 5.4533),
        ("ARE", "IND", 2.9676),
        ("MYS", "NPL", 3.3654),
        ("KOR", "VNM", 3.9123),
        ("JPN", "PHL", 9.1887),
        ("THA", "MMR", 12.3294),
    ],
)
def test_2020q3_computed_means_reproduce_the_published_averages(means, sender, receiver, pct):
    published = load_remittance_costs()
    row = published[
        (published["series_code"] == "ATCR.CORR")
        & (published["sender_iso3"] == sender)
        & (published["receiver_iso3"] == receiver)
        & (published["period"] == "2020Q3")
    ]
    assert mean_cost(means, sender, receiver, "2020Q3") == pct == float(row["cost_pct"].iloc[0])


def test_published_table_is_unchanged_and_separate(means):
    published = load_remittance_costs()
    assert published["period"].max() == "2020Q3" and len(published) == 11_767
    assert means["source_id"].nunique() == 1 and not set(means["source_id"]) & set(published["source_id"])


def test_a_quarter_wrongly_marked_as_after_the_published_series_is_refused(tables_copy):
    path = tables_copy / "remittance_cost_means.csv"
    periods = pd.read_csv(path, usecols=["period"])["period"].tolist()
    replace_field(path, periods.index("2016Q2") + 2, "after_published_series", "True")
    assert "after_published_series" in str(problem_for(load_remittance_cost_means))
