"""Printing issued documents through Qt: onto a PDF file read back, the failure path that
offers "Simpan PDF", and the preview dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ppid_desk.reports.issuing import DocumentKind, produce
from ppid_desk.ui.printing.pdf_printer import PdfPages, PrintError, file_printer, make_printer, print_pdf
from ppid_desk.ui.printing.preview import PreviewDialog
from ppid_desk.ui.printing.print_flow import PrintOutcome, print_document, suggested_file_name
from print_samples import NAME, FakeDialogs, FileFactory, decide, page_sizes, register, set_office, words

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

A4, A5, F4 = (595, 842), (420, 595), (609, 935)


@pytest.fixture
def receipt(store):
    set_office()
    row = register()
    return produce(row.number, DocumentKind.RECEIPT, "petugas")


def test_receipt_printed_through_qt_to_a_pdf_file_reads_back(qtbot, receipt, tmp_path):
    out = tmp_path / "tanda-bukti.pdf"
    print_pdf(receipt.pdf, file_printer(str(out)), "Tanda bukti")
    assert page_sizes(out) == [A4, A4]  # two copies: for the requester and the archive
    text = words(out)
    assert receipt.letter_number in text and NAME in text  # a name outside Latin-1 too
    assert "Lembar untuk Pemohon" in text and "Lembar Arsip" in text
    assert "TANDA BUKTI PENERIMAAN" in text


def test_each_page_prints_at_the_paper_size_of_the_document(qtbot, store, tmp_path):
    set_office(receipt_paper="A5", paper="F4")
    row = register()
    receipt = produce(row.number, DocumentKind.RECEIPT, "petugas")
    notice = produce(decide(row).number, DocumentKind.NOTICE, "ppid")
    for issued, size in ((receipt, A5), (notice, F4)):
        out = tmp_path / f"{issued.kind.value}.pdf"
        print_pdf(issued.pdf, file_printer(str(out), "A4"), issued.letter_number)  # the printer starts on A4
        assert set(page_sizes(out)) == {size}
        assert issued.letter_number in words(out)


def mostly_white_with_ink(pdf: bytes) -> bool:
    """Page 1 is white paper with some ink (not a black or empty page)."""
    pages = PdfPages(pdf)
    image = pages.render(0, pages.point_size(0).toSize())
    average = image.scaled(1, 1, mode=Qt.TransformationMode.SmoothTransformation).pixelColor(0, 0).lightness()
    return image.pixelColor(2, 2).name() == "#ffffff" and 200 < average < 255


def test_page_pictures_are_opaque_white_paper(qtbot, receipt, tmp_path):
    # QtPdf leaves the paper transparent; read as opaque pixels that would print black.
    assert mostly_white_with_ink(receipt.pdf)
    out = tmp_path / "x.pdf"
    print_pdf(receipt.pdf, file_printer(str(out)), "x")
    assert mostly_white_with_ink(out.read_bytes())


def test_unknown_printer_name_is_a_print_error(qtbot):
    with pytest.raises(PrintError, match="Printer \u201cTidak_Ada_Printer\u201d tidak ditemukan"):
        make_printer("Tidak_Ada_Printer", "A4")


def test_unwritable_target_and_broken_pdf_are_print_errors(qtbot, receipt, tmp_path):
    with pytest.raises(PrintError, match="tidak dapat ditulis"):
        print_pdf(receipt.pdf, file_printer(str(tmp_path / "no-such-folder" / "x.pdf")), "x")
    with pytest.raises(PrintError, match="tidak dapat dibaca"):
        print_pdf(b"%PDF-1.4 bukan pdf", file_printer(str(tmp_path / "x.pdf")), "x")


def test_missing_printer_offers_to_save_the_pdf(qtbot, receipt, tmp_path):
    target = tmp_path / "simpan.pdf"
    dialogs = FakeDialogs(offer=True, save_to=target)
    result = print_document(None, receipt, "Printer_Yang_Hilang", "A4", ask=False, dialogs=dialogs)
    assert result.outcome is PrintOutcome.SAVED and result.where == str(target)
    assert "tidak ditemukan" in result.problem
    assert dialogs.kinds() == ["offer", "path"]
    offer = dialogs.asked[0][1]
    assert receipt.letter_number in offer and "sudah tercatat di register" in offer
    assert dialogs.asked[1][1] == suggested_file_name(receipt)
    assert target.read_bytes() == receipt.pdf

    declined = FakeDialogs(offer=False)
    result = print_document(None, receipt, "Printer_Yang_Hilang", "A4", ask=False, dialogs=declined)
    assert result.outcome is PrintOutcome.NOT_PRINTED and declined.kinds() == ["offer"]


def test_the_real_message_box_says_why_and_has_simpan_pdf(qtbot, receipt):
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == "Tutup").click()

    QTimer.singleShot(0, answer)
    result = print_document(None, receipt, "Printer_Yang_Hilang", "A4", ask=False)
    assert result.outcome is PrintOutcome.NOT_PRINTED
    assert "Simpan PDF\u2026" in seen["buttons"]
    assert "Printer_Yang_Hilang" in seen["text"] and receipt.letter_number in seen["text"]


def test_print_dialog_cancelled_prints_nothing(qtbot, receipt, tmp_path):
    factory = FileFactory(tmp_path)
    result = print_document(None, receipt, "", "A4", ask=True, dialogs=FakeDialogs(confirm=False),
                            printer_factory=factory)
    assert result.outcome is PrintOutcome.CANCELLED
    assert not list(tmp_path.glob("*.pdf"))


def test_preview_shows_the_pages_prints_and_saves(qtbot, receipt, tmp_path):
    saved = tmp_path / "dari-pratinjau.pdf"
    factory = FileFactory(tmp_path)
    dialogs = FakeDialogs(save_to=saved)
    dialog = PreviewDialog(receipt, "", "A4", dialogs=dialogs, printer_factory=factory)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(dialog.page_labels) == 2
    qtbot.waitUntil(lambda: all(not label.pixmap().isNull() for label in dialog.page_labels))
    assert "2 halaman" in dialog.summary.text() and "A4" in dialog.summary.text()
    first = dialog.page_labels[0].pixmap().width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findText("150%"))
    qtbot.waitUntil(lambda: dialog.page_labels[0].pixmap().width() > first)

    assert dialog.save_now() == str(saved)
    assert saved.read_bytes() == receipt.pdf
    result = dialog.print_now()
    assert result.printed and dialogs.kinds() == ["path", "printer"]  # the print dialog was asked
    printed = tmp_path / "job-0.pdf"
    assert receipt.letter_number in words(printed)
    assert "Dikirim ke" in dialog.status.text()
