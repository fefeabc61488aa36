"""The background task helper: the result, a core error's own message, an unexpected error
reported and logged, cancelling through the progress callback, and the worker thread's
database connection closed when the work ends."""

from __future__ import annotations

import logging
import sqlite3
import threading

import pytest

from ppid_desk.errors import ValidationError
from ppid_desk.store.models import Setting, database
from ppid_desk.ui.widgets.background import Task


class Stopped(Exception):
    pass


def run(qtbot, task: Task) -> dict:
    seen: dict = {"progress": []}
    task.progress.connect(lambda p, t: seen["progress"].append((p, t)))
    task.finished.connect(lambda result: seen.setdefault("finished", result))
    task.failed.connect(lambda message: seen.setdefault("failed", message))
    task.cancelled.connect(lambda: seen.setdefault("cancelled", True))
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
    qtbot.waitUntil(lambda: not task.running)
    return seen


def test_result_and_progress_come_back_on_the_ui_thread(qtbot, store):
    ui_thread = threading.get_ident()
    worker: dict = {}

    def work(progress):
        worker["thread"] = threading.get_ident()
        progress(50, "Separuh")
        worker["connection"] = database.connection()  # this thread's own connection
        n = Setting.select().count()
        progress(100, "Selesai")
        return n

    task = Task(work)
    seen = run(qtbot, task)
    assert seen["finished"] == Setting.select().count()
    assert seen["progress"] == [(50, "Separuh"), (100, "Selesai")]
    assert worker["thread"] != ui_thread
    with pytest.raises(sqlite3.ProgrammingError):  # closed by the worker before it reported
        worker["connection"].execute("SELECT 1")
    assert not store.db.is_closed()  # the UI thread's connection is not touched


def test_a_core_error_fails_with_its_message(qtbot, store):
    def work(progress):
        Setting.select().count()
        raise ValidationError("Berkas tidak dapat ditulis.")

    seen = run(qtbot, Task(work))
    assert seen == {"progress": [], "failed": "Berkas tidak dapat ditulis."}


def test_an_unexpected_error_is_reported_and_logged(qtbot, store, caplog):
    def work(progress):
        raise KeyError("kolom")

    with caplog.at_level(logging.ERROR, logger="ppid_desk.ui.widgets.background"):
        seen = run(qtbot, Task(work))
    assert "tidak terduga" in seen["failed"] and "KeyError" in seen["failed"]
    [record] = caplog.records
    assert record.exc_info and record.exc_info[0] is KeyError


def test_cancel_stops_at_the_next_progress_report(qtbot, store):
    may_go_on = threading.Event()
    answers = []

    def work(progress):
        answers.append(progress(10, "Mulai"))
        may_go_on.wait(10)
        going = progress(20, "Lanjut")
        answers.append(going)
        if not going:
            raise Stopped()
        return "selesai"

    task = Task(work, cancelled_by=(Stopped,))
    task.progress.connect(lambda p, _t: (task.cancel(), may_go_on.set()) if p == 10 else None)
    seen = run(qtbot, task)
    assert seen.get("cancelled") and "finished" not in seen
    assert answers == [True, False]
    assert task.cancel_requested


def test_a_task_runs_once_at_a_time(qtbot, store):
    gate = threading.Event()
    task = Task(lambda progress: gate.wait(10))
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
        with pytest.raises(RuntimeError):
            task.start()
        gate.set()
