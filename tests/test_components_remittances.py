"""Figure builders of the Remittances page: hover and labels say what the figures are; maps stay offline."""

import json

import pandas as pd
import pytest

from components.filters import bool_param
from components.maps import NO_DATA_FILL, legend_html
from components.remittances import figures
from data import (
    load_country_shapes,
    load_labour_outflows,
    load_remittance_corridors,
    load_remittance_costs,
    load_remittances,
    load_remittances_by_sender,
    load_sources,
)
from data.filters.remittances import ChoroplethFilter, CostFilter, FlowMapFilter, SriLankaFilter, TrendFilter


def test_measure_text():
    assert figures.measure_text(119_526_055_008.102, "usd") == "US$119.5 bn"
    assert figures.measure_text(3.35, "pct_gdp") == "3.4%"
    assert figures.measure_text(83.1, "per_capita") == "US$83"
    assert figures.measure_text(8.31, "per_capita") == "US$8.31"
    assert figures.measure_text(float("nan"), "usd") == "no data"


def test_trend_hover_names_vintage_estimate_and_source(names):
    table = TrendFilter(("IND",), "usd", include_knomad=True).apply(load_remittances())
    figure = figures.trend_figure(table, load_sources(), names=names, measure="usd", log_scale=True)
    wdi, knomad = figure.data
    assert figure.layout.yaxis.type == "log"
    estimate = knomad.customdata[list(knomad.x).index(2023)]
    assert "US$125.0 bn" in estimate and "estimate (2023e)" in estimate and "KNOMAD / World Bank" in estimate
    assert knomad.line.dash == "dash" and knomad.marker.symbol[-1] == "circle-open"
    assert "not an estimate" in wdi.customdata[-1] and "World Bank WDI" in wdi.customdata[-1]


def test_share_of_gdp_hover_says_how_it_was_obtained(names):
    table = TrendFilter(("CHN",), "pct_gdp", include_knomad=True).apply(load_remittances())
    wdi, knomad = figures.trend_figure(table, load_sources(), names=names, measure="pct_gdp").data
    assert "% of GDP: received / GDP, both WDI" in wdi.customdata[-1]
    assert "% of GDP: published by KNOMAD (GDP from IMF WEO)" in knomad.customdata[list(knomad.x).index(2023)]


def test_knomad_zeros_say_they_may_mean_no_data(names):
    table = TrendFilter(("SGP",), "usd", include_knomad=True).apply(load_remittances())
    figure = figures.trend_figure(table, load_sources(), names=names, measure="usd")
    knomad = next(trace for trace in figure.data if "KNOMAD" in trace.name)
    assert all("often means no data" in hover for hover in knomad.customdata)


def test_flow_map_is_offline_with_pixel_widths_and_a_modelled_tooltip(countries):
    arcs = FlowMapFilter(2021, "ALL", limit=10).apply(load_remittance_corridors(), countries)
    deck = json.loads(figures.flow_map(arcs).to_json())
    assert "mapProvider" not in deck
    arc_layer = next(layer for layer in deck["layers"] if layer["@@type"] == "ArcLayer")
    assert arc_layer["widthUnits"] == "pixels"  # a bare string would be read as an accessor by pydeck
    assert arc_layer["data"][0]["usd_million_text"] == "19,821"
    assert "US$" in figures.flow_legend(arcs) and "no data" not in figures.flow_legend(arcs)


def test_choropleth_fills_missing_countries_grey_and_keys_the_colours(countries):
    values = ChoroplethFilter(2023, "usd").apply(load_remittances(), countries)
    deck, legend = figures.choropleth(values, load_country_shapes(), measure="usd")
    features = json.loads(deck.to_json())["layers"][1]["data"]["features"]
    by_code = {feature["properties"]["iso3"]: feature["properties"] for feature in features}
    assert by_code["ARE"]["fill"] == NO_DATA_FILL and by_code["ARE"]["value_text"] == "no data"
    assert by_code["IND"]["value_text"] == "US$119.5 bn"
    assert "no data" in legend and "US$119.5 bn" in legend


def test_legend_escapes_its_text():
    assert "&lt;b&gt;" in legend_html([([1, 2, 3], "<b>")], title="t")


def test_cost_figure_has_the_sdg_lines_and_the_country_average(names):
    table = CostFilter("IND").apply(load_remittance_costs())
    figure = figures.cost_figure(table, names=names, receiver="IND")
    assert sorted(shape.y0 for shape in figure.layout.shapes) == [3.0, 5.0]
    assert figure.data[0].name == "from Singapore"  # cheapest latest quarter first
    assert figure.data[-1].name == "Average to India (WDI, SDG 10.c.1)"
    saudi = next(trace for trace in figure.data if trace.name == "from Saudi Arabia")
    assert saudi.customdata[-1] == "2020Q3" and round(saudi.y[-1], 2) == 5.45
    assert pd.Timestamp(saudi.x[-1]) == pd.Timestamp("2020-07-01")


def test_sri_lanka_figure_and_table():
    table = SriLankaFilter(2019, 2021).apply(
        load_remittances_by_sender(), load_labour_outflows(), load_remittance_corridors()
    )
    side = SriLankaFilter.side_by_side(table)
    figure = figures.sri_lanka_figure(side, limit=5)
    reported = next(trace for trace in figure.data if "reported" in trace.name)
    assert list(reported.y)[::-1] == ["Kuwait", "Qatar", "UAE", "Saudi Arabia", "United States"]
    departures = next(trace for trace in figure.data if "Departures" in trace.name)
    assert departures.customdata[list(departures.y).index("UAE")] == "no data"
    shown = figures.sri_lanka_display_table(side, departures_year=2019, edition=2021).set_index(
        "Sending country (as SLBFE lists it)"
    )
    assert shown.loc["UAE", "Departures 2019"] == "no data"
    assert shown.loc["Saudi Arabia", "Departures 2019"] == "35,415"


@pytest.mark.parametrize(("text", "value"), [("True", True), ("false", False), ("1", True), ("0", False)])
def test_bool_param(text, value):
    assert bool_param(text) is value


def test_bool_param_refuses_anything_else():
    with pytest.raises(ValueError):
        bool_param("maybe")


def test_the_sri_lanka_download_names_all_three_sources_with_licences():
    import io

    from components.downloads import csv_bytes, excel_bytes

    filters = SriLankaFilter(2023, 2021)
    table = filters.apply(load_remittances_by_sender(), load_labour_outflows(), load_remittance_corridors())
    workbook = pd.read_excel(
        io.BytesIO(excel_bytes(table, load_sources(), title="t", measure="m", filters=filters.describe())),
        sheet_name=None,
    )
    assert set(workbook["sources"]["source_id"]) == {"slbfe_2023_remittances", "slbfe_2023", "knomad_brm_2021"}
    assert workbook["sources"]["licence"].notna().all()
    rows = pd.read_csv(io.BytesIO(csv_bytes(table, load_sources())))
    assert rows.loc[rows["measure"] == "modelled", "basis"].eq("modelled estimate").all()
    assert rows["citation"].notna().all()


def test_a_series_with_one_published_value_is_a_named_point_not_a_broken_line(names):
    table = TrendFilter(("NPL", "BGD", "LKA"), "pct_gdp", include_knomad=True).apply(load_remittances())
    traces = figures.trend_figure(table, load_sources(), names=names, measure="pct_gdp").data
    knomad = [trace for trace in traces if "KNOMAD" in trace.name]
    assert knomad and all(trace.mode == "markers" and trace.name.endswith(", 2023 only)") for trace in knomad)
    wdi = [trace for trace in traces if "WDI" in trace.name]
    assert len(wdi) == 3 and all(trace.mode == "lines+markers" for trace in wdi)  # three countries on one chart


def test_cost_figure_continues_after_2020q3_with_computed_means_drawn_apart():
    from data import load_remittance_cost_means, load_remittance_costs

    filters = CostFilter("NPL", ("MYS",))
    computed = filters.computed(load_remittance_cost_means())
    assert computed["period"].min() == "2020Q4" and computed["period"].max() == "2025Q1"
    assert set(computed["reproduces_published"]) <= {"matches_official", "mostly_matches"}
    figure = figures.cost_figure(
        filters.apply(load_remittance_costs()),
        names={"MYS": "Malaysia", "NPL": "Nepal"},
        receiver="NPL",
        computed=computed,
    )
    means = next(
        trace for trace in figure.data if trace.name == "from Malaysia: mean of RPW provider quotes, computed here"
    )
    published = next(trace for trace in figure.data if trace.name == "from Malaysia")
    assert means.line.dash == "dot" and published.line.dash is None and means.line.color == published.line.color
    assert pd.Timestamp(means.x[0]) > pd.Timestamp(published.x[-1]), "the computed series starts after the published"
    assert "computed" in means.hovertemplate and "not the published average" in means.hovertemplate
    assert any(trace.name.endswith("(WDI, SDG 10.c.1)") for trace in figure.data)


def test_computed_means_that_do_not_reproduce_are_left_out_unless_asked():
    from data import load_remittance_cost_means

    means = load_remittance_cost_means()
    default = CostFilter("NPL").computed(means)
    everything = CostFilter("NPL", all_means=True).computed(means)
    assert len(everything) > len(default)
    assert set(everything["reproduces_published"]) - set(default["reproduces_published"]) == {"differs_from_official"}


def test_world_bank_2024_estimates_are_separate_points_with_their_release():
    from data import load_remittance_headlines, load_remittances, load_sources

    filters = TrendFilter(("IND", "LKA"), "usd")
    headlines = filters.headline_points(load_remittance_headlines())
    assert set(headlines["area_code"]) == {"IND"} and set(headlines["year"]) == {2024}
    assert len(headlines) == 2, "both releases (Dec 2024 estimate and Sep 2025 data) are kept"
    figure = figures.trend_figure(
        filters.apply(load_remittances()), load_sources(), names={"IND": "India"}, measure="usd", headlines=headlines
    )
    point = next(trace for trace in figure.data if trace.name == f"India: {figures.HEADLINE_LABEL}")
    assert point.mode == "markers", "never joined to the WDI line"
    assert sorted(point.y) == [129_000_000_000, 129_100_000_000]
    assert all("Release:" in text for text in point.customdata)
    assert TrendFilter(("IND",), "pct_gdp").headline_points(load_remittance_headlines()).empty
