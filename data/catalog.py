"""What each curated table is: title, what its figures measure, and its columns.

The source of every row is in the ``sources`` table (via ``source_id``); this catalog says what a
table means, so pages, downloads and the methods page can say it where the figures are shown.
"""

import os
from collections.abc import Callable
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
            description=N_("One row per published dataset used: publisher, edition, URL, licence and citation."),
            columns={
                "source_id": N_("Identifier used in the source_id column of every other table"),
                "publisher": N_("Who published the data"),
                "dataset": N_("Dataset name"),
                "edition": N_("Edition, revision or vintage"),
                "year": N_("Publication year of the edition"),
                "url": N_("Where the publisher makes it available"),
                "licence": N_("Licence or terms of use, as stated by the publisher"),
                "citation": N_("How to cite it"),
                "obtained_from": N_("The copy this project read, with its commit"),
                "notes": N_("What the figures are, and caveats"),
            },
        ),
        TableSpec(
            name="countries",
            title=N_("Countries and areas"),
            measure=N_("Reference list"),
            description=N_(
                "ISO3 codes used by UN DESA with UN M49 regions, World Bank income group (FY2023) "
                "and a label point for maps."
            ),
            columns={
                "iso3": N_("ISO 3166-1 alpha-3 code (UN DESA also uses a few non-ISO codes, e.g. OOO = other/unknown)"),
                "name": N_("Country or area name"),
                "m49": N_("UN M49 numeric code"),
                "region": N_("UN region"),
                "subregion": N_("UN subregion"),
                "intermediate_region": N_("UN intermediate region, where defined"),
                "is_asia_pacific": N_("True where the UN region is Asia or Oceania"),
                "wb_income_group": N_("World Bank income group, FY2023 classification"),
                "lon": N_("Longitude of the label point used for maps"),
                "lat": N_("Latitude of the label point used for maps"),
                "point_source": N_("Where the label point comes from"),
                "source_id": N_("Source of the row"),
            },
        ),
        TableSpec(
            name="corridors",
            title=N_("International migrant stock by origin and destination"),
            measure=N_("Stock: persons living outside their country of origin at mid-year (not annual flows)"),
            description=N_(
                "UN DESA International Migrant Stock, bilateral, by sex; 2024 revision (1990-2024) and "
                "2020 revision (1990-2020). The revisions differ a lot on Gulf corridors: never mix them."
            ),
            columns={
                "revision": N_("UN DESA revision (2024 or 2020)"),
                "year": N_("Reference year (mid-year)"),
                "orig_iso3": N_("Country or area of origin (birth, or citizenship where type_c = 1)"),
                "dest_iso3": N_("Country or area of destination"),
                "female": N_("Female migrants (persons)"),
                "male": N_("Male migrants (persons)"),
                "total": N_("female + male (persons)"),
                "type_b": N_("1 = destination data based on foreign-born population"),
                "type_c": N_("1 = destination data based on foreign citizens"),
                "type_r": N_("1 = includes refugees"),
                "type_i": N_("1 = imputed by UN DESA (no data for the destination)"),
                "source_id": N_("Source of the row"),
            },
        ),
        TableSpec(
            name="deployments",
            title=N_("Sri Lanka: departures for foreign employment by destination"),
            measure=N_("Flow: registrations of departing workers per calendar year (reported, not modelled)"),
            description=N_(
                "SLBFE annual statistical reports, 2019-2024. Totals (sex 'total', skill 'all') come "
                "from the all-sources table; sex x skill rows from the country x manpower table, whose categories "
                "change in 2023 and whose 2021 sum (97,302) is below the all-sources total (122,264)."
            ),
            columns={
                "year": N_("Calendar year of departure"),
                "destination_as_published": N_("Destination as printed by SLBFE"),
                "dest_iso3": N_("ISO3 of the destination (blank for 'Other' and regions)"),
                "sex": N_("total, female or male"),
                "skill_level": N_("'all', or the SLBFE manpower level"),
                "departures": N_("Departures (persons); blank where withheld, see note"),
                "basis": N_("Which SLBFE table the figure comes from"),
                "source_table": N_("Table number in the SLBFE report, where known"),
                "note": N_("Why a figure is withheld or flagged"),
                "source_id": N_("Source of the row"),
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
            description=N_(
                "One row per published figure for Sri Lanka (SLBFE 2019-2025), Indonesia (BP2MI 2022-2024), "
                "Bangladesh (BMET/OEP cumulative register June 2023-Sept 2026, and yearly figures from news pages), India "
                "(eMigrate cumulative register 2021-Nov 2024, Gulf clearances), Pakistan, Nepal, the Philippines, Viet Nam "
                "and Thailand (figures printed on news and official pages). Values exactly as published. Where two "
                "publications give a figure for the same thing, both are kept and one is shown (is_shown); note says why. "
                "Only Sri Lanka, Indonesia and the two registers itemise every destination; the other lists are partial. "
                "To add figures, take shown rows of one table_id, one sex and one worker_category, without the total "
                "(data.flows.departures_ranking does this)."
            ),
            columns={
                "origin_iso3": N_("Country the workers leave"),
                "scope": N_(
                    "What the row counts: total (national total), destination (one country), others (the "
                    "remaining destinations as printed) or region (a named group such as 'Gulf countries'). Never add "
                    "a total to its destinations"
                ),
                "destination_iso3": N_(
                    "Destination country (only where scope = destination; blank where the printed "
                    "name cannot be coded, e.g. 'Congo')"
                ),
                "destination_as_published": N_("Destination, total or group exactly as printed"),
                "period_label": N_("The period as the publisher labels it (e.g. 2023, FY2077/78 (2020/21), 2023 H1)"),
                "period_start": N_("First day of the period (blank where the page does not confirm the period)"),
                "period_end": N_("Last day of the period (Nepali fiscal-year bounds are approximate)"),
                "period_kind": N_(
                    "calendar_year, fiscal_year, half_year, quarter, partial_year, cumulative (several "
                    "years added up: use only for shares and rankings) or unstated"
                ),
                "sex": N_("total, female or male"),
                "worker_category": N_("all, an SLBFE manpower level, or land-based / sea-based (Philippines)"),
                "value": N_("Persons, exactly as published; blank where withheld (see note)"),
                "value_precision": N_(
                    "exact, rounded (printed rounded, e.g. 'nearly 160,000') or lower_bound "
                    "('more than 80,000': the printed bound)"
                ),
                "figure_as_printed": N_("The figure as the page prints it (lakh commas, Devanagari numerals, words)"),
                "basis": N_(
                    "What the agency counts: registrations, clearances, labour_permits, deployments, placements, "
                    "contract_departures or departures_all_channels"
                ),
                "basis_as_published": N_("The publisher's own description of the figure"),
                "release": N_("The publication or release the figure comes from (final, preliminary, superseded)"),
                "table_id": N_("Rows printed together (one table or page, one period)"),
                "parts_complete": N_(
                    "True where the table itemises every destination, so its rows (excluding the "
                    "total) add up to its total; False for partial lists"
                ),
                "is_shown": N_(
                    "True for the figure the dashboard shows; False for a figure kept only for comparison "
                    "(superseded release, a disagreeing page, a repeat, an unconfirmed period)"
                ),
                "note": N_("Why a figure is not shown or withheld, rounding, and caveats"),
                "source_id": N_("Source of the row"),
            },
        ),
        TableSpec(
            name="agreements",
            title=N_("Bilateral labour migration agreements and MOUs (partial inventory)"),
            measure=N_(
                "Instruments signed between two governments (not migrant numbers); each row cites the page "
                "that states it, with a confidence level. A partial inventory, not a complete list"
            ),
            description=N_(
                "Hand-compiled from public pages (ILO agreements database pages, governments, news "
                "agencies), one row per instrument: originals and renewals are separate rows; 119 instruments of the "
                "base inventory and 47 additions (Japan's SSW and technical-intern MOCs, Israel, New Zealand's RSE "
                "understandings, Taiwan, Saudi Arabia, Qatar, ...). Taiwan's arrangements are between representative "
                "offices, not states (parties_note). The ILO booklet "
                "'Protecting Migrant Workers' (2011) is the base list for Korea (EPS, 15 countries), Malaysia (7) and "
                "Thailand (3). Dates are recorded only as precisely as a page states them; no date was filled in."
            ),
            columns={
                "agreement_id": N_("Identifier of the instrument in the inventory"),
                "origin_iso3": N_("Country of origin (sending workers); for a two-way instrument, the first party"),
                "destination_iso3": N_(
                    "Country of destination (receiving workers); for a two-way instrument, the second party"
                ),
                "two_way": N_("True where the instrument has no one-way direction (both parties send and receive)"),
                "instrument_type": N_("MOU, Agreement, Memorandum of cooperation, Renewal or extension, or Protocol"),
                "title": N_("Title or short description of the instrument, as given by the source"),
                "scheme_or_sector": N_(
                    "Scheme (e.g. Korea's EPS, Japan's SSW, Australia's PALM) or sectors covered, as stated"
                ),
                "date_signed": N_("Date of signing, only where a page states the day (date_precision = day)"),
                "year_signed": N_("Year of signing; empty where no page gives a date"),
                "date_precision": N_("day, month (the month is named in notes), year, or unknown (date not recorded)"),
                "status": N_(
                    "'in force' or 'expired' only where the source states it (at the time of the page); empty otherwise"
                ),
                "superseded": N_(
                    "True where the compilers mark the instrument as replaced by a later recorded row "
                    "(their reading of the rows, not a status stated by the source)"
                ),
                "pair_in_ilo_booklet": N_(
                    "True where the ILO booklet (2011) lists an agreement between the two countries"
                ),
                "confidence": N_(
                    "Confidence in the cited page: high (ILO, governments, IOM, ASEAN), medium (established "
                    "news media), low (blogs, reposts, recruitment sites, NGO pages)"
                ),
                "parties_note": N_(
                    "Who the parties are where they are not two states: Taiwan's arrangements are between "
                    "representative offices (TECO/TETO/TECC and the partner's economic and cultural office). Show it "
                    "wherever such a row appears; empty for agreements between states"
                ),
                "notes": N_("What the page says, conflicts between pages, and why a date is missing"),
                "source_id": N_("The cited page(s) in the sources table"),
                "date_source_id": N_(
                    "Where the date comes from a page other than the row's own source: that page "
                    "(sources table); empty otherwise"
                ),
            },
        ),
        TableSpec(
            name="regional_instruments",
            title=N_("Regional instruments and consultative processes on migration in Asia"),
            measure=N_(
                "Regional declarations, consensus documents and intergovernmental dialogues (not migrant numbers)"
            ),
            description=N_(
                "ASEAN declarations and consensus, the Colombo Process, the Abu Dhabi Dialogue, the Asia-EU "
                "Dialogue and the Bali Process, each with the page that states its date and scope."
            ),
            columns={
                "instrument_id": N_("Identifier"),
                "name": N_("Name of the instrument or process"),
                "body_or_process": N_("ASEAN, Colombo Process, Abu Dhabi Dialogue, Bali Process, ..."),
                "members_or_scope": N_("Members or participants, as stated by the source"),
                "instrument_type": N_("Declaration, consensus, regional consultative process, ..."),
                "date_signed": N_("Date of signing or first meeting, where a page states the day"),
                "year_signed": N_("Year; empty where no page gives it"),
                "date_precision": N_("day, month, year or unknown"),
                "place": N_("Where it was signed or launched"),
                "status": N_("Only where the source states it; empty otherwise"),
                "confidence": N_("Confidence in the cited page (high, medium, low)"),
                "notes": N_("What the pages say, and caveats"),
                "source_id": N_("The cited page(s) in the sources table"),
            },
        ),
        TableSpec(
            name="news",
            title=N_("News and resources on labour migration"),
            measure=N_(
                "Items (news, press releases, op-eds, videos, publications, statements, events) as listed by "
                "their publishers; a sample of the web, not a complete news record"
            ),
            description=N_(
                "212 items: every item of three ILO news listings and an undated ILO resource list, plus "
                "dated items read on stored public web pages (2006-2025). Countries and topics were assigned by the "
                "compilers; summaries are one sentence written by them. Coverage is uneven between countries."
            ),
            columns={
                "item_id": N_("Identifier of the item (seedNNN-NN: from an ILO listing; page-NNN: from a web page)"),
                "date": N_("Date at its precision: YYYY-MM-DD, YYYY-MM or YYYY; blank for an undated resource"),
                "date_precision": N_("day, month, year or none"),
                "title": N_("Title as published (typos kept)"),
                "kind": N_("news, press release, op-ed, video, publication, statement or event"),
                "publisher": N_("Who published the item (';' between joint publishers); blank = not known"),
                "url": N_("Where the item (or the listing page that shows it) was read"),
                "countries_iso3": N_("Countries the item is about, ISO3, ';'-separated; blank = regional or global"),
                "topics": N_("Topics from the fixed list, ';'-separated"),
                "summary": N_("One sentence written by the compilers (not the publisher's text)"),
                "source_id": N_("The list the item was compiled from"),
            },
        ),
        TableSpec(
            name="remittances",
            title=N_("Remittances received and paid, by country and year"),
            measure=N_(
                "Flow: personal remittances in current US$ per calendar year (WDI final figures, or KNOMAD's "
                "December 2023 series whose 2023 values are estimates); % of GDP and per capita derived within one series"
            ),
            description=N_(
                "World Bank WDI personal remittances received and paid with GDP and population, 1990-2023, "
                "and KNOMAD/World Bank inflows (December 2023 release, 2000-2022 and 2023e). The two series are "
                "different vintages and are never combined in one line: each row names its series and vintage. "
                "Regional aggregates are not included."
            ),
            columns={
                "series": N_("wdi (World Bank WDI) or knomad_inflows (KNOMAD, December 2023)"),
                "vintage": N_("Release of the series the row belongs to"),
                "iso3": N_("Country or area (World Bank CHI is shown as XCX, Channel Islands)"),
                "year": N_("Calendar year"),
                "received_usd": N_("Personal remittances received, current US$"),
                "paid_usd": N_("Personal remittances paid, current US$ (WDI only)"),
                "gdp_usd": N_("GDP, current US$ (WDI only)"),
                "population": N_("Population, persons (UN WPP 2024 as packaged with WDI; WDI rows only)"),
                "received_pct_gdp": N_("Received as % of GDP: derived from WDI, or as published by KNOMAD for 2023"),
                "received_per_capita_usd": N_("Received per person, US$ (WDI only: received / population)"),
                "pct_gdp_basis": N_("How the % of GDP was obtained"),
                "is_estimate": N_("True where the publisher marks the value as an estimate (KNOMAD 2023e)"),
                "note": N_("Caveat for the row, e.g. KNOMAD zeros that often mean no data"),
                "source_id": N_("Source of the row"),
            },
        ),
        TableSpec(
            name="remittance_corridors",
            title=N_("Bilateral remittance estimates, sender to receiver (modelled)"),
            measure=N_(
                "Modelled estimates, not reported flows: remittances in US$ million, current, in 2017 or 2021, "
                "allocated across senders by KNOMAD/World Bank from migrant stocks and incomes"
            ),
            description=N_(
                "KNOMAD/World Bank Bilateral Remittance Matrix 2021 (December 2022 version) and World Bank "
                "Bilateral Remittance Estimates 2017 (April 2018 version). Analytical estimates (Ratha & Shaw 2007), "
                "not officially reported data. Pairs not listed are zero or not estimated."
            ),
            columns={
                "year": N_("Year of the estimates (2017 or 2021; one edition each)"),
                "sender_iso3": N_("Country where the money is sent from (host of the migrants)"),
                "receiver_iso3": N_("Country receiving the money (origin of the migrants)"),
                "usd_million": N_("Estimated remittances, US$ million, current"),
                "basis": N_("Always 'modelled estimate'"),
                "source_id": N_("Source of the row (edition)"),
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
            description=N_(
                "World Bank Remittance Prices Worldwide, corridor averages (DataBank export, ends 2020Q3), "
                "and the WDI country series SI.RMT.COST.IB.ZS (cost of sending to a country, SDG 10.c.1) and "
                "SI.RMT.COST.OB.ZS (cost of sending from a country). No prices after 2020Q3 are included."
            ),
            columns={
                "series_code": N_(
                    "ATCR.CORR (corridor), SI.RMT.COST.IB.ZS (to a country) or SI.RMT.COST.OB.ZS (from a country)"
                ),
                "sender_iso3": N_("Sending country (blank for the 'to a country' series)"),
                "receiver_iso3": N_("Receiving country (blank for the 'from a country' series)"),
                "period": N_("Quarter (YYYYQn) for corridors, year for country series"),
                "year": N_("Calendar year"),
                "quarter": N_("Quarter 1-4 (corridors only)"),
                "cost_pct": N_("Average total cost, % of the amount sent (a few negative values are as published)"),
                "source_id": N_("Source of the row"),
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
            description=N_(
                "Computed by a third party (GitHub jonsmirl/thesis) from the RPW complete dataset for 300 "
                "corridors with an Asian, Gulf, US or UK end. Checked here against the published corridor averages for "
                "2016Q2-2020Q3: reproduces_published says how well each corridor matches. Use the published "
                "remittance_costs series to 2020Q3 and this one after it, labelled 'mean of RPW provider quotes, "
                "computed', preferably only where reproduces_published is matches_official or mostly_matches."
            ),
            columns={
                "series": N_("Always 'mean of RPW provider quotes, computed' (never the published average)"),
                "sender_iso3": N_("Sending country"),
                "receiver_iso3": N_("Receiving country"),
                "period": N_("Quarter (YYYYQn)"),
                "year": N_("Calendar year"),
                "quarter": N_("Quarter 1-4"),
                "cost_pct": N_("Mean total cost of sending US$200, % of the amount sent (negative where quotes are)"),
                "cost_pct_500usd": N_("Mean total cost of sending US$500, %"),
                "fx_margin_pct": N_("Mean exchange-rate margin, US$200, %"),
                "fx_margin_pct_500usd": N_("Mean exchange-rate margin, US$500, %"),
                "n_quotes": N_("Number of quotes averaged (product rows; can exceed the number of firms)"),
                "reproduces_published": N_(
                    "The corridor's check against the published average over 2016Q2-2020Q3: "
                    "matches_official (every overlapping quarter identical after rounding), mostly_matches (at least "
                    "80%), differs_from_official, or not_checkable (no overlap)"
                ),
                "overlap_quarters": N_("Quarters where both the computed and the published series exist"),
                "overlap_quarters_matching": N_(
                    "Of those, quarters where they agree to within 0.005 percentage points"
                ),
                "overlap_max_abs_diff": N_("Largest difference from the published average, percentage points"),
                "after_published_series": N_("True for quarters after 2020Q3, where no published average is held"),
                "rpw_corridor_code": N_("RPW corridor code"),
                "source_id": N_("Source of the row"),
            },
        ),
        TableSpec(
            name="remittance_headlines",
            title=N_("Remittances in 2024 (and 2023): headline figures as printed"),
            measure=N_(
                "Flow, as printed on pages: World Bank estimates of remittance inflows (US$ billion, % of GDP, "
                "growth) and Bangladesh Bank totals; early estimates, by release, for about ten countries"
            ),
            description=N_(
                "World Bank blog of 18 Dec 2024 (2024 estimates), World Bank data as reported in Sept 2025, "
                "Migration and Development Brief 39 (Dec 2023) and Bangladesh Bank calendar-year totals, each figure as "
                "printed. Not a full series and not WDI: show as labelled points after the WDI series, never joined to it."
            ),
            columns={
                "series": N_("Release: wb_estimate_dec2024, wb_data_sep2025, wb_brief_dec2023 or bangladesh_bank"),
                "vintage": N_("The release in words"),
                "area_code": N_(
                    "Country ISO3, or World Bank group (LMY low- and middle-income, SAS South Asia, WLD world)"
                ),
                "is_aggregate": N_("True for a World Bank group"),
                "area_as_published": N_("Country or group as printed"),
                "year": N_("Year the figure is for"),
                "indicator": N_(
                    "remittance_inflows, remittance_inflows_national (central bank), growth_rate or remittances_pct_gdp"
                ),
                "value": N_("The figure as printed, in unit"),
                "unit": N_("US$ billion, percent or percent of GDP"),
                "value_usd": N_("US$ figures in US$ (value x 1e9), for charts next to WDI; empty otherwise"),
                "figure_as_printed": N_("The figure as the page prints it"),
                "value_precision": N_("'as printed', or 'approximate' where the page says around/nearly"),
                "basis": N_("What the figure is, per the page"),
                "note": N_("Caveats, cross-checks"),
                "source_id": N_("Source of the row (the page and the release it quotes)"),
            },
        ),
        TableSpec(
            name="remittances_by_sender",
            title=N_("Sri Lanka: workers' remittances by sending country (reported)"),
            measure=N_(
                "Flow: workers' remittances received by Sri Lanka, US$ million per quarter and year, as reported by "
                "the Central Bank of Sri Lanka (not modelled)"
            ),
            description=N_(
                "SLBFE Annual Statistical Report 2023, Table 46, citing the Central Bank of Sri Lanka: 30 "
                "sending countries and 'Other'. The only reported (not modelled) sender-to-receiver remittances here."
            ),
            columns={
                "year": N_("Calendar year"),
                "receiver_iso3": N_("Receiving country (Sri Lanka)"),
                "sender_as_published": N_("Sending country as printed by SLBFE"),
                "sender_iso3": N_("ISO3 of the sending country (blank for 'Other')"),
                "q1_usd_million": N_("January-March, US$ million"),
                "q2_usd_million": N_("April-June, US$ million"),
                "q3_usd_million": N_("July-September, US$ million"),
                "q4_usd_million": N_("October-December, US$ million"),
                "total_usd_million": N_("Year total, US$ million"),
                "basis": N_("Always 'reported'"),
                "source_id": N_("Source of the row"),
            },
        ),
        TableSpec(
            name="country_groups",
            title=N_(
                "Country groups: members of regional organisations, consultative processes and World Bank regions"
            ),
            measure=N_("Reference list: one row per (group, member country); membership, not migrant numbers"),
            description=N_(
                "GCC (6 members), ASEAN (11, with Timor-Leste admitted on 26 October 2025), SAARC (8), the "
                "Colombo Process (12) and the Abu Dhabi Dialogue (20), each transcribed from the public page in its "
                "source_id; and the World Bank regions East Asia & Pacific and South Asia, from the World Bank's FY2023 "
                "country classification. Caveats: membership is as of the date in membership_as_of (blank where the "
                "page shows no date; the Abu Dhabi Dialogue list comes from an undated page and its 2024 ministerial "
                "meeting named 16 countries); observers, partners and candidates are not included; join dates only "
                "where the cited page states them. UN regions and 'Asia and the Pacific' are areas of the countries "
                "table, not rows here."
            ),
            columns={
                "group_key": N_("Identifier of the group (e.g. gcc, asean, wb_south_asia)"),
                "group_name": N_("Name of the group"),
                "kind": N_("intergovernmental organisation, regional consultative process or statistical region"),
                "iso3": N_("ISO3 code of the member country"),
                "member_name": N_("The member's name as the cited page or file writes it"),
                "joined": N_(
                    "When the member joined (YYYY or YYYY-MM-DD, as the cited page gives it); blank where it gives none"
                ),
                "membership_as_of": N_(
                    "Date the cited page or file states for the list (YYYY, YYYY-MM-DD); blank where it shows none"
                ),
                "source_id": N_("The page or file that states the membership"),
            },
        ),
    ]
}


# --- the data dictionary of downloads -------------------------------------------------------------------------

# Columns the views add to the tables (computed by the dashboard, in no table file): their meaning. Every
# other column of a download is described by the catalog entry of the table it comes from.
DERIVED_COLUMNS: dict[str, str] = {
    "origin": N_("Country or area of origin, name (UN DESA/countries table)"),
    "destination": N_("Country or area of destination, name"),
    "country": N_("Country or area, name"),
    "sex": N_("Sex the figure 'migrants' counts: total, female or male"),
    "migrants": N_("Migrants of the sex in column 'sex' (persons, mid-year stock)"),
    "female_share_pct": N_("Female migrants as a share of female + male"),
    "previous_year": N_("The estimate year before 'year' in the same revision"),
    "previous_migrants": N_("Migrants of the same sex at 'previous_year' (persons)"),
    "change": N_("migrants - previous_migrants (persons)"),
    "change_pct": N_("change / previous_migrants x 100"),
    "corridors": N_("Origin-destination pairs summed into the row"),
    "corridors_imputed": N_("Of those pairs, how many UN DESA imputed (no data for the destination)"),
    "user_supplied": N_("True for an item from the user's own CSV file (not from a published source)"),
    "citation": N_("How to cite the row's source (from sources.csv)"),
    "licence": N_("Licence of the row's source (from sources.csv)"),
    "rank": N_("Place of the destination in this period's ranking, largest first (empty for 'others' and regions)"),
    "share_of_total": N_("value / the period's printed total (or the sum of a complete itemisation)"),
    "share": N_(
        "value / register_total: the destination's share of a multi-year cumulative register, never a year's flow"
    ),
    "register_total": N_("The cumulative register's printed total (or the sum of its complete itemisation)"),
    "sender": N_("Sending country, name"),
    "receiver": N_("Receiving country, name"),
    "source_lon": N_("Longitude of the sending country's label point (where the map's arc starts)"),
    "source_lat": N_("Latitude of the sending country's label point (where the map's arc starts)"),
    "target_lon": N_("Longitude of the receiving country's label point (where the map's arc ends)"),
    "target_lat": N_("Latitude of the receiving country's label point (where the map's arc ends)"),
    "partner": N_("Partner country, name as the publisher prints it"),
    "partner_iso3": N_("Partner country (blank for 'Other')"),
    "measure": N_("Which figure the row holds: reported remittances, departures or a modelled estimate"),
    "value": N_("The figure, in the unit of column 'unit' where there is one, else in the unit the download names"),
    "unit": N_("Unit of column 'value'"),
    "share_pct": N_("value as a share of the total of the same measure"),
    "note": N_("Caveat for the row"),
    "group": N_("Where the sending country is: the Gulf, Asia and the Pacific, or elsewhere"),
}
TEXT_UNIT = N_("text")
# Units by exact column name, then by how a name ends; a column matching neither is text or a code list.
_UNITS = {
    "year": N_("year"), "revision": N_("year of the UN DESA revision"), "previous_year": N_("year"),
    "female": N_("persons"), "male": N_("persons"), "total": N_("persons"), "migrants": N_("persons"),
    "previous_migrants": N_("persons"), "change": N_("persons"), "departures": N_("persons"),
    "population": N_("persons"), "corridors": N_("count"), "corridors_imputed": N_("count"), "n_quotes": N_("count"),
    "value": N_("see column 'unit' or 'basis'"), "usd_million": N_("US$ million (current)"),
    "lon": N_("degrees"), "lat": N_("degrees"), "quarter": N_("quarter (1-4)"), "rank": N_("rank (1 = largest)"),
    "share_of_total": N_("fraction (0-1)"), "share": N_("fraction (0-1)"),
    "register_total": N_("workers (see column 'basis')"), "overlap_quarters": N_("count"),
    "overlap_quarters_matching": N_("count"), "overlap_max_abs_diff": N_("percentage points"),
}  # fmt: skip
_UNIT_ENDINGS = (
    ("_usd_million", N_("US$ million (current)")), ("_usd", N_("US$ (current)")),
    ("_pct_500usd", N_("% of US$500 sent")), ("_pct_gdp", N_("% of GDP")), ("_pct", N_("%")),
    ("iso3", N_("ISO 3166-1 alpha-3 code")), ("type_b", N_("flag: 1 = yes")), ("type_c", N_("flag: 1 = yes")),
    ("type_r", N_("flag: 1 = yes")), ("type_i", N_("flag: 1 = yes")), ("_id", N_("identifier")),
    ("is_", N_("true/false")),
)  # fmt: skip
# The header a person reads for each column; the unit is said beside it (column_unit), so no label repeats it.
LABELS = {
    "after_published_series": N_("After the published series"), "agreement_id": N_("Agreement"),
    "area_as_published": N_("Area as printed"), "area_code": N_("Area"), "basis": N_("Basis"),
    "basis_as_published": N_("Basis as published"), "body_or_process": N_("Body or process"),
    "change": N_("Change"), "change_pct": N_("Change"), "citation": N_("Citation"), "confidence": N_("Confidence"),
    "corridors": N_("Corridors"), "corridors_imputed": N_("Imputed corridors"), "cost_pct": N_("Cost of sending US$200"),
    "cost_pct_500usd": N_("Cost of sending US$500"), "countries_iso3": N_("Countries"), "country": N_("Country"),
    "dataset": N_("Dataset"), "date": N_("Date"), "date_precision": N_("Date precision"),
    "date_signed": N_("Date signed"), "date_source_id": N_("Source of the date"), "departures": N_("Departures"),
    "dest_iso3": N_("Destination"), "destination": N_("Destination"),
    "destination_as_published": N_("Destination as printed"), "destination_iso3": N_("Destination"),
    "edition": N_("Edition"), "female": N_("Female migrants"), "female_share_pct": N_("Female share"),
    "figure_as_printed": N_("Figure as printed"), "fx_margin_pct": N_("Exchange-rate margin, US$200"),
    "fx_margin_pct_500usd": N_("Exchange-rate margin, US$500"), "gdp_usd": N_("GDP"), "group_key": N_("Group"), "group": N_("Sender group"),
    "group_name": N_("Group name"), "indicator": N_("Indicator"), "instrument_id": N_("Instrument"),
    "instrument_type": N_("Type of instrument"), "intermediate_region": N_("Intermediate region"),
    "is_aggregate": N_("Group of countries"), "is_asia_pacific": N_("In Asia and the Pacific"),
    "is_estimate": N_("Estimate"), "is_shown": N_("Shown"), "iso3": N_("Country"), "item_id": N_("Item"),
    "joined": N_("Joined"), "kind": N_("Kind"), "lat": N_("Latitude"), "licence": N_("Licence"),
    "lon": N_("Longitude"), "m49": N_("UN M49 code"), "male": N_("Male migrants"), "member_name": N_("Member name"),
    "members_or_scope": N_("Members or scope"), "membership_as_of": N_("Membership as of"),
    "migrants": N_("Migrants"), "n_quotes": N_("Quotes"), "name": N_("Name"), "note": N_("Note"),
    "notes": N_("Notes"), "obtained_from": N_("Obtained from"), "orig_iso3": N_("Origin"), "origin": N_("Origin"),
    "origin_iso3": N_("Origin"), "overlap_max_abs_diff": N_("Largest difference from the published average"),
    "overlap_quarters": N_("Overlapping quarters"), "overlap_quarters_matching": N_("Matching quarters"),
    "paid_usd": N_("Remittances paid"), "partner": N_("Partner"), "partner_iso3": N_("Partner"),
    "measure": N_("Measure"), "receiver": N_("Receiving country"), "sender": N_("Sending country"),
    "share_pct": N_("Share of the total"), "source_lon": N_("Sender longitude"), "source_lat": N_("Sender latitude"),
    "target_lon": N_("Receiver longitude"), "target_lat": N_("Receiver latitude"), "pair_in_ilo_booklet": N_("Pair in the ILO booklet"),
    "parties_note": N_("Parties"), "parts_complete": N_("Parts complete"), "pct_gdp_basis": N_("Basis of % of GDP"),
    "period": N_("Period"), "period_end": N_("Period end"), "period_kind": N_("Kind of period"),
    "period_label": N_("Period as published"), "period_start": N_("Period start"), "place": N_("Place"),
    "point_source": N_("Source of the label point"), "population": N_("Population"),
    "previous_migrants": N_("Migrants at the previous estimate"), "previous_year": N_("Previous estimate year"),
    "publisher": N_("Publisher"), "q1_usd_million": N_("January-March"), "q2_usd_million": N_("April-June"),
    "q3_usd_million": N_("July-September"), "q4_usd_million": N_("October-December"), "quarter": N_("Quarter"),
    "rank": N_("Rank"), "received_pct_gdp": N_("Remittances received"),
    "received_per_capita_usd": N_("Remittances received per person"), "received_usd": N_("Remittances received"),
    "receiver_iso3": N_("Receiving country"), "region": N_("Region"), "register_total": N_("Register total"),
    "release": N_("Release"), "reproduces_published": N_("Reproduces the published average"),
    "revision": N_("Revision"), "rpw_corridor_code": N_("RPW corridor code"),
    "scheme_or_sector": N_("Scheme or sector"), "scope": N_("Scope"), "sender_as_published": N_("Sender as printed"),
    "sender_iso3": N_("Sending country"), "series": N_("Series"), "series_code": N_("Series code"), "sex": N_("Sex"),
    "share": N_("Share of the register"), "share_of_total": N_("Share of the total"), "skill_level": N_("Skill level"),
    "source_id": N_("Source"), "source_table": N_("Source table"), "status": N_("Status"),
    "subregion": N_("Subregion"), "summary": N_("Summary"), "superseded": N_("Superseded"), "table_id": N_("Table"),
    "title": N_("Title"), "topics": N_("Topics"), "total": N_("Migrants, total"),
    "total_usd_million": N_("Year total"), "two_way": N_("Two-way"), "type_b": N_("Counts foreign-born"),
    "type_c": N_("Counts foreign citizens"), "type_i": N_("Imputed by UN DESA"), "type_r": N_("Includes refugees"),
    "unit": N_("Unit"), "url": N_("Address (URL)"), "usd_million": N_("Remittances"),
    "user_supplied": N_("From the user's file"), "value": N_("Value"), "value_precision": N_("Precision"),
    "value_usd": N_("Value in US$"), "vintage": N_("Vintage"), "wb_income_group": N_("World Bank income group"),
    "worker_category": N_("Worker category"), "year": N_("Year"), "year_signed": N_("Year signed"),
}  # fmt: skip
NOT_DESCRIBED = N_("not described")
# What each field of the dictionary itself is (the dictionary is a table too, with its own headers).
DICTIONARY_FIELDS = {
    "column": N_("Column code"), "header": N_("Header"), "label": N_("Label"), "meaning": N_("Meaning"),
    "unit": N_("Unit"), "source": N_("Where it comes from"),
}  # fmt: skip
_IN_TABLE = N_("{title} (table '{table}'; each row's source_id)")
_COMPUTED = N_("Computed by the dashboard from {tables}")


def column_unit(column: str) -> str:
    if column in _UNITS:
        return _UNITS[column]
    for ending, unit in _UNIT_ENDINGS:
        if column.endswith(ending) or (ending == "is_" and column.startswith(ending)):
            return unit
    return TEXT_UNIT


def column_header(column: str, label: str, unit: str) -> str:
    """What a download's header row says for a column: its label, its unit (left out for text) and, in brackets,
    its code, which stays the same in every language ("Origin (ISO 3166-1 alpha-3 code) [orig_iso3]")."""
    return f"{label} ({unit}) [{column}]" if unit else f"{label} [{column}]"


def column_dictionary(columns, tables, translate: Callable[[str], str] = N_) -> list[dict[str, str]]:
    """One row per column of a download (column, header, label, meaning, unit, source): the meaning from the catalog
    entry of the first of ``tables`` (catalog names) that has the column, else from DERIVED_COLUMNS; a column neither
    describes says so (NOT_DESCRIBED) so a test can find it. ``translate`` (a catalog's gettext) gives the words in
    the reader's language; the data boundary itself is English (``N_`` returns the message)."""
    rows = []
    for column in columns:
        spec = next((CATALOG[name] for name in tables if column in CATALOG[name].columns), None)
        if spec is not None:
            meaning = spec.columns[column]
            source = translate(_IN_TABLE).format(title=translate(spec.title), table=spec.name)
        elif column in DERIVED_COLUMNS:
            meaning = DERIVED_COLUMNS[column]
            titles = ", ".join(translate(CATALOG[name].title) for name in tables)
            source = translate(_COMPUTED).format(tables=titles)
        else:
            meaning, source = NOT_DESCRIBED, ""
        unit = column_unit(column)
        label = translate(LABELS.get(column, column))
        rows.append(
            {"column": column, "header": column_header(column, label, "" if unit == TEXT_UNIT else translate(unit)),
             "label": label, "meaning": translate(meaning), "unit": translate(unit), "source": source}
        )  # fmt: skip
    return rows
