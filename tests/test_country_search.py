"""Issue 15, point 5: a country search in the shared sidebar, on every page, opens the country's profile."""

import pytest

from components.registry import PAGES
from components.sidebar import SEARCH_KEY
from tests.test_pages import run_page


@pytest.mark.parametrize("script", ["pages/home.py", "pages/corridors.py", "pages/countries.py"])
def test_choosing_a_country_opens_its_profile(script):
    app = run_page(script)
    search = app.selectbox(key=SEARCH_KEY)
    assert search.label == "Find a country" and search.value is None and "Nepal" in search.options
    search.set_value("NPL").run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert app.title[0].value == "Country profiles" and app.header[0].value == "Nepal"
    assert app.query_params.get("country") == "NPL" or app.selectbox(key="country").value == "NPL"
    assert app.selectbox(key=SEARCH_KEY).value is None, "the box is ready for the next search"


def test_every_page_has_the_search():
    for page in PAGES:
        app = run_page(page.script)
        assert app.selectbox(key=SEARCH_KEY).label == "Find a country", page.script
