"""The desk's link to its register while the window is open (issue 11): is the server
there, and did another desk write something?

:class:`ConnectionMonitor` (``window.connection``) looks every :data:`INTERVAL_MS`
milliseconds, off the UI thread, at the register's change marker — the newest id of the
audit log (every write of the services appends an entry; appends are serialised across
desks by the audit lock, so ids become visible in order). For a PostgreSQL register that
query is also the ping: a failure flips ``online`` to False (``changed(False)``), and the
status bar says "Server: TIDAK TERJANGKAU — bekerja luring (N antre)"; the next answer
flips it back (``changed(True)``), revives the UI thread's own connection (a connection
the server dropped fails once, then peewee connects afresh) and sends the offline queue
(:mod:`ppid_desk.offline`, when that module exists). When the marker moved,
``dataChanged(Changes)`` says which records were touched, so the window refreshes the
pages built so far (``MainWindow.show_changes_elsewhere``).

The probe runs as a :class:`~ppid_desk.ui.widgets.background.Task` on a pool of its own
(one thread, so a probe never waits behind a report being built). peewee keeps one
connection per thread: the probe's thread opens its own connection and the Task closes it
when the probe ends, so the UI thread's connection is never used from another thread.
The same look runs for a SQLite register (another process — the command line, a second
window after a restore — may write the file); there it is one primary-key lookup in a
local file.

Polling starts with :meth:`ConnectionMonitor.start` (the app's start does it; a window
built by a test or by ``smoke`` does not poll unless told to).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QItemSelectionModel, QModelIndex, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QTableView, QWidget

from ppid_desk.accounts.officer import Actor
from ppid_desk.errors import PpidError, StoreError
from ppid_desk.store import Store
from ppid_desk.store.location import ServerAddress

from .session import NOBODY, current_actor, session
from .widgets.background import Task

log = logging.getLogger(__name__)

INTERVAL_MS = 3000
CHANGES_LIMIT = 500  # more entries than this since the last look: refresh everything
STOP_WAIT_MS = 15_000  # a probe stuck on an unreachable host ends within the connect timeout

ONLINE_COLOUR = "#1b5e20"
OFFLINE_BACKGROUND = "#b00020"


# --- what the probe finds ---------------------------------------------------------------------

# The audit kinds of bulk entries (ppid-desk import-register / demo, import-dip, demo
# messages) and the kinds of records each one wrote.
BULK_KINDS = {
    "register": ("request", "objection", "message", "dip_entry"),
    "dip": ("dip_entry",),
    "inbox": ("message",),
}


@dataclass(frozen=True)
class Changes:
    """What was written to the register since the last look: the audit log's target kinds
    (``request``, ``objection``, ``message``, ``dip_entry``, ``calendar``, ``unit``, ``office``,
    …) and the records named (kind, target id as the audit log writes it: a request's,
    objection's or message's number, a DIP entry's id). ``everything``: too many entries to
    list, or the log went backwards (a restore): treat every record as changed."""

    kinds: frozenset[str] = frozenset()
    targets: frozenset[tuple[str, str]] = frozenset()
    everything: bool = False

    def touches_kind(self, *kinds: str) -> bool:
        if self.everything or any(kind in self.kinds for kind in kinds):
            return True
        # bulk work writes one entry for many records (imports, demo data): its kind stands
        # for the records it wrote
        return any(kind in BULK_KINDS.get(bulk, ()) for bulk in self.kinds for kind in kinds)

    def touches(self, kind: str, target: object) -> bool:
        return self.everything or (kind, str(target)) in self.targets


@dataclass(frozen=True)
class Probe:
    online: bool
    marker: int | None = None
    changes: Changes | None = None
    problem: str = ""
    queued: int | None = None  # requests waiting in the offline queue (None: no queue module)


def read_marker(db: Any) -> int:
    """The register's change marker: the newest audit entry's id (0 for an empty log)."""
    row = db.execute_sql("SELECT max(id) FROM audit_log").fetchone()
    return int(row[0] or 0) if row else 0


def read_changes(db: Any, after: int, upto: int) -> Changes:
    """The records touched by the audit entries ``after`` < id <= ``upto``."""
    if upto < after:
        return Changes(everything=True)
    p = db.param
    rows = db.execute_sql(f"SELECT target_kind, target_id FROM audit_log WHERE id > {p} AND id <= {p} "
                          f"ORDER BY id LIMIT {CHANGES_LIMIT + 1}", (after, upto)).fetchall()
    if len(rows) > CHANGES_LIMIT:
        return Changes(everything=True)
    return Changes(kinds=frozenset(str(kind) for kind, _ in rows),
                   targets=frozenset((str(kind), str(target)) for kind, target in rows))


def probe(store: Store, after: int | None, data_dir: Path) -> Probe:
    """On a worker thread: the marker (and what changed since ``after``), or why the
    server cannot be reached (and how many requests wait in the offline queue)."""
    db = store.db
    try:
        marker = read_marker(db)
        changes = read_changes(db, after, marker) if after is not None and marker != after else None
    except StoreError as exc:  # ServerUnreachable, a refused password, a dropped database
        if not store.is_postgres:
            raise
        problem = problem_text(exc, store.address) if store.address is not None else exc.message
        return Probe(online=False, problem=problem, queued=queued_count(data_dir))
    return Probe(online=True, marker=marker, changes=changes)


# --- what went wrong, in words an office can act on ------------------------------------------

def problem_text(exc: BaseException, address: ServerAddress) -> str:
    """What went wrong connecting to ``address``, in words an office can act on: the
    core's wording (:func:`ppid_desk.store.postgres.connection_problem`), except that a
    password asked for or refused points at this window's password field."""
    from ppid_desk.store.postgres import connection_problem, password_problem

    host, user = address.host, address.user
    kind = password_problem(exc)
    if kind == "missing":
        return f"Server {host} meminta kata sandi untuk pengguna {user}: isi Kata sandi, lalu uji lagi."
    if kind == "wrong":
        return (f"Kata sandi ditolak: server {host} tidak menerima kata sandi ini untuk pengguna {user}. "
                "Periksa kata sandi.")
    if isinstance(exc, PpidError):
        return exc.message  # the core's own words already (RegisterPostgres uses connection_problem)
    return connection_problem(address, exc)


# --- the offline queue (ppid_desk.offline) ---------------------------------------------------

def offline_desk(data_dir: Path) -> Any | None:
    """The desk's offline queue, or None when it cannot be opened (logged)."""
    from ppid_desk.offline import OfflineDesk  # imported on first use: the start stays fast

    try:
        return OfflineDesk(data_dir)
    except Exception:  # noqa: BLE001 - a queue that cannot be opened is no reason to stop the probe
        log.exception("the offline queue could not be opened")
        return None


def queued_count(data_dir: Path) -> int | None:
    desk = offline_desk(data_dir)
    if desk is None:
        return None
    try:
        return desk.pending()
    except Exception:  # noqa: BLE001
        log.exception("the offline queue could not be read")
        return None


@dataclass(frozen=True)
class QueueOutcome:
    sent: int
    message: str = ""  # the queue's own sentence (PushResult.message()), "" when it has none
    trouble: bool = False  # something stayed behind (refused, the server gone again)


def send_offline_queue(data_dir: Path, actor: Actor) -> QueueOutcome | None:
    """On a worker thread, once the server answers again: send what was registered offline
    (``OfflineDesk.push``), then refresh the desk's copy of the office data and reserve
    numbers for the next time the server is away (``prepare``). None: no queue module."""
    desk = offline_desk(data_dir)
    if desk is None:
        return None
    result = desk.push(actor)
    desk.prepare(actor)
    return QueueOutcome(result.pushed + result.already, result.message(), not result.done)


# --- the monitor -------------------------------------------------------------------------------

class ConnectionMonitor(QObject):
    """``changed(bool)`` when the server goes away or comes back; ``dataChanged(Changes)``
    when the register was written (by anyone) since the last look; ``queueSent(str)`` the
    outcome of sending the offline queue, for the status bar."""

    changed = Signal(bool)
    dataChanged = Signal(object)
    queueSent = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None, interval_ms: int = INTERVAL_MS,
                 actor: Callable[[], Actor] = current_actor):
        super().__init__(parent)
        self.store = store
        self._actor = actor
        self._online = True  # the register was just opened
        self._marker: int | None = None
        self._task: Task | None = None
        self._sync: Task | None = None
        self._sync_wanted = False
        self._stopped = False
        self.queued: int | None = None
        self.problem = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        session().officerChanged.connect(self._officer_changed)

    # --- state ----------------------------------------------------------------------------

    def _get_online(self) -> bool:
        return self._online

    online = Property(bool, _get_online, notify=changed)

    @property
    def is_server(self) -> bool:
        return self.store.is_postgres

    @property
    def polling(self) -> bool:
        return self.timer.isActive()

    # --- when -----------------------------------------------------------------------------

    def start(self) -> None:
        """Look now, then every interval; for a server, send any offline queue once an
        officer is at the desk."""
        self._stopped = False
        self.timer.start()
        self.poll()
        if self.is_server:
            self._sync_wanted = True
            self.officer_arrived()

    def stop(self, wait_ms: int = STOP_WAIT_MS) -> None:
        """No more looks; waits for a probe under way (its thread's connection is closed).
        Its outcome, still on its way to the UI thread, changes nothing and starts nothing."""
        self._stopped = True
        self.timer.stop()
        self.pool.waitForDone(wait_ms)

    def poll(self) -> None:
        """Look at the register now (nothing when a look is still under way)."""
        if self._task is not None or self._stopped:
            return
        store, after, data_dir = self.store, self._marker, self.store.data_dir
        task = Task(lambda _progress: probe(store, after, data_dir), parent=self)
        task.finished.connect(self._probed)
        task.failed.connect(self._probe_failed)
        task.done.connect(self._probe_done)
        self._task = task
        task.start(self.pool)

    def report_unreachable(self, message: str = "") -> None:
        """Someone (a page, a form) got :class:`~ppid_desk.store.postgres.ServerUnreachable`:
        offline at once; the next look decides when the server is back."""
        if not self.is_server:
            return
        if message:
            self.problem = message
        self._set_online(False)

    def _officer_changed(self, officer: object) -> None:
        if officer is not None and self.polling:
            self.officer_arrived()

    def officer_arrived(self) -> None:
        """An officer logged in: a queue left from an earlier offline spell can go now, and
        numbers are reserved for working offline if this officer may register requests (the
        first officer of a session may not: an Admin only)."""
        if self.is_server and self._online:
            self.send_queue()

    # --- outcomes -------------------------------------------------------------------------

    def _probed(self, found: Probe) -> None:
        if self._stopped:
            return
        if not found.online:
            self.queued = found.queued
            self.problem = found.problem
            self._set_online(False)
            return
        if not self._online:
            if not self._revive_ui_connection():
                return  # answered the probe, not the UI thread: try again at the next look
            self.problem = ""
            self._set_online(True)
        previous, self._marker = self._marker, found.marker
        if previous is not None and found.changes is not None:
            self.dataChanged.emit(found.changes)

    def _probe_failed(self, message: str) -> None:
        # Not a lost server (that is a Probe): a register that cannot be read at all. The
        # pages say so themselves when used; the monitor only keeps a word of it.
        log.warning("register probe failed: %s", message)

    def _probe_done(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()

    def recount(self) -> None:
        """A request went into the offline queue: the status bar shows the new count now,
        not at the next look (the queue is a local file: cheap)."""
        if self.is_server:
            self.queued = queued_count(self.store.data_dir)
            if not self._online:
                self.changed.emit(False)

    def _set_online(self, online: bool) -> None:
        if online == self._online:
            if not online:
                self.changed.emit(False)  # the queue count or the reason may have changed
            return
        self._online = online
        if online:
            self._sync_wanted = True
        self.changed.emit(online)
        if online:
            self.send_queue()

    def _revive_ui_connection(self) -> bool:
        """The UI thread's connection may have been dropped by the server meanwhile: its first
        query would fail. A ping that fails forgets it (RegisterPostgres), a second connects."""
        from ppid_desk.store.postgres import ping

        for _attempt in range(2):
            try:
                ping(self.store.db)
                return True
            except StoreError:
                continue
        return False

    # --- the offline queue ----------------------------------------------------------------

    def send_queue(self) -> None:
        """Send the offline queue off the UI thread (when an officer is acting; else when one
        logs in)."""
        if not self.is_server or self._sync is not None or self._stopped:
            return
        actor = self._actor()
        if actor is NOBODY:
            return
        self._sync_wanted = False
        data_dir = self.store.data_dir
        task = Task(lambda _progress: send_offline_queue(data_dir, actor), parent=self)
        task.finished.connect(self._queue_sent)
        task.failed.connect(self._queue_failed)
        task.done.connect(self._sync_done)
        self._sync = task
        task.start(self.pool)

    def _queue_sent(self, outcome: QueueOutcome | None) -> None:
        if outcome is None or not (outcome.sent or outcome.trouble):
            return  # no queue module, or nothing was waiting
        if outcome.trouble:
            self._sync_wanted = True  # what stayed behind goes with the next officer or the next return
        self.queueSent.emit(outcome.message or self.tr("{0} permohonan luring terkirim ke server").format(outcome.sent))
        if outcome.sent:
            self.poll()  # the pages show them at once

    def _queue_failed(self, message: str) -> None:
        self._sync_wanted = True  # try again with the next officer or the next return
        self.queueSent.emit(self.tr("Permohonan luring belum terkirim: {0}").format(message))

    def _sync_done(self) -> None:
        task, self._sync = self._sync, None
        if task is not None:
            task.deleteLater()


# --- the status bar's word ------------------------------------------------------------------

class ConnectionStatus(QLabel):
    """``Server: tersambung`` (green) or ``Server: TIDAK TERJANGKAU — bekerja luring (N
    antre)`` (white on red): the words carry the state, the colour only helps."""

    def __init__(self, monitor: ConnectionMonitor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionStatus")
        self.monitor = monitor
        monitor.changed.connect(self.show_state)
        self.show_state(monitor.online)

    def show_state(self, online: bool) -> None:
        where = str(self.monitor.store.where)
        if online:
            self.setText("\u25cf " + self.tr("Server: tersambung"))
            self.setToolTip(self.tr("Register di server {0}").format(where))
            self.setStyleSheet(f"QLabel {{ color: {ONLINE_COLOUR}; padding: 0 6px; }}")
            self.setProperty("state", "online")
            return
        queued = self.monitor.queued
        text = self.tr("Server: TIDAK TERJANGKAU \u2014 bekerja luring ({0} antre)").format(queued or 0)
        self.setText("\u25a0 " + text)
        tip = self.monitor.problem or self.tr("Server basis data {0} tidak terjangkau.").format(where)
        self.setToolTip(tip + "\n" + self.tr("Sambungan dicoba lagi setiap {0} detik.").format(
            max(1, self.monitor.timer.interval() // 1000)))
        self.setStyleSheet(f"QLabel {{ color: white; background: {OFFLINE_BACKGROUND}; font-weight: bold; "
                           "padding: 1px 6px; border-radius: 3px; }")
        self.setProperty("state", "offline")


# --- keeping the user's place while a list reloads -----------------------------------------------

@contextmanager
def kept_view(table: QTableView, id_of: Callable[[int], object],
              row_of: Callable[[object], int]) -> Iterator[None]:
    """Reload the table's model inside: the current record stays current (found again by
    its id), as many rows stay loaded as were (a lazy model starts again from its first
    page), and the scroll position stays where it was."""
    model = table.model()
    current = table.currentIndex()
    key = id_of(current.row()) if current.isValid() else None
    column = current.column() if current.isValid() else 0
    loaded = model.rowCount()
    bars = (table.verticalScrollBar(), table.horizontalScrollBar())
    positions = [bar.value() for bar in bars]
    yield
    root = QModelIndex()
    while model.rowCount() < loaded and model.canFetchMore(root):
        before = model.rowCount()
        model.fetchMore(root)
        if model.rowCount() == before:
            break
    if key is not None:
        row = row_of(key)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            table.selectionModel().setCurrentIndex(model.index(row, column), flags)
    for bar, value in zip(bars, positions):
        bar.setValue(value)


def list_view(table: QTableView) -> Any:
    """:func:`kept_view` for a table of a :class:`~ppid_desk.ui.widgets.list_model.ListTableModel`
    whose items have an ``id``."""
    model = table.model()

    def id_of(row: int) -> object:
        return getattr(model.row(row), "id", None)

    return kept_view(table, id_of, lambda key: model.row_of(lambda item: getattr(item, "id", None) == key))


@contextmanager
def kept_scroll(page: QWidget) -> Iterator[None]:
    """Reload a detail page inside: its scroll areas keep their positions (set again once
    the reloaded content has been laid out)."""
    areas = page.findChildren(QAbstractScrollArea)
    positions = [(area, area.verticalScrollBar().value(), area.horizontalScrollBar().value()) for area in areas]
    yield

    def put_back() -> None:
        for area, vertical, horizontal in positions:
            try:
                area.verticalScrollBar().setValue(vertical)
                area.horizontalScrollBar().setValue(horizontal)
            except RuntimeError:  # the area was rebuilt by the reload
                pass
    put_back()
    QTimer.singleShot(0, put_back)


def record_key(kind: str, record_id: int | None) -> str | None:
    """How the audit log names a record (``target_id``): a request's, objection's or
    message's number, a DIP entry's id."""
    if record_id is None:
        return None
    from ppid_desk.store.models import InboxMessage, Objection, Request

    model = {"request": Request, "objection": Objection, "message": InboxMessage}.get(kind)
    if model is None:
        return str(record_id)
    row = model.select(model.number).where(model.id == record_id).first()
    return row.number if row is not None else None


# --- an unexpected ServerUnreachable anywhere in the UI ----------------------------------------

def install_unreachable_hook(monitor: ConnectionMonitor, say: Callable[[str], None]) -> Callable[[], None]:
    """A :class:`ServerUnreachable` nobody caught (a slot that queried the register while the
    server was away) turns the desk offline and is said in the status bar instead of ending
    as a traceback. Returns the function that removes the hook."""
    from ppid_desk.store.postgres import ServerUnreachable

    previous = sys.excepthook

    def hook(kind, value, trace) -> None:
        cause: BaseException | None = value
        while cause is not None and not isinstance(cause, ServerUnreachable):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, ServerUnreachable):
            monitor.report_unreachable(cause.message)
            say(cause.message)
            return
        previous(kind, value, trace)

    sys.excepthook = hook

    def remove() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous
    return remove


__all__ = ["Changes", "ConnectionMonitor", "ConnectionStatus", "Probe", "install_unreachable_hook", "problem_text",
           "kept_scroll", "kept_view", "list_view", "probe", "read_changes", "read_marker", "record_key"]
