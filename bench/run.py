"""Benchmark every registered page against a one-line Streamlit page: `python -m bench.run [--help]`.

For each page (and the baseline, bench/baseline_app.py, served the same way) on a fresh server:
  settle   median seconds from navigation until Streamlit has finished running, over --loads fresh browser
           contexts in headless Chromium (the first view is the cold one that makes the server read its tables);
           each view is followed by one of the baseline page, and the ratio is to the median of those;
  ws       median bytes received over the websocket per page view (Chromium's DevTools frame payloads);
  http     bytes received over HTTP on a first view (Streamlit's frontend, the same for every page), and of
           that the app's own static files (the map shapes), which count towards the page view;
  rerun    median server-side time of --reruns script runs after the page's typical filter change, in-process
           with AppTest (method in bench/rerun.py);
  rss      peak resident memory of the server process while serving those views;
  cold     median seconds until settled of the page's first view on a freshly started server, over --cold rounds,
           each round starting with a fresh server of the baseline page for its first view (bench/cold.py); the
           ratio is to the median of those. A server is viewed once ready (--cold-ready).
Then the server's peak RSS with --sessions browser sessions open at once (pages round-robin), and all of it
again, for the pages that read it, on a synthetic scale-up of the corridors table to about a million rows
(bench/scale.py).
Prints a table with ratios to the baseline and writes it to bench/results/ as CSV.
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit import logger as streamlit_logger

from bench import apptest, cold, rerun
from bench import browser as views
from bench.scale import write_scaled_tables
from components.registry import PAGES, PageInfo
from data.catalog import TABLES_DIR_VARIABLE
from tests.e2e.server import REPO, start_streamlit, stop_streamlit

RESULTS = Path(__file__).resolve().parent / "results"
BASELINE_APP = Path(__file__).resolve().parent / "baseline_app.py"
SCALED_TABLE = "corridors"
TARGET_SETTLE_RATIO = 1.5
TARGET_RERUN_MS = 100
TARGET_VIEW_BYTES = 1_000_000
TARGET_SESSIONS_RSS_MB = 300


@dataclass
class Row:
    data: str  # "shipped" or "scaled (N corridor rows)"
    page: str
    settle_s: float | None = None
    baseline_settle_s: float | None = None  # the baseline page, viewed alternately with this page
    settle_ratio: float | None = None
    ws_bytes: float | None = None
    app_static_bytes: float | None = None
    http_bytes: float | None = None
    rerun_ms: float | None = None
    rerun_ratio: float | None = None
    rerun_change: str = ""
    cold_settle_s: float | None = None  # first view on a fresh server
    cold_baseline_settle_s: float | None = None  # the baseline page's first view on fresh servers, same minutes
    cold_ratio: float | None = None
    peak_rss_mb: float | None = None
    rss_ratio: float | None = None
    errors: str = ""
    missed_targets: str = ""


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    streamlit_logger.set_log_level("error")  # AppTest runs outside a server and says so on every run
    pages = [page for page in PAGES if not options.pages or page.url_path in options.pages]
    unknown = set(options.pages or []) - {page.url_path for page in PAGES}
    if unknown:
        sys.exit(f"Unknown page(s): {', '.join(sorted(unknown))}. Registered: {', '.join(p.url_path for p in PAGES)}")
    started, load_at_start = time.monotonic(), _load_average()
    rows: list[Row] = []
    with sync_playwright() as playwright, _baseline_server(options) as baseline_url:
        chromium = views.launch(playwright) if options.loads or options.cold else None
        baseline = _measure_baseline(chromium, options)
        rows.append(baseline)
        options.baseline_url = baseline_url
        cold_rows = _measure_cold(chromium, pages, baseline, options) if chromium and options.cold else {}
        rows += _measure_pages(chromium, pages, baseline, options, data="shipped", cold_rows=cold_rows)
        baseline_sessions = None
        if chromium and options.sessions:
            baseline_sessions = _measure_sessions(
                chromium, BASELINE_APP, [""], options, label="baseline", data="shipped", baseline=None
            )
            rows.append(baseline_sessions)
            rows.append(_measure_all_pages_sessions(chromium, pages, options, "shipped", baseline_sessions))
        if options.scale_rows != 0:
            with _scaled_tables(options.scale_rows) as (folder, row_count):
                label = f"scaled ({row_count:,} corridor rows)"
                needing = apptest.pages_needing(SCALED_TABLE, folder)
                scaled_pages = [page for page in pages if page.script in needing]
                print(
                    f"  scaled: {row_count:,} rows of {SCALED_TABLE}, read by "
                    f"{', '.join(page.url_path for page in scaled_pages) or 'no page'}",
                    flush=True,
                )
                scaled_options = argparse.Namespace(**{**vars(options), "loads": options.scale_loads})
                rows += _measure_pages(chromium, scaled_pages, baseline, scaled_options, data=label)
                if chromium and options.sessions:
                    rows.append(_measure_all_pages_sessions(chromium, pages, options, label, baseline_sessions))
        if chromium:
            chromium.close()
    for row in rows:
        row.missed_targets = ", ".join(_missed(row))
    path = _write_csv(rows)
    _print_table(rows)
    print(
        f"\n{len(rows)} rows written to {path.relative_to(REPO)} in {time.monotonic() - started:.0f} s. "
        f"Load average at the start {load_at_start}, at the end {_load_average()} on {os.cpu_count()} cores "
        "(figures from a busy machine are slower)."
    )
    return 0


def _parse(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=lambda text: text.split(","), help="comma-separated url paths (default: all)")
    parser.add_argument("--loads", type=int, default=5, help="measured page views per page (0: no browser)")
    parser.add_argument("--reruns", type=int, default=20, help="timed reruns per page (0: none)")
    parser.add_argument(
        "--cold",
        type=int,
        default=3,
        help="rounds of first views on fresh servers per page, each with one of the baseline (0: skip)",
    )
    parser.add_argument(
        "--cold-ready",
        choices=["script", "health"],
        default="script",
        help="when a fresh server counts as started for --cold: its script has run once (a "
        "deployment's readiness probe, default) or it answers at all",
    )
    parser.add_argument("--sessions", type=int, default=20, help="sessions held open at once (0: skip)")
    parser.add_argument(
        "--scale-rows",
        type=int,
        default=None,
        help="corridor rows of the scale-up (default: every pair, about a million; 0: skip)",
    )
    parser.add_argument(
        "--scale-loads",
        type=int,
        default=3,
        help="measured page views per page when scaled (only pages that read the corridors table)",
    )
    return parser.parse_args(argv)


def _measure_baseline(chromium, options) -> Row:
    row = Row(data="shipped", page="baseline (one-line page)")
    if chromium:
        _fill_views(row, chromium, BASELINE_APP, "", options.loads)
    if options.reruns:
        result = rerun.time_baseline_reruns(runs=options.reruns)
        row.rerun_ms, row.rerun_change = result.median_ms, result.change
    _log(row)
    return row


def _measure_cold(chromium, pages: list[PageInfo], baseline: Row, options) -> dict[str, Row]:
    """The cold scenario for every page at once (rounds of fresh servers); rows with the cold columns filled."""
    paths = [_path(page) for page in pages]
    baseline_views, page_views = cold.measure(
        chromium, REPO / "app.py", paths, BASELINE_APP, rounds=options.cold, ready=options.cold_ready
    )
    baseline.cold_settle_s = baseline_views.settle_s
    rows = {}
    for page, path in zip(pages, paths):
        views_of_page = page_views[path]
        row = Row(
            data="shipped",
            page=page.url_path,
            cold_settle_s=views_of_page.settle_s,
            cold_baseline_settle_s=baseline_views.settle_s,
            errors="; ".join((views_of_page.errors + baseline_views.errors)[:3]),
        )
        print(
            f"  measured cold / {page.url_path}: {_fmt(row.cold_settle_s, '.2f')} s "
            f"(baseline {_fmt(row.cold_baseline_settle_s, '.2f')} s)",
            flush=True,
        )
        rows[page.url_path] = row
    return rows


def _measure_pages(
    chromium, pages: list[PageInfo], baseline: Row, options, *, data: str, cold_rows: dict[str, Row] | None = None
) -> list[Row]:
    rows = []
    for page in pages:
        row = (cold_rows or {}).get(page.url_path) or Row(data=data, page=page.url_path)
        if chromium and options.loads:
            _fill_views(row, chromium, REPO / "app.py", _path(page), options.loads, baseline_url=options.baseline_url)
        if options.reruns:
            result = rerun.time_page_reruns(page, runs=options.reruns)
            row.rerun_ms, row.rerun_change = result.median_ms, result.change
        row.settle_ratio = _ratio(row.settle_s, row.baseline_settle_s)
        row.cold_ratio = _ratio(row.cold_settle_s, row.cold_baseline_settle_s)
        row.rerun_ratio = _ratio(row.rerun_ms, baseline.rerun_ms)
        row.rss_ratio = _ratio(row.peak_rss_mb, baseline.peak_rss_mb)
        _log(row)
        rows.append(row)
    return rows


def _measure_all_pages_sessions(chromium, pages, options, data: str, baseline: Row | None) -> Row:
    """The app's sessions row: every page, round-robin, against the one-line page's row."""
    paths = [_path(page) for page in pages]
    return _measure_sessions(chromium, REPO / "app.py", paths, options, label="all pages", data=data, baseline=baseline)


def _measure_sessions(
    chromium, script: Path, paths: list[str], options, *, label: str, data: str, baseline: Row | None
) -> Row:
    """Peak RSS of a fresh server with --sessions browser sessions open at once, on ``paths`` round-robin."""
    process, base_url = start_streamlit(script)
    try:
        with views.PeakMemory(process.pid).sampling() as memory:
            urls = [f"{base_url}/{paths[index % len(paths)]}" for index in range(options.sessions)]
            errors = views.open_sessions(chromium, urls)
    finally:
        stop_streamlit(process)
    row = Row(
        data=data,
        page=f"{options.sessions} sessions: {label}",
        peak_rss_mb=memory.peak_mb,
        rss_ratio=_ratio(memory.peak_mb, baseline.peak_rss_mb if baseline else None),
        errors="; ".join(errors[:3]),
    )
    _log(row)
    return row


def _fill_views(row: Row, chromium, script: Path, path: str, loads: int, *, baseline_url: str | None = None) -> None:
    """Views of the page on a fresh server; with ``baseline_url``, each followed by a view of the baseline page,
    so that the ratio compares views made in the same minutes (a shared machine's load drifts a lot)."""
    process, base_url = start_streamlit(script)
    baseline = views.ViewSummary()
    try:
        with views.PeakMemory(process.pid).sampling() as memory:
            summary = views.ViewSummary()
            for _ in range(loads):
                views.view_into(summary, chromium, f"{base_url}/{path}")
                if baseline_url:
                    views.view_into(baseline, chromium, f"{baseline_url}/")
    finally:
        stop_streamlit(process)
    row.settle_s = summary.median("settle_seconds")
    row.baseline_settle_s = baseline.median("settle_seconds")
    row.ws_bytes = summary.median("websocket_bytes")
    row.http_bytes = summary.median("http_bytes")
    row.app_static_bytes = summary.median("app_static_bytes")
    row.peak_rss_mb = memory.peak_mb
    row.errors = "; ".join(filter(None, [row.errors, *summary.errors[:3]]))


@contextmanager
def _baseline_server(options) -> Iterator[str | None]:
    """The baseline page, served throughout, for views alternating with the pages' views."""
    if not options.loads:
        yield None
        return
    process, base_url = start_streamlit(BASELINE_APP)
    try:
        yield base_url
    finally:
        stop_streamlit(process)


@contextmanager
def _scaled_tables(rows: int | None) -> Iterator[tuple[Path, int]]:
    """Point the servers and the in-process runs at a scaled copy of the tables for the block's duration."""
    with tempfile.TemporaryDirectory(prefix="bench-tables-") as folder:
        row_count = write_scaled_tables(Path(folder), rows=rows)
        previous = os.environ.get(TABLES_DIR_VARIABLE)
        os.environ[TABLES_DIR_VARIABLE] = folder
        try:
            yield Path(folder), row_count
        finally:
            if previous is None:
                del os.environ[TABLES_DIR_VARIABLE]
            else:
                os.environ[TABLES_DIR_VARIABLE] = previous


def _path(page: PageInfo) -> str:
    return "" if page is PAGES[0] else page.url_path


def _ratio(value: float | None, baseline: float | None) -> float | None:
    return value / baseline if value is not None and baseline else None


def _missed(row: Row) -> Iterator[str]:
    if row.page.startswith("baseline"):
        return
    if row.settle_ratio is not None and row.settle_ratio > TARGET_SETTLE_RATIO:
        yield f"settle > {TARGET_SETTLE_RATIO}x baseline"
    if row.cold_ratio is not None and row.cold_ratio > TARGET_SETTLE_RATIO:
        yield f"cold settle > {TARGET_SETTLE_RATIO}x baseline"
    if row.data == "shipped" and row.rerun_ms is not None and row.rerun_ms > TARGET_RERUN_MS:
        yield f"rerun > {TARGET_RERUN_MS} ms"
    if row.ws_bytes is not None and row.ws_bytes + (row.app_static_bytes or 0) > TARGET_VIEW_BYTES:
        yield "view > 1 MB"
    if "sessions" in row.page and "baseline" not in row.page and (row.peak_rss_mb or 0) > TARGET_SESSIONS_RSS_MB:
        yield f"RSS > {TARGET_SESSIONS_RSS_MB} MB"
    if row.errors:
        yield "errors"


def _write_csv(rows: list[Row]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[field.name for field in fields(Row)])
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)
    return path


def _print_table(rows: list[Row]) -> None:
    header = [
        "data",
        "page",
        "settle s",
        "base s",
        "x base",
        "cold s",
        "base s",
        "x base",
        "ws kB",
        "static kB",
        "http kB",
        "rerun ms",
        "x base",
        "RSS MB",
        "x base",
        "missed targets",
    ]
    table = [header] + [
        [
            row.data,
            row.page,
            _fmt(row.settle_s, ".2f"),
            _fmt(row.baseline_settle_s, ".2f"),
            _fmt(row.settle_ratio, ".2f"),
            _fmt(row.cold_settle_s, ".2f"),
            _fmt(row.cold_baseline_settle_s, ".2f"),
            _fmt(row.cold_ratio, ".2f"),
            _fmt(_kb(row.ws_bytes), ".0f"),
            _fmt(_kb(row.app_static_bytes), ".0f"),
            _fmt(_kb(row.http_bytes), ".0f"),
            _fmt(row.rerun_ms, ".0f"),
            _fmt(row.rerun_ratio, ".1f"),
            _fmt(row.peak_rss_mb, ".0f"),
            _fmt(row.rss_ratio, ".2f"),
            row.missed_targets or "-",
        ]
        for row in rows
    ]
    widths = [max(len(line[column]) for line in table) for column in range(len(header))]
    print()
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    notes = sorted({f"{row.page}: {row.rerun_change}" for row in rows if row.rerun_change and row.data == "shipped"})
    print("\nFilter change timed per page:\n  " + "\n  ".join(notes))
    errors = [f"{row.data} {row.page}: {row.errors}" for row in rows if row.errors]
    if errors:
        print("\nErrors:\n  " + "\n  ".join(errors))


def _load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def _kb(value: float | None) -> float | None:
    return value / 1000 if value is not None else None


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def _log(row: Row) -> None:
    print(
        f"  measured {row.data} / {row.page}: settle {_fmt(row.settle_s, '.2f')} s, "
        f"cold {_fmt(row.cold_settle_s, '.2f')} s (baseline {_fmt(row.cold_baseline_settle_s, '.2f')} s), "
        f"ws {_fmt(_kb(row.ws_bytes), '.0f')} kB, rerun {_fmt(row.rerun_ms, '.0f')} ms, "
        f"RSS {_fmt(row.peak_rss_mb, '.0f')} MB{', errors' if row.errors else ''}",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
