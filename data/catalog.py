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
    """Where the app reads its tables: the shipped ones, or another copy (a rebuild, a test's broken copy) named by
    MIGRATION_DASHBOARD_TABLES. An empty value counts as unset (the shipped tables), never as the current folder."""
    return Path(os.environ.get(TABLES_DIR_VARIABLE) or TABLES_DIR)


def tables_dir_is_set() -> bool:
    return bool(os.environ.get(TABLES_DIR_VARIABLE))


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
            name="agreements",
            title="Bilateral labour migration agreements and MOUs (partial inventory)",
            measure="Instruments signed between two governments (not migrant numbers); each row cites the page "
            "that states it, with a confidence level. A partial inventory, not a complete list",
            description="Hand-compiled from public pages (ILO agreements database pages, governments, news "
            "agencies), one row per instrument: originals and renewals are separate rows. The ILO booklet "
            "'Protecting Migrant Workers' (2011) is the base list for Korea (EPS, 15 countries), Malaysia (7) and "
            "Thailand (3). Dates are recorded only as precisely as a page states them; no date was filled in.",
            columns={
                "agreement_id": "Identifier of the instrument in the inventory",
                "origin_iso3": "Country of origin (sending workers); for a two-way instrument, the first party",
                "destination_iso3": "Country of destination (receiving workers); for a two-way instrument, the second party",
                "two_way": "True where the instrument has no one-way direction (both parties send and receive)",
                "instrument_type": "MOU, Agreement, Memorandum of cooperation, Renewal or extension, or Protocol",
                "title": "Title or short description of the instrument, as given by the source",
                "scheme_or_sector": "Scheme (e.g. Korea's EPS, Japan's SSW, Australia's PALM) or sectors covered, as stated",
                "date_signed": "Date of signing, only where a page states the day (date_precision = day)",
                "year_signed": "Year of signing; empty where no page gives a date",
                "date_precision": "day, month (the month is named in notes), year, or unknown (date not recorded)",
                "status": "'in force' or 'expired' only where the source states it (at the time of the page); empty otherwise",
                "superseded": "True where the compilers mark the instrument as replaced by a later recorded row "
                "(their reading of the rows, not a status stated by the source)",
                "pair_in_ilo_booklet": "True where the ILO booklet (2011) lists an agreement between the two countries",
                "confidence": "Confidence in the cited page: high (ILO, governments, IOM, ASEAN), medium (established "
                "news media), low (blogs, reposts, recruitment sites, NGO pages)",
                "notes": "What the page says, conflicts between pages, and why a date is missing",
                "source_id": "The cited page(s) in the sources table",
            },
        ),
        TableSpec(
            name="regional_instruments",
            title="Regional instruments and consultative processes on migration in Asia",
            measure="Regional declarations, consensus documents and intergovernmental dialogues (not migrant numbers)",
            description="ASEAN declarations and consensus, the Colombo Process, the Abu Dhabi Dialogue, the Asia-EU "
            "Dialogue and the Bali Process, each with the page that states its date and scope.",
            columns={
                "instrument_id": "Identifier",
                "name": "Name of the instrument or process",
                "body_or_process": "ASEAN, Colombo Process, Abu Dhabi Dialogue, Bali Process, ...",
                "members_or_scope": "Members or participants, as stated by the source",
                "instrument_type": "Declaration, consensus, regional consultative process, ...",
                "date_signed": "Date of signing or first meeting, where a page states the day",
                "year_signed": "Year; empty where no page gives it",
                "date_precision": "day, month, year or unknown",
                "place": "Where it was signed or launched",
                "status": "Only where the source states it; empty otherwise",
                "confidence": "Confidence in the cited page (high, medium, low)",
                "notes": "What the pages say, and caveats",
                "source_id": "The cited page(s) in the sources table",
            },
        ),
        TableSpec(
            name="news",
            title="News and resources on labour migration",
            measure="Items (news, press releases, op-eds, videos, publications, statements, events) as listed by "
            "their publishers; a sample of the web, not a complete news record",
            description="212 items: every item of three ILO news listings and an undated ILO resource list, plus "
            "dated items read on stored public web pages (2006-2025). Countries and topics were assigned by the "
            "compilers; summaries are one sentence written by them. Coverage is uneven between countries.",
            columns={
                "item_id": "Identifier of the item (seedNNN-NN: from an ILO listing; page-NNN: from a web page)",
                "date": "Date at its precision: YYYY-MM-DD, YYYY-MM or YYYY; blank for an undated resource",
                "date_precision": "day, month, year or none",
                "title": "Title as published (typos kept)",
                "kind": "news, press release, op-ed, video, publication, statement or event",
                "publisher": "Who published the item (';' between joint publishers); blank = not known",
                "url": "Where the item (or the listing page that shows it) was read",
                "countries_iso3": "Countries the item is about, ISO3, ';'-separated; blank = regional or global",
                "topics": "Topics from the fixed list, ';'-separated",
                "summary": "One sentence written by the compilers (not the publisher's text)",
                "source_id": "The list the item was compiled from",
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
