"""Automatic backups while the app runs: at start, daily, and on exit.

:class:`AutoBackup` puts a label in the main window's status bar ("Cadangan dibuat
23-11-2026 14.05 (12,3 MB)", failures in red) and runs each backup off the UI thread
(:class:`~ppid_desk.ui.widgets.background.Task`): at start (after the background
integrity check of a large register, when there is one), whenever no backup was made
yet today (checked every few minutes, so a desk left on overnight gets its daily one),
and when the window closes — the close waits, with the window disabled and a word in
the status bar, until that last backup is written. A failing backup is shown, never
raised: the officer keeps working.

A register on a PostgreSQL server (several desks) gets no backup at start or exit — with
every desk opening and closing, those would pile up — but a daily one: whenever this desk
finds no backup made today in its own ``<data>/backups`` (at start, then every few
minutes). Each desk thus keeps one copy of the server register a day, on its own disk.
The server's administrator should back the database up on the server too (pg_dump).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from ppid_desk.backup import BackupResult, due_daily, make_backup, quick_problems
from ppid_desk.register.attachments import size_text
from ppid_desk.store import Store
from ppid_desk.store.sqlite import first_finding

from ..widgets.background import Task
from ..widgets.field_errors import ERROR_COLOUR

DAILY_CHECK_MS = 10 * 60 * 1000


def result_text(result: BackupResult) -> str:
    """``Cadangan dibuat 23-11-2026 14.05 (12,3 MB)``, and a mirror's problem after it."""
    text = QCoreApplication.translate("backup", "Cadangan dibuat {0} ({1})").format(
        f"{result.made:%d-%m-%Y %H.%M}", size_text(result.size))
    if result.mirror_problem:
        text += " \u2014 " + result.mirror_problem
    return text


class BackupStatus(QLabel):
    """The status bar's word on the last backup; ``state`` is ok, failed or busy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("backupStatus")

    def show_state(self, text: str, state: str, tooltip: str = "") -> None:
        self.setText(text)
        self.setToolTip(tooltip or text)
        self.setProperty("state", state)
        palette = self.palette()
        colour = QColor(ERROR_COLOUR) if state == "failed" else self.parent_colour()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)

    def parent_colour(self) -> QColor:
        return QApplication.palette().color(QPalette.ColorRole.WindowText)


class AutoBackup(QObject):
    """Emits ``finished(BackupResult)`` / ``failed(str)`` after each backup and
    ``damaged(str)`` when the background start-up check finds the register damaged."""

    finished = Signal(object)
    failed = Signal(str)
    damaged = Signal(str)

    def __init__(self, store: Store, window: QMainWindow, clock: Callable[[], datetime] | None = None,
                 daily_check_ms: int = DAILY_CHECK_MS):
        super().__init__(window)
        self.store = store
        self.window = window
        self._clock = clock or datetime.now
        self.label = BackupStatus()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(daily_check_ms)
        self.timer.timeout.connect(self.run_daily_if_due)
        self.task: Task | None = None
        self._queued: list[str] = []
        self._exit_backup = True
        self._closing = False
        self._may_close = False
        self.last_result: BackupResult | None = None
        window.installEventFilter(self)

    # --- when ---------------------------------------------------------------------------

    def start(self, check_first: bool = False) -> None:
        """The start-up backup (after the integrity check when ``check_first``) and the daily
        timer; for a register on a server only the daily backup, when none was made today."""
        if self.store.is_postgres:
            self._exit_backup = False
            self.run_daily_if_due()
        elif check_first:
            self._check_then_start()
        else:
            self.run("mulai")
        self.timer.start()

    def run_daily_if_due(self) -> None:
        if self.task is None and not self._closing and due_daily(self.store, self._clock()):
            self.run("harian")

    def skip_exit_backup(self) -> None:
        """Close without the exit backup (the register is about to be replaced or is damaged)."""
        self._exit_backup = False

    def stop(self) -> None:
        self.timer.stop()
        self._queued.clear()

    # --- the work -----------------------------------------------------------------------

    def run(self, reason: str) -> None:
        """Back up now (``reason`` as in ppid_desk.backup.REASONS); queued behind a running one."""
        if self.task is not None:
            if reason not in self._queued:
                self._queued.append(reason)
            return
        store, now = self.store, self._clock()
        self.label.show_state(self.tr("Membuat cadangan\u2026"), "busy")
        task = Task(lambda _progress: make_backup(store, reason, now=now), parent=self)
        task.finished.connect(self.show_result)
        task.failed.connect(self.show_failure)
        task.done.connect(self._ended)
        self.task = task
        task.start()

    def _check_then_start(self) -> None:
        store = self.store
        self.label.show_state(self.tr("Memeriksa basis data\u2026"), "busy")
        task = Task(lambda _progress: quick_problems(store), parent=self)
        task.finished.connect(self._checked)
        task.failed.connect(self.show_failure)
        task.done.connect(self._ended)
        self.task = task
        task.start()

    def _checked(self, problems: list[str]) -> None:
        if problems:
            self._queued.clear()
            self.label.show_state(self.tr("Basis data rusak"), "failed")
            self.damaged.emit(first_finding(problems))
        else:
            self._queued.insert(0, "mulai")

    def show_result(self, result: BackupResult) -> None:
        self.last_result = result
        state = "failed" if result.mirror_problem else "ok"
        self.label.show_state(result_text(result), state, str(result.path))
        self.finished.emit(result)

    def show_failure(self, message: str) -> None:
        self.label.show_state(self.tr("Cadangan gagal: {0}").format(message), "failed", message)
        self.failed.emit(message)
        if self._closing:
            QMessageBox.warning(self.window, self.tr("Cadangan gagal"),
                                self.tr("Cadangan saat keluar tidak dapat dibuat:\n{0}").format(message))

    def _ended(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        if self._queued:
            self.run(self._queued.pop(0))
        elif self._closing:
            self._may_close = True
            self.window.close()

    # --- closing ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self._may_close:
            if not self._closing:
                self._close_with_backup()
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _close_with_backup(self) -> None:
        self._closing = True
        self.timer.stop()
        if not self._exit_backup:
            self._queued.clear()
            if self.task is None:
                self._may_close = True
                QTimer.singleShot(0, self.window.close)
            return  # else: closes when the running task ends
        self.window.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Membuat cadangan sebelum keluar\u2026"))
        self._queued = [r for r in self._queued if r == "keluar"]
        self.run("keluar")

    def close_now(self) -> None:
        """Let the window close at once (after the event loop ended)."""
        self._may_close = True
        self.timer.stop()
