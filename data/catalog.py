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


def N_(message: str) -> str:  # gettext's conventional name
    """Marks a table's title and measure for translation (``pybabel`` extracts them, babel.cfg); the pages show
    them through ``components.i18n._``. The data boundary itself stays English and imports nothing from there."""
    return message


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
            title=N_("Sources"),
            measure=N_("Metadata"),
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
            title=N_("Countries and areas"),
            measure=N_("Reference list"),
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
            title=N_("International migrant stock by origin and destination"),
            measure=N_("Stock: persons living outside their country of origin at mid-year (not annual flows)"),
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
            title=N_("Sri Lanka: departures for foreign employment by destination"),
            measure=N_("Flow: registrations of departing workers per calendar year (reported, not modelled)"),
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
            name="labour_outflows",
            title=N_("Departures of migrant workers by origin and destination (reported figures)"),
            measure=N_(
                "Flow: workers leaving for foreign employment, as counted by each origin's agency. The basis "
                "differs by country (registrations, clearances, labour permits, deployments, placements, contract "
                "departures) and so does the period (calendar or fiscal year, half-year, quarter, part of a year, or a "
                "multi-year CUMULATIVE register): levels are not comparable across bases, and a cumulative register is "
                "never a year's flow"
            ),
            description="One row per published figure for Sri Lanka (SLBFE 2019-2025), Indonesia (BP2MI 2022-2024), "
            "Bangladesh (BMET/OEP cumulative register June 2023-Sept 2026, and yearly figures from news pages), India "
            "(eMigrate cumulative register 2021-Nov 2024, Gulf clearances), Pakistan, Nepal, the Philippines, Viet Nam "
            "and Thailand (figures printed on news and official pages). Values exactly as published. Where two "
            "publications give a figure for the same thing, both are kept and one is shown (is_shown); note says why. "
            "Only Sri Lanka, Indonesia and the two registers itemise every destination; the other lists are partial. "
            "To add figures, take shown rows of one table_id, one sex and one worker_category, without the total "
            "(data.flows.departures_ranking does this).",
            columns={
                "origin_iso3": "Country the workers leave",
                "scope": "What the row counts: total (national total), destination (one country), others (the "
                "remaining destinations as printed) or region (a named group such as 'Gulf countries'). Never add "
                "a total to its destinations",
                "destination_iso3": "Destination country (only where scope = destination; blank where the printed "
                "name cannot be coded, e.g. 'Congo')",
                "destination_as_published": "Destination, total or group exactly as printed",
                "period_label": "The period as the publisher labels it (e.g. 2023, FY2077/78 (2020/21), 2023 H1)",
                "period_start": "First day of the period (blank where the page does not confirm the period)",
                "period_end": "Last day of the period (Nepali fiscal-year bounds are approximate)",
                "period_kind": "calendar_year, fiscal_year, half_year, quarter, partial_year, cumulative (several "
                "years added up: use only for shares and rankings) or unstated",
                "sex": "total, female or male",
                "worker_category": "all, an SLBFE manpower level, or land-based / sea-based (Philippines)",
                "value": "Persons, exactly as published; blank where withheld (see note)",
                "value_precision": "exact, rounded (printed rounded, e.g. 'nearly 160,000') or lower_bound "
                "('more than 80,000': the printed bound)",
                "figure_as_printed": "The figure as the page prints it (lakh commas, Devanagari numerals, words)",
                "basis": "What the agency counts: registrations, clearances, labour_permits, deployments, placements, "
                "contract_departures or departures_all_channels",
                "basis_as_published": "The publisher's own description of the figure",
                "release": "The publication or release the figure comes from (final, preliminary, superseded)",
                "table_id": "Rows printed together (one table or page, one period)",
                "parts_complete": "True where the table itemises every destination, so its rows (excluding the "
                "total) add up to its total; False for partial lists",
                "is_shown": "True for the figure the dashboard shows; False for a figure kept only for comparison "
                "(superseded release, a disagreeing page, a repeat, an unconfirmed period)",
                "note": "Why a figure is not shown or withheld, rounding, and caveats",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="agreements",
            title=N_("Bilateral labour migration agreements and MOUs (partial inventory)"),
            measure=N_(
                "Instruments signed between two governments (not migrant numbers); each row cites the page "
                "that states it, with a confidence level. A partial inventory, not a complete list"
            ),
            description="Hand-compiled from public pages (ILO agreements database pages, governments, news "
            "agencies), one row per instrument: originals and renewals are separate rows; 119 instruments of the "
            "base inventory and 47 additions (Japan's SSW and technical-intern MOCs, Israel, New Zealand's RSE "
            "understandings, Taiwan, Saudi Arabia, Qatar, ...). Taiwan's arrangements are between representative "
            "offices, not states (parties_note). The ILO booklet "
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
                "parties_note": "Who the parties are where they are not two states: Taiwan's arrangements are between "
                "representative offices (TECO/TETO/TECC and the partner's economic and cultural office). Show it "
                "wherever such a row appears; empty for agreements between states",
                "notes": "What the page says, conflicts between pages, and why a date is missing",
                "source_id": "The cited page(s) in the sources table",
                "date_source_id": "Where the date comes from a page other than the row's own source: that page "
                "(sources table); empty otherwise",
            },
        ),
        TableSpec(
            name="regional_instruments",
            title=N_("Regional instruments and consultative processes on migration in Asia"),
            measure=N_(
                "Regional declarations, consensus documents and intergovernmental dialogues (not migrant numbers)"
            ),
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
            title=N_("News and resources on labour migration"),
            measure=N_(
                "Items (news, press releases, op-eds, videos, publications, statements, events) as listed by "
                "their publishers; a sample of the web, not a complete news record"
            ),
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
            title=N_("Remittances received and paid, by country and year"),
            measure=N_(
                "Flow: personal remittances in current US$ per calendar year (WDI final figures, or KNOMAD's "
                "December 2023 series whose 2023 values are estimates); % of GDP and per capita derived within one series"
            ),
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
            title=N_("Bilateral remittance estimates, sender to receiver (modelled)"),
            measure=N_(
                "Modelled estimates, not reported flows: remittances in US$ million, current, in 2017 or 2021, "
                "allocated across senders by KNOMAD/World Bank from migrant stocks and incomes"
            ),
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
            title=N_("Cost of sending remittances: by corridor (RPW) and by country (WDI, SDG 10.c)"),
            measure=N_(
                "Price: average total cost (fee + exchange-rate margin) of sending the equivalent of US$200, in % "
                "of the amount sent; corridor quarters 2011Q1-2020Q3 and country years 2011-2020. SDG 10.c targets 3% "
                "on average and no corridor above 5%"
            ),
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
            name="remittance_cost_means",
            title=N_("Cost of sending remittances by corridor, 2016Q2-2025Q1: mean of RPW provider quotes (computed)"),
            measure=N_(
                "Price, COMPUTED (not the World Bank's published average): simple mean of the provider quotes "
                "surveyed by Remittance Prices Worldwide for sending the equivalent of US$200 (and US$500), % of the amount "
                "sent, per corridor and quarter"
            ),
            description="Computed by a third party (GitHub jonsmirl/thesis) from the RPW complete dataset for 300 "
            "corridors with an Asian, Gulf, US or UK end. Checked here against the published corridor averages for "
            "2016Q2-2020Q3: reproduces_published says how well each corridor matches. Use the published "
            "remittance_costs series to 2020Q3 and this one after it, labelled 'mean of RPW provider quotes, "
            "computed', preferably only where reproduces_published is matches_official or mostly_matches.",
            columns={
                "series": "Always 'mean of RPW provider quotes, computed' (never the published average)",
                "sender_iso3": "Sending country",
                "receiver_iso3": "Receiving country",
                "period": "Quarter (YYYYQn)",
                "year": "Calendar year",
                "quarter": "Quarter 1-4",
                "cost_pct": "Mean total cost of sending US$200, % of the amount sent (negative where quotes are)",
                "cost_pct_500usd": "Mean total cost of sending US$500, %",
                "fx_margin_pct": "Mean exchange-rate margin, US$200, %",
                "fx_margin_pct_500usd": "Mean exchange-rate margin, US$500, %",
                "n_quotes": "Number of quotes averaged (product rows; can exceed the number of firms)",
                "reproduces_published": "The corridor's check against the published average over 2016Q2-2020Q3: "
                "matches_official (every overlapping quarter identical after rounding), mostly_matches (at least "
                "80%), differs_from_official, or not_checkable (no overlap)",
                "overlap_quarters": "Quarters where both the computed and the published series exist",
                "overlap_quarters_matching": "Of those, quarters where they agree to within 0.005 percentage points",
                "overlap_max_abs_diff": "Largest difference from the published average, percentage points",
                "after_published_series": "True for quarters after 2020Q3, where no published average is held",
                "rpw_corridor_code": "RPW corridor code",
                "source_id": "Source of the row",
            },
        ),
        TableSpec(
            name="remittance_headlines",
            title=N_("Remittances in 2024 (and 2023): headline figures as printed"),
            measure=N_(
                "Flow, as printed on pages: World Bank estimates of remittance inflows (US$ billion, % of GDP, "
                "growth) and Bangladesh Bank totals; early estimates, by release, for about ten countries"
            ),
            description="World Bank blog of 18 Dec 2024 (2024 estimates), World Bank data as reported in Sept 2025, "
            "Migration and Development Brief 39 (Dec 2023) and Bangladesh Bank calendar-year totals, each figure as "
            "printed. Not a full series and not WDI: show as labelled points after the WDI series, never joined to it.",
            columns={
                "series": "Release: wb_estimate_dec2024, wb_data_sep2025, wb_brief_dec2023 or bangladesh_bank",
                "vintage": "The release in words",
                "area_code": "Country ISO3, or World Bank group (LMY low- and middle-income, SAS South Asia, WLD world)",
                "is_aggregate": "True for a World Bank group",
                "area_as_published": "Country or group as printed",
                "year": "Year the figure is for",
                "indicator": "remittance_inflows, remittance_inflows_national (central bank), growth_rate or "
                "remittances_pct_gdp",
                "value": "The figure as printed, in unit",
                "unit": "US$ billion, percent or percent of GDP",
                "value_usd": "US$ figures in US$ (value x 1e9), for charts next to WDI; empty otherwise",
                "figure_as_printed": "The figure as the page prints it",
                "value_precision": "'as printed', or 'approximate' where the page says around/nearly",
                "basis": "What the figure is, per the page",
                "note": "Caveats, cross-checks",
                "source_id": "Source of the row (the page and the release it quotes)",
            },
        ),
        TableSpec(
            name="remittances_by_sender",
            title=N_("Sri Lanka: workers' remittances by sending country (reported)"),
            measure=N_(
                "Flow: workers' remittances received by Sri Lanka, US$ million per quarter and year, as reported by "
                "the Central Bank of Sri Lanka (not modelled)"
            ),
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
        TableSpec(
            name="country_groups",
            title=N_(
                "Country groups: members of regional organisations, consultative processes and World Bank regions"
            ),
            measure=N_("Reference list: one row per (group, member country); membership, not migrant numbers"),
            description="GCC (6 members), ASEAN (11, with Timor-Leste admitted on 26 October 2025), SAARC (8), the "
            "Colombo Process (12) and the Abu Dhabi Dialogue (20), each transcribed from the public page in its "
            "source_id; and the World Bank regions East Asia & Pacific and South Asia, from the World Bank's FY2023 "
            "country classification. Caveats: membership is as of the date in membership_as_of (blank where the "
            "page shows no date; the Abu Dhabi Dialogue list comes from an undated page and its 2024 ministerial "
            "meeting named 16 countries); observers, partners and candidates are not included; join dates only "
            "where the cited page states them. UN regions and 'Asia and the Pacific' are areas of the countries "
            "table, not rows here.",
            columns={
                "group_key": "Identifier of the group (e.g. gcc, asean, wb_south_asia)",
                "group_name": "Name of the group",
                "kind": "intergovernmental organisation, regional consultative process or statistical region",
                "iso3": "ISO3 code of the member country",
                "member_name": "The member's name as the cited page or file writes it",
                "joined": "When the member joined (YYYY or YYYY-MM-DD, as the cited page gives it); blank where it "
                "gives none",
                "membership_as_of": "Date the cited page or file states for the list (YYYY, YYYY-MM-DD); blank where "
                "it shows none",
                "source_id": "The page or file that states the membership",
            },
        ),
    ]
}


# --- the data dictionary of downloads -------------------------------------------------------------------------

# Columns the views add to the tables (computed by the dashboard, in no table file): their meaning. Every
# other column of a download is described by the catalog entry of the table it comes from.
DERIVED_COLUMNS: dict[str, str] = {
    "origin": "Country or area of origin, name (UN DESA/countries table)",
    "destination": "Country or area of destination, name",
    "country": "Country or area, name",
    "sex": "Sex the figure 'migrants' counts: total, female or male",
    "migrants": "Migrants of the sex in column 'sex' (persons, mid-year stock)",
    "female_share_pct": "Female migrants as a share of female + male",
    "previous_year": "The estimate year before 'year' in the same revision",
    "previous_migrants": "Migrants of the same sex at 'previous_year' (persons)",
    "change": "migrants - previous_migrants (persons)",
    "change_pct": "change / previous_migrants x 100",
    "corridors": "Origin-destination pairs summed into the row",
    "corridors_imputed": "Of those pairs, how many UN DESA imputed (no data for the destination)",
    "user_supplied": "True for an item from the user's own CSV file (not from a published source)",
    "citation": "How to cite the row's source (from sources.csv)",
    "licence": "Licence of the row's source (from sources.csv)",
    "rank": "Place of the destination in this period's ranking, largest first (empty for 'others' and regions)",
    "share_of_total": "value / the period's printed total (or the sum of a complete itemisation)",
    "share": "value / register_total: the destination's share of a multi-year cumulative register, never a year's flow",
    "register_total": "The cumulative register's printed total (or the sum of its complete itemisation)",
}
# Units by exact column name, then by how a name ends; a column matching neither is text or a code list.
_UNITS = {
    "year": "year", "revision": "year of the UN DESA revision", "previous_year": "year",
    "female": "persons", "male": "persons", "total": "persons", "migrants": "persons",
    "previous_migrants": "persons", "change": "persons", "departures": "persons",
    "population": "persons", "corridors": "count", "corridors_imputed": "count", "n_quotes": "count",
    "value": "see column 'unit' or 'basis'", "usd_million": "US$ million (current)",
    "lon": "degrees", "lat": "degrees", "quarter": "quarter (1-4)", "rank": "rank (1 = largest)",
    "share_of_total": "fraction (0-1)", "share": "fraction (0-1)", "register_total": "workers (see column 'basis')",
}  # fmt: skip
_UNIT_ENDINGS = (
    ("_usd_million", "US$ million (current)"), ("_usd", "US$ (current)"), ("_pct_500usd", "% of US$500 sent"),
    ("_pct_gdp", "% of GDP"), ("_pct", "%"), ("_iso3", "ISO 3166-1 alpha-3 code"), ("iso3", "ISO 3166-1 alpha-3 code"),
    ("type_b", "flag: 1 = yes"), ("type_c", "flag: 1 = yes"), ("type_r", "flag: 1 = yes"), ("type_i", "flag: 1 = yes"),
    ("_id", "identifier"), ("is_", "true/false"),
)  # fmt: skip
# Headers a person reads, for the codes that are not plain words.
_LABELS = {
    "orig_iso3": "Origin (ISO3)", "dest_iso3": "Destination (ISO3)", "iso3": "Country (ISO3)",
    "origin_iso3": "Origin (ISO3)", "destination_iso3": "Destination (ISO3)",
    "sender_iso3": "Sending country (ISO3)", "receiver_iso3": "Receiving country (ISO3)",
    "type_b": "Counts foreign-born", "type_c": "Counts foreign citizens", "type_r": "Includes refugees",
    "type_i": "Imputed by UN DESA", "female_share_pct": "Female share (%)", "change_pct": "Change (%)",
    "previous_year": "Previous estimate year", "previous_migrants": "Migrants at the previous estimate",
    "received_usd": "Remittances received (US$)", "paid_usd": "Remittances paid (US$)", "gdp_usd": "GDP (US$)",
    "received_pct_gdp": "Remittances received (% of GDP)", "received_per_capita_usd": "Received per person (US$)",
    "usd_million": "Remittances (US$ million)", "cost_pct": "Cost of sending US$200 (%)", "source_id": "Source",
}  # fmt: skip


def column_unit(column: str) -> str:
    if column in _UNITS:
        return _UNITS[column]
    for ending, unit in _UNIT_ENDINGS:
        if column.endswith(ending) or (ending == "is_" and column.startswith(ending)):
            return unit
    return "text"


def column_label(column: str) -> str:
    return _LABELS.get(column, column.replace("_", " ").capitalize())


def column_dictionary(columns, tables) -> list[dict[str, str]]:
    """One row per column of a download (column, label, meaning, unit, source): the meaning from the catalog entry
    of the first of ``tables`` (catalog names) that has the column, else from DERIVED_COLUMNS; a column neither
    describes says so ("not described") so a test can find it."""
    rows = []
    for column in columns:
        spec = next((CATALOG[name] for name in tables if column in CATALOG[name].columns), None)
        if spec is not None:
            meaning, source = spec.columns[column], f"{spec.title} (table '{spec.name}'; each row's source_id)"
        elif column in DERIVED_COLUMNS:
            meaning = DERIVED_COLUMNS[column]
            source = "Computed by the dashboard from " + ", ".join(CATALOG[name].title for name in tables)
        else:
            meaning, source = "not described", ""
        rows.append(
            {"column": column, "label": column_label(column), "meaning": meaning, "unit": column_unit(column),
             "source": source}
        )  # fmt: skip
    return rows
