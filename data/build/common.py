"""Small helpers shared by the builders: where the raw files are, and how to read them."""

import gzip
from pathlib import Path

import pandas as pd

# The raw published files shipped with the repo (data/raw mirrors the project's shared folder: sources/ and seeds/).
RAW_DIR = Path(__file__).resolve().parents[1] / "raw" / "sources"
# Large raw files are shipped gzipped under their published name plus this suffix; a folder of plain files
# (such as a new release in ../shared/sources) is read the same way.
COMPRESSED_SUFFIX = ".gz"


def raw_file(path: Path) -> Path:
    """``path`` as published, or its gzipped copy beside it; a clear error naming ``path`` when neither exists."""
    if path.is_file():
        return path
    compressed = path.with_name(path.name + COMPRESSED_SUFFIX)
    if compressed.is_file():
        return compressed
    raise FileNotFoundError(f"Raw file not found: {path}. Pass the folder that holds the published sources.")


def read_raw_csv(path: Path, **kwargs) -> pd.DataFrame:
    """Read a raw CSV keeping strings such as "NA" (Namibia's ISO2) as text; only blanks are missing."""
    return pd.read_csv(raw_file(path), keep_default_na=False, na_values=[""], **kwargs)


def read_raw_text(path: Path) -> str:
    """A raw text file (JSON, GeoJSON, plain text) as published, gzipped or not."""
    found = raw_file(path)
    if found.name.endswith(COMPRESSED_SUFFIX):
        return gzip.decompress(found.read_bytes()).decode("utf-8")
    return found.read_text(encoding="utf-8")


def quoted_page_source(
    *, source_id: str, publisher: str, url: str, dated: str | None, quoted: str, what: str, licence: str, notes: str,
    obtained_from: str,
) -> dict:  # fmt: skip
    """A sources.csv row for figures transcribed from a stored web page that quotes an agency: ``what`` figures
    ("Remittance", "Labour outflow") printed on the page, ``dated`` as the page shows it (None: not shown)."""
    return {
        "source_id": source_id,
        "publisher": publisher,
        "dataset": f"{what} figures printed on the page, quoting: {quoted}",
        "edition": f"Web page dated {dated}" if dated else "Web page; date not shown",
        "year": int(dated[:4]) if dated and dated[:4].isdigit() else None,
        "url": url,
        "licence": licence,
        "citation": f"{publisher}: {url}" + (f" ({dated})" if dated else ""),
        "obtained_from": obtained_from,
        "notes": notes,
    }
