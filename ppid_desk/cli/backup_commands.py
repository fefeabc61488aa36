"""``ppid-desk backup`` and ``ppid-desk restore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..backup import list_backups, make_backup, restore
from ..paths import backup_dir, database_path, resolve_data_dir
from ..register.attachments import size_text
from ..store import latest_version
from .commands import open_from_args
from .parser import Command
from .transfer_commands import _actor


def _configure_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", metavar="DIR", type=Path,
                   help="tulis cadangan (dan lampiran yang belum ada) ke folder ini, mis. flashdisk; bawaan: "
                        "folder backups di folder data")
    p.add_argument("--list", action="store_true", help="hanya tampilkan daftar cadangan yang ada")


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
    with open_from_args(args) as store:
        result = make_backup(store, "manual", to_dir=args.to, actor=_actor())
    print(f"backup: {result.path}")
    print(f"size: {result.size} ({size_text(result.size)})")
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
    p.add_argument("file", metavar="FILE", type=Path, help="berkas cadangan (.sqlite3) yang dipulihkan")


def _restore(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
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
