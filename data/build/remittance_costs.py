"""The cost of sending money home: World Bank Remittance Prices Worldwide (RPW) by corridor, 2011Q1-2020Q3,
and the WDI country series behind SDG indicator 10.c.1 (cost of sending to, and from, a country, 2011-2020).

No RPW prices after 2020Q3 are available here: the DataBank export ends there.
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv
from data.build.remittances import WORLD_BANK_TO_UN_CODES

RPW_FILE = "remittance_costs/rpw_corridor_avg_total_cost_2011q1_2020q3.csv"
WDI_FILE = "remittance_costs/wdi_remittance_costs_and_pct_gdp_2023may.csv"
WB_COUNTRY_METADATA = "country_classification/wb_country_income_region_fy2023.csv"

CORRIDOR_SERIES = "ATCR.CORR"
TO_COUNTRY_SERIES = "SI.RMT.COST.IB.ZS"
FROM_COUNTRY_SERIES = "SI.RMT.COST.OB.ZS"
SERIES_LABELS = {
    CORRIDOR_SERIES: "Average total cost of sending US$200 in the corridor (RPW)",
    TO_COUNTRY_SERIES: "Average cost of sending remittances to the country (WDI, SDG 10.c.1)",
    FROM_COUNTRY_SERIES: "Average cost of sending remittances from the country (WDI)",
}
RPW_SOURCE_ID = "wb_rpw_corridors_2020q3"
WDI_SOURCE_ID = "wb_wdi_remittance_costs_2023may"

SOURCES = [
    {
        "source_id": RPW_SOURCE_ID,
        "publisher": "The World Bank, Remittance Prices Worldwide",
        "dataset": "Remittance Prices Worldwide (Corridors): Average Total Cost to remit in corridor (ATCR.CORR)",
        "edition": "DataBank export, last updated 12/07/2020; 2011Q1-2020Q3",
        "year": 2020,
        "url": "https://remittanceprices.worldbank.org",
        "licence": "World Bank data; attribute The World Bank, Remittance Prices Worldwide",
        "citation": "The World Bank, Remittance Prices Worldwide (Corridors), Average Total Cost to remit in corridor, "
        "DataBank, last updated 12/07/2020.",
        "obtained_from": "github.com/natesheehan/sdg_10C, data/36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv, "
        "commit 06f1c1123e11fc8d701ae554c127c9be5dd0edef; long format, values rounded to 4 decimals",
        "notes": "Average total cost (fee + exchange-rate margin) of sending the equivalent of US$200, in % of the "
        "amount sent, averaged over the providers surveyed in the corridor. Half-yearly 2011-2012 (Q1, Q3), "
        "quarterly from 2013Q1. Ends in 2020Q3: no later prices are included. SDG 10.c: 3% on average, no "
        "corridor above 5%.",
    },
    {
        "source_id": WDI_SOURCE_ID,
        "publisher": "World Bank, World Development Indicators (from Remittance Prices Worldwide)",
        "dataset": "Average transaction cost of sending remittances to a specific country, % (SI.RMT.COST.IB.ZS) "
        "and from a specific country, % (SI.RMT.COST.OB.ZS)",
        "edition": "WDI download, last updated 2023-05-10; 2011-2020",
        "year": 2023,
        "url": "https://data.worldbank.org/indicator/SI.RMT.COST.IB.ZS",
        "licence": "CC BY 4.0",
        "citation": "World Bank, World Development Indicators: Average transaction cost of sending remittances to / "
        "from a specific country (%), SI.RMT.COST.IB.ZS and SI.RMT.COST.OB.ZS (last updated 2023-05-10).",
        "obtained_from": "github.com/kietnguyen01/Remittance-Fees-Analysis, data/remittance/sending-cost-to-country.xls "
        "and sending-cost-from-country.xls, commit 0549ac4cc16aa92a718bc36ef5a5320148cd6da6; values unchanged",
        "notes": "Annual country averages over RPW corridors (SDG indicator 10.c.1 for the cost to a country). "
        "Regional and income aggregates are not included.",
    },
]

COLUMNS = ["series_code", "sender_iso3", "receiver_iso3", "period", "year", "quarter", "cost_pct", "source_id"]


def build_remittance_costs(raw: Path) -> pd.DataFrame:
    """RPW corridor rows (sender and receiver, quarterly) and WDI country rows (one side, annual).

    WDI's regional and income aggregates (WLD, SAS, ...) are left out, as the World Bank's metadata marks them.
    """
    corridors = read_raw_csv(raw / RPW_FILE)
    for column in ("sender_iso3", "receiver_iso3"):
        corridors[column] = corridors[column].replace(WORLD_BANK_TO_UN_CODES)
    corridors["year"] = corridors["period"].str[:4].astype(int)
    corridors["quarter"] = corridors["period"].str[-1].astype(int)
    corridors = corridors.rename(columns={"avg_total_cost_pct": "cost_pct"}).assign(source_id=RPW_SOURCE_ID)

    metadata = read_raw_csv(raw / WB_COUNTRY_METADATA)
    aggregates = set(metadata.loc[metadata["is_aggregate"].astype(str) == "True", "iso3"])
    wdi = read_raw_csv(raw / WDI_FILE)
    wdi = wdi[~wdi["iso3"].isin(aggregates)].copy()
    wdi["iso3"] = wdi["iso3"].replace(WORLD_BANK_TO_UN_CODES)
    wdi = wdi[wdi["indicator_code"].isin([TO_COUNTRY_SERIES, FROM_COUNTRY_SERIES])]
    to_country = wdi["indicator_code"] == TO_COUNTRY_SERIES
    countries = pd.DataFrame(
        {
            "series_code": wdi["indicator_code"],
            "sender_iso3": wdi["iso3"].where(~to_country),
            "receiver_iso3": wdi["iso3"].where(to_country),
            "period": wdi["year"].astype(str),
            "year": wdi["year"],
            "quarter": pd.NA,
            "cost_pct": wdi["value"],
            "source_id": WDI_SOURCE_ID,
        }
    )
    table = pd.concat([corridors[COLUMNS], countries], ignore_index=True)
    table["quarter"] = table["quarter"].astype("Int64")
    return table.sort_values(
        ["series_code", "receiver_iso3", "sender_iso3", "year", "quarter"], ignore_index=True, na_position="first"
    )
