"""Everything SQLite-only lives here: pragmas, the schema-version pragma, the
integrity check and the online backup API.

A later PostgreSQL backend provides the same functions; no other module writes
SQLite-only SQL.
"""

from __future__ import annotations

import sqlite3
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
