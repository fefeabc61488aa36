"""Where PPID Desk keeps its data.

The folder is decided once at start-up, in this order: ``--data-dir DIR``, the
environment variable ``PPID_DESK_DATA_DIR``, then platformdirs' user data folder
(``%LOCALAPPDATA%\\ppid-desk`` on Windows, ``~/.local/share/ppid-desk`` on Linux).
Nothing here touches the disk until :func:`ensure_data_dir` is called.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from .errors import StoreError

ENV_DATA_DIR = "PPID_DESK_DATA_DIR"
DATABASE_NAME = "ppid-desk.sqlite3"
BACKUP_DIR_NAME = "backups"
# The offline queue of a desk working on a PostgreSQL register (ppid_desk.offline.queue):
# named here too, so that the store can tell such a desk's folder without importing it.
OFFLINE_QUEUE_NAME = "antrean-luring.sqlite3"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data folder chosen by the command line, the environment or the platform."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env).expanduser().absolute()
    return Path(user_data_dir("ppid-desk", appauthor=False, roaming=False))


def ensure_data_dir(path: Path) -> Path:
    """Create the data folder if needed; a clear error when that is impossible."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Folder data {path} tidak dapat dibuat: {exc.strerror or exc}") from exc
    if not path.is_dir():
        raise StoreError(f"{path} bukan folder.")
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def offline_queue_path(data_dir: Path) -> Path:
    return data_dir / OFFLINE_QUEUE_NAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows cannot open a folder for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
