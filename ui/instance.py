"""One app per data folder: Qt's lock file and a local socket to wake the first window.

The lock is ``<data>/ppid-desk.lock`` (a ``QLockFile`` held while the app runs; the
command line's writing commands take the same file, see ``ppid_desk.instance``). The
first instance listens on a local socket named from a hash of the data folder's path;
a second start for the same folder sends it a word and quits, and the first brings its
window to the front. When the socket cannot be reached (the holder is a command such
as ``ppid-desk import-register``, or another computer on a share) the second start
explains who holds the folder.
"""

from __future__ import annotations

import hashlib
import os
import time
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ppid_desk import instance
from ppid_desk.paths import ensure_data_dir

WAKE_WORD = b"tampilkan\n"
SOCKET_TIMEOUT_MS = 1500


class LockState(Enum):
    ACQUIRED = "acquired"
    HELD = "held"  # another instance (or a writing command) holds the folder
    FAILED = "failed"  # the lock file cannot be written (read-only folder...)


def server_name(data_dir: Path) -> str:
    """The local socket's name for ``data_dir``: the same folder gives the same name."""
    path = os.path.normcase(str(Path(data_dir).absolute()))
    return "ppid-desk-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:20]


class SingleInstance(QObject):
    """Emits ``activated`` when a second start for the same data folder asks to be shown."""

    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock_file = instance.lock_path(self.data_dir)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self.problem = ""

    # --- the first instance -------------------------------------------------------------

    def acquire(self) -> LockState:
        try:
            ensure_data_dir(self.data_dir)
        except Exception as exc:  # noqa: BLE001 - a PpidError with its own message
            self.problem = str(exc)
            return LockState.FAILED
        lock = QLockFile(str(self.lock_file))
        lock.setStaleLockTime(0)  # held for the whole session: never stale by age
        if not lock.tryLock(0) and not self._take_over_unreadable(lock):
            if lock.error() == QLockFile.LockError.LockFailedError:
                return LockState.HELD
            self.problem = (f"Kunci folder data {self.lock_file} tidak dapat dibuat (folder hanya-baca atau tanpa "
                            "izin tulis?).")
            return LockState.FAILED
        self._lock = lock
        self._listen()
        return LockState.ACQUIRED

    def _take_over_unreadable(self, lock: QLockFile) -> bool:
        """An empty or garbled lock file (the PC lost power while it was written) is never
        stale for Qt when no age limit is set; it is taken over once it is a few seconds old."""
        if lock.error() != QLockFile.LockError.LockFailedError or lock.getLockInfo()[0]:
            return False
        try:
            age = time.time() - self.lock_file.stat().st_mtime
        except OSError:
            return False
        if age < instance.UNREADABLE_GRACE_SECONDS:
            return False
        lock.removeStaleLockFile()
        return lock.tryLock(0)

    def _listen(self) -> None:
        name = server_name(self.data_dir)
        server = QLocalServer(self)
        if not server.listen(name):
            QLocalServer.removeServer(name)  # a socket left by a crashed run; we hold the lock
            if not server.listen(name):
                server.deleteLater()
                return  # a second start will explain instead of waking us
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()  # a child of the server
            socket.readyRead.connect(self._on_word)

    def _on_word(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if bytes(socket.readAll().data()).startswith(WAKE_WORD.strip()):
            self.activated.emit()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            for socket in self._server.findChildren(QLocalSocket):
                socket.abort()
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    # --- a second start -----------------------------------------------------------------

    def wake_first(self) -> bool:
        """Ask the instance holding the folder to show its window; True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        if not socket.waitForConnected(SOCKET_TIMEOUT_MS):
            return False
        socket.write(WAKE_WORD)
        ok = socket.waitForBytesWritten(SOCKET_TIMEOUT_MS)
        socket.disconnectFromServer()  # after the word is written; the first reads it in its own time
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(SOCKET_TIMEOUT_MS)
        return ok

    def busy_message(self) -> str:
        owner = instance.holder(self.data_dir)
        if owner is None:
            owner = instance.LockHolder(0, "", "")
        return (f"PPID Desk sudah terbuka untuk folder data ini ({self.data_dir}), atau sebuah perintah ppid-desk "
                f"sedang memakainya ({owner.describe() if owner.pid else 'program lain'}). Pakai jendela yang sudah "
                "terbuka, atau tunggu perintah itu selesai. Satu folder data hanya boleh dibuka satu kali, di satu "
                "komputer.")
