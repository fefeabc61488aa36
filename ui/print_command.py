"""``ppid-desk print KIND NUMBER (--pdf FILE | --printer NAME)``.

Issues the document (or, when it was issued before, gives the stored one marked
SALINAN, as the desk does) and writes its PDF to a file or prints it through Qt on a
named printer. Qt is loaded only for ``--printer``, offscreen when there is no display,
and the printer is checked before anything is issued: a wrong printer name uses up no
letter number.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ppid_desk.cli.commands import open_from_args
from ppid_desk.cli.parser import Command
from ppid_desk.errors import PpidError
from ppid_desk.office import load_office

from .session import current_actor

# The values of reports.issuing.DocumentKind (a test keeps them equal): written out so
# that every other command starts without loading reportlab.
KINDS = ("receipt", "notice", "extension", "rejection", "handover")


def _configure_print(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", metavar="KIND", choices=KINDS, help=f"jenis dokumen: {', '.join(KINDS)}")
    p.add_argument("number", metavar="NUMBER", help="nomor pendaftaran permohonan, misalnya 001/PPID/XI/2026")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--pdf", metavar="FILE", help="tulis PDF dokumen ke berkas ini")
    where.add_argument("--printer", metavar="NAME", help="cetak ke printer ini (nama seperti di sistem)")


def _check_target(target: str) -> Path:
    """The PDF's path, refused before anything is issued when it cannot be written."""
    path = Path(target)
    folder = path.parent
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise PpidError(f"PDF tidak dapat ditulis ke {path}: folder tidak ada atau tidak dapat ditulisi.")
    return path


def _write_pdf(issued, path: Path) -> str:
    try:
        path.write_bytes(issued.pdf)
    except OSError as exc:
        raise PpidError(f"PDF tidak dapat ditulis ke {path}: {exc.strerror or exc}") from None
    return str(path)


def _headless_qt() -> None:
    from .app import display_problem

    if display_problem():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _print(args: argparse.Namespace) -> int:
    from ppid_desk.reports.issuing import DocumentKind, produce

    kind = DocumentKind(args.kind)
    with open_from_args(args):
        office = load_office()
        paper = office.receipt_paper if kind is DocumentKind.RECEIPT else office.paper
        if args.pdf:
            target = _check_target(args.pdf)
            issued = produce(args.number, kind, current_actor())
            where = f"pdf: {_write_pdf(issued, target)}"
        else:
            _headless_qt()
            from .app import create_application
            from .printing.pdf_printer import make_printer, print_pdf
            from .printing.print_flow import describe

            create_application()
            printer = make_printer(args.printer, paper)  # before issuing: a wrong name issues nothing
            issued = produce(args.number, kind, current_actor())
            print_pdf(issued.pdf, printer, describe(issued))
            where = f"printer: {printer.printerName()}"
    print(f"letter: {issued.letter_number}")
    print(f"copy: {'yes' if issued.copy else 'no'}")
    print(where)
    return 0


PRINT_COMMAND = Command("print", "terbitkan dokumen permohonan dan cetak ke berkas PDF atau printer",
                        _configure_print, _print)
