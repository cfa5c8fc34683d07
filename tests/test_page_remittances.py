"""Remittances page in AppTest: every control of every view, countries and corridors without data, bad links."""

import base64
import json

import numpy as np
import pytest

from tests.test_pages import run_page

PAGE = "pages/remittances.py"


def remittances_page(**query) -> object:
    app = run_page(PAGE, query=query)
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def plotly_spec(app, index: int = 0) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def array(trace: dict, key: str) -> list:
    """A trace's values: plotly sends numeric arrays as typed arrays ({"dtype", "bdata"})."""
    values = trace[key]
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def deck_spec(app, index: int = 0) -> dict:
    return json.loads(app.get("deck_gl_json_chart")[index].proto.json)


def download_names(app) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


# --- over time --------------------------------------------------------------------------------------------------


def test_default_trend_shows_the_largest_asian_recipients_from_wdi():
    app = remittances_page()
    assert app.title[0].value == "Remittances"
    assert app.multiselect(key="countries").value == ["IND", "PHL", "CHN", "PAK", "BGD"]
    figure = plotly_spec(app)
    assert [trace["name"] for trace in figure["data"]][0] == "India (World Bank WDI)"
    india = figure["data"][0]
    position = array(india, "x").index(2023)
    assert array(india, "y")[position] == pytest.approx(119_526_055_008.102)
    hover = india["customdata"][position]
    assert "US$119.5 bn" in hover and "vintage: World Bank WDI" in hover and "not an estimate" in hover
    assert "Source: World Bank" in hover
    assert any("World Development Indicators" in caption for caption in texts(app.caption))
    assert download_names(app) == ["Download CSV", "Download Excel", "Data package (zip)"]
    assert dict(app.query_params) == {}


def test_trend_controls_change_the_chart_and_the_url():
    app = remittances_page()
    app.multiselect(key="countries").set_value(["NPL", "ARE"]).run()
    app.radio(key="measure").set_value("pct_gdp").run()
    app.toggle(key="log").set_value(True).run()
    app.toggle(key="knomad").set_value(True).run()
    assert not app.exception
    assert any("No data: United Arab Emirates" in info for info in texts(app.info))
    figure = plotly_spec(app)
    assert figure["layout"]["yaxis"]["type"] == "log"
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["Nepal (World Bank WDI)", "Nepal (KNOMAD Dec 2023, 2023 only)"]  # one point, named so
    knomad = figure["data"][1]
    published = {year: value for year, value in zip(array(knomad, "x"), array(knomad, "y")) if value == value}
    assert list(published) == [2023] and round(published[2023], 1) == 26.6  # KNOMAD: % of GDP for 2023 only
    hover_2023 = knomad["customdata"][array(knomad, "x").index(2023)]
    assert "estimate (2023e)" in hover_2023 and "December 2023" in hover_2023
    assert knomad["line"]["dash"] == "dash"
    assert (app.query_params["countries"], app.query_params["measure"]) == ("NPL,ARE", "pct_gdp")
    assert (app.query_params["log"], app.query_params["knomad"]) == ("True", "True")


def test_per_capita_and_a_country_with_no_data_at_all():
    app = remittances_page(countries="ARE", measure="per_capita")
    assert any("No data: United Arab Emirates" in info for info in texts(app.info))
    assert not app.get("plotly_chart")


def test_no_country_chosen_says_so():
    app = remittances_page()
    app.multiselect(key="countries").set_value([]).run()
    assert not app.exception
    assert any("No countries chosen" in info for info in texts(app.info))


# --- ranking ----------------------------------------------------------------------------------------------------


def test_ranking_year_measure_and_edition():
    app = remittances_page(view="ranking")
    recipients, senders = plotly_spec(app, 0), plotly_spec(app, 1)
    assert recipients["data"][0]["y"][-1] == "India"
    assert "Top senders to Asia and the Pacific, 2021 (modelled estimates)" in senders["layout"]["title"]["text"]
    app.slider(key="year").set_value(2005).run()
    app.radio(key="measure").set_value("pct_gdp").run()
    app.radio(key="brm").set_value(2017).run()
    assert not app.exception
    recipients, senders = plotly_spec(app, 0), plotly_spec(app, 1)
    assert recipients["layout"]["title"]["text"].endswith("2005") and recipients["data"][0]["text"][-1].endswith("%")
    assert "2017" in senders["layout"]["title"]["text"]
    assert {trace["name"] for trace in senders["data"]} == {"Gulf (GCC)", "Asia and the Pacific", "Elsewhere"}
    assert any("Modelled estimates, not reported flows" in caption for caption in texts(app.caption))
    assert dict(app.query_params) == {"view": "ranking", "year": "2005", "measure": "pct_gdp", "brm": "2017"}
    assert len(app.get("download_button")) == 6


# --- maps -------------------------------------------------------------------------------------------------------


def test_flow_map_and_choropleth_are_offline_decks_labelled_modelled():
    app = remittances_page(view="maps")
    flows, choropleth = deck_spec(app, 0), deck_spec(app, 1)
    for deck in (flows, choropleth):
        assert "mapProvider" not in deck and deck.get("mapStyle") in (None, "__MAP_STYLE__")  # no basemap
        assert "http" not in json.dumps(deck)
    arcs = next(layer for layer in flows["layers"] if layer["id"] == "arcs")["data"]
    assert (arcs[0]["sender"], arcs[0]["receiver"], round(arcs[0]["usd_million"])) == (
        "United Arab Emirates",
        "India",
        19_821,
    )
    assert "Modelled estimate" in json.loads(app.get("deck_gl_json_chart")[0].proto.tooltip)["html"]
    assert any("Modelled estimates, not reported flows" in warning for warning in texts(app.warning))


def test_flow_map_into_one_country_and_into_one_without_estimates():
    app = remittances_page(view="maps")
    app.selectbox(key="into").set_value("NPL").run()
    app.radio(key="brm").set_value(2017).run()
    arcs = next(layer for layer in deck_spec(app, 0)["layers"] if layer["id"] == "arcs")["data"]
    assert {arc["receiver"] for arc in arcs} == {"Nepal"} and {arc["year"] for arc in arcs} == {2017}
    app.selectbox(key="into").set_value("PRK").run()
    assert not app.exception
    assert any("No data" in info and "Democratic People's Republic of Korea" in info for info in texts(app.info))


def test_choropleth_year_measure_and_play():
    app = remittances_page(view="maps", year="2000")
    app.radio(key="measure").set_value("per_capita").run()
    features = next(layer for layer in deck_spec(app, 1)["layers"] if layer["id"] == "values")["data"]["features"]
    nepal = next(feature for feature in features if feature["properties"]["iso3"] == "NPL")["properties"]
    assert nepal["year"] == 2000 and nepal["value_text"].startswith("US$")
    app.button(key="play").click().run()
    assert not app.exception
    assert app.slider(key="year").value == 2001 and app.button(key="play").proto.label == "Pause"
    app.run()
    assert app.slider(key="year").value == 2002
    app.button(key="play").click().run()
    assert app.button(key="play").proto.label == "Play"
    app.run()
    assert app.slider(key="year").value == 2002 and app.query_params["year"] == "2002"


def test_leaving_the_maps_stops_the_animation():
    app = remittances_page(view="maps", year="2010")
    app.button(key="play").click().run()
    assert app.slider(key="year").value == 2011
    app.radio(key="view").set_value("trend").run()
    app.radio(key="view").set_value("maps").run()
    assert not app.exception
    assert app.button(key="play").proto.label == "Play" and app.slider(key="year").value == 2011


def test_play_from_the_last_year_starts_at_the_first_and_stops_at_the_end():
    app = remittances_page(view="maps")
    assert app.slider(key="year").value == 2023
    app.button(key="play").click().run()
    assert app.slider(key="year").value == 1991
    app.slider(key="year").set_value(2022).run()
    app.run()
    assert app.slider(key="year").value == 2023
    app.run()
    assert app.button(key="play").proto.label == "Play" and app.slider(key="year").value == 2023


# --- cost of sending --------------------------------------------------------------------------------------------


def test_cost_to_india_states_the_end_of_the_data_and_the_sdg_lines():
    app = remittances_page(view="cost")
    assert any("end in **2020Q3 (July-September 2020)**" in info for info in texts(app.info))
    figure = plotly_spec(app)
    shapes = {round(shape["y0"], 1) for shape in figure["layout"]["shapes"]}
    assert shapes == {3.0, 5.0}
    saudi = next(trace for trace in figure["data"] if trace["name"] == "from Saudi Arabia")
    assert saudi["customdata"][-1] == "2020Q3" and round(array(saudi, "y")[-1], 2) == 5.45
    metrics = app.metric
    assert metrics[0].label.startswith("Cheapest corridor, 2020Q3") and metrics[1].label.startswith("Dearest")
    latest = app.dataframe[0].value
    assert latest["cost_pct"].is_monotonic_increasing
    assert latest.loc[latest["corridor"] == "Saudi Arabia → India", "above_corridor_ceiling"].item()


def test_cost_for_a_corridor_without_data_and_a_country_without_data():
    app = remittances_page(view="cost")
    app.selectbox(key="to").set_value("NPL").run()
    app.multiselect(key="from").set_value(["KOR", "MYS"]).run()
    assert not app.exception
    assert any("No cost data for Republic of Korea → Nepal" in info for info in texts(app.info))
    names = [trace["name"] for trace in plotly_spec(app)["data"]]
    assert names == [
        "from Malaysia: mean of RPW provider quotes, computed here",
        "from Malaysia",
        "Average to Nepal (WDI, SDG 10.c.1)",
    ]
    assert [metric.label for metric in app.metric][:2] == [
        "The one corridor, 2020Q3",
        "Corridors above 5% at their latest quarter",
    ]
    assert app.query_params["to"] == "NPL" and app.query_params["from"] == "KOR,MYS"
    app.selectbox(key="to").set_value("MDV").run()
    assert not app.exception
    assert any(
        "No cost data: Remittance Prices Worldwide surveys no corridor into Maldives" in info
        for info in texts(app.info)
    )
    assert not app.get("plotly_chart")


# --- Sri Lanka --------------------------------------------------------------------------------------------------


def test_sri_lanka_reported_next_to_departures_and_the_model():
    app = remittances_page(view="srilanka")
    table = app.dataframe[0].value.set_index("Sending country (as SLBFE lists it)")
    assert table.loc["Saudi Arabia", "Reported 2023, US$ million"] == "542.7"
    assert table.loc["Kuwait", "Departures 2023"] != "no data" and table.loc["Kuwait", "Modelled 2021, US$ million"]
    assert table.loc["Italy", "Departures 2023"] == "no data"  # SLBFE lists no departures to Italy in 2023
    bars = plotly_spec(app)["data"]
    assert [bar["name"] for bar in bars] == [
        "Remittances received, modelled estimate (US$ million)",
        "Departures for foreign employment (persons)",
        "Remittances received, reported (US$ million)",
    ]
    app.selectbox(key="dep_year").set_value(2019).run()
    app.radio(key="brm").set_value(2017).run()
    assert not app.exception
    table = app.dataframe[0].value.set_index("Sending country (as SLBFE lists it)")
    assert table.loc["UAE", "Departures 2019"] == "no data"  # withheld extraction error
    assert "Modelled 2017, US$ million" in table.columns
    assert any("Withheld" in info and "2019" in info for info in texts(app.info))
    assert dict(app.query_params) == {"view": "srilanka", "dep_year": "2019", "brm": "2017"}


# --- bad links and bad data -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"view": "<script>alert(1)</script>"},
        {"countries": "XXX,IND,<b>x</b>", "measure": "bogus", "log": "maybe", "knomad": "2"},
        {"view": "ranking", "year": "-5", "brm": "2019"},
        {"view": "maps", "year": "3000", "into": "Atlantis"},
        {"view": "cost", "to": "Z" * 10_000, "from": "KOR,,;DROP"},
        {"view": "srilanka", "dep_year": "abc"},
        {"view": ["cost", "maps"], "year": ["2000", "2001"]},
    ],
)
def test_bad_links_are_ignored_with_a_note(query):
    app = remittances_page(**query)
    notes = [info for info in texts(app.info) if "link" in info]
    assert notes, texts(app.info)
    assert all("<script>" not in note and "<b>" not in note and len(note) < 400 for note in notes)


def test_broken_remittances_table_is_named_and_other_views_work(tables_copy):
    (tables_copy / "remittances.csv").write_text("series,iso3\nwdi,IND\n")
    broken = run_page(PAGE)
    assert not broken.exception
    shown = broken.error[0].value.replace("\\", "")  # the message is escaped markdown
    assert "remittances.csv" in shown and "missing" in shown
    costs = run_page(PAGE, query={"view": "cost"})
    assert not costs.exception and not costs.error


def test_an_edited_table_is_picked_up_by_the_cached_views(tables_copy):
    app = run_page(PAGE, query={"view": "cost"})
    saudi = next(trace for trace in plotly_spec(app)["data"] if trace["name"] == "from Saudi Arabia")
    assert round(array(saudi, "y")[-1], 2) == 5.45
    path = tables_copy / "remittance_costs.csv"
    path.write_text(
        path.read_text().replace("ATCR.CORR,SAU,IND,2020Q3,2020,3,5.4533,", "ATCR.CORR,SAU,IND,2020Q3,2020,3,6.5,")
    )
    app.run()
    assert not app.exception
    saudi = next(trace for trace in plotly_spec(app)["data"] if trace["name"] == "from Saudi Arabia")
    assert array(saudi, "y")[-1] == 6.5


def test_cost_view_adds_computed_means_and_warns_when_others_are_asked_for():
    app = run_page(PAGE, query={"view": "cost", "to": "NPL"})
    assert not app.exception
    assert any("mean of RPW provider quotes, computed here" in info.value for info in app.info)
    assert not app.warning
    app.toggle(key="all_means").set_value(True).run()
    assert not app.exception
    assert app.query_params["all_means"] == "True"
    assert any("do **not** reproduce the published average" in warning.value for warning in app.warning)


def test_trend_shows_2024_world_bank_estimates_as_labelled_points_only_in_usd():
    app = run_page(PAGE, query={"countries": "IND,NPL"})
    assert not app.exception
    names = [trace["name"] for trace in plotly_spec(app)["data"]]
    assert "India: 2024, World Bank estimate as printed (not WDI)" in names
    assert not any(name.startswith("Nepal: 2024") for name in names), "no 2024 estimate printed for Nepal"
    assert "Open diamonds: World Bank estimates for 2024" in " ".join(texts(app.caption))
    app.radio(key="measure").set_value("pct_gdp").run()
    assert not any("2024, World Bank" in trace["name"] for trace in plotly_spec(app)["data"])


# --- country groups (issue 15) ------------------------------------------------------------------------------------

GCC = ["ARE", "BHR", "SAU", "KWT", "OMN", "QAT"]


def test_choosing_a_group_over_time_chooses_its_members_and_draws_their_us_dollar_total():
    by_group = remittances_page(countries="gcc", knomad="True")
    by_members = remittances_page(countries=",".join(GCC), knomad="True")
    group_traces, member_traces = plotly_spec(by_group)["data"], plotly_spec(by_members)["data"]
    totals = [trace for trace in group_traces if "total of the members with data" in trace["name"]]
    assert [trace["name"] for trace in totals] == [
        "Gulf Cooperation Council (GCC): total of the members with data (World Bank WDI)",
        "Gulf Cooperation Council (GCC): total of the members with data (KNOMAD Dec 2023)",
    ]
    members = [trace for trace in group_traces if trace not in totals]

    def drawn(traces):
        return [(trace["name"], [None if y != y else y for y in array(trace, "y")]) for trace in traces]

    assert drawn(members) == drawn(member_traces)
    assert any("Gulf Cooperation Council (GCC) stands for its members: United Arab Emirates" in text
               for text in texts(by_group.caption))  # fmt: skip
    wdi_members = [trace for trace in members if trace["name"].endswith("(World Bank WDI)")]
    for year, total in zip(array(totals[0], "x"), array(totals[0], "y")):
        values = [array(t, "y")[array(t, "x").index(year)] for t in wdi_members if year in array(t, "x")]
        assert total == pytest.approx(sum(value for value in values if value == value))
    sentence = next(
        text for text in texts(by_group.markdown) if text.startswith("**Gulf Cooperation Council (GCC), 2023:**")
    )
    assert "total of the 5 members with data (of 6)" in sentence  # the UAE publishes no figure
    assert by_group.query_params["countries"] == "gcc"


def test_a_group_in_share_of_gdp_shows_its_members_and_no_total():
    app = remittances_page(countries="gcc", measure="pct_gdp")
    names = [trace["name"] for trace in plotly_spec(app)["data"]]
    assert names and not any("total" in name for name in names)
    assert any("No group total: this measure is not summed" in text for text in texts(app.caption))


def test_cost_from_a_group_is_its_members_and_never_summed():
    by_group = remittances_page(view="cost", **{"from": "gcc"})
    by_members = remittances_page(view="cost", **{"from": ",".join(GCC)})
    assert plotly_spec(by_group)["data"] == plotly_spec(by_members)["data"]
    assert by_group.dataframe[0].value.equals(by_members.dataframe[0].value)
    assert any("No group total" in text for text in texts(by_group.caption))


def test_flow_map_into_a_group_draws_its_members_and_totals_every_sender():
    app = remittances_page(view="maps", into="gcc")
    arcs = [layer for layer in deck_spec(app)["layers"] if layer.get("@@type") == "ArcLayer"]
    receivers = {row["receiver_iso3"] for layer in arcs for row in layer["data"]}
    assert receivers and receivers <= set(GCC)
    assert any(
        text.startswith("**Gulf Cooperation Council (GCC), 2021:** US$") and "(of 6)" in text
        for text in texts(app.markdown)
    )


# --- every figure honours every filter on it, or says it does not (issue 15) --------------------------------------


def test_each_map_follows_its_own_controls_and_says_which_are_not_its_own():
    app = remittances_page(view="maps")
    flow_map, choropleth = deck_spec(app, 0), deck_spec(app, 1)
    app.radio(key="measure").set_value("pct_gdp").run()
    assert deck_spec(app, 0) == flow_map, "the estimates are in US$ whatever the measure"
    assert deck_spec(app, 1) != choropleth
    app.selectbox(key="into").set_value("NPL").run()
    assert deck_spec(app, 0) != flow_map
    assert deck_spec(app, 1)["layers"] == deck_spec(remittances_page(view="maps", measure="pct_gdp"), 1)["layers"]
    captions = " ".join(texts(app.caption))
    assert "the measure and year below are for the map of remittances received" in captions
    assert "the edition and 'Flows into' above are for the map of bilateral estimates only" in captions


def test_cost_tiles_say_they_count_published_prices_only():
    app = remittances_page(view="cost", all_means="True")
    assert any("computed means after 2020Q3 are drawn on the chart" in text for text in texts(app.caption))


# --- maps as images to save as PNG (issue 15) ---------------------------------------------------------------------


def test_each_map_can_be_shown_as_an_image_of_the_same_places():
    app = remittances_page(view="maps", into="NPL")
    assert not app.get("plotly_chart"), "an image is only drawn when asked for"
    arcs = [layer for layer in deck_spec(app, 0)["layers"] if layer.get("@@type") == "ArcLayer"]
    senders = {row["sender"] for layer in arcs for row in layer["data"]}
    app.toggle(key="flow_map_image").set_value(True).run()
    image = plotly_spec(app)
    assert image["layout"]["title"]["text"].startswith("Largest 40 modelled sender-to-receiver estimates into Nepal")
    curves = {trace["name"].split(" → ")[0] for trace in image["data"] if " → " in trace.get("name", "")}
    assert curves == senders
    app.toggle(key="choropleth_map_image").set_value(True).run()
    filled = {trace["meta"] for trace in plotly_spec(app, 1)["data"] if trace.get("meta")}
    features = next(layer for layer in deck_spec(app, 1)["layers"] if layer["id"] == "values")["data"]["features"]
    assert filled == {
        feature["properties"]["iso3"] for feature in features if feature["properties"]["value"] is not None
    }
