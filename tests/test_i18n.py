"""The interface in Bahasa Indonesia, Tiếng Việt and ภาษาไทย: catalogs complete and consistent with the glossary,
and names, numbers and dates from CLDR per locale."""

import csv
import datetime
import re
import threading

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from components import i18n
from components.formatting import compact_number, exact_number, full_date, month_year, percent
from components.i18n import LANGUAGES, LOCALES_DIR, country_name, placeholders, region_name, translator
from components.registry import PAGES

REPO = LOCALES_DIR.parent

TRANSLATED = [language for language in LANGUAGES if language != "en"]
# Names of datasets and publications stay as published, glossary words in them included.
PUBLISHED_NAMES = ("Remittance Prices Worldwide",)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages the code marks today, extracted as a translator would (babel.cfg)."""
    template = tmp_path_factory.mktemp("pot") / "messages.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(REPO / "babel.cfg"), "-o", str(template), "--no-location", str(REPO)]
    )
    with template.open("rb") as template_file:
        return read_po(template_file)


def catalog(language: str):
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        return read_po(po_file, locale=language)


def message_ids(messages) -> set:
    return {message.id for message in messages if message.id}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_code_is_in_the_catalog_and_no_other(extracted, language):
    in_code, in_catalog = message_ids(extracted), message_ids(catalog(language))
    assert not in_code - in_catalog, f"not in {language}'s catalog (run pybabel update): {in_code - in_catalog}"
    assert not in_catalog - in_code, (
        f"{language}'s catalog has messages the code no longer uses: {in_catalog - in_code}"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_not_fuzzy_and_keeps_its_placeholders(language):
    messages = [message for message in catalog(language) if message.id]
    assert len(messages) > 50
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert "fuzzy" not in message.flags, message.id
        assert all(string.strip() for string in strings), f"{language}: untranslated {message.id!r}"
        wanted = set().union(*(placeholders(text) for text in ids))
        for string in strings:
            assert placeholders(string) == wanted, f"{language}: {message.id!r} -> {string!r}"
            assert string.count("**") == ids[0].count("**"), f"{language}: bold markers in {message.id!r}"
            assert set(re.findall(r"`[^`]*`", string)) == set(re.findall(r"`[^`]*`", ids[0])), message.id


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_are_the_languages_own(language):
    # Indonesian, Vietnamese and Thai do not inflect nouns for number: one form (CLDR plural rules).
    messages = catalog(language)
    assert messages.num_plurals == 1
    plurals = [message for message in messages if message.pluralizable]
    assert plurals and all(len(message.string) == 1 for message in plurals)


def glossary() -> list[dict]:
    with (LOCALES_DIR / "glossary.csv").open(encoding="utf-8") as glossary_file:
        return list(csv.DictReader(glossary_file))


def test_the_glossary_names_every_key_term_of_the_issue_in_every_language():
    terms = {row["term"] for row in glossary()}
    for term in ["migrant stock", "flow", "departures", "placements", "remittances", "modelled estimate", "reported",
                 "revision", "corridor", "origin", "destination", "memorandum of understanding"]:  # fmt: skip
        assert term in terms
    for row in glossary():
        assert all(row[language].strip() for language in LANGUAGES), row["term"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_glossary_term_is_translated_the_same_way_wherever_it_appears(language):
    """Where a message says a key term in English, its translation uses the glossary's word for it. A term inside
    a longer one ('migrant' in 'migrant worker', 'migrant stock') follows the longer term's entry."""
    rows = sorted(glossary(), key=lambda row: -len(row["en"]))
    patterns = [(row, re.compile(rf"\b{re.escape(row['en'])}(s|es)?\b", re.IGNORECASE)) for row in rows]
    inconsistent = []
    for message in catalog(language):
        if not message.id or not isinstance(message.id, str):
            continue
        english_text = message.id
        for name in PUBLISHED_NAMES:
            english_text = english_text.replace(name, "")
        covered: list[range] = []
        for row, english in patterns:
            for match in english.finditer(english_text):
                if any(match.start() in span for span in covered):
                    continue
                covered.append(range(match.start(), match.end()))
                if row[language].lower() not in message.string.lower():
                    inconsistent.append(f"{row['term']!r} -> {row[language]!r} missing in {message.string!r}")
    assert not inconsistent, "\n".join(inconsistent)


def test_english_is_the_source_and_an_unknown_language_falls_back_to_it():
    assert translator("en").gettext("Corridors") == "Corridors"
    assert translator("xx").gettext("Corridors") == "Corridors"
    assert translator("id").gettext("Corridors") == "Koridor"
    assert translator("th").gettext("Remittances") == "เงินส่งกลับ"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_page_title_and_summary_is_translated(language):
    """A page added to the registry without N_() would show its English title in every language's navigation."""
    gettext = translator(language).gettext
    for page in PAGES:
        assert gettext(page.title) != page.title and gettext(page.summary) != page.summary, page.url_path


@pytest.mark.parametrize(("language", "one", "many"), [("en", "1 table", "15 tables"), ("th", "1 ตาราง", "15 ตาราง")])
def test_plural_messages_take_the_languages_form(language, one, many):
    plural = translator(language).ngettext
    assert plural("{count} table", "{count} tables", 1).format(count=1) == one
    assert plural("{count} table", "{count} tables", 15).format(count=15) == many


def test_outside_a_streamlit_run_text_is_english():
    assert i18n.current_language() == "en" and i18n._("Corridors") == "Corridors"
    assert i18n._("International migrants, {year}", year=2024) == "International migrants, 2024"


def test_translations_are_per_thread_never_installed_globally():
    """Two sessions' runs at once each get their own language (each asks its translator, nothing is global)."""
    results = {}

    def run(language):
        results[language] = [translator(language).gettext("Overview") for _ in range(200)]

    threads = [threading.Thread(target=run, args=(language,)) for language in LANGUAGES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {language: set(texts) for language, texts in results.items()} == {
        "en": {"Overview"},
        "id": {"Ikhtisar"},
        "vi": {"Tổng quan"},
        "th": {"ภาพรวม"},
    }


@pytest.mark.parametrize(
    ("locale", "compact", "large", "exact", "share"),
    [
        ("en", "3.47 M", "119.5 bn", "1,848,270", "29.8%"),
        ("id", "3,47\u00a0jt", "120\u00a0M", "1.848.270", "29,8%"),
        ("vi", "3,47\u00a0Tr", "120\u00a0T", "1.848.270", "29,8%"),
        ("th", "3.47 ล้าน", "1.2 แสนล้าน", "1,848,270", "29.8%"),
    ],
)
def test_numbers_follow_the_locale(locale, compact, large, exact, share):
    """CLDR keeps number and unit together with a no-break space where the language writes one."""
    assert compact_number(3_471_300, locale=locale) == compact
    assert compact_number(119_530_000_000, locale=locale) == large
    assert exact_number(1_848_270, locale=locale) == exact
    assert percent(29.8, locale=locale) == share
    assert compact_number(999, locale=locale) == "999"


def test_missing_numbers_say_no_data_in_english_outside_a_run():
    assert compact_number(None) == exact_number(float("nan")) == percent(None) == "no data"


@pytest.mark.parametrize(
    ("locale", "month", "day"),
    [
        ("en", "May 2024", "May 17, 2024"),
        ("id", "Mei 2024", "17 Mei 2024"),
        ("vi", "tháng 5 năm 2024", "17 tháng 5, 2024"),
        ("th", "พฤษภาคม 2024", "17 พฤษภาคม ค.ศ. 2024"),
    ],
)
def test_dates_name_the_month_in_the_language(locale, month, day):
    assert month_year(datetime.date(2024, 5, 1), locale=locale) == month
    assert full_date(datetime.date(2024, 5, 17), locale=locale) == day


@pytest.mark.parametrize(
    ("language", "nepal", "south_eastern_asia"),
    [("en", "Nepal", "South-eastern Asia"), ("id", "Nepal", "Asia Tenggara"), ("vi", "Nepal", "Đông Nam Á"),
     ("th", "เนปาล", "เอเชียตะวันออกเฉียงใต้")],
)  # fmt: skip
def test_country_and_region_names_come_from_cldr(language, nepal, south_eastern_asia):
    assert country_name("NPL", "Nepal", language=language) == nepal
    assert region_name("South-eastern Asia", language=language) == south_eastern_asia


def test_names_cldr_does_not_have_stay_english(names):
    # UN DESA's own areas have no ISO code; every other country of the table has a CLDR name in Thai.
    assert country_name("OOS", names["OOS"], language="th") == names["OOS"]
    assert country_name("XKX", "Kosovo", language="th") == "โคโซโว"
    thai = {iso3: country_name(iso3, name, language="th") for iso3, name in names.items()}
    untranslated = {iso3 for iso3, name in thai.items() if name == names[iso3]}
    assert untranslated <= {"AB9", "ANT", "OOO", "OOS", "STL", "TIB", "XCX"}, untranslated
    assert region_name("Atlantis", language="vi") == "Atlantis"
