"""A synthetic scale-up: a copy of the tables whose corridors table has every origin-destination pair.

The schema allows one row per (revision, year, origin, destination), origins and destinations from the
countries table, so the shipped 2 revisions x 15 years can hold at most 257 x 256 pairs each: about a million
rows. The copy keeps every real row and fills the missing pairs of each (revision, year) with the values of
the real rows, cycled, so the table validates unchanged and nothing in the app is relaxed. The figures are
synthetic: the copy lives in a temporary folder and is read only through MIGRATION_DASHBOARD_TABLES.
"""

import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from data.catalog import TABLES_DIR

KEY = ["revision", "year", "orig_iso3", "dest_iso3"]


def write_scaled_tables(target: Path, *, rows: int | None = None) -> int:
    """Copy every table to ``target``, corridors scaled up to ``rows`` (default: every pair); return its rows."""
    target.mkdir(parents=True, exist_ok=True)
    for path in TABLES_DIR.glob("*.csv"):
        shutil.copy2(path, target / path.name)
    corridors = _read_text(TABLES_DIR / "corridors.csv")
    codes = _read_text(TABLES_DIR / "countries.csv")["iso3"].to_numpy()
    origins, destinations = np.meshgrid(codes, codes, indexing="ij")
    distinct = origins != destinations
    all_pairs = pd.DataFrame({"orig_iso3": origins[distinct], "dest_iso3": destinations[distinct]})

    groups = list(corridors.groupby(["revision", "year"], sort=True))
    room = len(all_pairs) * len(groups)
    rows = room if rows is None else rows
    if not len(corridors) <= rows <= room:
        raise ValueError(f"the scaled table can have {len(corridors):,} to {room:,} rows, not {rows:,}")
    extra_per_group = (rows - len(corridors)) // len(groups)
    scaled = [corridors]
    for (revision, year), real in groups:
        have = pd.MultiIndex.from_frame(real[["orig_iso3", "dest_iso3"]])
        missing = all_pairs[~pd.MultiIndex.from_frame(all_pairs).isin(have)].head(extra_per_group)
        values = real.drop(columns=KEY).iloc[np.arange(len(missing)) % len(real)].reset_index(drop=True)
        filler = pd.concat([missing.reset_index(drop=True), values], axis=1)
        scaled.append(filler.assign(revision=revision, year=year)[corridors.columns])
    table = pd.concat(scaled, ignore_index=True).sort_values(KEY, kind="stable")
    table.to_csv(target / "corridors.csv", index=False)
    return len(table)


def _read_text(path: Path) -> pd.DataFrame:
    """As text, so every value is written back exactly as read ("NA" is Namibia, not missing)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)
