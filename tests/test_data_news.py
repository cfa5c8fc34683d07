"""The news table: every item of the seed documents with its date, the compiled counts, and sound sources."""

import re
from datetime import datetime

import pandas as pd
import pytest

from data import CATALOG, load_news, read_table
from data.build.news import PAGES_SOURCE, SEED_SOURCES, build_news
from data.news import KINDS, TOPICS, fold
from tests.fixtures import read_shipped

SEEDS = "seeds"
DATED_SEEDS = ["000_6a8a0666638bd681.txt", "001_87141fa9261ae431.txt", "002_568291ae6f18d2e3.txt"]
UNDATED_SEED = "003_9dc3177102757726.txt"
DATE_LINE = re.compile(
    r"^\s*(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) \d{4}),?.*$"
)
NUMBERED = re.compile(r"^\s*\d+\.\s+")


@pytest.fixture(scope="module")
def seeds_dir(raw_sources):
    return raw_sources.parent / SEEDS


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    return read_shipped("news")


def dated_seed_items(path) -> list[tuple[str, str]]:
    """(title, ISO date) of each item of an ILO listing: the title is the last text line before its date."""
    items, previous = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        match = DATE_LINE.match(line)
        if match:
            title = NUMBERED.sub("", previous).strip()
            items.append((title, datetime.strptime(match.group(1), "%d %B %Y").date().isoformat()))
        previous = line
    return items


def undated_seed_titles(path) -> list[str]:
    """The 'All Resources' list alternates a title line and a description line, each a '- ' bullet."""
    bullets = [line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    return bullets[0::2]


def same_title(a: str, b: str) -> bool:
    return fold(a) == fold(b)


@pytest.mark.parametrize("seed", DATED_SEEDS)
def test_every_dated_seed_item_is_present_with_its_date(news, seeds_dir, seed):
    items = dated_seed_items(seeds_dir / seed)
    assert len(items) == 10, "each of the three ILO listings holds ten dated items"
    from_seed = news[news["source_id"] == SEED_SOURCES[seed]["source_id"]]
    assert len(from_seed) == len(items)
    for title, iso_date in items:
        rows = from_seed[[same_title(title, shown) for shown in from_seed["title"]]]
        assert len(rows) == 1, f"{title!r} from {seed} is not in the table once"
        row = rows.iloc[0]
        assert (row["date"], row["date_precision"]) == (iso_date, "day"), title
        assert row["period_start"] == pd.Timestamp(iso_date)


def test_every_undated_seed_resource_is_present_and_undated(news, seeds_dir):
    titles = undated_seed_titles(seeds_dir / UNDATED_SEED)
    assert len(titles) == 20
    from_seed = news[news["source_id"] == SEED_SOURCES[UNDATED_SEED]["source_id"]]
    assert len(from_seed) == 20
    for title in titles:
        rows = from_seed[[same_title(title, shown) for shown in from_seed["title"]]]
        assert len(rows) == 1, title
        assert rows.iloc[0]["date_precision"] == "none" and pd.isna(rows.iloc[0]["date"])
        assert pd.isna(rows.iloc[0]["period_start"])


def test_counts_match_sources_md(news):
    assert len(news) == 212
    assert news["date_precision"].value_counts().to_dict() == {"day": 167, "year": 15, "month": 10, "none": 20}
    assert news["kind"].value_counts().to_dict() == {
        "news": 76,
        "publication": 57,
        "press release": 41,
        "video": 13,
        "op-ed": 11,
        "statement": 11,
        "event": 3,
    }
    dated = news.dropna(subset=["period_start"])
    assert dated["period_start"].min() == pd.Timestamp("2006-04-26")
    assert dated["period_end"].max() == pd.Timestamp("2025-08-25")
    by_country = news["countries"].explode().value_counts()
    assert (by_country["THA"], by_country["NPL"], by_country["PHL"], by_country["VNM"]) == (40, 22, 21, 9)
    assert (news["countries"].map(len) == 0).sum() == 41
    by_topic = news["topic_list"].explode().value_counts()
    assert (by_topic["policy-governance"], by_topic["covid-19"], by_topic["refugees-displacement"]) == (91, 25, 7)
    assert (news["source_id"] == PAGES_SOURCE["source_id"]).sum() == 162


def test_dates_are_written_at_their_precision(news):
    patterns = {"day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$"}
    for precision, pattern in patterns.items():
        dates = news.loc[news["date_precision"] == precision, "date"]
        assert dates.str.match(pattern).all(), precision
    assert news.loc[news["item_id"] == "page-091", "date"].item() == "2017-11"
    month = news[news["item_id"] == "page-091"].iloc[0]
    assert (month["period_start"], month["period_end"]) == (pd.Timestamp("2017-11-01"), pd.Timestamp("2017-11-30"))


def test_vocabularies_and_links(news):
    assert set(news["kind"]) <= set(KINDS)
    assert set(news["topic_list"].explode()) <= set(TOPICS)
    assert news["url"].dropna().str.match(r"^https?://").all()
    assert news["url"].isna().sum() == 40  # seeds 001-003 have no item URL (SOURCES.md)


def test_every_source_id_resolves_and_describes_the_list(news):
    sources = read_table("sources", CATALOG["sources"].path).set_index("source_id")
    used = set(news["source_id"])
    assert used == {spec["source_id"] for spec in SEED_SOURCES.values()} | {PAGES_SOURCE["source_id"]}
    assert used <= set(sources.index)
    pages = news[news["source_id"] == PAGES_SOURCE["source_id"]]
    edition = sources.loc[PAGES_SOURCE["source_id"], "edition"]
    assert edition == (
        f"{len(pages)} items dated {pages['period_start'].min():%Y-%m-%d} to {pages['period_end'].max():%Y-%m-%d}"
    )
    assert sources.loc[list(used), "licence"].notna().all() and sources.loc[list(used), "citation"].notna().all()


def test_shipped_table_is_exactly_what_the_build_makes_from_the_raw_file(raw_sources):
    shipped = pd.read_csv(CATALOG["news"].path, keep_default_na=False, na_values=[""], dtype=str)
    rebuilt = build_news(raw_sources)
    pd.testing.assert_frame_equal(rebuilt.reset_index(drop=True), shipped, check_dtype=False)


def test_raw_values_are_kept(news, raw_sources):
    raw = pd.read_csv(raw_sources / "news/news_items.csv", keep_default_na=False, na_values=[""], dtype=str)
    merged = raw.merge(news, on="item_id", suffixes=("_raw", ""))
    assert len(merged) == 212
    for column in ("title", "kind", "publisher", "url", "countries_iso3", "topics", "summary", "date_precision"):
        assert merged[f"{column}_raw"].fillna("").equals(merged[column].fillna("")), column
    day = merged["date_precision"] == "day"
    assert merged.loc[day, "date_raw"].equals(merged.loc[day, "date"])


def test_loader_sorts_newest_first_with_undated_last():
    table = load_news()
    starts = table["period_start"]
    assert starts.iloc[:192].is_monotonic_decreasing and starts.iloc[192:].isna().all()
    assert not table["user_supplied"].any()


@pytest.mark.parametrize(
    ("column", "value", "check"),
    [
        ("date", "2015-03-01", "date written at its precision"),  # a month item written as a day
        ("date", "2015-02-30", "date written at its precision"),
        ("topics", "gender;astrology", "topics of the fixed list"),
        ("countries_iso3", "NPL;ZZZ", "codes listed in the countries table"),
        ("kind", "rumour", "isin"),
        ("url", "javascript:alert(1)", "an http(s) address"),
        ("source_id", "nowhere", "isin"),
    ],
)
def test_a_broken_row_names_its_line_and_column(tables_copy, column, value, check):
    from tests.test_data_problems import problem_for, replace_field

    line = 98  # page-047, dated to the month (2015-03)
    path = tables_copy / "news.csv"
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("page-047,2015-03,month,")
    replace_field(path, line, column, value)
    problem = problem_for(load_news)
    assert problem.line == line and check in str(problem), str(problem)


def test_news_is_checked_again_when_the_countries_table_changes(tables_copy):
    from tests.test_data_problems import problem_for

    assert len(load_news()) == 212
    path = tables_copy / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("NPL,")), encoding="utf-8")
    problem = problem_for(load_news)
    assert problem.column == "countries_iso3" and "codes listed in the countries table" in str(problem)
