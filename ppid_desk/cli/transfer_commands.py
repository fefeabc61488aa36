"""Moving registers in and out: ``import-register``, ``export-register`` and
``export-objections``."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from .commands import open_from_args
from .parser import Command, UsageError, fail


def parse_day(text: str) -> date:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal tidak sah {text!r}; tulis YYYY-MM-DD") from None


def xlsx_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".xlsx":
        raise argparse.ArgumentTypeError(f"berkas keluaran harus berakhiran .xlsx, bukan {text!r}")
    return path


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some systems
        return "cli"


# --- import-register -----------------------------------------------------------------

def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="register lama: .xlsx atau .csv")
    p.add_argument("--dry-run", action="store_true", help="hanya periksa; tidak ada yang diimpor")
    p.add_argument("--sheet", metavar="NAMA", help="lembar yang diimpor (bawaan: lembar yang berisi register)")


def _import(args: argparse.Namespace) -> int:
    from ..register.importer import apply, check_file, decision_word

    with open_from_args(args):
        plan = check_file(args.file, sheet=args.sheet)
        for warning in plan.warnings:
            if warning.row:
                print(f"peringatan: {warning.line()}", file=sys.stderr)
            else:
                print(f"peringatan: {warning.reason}", file=sys.stderr)
        if plan.problems:
            for problem in plan.problems:
                print(problem.line(), file=sys.stderr)
            return fail(f"impor dibatalkan: {plan.bad_rows} baris bermasalah; tidak ada yang diimpor.")
        where = f", lembar \u201c{plan.sheet}\u201d" if plan.sheet else ""
        print(f"berkas: {plan.path.name}{where} (judul kolom di baris {plan.header_row})")
        print(f"baris dibaca: {plan.rows_read}")
        if plan.skipped:
            print(f"baris dilewati: {plan.skipped}")
        if args.dry_run:
            print(f"akan diimpor: {len(plan.rows)}")
        else:
            result = apply(plan, _actor())
            print(f"diimpor: {result.imported} permohonan, {result.requesters} pemohon")
        for decision, count in plan.by_decision().items():
            print(f"  {decision_word(decision)}: {count}")
        if args.dry_run:
            print("pemeriksaan selesai; tidak ada yang diimpor (--dry-run).")
    return 0


# --- export-register, export-objections ----------------------------------------------

def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="FILE.xlsx", type=xlsx_path, required=True, help="berkas Excel yang ditulis")
    p.add_argument("--from", dest="date_from", metavar="D", type=parse_day, help="diterima sejak (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="D", type=parse_day, help="diterima sampai (YYYY-MM-DD)")
    p.add_argument("--paper", choices=("A4", "F4"), default="A4", help="ukuran kertas cetak (bawaan A4)")


def _configure_register_export(p: argparse.ArgumentParser) -> None:
    _configure_export(p)
    p.add_argument("--public", action="store_true",
                   help="register untuk umum: tanpa nama, alamat, kontak, pekerjaan dan tujuan pemohon (hanya jenis "
                        "pemohon dan kota/kabupaten asalnya)")


def _register_writer() -> Callable[..., int]:
    from ppid_desk.reports.register_xlsx import export_register  # openpyxl loads only when exporting

    return export_register


def _objections_writer() -> Callable[..., int]:
    from ppid_desk.reports.objections_xlsx import export_objections

    return export_objections


def _exporter(command: str, writer: Callable[[], Callable[..., int]], noun: str) -> Callable[[argparse.Namespace], int]:
    """The handler of an export command: ``writer()(out, from, to, paper=)`` -> rows written."""

    def handler(args: argparse.Namespace) -> int:
        export = writer()
        if args.date_from and args.date_to and args.date_from > args.date_to:
            raise UsageError(f"--from sesudah --to (lihat: ppid-desk {command} --help)")
        options = {"public": True} if getattr(args, "public", False) else {}
        with open_from_args(args):
            count = export(args.out, args.date_from, args.date_to, paper=args.paper, actor=_actor(), **options)
        print(f"{count} {noun} ditulis ke {args.out}")
        return 0

    return handler


# --- report --------------------------------------------------------------------------

def _configure_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=("daily", "weekly", "monthly", "annual"), help="jenis laporan")
    p.add_argument("--end", metavar="YYYY-MM-DD", type=parse_day, help="hari terakhir periode (bawaan: hari ini)")
    p.add_argument("--from", dest="date_from", metavar="D", type=parse_day, help="periode pilihan: sejak")
    p.add_argument("--to", dest="date_to", metavar="D", type=parse_day, help="periode pilihan: sampai")
    p.add_argument("--out", metavar="FILE.xlsx", type=xlsx_path, required=True, help="berkas Excel yang ditulis")


def _report(args: argparse.Namespace) -> int:
    from ppid_desk.reports.periodic import Period, build_report

    if (args.date_from is None) != (args.date_to is None):
        raise UsageError("--from dan --to harus diberikan bersama (lihat: ppid-desk report --help)")
    if args.date_from and args.date_from > args.date_to:
        raise UsageError("--from sesudah --to (lihat: ppid-desk report --help)")
    if args.date_from:
        period = Period.custom(args.date_from, args.date_to)
    else:
        period = Period.ending(args.kind, args.end or date.today())
    with open_from_args(args):
        summary = build_report(period, args.out, _actor())
    for line in summary.lines():
        print(line)
    print(f"laporan ditulis ke {args.out}")
    return 0


COMMANDS: list[Command] = [
    Command("import-register", "impor register permohonan lama dari Excel (.xlsx) atau CSV", _configure_import,
            _import),
    Command("export-register", "tulis buku register permohonan ke Excel (.xlsx)", _configure_register_export,
            _exporter("export-register", _register_writer, "permohonan")),
    Command("export-objections", "tulis register keberatan ke Excel (.xlsx)", _configure_export,
            _exporter("export-objections", _objections_writer, "keberatan")),
    Command("report", "tulis laporan berkala (harian, 7 hari, 30 hari, tahunan) ke Excel (.xlsx)", _configure_report,
            _report),
]

