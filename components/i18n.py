"""The interface language: gettext catalogs per session, and names and numbers from CLDR (``babel``).

Catalogs are ``locales/<lang>/LC_MESSAGES/messages.po`` (template ``locales/messages.pot``, extracted with
``pybabel extract``; README, "Translations"). They are compiled in memory the first time a language is used in
the server process (``babel.messages.mofile.write_mo``), so no compiled ``.mo`` file is committed or can go stale.

Streamlit runs each session's script in a thread of its own, so gettext is never installed globally:
``_()`` and ``ngettext()`` look up the language of the session whose run (or fragment rerun) is calling them,
which app.py records in ``st.session_state`` at the start of every run. Outside a Streamlit run (unit tests, the
table build) and before app.py has chosen, the interface is English. ``translator(lang)`` gives one
language's catalog for code that is told the language explicitly.
"""

import gettext
import io
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pycountry
import streamlit as st
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
DEFAULT_LANGUAGE = "en"
# Each language under its own name, so someone who reads no English finds theirs. Adding a language: a
# catalog under locales/ and a line here.
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia", "vi": "Tiếng Việt", "th": "ภาษาไทย"}
# CLDR locales for names and numbers.
LOCALES = {"en": "en", "id": "id", "vi": "vi", "th": "th"}
LANGUAGE_STATE_KEY = "_interface_language"


def N_(message: str) -> str:  # gettext's conventional name
    """Mark a string for extraction where it is defined (declarations, constants); ``_()`` it where shown."""
    return message


@cache
def translator(language: str) -> gettext.NullTranslations:
    """One language's catalog, compiled in memory once per process; English (and anything unknown) is the source."""
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def current_language() -> str:
    """The language of the session running now (English outside a Streamlit run)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return DEFAULT_LANGUAGE
    language = st.session_state.get(LANGUAGE_STATE_KEY, DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Called by app.py at the start of every run, before any text is written."""
    st.session_state[LANGUAGE_STATE_KEY] = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_locale() -> str:
    return LOCALES[current_language()]


def _(message: str, **values) -> str:
    """``message`` in the session's language; named placeholders (``{name}``) are filled after translating,
    so each language puts them where its word order needs them."""
    translated = translator(current_language()).gettext(message)
    return translated.format(**values) if values else translated


def ngettext(singular: str, plural: str, count: int, **values) -> str:
    """The plural form the language needs for ``count`` (Indonesian, Vietnamese and Thai have one form);
    ``{count}`` and other named placeholders are filled after translating."""
    translated = translator(current_language()).ngettext(singular, plural, count)
    return translated.format(count=count, **values)


def placeholders(message: str) -> set[str]:
    """The named placeholders of a message: a translation must keep exactly these."""
    return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}


# --- names from CLDR ------------------------------------------------------------------------------------
# UN M49 codes of the regions and subregions the countries table names; CLDR names territories by them.
M49_REGIONS = {
    "Africa": "002",
    "Americas": "019",
    "Asia": "142",
    "Europe": "150",
    "Oceania": "009",
    "Australia and New Zealand": "053",
    "Caribbean": "029",
    "Central America": "013",
    "Central Asia": "143",
    "Eastern Africa": "014",
    "Eastern Asia": "030",
    "Eastern Europe": "151",
    "Latin America and the Caribbean": "419",
    "Melanesia": "054",
    "Micronesia": "057",
    "Middle Africa": "017",
    "Northern Africa": "015",
    "Northern America": "021",
    "Northern Europe": "154",
    "Polynesia": "061",
    "South America": "005",
    "South-eastern Asia": "035",
    "Southern Africa": "018",
    "Southern Asia": "034",
    "Southern Europe": "039",
    "Sub-Saharan Africa": "202",
    "Western Africa": "011",
    "Western Asia": "145",
    "Western Europe": "155",
}


@cache
def _territories(language: str) -> dict[str, str]:
    return dict(Locale.parse(LOCALES[language]).territories)


# Codes in use that ISO 3166 has not assigned but CLDR names.
_USER_ASSIGNED_ALPHA2 = {"XKX": "XK"}


@cache
def _alpha2(iso3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country is not None else _USER_ASSIGNED_ALPHA2.get(iso3)


def country_name(iso3: str, english: str, *, language: str | None = None) -> str:
    """The country's CLDR name in the language; the English name (the countries table's) where CLDR has none
    (UN DESA's own areas such as 'Other South' have no ISO code) and in English, so the data's names stay."""
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return english
    alpha2 = _alpha2(iso3)
    return _territories(language).get(alpha2, english) if alpha2 else english


def country_names_in(names: Mapping[str, str], *, language: str | None = None) -> dict[str, str]:
    """ISO3 -> name in the language, for a whole ``data.country_names()`` mapping."""
    language = language or current_language()
    return {iso3: country_name(iso3, english, language=language) for iso3, english in names.items()}


def region_name(english: str, *, language: str | None = None) -> str:
    """A UN region or subregion in the language (CLDR, by its M49 code); English where CLDR has none."""
    language = language or current_language()
    code = M49_REGIONS.get(english)
    if language == DEFAULT_LANGUAGE or code is None:
        return english
    return _territories(language).get(code, english)
