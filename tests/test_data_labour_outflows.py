"""Worker departures: every published figure kept as printed, checked against the raw files and SOURCES.md."""

import pandas as pd
import pytest

from data import CATALOG, load_deployments, load_labour_outflows, load_sources
from data.build import labour_outflows as builder
from data.build.common import read_raw_csv
from data.filters.remittances import sri_lanka_departures
from data.flows import figure_key
from tests.test_data_problems import problem_for, replace_field


@pytest.fixture(scope="module")
def outflows() -> pd.DataFrame:
    return load_labour_outflows()


def rows(table, origin, **equal) -> pd.DataFrame:
    selected = table[table["origin_iso3"] == origin]
    for column, value in equal.items():
        selected = selected[selected[column] == value]
    return selected


def one_value(table, origin, **equal) -> int:
    selected = rows(table, origin, **equal)
    assert len(selected) == 1, selected
    return int(selected["value"].iloc[0])


def year_rows(table, origin, year: int, **equal) -> pd.DataFrame:
    return rows(table, origin, period_kind="calendar_year", **equal).query("period_start.dt.year == @year")


# --- shipped = built; every raw figure is a row ---------------------------------------------------


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(raw_sources):
    rebuilt, sources = builder.build_labour_outflows(raw_sources)
    assert rebuilt.to_csv(index=False) == CATALOG["labour_outflows"].path.read_text(encoding="utf-8")
    assert {source["source_id"] for source in sources} <= set(load_sources()["source_id"])


def test_catalog_describes_every_column(outflows):
    assert list(CATALOG["labour_outflows"].columns) == list(outflows.columns)


@pytest.mark.parametrize(
    ("raw_file", "origin_rows"),
    [
        (builder.BP2MI_FILE, {"IDN": 81}),
        (builder.SLBFE_2025_FILE, {"LKA": 39}),
        (builder.BMET_OEP_FILE, {"BGD": 158}),
        (builder.EMIGRATE_FILE, {"IND": 15}),
        (builder.PRESS_FILE, {"BGD": 30, "PAK": 22, "IDN": 21, "PHL": 18, "NPL": 13, "VNM": 12, "IND": 3, "THA": 1}),
    ],
)
def test_every_raw_figure_is_one_row_with_its_value(outflows, raw_sources, raw_file, origin_rows):
    raw = read_raw_csv(raw_sources / raw_file)
    assert raw["origin_iso3"].value_counts().to_dict() == origin_rows
    source_ids = (
        set(outflows.loc[outflows["source_id"].str.startswith("lof_"), "source_id"])
        if raw_file == builder.PRESS_FILE
        else None
    )
    for _, figure in raw.iterrows():
        candidates = outflows[
            (outflows["origin_iso3"] == figure["origin_iso3"])
            & (outflows["destination_as_published"] == figure["destination_as_printed"])
            & (outflows["sex"] == figure["sex"])
            & (outflows["value"] == figure["value"])
        ]
        if source_ids is not None:
            candidates = candidates[candidates["source_id"] == builder.press_source_id(figure["source_url"])]
        assert len(candidates) >= 1, figure.to_dict()


def test_every_sri_lanka_deployments_row_is_in_the_table_with_the_same_value(outflows):
    deployments = load_deployments()
    sri_lanka = rows(outflows, "LKA", period_kind="calendar_year").assign(
        year=lambda frame: frame["period_start"].dt.year
    )
    joined = deployments.merge(
        sri_lanka,
        how="left",
        indicator=True,
        left_on=["year", "destination_as_published", "sex", "skill_level"],
        right_on=["year", "destination_as_published", "sex", "worker_category"],
        validate="one_to_one",
    )
    assert (joined["_merge"] == "both").all() and len(joined) == len(deployments) == 2_570
    assert joined["departures"].equals(joined["value"])
    assert (joined["dest_iso3"].fillna("") == joined["destination_iso3"].fillna("")).all()
    assert joined["source_id_x"].equals(joined["source_id_y"])


# --- printed totals = sums, where the raw files say so ------------------------------------------


@pytest.mark.parametrize(("year", "printed"), [(2022, 200_717), (2023, 297_108), (2024, 297_434)])
def test_bp2mi_year_columns_sum_to_the_printed_totals(outflows, year, printed):
    table = year_rows(outflows, "IDN", year, table_id=f"bp2mi_2024_report_{year}")
    assert len(table) == 27
    assert one_value(table, "IDN", scope="total") == printed
    assert int(table.loc[table["scope"] != "total", "value"].sum()) == printed


def test_bp2mi_three_year_total_and_sanity_figures(outflows):
    final = rows(outflows, "IDN", source_id=builder.BP2MI_SOURCE_ID)
    assert int(final.loc[final["scope"] == "total", "value"].sum()) == 795_259
    year_2024 = final[final["period_start"].dt.year == 2024].set_index("destination_iso3")["value"]
    assert year_2024[["HKG", "TWN", "MYS", "JPN", "SGP"]].tolist() == [99_773, 84_581, 51_723, 12_720, 10_819]
    assert one_value(final, "IDN", destination_iso3="HKG", period_label="2023") == 88_167


def test_sri_lanka_2025_extends_the_series_and_sums_to_the_printed_total(outflows):
    year_2025 = year_rows(outflows, "LKA", 2025)
    assert len(year_2025) == 39 and set(year_2025["source_id"]) == {"slbfe_2025"}
    assert int(year_2025["value"].sum()) == builder.SLBFE_2025_PRINTED_TOTAL == 311_223
    assert one_value(year_2025, "LKA", destination_iso3="KWT") == 77_657
    totals_2024 = year_rows(outflows, "LKA", 2024, sex="total", worker_category="all")
    assert int(totals_2024["value"].sum()) == 314_786
    assert one_value(totals_2024, "LKA", destination_iso3="KWT") == 77_917


@pytest.mark.parametrize(("year", "published"), [(2020, 53_875), (2021, 122_264), (2022, 311_056), (2023, 297_656)])
def test_sri_lanka_year_totals_match_slbfe(outflows, year, published):
    totals = year_rows(outflows, "LKA", year, sex="total", worker_category="all")
    assert int(totals["value"].sum()) == published


def test_sri_lanka_view_departures_add_up_to_the_deployments_totals(outflows):
    """The Remittances page's Sri Lanka view counts departures from this table, the deployments table holds the
    same SLBFE figures: both give each year the same total."""
    totals = load_deployments().query("sex == 'total' and skill_level == 'all'").groupby("year")["departures"].sum()
    assert totals[2022] == 311_056
    for year, total in totals.items():
        assert sri_lanka_departures(outflows, year)["departures"].sum() == total, year


def test_bangladesh_register_is_cumulative_with_the_stated_sum_and_top_five(outflows):
    register = rows(outflows, "BGD", source_id=builder.BMET_OEP_SOURCE_ID)
    assert len(register) == 158 and set(register["period_kind"]) == {"cumulative"}
    assert (register["period_start"].min(), register["period_end"].max()) == (
        pd.Timestamp("2023-06-04"),
        pd.Timestamp("2026-09-21"),
    )
    assert int(register["value"].sum()) == 3_483_880
    top = register.nlargest(5, "value")
    assert top["destination_iso3"].tolist() == ["SAU", "MYS", "QAT", "SGP", "ARE"]
    assert top["value"].tolist() == [1_990_580, 311_771, 275_294, 215_020, 142_959]
    assert register["destination_iso3"].eq("CIV").sum() == 2
    assert register.loc[register["destination_as_published"] == "Congo", "destination_iso3"].isna().all()


def test_india_register_total_row_equals_its_fourteen_destinations(outflows):
    register = rows(outflows, "IND", source_id=builder.EMIGRATE_SOURCE_ID)
    assert len(register) == 15 and set(register["period_kind"]) == {"cumulative"}
    assert one_value(register, "IND", scope="total") == 1_249_005
    assert int(register.loc[register["scope"] == "destination", "value"].sum()) == 1_249_005


def test_no_register_is_labelled_as_a_year(outflows):
    registers = outflows[outflows["source_id"].isin([builder.BMET_OEP_SOURCE_ID, builder.EMIGRATE_SOURCE_ID])]
    assert (registers["period_kind"] == "cumulative").all()
    assert (
        outflows.loc[outflows["period_kind"] == "cumulative", "source_id"]
        .isin([builder.BMET_OEP_SOURCE_ID, builder.EMIGRATE_SOURCE_ID])
        .all()
    )


def test_only_complete_itemisations_claim_to_sum_to_their_totals(outflows):
    complete = outflows[outflows["parts_complete"]]
    assert set(complete["origin_iso3"]) == {"LKA", "IDN", "BGD", "IND"}
    assert not rows(outflows, "PHL")["parts_complete"].any()
    # The Philippine H1 2023 destinations do not add up to the land-based total printed beside them.
    h1 = rows(outflows, "PHL", period_label="2023 H1")
    assert int(h1.loc[h1["scope"] != "total", "value"].sum()) == 913_098
    assert one_value(h1, "PHL", worker_category="land-based") == 966_479
    assert one_value(h1, "PHL", worker_category="sea-based") == 324_941


# --- the press figures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numerator", "year", "total", "share"),
    [
        (514_725, 2022, 832_339, 61.8),
        (452_562, 2024, 727_381, 62.2),
        (426_951, 2023, 862_625, 49.5),
    ],
)
def test_pakistan_shares_of_the_printed_totals(outflows, numerator, year, total, share):
    assert one_value(year_rows(outflows, "PAK", year), "PAK", destination_iso3="SAU") == numerator
    assert one_value(year_rows(outflows, "PAK", year), "PAK", scope="total") == total
    assert round(numerator / total * 100, 1) == share


def test_bangladesh_2022_disagreement_keeps_both_and_shows_one(outflows):
    totals = year_rows(outflows, "BGD", 2022, scope="total")
    assert sorted(totals["value"]) == [1_110_034, 1_135_873]
    assert totals.loc[totals["is_shown"], "value"].tolist() == [1_135_873]
    hidden = totals[~totals["is_shown"]]
    assert "disagree" in hidden["note"].iloc[0] and "Observer" in hidden["note"].iloc[0]
    saudi = year_rows(outflows, "BGD", 2022, destination_iso3="SAU")
    assert sorted(saudi["value"]) == [612_409, 612_418] and saudi["is_shown"].sum() == 1
    uae = year_rows(outflows, "BGD", 2022, destination_iso3="ARE")
    assert sorted(uae["value"]) == [98_452, 101_775] and uae["is_shown"].sum() == 1


def test_bangladesh_2024_partial_year_by_sex(outflows):
    partial = rows(outflows, "BGD", period_kind="partial_year")
    by_sex = partial.set_index("sex")["value"]
    assert (by_sex["male"], by_sex["female"], by_sex["total"]) == (858_225, 71_778, 930_003)
    assert by_sex["male"] + by_sex["female"] == by_sex["total"]


def test_indonesia_superseded_release_is_kept_but_not_shown(outflows):
    early = year_rows(outflows, "IDN", 2023, scope="total")
    assert sorted(early["value"]) == [274_965, 297_108]
    assert early.loc[early["is_shown"], "value"].tolist() == [297_108]
    assert "superseded" in early.loc[~early["is_shown"], "note"].iloc[0]
    hong_kong = year_rows(outflows, "IDN", 2023, destination_iso3="HKG")
    assert hong_kong.set_index("is_shown")["value"].to_dict() == {True: 88_167, False: 65_916}
    preliminary = rows(outflows, "IDN", period_label="2024 (to 30 Dec)")
    assert len(preliminary) == 6 and not preliminary["is_shown"].any()
    # Figures only the earlier pages give (January-October 2023 by sex) stay shown.
    assert rows(outflows, "IDN", period_label="2023-01 to 2023-10")["is_shown"].all()


def test_periods_and_bases_of_the_press_figures(outflows):
    nepal = rows(outflows, "NPL")
    assert set(nepal["basis"]) == {"labour_permits"}
    assert one_value(nepal, "NPL", period_label="FY2077/78 (2020/21)", scope="total") == 166_698
    assert set(nepal.loc[nepal["period_label"].str.startswith("FY20"), "period_kind"]) <= {
        "fiscal_year",
        "partial_year",
    }
    assert set(rows(outflows, "PHL", period_label="2023 H1")["period_kind"]) == {"half_year"}
    assert rows(outflows, "THA")["period_kind"].tolist() == ["quarter"]
    unstated = rows(outflows, "PAK", period_kind="unstated")
    assert len(unstated) == 4 and unstated["period_start"].isna().all() and not unstated["is_shown"].any()
    vietnam = year_rows(outflows, "VNM", 2023)
    assert vietnam.set_index("destination_as_published")["value_precision"].to_dict()["TOTAL"] == "rounded"
    assert (vietnam.loc[vietnam["scope"] == "destination", "value_precision"] == "lower_bound").all()
    gulf = rows(outflows, "IND", scope="region")
    assert gulf["value"].tolist() == [94_145, 132_763, 189_206]


def test_bases_by_origin(outflows):
    bases = outflows.groupby("origin_iso3")["basis"].unique().map(sorted).to_dict()
    assert bases == {
        "BGD": ["clearances"],
        "IDN": ["placements"],
        "IND": ["clearances"],
        "LKA": ["registrations"],
        "NPL": ["labour_permits"],
        "PAK": ["registrations"],
        "PHL": ["deployments"],
        "THA": ["departures_all_channels"],
        "VNM": ["contract_departures"],
    }


def test_at_most_one_shown_publication_per_figure(outflows):
    shown = outflows[outflows["is_shown"]]
    assert shown.groupby(figure_key(shown))["table_id"].nunique().max() == 1


# --- the schema refuses bad rows ----------------------------------------------------------------


def line_of(path, **equal) -> int:
    table = pd.read_csv(path, keep_default_na=False, na_values=[""])
    for column, value in equal.items():
        table = table[table[column] == value]
    return int(table.index[0]) + 2


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("basis", "visas", "basis"),
        ("period_end", "2016-12-31", "period start <= end"),
        ("period_kind", "fiscal_year", "period_kind as the dates give it"),
        ("origin_iso3", "ZZZ", "countries table"),
        ("source_id", "nowhere", "source_id"),
        ("scope", "everything", "scope"),
    ],
)
def test_bad_rows_are_refused_with_their_line(tables_copy, column, value, fragment):
    path = tables_copy / "labour_outflows.csv"
    line = line_of(path, origin_iso3="BGD", period_label="2017")
    replace_field(path, line, column, value)
    problem = problem_for(load_labour_outflows)
    assert fragment in str(problem) and f"line {line}" in str(problem)


def test_unknown_destination_code_is_refused(tables_copy):
    path = tables_copy / "labour_outflows.csv"
    replace_field(path, line_of(path, destination_iso3="SAU"), "destination_iso3", "XXX")
    assert "countries table" in str(problem_for(load_labour_outflows))


def test_a_changed_part_of_a_complete_table_no_longer_matches_its_total(tables_copy):
    path = tables_copy / "labour_outflows.csv"
    replace_field(path, line_of(path, table_id="bp2mi_2024_report_2024", destination_iso3="HKG"), "value", "99774")
    assert "add up to its printed total" in str(problem_for(load_labour_outflows))


def test_two_shown_publications_of_one_figure_are_refused(tables_copy):
    path = tables_copy / "labour_outflows.csv"
    replace_field(path, line_of(path, origin_iso3="BGD", value=1_110_034), "is_shown", "True")
    assert "at most one shown row per figure" in str(problem_for(load_labour_outflows))


def test_a_total_with_a_destination_code_is_refused(tables_copy):
    path = tables_copy / "labour_outflows.csv"
    replace_field(path, line_of(path, origin_iso3="BGD", period_label="2017"), "destination_iso3", "SAU")
    assert "only a destination row names a destination country" in str(problem_for(load_labour_outflows))
