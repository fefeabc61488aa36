"""Backup files: their names, and writing files so a power cut leaves either the old
state or the new one (temporary name, fsync, rename, fsync of the folder)."""

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
_NAME = re.compile(r"ppid-desk-(\d{8}-\d{6})-(" + "|".join([*REASONS, DAMAGED]) + r")(?:-(\d+))?\.sqlite3")
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


def free_name(folder: Path, made: datetime, reason: str) -> Path:
    base = f"ppid-desk-{made.strftime(_STAMP)}-{reason}"
    target = folder / f"{base}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}.sqlite3"
        n += 1
    return target


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

