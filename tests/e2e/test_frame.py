"""Every page in a real browser: it loads inside the frame, shows no exception and stays offline."""

import csv
import json
import re

import pytest
from playwright.sync_api import expect

from components.plain_text import WORD_JOINER
from components.registry import PAGES
from tests.e2e.helpers import SCREENSHOTS, assert_no_exception, save_screenshot, wait_for_settled
from tests.e2e.server import REPO, start_streamlit, stop_streamlit

SETTLE_LOG = SCREENSHOTS / "settle_seconds.csv"


def page_url(base_url: str, url_path: str) -> str:
    return f"{base_url}/" if url_path == PAGES[0].url_path else f"{base_url}/{url_path}"


@pytest.fixture(scope="module")
def settle_log():
    rows = []
    yield rows
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with SETTLE_LOG.open("w", newline="") as handle:
        csv.writer(handle).writerows([("page", "settle_seconds"), *rows])


@pytest.mark.parametrize("info", PAGES, ids=[info.url_path for info in PAGES])
def test_page_loads_in_the_frame(page, app_server, settle_log, info):
    page.goto(page_url(app_server, info.url_path))
    seconds = wait_for_settled(page)
    settle_log.append((info.url_path, f"{seconds:.2f}"))
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().strip(), "every page has a title"
    navigation = page.get_by_test_id("stSidebarNav").inner_text()
    assert all(other.title in navigation for other in PAGES)
    save_screenshot(page, f"page-{info.url_path}")


def test_deep_link_on_a_fresh_server_runs_inside_the_frame(browser):
    """Streamlit runs a pages/ app in legacy mode until the entry script has run once; a bookmark must not."""
    process, base_url = start_streamlit(REPO / "app.py")
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        fresh = context.new_page()
        fresh.goto(f"{base_url}/methods")
        wait_for_settled(fresh)
        assert fresh.locator("h1").first.inner_text().strip() == "Data & methods"
        navigation = fresh.get_by_test_id("stSidebarNav").inner_text()
        assert "Overview" in navigation and "remittances" not in navigation, navigation
        context.close()
    finally:
        stop_streamlit(process)


def test_presenter_mode_steps_through_scenes(page, app_server):
    page.goto(f"{app_server}/")
    wait_for_settled(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Presenter mode").click()
    sidebar.get_by_role("button", name="Add this view as a scene").click()
    expect(sidebar.get_by_text("1. Overview (Overview)")).to_be_visible()
    sidebar.get_by_test_id("stSidebarNav").get_by_role("link", name="Data & methods").click()
    page.wait_for_url(re.compile(r"/methods(\?.*)?$"))
    expect(page.locator("h1").first).to_have_text("Data & methods")
    wait_for_settled(page)
    if not sidebar.get_by_role("button", name="Add this view as a scene").is_visible():
        sidebar.get_by_text("Presenter mode").click()
    sidebar.get_by_role("button", name="Add this view as a scene").click()
    expect(sidebar.get_by_text("2. Data & methods (Data & methods)")).to_be_visible()
    sidebar.get_by_role("button", name="Start presenting").click()
    page.wait_for_url(re.compile(r"/\?present=1&scene=1(&|$)"))
    expect(page.get_by_test_id("stMain")).to_contain_text("Scene 1 of 2: Overview")
    wait_for_settled(page)

    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    save_screenshot(page, "presenter-scene-1")

    page.get_by_role("button", name="Next").click()
    page.wait_for_url(re.compile(r"/methods\?present=1&scene=2(&|$)"))
    expect(page.locator("h1").first).to_have_text("Data & methods")
    wait_for_settled(page)
    save_screenshot(page, "presenter-scene-2")

    page.get_by_role("button", name="Previous").click()
    page.wait_for_url(re.compile(r"/\?present=1&scene=1(&|$)"))
    expect(page.get_by_test_id("stMain")).to_contain_text("Scene 1 of 2: Overview")

    page.get_by_role("button", name="Exit").click()
    page.wait_for_url(lambda url: "present" not in url)
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)


MARKUP_TITLE = "[Click](https://evil.example/phish) ![p](http://evil.example/track.png) [d](data:text/html,hi)"


def test_scene_title_with_markdown_is_shown_as_text(page, app_server):
    """Links, an image and a data: URL in a loaded scene's title stay characters: nothing to click, nothing fetched
    (the page fixture fails the test on any request to evil.example)."""
    page.goto(f"{app_server}/")
    wait_for_settled(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Presenter mode").click()
    scenes = json.dumps({"scenes": [{"title": MARKUP_TITLE, "page": "methods"}]}).encode()
    sidebar.locator("input[type=file]").set_input_files(
        files=[{"name": "scenes.json", "mimeType": "application/json", "buffer": scenes}]
    )
    sidebar.get_by_role("button", name="Use this scene").click()
    expect(sidebar.get_by_text(f"1. {MARKUP_TITLE} (Data & methods)")).to_be_visible()
    sidebar.get_by_role("button", name="Start presenting").click()
    page.wait_for_url(re.compile(r"/methods\?present=1&scene=1(&|$)"))
    main = page.get_by_test_id("stMain")
    caption = main.get_by_text("Scene 1 of 1:")
    expect(caption).to_be_visible()
    wait_for_settled(page)
    assert caption.inner_text().replace(WORD_JOINER, "") == f"Scene 1 of 1: {MARKUP_TITLE}"
    assert main.locator("a[href*='evil.example'], a[href^='data:'], img[src*='evil.example']").count() == 0
    assert_no_exception(page)
