"""Daftar Informasi Publik on screen: the list with search and filters, an entry added and
changed through the form (inline messages, the exclusion decision only for Dikecualikan),
retired and reactivated, import from Excel (checked first, all or nothing) and export, the
suggestions while a request is typed and the link they make, a request's DIP box, and the
decision dialog prefilled from the linked entry.

The desk's clock stands at Monday 2 November 2026, 10.00.
"""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ppid_desk.dip import service
from ppid_desk.dip.codes import DipEventKind, InfoClass
from ppid_desk.dip.queries import events_of
from ppid_desk.dip.service import DipInput
from ppid_desk.register import service as register_service
from ppid_desk.register.codes import Decision, EventKind, RequesterKind, Status
from ppid_desk.register.lifecycle import Action
from ppid_desk.store.models import DipEntry, Request
from ppid_desk.ui.dip import dip_page
from ppid_desk.ui.dip.area import DipArea
from ppid_desk.ui.dip.badges import CLASS_ROLE
from ppid_desk.ui.dip.table_model import DipTableModel as D
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.register.detail_page import DetailPage
from ppid_desk.ui.register.intake_form import IntakeForm
from ppid_desk.units import save_unit
from ppid_desk.workdays import load_calendar

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

NOW = datetime(2026, 11, 2, 10, 0)
CTRL = Qt.KeyboardModifier.ControlModifier
RKPD = "Rencana Kerja Pemerintah Daerah (RKPD)"
BANSOS = "Data pribadi penerima bantuan sosial: NIK, alamat dan kondisi ekonomi keluarga"
CONSEQUENCE = "Membuka data ini mengungkap rahasia pribadi penerima bantuan."


def clock() -> datetime:
    return NOW


@pytest.fixture
def units(store):
    return {"bappeda": save_unit("Badan Perencanaan Pembangunan Daerah", "skpd").id,
            "dinsos": save_unit("Dinas Sosial", "skpd").id}


@pytest.fixture
def entries(units):
    """An open entry of each kind, an excluded one and a retired one."""
    add = lambda data: service.add_entry(data, "ppid", now=NOW)  # noqa: E731
    made = {
        "rkpd": add(DipInput(summary=RKPD, info_class=InfoClass.PERIODIC, unit_id=units["bappeda"],
                             official="Kepala Bappeda", format="Softcopy dan hardcopy", retention="10 tahun")),
        "banjir": add(DipInput(summary="Peringatan dini bencana banjir", info_class=InfoClass.IMMEDIATE,
                               holder_name="BPBD Kabupaten")),
        "bansos": add(DipInput(summary=BANSOS, info_class=InfoClass.EXCLUDED, unit_id=units["dinsos"],
                               pasal17=["h"], consequence=CONSEQUENCE, decided_by="PPID Utama",
                               decision_number="003/KEP-PPID/I/2026", decision_date=date(2026, 1, 12))),
        "old": add(DipInput(summary="Rencana kerja tahun 2019", info_class=InfoClass.ANY_TIME,
                            unit_id=units["bappeda"])),
    }
    service.retire_entry(made["old"].id, "Diganti RKPD", "ppid", now=NOW)
    return {key: entry.id for key, entry in made.items()}


def show(qtbot, widget, size=(1280, 800)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make_window(qtbot, store) -> MainWindow:
    return show(qtbot, MainWindow(store, now=clock))


def trigger(window: MainWindow, shortcut: str) -> None:
    matches = [a for a in window.actions() if a.shortcut().toString() == shortcut]
    assert len(matches) == 1, shortcut
    matches[0].trigger()


def focused():
    return QApplication.focusWidget()


def summaries(model: D) -> list[str]:
    return [model.index(r, D.SUMMARY).data() for r in range(model.rowCount())]


def register(information: str, name: str = "Siti Anggraini") -> Request:
    data = register_service.RequestInput(
        requester=register_service.RequesterInput(RequesterKind.PERSON, name, "3201014506900001",
                                                  phone="081234567890"),
        information=information, purpose="Penelitian", received_at=NOW)
    return register_service.register_request(data, load_calendar(), "petugas", now=NOW)


# --- the list ------------------------------------------------------------------------------------

def test_the_list_searches_filters_by_class_and_shows_retired_entries_on_request(qtbot, store, entries,
                                                                                 qtmodeltester):
    window = make_window(qtbot, store)
    trigger(window, "Ctrl+5")
    assert window.current_page() == "dip"
    page = window.dip.page
    model = page.model
    qtmodeltester.check(model)
    # The DIP's order: berkala, serta merta, (setiap saat), dikecualikan; the retired one left out.
    assert summaries(model) == [RKPD, "Peringatan dini bencana banjir", BANSOS]
    assert page.count.text() == "3 entri"
    assert model.index(0, D.HOLDER).data() == "Badan Perencanaan Pembangunan Daerah"
    assert model.index(0, D.OFFICIAL).data() == "Kepala Bappeda"
    assert model.index(0, D.FORMAT).data() == "Softcopy dan hardcopy"
    assert model.index(0, D.RETENTION).data() == "10 tahun"
    assert model.index(1, D.HOLDER).data() == "BPBD Kabupaten"
    # The class is a badge; an excluded entry shows its Pasal 17 letters.
    assert InfoClass(model.index(2, D.CLASS).data(CLASS_ROLE)) is InfoClass.EXCLUDED
    assert model.index(2, D.CLASS).data() == "Pasal 17 h"
    assert "Pasal 17 huruf h" in model.index(2, D.CLASS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, D.CLASS).data() == ""

    # Search as you type (every word, as prefixes), applied once typing pauses.
    qtbot.keyClicks(page.search, "renc kerja")
    qtbot.waitUntil(lambda: model.filter.text == "renc kerja")
    assert summaries(model) == [RKPD] and page.count.text() == "1 entri cocok"
    page.include_retired.setChecked(True)
    assert sorted(summaries(model)) == sorted([RKPD, "Rencana kerja tahun 2019"])
    retired = model.row_of(lambda r: r.id == entries["old"])
    assert model.index(retired, D.CLASS).data() == "nonaktif"
    assert model.index(retired, D.SUMMARY).data(Qt.ItemDataRole.ForegroundRole) is not None

    page.clear_filters()
    page.info_class.setCurrentIndex(page.info_class.findData(InfoClass.EXCLUDED.value))
    assert summaries(model) == [BANSOS]
    page.clear_filters()
    assert model.rowCount() == 3 and page.count.text() == "3 entri"
    # A header click sorts the rows held; the summary column by its words.
    model.sort(D.SUMMARY, Qt.SortOrder.AscendingOrder)
    assert summaries(model) == sorted(summaries(model), key=str.lower)

    # Enter on a row opens the entry.
    page.select_entry(entries["bansos"])
    page.open_current()
    assert window.dip.currentWidget() is window.dip.detail
    assert window.dip.detail.entry_id == entries["bansos"]


# --- the form ------------------------------------------------------------------------------------

def test_a_new_entry_shows_the_cores_messages_and_the_exclusion_fields_only_when_excluded(qtbot, store, units):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    area.page.new_button.click()
    form = area.form
    assert area.currentWidget() is form
    assert not form.decision_group.isVisibleTo(form) and form.decision_note.isVisibleTo(form)
    assert not form.reason.parentWidget().isVisibleTo(form)  # only when changing an entry

    assert form.save() is None
    assert form.errors.message("summary") == "Ringkasan isi informasi wajib diisi."
    assert form.errors.message("holder") == "Pejabat/unit yang menguasai informasi wajib diisi."
    assert DipEntry.select().count() == 0

    form.summary.setPlainText(BANSOS)
    form.unit.setCurrentIndex(form.unit.findData(units["dinsos"]))
    form.official.setText("Kepala Dinas Sosial")
    form.info_class.setCurrentIndex(form.info_class.findData(InfoClass.EXCLUDED.value))
    assert form.decision_group.isVisibleTo(form) and not form.decision_note.isVisibleTo(form)
    assert form.save() is None
    assert form.errors.message("summary") == "" and form.errors.message("holder") == ""
    assert form.errors.message("pasal17") == (
        "Informasi yang dikecualikan harus menyebut huruf Pasal 17 UU KIP (a sampai j).")
    assert form.errors.message("consequence") == "Informasi yang dikecualikan harus memuat hasil uji konsekuensi."
    assert form.errors.message("decided_by") == "Sebutkan PPID yang memutuskan pengecualian."

    form.letters["h"].setChecked(True)
    assert "mengungkap rahasia pribadi" in form.letters_words.text()
    form.consequence.setPlainText(CONSEQUENCE)
    form.decided_by.setText("PPID Utama")
    form.decision_number.setText("003/KEP-PPID/I/2026")
    with qtbot.waitSignal(area.entryChanged) as saved:
        assert form.save() is not None
    entry = DipEntry.get_by_id(saved.args[0])
    assert (entry.info_class, entry.pasal17, entry.unit_id, entry.consequence, entry.decided_by) == (
        "dikecualikan", "h", units["dinsos"], CONSEQUENCE, "PPID Utama")
    assert entry.decision_date is None and entry.created_by == "ppid"
    # Saved: the entry's detail, its class as the chip, the decision shown.
    assert area.currentWidget() is area.detail and area.detail.entry_id == entry.id
    assert area.detail.status.text() == "Dikecualikan"
    assert area.detail.decision_group.isVisibleTo(area.detail)
    assert area.page.model.rowCount() == 1


def test_the_decision_typed_for_another_class_is_not_saved(qtbot, store, units):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    area.show_form()
    form = area.form
    form.summary.setPlainText(RKPD)
    form.unit.setCurrentIndex(form.unit.findData(units["bappeda"]))
    form.info_class.setCurrentIndex(form.info_class.findData(InfoClass.EXCLUDED.value))
    form.letters["b"].setChecked(True)
    form.consequence.setPlainText("Tidak jadi")
    form.info_class.setCurrentIndex(form.info_class.findData(InfoClass.PERIODIC.value))
    assert not form.decision_group.isVisibleTo(form)
    entry_id = form.save()
    entry = DipEntry.get_by_id(entry_id)
    assert (entry.info_class, entry.pasal17, entry.consequence) == ("berkala", "", "")


def test_the_form_is_made_for_the_keyboard(qtbot, store, units):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    area.activateWindow()
    area.show_form()
    form = area.form
    qtbot.waitUntil(form.summary.hasFocus)
    qtbot.keyClicks(focused(), "Laporan keuangan")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # Ctrl+Enter leaves the long text box
    assert focused() is form.info_class
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is form.unit
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is form.holder_name
    # Leaving a field shows its message: no unit chosen and no holder written.
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert form.errors.message("holder_name") == ""
    form.unit.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert form.errors.message("holder") == "Pejabat/unit yang menguasai informasi wajib diisi."
    form.holder_name.setText("Kepala Bidang Akuntansi")
    with qtbot.waitSignal(form.entrySaved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    assert DipEntry.get().holder_name == "Kepala Bidang Akuntansi"


def test_an_edit_is_kept_in_the_history_with_old_and_new_values(qtbot, store, entries):
    area = show(qtbot, DipArea(actor=lambda: "ani", now=clock))
    assert area.show_entry(entries["rkpd"])
    detail = area.detail
    assert detail.timeline.rowCount() == 1
    assert detail.timeline.index(0, 1).data() == "Ditambahkan ke DIP"
    detail.edit_button.click()
    form = area.form
    assert area.currentWidget() is form and form.title.text() == "Ubah entri DIP"
    assert form.summary.toPlainText() == RKPD and form.official.text() == "Kepala Bappeda"
    assert form.reason.parentWidget().isVisibleTo(form)
    form.official.setText("Sekretaris Bappeda")
    form.reason.setText("Pejabat baru")
    form.save()
    assert area.currentWidget() is detail
    assert DipEntry.get_by_id(entries["rkpd"]).official == "Sekretaris Bappeda"
    assert detail.timeline.rowCount() == 2
    assert detail.timeline.index(1, 1).data() == "Diubah" and detail.timeline.index(1, 2).data() == "ani"
    assert detail.timeline.index(1, 3).data() == (
        "Alasan: Pejabat baru; Penanggung jawab: \u201cKepala Bappeda\u201d \u2192 \u201cSekretaris Bappeda\u201d.")
    # Esc on the form (opened from the detail) goes back to the detail without saving.
    detail.edit_button.click()
    form.official.setText("Lain")
    form.closeRequested.emit()
    assert area.currentWidget() is detail and DipEntry.get_by_id(entries["rkpd"]).official == "Sekretaris Bappeda"


def test_retiring_asks_for_the_reason_and_reactivating_brings_the_entry_back(qtbot, store, entries):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    area.show_entry(entries["banjir"])
    detail = area.detail
    assert detail.retire_button.isVisibleTo(detail) and not detail.reactivate_button.isVisibleTo(detail)
    detail.retire_button.click()
    dialog = detail.dialog
    assert dialog.isVisible() and "dapat diaktifkan kembali" in dialog.intro.text()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.errors.message("reason") == "Alasan menonaktifkan entri DIP wajib diisi."
    assert DipEntry.get_by_id(entries["banjir"]).active
    dialog.reason.setPlainText("Diganti sistem peringatan dini baru")
    with qtbot.waitSignal(area.entryChanged):
        dialog.save_button.click()
    assert not DipEntry.get_by_id(entries["banjir"]).active
    assert "Nonaktif" in detail.subtitle.text()
    assert detail.reactivate_button.isVisibleTo(detail) and not detail.retire_button.isVisibleTo(detail)
    assert detail.timeline.index(1, 3).data() == "Alasan: Diganti sistem peringatan dini baru."
    assert "Peringatan dini bencana banjir" not in summaries(area.page.model)

    detail.reactivate_button.click()
    with qtbot.waitSignal(area.entryChanged):
        detail.dialog.save_button.click()
    assert DipEntry.get_by_id(entries["banjir"]).active
    assert "Peringatan dini bencana banjir" in summaries(area.page.model)
    assert [e.kind for e in events_of(entries["banjir"])] == [
        DipEventKind.ADDED.value, DipEventKind.RETIRED.value, DipEventKind.REACTIVATED.value]


# --- Excel ---------------------------------------------------------------------------------------

HEADER = ["No", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi", "Penanggung Jawab",
          "Format", "Jangka Waktu Penyimpanan", "Klasifikasi Informasi", "Uji Konsekuensi", "PPID yang Memutuskan"]


def dip_file(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DIP"
    ws.append(["DAFTAR INFORMASI PUBLIK"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD_ROWS = [
    [1, "Laporan Realisasi Anggaran", "Badan Perencanaan Pembangunan Daerah", "Kepala Bappeda", "Softcopy",
     "10 tahun", "Berkala"],
    [2, "Data pribadi pegawai", "Badan Kepegawaian", "Kepala BKD", "Hardcopy", "5 tahun",
     "Dikecualikan (Pasal 17 huruf h)", "Mengungkap rahasia pribadi pegawai.", "PPID Utama"],
]


def start_import(qtbot, page, monkeypatch, path):
    monkeypatch.setattr(dip_page, "ask_import_path", lambda _parent: str(path))
    page.import_button.click()
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running)
    return dialog


def test_a_good_file_is_checked_then_imported_on_confirmation(qtbot, store, units, tmp_path, monkeypatch):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    page = area.page
    dialog = start_import(qtbot, page, monkeypatch, dip_file(tmp_path / "dip.xlsx", GOOD_ROWS))
    assert "2 entri akan diimpor" in dialog.message.text()
    assert "Per kelas: Berkala 1, Dikecualikan 1." in dialog.message.text()
    assert "1 pemegang informasi tidak cocok" in dialog.message.text()  # "Badan Kepegawaian": kept as written
    assert "disimpan seperti tertulis: Badan Kepegawaian" in dialog.details.toPlainText()
    assert dialog.import_button.isVisible() and dialog.import_button.text() == "&Impor 2 entri"
    assert DipEntry.select().count() == 0  # nothing written by the check

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
    assert done.args == [2]
    assert "2 entri DIP diimpor" in dialog.message.text() and not dialog.import_button.isVisible()
    assert DipEntry.select().count() == 2
    assert sorted(summaries(page.model)) == ["Data pribadi pegawai", "Laporan Realisasi Anggaran"]
    excluded = DipEntry.get(DipEntry.summary == "Data pribadi pegawai")
    assert (excluded.pasal17, excluded.holder_name, excluded.created_by) == ("h", "Badan Kepegawaian", "ppid")
    assert [e.kind for e in events_of(excluded.id)] == [DipEventKind.IMPORTED.value]
    dialog.close_button.click()
    assert not dialog.isVisible()

    # The same file again: everything is already in the DIP, nothing to import.
    again = start_import(qtbot, page, monkeypatch, tmp_path / "dip.xlsx")
    assert "2 baris sudah ada di DIP" in again.message.text()
    assert "Tidak ada entri baru" in again.message.text() and not again.import_button.isVisible()
    again.close_button.click()


def test_a_bad_file_lists_its_problems_and_imports_nothing(qtbot, store, units, tmp_path, monkeypatch):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    rows = [GOOD_ROWS[0],
            [2, "Notulen rapat pimpinan", "Bagian Umum", "Kepala Bagian Umum", "Hardcopy", "5 tahun",
             "Dikecualikan"],
            [3, "Data aset", "Bagian Umum", "", "", "", "Terbuka"]]
    dialog = start_import(qtbot, area.page, monkeypatch, dip_file(tmp_path / "dip.xlsx", rows))
    assert "2 baris bermasalah" in dialog.message.text() and "Tidak ada yang diimpor" in dialog.message.text()
    assert not dialog.import_button.isVisible()
    problems = dialog.details.toPlainText().splitlines()
    assert any(p.startswith("baris 5, kolom Pasal 17 UU KIP: informasi yang dikecualikan harus menyebut")
               for p in problems), problems
    assert any(p.startswith("baris 6, kolom Klasifikasi Informasi: klasifikasi tidak dikenal") for p in problems)
    assert DipEntry.select().count() == 0 and area.page.model.rowCount() == 0


def test_a_file_without_a_dip_table_is_refused_as_a_whole(qtbot, store, tmp_path, monkeypatch):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    path = tmp_path / "lain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Nama", "Alamat"])
    wb.save(path)
    dialog = start_import(qtbot, area.page, monkeypatch, path)
    assert "Impor tidak dapat dilakukan" in dialog.message.text()
    assert "Judul kolom DIP tidak ditemukan" in dialog.message.text()
    assert not dialog.import_button.isVisible() and dialog.close_button.text() == "&Tutup"


def test_export_writes_the_dip_in_the_perki_columns(qtbot, store, entries, tmp_path, monkeypatch):
    area = show(qtbot, DipArea(actor=lambda: "ppid", now=clock))
    target = tmp_path / "keluar" / "DIP.xlsx"
    monkeypatch.setattr(dip_page, "ask_export_path", lambda _parent: str(target))
    area.page.export_button.click()
    run = area.page.export_run
    with qtbot.waitSignal(run.ended, timeout=10_000) as ended:
        pass
    assert ended.args[0] is True and ended.args[1] == f"3 entri DIP ditulis ke {target}."
    assert area.page.status_line.text() == ended.args[1] and area.page.export_button.isEnabled()
    sheet = openpyxl.load_workbook(target).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    texts = [v for row in values for v in row]
    assert "DAFTAR INFORMASI PUBLIK" in texts
    assert RKPD in texts and BANSOS in texts and "Rencana kerja tahun 2019" not in texts  # active entries only
    bansos = next(row for row in values if BANSOS in row)
    assert "Dikecualikan" in bansos and "Pasal 17 huruf h" in bansos and CONSEQUENCE in bansos


# --- intake: suggestions and the link they make --------------------------------------------------

@pytest.fixture
def intake(qtbot, store, entries):
    form = show(qtbot, IntakeForm(actor=lambda: "petugas", now=clock), size=(1280, 900))
    form.activateWindow()
    qtbot.waitUntil(form.kind.hasFocus)
    return form


def test_suggestions_appear_while_typing_without_taking_the_focus(qtbot, intake, entries):
    dip = intake.dip
    intake.information.setFocus()
    assert not dip.isVisible()
    qtbot.keyClicks(intake.information, "Data penerima bantuan sosial")
    assert not dip.list_visible()  # the list waits for the typing to pause
    qtbot.waitUntil(dip.list_visible)
    assert focused() is intake.information  # never taken from the officer
    ids = [m.id for m in dip.model.matches]
    assert ids[0] == entries["bansos"] and entries["old"] not in ids
    first = dip.model.index(0)
    assert InfoClass(first.data(CLASS_ROLE)) is InfoClass.EXCLUDED and first.data() == BANSOS
    # Typing on updates the list; Esc closes it and the focus stays in the text.
    qtbot.keyClick(intake.information, Qt.Key.Key_Escape)
    assert not dip.list_visible() and focused() is intake.information
    qtbot.keyClicks(intake.information, " 2025")
    qtbot.waitUntil(dip.list_visible)
    # Down on the last line goes into the list; Up on its first row comes back.
    qtbot.keyClick(intake.information, Qt.Key.Key_Down)
    assert focused() is dip.list and dip.list.currentIndex().row() == 0
    qtbot.keyClick(dip.list, Qt.Key.Key_Up)
    assert focused() is intake.information
    # Words that match nothing: no list.
    intake.information.setPlainText("Jadwal pertandingan sepak bola")
    dip.refresh()
    assert not dip.isVisible()


def test_choosing_a_suggestion_links_the_saved_request(qtbot, intake, entries):
    dip = intake.dip
    intake.edits["nik"].setText("3201014506900001")
    intake.edits["name"].setText("Siti Anggraini")
    intake.edits["phone"].setText("081234567890")
    intake.purpose.setPlainText("Penelitian skripsi")
    intake.information.setFocus()
    qtbot.keyClicks(intake.information, "Salinan RKPD tahun 2026")
    qtbot.waitUntil(dip.list_visible)
    assert dip.model.matches[0].id == entries["rkpd"]
    qtbot.keyClick(intake.information, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P: into the list
    assert focused() is dip.list
    qtbot.keyClick(dip.list, Qt.Key.Key_Return)
    assert dip.chosen_id() == entries["rkpd"] and not dip.list_visible()
    assert focused() is intake.information
    assert dip.chosen_row.isVisible() and RKPD in dip.chosen_label.text()
    with qtbot.waitSignal(intake.requestSaved) as saved:
        qtbot.keyClick(intake.information, Qt.Key.Key_S, CTRL)
    row = Request.get_by_id(saved.args[0])
    assert row.dip_entry_id == entries["rkpd"]
    kinds = [e.kind for e in register_service.events_of(row.id)]
    assert kinds == [EventKind.REGISTERED.value, EventKind.DIP_LINKED.value]
    assert "Dikaitkan ke DIP: Rencana Kerja Pemerintah Daerah" in intake.confirmation_text.text()
    # The form is empty again, nothing chosen for the next person.
    assert dip.chosen_id() is None and not dip.isVisible()

    # "Lepas" drops a choice: the next request is saved without a link.
    intake.edits["nik"].setText("3201014506900001")
    intake.edits["name"].setText("Siti Anggraini")
    intake.edits["phone"].setText("081234567890")
    intake.purpose.setPlainText("Penelitian")
    intake.information.setPlainText("RKPD 2026")
    dip.refresh()
    dip.choose(dip.model.matches[0])
    dip.release_button.click()
    assert dip.chosen_id() is None and dip.list_visible()
    assert Request.get_by_id(intake.save()).dip_entry_id is None


def test_an_entry_retired_after_it_was_chosen_registers_nothing(qtbot, intake, entries):
    intake.edits["nik"].setText("3201014506900001")
    intake.edits["name"].setText("Siti Anggraini")
    intake.edits["phone"].setText("081234567890")
    intake.purpose.setPlainText("Penelitian")
    intake.information.setPlainText("RKPD 2026")
    intake.dip.refresh()
    intake.dip.choose(intake.dip.model.matches[0])
    service.retire_entry(entries["rkpd"], "Usang", "ppid", now=NOW)
    assert intake.save() is None
    assert Request.select().count() == 0
    assert intake.dip.error.isVisible() and "nonaktif" in intake.dip.error.text()


# --- a request's detail: the DIP box and the decision it suggests -------------------------------

@pytest.fixture
def detail(qtbot, store):
    return show(qtbot, DetailPage(actor=lambda: "ppid", now=clock), size=(1200, 800))


def test_a_request_is_linked_and_unlinked_from_its_detail(qtbot, detail, entries):
    row = register("Salinan RKPD 2026")
    detail.show_request(row.id)
    box = detail.dip
    assert "Belum dikaitkan" in box.entry_label.text() and not box.unlink_button.isVisibleTo(box)
    box.link_button.click()
    dialog = box.dialog
    assert dialog.caption.text() == "Usulan dari informasi yang diminta:"
    assert dialog.model.matches[0].id == entries["rkpd"]  # suggested from the request's text
    qtbot.keyClicks(dialog.search, "bencana")
    qtbot.waitUntil(lambda: [m.id for m in dialog.model.matches] == [entries["banjir"]])
    dialog.search.clear()
    dialog.refresh()
    with qtbot.waitSignal(detail.requestChanged):
        dialog.ok_button.click()
    assert Request.get_by_id(row.id).dip_entry_id == entries["rkpd"]
    assert RKPD in box.entry_label.text() and "dikabulkan seluruhnya" in box.entry_label.text()
    assert box.unlink_button.isVisibleTo(box) and box.link_button.text() == "Ganti entri\u2026"
    assert detail.timeline.index(1, 1).data() == EventKind.DIP_LINKED.label

    box.unlink_button.click()
    unlink = box.dialog
    unlink.save_button.click()
    assert unlink.isVisible() and unlink.errors.message("reason") == "Alasan melepas kaitan DIP wajib diisi."
    unlink.reason.setPlainText("Salah pilih entri")
    with qtbot.waitSignal(detail.requestChanged):
        unlink.save_button.click()
    assert Request.get_by_id(row.id).dip_entry_id is None
    assert "Belum dikaitkan" in box.entry_label.text()


def test_the_decision_dialog_starts_from_the_excluded_entrys_rejection(qtbot, detail, entries):
    row = register("Data penerima PKH beserta NIK")
    service.link_request(row.id, entries["bansos"], "petugas", now=NOW)
    detail.show_request(row.id)
    assert "ditolak (Pasal 17 h)" in detail.dip.entry_label.text()
    dialog = detail.start_action(Action.DECIDE)
    assert dialog.decision.currentData() == Decision.REJECTED.value
    assert [k for k, box in dialog.letters.items() if box.isChecked()] == ["h"]
    assert dialog.consequence_test.toPlainText() == CONSEQUENCE
    assert "003/KEP-PPID/I/2026" in dialog.note.toPlainText()
    assert dialog.dip_hint is not None and dialog.dip_hint.isVisible()
    assert "Usulan dari DIP" in dialog.dip_hint.text() and "PPID yang memutuskan" in dialog.dip_hint.text()
    assert dialog.errors.widget("pasal17").isVisible()  # the rejection's fields are shown
    # A suggestion only: the PPID may change it before deciding.
    dialog.letters["b"].setChecked(True)
    with qtbot.waitSignal(detail.requestChanged):
        dialog.ok_button.click()
    decided = Request.get_by_id(row.id)
    assert (decided.status, decided.decision, decided.pasal17, decided.consequence_test) == (
        Status.DECIDED.value, "ditolak", "b,h", CONSEQUENCE)


def test_the_decision_dialog_suggests_granting_open_information_and_nothing_without_a_link(qtbot, detail,
                                                                                           entries):
    linked = register("RKPD 2026")
    service.link_request(linked.id, entries["rkpd"], "petugas", now=NOW)
    detail.show_request(linked.id)
    dialog = detail.start_action(Action.DECIDE)
    assert dialog.decision.currentData() == Decision.GRANTED_FULL.value
    assert "dikabulkan seluruhnya" in dialog.dip_hint.text()
    assert not any(box.isChecked() for box in dialog.letters.values())
    assert not dialog.errors.widget("pasal17").isVisible()
    dialog.reject()

    plain = register("Sesuatu yang lain", name="Budi Santoso")
    detail.show_request(plain.id)
    dialog = detail.start_action(Action.DECIDE)
    assert dialog.dip_hint is None and dialog.note.toPlainText() == ""
    dialog.reject()


# --- between the areas ---------------------------------------------------------------------------

def test_an_entrys_linked_requests_open_in_the_register_and_back(qtbot, store, entries):
    window = make_window(qtbot, store)
    row = register("Data penerima bantuan sosial")
    service.link_request(row.id, entries["bansos"], "petugas", now=NOW)
    assert window.open_dip_entry(entries["bansos"])
    detail = window.dip.detail
    assert detail.linked.rowCount() == 1 and detail.linked_group.title() == "Permohonan terkait (1)"
    assert detail.linked.index(0, 0).data() == row.number
    detail.linked_view.clicked.emit(detail.linked.index(0, 0))
    assert window.current_page() == "permohonan"
    assert window.register.detail.request_id == row.id
    window.register.detail.back_button.click()
    assert window.current_page() == "dip" and window.dip.currentWidget() is detail  # where it was opened from
    # From the request's DIP box to the entry, and back.
    window.open_request(row.id)
    window.register.detail.dip.entry_label.linkActivated.emit("entry")
    assert window.current_page() == "dip" and window.dip.detail.entry_id == entries["bansos"]
    window.dip.detail.back_button.click()
    assert window.current_page() == "permohonan"
