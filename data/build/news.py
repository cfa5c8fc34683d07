"""News and resources on labour migration in Asia and the Pacific, as compiled in ``news/news_items.csv``.

Each item keeps its own URL; its ``source_id`` names the list it was compiled from: one of four ILO web
listings (the seed documents 000-003) or the set of stored public web pages read for the other items.
Dates are written at their precision ("2017-11" for a month, "2017" for a year), so no view can show a
day that the source does not give.
"""

from pathlib import Path

import pandas as pd

from data.build.common import read_raw_csv
from data.news import TABLE_COLUMNS, parse_item_date

ITEMS_FILE = "news/news_items.csv"
NEWS_LICENCE = (
    "Titles, dates and publishers are facts, attributed to each item's publisher and URL; the linked "
    "items remain under their publishers' terms; summaries written by this project"
)
OBTAINED_FROM = "data/raw/sources/news/news_items.csv (hand-compiled; see SOURCES.md, section 'news')"
LISTING_NOTE = (
    "Items as printed on the listing page; the date the page was captured was not recorded, so the "
    "year is left blank. Summaries are one sentence written by the compilers, not the publisher's text."
)

SEED_SOURCES = {
    "000_6a8a0666638bd681.txt": {
        "source_id": "ilo_news_statements_list",
        "publisher": "International Labour Organization (ILO)",
        "dataset": "News and statements on labour migration (web listing)",
        "edition": "Listing page nextRow--30: 10 items dated 14 Dec 2023 to 30 Jan 2024",
        "url": "http://ilo.ch/global/topics/labour-migration/news-statements/lang--en/nextRow--30/index.htm",
        "citation": "International Labour Organization. News and statements on labour migration (web listing, "
        "items of 14 December 2023 to 30 January 2024).",
        "notes": f"Seed document 000. {LISTING_NOTE} Item URLs point to this listing page, not the articles.",
    },
    "001_87141fa9261ae431.txt": {
        "source_id": "ilo_photos_videos_list",
        "publisher": "International Labour Organization (ILO)",
        "dataset": "Photos and videos on labour migration (web listing)",
        "edition": "Listing page: 10 items dated 14 Jun 2021 to 10 Jan 2022",
        "url": "https://www.ilo.org/global/topics/labour-migration/photo-video/lang--en/index.htm",
        "citation": "International Labour Organization. Photos and videos on labour migration (web listing, "
        "items of 14 June 2021 to 10 January 2022).",
        "notes": f"Seed document 001. {LISTING_NOTE} The items have no URL of their own in the compiled list; "
        "the listing URL was matched afterwards to a stored copy with the same text.",
    },
    "002_568291ae6f18d2e3.txt": {
        "source_id": "ilo_asia_news_list",
        "publisher": "International Labour Organization (ILO), Regional Office for Asia and the Pacific",
        "dataset": "News and Press releases (web listing)",
        "edition": "Listing page: 10 items dated 22 Oct 2018 to 6 Nov 2018",
        "url": "http://ilo.org/asia/media-centre/news/lang--en/index.htm",
        "citation": "International Labour Organization, Regional Office for Asia and the Pacific. News and Press "
        "releases (web listing, items of 22 October to 6 November 2018).",
        "notes": f"Seed document 002. {LISTING_NOTE} The items have no URL of their own in the compiled list; "
        "the listing URL was matched afterwards to a stored copy with the same text.",
    },
    "003_9dc3177102757726.txt": {
        "source_id": "ilo_apmigration_resources_list",
        "publisher": "International Labour Organization (ILO), Asia-Pacific labour migration knowledge site",
        "dataset": "All Resources (web listing of publications)",
        "edition": "Listing page b_start 20: 20 resources, undated",
        "url": "https://apmigration.ilo.org/resources/latest?b_start:int=20",
        "citation": "International Labour Organization. Asia-Pacific labour migration resources: All Resources "
        "(web listing, undated).",
        "notes": f"Seed document 003. {LISTING_NOTE} The listing prints no dates, so these resources are undated. "
        "Publishers were attributed by the compilers from titles and series where the listing does not name "
        "them; blank = not known.",
    },
}
PAGES_SOURCE = {
    "source_id": "news_stored_pages",
    "publisher": "Compiled for this dashboard from stored copies of public web pages",
    "dataset": "Dated news, statements and publications on labour migration in Asia and the Pacific",
    "edition": "162 items dated 2006-04-26 to 2025-08-25",
    "url": None,
    "citation": "Compiled for the Asian labour migration dashboard from public web pages; cite each item's "
    "publisher and URL.",
    "notes": "An item was added only when its title and date were both visible on a stored page. Many URLs point "
    "to a listing page or a mirror; the original publisher is named in 'publisher'. A sample of the web, "
    "not a complete news record: coverage is uneven between countries.",
}
SOURCE_DOC_PAGES = "stored page"


def _source_row(spec: dict) -> dict:
    return {"year": None, "licence": NEWS_LICENCE, "obtained_from": OBTAINED_FROM, **spec}


SOURCES = [_source_row(spec) for spec in (*SEED_SOURCES.values(), PAGES_SOURCE)]
SOURCE_IDS = {
    **{doc: spec["source_id"] for doc, spec in SEED_SOURCES.items()},
    SOURCE_DOC_PAGES: PAGES_SOURCE["source_id"],
}


def build_news(raw: Path) -> pd.DataFrame:
    """One row per item, in the compiled order, with its date at its precision and its source list."""
    items = read_raw_csv(raw / ITEMS_FILE, dtype=str)
    unknown = sorted(set(items["source_doc"]) - set(SOURCE_IDS))
    if unknown:
        raise ValueError(f"{ITEMS_FILE}: source_doc value(s) with no source row: {', '.join(unknown)}")
    dates = [
        parse_item_date(text if isinstance(text, str) else "", precision)
        for text, precision in zip(items["date"], items["date_precision"])
    ]
    items["date"] = [item_date.text or None for item_date in dates]
    items["date_precision"] = [item_date.precision for item_date in dates]
    items["source_id"] = items["source_doc"].map(SOURCE_IDS)
    return items[TABLE_COLUMNS]
