"""Sri Lanka: workers' remittances received in 2023 by sending country, as REPORTED (not modelled).

SLBFE's Annual Statistical Report 2023 (Table 46) prints the Central Bank of Sri Lanka's figures by quarter;
Sri Lanka is the one origin in the dashboard with reported bilateral remittances.
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv
from data.build.deployments import LDF_REPO

REMITTANCES_FILE = "slbfe_srilanka/srilanka_workers_remittances_by_sending_country_2023.csv"
SOURCE_ID = "slbfe_2023_remittances"
RECEIVER = "LKA"
BASIS = "reported (Central Bank of Sri Lanka, published by SLBFE)"
QUARTERS = ["q1_usd_million", "q2_usd_million", "q3_usd_million", "q4_usd_million"]

# Sending countries as SLBFE prints them -> ISO3. "Other" (all remaining countries) has no code.
SENDER_CODES = {
    "Saudi Arabia": "SAU",
    "Qatar": "QAT",
    "Kuwait": "KWT",
    "UAE": "ARE",
    "United States": "USA",
    "South Korea": "KOR",
    "United Kingdom": "GBR",
    "Italy": "ITA",
    "Maldives": "MDV",
    "Australia": "AUS",
    "Oman": "OMN",
    "France": "FRA",
    "Germany": "DEU",
    "Israel": "ISR",
    "Cyprus": "CYP",
    "Malaysia": "MYS",
    "Japan": "JPN",
    "Singapore": "SGP",
    "Bahrain": "BHR",
    "Jordan": "JOR",
    "Canada": "CAN",
    "Thailand": "THA",
    "Hong Kong": "HKG",
    "Seychelles": "SYC",
    "Switzerland": "CHE",
    "Russia": "RUS",
    "New Zealand": "NZL",
    "Lebanon": "LBN",
    "Fiji": "FJI",
    "Norway": "NOR",
    "Other": None,
}

SOURCES = [
    {
        "source_id": SOURCE_ID,
        "publisher": "Sri Lanka Bureau of Foreign Employment (SLBFE), citing the Central Bank of Sri Lanka",
        "dataset": "Annual Statistical Report on Foreign Employment 2023, Table 46: workers' remittances by "
        "sending country (US$ million, by quarter)",
        "edition": "2023 data",
        "year": 2023,
        "url": "https://www.slbfe.lk/wp-content/uploads/2024/10/sodapdf-converted-18_compressed.pdf",
        "licence": "Not stated (Government of Sri Lanka public statistics); attribute SLBFE and the Central Bank "
        "of Sri Lanka",
        "citation": "Sri Lanka Bureau of Foreign Employment, Annual Statistical Report on Foreign Employment 2023, "
        "Table 46 (data: Central Bank of Sri Lanka).",
        "obtained_from": f"{LDF_REPO}, hand-extracted from the SLBFE PDF; JSON converted to CSV, values unchanged",
        "notes": "Reported inflows of workers' remittances to Sri Lanka by sending country. The rows sum to "
        "US$5,969.3 million against SLBFE's Table 43 total of US$5,970 million (rounding).",
    },
]

COLUMNS = [
    "year",
    "receiver_iso3",
    "sender_as_published",
    "sender_iso3",
    *QUARTERS,
    "total_usd_million",
    "basis",
    "source_id",
]


def build_remittances_by_sender(raw: Path) -> pd.DataFrame:
    """One row per sending country as SLBFE lists it, with quarters and the year total (US$ million)."""
    table = read_raw_csv(raw / REMITTANCES_FILE).rename(columns={"sending_country": "sender_as_published"})
    unknown = sorted(set(table["sender_as_published"]) - set(SENDER_CODES))
    if unknown:
        raise ValueError(f"{REMITTANCES_FILE}: sending countries without a code: {', '.join(unknown)}")
    table["sender_iso3"] = table["sender_as_published"].map(SENDER_CODES)
    table = table.assign(receiver_iso3=RECEIVER, basis=BASIS, source_id=SOURCE_ID)
    return table[COLUMNS]  # in SLBFE's order
