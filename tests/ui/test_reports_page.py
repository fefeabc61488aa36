"""The Laporan page: a monthly report made from the page off the UI thread (file, figures,
progress, the recent list), Batal leaving no file, bad paths and errors said on the page,
the annual report's texts stored, the recent list with a missing file or a corrupt list,
the period in words and the proposed file names."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QKeySequence

from ppid_desk.office import load_office
from ppid_desk.register import service
from ppid_desk.register.codes import Channel, Decision
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports.annual import proposed_texts, section_texts
from ppid_desk.reports.periodic import build_report, figure_rows
from ppid_desk.reports.recent import list_path, recent, remember
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.ui.reports.page import ReportsPage, default_file_name
from ppid_desk.workdays import load_calendar

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime(2026, 11, 23, 10, 0)
MONTHLY = "Laporan-Bulanan-2026-10-25-sd-2026-11-23.xlsx"


def _register(when: datetime, name: str, channel=Channel.WALK_IN):
    data = RequestInput(requester=RequesterInput(name=name, nik="3201014506900001", address="Jl. Merdeka 1",
                                                 phone="081234567890"),
                        information="Dokumen anggaran", purpose="Penelitian", channel=channel, received_at=when)
    return service.register_request(data, load_calendar(), "petugas", now=when)


def _decide(row, decision, notice: date, **extra):
    return service.decide(row.id, DecisionInput(decision, notice_date=notice, **extra), "ppid",
                          now=datetime.combine(notice, datetime.min.time()).replace(hour=11))


@pytest.fixture
def requests(store):
    a = _register(datetime(2026, 11, 2, 10), "Siti", Channel.EMAIL)
    _decide(a, Decision.GRANTED_FULL, date(2026, 11, 10))
    b = _register(datetime(2026, 11, 5, 10), "Budi")
    _decide(b, Decision.REJECTED, date(2026, 11, 12), pasal17=["h"], consequence_test="Uji konsekuensi")
    _register(datetime(2026, 11, 16, 10), "Rina")  # still in process
    _register(datetime(2026, 10, 1, 10), "Di Luar Periode")
    return store


class Desk:
    """What the page asks of the desktop, recorded."""

    def __init__(self, chosen: str = "", overwrite: bool = True):
        self.opened: list[str] = []
        self.chosen, self.overwrite = chosen, overwrite
        self.asked_overwrite: list[Path] = []

    def open(self, url: QUrl) -> bool:
        self.opened.append(url.toLocalFile())
        return True

    def choose(self, _parent, suggested: str) -> str:
        self.suggested = suggested
        return self.chosen

    def confirm(self, _parent, path: Path) -> bool:
        self.asked_overwrite.append(path)
        return self.overwrite


def make_page(qtbot, store, folder: Path, desk: Desk | None = None, build=build_report) -> ReportsPage:
    desk = desk or Desk()
    page = ReportsPage(store, actor=lambda: "Tester", now=lambda: NOW, folder=folder, build=build,
                       opener=desk.open, choose_path=desk.choose, confirm_overwrite=desk.confirm)
    page.desk = desk
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def wait_done(qtbot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: not page.building(), timeout=15_000)


def set_kind(page: ReportsPage, kind: str) -> None:
    page.kind.setCurrentIndex(page.kind.findData(kind))


def test_monthly_report_from_the_page(qtbot, requests, tmp_path):
    folder = tmp_path / "laporan"
    page = make_page(qtbot, requests, folder)
    assert page.kind.currentText() == "Bulanan (30 hari)"
    assert page.period_label.text().startswith("Periode 25 Oktober 2026 s.d. 23 November 2026 (30 hari)")
    assert page.file_edit.text() == str(folder / MONTHLY)
    assert not folder.exists()  # nothing made until a report is

    with qtbot.waitSignal(page.reportMade, timeout=15_000) as made:
        page.build_button.click()
        assert page.building() and not page.build_button.isEnabled() and not page.kind.isEnabled()
    wait_done(qtbot, page)
    summary = made.args[0]
    path = folder / MONTHLY
    assert summary.path == path and path.is_file()
    assert sorted(p.name for p in folder.iterdir()) == [MONTHLY]  # no .part left
    shown = dict(figure_rows(path))
    assert shown["Jumlah permohonan"] == 3
    assert shown["Dikabulkan seluruhnya"] == 1 and shown["Ditolak"] == 1 and shown["Masih diproses"] == 1
    assert shown["Dibuat oleh"] == "Tester"
    assert {k: shown[k] for k in summary.figures} == summary.figures

    # The page: progress to the end, the figures, the buttons; the form usable again.
    assert page.result.progress_bar.value() == 100
    assert not page.result.done.isHidden() and page.result.figures == summary.figures
    assert "Jumlah permohonan" in page.result.figures_label.text()
    assert str(path) in page.result.file_label.text()
    assert page.build_button.isEnabled() and page.kind.isEnabled()
    page.result.open_button.click()
    page.result.folder_button.click()
    assert page.desk.opened == [str(path), str(folder)]

    # Remembered on this PC, and opened from the list with Enter / a double click.
    [entry] = recent(requests.data_dir)
    assert (entry.path, entry.kind, entry.first, entry.last) == (path, "monthly", date(2026, 10, 25), date(2026, 11, 23))
    model = page.recent.model
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "Bulanan (30 hari)", "25-10-2026 s.d. 23-11-2026", "23-11-2026 10.00", MONTHLY]
    page.recent.table.activated.emit(model.index(0, 2))
    assert page.desk.opened[-1] == str(path)


def test_progress_reaches_100_in_order(qtbot, requests, tmp_path):
    seen: list[int] = []

    def build(period, path, made_by, now=None, progress=None):
        def recorded(percent, text):
            seen.append(percent)
            return progress(percent, text)
        return build_report(period, path, made_by, now=now, progress=recorded)

    page = make_page(qtbot, requests, tmp_path, build=build)
    page.build_action.trigger()  # Ctrl+Enter
    wait_done(qtbot, page)
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    assert page.result.progress_bar.value() == 100
    assert QKeySequence("Ctrl+Return") in page.build_action.shortcuts()
    assert page.build_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_cancel_leaves_no_file(qtbot, requests, tmp_path):
    reached, gate = threading.Event(), threading.Event()

    def held_build(period, path, made_by, now=None, progress=None):
        def held(percent, text):
            reached.set()
            gate.wait(10)
            return progress(percent, text)
        return build_report(period, path, made_by, now=now, progress=held)

    folder = tmp_path / "laporan"
    page = make_page(qtbot, requests, folder, build=held_build)
    page.build_button.click()
    assert reached.wait(10)
    assert page.result.cancel_button.isVisibleTo(page) and page.result.cancel_button.isEnabled()
    page.result.cancel_button.click()
    assert page.result.status.text() == "Membatalkan\u2026" and not page.result.cancel_button.isEnabled()
    gate.set()
    wait_done(qtbot, page)
    assert not (folder / MONTHLY).exists()
    assert not folder.exists() or list(folder.iterdir()) == []
    assert "dibatalkan" in page.result.status.text() and page.result.done.isHidden()
    assert recent(requests.data_dir) == [] and page.recent.model.rowCount() == 0
    assert page.build_button.isEnabled()


def test_bad_output_paths_are_said_on_the_page(qtbot, requests, tmp_path):
    page = make_page(qtbot, requests, tmp_path)
    page.file_edit.clear()
    assert page.build() is False
    assert page.form_error.text() == "Tulis atau pilih berkas tujuan laporan." and not page.form_error.isHidden()

    page.file_edit.setText(str(tmp_path))
    assert page.build() is False and "adalah folder" in page.form_error.text()

    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    page.file_edit.setText(str(blocker / "laporan.xlsx"))
    assert page.build() is True and page.form_error.isHidden()
    wait_done(qtbot, page)
    assert page.result.error.text().startswith("Laporan tidak dibuat. Berkas ")
    assert "tidak dapat ditulis" in page.result.error.text() and not page.result.error.isHidden()
    assert page.result.done.isHidden() and page.build_button.isEnabled()
    assert recent(requests.data_dir) == []


def test_an_unexpected_error_is_said_and_logged(qtbot, requests, tmp_path, caplog):
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("oops")

    page = make_page(qtbot, requests, tmp_path, build=broken)
    page.build()
    wait_done(qtbot, page)
    assert "tidak terduga (ZeroDivisionError)" in page.result.error.text()
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_an_existing_file_is_replaced_only_when_confirmed(qtbot, requests, tmp_path):
    desk = Desk(overwrite=False)
    page = make_page(qtbot, requests, tmp_path, desk)
    target = tmp_path / MONTHLY
    target.write_bytes(b"old")
    assert page.build() is False and not page.building()
    assert desk.asked_overwrite == [target] and target.read_bytes() == b"old"
    desk.overwrite = True
    assert page.build() is True
    wait_done(qtbot, page)
    assert dict(figure_rows(target))["Jumlah permohonan"] == 3


def test_choose_file_adds_xlsx_and_skips_the_second_question(qtbot, requests, tmp_path):
    chosen = tmp_path / "lain" / "laporan november"
    desk = Desk(chosen=str(chosen))
    page = make_page(qtbot, requests, tmp_path, desk)
    page.choose_button.click()
    assert desk.suggested == str(tmp_path / MONTHLY)
    assert page.file_edit.text() == str(chosen) + ".xlsx"
    # A name of the officer's own stays when the period changes.
    page.end_date.setDate(QDate(2026, 11, 20))
    assert page.file_edit.text() == str(chosen) + ".xlsx"
    (tmp_path / "lain").mkdir()
    Path(str(chosen) + ".xlsx").write_bytes(b"old")
    assert page.build() is True  # the save dialog asked already
    assert desk.asked_overwrite == []
    wait_done(qtbot, page)
    desk.chosen = ""
    page.choose_button.click()  # cancelled: nothing changes
    assert page.file_edit.text() == str(chosen) + ".xlsx"


def test_kinds_periods_and_file_names(qtbot, store, tmp_path):
    page = make_page(qtbot, store, tmp_path)
    set_kind(page, "daily")
    assert page.end_caption.text() == "Ta&nggal"
    assert page.period_label.text().startswith("Tanggal 23 November 2026")
    assert Path(page.file_edit.text()).name == "Laporan-Harian-2026-11-23.xlsx"
    set_kind(page, "weekly")
    assert page.period_label.text().startswith("Periode 17 November 2026 s.d. 23 November 2026 (7 hari)")
    page.end_date.setDate(QDate(2026, 10, 31))
    assert page.period_label.text() == "Periode 25 Oktober 2026 s.d. 31 Oktober 2026 (7 hari)"  # over: no note
    assert Path(page.file_edit.text()).name == "Laporan-Mingguan-2026-10-25-sd-2026-10-31.xlsx"
    set_kind(page, "custom")
    assert page.form.isRowVisible(page.start_date) and page.end_caption.text() == "&Sampai tanggal"
    page.start_date.setDate(QDate(2026, 11, 1))
    assert not page.period_error.isHidden() and not page.build_button.isEnabled()
    assert page.period_error.text() == "Tanggal awal periode sesudah tanggal akhir."
    page.start_date.setDate(QDate(2026, 10, 1))
    assert page.period_error.isHidden() and page.build_button.isEnabled()
    assert Path(page.file_edit.text()).name == "Laporan-Periode-2026-10-01-sd-2026-10-31.xlsx"
    set_kind(page, "monthly")
    assert not page.form.isRowVisible(page.start_date) and page.annual.isHidden()


def test_default_file_names():
    from ppid_desk.reports.periodic import Period

    assert default_file_name(Period.ending("monthly", date(2026, 11, 23))) == MONTHLY
    assert default_file_name(Period.ending("annual", date(2025, 6, 1))) == "Laporan-Tahunan-2025.xlsx"
    assert default_file_name(Period.custom(date(2026, 1, 1), date(2026, 1, 1))) == "Laporan-Periode-2026-01-01.xlsx"


def test_annual_texts_are_saved_before_the_report(qtbot, requests, tmp_path):
    page = make_page(qtbot, requests, tmp_path)
    assert page.annual.isHidden() and page.annual.year is None  # nothing read until Tahunan is chosen
    set_kind(page, "annual")
    assert not page.annual.isHidden() and page.end_caption.text() == "Ta&hun"
    assert page.period_label.text().startswith("Periode 1 Januari 2026 s.d. 31 Desember 2026 (365 hari)")
    assert Path(page.file_edit.text()).name == "Laporan-Tahunan-2026.xlsx"
    assert page.annual.texts() == section_texts(2026)
    proposed = proposed_texts(2026)

    policy = "Kebijakan layanan informasi ditetapkan dengan SK Bupati Nomor 12 Tahun 2026."
    page.annual.edits["annual_policy"].setPlainText(policy)
    page.annual.edits["annual_budget"].setPlainText("Rp25.000.000 dari DPA Diskominfo.")
    assert page.annual.states["annual_policy"].text().startswith("Diubah")
    with qtbot.waitSignal(page.reportMade, timeout=15_000):
        page.build_button.click()
    wait_done(qtbot, page)
    office = load_office()
    assert office.annual_policy == policy
    assert office.annual_budget == "Rp25.000.000 dari DPA Diskominfo."
    assert office.annual_facilities == ""  # the untouched draft is not stored: next year drafts afresh
    sheet = openpyxl.load_workbook(tmp_path / "Laporan-Tahunan-2026.xlsx")["Laporan Tahunan"]
    texts = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert policy in texts and proposed["annual_facilities"] in texts
    assert page.annual.states["annual_policy"].text() == "Teks kantor tersimpan."

    # Pakai usulan: one box, then all of them.
    page.annual.reset_buttons["annual_policy"].click()
    assert page.annual.edits["annual_policy"].toPlainText() == proposed["annual_policy"]
    assert page.annual.edits["annual_budget"].toPlainText() == "Rp25.000.000 dari DPA Diskominfo."
    page.annual.reset_all_button.click()
    assert page.annual.texts() == proposed
    assert page.annual.to_store() == {key: "" for key in proposed}

    # Another year: boxes not edited follow; an edited one keeps what was typed.
    page.annual.edits["annual_staff"].setPlainText("Dua petugas meja layanan.")
    page.end_date.setDate(QDate(2025, 12, 31))
    assert page.annual.year == 2025
    assert page.annual.edits["annual_staff"].toPlainText() == "Dua petugas meja layanan."
    assert page.annual.edits["annual_facilities"].toPlainText() == section_texts(2025)["annual_facilities"]


def test_recent_list_shows_a_missing_file_and_survives_a_corrupt_list(qtbot, store, tmp_path):
    list_path(store.data_dir).write_text("{ rusak", encoding="utf-8")
    page = make_page(qtbot, store, tmp_path)
    assert page.recent.model.rowCount() == 0 and not page.recent.empty.isHidden()

    gone = tmp_path / "dipindah" / "Laporan-Harian-2026-11-20.xlsx"
    remember(store.data_dir, gone, "daily", date(2026, 11, 20), date(2026, 11, 20), datetime(2026, 11, 20, 16))
    page.refresh()
    model = page.recent.model
    assert model.data(model.index(0, model.FILE)) == "Laporan-Harian-2026-11-20.xlsx (tidak ditemukan)"
    assert model.data(model.index(0, model.PERIOD)) == "20-11-2026"
    assert "tidak ditemukan" in model.data(model.index(0, model.FILE), Qt.ItemDataRole.ToolTipRole)
    assert page.recent.open_report(0) is False
    assert "tidak ditemukan lagi" in page.recent.message.text() and not page.recent.message.isHidden()
    assert page.recent.open_folder(0) is False and "tidak ada lagi" in page.recent.message.text()
    assert page.desk.opened == []


def test_enter_moves_through_the_form(qtbot, store, tmp_path):
    page = make_page(qtbot, store, tmp_path)
    page.activateWindow()
    page.kind.setFocus()
    qtbot.waitUntil(page.kind.hasFocus)
    qtbot.keyClick(page.kind, Qt.Key.Key_Return)
    qtbot.waitUntil(page.end_date.hasFocus)  # the "Dari tanggal" row is hidden for a monthly report
    qtbot.keyClick(page.end_date, Qt.Key.Key_Return)
    qtbot.waitUntil(page.file_edit.hasFocus)


def test_the_main_window_opens_laporan(qtbot, store):
    window = MainWindow(store, now=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.show_page("laporan") is True
    assert window.current_page() == "laporan" and window.pages.currentWidget() is window.reports
    assert window.reports.end_date.date() == QDate(2026, 11, 23)


def test_quitting_while_a_report_is_made_stops_it_cleanly(qtbot, requests, tmp_path):
    reached, gate = threading.Event(), threading.Event()
    ended = threading.Event()

    def held_build(period, path, made_by, now=None, progress=None):
        def held(percent, text):
            reached.set()
            gate.wait(10)
            return progress(percent, text)
        try:
            return build_report(period, path, made_by, now=now, progress=held)
        finally:
            ended.set()

    page = make_page(qtbot, requests, tmp_path / "laporan", build=held_build)
    page.build()
    assert reached.wait(10)
    threading.Timer(0.2, gate.set).start()
    page._quitting()  # what QCoreApplication.aboutToQuit calls
    assert ended.is_set()  # the worker is done before the app goes on closing
    wait_done(qtbot, page)
    assert not (tmp_path / "laporan" / MONTHLY).exists() and "dibatalkan" in page.result.status.text()
