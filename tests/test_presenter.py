"""Presenter mode: scenes saved, downloaded, loaded back and stepped through; bad scene files explained."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.presenter import SCENES_KEY, Scene, parse_scenes, scenes_to_json

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_scenes_round_trip_through_the_file_format():
    deck = [Scene("Nepal to Malaysia", "corridors", "origin=NPL&destination=MYS"), Scene("Sources", "methods")]
    loaded, problems = parse_scenes(scenes_to_json(deck))
    assert (loaded, problems) == (deck, [])


def test_bad_scene_files_are_explained_not_raised():
    assert parse_scenes(b"\xff\xfe")[1][0].startswith("The file is not a scenes file")
    assert parse_scenes(b"[1, 2]")[1] == ["The file has no 'scenes' list."]
    assert "at most" in parse_scenes(b" " * 200_000)[1][0]
    document = {
        "scenes": [
            {"title": "ok", "page": "news"},
            {"title": "x", "page": "../../etc"},
            {"title": "", "page": "news"},
            "junk",
            {"title": "q", "page": "news", "query": 5},
        ]
    }
    loaded, problems = parse_scenes(json.dumps(document).encode())
    assert [scene.title for scene in loaded] == ["ok"]
    assert len(problems) == 4 and all(problem.startswith("Scene ") for problem in problems)


def test_scene_query_never_carries_presenter_keys():
    assert Scene("t", "news", "present=1&scene=3&country=NPL").query_params() == {"country": "NPL"}


def test_add_scene_then_present_and_step():
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.text_input(key="scene_title_overview").set_value("Start here").run()
    app.button(key="scene_add").click().run()
    assert app.session_state[SCENES_KEY] == [Scene("Start here", "overview", "")]
    # A scene of another page, as a loaded scenes file would give it.
    app.session_state[SCENES_KEY] = [*app.session_state[SCENES_KEY], Scene("Sources", "methods", "unused=1")]

    app.button(key="scene_start").click().run()
    assert not app.exception
    assert app.query_params["present"] == "1" and app.query_params["scene"] == "1"
    assert any("Scene 1 of 2: Start here" in caption.value for caption in app.caption)

    app.button(key="scene_next").click().run()
    assert not app.exception
    assert app.query_params["scene"] == "2" and app.query_params["unused"] == "1"
    assert app.title[0].value == "Data & methods"
    assert any("Scene 2 of 2: Sources" in caption.value for caption in app.caption)

    # Previous and Exit on a switched-to page are covered by the browser test: AppTest does not deliver
    # clicks on widgets drawn by the entry script after st.switch_page.


def test_exit_presenter_mode():
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["present"] = "1"
    app.run()
    app.button(key="present_exit").click().run()
    assert "present" not in app.query_params
    assert "scene_add" in [button.key for button in app.sidebar.button], "the scene editor is back"


def test_present_param_without_scenes_says_how_to_add_them():
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["present"] = "1"
    app.run()
    assert not app.exception
    assert any("No scenes yet" in caption.value for caption in app.caption)


def test_parse_scenes_never_raises_on_any_json_shape():
    """Every JSON type in every place a scenes file has (a dict page was a TypeError, deep nesting a RecursionError)."""
    values = [{}, [], 5, 1.5, None, True, "", "news", [[{"a": {}}]], {"title": "t"}]
    documents = [b"[" * 30_000, b'{"scenes":' * 20_000, b'{"scenes": ' + b"9" * 5_000 + b"}"]
    documents += [json.dumps(value).encode() for value in values]
    documents += [json.dumps({"scenes": value}).encode() for value in values]
    documents += [
        json.dumps({"scenes": [{"title": "t", "page": "news", "query": "", field: value}]}).encode()
        for field in ("title", "page", "query")
        for value in values
    ]
    for document in documents:
        scenes, problems = parse_scenes(document)
        assert all(isinstance(scene, Scene) and isinstance(scene.page, str) for scene in scenes)
        assert scenes or problems, document[:80]


def test_a_deck_round_trips_through_a_short_link_value():
    from components.presenter import decode_deck, encode_deck

    deck = [
        Scene("Where Bangladeshi migrants live", "corridors", "orig=BGD"),
        Scene("Remittances to Bangladesh", "remittances", "countries=BGD"),
        Scene("Agreements", "agreements", "country=BGD"),
    ]
    value = encode_deck(deck)
    assert decode_deck(value) == (deck, [])
    assert len(value) < 200 and value.replace("-", "").replace("_", "").isalnum()


def test_bad_deck_values_are_explained_not_raised():
    import base64
    import zlib

    from components.presenter import MAX_DECK_LINK_CHARS, decode_deck

    def packed(document: bytes) -> str:
        return base64.urlsafe_b64encode(zlib.compress(document)).decode().rstrip("=")

    for value in [
        "",
        "not base64!",
        "AAAA",
        "x" * 10,
        packed(b"{}"),
        packed(b"[]"),
        packed(b"\xff"),
        packed(b"[" * 5000),
    ]:
        scenes, problems = decode_deck(value)
        assert scenes == [] and len(problems) == 1 and problems[0].startswith("The link's deck was ignored"), value
    assert "at most" in decode_deck("A" * (MAX_DECK_LINK_CHARS + 1))[1][0]
    assert "unpacks to more than" in decode_deck(packed(b" " * 200_000))[1][0]
    scenes, problems = decode_deck(packed(b'[["ok","news"],["x","../../etc"],["t","news",5],7]'))
    assert [scene.title for scene in scenes] == ["ok"] and len(problems) == 3


def test_a_deck_link_opens_every_scene_presenting_with_its_theme():
    from components.presenter import encode_deck

    deck = [Scene("Remittances", "remittances", "countries=BGD"), Scene("Sources", "methods")]
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"countries": "BGD", "present": "1", "scene": "1", "deck": encode_deck(deck)}.items():
        app.query_params[key] = value
    app.query_params["theme"] = "dark"
    app.switch_page("pages/remittances.py").run()
    assert not app.exception
    assert app.session_state[SCENES_KEY] == deck
    assert app.session_state["presenter_theme"] == "dark"
    assert any("Scene 1 of 2: Remittances" in caption.value for caption in app.caption)
    assert any("Countries: Bangladesh" in caption.value.replace("\\", "") for caption in app.caption)


def test_a_bad_deck_or_theme_in_the_link_gets_a_note():
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["deck"] = "%%%"
    app.query_params["theme"] = "neon"
    app.run()
    notes = [info.value for info in app.info]
    assert any("The link's deck was ignored" in note for note in notes), notes
    assert any("'theme' is not one of light, dark" in note for note in notes), notes
    assert "deck" not in app.query_params and "theme" not in app.query_params


def test_a_departures_slide_names_its_filters():
    """Issue 16: the Departures page was missing from the presenter's page filters, so its slide said 'no filter'."""
    from components.presenter import describe_scene, encode_deck

    scene = Scene("Nepal's workers", "departures", "origin=NPL&view=coverage")
    assert describe_scene(scene, {"NPL": "Nepal"}) == "View: What exists, per origin · Workers leaving: Nepal"
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"origin": "NPL", "present": "1", "scene": "1", "deck": encode_deck([scene])}.items():
        app.query_params[key] = value
    app.switch_page("pages/departures.py").run()
    assert not app.exception
    captions = [caption.value.replace("\\", "") for caption in app.caption]
    assert "View: What exists, per origin · Workers leaving: Nepal" in captions and not any(
        "no filter" in caption for caption in captions
    ), captions
