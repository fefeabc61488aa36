"""Backups of the register and restoring one.

A backup is one database file, ``<data>/backups/ppid-desk-YYYYmmdd-HHMMSS-<reason>.sqlite3``,
made with SQLite's online backup API (one consistent snapshot while the app writes),
written under a temporary name, checked (``integrity_check``, schema version) and only
then given its name, so every file with that name was sound when it was made. The
newest ``backup_keep`` are kept; the copies made before a schema upgrade
(``sebelum-upgrade-…``) and the file just made are never removed. With a mirror folder
set (a USB stick, a share) each backup is copied there too, with the attachments
(``lampiran/``, only the files the mirror does not have yet: attachments are never
changed or deleted); a failing mirror is reported, never fatal.

Restoring checks a copy of the chosen file next to the register (integrity, a register's
tables, a schema not newer than this app — an older one is upgraded on the next open),
backs the current register up first (``sebelum-pemulihan``; a register too damaged for
that is kept byte for byte as ``rusak``), and only then swaps the files with
``os.replace``. Until that last step the register is untouched; after it the register is
the backup. Attachments stay where they are.

A register on a PostgreSQL server (issue 11) is backed up with ``pg_dump`` when a
suitable one is installed (``….pgdump``), else with PPID Desk's logical export
(``….ppidjson.gz``), and restored from either — or from a SQLite register file, which is
how an office moves from one desk to a server — in one transaction on the server
(:mod:`ppid_desk.backup.server`). Same names, retention, mirror and listing.
"""

from .files import (
    DAMAGED, KIND_LABELS, LOGICAL, PGDUMP, PRE_UPGRADE, REASON_LABELS, REASONS, SQLITE, BackupError, sniff_kind,
)
from .making import (
    FOREGROUND_CHECK_BYTES, BackupInfo, BackupResult, check_before_opening, due_daily, list_backups, make_backup,
    mirror_backup, newest_sound, peek, prune, quick_problems, sync_attachments,
)
from .restoring import (
    PreparedRestore, RestoreResult, ServerRestore, discard, finish_restore, prepare_restore, restore,
)

__all__ = [
    "DAMAGED", "FOREGROUND_CHECK_BYTES", "KIND_LABELS", "LOGICAL", "PGDUMP", "PRE_UPGRADE", "REASONS",
    "REASON_LABELS", "SQLITE", "BackupError", "BackupInfo", "BackupResult", "PreparedRestore", "RestoreResult",
    "ServerRestore", "check_before_opening", "discard", "due_daily", "finish_restore", "list_backups",
    "make_backup", "mirror_backup", "newest_sound", "peek", "prepare_restore", "prune", "quick_problems",
    "restore", "sniff_kind", "sync_attachments",
]
