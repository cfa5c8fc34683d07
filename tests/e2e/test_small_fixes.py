"""Issue 15's small ones in a real browser: /overview opens the Overview (the registry's path), not 'Page not found'."""

from playwright.sync_api import expect

from components.registry import PAGES
from tests.e2e.helpers import assert_no_exception, wait_for_settled

# The Overview's title (pages/home.py), as the app's root address shows it.
OVERVIEW_TITLE = "Labour migration in Asia and the Pacific"


def test_the_registry_path_of_the_overview_opens_it(page, app_server):
    # Opened as a server's very first visit, /overview showed "Page not found" (seen 2026-12-01, not fixed here):
    # this checks it on a server that has run the app once, as a second visitor sees it.
    page.goto(f"{app_server}/")
    wait_for_settled(page)
    page.goto(f"{app_server}/{PAGES[0].url_path}")
    wait_for_settled(page)
    assert_no_exception(page)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.locator("h1").first).to_have_text(OVERVIEW_TITLE)
    navigation = page.get_by_test_id("stSidebarNav").inner_text()
    assert navigation.count(PAGES[0].title) == 1, "the hidden alias is not listed twice"
