"""Per-page specifics of the benchmark and the bad-input tests, as small declarative tables.

Everything else is driven by the page registry (components/registry.py PAGES), so a new page is measured and
tested without an entry here. An entry whose widget is not on the page (yet) is reported as "n/a", never an
error. Keys are widget keys, which double as URL parameter names (components/filters.py); ``kind`` is the
widget type as AppTest names it (selectbox, multiselect, slider, radio, ...); ``value`` is the widget's value
(not its label), as a user picks it.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    kind: str
    key: str
    value: Any


# The filter change a user typically makes on each page, timed by the rerun benchmark and made by the load
# test. The first change whose widget is on the page is used; a page without one gets an automatic change of
# its first filter widget (bench/apptest.py).
TYPICAL_CHANGE: dict[str, list[Change]] = {
    "corridors": [Change("multiselect", "orig", ["NPL"]), Change("select_slider", "year", 2000)],
    "remittances": [Change("multiselect", "countries", ["NPL", "LKA"]), Change("radio", "measure", "pct_gdp")],
    "agreements": [Change("multiselect", "country", ["NPL"]), Change("radio", "role", "origin")],
    "news": [Change("multiselect", "country", ["NPL"]), Change("text_input", "q", "recruitment")],
    "countries": [Change("selectbox", "country", "NPL")],
    "corridor": [Change("selectbox", "destination", "SAU")],
    "departures": [Change("selectbox", "origin", "IDN"), Change("selectbox", "period", "2024")],
}

# Filter settings that nothing matches, applied in order (a widget may appear only after an earlier change):
# the page must say so in an st.info starting "No " (house style: "No <things> match these filters."), not fail
# or draw an empty chart. A page with filters but no entry here fails tests/test_bad_input.py.
EMPTY_RESULT: dict[str, list[Change]] = {
    "corridors": [
        Change("multiselect", "orig_area", []),
        Change("multiselect", "orig", ["TUV"]),
        Change("radio", "size", "minimum"),
        Change("selectbox", "min", 1_000_000),
    ],
    "remittances": [Change("multiselect", "countries", [])],
    "agreements": [Change("multiselect", "country", ["NPL"]), Change("radio", "role", "destination")],
    "news": [Change("text_input", "q", "no such words zzqx")],
    "countries": [Change("selectbox", "country", "PCN")],  # Pitcairn: no UN DESA figures in either role
    "corridor": [Change("selectbox", "origin", "TLS"), Change("selectbox", "destination", "MNG")],  # no data at all
    "departures": [Change("selectbox", "origin", "THA")],  # Thailand: a national total only, nothing by destination
}
EMPTY_RESULT_PREFIX = "No "
