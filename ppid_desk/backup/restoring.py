"""Restoring a backup: prepared (checked, the register saved) without touching the
register, then swapped in with one rename while the register is closed."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..paths import backup_dir, database_path
from ..store import Store, latest_version
from ..store import sqlite
from .files import (
    DAMAGED, BackupError, check_room, copy_file, data_dir_of, free_name, fsync_file, fsync_folder, part_name,
    register_size, remove_stale_parts, why,
)
from .making import prune, stored_settings, verified

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    schema_version: int
    saved_current: Path | None  # the register as it was before, None when there was none
    current_was_damaged: bool


@dataclass
class PreparedRestore:
    """A checked copy of the backup next to the register, and the register saved: all that
    is left is :func:`finish_restore` (with the register closed) or :func:`discard`."""

    data_dir: Path
    source: Path
    staged: Path
    schema_version: int
    saved_current: Path | None
    current_was_damaged: bool
    removed: list[Path] = field(default_factory=list)
    actor: Actor = ""  # who restores (the audit log's reset entry names them)


def _staged_path(target: Path) -> Path:
    return target.with_name(target.name + ".pemulihan")


def _save_current(data_dir: Path, target: Path, made: datetime) -> tuple[Path, bool]:
    """Back the register file up before it is replaced: a checked copy (``sebelum-pemulihan``),
    or — when it is too damaged to copy — its bytes and WAL as they are (``rusak``)."""
    folder = backup_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(folder)
    check_room(folder, register_size(target))
    copy = free_name(folder, made, "sebelum-pemulihan")
    part = copy.with_name(part_name(copy.name))
    try:
        sqlite.copy_database_file(target, part)
        fsync_file(part)
        verified(part)
        os.replace(part, copy)
        fsync_folder(folder)
        return copy, False
    except (sqlite3.Error, OSError, BackupError):
        part.unlink(missing_ok=True)
    raw = free_name(folder, made, DAMAGED)
    try:
        for suffix in ("-wal", ""):  # the WAL first: without it the copy would lose commits
            source = target.with_name(target.name + suffix)
            if source.exists():
                copy_file(source, raw.with_name(raw.name + suffix))
    except OSError as exc:
        for suffix in ("-wal", ""):
            raw.with_name(raw.name + suffix).unlink(missing_ok=True)
        raise BackupError(f"Register sekarang tidak dapat disimpan dulu ({why(exc)}); pemulihan dibatalkan, "
                          "tidak ada yang diubah.") from exc
    return raw, True


def prepare_restore(store_or_dir: Store | Path, backup: Path, *, now: datetime | None = None,
                    keep: int | None = None, actor: Actor = "") -> PreparedRestore:
    """Everything a restore does before the swap, none of which changes the register: copy
    ``backup`` next to it and check the copy, then back the register up.

    ``keep``: how many backups to keep after the extra one (default: the office's setting
    when a store is given; with only a folder nothing is removed). ``actor``: Admin
    (``restore``), or "" for the operating-system user (the command line, the
    damaged-register dialog before anyone can log in).
    """
    require(actor, Permission.RESTORE)
    data_dir = data_dir_of(store_or_dir)
    target = database_path(data_dir)
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"Berkas cadangan {backup} tidak ditemukan.")
    if backup.resolve() == target.resolve():
        raise BackupError("Berkas itu adalah register yang sedang dipakai, bukan cadangan.")
    if keep is None and isinstance(store_or_dir, Store):
        keep = stored_settings(store_or_dir)[0]
    staged = _staged_path(target)
    try:
        check_room(data_dir, backup.stat().st_size + register_size(target))
        copy_file(backup, staged)
    except BackupError:
        raise
    except OSError as exc:
        raise BackupError(f"Berkas cadangan tidak dapat disalin ke folder data: {why(exc)}; tidak ada yang "
                          "diubah.") from exc
    try:
        try:
            report = sqlite.file_report(staged)
        except sqlite3.Error as exc:
            what = "bukan basis data" if "not a database" in str(exc) else "rusak, tidak dapat dibaca"
            raise BackupError(f"Berkas {backup.name} {what} ({exc}); register tidak diubah.") from exc
        if report.problems:
            raise BackupError(f"Berkas {backup.name} rusak ({sqlite.first_finding(report.problems)}); register "
                              "tidak diubah. Pilih cadangan lain.")
        if not report.is_register or report.schema_version < 1:
            raise BackupError(f"Berkas {backup.name} bukan register PPID Desk; register tidak diubah.")
        if report.schema_version > latest_version():
            raise BackupError(f"Berkas {backup.name} dibuat oleh versi PPID Desk yang lebih baru (skema "
                              f"{report.schema_version}; versi ini sampai skema {latest_version()}); register "
                              "tidak diubah. Perbarui aplikasi dulu.")
        made = (now or datetime.now()).replace(microsecond=0)
        saved, damaged = (None, False)
        if target.exists():
            saved, damaged = _save_current(data_dir, target, made)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    prepared = PreparedRestore(data_dir, backup, staged, report.schema_version, saved, damaged, actor=actor)
    if keep is not None and saved is not None:
        prepared.removed = prune(backup_dir(data_dir), keep, protect={saved, backup})
    return prepared


def finish_restore(prepared: PreparedRestore) -> RestoreResult:
    """Swap the checked copy in. The register must be closed (by every connection): its
    WAL and shared-memory files are removed first — their content is in the copy saved by
    :func:`prepare_restore` — so SQLite never applies the old WAL to the restored file."""
    target = database_path(prepared.data_dir)
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        os.replace(prepared.staged, target)
    except OSError as exc:
        raise BackupError(f"Register tidak dapat diganti: {why(exc)}. Tutup program lain yang membuka folder "
                          f"data, lalu ulangi; salinan register sebelumnya: {prepared.saved_current}.") from exc
    fsync_folder(prepared.data_dir)
    try:  # the restored log ends before the head recorded for the replaced one: accept it at the next open
        audit.request_reset(prepared.data_dir, prepared.actor,
                            f"register dipulihkan dari cadangan {prepared.source.name}")
    except OSError:  # the restore itself is done; `audit verify` will report the old head
        log.warning("could not ask for the audit log's head to be reset after the restore", exc_info=True)
    return RestoreResult(prepared.source, prepared.schema_version, prepared.saved_current,
                         prepared.current_was_damaged)


def discard(prepared: PreparedRestore) -> None:
    """Give up a prepared restore; the register was never touched."""
    prepared.staged.unlink(missing_ok=True)


def restore(store_or_dir: Store | Path, backup: Path, *, now: datetime | None = None,
            keep: int | None = None, actor: Actor = "") -> RestoreResult:
    """Restore ``backup`` as the register. A given store is closed (reopen it afterwards;
    opening it records the audit log's reset, see :func:`ppid_desk.audit.request_reset`)."""
    prepared = prepare_restore(store_or_dir, backup, now=now, keep=keep, actor=actor)
    if isinstance(store_or_dir, Store):
        store_or_dir.close()
    try:
        return finish_restore(prepared)
    except BaseException:
        discard(prepared)
        raise

