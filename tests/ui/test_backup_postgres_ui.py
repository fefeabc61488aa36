"""Backups in the app for a register on a PostgreSQL server (issue 11): only the daily
automatic backup, none at exit; Pengaturan → Cadangan lists and restores the server's
kinds of backup."""

from __future__ import annotations

import itertools
import os
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ppid_desk import audit, backup
from ppid_desk.store import open_store
from ppid_desk.ui import startup
from ppid_desk.ui.backups.auto import AutoBackup
from ppid_desk.ui.backups.tab import BackupTab
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.units import UnitKind, list_units, save_unit

NOW = datetime(2026, 11, 23, 14, 5)
_names = itertools.count(1)


@pytest.fixture
def url(pg_server):
    name = f"uibackup{os.getpid()}_{next(_names)}"
    pg_server.create_database(name)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_store(data_dir, url):
    opened = open_store(data_dir, database=url)
    yield opened
    opened.close()


def unit_names() -> list[str]:
    return sorted(u.name for u in list_units())


def answer_message_box(button_text: str, seen: list[str]) -> None:
    def attempt(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: attempt(tries - 1))
            return
        seen.append(box.text())
        chosen = [b for b in box.buttons() if b.text() == button_text]
        (chosen[0] if chosen else box.buttons()[-1]).click()

    QTimer.singleShot(0, attempt)


def test_a_server_register_gets_the_daily_backup_only(qtbot, pg_store):
    window = MainWindow(pg_store)
    qtbot.addWidget(window)
    window.show()
    clock = [NOW]
    auto = AutoBackup(pg_store, window, clock=lambda: clock[0], daily_check_ms=30)
    try:
        with qtbot.waitSignal(auto.finished, timeout=20_000) as blocker:
            auto.start()
        result = blocker.args[0]
        assert "-harian." in result.path.name and result.kind in (backup.PGDUMP, backup.LOGICAL)
        qtbot.wait(200)  # several checks: one made today already
        assert [b.reason for b in backup.list_backups(pg_store)] == ["harian"]
        clock[0] = NOW + timedelta(days=1)
        with qtbot.waitSignal(auto.finished, timeout=20_000):
            pass
        window.close()  # no exit backup: closes at once
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
        assert [b.reason for b in backup.list_backups(pg_store)] == ["harian", "harian"]
    finally:
        auto.close_now()
        QThreadPool.globalInstance().waitForDone(20_000)


def test_the_tab_restores_a_server_register(qtbot, pg_store, data_dir, url):
    save_unit("Bidang Informasi", UnitKind.BIDANG)
    good = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    save_unit("Unit sesudah cadangan", UnitKind.SKPD)
    tab = BackupTab(pg_store)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.model.rowCount() == 1 and tab.restore_button.isEnabled()
    assert "ekspor logis" in tab.model.index(0, tab.model.REASON).data()
    seen: list[str] = []
    answer_message_box("Pulihkan", seen)
    with qtbot.waitSignal(tab.restoreReady, timeout=20_000) as blocker:
        tab.restore_button.click()
    assert "meja lain" in seen[0]
    prepared = blocker.args[0]
    assert unit_names() == ["Bidang Informasi", "Unit sesudah cadangan"]  # not restored yet
    QThreadPool.globalInstance().waitForDone(20_000)
    pg_store.close()
    # as the app does once the window closed: off the UI thread, behind a busy dialog
    result = startup.finish_restore_showing_progress(prepared)
    assert result.restored_from == good.path
    with open_store(data_dir, database=url):
        assert unit_names() == ["Bidang Informasi"]
        assert audit.verify().ok


def test_the_tab_refuses_while_another_desk_is_connected(qtbot, pg_store):
    from ppid_desk.store import postgres

    good = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    tab = BackupTab(pg_store)
    qtbot.addWidget(tab)
    tab.show()
    other = postgres.open_database(pg_store.address)
    other.connect()
    try:
        seen: list[str] = []
        answer_message_box("Pulihkan", seen)
        tab.restore_file(good.path, "dari berkas")
        answer_message_box("OK", seen)
        qtbot.waitUntil(lambda: len(seen) >= 2 and tab.task is None, timeout=20_000)
        assert "1 sambungan PPID Desk lain" in seen[1]
    finally:
        other.close()
