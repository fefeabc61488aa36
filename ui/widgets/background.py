"""Long work (Excel reports, later backups) off the UI thread, its outcome back by signal.

A :class:`Task` runs ``work(progress)`` on a :class:`QThreadPool` thread. ``progress(percent,
text)`` reports how far it got and returns False once :meth:`Task.cancel` was called, so
the work can stop where it stands (the reports core raises its own "cancelled" exception
then; name it in ``cancelled_by``). Exactly one of ``finished(result)``, ``failed(message)``
or ``cancelled()`` follows, on the UI thread, then ``done()``:

- a :class:`~ppid_desk.errors.PpidError` (ValidationError...) fails with its own message;
- any other exception fails with a general Indonesian message and is logged with its
  traceback, never dropped.

The work must not touch widgets. The register's database gives each thread its own
connection (peewee, opened on the first query); the worker closes its thread's connection
before it reports, so the pool's idle threads keep no file open.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ppid_desk.errors import PpidError
from ppid_desk.store.models import database

Progress = Callable[[int, str], bool]

log = logging.getLogger(__name__)


def unexpected_message(exc: BaseException) -> str:
    return QCoreApplication.translate("background", "Terjadi kesalahan yang tidak terduga ({0}); pekerjaan "
                                                    "dihentikan. Rinciannya dicatat di log aplikasi.").format(
        type(exc).__name__)


def close_thread_connection() -> None:
    """Close this thread's connection to the register, if it has one."""
    if database.obj is not None and not database.is_closed():
        database.close()


class Task(QObject):
    """One piece of work. Parent it to the widget that waits for it (the object must live in
    the UI thread); start it once."""

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of the three above

    def __init__(self, work: Callable[[Progress], Any], cancelled_by: tuple[type[BaseException], ...] = (),
                 parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancelled_by = cancelled_by
        self._cancel = threading.Event()
        self._running = False
        self.done.connect(self._ended)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        if self._running:
            raise RuntimeError("task already running")
        self._running = True
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (it may still finish)."""
        self._cancel.set()

    def _report(self, percent: int, text: str) -> bool:
        """The ``progress`` the work gets; runs on the worker thread."""
        if self._cancel.is_set():
            return False
        self.progress.emit(int(percent), text)
        return True

    def _ended(self) -> None:
        self._running = False

    def _run(self) -> None:
        """On the worker thread: run the work, close the connection, then report once."""
        try:
            try:
                result = self._work(self._report)
            except self._cancelled_by:
                outcome = (self.cancelled, ())
            except PpidError as exc:
                outcome = (self.failed, (exc.message,))
            except BaseException as exc:  # noqa: BLE001 - reported to the officer and logged, never dropped
                log.exception("background task failed")
                outcome = (self.failed, (unexpected_message(exc),))
            else:
                outcome = (self.finished, (result,))
        finally:
            try:
                close_thread_connection()
            except Exception:  # noqa: BLE001 - the outcome still has to reach the UI
                log.exception("closing the worker thread's database connection failed")
        signal, args = outcome
        signal.emit(*args)
        self.done.emit()


class _Runner(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self._task = task

    def run(self) -> None:
        task, self._task = self._task, None
        try:
            task._run()
        except RuntimeError:  # the waiting widget (and the task with it) was deleted meanwhile
            log.info("background task ended after its window was closed", exc_info=True)


__all__ = ["Progress", "Task", "close_thread_connection", "unexpected_message"]
