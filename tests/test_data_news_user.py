"""Users' CSV files of news items: good rows kept, each bad row reported by its line and skipped, no exception."""

from datetime import date

import pandas as pd
import pytest

from data.news import (
    MAX_USER_FILE_BYTES,
    MAX_USER_ROWS,
    fold,
    parse_item_date,
    parse_user_news,
    publisher_options,
    publisher_slug,
)

CODES = frozenset({"NPL", "QAT", "PHL", "VNM", "TUR", "MYS"})
TODAY = date(2026, 11, 23)
HEADER = "title,date,kind,topics,countries_iso3,publisher,url,summary\n"


def parse(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_user_news(raw, country_codes=CODES, today=TODAY)


def test_a_good_file_gives_items_at_their_precision_marked_user_supplied():
    items, problems = parse(
        HEADER + "Nepal and Qatar talk fees,2024-05-17,news,recruitment;agreements,NPL;QAT,My NGO,"
        "https://example.org/a,One line.\n"
        + "A monthly bulletin,2023-02,publication,statistics,PHL,,,\n"
        + "A yearly report,2019,publication,statistics,,,,\n"
        + "An undated guide,,publication,skills-employment,,,,\n"
    )
    assert problems == []
    assert list(items["date"].fillna("")) == ["2024-05-17", "2023-02", "2019", ""]
    assert list(items["date_precision"]) == ["day", "month", "year", "none"]
    assert items["user_supplied"].all() and items["source_id"].isna().all()
    assert items["item_id"].str.startswith("user-").all() and items["item_id"].is_unique
    assert items.iloc[0]["countries"] == ("NPL", "QAT")
    assert items.iloc[1]["period_end"] == pd.Timestamp("2023-02-28")


def test_the_shipped_format_with_date_precision_and_day_dates_is_accepted():
    items, problems = parse(
        "item_id,date,date_precision,title,kind,topics,source_id,citation\n"
        "a1,2017-11-01,month,Month written as a day,news,gender,x,y\n"
        "a2,2017-01-01,year,Year written as a day,news,gender,,\n"
    )
    assert problems == [] and list(items["date"]) == ["2017-11", "2017"]
    assert list(items["item_id"]) == ["user-a1", "user-a2"]


def test_lenient_on_case_separators_and_byte_order_mark():
    items, problems = parse(
        '\ufeffTitle,Date,Kind,Topics,Countries_ISO3\nX,2024-01-02,Press Release,"Gender, Youth","npl, qat"\n'.encode(
            "utf-8"
        )
    )
    assert problems == []
    assert items.iloc[0]["kind"] == "press release" and items.iloc[0]["topic_list"] == ("gender", "youth")
    assert items.iloc[0]["countries"] == ("NPL", "QAT")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("T,30/01/2024,news,gender,,,,", "is not YYYY-MM-DD, YYYY-MM or YYYY"),
        ("T,2024-13-01,news,gender,,,,", "is not a calendar date"),
        ("T,2024-02-30,news,gender,,,,", "is not a calendar date"),
        ("T,2099-01-01,news,gender,,,,", "outside 1900-2027"),
        ("T,1850,news,gender,,,,", "outside 1900-2027"),
        ("T,-2020,news,gender,,,,", "is not YYYY-MM-DD"),
        ("T,2024-01-01,rumour,gender,,,,", "kind 'rumour' is not one of"),
        ("T,2024-01-01,news,,,,,", "topics is blank"),
        ("T,2024-01-01,news,gender;astrology,,,,", "unknown topic(s) 'astrology'"),
        ("T,2024-01-01,news,gender,ZZZ,,,", "unknown country code(s) 'ZZZ'"),
        ("T,2024-01-01,news,gender,Nepal,,,", "unknown country code(s) 'NEPAL'"),
        ("T,2024-01-01,news,gender,,,javascript:alert(1),", "is not an http:// or https:// web address"),
        ("T,2024-01-01,news,gender,,,ftp://x.org/a,", "is not an http:// or https:// web address"),
        (",2024-01-01,news,gender,,,,", "title is blank"),
        ("T,2024-01-01,news,gender,,,", "7 field(s) where the header has 8"),
        ("T\x07,2024-01-01,news,gender,,,,", "title contains control characters"),
        ("T" * 301 + ",2024-01-01,news,gender,,,,", "title is 301 characters long (at most 300)"),
    ],
)
def test_a_bad_row_is_reported_by_line_and_skipped_and_the_rest_kept(row, expected):
    items, problems = parse(
        HEADER + "Good one,2024-01-01,news,gender,,,,\n" + row + "\nGood two,2020,news,gender,,,,\n"
    )
    assert list(items["title"]) == ["Good one", "Good two"]
    assert len(problems) == 1 and problems[0].startswith("Line 3: ") and expected in problems[0], problems


def test_precision_that_disagrees_with_the_date_is_a_bad_row():
    items, problems = parse(
        "title,date,date_precision,kind,topics\nA,2024-05,day,news,gender\n"
        "B,2024-05-02,month,news,gender\nC,,year,news,gender\nD,2024,none,news,gender\n"
        "E,2024,weekly,news,gender\nF,2024,year,news,gender\n"
    )
    assert list(items["title"]) == ["F"]
    assert [problem.split(":")[0] for problem in problems] == [f"Line {line}" for line in range(2, 7)]


def test_line_numbers_count_physical_lines_of_multi_line_fields():
    items, problems = parse(
        HEADER + '"A title\nover two lines",2024-01-01,news,gender,,,,\n' + "Bad,2024-01-01,news,gender,XXX,,,\n"
    )
    assert items.iloc[0]["title"] == "A title over two lines"
    assert problems[0].startswith("Line 4: ")


def test_a_malformed_csv_row_is_skipped_and_the_rows_around_it_kept():
    items, problems = parse(
        HEADER
        + "Fine,2024-01-01,news,gender,,,,\n"
        + '"Quoted"junk,2024-01-01,news,gender,,,,\n'
        + "After,2024-01-01,news,gender,,,,\n"
    )
    assert list(items["title"]) == ["Fine", "After"]
    assert len(problems) == 1 and problems[0].startswith("Line 3: ") and "well-formed CSV" in problems[0]


def test_an_unclosed_quote_swallows_the_rest_of_the_file_and_says_where_it_starts():
    items, problems = parse(
        HEADER
        + 'Fine,2024-01-01,news,gender,,,,\n"Never closed,2024-01-01,news,gender,,,,\n'
        + "Lost,2024-01-01,news,gender,,,,\n"
    )
    assert list(items["title"]) == ["Fine"]
    assert problems == ["Line 3: not well-formed CSV (a quote opened here is never closed); row skipped."]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name,when,what\nA,2024,news\n", "required column(s) missing: title, date, kind, topics"),
        ("title,date,kind\nA,2024,news\n", "required column(s) missing: topics"),
        ("title,date,kind,topics,title\nA,2024,news,gender,B\n", "named more than once: title"),
        ("", "The file is empty."),
        ("   \n\n", "The file is empty."),
        ("title,date,kind,topics\n", "a header but no items"),
        (b"title,date,kind,topics\n\xff\xfeA,2024,news,gender\n", "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_gives_one_clear_problem_and_no_items(content, expected):
    items, problems = parse(content)
    assert items.empty and len(problems) == 1 and expected in problems[0], problems
    assert {"title", "period_start", "user_supplied"} <= set(items.columns)


def test_unknown_extra_columns_are_named_but_the_rows_kept():
    items, problems = parse("title,date,kind,topics,colour\nA,2024,news,gender,red\n")
    assert len(items) == 1 and problems == ["Line 1: column(s) not used, ignored: 'colour'."]


def test_an_oversized_file_is_refused_before_reading():
    big = (HEADER + "A,2024,news,gender,,,,\n" * 60_000).encode()
    assert len(big) > MAX_USER_FILE_BYTES
    items, problems = parse(big)
    assert items.empty and "the limit is 1 MB" in problems[0]


def test_rows_beyond_the_limit_are_skipped_with_a_note():
    items, problems = parse(HEADER + "A,2024,news,gender,,,,\n" * (MAX_USER_ROWS + 5))
    assert len(items) == MAX_USER_ROWS and f"only the first {MAX_USER_ROWS:,} rows" in problems[0]


def test_repeated_item_ids_keep_the_first():
    items, problems = parse("item_id,title,date,kind,topics\nx,A,2024,news,gender\nx,B,2024,news,gender\n")
    assert list(items["title"]) == ["A"] and "repeats line 2" in problems[0]


def test_html_and_markdown_in_titles_are_kept_as_text():
    title = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))"
    items, problems = parse(f'title,date,kind,topics\n"{title}",2024,news,gender\n')
    assert problems == [] and items.iloc[0]["title"] == title


def test_fold_makes_search_accent_case_and_quote_insensitive():
    assert fold("Türkiye") == fold("TURKIYE") == "turkiye"
    assert fold("Viet  Nam") == fold("viet nam")
    assert fold("China’s – rapid") == "china's - rapid"


def test_parse_item_date_periods():
    assert parse_item_date("2024", latest_year=2030).end == pd.Timestamp("2024-12-31")
    assert parse_item_date("2024-02", latest_year=2030).end == pd.Timestamp("2024-02-29")
    with pytest.raises(ValueError):
        parse_item_date("2024-00", latest_year=2030)


def test_publisher_slugs_are_url_safe_and_stable():
    assert publisher_slug("Ministry of Manpower, Singapore") == "ministry-of-manpower-singapore"
    items, _ = parse("title,date,kind,topics,publisher\nA,2024,news,gender,ILO; IOM\nB,2024,news,gender,Café Ünion\n")
    assert publisher_options(items) == {"cafe-union": "Café Ünion", "ilo": "ILO", "iom": "IOM"}


def test_the_readme_example_file_is_valid():
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("```csv\n", 1)[1].split("```", 1)[0]
    items, problems = parse_user_news(example.encode(), country_codes=CODES, today=TODAY)
    assert problems == [] and len(items) == 2
