"""Warm a server process: read every shared table once, in the background, so later first views do not wait.

A fresh server has read nothing and imported little: without warming, the first view of each page pays for
reading and validating its tables (and for importing the libraries it draws with). ``warm()`` starts one
background thread per process that fills the same caches the pages read (``st.cache_data`` and
``st.cache_resource`` are process-wide, so a fill from any thread serves every session) and imports the
modules the caller names. It returns at once; a page that needs a table before the thread has read it reads it
itself, as without warming. Problems are left for the pages to report: a loader that raises is not cached.
``wait_until_warm()`` is for a caller that wants a warm process before it goes on (a readiness probe).

Once warm, what the process holds is frozen out of the garbage collector's sight (``gc.freeze``): Streamlit runs
a full collection after every script run (``runner.postScriptGC``), which walks every object the process holds
(about 190,000 once warm: tables, plotly's and babel's modules) and took about 45 ms of each run, first views
included. What warming made lives as long as the process anyway; objects made later are collected as before.
"""

import gc
import importlib
import importlib.util
import logging
import pkgutil
import threading
from collections.abc import Callable, Iterable
from functools import partial

_LOGGER = logging.getLogger(__name__)
_started = threading.Event()
_finished = threading.Event()
_start_lock = threading.Lock()


def warm(packages: Iterable[str] = ()) -> bool:
    """Start warming this process (once: later calls do nothing); also import every module of ``packages``
    (after the tables). True if this call started it."""
    with _start_lock:
        if _started.is_set():
            return False
        _started.set()
    threading.Thread(
        target=_warm_in_background, args=(tuple(packages),), name="warm-shared-tables", daemon=True
    ).start()
    return True


def disable() -> None:
    """Never warm this process: for the test process, where AppTest runs app.py and tests watch which tables
    each page reads (a background reader would read them all)."""
    with _start_lock:
        _started.set()
        _finished.set()


def wait_until_warm(timeout: float) -> bool:
    """Wait until the warming started by ``warm()`` has finished (at once if none was started); False if it
    had not within ``timeout`` seconds."""
    return _finished.wait(timeout) if _started.is_set() else True


def _warm_in_background(packages: tuple[str, ...]) -> None:
    try:
        warm_now(packages)
        gc.collect()  # what warming left as garbage goes now, not frozen with the rest
        gc.freeze()
    finally:
        _finished.set()


def warm_now(packages: Iterable[str] = ()) -> list[str]:
    """Read every shared table and import ``packages``' modules, in this thread; return what failed."""
    failures = []
    for name, step in [*_table_loads(), *_imports(packages)]:
        try:
            step()
        except Exception as error:  # noqa: BLE001 - the page that needs it reports it; warming goes on
            failures.append(f"{name}: {error}")
    if failures:
        _LOGGER.info("Warming left %d step(s) to the pages: %s", len(failures), "; ".join(failures))
    return failures


def _table_loads() -> list[tuple[str, Callable[[], object]]]:
    import data  # here, not at the top: this module is imported by app.py, data by the thread

    # Every table in the catalog, so a table added later is warmed too (the corridors table by revision, below).
    loads = [(f"load({name!r})", partial(data.load, name)) for name in data.SCHEMAS if name != "corridors"]
    loads.append(("load_country_shapes()", data.load_country_shapes))
    # The latest revision, as the pages show by default (one read keeps both; the older one's split by year is
    # made when someone asks for it, not held by every replica in advance).
    latest = data.CORRIDOR_REVISIONS[0]
    loads += [
        (f"load_corridors({latest})", lambda: data.load_corridors(latest)),
        (f"load_corridor_years({latest})", lambda: data.load_corridor_years(latest)),
    ]
    return loads + [
        ("load_regional_corridors()", data.load_regional_corridors),
        ("load_corridor_gaps()", data.load_corridor_gaps),
    ]


def _imports(packages: Iterable[str]) -> list[tuple[str, Callable[[], object]]]:
    steps = []
    for package_name in packages:
        spec = importlib.util.find_spec(package_name)
        modules = (
            [
                module.name
                for module in pkgutil.walk_packages(spec.submodule_search_locations or [], prefix=f"{package_name}.")
            ]
            if spec
            else []
        )
        steps += [
            (f"import {module}", lambda module=module: importlib.import_module(module))
            for module in [package_name, *modules]
        ]
    return steps
