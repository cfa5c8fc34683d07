"""KNOMAD/World Bank bilateral remittance matrices, sender -> receiver, 2017 and 2021 editions.

These are MODELLED estimates (Ratha & Shaw 2007): each receiver's recorded inflow allocated across senders
using migrant stocks and incomes. They are not reported flows, and every row says so in ``basis``.
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv
from data.build.remittances import WORLD_BANK_TO_UN_CODES

EDITION_FILES = {
    2021: "knomad_bilateral_remittances/brm_2021_long.csv",
    2017: "knomad_bilateral_remittances/brm_2017_long.csv",
}
BASIS = "modelled estimate"

_METHOD_NOTE = (
    "Analytical estimates, not officially reported bilateral data: each country's recorded inflow is allocated "
    "across senders using migrant stocks and host and origin incomes (Ratha & Shaw 2007). Pairs not listed are 0 "
    "or not estimated. Flows India-Pakistan, Lebanon-Israel and Azerbaijan-Armenia are set to 0 by KNOMAD."
)

SOURCES = [
    {
        "source_id": "knomad_brm_2021",
        "publisher": "KNOMAD / World Bank",
        "dataset": "Bilateral Remittance Matrix 2021: bilateral remittance estimates using migrant stocks, host "
        "country incomes and origin country incomes (US$ million)",
        "edition": "December 2022 version",
        "year": 2022,
        "url": "https://www.knomad.org/",
        "licence": "None stated in the workbook; World Bank data are generally CC BY 4.0. Attribute KNOMAD/World Bank",
        "citation": "KNOMAD/World Bank Bilateral Remittance Matrix 2021, December 2022.",
        "obtained_from": "github.com/raulincadet/Macro, Remittance/bilateral_remittance_matrix_2021_0.xlsx, "
        "commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3; reshaped to one row per pair, values unchanged",
        "notes": _METHOD_NOTE + " Uses the December 2022 vintage of inflows (e.g. Viet Nam 2021 = 18,060, later "
        "revised to 12,722 by KNOMAD); do not combine with later totals.",
    },
    {
        "source_id": "knomad_brm_2017",
        "publisher": "World Bank (Migration and Remittances unit) / KNOMAD",
        "dataset": "Bilateral Remittance Estimates for 2017 using migrant stocks, host country incomes and origin "
        "country incomes (US$ million)",
        "edition": "April 2018 version",
        "year": 2018,
        "url": "https://www.worldbank.org/prospects/migrationandremittances",
        "licence": "None stated in the workbook; World Bank data are generally CC BY 4.0. Attribute World Bank",
        "citation": "World Bank, Bilateral Remittance Estimates for 2017 (April 2018 version).",
        "obtained_from": "github.com/hbenveniste/mig-scenarios, data/rem_wb/WB_Bilateral_Remittance_Estimates_2017.xlsx, "
        "commit a3610e86e8eee21a914dd9e70aaeb7cde94dedcb; reshaped to one row per pair, values unchanged",
        "notes": _METHOD_NOTE + " Based on the Bilateral Migration Matrix 2017.",
    },
]

COLUMNS = ["year", "sender_iso3", "receiver_iso3", "usd_million", "basis", "source_id"]


def build_remittance_corridors(raw: Path) -> pd.DataFrame:
    """One row per edition and sender -> receiver pair with a non-zero estimate (US$ million, current)."""
    frames = []
    for year, relative in EDITION_FILES.items():
        matrix = read_raw_csv(raw / relative).rename(columns={"remittances_usd_million": "usd_million"})
        if set(matrix["year"]) != {year}:
            raise ValueError(f"{relative}: expected only estimates for {year}")
        for column in ("sender_iso3", "receiver_iso3"):
            matrix[column] = matrix[column].replace(WORLD_BANK_TO_UN_CODES)
        frames.append(matrix.assign(basis=BASIS, source_id=f"knomad_brm_{year}"))
    table = pd.concat(frames, ignore_index=True)
    return table[COLUMNS].sort_values(["year", "sender_iso3", "receiver_iso3"], ignore_index=True)
