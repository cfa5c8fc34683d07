"""News items: the fixed vocabularies, dates at their precision, search text, and user-supplied item files.

One item is a row with a date *at its precision* ("2024-01-30", "2017-11", "2017", or blank for an
undated resource), a kind, topics and countries from fixed lists, and a source. The same row rules serve
the shipped table (checked by its pandera schema) and the CSV files users add on the page
(``parse_user_news``: every bad row is reported by its line number and skipped, the rest is kept).
"""

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

TOPICS = (
    "recruitment", "agreements", "remittances", "domestic-work", "fishing-seafood", "covid-19",
    "trafficking-forced-labour", "social-protection", "skills-employment", "gender", "return-reintegration",
    "statistics", "policy-governance", "youth", "digital", "health-safety", "refugees-displacement",
)  # fmt: skip
KINDS = ("news", "press release", "op-ed", "video", "publication", "statement", "event")
PRECISIONS = ("day", "month", "year", "none")
LIST_SEPARATOR = ";"
EARLIEST_YEAR = 1900

TABLE_COLUMNS = [
    "item_id",
    "date",
    "date_precision",
    "title",
    "kind",
    "publisher",
    "url",
    "countries_iso3",
    "topics",
    "summary",
    "source_id",
]
# What a download holds: the table's columns and whether the row came from a user's file.
EXPORT_COLUMNS = [*TABLE_COLUMNS, "user_supplied"]

USER_REQUIRED_COLUMNS = ("title", "date", "kind", "topics")
USER_OPTIONAL_COLUMNS = ("item_id", "date_precision", "publisher", "url", "countries_iso3", "summary")
# Columns of a downloaded file that may come back in an upload; they are not the user's to set.
USER_IGNORED_QUIETLY = ("source_id", "user_supplied", "citation", "licence")
MAX_USER_FILE_BYTES = 1024 * 1024  # 1 MB, as st.file_uploader counts it
MAX_USER_ROWS = 2_000
# More columns than a file of items can use (it names at most the 14 known ones): refused before any per-column
# work, so a header of thousands of columns costs no more than reading it.
MAX_USER_COLUMNS = 40
MAX_LENGTHS = {"item_id": 60, "title": 300, "publisher": 200, "url": 2_000, "summary": 600}
USER_ID_PREFIX = "user-"

_DATE_FORMATS = {
    "day": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "year": re.compile(r"^(\d{4})$"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
_ISO3 = re.compile(r"^[A-Z0-9]{3}$")
_PLAIN_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"}
)


# --- single values --------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text for matching: accents removed, case folded, typographic quotes and dashes made plain, spaces
    collapsed ("Türkiye" matches "turkiye", "China’s" matches "china's")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_PUNCTUATION))
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    return _WHITESPACE.sub(" ", bare.casefold()).strip()


def split_list(text: object) -> tuple[str, ...]:
    """'NPL;QAT' -> ('NPL', 'QAT'); a blank cell -> ()."""
    if not isinstance(text, str):
        return ()
    return tuple(part.strip() for part in text.split(LIST_SEPARATOR) if part.strip())


def is_web_url(url: object) -> bool:
    """Only http(s) links with a host are ever made clickable (no javascript:, data: or relative links)."""
    if not isinstance(url, str) or not url or _WHITESPACE.search(url) or _CONTROL.search(url):
        return False
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@dataclass(frozen=True)
class ItemDate:
    """A date at its precision, and the period it covers (a month item covers the whole month)."""

    text: str
    precision: str
    start: pd.Timestamp | None
    end: pd.Timestamp | None


def parse_item_date(text: str, precision: str | None = None, *, latest_year: int | None = None) -> ItemDate:
    """Parse "2024-01-30", "2017-11", "2017" or "" (undated); raise ValueError saying what is wrong.

    ``precision``, when given, must agree with the text. For compatibility with files that write every
    date as a day, "2017-11-01" with precision month and "2017-01-01" with precision year are accepted.
    """
    text = text.strip()
    precision = (precision or "").strip().lower() or None
    latest_year = latest_year or date.today().year + 1
    if precision is not None and precision not in PRECISIONS:
        raise ValueError(f"date_precision {_shown(precision)} is not one of {', '.join(PRECISIONS)}")
    if not text:
        if precision not in (None, "none"):
            raise ValueError(f"date_precision is {precision} but the date is blank")
        return ItemDate("", "none", None, None)
    if precision == "none":
        raise ValueError("date_precision is none but a date is given")
    written_as = next((name for name, pattern in _DATE_FORMATS.items() if pattern.match(text)), None)
    if written_as is None:
        raise ValueError(f"date {_shown(text)} is not YYYY-MM-DD, YYYY-MM or YYYY")
    parts = [int(part) for part in _DATE_FORMATS[written_as].match(text).groups()]
    year, month, day = parts + [1] * (3 - len(parts))  # a month or a year starts on its first day
    try:
        first = date(year, month, day)
    except ValueError:
        raise ValueError(f"date {_shown(text)} is not a calendar date") from None
    if not EARLIEST_YEAR <= year <= latest_year:
        raise ValueError(f"date {_shown(text)} is outside {EARLIEST_YEAR}-{latest_year}")
    precision = precision or written_as
    coarser_as_day = written_as == "day" and (
        (precision == "month" and day == 1) or (precision == "year" and (month, day) == (1, 1))
    )
    if precision != written_as and not coarser_as_day:
        raise ValueError(f"date {_shown(text)} does not match date_precision {precision}")
    start = pd.Timestamp(first)
    if precision == "day":
        return ItemDate(f"{first:%Y-%m-%d}", precision, start, start)
    if precision == "month":
        return ItemDate(f"{first:%Y-%m}", precision, start, start + pd.offsets.MonthEnd(0))
    return ItemDate(f"{year:04d}", precision, start, pd.Timestamp(date(year, 12, 31)))


def _shown(value: str) -> str:
    """A user's value quoted in a message, cut short."""
    return repr(value if len(value) <= 40 else value[:40] + "…")


# --- whole tables ---------------------------------------------------------------------------------


def with_derived_columns(items: pd.DataFrame, *, user_supplied: bool) -> pd.DataFrame:
    """The table's columns plus what filtering and display need, computed once at load time."""
    table = items[TABLE_COLUMNS].copy()
    dates = [
        parse_item_date(text if isinstance(text, str) else "", precision)
        for text, precision in zip(table["date"], table["date_precision"])
    ]
    table["date"] = [item_date.text or None for item_date in dates]
    table["period_start"] = pd.to_datetime([item_date.start for item_date in dates])
    table["period_end"] = pd.to_datetime([item_date.end for item_date in dates])
    table["countries"] = table["countries_iso3"].map(split_list)
    table["topic_list"] = table["topics"].map(split_list)
    table["publishers"] = table["publisher"].map(split_list)
    table["search_text"] = [
        fold(f"{title} {summary if isinstance(summary, str) else ''}")
        for title, summary in zip(table["title"], table["summary"])
    ]
    table["user_supplied"] = user_supplied
    return table


def combined(news: pd.DataFrame, user_items: pd.DataFrame | None) -> pd.DataFrame:
    """Shipped items and the user's, newest first; undated resources last in their listed order."""
    frames = [news] if user_items is None or user_items.empty else [news, user_items]
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else news
    return sort_newest_first(table)


def sort_newest_first(items: pd.DataFrame) -> pd.DataFrame:
    return items.sort_values(
        ["period_start", "period_end"], ascending=False, na_position="last", kind="stable"
    ).reset_index(drop=True)


def split_dated(items: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(dated items, undated resources)."""
    is_dated = items["period_start"].notna()
    return items[is_dated], items[~is_dated]


def count_user_supplied(items: pd.DataFrame) -> int:
    return int(items["user_supplied"].sum())


def export_table(items: pd.DataFrame) -> pd.DataFrame:
    """The rows as a user downloads them: the table's columns, dates at their precision."""
    return items[EXPORT_COLUMNS].reset_index(drop=True)


def latest_news(
    items: pd.DataFrame, *, countries: Iterable[str], limit: int = 5, match_all: bool = False
) -> pd.DataFrame:
    """The newest dated items tagged with any (or, with ``match_all``, every one) of these countries."""
    wanted = frozenset(countries)
    matches = wanted.issubset if match_all else (lambda codes: not wanted.isdisjoint(codes))
    tagged = items[items["period_start"].notna() & items["countries"].map(matches)]
    return sort_newest_first(tagged).head(limit)


def publisher_slug(name: str) -> str:
    """A short stable key for a publisher in a link ("Ministry of Manpower, Singapore" has a comma)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "publisher"


def publisher_options(items: pd.DataFrame) -> dict[str, str]:
    """Slug -> name of every publisher named in the items (joint publishers count for each), by name."""
    names = {name for names in items["publishers"].tolist() for name in names}
    return {publisher_slug(name): name for name in sorted(names, key=fold)}


def year_bounds(items: pd.DataFrame) -> tuple[int, int]:
    dated = items["period_start"].dropna()
    return int(dated.dt.year.min()), int(items["period_end"].dropna().dt.year.max())


def count_by(items: pd.DataFrame, column: str) -> dict[str, int]:
    """How many items name each value of a column; list columns (countries, topic_list, publishers) count
    each of their values."""
    values = items[column].tolist()
    if values and isinstance(values[0], tuple):
        return dict(Counter(value for row in values for value in row))
    return dict(Counter(value for value in values if isinstance(value, str)))


# --- user-supplied files --------------------------------------------------------------------------


def parse_user_news(
    raw: bytes, *, country_codes: frozenset[str], today: date | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """Items from a user's CSV file, and what was wrong with it, in words; never raises.

    A problem with the whole file (too large, not UTF-8, not CSV, required columns missing) gives no items.
    A bad row is reported by its line number in the file and skipped; every good row is kept.
    """
    latest_year = (today or date.today()).year + 1
    if len(raw) > MAX_USER_FILE_BYTES:
        return _no_items(), [
            f"The file is {len(raw):,} bytes; the limit is 1 MB ({MAX_USER_FILE_BYTES:,} bytes). "
            "Split it into smaller files or remove rows."
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _no_items(), [
            f"The file is not UTF-8 text (byte {error.start:,} cannot be read). Save it as 'CSV UTF-8' and try again."
        ]
    if not text.strip():
        return _no_items(), ["The file is empty."]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[str] = []
    try:
        first_row = next(reader)
    except csv.Error as error:
        return _no_items(), [f"Line 1: the header is not well-formed CSV ({error})."]
    if len(first_row) > MAX_USER_COLUMNS:
        return _no_items(), [
            f"Line 1: the header has {len(first_row):,} columns; a file of items has at most "
            f"{MAX_USER_COLUMNS} (see the format below)."
        ]
    header = [name.strip().lower() for name in first_row]
    missing = [name for name in USER_REQUIRED_COLUMNS if name not in header]
    if missing:
        return _no_items(), [
            f"Line 1: required column(s) missing: {', '.join(missing)}. The header must name "
            f"at least {', '.join(USER_REQUIRED_COLUMNS)} (see the format below)."
        ]
    repeated = sorted(name for name, count in Counter(header).items() if name and count > 1)
    if repeated:
        return _no_items(), [f"Line 1: column(s) named more than once: {', '.join(repeated)}."]
    known = set(USER_REQUIRED_COLUMNS) | set(USER_OPTIONAL_COLUMNS) | set(USER_IGNORED_QUIETLY)
    unused = [name for name in header if name not in known]
    if unused:
        problems.append(f"Line 1: column(s) not used, ignored: {', '.join(_shown(name) for name in unused[:10])}.")

    items: list[dict] = []
    seen_ids: dict[str, int] = {}
    rows_read = 0
    line = reader.line_num
    while True:
        start_line = line + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            hint = "a quote opened here is never closed" if "end of data" in str(error) else str(error)
            problems.append(f"Line {start_line}: not well-formed CSV ({hint}); row skipped.")
            line = reader.line_num
            continue
        line = reader.line_num
        if not any(field.strip() for field in fields):
            continue
        rows_read += 1
        if rows_read > MAX_USER_ROWS:  # counts bad rows too, so the problems listed are bounded as well
            problems.append(
                f"Line {start_line}: only the first {MAX_USER_ROWS:,} rows of a file are read; the rest were skipped."
            )
            break
        if len(fields) != len(header):
            problems.append(
                f"Line {start_line}: {len(fields)} field(s) where the header has {len(header)}; row skipped."
            )
            continue
        record = dict(zip(header, fields))
        try:
            item = user_item(record, country_codes=country_codes, latest_year=latest_year)
        except ValueError as error:
            problems.append(f"Line {start_line}: {error}; row skipped.")
            continue
        item_id = item["item_id"] or str(start_line)
        if item_id in seen_ids:
            problems.append(
                f"Line {start_line}: item_id {_shown(item_id)} repeats line {seen_ids[item_id]}; row skipped."
            )
            continue
        seen_ids[item_id] = start_line
        items.append({**item, "item_id": USER_ID_PREFIX + item_id})
    if not items and not problems:
        problems.append("The file has a header but no items.")
    if not items:
        return _no_items(), problems
    return with_derived_columns(pd.DataFrame(items, columns=TABLE_COLUMNS), user_supplied=True), problems


def user_item(record: Mapping[str, str], *, country_codes: frozenset[str], latest_year: int) -> dict:
    """One row of a user's file as a table row; raise ValueError naming the first thing wrong with it."""
    values = {name: _clean(record.get(name, ""), name) for name in (*USER_REQUIRED_COLUMNS, *USER_OPTIONAL_COLUMNS)}
    if not values["title"]:
        raise ValueError("title is blank")
    item_date = parse_item_date(values["date"], values["date_precision"] or None, latest_year=latest_year)
    kind = values["kind"].lower()
    if kind not in KINDS:
        raise ValueError(f"kind {_shown(values['kind'])} is not one of: {', '.join(KINDS)}")
    topics = _codes(values["topics"], transform=str.lower)
    if not topics:
        raise ValueError("topics is blank (give at least one)")
    unknown_topics = [topic for topic in topics if topic not in TOPICS]
    if unknown_topics:
        raise ValueError(f"unknown topic(s) {', '.join(map(_shown, unknown_topics[:3]))} (use: {', '.join(TOPICS)})")
    countries = _codes(values["countries_iso3"], transform=str.upper)
    unknown_countries = [code for code in countries if not _ISO3.match(code) or code not in country_codes]
    if unknown_countries:
        raise ValueError(
            f"unknown country code(s) {', '.join(map(_shown, unknown_countries[:3]))} "
            "(use ISO 3166-1 alpha-3 codes such as NPL or PHL, separated by ';')"
        )
    if values["url"] and not is_web_url(values["url"]):
        raise ValueError(f"url {_shown(values['url'])} is not an http:// or https:// web address")
    return {
        "item_id": values["item_id"],
        "date": item_date.text or None,
        "date_precision": item_date.precision,
        "title": values["title"],
        "kind": kind,
        "publisher": values["publisher"] or None,
        "url": values["url"] or None,
        "countries_iso3": LIST_SEPARATOR.join(countries) or None,
        "topics": LIST_SEPARATOR.join(topics),
        "summary": values["summary"] or None,
        "source_id": None,
    }


def _clean(value: str, column: str) -> str:
    """A cell with its white space collapsed; control characters and over-long text are refused."""
    if _CONTROL.search(value):
        raise ValueError(f"{column} contains control characters")
    value = _WHITESPACE.sub(" ", value).strip()
    limit = MAX_LENGTHS.get(column)
    if limit and len(value) > limit:
        raise ValueError(f"{column} is {len(value):,} characters long (at most {limit:,})")
    return value


def _codes(text: str, *, transform) -> list[str]:
    """Codes separated by ';' (or ','), de-duplicated in their order."""
    parts = (transform(part.strip()) for part in re.split(r"[;,]", text))
    return list(dict.fromkeys(part for part in parts if part))


def _no_items() -> pd.DataFrame:
    return with_derived_columns(pd.DataFrame(columns=TABLE_COLUMNS), user_supplied=True)
