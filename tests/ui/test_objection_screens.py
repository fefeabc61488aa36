"""The Keberatan page (search, filters, sorting), the objection form (inline messages, the
late-filing warning) and the detail's step buttons following the lifecycle."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from objection_ui_samples import NOW, decide, file_objection, file_standalone, office, rejected_request
from ppid_desk.objections.codes import Decision, Ground, Status
from ppid_desk.objections.lifecycle import Action, available
from ppid_desk.objections.service import get_objection, state_of
from ppid_desk.store.models import Objection
from ppid_desk.ui.objections.area import ObjectionArea
from ppid_desk.ui.objections.detail_page import ObjectionDetailPage
from ppid_desk.ui.objections.objection_page import ObjectionPage
from ppid_desk.ui.objections.table_model import ObjectionTableModel as M

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LATER = date(2027, 1, 15)  # the answers of the objections filed in November are overdue


@pytest.fixture
def three(store):
    office()
    a = file_objection(rejected_request("Siti Aminah"), case="DPA adalah dokumen anggaran, bukan rahasia.")
    b = file_standalone("Yohanes Manurung", "Laporan realisasi lewat pos tidak dijawab sama sekali.",
                        received=datetime(2026, 11, 10, 9, 0))
    c = decide(file_objection(rejected_request("Budi Santoso"), case="Rekam medis diminta untuk advokasi."))
    return a, b, c


def shown(page: ObjectionPage) -> list[str]:
    return [page.model.index(r, M.NO).data() for r in range(page.model.rowCount())]


def search(page: ObjectionPage, text: str) -> list[str]:
    page.search.setText(text)
    page.apply_filter()
    return shown(page)


def test_page_search_filters_sorting_and_opening(qtbot, three, qtmodeltester):
    a, b, c = three
    page = ObjectionPage(today=lambda: LATER)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtmodeltester.check(page.model)
    assert page.count.text() == "3 keberatan"
    assert shown(page) == [c.number, b.number, a.number]  # the highest number first
    row_b = page.model.row_of(lambda r: r.id == b.id)
    cells = page.model.rows[row_b].cells
    assert cells[M.REQUEST] == "tanpa register: Surat tanggal 1 Oktober 2026" and cells[M.GROUNDS] == "c"
    assert cells[M.LATE].endswith("hari kerja") and page.model.index(row_b, M.LATE).data(
        Qt.ItemDataRole.ForegroundRole) is not None

    # Search as you type: number, objector, request number, words of the case summary.
    qtbot.keyClicks(page.search, "Yohanes")
    qtbot.waitUntil(lambda: shown(page) == [b.number])
    assert page.count.text() == "1 keberatan cocok"
    assert search(page, a.number) == [a.number]
    assert search(page, c.request.number) == [c.number]
    assert search(page, "realisasi dijawab") == [b.number]  # every word, anywhere
    assert search(page, "anggaran Siti") == [a.number]  # words across the summary and the name
    assert search(page, "100%_") == []  # LIKE wildcards are plain letters
    page.search.clear()

    # Filters: status, late, period; then cleared.
    page.status.setCurrentIndex(page.status.findData(Status.DECIDED.value))
    assert shown(page) == [c.number]
    page.status.setCurrentIndex(0)
    page.late_only.setChecked(True)
    assert set(shown(page)) == {a.number, b.number}
    page.late_only.setChecked(False)
    page.date_from.setDate(QDate(2026, 11, 12))
    page.date_to.setDate(QDate(2026, 11, 20))
    page.period.setChecked(True)
    assert set(shown(page)) == {a.number, c.number}
    page.clear_filters()
    assert len(shown(page)) == 3 and page.count.text() == "3 keberatan"

    # Sorting by the header: the oldest received first.
    page.table.sortByColumn(M.RECEIVED, Qt.SortOrder.AscendingOrder)
    assert shown(page)[0] == b.number
    page.table.sortByColumn(M.OBJECTOR, Qt.SortOrder.AscendingOrder)
    assert shown(page) == [c.number, a.number, b.number]  # Budi, Siti, Yohanes

    # Enter on the search goes to the first row; Enter (activated) opens it.
    page.search.setText("Yohanes")
    page.search.returnPressed.emit()
    assert page.table.currentIndex().row() == 0
    with qtbot.waitSignal(page.openObjection) as opened:
        page.table.activated.emit(page.table.currentIndex())
    assert opened.args == [b.id]


def test_form_messages_late_warning_and_a_standalone_objection(qtbot, store):
    office()
    area = ObjectionArea(actor=lambda: "ani", now=lambda: NOW)
    qtbot.addWidget(area)
    area.resize(1280, 800)
    area.show()
    assert area.show_form(None)
    form = area.form
    # Ground c is ticked for an objection the office has no record of; untick it to see the message.
    assert form.grounds.grounds() == [Ground.NOT_ANSWERED]
    form.grounds.boxes[Ground.NOT_ANSWERED].setChecked(False)
    assert form.save() is None  # everything missing: said beside each field
    for name in ("nik", "name", "phone", "grounds", "information", "purpose", "case_summary"):
        assert form.errors.message(name), name
    assert form.errors.message("grounds").startswith("Pilih paling sedikit satu alasan")

    edits = form.objector.edits
    qtbot.keyClicks(edits["nik"], "3201014507900003")
    qtbot.keyClicks(edits["name"], "Yohanes Manurung")
    qtbot.keyClicks(edits["address"], "Jl. Melati 3, Wates")
    form.objector.by.setCurrentIndex(form.objector.by.findData("kuasa"))
    assert edits["proxy_name"].isVisibleTo(form)
    form.grounds.boxes[Ground.NOT_ANSWERED].setChecked(True)
    form.information.setPlainText("Laporan realisasi anggaran 2025")
    form.purpose.setPlainText("Pengawasan anggaran")
    form.case_summary.setPlainText("Surat permohonan tanggal 1 Agustus 2026 tidak pernah dijawab.")
    form.request_reference.setText("Surat tanggal 1 Agustus 2026")
    assert "tidak diketahui" in form.filing.text() and form.filing_warning() == ""
    assert form.save() is None  # a proxy without a name or a letter
    assert form.errors.message("proxy_name").startswith("Nama kuasa wajib diisi")
    assert form.information.toPlainText() == "Laporan realisasi anggaran 2025"  # nothing typed is lost
    edits["proxy_name"].setText("Ahmad Fauzi, S.H.")
    edits["proxy_letter"].setText("Surat Kuasa Khusus 12-11-2026")

    # The ground arose in August: more than 30 working days ago. Warned, not blocked.
    form.own_date.setChecked(True)
    form.arose_on.setDate(QDate(2026, 8, 15))
    warning = form.filing_warning()
    assert "lewat 30 hari kerja" in warning and "Tetap dicatat" in warning
    assert form.late_warning.isVisible() and form.save_button.isEnabled()
    objection_id = form.save()
    assert objection_id is not None, (form.problems(), form.general_error.text())
    row = get_objection(objection_id)
    assert row.late_filing and row.request_id is None and row.requester.name == "Yohanes Manurung"
    assert row.proxy_name == "Ahmad Fauzi, S.H." and row.grounds == "c"
    assert area.currentWidget() is area.detail
    assert "diajukan lewat batas" in area.detail.subtitle.text()
    assert "filing" in area.detail.deadlines.days
    assert area.page.model.rowCount() == 1


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def check_buttons(detail: ObjectionDetailPage, today: date) -> None:
    row = get_objection(detail.objection_id)
    for state in available(state_of(row), today):
        button = detail.action_buttons[state.action]
        assert button.isEnabled() == state.allowed, state.action
        assert button.toolTip() == ("" if state.allowed else state.reason)


def test_step_buttons_follow_the_lifecycle_and_each_dialog_takes_its_step(qtbot, store):
    office()
    objection = file_objection()
    clock = Clock(NOW + timedelta(hours=1))
    detail = ObjectionDetailPage(actor=lambda: "ani", now=clock)
    qtbot.addWidget(detail)
    detail.resize(1280, 800)
    detail.show()
    assert detail.show_objection(objection.id)
    check_buttons(detail, clock.now.date())
    assert detail.action_buttons[Action.WITHDRAW].isEnabled()
    dispute = detail.action_buttons[Action.DISPUTE]
    assert not dispute.isEnabled() and "hari kerja ke-30" in dispute.toolTip()
    assert detail.start_action(Action.DECIDE) is None  # a dimmed step opens nothing

    def step(action: Action, fill=None) -> None:
        dialog = detail.start_action(action)
        assert dialog is not None, action
        if fill:
            fill(dialog)
        with qtbot.waitSignal(detail.objectionChanged):
            assert dialog.submit(), dialog.general_error.text()
        check_buttons(detail, clock.now.date())

    step(Action.FORWARD, lambda d: d.note.setPlainText("Berkas lengkap"))
    assert detail.status.text() == Status.FORWARDED.label

    dialog = detail.start_action(Action.DECIDE)
    assert not dialog.submit()  # no reasons: said beside the field, the dialog stays
    assert dialog.errors.message("reasons") == "Pertimbangan keputusan Atasan PPID wajib diisi."
    dialog.reject()
    step(Action.DECIDE, lambda d: d.reasons.setPlainText("Rekam medis adalah rahasia pribadi."))
    assert detail.decision_group.isVisible() and detail.status.text() == Status.DECIDED.label

    step(Action.HAND_OVER)
    close = detail.action_buttons[Action.CLOSE]
    assert not close.isEnabled() and "masih dapat mengajukan sengketa" in close.toolTip()
    step(Action.DISPUTE, lambda d: d.note.setPlainText("Ke Komisi Informasi Provinsi"))
    assert detail.status.text() == Status.DISPUTE.label
    step(Action.RECORD_DISPUTE, lambda d: d.number.setText("071/XII/KIP-PS/2026"))
    assert not detail.action_buttons[Action.RECORD_DISPUTE].isEnabled()
    step(Action.RECORD_OUTCOME, lambda d: d.outcome.setPlainText("Permohonan sengketa ditolak."))
    step(Action.CLOSE)
    assert detail.status.text() == Status.CLOSED.label
    assert not any(button.isEnabled() for button in detail.action_buttons.values())
    kinds = [detail.timeline.index(r, 1).data() for r in range(detail.timeline.rowCount())]
    assert kinds == ["Keberatan didaftarkan", "Diperiksa dan diteruskan ke Atasan PPID", "Diputuskan Atasan PPID",
                     "Tanggapan atas keberatan diserahkan", "Pemohon mengajukan sengketa",
                     "Sengketa teregistrasi di Komisi Informasi", "Putusan sengketa dicatat", "Ditutup"]
    assert "Nomor registrasi 071/XII/KIP-PS/2026" in detail.timeline.index(5, 3).data()


def test_accept_and_withdraw(qtbot, store):
    office()
    first = decide(file_objection(), Decision.UPHELD)
    second = file_objection(rejected_request("Budi Santoso"))
    clock = Clock(NOW + timedelta(hours=1))
    detail = ObjectionDetailPage(actor=lambda: "ani", now=clock)
    qtbot.addWidget(detail)
    detail.show_objection(first.id)
    detail.start_action(Action.HAND_OVER).submit()
    accept = detail.start_action(Action.ACCEPT)
    accept.note.setPlainText("Pemohon puas")
    assert accept.submit()
    check_buttons(detail, clock.now.date())
    assert detail.status.text() == Status.ACCEPTED.label and detail.action_buttons[Action.CLOSE].isEnabled()

    detail.show_objection(second.id)
    withdraw = detail.start_action(Action.WITHDRAW)
    withdraw.reason.setPlainText("Informasi sudah diperoleh")
    assert withdraw.submit()
    assert Objection.get_by_id(second.id).status == Status.WITHDRAWN.value
    check_buttons(detail, clock.now.date())
    assert "Informasi sudah diperoleh" in detail.timeline.index(1, 3).data()
