"""Sri Lanka Bureau of Foreign Employment (SLBFE): departures for foreign employment by destination."""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv

TOTALS_FILE = "slbfe_srilanka/slbfe_departures_by_destination_2019_2024.csv"
BREAKDOWN_FILE = "slbfe_srilanka/slbfe_departures_by_destination_manpower_sex_2020_2024.csv"
LDF_REPO = "github.com/LDFLK/datasets (Lanka Data Foundation, Apache-2.0)"

# SOURCES.md documents this extraction error: the 2019 UAE row reads 328,690, which makes the 2019
# sum 498,917 against SLBFE's published ~203k. The value is withheld, and the row says why.
KNOWN_EXTRACTION_ERRORS = {
    (2019, "ARE"): "Withheld: extracted as 328,690, an evident extraction error (it would make the 2019 "
    "total 498,917 against about 203,000 published by SLBFE). Check the SLBFE PDF before use.",
}


# SLBFE lists the Kurdistan Region separately; the extraction marks it "IRQ*". It is mapped to Iraq for
# maps and joins, and keeps its own row (destination_as_published) so nothing is merged silently.
SUBNATIONAL_DESTINATIONS = {"IRQ*": ("IRQ", "Kurdistan Region of Iraq, listed separately by SLBFE; mapped to Iraq.")}


def _source_id(year: int) -> str:
    return f"slbfe_{year}"


def _sources(totals: pd.DataFrame) -> list[dict]:
    by_year = totals.groupby("year")["source_pdf"].first()
    return [
        {
            "source_id": _source_id(year),
            "publisher": "Sri Lanka Bureau of Foreign Employment (SLBFE)",
            "dataset": "Annual Statistical Report on Foreign Employment: registrations for foreign employment by country",
            "edition": f"{year} data",
            "year": int(year),
            "url": url,
            "licence": "Not stated (Government of Sri Lanka public statistics); attribute SLBFE",
            "citation": f"Sri Lanka Bureau of Foreign Employment, Annual Statistical Report on Foreign Employment ({year} data).",
            "obtained_from": f"{LDF_REPO}, hand-extracted from the SLBFE PDF; JSON converted to CSV, values unchanged",
            "notes": "Departures = registrations of workers leaving for foreign employment (an annual flow).",
        }
        for year, url in by_year.items()
    ]


def build_deployments(raw: Path) -> tuple[pd.DataFrame, list[dict]]:
    """Departures by year and destination: totals (sex 'total', skill 'all') plus the sex x skill rows."""
    totals = read_raw_csv(raw / TOTALS_FILE)
    breakdown = read_raw_csv(raw / BREAKDOWN_FILE)

    total_rows = totals.assign(sex="total", skill_level="all")
    breakdown_rows = breakdown.rename(columns={"manpower_level": "skill_level"}).assign(
        basis="SLBFE registrations by country, manpower level and sex"
    )
    table = pd.concat([total_rows, breakdown_rows], ignore_index=True).rename(
        columns={"destination_iso3": "dest_iso3", "destination": "destination_as_published"}
    )
    table["departures"] = table["departures"].astype("Int64")
    table["note"] = table.get("note", pd.Series(pd.NA, index=table.index)).astype("string")
    for marked, (iso3, explanation) in SUBNATIONAL_DESTINATIONS.items():
        subnational = table["dest_iso3"] == marked
        table.loc[subnational, "dest_iso3"] = iso3
        table.loc[subnational, "note"] = explanation
    for (year, iso3), reason in KNOWN_EXTRACTION_ERRORS.items():
        suspect = (table["year"] == year) & (table["dest_iso3"] == iso3) & (table["sex"] == "total")
        table.loc[suspect, "departures"] = pd.NA
        table.loc[suspect, "note"] = reason
    table["source_id"] = table["year"].map(_source_id)
    columns = [
        "year",
        "destination_as_published",
        "dest_iso3",
        "sex",
        "skill_level",
        "departures",
        "basis",
        "source_table",
        "note",
        "source_id",
    ]
    table = table[columns].sort_values(["year", "sex", "skill_level", "destination_as_published"], ignore_index=True)
    return table, _sources(totals)
