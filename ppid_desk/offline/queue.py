"""The desk's local queue: a SQLite file in the data folder, ``antrean-luring.sqlite3``.

It holds what the desk needs to register while the server cannot be reached and what it
registered meanwhile, written with the register's durability (WAL, ``synchronous=FULL``:
a registration the officer saw as saved survives a power cut):

- ``meta``: the desk's id (random, made once) and the snapshot of the office's data
  (settings, calendar, service hours, units, logo) refreshed whenever the desk is online;
- ``block``: this desk's number blocks copied from the server, with the next unused
  number of each;
- ``item``: the queued registrations in order, with the row values they will be written
  with, the receipt issued offline (its PDF bytes) and, once pushed, when and as which
  request.

A connection is opened for each call and closed after it, so any thread may use the
queue (a push in the background while the officer registers); writes take SQLite's write
lock first (``BEGIN IMMEDIATE``), so a number is never given out twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from ..paths import OFFLINE_QUEUE_NAME, offline_queue_path

QUEUE_NAME = OFFLINE_QUEUE_NAME  # ppid_desk.paths: the store refuses a SQLite register beside it
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS block (
    id INTEGER PRIMARY KEY,            -- the server's number_block id
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    next INTEGER NOT NULL              -- the next unused number (last + 1: used up)
);
CREATE TABLE IF NOT EXISTS item (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- queue order
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    num_seq INTEGER NOT NULL,
    number TEXT NOT NULL UNIQUE,
    block_id INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    actor TEXT NOT NULL,               -- JSON: the officer who registered it
    input TEXT NOT NULL,               -- JSON: the intake form's data
    row TEXT NOT NULL,                 -- JSON: the request's column values as pushed
    receipt_pdf BLOB,
    receipt_hash TEXT,
    receipt_sha256 TEXT,
    receipt_paper TEXT,
    receipt_issued_at TEXT,
    receipt_issued_by TEXT,
    receipt_recorded_at TEXT,          -- the server has the receipt as an issued document
    pushed_at TEXT,
    request_id INTEGER,                -- the request's id on the server, once pushed
    problem TEXT,                      -- why the last push of this item was refused
    UNIQUE (series, year, num_seq)
);
CREATE INDEX IF NOT EXISTS item_pending ON item (pushed_at, seq);
"""


def queue_path(data_dir: Path) -> Path:
    return offline_queue_path(Path(data_dir))


class Queue:
    """The queue file of one desk (see the module docstring)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._ready = False

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"Antrean luring {self.path} tidak dapat dibuka: {exc}") from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if not self._ready:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(f"Antrean luring {self.path} dibuat oleh versi PPID Desk yang lebih baru; "
                                     "perbarui aplikasi.")
                if version < SCHEMA_VERSION:
                    conn.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;")
                self._ready = True
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"Antrean luring {self.path} tidak dapat dibaca: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        conn = self._open()
        try:
            yield conn
        except sqlite3.Error as exc:
            raise StoreError(f"Antrean luring {self.path} tidak dapat dibaca: {exc}") from exc
        finally:
            conn.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (the write lock is taken at once), committed at the end."""
        conn = self._open()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"Antrean luring {self.path} tidak dapat ditulis: {exc}") from exc
        finally:
            conn.close()

    # -- meta ---------------------------------------------------------------------------------

    def get_meta(self, key: str) -> object:
        with self.reading() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, conn: sqlite3.Connection, key: str, value: object) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                     "excluded.value", (key, value))
