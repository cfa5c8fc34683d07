"""UN DESA International Migrant Stock, bilateral by sex, 2024 and 2020 revisions."""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv

REVISION_FILES = {
    2024: "undesa_ims/undesa_ims2024_bilateral_by_sex.csv",
    2020: "undesa_ims/undesa_ims2020_bilateral_by_sex.csv",
}
FLAG_COLUMNS = ["type_b", "type_c", "type_r", "type_i"]

SOURCES = [
    {
        "source_id": f"undesa_ims_{revision}",
        "publisher": "United Nations, Department of Economic and Social Affairs, Population Division",
        "dataset": "International Migrant Stock, bilateral (destination x origin x sex)",
        "edition": edition,
        "year": revision,
        "url": "https://www.un.org/development/desa/pd/content/international-migrant-stock",
        "licence": "CC BY 3.0 IGO",
        "citation": f"United Nations Department of Economic and Social Affairs, Population Division ({revision}). "
        f"International Migrant Stock {revision}.",
        "obtained_from": f"github.com/iom/gdidata ({rda}), commit {commit}; converted from R .rda to CSV, values unchanged",
        "notes": "Mid-year stock of international migrants (persons), not annual flows. "
        "Missing origin-sex combinations mean insufficient data, not zero.",
    }
    for revision, edition, rda, commit in [
        (
            2024,
            "2024 revision (estimates as of 27 January 2024)",
            "data/undesa_stocks.rda",
            "d6262efc4052c0720eb8bfc866eece9dc705641b",
        ),
        (
            2020,
            "2020 revision (POP/DB/MIG/Stock/Rev.2020)",
            "data/undesa_stocks_2020.rda",
            "1c27ae4b5275a6672fc056d9d35ec3cacb4edb62",
        ),
    ]
]


def build_corridors(raw: Path) -> pd.DataFrame:
    """One row per revision, year, origin and destination, with female, male and total migrants.

    The full world is kept: Asian views filter it, and world totals stay checkable against UN DESA.
    """
    frames = [_one_revision(raw / relative, revision) for revision, relative in REVISION_FILES.items()]
    return pd.concat(frames, ignore_index=True)


def _one_revision(path: Path, revision: int) -> pd.DataFrame:
    long = read_raw_csv(path)
    keys = ["year", "orig_iso3", "dest_iso3"]
    by_sex = long.pivot_table(index=keys, columns="sex", values="n", aggfunc="sum").reset_index()
    flags = long.groupby(keys, as_index=False)[FLAG_COLUMNS].max()
    wide = by_sex.merge(flags, on=keys, validate="one_to_one")
    wide["female"] = wide["female"].astype("Int64")
    wide["male"] = wide["male"].astype("Int64")
    # Both sexes are published for every pair; a total is only formed where both parts exist.
    wide["total"] = wide["female"] + wide["male"]
    wide.insert(0, "revision", revision)
    wide["source_id"] = f"undesa_ims_{revision}"
    columns = ["revision", "year", "orig_iso3", "dest_iso3", "female", "male", "total", *FLAG_COLUMNS, "source_id"]
    return wide[columns].sort_values(["year", "orig_iso3", "dest_iso3"], ignore_index=True)
