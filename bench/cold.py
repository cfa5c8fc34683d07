"""Cold start: a page's first view on a freshly started server, against the one-line page's first view on a
freshly started server of its own.

Both servers start the same way (tests/e2e/server.py: `streamlit run`) and are viewed as soon as they are ready:
``ready="script"`` (the default) when the script has run once without error, as a deployment's readiness probe
waits (deploy/README.md), or ``ready="health"`` as soon as the server answers at all. Each view is made in a fresh browser context (empty cache, new session), so the first view pays for
everything a first visitor after a restart would: the script's imports, reading the tables, the frontend's code.
Each round starts a baseline server and a page server one after the other, so that the ratio compares views
made in the same minutes (a shared machine's load drifts a lot); the figures are medians over the rounds.
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
    baseline_settle_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def settle_s(self) -> float | None:
        return statistics.median(self.settle_seconds) if self.settle_seconds else None

    @property
    def baseline_settle_s(self) -> float | None:
        return statistics.median(self.baseline_settle_seconds) if self.baseline_settle_seconds else None


def measure(
    chromium: Browser, script: Path, path: str, baseline_script: Path, *, rounds: int, ready: str = "script"
) -> ColdViews:
    """``rounds`` first views of ``script``'s page at ``path``, each on a fresh server, alternating with first
    views of ``baseline_script`` on fresh servers of its own."""
    result = ColdViews()
    for _ in range(rounds):
        for script_path, page_path, into in (
            (baseline_script, "", result.baseline_settle_seconds),
            (script, path, result.settle_seconds),
        ):
            try:
                into.append(first_view(chromium, script_path, page_path, ready=ready).settle_seconds)
            except AssertionError as error:
                result.errors.append(str(error).splitlines()[0][:200])
    return result


def first_view(chromium: Browser, script: Path, path: str, *, ready: str) -> views.PageView:
    """The first view of the page at ``path`` on a server started for it alone, stopped afterwards."""
    process, base_url = start_streamlit(script, ready=ready)
    try:
        return views.view_page(chromium, f"{base_url}/{path}", until_quiet=False)
    finally:
        stop_streamlit(process)
