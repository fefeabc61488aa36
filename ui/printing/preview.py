"""Print preview of an issued document: its pages as QtPdf draws them, then print or save.

The pages are pictures rendered at the screen's resolution for the chosen zoom (a page
takes a few milliseconds), so the preview shows exactly the PDF that will be printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from .pdf_printer import POINTS_PER_INCH, PdfPages, PrintError, make_printer
from .print_flow import FlowDialogs, PrinterFactory, PrintOutcome, PrintResult, describe, print_document, \
    save_pdf, suggested_file_name

if TYPE_CHECKING:
    from ppid_desk.reports.issuing import IssuedPdf

FIT_PAGE = -1.0  # zoom values meaning "a whole page in the window" and "as wide as the window"
FIT_WIDTH = 0.0
ZOOMS = ((FIT_PAGE, "Satu halaman"), (FIT_WIDTH, "Sesuai lebar"), (0.75, "75%"), (1.0, "100%"), (1.5, "150%"))
PAGE_GAP = 16


class PreviewDialog(QDialog):
    """Pratinjau: every page of ``issued``; Cetak\u2026 (print dialog) and Simpan PDF\u2026."""

    def __init__(self, issued: IssuedPdf, printer_name: str | None, paper: str, parent: QWidget | None = None,
                 dialogs: FlowDialogs | None = None, printer_factory: PrinterFactory = make_printer):
        super().__init__(parent)
        self.issued = issued
        self._printer_name, self._paper = printer_name, paper
        self._dialogs = dialogs or FlowDialogs()
        self._printer_factory = printer_factory
        self.result_of_print: PrintResult | None = None
        self.saved_path: str | None = None
        self.setWindowTitle(self.tr("Pratinjau \u2014 {0}").format(describe(issued)))
        self.pages = PdfPages(issued.pdf)

        title = QLabel(describe(issued))
        title.setObjectName("sectionTitle")
        sizes = {self._paper_name(i) for i in range(self.pages.page_count)}
        self.summary = QLabel(self.tr("{0} halaman \u00b7 {1}").format(self.pages.page_count, ", ".join(sorted(sizes))))
        self.summary.setObjectName("hint")
        self.zoom = QComboBox()
        for value, text in ZOOMS:
            self.zoom.addItem(self.tr(text), value)
        self.zoom.setToolTip(self.tr("Perbesaran"))
        self.zoom.currentIndexChanged.connect(self._schedule_render)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.summary)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Perbesaran")))
        head.addWidget(self.zoom)

        self.page_labels: list[QLabel] = []
        sheet = QWidget()
        sheet.setObjectName("previewSheet")
        sheet.setStyleSheet("QWidget#previewSheet { background: #e6e9ee; }"
                            "QLabel#previewPage { background: white; border: 1px solid #b8c2cf; }")
        column = QVBoxLayout(sheet)
        column.setSpacing(PAGE_GAP)
        column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        for page in range(self.pages.page_count):
            label = QLabel()
            label.setObjectName("previewPage")
            label.setAccessibleName(self.tr("Halaman {0}").format(page + 1))
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(sheet)

        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Cetak\u2026 (Ctrl+P)"))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_now)
        self.save_button = QPushButton(self.tr("Simpan &PDF\u2026"))
        self.save_button.setToolTip(self.tr("Simpan dokumen sebagai berkas PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_now)
        close_button = QPushButton(self.tr("Tutup"))
        close_button.clicked.connect(self.reject)
        for keys, slot in ((QKeySequence.StandardKey.Print, self.print_now), (QKeySequence.StandardKey.Save,
                                                                               self.save_now)):
            QShortcut(keys, self).activated.connect(slot)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bar)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(60)
        self._render_timer.timeout.connect(self.render_pages)
        self.resize(900, 760)
        self.print_button.setFocus()

    def _paper_name(self, page: int) -> str:
        size = self.pages.point_size(page)
        mm = sorted((round(size.width() * 25.4 / POINTS_PER_INCH), round(size.height() * 25.4 / POINTS_PER_INCH)))
        return {(210, 297): "A4", (148, 210): "A5", (215, 330): "F4"}.get((mm[0], mm[1]), f"{mm[0]} \u00d7 {mm[1]} mm")

    # ------------------------------------------------------------------ pages
    def _scale(self) -> float:
        """Screen pixels per PDF point for the chosen zoom."""
        zoom = self.zoom.currentData()
        if zoom in (FIT_PAGE, FIT_WIDTH):
            sizes = [self.pages.point_size(i) for i in range(self.pages.page_count)]
            room = self.scroll.viewport().size()
            scale = (room.width() - 2 * PAGE_GAP - 4) / max(size.width() for size in sizes)
            if zoom == FIT_PAGE:
                scale = min(scale, (room.height() - 2 * PAGE_GAP - 4) / max(size.height() for size in sizes))
            return max(0.2, scale)
        return zoom * self.logicalDpiX() / POINTS_PER_INCH

    def render_pages(self) -> None:
        scale = self._scale()
        ratio = self.devicePixelRatioF()
        for page, label in enumerate(self.page_labels):
            points = self.pages.point_size(page)
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            try:
                image = self.pages.render(page, size * ratio)
            except PrintError as exc:
                label.setText(exc.message)
                continue
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(size + QSize(2, 2))

    def _schedule_render(self) -> None:
        self._render_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render_pages()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() in (FIT_PAGE, FIT_WIDTH):
            self._schedule_render()

    # ------------------------------------------------------------------ actions
    def print_now(self) -> PrintResult:
        result = print_document(self, self.issued, self._printer_name, self._paper, ask=True,
                                dialogs=self._dialogs, printer_factory=self._printer_factory)
        self.result_of_print = result
        self.status.setText({
            PrintOutcome.PRINTED: self.tr("Dikirim ke {0}.").format(result.where),
            PrintOutcome.CANCELLED: "",
            PrintOutcome.SAVED: self.tr("Tidak tercetak; PDF disimpan di {0}.").format(result.where),
            PrintOutcome.NOT_PRINTED: self.tr("Tidak tercetak: {0}").format(result.problem),
        }[result.outcome])
        return result

    def save_now(self) -> str | None:
        path = save_pdf(self, self.issued.pdf, suggested_file_name(self.issued), self._dialogs)
        if path:
            self.saved_path = path
            self.status.setText(self.tr("PDF disimpan di {0}.").format(path))
        return path
