"""Issue 15 in a real browser: places at one end mean "either", country groups with a total for the selection,
the typed-text choice made one item at a time, and the corridor detail following the sex filter."""

import csv
import io
import re

from playwright.sync_api import expect

from components.downloads import column_code
from tests.e2e.helpers import assert_no_exception, save_screenshot, wait_for_settled

TOTAL = re.compile(r"^Selection total\. From ")


def open_corridors(page, app_server, query: str = "") -> None:
    page.goto(f"{app_server}/corridors{query}")
    wait_for_settled(page)
    assert_no_exception(page)


def choose(page, label: str, typed: str, option: str) -> None:
    """Type into the multiselect labelled ``label`` and click the option named ``option`` (two actions)."""
    box = page.get_by_test_id("stMultiSelect").filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.get_by_role("option", name=option).click()
    page.keyboard.press("Escape")
    wait_for_settled(page)


def test_nepalis_in_malaysia_and_the_gulf_as_the_ministry_official_asks(page, app_server):
    """'How many Nepalis live in Malaysia and the Gulf, and is it rising?': three choices on the page."""
    open_corridors(page, app_server)
    choose(page, "Origin countries", "Nepal", "Nepal")
    choose(page, "Destination group or region", "Gulf Coop", "Gulf Cooperation Council (GCC), 6 members")
    choose(page, "Destination countries", "Malaysia", "Malaysia")
    total = page.get_by_text(TOTAL)
    expect(total).to_contain_text("From Nepal to Malaysia or Gulf Cooperation Council (GCC), 2024:", timeout=30_000)
    text = total.inner_text()
    assert re.search(r"2024: [\d,]+ migrants, (up|down) [\d,]+ since 2020\.", text), text
    expect(page.get_by_text(re.compile(r"^7 corridors, exactly as on the map"))).to_be_visible(timeout=30_000)
    assert "orig=NPL" in page.url and "dest=MYS" in page.url and "dest_area=gcc" in page.url
    save_screenshot(page, "corridors-nepal-malaysia-gulf")


def test_two_destination_regions_download_both_corridors(page, app_server):
    open_corridors(page, app_server, "?orig=NPL&dest_area=Western%20Asia,South-eastern%20Asia&top=200")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    # headers read 'Label (unit) [code]' (components.downloads): rows keyed by the code
    rows = [
        {column_code(header): value for header, value in row.items()}
        for row in csv.DictReader(io.StringIO(open(download_info.value.path(), encoding="utf-8").read()))
    ]
    pairs = {(row["orig_iso3"], row["dest_iso3"]) for row in rows}
    assert {("NPL", "QAT"), ("NPL", "MYS")} <= pairs


def test_typed_text_offers_no_select_all_matches(page, app_server):
    open_corridors(page, app_server)
    box = page.get_by_test_id("stMultiSelect").filter(has_text="Destination group or region")
    box.locator("input").click()
    box.locator("input").fill("Western")
    expect(page.get_by_role("option", name=re.compile("Western Asia"))).to_be_visible(timeout=30_000)
    assert page.get_by_role("option", name=re.compile(r"^Select (all|\d+ matches)")).count() == 0


def test_the_corridor_detail_follows_the_sex_filter(page, app_server):
    open_corridors(page, app_server, "?corridor=PHL-SAU&sex=female&year=2020")
    metric = page.get_by_test_id("stMetric").first
    expect(metric).to_contain_text("Female migrants, 2020", timeout=30_000)
    expect(metric).to_contain_text("456.0 k", timeout=30_000)


def test_choosing_a_corridor_reruns_only_its_detail_and_the_share_link_follows(page, app_server):
    frames: list[bytes] = []
    page.on(
        "websocket",
        lambda websocket: websocket.on(
            "framereceived", lambda payload: frames.append(payload if isinstance(payload, bytes) else payload.encode())
        ),
    )
    open_corridors(page, app_server, "?orig=NPL&orig_area=&sex=female&year=2015")
    frames.clear()
    page.get_by_test_id("stRadio").filter(has_text="Total").get_by_text("Male", exact=True).click()
    page.wait_for_url(re.compile("sex=male"), timeout=30_000)
    wait_for_settled(page)
    assert any(b"ArcLayer" in frame for frame in frames), "a filter change reruns the page, map and all"
    frames.clear()
    picker = page.get_by_role("combobox", name="Corridor", exact=True)
    picker.click()
    picker.fill("Qatar")
    option = page.get_by_role("option", name="Nepal → Qatar")
    expect(option).to_be_visible(timeout=30_000)
    option.click()
    expect(page.get_by_role("heading", name="Nepal → Qatar", exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Male migrants, 2015", timeout=30_000)
    link = page.get_by_test_id("stCode").last
    expect(link).to_contain_text("corridor=NPL-QAT", timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert "corridor=NPL-QAT" in page.url and "sex=male" in link.inner_text()
    assert frames and not any(b"ArcLayer" in frame for frame in frames), "the map was not sent again"
