"""The converted pages in each language (AppTest): no English interface text left, and the language kept in the
link from page to page and through presenter scenes."""

import json
import re

import pytest
from babel.messages.pofile import read_po
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from bench import apptest
from components.i18n import LOCALES_DIR, translator
from components.presenter import SCENES_KEY, Scene
from data import load, load_sources

APP = str(apptest.APP)
# Pages whose own text is converted (the others still show English: README, "Translations").
CONVERTED = [
    "pages/home.py",
    "pages/methods.py",
    "pages/agreements.py",
    "pages/news.py",
    "pages/countries.py",
    "pages/corridors.py",
    "pages/corridor.py",
    "pages/remittances.py",
    "pages/departures.py",
]
TRANSLATED = ["id", "vi", "th"]


def run_page(script: str, *, query: dict | None = None) -> AppTest:
    return apptest.open_page(script, query=query)


def shown_text(app: AppTest) -> str:
    """Every text the run put on the page (labels, values, help), as one string."""
    texts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and not hasattr(node, "children"):
            texts.append(json.dumps(MessageToDict(proto), ensure_ascii=False))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    return "\n".join(texts)


def english_fragments() -> set[str]:
    """The literal text of every English message, split at placeholders and markup, long enough not to be a
    word that data as published (news titles, sources) could also contain."""
    with (LOCALES_DIR / "id" / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        ids = [message.id for message in read_po(po_file) if message.id]
    messages = [text for message_id in ids for text in (message_id if isinstance(message_id, tuple) else (message_id,))]
    fragments = set()
    for message in messages:
        for fragment in re.split(r"\{[^}]*\}|\*\*|`[^`]*`|\*", message):
            if len(fragment.strip()) >= 20:
                fragments.add(fragment.strip())
    # Citations, datasets and publishers (sources table) and news titles and summaries are data as published: they
    # stay in their language ("Guidance on Bilateral labour migration agreements" is a publication's title).
    sources, news = load_sources(), load("news")
    published = " ".join(" ".join(sources[column].astype(str)) for column in ("publisher", "dataset", "citation"))
    published += " ".join(" ".join(news[column].astype(str)) for column in ("title", "summary"))
    return {fragment for fragment in fragments if fragment not in published}


# Shown in English by a section whose owner has not converted it yet (PHASE3 ownership): the Departures section of
# the country profile (components/flows/render.py) writes the labour_outflows measure and a table heading without _().


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("script", CONVERTED)
def test_converted_pages_show_no_english_interface_text(script, language):
    app = run_page(script, query={"lang": language})
    assert not app.exception, [exception.value for exception in app.exception]
    text = shown_text(app)
    left = sorted(fragment for fragment in english_fragments() if fragment in text)
    assert not left, f"English left on {script} in {language}: {left}"
    gettext = translator(language).gettext
    assert app.title[0].value == gettext(app.title[0].value) or app.title[0].value in {
        gettext("Labour migration in Asia and the Pacific"),
        gettext("Data & methods"),
        gettext("Bilateral labour migration agreements"),
        gettext("News and resources"),
        gettext("Country profiles"),
    }
    headings = [heading.value for heading in [*app.header, *app.subheader]]
    english_headings = {"Tables", "15 tables", "Sources", "Caveats", "Agreements", "Pages", "Latest news"}
    assert not english_headings & set(headings), headings


# The converted pages' other views, each in one language (every language covered, few runs).
OTHER_VIEWS = [
    ("pages/remittances.py", {"view": "ranking"}, "id"),
    ("pages/remittances.py", {"view": "maps", "into": "gcc"}, "vi"),
    ("pages/remittances.py", {"view": "cost", "from": "gcc,KOR"}, "th"),
    ("pages/remittances.py", {"view": "srilanka"}, "vi"),
    ("pages/remittances.py", {"countries": "gcc,NPL", "knomad": "True"}, "th"),
    ("pages/departures.py", {"view": "coverage"}, "id"),
    ("pages/departures.py", {"origin": "BGD", "dest": "gcc"}, "th"),
]


@pytest.mark.parametrize(("script", "query", "language"), OTHER_VIEWS)
def test_other_views_of_converted_pages_show_no_english_interface_text(script, query, language):
    app = run_page(script, query={**query, "lang": language})
    assert not app.exception, [exception.value for exception in app.exception]
    text = shown_text(app)
    left = sorted(fragment for fragment in english_fragments() if fragment in text)
    assert not left, f"English left on {script} {query} in {language}: {left}"


def test_home_names_countries_and_numbers_in_the_language():
    thai = run_page("pages/home.py", query={"lang": "th"})
    labels = [metric.label for metric in thai.metric]
    assert any(label.startswith("ประเทศต้นทางที่ใหญ่ที่สุด: อินเดีย") for label in labels), labels
    assert any("ล้าน" in metric.value for metric in thai.metric)
    indonesian = run_page("pages/home.py", query={"lang": "id"})
    assert any(re.fullmatch(r"\d+,\d+\u00a0jt", metric.value) for metric in indonesian.metric)


def test_language_is_kept_in_the_link_from_page_to_page_and_changed_in_the_sidebar():
    app = run_page("pages/home.py", query={"lang": "th"})
    assert app.query_params["lang"] == ["th"] or app.query_params["lang"] == "th"
    assert app.title[0].value == "การย้ายถิ่นเพื่อการทำงานในเอเชียและแปซิฟิก"
    app.switch_page("pages/methods.py").run()
    assert app.title[0].value == "ข้อมูลและวิธีการ"
    assert "th" in str(app.query_params["lang"])
    app.sidebar.selectbox(key="lang").set_value("vi").run()
    assert app.title[0].value == "Dữ liệu & phương pháp" and "vi" in str(app.query_params["lang"])
    app.sidebar.selectbox(key="lang").set_value("en").run()
    assert app.title[0].value == "Data & methods" and "lang" not in app.query_params


def test_unknown_language_falls_back_to_english_with_a_note():
    app = run_page("pages/home.py", query={"lang": "xx"})
    assert not app.exception
    assert app.title[0].value == "Labour migration in Asia and the Pacific"
    assert any("'lang'" in note.value and "'xx'" in note.value for note in app.info)


@pytest.mark.parametrize("scene_query", ["lang=th", ""], ids=["recorded-in-thai", "recorded-in-english"])
def test_presenter_scenes_open_in_their_language_or_the_presenters(scene_query):
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = "th"
    app.run()
    app.session_state[SCENES_KEY] = [Scene("วิธีการ", "methods", scene_query)]
    app.run()
    app.button(key="scene_start").click().run()
    assert not app.exception
    assert app.title[0].value == "ข้อมูลและวิธีการ"
    assert "th" in str(app.query_params["lang"]) and app.query_params["present"] == "1"


def test_a_scene_recorded_in_a_language_keeps_it():
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = "vi"
    app.run()
    app.button(key="scene_add").click().run()
    assert app.session_state[SCENES_KEY][0].query == "lang=vi"


def test_link_notes_and_the_link_keys_are_in_the_language():
    app = run_page("pages/news.py", query={"lang": "th", "topic": "ZZZ"})
    assert not app.exception
    assert any(note.value.startswith("'topic' ในลิงก์มีค่าที่ไม่รู้จัก 'ZZZ'") for note in app.info), [
        note.value for note in app.info
    ]
    assert any(expander.label == "สิ่งที่ลิงก์ระบุได้" for expander in app.expander)


@pytest.mark.parametrize("language", ["id", "th"])
def test_a_download_in_a_language_has_its_about_sheet_dictionary_and_headers_in_it(language):
    """The words of a download follow the session's language; the column codes stay the same in every language."""
    import io
    import zipfile

    import pandas as pd

    from components.downloads import View, column_code, csv_bytes, excel_bytes, package_bytes

    table = load("corridors").head(3)[["orig_iso3", "dest_iso3", "year", "total", "source_id"]]
    sources, gettext = load_sources(), translator(language).gettext
    view = View("t", "m", ["f"], "http://x/corridors", ("corridors",), language)
    workbook = pd.read_excel(io.BytesIO(excel_bytes(table, sources, view)), sheet_name=None, header=None)
    assert list(workbook) == [gettext(sheet) for sheet in ("data", "about", "dictionary", "sources")]
    about = workbook[gettext("about")]
    assert list(about.iloc[0]) == [gettext("item"), gettext("value")]
    assert {gettext("Title"), gettext("Rows"), gettext("Link to this view")} <= set(about.iloc[1:, 0])
    dictionary = workbook[gettext("dictionary")]
    meaning = dictionary.iloc[1:, 3]
    assert list(meaning)[:2] == [gettext("Country or area of origin (birth, or citizenship where type_c = 1)"),
                                 gettext("Country or area of destination")]  # fmt: skip
    english = ["Country or area of origin", "Reference year", "Source of the row", "persons", "(persons)"]
    assert not [text for text in english if any(text in str(cell) for cell in dictionary.to_numpy().ravel())]
    labels = list(workbook[gettext("data")].iloc[0])
    assert [column_code(label) for label in labels] == list(table.columns)
    assert labels[0] == f"{gettext('Origin')} ({gettext('ISO 3166-1 alpha-3 code')}) [orig_iso3]"
    csv = pd.read_csv(io.BytesIO(csv_bytes(table, sources, view)))
    assert list(csv.columns[: len(table.columns)]) == labels
    readme = zipfile.ZipFile(io.BytesIO(package_bytes({"v": table}, sources, view))).read("README.txt").decode()
    assert gettext("Filters applied:") in readme and "Filters applied:" not in readme
    assert gettext("Country or area of destination") in readme
