"""Printing an issued document from the UI: the one call the screens make.

The document is already issued and kept in the register when this runs, so nothing is
lost when printing fails: the officer is told why, in words, and offered to save the PDF
(to print it later or from another computer). The questions are asked through
:class:`FlowDialogs`, which tests replace.

A receipt prints in about 0.1 s (bench/bench_print.py), short enough for the UI thread;
a wait cursor shows while the job is handed over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from .pdf_printer import PrintError, make_printer, print_pdf, printer_label

if TYPE_CHECKING:
    from ppid_desk.reports.issuing import IssuedPdf

PrinterFactory = Callable[[str | None, str], QPrinter]


def tr(text: str) -> str:
    return QCoreApplication.translate("PrintFlow", text)


class PrintOutcome(Enum):
    PRINTED = "printed"  # handed to the printer
    CANCELLED = "cancelled"  # the officer closed the print dialog
    SAVED = "saved"  # printing failed; the PDF was saved instead
    NOT_PRINTED = "not_printed"  # printing failed and nothing was saved


@dataclass(frozen=True)
class PrintResult:
    outcome: PrintOutcome
    where: str = ""  # the printer, or the file the PDF was saved to
    problem: str = ""  # why printing failed, in Indonesian

    @property
    def printed(self) -> bool:
        return self.outcome is PrintOutcome.PRINTED


class FlowDialogs:
    """The questions the print flow asks the officer (real dialogs)."""

    def confirm_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Cetak"))
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def offer_save(self, parent: QWidget | None, title: str, message: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
        save = box.addButton(tr("Simpan PDF\u2026"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    def save_path(self, parent: QWidget | None, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Simpan PDF"), suggested, tr("Dokumen PDF (*.pdf)"))
        return path

    def tell(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)


def suggested_file_name(issued: IssuedPdf) -> str:
    """``tanda-bukti-penerimaan_0001-PPID-XI-2026.pdf``: kind and letter number, safe everywhere."""
    words = re.sub(r"[^0-9A-Za-z]+", "-", issued.kind.label.lower()).strip("-")
    number = re.sub(r"[^0-9A-Za-z.-]+", "-", issued.letter_number).strip("-")
    suffix = "_SALINAN" if issued.copy else ""
    return f"{words}_{number}{suffix}.pdf"


def describe(issued: IssuedPdf) -> str:
    """``Tanda bukti penerimaan 0001/PPID/XI/2026 (SALINAN)``."""
    return f"{issued.kind.label} {issued.letter_number}" + (" (SALINAN)" if issued.copy else "")


def save_pdf(parent: QWidget | None, pdf: bytes, suggested: str, dialogs: FlowDialogs | None = None,
             folder: str = "") -> str | None:
    """Ask where, write the bytes; the path, or None when cancelled or not writable (said)."""
    dialogs = dialogs or FlowDialogs()
    start = str(Path(folder) / suggested) if folder else suggested
    path = dialogs.save_path(parent, start)
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    part = Path(path + ".part")
    try:  # whole or not at all: a full disk leaves no half file
        part.write_bytes(pdf)
        part.replace(path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        dialogs.tell(parent, tr("Simpan PDF"),
                     tr("PDF tidak dapat disimpan ke {0}: {1}").format(path, exc.strerror or exc))
        return None
    return path


def print_document(parent: QWidget | None, issued: IssuedPdf, printer_name: str | None, paper: str, ask: bool,
                   dialogs: FlowDialogs | None = None,
                   printer_factory: PrinterFactory = make_printer) -> PrintResult:
    """Print ``issued`` on ``printer_name`` ("" = the system's default) with ``paper``.

    With ``ask`` the print dialog comes first (printer, pages, copies). On any failure the
    reason is shown and saving the PDF offered; the document stays issued either way.
    """
    dialogs = dialogs or FlowDialogs()
    try:
        printer = printer_factory(printer_name, paper)
        if ask and not dialogs.confirm_printer(parent, printer):
            return PrintResult(PrintOutcome.CANCELLED)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            print_pdf(issued.pdf, printer, describe(issued))
        finally:
            QApplication.restoreOverrideCursor()
    except PrintError as exc:
        return _failed(parent, issued, exc.message, dialogs)
    return PrintResult(PrintOutcome.PRINTED, printer_label(printer))


def _failed(parent: QWidget | None, issued: IssuedPdf, problem: str, dialogs: FlowDialogs) -> PrintResult:
    message = tr("{0} sudah tercatat di register, tetapi belum tercetak.\n\n{1}\n\n"
                 "Simpan sebagai PDF untuk dicetak nanti atau dari komputer lain?").format(describe(issued), problem)
    if dialogs.offer_save(parent, tr("Tidak dapat mencetak"), message):
        path = save_pdf(parent, issued.pdf, suggested_file_name(issued), dialogs)
        if path:
            return PrintResult(PrintOutcome.SAVED, path, problem)
    return PrintResult(PrintOutcome.NOT_PRINTED, "", problem)
