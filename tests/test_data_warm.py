"""Warming a server process (data/warm.py): every shared table read once, problems left to the pages, and one
background thread per process however many runs ask for it."""

import sys
import threading

import pytest

from data import warm as warming


def test_warming_reads_every_shared_table_and_imports_the_named_packages():
    assert warming.warm_now(["components"]) == []
    assert "components.maps" in sys.modules


def test_a_broken_table_is_left_for_the_pages_to_report(tables_copy):
    (tables_copy / "remittances.csv").unlink()
    failures = warming.warm_now()
    assert [failure.split(":")[0] for failure in failures] == ["load('remittances')"]
    assert "remittances.csv" in failures[0]


def test_warming_starts_one_background_thread_per_process(monkeypatch):
    monkeypatch.setattr(warming, "_started", threading.Event())
    calls, called = [], threading.Event()

    def record(packages):
        calls.append((packages, threading.current_thread().name))
        called.set()

    monkeypatch.setattr(warming, "warm_now", record)
    assert warming.warm(["components"]) is True
    assert warming.warm(["components"]) is False
    assert called.wait(timeout=10)
    assert calls == [(("components",), "warm-shared-tables")]


def test_a_disabled_process_is_never_warmed(monkeypatch):
    monkeypatch.setattr(warming, "_started", threading.Event())
    monkeypatch.setattr(warming, "_finished", threading.Event())
    monkeypatch.setattr(warming, "warm_now", lambda packages: pytest.fail("warmed after disable()"))
    warming.disable()
    assert warming.warm(["components"]) is False
    assert warming.wait_until_warm(timeout=0) is True


def test_waiting_until_warm_returns_once_warming_has_finished(monkeypatch):
    monkeypatch.setattr(warming, "_started", threading.Event())
    monkeypatch.setattr(warming, "_finished", threading.Event())
    assert warming.wait_until_warm(timeout=0) is True  # nothing started: nothing to wait for
    release = threading.Event()
    monkeypatch.setattr(warming, "warm_now", lambda packages: release.wait(timeout=10))
    warming.warm()
    assert warming.wait_until_warm(timeout=0) is False
    release.set()
    assert warming.wait_until_warm(timeout=10) is True
