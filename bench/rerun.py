"""Server-side rerun time after a filter change, measured in-process with AppTest.

Method: open the page (frame + page, as a browser's first view), make the page's typical filter change once
each way to warm the caches, then time ``AppTest.run()`` while alternating the widget between the new value and
the original, so every timed run is a real change. The time covers the whole script run a browser triggers
(app.py's frame and the page, cached loaders included) plus AppTest's own bookkeeping, which the baseline
(a one-line page rerun the same way) shows as the floor.
"""

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench import apptest
from bench.scenarios import TYPICAL_CHANGE, Change
from components.registry import PageInfo

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"


@dataclass(frozen=True)
class RerunResult:
    median_ms: float | None
    change: str  # what was changed, or why nothing was ("n/a: ...")


def time_page_reruns(page: PageInfo, *, runs: int) -> RerunResult:
    app = apptest.open_page(page.script)
    if app.exception:
        return RerunResult(None, f"n/a: the page raised {apptest.exceptions(app)[0][:80]}")
    change = apptest.first_present(app, TYPICAL_CHANGE.get(page.url_path, []))
    label = "typical"
    if change is None:
        change, label = apptest.automatic_change(app), "automatic"
    if change is None:
        return RerunResult(None, "n/a: no filter widget on the page")
    original = Change(change.kind, change.key, apptest.find_widget(app, change).value)
    description = f"{label}: {change.kind} '{change.key}' -> {change.value!r}"
    try:
        timings = [_timed_change(app, original if index % 2 else change) for index in range(runs + 2)][2:]
    except Exception as error:  # a value the widget does not offer: report, do not stop the benchmark
        return RerunResult(None, f"n/a: {description} failed ({error.__class__.__name__}: {str(error)[:60]})")
    if app.exception:
        return RerunResult(None, f"n/a: {description} raised {apptest.exceptions(app)[0][:80]}")
    return RerunResult(statistics.median(timings) * 1000, description)


def time_baseline_reruns(*, runs: int) -> RerunResult:
    app = AppTest.from_file(str(BASELINE), default_timeout=60)
    app.run()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        app.run()
        timings.append(time.perf_counter() - started)
    return RerunResult(statistics.median(timings) * 1000, "plain rerun of the one-line page")


def _timed_change(app: AppTest, change: Change) -> float:
    widget = apptest.find_widget(app, change)
    if widget is None:
        raise LookupError(f"widget '{change.key}' disappeared after a change")
    widget.set_value(change.value)
    started = time.perf_counter()
    app.run()
    return time.perf_counter() - started
