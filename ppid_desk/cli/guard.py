"""Which commands may run beside the open app, and refusing a damaged register.

Commands that change the register take the data folder's lock (``ppid_desk.instance``)
for as long as they run and refuse at once — no waiting — while the app or another
writing command holds it; they also refuse a register that fails SQLite's quick check
(``restore`` excepted: it is how a damaged register is replaced). Commands that only
read (deadlines, exports, reports, ``check``, ``backup``, which copies through SQLite's
online backup API) run beside the open app. Every command is listed in one of the two
sets; ``tests/cli/test_backup_cli.py`` fails for a command listed in neither.
"""

from __future__ import annotations

import argparse
import sqlite3

import peewee

from .. import instance
from ..backup import quick_problems
from ..errors import DamagedStoreError
from ..paths import backup_dir, database_path, resolve_data_dir
from ..store import open_store, sqlite
from ..store.location import resolve_database

WRITES = frozenset({"demo", "import-register", "import-dip", "print", "restore", "user"})
READS = frozenset({"gui", "smoke", "deadline", "holidays", "check", "backup", "audit", "export-register",
                   "export-objections", "export-dip", "report"})
# gui takes the lock itself (QLockFile, ppid_desk.ui.instance); smoke builds a window only.

_DAMAGE_WORDS = ("malformed", "not a database", "file is encrypted", "database corrupt")


def damage_message(exc: BaseException, data_dir_arg: str | None) -> str | None:
    """The one-line message for a database error that comes from a damaged register, else
    None. Damage shows in many ways (a malformed page, text that is not UTF-8, a length
    out of range), so an error that does not say so itself is followed by SQLite's quick
    check of the register."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, (sqlite3.DatabaseError, peewee.DatabaseError)):
        return None
    data_dir = resolve_data_dir(data_dir_arg)
    if any(word in str(orig).lower() for word in _DAMAGE_WORDS):
        return damaged_text(data_dir, str(orig))
    problems = _quick_problems(data_dir)
    return damaged_text(data_dir, sqlite.first_finding(problems)) if problems else None


def _quick_problems(data_dir) -> list[str]:
    if not database_path(data_dir).exists():
        return []
    try:
        store = open_store(data_dir, migrate=False)
    except DamagedStoreError as exc:
        return [exc.message]
    except Exception:  # noqa: BLE001 - the original error is reported instead
        return []
    with store:
        return quick_problems(store)


def damaged_text(data_dir, finding: str) -> str:
    return (f"basis data {database_path(data_dir)} rusak ({finding}); perintah dihentikan. Pulihkan dari cadangan: "
            f"ppid-desk restore FILE (daftar: ppid-desk backup --list; folder {backup_dir(data_dir)}).")


def _refuse_damaged(data_dir) -> None:
    if not database_path(data_dir).exists():
        return
    try:
        store = open_store(data_dir)
    except DamagedStoreError as exc:
        raise DamagedStoreError(damaged_text(data_dir, exc.message)) from exc
    with store:
        problems = quick_problems(store)
    if problems:
        raise DamagedStoreError(damaged_text(data_dir, sqlite.first_finding(problems)))


def run_guarded(args: argparse.Namespace) -> int:
    """Run the command's handler, holding the data folder when the command writes."""
    command = getattr(args, "command", None)
    if command not in WRITES:
        return args.handler(args)
    data_dir = resolve_data_dir(args.data_dir)
    with instance.held(data_dir):
        # a register on a PostgreSQL server has no file here to check (the server keeps
        # its own pages consistent); resolving also refuses a malformed --database URL
        if command != "restore" and resolve_database(getattr(args, "database", None), data_dir) is None:
            _refuse_damaged(data_dir)
        return args.handler(args)
