"""Pencetakan: paper sizes, the printer, and the letter-number pattern of each document.

Part of the Data Kantor form: the fields are saved with the rest of the office settings
and a ValidationError names its field, whose message shows under it. The patterns are
also checked while typing, with an example of the next number beside each.
"""

from __future__ import annotations

from dataclasses import fields

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget,
)

from ppid_desk.errors import ValidationError
from ppid_desk.office import PAPERS, RECEIPT_PAPERS, OfficeSettings
from ppid_desk.register.numbering import format_number, validate_pattern

from ..widgets.field_errors import FieldErrors

PAPER_NAMES = {"A4": "A4 (210 \u00d7 297 mm)", "F4": "F4 / folio (215 \u00d7 330 mm)", "A5": "A5 (148 \u00d7 210 mm)"}
# Every number pattern of the office settings with its default (the placeholder).
PATTERN_DEFAULTS = {f.name: f.default for f in fields(OfficeSettings) if f.name.endswith("_number_pattern")}
PATTERN_CAPTIONS = {
    "notice_number_pattern": "Pemberitahuan tertulis",
    "extension_number_pattern": "Perpanjangan waktu",
    "rejection_number_pattern": "Keputusan penolakan",
    "handover_number_pattern": "Tanda bukti penyerahan",
    "request_number_pattern": "Nomor pendaftaran permohonan",
    "objection_number_pattern": "Nomor registrasi keberatan",
    "objection_response_number_pattern": "Tanggapan atas keberatan",
}


class PrintGroup(QGroupBox):
    """The printing fields of the office settings; ``edited`` on every change."""

    edited = Signal()

    def __init__(self, errors: FieldErrors, today: date | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Pencetakan dan nomor surat"), parent)
        self._errors = errors
        self._today = today or date.today()
        self.paper = self._paper_combo(PAPERS)
        self.receipt_paper = self._paper_combo(RECEIPT_PAPERS)
        self.printer = QComboBox()
        self.printer.setObjectName("printer_name")
        self.printer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.printer.currentIndexChanged.connect(self._changed)
        self.refresh_button = QPushButton(self.tr("Segarkan"))
        self.refresh_button.setToolTip(self.tr("Baca lagi daftar printer yang terpasang"))
        self.refresh_button.clicked.connect(lambda: self.fill_printers(self.printer.currentData()))
        self.patterns: dict[str, QLineEdit] = {}
        self.examples: dict[str, QLabel] = {}

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        errors.add_row(form, "paper", self.tr("Kertas &surat"), self.paper)
        errors.add_row(form, "receipt_paper", self.tr("Kertas tanda &bukti"), self.receipt_paper)
        printer_row = QWidget()
        row = QHBoxLayout(printer_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.printer, 1)
        row.addWidget(self.refresh_button)
        # The message goes under the row; the focus to the list itself.
        errors.add_row(form, "printer_name", self.tr("&Printer"), printer_row, focus=self.printer)
        width = max(self.paper.sizeHint().width(), self.receipt_paper.sizeHint().width())
        for box in (self.paper, self.receipt_paper):
            box.setFixedWidth(width)
        heading = QLabel(self.tr("<b>Pola nomor surat</b>"))
        hint = QLabel(self.tr("Token: {seq:03d} nomor urut, {roman_month} bulan Romawi, {month}, {day}, {year}. "
                              "Nomor urut dimulai lagi setiap tahun."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(heading)
        form.addRow(hint)
        # Captions above the fields: a pattern needs the whole width to be read at once.
        patterns = QFormLayout()
        patterns.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        patterns.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        patterns.setContentsMargins(0, 0, 0, 0)
        for name, caption_text in PATTERN_CAPTIONS.items():
            cell = self._pattern_cell(name)
            caption = QLabel(self.tr(caption_text))
            caption.setBuddy(self.patterns[name])
            patterns.addRow(caption, cell)
        form.addRow(patterns)
        self.fill_printers("")

    def _paper_combo(self, papers: tuple[str, ...]) -> QComboBox:
        box = QComboBox()
        for paper in papers:
            box.addItem(PAPER_NAMES[paper], paper)
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        box.currentIndexChanged.connect(self._changed)
        return box

    def _pattern_cell(self, name: str) -> QWidget:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(PATTERN_DEFAULTS[name])
        edit.textEdited.connect(lambda _=None, n=name: self._pattern_edited(n))
        example = QLabel()
        example.setObjectName("hint")
        self.patterns[name] = edit
        self.examples[name] = example
        return self._errors.wrap(name, edit, example)

    # ------------------------------------------------------------------ printers
    def fill_printers(self, chosen: str) -> None:
        """The installed printers, the system's default first; a saved printer that is gone stays, marked."""
        self.printer.blockSignals(True)
        self.printer.clear()
        default = QPrinterInfo.defaultPrinterName()
        self.printer.addItem(self.tr("Printer bawaan sistem") + (f" ({default})" if default else ""), "")
        names = QPrinterInfo.availablePrinterNames()
        for name in names:
            self.printer.addItem(name, name)
        if chosen and chosen not in names:
            self.printer.addItem(self.tr("{0} (tidak ditemukan)").format(chosen), chosen)
        self.printer.setCurrentIndex(max(0, self.printer.findData(chosen)))
        self.printer.setToolTip("" if names else self.tr("Belum ada printer terpasang di komputer ini"))
        self.printer.blockSignals(False)

    # ------------------------------------------------------------------ data
    def show_office(self, office: OfficeSettings) -> None:
        for box, value in ((self.paper, office.paper), (self.receipt_paper, office.receipt_paper)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.fill_printers(office.printer_name)
        for name, edit in self.patterns.items():
            edit.setText(getattr(office, name))
            self._show_example(name)

    def values(self) -> dict[str, str]:
        return {"paper": self.paper.currentData(), "receipt_paper": self.receipt_paper.currentData(),
                "printer_name": self.printer.currentData() or "",
                **{name: edit.text() for name, edit in self.patterns.items()}}

    def _changed(self, *_: object) -> None:
        self.edited.emit()

    def _pattern_edited(self, name: str) -> None:
        self._show_example(name)
        self.edited.emit()

    def _show_example(self, name: str) -> None:
        """The next number this pattern gives, or why it cannot be used (red, under the field)."""
        text = self.patterns[name].text().strip() or PATTERN_DEFAULTS[name]
        example = self.examples[name]
        try:
            pattern = validate_pattern(text)
        except ValidationError as exc:
            example.hide()
            self._errors.set(name, exc.message)
            return
        self._errors.set(name, "")
        example.setText(self.tr("Contoh: {0}").format(format_number(pattern, 1, self._today)))
        example.show()
