"""Filters never move on their own (issue 12, item 2).

On a busy server a quick click cuts a rerun short; the browser can then rebuild a widget from its element,
whose *default* it shows until told otherwise. When the value reached the widget only through
``st.session_state`` (the old ``url_state`` seeding), that default was Streamlit's own: the first option,
the minimum, nothing. The next click sent those back as the user's choice, and the corridors page ended on
``view=immigrants&orig_area=&year=1990&top=1``. Now every filter passes its current value (the user's, else
the link's, else the page's default) as the element's default, so a rebuilt widget shows the same value.
"""

import pytest

from bench import apptest
from components.registry import PAGES

# One link per page whose values differ from both the page's defaults and Streamlit's own.
LINKS = {
    "pages/corridors.py": {"orig_area": "Southern Asia", "year": "2010", "top": "5", "sex": "female", "rev": "2020"},
    "pages/corridor.py": {"origin": "NPL", "destination": "MYS", "rev": "2020"},
    "pages/countries.py": {"country": "NPL", "rev": "2020"},
    "pages/agreements.py": {"country": "PHL", "role": "origin", "period": "2000-2015"},
    "pages/news.py": {"country": "NPL", "colour": "kind", "years": "2015-2024", "q": "fee"},
    "pages/remittances.py": {"view": "trend", "countries": "NPL,BGD", "log": "true", "measure": "gdp"},
}


def element_default(widget):
    """What a browser that rebuilds this widget from its element shows, in the widget's own terms."""
    default = widget.proto.default
    if widget.type in ("selectbox", "radio"):
        return widget.options[default] if widget.options else None
    if widget.type == "multiselect":
        return [widget.options[index] for index in default]
    if widget.type == "select_slider":
        return [widget.options[int(index)] for index in default]
    if widget.type == "slider":
        return list(default)
    return default


def shown(widget):
    if widget.type == "selectbox":  # a None option (e.g. no corridor) has no index but a label
        return str(widget.format_func(widget.value))
    if widget.type == "radio":
        return widget.options[widget.index]
    if widget.type == "multiselect":
        return [widget.options[index] for index in widget.indices]
    if widget.type == "select_slider":  # options without a format_func on every page
        value = widget.value
        return [str(end) for end in (value if isinstance(value, (tuple, list)) else [value])]
    if widget.type == "slider":
        value = widget.value
        return [float(end) for end in (value if isinstance(value, (tuple, list)) else [value])]
    return widget.value


def filter_widgets(app):
    kinds = (*apptest.FILTER_KINDS, "toggle", "text_input")
    return [widget for widget in apptest.widgets(app, include_sidebar=False) if widget.key and widget.type in kinds]


@pytest.mark.parametrize("page", [page for page in PAGES if page.script in LINKS], ids=lambda page: page.url_path)
def test_a_rebuilt_widget_shows_the_links_value_not_streamlits_default(page):
    app = apptest.open_page(page.script, query=LINKS[page.script])
    assert not app.exception, apptest.exceptions(app)
    widgets = filter_widgets(app)
    assert widgets
    for widget in widgets:
        assert element_default(widget) == shown(widget), f"{page.url_path}: '{widget.key}' would jump when rebuilt"


def test_corridors_filters_stay_put_when_the_browser_rebuilds_them_mid_click():
    """The failure as seen: the view radio clicked while the browser rebuilt the other widgets."""
    link = LINKS["pages/corridors.py"]
    app = apptest.open_page("pages/corridors.py", query=link)
    year, top = app.select_slider(key="year"), app.slider(key="top")
    year.set_value(int(element_default(year)[0]))
    top.set_value(int(element_default(top)[0]))
    app.radio(key="view").set_value("immigrants").run()
    assert not app.exception, apptest.exceptions(app)
    assert app.select_slider(key="year").value == 2010 and app.slider(key="top").value == 5
    assert app.multiselect(key="orig_area").value == ["Southern Asia"]
    assert app.radio(key="sex").value == "female" and app.selectbox(key="rev").value == 2020
    assert dict(app.query_params) == {**link, "view": "immigrants"}
