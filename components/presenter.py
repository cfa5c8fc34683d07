"""Presenter mode: a projector-friendly view that steps through saved views ("scenes").

A scene is a page plus its URL query, so any view the dashboard can show can be a scene. The list can
be edited, downloaded as a small JSON file and loaded back, so a workshop deck is prepared in the app.
"""

import json
from dataclasses import asdict, dataclass
from urllib.parse import parse_qsl, urlencode

import streamlit as st

from components.i18n import DEFAULT_LANGUAGE, current_language
from components.plain_text import plain_markdown
from components.registry import PAGES
from data.filters.frame import LANG

PRESENT_PARAM = "present"
SCENE_PARAM = "scene"
SCENES_KEY = "presenter_scenes"
PRESENTING_KEY = "presenter_on"
MAX_SCENES_FILE_BYTES = 100_000
MAX_SCENES = 50
MAX_QUERY_LENGTH = 2_000
PAGE_SCRIPTS = {page.url_path: page.script for page in PAGES}
_PRESENTER_KEYS = {SCENES_KEY, PRESENTING_KEY}

# Static CSS (no data text): hide the sidebar and the controls, enlarge type for a projector.
PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stSlider"], [data-testid="stRadio"],
[data-testid="stCheckbox"], [data-testid="stTextInput"], [data-testid="stDateInput"],
[data-testid="stFileUploader"], [data-testid="stDownloadButton"], [data-testid="stSegmentedControl"],
[data-testid="stButtonGroup"], [data-testid="stToggle"] { display: none !important; }
html { font-size: 125%; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 1.5rem; }
</style>
"""


@dataclass(frozen=True)
class Scene:
    title: str
    page: str
    query: str = ""

    def query_params(self) -> dict[str, str]:
        params = dict(parse_qsl(self.query, keep_blank_values=False))
        params.pop(PRESENT_PARAM, None)
        params.pop(SCENE_PARAM, None)
        return params


def scenes_to_json(scenes: list[Scene]) -> bytes:
    return json.dumps({"scenes": [asdict(scene) for scene in scenes]}, indent=2, ensure_ascii=False).encode()


def parse_scenes(raw: bytes) -> tuple[list[Scene], list[str]]:
    """Scenes from a downloaded file; problems are described, bad scenes skipped, never an exception."""
    if len(raw) > MAX_SCENES_FILE_BYTES:
        return [], [f"The file is {len(raw):,} bytes; a scenes file is at most {MAX_SCENES_FILE_BYTES:,}."]
    try:
        document = json.loads(raw.decode("utf-8"))
    except ValueError as error:  # not UTF-8, not JSON, or a number too long to convert
        return [], [f"The file is not a scenes file (JSON could not be read: {error.__class__.__name__})."]
    except RecursionError:  # thousands of nested brackets: no scenes file is more than three levels deep
        return [], ["The file is not a scenes file (its JSON is nested too deeply)."]
    items = document.get("scenes") if isinstance(document, dict) else None
    if not isinstance(items, list):
        return [], ["The file has no 'scenes' list."]
    if not items:
        return [], ["The file's 'scenes' list is empty."]
    scenes, problems = [], []
    for number, item in enumerate(items[:MAX_SCENES], start=1):
        problem = _scene_problem(item)
        if problem:
            problems.append(f"Scene {number} skipped: {problem}")
        else:
            scenes.append(Scene(title=item["title"].strip()[:120], page=item["page"], query=item.get("query", "")))
    if len(items) > MAX_SCENES:
        problems.append(f"Only the first {MAX_SCENES} scenes were loaded.")
    return scenes, problems


def _scene_problem(item) -> str | None:
    if not isinstance(item, dict):
        return "not an object with title, page and query."
    if not isinstance(item.get("title"), str) or not item["title"].strip():
        return "it has no title."
    if not isinstance(item.get("page"), str) or item["page"] not in PAGE_SCRIPTS:
        return "its page is not one of this dashboard's pages."
    query = item.get("query", "")
    if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
        return "its query is not a short text."
    return None


def current_scene_from(page_url_path: str, title: str) -> Scene:
    query = {key: value for key, value in st.query_params.to_dict().items() if key not in (PRESENT_PARAM, SCENE_PARAM)}
    return Scene(title=title, page=page_url_path, query=urlencode(query))


# --- Streamlit renderers -----------------------------------------------------------------------


def scenes() -> list[Scene]:
    return st.session_state.setdefault(SCENES_KEY, [])


def is_presenting() -> bool:
    if st.query_params.get(PRESENT_PARAM) == "1":
        st.session_state[PRESENTING_KEY] = True
    return st.session_state.get(PRESENTING_KEY, False)


def go_to_scene(index: int) -> None:
    """Open a scene with its own filters: widget state from the previous view must not override the URL."""
    scene = scenes()[index]
    # A scene recorded in a language opens in it; one recorded in English (no 'lang' in its link) opens in the
    # presenter's current language, so an English deck can be shown in Thai.
    language = {LANG.key: current_language()} if current_language() != DEFAULT_LANGUAGE else {}
    for key in [key for key in st.session_state if key not in _PRESENTER_KEYS]:
        del st.session_state[key]
    st.session_state[PRESENTING_KEY] = True
    st.switch_page(
        PAGE_SCRIPTS[scene.page],
        query_params={**language, **scene.query_params(), PRESENT_PARAM: "1", SCENE_PARAM: str(index + 1)},
    )


def stop_presenting() -> None:
    st.session_state[PRESENTING_KEY] = False
    for key in (PRESENT_PARAM, SCENE_PARAM):
        if key in st.query_params:
            del st.query_params[key]


def render_presenter_bar() -> None:
    """Hide the controls, enlarge type, and show previous / next for the scenes."""
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
    deck = scenes()
    position = _scene_position(len(deck))
    previous_column, label_column, next_column, exit_column = st.columns([1, 4, 1, 1], vertical_alignment="center")
    if deck:
        label_column.caption(f"Scene {position + 1} of {len(deck)}: {plain_markdown(deck[position].title)}")
    else:
        label_column.caption("No scenes yet: add views as scenes from the sidebar, outside presenter mode.")
    if previous_column.button("Previous", icon=":material/arrow_back:", disabled=position <= 0, key="scene_prev"):
        go_to_scene(position - 1)
    if next_column.button(
        "Next", icon=":material/arrow_forward:", disabled=position >= len(deck) - 1, key="scene_next"
    ):
        go_to_scene(position + 1)
    if exit_column.button("Exit", icon=":material/close:", key="present_exit"):
        stop_presenting()
        st.rerun()


def _scene_position(count: int) -> int:
    try:
        number = int(st.query_params.get(SCENE_PARAM, "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), max(count, 1)) - 1


def render_scene_editor(page_url_path: str, page_title: str) -> None:
    """Sidebar tools: add this view, edit, download and load the scenes, start presenting."""
    with st.sidebar.expander("Presenter mode", icon=":material/slideshow:"):
        deck = scenes()
        title = st.text_input("Scene title", value=page_title, max_chars=120, key=f"scene_title_{page_url_path}")
        if st.button("Add this view as a scene", icon=":material/add:", key="scene_add"):
            deck.append(current_scene_from(page_url_path, title.strip() or page_title))
        for index, scene in enumerate(deck):
            text_column, up_column, remove_column = st.columns([5, 1, 1], vertical_alignment="center")
            text_column.text(f"{index + 1}. {scene.title} ({scene.page})")
            if up_column.button(
                "", icon=":material/arrow_upward:", key=f"scene_up_{index}", disabled=index == 0, help="Move up"
            ):
                deck[index - 1], deck[index] = deck[index], deck[index - 1]
                st.rerun()
            if remove_column.button("", icon=":material/delete:", key=f"scene_remove_{index}", help="Remove"):
                del deck[index]
                st.rerun()
        if deck:
            st.download_button(
                "Download scenes",
                data=scenes_to_json(deck),
                file_name="scenes.json",
                mime="application/json",
                on_click="ignore",
                key="scene_download",
                icon=":material/download:",
            )
        uploaded = st.file_uploader("Load scenes", type=["json"], key="scene_upload", max_upload_size=1)
        if uploaded is not None:
            loaded, problems = parse_scenes(uploaded.getvalue())
            for problem in problems:
                st.warning(problem)
            if loaded and st.button(f"Use these {len(loaded)} scenes", key="scene_use"):
                st.session_state[SCENES_KEY] = loaded
                st.rerun()
        if st.button("Start presenting", icon=":material/play_arrow:", disabled=not deck, key="scene_start"):
            go_to_scene(0)
