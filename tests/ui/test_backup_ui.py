"""Backups in the app: the status bar, the exit backup, the Cadangan tab, a damaged register
at start-up, and one app per data folder."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QThreadPool, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from ppid_desk import backup, instance
from ppid_desk.office import load_office, save_office
from ppid_desk.paths import backup_dir, database_path
from ppid_desk.register.attachments import size_text
from ppid_desk.store import open_store
from ppid_desk.ui import startup
from ppid_desk.ui.backups.auto import AutoBackup
from ppid_desk.ui.backups.damaged import DamagedDialog
from ppid_desk.ui.backups.tab import BackupTab
from ppid_desk.ui.instance import LockState, SingleInstance
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.startup import open_checked, run_sessions
from ppid_desk.ui.widgets.field_errors import ERROR_COLOUR
from ppid_desk.units import UnitKind, list_units, save_unit

# Fixed garbage, so a damaged register is damaged the same way every run.
GARBAGE = random.Random(9).randbytes(400)
NOW = datetime(2026, 11, 23, 14, 5)


def unit_names() -> list[str]:
    return sorted(u.name for u in list_units())


def answer_message_box(button_text: str, seen: list[str] | None = None) -> list[str]:
    """Click ``button_text`` in the next modal message box; returns the texts it showed."""
    seen = [] if seen is None else seen

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
    return seen


def answer_damaged_dialog(button: str, seen: list[str]) -> None:
    """Click ``restore_button`` / ``quit_button`` of the next DamagedDialog."""

    def attempt(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DamagedDialog):
            if tries:
                QTimer.singleShot(20, lambda: attempt(tries - 1))
            return
        seen.append(dialog.offer.text())
        seen.append("restore shown" if dialog.restore_button.isVisible() else "restore hidden")
        getattr(dialog, button).click()

    QTimer.singleShot(0, attempt)


def damage_register(data_dir: Path) -> None:
    """Rows in a table of their own, then garbage over their pages (the file still opens)."""
    with open_store(data_dir) as store:
        store.db.execute_sql("CREATE TABLE isi (id INTEGER PRIMARY KEY, teks TEXT)")
        with store.db.atomic():
            for i in range(1000):
                store.db.execute_sql("INSERT INTO isi(teks) VALUES (?)", ["x" * 300])
        store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = database_path(data_dir)
    size = path.stat().st_size
    with open(path, "r+b") as f:
        for offset in range(size * 3 // 4 // 4096 * 4096 + 100, size, 4096):
            f.seek(offset)
            f.write(GARBAGE)


@pytest.fixture
def window(qtbot, store):
    """Closed by this fixture, after ``make_auto`` stood its backups down (pytest-qt would
    close a widget it was given before any fixture's teardown: an exit backup then)."""
    widget = MainWindow(store)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def make_auto(qtbot):
    """AutoBackup objects that stand down (no exit backup, threads finished) after the test."""
    made: list[AutoBackup] = []

    def make(store, window, **kwargs) -> AutoBackup:
        auto = AutoBackup(store, window, **kwargs)
        made.append(auto)
        return auto

    yield make
    for auto in made:
        auto.close_now()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


# --- automatic backups ---------------------------------------------------------------------

def test_the_start_backup_shows_in_the_status_bar(qtbot, store, window, make_auto):
    auto = make_auto(store, window, clock=lambda: NOW)
    with qtbot.waitSignal(auto.finished, timeout=10_000) as blocker:
        auto.start()
    result = blocker.args[0]
    assert result.path.name == "ppid-desk-20261123-140500-mulai.sqlite3"
    assert auto.label.text() == f"Cadangan dibuat 23-11-2026 14.05 ({size_text(result.size)})"
    assert auto.label.property("state") == "ok"
    assert auto.label in window.statusBar().findChildren(type(auto.label))


def test_a_failing_backup_is_shown_in_red_and_work_goes_on(qtbot, store, window, make_auto):
    backup_dir(store.data_dir).write_text("a file where the folder should be")
    auto = make_auto(store, window, clock=lambda: NOW)
    with qtbot.waitSignal(auto.failed, timeout=10_000):
        auto.start()
    assert auto.label.text().startswith("Cadangan gagal: Folder cadangan")
    assert auto.label.property("state") == "failed"
    assert auto.label.palette().color(QPalette.ColorRole.WindowText) == QColor(ERROR_COLOUR)
    assert window.isEnabled()
    save_unit("Bidang Informasi", UnitKind.BIDANG)  # the register still works


def test_the_daily_backup_comes_once_a_day(qtbot, store, window, make_auto):
    clock = [NOW]
    auto = make_auto(store, window, clock=lambda: clock[0], daily_check_ms=30)
    with qtbot.waitSignal(auto.finished, timeout=10_000):
        auto.start()
    qtbot.wait(200)  # several checks: a backup was made today already
    assert [b.reason for b in backup.list_backups(store)] == ["mulai"]
    clock[0] = NOW + timedelta(days=1, hours=-6)  # the desk left on overnight
    with qtbot.waitSignal(auto.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args[0].path.name == "ppid-desk-20261124-080500-harian.sqlite3"
    qtbot.wait(150)
    assert [b.reason for b in backup.list_backups(store)] == ["harian", "mulai"]


def test_closing_the_window_waits_for_the_exit_backup(qtbot, store, window, make_auto):
    auto = make_auto(store, window, clock=lambda: NOW)
    with qtbot.waitSignal(auto.finished, timeout=10_000):
        auto.start()
    window.close()
    assert window.isVisible() and not window.isEnabled()  # the backup first
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert sorted(b.reason for b in backup.list_backups(store)) == ["keluar", "mulai"]


def test_the_background_check_of_a_large_register_finds_damage(qtbot, data_dir, make_auto):
    damage_register(data_dir)
    with open_store(data_dir) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        auto = make_auto(store, window, clock=lambda: NOW)
        with qtbot.waitSignal(auto.damaged, timeout=10_000) as blocker:
            auto.start(check_first=True)
        assert blocker.args[0]
        qtbot.wait(100)
        assert backup.list_backups(store) == []  # no backup of a damaged register
        auto.close_now()
        QThreadPool.globalInstance().waitForDone(10_000)


# --- Pengaturan → Cadangan -----------------------------------------------------------------

@pytest.fixture
def tab(qtbot, store):
    widget = BackupTab(store)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_tab_lists_backups_and_makes_one_now(qtbot, store, tab):
    assert tab.model.rowCount() == 0 and not tab.restore_button.isEnabled()
    with qtbot.waitSignal(tab.backupFinished, timeout=10_000) as blocker:
        tab.backup_button.click()
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, tab.model.REASON).data() == "manual"
    assert tab.model.index(0, tab.model.STATE).data() == "Baik"
    assert tab.status.text().startswith("Cadangan dibuat ")
    assert tab.restore_button.isEnabled()
    assert blocker.args[0].path.exists()


def test_restore_from_the_tab_asks_first_then_hands_the_swap_on(qtbot, store, tab):
    save_unit("Bidang Informasi", UnitKind.BIDANG)
    good = backup.make_backup(store, "manual", now=NOW)
    save_unit("Unit sesudah cadangan", UnitKind.SKPD)
    tab.reload()
    tab.table.selectRow(0)
    seen = answer_message_box("Batal")
    tab.restore_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert "sebelum pemulihan" in seen[0] and "23-11-2026 14.05" in seen[0]
    assert tab.task is None and unit_names() == ["Bidang Informasi", "Unit sesudah cadangan"]
    answer_message_box("Pulihkan")
    with qtbot.waitSignal(tab.restoreReady, timeout=10_000) as blocker:
        tab.restore_button.click()
    prepared = blocker.args[0]
    assert unit_names() == ["Bidang Informasi", "Unit sesudah cadangan"]  # not swapped yet
    store.close()
    # as the app does once the window closed: off the UI thread, behind a busy dialog
    result = startup.finish_restore_showing_progress(prepared)
    assert result.restored_from == good.path
    with open_store(store.data_dir):
        assert unit_names() == ["Bidang Informasi"]


def test_a_damaged_backup_is_refused_in_the_tab(qtbot, store, tab, tmp_path):
    bad = tmp_path / "rusak.sqlite3"
    bad.write_bytes(b"no database" * 500)
    seen: list[str] = []
    answer_message_box("Pulihkan", seen)
    tab.restore_file(bad, "dari berkas rusak.sqlite3")
    answer_message_box("OK", seen)
    qtbot.waitUntil(lambda: len(seen) >= 2 and tab.task is None, timeout=10_000)
    assert "bukan basis data" in seen[1] and "register tidak diubah" in seen[1]
    assert tab.status.property("state") == "failed"


def test_backup_settings_are_saved_and_checked(qtbot, store, tab, tmp_path):
    tab.keep.setValue(12)
    tab.mirror.setText(str(tmp_path / "tidak-ada"))
    assert tab.save_settings() is False
    assert tab.settings_error.isVisible() and "tidak ada" in tab.settings_error.text()
    tab.mirror.setText(str(tmp_path))
    assert tab.save_settings() is True
    assert (load_office().backup_keep, load_office().backup_mirror_dir) == (12, str(tmp_path))
    assert not tab.settings_error.isVisible()


def test_settings_page_has_the_backup_tab(qtbot, window):
    titles = [window.settings.tabs.tabText(i) for i in range(window.settings.tabs.count())]
    assert titles[-1] == "Cadangan"


# --- a damaged register at start-up --------------------------------------------------------

def test_start_up_with_a_damaged_register_offers_the_newest_backup_and_restores(qtbot, data_dir):
    with open_store(data_dir) as store:
        save_unit("Bidang Informasi", UnitKind.BIDANG)
        good = backup.make_backup(store, "keluar", now=NOW)
    damage_register(data_dir)
    seen: list[str] = []
    answer_damaged_dialog("restore_button", seen)
    opened = open_checked(data_dir)
    assert opened is not None
    with opened.store:
        assert unit_names() == ["Bidang Informasi"]
        assert backup.quick_problems(opened.store) == []
    assert "23-11-2026 14.05 (saat keluar" in seen[0] and seen[1] == "restore shown"
    assert good.path.exists()
    assert [b.reason for b in backup.list_backups(data_dir)].count(backup.DAMAGED) == 1  # the damaged file kept


def test_quitting_leaves_the_damaged_register_untouched(qtbot, data_dir):
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"\x00not a database" * 1000)  # no backups either
    before = database_path(data_dir).read_bytes()
    seen: list[str] = []
    answer_damaged_dialog("quit_button", seen)
    assert open_checked(data_dir) is None
    assert seen[1] == "restore hidden" and "Tidak ada cadangan" in seen[0]
    assert database_path(data_dir).read_bytes() == before  # never an empty register over it


def test_a_restore_from_pengaturan_reopens_the_register(qtbot, data_dir, monkeypatch):
    """The whole life of the app: start, log in, restore from the Cadangan tab, the restored
    register opens in a new window, closing it makes the exit backup and ends the app."""
    from ppid_desk.accounts import passwords
    from ppid_desk.accounts.service import create_admin

    monkeypatch.setattr(passwords, "DEFAULT_PARAMS", passwords.ScryptParams(n=2 ** 8, r=8, p=1))
    with open_store(data_dir) as store:
        create_admin("admin", "Admin Kantor", "rahasia-admin")
        save_office(load_office().with_changes(agency_name="Dinas Kominfo", city="Wates"))
        save_unit("Bidang Informasi", UnitKind.BIDANG)
        good = backup.make_backup(store, "manual", now=NOW)
        save_unit("Unit sesudah cadangan", UnitKind.SKPD)
    app = QApplication.instance()
    guard = SingleInstance(data_dir)
    assert guard.acquire() is LockState.ACQUIRED
    seen_units: list[list[str]] = []

    def windows() -> list[MainWindow]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]

    def first_window(tries: int = 300) -> None:
        if not windows():
            QTimer.singleShot(20, lambda: first_window(tries - 1))
            return
        window = windows()[0]
        window.desk_lock.screen.username.setText("admin")  # the app starts at the login screen
        window.desk_lock.screen.password.setText("rahasia-admin")
        window.desk_lock.screen.submit_button.click()
        seen_units.append(unit_names())
        answer_message_box("Pulihkan")
        window.settings.backup_tab.restore_file(good.path, "dari cadangan manual")
        QTimer.singleShot(50, lambda: second_window(window))

    def second_window(old: MainWindow, tries: int = 300) -> None:
        fresh = [w for w in windows() if w is not old]
        if not fresh:
            QTimer.singleShot(20, lambda: second_window(old, tries - 1))
            return
        seen_units.append(unit_names())
        fresh[0].close()  # the exit backup, then the app ends

    QTimer.singleShot(0, first_window)
    # Never hang the suite; stopped afterwards: a stray exit() with no loop running would
    # make every later event loop of the run return at once.
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: app.exit(99))
    give_up.start(30_000)
    try:
        code = run_sessions(app, data_dir, guard)
    finally:
        give_up.stop()
        guard.release()
    assert code == 0
    assert seen_units == [["Bidang Informasi", "Unit sesudah cadangan"], ["Bidang Informasi"]]
    reasons = [b.reason for b in backup.list_backups(data_dir)]
    assert "sebelum-pemulihan" in reasons and "keluar" in reasons


# --- one app per data folder ---------------------------------------------------------------

def test_a_second_lock_on_the_same_folder_fails_and_wakes_the_first(qtbot, data_dir):
    first = SingleInstance(data_dir)
    assert first.acquire() is LockState.ACQUIRED
    try:
        other = QLockFile(str(instance.lock_path(data_dir)))
        other.setStaleLockTime(0)
        assert not other.tryLock(0)
        assert instance.holder(data_dir).pid == os.getpid()  # the command line sees it too
        second = SingleInstance(data_dir)
        assert second.acquire() is LockState.HELD
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert second.wake_first()
    finally:
        first.release()
    assert SingleInstance(data_dir).acquire() is LockState.ACQUIRED


def test_a_stale_lock_from_a_dead_process_is_taken_over(qtbot, data_dir):
    data_dir.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    name = instance.process_name(os.getpid()) or Path(sys.executable).name
    instance.lock_path(data_dir).write_text(f"{dead.pid}\n{name}\n{instance.host_name()}\n\n\n")
    guard = SingleInstance(data_dir)
    assert guard.acquire() is LockState.ACQUIRED
    guard.release()


def test_an_empty_lock_file_is_taken_over_once_it_is_old(qtbot, data_dir):
    data_dir.mkdir(parents=True)
    lock = instance.lock_path(data_dir)
    lock.write_bytes(b"")
    assert SingleInstance(data_dir).acquire() is LockState.HELD
    old = lock.stat().st_mtime - 60
    os.utime(lock, (old, old))
    guard = SingleInstance(data_dir)
    assert guard.acquire() is LockState.ACQUIRED
    guard.release()


def test_a_writing_command_holds_the_folder_against_the_app(qtbot, data_dir):
    with instance.held(data_dir):
        guard = SingleInstance(data_dir)
        assert guard.acquire() is LockState.HELD
        assert not guard.wake_first()  # a command has no window to show
        assert f"proses {os.getpid()}" in guard.busy_message()


def test_a_second_app_start_brings_the_first_window_forward(qtbot, data_dir, tmp_path):
    first = SingleInstance(data_dir)
    assert first.acquire() is LockState.ACQUIRED
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        with qtbot.waitSignal(first.activated, timeout=30_000):
            second = subprocess.Popen([sys.executable, "-m", "ppid_desk", "--data-dir", str(data_dir), "gui"],
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = second.communicate(timeout=30)
    finally:
        first.release()
    assert second.returncode == 0, err
    assert "sudah terbuka" in out and "dimunculkan" in out
