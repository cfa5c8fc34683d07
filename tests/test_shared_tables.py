"""Loaded tables are shared across sessions (st.cache_resource), not copied per call (data/__init__.py's caching
policy): running the pages through their main paths must leave every one of them exactly as loaded."""

import pandas as pd

from data import CORRIDOR_REVISIONS, SCHEMAS, load, load_corridor_years, load_corridors
from tests.test_pages import run_page


def fingerprint(frame: pd.DataFrame) -> tuple:
    return tuple(frame.columns), frame.shape, int(pd.util.hash_pandas_object(frame, index=True).sum())


def shared_corridor_frames() -> dict[str, pd.DataFrame]:
    frames = {name: load(name) for name in SCHEMAS}
    for revision in CORRIDOR_REVISIONS:
        frames[f"revision {revision}"] = load_corridors(revision=revision)
        frames.update({f"revision {revision}, {year}": rows for year, rows in load_corridor_years(revision).items()})
    return frames


def test_pages_leave_the_shared_tables_unchanged():
    before = shared_corridor_frames()
    prints = {name: fingerprint(frame) for name, frame in before.items()}

    corridors = run_page("pages/corridors.py", query={"corridor": "NPL-MYS"})
    corridors.radio(key="view").set_value("immigrants").run()
    corridors.selectbox(key="rev").set_value(2020).run()
    for app in (
        corridors,
        run_page("pages/corridor.py", query={"origin": "NPL", "destination": "MYS"}),
        run_page("pages/countries.py", query={"country": "IND"}),
        run_page("pages/agreements.py"),
        run_page("pages/home.py"),
        run_page("pages/remittances.py", query={"view": "maps"}),
        run_page("pages/remittances.py", query={"view": "cost"}),
        run_page("pages/remittances.py", query={"view": "srilanka"}),
        run_page("pages/news.py", query={"country": "NPL"}),
        run_page("pages/methods.py"),
    ):
        assert not app.exception, [exception.value for exception in app.exception]

    after = shared_corridor_frames()
    assert all(after[name] is before[name] for name in before), "the loaders hand out the one shared copy"
    assert {name: fingerprint(frame) for name, frame in after.items()} == prints
