"""Charts' text alternatives and slide styling: pure functions over real figures."""

import plotly.graph_objects as go
import pydeck as pdk

from components.charts import SLIDE_FONT_PX, describe_figure, figure_table, for_phone, for_slide, map_for_theme
from components.maps import fitted_view


def line_figure() -> go.Figure:
    figure = go.Figure(go.Scatter(x=[2021, 2022, 2023], y=[22.2e9, 21.5e9, 21.9e9], name="Bangladesh", mode="lines"))
    return figure.update_layout(title="Remittances received, <b>current US$</b>")


def test_a_line_chart_is_described_with_its_period_last_and_highest_values():
    assert describe_figure(line_figure()) == (
        "Line chart: Remittances received, current US$; Bangladesh: 2021 to 2023, last 21.9 bn (2023), "
        "highest 22.2 bn (2021)."
    )


def test_a_bar_chart_is_described_by_its_largest_bars():
    figure = go.Figure(go.Bar(x=[5, 125e9, 39e9, 26e9], y=["A", "India", "Philippines", "Pakistan"], orientation="h"))
    assert (
        describe_figure(figure)
        == "Bar chart; values: 4 bars, largest India 125.0 bn, Philippines 39.0 bn, Pakistan 26.0 bn."
    )


def test_the_numbers_behind_a_chart_are_one_row_per_point():
    table = figure_table(line_figure())
    assert table.to_dict("records")[0] == {"series": "Bangladesh", "at": "2021", "value": 22.2e9}
    assert len(table) == 3


def test_a_slide_scales_fonts_and_the_projector_theme_goes_dark_without_changing_the_original():
    original = line_figure()
    shown = for_slide(original, slide=True, dark=True)
    assert shown.layout.font.size == SLIDE_FONT_PX and shown.layout.xaxis.tickfont.size == SLIDE_FONT_PX
    assert shown.layout.paper_bgcolor == "#000000" and shown.layout.font.color == "#ffffff"
    assert shown.layout.showlegend is True, "one series still names itself"
    assert original.layout.font.size is None and original.layout.paper_bgcolor is None


def test_the_projector_theme_darkens_the_land_of_a_map_only():
    land = pdk.Layer("GeoJsonLayer", data=[], id="land", get_fill_color=[228, 228, 228])
    arcs = pdk.Layer("ArcLayer", data=[], id="arcs")
    deck = pdk.Deck(layers=[land, arcs], map_provider=None)
    dark = map_for_theme(deck, dark=True)
    assert dark.layers[0].get_fill_color == [64, 64, 64] and dark.layers[1] is arcs
    assert deck.layers[0].get_fill_color == [228, 228, 228]
    assert map_for_theme(deck, dark=False) is deck


def test_a_phone_sees_the_same_centre_zoomed_out_to_the_places_drawn():
    # Dhaka to Riyadh, London and New York: fitted for a desktop map, then for a phone's narrower one.
    view = fitted_view([90.4, 46.7, -0.1, -74.0], [23.8, 24.7, 51.5, 40.7])
    deck = pdk.Deck(layers=[], initial_view_state=view, map_provider=None)
    phone = for_phone(deck).initial_view_state
    assert (phone.latitude, phone.longitude) == (view.latitude, view.longitude)
    assert phone.zoom < view.zoom and phone.min_zoom <= phone.zoom
    assert deck.initial_view_state.zoom == view.zoom
