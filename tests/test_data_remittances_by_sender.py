"""Sri Lanka's reported remittances by sending country, 2023 (SLBFE Table 46, Central Bank data)."""

import pandas as pd
import pytest

from data import load_remittances_by_sender
from data.build.remittances_by_sender import build_remittances_by_sender


@pytest.fixture(scope="module")
def by_sender() -> pd.DataFrame:
    return load_remittances_by_sender()


def test_rows_sum_to_the_published_total(by_sender):
    assert len(by_sender) == 31
    assert round(by_sender["total_usd_million"].sum(), 1) == 5_969.3


@pytest.mark.parametrize(
    ("sender", "total", "q4"),
    [("SAU", 542.7, 154.9), ("KWT", 643.9, 170.9), ("ARE", 575.1, 155.0), ("KOR", 420.0, 124.3), ("HKG", 18.3, 4.3)],
)
def test_values_match_the_raw_file(by_sender, sender, total, q4):
    row = by_sender[by_sender["sender_iso3"] == sender].iloc[0]
    assert (row["total_usd_million"], row["q4_usd_million"]) == (total, q4)


def test_other_has_no_code_and_every_row_is_reported(by_sender):
    other = by_sender[by_sender["sender_as_published"] == "Other"]
    assert other["sender_iso3"].isna().all()
    assert by_sender["sender_iso3"].notna().sum() == 30
    assert by_sender["basis"].str.startswith("reported").all() and (by_sender["receiver_iso3"] == "LKA").all()


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(by_sender, raw_sources):
    rebuilt = build_remittances_by_sender(raw_sources)
    pd.testing.assert_frame_equal(rebuilt[by_sender.columns], by_sender, check_dtype=False)
