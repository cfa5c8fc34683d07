"""Shared map builders: fitted views, legends, and arcs drawn in pixels with an optional direction cue."""

import json

import pandas as pd

from components.maps import ASIA_VIEW, SOURCE_ALPHA, arc_map, fitted_view, legend_html

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
