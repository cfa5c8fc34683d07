"""Corridor figure builders, without Streamlit: what the map draws and sends, tooltips, legend, detail."""

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.corridors import figures
from data import load_country_shapes
from data.filters.corridors import CorridorFilters
from data.profiles import corridor_trend


@pytest.fixture(scope="module")
def default_table(countries, years2024):
    return CorridorFilters().apply(years2024, countries)


def deck_json(deck) -> dict:
    return json.loads(deck.to_json())


def test_labels_for_people():
    assert figures.migrants_label(3_248_545, sex="total") == "3.25 M migrants (3,248,545)"
    assert figures.migrants_label(968_227, sex="female") == "968.2 k female migrants (968,227)"
    assert figures.migrants_label(4_306_639, sex="total", noun="immigrants") == "4.31 M immigrants (4,306,639)"
    assert figures.change_label(387_500, 13.5, 2020) == "+387,500 (+13.5%) since 2020"
    assert figures.change_label(-266_543, -7.0, 2020) == "-266,543 (-7.0%) since 2020"
    assert figures.change_label(0, 0.0, 2020) == "same estimate carried forward from 2020 (not an observed change)"
    assert figures.change_label(pd.NA, pd.NA, 2020) == "no 2020 figure"
    assert figures.change_label(pd.NA, pd.NA, pd.NA) == "no earlier estimate year"
    assert figures.change_label(5, pd.NA, 2020) == "+5 since 2020"  # from zero: no percentage
    assert figures.pair_key("NPL", "MYS") == "NPL-MYS" and figures.split_pair_key("NPL-MYS") == ("NPL", "MYS")


def test_arc_frame_sends_only_what_the_arcs_and_tooltip_use(default_table, countries):
    arcs = figures.arc_frame(default_table, countries)
    assert list(arcs.columns) == figures.ARC_COLUMNS and len(arcs) == 25
    india_uae = arcs[(arcs["orig_iso3"] == "IND") & (arcs["dest_iso3"] == "ARE")].iloc[0]
    assert india_uae["migrants_label"] == "3.25 M migrants (3,248,545)"
    assert india_uae["change_label"] == "+387,500 (+13.5%) since 2020"
    assert india_uae["share_label"] == "29.8%"
    assert (india_uae["source_lon"], india_uae["source_lat"]) == (81.17, 23.59)  # SOURCES.md: India 81.17, 23.59


def test_places_without_a_map_location_are_listed_not_drawn(countries, years2024):
    table = CorridorFilters(destinations=("USA",), origin_areas=(), top_n=200).apply(years2024, countries)
    assert "OOO" in set(table["orig_iso3"])  # UN DESA's 'Unknown' origin has no location
    arcs = figures.arc_frame(table, countries)
    assert len(arcs) == len(table) - 1 and "OOO" not in set(arcs["orig_iso3"])
    assert figures.unmapped_places(table, countries) == ["Unknown"]


def test_corridor_map_is_offline_and_light(default_table, countries):
    deck = figures.corridor_map(default_table, countries)
    spec = deck_json(deck)
    assert deck.map_provider is None and "mapProvider" not in spec  # no basemap, no tiles
    land, arcs = spec["layers"]
    assert land["data"] == "app/static/countries.geojson"
    assert arcs["@@type"] == "ArcLayer" and arcs["id"] == "arcs" and len(arcs["data"]) == 25
    assert arcs["widthUnits"] == "pixels", "never '@@=pixels', an accessor, not the unit"
    assert arcs["getTilt"] == figures.ARC_TILT and arcs["getHeight"] == figures.ARC_HEIGHT
    assert "{origin} → {destination}" in deck._tooltip["html"]
    assert len(figures.corridor_map(default_table, countries).to_json()) < 20_000


def test_even_the_largest_allowed_map_stays_far_below_a_megabyte(countries, years2024):
    table = CorridorFilters(size_mode="minimum", minimum=10_000, origin_areas=()).apply(years2024, countries)
    assert len(figures.corridor_map(table, countries).to_json()) < 400_000


def test_tooltip_fields_exist_in_the_data(default_table, countries):
    deck = figures.corridor_map(default_table, countries)
    arcs = figures.arc_frame(default_table, countries)
    html = figures.ARC_TOOLTIP + figures.tooltip_lines()
    fields = {field.strip("{}") for field in __import__("re").findall(r"{\w+}", html)}
    assert fields <= set(arcs.columns) and "share_label" in fields
    assert deck._tooltip["html"] == html


def test_country_map_fills_only_the_countries_of_the_table(countries, years2024):
    table = CorridorFilters(view="emigrants").apply(years2024, countries)
    spec = deck_json(figures.country_map(table, load_country_shapes(), countries, view="emigrants"))
    features = spec["layers"][1]["data"]["features"]
    assert len(features) == 25
    assert {feature["properties"]["iso3"] for feature in features} == set(table["iso3"])
    india = next(feature["properties"] for feature in features if feature["properties"]["iso3"] == "IND")
    assert india["migrants_label"] == "18.5 M emigrants (18,533,845)"
    assert india["change_label"].startswith("+2,001,084")
    html = figures.COUNTRY_TOOLTIP + figures.tooltip_lines()
    assert set(html.replace("}", "{").split("{")[1::2]) <= set(india)


def test_legend_matches_the_map_classes(default_table):
    legend = figures.map_legend(default_table)
    assert len(legend) == 5
    assert legend[0][1].startswith("up to ") and legend[-1][1].endswith("3.75 M")  # Afghanistan -> Iran
    assert figures.legend_title("corridors", sex="female", year=2010).startswith("Migrants (female, 2010)")
    assert figures.legend_title("immigrants", sex="total", year=2024) == "Immigrants (total, 2024)"


def test_female_share_figure(rev2024):
    trend = corridor_trend(rev2024, "IND", "ARE")
    figure = figures.female_share_figure(trend, title="Female share")
    assert isinstance(figure.data[0], go.Scatter) and tuple(figure.layout.yaxis.range) == (0, 100)
    assert figure.data[0].customdata[-1] == "29.8%"
    assert not any(trace.type in {"choropleth", "scattergeo"} for trace in figure.data)


def test_data_type_notes_name_the_years():
    trend = pd.DataFrame(
        {"year": [1990, 1995, 2000], "type_b": [1, 1, 1], "type_c": [0, 0, 0], "type_r": [0, 1, 1], "type_i": [1, 0, 0]}
    )
    notes = figures.data_type_notes(trend)
    assert notes[0].startswith("Imputed by UN DESA") and notes[0].endswith(": 1990.")
    assert notes[1] == "Includes refugees: 1995, 2000."
    assert notes[2].endswith("(foreign-born): all years shown.") and len(notes) == 3


def test_data_type_notes_of_a_gulf_corridor_say_citizenship(rev2024):
    notes = figures.data_type_notes(corridor_trend(rev2024, "IND", "ARE"))
    assert notes == [
        "Destination data count migrants by citizenship (foreign citizens), not by birth: all years shown."
    ]


def test_the_arc_map_as_an_image_is_a_chart_of_the_same_arcs_over_the_shipped_shapes():
    from components.corridors.figures import arc_frame, arc_image_figure
    from data import load_corridor_years, load_countries, load_country_shapes
    from data.filters.corridors import CorridorFilters

    countries = load_countries()
    table = CorridorFilters(origins=("NPL",), destinations=("QAT", "MYS", "SAU")).apply(
        load_corridor_years(2024), countries
    )
    figure = arc_image_figure(table, load_country_shapes(), countries, title="t")
    land, *drawn = figure.data
    arcs = [trace for trace in drawn if not trace.showlegend]
    assert land.fill == "toself" and len(arcs) == len(arc_frame(table, countries)) == 3
    assert {"Nepal → Qatar", "Nepal → Malaysia", "Nepal → Saudi Arabia"} == {arc.text.split(":")[0] for arc in arcs}
    assert arcs[-1].line.width > arcs[0].line.width  # the largest drawn last and widest
    assert [trace.name for trace in drawn if trace.showlegend] == [label for _, label in figures.map_legend(table)]
    assert figure.layout.geo.projection.type is None, "no plotly geo basemap (it would load from a CDN)"


def test_the_filled_map_as_an_image_fills_each_country_of_the_table_in_its_class_colour():
    from components.maps import class_breaks, class_colour
    from data import load_corridor_years, load_countries, load_country_shapes
    from data.filters.corridors import CorridorFilters

    countries = load_countries()
    table = CorridorFilters(view="emigrants", top_n=10).apply(load_corridor_years(2024), countries)
    figure = figures.country_image_figure(table, load_country_shapes(), countries, view="emigrants", title="t")
    filled = [trace for trace in figure.data if trace.meta]
    assert [trace.meta for trace in filled] == list(table["iso3"]) and len(filled) == 10
    breaks = class_breaks(table["migrants"])
    assert [trace.fillcolor for trace in filled] == [
        "rgb({},{},{})".format(*class_colour(value, breaks)) for value in table["migrants"]
    ]
    india = next(trace for trace in filled if trace.meta == "IND")
    assert india.text.startswith("India: ") and india.fill == "toself"
    assert {trace.type for trace in figure.data} == {"scatter"}, "no plotly geo trace (it would load from a CDN)"


def test_the_corridor_cost_chart_is_on_a_time_axis_with_both_sdg_lines():
    import pandas as pd

    from components.corridors.profile import cost_figure

    costs = pd.DataFrame({"period": ["2011Q1", "2011Q3", "2013Q1", "2013Q2"], "cost_pct": [9.1, 8.7, 7.9, 7.5]})
    computed = pd.DataFrame({"period": ["2020Q4"], "cost_pct": [4.0], "n_quotes": [12]})
    figure = cost_figure(costs, title="t", computed=computed)
    published, means = figure.data
    dates = pd.to_datetime(pd.Series(published.x))
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2011-01-01", "2011-07-01", "2013-01-01", "2013-04-01"]
    assert list(published.customdata) == ["2011Q1", "2011Q3", "2013Q1", "2013Q2"]
    assert pd.Timestamp(means.x[0]) == pd.Timestamp("2020-10-01")
    assert {shape.y0 for shape in figure.layout.shapes} == {5.0, 3.0}
    assert {annotation.text for annotation in figure.layout.annotations} == {
        "5%: SDG 10.c ceiling per corridor",
        "3%: SDG 10.c target (average)",
    }
