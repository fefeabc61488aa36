"""Pengaturan page: real widgets on a real register database."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QBoxLayout, QMessageBox

from ppid_desk.calendar import DayHours, DayOffSource, OverrideKind
from ppid_desk.office import load_office, logo_bytes
from ppid_desk.ui.settings.calendar_tab import CalendarModel
from ppid_desk.ui.settings.page import SettingsPage
from ppid_desk.ui.settings.units_tab import UnitTableModel
from ppid_desk.units import list_units, save_unit
from ppid_desk.workdays import list_overrides, load_service_hours


# The offscreen platform warns about every shown top-level window; only that is ignored.

@pytest.fixture
def page(qtbot, store):
    widget = SettingsPage(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def answer_message_box(button_text: str) -> list[str]:
    """Click ``button_text`` in the next modal message box; returns the texts it showed."""
    seen: list[str] = []

    def attempt(tries: int = 50) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: attempt(tries - 1))
            return
        seen.append(box.text())
        chosen = [b for b in box.buttons() if b.text() == button_text]
        (chosen[0] if chosen else box.buttons()[-1]).click()

    QTimer.singleShot(0, attempt)
    return seen


def focus(qtbot, widget) -> None:
    """Give ``widget`` the keyboard focus (after a modal box, offscreen has no window manager)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def find_row(model, day: date) -> int:
    return model.row_of(lambda row: row.day == day)


# --- Data Kantor ---------------------------------------------------------------------

def test_office_form_saves_and_reads_back(qtbot, page):
    tab = page.office_tab
    page.tabs.setCurrentWidget(tab)
    values = {
        "agency_name": "Dinas Kominfo Kota Contoh", "ppid_unit": "PPID Pelaksana",
        "address": "Jl. Merdeka No. 1", "city": "Contoh", "phone": "(0361) 123456",
        "email": "ppid@contoh.go.id", "website": "https://ppid.contoh.go.id",
        "ppid_name": "Budi Santoso", "ppid_nip": "196508091986031012",
        "atasan_name": "Siti Aminah", "kasubbag_nip": "19700101 199003 2 001",
    }
    for name, text in values.items():
        type_into(qtbot, tab.edits[name], text)
    tab.completeness_days.setValue(3)
    tab.timezone.setCurrentIndex(tab.timezone.findData("WITA"))
    assert tab.status.text() == "Ada perubahan yang belum disimpan."
    with qtbot.waitSignal(page.officeChanged), qtbot.assertNotEmitted(page.calendarChanged):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    office = load_office()
    assert office.agency_name == "Dinas Kominfo Kota Contoh"
    assert office.city == "Contoh" and office.email == "ppid@contoh.go.id"
    assert office.ppid_nip == "19650809 198603 1 012"
    assert office.kasubbag_nip == "19700101 199003 2 001"
    assert office.completeness_days == 3 and office.timezone == "WITA"
    assert tab.status.text() == "Tersimpan."
    assert tab.edits["ppid_nip"].text() == "19650809 198603 1 012"  # shown as stored


def test_ctrl_s_saves(qtbot, page):
    tab = page.office_tab
    type_into(qtbot, tab.edits["agency_name"], "Badan Pusat")
    type_into(qtbot, tab.edits["city"], "Jakarta")
    tab.edits["city"].setFocus()
    with qtbot.waitSignal(page.officeChanged):
        qtbot.keyClick(tab.edits["city"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_office().agency_name == "Badan Pusat"


def test_saving_the_form_keeps_settings_other_pages_changed_meanwhile(qtbot, page):
    from ppid_desk.reports.annual import save_texts

    tab = page.office_tab
    save_texts({"annual_budget": "Rp 25.000.000"})  # the Laporan page, after this tab was loaded
    type_into(qtbot, tab.edits["agency_name"], "Badan Pusat")
    type_into(qtbot, tab.edits["city"], "Jakarta")
    with qtbot.waitSignal(page.officeChanged):
        tab.save_button.click()
    assert load_office().annual_budget == "Rp 25.000.000" and load_office().city == "Jakarta"


@pytest.mark.parametrize(("field", "text", "message"), [
    ("email", "ppid@contoh", "Alamat email tidak sah."),
    ("atasan_nip", "1965 0809", "NIP harus 18 angka."),
])
def test_invalid_value_shows_inline_message_and_saves_nothing(qtbot, page, field, text, message):
    tab = page.office_tab
    type_into(qtbot, tab.edits["agency_name"], "Dinas Contoh")
    type_into(qtbot, tab.edits["city"], "Contoh")
    type_into(qtbot, tab.edits[field], text)
    with qtbot.assertNotEmitted(page.officeChanged):
        tab.save_button.click()
    assert tab.errors.message(field) == message
    assert tab.edits[field].hasFocus()
    assert tab.edits[field].text() == text  # what was typed stays
    assert tab.edits["agency_name"].text() == "Dinas Contoh"
    assert load_office().agency_name == ""
    # Fixing the value clears the message on the next save.
    type_into(qtbot, tab.edits[field], "")
    assert tab.save()
    assert tab.errors.message(field) == ""


def test_missing_agency_name_is_reported_at_the_field(qtbot, page):
    tab = page.office_tab
    tab.save_button.click()
    assert tab.errors.message("agency_name") == "Nama badan publik wajib diisi."
    assert tab.edits["agency_name"].hasFocus()


def test_office_form_goes_to_one_column_when_narrow(qtbot, page):
    assert page.office_tab.columns.direction() == QBoxLayout.Direction.LeftToRight
    page.resize(700, 600)
    qtbot.waitUntil(lambda: page.office_tab.columns.direction() == QBoxLayout.Direction.TopToBottom)


def test_cuti_bersama_rule_changes_the_calendar(qtbot, page):
    tab = page.office_tab
    type_into(qtbot, tab.edits["agency_name"], "Dinas Contoh")
    type_into(qtbot, tab.edits["city"], "Contoh")
    page.calendar_tab.year.setValue(2026)
    assert find_row(page.calendar_tab.model, date(2026, 3, 18)) >= 0
    tab.cuti_bersama_off.setChecked(False)
    with qtbot.waitSignal(page.calendarChanged), qtbot.waitSignal(page.officeChanged):
        tab.save()
    assert load_office().cuti_bersama_off is False
    assert find_row(page.calendar_tab.model, date(2026, 3, 18)) == -1
    assert "tidak dihitung" in page.calendar_tab.note.text()


def test_logo_choose_and_remove(qtbot, page, tmp_path):
    tab = page.office_tab
    assert not tab.remove_logo_button.isEnabled()
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f3a5f"))
    png = tmp_path / "logo.png"
    assert image.save(str(png))
    with qtbot.waitSignal(page.officeChanged):
        assert tab.use_logo(png)
    assert logo_bytes() == png.read_bytes()
    assert not tab.logo_preview.pixmap().isNull()
    assert tab.remove_logo_button.isEnabled()

    not_image = tmp_path / "logo.png.txt"
    not_image.write_text("bukan gambar")
    assert not tab.use_logo(not_image)
    assert tab.errors.message("logo") == "Logo harus berupa gambar PNG atau JPEG."
    assert logo_bytes() == png.read_bytes()

    answer_message_box("Hapus")
    with qtbot.waitSignal(page.officeChanged):
        qtbot.mouseClick(tab.remove_logo_button, Qt.MouseButton.LeftButton)
    assert logo_bytes() is None
    assert not tab.remove_logo_button.isEnabled()


# --- Unit ------------------------------------------------------------------------------

def test_unit_model(qtmodeltester, store):
    save_unit("Bidang Pelayanan", "bidang", "Ani", "ext. 12")
    save_unit("Dinas Pendidikan", "skpd", active=False)
    model = UnitTableModel()
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, UnitTableModel.KIND).data() == "Bidang"
    assert model.index(1, UnitTableModel.ACTIVE).data() == "Tidak"


def test_add_edit_delete_unit(qtbot, page):
    tab = page.units_tab
    page.tabs.setCurrentWidget(tab)
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.save_button.click()  # empty name
    assert dialog.isVisible() and dialog.errors.message("name") == "Nama unit wajib diisi."
    qtbot.keyClicks(dialog.name, "Bidang  Pelayanan   Informasi")
    dialog.kind.setCurrentIndex(dialog.kind.findData("bidang"))
    qtbot.keyClicks(dialog.head_name, "Ani Lestari")
    with qtbot.waitSignal(tab.unitsChanged):
        dialog.save_button.click()
    [unit] = list_units()
    assert (unit.name, unit.kind.value, unit.head_name, unit.active) == \
        ("Bidang Pelayanan Informasi", "bidang", "Ani Lestari", True)
    assert tab.selected_unit() == unit and tab.edit_button.isEnabled()

    # Double-click edits; a name clash is reported in the dialog.
    save_unit("Sekretariat", "bidang")
    tab.reload(unit.id)
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(lambda u: u.id == unit.id), 0)).row()
    rect = tab.table.visualRect(tab.proxy.index(row, 0))
    # A real double-click is press, release, double-click: QTest's mouseDClick lacks the first.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = tab.dialog
    assert dialog is not None and dialog.name.text() == "Bidang Pelayanan Informasi"
    type_into(qtbot, dialog.name, "sekretariat")
    dialog.save_button.click()
    assert dialog.errors.message("name") == "Unit \u201csekretariat\u201d sudah ada."
    type_into(qtbot, dialog.name, "Bidang PLID")
    dialog.active.setChecked(False)
    with qtbot.waitSignal(tab.unitsChanged):
        dialog.save_button.click()
    changed = next(u for u in list_units() if u.id == unit.id)
    assert changed.name == "Bidang PLID" and changed.active is False

    # Delete key asks first; "Batal" keeps the unit, "Hapus" deletes it.
    tab.reload(unit.id)
    focus(qtbot, tab.table)
    answer_message_box("Batal")
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(list_units()) == 2
    asked = answer_message_box("Hapus")
    focus(qtbot, tab.table)
    with qtbot.waitSignal(tab.unitsChanged):
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Bidang PLID" in asked[0]
    assert [u.name for u in list_units()] == ["Sekretariat"]
    assert tab.model.rowCount() == 1


# --- Jam Layanan ---------------------------------------------------------------------

def test_service_hours_saved_and_read_back(qtbot, page):
    tab = page.hours_tab
    page.tabs.setCurrentWidget(tab)
    monday, saturday = tab.rows[0], tab.rows[5]
    assert monday.open.isChecked() and monday.breaks.text() == "12:00-13:00"
    assert not saturday.open.isChecked() and not saturday.opens.isEnabled()

    monday.opens.setTime(QTime(8, 0))
    monday.closes.setTime(QTime(15, 30))
    type_into(qtbot, monday.breaks, "12:00-12:30, 15.00-15.15")
    saturday.open.setChecked(True)
    assert saturday.opens.isEnabled()
    saturday.opens.setTime(QTime(8, 0))
    saturday.closes.setTime(QTime(12, 0))
    tab.rows[4].open.setChecked(False)  # Friday: no set hours
    with qtbot.waitSignal(tab.hoursChanged), qtbot.waitSignal(page.calendarChanged):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    hours = load_service_hours()
    assert hours[0] == DayHours(time(8, 0), time(15, 30), ((time(12, 0), time(12, 30)), (time(15, 0), time(15, 15))))
    assert hours[5] == DayHours(time(8, 0), time(12, 0))
    assert 4 not in hours and 6 not in hours
    assert hours[1] == DayHours(time(9, 0), time(14, 0), ((time(12, 0), time(13, 0)),))
    assert tab.status.text() == "Tersimpan."
    assert monday.breaks.text() == "12:00-12:30, 15:00-15:15"


def test_invalid_hours_are_shown_on_their_row(qtbot, page):
    tab = page.hours_tab
    page.tabs.setCurrentWidget(tab)
    before = load_service_hours()
    tab.rows[1].opens.setTime(QTime(15, 0))
    type_into(qtbot, tab.rows[3].breaks, "12-13")
    with qtbot.assertNotEmitted(tab.hoursChanged):
        tab.save_button.click()
    assert tab.rows[1].error.text() == "Jam buka harus sebelum jam tutup."
    assert tab.rows[3].error.text() == "Istirahat \u201c12-13\u201d tidak sah; tulis misalnya 12:00-13:00."
    assert tab.rows[0].error.text() == ""
    assert tab.rows[1].opens.hasFocus()
    assert load_service_hours() == before

    tab.rows[1].opens.setTime(QTime(9, 0))
    type_into(qtbot, tab.rows[3].breaks, "13:00-15:00")  # outside 09:00-14:00
    tab.save_button.click()
    assert tab.rows[1].error.text() == ""
    assert tab.rows[3].error.text().startswith("Jam istirahat harus di dalam jam layanan")
    assert tab.rows[3].breaks.hasFocus()
    assert load_service_hours() == before


# --- Kalender Kerja --------------------------------------------------------------------

def test_calendar_model(qtmodeltester, store):
    from ppid_desk.workdays import load_calendar, year_rows

    model = CalendarModel()
    model.set_rows(year_rows(load_calendar(), 2026))
    qtmodeltester.check(model)


def test_calendar_lists_national_holidays_and_cuti_bersama(qtbot, page):
    tab = page.calendar_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.year.value() == date.today().year
    tab.year.setValue(2026)
    model = tab.model
    nyepi = find_row(model, date(2026, 3, 19))
    cuti = find_row(model, date(2026, 3, 18))
    assert model.index(nyepi, CalendarModel.DATE).data() == "Kamis, 19 Maret 2026"
    assert model.index(nyepi, CalendarModel.SOURCE).data() == "nasional"
    assert "Nyepi" in model.index(nyepi, CalendarModel.NOTE).data()
    assert model.index(cuti, CalendarModel.SOURCE).data() == "cuti bersama"
    assert model.row(cuti).source is DayOffSource.CUTI_BERSAMA
    assert model.index(nyepi, CalendarModel.SOURCE).data(Qt.ItemDataRole.BackgroundRole) \
        != model.index(cuti, CalendarModel.SOURCE).data(Qt.ItemDataRole.BackgroundRole)
    assert tab.warning.isHidden()

    tab.year.setValue(2100)  # the package has no cuti bersama that far ahead
    assert not tab.warning.isHidden() and "2100" in tab.warning.text()


def test_add_and_remove_office_closure(qtbot, page):
    tab = page.calendar_tab
    page.tabs.setCurrentWidget(tab)
    tab.year.setValue(2026)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date_edit.setDate(QDate(2026, 3, 19))
    qtbot.keyClicks(dialog.reason, "Hari jadi kota")
    dialog.save_button.click()  # Nyepi is already a day off
    assert dialog.isVisible()
    assert dialog.errors.message("day").startswith("19-03-2026 sudah hari libur")
    dialog.date_edit.setDate(QDate(2026, 6, 15))
    with qtbot.waitSignal(tab.calendarChanged), qtbot.waitSignal(page.calendarChanged):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter saves
    assert [(o.day, o.kind) for o in list_overrides(2026)] == [(date(2026, 6, 15), OverrideKind.CLOSED)]

    row = tab.selected_row()
    assert row is not None and row.day == date(2026, 6, 15) and row.source is DayOffSource.OFFICE
    assert tab.model.index(find_row(tab.model, row.day), CalendarModel.SOURCE).data() == "kantor"
    assert tab.remove_button.isEnabled() and not tab.worked_button.isEnabled()

    asked = answer_message_box("Hapus")
    with qtbot.waitSignal(tab.calendarChanged):
        qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert "Senin, 15 Juni 2026" in asked[0]
    assert list_overrides(2026) == []
    assert find_row(tab.model, date(2026, 6, 15)) == -1


def test_mark_cuti_bersama_as_worked_and_undo(qtbot, page):
    tab = page.calendar_tab
    page.tabs.setCurrentWidget(tab)
    tab.year.setValue(2026)
    assert not tab.remove_button.isEnabled() and not tab.worked_button.isEnabled()
    tab.table.selectRow(find_row(tab.model, date(2026, 3, 18)))
    assert tab.worked_button.isEnabled() and not tab.remove_button.isEnabled()
    qtbot.mouseClick(tab.worked_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.save_button.click()
    assert dialog.errors.message("reason") == "Alasan wajib diisi."
    qtbot.keyClicks(dialog.reason, "Pelayanan tetap buka")
    with qtbot.waitSignal(tab.calendarChanged):
        dialog.save_button.click()
    row = tab.selected_row()
    assert row.day == date(2026, 3, 18) and row.source is None and row.override is OverrideKind.WORKED
    assert tab.model.index(find_row(tab.model, row.day), CalendarModel.SOURCE).data() == "masuk (kantor)"

    focus(qtbot, tab.table)
    answer_message_box("Hapus")
    with qtbot.waitSignal(tab.calendarChanged):
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert list_overrides(2026) == []
    assert tab.selected_row().source is DayOffSource.CUTI_BERSAMA
