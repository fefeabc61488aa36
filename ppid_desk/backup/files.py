"""Backup files: their names, and writing files so a power cut leaves either the old
state or the new one (temporary name, fsync, rename, fsync of the folder).

Three kinds share the names ``ppid-desk-YYYYmmdd-HHMMSS-<reason>[-N]<suffix>``: a SQLite
register file (``.sqlite3``), a ``pg_dump`` archive of a register on a PostgreSQL server
(``.pgdump``) and PPID Desk's own logical export of one (``.ppidjson.gz``). Retention,
the mirror and the listing treat them alike."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from pathlib import Path

from ..errors import PpidError
from ..instance import pid_alive
from ..paths import fsync_folder
from ..register.attachments import size_text
from ..store import Store
from ..store import sqlite as sqlite_store

REASONS = ("mulai", "keluar", "harian", "manual", "sebelum-pemulihan")
DAMAGED = "rusak"  # the register as it was, byte for byte, when it was too damaged to copy
PRE_UPGRADE = "sebelum-upgrade"  # made by open_store before a schema upgrade; never pruned
REASON_LABELS = {
    "mulai": "saat mulai",
    "keluar": "saat keluar",
    "harian": "harian",
    "manual": "manual",
    "sebelum-pemulihan": "sebelum pemulihan",
    DAMAGED: "register rusak (sebelum pemulihan)",
    PRE_UPGRADE: "sebelum pembaruan skema",
}
_STAMP = "%Y%m%d-%H%M%S"
# The kinds of backup by their suffix.
SQLITE = "sqlite"
PGDUMP = "pgdump"
LOGICAL = "logical"
SUFFIXES = {SQLITE: ".sqlite3", PGDUMP: ".pgdump", LOGICAL: ".ppidjson.gz"}
KIND_LABELS = {SQLITE: "SQLite", PGDUMP: "pg_dump", LOGICAL: "ekspor logis"}
_NAME = re.compile(r"ppid-desk-(\d{8}-\d{6})-(" + "|".join([*REASONS, DAMAGED]) + r")(?:-(\d+))?"
                   r"(\.sqlite3|\.pgdump|\.ppidjson\.gz)")
_UPGRADE_NAME = re.compile(r"sebelum-upgrade-skema\d+-ke-\d+-(\d{8}-\d{6})\.sqlite3")
_PART = re.compile(r"\..+\.(\d+)\.part")
# Room kept free beyond the copy itself, so a backup never fills the disk to the last byte.
_SPARE_BYTES = 16 * 1024 * 1024


class BackupError(PpidError):
    """A backup or a restore could not be made; nothing was changed."""


# --- small file helpers ------------------------------------------------------------------

def data_dir_of(store_or_dir: Store | Path) -> Path:
    return store_or_dir.data_dir if isinstance(store_or_dir, Store) else Path(store_or_dir)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc)
    if "full" in text.lower():
        return "disk penuh"
    return text


def part_name(name: str) -> str:
    """A temporary name for ``name`` in the same folder: hidden, with our pid."""
    return f".{name}.{os.getpid()}.part"


def remove_stale_parts(folder: Path) -> None:
    """Temporary files left by a backup that was cut off (its process is gone)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _PART.fullmatch(entry.name)
        if match and int(match.group(1)) != os.getpid() and not pid_alive(int(match.group(1))):
            entry.unlink(missing_ok=True)


def check_room(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + _SPARE_BYTES:
        raise BackupError(f"Ruang disk di {folder} tidak cukup untuk cadangan (perlu sekitar {size_text(needed)}, "
                          f"tersedia {size_text(free)}). Kosongkan ruang disk, lalu ulangi.")


def register_size(path: Path) -> int:
    size = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            size += candidate.stat().st_size
        except OSError:
            pass
    return size


def free_name(folder: Path, made: datetime, reason: str, kind: str = SQLITE) -> Path:
    """The backup's name in ``folder``: ``-2``, ``-3`` … when one of that second exists
    already (of any kind)."""
    base = f"ppid-desk-{made.strftime(_STAMP)}-{reason}"
    suffix = SUFFIXES[kind]

    def taken(stem: str) -> bool:
        return any((folder / f"{stem}{s}").exists() for s in SUFFIXES.values())

    stem, n = base, 2
    while taken(stem):
        stem = f"{base}-{n}"
        n += 1
    return folder / f"{stem}{suffix}"


def kind_of(path: Path) -> str:
    """``sqlite``, ``pgdump`` or ``logical`` by the file's name (a file named otherwise —
    one the officer picked — is told by its first bytes: :func:`sniff_kind`)."""
    name = Path(path).name
    for kind, suffix in SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return sniff_kind(path) or SQLITE


def sniff_kind(path: Path) -> str | None:
    """The kind of backup by the file's first bytes; None when it is none of them."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return None
    if head.startswith(b"SQLite format 3\x00"):
        return SQLITE
    if head.startswith(b"PGDMP"):
        return PGDUMP
    if head.startswith(b"\x1f\x8b"):
        return LOGICAL
    return None


def copy_file(source: Path, target: Path) -> None:
    """Copy a file under a temporary name, to the disk, then give it its name."""
    part = target.with_name(part_name(target.name))
    try:
        shutil.copyfile(source, part)
        fsync_file(part)
        if part.stat().st_size != source.stat().st_size:
            raise OSError(f"salinan {target.name} tidak lengkap")
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


# --- the names of backups ---------------------------------------------------------------

def parse_name(name: str) -> tuple[datetime, int, str] | None:
    """(when, its number within that second, reason) of a backup's file name."""
    match = _NAME.fullmatch(name)
    if match:
        return datetime.strptime(match.group(1), _STAMP), int(match.group(3) or 1), match.group(2)
    match = _UPGRADE_NAME.fullmatch(name)
    if match:
        return datetime.strptime(match.group(1), _STAMP), 0, PRE_UPGRADE
    return None


def named(folder: Path) -> list[tuple[datetime, str, Path]]:
    """Backups in ``folder`` by their names, newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        parsed = parse_name(entry.name)
        if parsed and entry.is_file():
            found.append((parsed, entry))
    found.sort(key=lambda item: item[0][:2], reverse=True)
    return [(made, reason, entry) for (made, _n, reason), entry in found]



def checked_sqlite_backup(path: Path, shown_name: str | None = None) -> "sqlite_store.FileReport":
    """SQLite's report on a register backup file, or a :class:`BackupError` saying why it
    cannot be restored (not a database, damaged, not a register); the schema version is
    the caller's to compare. ``shown_name``: the file's name for people (a staged copy's
    own name is not the one they chose)."""
    import sqlite3

    name = shown_name or path.name
    try:
        report = sqlite_store.file_report(path)
    except sqlite3.Error as exc:
        what = "bukan basis data" if "not a database" in str(exc) else "rusak, tidak dapat dibaca"
        raise BackupError(f"Berkas {name} {what} ({exc}); register tidak diubah.") from exc
    if report.problems:
        raise BackupError(f"Berkas {name} rusak ({sqlite_store.first_finding(report.problems)}); register "
                          "tidak diubah. Pilih cadangan lain.")
    if not report.is_register or report.schema_version < 1:
        raise BackupError(f"Berkas {name} bukan register PPID Desk; register tidak diubah.")
    return report
