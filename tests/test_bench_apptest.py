"""bench/apptest.py patches one private Streamlit function (the component manifest scan) while tests and benches
run: the patch must find what it replaces, serve repeated scans from one, and put the original back."""

from streamlit.components.v2 import manifest_scanner

from bench import apptest


def test_one_component_scan_caches_the_private_scan_and_restores_it():
    original = manifest_scanner.scan_component_manifests
    assert callable(original), "Streamlit moved scan_component_manifests: update bench/apptest.one_component_scan"
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
