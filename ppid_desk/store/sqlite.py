"""Everything SQLite-only lives here: pragmas, the schema-version pragma, the
integrity check, the online backup API and the FTS5 search index.

A later PostgreSQL backend provides the same functions; no other module writes
SQLite-only SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import peewee

from ..errors import StoreError
from .terms import search_groups

BUSY_TIMEOUT_MS = 10_000

PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": "full",
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def storage_failure(exc: BaseException, path: str | Path) -> StoreError | None:
    """The person-readable error for a write the disk refused (full, read-only, I/O
    error), or None for any other database error."""
    orig = getattr(exc, "orig", exc)  # peewee keeps the DB-API error in ``orig``
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig).lower()
    folder = Path(path).parent
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return StoreError(f"Disk penuh: perubahan tidak tersimpan. Kosongkan ruang pada disk folder data "
                          f"{folder}, lalu ulangi.")
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return StoreError(f"Basis data tidak dapat ditulisi (folder data {folder} hanya-baca atau tanpa izin "
                          "tulis): perubahan tidak tersimpan.")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreError(f"Kesalahan baca/tulis disk pada folder data {folder}; periksa disk itu. Perubahan "
                          "yang sedang disimpan tidak tersimpan.")
    return None


@contextmanager
def storage_errors(path: str | Path) -> Iterator[None]:
    """Turn a write the disk refused into a :class:`StoreError` with an Indonesian message."""
    try:
        yield
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        failure = storage_failure(exc, path)
        if failure is None:
            raise
        raise failure from exc


class RegisterDatabase(peewee.SqliteDatabase):
    """peewee's SQLite database, for disks that fail: a full disk, a read-only folder or
    an I/O error is a :class:`StoreError` people can read (not a traceback), and the
    reason is not hidden by the rollback: SQLite already rolled the transaction back
    itself, so peewee's second ROLLBACK failed with "no transaction is active"."""

    def execute_sql(self, sql, params=None):
        with storage_errors(self.database):
            return super().execute_sql(sql, params)

    def begin(self, *args, **kwargs):
        with storage_errors(self.database):
            super().begin(*args, **kwargs)

    def commit(self):
        with storage_errors(self.database):
            super().commit()

    def rollback(self):
        if not self.is_closed() and not self._state.conn.in_transaction:
            return  # SQLite ended the transaction itself (disk full, I/O error)
        super().rollback()


def open_database(path: Path) -> peewee.SqliteDatabase:
    """A peewee database on ``path`` with the pragmas the register needs.

    Transactions begin IMMEDIATE: they take the write lock at BEGIN, waiting up to the
    busy timeout for another writer (the app and the command line, a report thread). A
    deferred transaction that reads first (a returning requester, a step that loads its
    row) fails at once with "database is locked" when another connection committed
    since its read, whatever the busy timeout (WAL's SQLITE_BUSY_SNAPSHOT); measured
    with two processes: 448 of 600 registrations of a returning requester refused. A
    read that wants one snapshot asks for ``atomic(lock_type="DEFERRED")``.
    """
    return RegisterDatabase(
        str(path),
        pragmas=PRAGMAS,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
        lock_type="IMMEDIATE",
    )


def schema_version(db: peewee.Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def set_schema_version(db: peewee.Database, version: int) -> None:
    # PRAGMA takes no bound parameters; ``version`` is always an int we control.
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def integrity_problems(db: peewee.Database, quick: bool = False, foreign_keys: bool = True) -> list[str]:
    """An empty list when the file is sound, else SQLite's own findings (``foreign_keys``:
    also the foreign-key check, which reads every referencing row)."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    problems = [r for r in rows if r != "ok"]
    if not foreign_keys:
        return problems
    fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    problems += [f"foreign key: table {r[0]} rowid {r[1]} -> {r[2]}" for r in fk]
    return problems


def copy_database(db: peewee.SqliteDatabase, target: Path) -> Path:
    """A consistent copy of the open database through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    dest = sqlite3.connect(str(tmp))
    try:
        db.connection().backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
        dest.commit()
    finally:
        dest.close()
    tmp.replace(target)
    return target


# --- backups: database files that are not the open register ------------------------------
#
# Backups are whole database files. They are written with the online backup API (a
# consistent snapshot while the app writes), checked with plain connections of their own
# and never opened through peewee, so checking a backup can never touch the register.

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileReport:
    """What SQLite says about a database file: its schema version, whether it holds the
    register's tables, and the integrity findings (empty when sound)."""

    schema_version: int
    is_register: bool
    problems: list[str]


def _connect_file(path: Path, writable: bool = False) -> sqlite3.Connection:
    """A plain connection to an existing database file (never creates one)."""
    uri = f"{Path(path).absolute().as_uri()}?mode={'rw' if writable else 'ro'}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def write_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into the new file ``target`` with the online backup API, in one step
    (one consistent snapshot, however much others write meanwhile). The copy is a
    standalone file (rollback journal, not WAL), committed with synchronous=FULL."""
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
        dest.commit()
    finally:
        dest.close()


def copy_open_database(db: peewee.SqliteDatabase, target: Path) -> None:
    """:func:`write_copy` of the register open in ``db`` (this thread's connection)."""
    write_copy(db.connection(), target)


def copy_database_file(source: Path, target: Path) -> None:
    """:func:`write_copy` of a database file nobody has open through peewee (the register
    before a restore); its WAL, if any, is part of the copy."""
    conn = _connect_file(source, writable=True)
    try:
        write_copy(conn, target)
    finally:
        conn.close()


def file_report(path: Path, quick: bool = False) -> FileReport:
    """Check a database file (a backup): ``integrity_check`` (or ``quick_check``), the schema
    version, whether the register's tables are there. Raises ``sqlite3.DatabaseError`` when
    the file is not a database at all."""
    conn = _connect_file(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    finally:
        conn.close()
    return FileReport(version, {"request", "setting"} <= tables, [r for r in rows if r != "ok"])


def first_finding(problems: list[str], limit: int = 160) -> str:
    """The first of SQLite's integrity findings on one short line (its report puts a
    heading and many lines into one row), with how many more there are."""
    lines = [line.strip() for row in problems for line in str(row).splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")]
    if not lines:
        return ""
    first = lines[0] if len(lines[0]) <= limit else lines[0][:limit - 1] + "\u2026"
    return first + (f" (dan {len(lines) - 1} temuan lain)" if len(lines) > 1 else "")


def peek_file(path: Path) -> tuple[int | None, str]:
    """A cheap look at a database file, reading no data pages: ``(schema version, "")``
    when the header, the file's length and the schema read well, else ``(None, reason)``."""
    try:
        with open(path, "rb") as f:
            header = f.read(100)
        size = Path(path).stat().st_size
    except OSError as exc:
        return None, f"tidak dapat dibaca ({exc.strerror or exc})"
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return None, "bukan berkas basis data"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # the header's page count is valid
    if not page_size or size % page_size or (counted and pages * page_size != size):
        return None, "berkas terpotong atau tidak utuh"
    try:
        conn = _connect_file(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return None, f"tidak dapat dibaca ({exc})"
    return version, ""


def table_schema(db: peewee.Database) -> dict[str, str]:
    """Name -> normalised CREATE statement of every table and index (for comparisons)."""
    rows = db.execute_sql(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    return {f"{kind}:{name}": " ".join(sql.split()) for kind, name, sql in rows}


# --- full-text search of the request register (FTS5) -----------------------------------
#
# An FTS5 index keyed by request.id, kept current by triggers, so every path that writes
# requests (the counter, imports, demo data) is covered. It keeps its own copy of the
# text (contentless-delete tables need SQLite 3.43, newer than some Pythons ship).
# Phones are indexed as written and as digits only ("0812-3456-7890" also as
# "081234567890"), so a number typed with or without separators finds them.

def _phone_digits(column: str) -> str:
    squashed = "".join(["replace(" * 6, column, ", ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '')"])
    return f"({column} || ' ' || {squashed})"


_SEARCH_INSERT_TRIGGER = """CREATE TRIGGER request_search_ai AFTER INSERT ON request BEGIN
    INSERT INTO request_search(rowid, number, name, nik, phone, information)
    SELECT NEW.id, NEW.number, r.name, coalesce(r.nik, ''), """ + _phone_digits("r.phone") + """, NEW.information
    FROM requester r WHERE r.id = NEW.requester_id;
END"""

# How every search index of the register splits and matches words: Unicode letters with
# diacritics folded ("é" matches "e"), prefixes of 2-4 characters indexed for
# search-as-you-type. The DIP index (below) uses the same, so a word matches alike.
SEARCH_OPTIONS = """tokenize="unicode61 remove_diacritics 2", prefix='2 3 4'"""

_SEARCH_DDL = [
    """CREATE VIRTUAL TABLE request_search USING fts5(
        number, name, nik, phone, information,
        """ + SEARCH_OPTIONS + ")",
    _SEARCH_INSERT_TRIGGER,
    """CREATE TRIGGER request_search_au AFTER UPDATE OF number, information, requester_id ON request BEGIN
        DELETE FROM request_search WHERE rowid = OLD.id;
        INSERT INTO request_search(rowid, number, name, nik, phone, information)
        SELECT NEW.id, NEW.number, r.name, coalesce(r.nik, ''), """ + _phone_digits("r.phone") + """, NEW.information
        FROM requester r WHERE r.id = NEW.requester_id;
    END""",
    """CREATE TRIGGER request_search_ad AFTER DELETE ON request BEGIN
        DELETE FROM request_search WHERE rowid = OLD.id;
    END""",
    """CREATE TRIGGER request_search_requester_au AFTER UPDATE OF name, nik, phone ON requester BEGIN
        DELETE FROM request_search WHERE rowid IN (SELECT id FROM request WHERE requester_id = NEW.id);
        INSERT INTO request_search(rowid, number, name, nik, phone, information)
        SELECT q.id, q.number, NEW.name, coalesce(NEW.nik, ''), """ + _phone_digits("NEW.phone") + """, q.information
        FROM request q WHERE q.requester_id = NEW.id;
    END""",
]


def create_request_search(db: peewee.Database) -> None:
    for statement in _SEARCH_DDL:
        db.execute_sql(statement)


def rebuild_request_search(db: peewee.Database) -> None:
    """Fill the search index anew from the request and requester tables, in two statements.

    Far cheaper than the insert trigger's row-by-row work when many requests are written
    at once (demo data, imports); see :func:`bulk_request_load`.
    """
    db.execute_sql("DELETE FROM request_search")
    db.execute_sql(
        "INSERT INTO request_search(rowid, number, name, nik, phone, information) "
        "SELECT q.id, q.number, r.name, coalesce(r.nik, ''), " + _phone_digits("r.phone") + ", q.information "
        "FROM request q JOIN requester r ON r.id = q.requester_id ORDER BY q.id"
    )


@contextmanager
def bulk_request_load(db: peewee.Database) -> Iterator[None]:
    """Insert many requests without the per-row index trigger, then rebuild the index.

    Use inside the transaction that writes the rows: the trigger is dropped on entry and
    created again (same DDL) after :func:`rebuild_request_search`, all in that
    transaction, so a failure rolls everything back and other writers never see the
    register without its trigger.
    """
    if not db.in_transaction():
        raise RuntimeError("bulk_request_load needs an open transaction")
    db.execute_sql("DROP TRIGGER request_search_ai")
    yield
    rebuild_request_search(db)
    db.execute_sql(_SEARCH_INSERT_TRIGGER)


def _fts_query(text: str) -> str | None:
    """Words of ``text`` as an FTS5 query: every word must match, as a prefix (see
    :func:`ppid_desk.store.terms.search_groups`)."""
    groups = search_groups(text)
    if groups is None:
        return None
    if len(groups) == 1 and len(groups[0]) > 1:
        return "(" + " OR ".join(f'"{f}"*' for f in groups[0]) + ")"
    return " ".join(f'"{g[0]}"*' for g in groups)


def search_request_ids(db: peewee.Database, text: str, limit: int | None = None) -> list[int] | None:
    """Ids of requests matching every word of ``text`` (newest first); None for no words.

    A register number typed in full comes first, found exactly (its short parts such as
    "1" or "I" are too short for the prefix index).
    """
    query = _fts_query(text)
    if query is None:
        return None
    exact = [row[0] for row in db.execute_sql("SELECT id FROM request WHERE number = ?", [text.strip()])]
    sql = "SELECT rowid FROM request_search WHERE request_search MATCH ? ORDER BY rowid DESC"
    params: list[object] = [query]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    found = [row[0] for row in db.execute_sql(sql, params).fetchall() if row[0] not in exact]
    ids = exact + found
    return ids[:limit] if limit is not None else ids


# --- full-text search of the DIP catalogue (FTS5) ----------------------------------------
#
# Keyed by dip_entry.id, kept by triggers like the request index, with the same tokenizer
# and prefixes. ``holder`` holds the unit's name and the free-text holder name, so a unit
# renamed in the settings is found under its new name.

def _dip_holder(entry: str) -> str:
    return f"trim(coalesce((SELECT u.name FROM unit u WHERE u.id = {entry}.unit_id), '') || ' ' || {entry}.holder_name)"


_DIP_SEARCH_DDL = [
    """CREATE VIRTUAL TABLE dip_search USING fts5(summary, holder, official, """ + SEARCH_OPTIONS + ")",
    """CREATE TRIGGER dip_search_ai AFTER INSERT ON dip_entry BEGIN
        INSERT INTO dip_search(rowid, summary, holder, official)
        VALUES (NEW.id, NEW.summary, """ + _dip_holder("NEW") + """, NEW.official);
    END""",
    """CREATE TRIGGER dip_search_au AFTER UPDATE OF summary, unit_id, holder_name, official ON dip_entry BEGIN
        DELETE FROM dip_search WHERE rowid = OLD.id;
        INSERT INTO dip_search(rowid, summary, holder, official)
        VALUES (NEW.id, NEW.summary, """ + _dip_holder("NEW") + """, NEW.official);
    END""",
    """CREATE TRIGGER dip_search_ad AFTER DELETE ON dip_entry BEGIN
        DELETE FROM dip_search WHERE rowid = OLD.id;
    END""",
    """CREATE TRIGGER dip_search_unit_au AFTER UPDATE OF name ON unit BEGIN
        DELETE FROM dip_search WHERE rowid IN (SELECT id FROM dip_entry WHERE unit_id = NEW.id);
        INSERT INTO dip_search(rowid, summary, holder, official)
        SELECT e.id, e.summary, """ + _dip_holder("e") + """, e.official FROM dip_entry e WHERE e.unit_id = NEW.id;
    END""",
]

# Column weights of the ranking: the summary says what the information is; the holder
# and the official only help to tell entries apart.
_DIP_WEIGHTS = "10.0, 2.0, 1.0"


def create_dip_search(db: peewee.Database) -> None:
    for statement in _DIP_SEARCH_DDL:
        db.execute_sql(statement)


def _dip_match(groups: list[list[str]], any_group: bool) -> str:
    """An FTS5 query: each group is one word and its alternatives (as prefixes, OR-ed; an
    alternative of several words is a phrase); the groups are AND-ed, or OR-ed when
    ``any_group``."""
    parts = []
    for group in groups:
        forms = [f'"{w}"*' for w in dict.fromkeys(w for w in group if w.replace(" ", "").isalnum())]
        if forms:
            parts.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    return (" OR " if any_group else " AND ").join(parts)


def search_dip_ids(db: peewee.Database, groups: list[list[str]], any_group: bool = False,
                   limit: int | None = None, active_only: bool = True) -> list[tuple[int, float]]:
    """(entry id, rank) of the DIP entries matching ``groups`` (see :func:`_dip_match`),
    best first; the rank is FTS5's bm25 (lower is better). Words must be letters and
    digits only (the caller splits the text); others are left out."""
    query = _dip_match(groups, any_group)
    if not query:
        return []
    sql = (f"SELECT dip_search.rowid, bm25(dip_search, {_DIP_WEIGHTS}) AS score FROM dip_search "
           "JOIN dip_entry e ON e.id = dip_search.rowid WHERE dip_search MATCH ?")
    if active_only:
        sql += " AND e.active = 1"
    sql += " ORDER BY score, dip_search.rowid"
    params: list[object] = [query]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [(int(r[0]), float(r[1])) for r in db.execute_sql(sql, params).fetchall()]
