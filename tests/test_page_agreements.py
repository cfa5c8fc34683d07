"""Agreements page in AppTest: every filter, row selection, the URL, bad links and a broken table."""

import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from unittest import mock

import pytest
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest

import components.filters
from data import load_agreements, load_country_groups
from tests.test_pages import run_page

PAGE = "pages/agreements.py"


def table(app):
    """The agreements table as shown (the first dataframe, keyed by the filters in force)."""
    frame = app.dataframe[0]
    assert frame.key.startswith("agreements_")
    return frame.value


@contextmanager
def fragment_rerun(app: AppTest, fragment_key: str) -> Iterator[list[str]]:
    """The next ``app.run()`` inside this block reruns only the fragment named ``fragment_key``, as a browser's
    click inside it does (AppTest itself always reruns the whole script). Yields the keys of the page filters
    drawn meanwhile: none, when only the fragment ran. Uses AppTest's fragment storage (private, Streamlit 1.67):
    if that changes, this fails loudly rather than testing nothing."""
    fragment_ids = list(app._fragment_storage._ids_by_target_key[fragment_key])
    assert fragment_ids, f"no fragment {fragment_key!r} on the page"
    filters_drawn, show = [], components.filters.show

    def counted_show(spec, **arguments):
        filters_drawn.append(spec.key)
        return show(spec, **arguments)

    only_the_fragment = partial(RerunData, fragment_id_queue=fragment_ids)
    with (
        mock.patch.object(components.filters, "show", counted_show),
        mock.patch("streamlit.testing.v1.local_script_runner.RerunData", only_the_fragment),
    ):
        yield filters_drawn


def select_row(app, position: int):
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [position], "columns": [], "cells": []}}
    return app.run()


def markdown_text(app) -> str:
    return "\n".join(element.value for element in app.markdown)


def detail_title(app) -> str:
    """The selected agreement's title: a level-3 heading marked as English (data as published)."""
    headings = [element.proto.body for element in app.get("html") if element.proto.body.startswith("<h3 lang='en'>")]
    assert len(headings) == 1, headings
    return html.unescape(headings[0].removeprefix("<h3 lang='en'>").removesuffix("</h3>"))


def notes(app) -> list[str]:
    return [info.value for info in app.info]


@pytest.fixture(scope="module")
def default_app():
    app = run_page(PAGE)
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def test_default_view_shows_every_section(default_app):
    assert default_app.title[0].value == "Bilateral labour migration agreements"
    # The first section is a level-2 heading under the title (axe: heading order), the others level 3.
    assert [header.value for header in [*default_app.header, *default_app.subheader]] == [
        "Agreements",
        "Map of agreement pairs",
        "Timeline of signings",
        "Coverage by destination",
        "Large corridors with no recorded agreement",
        "Regional instruments",
    ]
    assert len(table(default_app)) == 166
    captions = "\n".join(caption.value for caption in default_app.caption)
    assert "166 of 166 recorded instruments match (35 with no recorded date)" in captions
    assert "partial" in captions and "Asian Decent Work Decade Resource Kit" in captions
    assert "International Migrant Stock 2024" in captions
    assert not default_app.query_params


def test_undated_agreements_are_listed_apart_from_the_timeline(default_app):
    assert "Not on the timeline: 35 agreements with no recorded date" in markdown_text(default_app)
    undated = default_app.dataframe[1].value
    assert len(undated) == 35


def test_regional_instruments_and_gaps_are_shown(default_app):
    frames = [frame.value for frame in default_app.dataframe]
    regional = frames[-1]
    assert len(regional) == 6 and any("Bali Process" in name for name in regional["name"])
    gaps = frames[-2]
    assert {"rank", "origin", "destination", "migrants"} <= set(gaps.columns) and len(gaps) > 0


def test_country_filter(default_app):
    app = run_page(PAGE)
    app.multiselect(key="country").set_value(["NPL"]).run()
    assert not app.exception
    shown = table(app)
    assert len(shown) == 14 and (shown["origin"].eq("Nepal") | shown["destination"].eq("Nepal")).all()
    assert app.query_params["country"] == "NPL"


def test_role_filter():
    app = run_page(PAGE, query={"country": "KOR"})
    app.radio(key="role").set_value("origin").run()
    assert not app.exception and "No agreements match these filters" in " ".join(notes(app))
    app.radio(key="role").set_value("destination").run()
    assert len(table(app)) == 22 and set(table(app)["destination"]) == {"Republic of Korea"}
    assert app.query_params["role"] == "destination"


def test_instrument_type_filter():
    app = run_page(PAGE)
    app.multiselect(key="type").set_value(["Memorandum of cooperation"]).run()
    assert not app.exception
    assert len(table(app)) == 29 and set(table(app)["destination"]) == {"Japan"}
    assert app.query_params["type"] == "Memorandum of cooperation"


def test_sector_filter():
    app = run_page(PAGE)
    app.multiselect(key="sector").set_value(["Korea EPS"]).run()
    assert not app.exception and len(table(app)) == 22


def test_signing_period_filter_leaves_out_undated_rows():
    app = run_page(PAGE)
    app.slider(key="period").set_value((2015, 2019)).run()
    assert not app.exception
    shown = table(app)
    expected = load_agreements()["year_signed"].between(2015, 2019).sum()
    assert len(shown) == expected and shown["year_signed"].between(2015, 2019).all()
    assert app.query_params["period"] == "2015-2019"
    assert "Not on the timeline" not in markdown_text(app)


def test_filters_combine_and_are_restored_from_the_url():
    app = run_page(PAGE, query={"country": "PHL", "role": "origin", "type": "MOU", "period": "2000-2020"})
    assert not app.exception and not notes(app)
    assert len(table(app)) == 6
    assert app.multiselect(key="country").value == ["PHL"] and app.slider(key="period").value == (2000, 2020)


def test_undated_only_selection_says_so_instead_of_an_empty_timeline():
    app = run_page(PAGE, query={"country": "CHN"})
    assert not app.exception
    assert any("None of these agreements has a recorded date" in note for note in notes(app))


def test_row_selection_opens_the_detail_with_stock_before_and_after():
    app = run_page(PAGE, query={"country": "VNM", "role": "origin"})
    position = table(app).index[table(app)["agreement_id"] == "BLMA-KOR-VNM-2015-01"][0]
    select_row(app, int(position))
    assert not app.exception
    text = markdown_text(app)
    assert detail_title(app) == "Extension MOU on supplying and receiving Vietnamese workers under the EPS"
    assert "Viet Nam \\(origin\\) → Republic of Korea \\(destination\\)" in text
    assert "10 Apr 2015" in text
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Before: mid-2010": "56,508", "After: mid-2020": "199,080"}
    history = app.dataframe[1].value
    assert history["ID"].tolist()[:3] == ["BLMA-KOR-VNM-2008-01", "BLMA-KOR-VNM-2013-01", "BLMA-KOR-VNM-2015-01"]
    assert app.query_params["agr"] == "BLMA-KOR-VNM-2015-01"
    assert any("2024 revision" in caption.value for caption in app.caption)


def test_selecting_an_undated_agreement_says_no_comparison():
    app = run_page(PAGE, query={"agr": "BLMA-KOR-CHN-ND-01"})
    assert not app.exception
    assert detail_title(app) == "MOU on sending workers under the Korean Employment Permit System"
    assert any("date is not recorded, so no before/after comparison" in note for note in notes(app))
    assert not app.metric


def test_deselecting_removes_the_agreement_from_the_url():
    app = run_page(PAGE, query={"agr": "BLMA-KOR-NPL-2007-01"})
    assert app.query_params["agr"] == "BLMA-KOR-NPL-2007-01"
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [], "columns": [], "cells": []}}
    app.run()
    assert "agr" not in app.query_params and not app.metric


def test_selected_agreement_outside_the_filters_is_explained():
    app = run_page(PAGE, query={"agr": "BLMA-KOR-NPL-2007-01", "country": "JPN"})
    assert not app.exception
    assert any("BLMA-KOR-NPL-2007-01 is not among those matching" in note for note in notes(app))
    assert "agr" not in app.query_params


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"country": "ZZZ,NPL"}, "unknown value(s) 'ZZZ'"),
        ({"country": "<script>alert(1)</script>"}, "unknown value(s)"),
        ({"role": "boss"}, "not one of the choices"),
        ({"type": "Treaty"}, "unknown value(s) 'Treaty'"),
        ({"sector": "x" * 10_000}, "too long"),
        ({"period": "2019-2015"}, "is not within"),
        ({"period": "1900-3000"}, "is not within"),
        ({"period": "recent"}, "not a range such as"),
        ({"period": "2000-2010-2020"}, "not a range such as"),
        ({"agr": "<img src=x onerror=alert(1)>"}, "not one of the choices"),
    ],
)
def test_bad_links_are_ignored_with_a_note(query, fragment):
    app = run_page(PAGE, query=query)
    assert not app.exception
    shown = notes(app)
    assert any(fragment in note for note in shown), shown
    assert not any("<script>" in note or "<img" in note for note in shown)
    assert len(table(app)) >= 1


def test_repeated_keys_use_the_last_value():
    app = run_page(PAGE, query={"role": ["origin", "destination"], "country": "KOR"})
    assert not app.exception
    assert any("repeats 'role'" in note for note in notes(app))
    assert len(table(app)) == 22


def test_broken_agreements_table_gives_a_clear_message(tables_copy):
    (tables_copy / "agreements.csv").write_text("agreement_id,origin_iso3\nX,ZZZ\n", encoding="utf-8")
    app = run_page(PAGE)
    assert not app.exception
    shown = app.error[0].value.replace("\\", "")  # the message is escaped markdown
    assert "agreements.csv" in shown and "other pages" in shown


def test_a_country_group_equals_choosing_its_members():
    """Issue 15: a group in the party filter means any of its members, as choosing each of them gives."""
    gcc = sorted(load_country_groups().query("group_key == 'gcc'")["iso3"])
    by_group = run_page(PAGE, query={"country": "gcc"})
    by_members = run_page(PAGE, query={"country": ",".join(gcc)})
    assert not by_group.exception and not notes(by_group)
    assert by_group.multiselect(key="country").value == ["gcc"]
    assert len(table(by_group)) > 0 and table(by_group).equals(table(by_members))
    assert by_group.dataframe[-2].value.equals(by_members.dataframe[-2].value)  # the gaps honour the group too
    captions = " ".join(caption.value for caption in by_group.caption)
    assert "A group means any of its members: agreements with at least one party in it." in captions
    by_group.multiselect(key="country").set_value(["gcc", "NPL"]).run()
    assert by_group.query_params["country"] == "gcc,NPL"
    assert len(table(by_group)) == len(table(run_page(PAGE, query={"country": ",".join([*gcc, "NPL"])})))


def test_selecting_a_row_reruns_the_agreements_section_only():
    """Issue 13: the table is a fragment: a selection redraws the detail without rerunning the page's filters."""
    app = run_page(PAGE, query={"country": "NPL"})
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    with fragment_rerun(app, "agreements_table") as filters_drawn:
        app.run()
    assert not app.exception and filters_drawn == []
    assert app.query_params == {"country": "NPL", "agr": table(app)["agreement_id"].iloc[0]}
    assert any(markdown.value.startswith("**Parties**") for markdown in app.markdown)


def test_the_map_can_be_shown_as_an_image_of_the_same_agreements():
    """Issue 15: maps get an image (PNG) like the charts; the image carries the arcs of the agreements shown."""
    app = run_page(PAGE, query={"country": "NPL"})
    assert not [chart for chart in app.get("plotly_chart") if chart.key == "agreements_map_png"]
    app.toggle(key="agreements_map_image").set_value(True).run()
    assert not app.exception
    image = next(
        chart for chart in app.get("plotly_chart") if chart.proto.id and "agreements_map_png" in chart.proto.id
    )
    figure = json.loads(image.proto.spec)
    curves = [trace for trace in figure["data"] if trace.get("hoverinfo") == "text"]  # not the land
    counts = [int(trace["text"].split(": ")[1].split(" × ")[0]) for trace in curves]
    assert sum(counts) == len(table(app)) == 14
    assert json.loads(image.proto.config)["toImageButtonOptions"]["filename"] == "agreements-map"


def test_sections_the_filters_do_not_reach_say_so():
    """Issue 15: every figure honours every filter on the page or says it does not."""
    app = run_page(PAGE, query={"type": "MOU", "period": "2000-2015"})
    captions = " ".join(caption.value for caption in app.caption)
    assert "the instrument type, scheme and signing period filters do not apply here" in captions
    assert "Not filtered: these instruments are not between two countries" in captions
    gaps = app.dataframe[-2].value
    assert gaps.equals(run_page(PAGE).dataframe[-2].value)  # as the caption says: the same gaps
