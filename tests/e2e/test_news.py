"""The News page in a real browser: filters, the timeline's hover, a user's file, and an HTML title shown as text."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import assert_no_exception, plotly_hover_text, save_screenshot, wait_for_settled

TIMELINE_POINTS = ".js-plotly-plot .cartesianlayer .scatterlayer .point"
XSS_TITLE = "<img src=x onerror=window.__xss=1;alert(1)> <script>window.__xss=2</script> **bold**"


def counts_text(page) -> str:
    return page.get_by_text(re.compile(r"of \d+ items match")).first.inner_text()


def open_news(page, base_url: str, query: str = "") -> float:
    page.goto(f"{base_url}/news{query}")
    seconds = wait_for_settled(page)
    assert_no_exception(page)
    return seconds


MAX_PAGE_BYTES = 1_000_000


def test_filters_timeline_and_cards(page, app_server):
    open_news(page, app_server)  # a fresh server's first view goes through the frame's set-up rerun
    received = []  # what the server sends over the websocket for this page view
    page.on("websocket", lambda socket: socket.on("framereceived", lambda payload: received.append(len(payload))))
    seconds = open_news(page, app_server)
    print(f"\nnews page settled in {seconds:.2f} s, {sum(received):,} bytes sent")
    # The timeline and a page of cards are in it (tens of kB); under 1 MB for one view.
    assert 20_000 < sum(received) < MAX_PAGE_BYTES, f"{sum(received):,} bytes sent for one page view"
    assert counts_text(page).startswith("212 of 212 items match")
    points = page.locator(TIMELINE_POINTS)
    points.first.wait_for(state="attached", timeout=30_000)  # plotly draws after the run has finished
    assert points.count() > 300  # a mark per item and topic
    save_screenshot(page, "news-default")

    assert " · " in plotly_hover_text(page, TIMELINE_POINTS)  # the title, then date · kind · publisher

    countries = page.get_by_test_id("stMultiSelect").filter(has_text="Countries or groups (any of)")
    countries.locator("input").fill("Nepal")
    page.keyboard.press("Enter")
    wait_for_settled(page)
    page.keyboard.press("Escape")
    assert counts_text(page).startswith("22 of 212 items match")
    assert "country=NPL" in page.url

    page.get_by_role("textbox", name="Search titles and summaries").fill("recruitment")
    page.keyboard.press("Enter")
    wait_for_settled(page)
    assert re.match(r"\d+ of 212 items match", counts_text(page))
    assert "q=recruitment" in page.url

    page.get_by_test_id("stRadio").get_by_text("Kind").click()
    wait_for_settled(page)
    assert "colour=kind" in page.url
    assert_no_exception(page)
    save_screenshot(page, "news-nepal-recruitment-by-kind")


def test_opened_filtered_from_a_link_and_no_match_message(page, app_server):
    open_news(page, app_server, "?country=NPL&years=2015-2020")
    assert re.match(r"\d+ of 212 items match", counts_text(page))
    save_screenshot(page, "news-link-nepal-2015-2020")
    open_news(page, app_server, "?q=zzqx&country=%3Cscript%3Ealert(1)%3C/script%3E")
    main = page.get_by_test_id("stMain").inner_text()
    assert "No items match these filters" in main and "names unknown value(s)" in main
    assert "<script>" not in main
    save_screenshot(page, "news-no-match")


def test_a_users_file_with_an_html_title_shows_it_as_text_and_runs_nothing(page, app_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_news(page, app_server)
    page.get_by_text("Add your own items from a CSV file").click()
    content = (
        f'title,date,kind,topics,countries_iso3,summary\n"{XSS_TITLE}",2025-12-01,news,gender,NPL,'
        '"<b>not bold</b> [x](javascript:alert(3))"\nBad row,2024-02-30,news,gender,NPL,\n'
    )
    page.get_by_test_id("stMain").locator("input[type=file]").set_input_files(
        files=[{"name": "mine.csv", "mimeType": "text/csv", "buffer": content.encode()}]
    )
    main = page.get_by_test_id("stMain")
    # The upload's rerun starts after the file reaches the server: wait for what it shows, then for the run to end.
    expect(main.get_by_text("1 item added from your file")).to_be_visible(timeout=60_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert "Line 3: date '2024-02-30' is not a calendar date; row skipped." in main.inner_text()
    title = main.get_by_text(XSS_TITLE, exact=True)
    assert title.count() == 1 and title.is_visible()
    assert "<b>not bold</b> [x](javascript:alert(3))" in main.inner_text()
    assert main.get_by_text("User-supplied, not from a published source").first.is_visible()
    assert page.locator('img[src="x"], script:text("__xss")').count() == 0
    assert main.locator("strong", has_text="not bold").count() == 0
    assert page.evaluate("window.__xss") is None and dialogs == []

    # The newest mark is the user's item: its title is in the label as text.
    assert "<img src=x onerror=" in plotly_hover_text(page, TIMELINE_POINTS)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # drawn
    assert page.evaluate("window.__xss") is None and dialogs == []
    save_screenshot(page, "news-user-file-html-title")


def test_an_oversized_file_is_refused_with_a_message_and_the_page_keeps_working(page, app_server):
    open_news(page, app_server)
    page.get_by_text("Add your own items from a CSV file").click()
    big = b"title,date,kind,topics\n" + b"A,2024,news,gender\n" * 70_000  # 1.3 MB
    page.get_by_test_id("stMain").locator("input[type=file]").set_input_files(
        files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": big}]
    )
    uploader = page.get_by_test_id("stMain").get_by_test_id("stFileUploader")
    uploader.get_by_text("File must be 1.0MB or smaller.").wait_for(timeout=10_000)
    wait_for_settled(page)
    assert_no_exception(page)
    assert counts_text(page).startswith("212 of 212 items match")
    save_screenshot(page, "news-oversized-file")


def test_many_undated_items_from_a_file_leave_one_set_of_page_numbers(page, app_server):
    """Issue 13: more than 50 undated items in a user's file brought back a second unnamed pagination landmark
    (axe "landmark-unique"); they now grow with a "Show more" button."""
    from tests.e2e.test_accessibility import describe, run_axe

    open_news(page, app_server)
    page.get_by_text("Add your own items from a CSV file").click()
    rows = "".join(f"Undated guide {number:03},,publication,recruitment\n" for number in range(70))
    page.get_by_test_id("stMain").locator("input[type=file]").set_input_files(
        files=[{"name": "many.csv", "mimeType": "text/csv", "buffer": f"title,date,kind,topics\n{rows}".encode()}]
    )
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("70 items added from your file")).to_be_visible(timeout=60_000)
    wait_for_settled(page)
    more = main.get_by_role("button", name="Show 40 more")
    expect(more).to_be_visible()
    more.click()
    expect(main.get_by_text("Undated guide 069")).to_be_visible(timeout=30_000)
    wait_for_settled(page)
    assert_no_exception(page)
    landmarks = [violation for violation in run_axe(page) if violation["id"] == "landmark-unique"]
    assert not landmarks, describe(landmarks)
