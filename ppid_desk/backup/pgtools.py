"""PostgreSQL's own client programs for backups of a register on a server: finding
``pg_dump`` / ``pg_restore`` and running them.

Where they are looked for, in this order (the first folder that has both programs and a
``pg_dump`` at least as new as the server wins; a ``pg_dump`` older than the server
refuses to dump it):

1. the folder named by the environment variable ``PPID_DESK_PG_BIN``;
2. the ``PATH``;
3. ``pg_config --bindir``;
4. Linux: ``/usr/lib/postgresql/<version>/bin`` (Debian/Ubuntu's ``postgresql-client``),
   newest first;
5. Windows: ``<Program Files>\\PostgreSQL\\<version>\\bin`` (the EDB installer, or only its
   "Command Line Tools"), newest first.

The password never goes on a command line or into a file: the child process alone gets it
in its environment (``PGPASSWORD``). The programs connect with the application name
``ppid-desk-cadangan``, so they never count as a desk (see :mod:`.server`).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..store.location import ServerAddress
from .files import BackupError

ENV_PG_BIN = "PPID_DESK_PG_BIN"
BACKUP_APP_NAME = "ppid-desk-cadangan"
CONNECT_TIMEOUT_S = 10
_EXE = ".exe" if os.name == "nt" else ""
# No console window flashing up when the app runs a program on Windows.
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)


@dataclass(frozen=True)
class PgTools:
    bindir: Path
    major: int  # pg_dump's major version

    @property
    def pg_dump(self) -> Path:
        return self.bindir / f"pg_dump{_EXE}"

    @property
    def pg_restore(self) -> Path:
        return self.bindir / f"pg_restore{_EXE}"


def _version_key(path: str) -> tuple[int, ...]:
    match = re.search(r"[/\\]([0-9][0-9.]*)[/\\]bin$", path)
    return tuple(int(p) for p in match.group(1).split(".") if p) if match else ()


def candidate_bindirs() -> list[Path]:
    """Folders that may hold the PostgreSQL client programs, in the order they are tried."""
    found: list[Path] = []
    named = os.environ.get(ENV_PG_BIN, "").strip()
    if named:
        found.append(Path(named))
    on_path = shutil.which(f"pg_dump{_EXE}") or shutil.which("pg_dump")
    if on_path:
        found.append(Path(on_path).resolve().parent)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=15,
                                 creationflags=_NO_WINDOW)
            if out.returncode == 0 and out.stdout.strip():
                found.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass
    patterns = ["/usr/lib/postgresql/*/bin"]
    if os.name == "nt":
        for root in {os.environ.get("ProgramFiles", r"C:\Program Files"),
                     os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")}:
            patterns.append(str(Path(root) / "PostgreSQL" / "*" / "bin"))
    for pattern in patterns:
        found += [Path(p) for p in sorted(glob.glob(pattern), key=_version_key, reverse=True)]
    unique: list[Path] = []
    for folder in found:
        if folder not in unique:
            unique.append(folder)
    return unique


@lru_cache(maxsize=32)
def _major_of(program: Path) -> int | None:
    """``pg_dump (PostgreSQL) 15.18 (Debian …)`` -> 15."""
    try:
        out = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=15,
                             creationflags=_NO_WINDOW)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\)\s*(\d+)", out.stdout)
    return int(match.group(1)) if out.returncode == 0 and match else None


def installed_tools() -> list[PgTools]:
    """Every usable pair of pg_dump + pg_restore, in the order of :func:`candidate_bindirs`."""
    tools = []
    for folder in candidate_bindirs():
        dump, restore = folder / f"pg_dump{_EXE}", folder / f"pg_restore{_EXE}"
        if dump.is_file() and restore.is_file() and os.access(dump, os.X_OK) and os.access(restore, os.X_OK):
            major = _major_of(dump)
            if major is not None:
                tools.append(PgTools(folder, major))
    return tools


def tools_for_server(server_major: int) -> PgTools | None:
    """The first pg_dump that can dump a server of ``server_major`` (None: none installed)."""
    for tools in installed_tools():
        if tools.major >= server_major:
            return tools
    return None


def newest_tools() -> PgTools | None:
    """The newest pg_restore installed (it reads the archives of every older pg_dump)."""
    tools = installed_tools()
    return max(tools, key=lambda t: t.major) if tools else None


def _child_env(password: str | None) -> dict[str, str]:
    """The child's environment: ours (libpq reads it as the app's own connection does),
    with the register's password when there is one."""
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    env["PGAPPNAME"] = BACKUP_APP_NAME
    env["PGCONNECT_TIMEOUT"] = str(CONNECT_TIMEOUT_S)
    return env


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    return line if len(line) <= 240 else line[:239] + "\u2026"


def run_pg_dump(tools: PgTools, address: ServerAddress, password: str | None, target: Path,
                exclude_data: tuple[str, ...] = ()) -> None:
    """``pg_dump --format=custom --no-owner --no-privileges`` of the register into ``target``."""
    argv = [str(tools.pg_dump), "--format=custom", "--no-owner", "--no-privileges", "--no-password",
            "--host", address.host, "--port", str(address.port), "--username", address.user,
            "--file", str(target)]
    argv += [f"--exclude-table-data={table}" for table in exclude_data]
    argv += ["--dbname", address.dbname]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=_child_env(password),
                              creationflags=_NO_WINDOW)
    except OSError as exc:
        raise BackupError(f"pg_dump ({tools.pg_dump}) tidak dapat dijalankan: {exc.strerror or exc}.") from exc
    if done.returncode != 0:
        raise BackupError(f"pg_dump gagal: {_last_line(done.stderr) or f'kode {done.returncode}'}.")


# --- reading archives (no connection to any server) ------------------------------------------

def _pg_restore(tools: PgTools, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([str(tools.pg_restore), *args], capture_output=True, text=True,
                              creationflags=_NO_WINDOW, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise BackupError(f"pg_restore ({tools.pg_restore}) tidak dapat dijalankan: {exc.strerror or exc}.") from exc


_TOC_DATA = re.compile(r"^(\d+); \d+ \d+ TABLE DATA (\S+) (\S+) ")


@dataclass(frozen=True)
class ArchiveToc:
    data_lines: dict[str, str]  # table -> its TOC line (TABLE DATA entries)


def read_toc(tools: PgTools, archive: Path) -> ArchiveToc:
    """``pg_restore --list``: the archive's table of contents (raises :class:`BackupError`)."""
    done = _pg_restore(tools, "--list", str(archive))
    if done.returncode != 0:
        raise BackupError(f"Berkas {archive.name} tidak terbaca oleh pg_restore "
                          f"({_last_line(done.stderr) or f'kode {done.returncode}'}).")
    lines: dict[str, str] = {}
    for line in done.stdout.splitlines():
        match = _TOC_DATA.match(line)
        if match:
            lines[match.group(3)] = line
    return ArchiveToc(lines)


def archive_schema_version(tools: PgTools, archive: Path) -> int:
    """The register's schema version stored in the archive (its ``ppid_schema`` row)."""
    done = _pg_restore(tools, "--data-only", "--table=ppid_schema", "--file=-", str(archive))
    if done.returncode != 0:
        raise BackupError(f"Berkas {archive.name} tidak terbaca oleh pg_restore "
                          f"({_last_line(done.stderr) or f'kode {done.returncode}'}).")
    versions = []
    inside = False
    for line in done.stdout.splitlines():
        if line.startswith("COPY ") and "ppid_schema" in line:
            inside = True
        elif inside and line == "\\.":
            inside = False
        elif inside and line.strip().isdigit():
            versions.append(int(line.strip()))
    if not versions:
        raise BackupError(f"Berkas {archive.name} bukan cadangan register PPID Desk (versi skema tidak ada).")
    return max(versions)


def read_all_data(tools: PgTools, archive: Path) -> None:
    """Read (and decompress) every data block of the archive, writing nothing: a truncated
    or damaged archive fails here."""
    done = _pg_restore(tools, "--data-only", f"--file={os.devnull}", str(archive))
    if done.returncode != 0:
        raise BackupError(f"Berkas {archive.name} rusak atau terpotong "
                          f"({_last_line(done.stderr) or f'kode {done.returncode}'}).")


@contextmanager
def data_stream(tools: PgTools, archive: Path, toc: ArchiveToc, tables: list[str], list_file: Path
                ) -> Iterator[Iterator[bytes]]:
    """The archive's data of ``tables``, in that order (``pg_restore -L`` restores in the
    list's order), as the lines of the ``COPY … FROM stdin`` blocks pg_restore writes."""
    lines = [toc.data_lines[t] for t in tables if t in toc.data_lines]
    list_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = tempfile.TemporaryFile()  # never a pipe: a full stderr pipe would stall the reading
    try:
        process = subprocess.Popen([str(tools.pg_restore), "--data-only", f"--use-list={list_file}", "--file=-",
                                    str(archive)], stdout=subprocess.PIPE, stderr=errors,
                                   creationflags=_NO_WINDOW)
    except OSError as exc:
        errors.close()
        list_file.unlink(missing_ok=True)
        raise BackupError(f"pg_restore ({tools.pg_restore}) tidak dapat dijalankan: {exc.strerror or exc}.") from exc
    try:
        yield iter(process.stdout.readline, b"")
        process.stdout.read()
        if process.wait() != 0:
            errors.seek(0)
            err = errors.read().decode("utf-8", "replace")
            raise BackupError(f"pg_restore gagal membaca {archive.name} ({_last_line(err) or process.returncode}).")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        errors.close()
        list_file.unlink(missing_ok=True)
