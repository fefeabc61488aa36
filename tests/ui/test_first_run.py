"""The first-run wizard, driven by the keyboard on a real register database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from ppid_desk.office import load_office
from ppid_desk.ui.first_run import CONTACT, IDENTITY, OFFICIALS, SUMMARY, WELCOME, FirstRunWizard


# The offscreen platform warns about every shown top-level window; only that is ignored.

@pytest.fixture
def wizard(qtbot, store):
    widget = FirstRunWizard()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return widget


def edit(wizard: FirstRunWizard, name: str):
    return wizard.currentPage().findChild(object, name) or wizard.findChild(object, name)


def enter(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)


def type_here(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def tab(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_keyboard_only_run_saves_the_office(qtbot, wizard):
    assert wizard.currentId() == WELCOME
    enter(qtbot, wizard)
    assert wizard.currentId() == IDENTITY
    assert QApplication.focusWidget() is edit(wizard, "agency_name")
    type_here(qtbot, "Dinas Komunikasi dan Informatika Kota Contoh")
    tab(qtbot)
    type_here(qtbot, "PPID Pelaksana")
    tab(qtbot)
    type_here(qtbot, "Jl. Merdeka No. 1")
    tab(qtbot)
    type_here(qtbot, "Contoh")
    tab(qtbot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # WIB -> WITA
    enter(qtbot, wizard)
    assert wizard.currentId() == CONTACT
    type_here(qtbot, "(0361) 123456")
    tab(qtbot)
    tab(qtbot)
    type_here(qtbot, "ppid@contoh.go.id")
    enter(qtbot, wizard)
    assert wizard.currentId() == OFFICIALS
    type_here(qtbot, "Budi Santoso")
    tab(qtbot)
    type_here(qtbot, "196508091986031012")
    enter(qtbot, wizard)
    assert wizard.currentId() == SUMMARY
    summary = wizard.summary.summary.text()
    assert "Dinas Komunikasi dan Informatika Kota Contoh" in summary and "WITA" in summary
    enter(qtbot, wizard)

    assert wizard.result() == QDialog.DialogCode.Accepted
    office = load_office()
    assert office.is_configured
    assert (office.agency_name, office.ppid_unit, office.address, office.city, office.timezone) == \
        ("Dinas Komunikasi dan Informatika Kota Contoh", "PPID Pelaksana", "Jl. Merdeka No. 1", "Contoh", "WITA")
    assert (office.phone, office.fax, office.email) == ("(0361) 123456", "", "ppid@contoh.go.id")
    assert (office.ppid_name, office.ppid_nip) == ("Budi Santoso", "19650809 198603 1 012")
    assert wizard.saved == office


def test_required_agency_name_blocks_next(qtbot, wizard):
    wizard.next()
    assert wizard.currentId() == IDENTITY
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    qtbot.keyClicks(edit(wizard, "city"), "Contoh")
    assert not next_button.isEnabled()
    edit(wizard, "agency_name").setFocus()
    enter(qtbot, wizard)
    assert wizard.currentId() == IDENTITY
    qtbot.keyClicks(edit(wizard, "agency_name"), "   ")
    assert next_button.isEnabled()  # Qt only sees text; the core rule catches blanks
    enter(qtbot, wizard)
    assert wizard.currentId() == IDENTITY
    assert wizard.identity.errors.message("agency_name") == "Nama badan publik wajib diisi."
    qtbot.keyClicks(edit(wizard, "agency_name"), "Dinas Contoh")
    enter(qtbot, wizard)
    assert wizard.currentId() == CONTACT
    assert load_office().agency_name == ""  # nothing saved before Selesai


def test_invalid_email_stays_on_contact_page(qtbot, wizard):
    wizard.next()
    qtbot.keyClicks(edit(wizard, "agency_name"), "Dinas Contoh")
    qtbot.keyClicks(edit(wizard, "city"), "Contoh")
    wizard.next()
    email = edit(wizard, "email")
    qtbot.keyClicks(email, "ppid@contoh")
    email.setFocus()
    enter(qtbot, wizard)
    assert wizard.currentId() == CONTACT
    assert wizard.contact.errors.message("email") == "Alamat email tidak sah."
    assert email.hasFocus()
    qtbot.keyClicks(email, ".go.id")
    enter(qtbot, wizard)
    assert wizard.currentId() == OFFICIALS
    assert wizard.contact.errors.message("email") == ""


def test_error_at_finish_goes_back_to_the_field(qtbot, wizard):
    wizard.next()
    qtbot.keyClicks(edit(wizard, "agency_name"), "Dinas Contoh")
    qtbot.keyClicks(edit(wizard, "city"), "Contoh")
    for _ in range(3):
        wizard.next()
    assert wizard.currentId() == SUMMARY
    wizard.setField("atasan_nip", "12345")  # changed behind the pages' back
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible()
    assert wizard.currentId() == OFFICIALS
    assert wizard.officials.errors.message("atasan_nip") == "NIP harus 18 angka."
    assert edit(wizard, "atasan_nip").hasFocus()
    assert load_office().agency_name == ""


def test_wizard_starts_from_stored_values(qtbot, store):
    from ppid_desk.office import OfficeSettings, save_office

    save_office(OfficeSettings(ppid_unit="PPID Utama", timezone="WIT"), require_identity=False)
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    assert wizard.field("ppid_unit") == "PPID Utama"
    assert wizard.office_typed().timezone == "WIT"
