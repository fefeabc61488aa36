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
"""

from .files import DAMAGED, PRE_UPGRADE, REASON_LABELS, REASONS, BackupError
from .making import (
    FOREGROUND_CHECK_BYTES, BackupInfo, BackupResult, check_before_opening, due_daily, list_backups, make_backup,
    mirror_backup, newest_sound, prune, quick_problems, sync_attachments,
)
from .restoring import PreparedRestore, RestoreResult, discard, finish_restore, prepare_restore, restore

__all__ = [
    "DAMAGED", "FOREGROUND_CHECK_BYTES", "PRE_UPGRADE", "REASONS", "REASON_LABELS", "BackupError", "BackupInfo",
    "BackupResult", "PreparedRestore", "RestoreResult", "check_before_opening", "discard", "due_daily",
    "finish_restore", "list_backups", "make_backup", "mirror_backup", "newest_sound", "prepare_restore", "prune",
    "quick_problems", "restore", "sync_attachments",
]
