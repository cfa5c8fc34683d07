"""Cold start: a page's first view on a freshly started server, against the one-line page's first view on a
freshly started server of its own.

Both servers start the same way (tests/e2e/server.py: `streamlit run`) and are viewed as soon as they are ready:
``ready="script"`` (the default) when the script has run once without error, as a deployment's readiness probe
waits (deploy/README.md), or ``ready="health"`` as soon as the server answers at all. Each view is made in a fresh browser context (empty cache, new session), so the first view pays for
everything a first visitor after a restart would: the script's imports, reading the tables, the frontend's code.
Each round views the baseline on a fresh server, then every page on a fresh server of its own, so that the ratio
compares views made in the same minutes (a shared machine's load drifts a lot); the figures are medians over the
rounds.
"""

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser

from bench import browser as views
from tests.e2e.server import start_streamlit, stop_streamlit


@dataclass
class ColdViews:
    settle_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def settle_s(self) -> float | None:
        return statistics.median(self.settle_seconds) if self.settle_seconds else None


def measure(
    chromium: Browser, script: Path, paths: list[str], baseline_script: Path, *, rounds: int, ready: str = "script"
) -> tuple[ColdViews, dict[str, ColdViews]]:
    """First views of ``baseline_script`` and of ``script``'s page at each of ``paths``, each on a fresh server,
    ``rounds`` times over: the baseline's views and each path's."""
    baseline, pages = ColdViews(), {path: ColdViews() for path in paths}
    for _ in range(rounds):
        _first_view_into(baseline, chromium, baseline_script, "", ready)
        for path in paths:
            _first_view_into(pages[path], chromium, script, path, ready)
    return baseline, pages


def first_view(chromium: Browser, script: Path, path: str, *, ready: str) -> views.PageView:
    """The first view of the page at ``path`` on a server started for it alone, stopped afterwards."""
    process, base_url = start_streamlit(script, ready=ready)
    try:
        return views.view_page(chromium, f"{base_url}/{path}", until_quiet=False)
    finally:
        stop_streamlit(process)


def _first_view_into(into: ColdViews, chromium: Browser, script: Path, path: str, ready: str) -> None:
    try:
        into.settle_seconds.append(first_view(chromium, script, path, ready=ready).settle_seconds)
    except AssertionError as error:
        into.errors.append(str(error).splitlines()[0][:200])
