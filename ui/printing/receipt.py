"""The receipt of a request, issued and printed in one call (Simpan & Cetak, Cetak tanda bukti).

The first print issues the receipt (kept in the register); every later one is the same
receipt marked SALINAN, except when the original never came out of the printer (the
caller says so with ``unprinted``): then the original is printed again, since the
requester has not had it. The printer and paper come from the office settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office
from ppid_desk.reports.issuing import DocumentKind, IssuedPdf, produce, stored_pdf

from .pdf_printer import make_printer
from .print_flow import FlowDialogs, PrinterFactory, PrintOutcome, PrintResult, print_document


def tr(text: str) -> str:
    return QCoreApplication.translate("ReceiptPrint", text)


@dataclass(frozen=True)
class ReceiptPrint:
    message: str  # what to tell the officer
    printed: bool
    issued: IssuedPdf | None = None
    result: PrintResult | None = None


    @property
    def original_out(self) -> bool:
        """The original left this computer (printed, or saved as PDF to be printed elsewhere)."""
        return self.result is not None and self.result.outcome in (PrintOutcome.PRINTED, PrintOutcome.SAVED)


def print_receipt(parent: QWidget | None, request_number: str, actor: str, now: datetime | None = None,
                  dialogs: FlowDialogs | None = None, printer_factory: PrinterFactory = make_printer,
                  unprinted: int | None = None) -> ReceiptPrint:
    """Issue (or reprint) and print the receipt; ``unprinted`` is the id of a receipt issued
    here whose original has not come out yet."""
    try:
        issued = produce(request_number, DocumentKind.RECEIPT, actor, now)
        if issued.copy and issued.document_id == unprinted:
            issued = replace(issued, pdf=stored_pdf(issued.document_id, copy=False), copy=False)
    except ValidationError as exc:
        return ReceiptPrint(tr("Tanda bukti belum dapat dibuat: {0}").format(exc.message), False)
    office = load_office()
    result = print_document(parent, issued, office.printer_name, office.receipt_paper, ask=False,
                            dialogs=dialogs, printer_factory=printer_factory)
    return receipt_outcome(tr, issued, result)


def receipt_outcome(tr, issued, result) -> "ReceiptPrint":
    """What the officer is told after a receipt went to the printer (or did not)."""
    copy = tr(" (SALINAN)") if issued.copy else ""
    message = {
        PrintOutcome.PRINTED: tr("Tanda bukti{0} dikirim ke {1}.").format(copy, result.where),
        PrintOutcome.CANCELLED: tr("Pencetakan dibatalkan."),
        PrintOutcome.SAVED: tr("Tanda bukti belum tercetak; PDF disimpan di {0}.").format(result.where),
        PrintOutcome.NOT_PRINTED: tr("Tanda bukti belum tercetak: {0}").format(result.problem),
    }[result.outcome]
    return ReceiptPrint(message, result.printed, issued, result)
