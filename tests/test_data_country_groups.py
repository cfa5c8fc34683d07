"""Country groups: the transcription, the build, the shipped table and its schema, and the helpers pages call
(group places, members, and the total of a selection with its change since the previous estimate)."""

import csv
import hashlib
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from data import (
    CATALOG,
    DataProblem,
    load_corridor_years,
    load_corridors,
    load_countries,
    load_country_groups,
    load_sources,
    read_table,
)
from data.build import country_groups as builder
from data.build.countries import INCOME
from data.filters.corridors import ASIA_PACIFIC, area_members
from data.groups import (
    GROUP_KINDS,
    TABLE_COLUMNS,
    SelectionTotal,
    group_labels,
    members,
    place_group_labels,
    selection_members,
    selection_total,
)

REPO = Path(__file__).resolve().parents[1]
TRANSCRIBED = REPO / "data" / "raw" / "sources" / "country_groups"
# Member counts as the cited pages state them ("six", "11th member", "Membership (8)", "12 countries",
# "currently has 20 member states"): the transcription must hold exactly these.
STATED_COUNTS = {"gcc": 6, "asean": 11, "saarc": 8, "colombo_process": 12, "abu_dhabi_dialogue": 20}
WB_GROUPS = {"wb_east_asia_pacific": "East Asia & Pacific", "wb_south_asia": "South Asia"}


@pytest.fixture
def raw(tmp_path, raw_sources) -> Path:
    """A sources folder holding the transcription shipped in the repo and the World Bank file beside it."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "country_groups").symlink_to(TRANSCRIBED)
    (folder / "country_classification").symlink_to(raw_sources / "country_classification")
    return folder


@pytest.fixture(scope="module")
def groups() -> pd.DataFrame:
    return load_country_groups()


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return load_countries()


def transcription() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((TRANSCRIBED / "country_groups.csv").read_text(encoding="utf-8"))))


# --- transcription, build and shipped table -----------------------------------------------------


def test_building_from_raw_reproduces_the_shipped_table(raw):
    built = builder.build_country_groups(raw)
    assert built.to_csv(index=False).encode() == CATALOG["country_groups"].path.read_bytes()


def test_the_shipped_sources_hold_the_builders_page_rows():
    shipped = load_sources().set_index("source_id")
    for row in builder.SOURCES:
        assert shipped.loc[row["source_id"], "url"] == row["url"]
        assert shipped.loc[row["source_id"], "dataset"] == row["dataset"]


def test_membership_counts_are_those_the_pages_state_and_the_table_holds_them(groups):
    rows = transcription()
    transcribed = pd.Series([row["group_key"] for row in rows]).value_counts().to_dict()
    assert transcribed == STATED_COUNTS
    shipped = groups.groupby("group_key")["iso3"].nunique().to_dict()
    assert {key: shipped[key] for key in STATED_COUNTS} == STATED_COUNTS
    assert set(shipped) == set(STATED_COUNTS) | set(WB_GROUPS)


def test_world_bank_regions_are_every_economy_the_file_places_there(groups, raw):
    with (raw / INCOME).open(encoding="utf-8") as file:
        economies = [row for row in csv.DictReader(file) if row["is_aggregate"] == "False"]
    for key, region in WB_GROUPS.items():
        expected = {row["iso3"] for row in economies if row["wb_region"] == region}
        assert set(groups.loc[groups["group_key"] == key, "iso3"]) == expected
    assert len(members(groups, load_countries(), "wb_south_asia")) == 8


def test_timor_leste_is_in_asean_with_the_admission_date_its_page_gives(groups):
    asean = groups[groups["group_key"] == "asean"].set_index("iso3")
    assert asean.loc["TLS", "joined"] == "2025-10-26"
    assert asean.loc["TLS", "membership_as_of"] == "2025-10-26"
    assert (asean.drop(index="TLS")["joined"] <= "1999").all()


def test_every_row_names_the_page_it_was_read_on(groups):
    sources = load_sources().set_index("source_id")
    for row in transcription():
        shipped = groups[(groups["group_key"] == row["group_key"]) & (groups["iso3"] == row["iso3"])]
        assert len(shipped) == 1
        assert sources.loc[shipped["source_id"].iloc[0], "url"] == row["source_url"]
    for source_id in groups["source_id"].unique():
        assert sources.loc[source_id, ["publisher", "dataset", "url"]].notna().all(), source_id


def test_the_manifest_describes_the_transcription():
    manifest = json.loads((TRANSCRIBED / "MANIFEST.json").read_text(encoding="utf-8"))
    shipped = (TRANSCRIBED / "country_groups.csv").read_bytes()
    [entry] = manifest["files"]
    assert (entry["bytes"], entry["sha256"]) == (len(shipped), hashlib.sha256(shipped).hexdigest())
    assert {group["group"]: group["members"] for group in manifest["groups"]} == STATED_COUNTS
    urls = {row["source_url"] for row in transcription()}
    assert {group["url"] for group in manifest["groups"]} == urls
    assert all("read through the search tool on 2026-12-01" in group["obtained"] for group in manifest["groups"])


def test_catalog_lists_the_columns_in_table_order(groups):
    assert list(CATALOG["country_groups"].columns) == TABLE_COLUMNS == list(groups.columns)
    assert set(groups["kind"]) <= set(GROUP_KINDS)


def test_a_transcribed_page_with_no_source_row_stops_the_build(raw, tmp_path):
    copy = tmp_path / "copy"
    (copy / "country_groups").mkdir(parents=True)
    (copy / "country_classification").symlink_to(raw / "country_classification")
    text = (TRANSCRIBED / "country_groups.csv").read_text(encoding="utf-8")
    (copy / "country_groups" / "country_groups.csv").write_text(
        text.replace("https://ianslive.in/", "https://example.org/"), encoding="utf-8"
    )
    with pytest.raises(ValueError, match="example.org"):
        builder.build_country_groups(copy)


# --- schema -------------------------------------------------------------------------------------


def _codes_and_sources() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(load_countries()["iso3"]), frozenset(load_sources()["source_id"])


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda t: t.assign(iso3=t["iso3"].where(t.index != 3, "ZZZ")), "iso3"),
        (lambda t: pd.concat([t, t.iloc[[0]]]), "group_key"),
        (lambda t: t.assign(kind=t["kind"].where(t.index != 0, "trade bloc")), "kind"),
        (lambda t: t.assign(source_id=t["source_id"].where(t.index != 0, "nowhere")), "source_id"),
        (lambda t: t.assign(group_name=t["group_name"].where(t.index != 0, "Gulf")), "one group_name"),
        (lambda t: t.assign(joined=t["joined"].where(t.index != 0, "25 May 1981")), "joined"),
    ],
)
def test_schema_refuses_bad_rows(tmp_path, change, complaint):
    table = pd.read_csv(CATALOG["country_groups"].path, keep_default_na=False, na_values=[""], dtype=str)
    path = tmp_path / "country_groups.csv"
    change(table).to_csv(path, index=False)
    with pytest.raises(DataProblem, match=complaint):
        codes, source_ids = _codes_and_sources()
        read_table("country_groups", path, country_codes=codes, source_ids=source_ids)


# --- helpers: places ------------------------------------------------------------------------------


def test_group_labels_name_each_group_with_its_size(groups):
    labels = group_labels(groups)
    assert list(labels)[:2] == ["gcc", "asean"]
    assert labels["gcc"] == "Gulf Cooperation Council (GCC), 6 members"
    assert labels["wb_east_asia_pacific"] == "East Asia & Pacific (World Bank region), 37 members"


def test_groups_and_un_areas_are_places_alike(groups, countries):
    labels = place_group_labels(groups, countries)
    assert {"gcc", "saarc", ASIA_PACIFIC, "Western Asia"} <= set(labels)
    assert members(groups, countries, "gcc") == {"ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}
    assert members(groups, countries, ASIA_PACIFIC) == area_members(countries, ASIA_PACIFIC)
    assert members(groups, countries, "Western Asia") == area_members(countries, "Western Asia")
    assert {"CYP", "GEO"} <= members(groups, countries, "Western Asia")  # why Western Asia is no stand-in for GCC
    with pytest.raises(KeyError, match="Gulf"):
        members(groups, countries, "Gulf")


def test_a_selection_is_the_union_of_its_countries_and_groups(groups, countries):
    assert selection_members(groups, countries) is None
    chosen = selection_members(groups, countries, codes=["MYS"], keys=["gcc", "abu_dhabi_dialogue"])
    assert chosen == members(groups, countries, "abu_dhabi_dialogue")  # GCC and Malaysia are ADD members
    assert len(chosen) == 20


# --- helpers: the total of a selection, on the 2024 revision ----------------------------------------


@pytest.fixture(scope="module")
def years_2024() -> dict[int, pd.DataFrame]:
    return load_corridor_years(2024)


def _independent_sum(year: int, origins, destinations, sex: str) -> int:
    table = load_corridors(2024)
    rows = table[(table["year"] == year) & table["orig_iso3"].isin(origins) & table["dest_iso3"].isin(destinations)]
    return int(rows[sex].sum())


@pytest.mark.parametrize("sex", ["total", "female"])
def test_a_group_total_is_the_sum_of_its_members(groups, countries, years_2024, sex):
    gcc = members(groups, countries, "gcc")
    total = selection_total(years_2024, 2024, {"NPL"}, gcc, sex)
    by_member = [selection_total(years_2024, 2024, {"NPL"}, {code}, sex) for code in sorted(gcc)]
    assert total.migrants == sum(part.migrants for part in by_member if part.migrants is not None)
    assert total.migrants == _independent_sum(2024, {"NPL"}, gcc, sex) > 10_000
    assert total.previous_year == 2020
    assert total.previous_migrants == _independent_sum(2020, {"NPL"}, gcc, sex)
    assert total.change == total.migrants - total.previous_migrants


def test_overlapping_groups_are_not_counted_twice(groups, countries, years_2024):
    saarc, colombo = members(groups, countries, "saarc"), members(groups, countries, "colombo_process")
    gcc = members(groups, countries, "gcc")
    both = selection_total(
        years_2024, 2024, selection_members(groups, countries, keys=["saarc", "colombo_process"]), gcc
    )
    separately = [selection_total(years_2024, 2024, group, gcc).migrants for group in (saarc, colombo)]
    assert both.migrants == _independent_sum(2024, saarc | colombo, gcc, "total")
    assert both.migrants < sum(separately)  # India, Nepal, Pakistan, ... are in both groups


def test_nothing_chosen_at_one_end_means_any_country(years_2024):
    to_anywhere = selection_total(years_2024, 2024, {"NPL"}, None)
    table = load_corridors(2024)
    assert to_anywhere.migrants == int(
        table.loc[(table["year"] == 2024) & (table["orig_iso3"] == "NPL"), "total"].sum()
    )


def test_no_corridor_is_no_data_not_zero(years_2024):
    nothing = selection_total(years_2024, 2024, {"NPL"}, {"ZZZ"})
    assert (nothing.migrants, nothing.corridors, nothing.change) == (None, 0, None)
    assert nothing.sentence("Nepal", "nowhere") == "From Nepal to nowhere, 2024: no data."
    first = selection_total(years_2024, min(years_2024), {"NPL"}, None)
    assert first.previous_year is None and first.change is None
    with pytest.raises(ValueError, match="sex"):
        selection_total(years_2024, 2024, {"NPL"}, None, "women")


def test_the_sentence_says_the_figure_and_its_change():
    up = SelectionTotal(
        year=2024, sex="total", migrants=1_234_567, corridors=6, previous_year=2020, previous_migrants=1_000_000
    )
    assert up.sentence("Nepal", "the GCC") == "From Nepal to the GCC, 2024: 1,234,567 migrants, up 234,567 since 2020."
    assert up.change_pct == 23.5
    down = SelectionTotal(year=2024, sex="female", migrants=90, corridors=1, previous_year=2020, previous_migrants=100)
    assert down.sentence("A", "B") == "From A to B, 2024: 90 female migrants, down 10 since 2020."
    new = SelectionTotal(year=2024, sex="total", migrants=5, corridors=1, previous_year=2020, previous_migrants=None)
    assert new.sentence("A", "B") == "From A to B, 2024: 5 migrants (no estimate for 2020 to compare)."
