"""The interface in each language in a real browser: converted pages open offline in the language, the language
stays in the link when the user moves to another page, and Thai is drawn with real glyphs (system fonts)."""

import re

import pytest
from playwright.sync_api import expect

from components.i18n import translator
from components.registry import PAGES
from tests.e2e.helpers import assert_no_exception, save_screenshot, wait_for_settled

METHODS = next(page for page in PAGES if page.url_path == "methods")

# A Thai consonant with a tone mark is one glyph cluster: with a Thai font the mark sits on the consonant and adds
# no width; drawn as boxes ("tofu") each code point gets a box of its own, so the pair is twice as wide.
_MARK_ADDS_WIDTH = """selector => {
  const element = document.querySelector(selector);
  const style = getComputedStyle(element);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return context.measureText('\u0e01\u0e48').width - context.measureText('\u0e01').width;
}"""


@pytest.mark.parametrize("language", ["id", "vi", "th"])
def test_pages_open_in_the_language_and_keep_it_in_the_link(page, app_server, language):
    gettext = translator(language).gettext
    page.goto(f"{app_server}/?lang={language}")
    wait_for_settled(page)
    assert_no_exception(page)
    expect(page.locator("h1").first).to_have_text(gettext("Labour migration in Asia and the Pacific"))
    navigation = page.get_by_test_id("stSidebarNav")
    for info in PAGES:
        expect(navigation).to_contain_text(gettext(info.title))
    save_screenshot(page, f"lang-{language}-overview")

    navigation.get_by_role("link", name=gettext(METHODS.title)).click()
    expect(page.locator("h1").first).to_have_text(gettext("Data & methods"), timeout=60_000)
    wait_for_settled(page)
    assert_no_exception(page)
    expect(page).to_have_url(re.compile(rf"/methods\?(.*&)?lang={language}(&|$)"))
    save_screenshot(page, f"lang-{language}-methods")
    if language == "th":
        assert page.evaluate(_MARK_ADDS_WIDTH, "h1") < 1, "Thai is drawn as boxes: no Thai font for the browser"


# Each page's heading in English: the test finds it translated, so a page left in English fails.
PAGE_HEADINGS = {
    "corridors": "Migration corridors",
    "corridor": "Corridor profile",
    "departures": "Departures of migrant workers",
    "remittances": "Remittances",
    "agreements": "Bilateral labour migration agreements",
    "news": "News and resources",
    "countries": "Country profiles",
}


@pytest.mark.parametrize("language", ["id", "vi", "th"])
def test_every_other_page_opens_offline_in_the_language(page, app_server, language):
    assert set(PAGE_HEADINGS) | {"overview", METHODS.url_path} == {info.url_path for info in PAGES}
    gettext = translator(language).gettext
    for path, english in PAGE_HEADINGS.items():
        assert gettext(english) != english, f"{path}'s heading has no {language} translation"
        page.goto(f"{app_server}/{path}?lang={language}")
        expect(page.locator("h1").first).to_have_text(gettext(english), timeout=60_000)
        wait_for_settled(page)
        assert_no_exception(page)
        # Charts, maps and tables stand as grey placeholders until their code has loaded: the screenshot waits.
        expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)
        save_screenshot(page, f"lang-{language}-{path}")
    # the page fixture fails the test if any request left this machine
