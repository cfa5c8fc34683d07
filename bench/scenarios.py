"""Per-page specifics of the benchmark and the bad-input tests, as small declarative tables.

Everything else is driven by the page registry (components/registry.py PAGES), so a new page is measured and
tested without an entry here. An entry whose widget is not on the page (yet) is reported as "n/a", never an
error. Keys are widget keys, which double as URL parameter names (components/url_state.py); ``kind`` is the
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
    "corridors": [Change("selectbox", "origin", "NPL"), Change("multiselect", "origin", ["NPL"]),
                  Change("selectbox", "year", 2000), Change("slider", "year", 2000)],
    "remittances": [Change("selectbox", "country", "NPL"), Change("multiselect", "country", ["NPL"]),
                    Change("selectbox", "year", 2015), Change("slider", "year", 2015)],
    "agreements": [Change("selectbox", "origin", "NPL"), Change("multiselect", "origin", ["NPL"]),
                   Change("selectbox", "country", "NPL"), Change("multiselect", "country", ["NPL"])],
    "news": [Change("multiselect", "country", ["NPL"]), Change("selectbox", "country", "NPL"),
             Change("multiselect", "topic", []), Change("text_input", "q", "recruitment")],
    "countries": [Change("selectbox", "country", "NPL")],
}

# Filter settings that nothing matches: the page must say so in a clear st.info, not fail or show an empty
# chart. Applied in order; a page with filters but no entry here is listed as a gap by tests/test_bad_input.py.
EMPTY_RESULT: dict[str, list[Change]] = {
    "news": [Change("text_input", "q", "no such words zzqx")],
}

# Words the "nothing matches" message contains (house style: "No <things> match these filters.").
EMPTY_RESULT_WORDS = ("match",)
