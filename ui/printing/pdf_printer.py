"""Stored PDFs onto a QPrinter, page by page, with QtPdf.

The documents are made by ``reports`` as PDF bytes and kept in the register; printing
renders those bytes, never rebuilds them, so what is printed is what was issued. Each
page is printed at its own paper size (A4, F4, A5 from the PDF itself) and scaled into
the printer's paint rectangle keeping its aspect ratio when the printer cannot take that
size.

Qt cannot draw a PDF as vectors, so pages are rasterised. The page's words are drawn
first, where they stand, and the opaque picture of the page over them: paper shows only
the picture, while a PDF made of the job (a PDF file, a CUPS queue, a "print to PDF"
printer) stays searchable and its words can be read back, as in a scanned document with
OCR. (Transparent text would do the same, but CUPS's filters drop it.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPaintEngine, QTransform,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ppid_desk.errors import PpidError

# Pictures of the pages are made at this resolution (or the printer's, when lower): sharp
# text on paper. Printers driven through Qt's PDF engine (PDF files, every CUPS queue)
# compress every picture into the spool file, at a cost in proportion to the pixels: at
# 200 dpi a two-page receipt takes about 0.1 s, which keeps "Simpan & Cetak" under its
# 150 ms budget (bench/bench_print.py); 300 dpi would take 0.25 s.
RENDER_DPI = 300
PDF_ENGINE_RENDER_DPI = 200
POINTS_PER_INCH = 72.0
GRAY_CHECK_DPI = 36
TEXT_LAYER_PIXELS = 100  # the hidden words are drawn at this size, then stretched onto their line

F4 = QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4", QPageSize.SizeMatchPolicy.ExactMatch)
PAPER_SIZES = {
    "A4": QPageSize(QPageSize.PageSizeId.A4),
    "A5": QPageSize(QPageSize.PageSizeId.A5),
    "F4": F4,
}


class PrintError(PpidError):
    """The document could not be printed (no printer, printer refused, painting failed)."""


def paper_size(name: str) -> QPageSize:
    """``A4``, ``A5`` or ``F4`` (215 x 330 mm); anything else is A4."""
    return PAPER_SIZES.get((name or "A4").upper(), PAPER_SIZES["A4"])


def _page_size_of(points: QSizeF) -> tuple[QPageSize, QPageLayout.Orientation]:
    """The paper a PDF page asks for (a standard size when it is one), portrait or landscape."""
    landscape = points.width() > points.height()
    portrait = points.transposed() if landscape else points
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    f4 = F4.size(QPageSize.Unit.Point)
    if abs(portrait.width() - f4.width()) < 3 and abs(portrait.height() - f4.height()) < 3:
        return F4, orientation
    return QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch), orientation


def _use_paper(printer: QPrinter, size: QPageSize, orientation: QPageLayout.Orientation) -> None:
    """Ask the printer for this paper without margins; keep what it has when it refuses."""
    if not printer.setPageLayout(QPageLayout(size, orientation, QMarginsF())):
        printer.setPageSize(size)
        printer.setPageOrientation(orientation)


def make_printer(name: str | None, paper: str) -> QPrinter:
    """A high-resolution printer: ``name``, or the system's default for None/"" ."""
    available = QPrinterInfo.availablePrinterNames()
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            raise PrintError(f"Printer \u201c{name}\u201d tidak ditemukan. Periksa apakah printer menyala dan "
                             "terpasang, atau pilih printer lain di Pengaturan \u203a Data Kantor.")
    else:
        if not available:
            raise PrintError("Tidak ada printer terpasang di komputer ini. Pasang printer terlebih dahulu, "
                             "atau simpan dokumen sebagai PDF.")
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            if len(available) > 1:
                raise PrintError("Belum ada printer bawaan sistem. Pilih printer di Pengaturan \u203a Data Kantor "
                                 "\u203a Pencetakan.")
            info = QPrinterInfo.printerInfo(available[0])  # the only printer there is
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if not printer.isValid():
        raise PrintError(f"Printer \u201c{info.printerName()}\u201d tidak dapat dipakai.")
    printer.setFullPage(True)
    _use_paper(printer, paper_size(paper), QPageLayout.Orientation.Portrait)
    return printer


def file_printer(path: str, paper: str = "A4") -> QPrinter:
    """A printer that writes a PDF file through Qt (as a real printer would be fed)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFullPage(True)
    _use_paper(printer, paper_size(paper), QPageLayout.Orientation.Portrait)
    return printer


def printer_label(printer: QPrinter) -> str:
    """Where a job goes, in words: the printer's name or the PDF file."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return printer.outputFileName()
    return printer.printerName() or "printer bawaan sistem"


@dataclass(frozen=True)
class TextLine:
    text: str
    rect: QRectF  # in PDF points, origin top left


class PdfPages:
    """A PDF held in memory by QtPdf: page sizes, page pictures, the words and where they are."""

    def __init__(self, pdf: bytes):
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            self.close()
            raise PrintError("Berkas PDF dokumen tidak dapat dibaca; dokumen tidak dicetak.")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def point_size(self, page: int) -> QSizeF:
        return self.document.pagePointSize(page)

    def render(self, page: int, pixels: QSize) -> QImage:
        """The page as a picture of ``pixels``, on white (no transparency to carry along)."""
        image = self.document.render(page, pixels)
        if image.isNull():
            raise PrintError(f"Halaman {page + 1} dokumen tidak dapat digambar.")
        # QtPdf leaves the paper transparent: lay the page on white, so that printers get an
        # opaque picture and no alpha channel to carry along.
        paper = QImage(image.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        return paper

    def all_gray(self, pages: list[int]) -> bool:
        """True when no page has colour (judged on small pictures: a logo shows, text is grey)."""
        for page in set(pages):
            points = self.point_size(page)
            scale = GRAY_CHECK_DPI / POINTS_PER_INCH
            if not self.render(page, QSize(max(1, round(points.width() * scale)),
                                           max(1, round(points.height() * scale)))).allGray():
                return False
        return True

    def text_lines(self, page: int) -> list[TextLine]:
        """Every line of words on the page with its bounding box (PDF points)."""
        everything = self.document.getAllText(page)
        lines = [line for line in everything.text().splitlines() if line.strip()]
        boxes = _line_boxes([polygon.boundingRect() for polygon in everything.bounds()])
        if len(boxes) == len(lines):  # the usual case, and fast
            return [TextLine(text, box) for text, box in zip(lines, boxes) if box.width() > 0]
        return self._text_lines_one_by_one(page, everything.text())  # exact, about 0.5 ms a line

    def _text_lines_one_by_one(self, page: int, text: str) -> list[TextLine]:
        found = []
        index = 0
        for line in text.splitlines(keepends=True):
            words = line.rstrip("\r\n")
            if words.strip():
                selection = self.document.getSelectionAtIndex(page, index, len(words))
                box = selection.boundingRectangle()
                if selection.isValid() and box.width() > 0 and box.height() > 0:
                    found.append(TextLine(words, box))
            index += len(line)
        return found

    def close(self) -> None:
        self.document.close()
        self._buffer.close()


def _line_boxes(boxes: list[QRectF]) -> list[QRectF]:
    """pdfium's text boxes (in reading order) joined into one box per line of text.

    A line of text may be several boxes (``Nama``, ``:``, ``Siti``: gaps between them);
    the next box belongs to the same line when it continues to the right at the same
    height, otherwise it starts the next line.
    """
    joined: list[QRectF] = []
    last: QRectF | None = None
    for box in boxes:
        if (last is not None and box.left() >= last.right() - 1
                and abs(box.center().y() - last.center().y()) <= max(box.height(), last.height()) / 2):
            joined[-1] = joined[-1].united(box)
        else:
            joined.append(QRectF(box))
        last = box
    return joined


def _pages_to_print(printer: QPrinter, count: int) -> list[int]:
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, printer.toPage() - 1 if printer.toPage() > 0 else count - 1)
    pages = list(range(first, last + 1))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    return pages * copies


def _fit(page: QSizeF, area: QRectF) -> QRectF:
    """``page`` scaled into ``area`` keeping its aspect ratio, centred."""
    scale = min(area.width() / page.width(), area.height() / page.height())
    size = QSizeF(page.width() * scale, page.height() * scale)
    return QRectF(area.left() + (area.width() - size.width()) / 2, area.top() + (area.height() - size.height()) / 2,
                  size.width(), size.height())


def _draw_text_layer(painter: QPainter, lines: list[TextLine], target: QRectF, scale: float) -> None:
    """The page's words where they stand on the page, to be covered by its picture.

    One font for every line, stretched onto the line's box by the transform: one call per
    line besides drawing the words.
    """
    painter.save()
    painter.setPen(QColor(0, 0, 0))
    font = QFont(painter.font())
    font.setPixelSize(TEXT_LAYER_PIXELS)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    height = metrics.ascent() + metrics.descent()
    for line in lines:
        advance = metrics.horizontalAdvance(line.text)
        if advance <= 0:
            continue
        box = line.rect
        painter.setWorldTransform(QTransform(
            box.width() * scale / advance, 0, 0, box.height() * scale / height,
            target.left() + box.left() * scale, target.top() + box.top() * scale))
        painter.drawText(QPointF(0, metrics.ascent()), line.text)
    painter.restore()


def paint_pages(pages: PdfPages, printer: QPrinter, painter: QPainter, order: list[int]) -> None:
    """Draw ``order``'s pages onto ``printer`` (already begun with ``painter``)."""
    engine = painter.paintEngine()
    pdf_engine = engine is not None and engine.type() == QPaintEngine.Type.Pdf
    dpi_cap = PDF_ENGINE_RENDER_DPI if pdf_engine else RENDER_DPI
    for n, page in enumerate(order):
        points = pages.point_size(page)
        if n:
            _use_paper(printer, *_page_size_of(points))
            if not printer.newPage():
                raise PrintError("Printer menolak halaman berikutnya; pencetakan dihentikan.")
        area = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        area.moveTo(0, 0)
        target = _fit(points, area)
        dpi = min(float(dpi_cap), float(printer.resolution()))
        pixels_per_point = dpi / POINTS_PER_INCH
        image = pages.render(page, QSize(max(1, round(points.width() * pixels_per_point)),
                                         max(1, round(points.height() * pixels_per_point))))
        _draw_text_layer(painter, pages.text_lines(page), target, target.width() / points.width())
        painter.drawImage(target, image)  # opaque: covers the words


def print_pdf(pdf: bytes, printer: QPrinter, job_name: str) -> None:
    """Print every page of ``pdf`` on ``printer``; PrintError with the reason when it fails.

    Returns when the job has been handed to the printer (QPainter.end()).
    """
    if printer is None or not printer.isValid():
        raise PrintError("Printer tidak tersedia atau tidak sah; dokumen tidak dicetak.")
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        target = Path(printer.outputFileName())
        if not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
            raise PrintError(f"Berkas tujuan {target} tidak dapat ditulis "
                             "(folder tidak ada atau tidak dapat ditulisi).")
    pages = PdfPages(pdf)
    try:
        order = _pages_to_print(printer, pages.page_count)
        if not order:
            raise PrintError("Tidak ada halaman yang dipilih untuk dicetak.")
        printer.setDocName(job_name)
        printer.setFullPage(True)
        if pages.all_gray(order):
            # Black-and-white pages print in greyscale: no colour toner for black text, and
            # Qt's PDF engine stores grey pictures losslessly and faster than colour ones.
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        _use_paper(printer, *_page_size_of(pages.point_size(order[0])))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"Printer \u201c{printer_label(printer)}\u201d tidak dapat dipakai "
                             "(mati, tidak terhubung, atau berkas tujuan tidak dapat ditulis).")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            paint_pages(pages, printer, painter, order)
        except BaseException:
            printer.abort()
            painter.end()
            raise
        if not painter.end():
            raise PrintError(f"Pekerjaan cetak tidak dapat diserahkan ke printer \u201c{printer_label(printer)}\u201d.")
    finally:
        pages.close()
