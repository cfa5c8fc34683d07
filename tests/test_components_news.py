"""News components without Streamlit: dates at their precision, escaping, safe links and the timeline figure."""

import re
from datetime import date

import pandas as pd
import pytest

from components.news.figures import (
    LANE_COLOURS,
    chips_markdown,
    counts_line,
    format_item_date,
    item_meta,
    safe_href,
    timeline_figure,
    title_markdown,
)
from components.plain_text import plain_markdown
from data import load_news
from data.news import combined, parse_user_news

XSS_TITLE = "<img src=x onerror=alert(1)> <script>alert(2)</script> **bold** [link](javascript:alert(3)) $x$ :red[y]"


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    return load_news()


@pytest.mark.parametrize(
    ("text", "precision", "shown"),
    [
        ("2024-01-30", "day", "30 Jan 2024"),
        ("2017-11", "month", "Nov 2017"),
        ("2017", "year", "2017"),
        (None, "none", "Undated"),
        ("2006-04-05", "day", "5 Apr 2006"),
    ],
)
def test_dates_are_shown_at_their_precision(text, precision, shown):
    assert format_item_date(text, precision) == shown


def test_no_month_or_year_item_ever_shows_a_day(news):
    for item in news[news["date_precision"].isin(["month", "year"])].to_dict("records"):
        shown = format_item_date(item["date"], item["date_precision"])
        assert not shown[0].isdigit() or shown.isdigit(), shown  # 'Nov 2017' or '2017', never '1 Nov 2017'


def test_escaped_markdown_keeps_every_character_and_leaves_no_syntax_active():
    escaped = plain_markdown(XSS_TITLE)
    assert escaped.replace("\\", "") == XSS_TITLE
    every_punctuation_escaped = re.compile(r"(?:\\[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~])*")
    assert every_punctuation_escaped.fullmatch(escaped)
    assert not every_punctuation_escaped.fullmatch("<img")


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ('https://www.ilo.org/a(b)<c>"d', "https://www.ilo.org/a%28b%29%3Cc%3E%22d"),
        ("https://www.ilo.org/a b", None),
        ("http://ilo.ch/x?y=1&z=2#top", "http://ilo.ch/x?y=1&z=2#top"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<b>", None),
        ("//evil.example/x", None),
        ("ftp://x.org", None),
        ("https://", None),
        (None, None),
        (float("nan"), None),
        ("https://x.org/\njavascript:alert(1)", None),
    ],
)
def test_only_http_links_are_made(url, href):
    assert safe_href(url) == href


def test_title_markdown_links_only_web_addresses():
    assert title_markdown("A (b)", "https://x.org/p") == "[**A \\(b\\)**](https://x.org/p)"
    assert title_markdown("A", "javascript:alert(1)") == "**A**"


def test_user_items_are_marked_in_chips_and_meta():
    items, _ = parse_user_news(
        b"title,date,kind,topics,countries_iso3\nMine,2024-03,news,gender,NPL\n",
        country_codes=frozenset({"NPL"}),
        today=date(2026, 1, 1),
    )
    item = items.iloc[0].to_dict()
    assert chips_markdown(item, country_names={"NPL": "Nepal"}).startswith(
        ":orange-badge[User\\-supplied\\, not from a published source] :blue-badge[Nepal]"
    )
    assert item_meta(item, source_labels={}) == "Mar 2024 · News · publisher not known · from your file"


def test_counts_line():
    assert (
        counts_line(5, total=212, dated=4, undated=1, user_supplied=0)
        == "**5** of 212 items match: 4 dated, 1 undated."
    )
    assert counts_line(3, total=215, dated=3, undated=0, user_supplied=2).endswith("2 from your file (user-supplied).")


def marks(figure) -> pd.DataFrame:
    """Every mark of the timeline, whichever trace (marker style) it is in."""
    return pd.DataFrame(
        [
            {"x": pd.Timestamp(x), "lane": y, "symbol": trace.marker.symbol, "hover": hover, "colour": colour}
            for trace in figure.data
            for x, y, hover, colour in zip(trace.x, trace.y, trace.hovertext, trace.marker.color)
        ]
    )


def test_timeline_has_one_mark_per_item_and_topic(news):
    dated = news[news["period_start"].notna()]
    figure = timeline_figure(dated, colour_by="topic")
    by_topic = marks(figure)
    assert len(by_topic) == dated["topic_list"].map(len).sum()
    assert set(by_topic["lane"]) == set(dated["topic_list"].explode())
    assert by_topic.groupby("lane")["colour"].nunique().eq(1).all()  # one colour a lane
    by_kind = marks(timeline_figure(dated, colour_by="kind"))
    assert len(by_kind) == len(dated) and set(by_kind["lane"]) == set(dated["kind"])
    assert set(by_kind["symbol"]) == {"circle", "circle-open"}
    assert figure.layout.xaxis.rangeslider.visible and figure.layout.yaxis.fixedrange
    scale = figure.data[0].marker.colorscale
    assert {colour for _, colour in scale} <= set(LANE_COLOURS)


def test_month_items_sit_mid_month_with_an_open_marker(news):
    mark = marks(timeline_figure(news[news["item_id"] == "page-091"], colour_by="kind")).iloc[0]  # dated 2017-11
    assert mark["x"] == pd.Timestamp("2017-11-15 12:00") and mark["symbol"] == "circle-open"
    assert "Nov 2017" in mark["hover"]


def test_hover_shows_titles_as_text_not_html(news):
    items, _ = parse_user_news(
        f'title,date,kind,topics,publisher\n"{XSS_TITLE}",2024-05-01,news,gender,<b>P</b>\n'.encode(),
        country_codes=frozenset(),
        today=date(2026, 1, 1),
    )
    shown = marks(timeline_figure(combined(news, items).head(3), colour_by="kind"))
    mark = shown[shown["hover"].str.contains("onerror")].iloc[0]
    assert "<img" not in mark["hover"] and "<script" not in mark["hover"] and "<b>P" not in mark["hover"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in mark["hover"] and "&lt;b&gt;P&lt;/b&gt;" in mark["hover"]
    assert "User-supplied" in mark["hover"] and mark["symbol"] == "x"


def test_unknown_colouring_is_refused(news):
    with pytest.raises(ValueError):
        timeline_figure(news, colour_by="publisher")


def test_a_single_item_is_shown_with_months_either_side(news):
    figure = timeline_figure(news[news["item_id"] == "seed001-02"], colour_by="kind")  # 3 Dec 2021
    first, last = (pd.Timestamp(end) for end in figure.layout.xaxis.range)
    assert pd.Timedelta(days=119) < pd.Timestamp("2021-12-03") - first < pd.Timedelta(days=121)
    assert last - first == pd.Timedelta(days=240)
