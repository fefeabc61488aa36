"""Everything SQLite-only lives here: pragmas, the schema-version pragma, the
integrity check, the online backup API and the FTS5 search index.

A later PostgreSQL backend provides the same functions; no other module writes
SQLite-only SQL.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

BUSY_TIMEOUT_MS = 10_000

PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": "full",
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def open_database(path: Path) -> peewee.SqliteDatabase:
    """A peewee database on ``path`` with the pragmas the register needs."""
    return peewee.SqliteDatabase(
        str(path),
        pragmas=PRAGMAS,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )


def schema_version(db: peewee.Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def set_schema_version(db: peewee.Database, version: int) -> None:
    # PRAGMA takes no bound parameters; ``version`` is always an int we control.
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def integrity_problems(db: peewee.Database, quick: bool = False) -> list[str]:
    """An empty list when the file is sound, else SQLite's own findings."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    problems = [r for r in rows if r != "ok"]
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

_SEARCH_DDL = [
    """CREATE VIRTUAL TABLE request_search USING fts5(
        number, name, nik, phone, information,
        tokenize="unicode61 remove_diacritics 2", prefix='2 3 4')""",
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


_PHONE_LIKE = re.compile(r"\+?[\d\s().-]*\d[\d\s().-]*")


def _fts_query(text: str) -> str | None:
    """Words of ``text`` as an FTS5 query: every word must match, as a prefix.

    Text made only of digits and phone punctuation is one number (a phone or NIK typed
    with separators); "+62 812…" is searched as "0812…".
    """
    stripped = text.strip()
    if _PHONE_LIKE.fullmatch(stripped) and (re.search(r"[\s().+-]", stripped) or stripped.startswith("0")):
        number = re.sub(r"\D", "", text)
        forms = {number}
        if number.startswith("62") and stripped.startswith("+"):
            forms.add("0" + number[2:])
        elif number.startswith("0"):
            forms.add("62" + number[1:])
        return "(" + " OR ".join(f'"{f}"*' for f in sorted(forms)) + ")"
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:12])


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
