"""Agreements page in a real browser: filter by a country, select a row, read the detail; the map draws offline."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_no_exception,
    canvas_has_content,
    download_chart_png,
    save_screenshot,
    wait_for_settled,
)

MAP = '[data-testid="stDeckGlJsonChart"]'
TABLE = '[data-testid="stDataFrame"]'


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def open_page(page, url: str) -> None:
    """Open and wait until the run has finished and the lazily loaded widgets (table, multiselect) are drawn."""
    page.goto(url)
    wait_for_settled(page)
    page.get_by_test_id("stMultiSelect").first.wait_for(state="visible")
    page.locator(f"{TABLE} canvas").first.wait_for(state="attached")


MAX_PAGE_BYTES = 1_000_000


def test_agreements_page_filters_selects_and_stays_offline(page, app_server):
    received = []  # what the server sends over the websocket for this page view (tables, map, chart)
    page.on("websocket", lambda socket: socket.on("framereceived", lambda payload: received.append(len(payload))))
    open_page(page, f"{app_server}/agreements")
    assert 0 < sum(received) < MAX_PAGE_BYTES, f"{sum(received):,} bytes sent for one page view"
    assert_no_exception(page)
    assert "166 of 166 recorded instruments match" in main_text(page)
    page.locator(MAP).first.scroll_into_view_if_needed()
    assert canvas_has_content(page, MAP), "the map drew nothing"
    assert page.locator('[data-testid="stPlotlyChart"] .scatterlayer .point').count() > 20
    save_screenshot(page, "agreements-default")

    countries = page.get_by_test_id("stMultiSelect").filter(has_text="Countries")
    countries.locator("input").fill("Nepal")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for_settled(page)
    assert query(page)["country"] == ["NPL"]
    assert "14 of 166 recorded instruments match" in main_text(page)

    grid = page.locator(TABLE).first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection box, under the header
    wait_for_settled(page)
    assert_no_exception(page)
    selected = query(page).get("agr")
    assert selected and selected[0].startswith("BLMA-"), page.url
    text = main_text(page)
    assert "Parties" in text and "Instruments recorded between" in text and "Migrants from" in text
    save_screenshot(page, "agreements-nepal-selected")


def test_a_shared_link_reopens_the_view(page, app_server):
    open_page(
        page, f"{app_server}/agreements?type=Memorandum%20of%20cooperation&period=2019-2021&agr=BLMA-JPN-NPL-2019-01"
    )
    assert_no_exception(page)
    text = main_text(page)
    assert "13 of 166 recorded instruments match" in text
    assert "MOC on the SSW status of residence (MoLESS" in text and "25 Mar 2019" in text
    page.locator(MAP).first.scroll_into_view_if_needed()
    assert canvas_has_content(page, MAP)
    save_screenshot(page, "agreements-link-japan-ssw")


def test_a_bad_link_is_explained_not_a_traceback(page, app_server):
    open_page(page, f"{app_server}/agreements?country=%3Cscript%3Ealert(1)%3C/script%3E&period=2030-1990")
    assert_no_exception(page)
    text = main_text(page)
    assert "unknown value(s)" in text and "range 2030-1990 is not within" in text
    assert "166 of 166 recorded instruments match" in text
    save_screenshot(page, "agreements-bad-link")


def test_the_map_saves_as_a_png_drawn_from_the_shipped_shapes(page, app_server):
    """Issue 15: maps get an image download (PNG) like the charts."""
    open_page(page, f"{app_server}/agreements?country=NPL")
    image = page.locator(".stPlotlyChart").filter(has_text="Bilateral labour migration agreements, by instrument")
    expect(image).to_have_count(0)
    page.get_by_text("Show this map as an image, to save as PNG").click()
    expect(image).to_have_count(1, timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert image.locator(".scatterlayer .trace").count() > 3, "land and the agreements' curves"
    assert download_chart_png(page, image) == "agreements-map.png"
    save_screenshot(page, "agreements-map-image")
