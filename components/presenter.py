"""Presenter mode: a projector-friendly view that steps through saved views ("scenes").

A scene is a page plus its URL query, so any view the dashboard can show can be a scene. The list can
be edited, downloaded as a small JSON file and loaded back, so a workshop deck is prepared in the app.
The whole deck also travels in one link (``deck=``: the scenes as compact JSON, zlib-compressed and base64url
encoded), so a presenter can copy one address that opens every scene ready to present, with its theme.
While presenting, a clicker's keys step through the scenes (``KEYS_SCRIPT``).
"""

import base64
import binascii
import json
import re
import zlib
from dataclasses import asdict, dataclass
from urllib.parse import parse_qsl, urlencode

import streamlit as st

from components import filters, styles
from components.formatting import exact_number
from components.i18n import DEFAULT_LANGUAGE, _, country_names_in, current_language, ngettext
from components.plain_text import plain_markdown
from components.registry import PAGES
from data import country_names
from data.filters import Filter
from data.filters import agreements as agreement_filters
from data.filters import corridors as corridor_filters
from data.filters import departures as departure_filters
from data.filters import news as news_filters
from data.filters import profiles as profile_filters
from data.filters import remittances as remittance_filters
from data.filters.frame import LANG

PRESENT_PARAM = "present"
SCENE_PARAM = "scene"
SCENES_KEY = "presenter_scenes"
PRESENTING_KEY = "presenter_on"
MAX_SCENES_FILE_BYTES = 100_000
MAX_SCENES = 50
MAX_QUERY_LENGTH = 2_000
DECK_PARAM = "deck"
THEME_PARAM = "theme"
THEME_KEY = "presenter_theme"
THEMES = ("light", "dark")
# About the most an address should carry (browsers take far more; mail and chat programs cut long links).
MAX_DECK_LINK_CHARS = 6_000
PAGE_SCRIPTS = {page.url_path: page.script for page in PAGES}
PAGE_TITLES = {page.url_path: page.title for page in PAGES}
LINK_ONLY_PARAMS = (PRESENT_PARAM, SCENE_PARAM, DECK_PARAM, THEME_PARAM)
_PRESENTER_KEYS = {SCENES_KEY, PRESENTING_KEY, THEME_KEY}
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
PAGE_FILTERS: dict[str, tuple[Filter, ...]] = {
    "corridors": corridor_filters.FILTERS,
    "corridor": profile_filters.CORRIDOR_FILTERS,
    "departures": departure_filters.FILTERS,
    "remittances": remittance_filters.FILTERS,
    "agreements": agreement_filters.FILTERS,
    "news": news_filters.FILTERS,
    "countries": profile_filters.COUNTRY_FILTERS,
}
VALUE_WORDS = {
    ("corridors", "view"): corridor_filters.VIEW_LABELS,
    ("departures", "view"): departure_filters.VIEWS,
    ("remittances", "view"): remittance_filters.VIEWS,
    ("remittances", "measure"): remittance_filters.MEASURE_LABELS,
}


@dataclass(frozen=True)
class Scene:
    title: str
    page: str
    query: str = ""

    def query_params(self) -> dict[str, str]:
        params = dict(parse_qsl(self.query, keep_blank_values=False))
        for key in LINK_ONLY_PARAMS:
            params.pop(key, None)
        return params


def scenes_to_json(scenes: list[Scene]) -> bytes:
    return json.dumps({"scenes": [asdict(scene) for scene in scenes]}, indent=2, ensure_ascii=False).encode()


def parse_scenes(raw: bytes) -> tuple[list[Scene], list[str]]:
    """Scenes from a downloaded file; problems are described, bad scenes skipped, never an exception."""
    if len(raw) > MAX_SCENES_FILE_BYTES:
        size, limit = exact_number(len(raw)), exact_number(MAX_SCENES_FILE_BYTES)
        return [], [_("The file is {size} bytes; a scenes file is at most {limit}.", size=size, limit=limit)]
    try:
        document = json.loads(raw.decode("utf-8"))
    except ValueError as error:  # not UTF-8, not JSON, or a number too long to convert
        return [], [
            _("The file is not a scenes file (JSON could not be read: {error}).", error=error.__class__.__name__)
        ]
    except RecursionError:  # thousands of nested brackets: no scenes file is more than three levels deep
        return [], [_("The file is not a scenes file (its JSON is nested too deeply).")]
    items = document.get("scenes") if isinstance(document, dict) else None
    if not isinstance(items, list):
        return [], [_("The file has no 'scenes' list.")]
    if not items:
        return [], [_("The file's 'scenes' list is empty.")]
    return _scenes_from(items)


def _scenes_from(items: list) -> tuple[list[Scene], list[str]]:
    scenes, problems = [], []
    for number, item in enumerate(items[:MAX_SCENES], start=1):
        problem = _scene_problem(item)
        if problem:
            problems.append(_("Scene {number} skipped: {problem}", number=number, problem=problem))
        else:
            scenes.append(Scene(title=item["title"].strip()[:120], page=item["page"], query=item.get("query", "")))
    if len(items) > MAX_SCENES:
        problems.append(_("Only the first {count} scenes were loaded.", count=MAX_SCENES))
    return scenes, problems


def encode_deck(scenes: list[Scene]) -> str:
    """The scenes as one short link value: [[title, page, query], ...] as compact JSON, zlib, base64url."""
    compact = [[scene.title, scene.page, *([scene.query] if scene.query else [])] for scene in scenes]
    text = json.dumps(compact, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(zlib.compress(text, 9)).rstrip(b"=").decode("ascii")


def decode_deck(value: str) -> tuple[list[Scene], list[str]]:
    """Scenes from a link's ``deck`` value, checked like a scenes file; problems described, never raised."""
    not_a_deck = _("The link's deck was ignored: it is not a deck written by this dashboard.")
    if len(value) > MAX_DECK_LINK_CHARS:
        length, limit = exact_number(len(value)), exact_number(MAX_DECK_LINK_CHARS)
        return [], [
            _(
                "The link's deck was ignored: it is {length} characters long, at most {limit}.",
                length=length,
                limit=limit,
            )
        ]
    if not _BASE64URL.fullmatch(value):
        return [], [not_a_deck]
    try:
        packed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        inflater = zlib.decompressobj()
        text = inflater.decompress(packed, MAX_SCENES_FILE_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            limit = exact_number(MAX_SCENES_FILE_BYTES)
            return [], [
                _("The link's deck was ignored: it is cut short or unpacks to more than {limit} bytes.", limit=limit)
            ]
        compact = json.loads(text.decode("utf-8"))
    except (binascii.Error, zlib.error, ValueError, RecursionError):
        return [], [not_a_deck]
    if not isinstance(compact, list) or not compact:
        return [], [_("The link's deck was ignored: it holds no scenes.")]
    items = [
        dict(zip(("title", "page", "query"), item)) if isinstance(item, list) and 2 <= len(item) <= 3 else item
        for item in compact
    ]
    return _scenes_from(items)


def _scene_problem(item) -> str | None:
    if not isinstance(item, dict):
        return _("not an object with title, page and query.")
    if not isinstance(item.get("title"), str) or not item["title"].strip():
        return _("it has no title.")
    if not isinstance(item.get("page"), str) or item["page"] not in PAGE_SCRIPTS:
        return _("its page is not one of this dashboard's pages.")
    query = item.get("query", "")
    if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
        return _("its query is not a short text.")
    return None


def current_scene_from(page_url_path: str, title: str) -> Scene:
    query = {key: value for key, value in st.query_params.to_dict().items() if key not in LINK_ONLY_PARAMS}
    return Scene(title=title, page=page_url_path, query=urlencode(query))


# --- Streamlit renderers -----------------------------------------------------------------------


def describe_scene(scene: Scene, names: dict[str, str]) -> str:
    """The scene's filters in words, one line: 'Origin countries: Bangladesh · Year: 2020' (names, not codes)."""
    params = scene.query_params()
    words = []
    for spec in PAGE_FILTERS.get(scene.page, ()):
        if spec.key not in params:
            continue
        labels = VALUE_WORDS.get((scene.page, spec.key), {})
        values = params[spec.key].split(",") if spec.widget == "multiselect" else [params[spec.key]]
        answers = {"True": _("yes"), "False": _("no")}
        shown = [
            _(labels[value]) if value in labels else names.get(value) or answers.get(value, value) for value in values
        ]
        words.append(_("{filter}: {values}", filter=_(spec.label), values=", ".join(shown)))
    return " · ".join(words) if words else _("All the data, as the page first shows it (no filter)")


# --- Streamlit renderers -----------------------------------------------------------------------

# A clicker sends ArrowRight/PageDown (or Space) and ArrowLeft/PageUp; Escape leaves. The listener is added once
# to the app's own document (st.html runs it there, no iframe), finds the presenter's buttons by their keys each
# time, so it does nothing outside presenter mode, and never acts while the user types or works a control.
KEYS_SCRIPT = """<script>
(() => {
  if (window.__presenterKeys) return;
  window.__presenterKeys = true;
  const ACTIONS = {ArrowRight: "scene_next", PageDown: "scene_next", " ": "scene_next",
                   ArrowLeft: "scene_prev", PageUp: "scene_prev", Escape: "present_exit"};
  const TYPING = "input, textarea, select, [contenteditable]:not([contenteditable='false']), [role='textbox'], "
    + "[role='combobox'], [role='listbox'], [role='slider'], [role='spinbutton'], [role='grid']";
  document.addEventListener("keydown", event => {
    const action = ACTIONS[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(TYPING)) return;
    if (event.key === " " && target && target.closest("button, a, [role='button']")) return;
    const button = document.querySelector(`.st-key-${action} button`);
    if (!button || button.disabled) return;
    event.preventDefault();
    button.click();
  });
})();
</script>"""


def scenes() -> list[Scene]:
    return st.session_state.setdefault(SCENES_KEY, [])


def theme() -> str:
    return st.session_state.get(THEME_KEY, THEMES[0])


def presenting() -> bool:
    """Whether this run shows a slide (no side effects: app.py has already read the link)."""
    return st.session_state.get(PRESENTING_KEY, False)


def dark() -> bool:
    return presenting() and theme() == "dark"


def read_link() -> None:
    """The deck and theme in the link, checked; a note at the top of the page for anything ignored.

    Outside presenter mode the deck is moved into the scene editor and taken out of the link, so editing the
    scenes is not undone by the next run."""
    deck_text = st.query_params.get(DECK_PARAM)
    if deck_text is not None:
        loaded, problems = decode_deck(deck_text)
        for problem in problems:
            st.info(problem, icon=":material/link_off:")
        if loaded and loaded != st.session_state.get(SCENES_KEY):
            st.session_state[SCENES_KEY] = loaded
    chosen = st.query_params.get(THEME_PARAM)
    if chosen is not None:
        if chosen in THEMES:
            st.session_state[THEME_KEY] = chosen
        else:
            st.info(
                _(
                    "The link's '{key}' is not one of {choices} and was ignored.",
                    key=THEME_PARAM,
                    choices=", ".join(THEMES),
                ),
                icon=":material/link_off:",
            )
    if not is_presenting():
        for key in (DECK_PARAM, THEME_PARAM):
            if key in st.query_params:
                del st.query_params[key]


def is_presenting() -> bool:
    if st.query_params.get(PRESENT_PARAM) == "1":
        st.session_state[PRESENTING_KEY] = True
    return st.session_state.get(PRESENTING_KEY, False)


def _deck_params(deck: list[Scene]) -> dict[str, str]:
    encoded = encode_deck(deck)
    return {
        **({DECK_PARAM: encoded} if len(encoded) <= MAX_DECK_LINK_CHARS else {}),
        **({THEME_PARAM: theme()} if theme() != THEMES[0] else {}),
    }


def scene_params(deck: list[Scene], index: int) -> dict[str, str]:
    """A scene's own filters, plus what makes its address open the whole deck, presenting, at this scene.

    A scene recorded in a language opens in it; one recorded in English (no 'lang' in its link) opens in the
    presenter's current language, so an English deck can be shown in Thai."""
    language = {LANG.key: current_language()} if current_language() != DEFAULT_LANGUAGE else {}
    return {
        **language, **deck[index].query_params(), PRESENT_PARAM: "1", SCENE_PARAM: str(index + 1),
        **_deck_params(deck),
    }  # fmt: skip


def deck_link(deck: list[Scene]) -> str | None:
    """One address that opens the whole deck, presenting, at its first scene (None when too long for a link)."""
    if len(encode_deck(deck)) > MAX_DECK_LINK_CHARS:
        return None
    first = deck[0].page
    path = "" if first == PAGES[0].url_path else first
    return f"{filters.app_address()}/{path}?{urlencode(scene_params(deck, 0))}"


def go_to_scene(index: int) -> None:
    """Open a scene with its own filters: widget state from the previous view must not override the URL."""
    deck = scenes()
    params = scene_params(deck, index)  # before the session is cleared: it holds the current language
    for key in [key for key in st.session_state if key not in _PRESENTER_KEYS]:
        del st.session_state[key]
    st.session_state[PRESENTING_KEY] = True
    st.switch_page(PAGE_SCRIPTS[deck[index].page], query_params=params)


def stop_presenting() -> None:
    st.session_state[PRESENTING_KEY] = False
    for key in LINK_ONLY_PARAMS:
        if key in st.query_params:
            del st.query_params[key]


def _toggle_theme() -> None:
    st.session_state[THEME_KEY] = THEMES[1] if theme() == THEMES[0] else THEMES[0]
    if theme() == THEMES[0]:
        del st.query_params[THEME_PARAM]
    else:
        st.query_params[THEME_PARAM] = theme()


def render_presenter_bar() -> None:
    """Hide the controls and the page's own title; show the scene as a slide: its title, its filters in words,
    previous / next (also from a clicker's keys), the projector theme and exit."""
    styles.apply("presenter", *(["projector"] if theme() == "dark" else []))
    deck = scenes()
    position = _scene_position(len(deck))
    with st.container(key="presenter_bar"):
        previous_column, label_column, next_column, theme_column, exit_column = st.columns(
            [2, 5, 2, 3, 2], vertical_alignment="center"
        )
        if deck:
            label_column.caption(
                _(
                    "Scene {number} of {count}: {title}",
                    number=position + 1,
                    count=len(deck),
                    title=plain_markdown(deck[position].title),
                )
            )
            label_column.caption(_("Keys: → next, ← back, Esc exit"))
        else:
            label_column.caption(_("No scenes yet: add views as scenes from the sidebar, outside presenter mode."))
        if previous_column.button(
            _("Previous"), icon=":material/arrow_back:", disabled=position <= 0, key="scene_prev"
        ):
            go_to_scene(position - 1)
        if next_column.button(
            _("Next"), icon=":material/arrow_forward:", disabled=position >= len(deck) - 1, key="scene_next"
        ):
            go_to_scene(position + 1)
        theme_column.button(
            _("Light theme") if theme() == "dark" else _("Projector theme (dark)"),
            icon=":material/light_mode:" if theme() == "dark" else ":material/dark_mode:",
            key="present_theme",
            on_click=_toggle_theme,
            help=_("High-contrast dark colours for a projector; kept in the deck link"),
        )
        if exit_column.button(_("Exit"), icon=":material/close:", key="present_exit"):
            stop_presenting()
            st.rerun()
        if deck:
            st.markdown(f"# {plain_markdown(deck[position].title)}")
            with st.container(key="scene_subtitle"):  # presenter.css sets it apart from the title
                st.caption(plain_markdown(describe_scene(deck[position], country_names_or_codes())))
        st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)


def country_names_or_codes() -> dict[str, str]:
    try:
        return country_names_in(country_names())
    except Exception:  # noqa: BLE001 - a broken countries table is reported by the page itself; codes still read
        return {}


def _scene_position(count: int) -> int:
    try:
        number = int(st.query_params.get(SCENE_PARAM, "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), max(count, 1)) - 1


@st.fragment
def render_scene_editor(page_url_path: str, page_title: str) -> None:
    """Sidebar tools: add this view, edit, download and load the scenes, start presenting. A fragment (called in
    the sidebar): editing the scenes reruns these tools only, not the page and its charts."""
    with st.expander(_("Presenter mode"), icon=":material/slideshow:"):
        deck = scenes()
        title = st.text_input(_("Scene title"), value=page_title, max_chars=120, key=f"scene_title_{page_url_path}")
        if st.button(_("Add this view as a scene"), icon=":material/add:", key="scene_add"):
            deck.append(current_scene_from(page_url_path, title.strip() or page_title))
        for index, scene in enumerate(deck):
            text_column, up_column, remove_column = st.columns([5, 1, 1], vertical_alignment="center")
            text_column.text(f"{index + 1}. {scene.title} ({_(PAGE_TITLES.get(scene.page, scene.page))})")
            if up_column.button(
                "", icon=":material/arrow_upward:", key=f"scene_up_{index}", disabled=index == 0, help=_("Move up")
            ):
                deck[index - 1], deck[index] = deck[index], deck[index - 1]
                st.rerun(scope="fragment")
            if remove_column.button("", icon=":material/delete:", key=f"scene_remove_{index}", help=_("Remove")):
                del deck[index]
                st.rerun(scope="fragment")
        if deck:
            st.download_button(
                _("Download scenes"),
                data=scenes_to_json(deck),
                file_name="scenes.json",
                mime="application/json",
                on_click="ignore",
                key="scene_download",
                icon=":material/download:",
            )
        if deck:
            link = deck_link(deck)
            if link is None:
                st.caption(_("This deck is too long for a link: download it as a file instead."))
            else:
                st.caption(_("Deck link: opens every scene, ready to present (copy with the button at its right)."))
                st.code(link, language=None, wrap_lines=True)
        uploaded = st.file_uploader(_("Load scenes"), type=["json"], key="scene_upload", max_upload_size=1)
        if uploaded is not None:
            loaded, problems = parse_scenes(uploaded.getvalue())
            for problem in problems:
                st.warning(problem)
            use = ngettext("Use this scene", "Use these {count} scenes", len(loaded))
            if loaded and st.button(use, key="scene_use"):
                st.session_state[SCENES_KEY] = loaded
                st.rerun(scope="fragment")
        if st.button(_("Start presenting"), icon=":material/play_arrow:", disabled=not deck, key="scene_start"):
            go_to_scene(0)
