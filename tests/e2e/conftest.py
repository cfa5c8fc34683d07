"""Real-browser fixtures: the dashboard served by Streamlit, Debian's Chromium, and a page that must stay offline."""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.server import REPO, start_streamlit, stop_streamlit

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    # deck.gl's maps need WebGL: headless Chromium renders it on the CPU (SwiftShader) today, and this keeps it
    # doing so once Chromium stops falling back to SwiftShader unasked.
    "--enable-unsafe-swiftshader",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Mark the tests in this folder e2e, so that `-m "not e2e"` leaves out the browser."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def app_server():
    process, base_url = start_streamlit(REPO / "app.py")
    yield base_url
    stop_streamlit(process)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM_PATH).is_file():
        pytest.fail(
            f"No Chromium at {CHROMIUM_PATH} (set CHROMIUM_PATH to use another). "
            "Install Debian's: apt-get update && apt-get install -y chromium"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def external_requests() -> list[str]:
    """URLs the page asked for beyond this machine; the page fixture fails the test if any."""
    return []


@pytest.fixture
def page(browser, external_requests):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()

    def record(url: str) -> None:
        if not is_local(url):
            external_requests.append(url)

    context.on("request", lambda request: record(request.url))
    page.on("websocket", lambda websocket: record(websocket.url))
    page.external_requests = external_requests
    yield page
    context.close()
    if external_requests:
        pytest.fail(f"{len(external_requests)} request(s) left this machine:\n" + "\n".join(external_requests))


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme not in {"http", "https", "ws", "wss"} or parsed.hostname in LOCAL_HOSTS
