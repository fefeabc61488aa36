"""Simpan & Cetak on the intake form: the request is saved first, then its receipt issued
and printed; a failing printer loses nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ppid_desk.reports.issuing import DocumentKind, issued_documents
from ppid_desk.store.models import IssuedDocument, Request
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.printing.print_flow import PrintOutcome
from print_samples import NAME, FakeDialogs, FileFactory, set_office, words

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, store):
    set_office()
    widget = MainWindow(store)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(widget, Qt.Key.Key_N, CTRL)  # the intake form
    return widget


def fill(form, name: str = NAME) -> None:
    form.edits["nik"].setText("3201014507900003")
    form.edits["name"].setText(name)
    form.edits["phone"].setText("0812 3456 7890")
    form.information.setPlainText("Salinan DPA Dinas Pendidikan tahun 2026")
    form.purpose.setPlainText("Penelitian skripsi")


def test_simpan_cetak_saves_then_prints_the_receipt(qtbot, window, tmp_path):
    form = window.register.intake
    seen_when_printing = []

    class Recording(FileFactory):
        def __call__(self, name, paper):
            seen_when_printing.append([r.number for r in Request.select()])  # saved before the printer is asked
            return super().__call__(name, paper)

    factory = Recording(tmp_path)
    form.printer_factory, form.print_dialogs = factory, FakeDialogs()
    fill(form)
    with qtbot.waitSignal(form.requestSaved, timeout=30_000) as saved:
        qtbot.keyClick(form.information, Qt.Key.Key_P, CTRL)  # Simpan & Cetak from anywhere in the form
    row = Request.get_by_id(saved.args[0])
    assert seen_when_printing == [[row.number]]
    assert factory.calls == [("", "A4")]  # the system's default printer, receipt paper from the settings
    text = words(tmp_path / "job-0.pdf")
    assert row.number in text and NAME in text
    assert [d.kind for d in issued_documents(row.number)] == [DocumentKind.RECEIPT]
    assert form.print_status.isVisible() and form.print_status.text().startswith("Tanda bukti dikirim ke")
    assert form.print_button.text() == "Cetak ulang (SALINAN)"
    assert window.register.register.model.total == 1  # in the register

    # Ctrl+P on the now empty form prints the same receipt again, marked SALINAN; nothing new is saved.
    qtbot.keyClick(form.kind, Qt.Key.Key_P, CTRL)
    assert len(factory.calls) == 2 and Request.select().count() == 1
    assert "SALINAN" in words(tmp_path / "job-1.pdf")
    assert IssuedDocument.select().count() == 1  # a reprint is not a new document
    assert form.print_status.text().startswith("Tanda bukti (SALINAN) dikirim ke")


def test_failing_printer_keeps_the_request_and_offers_the_pdf(qtbot, window, tmp_path):
    set_office(printer_name="Printer_Yang_Hilang")
    form = window.register.intake
    saved_pdf = tmp_path / "tanda-bukti.pdf"
    form.print_dialogs = FakeDialogs(offer=True, save_to=saved_pdf)
    fill(form)
    form.save_print_button.click()
    row = Request.get()
    assert row.requester.name == NAME  # saved although nothing was printed
    assert window.register.register.model.total == 1
    assert form.print_dialogs.kinds() == ["offer", "path"]
    assert "Printer_Yang_Hilang" in form.print_dialogs.asked[0][1]
    assert saved_pdf.is_file() and row.number in words(saved_pdf)
    assert "belum tercetak" in form.print_status.text() and str(saved_pdf) in form.print_status.text()
    assert form.print_status.objectName() == "fieldError"
    # The officer fixes the printer (here: declines to save) and prints again from the confirmation.
    form.print_dialogs = FakeDialogs(offer=False)
    done = form.print_receipt()
    assert done.result.outcome is PrintOutcome.NOT_PRINTED and done.issued.copy
    assert Request.select().count() == 1


def test_simpan_cetak_with_problems_saves_and_prints_nothing(qtbot, window, tmp_path):
    form = window.register.intake
    factory = FileFactory(tmp_path)
    form.printer_factory = factory
    form.edits["name"].setText("Tanpa NIK")
    assert form.save_and_print() is None
    assert factory.calls == [] and Request.select().count() == 0
    assert form.errors.message("nik")


def test_an_original_that_never_came_out_prints_as_original(qtbot, window, tmp_path):
    set_office(printer_name="Printer_Yang_Hilang")
    form = window.register.intake
    form.print_dialogs = FakeDialogs(offer=False)  # not printed, not saved
    fill(form)
    form.save_and_print()
    assert form.print_button.text() == "Cetak tanda bukti"  # the requester has nothing yet
    set_office(printer_name="")  # the printer is fixed
    form.printer_factory = FileFactory(tmp_path)
    done = form.print_receipt()
    assert done.printed and not done.issued.copy
    assert "SALINAN" not in words(tmp_path / "job-0.pdf")
    assert form.print_button.text() == "Cetak ulang (SALINAN)"
    assert form.print_receipt().issued.copy  # from now on, copies
    assert IssuedDocument.select().count() == 1
