"""The sidebar every page shares: the interface language, a country search leading to the country's profile, what
the dashboard is and how to read its figures."""

import streamlit as st

from components import filters
from components.i18n import LANGUAGES, N_, _, country_name, current_language
from data import country_choices, country_names
from data.filters.frame import LANG
from data.problems import DataProblem

BOUNDARIES_DISCLAIMER = N_(
    "Boundaries and names shown on maps (Natural Earth, de facto boundaries) do not imply official "
    "endorsement or acceptance by the United Nations, the ILO or IOM."
)


SEARCH_KEY = "country_search"
_TARGET_KEY = "_country_search_target"
PROFILE_PAGE = "pages/countries.py"


def _take_search() -> None:
    """The chosen country becomes the profile's country; the box empties so it is ready for the next search."""
    code = st.session_state.get(SEARCH_KEY)
    if code:
        st.session_state[_TARGET_KEY] = code
        st.session_state["country"] = code  # the profile's own filter, when the search is made on that page
        st.session_state[SEARCH_KEY] = None


def search_name(code: str, english: str, language: str) -> str:
    """A country as the search box lists it: its name in the interface language with the English name beside it
    (the box matches what it lists, so either name finds it): 'เนปาล (Nepal)'; the English name alone in English."""
    local = country_name(code, english, language=language)
    return local if local == english else f"{local} ({english})"


def render_country_search() -> None:
    """A type-ahead box of the countries and areas with a profile (Asia and the Pacific); choosing one opens it."""
    try:
        codes, names = country_choices(asia_pacific=True), country_names()
    except DataProblem:
        return  # the pages that need the countries table say what is wrong with it
    language = current_language()  # fixed here: Streamlit may format the options outside this run
    st.selectbox(
        _("Find a country"),
        codes,
        index=None,
        key=SEARCH_KEY,
        format_func=lambda code: search_name(code, names[code], language),
        placeholder=_("Type a name, e.g. {country}", country=search_name("NPL", names.get("NPL", "Nepal"), language)),
        on_change=_take_search,
        help=_(
            "Opens the country's profile (Asia and the Pacific): migrants abroad and at home, partners, "
            "remittances, agreements, news, and a printable brief. Type the name in this language or in English."
        ),
    )
    target = st.session_state.pop(_TARGET_KEY, None)
    if target:
        st.switch_page(PROFILE_PAGE, query_params={"country": target})


def render_sidebar() -> None:
    with st.sidebar:
        filters.show(LANG, options=list(LANGUAGES), format_func=LANGUAGES.get, container=st.sidebar)
        render_country_search()
        st.caption(
            _(
                "Labour migration in and from Asia and the Pacific, from published datasets. Every figure names "
                "its source, edition and licence; missing values show as *no data*, never as a guess. "
                "Works offline."
            )
        )
        st.caption(_(BOUNDARIES_DISCLAIMER))
