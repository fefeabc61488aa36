"""The printed documents in a detail page: issue one (then preview, print, save) and the
list of those issued, each to print again (marked SALINAN) or save as PDF.

A button per kind is enabled when the kind fits the record's state now; a dimmed one
says why in its tooltip. Issuing is done by the reports layer: the first time a new
letter number and the PDF are kept in the register; the same document asked for again
comes back as the stored one marked SALINAN.

One box serves a request's documents (:data:`REQUEST_DOCUMENTS`, ``reports.issuing``)
and an objection's (``ui.objections.documents``, ``reports.objection_issuing``): a
:class:`DocumentSource` gives it the kinds and the reports functions to call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ppid_desk.dates import clock, short_date
from ppid_desk.errors import PpidError
from ppid_desk.office import load_office
from ppid_desk.reports.issuing import (
    DocumentKind, IssuedDocumentInfo, IssuedPdf, fitting_kinds, issued_documents, produce, stored_pdf,
)
from ppid_desk.register.service import get_request

from ..access import document_refusal
from ..printing.pdf_printer import make_printer
from ..printing.preview import PreviewDialog
from ..printing.print_flow import FlowDialogs, PrinterFactory, PrintResult, print_document, save_pdf, \
    suggested_file_name
from ..widgets.field_errors import error_label
from ..widgets.fitted_table import FittedTable
from ..widgets.list_model import ListTableModel


def tr(text: str) -> str:
    return QCoreApplication.translate("documents_view", text)


@dataclass(frozen=True)
class DocumentSource:
    """The documents of one kind of record (a request, an objection) and how to issue them."""

    kinds: Iterable[StrEnum]  # every kind, in the order of the buttons (``.label`` their words)
    number_of: Callable[[int], str]  # the record's id -> its register number
    fitting: Callable[[str], list[tuple[StrEnum, str | None]]]  # number -> (kind, why not | None)
    produce: Callable[[str, StrEnum, str, datetime], IssuedPdf]  # number, kind, actor, now
    issued: Callable[[str], list[IssuedDocumentInfo]]  # number -> the documents issued, oldest first
    receipt_kinds: frozenset[StrEnum] = frozenset()  # printed on the office's receipt paper


REQUEST_DOCUMENTS = DocumentSource(DocumentKind, lambda request_id: get_request(request_id).number, fitting_kinds,
                                   produce, issued_documents, frozenset({DocumentKind.RECEIPT}))


def paper_for(kind: StrEnum, receipt_kinds: frozenset[StrEnum] = frozenset({DocumentKind.RECEIPT})) -> str:
    office = load_office()
    return office.receipt_paper if kind in receipt_kinds else office.paper


class IssuedModel(ListTableModel[IssuedDocumentInfo]):
    KIND, NUMBER, ISSUED, BY, PAPER = range(5)
    SORT_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None):
        super().__init__((tr("Jenis"), tr("Nomor surat"), tr("Diterbitkan"), tr("Oleh"), tr("Kertas")), parent)

    def display(self, doc: IssuedDocumentInfo, column: int) -> str:
        return {
            self.KIND: doc.kind.label,
            self.NUMBER: doc.letter_number,
            self.ISSUED: f"{short_date(doc.issued_at.date())} {clock(doc.issued_at)}",
            self.BY: doc.issued_by,
            self.PAPER: doc.paper,
        }[column]

    def role_data(self, doc: IssuedDocumentInfo, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole row: a narrow list may hide columns
            return tr("{0} {1} \u00b7 diterbitkan {2} oleh {3} \u00b7 kertas {4}").format(
                doc.kind.label, doc.letter_number, self.display(doc, self.ISSUED), doc.issued_by, doc.paper)
        if role == self.SORT_ROLE:
            return doc.issued_at.isoformat() + f"{doc.id:09d}" if column == self.ISSUED else \
                self.display(doc, column)
        return None


class DocumentsBox(QGroupBox):
    """The "Dokumen" section of a detail page; ``issued`` (the record's id) after a new document."""

    issued = Signal(int)

    def __init__(self, actor: Callable[[], str], now: Callable[[], datetime], parent: QWidget | None = None,
                 dialogs: FlowDialogs | None = None, printer_factory: PrinterFactory = make_printer,
                 source: DocumentSource = REQUEST_DOCUMENTS):
        super().__init__(tr("Dokumen"), parent)
        self._actor, self._now = actor, now
        self.dialogs, self.printer_factory = dialogs, printer_factory
        self.source = source
        self.record_id: int | None = None
        self.number = ""
        self.preview: PreviewDialog | None = None
        self.last_print: PrintResult | None = None

        self.kind_buttons: dict[StrEnum, QPushButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, kind in enumerate(source.kinds):
            button = QPushButton(kind.label + "\u2026")
            button.setObjectName(f"document_{kind.value}")
            button.clicked.connect(lambda _=False, k=kind: self.issue(k))
            grid.addWidget(button, i // 2, i % 2)
            self.kind_buttons[kind] = button
        note = QLabel(tr("Dokumen yang baru diterbitkan mendapat nomor surat dan disimpan di register; "
                         "mencetaknya lagi memberi SALINAN."))
        note.setObjectName("hint")
        note.setWordWrap(True)

        self.model = IssuedModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(IssuedModel.SORT_ROLE)
        self.table = FittedTable(self.proxy, "issuedDocuments",
                                 ((IssuedModel.KIND, 170), (IssuedModel.ISSUED, 118), (IssuedModel.BY, 90),
                                  (IssuedModel.PAPER, 56)), stretch=IssuedModel.NUMBER)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(IssuedModel.ISSUED, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda index: self.preview_issued(self.table.source_row(index)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(tr("Belum ada dokumen yang diterbitkan."))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)  # beside the buttons; never widens the page to a scroll bar
        self.reprint_button = QPushButton(tr("Cetak ulang (SALINAN)\u2026"))
        self.reprint_button.clicked.connect(lambda: self.reprint(self.table.target_row()))
        self.save_button = QPushButton(tr("Simpan PDF\u2026"))
        self.save_button.clicked.connect(lambda: self.save(self.table.target_row()))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.hide()
        self.error = error_label()
        list_bar = QHBoxLayout()
        list_bar.addWidget(self.empty)
        list_bar.addStretch(1)
        list_bar.addWidget(self.reprint_button)
        list_bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addLayout(list_bar)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self._update_buttons()

    # ------------------------------------------------------------------ showing
    def show_record(self, record_id: int) -> None:
        """Show the documents of the request (or objection) ``record_id``."""
        self.record_id = record_id
        self.number = self.source.number_of(record_id)
        self.error.hide()
        issued = self.source.issued(self.number)
        kinds_issued = {doc.kind for doc in issued}
        for kind, reason in self.source.fitting(self.number):
            button = self.kind_buttons[kind]
            # The role's reason (a kind already issued may at least be handed out again as SALINAN).
            reason = reason or document_refusal(kind, kind in kinds_issued, self._actor())
            button.setEnabled(reason is None)
            button.setToolTip(tr("Terbitkan {0} (atau salinannya bila sudah diterbitkan) dan tampilkan "
                                 "pratinjau").format(kind.label.lower()) if reason is None else reason)
        self.model.set_rows(issued)
        count = self.model.rowCount()
        if count:  # the newest is the one most often printed again
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(count - 1, 0)).row())
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        self.setTitle(tr("Dokumen ({0})").format(count) if count else tr("Dokumen"))
        self.table.fit()
        self._update_buttons()

    show_request = show_record

    def _update_buttons(self) -> None:
        doc = self.model.row(self.table.target_row())
        chosen = doc is not None
        # A stored document names the requester in full: reprinting or saving it is the
        # issuing roles' (reports.issuing.require_document), never masked.
        refused = document_refusal(doc.kind, True, self._actor()) if doc is not None else None
        for button in (self.reprint_button, self.save_button):
            button.setEnabled(chosen and refused is None)
        self.reprint_button.setToolTip(refused or (tr("Cetak dokumen yang dipilih lagi, bertanda SALINAN") if chosen
                                                   else tr("Pilih dokumen yang akan dicetak ulang")))
        self.save_button.setToolTip(refused or (tr("Simpan PDF asli dokumen yang dipilih, persis seperti diterbitkan")
                                                if chosen else tr("Pilih dokumen yang akan disimpan")))

    # ------------------------------------------------------------------ actions
    def issue(self, kind: StrEnum) -> PreviewDialog | None:
        """Issue ``kind`` (or get its SALINAN) and show it in the preview."""
        if not self.number or not self.kind_buttons[kind].isEnabled():
            return None
        try:
            issued = self.source.produce(self.number, kind, self._actor(), self._now())
        except PpidError as exc:
            return self._fail(exc.message)
        if not issued.copy:
            self.show_record(self.record_id)
            self.issued.emit(self.record_id)
        return self._preview(issued)

    def _stored(self, row: int, copy: bool) -> IssuedPdf | None:
        doc = self.model.row(row)
        if doc is None:
            return None
        try:
            pdf = stored_pdf(doc.id, copy=copy, actor=self._actor())
        except PpidError as exc:
            self._fail(exc.message)
            return None
        return IssuedPdf(document_id=doc.id, kind=doc.kind, letter_number=doc.letter_number,
                         request_number=self.number, pdf=pdf, sha256=doc.sha256, copy=copy, paper=doc.paper)

    def preview_issued(self, row: int) -> PreviewDialog | None:
        issued = self._stored(row, copy=True)
        return self._preview(issued) if issued else None

    def _preview(self, issued: IssuedPdf) -> PreviewDialog | None:
        try:
            self.preview = PreviewDialog(issued, load_office().printer_name, paper_for(issued.kind, self.source.receipt_kinds), self,
                                         self.dialogs, self.printer_factory)
        except PpidError as exc:
            return self._fail(exc.message)
        self.preview.open()
        return self.preview

    def reprint(self, row: int) -> PrintResult | None:
        issued = self._stored(row, copy=True)
        if issued is None:
            return None
        self.last_print = print_document(self, issued, load_office().printer_name, paper_for(issued.kind, self.source.receipt_kinds),
                                         ask=True, dialogs=self.dialogs, printer_factory=self.printer_factory)
        if self.last_print.printed:
            self._tell(tr("{0} {1} (SALINAN) dikirim ke {2}.").format(issued.kind.label, issued.letter_number,
                                                                      self.last_print.where))
        return self.last_print

    def save(self, row: int) -> str | None:
        issued = self._stored(row, copy=False)
        if issued is None:
            return None
        path = save_pdf(self, issued.pdf, suggested_file_name(issued), self.dialogs)
        if path:
            self._tell(tr("PDF {0} disimpan di {1}.").format(issued.letter_number, path))
        return path

    def _tell(self, text: str) -> None:
        self.error.hide()
        self.status.setText(text)
        self.status.show()

    def _fail(self, message: str) -> None:
        self.status.hide()
        self.error.setText(message)
        self.error.show()
        return None
