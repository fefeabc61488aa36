"""Keberatan through the main window: from a rejected request to a printed objection
receipt, the overturn that reopens the request, Beranda's objection lists, Ctrl+3."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import QDate

from objection_ui_samples import ATASAN, NOW, REJECTED_ON, decide, file_objection, office, rejected_request
from print_samples import NAME, FakeDialogs, FileFactory, register, words
from ppid_desk.objections.codes import Decision, Ground, Status
from ppid_desk.objections.lifecycle import Action
from ppid_desk.objections.service import hand_over_response
from ppid_desk.register.codes import Decision as RequestDecision, Status as RequestStatus
from ppid_desk.register.lifecycle import Action as RequestAction
from ppid_desk.reports.objection_issuing import ObjectionDocumentKind
from ppid_desk.store.models import IssuedDocument, Objection, Request
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.workdays import load_calendar

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_window(qtbot, store, now: datetime = NOW) -> MainWindow:
    window = MainWindow(store, now=lambda: now)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_from_a_rejected_request_to_a_printed_objection_receipt(qtbot, store, tmp_path):
    office()
    row = register()
    window = make_window(qtbot, store)
    assert window.open_request(row.id)
    request_detail = window.register.detail
    box = request_detail.objections
    assert box.empty.isVisible() and not box.table.isVisible()

    # The PPID rejects the request, through the request's own dialog.
    dialog = request_detail.start_action(RequestAction.DECIDE)
    dialog.decision.setCurrentIndex(dialog.decision.findData(RequestDecision.REJECTED.value))
    dialog.letters["h"].setChecked(True)
    dialog.consequence_test.setPlainText("Membuka data itu mengungkap rahasia pribadi.")
    dialog.notice_date.setDate(QDate(REJECTED_ON.year, REJECTED_ON.month, REJECTED_ON.day))
    assert dialog.submit()
    assert request_detail.status.text() == RequestStatus.DECIDED.label

    # "Ajukan keberatan" opens the form filled from the request, ground a ticked.
    assert box.new_button.isEnabled()
    box.new_button.click()
    assert window.current_page() == "keberatan"
    form = window.objections.form
    assert window.objections.currentWidget() is form
    assert form.title.text() == f"Keberatan atas permohonan {row.number}"
    assert [g for g, b in form.grounds.boxes.items() if b.isChecked()] == [Ground.REJECTED]
    assert "disarankan" in form.grounds.labels[Ground.REJECTED].text()
    assert form.information.toPlainText() == row.information and form.purpose.toPlainText() == row.purpose
    assert NAME in form.objector.person.text()
    assert not form.objector.edits["name"].isVisibleTo(form)  # the requester is not typed again
    assert form.filing_warning() == ""  # a week after the rejection: in time
    assert "batas 21-12-2026" in form.filing.text()

    # Saving without the case summary: the message beside the field, nothing lost.
    assert form.save() is None
    assert form.errors.message("case_summary") == "Kasus posisi wajib diisi."
    assert form.grounds.boxes[Ground.REJECTED].isChecked()
    qtbot.keyClicks(form.case_summary, "DPA adalah dokumen anggaran, bukan rahasia pribadi.")
    form.save_button.click()

    # The new objection's detail.
    objection = Objection.get()
    detail = window.objections.detail
    assert window.objections.currentWidget() is detail
    assert detail.title.text() == f"Keberatan {objection.number}" == "Keberatan 001/KEB/PPID/XI/2026"
    assert detail.status.text() == Status.REGISTERED.label
    assert detail.request_button.isVisible() and row.number in detail.request_button.text()
    assert detail.deadlines.days["answer"].text() == "<b>Rabu, 30 Desember 2026</b>"  # 30th working day
    assert detail.timeline.index(0, 1).data() == "Keberatan didaftarkan"
    assert f"atas permohonan {row.number}" in detail.timeline.index(0, 3).data()

    # The objection receipt: issued, previewed, printed through the print flow to a PDF file.
    documents = detail.documents
    factory = FileFactory(tmp_path)
    documents.dialogs, documents.printer_factory = FakeDialogs(), factory
    receipt = documents.kind_buttons[ObjectionDocumentKind.RECEIPT]
    assert receipt.isEnabled()
    assert not documents.kind_buttons[ObjectionDocumentKind.RESPONSE].isEnabled()
    receipt.click()
    preview = documents.preview
    assert preview.isVisible() and not preview.issued.copy
    assert preview.issued.kind is ObjectionDocumentKind.RECEIPT
    assert preview.issued.letter_number == objection.number
    result = preview.print_now()
    preview.close()
    assert result.printed and documents.dialogs.kinds() == ["printer"]
    text = words(tmp_path / "job-0.pdf")
    assert objection.number in text and row.number in text and NAME in text  # a name outside Latin-1 too
    assert "KEBERATAN" in text.upper()
    assert IssuedDocument.select().where(IssuedDocument.objection == objection.id).count() == 1
    assert documents.title() == "Dokumen (1)"

    # Kembali: back to the request's detail, which now lists the objection.
    detail.back_button.click()
    assert window.current_page() == "permohonan"
    assert window.register.currentWidget() is request_detail
    assert box.table.isVisible() and box.model.rowCount() == 1
    assert box.model.index(0, 0).data() == objection.number
    assert box.model.index(0, 2).data() == Status.REGISTERED.label
    box.table.clicked.emit(box.model.index(0, 0))  # a click opens it again
    assert window.current_page() == "keberatan" and window.objections.currentWidget() is detail


def test_overturning_reopens_the_request_and_the_request_detail_shows_it(qtbot, store):
    office()
    objection = file_objection()
    window = make_window(qtbot, store)
    window.open_request(objection.request_id)
    request_detail = window.register.detail
    assert request_detail.status.text() == RequestStatus.DECIDED.label
    assert window.open_objection(objection.id, back_to="permohonan")
    detail = window.objections.detail

    detail.action_buttons[Action.FORWARD].click()
    assert detail.dialog.submit()
    dialog = detail.start_action(Action.DECIDE)
    assert dialog.atasan_name.text() == ATASAN  # from the settings
    dialog.overturned.setChecked(True)
    assert dialog.reopen_note.isVisibleTo(dialog) and "dibuka kembali" in dialog.reopen_note.text()
    dialog.reasons.setPlainText("DPA wajib tersedia setiap saat.")
    assert not dialog.submit()  # the order is missing: said beside it, the reasons kept
    assert dialog.errors.message("order_text").startswith("Sebutkan perintah kepada PPID")
    assert dialog.reasons.toPlainText() == "DPA wajib tersedia setiap saat."
    dialog.order_text.setPlainText("Berikan salinan DPA dengan data pribadi dihitamkan.")
    assert dialog.submit()

    assert detail.status.text() == Status.DECIDED.label
    assert "dibuka kembali" in detail.timeline.index(detail.timeline.rowCount() - 1, 3).data()
    request = Request.get_by_id(objection.request_id)
    assert request.status == RequestStatus.ROUTED.value and request.reopened_on == NOW.date()
    # The request's detail (still open behind) was refreshed.
    assert request_detail.status.text() == RequestStatus.ROUTED.label
    assert request_detail.objections.model.index(0, 2).data() == Status.DECIDED.label
    # Its deadline is now the order's (10 working days from the decision), said in words.
    assert request_detail.deadlines.days["order"].text() == "<b>Senin, 30 November 2026</b>"
    assert "Dibuka kembali atas keberatan " + objection.number in request_detail.deadlines.explanations["order"].text()
    timeline = request_detail.timeline
    reopened = timeline.index(timeline.rowCount() - 1, 3).data()
    assert reopened.startswith(f"Atas keberatan {objection.number}; perintah: Berikan salinan DPA")
    assert "keputusan sebelumnya (ditolak) tetap tercatat" in reopened
    detail.request_button.click()
    assert window.current_page() == "permohonan" and request_detail.request_id == objection.request_id


def test_beranda_lists_objection_deadlines_and_opens_them(qtbot, store):
    office()
    late = file_objection()  # answer due Wednesday 30 December 2026
    soon = file_objection(rejected_request("Budi Santoso"), received=datetime(2026, 12, 1, 10, 0))
    today = datetime.combine(soon.answer_due, time(10, 0))  # in January 2027: the late one is overdue
    handed = decide(file_objection(rejected_request("Dewi Lestari"), received=datetime(2026, 12, 2, 10, 0)),
                    at=today)
    hand_over_response(handed.id, load_calendar(), "budi", now=today)
    window = make_window(qtbot, store, today)
    home = window.home
    assert home.count("objection_overdue") == 1
    assert home.work.models["objection_overdue"].rows[0].number == late.number
    assert "terlambat" in home.work.models["objection_overdue"].rows[0].note
    due = home.work.models["objection_due_soon"].rows
    assert [(r.number, r.note) for r in due] == [(soon.number, "hari ini")]
    windows = home.work.models["dispute_window"].rows
    # The unanswered one may go to the Komisi Informasi too (Pasal 37 ayat 2).
    notes = {r.number: r.note for r in windows}
    assert set(notes) == {late.number, handed.number} and notes[handed.number] == "14 hari kerja lagi"
    assert home.work.tiles["objection_overdue"].property("urgent") is True

    home.work.tiles["objection_overdue"].click()
    view = home.work.views["objection_overdue"]
    view.clicked.emit(home.work.models["objection_overdue"].index(0, 0))
    assert window.current_page() == "keberatan"
    assert window.objections.detail.objection_id == late.id
    assert "terlambat" in window.objections.detail.subtitle.text()
    window.objections.detail.back_button.click()
    assert window.current_page() == "beranda"


def test_ctrl_3_opens_the_register_keberatan(qtbot, store):
    window = make_window(qtbot, store)
    matches = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+3"]
    assert len(matches) == 1
    matches[0].trigger()
    assert window.current_page() == "keberatan"
    assert window.objections.currentWidget() is window.objections.page
    window.objections.page.new_button.click()
    form = window.objections.form
    assert window.objections.currentWidget() is form
    assert form.title.text() == "Keberatan baru (tanpa permohonan di register)"
    assert form.objector.edits["name"].isVisibleTo(form)
    form.back_button.click()
    assert window.objections.currentWidget() is window.objections.page
