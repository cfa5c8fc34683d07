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
from data import CATALOG, load_sources

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
    # The data catalog's descriptions (data/catalog.py) are not translated yet (README, "Translations").
    catalog_text = " ".join(
        " ".join([spec.title, spec.description, spec.measure, *spec.columns.values()]) for spec in CATALOG.values()
    )
    # Citations, datasets and publishers are data as published (sources table): they stay in their language.
    sources = load_sources()
    published = " ".join(" ".join(sources[column].astype(str)) for column in ("publisher", "dataset", "citation"))
    return {fragment for fragment in fragments if fragment not in catalog_text and fragment not in published}


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
