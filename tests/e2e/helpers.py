"""What the browser tests do to a Streamlit page: wait for a run to finish, check for errors, look at pixels."""

import io
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SETTLE_SECONDS = 0.3

# Streamlit marks its root with the connection state and the script's run state ("initial", "running",
# "rerunRequested", "notRunning", ...); the status widget shows a running icon while a run is under way.
# Returns false until the app has looked finished for settleMs on end, then the performance.now() it first did.
_SETTLED_SINCE = """settleMs => {
  const app = document.querySelector('[data-testid="stApp"]');
  const settled = app !== null
    && app.dataset.testConnectionState === 'CONNECTED'
    && app.dataset.testScriptState === 'notRunning'
    && document.querySelector('[data-testid="stStatusWidgetRunningIcon"]') === null;
  const now = performance.now();
  if (!settled) {
    window.__e2eSettledSince = undefined;
    return false;
  }
  window.__e2eSettledSince ??= now;
  return now - window.__e2eSettledSince >= settleMs && window.__e2eSettledSince;
}"""


def wait_for_settled(page: Page, timeout: float = 30_000) -> float:
    """Wait until Streamlit has finished running; return the seconds from navigation start until it had
    (not counting the SETTLE_SECONDS of quiet that confirm it)."""
    page.evaluate("delete window.__e2eSettledSince")
    try:
        settled_since = page.wait_for_function(
            _SETTLED_SINCE, arg=SETTLE_SECONDS * 1000, polling=50, timeout=timeout
        ).json_value()
    except PlaywrightTimeoutError:
        state = page.evaluate(
            """() => { const app = document.querySelector('[data-testid="stApp"]');
                       return app ? {...app.dataset} : 'no [data-testid="stApp"] on the page'; }"""
        )
        raise AssertionError(
            f"Streamlit did not finish running within {timeout / 1000:g} s at {page.url}: {state}"
        ) from None
    return settled_since / 1000


async def wait_for_settled_async(page, timeout: float = 30_000) -> float:
    """wait_for_settled for Playwright's async API (the load test drives many pages at once); the page's
    performance.now() in seconds when Streamlit had finished running."""
    await page.evaluate("delete window.__e2eSettledSince")
    handle = await page.wait_for_function(_SETTLED_SINCE, arg=SETTLE_SECONDS * 1000, polling=50, timeout=timeout)
    return await handle.json_value() / 1000


_AFTER_FRAMES = """n => new Promise(done => {
  const step = left => left ? requestAnimationFrame(() => step(left - 1)) : done();
  step(n);
})"""


def wait_for_frames(page: Page, count: int = 2) -> None:
    """Wait until the page has drawn ``count`` animation frames. deck.gl handles a pointer move in its next
    animation frame (the move only records a pick request; its render loop picks and updates the tooltip), and
    callbacks registered in the same frame run in order: after two frames of ours, deck.gl's has run at least once.
    A wait for what a hover on a deck.gl map changes, however fast or slow the machine draws."""
    page.evaluate(_AFTER_FRAMES, count)


def assert_no_exception(page: Page) -> None:
    exceptions = page.locator('[data-testid="stException"]').all_inner_texts()
    if exceptions:
        raise AssertionError(f"{len(exceptions)} exception(s) shown on {page.url}:\n" + "\n---\n".join(exceptions))


def save_screenshot(page: Page, name: str) -> Path:
    """Screenshot the whole app: Streamlit scrolls inside its main section, so a full-page shot alone stops at
    the viewport; the viewport is stretched to the content for the shot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size
    content_height = page.evaluate("""() => document.querySelector('[data-testid="stMain"]')?.scrollHeight ?? 0""")
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], content_height)})
    try:
        page.screenshot(path=path, full_page=True)
    finally:
        page.set_viewport_size(viewport)
    return path


def non_background_share(page: Page, selector: str) -> float:
    """The share of the element's pixels that differ from its most common colour (its background)."""
    image = Image.open(io.BytesIO(page.locator(selector).first.screenshot())).convert("RGB")
    pixel_count = image.width * image.height
    background_count, _ = max(image.getcolors(maxcolors=pixel_count))
    return 1 - background_count / pixel_count


def canvas_has_content(page: Page, selector: str, min_share: float = 0.01, timeout: float = 10_000) -> bool:
    """Whether something gets drawn on the element within timeout ms, e.g. a deck.gl map's shapes over its
    empty background (WebGL draws after the Streamlit run has finished)."""
    deadline = time.monotonic() + timeout / 1000
    while non_background_share(page, selector) < min_share:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(250)
    return True


def plotly_hover_text(page: Page, point_selector: str, timeout: float = 15_000) -> str:
    """Hover the first plotly mark matching point_selector and return its hover label's text. Plotly redraws a
    chart when its container is resized (a scrollbar appearing is enough), which drops a label already shown,
    so the mark is hovered again until a label can be read."""
    point = page.locator(point_selector).first
    point.wait_for(state="attached", timeout=30_000)  # plotly draws after the Streamlit run has finished
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        page.mouse.move(0, 0)  # plotly shows a label on entering a mark, so leave it first
        point.hover(force=True)
        text = page.evaluate(
            """() => document.querySelector('.js-plotly-plot .hoverlayer .hovertext')?.textContent ?? null"""
        )
        if text:
            return text
        page.wait_for_timeout(250)
    raise AssertionError(f"no plotly hover label appeared within {timeout / 1000:g} s over {point_selector}")


def download_chart_png(page: Page, chart) -> str:
    """Save ``chart`` (a plotly chart's locator) with its camera button, as a user would; checks the file is a
    PNG and returns its suggested name."""
    chart.hover()
    with page.expect_download() as download_info:
        chart.locator('.modebar-btn[data-title^="Download plot as a"]').click()
    assert open(download_info.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    return download_info.value.suggested_filename
