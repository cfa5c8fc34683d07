"""Server memory after many distinct filter combinations: does the cache grow with what users try?

Method: in one process (as one Streamlit server holds every session's caches), open the corridors, remittances
and agreements pages with AppTest, then make 200 distinct filter combinations (corridors: year x sex x view;
remittances ranking: year x measure; agreements: signing periods), one rerun each. Resident memory (VmRSS) is
read after the pages first opened and after the 200 combinations, following a garbage collection.

    python -m bench.memory            # prints the two figures and the growth
"""

import gc
import itertools
import logging
import time
from pathlib import Path

from bench import apptest

COMBINATIONS = 200


def rss_mb() -> float:
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def combinations():
    """(page, {widget key: value}) for 200 distinct views, in a fixed order."""
    corridors = itertools.product(
        [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024],
        ["total", "female", "male"],
        ["corridors", "emigrants", "immigrants"],
    )
    for year, sex, view in corridors:  # 72
        yield "pages/corridors.py", {"year": year, "sex": sex, "view": view}
    for year, measure in itertools.product(range(1990, 2024), ["usd", "pct_gdp", "per_capita"]):  # 102
        yield "pages/remittances.py", {"year": year, "measure": measure}
    for start in range(1990, 2016):  # 26
        yield "pages/agreements.py", {"period": (start, 2025)}


def set_widgets(app, values: dict) -> None:
    for key, value in values.items():
        widget = next(widget for widget in apptest.widgets(app) if widget.key == key)
        if widget.type == "slider" and isinstance(value, tuple):
            low, high = widget.proto.min, widget.proto.max
            value = (max(value[0], int(low)), min(value[1], int(high)))
        widget.set_value(value)
    app.run()


def main() -> None:
    logging.disable(logging.WARNING)
    with apptest.one_component_scan():
        apps = {
            "pages/corridors.py": apptest.open_page("pages/corridors.py"),
            "pages/remittances.py": apptest.open_page("pages/remittances.py", query={"view": "ranking"}),
            "pages/agreements.py": apptest.open_page("pages/agreements.py"),
        }
        opened = rss_mb()
        started = time.perf_counter()
        made = 0
        for script, values in itertools.islice(combinations(), COMBINATIONS):
            set_widgets(apps[script], values)
            assert not apps[script].exception, apptest.exceptions(apps[script])
            made += 1
        after = rss_mb()
    print(f"RSS after opening the pages: {opened:.0f} MB")
    print(
        f"RSS after {made} distinct filter combinations: {after:.0f} MB (+{after - opened:.0f} MB, "
        f"{time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
