"""The Departures page in a real browser, offline: shapes and arcs drawn, an arc's tooltip names the basis and
period, a cumulative register reads as shares, and an origin chosen in the widget redraws the map."""

import math

from playwright.sync_api import expect

from components.flows.figures import arc_frame
from components.maps import fitted_view
from data import load, load_countries
from data.filters.departures import DeparturesFilter
from tests.e2e.helpers import (
    assert_no_exception,
    canvas_has_content,
    download_chart_png,
    save_screenshot,
    wait_for_settled,
)
from tests.e2e.test_corridors import project

MAP = ".stDeckGlJsonChart"


def open_departures(page, app_server, query: str = "") -> None:
    page.goto(f"{app_server}/departures{query}")
    wait_for_settled(page)
    assert_no_exception(page)


def hover_arc(page, origin: str, period: str, destination: str) -> str | None:
    """Hover along the bisector of the arc's two ends (flat arcs bend to one side) until a tooltip shows."""
    ranking = DeparturesFilter(origin, period).apply(load("labour_outflows"))
    arcs = arc_frame(ranking, origin, load_countries(), caption_basis="", caption_period="")
    view = fitted_view([*arcs["source_lon"], *arcs["target_lon"]], [*arcs["source_lat"], *arcs["target_lat"]])
    ends = arcs[arcs["destination_iso3"] == destination].iloc[0]
    box = page.locator(MAP).first.bounding_box()
    source = project(ends["source_lon"], ends["source_lat"], view, box)
    target = project(ends["target_lon"], ends["target_lat"], view, box)
    middle = ((source[0] + target[0]) / 2, (source[1] + target[1]) / 2)
    length = math.dist(source, target)
    normal = ((source[1] - target[1]) / length, (target[0] - source[0]) / length)
    tooltip = page.locator(".deck-tooltip")
    for step in range(0, int(length * 0.6), 3):
        for side in (1, -1):
            page.mouse.move(middle[0] + side * step * normal[0], middle[1] + side * step * normal[1])
            if tooltip.is_visible() and "→" in tooltip.inner_text():
                return tooltip.inner_text()
    return None


def test_departures_map_draws_offline_with_basis_and_period(page, app_server):
    open_departures(page, app_server)
    expect(
        page.get_by_text("Sri Lanka: registrations of departing workers, calendar year 2025", exact=True)
    ).to_be_visible()
    assert canvas_has_content(page, MAP, min_share=0.2), "country shapes cover much of the map"
    tooltip = hover_arc(page, "LKA", "2025", "SAU")
    assert tooltip, "no point along the Sri Lanka-Saudi Arabia arc shows its tooltip"
    # Arcs from one origin overlap near it: the one under the pointer may be a neighbour's, with the same labels.
    assert tooltip.startswith("Sri Lanka → ") and "workers" in tooltip
    assert "registrations of departing workers, calendar year 2025" in tooltip
    save_screenshot(page, "departures-default")


def test_a_register_reads_as_shares_and_the_origin_widget_redraws(page, app_server):
    open_departures(page, app_server, "?origin=PHL")  # its half-years do not exist for Bangladesh
    page.get_by_test_id("stSelectbox").filter(has_text="Workers leaving").get_by_role("combobox").click()
    page.locator('[role="option"]', has_text="Bangladesh").first.click()
    expect(page.get_by_role("listitem").filter(has_text="57% were to Saudi Arabia").first).to_have_text(
        "Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia.", timeout=30_000
    )
    wait_for_settled(page)
    assert "origin=BGD" in page.url
    assert canvas_has_content(page, MAP, min_share=0.2)
    save_screenshot(page, "departures-register")


def test_a_destination_group_and_the_page_in_thai(page, app_server):
    open_departures(page, app_server, "?dest=gcc")
    expect(page.get_by_text("Gulf Cooperation Council (GCC) stands for its members", exact=False)).to_be_visible()
    expect(page.get_by_text("departures, total of the 6 with data (of 6).", exact=False)).to_be_visible()
    assert canvas_has_content(page, MAP, min_share=0.2)

    open_departures(page, app_server, "?dest=gcc&lang=th")
    assert page.locator("h1").first.inner_text().strip() == "การเดินทางไปทำงานของแรงงานข้ามชาติ"
    expect(page.get_by_text("รวมจาก 6 ประเทศที่มีข้อมูล (จาก 6)", exact=False)).to_be_visible()
    save_screenshot(page, "departures-group-th")


def test_the_departures_map_saves_as_a_png(page, app_server):
    open_departures(page, app_server, "?origin=NPL")
    image = page.locator(".stPlotlyChart")
    expect(image).to_have_count(0)
    page.get_by_text("Show this map as an image, to save as PNG").click()
    expect(image).to_have_count(1, timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert download_chart_png(page, image) == "departures-NPL-FY2077-78-2020-21.png"
    save_screenshot(page, "departures-image")
