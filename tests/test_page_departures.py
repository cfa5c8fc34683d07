"""Departures page: one origin's departures by destination (basis and period on the figure), registers as shares
only, and the coverage of every origin; opened by link and changed through its widgets."""

import json

import pytest

from tests.test_pages import run_page

PAGE = "pages/departures.py"
pytestmark = pytest.mark.apptest


def texts(elements) -> str:
    return " ".join(element.value for element in elements)


def test_default_is_sri_lanka_latest_year_with_basis_and_period_on_the_figure():
    app = run_page(PAGE)
    assert not app.exception
    assert "**Sri Lanka: registrations of departing workers, calendar year 2025**" in texts(app.markdown)
    assert app.selectbox(key="period").value == "2025"
    table = app.dataframe[0].value
    ranked = table.dropna(subset=["rank"])
    assert ranked["rank"].iloc[0] == 1 and ranked["departures"].is_monotonic_decreasing
    assert "Others" in set(table.loc[table["rank"].isna(), "destination"]), "groups are listed after, unranked"
    assert "SLBFE" in texts(app.caption) or "Sri Lanka Bureau" in texts(app.caption)
    assert [button.label for button in app.get("download_button")] == [
        "Download CSV",
        "Download Excel",
        "Data package (zip)",
    ]


def test_choosing_an_origin_and_a_period_through_the_widgets():
    app = run_page(PAGE)
    app.selectbox(key="origin").set_value("IDN").run()
    assert not app.exception
    assert app.selectbox(key="period").options == ["2024", "2023", "2022"]
    assert "calendar year 2024" in texts(app.markdown)
    app.selectbox(key="period").set_value("2022").run()
    assert not app.exception
    assert "**Indonesia: placements recorded in the official system, calendar year 2022**" in texts(app.markdown)
    assert app.query_params["origin"] == "IDN" and app.query_params["period"] == "2022"
    # Back to Sri Lanka: 2022 exists there too and is kept; a period the new origin lacks falls back to its latest.
    app.selectbox(key="origin").set_value("NPL").run()
    assert app.selectbox(key="period").value == "FY2077/78 (2020/21)"
    assert "fiscal year FY2077/78 (2020/21)" in texts(app.markdown)


def test_a_cumulative_register_is_shown_as_shares_never_as_a_years_flow():
    app = run_page(PAGE, query={"origin": "BGD"})
    assert not app.exception
    assert "Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia." in texts(app.markdown)
    assert "never a year's flow" in texts(app.warning)
    table = app.dataframe[0].value
    assert list(table.columns) == ["rank", "destination", "share_of_register_pct"]
    assert table["destination"].iloc[0] == "Saudi Arabia"


def test_an_origin_without_figures_by_destination_says_so():
    app = run_page(PAGE, query={"origin": "THA"})
    assert not app.exception
    assert "No figures by destination for Thailand" in texts(app.info)
    assert not app.get("download_button")


def test_coverage_lists_every_origin_with_years_and_basis():
    app = run_page(PAGE, query={"view": "coverage"})
    assert not app.exception
    table = app.dataframe[0].value
    assert set(table["origin_iso3"]) == {"BGD", "IDN", "IND", "LKA", "NPL", "PAK", "PHL", "THA", "VNM"}
    sri_lanka = table[table["origin_iso3"] == "LKA"].iloc[0]
    assert sri_lanka["years"] == "2019-2025" and sri_lanka["basis"] == "registrations of departing workers"
    bangladesh = table[table["origin_iso3"] == "BGD"].iloc[0]
    assert bangladesh["cumulative_registers"] == "2023-06-04 to 2026-09-21"


def test_unknown_link_values_are_ignored_with_a_note():
    app = run_page(PAGE, query={"origin": "<b>x</b>", "period": "1999"})
    assert not app.exception
    notes = texts(app.info)
    assert "'origin'" in notes and "'period'" in notes
    assert "calendar year 2025" in texts(app.markdown)


def test_a_revised_release_is_listed_apart_with_why_it_is_not_shown():
    app = run_page(PAGE, query={"origin": "IDN", "period": "2023"})
    assert not app.exception
    assert any("Other releases for 2023" in expander.label for expander in app.expander)
    others = app.dataframe[1].value
    assert others["note"].str.startswith("Not shown: BP2MI's early-2024 release, superseded").any()
    assert not [e for e in run_page(PAGE).expander if e.label.startswith("Other releases")], "none for Sri Lanka"


def test_choosing_a_destination_group_chooses_its_members_and_totals_them():
    by_group = run_page(PAGE, query={"dest": "gcc"})
    by_members = run_page(PAGE, query={"dest": "ARE,BHR,SAU,KWT,OMN,QAT"})
    assert not by_group.exception and not by_members.exception
    table = by_group.dataframe[0].value
    assert table.equals(by_members.dataframe[0].value)
    assert set(table["destination"]) == {"Kuwait", "United Arab Emirates", "Qatar", "Saudi Arabia", "Oman", "Bahrain"}
    total = f"{int(table['departures'].sum()):,}"
    assert f"**Chosen destinations:** {total} departures, total of the 6 with data (of 6)." in texts(by_group.markdown)
    assert "Gulf Cooperation Council (GCC) stands for its members" in texts(by_group.caption)
    assert by_group.multiselect(key="dest").value == ["gcc"]


def test_a_destination_group_an_origin_names_none_of_says_so():
    app = run_page(PAGE, query={"origin": "NPL", "dest": "asean"})
    assert not app.exception
    assert "No data: Nepal's figures for this period name none of the destinations chosen." in texts(app.info)


def test_other_releases_follow_the_destinations_chosen():
    app = run_page(PAGE, query={"origin": "IDN", "period": "2023", "dest": "SAU"})
    assert not app.exception
    assert set(app.dataframe[0].value["destination"]) == {"Saudi Arabia"}
    assert set(app.dataframe[1].value["destination_as_published"]) == {"Arab Saudi"}


def test_the_map_can_be_shown_as_an_image_of_the_same_destinations():
    app = run_page(PAGE, query={"dest": "gcc"})
    app.toggle(key="departures_map_image").set_value(True).run()
    assert not app.exception
    image = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert image["layout"]["title"]["text"] == "Sri Lanka: registrations of departing workers, calendar year 2025"
    curves = {trace["name"].split(": ")[0] for trace in image["data"] if " → " in trace.get("name", "")}
    assert curves == {f"Sri Lanka → {name}" for name in app.dataframe[0].value["destination"]}
