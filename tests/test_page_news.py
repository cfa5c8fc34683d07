"""The News page in AppTest: every filter and their combinations, links, user files, and hostile input."""

import io
import re
import statistics
import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.downloads import csv_bytes, excel_bytes
from data import load_country_groups, load_news, load_sources
from data.filters.news import NewsFilters
from data.news import TABLE_COLUMNS, export_table
from tests.test_page_agreements import fragment_rerun
from tests.test_pages import run_page

PAGE = "pages/news.py"
XSS_TITLE = "<img src=x onerror=alert(1)> <script>alert(2)</script> **bold** [link](javascript:alert(3))"
GOOD_FILE = (
    "title,date,kind,topics,countries_iso3,publisher,url,summary\n"
    "Türkiye and Nepal sign a labour pact,2025-03-04,news,agreements,TUR;NPL,My NGO,https://example.org/a,"
    "A summary.\n"
    "Our undated guide,,publication,recruitment,NPL,My NGO,,\n"
).encode()


def open_news(query: dict | None = None) -> AppTest:
    app = run_page(PAGE, query=query)
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def counts(app: AppTest) -> tuple[int, int]:
    line = next(markdown.value for markdown in app.markdown if " items match: " in markdown.value)
    shown, rest = line.split(" of ", 1)
    return int(shown.strip("*").replace(",", "")), int(rest.split(" ")[0].replace(",", ""))


def card_titles(app: AppTest) -> list[str]:
    """The title line of each card (a card's markdown is title, then date · kind · publisher, then chips)."""
    return [
        markdown.value.split("  \n")[0]
        for markdown in app.markdown
        if markdown.value.startswith(("[**", "**")) and " items match: " not in markdown.value
    ]


def card_meta(app: AppTest) -> list[str]:
    return [
        markdown.value.split("  \n")[1]
        for markdown in app.markdown
        if markdown.value.startswith(("[**", "**")) and " items match: " not in markdown.value
    ]


def notes(app: AppTest) -> list[str]:
    return [info.value for info in app.info]


def upload(app: AppTest, content: bytes, name: str = "mine.csv") -> AppTest:
    app.file_uploader(key="news_upload").upload(name, content, "text/csv")
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def test_default_view_shows_everything_with_timeline_cards_downloads_and_sources():
    app = open_news()
    assert counts(app) == (212, 212)
    assert [header.value for header in app.header] == [
        "Dated items (192), newest first",
        "Undated resources (20)",
    ]
    assert len(app.get("plotly_chart")) == 1
    assert len(card_titles(app)) == 10 + 20  # a page of dated items, and the 20 undated resources on one page
    assert (
        card_titles(app)[0]
        == "[**Pacific Australia Labour Mobility Scheme**](https://www.openaustralia.org.au/debate/?id=2025-08-25.244.1)"
    )
    assert {button.proto.label for button in app.get("download_button")} >= {"Download CSV", "Download Excel"}
    sources_note = " ".join(caption.value for caption in app.caption)
    assert "News and statements on labour migration" in sources_note and "Licence:" in sources_note
    assert dict(app.query_params) == {}


def test_dates_on_cards_are_at_their_precision():
    app = open_news({"q": "EU ILO UN Women join forces"})  # page-091, dated to November 2017
    assert card_meta(app) == [":small[:gray[Nov 2017 · Press release · UN Women\\; ILO\\; European Union]]"]


def test_opened_filtered_by_country_from_a_link():
    app = open_news({"country": "NPL"})
    assert app.multiselect(key="country").value == ["NPL"]
    assert counts(app) == (22, 212)
    chips = [markdown.value for markdown in app.markdown if ":blue-badge[" in markdown.value]
    assert chips and all(":blue-badge[Nepal]" in chip for chip in chips)


def test_a_link_from_another_page_with_the_same_key_still_filters():
    """The country profile keeps its own 'country' value; following its link to the news must not lose ours."""
    app = run_page("pages/countries.py", query={"country": "IND"})
    app.query_params["country"] = "NPL"
    app.switch_page(PAGE)
    app.run()
    assert not app.exception
    assert counts(app) == (22, 212)


def test_each_filter_through_its_widget_updates_counts_and_the_link():
    app = open_news()
    app.multiselect(key="topic").set_value(["covid-19"]).run()
    assert counts(app)[0] == 25 and app.query_params["topic"] == "covid-19"
    app.multiselect(key="kind").set_value(["news"]).run()
    expected = len(NewsFilters(topics=("covid-19",), kinds=("news",)).apply(load_news()))
    assert counts(app)[0] == expected and app.query_params["kind"] == "news"
    app.multiselect(key="topic").set_value([]).run()
    app.multiselect(key="kind").set_value([]).run()
    app.multiselect(key="pub").set_value(["iom"]).run()
    assert (
        counts(app)[0] == len(NewsFilters(publishers=("IOM",)).apply(load_news())) and app.query_params["pub"] == "iom"
    )
    app.slider(key="years").set_value((2017, 2017)).run()
    expected = len(NewsFilters(publishers=("IOM",), years=(2017, 2017)).apply(load_news()))
    assert counts(app)[0] == expected and app.query_params["years"] == "2017-2017"
    assert not app.exception


def test_combined_filters_from_the_link():
    query = {
        "country": "THA",
        "topic": "fishing-seafood",
        "years": "2015-2020",
        "kind": "news,press release",
        "q": "fish",
    }
    app = open_news(query)
    assert counts(app)[0] == 2
    assert {title.split("**")[1] for title in card_titles(app)} == {
        "Thailand ratifies ILO convention on workers in fishing industry",
        "Indonesia and Thailand to strengthen their port inspection to combat trafficking and forced labour at sea",
    }
    assert dict(app.query_params) == query


def test_text_search_ignores_case_and_accents():
    lower, upper = open_news({"q": "viet nam"}), open_news({"q": "VIET NAM"})
    assert counts(lower) == counts(upper) and counts(lower)[0] >= 3
    app = open_news()
    upload(app, GOOD_FILE)
    app.text_input(key="q").input("turkiye").run()
    assert counts(app)[0] == 1 and "Türkiye and Nepal" in card_titles(app)[0]
    app.text_input(key="q").input("TÜRKİYE").run()
    assert counts(app)[0] == 1


def test_no_match_says_so_clearly():
    app = open_news({"q": "zzqx nothing like this"})
    assert counts(app) == (0, 212)
    assert any(message.startswith("No items match these filters") for message in notes(app))
    assert not app.get("plotly_chart") and not card_titles(app)


def test_only_undated_matches_still_list_them():
    app = open_news({"q": "Home truths"})
    assert counts(app) == (1, 212)
    assert any("No dated items match" in message for message in notes(app))
    assert [header.value for header in app.header] == ["Undated resources (1)"]


def test_timeline_lanes_by_kind():
    app = open_news()
    app.radio(key="colour").set_value("kind").run()
    assert app.query_params["colour"] == "kind" and not app.exception


def test_pages_of_cards():
    app = open_news()
    app.pagination(key="dated_page").set_value(3).run()
    assert any(caption.value == "Items 21-30 of 192" for caption in app.caption)
    app.multiselect(key="country").set_value(["NPL"]).run()  # 21 dated items: page 3 still exists
    assert any(caption.value == "Items 21-21 of 21" for caption in app.caption)
    app.multiselect(key="country").set_value(["QAT"]).run()  # one page: no page numbers, first items shown
    assert not any(re.match(r"Items \d", caption.value) for caption in app.caption) and len(card_titles(app)) == 10
    assert not app.exception


@pytest.mark.parametrize(
    "query",
    [
        {"country": "ZZZ"},
        {"country": "<script>alert(1)</script>"},
        {"country": "NPL" * 3_400},
        {"q": "x" * 10_000},
        {"q": "x" * 150},
        {"years": "-5-2030"},
        {"years": "2030-2040"},
        {"years": "2020-2010"},
        {"years": "abc"},
        {"colour": "<img src=x onerror=alert(1)>"},
        {"topic": "astrology,covid-19"},
        {"kind": "rumour"},
        {"pub": "nobody"},
        {"country": ["NPL", "QAT"]},
    ],
)
def test_bad_link_values_are_ignored_with_a_note(query):
    app = open_news(query)
    messages = notes(app)
    assert any("link" in message for message in messages), messages
    assert not any("<script" in message or "<img" in message for message in messages)
    assert counts(app)[1] == 212


def test_a_single_year_in_the_link():
    app = open_news({"years": "2018"})
    assert app.slider(key="years").value == (2018, 2018)
    assert counts(app)[0] == len(NewsFilters(years=(2018, 2018)).apply(load_news()))


def test_repeated_key_uses_the_last_value():
    app = open_news({"country": ["NPL", "QAT"]})
    assert app.multiselect(key="country").value == ["QAT"] and counts(app)[0] == 10


def test_a_user_file_adds_marked_items_and_keeps_the_link_free_of_them():
    app = upload(open_news(), GOOD_FILE)
    assert counts(app) == (214, 214)
    assert any("2 items added from your file" in success.value for success in app.success)
    chips = [markdown.value for markdown in app.markdown if "orange-badge[User" in markdown.value]
    assert len(chips) == 2 and "Türkiye" in chips[0]  # the dated item, and the undated one (all 21 on one page)
    assert "Undated resources (21)" in [header.value for header in app.header]
    app.multiselect(key="pub").set_value(["my-ngo"]).run()
    assert counts(app) == (2, 214)
    assert any("from your file (user-supplied)" in markdown.value for markdown in app.markdown)


def test_a_user_file_with_bad_rows_reports_them_by_line_and_keeps_the_rest():
    content = (
        b"title,date,kind,topics,countries_iso3\nGood,2024-01-02,news,gender,NPL\n"
        b"Bad date,2024-02-30,news,gender,NPL\nBad code,2024,news,gender,XYZ\nAlso good,2023,news,youth,\n"
    )
    app = upload(open_news(), content)
    assert counts(app) == (214, 214)
    assert any("2 problems in your file" in warning.value for warning in app.warning)
    report = "\n".join(text.value for text in app.text)
    assert "Line 3: date '2024-02-30' is not a calendar date; row skipped." in report
    assert "Line 4: unknown country code(s) 'XYZ'" in report


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"title,date,kind,topics\n" + b"A,2024,news,gender\n" * 60_000, "the limit is 1 MB"),
        (b"name,when\nA,2024\n", "required column(s) missing"),
        (b"\xff\xfe\x00t\x00i", "not UTF-8"),
        (b'title,date,kind,topics\n"Never closed,2024,news,gender\n', "not well-formed CSV"),
        (b"", "The file is empty."),
    ],
)
def test_an_unusable_user_file_is_explained_and_the_page_keeps_working(content, message):
    app = upload(open_news(), content)
    assert counts(app) == (212, 212)
    shown = "\n".join(text.value for text in app.text)
    assert message in shown and any("Nothing was added" in warning.value for warning in app.warning)


def test_an_html_title_in_a_user_file_is_shown_as_text():
    content = (
        f'title,date,kind,topics,url,summary\n"{XSS_TITLE}",2025-12-01,news,gender,javascript:alert(1),"<b>s</b>"\n'
    )
    app = upload(open_news(), content.encode())
    # The url is refused (javascript:), so the row is reported; the same row with a web address is kept.
    assert "is not an http:// or https:// web address" in "\n".join(text.value for text in app.text)
    content = f'title,date,kind,topics,url,summary\n"{XSS_TITLE}",2025-12-01,news,gender,https://x.org,"<b>s</b>"\n'
    app = upload(open_news(), content.encode(), name="second.csv")
    title = card_titles(app)[0]
    assert title.startswith("[**\\<img src\\=x onerror\\=alert\\(1\\)\\>") and title.endswith("](https://x.org)")
    assert not re.search(r"(?<!\\)[<>\[\]()*]", title.removeprefix("[**").removesuffix("**](https://x.org)"))
    card = next(markdown.value for markdown in app.markdown if markdown.value.startswith("[**\\<img"))
    assert "  \n\\<b\\>s\\<\\/b\\>  \n" in card  # the summary, escaped like the title
    assert not [element for element in app.get("html") if "<style>" not in element.proto.body]  # only the app's CSS


def test_downloads_hold_the_rows_shown_dates_at_their_precision_and_user_flag():
    items = NewsFilters(countries=("NPL",)).apply(load_news())
    table = pd.read_csv(io.BytesIO(csv_bytes(export_table(items), load_sources())), dtype=str, keep_default_na=False)
    assert len(table) == 22
    assert list(table.columns[:12]) == [*TABLE_COLUMNS, "user_supplied"]
    assert {"citation", "licence"} <= set(table.columns) and (table["citation"] != "").all()
    assert table.loc[table["date_precision"] == "year", "date"].str.fullmatch(r"\d{4}").all()


def test_excel_download_names_the_filters_and_the_lists_the_items_came_from():
    filters = NewsFilters(countries=("NPL",), years=(2015, 2024))
    items = filters.apply(load_news())
    workbook = pd.read_excel(
        io.BytesIO(
            excel_bytes(
                export_table(items),
                load_sources(),
                title="News",
                measure="Items",
                filters=filters.describe(country_names={"NPL": "Nepal"}),
            )
        ),
        sheet_name=None,
    )
    assert len(workbook["data"]) == len(items) + 1  # the codes row under the readable labels
    assert set(workbook["sources"]["source_id"]) == set(items["source_id"])
    assert "Countries (any of): Nepal" in set(workbook["about"]["value"])


def test_filter_change_reruns_fast():
    """Median server-side rerun after a filter change, 20 AppTest runs (printed for the report)."""
    app = open_news()
    timings = []
    for index in range(20):
        app.multiselect(key="country").set_value(["NPL"] if index % 2 == 0 else ["THA"])
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
    median = statistics.median(timings)
    print(f"\nnews page: median rerun after a filter change {median:.0f} ms (20 runs)")
    assert not app.exception and median < 1_000


def latest_news_view(countries: list[str], limit: int, news_page: str, match_all: bool = False):
    """A stand-in country view: registers the News page and shows the latest news for ``countries``."""
    import streamlit as st

    from components.news.render import render_latest_news
    from data import load_countries, load_news

    def view():
        names = load_countries().set_index("iso3")["name"].to_dict()
        render_latest_news(
            load_news(), countries=countries, limit=limit, country_names=names, news_page=news_page, match_all=match_all
        )

    st.navigation([st.Page(view, title="View", default=True), st.Page(news_page, title="News")]).run()


def latest_news_app(countries: list[str], limit: int, *, match_all: bool = False) -> AppTest:
    news_page = str(Path(__file__).resolve().parents[1] / PAGE)
    app = AppTest.from_function(
        latest_news_view,
        kwargs={"countries": countries, "limit": limit, "news_page": news_page, "match_all": match_all},
        default_timeout=60,
    )
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def test_latest_news_component_for_a_corridor_links_to_the_filtered_page():
    app = latest_news_app(["NPL", "QAT"], 3)
    assert app.subheader[0].value == "Latest news"
    titles = [markdown.value for markdown in app.markdown if markdown.value.startswith(("[**", "**"))]
    expected = NewsFilters(countries=("NPL", "QAT")).apply(load_news()).head(3)["title"]
    assert len(titles) == 3
    assert [title.split("**")[1].replace("\\", "") for title in titles] == list(expected)
    link = app.get("page_link")[0].proto
    assert link.label == "All news and resources for Nepal or Qatar"
    assert link.query_string == "country=NPL%2CQAT"


def test_latest_news_component_with_no_items_says_so():
    app = latest_news_app(["ATA"], 5)
    assert app.info[0].value.startswith("No news items are tagged with Antarctica")


def test_later_user_items_widen_the_years_unless_the_user_narrowed_them():
    later = b"title,date,kind,topics\nNext year's plan,2026-03,event,policy-governance\n"
    app = upload(open_news(), later)
    assert app.slider(key="years").value == (2006, 2026) and counts(app) == (213, 213)
    assert "years" not in app.query_params
    narrowed = open_news()
    narrowed.slider(key="years").set_value((2010, 2015)).run()
    upload(narrowed, later)
    assert narrowed.slider(key="years").value == (2010, 2015)
    assert narrowed.query_params["years"] == "2010-2015"


def test_latest_news_for_both_ends_of_a_corridor():
    app = latest_news_app(["NPL", "QAT"], 5, match_all=True)
    both = NewsFilters(countries=("NPL",)).apply(load_news())
    both = both[both["countries"].map(lambda codes: "QAT" in codes) & both["period_start"].notna()]
    titles = [markdown.value for markdown in app.markdown if markdown.value.startswith(("[**", "**"))]
    assert 0 < len(titles) == min(len(both), 5)
    assert app.get("page_link")[0].proto.label == "All news and resources for Nepal or Qatar"
    empty = latest_news_app(["NPL", "TUV"], 5, match_all=True)
    assert empty.info[0].value.startswith("No news items are tagged with Nepal and Tuvalu")


def test_a_country_group_equals_choosing_its_members():
    """Issue 15: a group in the country filter means news about any of its members."""
    asean = sorted(load_country_groups().query("group_key == 'asean'")["iso3"])
    app = open_news({"country": "asean"})
    assert app.multiselect(key="country").value == ["asean"]
    members = open_news({"country": ",".join(asean)})
    assert counts(app) == counts(members) and counts(app)[0] > 0
    assert card_titles(app) == card_titles(members)
    assert "A group means any of its members." in " ".join(caption.value for caption in app.caption)
    option = next(option for option in app.multiselect(key="country").options if option.startswith("Association"))
    assert option.endswith(f"any of its {len(asean)} members ({counts(app)[0]})")


def test_turning_a_page_of_cards_reruns_the_list_only():
    """Issue 13: the cards are a fragment: a page turn redraws them without rerunning the filters or timeline."""
    app = open_news()
    first_page = card_titles(app)
    app.pagination(key="dated_page").set_value(2)
    with fragment_rerun(app, "news_cards") as filters_drawn:
        app.run()
    assert not app.exception and filters_drawn == []
    assert any(caption.value == "Items 11-20 of 192" for caption in app.caption)
    assert card_titles(app)[:10] != first_page[:10]


def test_many_undated_items_from_a_file_grow_with_a_button_not_a_second_set_of_page_numbers():
    """Issue 13: more than 50 undated items brought back a second unnamed pagination landmark."""
    rows = "".join(f"Undated guide {number:03},,publication,recruitment\n" for number in range(70))
    app = upload(open_news(), f"title,date,kind,topics\n{rows}".encode())
    assert [element.key for element in app.get("pagination")] == ["dated_page"]
    undated_titles = [title for title in card_titles(app) if "Undated guide" in title]
    assert len(undated_titles) < 70
    with fragment_rerun(app, "news_cards") as filters_drawn:
        app.button(key="undated_list_more").click().run()
    assert filters_drawn == [] and not app.exception
    assert len([title for title in card_titles(app) if "Undated guide" in title]) == 70
    assert [element.key for element in app.get("pagination")] == ["dated_page"]
    assert not [button for button in app.button if button.key == "undated_list_more"]
