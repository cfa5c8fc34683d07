"""The corridors page in AppTest: every filter, the corridor detail, empty results, links good and bad."""

import json

import pytest

from data import load_corridor_years, load_countries
from data.filters.corridors import CorridorFilters
from tests.test_pages import run_page

PAGE = "pages/corridors.py"


def table_of(app):
    assert not app.exception, [exception.value for exception in app.exception]
    return app.dataframe[-1].value  # the table behind the map comes after the corridor's sections


def map_spec(app) -> dict:
    charts = app.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def notes(app) -> list[str]:
    return [info.value for info in app.info]


@pytest.fixture(scope="module")
def default_app():
    return run_page(PAGE)


def test_default_view_is_the_25_largest_asian_origin_corridors_of_2024(default_app):
    table = table_of(default_app)
    assert len(table) == 25 and set(table["year"]) == {2024} and set(table["revision"]) == {2024}
    countries = load_countries()
    assert set(table["orig_iso3"]) <= set(countries.loc[countries["region"] == "Asia", "iso3"])
    assert default_app.multiselect(key="orig_area").value == ["Asia"]
    assert default_app.select_slider(key="year").value == 2024
    spec = map_spec(default_app)
    assert [layer["id"] for layer in spec["layers"]] == ["land", "arcs"] and len(spec["layers"][1]["data"]) == 25
    captions = " ".join(caption.value for caption in default_app.caption)
    assert "Asia** is the UN M49 region" in captions and "stocks, not yearly flows" in captions
    assert "International Migrant Stock 2024" in captions and "CC BY 3.0 IGO" in captions
    assert "25 corridors, exactly as on the map" in captions
    assert len(default_app.get("download_button")) == 3
    assert not default_app.query_params, "defaults stay out of the link"
    assert not notes(default_app)


def test_the_legend_and_number_formats(default_app):
    legend = default_app.get("html")[0].proto.body
    assert "Migrants (total, 2024)" in legend and "3.75 M" in legend
    columns = default_app.dataframe[-1].proto.columns
    assert '"%,d"' in columns and "Migrants" in columns


@pytest.mark.parametrize("view", ["emigrants", "immigrants"])
def test_choropleth_views(view):
    app = run_page(PAGE)
    app.radio(key="view").set_value(view).run()
    table = table_of(app)
    assert "iso3" in table.columns and len(table) == 25 and table["migrants"].is_monotonic_decreasing
    spec = map_spec(app)
    assert spec["layers"][1]["@@type"] == "GeoJsonLayer" and len(spec["layers"][1]["data"]["features"]) == 25
    assert app.query_params["view"] == view
    assert f"{view.capitalize()} (total, 2024)" in app.get("html")[0].proto.body
    assert not [chart for chart in app.get("plotly_chart") if "countries filled" in chart.proto.alt]
    app.toggle(key=f"{view}_map_image").set_value(True).run()
    image = next(chart for chart in app.get("plotly_chart") if "25 countries filled" in chart.proto.alt)
    figure = json.loads(image.proto.spec)
    assert len([trace for trace in figure["data"] if trace.get("meta")]) == 25
    assert json.loads(image.proto.config)["toImageButtonOptions"]["filename"] == f"corridors-{view}-2024-2024"


def test_revision_2020_resets_the_year_and_never_mixes():
    app = run_page(PAGE)
    app.selectbox(key="rev").set_value(2020).run()
    table = table_of(app)
    assert app.select_slider(key="year").value == 2020 and set(table["revision"]) == {2020}
    assert set(table["source_id"]) == {"undesa_ims_2020"}
    assert any("International Migrant Stock 2020" in caption.value for caption in app.caption)
    assert app.query_params["rev"] == "2020" and "year" not in app.query_params


def test_year_slider_and_sex():
    app = run_page(PAGE)
    app.select_slider(key="year").set_value(2010).run()
    app.radio(key="sex").set_value("female").run()
    table = table_of(app)
    assert set(table["year"]) == {2010} and (table["migrants"] == table["female"]).all()
    assert set(table["previous_year"]) == {2005}
    assert app.query_params["year"] == "2010" and app.query_params["sex"] == "female"


def test_places_at_both_ends():
    app = run_page(PAGE)
    app.multiselect(key="orig_area").set_value(["Asia and the Pacific"]).run()
    app.multiselect(key="orig").set_value(["NPL", "BGD"]).run()
    app.multiselect(key="dest_area").set_value(["Western Asia"]).run()
    app.multiselect(key="dest").set_value(["SAU", "QAT", "ARE"]).run()
    table = table_of(app)
    assert set(table["orig_iso3"]) == {"NPL", "BGD"} and set(table["dest_iso3"]) == {"SAU", "QAT", "ARE"}
    assert len(table) == 6
    assert app.query_params["orig"] == "NPL,BGD" and app.query_params["dest_area"] == "Western Asia"


def test_size_top_n_and_minimum():
    app = run_page(PAGE)
    app.slider(key="top").set_value(60).run()
    assert len(table_of(app)) == 60
    app.radio(key="size").set_value("minimum").run()
    app.selectbox(key="min").set_value(1_000_000).run()
    table = table_of(app)
    assert table["migrants"].min() >= 1_000_000 and 25 < len(table) < 60
    assert app.query_params["size"] == "minimum" and app.query_params["min"] == "1000000"


def test_play_starts_from_the_first_year_and_pauses():
    app = run_page(PAGE)
    app.button(key="year_play").click().run()
    assert not app.exception
    assert app.session_state["corridors_playing"] and app.select_slider(key="year").value == 1990
    assert app.button(key="year_play").label == "Pause"
    assert set(table_of(app)["year"]) == {1990}
    app.button(key="year_play").click().run()
    assert not app.session_state["corridors_playing"] and app.button(key="year_play").label == "Play"


def test_choosing_a_corridor_opens_its_detail():
    app = run_page(PAGE)
    app.selectbox(key="corridor").set_value("IND-ARE").run()
    assert not app.exception
    assert [header.value for header in app.header if "→" in header.value] == ["India → United Arab Emirates"]
    assert [metric.value for metric in app.metric][:3] == ["3.25 M", "29.8%", "+387,500"]
    assert {"corridor_trend", "corridor_share"} <= {chart.key for chart in app.get("plotly_chart")}
    assert any("by citizenship" in markdown.value for markdown in app.markdown)
    assert any(
        "International Migrant Stock 2024" in caption.value and "citizenship" in caption.value
        for caption in app.caption
    )
    assert app.query_params["corridor"] == "IND-ARE"


def test_a_corridor_link_opens_its_detail_even_off_the_map():
    app = run_page(PAGE, query={"corridor": "NPL-MYS"})
    assert not app.exception and not notes(app)
    assert [header.value for header in app.header if "→" in header.value] == ["Nepal → Malaysia"]
    assert "NPL" not in set(table_of(app)["orig_iso3"])  # not among the 25 largest, still shown in detail
    assert app.metric[0].value == "502.6 k"


def test_no_corridors_match_says_so_clearly():
    app = run_page(PAGE, query={"orig": "MEX", "dest": "NPL", "orig_area": ""})  # no Mexicans in Nepal (UN DESA)
    assert not app.exception
    assert any(message.startswith("No corridors match these filters") for message in notes(app))
    assert not app.get("deck_gl_json_chart") and not app.dataframe and not app.get("download_button")
    app.radio(key="view").set_value("emigrants").run()
    assert not app.exception and any(message.startswith("No countries match") for message in notes(app))


def test_query_params_round_trip():
    app = run_page(PAGE)
    app.radio(key="view").set_value("immigrants").run()
    app.selectbox(key="rev").set_value(2020).run()
    app.select_slider(key="year").set_value(2005).run()
    app.radio(key="sex").set_value("male").run()
    app.multiselect(key="orig_area").set_value(["Southern Asia"]).run()
    app.multiselect(key="dest_area").set_value(["Western Asia"]).run()
    app.radio(key="size").set_value("minimum").run()
    app.selectbox(key="min").set_value(50_000).run()
    app.selectbox(key="corridor").set_value("PAK-SAU").run()
    link = dict(app.query_params)
    assert app.code[0].value.endswith(
        "/corridors?" + "&".join(f"{key}={value.replace(' ', '+')}" for key, value in link.items())
    )

    reopened = run_page(PAGE, query=link)
    assert not notes(reopened)
    for kind, key in [
        ("radio", "view"),
        ("selectbox", "rev"),
        ("select_slider", "year"),
        ("radio", "sex"),
        ("multiselect", "orig_area"),
        ("multiselect", "dest_area"),
        ("radio", "size"),
        ("selectbox", "min"),
        ("selectbox", "corridor"),
    ]:
        assert getattr(reopened, kind)(key=key).value == getattr(app, kind)(key=key).value, key
    assert table_of(reopened).equals(table_of(app))
    expected = CorridorFilters(
        revision=2020,
        year=2005,
        sex="male",
        origin_areas=("Southern Asia",),
        destination_areas=("Western Asia",),
        view="immigrants",
        size_mode="minimum",
        minimum=50_000,
    ).apply(load_corridor_years(2020), load_countries())
    assert table_of(reopened)["iso3"].tolist() == expected["iso3"].tolist()


GARBAGE = [
    ({"orig": "ZZZ"}, "names unknown value(s) 'ZZZ'"),
    ({"year": "-5"}, "'year' value '-5' is not one of the choices"),
    ({"year": "2099"}, "'year' value '2099' is not one of the choices"),
    ({"rev": "2020", "year": "2024"}, "'year' value '2024' is not one of the choices"),
    ({"rev": "2021"}, "'rev' value '2021' is not one of the choices"),
    ({"orig_area": "x" * 10_000}, "'orig_area' value is too long (10,000 characters)"),
    ({"sex": ["female", "male"]}, "The link repeats 'sex'; the last value was used."),
    ({"dest": "<script>alert(1)</script>"}, "'dest' names unknown value(s) '?script?alert?1???script?'"),
    ({"view": "<img src=x onerror=alert(1)>"}, "'view' value '?img src?x onerror?alert?1??' is not one"),
    ({"top": "-5"}, "'top' value -5 is outside 1-200"),
    ({"top": "lots"}, "'top' value 'lots' is not a whole number"),
    ({"size": "minimum", "min": "123"}, "'min' value '123' is not one of the choices"),
    ({"corridor": "NPL-XXX"}, "'corridor' value 'NPL-XXX' is not one of the choices"),
    ({"corridor": "<script>"}, "'corridor' value '?script?' is not one of the choices"),
]


@pytest.mark.parametrize(
    ("query", "note"), GARBAGE, ids=[next(iter(query)) + str(i) for i, (query, _) in enumerate(GARBAGE)]
)
def test_garbage_in_the_link_is_ignored_with_a_note(query, note):
    app = run_page(PAGE, query=query)
    assert not app.exception, [exception.value for exception in app.exception]
    shown = notes(app)
    assert any(note in message for message in shown), shown
    assert not any("<script>" in message or "<img" in message for message in shown)
    assert len(table_of(app)) > 0 and app.title[0].value == "Migration corridors"


def test_repeated_key_uses_the_last_value():
    app = run_page(PAGE, query={"sex": ["female", "male"]})
    assert app.radio(key="sex").value == "male" and set(table_of(app)["sex"]) == {"male"}


# --- issue 15 --------------------------------------------------------------------------------------


def shown(element) -> str:
    return element.value.replace("\\", "")  # messages are escaped markdown


def test_two_destination_regions_mean_either_and_the_selection_is_totalled():
    app = run_page(PAGE, query={"orig": "NPL", "dest_area": "Western Asia,South-eastern Asia", "top": "200"})
    table = table_of(app)
    assert {"QAT", "MYS"} <= set(table["dest_iso3"]) and not notes(app)
    totals = [shown(markdown) for markdown in app.markdown if markdown.value.startswith("**Selection total.**")]
    assert len(totals) == 1 and "From Nepal to Western Asia or South" in totals[0] and "since 2020" in totals[0]
    assert f"{int(table['migrants'].sum()):,} migrants" in totals[0]  # every matching corridor is on the map


def test_a_country_group_in_the_destination_box_with_its_total():
    app = run_page(PAGE)
    app.multiselect(key="orig").set_value(["NPL"]).run()
    app.multiselect(key="dest_area").set_value(["gcc"]).run()
    table = table_of(app)
    assert set(table["dest_iso3"]) == {"ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}
    assert app.query_params["dest_area"] == "gcc"
    total = next(shown(markdown) for markdown in app.markdown if markdown.value.startswith("**Selection total.**"))
    assert (
        "From Nepal to Gulf Cooperation Council (GCC), 2024: 637,318 migrants, up 27,020 since 2020." in total
        and f"{int(table['migrants'].sum()):,}" in total
    )
    assert "Gulf Cooperation Council (GCC), 6 members" in app.multiselect(key="dest_area").options


def test_a_country_outside_the_origin_region_widens_it_and_says_so():
    app = run_page(PAGE, query={"orig": "AUS", "top": "200"})  # the origin region stays at its default, Asia
    assert any(
        note.startswith(
            "Australia is not in Asia (the origin group or region chosen), so the map shows Australia or Asia"
        )
        for note in notes(app)
    )
    assert "AUS" in set(table_of(app)["orig_iso3"])


def test_malaysia_or_the_gulf_from_nepal():
    app = run_page(PAGE, query={"orig": "NPL", "dest": "MYS", "dest_area": "gcc"})
    table = table_of(app)
    assert set(table["dest_iso3"]) == {"MYS", "ARE", "BHR", "KWT", "OMN", "QAT", "SAU"}
    total = next(shown(markdown) for markdown in app.markdown if markdown.value.startswith("**Selection total.**"))
    assert total.startswith("**Selection total.** From Nepal to Malaysia or Gulf Cooperation Council (GCC), 2024: ")
    assert f"{int(table['migrants'].sum()):,} migrants" in total
    captions = " ".join(caption.value for caption in app.caption)
    assert "Nepal → Malaysia repeats its 2020 estimate (carried forward by UN DESA" in captions


def test_place_boxes_offer_no_select_all_matches_row():
    app = run_page(PAGE)
    for key in ("orig_area", "orig", "dest_area", "dest"):
        assert app.multiselect(key=key).proto.select_all == 0  # typed text never picks every match at once


def test_the_corridor_detail_follows_the_sex_filter():
    app = run_page(PAGE, query={"corridor": "PHL-SAU", "sex": "female", "year": "2020"})
    metric = app.metric[0]
    assert metric.label == "Female migrants, 2020" and metric.proto.help.startswith("456,026 persons")
    assert 456_026 in set(app.dataframe[-1].value["migrants"])  # the table's row says the same
    app.radio(key="sex").set_value("total").run()
    assert app.metric[0].label == "Migrants, 2020" and app.metric[0].proto.help.startswith("730,715 persons")


def test_one_row_is_one_corridor_not_one_countrie():
    app = run_page(PAGE, query={"orig": "NPL", "dest": "MYS"})
    assert any("1 corridor, exactly as on the map" in caption.value for caption in app.caption)
    app.radio(key="view").set_value("emigrants").run()
    assert any("1 country, exactly as on the map" in caption.value for caption in app.caption)


def test_several_corridors_over_time_on_one_chart_in_persons_or_share_of_population():
    app = run_page(PAGE, query={"orig": "NPL", "dest": "QAT,SAU,MYS,ARE"})
    chart = next(chart for chart in app.get("plotly_chart") if chart.proto.id and "corridors_compare" in chart.proto.id)
    spec = json.loads(chart.proto.spec)
    names = {trace["name"] for trace in spec["data"]}
    assert names == {"Nepal → Qatar", "Nepal → Saudi Arabia", "Nepal → Malaysia", "Nepal → United Arab Emirates"}
    assert "the 4 largest corridors shown, 1990–2024" in spec["layout"]["title"]["text"]
    app.radio(key="per").set_value("population").run()
    assert app.query_params["per"] == "population"
    assert any("Share = migrants / the origin's population that year" in caption.value for caption in app.caption)


def test_the_corridor_detail_is_a_fragment_showing_the_chosen_corridor_with_the_pages_filters():
    """(That choosing reruns the section alone is seen in the browser: tests/e2e/test_corridor_selection.py.)"""
    app = run_page(PAGE, query={"sex": "male", "year": "2015", "orig": "NPL", "orig_area": "", "rev": "2020"})
    app.selectbox(key="corridor").set_value("NPL-QAT").run()
    assert not app.exception
    assert [header.value for header in app.header if "→" in header.value] == ["Nepal → Qatar"]
    expected = (
        CorridorFilters(revision=2020, year=2015, sex="male", origins=("NPL",), origin_areas=())
        .apply(load_corridor_years(2020), load_countries())
        .set_index("dest_iso3")
        .loc["QAT", "migrants"]
    )
    metric = app.metric[0]
    assert metric.label == "Male migrants, 2015" and metric.proto.help.startswith(f"{expected:,} persons")
    assert app.query_params["corridor"] == "NPL-QAT" and app.query_params["rev"] == "2020"
    assert "corridor=NPL-QAT" in app.code[-1].value and "sex=male" in app.code[-1].value


def test_every_figure_honours_the_filters_or_says_it_does_not():
    """Issue 15: the comparison lines are the largest corridors on the map (the year and size filters choose them)
    over every year; a corridor off the map says so; the other datasets' sections say which filters they ignore."""
    app = run_page(PAGE, query={"orig": "NPL", "orig_area": "", "top": "3", "year": "2000", "corridor": "IND-ARE"})
    assert not app.exception
    chart = next(chart for chart in app.get("plotly_chart") if chart.proto.id and "corridors_compare" in chart.proto.id)
    compared = [trace["name"] for trace in json.loads(chart.proto.spec)["data"]]
    on_map = table_of(app)
    assert len(on_map) == 3 and compared == [f"Nepal → {name}" for name in on_map["destination"]]
    captions = [caption.value for caption in app.caption]
    assert any("largest corridors on the map in 2000" in text and "year and size filters choose them" in text
               for text in captions)  # fmt: skip
    assert any(text.startswith("This corridor is not on the map with the current place and size") for text in captions)
    assert any("the page's year, sex and revision filters apply to the migrant stock above only" in text
               for text in captions)  # fmt: skip
    assert app.metric[0].label == "Migrants, 2000"  # the detail follows the year filter
    on_the_map = run_page(PAGE, query={"orig": "NPL", "orig_area": "", "corridor": "NPL-QAT"})
    assert not any("not on the map" in caption.value for caption in on_the_map.caption)
