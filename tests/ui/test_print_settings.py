"""Pengaturan › Data Kantor › Pencetakan dan nomor surat: papers, printer, letter-number
patterns checked while typing and on saving."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrinterInfo

from ppid_desk.office import load_office
from ppid_desk.ui.settings.page import SettingsPage
from print_samples import set_office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot, store):
    set_office()
    widget = SettingsPage(store)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def tab(page):
    return page.office_tab


def test_papers_printer_and_patterns_are_saved(qtbot, tab):
    group = tab.print_group
    assert group.printer.itemData(0) == ""  # the system's default printer comes first
    assert group.printer.itemText(0).startswith("Printer bawaan sistem")
    assert [group.printer.itemData(i) for i in range(1, group.printer.count())] == \
        QPrinterInfo.availablePrinterNames()
    group.paper.setCurrentIndex(group.paper.findData("F4"))
    group.receipt_paper.setCurrentIndex(group.receipt_paper.findData("A5"))
    edit = group.patterns["notice_number_pattern"]
    edit.clear()
    qtbot.keyClicks(edit, "{seq:04d}/PEMB/{year}")
    assert group.examples["notice_number_pattern"].text() == f"Contoh: 0001/PEMB/{date.today().year}"
    assert tab.status.text() == "Ada perubahan yang belum disimpan."
    assert tab.save()
    office = load_office()
    assert (office.paper, office.receipt_paper, office.printer_name) == ("F4", "A5", "")
    assert office.notice_number_pattern == "{seq:04d}/PEMB/{year}"


def test_a_saved_printer_that_is_gone_stays_visible(qtbot, store, tab):
    set_office(printer_name="Printer_Lantai_2")
    tab.reload()
    group = tab.print_group
    assert group.printer.currentData() == "Printer_Lantai_2"
    assert group.printer.currentText() == "Printer_Lantai_2 (tidak ditemukan)"
    assert tab.save() and load_office().printer_name == "Printer_Lantai_2"  # not dropped silently


def test_bad_pattern_is_shown_while_typing_and_refused_on_save(qtbot, tab):
    group = tab.print_group
    edit = group.patterns["rejection_number_pattern"]
    edit.clear()
    qtbot.keyClicks(edit, "{seq:03d}/TOLAK")
    error = edit.parentWidget().findChild(type(group.examples["rejection_number_pattern"]), "fieldError")
    assert error.isVisible() and "{year}" in error.text()
    assert not group.examples["rejection_number_pattern"].isVisible()
    before = load_office().rejection_number_pattern
    assert not tab.save()
    assert error.isVisible() and edit.hasFocus()
    assert load_office().rejection_number_pattern == before

    # Two kinds with the same pattern would make the same letter number: refused on the field.
    edit.clear()
    qtbot.keyClicks(edit, load_office().notice_number_pattern)
    assert not error.isVisible()
    assert not tab.save()
    assert tab.errors.message("rejection_number_pattern") == "Pola nomor setiap jenis surat harus berbeda."


def test_every_number_pattern_of_the_settings_is_editable(qtbot, store):
    from dataclasses import fields

    from ppid_desk.office import OfficeSettings
    from ppid_desk.ui.settings.print_group import PATTERN_CAPTIONS

    patterns = {f.name for f in fields(OfficeSettings) if f.name.endswith("_number_pattern")}
    assert set(PATTERN_CAPTIONS) == patterns
