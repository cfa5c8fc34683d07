"""Views of the agreements table: a corridor's agreements, the stock around a signing, coverage, gaps, filters."""

import datetime

import pandas as pd
import pytest

from data import agreements_between, load_agreements, load_corridors, load_countries, load_regional_corridors
from data.agreements import (
    DATE_NOT_RECORDED,
    corridor_gaps,
    corridor_stocks,
    coverage_by_destination,
    covered_corridors,
    has_recorded_agreement,
    pair_history,
    signing_label,
    stock_around_signing,
    with_country_names,
)
from data.build.common import read_raw_csv
from data.filters.agreements import SECTOR_PATTERNS, AgreementFilters, sector_matches


@pytest.fixture(scope="module")
def agreements() -> pd.DataFrame:
    return load_agreements()


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    return load_countries().set_index("iso3")["name"].to_dict()


@pytest.fixture(scope="module")
def corridors_2024() -> pd.DataFrame:
    return load_corridors(revision=2024)


@pytest.fixture(scope="module")
def raw_stock(raw_sources) -> pd.DataFrame:
    raw = read_raw_csv(raw_sources / "undesa_ims/undesa_ims2024_bilateral_by_sex.csv")
    return raw.groupby(["year", "orig_iso3", "dest_iso3"])["n"].sum()


# --- a corridor's agreements --------------------------------------------------------------------------


def test_viet_nam_to_korea_lists_the_eps_chain_oldest_first(agreements):
    rows = agreements_between(agreements, "VNM", "KOR")
    assert rows["agreement_id"].tolist() == [
        "BLMA-KOR-VNM-2008-01",
        "BLMA-KOR-VNM-2013-01",
        "BLMA-KOR-VNM-2015-01",
        "BLMA-KOR-VNM-2017-01",
        "BLMA-KOR-VNM-2018-01",
    ]
    assert agreements_between(agreements, "KOR", "VNM").empty  # one-way instruments count for their direction only


def test_undated_agreements_come_last(agreements):
    rows = agreements_between(agreements, "KHM", "THA")
    assert rows["agreement_id"].tolist() == ["BLMA-THA-KHM-2015-01", "BLMA-THA-KHM-ND-01"]


def test_a_two_way_instrument_counts_for_both_directions(agreements):
    forward, backward = agreements_between(agreements, "VNM", "KHM"), agreements_between(agreements, "KHM", "VNM")
    assert forward["agreement_id"].tolist() == backward["agreement_id"].tolist() == ["BLMA-KHM-VNM-2022-01"]
    covered = covered_corridors(agreements)
    assert {("VNM", "KHM"), ("KHM", "VNM"), ("NPL", "KOR")} <= covered and ("KOR", "NPL") not in covered


def test_corridor_without_a_recorded_agreement_is_empty(agreements):
    assert agreements_between(agreements, "IND", "USA").empty


def test_has_recorded_agreement_marks_corridor_rows(agreements):
    corridors = pd.DataFrame(
        {"orig_iso3": ["NPL", "KOR", "KHM", "IND"], "dest_iso3": ["KOR", "NPL", "VNM", "USA"]}, index=[10, 11, 12, 13]
    )
    marked = has_recorded_agreement(corridors, agreements)
    assert marked.tolist() == [True, False, True, False] and marked.index.tolist() == [10, 11, 12, 13]


def test_pair_history_is_every_instrument_of_the_pair(agreements):
    agreement = agreements.set_index("agreement_id", drop=False).loc["BLMA-KOR-PAK-2022-01"]
    assert pair_history(agreements, agreement)["agreement_id"].tolist() == [
        "BLMA-KOR-PAK-2006-01",
        "BLMA-KOR-PAK-2022-01",
    ]


@pytest.mark.parametrize(
    ("date", "year", "precision", "label"),
    [
        (pd.Timestamp("2007-07-23"), 2007, "day", "23 Jul 2007"),
        (pd.NaT, 2013, "month", "2013 (month in notes)"),
        (pd.NaT, 2006, "year", "2006 (year only)"),
        (pd.NaT, pd.NA, "unknown", DATE_NOT_RECORDED),
    ],
)
def test_signing_label_says_how_precisely_the_date_is_known(date, year, precision, label):
    assert signing_label(date, year, precision) == label


# --- the stock around a signing, against the raw UN DESA file -------------------------------------------


def test_stock_before_and_after_comes_from_un_desa(corridors_2024, raw_stock):
    stock = stock_around_signing(corridors_2024, "VNM", "KOR", 2015)
    assert (stock.before_year, stock.after_year, stock.revision) == (2010, 2020, 2024)
    assert stock.before == raw_stock[2010, "VNM", "KOR"] == 56_508
    assert stock.after == raw_stock[2020, "VNM", "KOR"] == 199_080
    assert stock.source_ids == ("undesa_ims_2024",)


def test_signing_in_an_estimate_year_compares_the_neighbouring_estimates(corridors_2024, raw_stock):
    stock = stock_around_signing(corridors_2024, "NPL", "KOR", 2010)
    assert (stock.before_year, stock.after_year) == (2005, 2015)
    assert stock.after == raw_stock[2015, "NPL", "KOR"]


def test_no_estimate_after_a_recent_signing(corridors_2024):
    stock = stock_around_signing(corridors_2024, "BGD", "SAU", 2025)
    assert stock.before_year == 2024 and stock.after_year is None and stock.after is None


def test_undated_agreement_has_no_before_or_after(corridors_2024):
    stock = stock_around_signing(corridors_2024, "CHN", "KOR", pd.NA)
    assert stock.signing_year is None and stock.before is None and stock.after is None


def test_pair_missing_from_un_desa_is_no_data_not_zero(corridors_2024):
    stock = stock_around_signing(corridors_2024, "NRU", "NZL", 2015)
    pair = corridors_2024[(corridors_2024["orig_iso3"] == "NRU") & (corridors_2024["dest_iso3"] == "NZL")]
    expected = pair.set_index("year")["total"].get(2010)
    assert stock.before == (None if expected is None or pd.isna(expected) else float(expected))


def test_two_way_agreement_shows_both_directions(agreements, corridors_2024):
    agreement = agreements.set_index("agreement_id", drop=False).loc["BLMA-KHM-VNM-2022-01"]
    assert [(origin, destination) for origin, destination, _ in corridor_stocks(corridors_2024, agreement)] == [
        ("VNM", "KHM"),
        ("KHM", "VNM"),
    ]


# --- coverage and gaps ------------------------------------------------------------------------------------


def test_coverage_by_destination(agreements, names):
    coverage = coverage_by_destination(agreements, names).set_index("destination_iso3")
    assert coverage["agreements"].sum() == len(agreements)
    assert coverage.loc["KOR", "agreements"] == 22 and coverage.loc["KOR", "origins"] == 16
    assert coverage.loc["KOR", "with"].startswith("Viet Nam (5)")
    assert coverage.loc["JPN", "agreements"] == 29
    assert coverage.index[0] == "JPN"  # most agreements first
    assert coverage_by_destination(agreements.iloc[:0], names).empty


def test_regional_corridors_are_the_latest_year_within_asia_and_the_pacific(corridors_2024):
    regional = load_regional_corridors(2024)
    region = set(load_countries().query("is_asia_pacific")["iso3"])
    assert set(regional["year"]) == {2024}
    assert set(regional["orig_iso3"]) <= region - {"OOO"} and set(regional["dest_iso3"]) <= region
    assert regional["total"].notna().all()


def test_gaps_are_the_large_corridors_without_an_agreement(agreements):
    regional = load_regional_corridors(2024)
    gaps, considered, year = corridor_gaps(regional, agreements, largest=30)
    assert considered == 30 and 0 < len(gaps) < 30 and year == 2024
    covered = covered_corridors(agreements)
    assert not any(pair in covered for pair in zip(gaps["orig_iso3"], gaps["dest_iso3"]))
    top = regional.nlargest(30, "total")
    kept = set(zip(gaps["orig_iso3"], gaps["dest_iso3"]))
    assert {pair for pair in zip(top["orig_iso3"], top["dest_iso3"]) if pair not in covered} == kept
    assert gaps["rank"].is_monotonic_increasing and gaps["total"].is_monotonic_decreasing
    assert ("IND", "ARE") not in kept  # India-UAE has recorded MOUs


def test_gaps_for_chosen_countries_in_a_role(agreements):
    regional = load_regional_corridors(2024)
    gaps, considered, _ = corridor_gaps(regional, agreements, largest=10, countries=("NPL",), role="origin")
    assert considered == 10 and set(gaps["orig_iso3"]) <= {"NPL"}
    either = corridor_gaps(regional, agreements, largest=10, countries=("NPL",)).gaps
    assert (either["orig_iso3"].eq("NPL") | either["dest_iso3"].eq("NPL")).all()


def test_download_table_names_both_countries(agreements, names):
    table = with_country_names(agreements, names)
    assert list(table.columns[:5]) == ["agreement_id", "origin_iso3", "origin", "destination_iso3", "destination"]
    assert table.set_index("agreement_id").loc["BLMA-KOR-NPL-2007-01", "destination"] == "Republic of Korea"


# --- the filter model -----------------------------------------------------------------------------------


def either_party(agreements, code):
    return agreements["origin_iso3"].eq(code) | agreements["destination_iso3"].eq(code)


def test_no_filter_keeps_every_row(agreements):
    assert len(AgreementFilters().apply(agreements)) == 166
    assert AgreementFilters().describe() == []


def test_country_in_any_role(agreements):
    shown = AgreementFilters(countries=("NPL",)).apply(agreements)
    assert len(shown) == either_party(agreements, "NPL").sum() == 14
    assert either_party(shown, "NPL").all()


@pytest.mark.parametrize(("role", "expected"), [("origin", 0), ("destination", 22)])
def test_country_in_a_role(agreements, role, expected):
    assert len(AgreementFilters(countries=("KOR",), role=role).apply(agreements)) == expected


def test_a_two_way_instrument_matches_either_role(agreements):
    for role in ("origin", "destination"):
        shown = AgreementFilters(countries=("KHM",), role=role).apply(agreements)
        assert "BLMA-KHM-VNM-2022-01" in set(shown["agreement_id"])
    as_origin = AgreementFilters(countries=("KHM",), role="origin").apply(agreements)
    assert (as_origin["origin_iso3"].eq("KHM") | as_origin["two_way"]).all()


def test_instrument_type(agreements):
    shown = AgreementFilters(instrument_types=("Memorandum of cooperation", "Protocol")).apply(agreements)
    assert len(shown) == 33 and set(shown["instrument_type"]) == {"Memorandum of cooperation", "Protocol"}


def test_sector_matches_the_published_words(agreements):
    eps = AgreementFilters(sectors=("Korea EPS",)).apply(agreements)
    assert len(eps) == 22 and set(eps["destination_iso3"]) == {"KOR"}
    domestic = AgreementFilters(sectors=("Domestic work",)).apply(agreements)
    assert domestic["scheme_or_sector"].str.lower().str.contains("domestic").all()
    both = AgreementFilters(sectors=("Korea EPS", "Japan SSW")).apply(agreements)
    assert len(both) == 22 + 17  # Japan SSW: 13 MOCs in the base inventory, 4 in the additions


@pytest.mark.parametrize("sector", list(SECTOR_PATTERNS))
def test_every_sector_option_matches_some_agreement(agreements, sector):
    assert sector_matches(agreements["scheme_or_sector"], sector).any()


def test_signing_period_leaves_out_undated_rows(agreements):
    shown = AgreementFilters(period=(2015, 2019)).apply(agreements)
    assert shown["year_signed"].between(2015, 2019).all() and shown["year_signed"].notna().all()
    assert len(shown) == agreements["year_signed"].between(2015, 2019).sum()


def test_filters_combine_and_describe_themselves(agreements, names):
    filters = AgreementFilters(countries=("PHL",), role="origin", instrument_types=("MOU",), period=(2000, 2020))
    shown = filters.apply(agreements)
    assert len(shown) == 6 and shown["origin_iso3"].eq("PHL").all()
    assert filters.describe(names=names) == [
        "Countries as origin: Philippines (PHL)",
        "Instrument type: MOU",
        "Signed 2000-2020 (agreements with no recorded date left out)",
    ]


def test_dates_are_real_dates(agreements):
    assert isinstance(agreements["date_signed"].dropna().iloc[0].date(), datetime.date)
