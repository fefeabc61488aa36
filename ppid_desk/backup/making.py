"""Making backups, mirroring them, listing and keeping them; the start-up check."""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..errors import PpidError
from ..paths import backup_dir
from ..register.attachments import FOLDER as ATTACHMENT_FOLDER
from ..register.attachments import size_text
from ..store import Store, latest_version
from ..store import sqlite
from .files import (
    DAMAGED, KIND_LABELS, LOGICAL, PRE_UPGRADE, REASON_LABELS, REASONS, SQLITE, BackupError, check_room,
    copy_file, data_dir_of, free_name, fsync_file, fsync_folder, kind_of, named, part_name, register_size,
    remove_stale_parts, why,
)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    schema_version: int
    made: datetime
    seconds: float
    removed: tuple[Path, ...] = ()
    mirror: Path | None = None
    mirror_problem: str = ""
    attachments_copied: int = 0
    kind: str = SQLITE  # sqlite, pgdump (a register on a server, by pg_dump) or logical (PPID Desk's export)

    def summary(self) -> str:
        """``Cadangan dibuat 23-11-2026 14.05 (12,3 MB)``."""
        return f"Cadangan dibuat {self.made:%d-%m-%Y %H.%M} ({size_text(self.size)})"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    reason: str
    size: int
    schema_version: int | None
    sound: bool
    problem: str = ""

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def kind(self) -> str:
        """sqlite, pgdump or logical (see :mod:`ppid_desk.backup.files`)."""
        return kind_of(self.path)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def prunable(self) -> bool:
        return self.reason != PRE_UPGRADE


# --- making a backup ---------------------------------------------------------------------

def stored_settings(store: Store) -> tuple[int, str]:
    from ..office import load_office  # office builds on the register; imported where needed

    try:
        office = load_office()
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        raise BackupError(f"Pengaturan cadangan tidak dapat dibaca dari register ({exc}); basis data mungkin "
                          "rusak. Jalankan 'ppid-desk check'.") from exc
    return office.backup_keep, office.backup_mirror_dir


def make_backup(store: Store, reason: str, to_dir: Path | None = None, *, now: datetime | None = None,
                keep: int | None = None, mirror_dir: str | None = None, actor: Actor = "",
                method: str | None = None) -> BackupResult:
    """Back the open register up; raises :class:`BackupError` (nothing left behind) on failure.

    ``to_dir``: write the backup there (e.g. ``ppid-desk backup --to``) with the
    attachments, instead of ``<data>/backups``; nothing is removed there and nothing
    mirrored. ``keep`` and ``mirror_dir`` default to the office's settings. ``actor``: Admin
    (``backup``), or "" for the app's own automatic backups and the operating-system
    user. A copy written to ``to_dir`` (out of the data folder, with every requester's
    data) is written to the audit log; the backups in ``<data>/backups`` are not.

    A register on a PostgreSQL server is backed up with ``pg_dump`` when a suitable one is
    installed, else with PPID Desk's logical export (:mod:`ppid_desk.backup.server`);
    ``method`` (``"pg_dump"`` / ``"logical"``) forces one of the two.
    """
    require(actor, Permission.BACKUP)
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    began = time.perf_counter()
    made = (now or datetime.now()).replace(microsecond=0)
    if keep is None or mirror_dir is None:
        stored_keep, stored_mirror = stored_settings(store)
        keep = stored_keep if keep is None else keep
        mirror_dir = stored_mirror if mirror_dir is None else mirror_dir
    folder = Path(to_dir) if to_dir is not None else backup_dir(store.data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {folder} tidak dapat dibuat: {why(exc)}") from exc
    remove_stale_parts(folder)
    if store.is_postgres:
        from . import server

        target, schema_version, kind = server.write_backup(store, folder, made, reason, method)
    else:
        target, schema_version = _write_sqlite_backup(store, folder, made, reason)
        kind = SQLITE
    size = target.stat().st_size
    removed: list[Path] = []
    mirror: Path | None = None
    mirror_problem = ""
    copied = 0
    if to_dir is None:
        removed = prune(folder, keep, protect={target})
        if mirror_dir:
            mirror = Path(mirror_dir)
            try:
                copied = mirror_backup(target, mirror, store.data_dir, keep)
            except BackupError as exc:
                mirror_problem = exc.message
    else:
        try:
            copied = sync_attachments(store.data_dir, folder)
        except BackupError as exc:
            mirror_problem = exc.message
        audit.append(actor, "backup.copy", "backup", target.name,
                     f"Salinan register dibuat di luar folder data: {target}.",
                     {"file": str(target), "size": size, "attachments_copied": copied})
    return BackupResult(target, size, schema_version, made, time.perf_counter() - began,
                        tuple(removed), mirror, mirror_problem, copied, kind)


def _write_sqlite_backup(store: Store, folder: Path, made: datetime, reason: str) -> tuple[Path, int]:
    """The SQLite register copied with the online backup API, checked, then named."""
    check_room(folder, register_size(store.path))
    target = free_name(folder, made, reason)
    part = target.with_name(part_name(target.name))
    try:
        try:
            sqlite.copy_open_database(store.db, part)
            fsync_file(part)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(f"Cadangan ke {folder} gagal: {why(exc)}.") from exc
        report = verified(part)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    fsync_folder(folder)
    return target, report.schema_version


def verified(path: Path) -> sqlite.FileReport:
    """The file's report when it is a sound register, else :class:`BackupError`."""
    try:
        report = sqlite.file_report(path)
    except sqlite3.Error as exc:
        raise BackupError(f"Salinan {path.name} tidak dapat dibaca sebagai basis data ({exc}).") from exc
    if report.problems:
        raise BackupError(f"Salinan tidak lolos pemeriksaan integritas ({sqlite.first_finding(report.problems)}); "
                          "basis data mungkin rusak. Jalankan 'ppid-desk check'.")
    if not report.is_register:
        raise BackupError(f"Berkas {path.name} bukan register PPID Desk.")
    return report


def mirror_backup(backup: Path, mirror_dir: Path, data_dir: Path, keep: int) -> int:
    """Copy ``backup`` and the new attachments to the mirror folder and keep its newest
    ``keep``; returns the number of attachments copied. The folder must exist already (a
    USB stick that is not plugged in is not created on the local disk)."""
    if not mirror_dir.is_dir():
        raise BackupError(f"Folder cermin {mirror_dir} tidak ada (flashdisk belum dipasang?); cadangan hanya "
                          "disimpan di folder data.")
    try:
        check_room(mirror_dir, backup.stat().st_size)
        remove_stale_parts(mirror_dir)
        copy_file(backup, mirror_dir / backup.name)
    except BackupError:
        raise
    except OSError as exc:
        raise BackupError(f"Salinan cadangan ke {mirror_dir} gagal: {why(exc)}.") from exc
    copied = sync_attachments(data_dir, mirror_dir)
    prune(mirror_dir, keep, protect={mirror_dir / backup.name})
    return copied


def sync_attachments(data_dir: Path, target_root: Path) -> int:
    """Copy the attachments ``target_root/lampiran`` does not have yet; returns how many."""
    source_root = Path(data_dir) / ATTACHMENT_FOLDER
    if not source_root.is_dir():
        return 0
    copied = 0
    try:
        for source in sorted(source_root.rglob("*")):
            if not source.is_file() or source.name.startswith("."):
                continue
            target = Path(target_root) / ATTACHMENT_FOLDER / source.relative_to(source_root)
            if target.is_file() and target.stat().st_size == source.stat().st_size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            copy_file(source, target)
            copied += 1
    except OSError as exc:
        raise BackupError(f"Lampiran tidak dapat disalin ke {target_root}: {why(exc)}.") from exc
    return copied


# --- the start-up check ------------------------------------------------------------------

# A register up to this size is checked (PRAGMA quick_check) before the window opens:
# about a quarter of a second. A larger one is checked while the window opens, before
# the start-up backup (docs/decisions.md, issue 9).
FOREGROUND_CHECK_BYTES = 256 * 1024 * 1024


def check_before_opening(store: Store) -> bool:
    """True when the register is small enough to be checked before the window opens (a
    register on a server always is: the check only asks the server for its tables)."""
    return store.is_postgres or register_size(store.path) <= FOREGROUND_CHECK_BYTES


def quick_problems(store: Store) -> list[str]:
    """SQLite's quick check of the open register (no foreign-key pass); empty when sound.
    A register too damaged to be checked at all is a finding too."""
    try:
        return store.integrity_problems(quick=True, foreign_keys=False)
    except (sqlite3.DatabaseError, peewee.DatabaseError, PpidError) as exc:
        return [str(exc)]


# --- listing and keeping -----------------------------------------------------------------

def list_backups(store_or_dir: Store | Path, folder: Path | None = None, check: bool = True) -> list[BackupInfo]:
    """The backups in ``<data>/backups`` (or ``folder``), newest first. ``sound`` is a cheap
    look (header, length, schema; no data pages): every backup was checked in full when it
    was made, and is checked in full again before it is restored."""
    folder = folder or backup_dir(data_dir_of(store_or_dir))
    infos = []
    for made, reason, path in named(folder):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        version, problem = peek(path) if check else (None, "")
        if reason == DAMAGED:
            problem = problem or "salinan register yang rusak"
        infos.append(BackupInfo(path, made, reason, size, version, check and not problem, problem))
    return infos


def peek(path: Path) -> tuple[int | None, str]:
    """A cheap look at a backup: ``(schema version, "")`` when it reads well, else
    ``(None, reason)``. A ``.pgdump``'s version is read with pg_restore (remembered per file);
    without pg_restore on this computer it is None, and the file only has its header checked."""
    kind = kind_of(path)
    if kind == SQLITE:
        return sqlite.peek_file(path)
    if kind == LOGICAL:
        from .logical import read_header

        try:
            return read_header(path).schema_version, ""
        except BackupError as exc:
            return None, "tidak terbaca" if "rusak" in exc.message else exc.message
    return _peek_pgdump(path)


_PGDUMP_VERSIONS: dict[tuple[str, int, int], tuple[int | None, str]] = {}


def _peek_pgdump(path: Path) -> tuple[int | None, str]:
    from . import pgtools

    try:
        with open(path, "rb") as f:
            header = f.read(5)
        stat = path.stat()
    except OSError as exc:
        return None, f"tidak dapat dibaca ({exc.strerror or exc})"
    if header != b"PGDMP":
        return None, "bukan arsip pg_dump"
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _PGDUMP_VERSIONS:
        tools = pgtools.newest_tools()
        if tools is None:
            return None, ""
        try:
            _PGDUMP_VERSIONS[key] = (pgtools.archive_schema_version(tools, path), "")
        except BackupError:
            _PGDUMP_VERSIONS[key] = (None, "tidak terbaca oleh pg_restore")
    return _PGDUMP_VERSIONS[key]


def newest_sound(store_or_dir: Store | Path, kinds: tuple[str, ...] = (SQLITE,)) -> BackupInfo | None:
    """The newest backup of ``kinds`` (by default SQLite files, what a damaged SQLite
    register is restored from) that reads well and that this app can open (schema not newer)."""
    newest = latest_version()
    for info in list_backups(store_or_dir):
        if info.kind not in kinds:
            continue
        if info.sound and info.schema_version is not None and 0 < info.schema_version <= newest:
            return info
    return None


def due_daily(store_or_dir: Store | Path, now: datetime) -> bool:
    """True when ``<data>/backups`` holds no backup made on ``now``'s day."""
    return not any(made.date() == now.date() for made, _reason, _path in named(backup_dir(data_dir_of(store_or_dir))))


def prune(folder: Path, keep: int, protect: set[Path] = frozenset()) -> list[Path]:
    """Remove all but the newest ``keep`` backups in ``folder``; copies made before a schema
    upgrade and the files in ``protect`` stay. Returns what was removed."""
    removed = []
    kept = 0
    protected = {Path(p).resolve() for p in protect}
    for _made, reason, path in named(folder):
        if reason == PRE_UPGRADE:
            continue
        kept += 1
        if kept <= keep or path.resolve() in protected:
            continue
        try:
            path.unlink()
        except OSError:
            continue  # gone already, in use or on a read-only stick: the next run tries again
        path.with_name(path.name + "-wal").unlink(missing_ok=True)  # a damaged copy's WAL
        removed.append(path)
    return removed

