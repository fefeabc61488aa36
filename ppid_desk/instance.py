"""One writer per data folder: the lock file ``<data>/ppid-desk.lock``.

The app takes the lock with Qt's ``QLockFile`` (``ppid_desk.ui.instance``); the command
line's write commands take the same file here, written in ``QLockFile``'s format (pid,
process name, host name, machine id, boot id — one per line), so each side sees the
other: the app does not start while ``ppid-desk import-register`` writes, and
``ppid-desk restore`` refuses while the app is open.

A lock is stale — taken over — when it was written on this machine by a process that no
longer runs (a power cut, a crash), in an earlier boot, or when its pid now belongs to
another program. A lock written on another computer (a data folder on a network share)
is never taken over: that is exactly the case the lock is for. An unreadable lock file
(empty after a power cut during its creation) is stale once it is older than a few seconds.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import PpidError
from .paths import ensure_data_dir

LOCK_NAME = "ppid-desk.lock"
# An unreadable lock file younger than this may still be being written by its owner.
UNREADABLE_GRACE_SECONDS = 10.0


class DataFolderInUse(PpidError):
    """Another PPID Desk (the app or a writing command) holds the data folder."""


@dataclass(frozen=True)
class LockHolder:
    pid: int
    process_name: str
    host: str

    def describe(self) -> str:
        where = "" if self.host in ("", host_name()) else f" di komputer {self.host}"
        return f"proses {self.pid}{where}"


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_NAME


def host_name() -> str:
    return socket.gethostname()


def _read_first_line(*paths: str) -> str:
    for path in paths:
        try:
            return Path(path).read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            continue
    return ""


def machine_id() -> str:
    if sys.platform.startswith("linux"):
        return _read_first_line("/etc/machine-id", "/var/lib/dbus/machine-id")
    return ""


def boot_id() -> str:
    if sys.platform.startswith("linux"):
        return _read_first_line("/proc/sys/kernel/random/boot_id")
    return ""


def process_name(pid: int) -> str | None:
    """The executable's file name of ``pid`` as Qt reads it (Linux; None elsewhere or when gone)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        target = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return None
    return Path(target.removesuffix(" (deleted)")).name


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    except OSError:
        return False
    return True


def _own_process_name() -> str:
    return process_name(os.getpid()) or Path(sys.executable).name


def _contents() -> bytes:
    lines = [str(os.getpid()), _own_process_name(), host_name(), machine_id(), boot_id()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _parse(raw: bytes) -> tuple[LockHolder, str, str] | None:
    lines = raw.decode("utf-8", errors="replace").split("\n")
    if len(lines) < 3 or not lines[0].strip().isdigit():
        return None
    extra = [*lines[3:5], "", ""]
    return LockHolder(int(lines[0]), lines[1].strip(), lines[2].strip()), extra[0].strip(), extra[1].strip()


def holder(data_dir: Path) -> LockHolder | None:
    """Who holds the data folder, or None when nobody does (no lock file, or a stale one)."""
    path = lock_path(data_dir)
    try:
        raw = path.read_bytes()
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        return LockHolder(0, "", "")  # cannot read it: assume held
    parsed = _parse(raw)
    if parsed is None:
        return LockHolder(0, "", "") if age < UNREADABLE_GRACE_SECONDS else None
    owner, machine, boot = parsed
    if owner.host != host_name():
        return owner  # another computer: never judged from here
    if machine and machine_id() and machine != machine_id():
        return owner  # same host name, another machine
    if boot and boot_id() and boot != boot_id():
        return None  # written before the last restart
    if not pid_alive(owner.pid):
        return None
    running = process_name(owner.pid)
    if running is not None and owner.process_name and running != owner.process_name:
        return None  # the pid now belongs to another program
    return owner


def in_use_message(owner: LockHolder, data_dir: Path) -> str:
    who = owner.describe() if owner.pid else "program lain"
    return (f"PPID Desk sedang memakai folder data {data_dir} ({who}). Tutup aplikasi PPID Desk atau tunggu "
            "perintah lain selesai, lalu ulangi.")


def _try_create(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, _contents())
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)  # an empty lock (a full disk) would read as another program's
        raise
    os.close(fd)
    return True


def acquire(data_dir: Path) -> Path:
    """Take the data folder's lock or raise :class:`DataFolderInUse`; a stale lock is taken over."""
    ensure_data_dir(Path(data_dir))
    path = lock_path(data_dir)
    for _attempt in range(3):
        try:
            if _try_create(path):
                return path
        except OSError as exc:
            raise PpidError(f"Kunci folder data {path} tidak dapat dibuat: {exc.strerror or exc}") from exc
        owner = holder(data_dir)
        if owner is not None:
            raise DataFolderInUse(in_use_message(owner, Path(data_dir)))
        try:
            path.unlink()  # stale
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise PpidError(f"Kunci lama {path} tidak dapat dihapus: {exc.strerror or exc}") from exc
    raise DataFolderInUse(in_use_message(LockHolder(0, "", ""), Path(data_dir)))


def release(path: Path) -> None:
    """Remove the lock if it is still ours."""
    try:
        if path.read_bytes().split(b"\n", 1)[0] == str(os.getpid()).encode():
            path.unlink()
    except OSError:
        pass


@contextmanager
def held(data_dir: Path) -> Iterator[Path]:
    """The data folder's lock for the duration of a block."""
    path = acquire(data_dir)
    try:
        yield path
    finally:
        release(path)
