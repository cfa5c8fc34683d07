"""Bilateral labour migration agreements and regional instruments, each row with the page that states it.

The hand-compiled inventory in ``agreements/`` (see SOURCES.md, section "agreements") and its 47 additions are
the base; the additions' section also gives two dates for undated inventory rows, filled with their own citation. The ILO
booklet in ``seeds/`` (Asian Decent Work Decade Resource Kit: Protecting Migrant Workers, 2nd ed., 2011) says
which agreements exist for Korea, Malaysia and Thailand; it is parsed here, every pair it names is marked, and
a pair it names that the inventory lacks would be added with no date (none is missing today).

Nothing is filled in: a date no page gives stays empty, and a status is kept only where a page states it.
"""

import hashlib
import re
from pathlib import Path

import pandas as pd

from data import schemas
from data.agreements import BOOKLET_SOURCE_ID
from data.build.common import read_raw_csv

AGREEMENTS_FILE = "agreements/agreements_asia.csv"
ADDITIONS_FILE = "agreements/agreements_asia_additions.csv"
REGIONAL_FILE = "agreements/regional_instruments.csv"
LOOKUP_FILE = "undesa_ims/country_codes_lookup.csv"
BOOKLET_FILE = "004_f7372ef92f4cdeec.txt"
BOOKLET_URL = "https://lawsdocbox.com/Immigration/83655804-Isbn-web-pdf-cd-rom-international-labour-organization-regional-office-for-asia-and-the-pacific.html"
URL_SEPARATOR = " ; "

# The inventory's codes, and the labels the table uses (in the order of data.schemas.INSTRUMENT_TYPES).
INSTRUMENT_TYPES = dict(
    zip(["MOU", "Agreement", "MOC", "Renewal/Extension", "Protocol"], schemas.INSTRUMENT_TYPES, strict=True)
)
# "renewed" is the compilers' mark for an instrument a later row replaces, not a status a page states.
STATED_STATUSES = {"in force", "expired"}

# The booklet's short forms that differ from the UN DESA names.
BOOKLET_NAME_ALIASES = {"Lao PDR": "LAO"}
BOOKLET_LIST_START = "Several destination countries have entered into bilateral agreements"
BOOKLET_LIST_END = "Under the terms of these agreements"
# The booklet (p. "International cooperation and partnerships") on the Bali Process, quoted for the regional table.
BALI_PROCESS_SENTENCE = (
    "This collaborative effort was initiated at the Regional Ministerial Conference on People Smuggling, "
    "Trafficking in Persons and Related Transnational Crime in Bali in 2002."
)

AGREEMENT_COLUMNS = [
    "agreement_id", "origin_iso3", "destination_iso3", "two_way", "instrument_type", "title", "scheme_or_sector",
    "date_signed", "year_signed", "date_precision", "status", "superseded", "pair_in_ilo_booklet", "confidence",
    "parties_note", "notes", "source_id", "date_source_id",
]  # fmt: skip
REGIONAL_COLUMNS = [
    "instrument_id", "name", "body_or_process", "members_or_scope", "instrument_type", "date_signed",
    "year_signed", "date_precision", "place", "status", "confidence", "notes", "source_id",
]  # fmt: skip

LICENCE = "Facts (names, dates) taken from a public page, with attribution; no page text reproduced"
OBTAINED_FROM = (
    "data/raw/sources/agreements/{file}: hand-compiled from public pages held in the project's stored "
    "pages corpus (no live web); see SOURCES.md, section 'agreements'"
)

# Taiwan's labour arrangements are signed by representative offices (TECO/TETO/TECC and the partner's economic and
# cultural office), not by two states; every row with Taiwan as a party says so.
REPRESENTATIVE_OFFICES = "TWN"
REPRESENTATIVE_OFFICES_NOTE = (
    "Arrangement between representative offices (Taiwan's TECO/TETO/TECC and the partner's "
    "economic and cultural office), not an agreement between states"
)

# Dates SOURCES.md (section "agreements - additions") gives for rows of agreements_asia.csv that have none, each
# with the page that states it; the row keeps its own source, and date_source_id cites the page for the date.
DATES_FROM_ADDITIONS = {
    "BLMA-ISR-NPL-ND-01": {
        "date_signed": "2020-09-30",
        "url": "https://mypeoplesreview.com/2026/02/14/israeli-embassy-clarifies-working-visa-issue/",
        "publisher": "People's Review (repost of an Embassy of Israel in Kathmandu statement)",
        "title": "Israeli Embassy clarifies working visa issue",
        "note": "Date: the Embassy of Israel's statement (People's Review, 14 Feb 2026) says the work agreement was "
        "signed on 30 September 2020 in Jerusalem; Spotlight Nepal (1 Oct 2020) reports the signing 'on Wednesday'.",
    },
    "BLMA-NZL-NRU-ND-01": {
        "date_signed": "2015-03-03",
        "url": "https://wtg-nauru.com/iau.html",
        "publisher": "RSE Nauru (wtg-nauru.com)",
        "title": "Nauru/New Zealand Inter Agency Understanding Signing",
        "note": "Date: RSE Nauru's page says the IAU was signed on Tuesday 3 March 2015.",
    },
}

BOOKLET_SOURCE = {
    "source_id": BOOKLET_SOURCE_ID,
    "publisher": "International Labour Organization, Regional Office for Asia and the Pacific",
    "dataset": "Asian Decent Work Decade Resource Kit: Protecting Migrant Workers (booklet)",
    "edition": "2nd edition, Bangkok: ILO, 2011 (ISBN 9789221248439, web pdf)",
    "year": 2011,
    "url": BOOKLET_URL,
    "licence": "Copyright ILO 2011; short excerpts may be reproduced without authorization, on condition that "
    "the source is indicated",
    "citation": "International Labour Organization, Regional Office for Asia and the Pacific (2011). Asian Decent "
    "Work Decade Resource Kit: Protecting Migrant Workers, 2nd ed. Bangkok: ILO.",
    "obtained_from": f"shared/seeds/{BOOKLET_FILE} (text of the booklet); edition and year from its copyright page "
    "as transcribed at the URL; also listed at "
    "http://www.ilo.org/global/topics/labour-migration/policy-areas/tripartism-migration/WCMS_161105/lang--en/index.htm",
    "notes": "Section 'Bilateral agreements': Korea's EPS MOUs with 15 countries, Malaysia's MOUs with 7 and "
    "Thailand's with Cambodia, Lao PDR and Myanmar. The booklet gives no signing dates.",
}


def build_agreements(raw: Path, *, booklet: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """The agreements table, the regional instruments table and the sources both cite.

    ``booklet`` defaults to ``seeds/`` beside ``raw`` (data/raw and the shared folder both hold ``sources/`` and
    ``seeds/``).
    """
    booklet_text = _read_booklet(booklet or raw.parent / "seeds" / BOOKLET_FILE)
    names = _lookup_names(raw)
    inventory = read_raw_csv(raw / AGREEMENTS_FILE).assign(from_file=Path(AGREEMENTS_FILE).name)
    additions = read_raw_csv(raw / ADDITIONS_FILE).assign(from_file=Path(ADDITIONS_FILE).name)
    repeated = set(inventory["agreement_id"]) & set(additions["agreement_id"])
    if repeated:
        raise ValueError(f"The additions repeat agreement ids of the inventory: {sorted(repeated)}")
    inventory = pd.concat([inventory, additions], ignore_index=True)
    regional = read_raw_csv(raw / REGIONAL_FILE)

    citations = _citations(
        pd.concat([inventory, regional.assign(from_file=Path(REGIONAL_FILE).name)], ignore_index=True)
    )
    agreements = _with_booklet(_agreements(inventory, citations), booklet_pairs(booklet_text, names))
    agreements, date_sources = _with_dates_from_additions(agreements)
    regional_table = _regional(regional, citations, booklet_text)
    page_citations = citations[citations["source_id"] != BOOKLET_SOURCE_ID]
    sources = [BOOKLET_SOURCE, *[_citation_source(row) for _, row in page_citations.iterrows()], *date_sources]
    return agreements, regional_table, sources


def _with_dates_from_additions(agreements: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Fill the dates SOURCES.md gives for undated inventory rows, citing the page that states each one."""
    table = agreements.set_index("agreement_id")
    sources = []
    for agreement_id, filled in DATES_FROM_ADDITIONS.items():
        if table.loc[agreement_id, "date_precision"] != "unknown":
            raise ValueError(f"{agreement_id} already has a date: the additions' date is no longer needed")
        source = _citation_source(
            pd.Series(
                {
                    "source_publisher": filled["publisher"],
                    "source_title": filled["title"],
                    "source_id": citation_source_id(filled["url"]),
                    "from_file": Path(ADDITIONS_FILE).name,
                },
                name=filled["url"],
            )
        )
        date = pd.Timestamp(filled["date_signed"])
        table.loc[agreement_id, ["date_signed", "year_signed", "date_precision", "date_source_id"]] = [
            filled["date_signed"],
            date.year,
            "day",
            source["source_id"],
        ]
        table.loc[agreement_id, "notes"] = f"{filled['note']} {table.loc[agreement_id, 'notes']}"
        sources.append(source)
    table = table.reset_index()
    table["year_signed"] = table["year_signed"].astype("Int64")
    return table[AGREEMENT_COLUMNS], sources


# --- the ILO booklet ----------------------------------------------------------------------------


def _read_booklet(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(
            f"The ILO booklet text was not found at {path} (expected in seeds/ beside the sources folder)."
        )
    return path.read_text(encoding="utf-8")


def flattened(text: str) -> str:
    """The booklet's text with its line breaks, tabs and double spaces (PDF layout) made single spaces."""
    return " ".join(text.split())


def booklet_list(text: str) -> dict[str, list[str]]:
    """The booklet's bullet list of bilateral agreements: destination name -> origin names, as printed."""
    flat = flattened(text)
    start = flat.index(BOOKLET_LIST_START)
    section = flat[start : flat.index(BOOKLET_LIST_END, start)]
    listed = {}
    for bullet in section.split("•")[1:]:
        destination, statement = (part.strip() for part in bullet.split("–", 1))
        in_brackets = re.search(r"\(([^)]*)\)", statement)
        enumeration = (
            in_brackets.group(1) if in_brackets else re.search(r"MOUs with (.*?) (?:to|were) ", statement).group(1)
        )
        listed[destination] = [name.strip() for name in re.split(r",| and ", enumeration) if name.strip()]
    return listed


def booklet_pairs(text: str, names: dict[str, str]) -> set[tuple[str, str]]:
    """(origin ISO3, destination ISO3) of every agreement the booklet lists."""
    codes = {**{name: code for code, name in names.items()}, **BOOKLET_NAME_ALIASES}
    pairs = set()
    for destination, origins in booklet_list(text).items():
        unknown = [name for name in [destination, *origins] if name not in codes]
        if unknown:
            raise ValueError(f"The ILO booklet names countries not in the UN DESA lookup: {unknown}")
        pairs |= {(codes[origin], codes[destination]) for origin in origins}
    return pairs


def _lookup_names(raw: Path) -> dict[str, str]:
    lookup = read_raw_csv(raw / LOOKUP_FILE, usecols=["iso3", "name"])
    return dict(zip(lookup["iso3"], lookup["name"]))


# --- sources: one per distinct citation (a page, or the set of pages a row cites together) --------


def citation_source_id(source_url: str) -> str:
    return "agr_" + hashlib.sha1(source_url.encode("utf-8")).hexdigest()[:10]


def _is_booklet(source_url: str) -> bool:
    return BOOKLET_URL in source_url.split(URL_SEPARATOR)


def _citations(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct ``source_url`` value, with its publisher and title (each URL set has one of each)."""
    cited = rows[["source_url", "source_publisher", "source_title", "from_file"]].drop_duplicates("source_url")
    per_url = rows.groupby("source_url")[["source_publisher", "source_title"]].nunique()
    inconsistent = per_url[(per_url > 1).any(axis=1)]
    if len(inconsistent):
        raise ValueError(f"Pages cited with different publishers or titles: {list(inconsistent.index)}")
    cited = cited.assign(
        source_id=[BOOKLET_SOURCE_ID if _is_booklet(url) else citation_source_id(url) for url in cited["source_url"]]
    )
    return cited.set_index("source_url")


def _citation_source(citation: pd.Series) -> dict:
    urls = citation.name.split(URL_SEPARATOR)
    return {
        "source_id": citation["source_id"],
        "publisher": citation["source_publisher"],
        "dataset": citation["source_title"],
        "edition": "Web page(s) as read for the agreements inventory; publication date not recorded",
        "year": None,
        "url": urls[0],
        "licence": LICENCE,
        "citation": f"{citation['source_publisher']}: {citation['source_title']}. {' ; '.join(urls)}",
        "obtained_from": OBTAINED_FROM.format(file=citation["from_file"]),
        "notes": ("Pages cited together: " + " ; ".join(urls))
        if len(urls) > 1
        else "The page states the facts recorded in the rows that cite it.",
    }


# --- tables -------------------------------------------------------------------------------------


def _agreements(inventory: pd.DataFrame, citations: pd.DataFrame) -> pd.DataFrame:
    unknown_types = set(inventory["instrument_type"]) - set(INSTRUMENT_TYPES)
    if unknown_types:
        raise ValueError(f"Instrument types not described: {sorted(unknown_types)}")
    table = pd.DataFrame(
        {
            "agreement_id": inventory["agreement_id"],
            "origin_iso3": inventory["country_a_iso3"],
            "destination_iso3": inventory["country_b_iso3"],
            # country_a = origin and country_b = destination, except a two-way cooperation MOU (role_a = "both").
            "two_way": inventory["role_a"].eq("both"),
            "instrument_type": inventory["instrument_type"].map(INSTRUMENT_TYPES),
            "title": inventory["title"],
            "scheme_or_sector": inventory["scheme_or_sector"],
            "date_signed": inventory["date_signed"],
            "year_signed": inventory["year_signed"].astype("Int64"),
            "date_precision": inventory["date_precision"],
            "status": inventory["status"].where(inventory["status"].isin(STATED_STATUSES)),
            "superseded": inventory["status"].eq("renewed"),
            "confidence": inventory["confidence"],
            "parties_note": REPRESENTATIVE_OFFICES_NOTE,
            "notes": inventory["notes"],
            "source_id": inventory["source_url"].map(citations["source_id"]),
            "date_source_id": pd.Series(index=inventory.index, dtype="str"),
        }
    )
    between_offices = inventory[["country_a_iso3", "country_b_iso3"]].eq(REPRESENTATIVE_OFFICES).any(axis=1)
    table["parties_note"] = table["parties_note"].where(between_offices)
    return table


def _with_booklet(agreements: pd.DataFrame, pairs: set[tuple[str, str]]) -> pd.DataFrame:
    """Mark the pairs the booklet lists; add an undated row for a listed pair the inventory lacks."""
    recorded = set(zip(agreements["origin_iso3"], agreements["destination_iso3"]))
    missing = sorted(pairs - recorded)
    added = pd.DataFrame(
        {
            "agreement_id": [f"ILO2011-{destination}-{origin}" for origin, destination in missing],
            "origin_iso3": [origin for origin, _ in missing],
            "destination_iso3": [destination for _, destination in missing],
            "two_way": False,
            "instrument_type": "MOU",
            "title": "MOU listed in the ILO booklet (2011)",
            "scheme_or_sector": "Not stated",
            "date_precision": "unknown",
            "superseded": False,
            "confidence": "high",
            "notes": "Existence only, per the ILO booklet's list of bilateral agreements; no date given.",
            "source_id": BOOKLET_SOURCE_ID,
        },
        columns=[column for column in AGREEMENT_COLUMNS if column != "pair_in_ilo_booklet"],
    )
    table = pd.concat([agreements, added], ignore_index=True) if missing else agreements.copy()
    table["pair_in_ilo_booklet"] = [pair in pairs for pair in zip(table["origin_iso3"], table["destination_iso3"])]
    table["year_signed"] = table["year_signed"].astype("Int64")
    return table[AGREEMENT_COLUMNS]


def _regional(regional: pd.DataFrame, citations: pd.DataFrame, booklet_text: str) -> pd.DataFrame:
    table = regional.rename(columns={"instrument_name": "name"}).assign(
        source_id=regional["source_url"].map(citations["source_id"]),
        status=regional["status"].where(regional["status"].isin(STATED_STATUSES)),
    )
    if BALI_PROCESS_SENTENCE not in flattened(booklet_text):
        raise ValueError("The ILO booklet no longer has the sentence on the Bali Process quoted in the builder.")
    bali = pd.DataFrame(
        [
            {
                "instrument_id": "REG-BALI-2002-01",
                "name": "Bali Process (Regional Ministerial Conference on People Smuggling, Trafficking in Persons and "
                "Related Transnational Crime)",
                "body_or_process": "Bali Process",
                "members_or_scope": "More than 50 participating countries and many international agencies; co-chaired by "
                "Indonesia and Australia (as of the booklet, 2011)",
                "instrument_type": "Regional consultative process (ministerial conference)",
                "year_signed": 2002,
                "date_precision": "year",
                "place": "Bali, Indonesia",
                "confidence": "high",
                "notes": f'ILO booklet: "{BALI_PROCESS_SENTENCE}" Its subject is smuggling and trafficking, not labour '
                "migration as such. No day or month given.",
                "source_id": BOOKLET_SOURCE_ID,
            }
        ]
    )
    table = pd.concat([table, bali], ignore_index=True)
    table["year_signed"] = table["year_signed"].astype("Int64")
    return table[REGIONAL_COLUMNS].sort_values(["year_signed", "instrument_id"], ignore_index=True)
