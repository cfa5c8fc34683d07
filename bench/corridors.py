"""Speed of the corridors page: server-side rerun after a filter change, browser settle time, bytes sent.

    python bench/corridors.py            # AppTest reruns only
    python bench/corridors.py --browser  # and the browser figures (needs Chromium)

Targets (issue 4): rerun <= 100 ms median over 20 filter changes with both revisions loaded; the page settles
within 1.5x of a one-line Streamlit page started the same way; one page view sends <= 1 MB over the websocket.
The machine's load average is printed with the figures: on a shared machine it moves them a lot.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streamlit.runtime.scriptrunner import script_runner  # noqa: E402

from tests.test_pages import run_page  # noqa: E402

PAGE = "pages/corridors.py"
RUNS = 20
# 20 different views, each a single widget change from the one before (no cache can answer a repeat).
CHANGES = [("select_slider", "year", year) for year in (2020, 2015, 2010, 2005, 2000, 1995, 1990)] + [
    ("radio", "sex", "female"),
    ("select_slider", "year", 2024),
    ("radio", "sex", "male"),
    ("multiselect", "dest_area", ["Western Asia"]),
    ("radio", "sex", "total"),
    ("slider", "top", 50),
    ("multiselect", "orig", ["IND", "NPL", "BGD"]),
    ("select_slider", "year", 2010),
    ("radio", "view", "emigrants"),
    ("select_slider", "year", 2015),
    ("radio", "view", "immigrants"),
    ("multiselect", "dest_area", []),
    ("radio", "view", "corridors"),
]


def script_times() -> tuple[list[float], list[float]]:
    """Milliseconds each script run takes inside the server (what AppTest adds around it is left out): wall
    time, and the CPU time of the script's thread, which other processes on a busy machine hardly change."""
    wall, cpu = [], []
    run_script = script_runner.ScriptRunner._run_script

    def timed(self, *args, **kwargs):
        started, started_cpu = time.perf_counter(), time.thread_time()
        try:
            return run_script(self, *args, **kwargs)
        finally:
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)

    script_runner.ScriptRunner._run_script = timed
    return wall, cpu


def bench_reruns() -> None:
    inside, inside_cpu = script_times()
    app = run_page(PAGE)
    app.selectbox(key="rev").set_value(2020).run()  # both revisions loaded and cached
    app.selectbox(key="rev").set_value(2024).run()
    assert not app.exception
    inside.clear()
    inside_cpu.clear()
    outside = []
    for kind, key, value in CHANGES[:RUNS]:
        started = time.perf_counter()
        getattr(app, kind)(key=key).set_value(value).run()
        outside.append((time.perf_counter() - started) * 1000)
        assert not app.exception, (key, value, app.exception)
    print(
        f"rerun after a filter change, median of {len(outside)}: {statistics.median(outside):.0f} ms with AppTest, "
        f"{statistics.median(inside):.0f} ms in the script (min {min(inside):.0f}, max {max(inside):.0f}), "
        f"{statistics.median(inside_cpu):.0f} ms of CPU in the script; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


def bench_browser(loads: int = 3) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS, CHROMIUM_PATH
    from tests.e2e.helpers import wait_for_settled
    from tests.e2e.server import start_streamlit, stop_streamlit

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        one_line = Path(folder) / "one_line.py"
        one_line.write_text('import streamlit as st\nst.write("Hello")\n')
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        results = {}
        for name, script, path in [("one-line page", one_line, "/"), ("corridors", REPO / "app.py", "/corridors")]:
            process, base_url = start_streamlit(script)
            try:
                settles, sent = [], []
                for load in range(loads + 1):  # the first load warms the server's caches and is not counted
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    page = context.new_page()
                    sizes = []
                    page.on(
                        "websocket",
                        lambda socket, sizes=sizes: socket.on(
                            "framereceived", lambda payload: sizes.append(len(payload))
                        ),
                    )
                    page.goto(base_url + path)
                    seconds = wait_for_settled(page, timeout=60_000)
                    if load:
                        settles.append(seconds)
                        sent.append(sum(sizes))
                    context.close()
                results[name] = statistics.median(settles)
                print(
                    f"{name}: settles in {results[name]:.2f} s (median of {loads}), "
                    f"websocket {statistics.median(sent) / 1e6:.3f} MB per view"
                )
            finally:
                stop_streamlit(process)
        browser.close()
    print(
        f"corridors / one-line page: {results['corridors'] / results['one-line page']:.2f}x "
        f"(load average {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also measure settle time and bytes in Chromium")
    arguments = parser.parse_args()
    bench_reruns()
    if arguments.browser:
        bench_browser()
