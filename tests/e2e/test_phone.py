"""Every page on a 390x844 phone: it loads without an exception and nothing runs off the side; a screenshot per page
(tests/e2e/screenshots/phone-*.png) to look at."""

import pytest

from components.registry import PAGES
from tests.e2e.helpers import assert_no_exception, save_screenshot, wait_for_settled

PHONE = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize("info", PAGES, ids=[info.url_path for info in PAGES])
def test_page_on_a_phone(browser, app_server, info):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1, user_agent=PHONE_AGENT
    )
    page = context.new_page()
    try:
        page.goto(f"{app_server}/{info.url_path}")
        wait_for_settled(page)
        assert_no_exception(page)
        overflow = page.evaluate("""() => document.querySelector('[data-testid="stMain"]').scrollWidth""")
        assert overflow <= PHONE["width"] + 1, f"/{info.url_path} is {overflow} px wide on a {PHONE['width']} px phone"
        save_screenshot(page, f"phone-{info.url_path}")
    finally:
        context.close()
