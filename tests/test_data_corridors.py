"""The corridors table: rebuilt exactly from UN DESA's files, and the published figures check out."""

import pandas as pd
import pytest

from data import CATALOG, load_corridors, read_table
from data.build.common import raw_file
from data.build.corridors import build_corridors
from tests.fixtures import read_shipped


@pytest.fixture(scope="module")
def corridors() -> pd.DataFrame:
    return read_shipped("corridors")


def stock(table, revision, year, origin, destination) -> int:
    row = table.query("revision == @revision and year == @year and orig_iso3 == @origin and dest_iso3 == @destination")
    assert len(row) == 1, f"expected one row for {origin}->{destination} {year} (rev. {revision})"
    return int(row["total"].iloc[0])


@pytest.mark.parametrize(
    ("revision", "year", "origin", "destination", "published"),
    [
        (2020, 2020, "IND", "ARE", 3_471_300),
        (2020, 2020, "MMR", "THA", 1_848_270),
        (2024, 2020, "IND", "ARE", 2_861_045),
        (2024, 2024, "IND", "ARE", 3_248_545),
        (2024, 2024, "MMR", "THA", 1_708_695),
        (2020, 2020, "BGD", "SAU", 1_277_624),
        (2024, 2020, "BGD", "SAU", 2_120_004),
        (2020, 2020, "IDN", "MYS", 1_241_634),
    ],
)
def test_corridor_values_match_the_published_figures(corridors, revision, year, origin, destination, published):
    assert stock(corridors, revision, year, origin, destination) == published


@pytest.mark.parametrize(
    ("revision", "year", "world"), [(2024, 2024, 304_021_813), (2020, 2020, 280_598_105), (2020, 1990, 152_986_157)]
)
def test_world_totals_match_un_desa(corridors, revision, year, world):
    selected = corridors[(corridors["revision"] == revision) & (corridors["year"] == year)]
    assert int(selected["total"].sum()) == world


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_files(corridors, raw_sources):
    rebuilt = build_corridors(raw_sources)
    shipped = corridors.reset_index(drop=True)
    pd.testing.assert_frame_equal(rebuilt[shipped.columns], shipped, check_dtype=False)


def test_every_asia_pacific_country_in_un_desa_appears(corridors, raw_sources):
    countries = read_table(
        "countries",
        CATALOG["countries"].path,
        source_ids=frozenset(read_table("sources", CATALOG["sources"].path)["source_id"]),
    )
    asia_pacific = set(countries.loc[countries["is_asia_pacific"], "iso3"])
    assert len(asia_pacific) == 81
    raw = pd.read_csv(raw_file(raw_sources / "undesa_ims/undesa_ims2024_bilateral_by_sex.csv"), keep_default_na=False)
    in_un_desa = asia_pacific & (set(raw["orig_iso3"]) | set(raw["dest_iso3"]))
    assert len(in_un_desa) > 60
    assert in_un_desa <= set(corridors["orig_iso3"]) | set(corridors["dest_iso3"])


def test_totals_are_female_plus_male(corridors):
    assert (corridors["total"] == corridors["female"] + corridors["male"]).all()


def test_revisions_are_never_mixed_by_the_loader():
    for revision in (2024, 2020):
        assert set(load_corridors(revision=revision)["revision"]) == {revision}
    with pytest.raises(ValueError):
        load_corridors(revision=2019)
