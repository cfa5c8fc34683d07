"""Presenter mode as a presenter uses it: a three-scene Bangladesh deck opened from one link, stepped through with a
clicker's keys only, each scene's main figure fully on a 1280x720 or 1920x1080 screen, in both themes."""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from components.presenter import Scene, encode_deck
from tests.e2e.helpers import SCREENSHOTS, assert_no_exception, wait_for_settled

BANGLADESH_DECK = [
    Scene("Where Bangladeshi migrants live", "corridors", "orig=BGD"),
    Scene("Remittances to Bangladesh", "remittances", "countries=BGD"),
    Scene("Bangladesh's labour agreements", "agreements", "country=BGD"),
]
# The figure each scene is about: the arcs, the line chart, the agreements table.
MAIN_FIGURE = {
    "corridors": '[data-testid="stDeckGlJsonChart"]',
    "remittances": '[data-testid="stPlotlyChart"]',
    "agreements": '[data-testid="stDataFrame"]',
}
SCREENS = [{"width": 1280, "height": 720}, {"width": 1920, "height": 1080}]


def deck_address(base_url: str, *, theme: str = "light") -> str:
    params = {"orig": "BGD", "present": "1", "scene": "1", "deck": encode_deck(BANGLADESH_DECK)}
    return f"{base_url}/corridors?{urlencode(params | ({'theme': theme} if theme != 'light' else {}))}"


def assert_fully_visible(page, selector: str) -> None:
    figure = page.locator(selector).first
    expect(figure).to_be_visible(timeout=30_000)
    box, screen = figure.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["y"] >= 0, f"{selector} starts off screen: {box}"
    assert box["x"] + box["width"] <= screen["width"] + 1, f"{selector} is wider than the screen: {box}"
    assert box["y"] + box["height"] <= screen["height"] + 1, f"{selector} ends below the screen: {box} in {screen}"
    assert box["height"] >= 200, f"{selector} is too small to read on a projector: {box}"


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: f"{screen['width']}x{screen['height']}")
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_keyboard_steps_a_deck_with_each_figure_on_screen(browser, app_server, screen, theme):
    context = browser.new_context(viewport=screen)
    page = context.new_page()
    try:
        page.goto(deck_address(app_server, theme=theme))
        wait_for_settled(page)
        for number, scene in enumerate(BANGLADESH_DECK, start=1):
            main = page.get_by_test_id("stMain")
            expect(main).to_contain_text(f"Scene {number} of 3: {scene.title}")
            expect(main.locator("h1:visible")).to_have_count(1)
            expect(main.locator("h1:visible")).to_have_text(scene.title)
            wait_for_settled(page)
            assert_no_exception(page)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"presenter-{theme}-{screen['width']}-scene-{number}.png")
            assert_fully_visible(page, MAIN_FIGURE[scene.page])
            if number < len(BANGLADESH_DECK):
                page.keyboard.press(["ArrowRight", "PageDown", "Space"][number % 3 - 1])
                page.wait_for_url(re.compile(rf"/{BANGLADESH_DECK[number].page}\?.*scene={number + 1}"))
        page.keyboard.press("PageUp")
        page.wait_for_url(re.compile(r"/remittances\?.*scene=2"))
        page.keyboard.press("ArrowLeft")
        page.wait_for_url(re.compile(r"/corridors\?.*scene=1"))
        expect(page.get_by_test_id("stMain")).to_contain_text("Scene 1 of 3")
        page.keyboard.press("Escape")
        page.wait_for_url(lambda url: "present" not in url)
        expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=30_000)
    finally:
        context.close()


def add_scene(page, title: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    add = sidebar.get_by_role("button", name="Add this view as a scene")
    if not add.is_visible():
        sidebar.get_by_text("Presenter mode").click()
    title_box = sidebar.get_by_label("Scene title")
    title_box.fill(title)
    title_box.press("Enter")
    wait_for_settled(page)
    add.click()
    expect(sidebar.get_by_text(title, exact=False).first).to_be_visible()
    wait_for_settled(page)


def test_a_deck_link_opens_the_whole_deck_in_a_fresh_browser(browser, app_server):
    """Scenes collected in one browser; the link copied from the scene editor opens all of them, presenting, in
    another browser context that shares nothing with the first (no cookies, no session); the theme chosen there
    travels in its address too."""
    first = browser.new_context(viewport=SCREENS[0])
    page = first.new_page()
    try:
        page.goto(f"{app_server}/corridors?orig=BGD")
        wait_for_settled(page)
        add_scene(page, "Where Bangladeshi migrants live")
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Agreements").click()
        page.wait_for_url(re.compile(r"/agreements"))
        wait_for_settled(page)
        add_scene(page, "Agreements recorded")
        link = page.get_by_test_id("stSidebar").get_by_test_id("stCode").inner_text().strip()
    finally:
        first.close()
    assert "deck=" in link and "present=1" in link and "orig=BGD" in link, link

    second = browser.new_context(viewport=SCREENS[0])
    page = second.new_page()
    try:
        page.goto(link)
        wait_for_settled(page)
        main = page.get_by_test_id("stMain")
        expect(main).to_contain_text("Scene 1 of 2: Where Bangladeshi migrants live")
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
        assert_fully_visible(page, MAIN_FIGURE["corridors"])
        page.keyboard.press("ArrowRight")
        page.wait_for_url(re.compile(r"/agreements\?.*scene=2"))
        expect(main).to_contain_text("Scene 2 of 2: Agreements recorded")
        page.get_by_role("button", name="Projector theme (dark)").click()
        page.wait_for_url(re.compile(r"theme=dark"))
        dark_link = page.url
    finally:
        second.close()

    third = browser.new_context(viewport=SCREENS[1])
    page = third.new_page()
    try:
        page.goto(dark_link)
        wait_for_settled(page)
        expect(page.get_by_test_id("stMain")).to_contain_text("Scene 2 of 2: Agreements recorded")
        expect(page.get_by_role("button", name="Light theme")).to_be_visible()
        background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
        assert background == "rgb(0, 0, 0)", background
    finally:
        third.close()


def test_the_slide_subtitle_stands_clear_of_the_title(browser, app_server):
    """Issue 16: in the dark theme at 1280x720 the filters line touched the title's descenders."""
    context = browser.new_context(viewport=SCREENS[0])
    page = context.new_page()
    try:
        page.goto(deck_address(app_server, theme="dark"))
        wait_for_settled(page)
        subtitle = page.locator(".st-key-scene_subtitle [data-testid='stCaptionContainer']")
        expect(subtitle).to_contain_text("Origin")
        gap = page.evaluate(
            """() => {
              const text = element => { const range = document.createRange(); range.selectNodeContents(element);
                                        return range.getBoundingClientRect(); };
              const title = document.querySelector(".st-key-presenter_bar h1");
              const subtitle = document.querySelector(".st-key-scene_subtitle [data-testid='stCaptionContainer']");
              return text(subtitle).top - text(title).bottom;
            }"""
        )
        assert gap >= 6, f"the subtitle's text starts {gap:.1f} px below the title's line"
    finally:
        context.close()


def test_editing_scenes_reruns_the_scene_editor_only(browser, app_server):
    """Issue 13: the scene editor is a fragment, so adding a scene does not run the page (and its map) again."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    runs: list[int] = []  # how each script run ended, in order

    def listen(socket):
        def received(payload):
            if isinstance(payload, bytes):
                message = ForwardMsg.FromString(payload)
                if message.WhichOneof("type") == "script_finished":
                    runs.append(message.script_finished)

        socket.on("framereceived", received)

    context = browser.new_context(viewport=SCREENS[0])
    page = context.new_page()
    page.on("websocket", listen)
    try:
        page.goto(f"{app_server}/corridors?orig=BGD")
        wait_for_settled(page)
        assert runs and runs[-1] == ForwardMsg.FINISHED_SUCCESSFULLY, runs
        before = len(runs)
        add_scene(page, "Where Bangladeshi migrants live")
        expect(page.get_by_test_id("stSidebar").get_by_test_id("stCode")).to_contain_text("deck=")
        edits = runs[before:]
        assert edits and set(edits) == {ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}, edits
    finally:
        context.close()
