"""The DIP catalogue on the command line: ``import-dip`` and ``export-dip``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import open_from_args
from .parser import Command, fail
from .transfer_commands import _actor, xlsx_path


# --- import-dip ----------------------------------------------------------------------

def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="DIP kantor: .xlsx (atau .csv)")
    p.add_argument("--dry-run", action="store_true", help="hanya periksa; tidak ada yang diimpor")
    p.add_argument("--sheet", metavar="NAMA",
                   help="lembar yang diimpor (bawaan: setiap lembar yang berisi tabel DIP)")


def _import(args: argparse.Namespace) -> int:
    from ..dip.importer import apply, check_file

    with open_from_args(args):
        plan = check_file(args.file, sheet=args.sheet)
        for text in plan.lines(plan.warnings):
            print(f"peringatan: {text}", file=sys.stderr)
        if plan.problems:
            for text in plan.lines(plan.problems):
                print(text, file=sys.stderr)
            return fail(f"impor dibatalkan: {plan.bad_rows} baris bermasalah; tidak ada yang diimpor.")
        for read in plan.sheets:
            where = f", lembar \u201c{read.name}\u201d" if read.name else ""
            print(f"berkas: {plan.path.name}{where} (judul kolom di baris {read.header_row})")
        print(f"baris dibaca: {sum(s.rows_read for s in plan.sheets)}")
        skipped = sum(s.skipped for s in plan.sheets)
        if skipped:
            print(f"baris dilewati: {skipped}")
        if plan.already_in_dip:
            print(f"sudah ada di DIP: {plan.already_in_dip}")
        if plan.unmatched_holders:
            print(f"pemegang informasi yang tidak cocok dengan unit (disimpan sebagai teks): "
                  f"{len(plan.unmatched_holders)}")
        if args.dry_run:
            print(f"akan diimpor: {len(plan.rows)} entri DIP")
        else:
            result = apply(plan, _actor())
            print(f"diimpor: {result.imported} entri DIP")
        for info_class, count in plan.by_class().items():
            print(f"  {info_class.label}: {count}")
        if args.dry_run:
            print("pemeriksaan selesai; tidak ada yang diimpor (--dry-run).")
    return 0


# --- export-dip ----------------------------------------------------------------------

def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="FILE.xlsx", type=xlsx_path, required=True, help="berkas Excel yang ditulis")
    p.add_argument("--paper", choices=("A4", "F4"), default="A4", help="ukuran kertas cetak (bawaan A4)")


def _export(args: argparse.Namespace) -> int:
    from ppid_desk.reports.dip_xlsx import export_dip  # openpyxl loads only when exporting

    with open_from_args(args):
        count = export_dip(args.out, paper=args.paper, actor=_actor())
    print(f"{count} entri DIP ditulis ke {args.out}")
    return 0


COMMANDS: list[Command] = [
    Command("import-dip", "impor Daftar Informasi Publik (DIP) kantor dari Excel (.xlsx)", _configure_import, _import),
    Command("export-dip", "tulis Daftar Informasi Publik (DIP) ke Excel (.xlsx)", _configure_export, _export),
]
