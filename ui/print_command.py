"""``ppid-desk print KIND NUMBER (--pdf FILE | --printer NAME)``.

KIND is a request's document (NUMBER: the request's registration number) or an
objection's (``objection-receipt``, ``objection-response``,
``objection-response-receipt``; NUMBER: the objection's registration number).
Issues the document (or, when it was issued before, gives the stored one marked
SALINAN, as the desk does) and writes its PDF to a file or prints it through Qt on a
named printer. Qt is loaded only for ``--printer``, offscreen when there is no display,
and the printer is checked before anything is issued: a wrong printer name uses up no
letter number.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ppid_desk.cli.commands import open_from_args
from ppid_desk.cli.parser import Command
from ppid_desk.errors import PpidError
from ppid_desk.office import load_office

from .session import current_actor

if TYPE_CHECKING:
    from ppid_desk.reports.issuing import IssuedPdf

# The values of reports.issuing.DocumentKind and reports.objection_issuing.ObjectionDocumentKind
# (a test keeps them equal): written out so that every other command starts without
# loading reportlab.
REQUEST_KINDS = ("receipt", "notice", "extension", "rejection", "handover")
OBJECTION_KINDS = ("objection-receipt", "objection-response", "objection-response-receipt")
KINDS = REQUEST_KINDS + OBJECTION_KINDS


def _configure_print(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", metavar="KIND", choices=KINDS, help=f"jenis dokumen: {', '.join(KINDS)}")
    p.add_argument("number", metavar="NUMBER", help="nomor pendaftaran permohonan (001/PPID/XI/2026) atau, untuk "
                                                    "dokumen keberatan, nomor registrasi keberatan")
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
    """Write the PDF whole or not at all: a full disk leaves no half file (nor spoils an
    older PDF of the same name)."""
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(issued.pdf)
        part.replace(path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise PpidError(f"PDF tidak dapat ditulis ke {path}: {exc.strerror or exc}") from None
    return str(path)


def _headless_qt() -> None:
    from .app import display_problem

    if display_problem():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _producer(kind_word: str) -> tuple[Callable[[str, str], IssuedPdf], bool]:
    """The issuing function for KIND and whether the document is printed on receipt paper."""
    if kind_word in OBJECTION_KINDS:
        from ppid_desk.reports.objection_issuing import ObjectionDocumentKind, produce_objection

        kind = ObjectionDocumentKind(kind_word)
        return (lambda number, actor: produce_objection(number, kind, actor)), False
    from ppid_desk.reports.issuing import DocumentKind, produce

    kind = DocumentKind(kind_word)
    return (lambda number, actor: produce(number, kind, actor)), kind is DocumentKind.RECEIPT


def _print(args: argparse.Namespace) -> int:
    produce, on_receipt_paper = _producer(args.kind)
    with open_from_args(args):
        office = load_office()
        paper = office.receipt_paper if on_receipt_paper else office.paper
        if args.pdf:
            target = _check_target(args.pdf)
            issued = produce(args.number, current_actor())
            where = f"pdf: {_write_pdf(issued, target)}"
        else:
            _headless_qt()
            from .app import create_application
            from .printing.pdf_printer import make_printer, print_pdf
            from .printing.print_flow import describe

            create_application()
            printer = make_printer(args.printer, paper)  # before issuing: a wrong name issues nothing
            issued = produce(args.number, current_actor())
            print_pdf(issued.pdf, printer, describe(issued))
            where = f"printer: {printer.printerName()}"
    print(f"letter: {issued.letter_number}")
    print(f"copy: {'yes' if issued.copy else 'no'}")
    print(where)
    return 0


PRINT_COMMAND = Command("print", "terbitkan dokumen permohonan atau keberatan dan cetak ke berkas PDF atau printer",
                        _configure_print, _print)
