"""The corridors page in a real browser: shapes and arcs drawn, hover and click on an arc, the year played,
the choropleth, and a download holding exactly the rows of the table shown. All offline."""

import csv
import io
import math
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from components.corridors.figures import arc_frame
from components.downloads import column_code
from components.maps import fitted_view
from data import load_corridor_years, load_countries
from data.filters.corridors import CorridorFilters
from tests.e2e.helpers import (
    assert_no_exception,
    canvas_has_content,
    download_chart_png,
    save_screenshot,
    wait_for_frames,
    wait_for_settled,
)

MAP = ".stDeckGlJsonChart"
MAX_WEBSOCKET_BYTES = 1_000_000


@pytest.fixture
def websocket_bytes(page) -> list[int]:
    """Sizes of the messages the server sends to this page."""
    sizes = []
    page.on("websocket", lambda websocket: websocket.on("framereceived", lambda payload: sizes.append(len(payload))))
    return sizes


def open_corridors(page, app_server, query: str = "") -> None:
    page.goto(f"{app_server}/corridors{query}")
    wait_for_settled(page)
    assert_no_exception(page)


def rows_shown(page) -> int:
    caption = page.get_by_text(
        re.compile(r"^[\d,]+ (corridors?|countries|country), exactly as on the map")
    ).inner_text()
    return int(caption.split()[0].replace(",", ""))


def test_default_map_draws_shapes_and_arcs_offline(page, app_server, websocket_bytes):
    open_corridors(page, app_server)
    assert page.locator("h1").first.inner_text() == "Migration corridors"
    assert canvas_has_content(page, MAP, min_share=0.2), "country shapes cover much of the map"
    assert rows_shown(page) == 25
    assert "Asia (UN region)" in page.get_by_test_id("stMultiSelect").first.inner_text()
    save_screenshot(page, "corridors-default")
    assert sum(websocket_bytes) <= MAX_WEBSOCKET_BYTES, f"{sum(websocket_bytes):,} bytes sent to the page"


def test_arc_hover_shows_the_corridor_and_a_click_opens_its_detail(page, app_server):
    open_corridors(page, app_server, "?orig=NPL&dest=MYS&orig_area=")
    assert rows_shown(page) == 1
    point = find_arc(page, "NPL", "MYS")
    assert point, "no point along the Nepal-Malaysia arc shows its tooltip"
    tooltip = page.locator(".deck-tooltip").inner_text()
    assert "Nepal → Malaysia" in tooltip and "migrants" in tooltip
    # UN DESA repeats Nepal -> Malaysia unchanged from 2020 in the 2024 revision: said as such, not as no change.
    assert "Female share:" in tooltip and "same estimate carried forward from 2020" in tooltip
    page.mouse.click(*point)
    expect(page.get_by_role("heading", name="Nepal → Malaysia", exact=True)).to_be_visible(timeout=20_000)
    wait_for_settled(page)
    assert "corridor=NPL-MYS" in page.url
    expect(page.locator(".js-plotly-plot").nth(1)).to_be_visible(timeout=20_000)  # stock by sex, female share
    save_screenshot(page, "corridors-detail-from-click")


def test_choropleth_modes_fill_countries(page, app_server):
    open_corridors(page, app_server)
    for label, name in [
        ("Emigrants by origin country", "emigrants"),
        ("Immigrants by destination country", "immigrants"),
    ]:
        page.get_by_text(label).click()
        wait_for_settled(page)
        assert_no_exception(page)
        assert f"view={name}" in page.url
        assert canvas_has_content(page, MAP, min_share=0.2)
        assert rows_shown(page) == 25
        page.mouse.move(*country_point(page, name, "IND"))
        expect(page.locator(".deck-tooltip")).to_contain_text("India")
        tooltip = page.locator(".deck-tooltip").inner_text()
        assert f" {name} (" in tooltip and "Female share:" in tooltip and "since 2020" in tooltip
        save_screenshot(page, f"corridors-{name}")


def test_the_filled_map_saves_as_a_png_drawn_from_the_shipped_shapes(page, app_server):
    open_corridors(page, app_server, "?view=immigrants")
    image = page.locator(".stPlotlyChart").filter(has_text="Immigrants (total, 2024)")
    expect(image).to_have_count(0)
    page.get_by_text("Show this map as an image, to save as PNG").click()
    expect(image).to_have_count(1, timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert image.locator("path.js-fill").count() >= 25, "each country with data is a filled shape"
    assert download_chart_png(page, image) == "corridors-immigrants-2024-2024.png"
    save_screenshot(page, "corridors-immigrants-image")
    # the page fixture fails the test if any request left this machine (plotly's geo CDN, for one)


def test_csv_download_holds_exactly_the_rows_shown(page, app_server):
    open_corridors(page, app_server, "?sex=female&dest_area=Western%20Asia&top=40&year=2015")
    shown = rows_shown(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    text = open(download_info.value.path(), encoding="utf-8").read()
    # headers read 'Label (unit) [code]' (components.downloads): rows keyed by the code
    downloaded = [
        {column_code(header): value for header, value in row.items()} for row in csv.DictReader(io.StringIO(text))
    ]
    expected = CorridorFilters(year=2015, sex="female", destination_areas=("Western Asia",), top_n=40).apply(
        load_corridor_years(2024), load_countries()
    )
    assert len(downloaded) == shown == len(expected) == 40
    assert [(row["orig_iso3"], row["dest_iso3"], int(row["migrants"])) for row in downloaded] == list(
        zip(expected["orig_iso3"], expected["dest_iso3"], expected["migrants"])
    )
    assert {row["sex"] for row in downloaded} == {"female"} and {row["year"] for row in downloaded} == {"2015"}
    assert all("International Migrant Stock 2024" in row["citation"] for row in downloaded)


def test_play_steps_through_the_years(page, app_server):
    open_corridors(page, app_server, "?orig=IND&dest=ARE&orig_area=")
    page.get_by_role("button", name="Play").click()
    page.wait_for_url(re.compile(r"year=1990"), timeout=10_000)
    page.wait_for_url(re.compile(r"year=1995"), timeout=10_000)
    page.get_by_role("button", name="Pause").click()
    wait_for_settled(page)
    paused_at = re.search(r"year=(\d+)", page.url).group(1)
    with pytest.raises(PlaywrightTimeoutError):  # playing, the year would change within one step (1.5 s)
        page.wait_for_url(re.compile(rf"year=(?!{paused_at}\b)\d+"), timeout=3_000)
    assert re.search(r"year=(\d+)", page.url).group(1) == paused_at, "Pause stops the steps"
    assert page.get_by_role("button", name="Play").is_visible()
    assert_no_exception(page)


def test_garbage_link_shows_notes_and_the_default_view(page, app_server):
    payload = "%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D1%22%3E"
    open_corridors(page, app_server, f"?year=2099&orig={payload}&corridor=AAA-BBB&top=-5")
    main = page.get_by_test_id("stMain").inner_text()
    assert "'year' value '2099' is not one of the choices" in main and "'corridor' value" in main
    assert "'orig' names unknown value" in main and "'top' value -5 is outside" in main
    assert page.evaluate("window.__xss === undefined")
    assert rows_shown(page) == 25
    assert canvas_has_content(page, MAP, min_share=0.2)
    save_screenshot(page, "corridors-garbage-link")


def find_arc(page, origin: str, destination: str) -> tuple[float, float] | None:
    """Hover along the perpendicular bisector of the two ends until the arc's tooltip shows; the point found.

    The arcs lie flat and bend to one side, so the arc crosses that bisector somewhere on one side."""
    countries = load_countries()
    ends = arc_frame(
        CorridorFilters(origins=(origin,), destinations=(destination,), origin_areas=()).apply(
            load_corridor_years(2024), countries
        ),
        countries,
    ).iloc[0]
    view = fitted_view([ends["source_lon"], ends["target_lon"]], [ends["source_lat"], ends["target_lat"]])
    page.locator(MAP).first.scroll_into_view_if_needed()  # lines above the map (e.g. the selection total) push it down
    box = page.locator(MAP).first.bounding_box()
    source = project(ends["source_lon"], ends["source_lat"], view, box)
    target = project(ends["target_lon"], ends["target_lat"], view, box)
    middle = ((source[0] + target[0]) / 2, (source[1] + target[1]) / 2)
    length = math.dist(source, target)
    normal = ((source[1] - target[1]) / length, (target[0] - source[0]) / length)
    for step in range(0, int(length * 0.6), 3):
        for side in (1, -1):
            point = (middle[0] + side * step * normal[0], middle[1] + side * step * normal[1])
            page.mouse.move(*point)
            wait_for_frames(page)
            if page.locator(".deck-tooltip").is_visible() and "→" in page.locator(".deck-tooltip").inner_text():
                return _across_the_arc(page, point, (side * normal[0], side * normal[1]))
    return None


def _across_the_arc(page, edge: tuple[float, float], outward: tuple[float, float]) -> tuple[float, float]:
    """The first point found is on the arc's edge, where a click may miss by a pixel: step on across the arc
    while its tooltip stays, and return the middle of the points that show it."""
    inside = [edge]
    for step in range(1, 8):
        point = (edge[0] + step * outward[0], edge[1] + step * outward[1])
        page.mouse.move(*point)
        wait_for_frames(page)
        if not (page.locator(".deck-tooltip").is_visible() and "→" in page.locator(".deck-tooltip").inner_text()):
            break
        inside.append(point)
    middle = inside[len(inside) // 2]
    page.mouse.move(*middle)
    return middle


def country_point(page, view: str, iso3: str) -> tuple[float, float]:
    """Where a country's label point is on the choropleth of the default filters in this view."""
    countries = load_countries()
    table = CorridorFilters(view=view).apply(load_corridor_years(2024), countries)
    points = countries.set_index("iso3").loc[table["iso3"]].dropna(subset=["lon", "lat"])
    fitted = fitted_view(points["lon"].round(2), points["lat"].round(2))
    located = countries.set_index("iso3").loc[iso3]
    return project(located["lon"], located["lat"], fitted, page.locator(MAP).first.bounding_box())


def project(lon: float, lat: float, view, box: dict) -> tuple[float, float]:
    """Screen position of a point on a Web Mercator map with this view, drawn in this box."""
    scale = 512 * 2**view.zoom / (2 * math.pi)

    def mercator(longitude: float, latitude: float) -> tuple[float, float]:
        return (scale * math.radians(longitude), scale * math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))

    x, y = mercator(lon, lat)
    centre_x, centre_y = mercator(view.longitude, view.latitude)
    return box["x"] + box["width"] / 2 + (x - centre_x), box["y"] + box["height"] / 2 - (y - centre_y)
