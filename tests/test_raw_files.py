"""The raw published files shipped in data/raw: each is listed in its folder's manifest, with where it comes
from, and is byte for byte the file the manifest describes (gzipped copies decompress to the published file)."""

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from data import raw_sync
from data.build import __main__ as build
from data.build.common import COMPRESSED_SUFFIX, RAW_DIR, raw_file, read_raw_csv, read_raw_text
from data.catalog import GEO_DIR, TABLES_DIR

RAW_ROOT = RAW_DIR.parent
MANIFESTS = sorted(RAW_ROOT.rglob(raw_sync.MANIFEST))


def manifest_id(path: Path) -> str:
    return str(path.parent.relative_to(RAW_ROOT))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_every_folder_holding_raw_files_has_a_manifest():
    folders = {path.parent for path in RAW_ROOT.rglob("*") if path.is_file()}
    assert folders == {path.parent for path in MANIFESTS}
    assert (RAW_DIR / "SOURCES.md").is_file() and (RAW_ROOT / "seeds" / raw_sync.MANIFEST).is_file()


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=manifest_id)
def test_manifest_lists_exactly_the_files_beside_it(manifest_path):
    listed = [entry["file"] for entry in json.loads(manifest_path.read_text(encoding="utf-8"))["files"]]
    present = sorted(path.name for path in manifest_path.parent.iterdir() if path.is_file())
    assert sorted(listed) == sorted(set(listed)), "a file is listed twice"
    assert sorted([*listed, raw_sync.MANIFEST]) == present


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=manifest_id)
def test_manifest_says_where_the_files_come_from(manifest_path):
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for fact in raw_sync.FACTS:
        assert manifest[fact].strip() and manifest[fact] != raw_sync.TO_FILL_IN, f"{fact} is not filled in"
    # A folder transcribed here from cited pages (country groups) has no counterpart in shared/ and says so.
    transcribed = manifest["copied_from"].startswith("not copied: transcribed in the repository")
    assert transcribed or manifest["copied_from"] == f"shared/{manifest_id(manifest_path)}"


@pytest.mark.parametrize("manifest_path", MANIFESTS, ids=manifest_id)
def test_every_file_has_the_checksum_its_manifest_records(manifest_path):
    for entry in json.loads(manifest_path.read_text(encoding="utf-8"))["files"]:
        shipped = (manifest_path.parent / entry["file"]).read_bytes()
        assert (len(shipped), sha256(shipped)) == (entry["bytes"], entry["sha256"]), entry["file"]
        compressed = entry["file"] == entry["published_as"] + COMPRESSED_SUFFIX
        assert compressed or entry["file"] == entry["published_as"]
        published = gzip.decompress(shipped) if compressed else shipped
        assert (len(published), sha256(published)) == (entry["published_bytes"], entry["published_sha256"])


def test_readers_take_the_published_name_of_a_gzipped_file(tmp_path):
    (tmp_path / "plain.csv").write_text("iso2,n\nNA,1\n", encoding="utf-8")
    (tmp_path / "packed.csv.gz").write_bytes(gzip.compress(b"iso2,n\nNA,1\n"))
    assert read_raw_csv(tmp_path / "packed.csv").equals(read_raw_csv(tmp_path / "plain.csv"))
    assert read_raw_text(tmp_path / "packed.csv") == read_raw_text(tmp_path / "plain.csv") == "iso2,n\nNA,1\n"
    with pytest.raises(FileNotFoundError, match="missing.csv"):
        raw_file(tmp_path / "missing.csv")


def test_sync_copies_listed_files_gzips_large_ones_and_reports_new_ones(tmp_path):
    shared = tmp_path / "shared"
    (shared / "sources" / "stocks").mkdir(parents=True)
    (shared / "sources" / "arrivals").mkdir()
    (shared / "seeds").mkdir()
    (shared / "sources" / "SOURCES.md").write_text("# sources\n", encoding="utf-8")
    large = b"year,n\n" + b"2024,1\n" * (raw_sync.COMPRESS_ABOVE_BYTES // 7 + 1)
    (shared / "sources" / "stocks" / "stocks.csv").write_bytes(large)
    (shared / "sources" / "stocks" / "extra.csv").write_text("year,n\n", encoding="utf-8")
    (shared / "sources" / "arrivals" / "arrivals.csv").write_text("year,n\n2024,2\n", encoding="utf-8")
    raw = tmp_path / "raw"
    facts = {fact: "stated" for fact in raw_sync.FACTS}
    for folder, files in [("sources", ["SOURCES.md"]), ("sources/stocks", ["stocks.csv"]), ("seeds", [])]:
        (raw / folder).mkdir(parents=True, exist_ok=True)
        raw_sync.write_manifest(raw / folder, {**facts, "files": [{"published_as": name} for name in files]})

    notes = raw_sync.sync(shared / "sources", raw, today="2026-01-02")

    stocks = raw_sync.read_manifest(raw / "sources" / "stocks")["files"][0]
    assert stocks["file"] == "stocks.csv.gz" and stocks["copied_on"] == "2026-01-02"
    assert gzip.decompress((raw / "sources" / "stocks" / "stocks.csv.gz").read_bytes()) == large
    assert any("extra.csv" in note for note in notes)
    added = raw_sync.read_manifest(raw / "sources" / "arrivals")
    assert added["publisher"] == raw_sync.TO_FILL_IN and added["files"][0]["file"] == "arrivals.csv"
    again = raw_sync.sync(shared / "sources", raw, today="2026-02-03")
    assert raw_sync.read_manifest(raw / "sources" / "stocks")["files"][0] == stocks, "unchanged file, same entry"
    assert not any("arrivals" in note for note in again)


def test_build_with_no_argument_reproduces_the_shipped_tables_and_shapes(tmp_path):
    assert build.main(["--out", str(tmp_path / "tables"), "--geo-out", str(tmp_path / "static")]) == 0
    rebuilt = sorted(path.name for path in (tmp_path / "tables").iterdir())
    assert rebuilt == sorted(path.name for path in TABLES_DIR.glob("*.csv"))
    for name in rebuilt:
        assert (tmp_path / "tables" / name).read_bytes() == (TABLES_DIR / name).read_bytes(), name
    assert (tmp_path / "static" / "countries.geojson").read_bytes() == (GEO_DIR / "countries.geojson").read_bytes()
