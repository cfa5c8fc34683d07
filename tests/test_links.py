"""Links keep working: today's links open the same view, and the link docs follow the filter declarations."""

from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from bench import apptest
from data.filters import agreements as agreement_filters
from data.filters import corridors, departures, link_table, news, profiles, remittances

README = Path(__file__).resolve().parents[1] / "README.md"

# Per page: its declared filters, and keys read by something other than a filter (a picker, a detail).
DECLARED = {
    "pages/corridors.py": (corridors.FILTERS, [corridors.CORRIDOR_LINK]),
    "pages/corridor.py": (profiles.CORRIDOR_FILTERS, []),
    "pages/countries.py": (profiles.COUNTRY_FILTERS, []),
    "pages/agreements.py": (agreement_filters.FILTERS, [agreement_filters.AGREEMENT_LINK]),
    "pages/news.py": (news.FILTERS, []),
    "pages/remittances.py": (remittances.FILTERS, []),
    "pages/departures.py": (departures.FILTERS, []),
}

# Links given out before the filters were declared (README, the pages' link tables, links between pages), with
# the view each opened then: widget key -> value.
TODAYS_LINKS = [
    (
        "pages/corridors.py",
        "orig=NPL&dest_area=Western%20Asia&year=2020",
        {"orig": ["NPL"], "dest_area": ["Western Asia"], "year": 2020, "orig_area": ["Asia"]},
    ),
    ("pages/corridors.py", "corridor=NPL-MYS", {"corridor": "NPL-MYS", "view": "corridors"}),
    ("pages/corridors.py", "view=emigrants", {"view": "emigrants"}),
    ("pages/corridors.py", "rev=2020", {"rev": 2020, "year": 2020}),
    ("pages/corridors.py", "year=2010", {"year": 2010}),
    ("pages/corridors.py", "sex=female", {"sex": "female"}),
    ("pages/corridors.py", "orig=NPL,BGD", {"orig": ["NPL", "BGD"]}),
    ("pages/corridors.py", "dest_area=Western Asia", {"dest_area": ["Western Asia"]}),
    ("pages/corridors.py", "size=minimum", {"size": "minimum", "min": 100_000}),
    ("pages/corridors.py", "top=50", {"top": 50}),
    (
        "pages/corridors.py",
        "sex=female&dest_area=Western%20Asia&top=40&year=2015",
        {"sex": "female", "dest_area": ["Western Asia"], "top": 40, "year": 2015},
    ),
    ("pages/corridors.py", "orig=IND&dest=ARE&orig_area=", {"orig": ["IND"], "dest": ["ARE"], "orig_area": []}),
    ("pages/corridor.py", "origin=NPL&destination=MYS", {"origin": "NPL", "destination": "MYS", "rev": 2024}),
    ("pages/corridor.py", "origin=NPL&destination=MYS&rev=2020", {"origin": "NPL", "destination": "MYS", "rev": 2020}),
    ("pages/countries.py", "country=LKA&rev=2020", {"country": "LKA", "rev": 2020}),
    ("pages/news.py", "country=NPL,QAT", {"country": ["NPL", "QAT"]}),
    ("pages/news.py", "country=NPL", {"country": ["NPL"]}),
    ("pages/news.py", "years=2015-2020&colour=kind", {"years": (2015, 2020), "colour": "kind"}),
    ("pages/news.py", "q=recruitment", {"q": "recruitment"}),
    (
        "pages/agreements.py",
        "country=PHL&role=origin&period=2000-2015",
        {"country": ["PHL"], "role": "origin", "period": (2000, 2015)},
    ),
    (
        "pages/remittances.py",
        "view=trend&countries=NPL,BGD&log=True&measure=pct_gdp",
        {"countries": ["NPL", "BGD"], "log": True, "measure": "pct_gdp"},
    ),
    ("pages/remittances.py", "view=ranking&year=2015&brm=2017", {"year": 2015, "brm": 2017}),
    ("pages/remittances.py", "view=cost&to=NPL&from=MYS", {"to": "NPL", "from": ["MYS"]}),
    ("pages/remittances.py", "view=srilanka&dep_year=2022", {"dep_year": 2022}),
]


def open_link(script: str, query: str):
    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        params[key] = value
    return apptest.open_page(script, query=params)


def widget_value(app, key: str):
    widget = next(widget for widget in apptest.widgets(app, include_sidebar=False) if widget.key == key)
    value = widget.value
    return tuple(value) if isinstance(value, tuple) else value


@pytest.mark.parametrize(
    ("script", "query", "expected"), TODAYS_LINKS, ids=[f"{s[6:-3]}?{q}" for s, q, _ in TODAYS_LINKS]
)
def test_todays_link_opens_the_same_view(script, query, expected):
    app = open_link(script, query)
    assert not app.exception, apptest.exceptions(app)
    assert not [note for note in apptest.messages(app) if "link" in note], apptest.messages(app)
    assert {key: widget_value(app, key) for key in expected} == expected


EXAMPLES = [(script, spec) for script, (filters, _) in DECLARED.items() for spec in filters]


@pytest.mark.parametrize(("script", "spec"), EXAMPLES, ids=[f"{s[6:-3]}:{spec.key}" for s, spec in EXAMPLES])
def test_each_declared_example_is_read_without_a_note(script, spec):
    """The link tables' examples are real: each opens its page with that filter changed and no note."""
    query = spec.example + ("&view=ranking" if script == "pages/remittances.py" and spec.key == "year" else "")
    query += "&view=cost" if script == "pages/remittances.py" and spec.key in ("to", "from") else ""
    query += "&view=srilanka" if script == "pages/remittances.py" and spec.key == "dep_year" else ""
    query += "&view=maps" if script == "pages/remittances.py" and spec.key == "into" else ""
    query += "&size=minimum" if spec.key == "min" else ""
    app = open_link(script, query)
    assert not app.exception, apptest.exceptions(app)
    assert not [note for note in apptest.messages(app) if "link" in note], apptest.messages(app)
    key, _, value = spec.example.partition("=")
    assert str(app.query_params.get(key)) == value.replace("%20", " "), "the example is kept in the link as written"


@pytest.mark.parametrize("script", DECLARED, ids=[script[6:-3] for script in DECLARED])
def test_readme_lists_each_pages_link_keys_as_declared(script):
    filters, extra = DECLARED[script]
    table = link_table(filters, extra=extra)
    assert table in README.read_text(encoding="utf-8"), f"README's link keys for {script} should read:\n{table}"


@pytest.mark.parametrize("script", DECLARED, ids=[script[6:-3] for script in DECLARED])
def test_each_page_shows_its_declared_link_keys(script):
    filters, extra = DECLARED[script]
    app = apptest.open_page(script)
    shown = " ".join(block.value for block in app.markdown)
    assert link_table(filters, extra=extra) in shown
