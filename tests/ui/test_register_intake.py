"""Permohonan baru: the intake form driven by the keyboard, in the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ppid_desk.register import service
from ppid_desk.register.codes import RequesterKind
from ppid_desk.store.models import Request, Requester
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.register.intake_form import IntakeForm
from ppid_desk.workdays import load_calendar

# The offscreen platform warns about every shown top-level window and popup; only that is ignored.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, store):
    widget = MainWindow(store)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return widget


@pytest.fixture
def form(qtbot, store):
    widget = IntakeForm(actor=lambda: "petugas")
    qtbot.addWidget(widget)
    widget.resize(1050, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.kind.hasFocus)
    return widget


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def type_and_enter(qtbot, text: str, ctrl: bool = False) -> None:
    if text:
        qtbot.keyClicks(focused(), text)
    key(qtbot, Qt.Key.Key_Return, CTRL if ctrl else Qt.KeyboardModifier.NoModifier)


def test_walk_in_registered_by_keyboard_alone(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    intake = window.register.intake
    assert window.current_page() == "permohonan" and window.register.currentWidget() is intake
    qtbot.waitUntil(intake.kind.hasFocus)
    key(qtbot, Qt.Key.Key_Return)                      # Jenis pemohon: Perorangan
    assert focused() is intake.edits["nik"]
    type_and_enter(qtbot, "3201014507900003")
    assert focused() is intake.edits["name"]
    type_and_enter(qtbot, "Siti Rahmawati")
    type_and_enter(qtbot, "Jl. Kenanga 5")              # alamat
    type_and_enter(qtbot, "Guru")                       # pekerjaan
    type_and_enter(qtbot, "0812 3456 7890")             # telepon
    type_and_enter(qtbot, "")                           # email
    type_and_enter(qtbot, "")                           # nama kuasa
    type_and_enter(qtbot, "")                           # surat kuasa
    assert focused() is intake.channel
    key(qtbot, Qt.Key.Key_Return)                       # saluran: Langsung
    assert focused() is intake.received_at
    key(qtbot, Qt.Key.Key_Return)                       # diterima: now (Tab would walk its sections)
    assert focused() is intake.information
    qtbot.keyClicks(focused(), "Salinan RAPBD 2026")
    key(qtbot, Qt.Key.Key_Return)                       # Enter: a new line in a long text
    qtbot.keyClicks(focused(), "bidang pendidikan")
    type_and_enter(qtbot, "", ctrl=True)                # Ctrl+Enter moves on
    assert focused() is intake.purpose
    qtbot.keyClicks(focused(), "Penelitian skripsi")
    with qtbot.waitSignal(intake.requestSaved) as saved:
        key(qtbot, Qt.Key.Key_S, CTRL)

    row = Request.get_by_id(saved.args[0])
    assert row.information == "Salinan RAPBD 2026\nbidang pendidikan"
    assert row.requester.name == "Siti Rahmawati" and row.requester.nik == "3201014507900003"
    assert row.channel == "langsung" and row.created_by
    # Confirmation with the number; the receipt is one button away (tests/ui/test_printing.py prints it).
    assert intake.confirmation.isVisible()
    assert row.number in intake.confirmation_text.text()
    assert intake.print_button.isEnabled() and row.number in intake.print_button.toolTip()
    # The form is empty and ready for the next person.
    assert intake.edits["name"].text() == "" and intake.information.toPlainText() == ""
    assert intake.kind.hasFocus()
    # The new request is in the register table and on Beranda.
    register = window.register.register
    assert register.model.total == 1
    assert register.model.index(0, register.model.NAME).data() == "Siti Rahmawati"
    assert window.home.count("new_today") == 1
    assert window.home.work.models["new_today"].rows[0].number == row.number

    # Ctrl+N on the form: a fresh form (nothing typed, so nothing is asked) without the confirmation.
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert not intake.confirmation.isVisible()


def test_missing_name_and_bad_nik_are_shown_beside_the_fields(qtbot, form):
    qtbot.keyClicks(form.edits["nik"], "3201")
    qtbot.keyClicks(form.information, "Data anggaran")
    qtbot.keyClicks(form.edits["phone"], "0812345678")
    form.edits["phone"].setFocus()
    with qtbot.assertNotEmitted(form.requestSaved):
        qtbot.keyClick(form.edits["phone"], Qt.Key.Key_S, CTRL)
    assert form.errors.message("nik") == "NIK tidak sah: harus 16 angka."
    assert form.errors.message("name") == "Nama pemohon wajib diisi."
    assert form.errors.message("purpose") == "Tujuan penggunaan informasi wajib diisi."
    assert form.errors.message("phone") == ""
    assert form.edits["nik"].hasFocus()                 # the first bad field
    assert Request.select().count() == 0
    # Nothing typed is lost.
    assert form.edits["nik"].text() == "3201" and form.information.toPlainText() == "Data anggaran"

    # Fixing a field and leaving it clears its message.
    form.edits["nik"].clear()
    qtbot.keyClicks(form.edits["nik"], "3201014507900003")
    key(qtbot, Qt.Key.Key_Return)
    assert form.errors.message("nik") == ""
    assert form.errors.message("name") == "Nama pemohon wajib diisi."


def test_leaving_a_field_checks_it(qtbot, form):
    form.edits["email"].setFocus()
    qtbot.keyClicks(form.edits["email"], "budi@contoh")
    key(qtbot, Qt.Key.Key_Tab)
    assert form.errors.message("email") == "Alamat email tidak sah."
    assert form.errors.message("name") == ""            # not visited yet: no message
    form.kind.setCurrentIndex(form.kind.findData(RequesterKind.LEGAL_BODY.value))
    assert not form.edits["nik"].isVisible() and form.edits["legal_number"].isVisible()


def test_returning_requester_found_while_typing_nik(qtbot, form, store):
    first = service.register_request(service.RequestInput(
        requester=service.RequesterInput(RequesterKind.PERSON, "Siti Aminah", "3201014507900003",
                                         address="Jl. Mawar 1", phone="08123456789", email="siti@contoh.id"),
        information="Data A", purpose="Tugas"), load_calendar(), "petugas")
    form.edits["nik"].setFocus()
    qtbot.keyClicks(form.edits["nik"], "320101")
    qtbot.waitUntil(form.lookup.popup_visible)
    popup = form.lookup.completer.popup()
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.requester_id == first.requester_id
    assert form.edits["name"].text() == "Siti Aminah"
    assert form.edits["email"].text() == "siti@contoh.id" and form.edits["phone"].text() == "08123456789"
    assert form.returning.isVisible()

    form.information.setPlainText("Data B")
    form.purpose.setPlainText("Tugas kuliah")
    with qtbot.waitSignal(form.requestSaved) as saved:
        form.save()
    assert Request.get_by_id(saved.args[0]).requester_id == first.requester_id
    assert Requester.select().count() == 1

    # A new person with a known name: Enter goes on without filling anything in.
    form.start_new(ask=False)
    form.edits["name"].setFocus()
    qtbot.keyClicks(form.edits["name"], "Siti")
    qtbot.waitUntil(form.lookup.popup_visible)
    qtbot.keyClick(form.lookup.completer.popup(), Qt.Key.Key_Return)
    assert not form.lookup.popup_visible() and form.requester_id is None
    assert focused() is form.edits["address"] and form.edits["email"].text() == ""

    # Typing over a filled-in requester records a new one.
    form.edits["name"].clear()
    form.edits["name"].setFocus()
    qtbot.keyClicks(form.edits["name"], "Siti")
    qtbot.waitUntil(form.lookup.popup_visible)
    qtbot.keyClick(form.lookup.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(form.lookup.completer.popup(), Qt.Key.Key_Return)
    assert form.requester_id == first.requester_id
    form.edits["phone"].setFocus()
    qtbot.keyClicks(form.edits["phone"], "9")
    assert form.requester_id is None and not form.returning.isVisible()
