"""Remittances in a real browser: every view opened by clicking, its charts and maps drawn, nothing fetched from
beyond this machine (the page fixture fails the test on any external request)."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_no_exception,
    canvas_has_content,
    download_chart_png,
    save_screenshot,
    wait_for_settled,
)

MAP = '[data-testid="stDeckGlJsonChart"]'
PLOT = '[data-testid="stPlotlyChart"]'


def charts_drawn(page, count: int, timeout: float = 20_000) -> int:
    """Wait until at least ``count`` plotly charts have drawn (plotly loads after the Streamlit run ends)."""
    page.wait_for_function(f"document.querySelectorAll('{PLOT} .main-svg').length >= {count}", timeout=timeout)
    return page.locator(f"{PLOT} .main-svg").count()


def open_view(page, label: str, param: str) -> None:
    page.get_by_test_id("stRadio").first.get_by_text(label, exact=True).click()
    page.wait_for_url(re.compile(f"view={param}"))
    wait_for_settled(page)
    assert_no_exception(page)


def test_trend_view_draws_and_follows_the_controls(page, app_server):
    page.goto(f"{app_server}/remittances")
    seconds = wait_for_settled(page)
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().strip() == "Remittances"
    charts_drawn(page, 1)
    assert page.get_by_text("Remittances received, current US$").first.is_visible()
    save_screenshot(page, "remittances-trend")

    for control, param in [
        (page.get_by_test_id("stRadio").nth(1).get_by_text("% of GDP", exact=True), "measure=pct_gdp"),
        (page.get_by_text("Add KNOMAD Dec 2023 release"), "knomad=True"),
        (page.get_by_text("Log scale"), "log=True"),
    ]:
        control.click()
        page.wait_for_url(re.compile(re.escape(param)))
        wait_for_settled(page)
    assert_no_exception(page)
    charts_drawn(page, 1)
    assert all(param in page.url for param in ("measure=pct_gdp", "knomad=True", "log=True")), page.url
    assert page.get_by_text("Remittances received, % of GDP").first.is_visible()
    save_screenshot(page, "remittances-trend-pct-gdp-log-knomad")
    assert seconds < 30


def test_ranking_maps_costs_and_sri_lanka_views(page, app_server):
    page.goto(f"{app_server}/remittances")
    wait_for_settled(page)

    open_view(page, "Ranking", "ranking")
    charts_drawn(page, 2)
    assert page.get_by_text("Top senders to Asia and the Pacific, 2021 (modelled estimates)").is_visible()
    save_screenshot(page, "remittances-ranking")

    open_view(page, "Maps", "maps")
    page.locator(MAP).nth(1).wait_for(timeout=20_000)
    assert canvas_has_content(page, MAP, timeout=20_000), "the flow map drew nothing"
    assert page.get_by_text("Modelled estimates, not reported flows.").first.is_visible()
    save_screenshot(page, "remittances-maps")
    flow_image = page.locator(PLOT)
    page.get_by_text("Show this map as an image, to save as PNG").first.click()
    expect(flow_image).to_have_count(1, timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert download_chart_png(page, flow_image) == "remittance-flows-2021-ALL.png"
    page.get_by_role("button", name="Play").click()
    page.wait_for_url(re.compile(r"year=199\d"))
    page.wait_for_url(re.compile(r"year=(199[2-9]|20\d\d)"))  # a few more steps, whatever the machine's speed
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for()
    wait_for_settled(page)
    assert_no_exception(page)
    played_to = int(re.search(r"year=(\d{4})", page.url).group(1))
    assert 1991 <= played_to < 2023, page.url
    assert canvas_has_content(page, f"{MAP} >> nth=1", timeout=20_000), "the choropleth drew nothing"
    save_screenshot(page, "remittances-maps-played")

    open_view(page, "Cost of sending", "cost")
    assert page.get_by_text("2020Q3 (July-September 2020)").first.is_visible()
    charts_drawn(page, 1)
    save_screenshot(page, "remittances-cost")

    open_view(page, "Sri Lanka", "srilanka")
    assert page.get_by_text("Sri Lanka is the one origin with reported remittances").is_visible()
    charts_drawn(page, 1)
    save_screenshot(page, "remittances-sri-lanka")


def test_a_shared_link_reopens_the_view_and_bad_values_are_noted(page, app_server):
    page.goto(f"{app_server}/remittances?view=cost&to=NPL&from=KOR,MYS,ZZZ")
    wait_for_settled(page)
    assert_no_exception(page)
    assert page.get_by_text("No cost data for Republic of Korea → Nepal").is_visible()
    assert page.get_by_text("names unknown value(s) 'ZZZ'").is_visible()
    save_screenshot(page, "remittances-cost-nepal-link")


def test_a_country_group_over_time_with_its_total_and_the_page_in_thai(page, app_server):
    page.goto(f"{app_server}/remittances?countries=gcc")
    wait_for_settled(page)
    assert_no_exception(page)
    charts_drawn(page, 1)
    assert page.get_by_text("Gulf Cooperation Council (GCC) stands for its members").is_visible()
    assert page.get_by_text("total of the 5 members with data (of 6)").is_visible()
    assert page.locator(f"{PLOT} .legendtext", has_text="total of the members with data").count() >= 1

    page.goto(f"{app_server}/remittances?countries=gcc,NPL&lang=th")
    wait_for_settled(page)
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().strip() == "เงินส่งกลับ"
    charts_drawn(page, 1)
    assert page.get_by_text("รวมจากสมาชิก 5 ประเทศที่มีข้อมูล (จาก 6)").is_visible()
    save_screenshot(page, "remittances-trend-group-th")
