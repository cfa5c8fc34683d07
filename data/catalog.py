"""What each curated table is: title, what its figures measure, and its columns.

The source of every row is in the ``sources`` table (via ``source_id``); this catalog says what a
table means, so pages, downloads and the methods page can say it where the figures are shown.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TABLES_DIR = PACKAGE_DIR / "tables"
# Streamlit serves ./static beside app.py at app/static/: maps fetch the shapes from there, once per page view.
GEO_DIR = PACKAGE_DIR.parent / "static"
TABLES_DIR_VARIABLE = "MIGRATION_DASHBOARD_TABLES"


def tables_dir() -> Path:
    """Where the app reads its tables: the shipped ones, or another copy (a rebuild, a test's broken copy)."""
    return Path(os.environ.get(TABLES_DIR_VARIABLE, TABLES_DIR))


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: str
    measure: str
    description: str
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return tables_dir() / f"{self.name}.csv"


CATALOG: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec(
            name="sources",
            title="Sources",
            measure="Metadata",
            description="One row per published dataset used: publisher, edition, URL, licence and citation.",
            columns={
                "source_id": "Identifier used in the source_id column of every other table",
                "publisher": "Who published the data",
                "dataset": "Dataset name",
                "edition": "Edition, revision or vintage",
                "year": "Publication year of the edition",
                "url": "Where the publisher makes it available",
                "licence": "Licence or terms of use, as stated by the publisher",
                "citation": "How to cite it",
                "obtained_from": "The copy this project read, with its commit",
                "notes": "What the figures are, and caveats",
            },
        ),
        TableSpec(
            name="countries",
            title="Countries and areas",
            measure="Reference list",
            description="ISO3 codes used by UN DESA with UN M49 regions, World Bank income group (FY2023) "
            "and a label point for maps.",
            columns={
                "iso3": "ISO 3166-1 alpha-3 code (UN DESA also uses a few non-ISO codes, e.g. OOO = other/unknown)",
                "name": "Country or area name",
                "m49": "UN M49 numeric code",
                "region": "UN region",
                "subregion": "UN subregion",
                "intermediate_region": "UN intermediate region, where defined",
                "is_asia_pacific": "True where the UN region is Asia or Oceania",
                "wb_income_group": "World Bank income group, FY2023 classification",
                "lon": "Longitude of the label point used for maps",
                "lat": "Latitude of the label point used for maps",
                "point_source": "Where the label point comes from",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="corridors",
            title="International migrant stock by origin and destination",
            measure="Stock: persons living outside their country of origin at mid-year (not annual flows)",
            description="UN DESA International Migrant Stock, bilateral, by sex; 2024 revision (1990-2024) and "
            "2020 revision (1990-2020). The revisions differ a lot on Gulf corridors: never mix them.",
            columns={
                "revision": "UN DESA revision (2024 or 2020)",
                "year": "Reference year (mid-year)",
                "orig_iso3": "Country or area of origin (birth, or citizenship where type_c = 1)",
                "dest_iso3": "Country or area of destination",
                "female": "Female migrants (persons)",
                "male": "Male migrants (persons)",
                "total": "female + male (persons)",
                "type_b": "1 = destination data based on foreign-born population",
                "type_c": "1 = destination data based on foreign citizens",
                "type_r": "1 = includes refugees",
                "type_i": "1 = imputed by UN DESA (no data for the destination)",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="deployments",
            title="Sri Lanka: departures for foreign employment by destination",
            measure="Flow: registrations of departing workers per calendar year (reported, not modelled)",
            description="SLBFE annual statistical reports, 2019-2024. Totals (sex 'total', skill 'all') come "
            "from the all-sources table; sex x skill rows from the country x manpower table, whose categories "
            "change in 2023 and whose 2021 sum (97,302) is below the all-sources total (122,264).",
            columns={
                "year": "Calendar year of departure",
                "destination_as_published": "Destination as printed by SLBFE",
                "dest_iso3": "ISO3 of the destination (blank for 'Other' and regions)",
                "sex": "total, female or male",
                "skill_level": "'all', or the SLBFE manpower level",
                "departures": "Departures (persons); blank where withheld, see note",
                "basis": "Which SLBFE table the figure comes from",
                "source_table": "Table number in the SLBFE report, where known",
                "note": "Why a figure is withheld or flagged",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="remittances",
            title="Remittances received and paid, by country and year",
            measure="Flow: personal remittances in current US$ per calendar year (WDI final figures, or KNOMAD's "
            "December 2023 series whose 2023 values are estimates); % of GDP and per capita derived within one series",
            description="World Bank WDI personal remittances received and paid with GDP and population, 1990-2023, "
            "and KNOMAD/World Bank inflows (December 2023 release, 2000-2022 and 2023e). The two series are "
            "different vintages and are never combined in one line: each row names its series and vintage. "
            "Regional aggregates are not included.",
            columns={
                "series": "wdi (World Bank WDI) or knomad_inflows (KNOMAD, December 2023)",
                "vintage": "Release of the series the row belongs to",
                "iso3": "Country or area (World Bank CHI is shown as XCX, Channel Islands)",
                "year": "Calendar year",
                "received_usd": "Personal remittances received, current US$",
                "paid_usd": "Personal remittances paid, current US$ (WDI only)",
                "gdp_usd": "GDP, current US$ (WDI only)",
                "population": "Population, persons (UN WPP 2024 as packaged with WDI; WDI rows only)",
                "received_pct_gdp": "Received as % of GDP: derived from WDI, or as published by KNOMAD for 2023",
                "received_per_capita_usd": "Received per person, US$ (WDI only: received / population)",
                "pct_gdp_basis": "How the % of GDP was obtained",
                "is_estimate": "True where the publisher marks the value as an estimate (KNOMAD 2023e)",
                "note": "Caveat for the row, e.g. KNOMAD zeros that often mean no data",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="remittance_corridors",
            title="Bilateral remittance estimates, sender to receiver (modelled)",
            measure="Modelled estimates, not reported flows: remittances in US$ million, current, in 2017 or 2021, "
            "allocated across senders by KNOMAD/World Bank from migrant stocks and incomes",
            description="KNOMAD/World Bank Bilateral Remittance Matrix 2021 (December 2022 version) and World Bank "
            "Bilateral Remittance Estimates 2017 (April 2018 version). Analytical estimates (Ratha & Shaw 2007), "
            "not officially reported data. Pairs not listed are zero or not estimated.",
            columns={
                "year": "Year of the estimates (2017 or 2021; one edition each)",
                "sender_iso3": "Country where the money is sent from (host of the migrants)",
                "receiver_iso3": "Country receiving the money (origin of the migrants)",
                "usd_million": "Estimated remittances, US$ million, current",
                "basis": "Always 'modelled estimate'",
                "source_id": "Source of the row (edition)",
            },
        ),
        TableSpec(
            name="remittance_costs",
            title="Cost of sending remittances: by corridor (RPW) and by country (WDI, SDG 10.c)",
            measure="Price: average total cost (fee + exchange-rate margin) of sending the equivalent of US$200, in % "
            "of the amount sent; corridor quarters 2011Q1-2020Q3 and country years 2011-2020. SDG 10.c targets 3% "
            "on average and no corridor above 5%",
            description="World Bank Remittance Prices Worldwide, corridor averages (DataBank export, ends 2020Q3), "
            "and the WDI country series SI.RMT.COST.IB.ZS (cost of sending to a country, SDG 10.c.1) and "
            "SI.RMT.COST.OB.ZS (cost of sending from a country). No prices after 2020Q3 are included.",
            columns={
                "series_code": "ATCR.CORR (corridor), SI.RMT.COST.IB.ZS (to a country) or SI.RMT.COST.OB.ZS (from a country)",
                "sender_iso3": "Sending country (blank for the 'to a country' series)",
                "receiver_iso3": "Receiving country (blank for the 'from a country' series)",
                "period": "Quarter (YYYYQn) for corridors, year for country series",
                "year": "Calendar year",
                "quarter": "Quarter 1-4 (corridors only)",
                "cost_pct": "Average total cost, % of the amount sent (a few negative values are as published)",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="remittances_by_sender",
            title="Sri Lanka: workers' remittances by sending country (reported)",
            measure="Flow: workers' remittances received by Sri Lanka, US$ million per quarter and year, as reported by "
            "the Central Bank of Sri Lanka (not modelled)",
            description="SLBFE Annual Statistical Report 2023, Table 46, citing the Central Bank of Sri Lanka: 30 "
            "sending countries and 'Other'. The only reported (not modelled) sender-to-receiver remittances here.",
            columns={
                "year": "Calendar year",
                "receiver_iso3": "Receiving country (Sri Lanka)",
                "sender_as_published": "Sending country as printed by SLBFE",
                "sender_iso3": "ISO3 of the sending country (blank for 'Other')",
                "q1_usd_million": "January-March, US$ million",
                "q2_usd_million": "April-June, US$ million",
                "q3_usd_million": "July-September, US$ million",
                "q4_usd_million": "October-December, US$ million",
                "total_usd_million": "Year total, US$ million",
                "basis": "Always 'reported'",
                "source_id": "Source of the row",
            },
        ),
    ]
}
