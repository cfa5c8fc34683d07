"""Issue 15 in a real browser: the country search and brief, an Excel download whose dictionary describes every
column, and '1 corridor'. Corridors compared over time are read as text, in AppTest
(tests/test_page_corridors.py::test_several_corridors_over_time_on_one_chart_in_persons_or_share_of_population)."""

import io
import re

import openpyxl
from playwright.sync_api import expect

from tests.e2e.helpers import assert_no_exception, download_chart_png, save_screenshot, wait_for_settled


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_settled(page)
    assert_no_exception(page)


def test_country_search_from_the_overview_opens_the_profile_and_its_brief(page, app_server):
    open_page(page, f"{app_server}/")
    search = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Find a country")
    search.locator("input").click()
    search.locator("input").fill("Nepal")
    page.get_by_role("option", name="Nepal").click()
    expect(page.locator("h2").filter(has_text="Nepal").first).to_be_visible(timeout=30_000)
    wait_for_settled(page)
    assert re.search(r"/countries\?country=NPL", page.url), page.url
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Country brief")).click()
    brief = open(download_info.value.path(), encoding="utf-8").read()
    assert "Nepal: labour migration in brief" in brief and "Malaysia" in brief
    brief_page = page.context.new_page()
    brief_page.set_content(brief)
    brief_page.screenshot(path=str(save_screenshot(page, "country-nepal").with_name("brief-nepal.png")), full_page=True)
    brief_page.close()


def test_excel_download_describes_every_column(page, app_server):
    open_page(page, f"{app_server}/corridors?orig=NPL&dest=MYS&sex=female")
    expect(page.get_by_text(re.compile(r"^1 corridor, exactly as on the map"))).to_be_visible(timeout=30_000)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download Excel").click()
    workbook = openpyxl.load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read()))
    data = list(workbook["data"].iter_rows(values_only=True))
    labels, codes = data[0], data[1]
    described = {row[0]: row for row in list(workbook["dictionary"].iter_rows(values_only=True))[1:]}
    assert set(codes) == set(described) and "female" not in codes  # 'migrants' is the female, once
    assert all(described[code][2] != "not described" and described[code][3] for code in codes)
    assert "Migrants (persons) [migrants]" in labels and "Origin (ISO 3166-1 alpha-3 code) [orig_iso3]" in labels


def test_the_arc_map_saves_as_a_png(page, app_server, external_requests):
    open_page(page, f"{app_server}/corridors?orig=NPL&dest_area=gcc")
    page.get_by_text("Show this map as an image, to save as PNG").click()
    wait_for_settled(page)
    chart = page.locator(".stPlotlyChart").filter(has=page.locator(".modebar-container")).first
    expect(page.get_by_text("The camera button at the top right of the image saves it as PNG")).to_be_visible(
        timeout=30_000
    )
    image = page.locator(".stPlotlyChart").filter(has_text="Migrants (total, 2024)").first
    assert download_chart_png(page, image) == "corridors-2024-2024.png"
    assert chart.count() >= 1 and not external_requests
