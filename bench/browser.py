"""Page views in headless Chromium: seconds until settled, bytes over the websocket and over HTTP, server RSS."""

import base64
import statistics
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

import psutil
from playwright.sync_api import Browser

from tests.e2e.conftest import CHROMIUM_ARGS, CHROMIUM_PATH, is_local
from tests.e2e.helpers import assert_no_exception, wait_for_settled

VIEWPORT = {"width": 1400, "height": 900}
# The app's own files (the map shapes), as opposed to Streamlit's frontend bundle, which every page shares.
APP_STATIC_PREFIX = "/app/static/"
# Requests made after the run has settled (the chart library's code, deck.gl fetching the map shapes) count
# towards the view: it ends when no HTTP request has been in flight for QUIET_SECONDS (at most MAX_TAIL_SECONDS).
QUIET_SECONDS = 0.5
MAX_TAIL_SECONDS = 15
SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Response:
    """One HTTP response of a view, as the browser received it (headers by lower-case name)."""

    url: str
    transferred_bytes: int  # on the wire: headers and the body as sent (compressed, if it was)
    headers: dict[str, str]


@dataclass
class PageView:
    settle_seconds: float
    websocket_bytes: int
    http_bytes: int
    app_static_bytes: int
    responses: list[Response] = field(default_factory=list)


@dataclass
class ViewSummary:
    views: list[PageView] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def median(self, name: str) -> float | None:
        values = [getattr(view, name) for view in self.views]
        return statistics.median(values) if values else None


def launch(playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)


def view_page(browser: Browser, url: str, *, until_quiet: bool = True) -> PageView:
    """One page view in a fresh context (empty cache, new session), as a first-time visitor. Without
    ``until_quiet`` it ends when the run has settled, and the HTTP bytes leave out the later requests."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        external: list[str] = []
        context.on("request", lambda request: None if is_local(request.url) else external.append(request.url))
        counts = {"websocket": 0, "http": 0, "app_static": 0}
        received: dict[str, dict] = {}  # request id -> the response's url and headers
        responses: list[Response] = []
        in_flight: set[str] = set()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", lambda event: _count_frame(counts, event["response"]))
        cdp.on("Network.requestWillBeSent", lambda event: in_flight.add(event["requestId"]))
        cdp.on("Network.responseReceived", lambda event: received.__setitem__(event["requestId"], event["response"]))
        cdp.on("Network.loadingFinished", lambda event: _count_response(counts, received, responses, in_flight, event))
        cdp.on("Network.loadingFailed", lambda event: in_flight.discard(event["requestId"]))
        page.goto(url)
        settle_seconds = wait_for_settled(page)
        if until_quiet:
            _wait_until_quiet(page, in_flight)
        assert_no_exception(page)
        if external:
            raise AssertionError(f"{len(external)} request(s) left this machine: {external[:3]}")
        return PageView(settle_seconds, counts["websocket"], counts["http"], counts["app_static"], responses)
    finally:
        context.close()


def view_into(summary: ViewSummary, browser: Browser, url: str) -> None:
    """One more view of ``url`` in ``summary`` (or its error)."""
    try:
        summary.views.append(view_page(browser, url))
    except AssertionError as error:
        summary.errors.append(str(error).splitlines()[0][:200])


def open_sessions(browser: Browser, urls: list[str]) -> list[str]:
    """Open one browser context per URL, all at once, and wait until every one has settled; return errors.
    The contexts stay open (sessions alive on the server) until the caller's block ends."""
    contexts = [browser.new_context(viewport=VIEWPORT) for _ in urls]
    pages = [context.new_page() for context in contexts]
    errors = []
    try:
        for page, url in zip(pages, urls):
            page.goto(url, wait_until="commit")
        for page in pages:
            try:
                wait_for_settled(page, timeout=90_000)
                assert_no_exception(page)
            except AssertionError as error:
                errors.append(str(error).splitlines()[0][:200])
        time.sleep(1)  # sessions held open together while memory is sampled
    finally:
        for context in contexts:
            context.close()
    return errors


def _count_frame(counts: dict, frame: dict) -> None:
    payload = frame.get("payloadData", "")
    # Opcode 2 is a binary frame (Streamlit's protobuf deltas), given base64-encoded.
    counts["websocket"] += len(base64.b64decode(payload)) if frame.get("opcode") == 2 else len(payload.encode())


def _wait_until_quiet(page, in_flight: set[str]) -> None:
    deadline, quiet_since = time.monotonic() + MAX_TAIL_SECONDS, time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)  # lets Playwright deliver the DevTools events
        if in_flight:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_SECONDS:
            return


def _count_response(counts: dict, received: dict, responses: list[Response], in_flight: set[str], event: dict) -> None:
    in_flight.discard(event["requestId"])
    size = int(event.get("encodedDataLength", 0))
    counts["http"] += size
    response = received.get(event["requestId"], {})
    url = response.get("url", "")
    if urlparse(url).path.startswith(APP_STATIC_PREFIX):
        counts["app_static"] += size
    headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
    responses.append(Response(url, size, headers))


class PeakMemory:
    """Samples the resident memory of a process (and any children) in the background; ``peak_mb`` is the max."""

    def __init__(self, pid: int):
        self._process = psutil.Process(pid)
        self._stop = threading.Event()
        self.peak_bytes = 0
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 1e6

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self._process, *self._process.children(recursive=True)]
                self.peak_bytes = max(self.peak_bytes, sum(process.memory_info().rss for process in processes))
            except psutil.Error:
                return
            self._stop.wait(SAMPLE_SECONDS)

    @contextmanager
    def sampling(self):
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()
