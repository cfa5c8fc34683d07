"""The news filter model: each filter alone and combined, on 30 real items (tests/fixtures/tables/news.csv), whose
expected results can be read off the file."""

import pandas as pd
import pytest

from data.filters.news import NewsFilters
from data.news import count_by, latest_news
from tests.fixtures import load_fixture


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    return load_fixture("news")


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["item_id"])


def test_no_filters_keep_everything(news):
    assert NewsFilters().apply(news).equals(news)
    assert NewsFilters().describe() == []


def test_countries_match_any_of(news):
    nepal = NewsFilters(countries=("NPL",)).apply(news)
    qatar = NewsFilters(countries=("QAT",)).apply(news)
    either = NewsFilters(countries=("NPL", "QAT")).apply(news)
    assert ids(nepal) == {"seed001-02", "page-048", "page-053", "page-141", "page-153"}
    assert ids(qatar) == {"page-048", "page-053", "page-120", "page-128"}
    assert ids(either) == ids(nepal) | ids(qatar) and len(either) == 7  # two items name both
    assert all("NPL" in codes or "QAT" in codes for codes in either["countries"])


def test_topics_kinds_and_publishers(news):
    assert ids(NewsFilters(topics=("covid-19",)).apply(news)) == {
        "page-120",
        "page-128",
        "page-141",
        "page-147",
        "page-149",
    }
    assert ids(NewsFilters(kinds=("video", "op-ed")).apply(news)) == {
        "seed000-07",
        "seed000-09",
        "seed001-02",
        "page-157",
    }
    ilo = NewsFilters(publishers=("ILO",)).apply(news)
    assert all("ILO" in names for names in ilo["publishers"])
    joint = sum("ILO" in names and len(names) > 1 for names in news["publishers"])
    assert joint == 4 and len(ilo) == (news["publisher"] == "ILO").sum() + joint  # page-072, -091, -134, -152


def test_years_overlap_the_item_period_and_keep_undated_resources(news):
    in_2017 = NewsFilters(years=(2017, 2017)).apply(news)
    dated = in_2017[in_2017["period_start"].notna()]
    assert (dated["period_start"].dt.year == 2017).all()
    # Year-, month- and day-precision items of 2017, and the three undated resources.
    assert ids(dated) == {"page-072", "page-075", "page-087", "page-091"}
    assert ids(in_2017[in_2017["period_start"].isna()]) == {"seed003-01", "seed003-02", "seed003-03"}
    expected = ((news["period_start"].dt.year == 2017) | news["period_start"].isna()).sum()
    assert len(in_2017) == expected


def test_text_search_is_case_accent_and_word_order_insensitive(news):
    lower = NewsFilters(text="viet nam").apply(news)
    upper = NewsFilters(text="VIET   NAM").apply(news)
    assert ids(lower) == ids(upper) == {"page-087", "page-123", "page-146"}
    assert all("viet" in text and "nam" in text for text in lower["search_text"])
    titles = " | ".join(lower["title"])
    assert "Viet Nam" in titles and "Vietnamese" in titles  # every word must appear, anywhere in a word
    assert ids(NewsFilters(text="nam viet").apply(news)) >= ids(lower)
    assert ids(NewsFilters(text="china's").apply(news)) == ids(NewsFilters(text="CHINA’S").apply(news))
    assert NewsFilters(text="zzqx no such words").apply(news).empty


def test_search_looks_in_summaries_too(news):
    row = news[news["item_id"] == "seed000-02"].iloc[0]  # title: "...young people...", summary: "...footballers..."
    assert "footballers" in row["summary"] and "footballers" not in row["title"]
    assert "seed000-02" in ids(NewsFilters(text="Footballers").apply(news))


def test_combined_filters_are_the_intersection(news):
    combined = NewsFilters(
        countries=("THA",),
        topics=("fishing-seafood",),
        years=(2015, 2020),
        kinds=("news", "press release"),
        text="FISH",
    ).apply(news)
    separately = (
        ids(NewsFilters(countries=("THA",)).apply(news))
        & ids(NewsFilters(topics=("fishing-seafood",)).apply(news))
        & ids(NewsFilters(years=(2015, 2020)).apply(news))
        & ids(NewsFilters(kinds=("news", "press release")).apply(news))
        & ids(NewsFilters(text="fish").apply(news))
    )
    assert ids(combined) == separately == {"page-104", "page-129"}


def test_describe_names_every_filter_in_words():
    described = NewsFilters(
        years=(2015, 2020),
        countries=("NPL",),
        topics=("gender",),
        kinds=("video",),
        publishers=("ILO",),
        text="  Viet Nam ",
    ).describe(country_names={"NPL": "Nepal"})
    assert described == [
        "Dated 2015-2020 (undated resources are kept)",
        "Countries (any of): Nepal",
        "Topics (any of): gender",
        "Kinds: video",
        "Publishers (any of): ILO",
        "Title or summary contains: viet nam",
    ]


def test_latest_news_for_a_corridor(news):
    latest = latest_news(news, countries=["NPL", "QAT"], limit=5)
    assert latest["item_id"].tolist() == ["page-153", "seed001-02", "page-141", "page-128", "page-120"]
    assert latest["period_start"].is_monotonic_decreasing
    tagged = news[news["countries"].map(lambda codes: "NPL" in codes or "QAT" in codes) & news["period_start"].notna()]
    assert latest.iloc[0]["period_start"] == tagged["period_start"].max()
    assert latest_news(news, countries=["ATA"], limit=5).empty


def test_option_counts(news):
    assert count_by(news, "countries")["THA"] == 7 and count_by(news, "topic_list")["covid-19"] == 5
    assert count_by(news, "kind") == news["kind"].value_counts().to_dict()
    assert count_by(news, "publishers")["ILO"] == len(NewsFilters(publishers=("ILO",)).apply(news))
    assert count_by(news.head(0), "countries") == {}
