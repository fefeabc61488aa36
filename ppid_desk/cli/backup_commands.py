"""``ppid-desk backup`` and ``ppid-desk restore``, for a SQLite register and for one on a
PostgreSQL server (the register chosen as every command chooses it: ``--database``,
``PPID_DESK_DATABASE`` or the desk's saved setting, see :mod:`ppid_desk.store.location`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..backup import KIND_LABELS, SQLITE, list_backups, make_backup, restore
from ..paths import backup_dir, database_path, resolve_data_dir
from ..register.attachments import size_text
from ..store import Store, latest_version, open_store
from ..store.location import ServerAddress, resolve_database
from .commands import open_from_args
from .parser import Command, UsageError
from .transfer_commands import _actor

METHODS = {"pg_dump": "pg_dump", "logis": "logical"}


def _server(args: argparse.Namespace) -> ServerAddress | None:
    """The PostgreSQL register chosen for this command, None for the SQLite file."""
    return resolve_database(getattr(args, "database", None), resolve_data_dir(args.data_dir))


def _open(args: argparse.Namespace) -> Store:
    address = _server(args)
    if address is None:
        return open_from_args(args)
    return open_store(resolve_data_dir(args.data_dir), database=address)


def _configure_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", metavar="DIR", type=Path,
                   help="tulis cadangan (dan lampiran yang belum ada) ke folder ini, mis. flashdisk; bawaan: "
                        "folder backups di folder data")
    p.add_argument("--list", action="store_true", help="hanya tampilkan daftar cadangan yang ada")
    p.add_argument("--method", choices=sorted(METHODS), default=None,
                   help="register di server PostgreSQL: pg_dump (.pgdump) atau logis (ekspor PPID Desk, "
                        ".ppidjson.gz); bawaan: pg_dump bila terpasang, selain itu logis")


def _print_list(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    backups = list_backups(data_dir)
    if not backups:
        print(f"belum ada cadangan di {backup_dir(data_dir)}")
    for info in backups:
        state = "ok" if info.sound else f"RUSAK ({info.problem})"
        schema = info.schema_version if info.schema_version is not None else "?"
        print(f"{info.made:%Y-%m-%d %H:%M:%S}\t{info.reason}\t{size_text(info.size)}\tskema {schema}\t{state}\t"
              f"{info.path}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    if args.list:
        return _print_list(args)
    method = METHODS.get(args.method) if getattr(args, "method", None) else None
    with _open(args) as store:
        if method is not None and not store.is_postgres:
            raise UsageError("--method hanya untuk register di server PostgreSQL (register ini berkas SQLite)")
        result = make_backup(store, "manual", to_dir=args.to, actor=_actor(), method=method)
    print(f"backup: {result.path}")
    print(f"size: {result.size} ({size_text(result.size)})")
    if result.kind != SQLITE:
        print(f"format: {KIND_LABELS[result.kind]}")
    if result.mirror and not result.mirror_problem:
        print(f"mirror: {result.mirror / result.path.name}")
    if result.attachments_copied:
        print(f"attachments: {result.attachments_copied} berkas lampiran disalin")
    for path in result.removed:
        print(f"removed: {path}")
    if result.mirror_problem:
        print(f"ppid-desk: peringatan: {result.mirror_problem}", file=sys.stderr)
    return 0


def _configure_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path,
                   help="berkas cadangan yang dipulihkan (.sqlite3; untuk register di server juga .pgdump dan "
                        ".ppidjson.gz — berkas .sqlite3 memindahkan register satu meja ke server)")


def _restore(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    address = _server(args)
    if address is not None:
        with open_store(data_dir, database=address) as store:
            result = restore(store, args.file, actor=_actor())
        print(f"saved: {result.saved_current}")
        print(f"restored: {result.restored_from} (skema {result.schema_version}) ke {address}")
        if result.schema_version < latest_version():
            print(f"catatan: skema diperbarui ke {latest_version()} dalam pemulihan yang sama.")
        return 0
    result = restore(data_dir, args.file, actor=_actor())
    if result.saved_current is None:
        print(f"saved: - (belum ada register di {database_path(data_dir)})")
    elif result.current_was_damaged:
        print(f"saved: {result.saved_current} (register rusak, disimpan apa adanya)")
    else:
        print(f"saved: {result.saved_current}")
    print(f"restored: {result.restored_from} (skema {result.schema_version})")
    if result.schema_version < latest_version():
        print(f"catatan: skema akan diperbarui ke {latest_version()} saat register dibuka lagi (salinan dibuat dulu).")
    return 0


COMMANDS: list[Command] = [
    Command("backup", "buat cadangan register sekarang (atau --list: daftar cadangan)", _configure_backup, _backup),
    Command("restore", "pulihkan register dari berkas cadangan (register sekarang dicadangkan dulu)",
            _configure_restore, _restore),
]
