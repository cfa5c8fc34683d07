"""bench/apptest.py patches one private Streamlit function (the component manifest scan) while tests and benches
run: the patch must find what it replaces, serve repeated scans from one, and put the original back."""

from pathlib import Path

from streamlit.components.v2 import manifest_scanner

from bench import apptest
from components.i18n import translator
from components.registry import PAGES


def test_one_component_scan_caches_the_private_scan_and_restores_it():
    original = manifest_scanner.scan_component_manifests  # an AttributeError: Streamlit moved it, update the patch
    with apptest.one_component_scan():
        patched = manifest_scanner.scan_component_manifests
        assert patched is not original
        assert patched() == original()  # the same answer, computed once
        assert patched.cache_info().hits == 0 and (patched(), patched.cache_info().hits)[1] == 1
    assert manifest_scanner.scan_component_manifests is original


def test_the_original_comes_back_after_a_failure():
    original = manifest_scanner.scan_component_manifests
    try:
        with apptest.one_component_scan():
            raise RuntimeError("a test failing inside the patch")
    except RuntimeError:
        pass
    assert manifest_scanner.scan_component_manifests is original


def test_each_page_opens_at_the_address_of_its_file_name():
    """open_page opens a page in one run, found by its file name: that name is its address in the navigation."""
    for page in PAGES[1:]:
        assert Path(page.script).stem == page.url_path, (
            f"{page.script} is at /{page.url_path}: open_page needs a run first"
        )
    app = apptest.open_page("pages/methods.py", query={"lang": "vi"})
    assert not app.exception, apptest.exceptions(app)
    assert app.title[0].value == translator("vi").gettext("Data & methods")
    assert app.query_params["lang"] == "vi"
