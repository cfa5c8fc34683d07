"""The news filter model: each filter alone and combined, against counts worked out from the table itself."""

import pandas as pd
import pytest

from data import load_news
from data.filters.news import NewsFilters
from data.news import latest_news


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    return load_news()


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["item_id"])


def test_no_filters_keep_everything(news):
    assert NewsFilters().apply(news).equals(news)
    assert NewsFilters().describe() == []


def test_countries_match_any_of(news):
    nepal = NewsFilters(countries=("NPL",)).apply(news)
    qatar = NewsFilters(countries=("QAT",)).apply(news)
    either = NewsFilters(countries=("NPL", "QAT")).apply(news)
    assert (len(nepal), len(qatar)) == (22, 10)
    assert ids(either) == ids(nepal) | ids(qatar) and len(either) < 32  # some items name both
    assert all("NPL" in codes or "QAT" in codes for codes in either["countries"])


def test_topics_kinds_and_publishers(news):
    assert len(NewsFilters(topics=("covid-19",)).apply(news)) == 25
    assert len(NewsFilters(kinds=("video", "op-ed")).apply(news)) == 24
    ilo = NewsFilters(publishers=("ILO",)).apply(news)
    assert all("ILO" in names for names in ilo["publishers"])
    joint = sum("ILO" in names and len(names) > 1 for names in news["publishers"])
    assert joint == 7 and len(ilo) == (news["publisher"] == "ILO").sum() + joint


def test_years_overlap_the_item_period_and_keep_undated_resources(news):
    in_2017 = NewsFilters(years=(2017, 2017)).apply(news)
    dated = in_2017[in_2017["period_start"].notna()]
    assert (dated["period_start"].dt.year == 2017).all()
    assert {"page-072", "page-075", "page-091"} <= ids(dated)  # year- and month-precision items of 2017
    assert in_2017["period_start"].isna().sum() == 20
    expected = ((news["period_start"].dt.year == 2017) | news["period_start"].isna()).sum()
    assert len(in_2017) == expected


def test_text_search_is_case_accent_and_word_order_insensitive(news):
    lower = NewsFilters(text="viet nam").apply(news)
    upper = NewsFilters(text="VIET   NAM").apply(news)
    assert ids(lower) == ids(upper) and len(lower) >= 3
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
    assert len(latest) == 5 and latest["period_start"].is_monotonic_decreasing
    tagged = news[news["countries"].map(lambda codes: "NPL" in codes or "QAT" in codes) & news["period_start"].notna()]
    assert latest.iloc[0]["period_start"] == tagged["period_start"].max()
    assert latest_news(news, countries=["ATA"], limit=5).empty


def test_option_counts(news):
    from data.news import count_by

    assert count_by(news, "countries")["THA"] == 40 and count_by(news, "topic_list")["covid-19"] == 25
    assert count_by(news, "kind") == news["kind"].value_counts().to_dict()
    assert count_by(news, "publishers")["ILO"] == len(NewsFilters(publishers=("ILO",)).apply(news))
    assert count_by(news.head(0), "countries") == {}
