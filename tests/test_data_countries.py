"""The countries table and the country shapes, built from the raw published sources."""

import json
from pathlib import Path

import pandas as pd
import pytest
from shapely.geometry import shape

from data.build import countries, geometry
from data.build.common import RAW_DIR, read_raw_csv

REPO = Path(__file__).resolve().parents[1]
SHIPPED_SHAPES = REPO / "static" / "countries.geojson"
SMALL_STATES = ["SGP", "BHR", "QAT", "MDV", "HKG", "MAC", "BRN", "FJI", "TON", "WSM"]
SOURCE_KEYS = {
    "source_id",
    "publisher",
    "dataset",
    "edition",
    "year",
    "url",
    "licence",
    "citation",
    "obtained_from",
    "notes",
}


@pytest.fixture(scope="module")
def raw() -> Path:
    if not (RAW_DIR / "undesa_ims" / "country_codes_lookup.csv").is_file():
        pytest.fail(f"Raw published sources not found at {RAW_DIR} (shipped in the repo).")
    return RAW_DIR


@pytest.fixture(scope="module")
def table(raw) -> pd.DataFrame:
    return countries.build_countries(raw)


@pytest.fixture(scope="module")
def shapes(raw) -> dict:
    return geometry.build_country_shapes(raw)


def by_code(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("iso3")


def test_one_row_per_lookup_code(raw, table):
    lookup = read_raw_csv(raw / countries.LOOKUP)
    assert table["iso3"].is_unique
    assert sorted(table["iso3"]) == sorted(lookup["iso3"])
    assert list(table.columns) == countries.COLUMNS


def test_81_asia_pacific_rows(table):
    assert table["is_asia_pacific"].dtype == bool
    assert table["is_asia_pacific"].sum() == 81
    asia_pacific = table[table["is_asia_pacific"]]
    assert set(asia_pacific["region"]) == {"Asia", "Oceania"}
    assert {"IND", "NPL", "SGP", "HKG", "MAC", "TWN", "SAU", "ARE", "FJI", "AUS"} <= set(asia_pacific["iso3"])


def test_every_stock_code_is_in_the_table(raw, table):
    for name in ["undesa_ims2024_bilateral_by_sex.csv", "undesa_ims2020_bilateral_by_sex.csv"]:
        stock = read_raw_csv(raw / "undesa_ims" / name, usecols=["orig_iso3", "dest_iso3"])
        used = set(stock["orig_iso3"]) | set(stock["dest_iso3"])
        assert used <= set(table["iso3"]), sorted(used - set(table["iso3"]))


def test_codes_are_iso_or_documented(table):
    status = countries.code_status(table["iso3"])
    not_current_iso = {code for code, text in status.items() if text != "ISO 3166-1"}
    assert not_current_iso == {"AB9", "ANT", "OOO", "OOS", "STL", "TIB", "XCX", "XKX"}
    assert status["ANT"].startswith("withdrawn")
    assert status["TWN"] == "ISO 3166-1"


def test_published_label_points(table):
    points = by_code(table)
    for code, lon, lat in [("IND", 81.17, 23.59), ("NPL", 84.13, 28.30), ("SGP", 103.81, 1.35)]:
        assert points.loc[code, "lon"] == pytest.approx(lon, abs=0.005)
        assert points.loc[code, "lat"] == pytest.approx(lat, abs=0.005)
        assert points.loc[code, "point_source"] == "gavinr_centroids"
    # From the Natural Earth supplement (gavinr has no rows for these)
    assert points.loc["HKG", ["lon", "lat"]].tolist() == pytest.approx([114.14, 22.44], abs=0.005)
    assert points.loc["TWN", ["lon", "lat"]].tolist() == pytest.approx([120.96, 23.75], abs=0.005)
    assert points.loc["XKX", "point_source"] == "ne50m_centroid_supplement"


def test_points_are_missing_only_where_no_shape_exists(raw, table):
    missing = set(table.loc[table["lon"].isna() | table["lat"].isna(), "iso3"])
    assert missing == {"AB9", "ANT", "OOO", "OOS", "STL", "TIB"}
    stock = read_raw_csv(raw / "undesa_ims" / "undesa_ims2024_bilateral_by_sex.csv", usecols=["orig_iso3", "dest_iso3"])
    used = set(stock["orig_iso3"]) | set(stock["dest_iso3"])
    assert missing & used == {"OOO"}
    assert table["lon"].dropna().between(-180, 180).all() and table["lat"].dropna().between(-90, 90).all()


def test_fallback_centroid_reproduces_the_supplement_method(raw):
    """The points computed here use the same method as the published supplement (largest polygon's ring)."""
    features = {f["properties"]["ADM0_A3"]: f for f in geometry.read_natural_earth(raw)}
    supplement = read_raw_csv(raw / countries.CENTROIDS_SUPPLEMENT).set_index("adm0_a3")
    for code in ["HKG", "TWN", "KOS"]:
        lon, lat = geometry.largest_polygon_centroid(shape(features[code]["geometry"]))
        assert (lon, lat) == pytest.approx(
            (supplement.loc[code, "longitude"], supplement.loc[code, "latitude"]), abs=1e-5
        )


def test_channel_islands_point_is_on_jersey(table):
    row = by_code(table).loc["XCX"]
    assert row["point_source"].startswith("natural_earth_50m_admin0")
    assert row["lon"] == pytest.approx(-2.13, abs=0.05) and row["lat"] == pytest.approx(49.22, abs=0.05)


def test_income_groups_fy2023(table):
    income = by_code(table)["wb_income_group"]
    assert income["IND"] == "Lower middle income"
    assert income["SGP"] == "High income"
    assert income["RUS"] == "Upper middle income"  # FY2023: moved to high income only in July 2023
    assert income["XKX"] == "Upper middle income"
    assert income["XCX"] == "High income"  # World Bank code CHI, matched by name
    assert pd.isna(income["TWN"]) and pd.isna(income["VEN"]) and pd.isna(income["OOO"])
    assert table["wb_income_group"].value_counts().to_dict() == {
        "High income": 80,
        "Upper middle income": 54,
        "Lower middle income": 54,
        "Low income": 28,
    }


def test_sources_are_described(table):
    ids = set()
    for source in countries.SOURCES + geometry.SOURCES:
        assert set(source) == SOURCE_KEYS
        assert isinstance(source["year"], int)
        assert all(isinstance(source[key], str) and source[key] for key in SOURCE_KEYS - {"year"})
        ids.add(source["source_id"])
    assert set(table["source_id"]) <= ids
    assert {text.split(":")[0] for text in table["point_source"].dropna()} <= ids


def test_shapes_have_the_small_states(shapes):
    by_iso = {f["properties"]["iso3"]: f for f in shapes["features"]}
    for code in SMALL_STATES:
        assert code in by_iso, code
        geom = shape(by_iso[code]["geometry"])
        assert geom.geom_type in ("Polygon", "MultiPolygon") and geom.area > 0, code
    assert "ATA" not in by_iso
    assert "XKX" in by_iso and "KOS" not in by_iso
    assert by_iso["PSE"] and by_iso["SSD"]  # Natural Earth PSX and SDS, matched through their ISO_A3


def test_shape_codes_are_lookup_codes(raw, shapes):
    lookup = set(read_raw_csv(raw / countries.LOOKUP)["iso3"])
    codes = [f["properties"]["iso3"] for f in shapes["features"]]
    assert len(codes) == len(set(codes))
    # Natural Earth units with no UN DESA code of their own keep Natural Earth's code
    assert set(codes) - lookup == {"ATC", "CYN", "IOA", "KAS", "SOL"}
    assert all(f["properties"]["name"] for f in shapes["features"])


def test_shapes_file_is_small(shapes, tmp_path):
    size = geometry.write_country_shapes(shapes, tmp_path / "countries.geojson")
    assert size == (tmp_path / "countries.geojson").stat().st_size
    assert size <= geometry.MAX_BYTES


def test_shipped_shapes_file(shapes):
    assert SHIPPED_SHAPES.is_file(), f"{SHIPPED_SHAPES} is missing: run python -m data.build"
    assert SHIPPED_SHAPES.stat().st_size <= geometry.MAX_BYTES
    shipped = json.loads(SHIPPED_SHAPES.read_text(encoding="utf-8"))
    assert {f["properties"]["iso3"] for f in shipped["features"]} == {
        f["properties"]["iso3"] for f in shapes["features"]
    }
