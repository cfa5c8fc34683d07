"""Remittance inflows by country and year: World Bank WDI (1990-2023) and KNOMAD's December 2023 series.

The two series are different vintages of related figures and are never merged: each row belongs to one
``series`` and carries its ``vintage``. Ratios are derived only inside a series, from parts it publishes:
WDI's % of GDP and per capita come from WDI's own remittances, GDP and population columns; KNOMAD publishes
% of GDP for 2023 only (GDP from IMF WEO), which is kept as published, and no population, so no per capita.
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv

WDI_FILE = "wdi_remittances/wdi_remittances_gdp_pop_1990_2023.csv"
KNOMAD_INFLOWS_FILE = "knomad_remittance_flows/knomad_inward_remittance_flows_dec2023_long.csv"
KNOMAD_PCT_GDP_FILE = "knomad_remittance_flows/knomad_remittances_pct_gdp_latest.csv"

# World Bank codes that the countries table (UN DESA / IOM codes) spells differently.
WORLD_BANK_TO_UN_CODES = {"CHI": "XCX", "KSV": "XKX"}
# Regional and income aggregates: the countries table lists countries and areas only.
KNOMAD_AGGREGATES = {"WLD", "LMY"}

WDI_SOURCE_ID = "wb_wdi_remittances"
KNOMAD_SOURCE_ID = "knomad_inflows_dec2023"
WDI_VINTAGE = "World Bank WDI, copy of February 2025"
KNOMAD_VINTAGE = "KNOMAD/World Bank, December 2023"
USD_PER_MILLION = 1_000_000
NO_VALUE = float("nan")

WDI_PCT_GDP_BASIS = "received / GDP, both WDI"
KNOMAD_PCT_GDP_BASIS = "published by KNOMAD (GDP from IMF WEO)"
KNOMAD_ZERO_NOTE = "0 as printed by KNOMAD; in this series a 0 often means no data"

SOURCES = [
    {
        "source_id": WDI_SOURCE_ID,
        "publisher": "World Bank (remittances, GDP); UN DESA Population Division (population)",
        "dataset": "World Development Indicators: personal remittances received (BX.TRF.PWKR.CD.DT) and paid "
        "(BM.TRF.PWKR.CD.DT), current US$; GDP, current US$ (NY.GDP.MKTP.CD); population (UN WPP 2024)",
        "edition": "WDI as packaged in IOM gdidata data/wdi.rda (commit of 2025-02-07), 1990-2023",
        "year": 2025,
        "url": "https://data.worldbank.org/indicator/BX.TRF.PWKR.CD.DT",
        "licence": "CC BY 4.0 (World Bank WDI); CC BY 3.0 IGO (UN World Population Prospects 2024)",
        "citation": "World Bank, World Development Indicators: Personal remittances, received and paid (current US$); "
        "GDP (current US$). Population: United Nations, World Population Prospects 2024.",
        "obtained_from": "github.com/iom/gdidata, data/wdi.rda, commit 1267fd377f3362f8108ba8ddd1455c49a7976369 "
        "(2025-02-07); converted from R .rda to CSV, values unchanged, years before 1990 dropped",
        "notes": "Annual flows in current US$. % of GDP and per capita are derived here from the same file "
        "(received / GDP, received / population). Some Gulf states publish no 'received' series. The World "
        "Bank's CHI (Channel Islands) is shown as XCX.",
    },
    {
        "source_id": KNOMAD_SOURCE_ID,
        "publisher": "KNOMAD / World Bank",
        "dataset": "Remittance inflows (US$ million), 2000-2022 and 2023e, with % of GDP in 2023",
        "edition": "December 2023 release (2023 values are estimates)",
        "year": 2023,
        "url": "https://www.knomad.org/",
        "licence": "None stated in the workbook; World Bank data are generally CC BY 4.0. Attribute World Bank-KNOMAD",
        "citation": "World Bank-KNOMAD, December 2023. Remittance inflows.",
        "obtained_from": "github.com/raulincadet/Macro, Remittance/inward_remittance_flows_december_2023_1.xlsx, "
        "commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3; reshaped, values unchanged",
        "notes": "2023 values are early estimates ('2023e'); WDI's later final figures differ (India 2023: WDI "
        "119.5 bn, KNOMAD 125.0 bn e). Zeros in early years are KNOMAD's own and often mean no data. % of GDP "
        "is published for 2023 only, with GDP from IMF WEO. The World and LMIC aggregates are not included.",
    },
]

COLUMNS = [
    "series",
    "vintage",
    "iso3",
    "year",
    "received_usd",
    "paid_usd",
    "gdp_usd",
    "population",
    "received_pct_gdp",
    "received_per_capita_usd",
    "pct_gdp_basis",
    "is_estimate",
    "note",
    "source_id",
]


def build_remittances(raw: Path) -> pd.DataFrame:
    """One row per series, country and year; a country-year appears once in each series that has it."""
    table = pd.concat([_wdi(raw), _knomad(raw)], ignore_index=True)
    table["note"] = table["note"].astype("str")
    return table[COLUMNS].sort_values(["series", "iso3", "year"], ignore_index=True)


def _wdi(raw: Path) -> pd.DataFrame:
    wdi = read_raw_csv(raw / WDI_FILE).rename(
        columns={
            "remittances_received_usd": "received_usd",
            "remittances_paid_usd": "paid_usd",
            "gdp_current_usd": "gdp_usd",
        }
    )
    wdi["iso3"] = wdi["iso3"].replace(WORLD_BANK_TO_UN_CODES)
    wdi = wdi.dropna(subset=["received_usd", "paid_usd"], how="all").copy()
    # Division leaves a ratio missing wherever either part is missing; a zero or missing base gives no ratio.
    wdi["received_pct_gdp"] = wdi["received_usd"] / wdi["gdp_usd"].where(wdi["gdp_usd"] > 0) * 100
    wdi["received_per_capita_usd"] = wdi["received_usd"] / wdi["population"].where(wdi["population"] > 0)
    wdi["pct_gdp_basis"] = WDI_PCT_GDP_BASIS
    wdi.loc[wdi["received_pct_gdp"].isna(), "pct_gdp_basis"] = pd.NA
    return wdi.assign(series="wdi", vintage=WDI_VINTAGE, is_estimate=False, note=pd.NA, source_id=WDI_SOURCE_ID)


def _knomad(raw: Path) -> pd.DataFrame:
    inflows = read_raw_csv(raw / KNOMAD_INFLOWS_FILE)
    inflows = inflows[~inflows["iso3"].isin(KNOMAD_AGGREGATES)].copy()
    if set(inflows["vintage"]) != {KNOMAD_VINTAGE}:
        raise ValueError(f"{KNOMAD_INFLOWS_FILE}: expected only the vintage {KNOMAD_VINTAGE!r}")
    pct = read_raw_csv(raw / KNOMAD_PCT_GDP_FILE)
    pct = pct[(pct["flow"] == "inflow") & (pct["vintage"] == KNOMAD_VINTAGE)][["iso3", "year", "pct_of_gdp"]]
    inflows = inflows.merge(pct, on=["iso3", "year"], how="left", validate="one_to_one")
    inflows["received_usd"] = inflows["usd_million"] * USD_PER_MILLION
    inflows["received_pct_gdp"] = inflows["pct_of_gdp"]
    inflows["pct_gdp_basis"] = KNOMAD_PCT_GDP_BASIS
    inflows.loc[inflows["received_pct_gdp"].isna(), "pct_gdp_basis"] = pd.NA
    inflows["note"] = pd.NA
    inflows.loc[inflows["usd_million"] == 0, "note"] = KNOMAD_ZERO_NOTE
    inflows["iso3"] = inflows["iso3"].replace(WORLD_BANK_TO_UN_CODES)
    return inflows.assign(
        series="knomad_inflows",
        paid_usd=NO_VALUE,
        gdp_usd=NO_VALUE,
        population=NO_VALUE,
        received_per_capita_usd=NO_VALUE,
        is_estimate=inflows["is_estimate"].astype(bool),
        source_id=KNOMAD_SOURCE_ID,
    )
