"""The intake form when the PostgreSQL server cannot be reached (issue 11): the request
goes to the desk's offline queue (:class:`ppid_desk.offline.OfflineDesk`) with a number
of the desk's reserved block, and its receipt prints from the queue with that number.

Everything here asks for the queue only when the register is on a server; a SQLite
register (one desk) never has an offline mode, and the form works as before.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ppid_desk.accounts.officer import Actor
from ppid_desk.dates import long_date
from ppid_desk.errors import ValidationError
from ppid_desk.store.models import database

from ..printing.pdf_printer import make_printer
from ..printing.print_flow import FlowDialogs, PrinterFactory, print_document
from ..printing.receipt import ReceiptPrint, receipt_outcome

if TYPE_CHECKING:
    from ppid_desk.offline import OfflineDesk, QueuedRequest

QUEUED_TEXT = ("Tersimpan di antrean luring (server tidak terjangkau); akan dikirim otomatis saat server "
               "tersambung.")


def tr(text: str) -> str:
    return QCoreApplication.translate("OfflineIntake", text)


def offline_desk() -> OfflineDesk | None:
    """This desk's offline queue when the register is on a PostgreSQL server, else None."""
    folder = getattr(database.obj, "desk_data_dir", None)  # set for a register on a server only
    if folder is None:
        return None
    from ppid_desk.offline import OfflineDesk  # imported on first use: the start stays as fast

    return OfflineDesk(folder) if OfflineDesk.available() else None


def _connection(widget: QWidget) -> object | None:
    return getattr(widget.window(), "connection", None)


def server_away(widget: QWidget) -> bool:
    """The window's connection monitor says the server cannot be reached now."""
    return getattr(_connection(widget), "online", True) is False


def report_unreachable(widget: QWidget, message: str) -> None:
    """Tell the window's connection monitor at once (the status bar goes offline)."""
    report = getattr(_connection(widget), "report_unreachable", None)
    if callable(report):
        report(message)


def fill_units(checklist: QListWidget, desk: OfflineDesk | None) -> None:
    """The units as last copied from the server (the list could not be read from it);
    those checked stay checked."""
    snapshot = desk.snapshot() if desk is not None else None
    checked = {checklist.item(i).data(Qt.ItemDataRole.UserRole) for i in range(checklist.count())
               if checklist.item(i).checkState() == Qt.CheckState.Checked}
    checklist.clear()
    for unit in snapshot.units if snapshot is not None else ():
        item = QListWidgetItem(unit.name)
        item.setToolTip(unit.name)
        item.setData(Qt.ItemDataRole.UserRole, unit.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if unit.id in checked else Qt.CheckState.Unchecked)
        checklist.addItem(item)


def confirmation_lines(item: QueuedRequest, completeness_days: int) -> list[str]:
    lines = [
        tr("<b>Permohonan {0} tercatat</b> atas nama {1}.").format(item.number, html.escape(item.requester_name)),
        "<b>" + tr(QUEUED_TEXT) + "</b>",
        tr("Dihitung diterima: <b>{0}</b>").format(long_date(item.effective_day)),
        tr("Pemberitahuan tertulis paling lambat: <b>{0}</b> (10 hari kerja)").format(long_date(item.response_due)),
    ]
    if item.completeness_due is not None:
        lines.append(tr("Jika diperpanjang: {0} \u00b7 Batas melengkapi persyaratan: {1} ({2} hari kerja)").format(
            long_date(item.extended_due), long_date(item.completeness_due), completeness_days))
    return lines


def print_queued_receipt(parent: QWidget | None, desk: OfflineDesk, queue_seq: int, actor: Actor,
                         now: datetime | None = None, dialogs: FlowDialogs | None = None,
                         printer_factory: PrinterFactory = make_printer, unprinted: bool = False) -> ReceiptPrint:
    """Issue (the first time) and print the receipt of a queued request, on the printer and
    paper of the office's settings as last copied. ``unprinted``: the original did not come
    out the first time, so it is printed again instead of a SALINAN."""
    from ppid_desk.reports.offline_receipt import queued_receipt

    try:
        issued = queued_receipt(desk, queue_seq, actor, now)
        kept = desk.get(queue_seq).receipt
        if issued.copy and unprinted and kept is not None:
            issued = replace(issued, pdf=kept.pdf, copy=False)
    except ValidationError as exc:
        return ReceiptPrint(tr("Tanda bukti belum dapat dibuat: {0}").format(exc.message), False)
    snapshot = desk.snapshot()
    printer_name = snapshot.office.printer_name if snapshot is not None else ""
    result = print_document(parent, issued, printer_name, issued.paper or "A4", ask=False, dialogs=dialogs,
                            printer_factory=printer_factory)
    return receipt_outcome(tr, issued, result)
