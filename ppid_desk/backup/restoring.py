"""Restoring a backup: prepared (checked, the register saved) without touching the
register, then swapped in with one rename while the register is closed.

A register on a PostgreSQL server is restored the same way in two steps: prepared
(the file checked through, other desks refused, the server register backed up first),
then finished in one transaction on the server (:mod:`ppid_desk.backup.server`) —
from a ``.pgdump``, a logical export or a SQLite register file (moving an office's
register from one desk to a server)."""

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
    DAMAGED, LOGICAL, PGDUMP, SQLITE, BackupError, check_room, checked_sqlite_backup, copy_file, data_dir_of,
    free_name, fsync_file,
    fsync_folder, part_name, register_size, remove_stale_parts, sniff_kind, why,
)
from .making import prune, stored_settings, verified

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    schema_version: int
    saved_current: Path | None  # the register as it was before, None when there was none
    current_was_damaged: bool
    # what the restore carried over from the register it replaced (numbers given out
    # before it stay taken), in Indonesian; empty when nothing was
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServerRestore:
    """What finishing a restore onto a server needs: the server (and its password, in
    memory only) and the checked source. When it is finished every connection of this
    desk is closed, so any other connection named ``ppid-desk`` is another desk."""

    target: object  # server.ServerTarget
    source: object  # server.CheckedSource


@dataclass
class PreparedRestore:
    """A checked copy of the backup next to the register, and the register saved: all that
    is left is :func:`finish_restore` (with the register closed) or :func:`discard`.

    For a register on a server, ``staged`` is the checked copy of a SQLite file (None for
    a ``.pgdump`` or a logical export, which are read where they are) and ``server`` what
    the finishing transaction needs."""

    data_dir: Path
    source: Path
    staged: Path | None
    schema_version: int
    saved_current: Path | None
    current_was_damaged: bool
    removed: list[Path] = field(default_factory=list)
    actor: Actor = ""  # who restores (the audit log's reset entry names them)
    server: ServerRestore | None = None


def _stage(backup: Path, staged: Path, data_dir: Path, needed: int) -> None:
    """Copy the backup into the data folder before it is checked and used (a USB stick may
    be pulled meanwhile), if the disk has room for ``needed`` bytes."""
    try:
        check_room(data_dir, needed)
        copy_file(backup, staged)
    except BackupError:
        raise
    except OSError as exc:
        raise BackupError(f"Berkas cadangan tidak dapat disalin ke folder data: {why(exc)}; tidak ada yang "
                          "diubah.") from exc


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
                    keep: int | None = None, actor: Actor = "", ignore: tuple[int, ...] = ()) -> PreparedRestore:
    """Everything a restore does before the swap, none of which changes the register: copy
    ``backup`` next to it and check the copy, then back the register up.

    ``keep``: how many backups to keep after the extra one (default: the office's setting
    when a store is given; with only a folder nothing is removed). ``actor``: Admin
    (``restore``), or "" for the operating-system user (the command line, the
    damaged-register dialog before anyone can log in).

    A register on a server (give its open store): ``backup`` may be a ``.pgdump``, a
    logical export or a SQLite register file; refused while other desks are connected
    (``ignore``: server process ids of this desk's own other connections, e.g. the UI
    thread's while a worker prepares).
    """
    require(actor, Permission.RESTORE)
    if isinstance(store_or_dir, Store) and store_or_dir.is_postgres:
        return _prepare_server(store_or_dir, Path(backup), now=now, keep=keep, actor=actor, ignore=ignore)
    data_dir = data_dir_of(store_or_dir)
    target = database_path(data_dir)
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"Berkas cadangan {backup} tidak ditemukan.")
    if sniff_kind(backup) in (PGDUMP, LOGICAL):
        raise BackupError(f"Berkas {backup.name} adalah cadangan register di server PostgreSQL; berkas itu hanya "
                          "dapat dipulihkan ke register di server. Register tidak diubah.")
    if backup.resolve() == target.resolve():
        raise BackupError("Berkas itu adalah register yang sedang dipakai, bukan cadangan.")
    if keep is None and isinstance(store_or_dir, Store):
        keep = stored_settings(store_or_dir)[0]
    staged = _staged_path(target)
    _stage(backup, staged, data_dir, backup.stat().st_size + register_size(target))
    try:
        report = checked_sqlite_backup(staged, backup.name)
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


def _prepare_server(store: Store, backup: Path, *, now: datetime | None, keep: int | None, actor: Actor,
                    ignore: tuple[int, ...]) -> PreparedRestore:
    from . import server

    data_dir = store.data_dir
    if not backup.is_file():
        raise BackupError(f"Berkas cadangan {backup} tidak ditemukan.")
    kind = sniff_kind(backup)
    if kind is None:
        raise BackupError(f"Berkas {backup.name} bukan cadangan PPID Desk (bukan register SQLite, arsip pg_dump "
                          "atau ekspor logis); register tidak diubah.")
    if keep is None:
        keep = stored_settings(store)[0]
    target = server.ServerTarget.of(store)
    with store.db.connection().cursor() as cursor:
        server.refuse_other_desks(cursor, target.address, ignore)
    staged = None
    if kind == SQLITE:  # a copy of the file in the data folder: a USB stick may be pulled meanwhile
        staged = data_dir / f"{backup.name}.pemulihan"
        _stage(backup, staged, data_dir, backup.stat().st_size)
    try:
        source = server.check_source(staged or backup, kind)
        folder = backup_dir(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupError(f"Folder cadangan {folder} tidak dapat dibuat: {why(exc)}") from exc
        remove_stale_parts(folder)
        made = (now or datetime.now()).replace(microsecond=0)
        saved, _version, _kind = server.write_backup(store, folder, made, "sebelum-pemulihan")
    except BaseException:
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise
    prepared = PreparedRestore(data_dir, backup, staged, source.schema_version, saved, False, actor=actor,
                               server=ServerRestore(target, source))
    prepared.removed = prune(folder, keep, protect={saved, backup})
    return prepared


def _finish_server(prepared: PreparedRestore) -> RestoreResult:
    """The restore's transaction on the server, on a connection of its own (the app's is
    closed by now); the audit log's reset is written in it."""
    from ..store.models import database as database_proxy
    from . import server

    assert prepared.server is not None
    target = prepared.server.target
    db = target.open_database()
    previous = database_proxy.obj
    database_proxy.initialize(db)
    notes: list[str] = []
    try:
        db.connect()
        server.restore_into(db, target, prepared.server.source, actor=prepared.actor,
                            reason=f"register dipulihkan dari cadangan {prepared.source.name}", notes=notes)
    finally:
        if not db.is_closed():
            db.close()
        database_proxy.initialize(previous)
        if prepared.staged is not None:
            prepared.staged.unlink(missing_ok=True)
    return RestoreResult(prepared.source, prepared.schema_version, prepared.saved_current, False, tuple(notes))


def _read_counters(path: Path) -> dict[tuple[str, int], int]:
    """The counters ((series, year) → last) of a SQLite register file (its WAL included);
    empty when the file cannot be read (a damaged register: its saved copy is read too)."""
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        rows = conn.execute("SELECT series, year, last FROM counter").fetchall()
        return {(str(series), int(year)): int(last) for series, year, last in rows}
    except (sqlite3.Error, TypeError, ValueError):
        return {}
    finally:
        conn.close()


def _carry_over_counters(staged: Path, before: dict[tuple[str, int], int]) -> str:
    """Raise the counters of the restored file ``staged`` (before it is swapped in) to at
    least their values in the register it replaces: a number given out before the restore
    (a printed receipt) is never given again. Returns what was raised, in words."""
    if not before:
        return ""
    raised: list[str] = []
    conn = sqlite3.connect(staged)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'counter'").fetchone() is None:
            return ""  # a backup from before the counters (schema < 3): nothing to raise
        with conn:
            for (series, year), last in sorted(before.items()):
                row = conn.execute("SELECT last FROM counter WHERE series = ? AND year = ?", (series, year)).fetchone()
                if row is not None and int(row[0]) >= last:
                    continue
                if row is None:
                    conn.execute("INSERT INTO counter (series, year, last) VALUES (?, ?, ?)", (series, year, last))
                else:
                    conn.execute("UPDATE counter SET last = ? WHERE series = ? AND year = ?", (last, series, year))
                raised.append(f"{series} {year} sampai {last}")
    finally:
        conn.close()
    if not raised:
        return ""
    return "nomor urut yang sudah terpakai sebelum pemulihan tetap terpakai: " + ", ".join(raised)


def finish_restore(prepared: PreparedRestore) -> RestoreResult:
    """Swap the checked copy in. The register must be closed (by every connection): its
    WAL and shared-memory files are removed first — their content is in the copy saved by
    :func:`prepare_restore` — so SQLite never applies the old WAL to the restored file.

    A register on a server: the restore's one transaction on a connection of its own
    (this desk's other connections to the server must be closed, as the file must be for
    SQLite; any other desk connected refuses it). A failure leaves the register as it was."""
    if prepared.server is not None:
        return _finish_server(prepared)
    target = database_path(prepared.data_dir)
    # numbers given out before the restore stay taken: the counters of the register being
    # replaced (read now, its WAL included, and from its saved copy) are carried into the
    # restored file before it is swapped in, so the swap stays one rename
    before = _read_counters(target)
    if prepared.saved_current is not None and not prepared.current_was_damaged:
        for key, last in _read_counters(prepared.saved_current).items():
            before[key] = max(last, before.get(key, 0))
    try:
        carried = _carry_over_counters(prepared.staged, before)
    except sqlite3.Error as exc:
        raise BackupError(f"Nomor urut register sebelumnya tidak dapat dibawa ke register yang dipulihkan "
                          f"({exc}); register tidak diubah.") from exc
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        os.replace(prepared.staged, target)
    except OSError as exc:
        raise BackupError(f"Register tidak dapat diganti: {why(exc)}. Tutup program lain yang membuka folder "
                          f"data, lalu ulangi; salinan register sebelumnya: {prepared.saved_current}.") from exc
    fsync_folder(prepared.data_dir)
    try:  # the restored log ends before the head recorded for the replaced one: accept it at the next open
        reason = f"register dipulihkan dari cadangan {prepared.source.name}"
        audit.request_reset(prepared.data_dir, prepared.actor, f"{reason}; {carried}" if carried else reason)
    except OSError:  # the restore itself is done; `audit verify` will report the old head
        log.warning("could not ask for the audit log's head to be reset after the restore", exc_info=True)
    return RestoreResult(prepared.source, prepared.schema_version, prepared.saved_current,
                         prepared.current_was_damaged, (carried,) if carried else ())


def discard(prepared: PreparedRestore) -> None:
    """Give up a prepared restore; the register was never touched."""
    if prepared.staged is not None:
        prepared.staged.unlink(missing_ok=True)


def restore(store_or_dir: Store | Path, backup: Path, *, now: datetime | None = None,
            keep: int | None = None, actor: Actor = "") -> RestoreResult:
    """Restore ``backup`` as the register. A given store is closed (reopen it afterwards;
    opening it records the audit log's reset, see :func:`ppid_desk.audit.request_reset`;
    a register on a server has its reset written by the restore itself)."""
    prepared = prepare_restore(store_or_dir, backup, now=now, keep=keep, actor=actor)
    if isinstance(store_or_dir, Store):
        store_or_dir.close()
    try:
        return finish_restore(prepared)
    except BaseException:
        discard(prepared)
        raise

