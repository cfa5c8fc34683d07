"""The corridor filter model on the shipped tables, with figures checked against the raw UN DESA files."""

import csv

import pandas as pd
import pytest

from data import load_corridor_years, load_corridors
from data.build.common import read_raw_text
from data.filters.corridors import (
    ASIA_PACIFIC,
    CORRIDOR_COLUMNS,
    COUNTRY_COLUMNS,
    MAX_ROWS,
    CorridorFilters,
    area_labels,
    area_members,
    by_year,
    next_point,
    previous_point,
)
from data.profiles import corridor_trend


@pytest.fixture(scope="module")
def rev2020():
    return load_corridors(revision=2020)


@pytest.fixture(scope="module")
def years2020():
    return load_corridor_years(2020)


def raw_persons(raw_sources, revision: int, year: int, origin: str, destination: str) -> int:
    """female + male for one corridor, straight from the published file (there is no total row)."""
    path = raw_sources / "undesa_ims" / f"undesa_ims{revision}_bilateral_by_sex.csv"
    rows = csv.DictReader(read_raw_text(path).splitlines())
    return sum(
        int(float(row["n"]))
        for row in rows
        if row["year"] == str(year) and row["orig_iso3"] == origin and row["dest_iso3"] == destination
    )


def test_default_is_the_25_largest_corridors_with_an_asian_origin_in_the_latest_year(rev2024, countries, years2024):
    table = CorridorFilters().apply(years2024, countries)
    asia = set(countries.loc[countries["region"] == "Asia", "iso3"])
    assert list(table.columns) == CORRIDOR_COLUMNS
    assert len(table) == 25 and set(table["year"]) == {2024} and set(table["revision"]) == {2024}
    assert set(table["orig_iso3"]) <= asia
    assert table["migrants"].is_monotonic_decreasing
    everything_asian = rev2024[(rev2024["year"] == 2024) & rev2024["orig_iso3"].isin(asia)]
    assert table["migrants"].iloc[-1] == everything_asian["total"].nlargest(25).iloc[-1]


def test_india_to_uae_with_its_change_since_2020(countries, raw_sources, years2024):
    table = CorridorFilters(origins=("IND",), destinations=("ARE",)).apply(years2024, countries)
    row = table.iloc[0]
    # SOURCES.md: 2024 revision, India-born in UAE = 2,861,045 (2020) and 3,248,545 (2024).
    assert row["migrants"] == 3_248_545 == raw_persons(raw_sources, 2024, 2024, "IND", "ARE")
    assert row["previous_year"] == 2020 and row["previous_migrants"] == 2_861_045
    assert row["change"] == 387_500 and row["change_pct"] == pytest.approx(13.5)
    assert row["female_share_pct"] == pytest.approx(round(968_227 / 3_248_545 * 100, 1))
    assert (row["origin"], row["destination"]) == ("India", "United Arab Emirates")
    assert row["type_c"] == 1 and row["type_i"] == 0


def test_revision_2020_is_never_mixed_with_2024(countries, raw_sources, years2020):
    table = CorridorFilters(revision=2020, year=2020, origins=("MMR",), destinations=("THA",), origin_areas=()).apply(
        years2020, countries
    )
    # SOURCES.md: Myanmar-born in Thailand, 2020 revision, 2020 = 1,848,270 (the 2024 revision says 1,576,317).
    assert table["migrants"].tolist() == [1_848_270] == [raw_persons(raw_sources, 2020, 2020, "MMR", "THA")]
    assert table["previous_year"].tolist() == [2015]
    default_2020 = CorridorFilters(revision=2020).apply(years2020, countries)
    assert set(default_2020["year"]) == {2020} and set(default_2020["source_id"]) == {"undesa_ims_2020"}


def test_bangladesh_to_saudi_arabia_differs_between_revisions(countries, years2024, years2020):
    pair = {"origins": ("BGD",), "destinations": ("SAU",), "year": 2020}
    assert CorridorFilters(revision=2020, **pair).apply(years2020, countries)["migrants"].tolist() == [1_277_624]
    assert CorridorFilters(revision=2024, **pair).apply(years2024, countries)["migrants"].tolist() == [2_120_004]


@pytest.mark.parametrize("sex", ["female", "male"])
def test_sex_ranks_and_reports_that_sex(rev2024, countries, sex, years2024):
    table = CorridorFilters(sex=sex).apply(years2024, countries)
    assert (table["migrants"] == table[sex]).all() and set(table["sex"]) == {sex}
    assert table["migrants"].is_monotonic_decreasing
    assert table["previous_migrants"].notna().all()
    previous = rev2024[rev2024["year"] == 2020].set_index(["orig_iso3", "dest_iso3"])[sex]
    first = table.iloc[0]
    assert first["previous_migrants"] == previous[(first["orig_iso3"], first["dest_iso3"])]


def test_every_place_filter_narrows(countries, years2024):
    western_asia = set(countries.loc[countries["subregion"] == "Western Asia", "iso3"])
    table = CorridorFilters(destination_areas=("Western Asia",), top_n=200).apply(years2024, countries)
    assert set(table["dest_iso3"]) <= western_asia and len(table) == 200
    nepal = CorridorFilters(origins=("NPL",), top_n=200).apply(years2024, countries)
    assert set(nepal["orig_iso3"]) == {"NPL"} and 10 < len(nepal) < 200
    to_gulf = CorridorFilters(origins=("NPL",), destinations=("QAT", "SAU", "ARE")).apply(years2024, countries)
    assert set(to_gulf["dest_iso3"]) == {"QAT", "SAU", "ARE"}


def test_a_country_outside_the_chosen_area_widens_it(countries, years2024):
    table = CorridorFilters(origins=("MEX",), top_n=200).apply(years2024, countries)  # origin area stays "Asia"
    assert "MEX" in set(table["orig_iso3"]) and len(set(table["orig_iso3"])) > 1
    assert set(table["orig_iso3"]) <= area_members(countries, "Asia") | {"MEX"}


def test_no_rows_keep_the_columns(countries, years2024):
    table = CorridorFilters(origins=("MEX",), destinations=("NPL",), origin_areas=()).apply(years2024, countries)
    assert table.empty and list(table.columns) == CORRIDOR_COLUMNS
    totals = CorridorFilters(origins=("MEX",), destinations=("NPL",), origin_areas=(), view="emigrants").apply(
        years2024, countries
    )
    assert totals.empty and list(totals.columns) == COUNTRY_COLUMNS


def test_asia_and_the_pacific_is_asia_plus_oceania(countries):
    members = area_members(countries, ASIA_PACIFIC)
    assert {"FJI", "AUS", "NPL", "SAU"} <= members and not {"DEU", "USA"} & members
    assert members == area_members(countries, "Asia") | area_members(countries, "Oceania")
    labels = area_labels(countries)
    assert list(labels)[:6] == [ASIA_PACIFIC, "Africa", "Americas", "Asia", "Europe", "Oceania"]
    assert labels["Southern Asia"] == "Southern Asia (UN subregion)" and labels["Asia"] == "Asia (UN region)"


def test_minimum_size_keeps_every_corridor_at_least_that_big(rev2024, countries, years2024):
    table = CorridorFilters(size_mode="minimum", minimum=250_000).apply(years2024, countries)
    asia = area_members(countries, "Asia")
    year = rev2024[(rev2024["year"] == 2024) & rev2024["orig_iso3"].isin(asia)]
    assert len(table) == (year["total"] >= 250_000).sum() and table["migrants"].min() >= 250_000


def test_minimum_size_is_capped_so_the_map_stays_readable(countries, years2024):
    table = CorridorFilters(size_mode="minimum", minimum=10_000, origin_areas=()).apply(years2024, countries)
    assert len(table) == MAX_ROWS
    assert any(f"the {MAX_ROWS:,} largest at most" in line for line in CorridorFilters(size_mode="minimum").describe())


def test_corridors_without_migrants_are_left_out(countries, years2024):
    table = CorridorFilters(year=1990, origins=("NPL",), destinations=("MYS",), origin_areas=()).apply(
        years2024, countries
    )
    assert table.empty  # UN DESA: 0 Nepal-born in Malaysia in 1990


def test_the_first_estimate_year_has_no_change(countries, years2024):
    table = CorridorFilters(year=1990).apply(years2024, countries)
    assert table["previous_year"].isna().all() and table["change"].isna().all() and len(table) == 25


def test_a_year_the_revision_lacks_gives_no_rows(countries, years2020):
    assert CorridorFilters(revision=2020, year=2024).apply(years2020, countries).empty


def test_emigrants_by_origin_sum_the_corridors_in_the_chosen_destinations(rev2024, countries, years2024):
    totals = CorridorFilters(view="emigrants", top_n=200).apply(years2024, countries)
    india = totals.set_index("iso3").loc["IND"]
    rows = rev2024[(rev2024["year"] == 2024) & (rev2024["orig_iso3"] == "IND")]
    assert india["migrants"] == rows["total"].sum() and india["corridors"] == len(rows)
    assert (
        india["previous_migrants"]
        == rev2024[(rev2024["year"] == 2020) & (rev2024["orig_iso3"] == "IND")]["total"].sum()
    )
    to_uae = CorridorFilters(view="emigrants", destinations=("ARE",)).apply(years2024, countries)
    assert to_uae.set_index("iso3").loc["IND", "migrants"] == 3_248_545
    assert totals["country"].iloc[0] == "India" and totals["migrants"].is_monotonic_decreasing


def test_immigrants_by_destination_count_only_the_chosen_origins(rev2024, countries, years2024):
    totals = CorridorFilters(view="immigrants", sex="female").apply(years2024, countries)
    asia = area_members(countries, "Asia")
    year = rev2024[(rev2024["year"] == 2024) & rev2024["orig_iso3"].isin(asia)]
    expected = year.groupby("dest_iso3")["female"].sum().nlargest(25)
    assert totals["iso3"].tolist() == expected.index.tolist()
    assert totals["migrants"].tolist() == expected.tolist()
    assert (totals["female_share_pct"] > 0).all()


def test_describe_names_the_places_and_the_size(countries):
    names = dict(zip(countries["iso3"], countries["name"]))
    lines = CorridorFilters(
        year=2010, origins=("NPL", "BGD"), origin_areas=(ASIA_PACIFIC,), destinations=("QAT",), sex="female", top_n=10
    ).describe(names, area_labels(countries))
    text = "\n".join(lines)
    assert "2024 revision" in text and "Year: 2010" in text and "Sex: female" in text
    assert "Origin: Nepal or Bangladesh, in Asia and the Pacific (UN regions Asia + Oceania)" in text
    assert "Destination: Qatar" in text and "the 10 largest corridors" in text
    assert "Origin: in Asia" in CorridorFilters().describe()
    assert "Destination: any country or area" in CorridorFilters().describe()


def test_estimate_years_step_5_then_4():
    years = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert previous_point(years, 2024) == 2020 and previous_point(years, 1990) is None
    assert next_point(years, 2020) == 2024 and next_point(years, 2024) is None


def test_corridor_trend_covers_every_year_of_the_revision(rev2024):
    trend = corridor_trend(rev2024, "IND", "ARE")
    assert trend["year"].tolist() == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert (trend["total"] == trend["female"] + trend["male"]).all()
    assert trend.loc[trend["year"] == 2020, "total"].item() == 2_861_045
    assert pd.isna(corridor_trend(rev2024, "NPL", "MYS")["female_share"].iloc[0])  # 0 migrants in 1990
    assert corridor_trend(rev2024, "NPL", "XXX").empty


def test_by_year_carries_each_pairs_previous_estimate(rev2024):
    years = by_year(rev2024)
    assert list(years) == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert sum(len(frame) for frame in years.values()) == len(rev2024)
    assert years[1990]["previous_total"].isna().all()
    india_uae = years[2024].set_index(["orig_iso3", "dest_iso3"]).loc[("IND", "ARE")]
    assert (india_uae["previous_female"], india_uae["previous_male"], india_uae["previous_total"]) == (
        842_771,
        2_018_274,
        2_861_045,
    )
    new_in_2024 = years[2024].merge(years[2020][["orig_iso3", "dest_iso3"]], how="left", indicator=True)
    assert years[2024].loc[(new_in_2024["_merge"] == "left_only").to_numpy(), "previous_total"].isna().all()


# --- issue 15: places in one box mean "either"; country groups; a country outside its areas is named ------


@pytest.fixture(scope="module")
def groups():
    from data import load_country_groups

    return load_country_groups()


def test_two_regions_in_one_box_mean_either(countries, years2024):
    filters = CorridorFilters(origins=("NPL",), destination_areas=("Western Asia", "South-eastern Asia"), top_n=200)
    table = filters.apply(years2024, countries)
    assert {"QAT", "MYS"} <= set(table["dest_iso3"]) and set(table["orig_iso3"]) == {"NPL"}
    either = area_members(countries, "Western Asia") | area_members(countries, "South-eastern Asia")
    assert set(table["dest_iso3"]) <= either
    one = CorridorFilters(origins=("NPL",), destination_areas=("Western Asia",), top_n=200).apply(years2024, countries)
    assert len(table) > len(one) > 0


def test_a_country_group_is_a_place_and_its_total_is_the_sum_of_its_members(countries, years2024, groups):
    from data.groups import members, selection_total

    gcc = members(groups, countries, "gcc")
    filters = CorridorFilters(origins=("NPL",), destination_areas=("gcc",), top_n=200)
    table = filters.apply(years2024, countries, groups)
    assert set(table["dest_iso3"]) == set(gcc) == {"ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}
    origins, destinations = filters.end_members(countries, groups)
    assert origins == {"NPL"} and destinations == gcc
    total = selection_total(years2024, 2024, origins, destinations)
    each = [selection_total(years2024, 2024, origins, {code}).migrants for code in sorted(gcc)]
    assert total.migrants == sum(each) == int(table["migrants"].sum())
    assert total.previous_year == 2020 and total.change == total.migrants - total.previous_migrants
    assert "in Gulf Cooperation Council (GCC)" in " ".join(
        filters.describe({}, {"gcc": "Gulf Cooperation Council (GCC)"})
    )


def test_a_country_outside_the_chosen_areas_is_named(countries, groups):
    filters = CorridorFilters(origins=("AUS", "NPL"), destinations=("MYS",), destination_areas=("gcc",))
    assert filters.outside_areas(countries, groups) == {"origin": ["AUS"], "destination": ["MYS"]}
    assert filters.end_places(countries, groups) == {
        "origin": (("AUS", "NPL"), ()),
        "destination": (("MYS",), ("gcc",)),
    }
    origins, destinations = filters.end_members(countries, groups)
    assert origins == {"AUS", "NPL"} and destinations == {"MYS", "ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}
    lines = filters.describe({"MYS": "Malaysia"}, {"gcc": "the GCC"}, countries=countries, groups=groups)
    assert "Destination: Malaysia or in the GCC" in lines
    assert CorridorFilters(origins=("NPL",)).outside_areas(countries, groups) == {}


def test_carried_forward_corridors_are_counted(years2024):
    from components.corridors.figures import carried_forward_pairs
    from data.flows import carried_forward

    corridors = pd.concat(years2024.values(), ignore_index=True).assign(revision=2024)
    flagged = carried_forward(corridors)
    expected = int(flagged[corridors["year"] == 2024].sum())
    assert len(carried_forward_pairs(years2024[2024], None, None)) == expected > 0
    assert carried_forward_pairs(years2024[2024], {"NPL"}, {"MYS"}) == [("NPL", "MYS")]  # 502,596 in 2020 and 2024
