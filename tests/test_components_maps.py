"""Shared map builders: fitted views, legends, and arcs drawn in pixels with an optional direction cue."""

import json

import pandas as pd

from components.maps import (
    ASIA_VIEW,
    LAND_FILL,
    SEQUENTIAL,
    SOURCE_ALPHA,
    arc_image,
    arc_map,
    choropleth_image,
    class_breaks,
    class_colour,
    fitted_view,
    legend_html,
    legend_items,
)

ARCS = pd.DataFrame(
    {
        "source_lon": [84.13, 81.17],
        "source_lat": [28.30, 23.59],
        "target_lon": [101.98, 54.3],
        "target_lat": [4.2, 23.9],
        "value": [502_596, 3_248_545],
    }
)


def test_fitted_view_centres_on_the_points_and_zooms_out_for_wider_spreads():
    nepal_malaysia = fitted_view([84.13, 101.98], [28.30, 4.2])
    assert 84 < nepal_malaysia.longitude < 102 and 4 < nepal_malaysia.latitude < 28.3
    asia_to_america = fitted_view([84.13, -98.0], [28.30, 39.0])
    assert asia_to_america.zoom < nepal_malaysia.zoom and asia_to_america.zoom >= ASIA_VIEW.min_zoom
    assert fitted_view([], []) is ASIA_VIEW
    assert fitted_view([100.0], [10.0]).zoom == 5.0  # one point: as close as the cap allows


def test_legend_html_shows_each_class_and_escapes_labels():
    html = legend_html(
        [([199, 233, 180], "up to 1 k"), ([37, 52, 148], "<b>1 k - 2 k</b>")], title="A & B", no_data=False
    )
    assert "rgb(199,233,180)" in html and "rgb(37,52,148)" in html and "no data" not in html
    assert "<b>1 k" not in html and "&lt;b&gt;1 k - 2 k&lt;/b&gt;" in html and "A &amp; B" in html


def test_arcs_are_in_pixels_and_directional_arcs_fade_at_their_source():
    spec = json.loads(
        arc_map(
            ARCS, value_column="value", tooltip_html="{value}", directional=True, arc_height=0.3, arc_tilt=90
        ).to_json()
    )
    arcs = spec["layers"][1]
    assert arcs["widthUnits"] == "pixels"  # never "@@=pixels", which deck.gl reads as an accessor
    assert arcs["getSourceColor"] == "@@=source_colour" and arcs["getHeight"] == 0.3 and arcs["getTilt"] == 90
    first = arcs["data"][0]
    assert first["source_colour"] == [*first["colour"], SOURCE_ALPHA]
    assert max(row["width"] for row in arcs["data"]) == 1.5 + 14.0


def test_a_height_column_sets_each_arcs_height():
    arcs = json.loads(
        arc_map(ARCS.assign(low=[0.2, 0.4]), value_column="value", tooltip_html="", height_column="low").to_json()
    )["layers"][1]
    assert arcs["getHeight"] == "@@=low" and [row["low"] for row in arcs["data"]] == [0.2, 0.4]


def test_arcs_keep_one_colour_unless_directional():
    arcs = json.loads(arc_map(ARCS, value_column="value", tooltip_html="").to_json())["layers"][1]
    assert arcs["getSourceColor"] == arcs["getTargetColor"] == "@@=colour"
    assert "source_colour" not in arcs["data"][0]


SQUARES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"iso3": code},
            "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]},
        }
        for code, x in [("AAA", 0), ("BBB", 2), ("CCC", 4)]
    ]
    + [
        {
            "type": "Feature",
            "properties": {"iso3": "DDD"},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[[6, 0], [7, 0], [7, 1], [6, 0]]], [[[8, 0], [9, 0], [9, 1], [8, 0]]]],
            },
        }
    ],
}


def no_web_address(figure) -> bool:
    """Plotly fetches a geo trace's base map from its CDN; a figure of scatter traces names no address at all."""
    return {trace.type for trace in figure.data} == {"scatter"} and "http" not in figure.to_json()


def test_choropleth_image_fills_one_trace_per_country_with_a_value_in_its_class_colour():
    values = pd.DataFrame(
        {
            "iso3": ["AAA", "BBB", "DDD", "CCC", "ZZZ"],
            "value": [10.0, 1_000.0, 100.0, None, 5.0],
            "hover": list("abcde"),
        }
    )
    legend = legend_items(class_breaks(values["value"].dropna().iloc[:3]), str)
    figure = choropleth_image(values, SQUARES, value_column="value", title="T", hover_column="hover", legend=legend)
    land, *rest = figure.data
    assert land.fillcolor == "rgb({},{},{})".format(*LAND_FILL) and land.x.count(None) == 5  # every ring drawn
    filled = [trace for trace in rest if trace.meta]
    # CCC has no value, ZZZ no shape: neither is filled; DDD's two polygons are one trace
    assert [trace.meta for trace in filled] == ["AAA", "BBB", "DDD"]
    assert all(trace.fill == "toself" for trace in filled) and filled[2].x.count(None) == 2
    breaks = class_breaks([10.0, 1_000.0, 100.0])
    assert [trace.fillcolor for trace in filled] == [
        "rgb({},{},{})".format(*class_colour(value, breaks)) for value in [10.0, 1_000.0, 100.0]
    ]
    assert filled[1].fillcolor == "rgb({},{},{})".format(*SEQUENTIAL[-1])  # the largest, the darkest class
    assert [trace.text for trace in filled] == ["a", "b", "c"]
    assert [trace.name for trace in rest if trace.showlegend] == [label for _, label in legend]
    assert figure.layout.title.text == "T" and no_web_address(figure)


def test_arc_image_draws_each_arc_in_its_class_colour_largest_last_and_fits_them():
    figure = arc_image(ARCS.assign(hover=["NPL-MYS", "IND-ARE"]), SQUARES, value_column="value", title="T",
                       hover_column="hover")  # fmt: skip
    land, small, large = figure.data
    assert land.fill == "toself" and (small.text, large.text) == ("NPL-MYS", "IND-ARE")
    breaks = class_breaks(ARCS["value"])
    assert large.line.color == "rgb({},{},{})".format(*class_colour(3_248_545, breaks))
    assert large.line.width > small.line.width
    assert (small.x[0], small.y[0], small.x[-1], small.y[-1]) == (84.13, 28.30, 101.98, 4.2)  # origin to destination
    low, high = figure.layout.xaxis.range
    assert low < 54.3 and high > 101.98
    assert no_web_address(figure)
