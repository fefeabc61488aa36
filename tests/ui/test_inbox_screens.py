"""Pesan Masuk on screen: a message recorded with the keyboard, the form's inline messages,
search and filters, every step through its dialog, refused steps dimmed with the reason,
a request message turned into a request through the intake form, Beranda's message lists.

The story (November 2026 has no holidays): the desk's clock stands at Monday 2 November
2026, 10.00; a message recorded then is to be answered by Monday 16 November (10 working
days), by Wednesday 25 November once extended.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from ppid_desk.inbox import service
from ppid_desk.inbox.codes import MessageKind, Status
from ppid_desk.inbox.lifecycle import Action, available
from ppid_desk.inbox.service import MessageInput, get_message, state_of
from ppid_desk.register.codes import Channel
from ppid_desk.store.models import InboxMessage, Request
from ppid_desk.ui.inbox.area import InboxArea
from ppid_desk.ui.inbox.detail_page import MessageDetailPage
from ppid_desk.ui.inbox.message_form import MessageForm
from ppid_desk.ui.inbox.message_page import MessagePage
from ppid_desk.ui.inbox.table_model import LATE_COLOUR, MessageTableModel as M
from ppid_desk.ui.main_window import MainWindow
from ppid_desk.units import save_unit
from ppid_desk.workdays import load_calendar

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

NOW = datetime(2026, 11, 2, 10, 0)
CTRL = Qt.KeyboardModifier.ControlModifier


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def record(sender: str = "Sutrisno", text: str = "Kapan jadwal pelayanan KTP keliling di Kecamatan Wates?",
           kind: MessageKind = MessageKind.QUESTION, channel: Channel = Channel.SMS, contact: str = "081234567890",
           received: datetime | None = None, now: datetime = NOW) -> InboxMessage:
    data = MessageInput(sender=sender, contact=contact, channel=channel, kind=kind, text=text, received_at=received)
    return service.record_message(data, load_calendar(), "budi", now=now)


def make_window(qtbot, store, clock) -> MainWindow:
    window = MainWindow(store, now=clock)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def type_and_enter(qtbot, text: str) -> None:
    if text:
        qtbot.keyClicks(focused(), text)
    key(qtbot, Qt.Key.Key_Return)


def trigger(window: MainWindow, shortcut: str) -> None:
    matches = [a for a in window.actions() if a.shortcut().toString() == shortcut]
    assert len(matches) == 1, shortcut
    matches[0].trigger()


def check_buttons(detail: MessageDetailPage, today: date) -> None:
    row = get_message(detail.message_id)
    for state in available(state_of(row), today):
        button = detail.action_buttons[state.action]
        assert button.isEnabled() == state.allowed, state.action
        assert button.toolTip() == ("" if state.allowed else state.reason)


def test_a_message_recorded_with_the_keyboard(qtbot, store):
    window = make_window(qtbot, store, Clock(NOW))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    trigger(window, "Ctrl+4")  # Pesan Masuk comes right after Keberatan
    assert window.current_page() == "pesan"
    area = window.inbox
    assert area.currentWidget() is area.page and area.page.count.text() == "0 pesan"
    area.page.new_button.click()
    form = area.form
    assert area.currentWidget() is form
    qtbot.waitUntil(form.sender.hasFocus)
    type_and_enter(qtbot, "Sutrisno")
    assert focused() is form.contact
    type_and_enter(qtbot, "0812 3456 7890")
    assert focused() is form.channel and form.channel.currentData() == Channel.SMS.value  # SMS unless told
    key(qtbot, Qt.Key.Key_E)  # the first letter picks Email
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is form.kind
    key(qtbot, Qt.Key.Key_A)  # Aduan
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is form.received_at
    key(qtbot, Qt.Key.Key_Return)  # arrived: now
    assert focused() is form.text
    qtbot.keyClicks(focused(), "Lampu jalan di depan kantor kecamatan mati")
    key(qtbot, Qt.Key.Key_Return)  # Enter: a new line in the message
    qtbot.keyClicks(focused(), "sudah seminggu.")
    with qtbot.waitSignal(form.messageSaved) as saved:
        key(qtbot, Qt.Key.Key_S, CTRL)

    row = InboxMessage.get_by_id(saved.args[0])
    assert row.number == "001/PESAN/PPID/XI/2026" and row.sender == "Sutrisno" and row.contact == "0812 3456 7890"
    assert row.channel == Channel.EMAIL.value and row.kind == MessageKind.COMPLAINT.value
    assert row.text == "Lampu jalan di depan kantor kecamatan mati\nsudah seminggu."
    assert row.received_at == row.recorded_at == NOW and row.response_due == date(2026, 11, 16)
    assert form.confirmation.isVisible()
    assert "001/PESAN/PPID/XI/2026" in form.confirmation_text.text()
    assert "Senin, 16 November 2026" in form.confirmation_text.text()
    # Empty again for the next message, the channel back to SMS.
    assert form.sender.text() == "" and form.text.toPlainText() == "" and form.sender.hasFocus()
    assert form.channel.currentData() == Channel.SMS.value
    # In the list and on Beranda.
    assert area.page.model.rowCount() == 1 and area.page.count.text() == "1 pesan"
    assert area.page.model.index(0, M.SENDER).data() == "Sutrisno"
    assert area.page.model.index(0, M.STATUS).data() == "Baru"
    assert window.home.count("message_new_today") == 1

    # "Buka detail" in the confirmation opens the message.
    form.open_button.click()
    assert area.currentWidget() is area.detail
    assert area.detail.title.text() == "Pesan 001/PESAN/PPID/XI/2026"
    area.detail.back_button.click()
    assert area.currentWidget() is area.page


def test_the_form_shows_problems_beside_the_fields(qtbot, store):
    clock = Clock(NOW)
    form = show(qtbot, MessageForm(actor=lambda: "budi", now=clock))
    form.activateWindow()
    qtbot.waitUntil(form.sender.hasFocus)
    save = [s for s in form.findChildren(QShortcut) if s.key() == QKeySequence(QKeySequence.StandardKey.Save)]
    assert len(save) == 1
    qtbot.keyClicks(form.text, "   ")
    with qtbot.assertNotEmitted(form.messageSaved):
        save[0].activated.emit()  # Ctrl+S
    assert form.errors.message("sender").startswith("Nama pengirim wajib diisi")
    assert form.errors.message("contact").startswith("Nomor telepon atau alamat email pengirim wajib diisi")
    assert form.errors.message("text") == "Isi pesan wajib diisi."
    assert form.errors.message("received_at") == ""
    assert form.sender.hasFocus()  # the first bad field
    assert InboxMessage.select().count() == 0

    # Fixing a field and leaving it clears its message; the others stay.
    qtbot.keyClicks(form.sender, "Wati")
    key(qtbot, Qt.Key.Key_Return)
    assert form.errors.message("sender") == ""
    assert form.errors.message("contact") != ""

    # A time in the future is refused; a time in the past is kept as typed.
    form.contact.setText("wati@example.id")
    form.text.setPlainText("Mohon jam layanan diperpanjang sampai sore.")
    form.received_at.setDateTime(QDateTime(QDate(2026, 11, 2), QTime(11, 0)))
    assert form.save() is None
    assert form.errors.message("received_at") == "Waktu pesan masuk tidak boleh di masa depan."
    form.received_at.setDateTime(QDateTime(QDate(2026, 10, 31), QTime(20, 15)))
    message_id = form.save()
    assert message_id is not None
    row = get_message(message_id)
    assert row.received_at == datetime(2026, 10, 31, 20, 15) and row.recorded_at == NOW
    assert row.effective_day == date(2026, 11, 2)  # counted from the recording


def test_search_filters_and_sorting(qtbot, store, qtmodeltester):
    a = record()
    b = record("Wati", "Mohon jam layanan diperpanjang sampai sore.", MessageKind.SUGGESTION, Channel.EMAIL,
               "wati@example.id", now=NOW + timedelta(days=1))
    c = record("Budi Santoso", "Mohon salinan APBD 2026 untuk penelitian.", MessageKind.REQUEST, Channel.WEBSITE,
               "budi@example.id", now=NOW + timedelta(days=2))
    service.answer(b.id, "Terima kasih, usul diteruskan ke Bagian Organisasi.", "budi", now=NOW + timedelta(days=3))
    today = date(2026, 11, 18)  # a (due 16 November) is late; b is answered; c is due 18 November
    page = show(qtbot, MessagePage(today=lambda: today))
    qtmodeltester.check(page.model)

    def numbers() -> list[str]:
        return [page.model.index(r, M.NO).data() for r in range(page.model.rowCount())]

    assert numbers() == [c.number, b.number, a.number]  # newest first
    assert page.count.text() == "3 pesan"
    assert page.model.index(2, M.CHANNEL).data() == "SMS" and page.model.index(2, M.KIND).data() == "Pertanyaan"
    assert page.model.index(2, M.RECORDED).data() == "02-11-2026 10.00"
    assert page.model.index(2, M.DUE).data() == "16-11-2026"
    assert page.model.index(2, M.DUE).data(Qt.ItemDataRole.ForegroundRole) == LATE_COLOUR
    assert "lewat 2 hari kerja" in page.model.index(2, M.DUE).data(Qt.ItemDataRole.ToolTipRole)
    assert page.model.index(1, M.DUE).data(Qt.ItemDataRole.ForegroundRole) is None  # answered: not late

    # The search waits for the typing to pause, then runs.
    page.search.setText("ktp")
    assert page.model.rowCount() == 3
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert numbers() == [a.number] and page.count.text() == "1 pesan cocok"
    page.search.setText("wati@example")
    page.apply_filter()
    assert numbers() == [b.number]
    page.clear_filters()
    assert numbers() == [c.number, b.number, a.number]

    page.kind.setCurrentIndex(page.kind.findData(MessageKind.REQUEST.value))
    assert numbers() == [c.number]
    page.kind.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData(Status.ANSWERED.value))
    assert numbers() == [b.number]
    page.status.setCurrentIndex(0)
    page.open_only.setChecked(True)
    assert numbers() == [c.number, a.number]
    page.clear_filters()

    page.table.sortByColumn(M.SENDER, Qt.SortOrder.AscendingOrder)
    assert [page.model.index(r, M.SENDER).data() for r in range(3)] == ["Budi Santoso", "Sutrisno", "Wati"]
    long_text = page.model.index(0, M.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "APBD 2026" in long_text

    opened = []
    page.openMessage.connect(opened.append)
    page.table.activated.emit(page.model.index(1, 0))
    assert opened == [a.id]


def test_every_step_through_its_dialog(qtbot, store):
    unit = save_unit("Dinas Kependudukan dan Pencatatan Sipil", "skpd")
    save_unit("Dinas Kesehatan", "skpd")
    row = record()
    clock = Clock(NOW + timedelta(hours=1))
    detail = show(qtbot, MessageDetailPage(actor=lambda: "ani", now=clock))
    assert detail.show_message(row.id)
    assert detail.title.text() == f"Pesan {row.number}" and detail.status.text() == "Baru"
    assert detail.deadlines.days["answer"].text() == "<b>Senin, 16 November 2026</b>"
    assert detail.deadlines.days["extended"].text() == "Rabu, 25 November 2026"
    detail.deadlines.toggles["receipt"].click()
    assert "sejak pesan dicatat" in detail.deadlines.explanations["receipt"].text()
    check_buttons(detail, clock.now.date())

    def step(action: Action, fill=None):
        dialog = detail.start_action(action)
        assert dialog is not None, action
        if fill:
            fill(dialog)
        with qtbot.waitSignal(detail.messageChanged):
            assert dialog.submit(), dialog.general_error.text()
        check_buttons(detail, clock.now.date())
        return dialog

    step(Action.REVIEW, lambda d: d.note.setPlainText("Jadwal ada di Disdukcapil."))
    assert detail.status.text() == "Ditelaah PPID"
    assert not detail.action_buttons[Action.REVIEW].isEnabled()

    def choose_unit(dialog):
        assert dialog.unit.count() == 2
        dialog.unit.setCurrentIndex(dialog.unit.findData(unit.id))
        dialog.note.setPlainText("Mohon jadwal terbaru")

    step(Action.FORWARD, choose_unit)
    assert detail.status.text() == "Diteruskan ke unit"
    assert detail.follow_group.isVisible()

    clock.now = datetime(2026, 11, 16, 9, 0)  # the 10th working day: still time to extend
    dialog = detail.start_action(Action.EXTEND)
    assert "Rabu, 25 November 2026" in dialog.intro_label.text()
    assert not dialog.submit()  # no reason: said beside the field, the dialog stays
    assert dialog.errors.message("reason") == "Alasan perpanjangan wajib diisi."
    dialog.reason.setPlainText("Jadwal belum ditetapkan Disdukcapil")
    with qtbot.waitSignal(detail.messageChanged):
        assert dialog.submit()
    check_buttons(detail, clock.now.date())
    assert detail.deadlines.days["extended"].text() == "<b>Rabu, 25 November 2026</b>"
    extend = detail.action_buttons[Action.EXTEND]
    assert not extend.isEnabled() and "sudah pernah diperpanjang" in extend.toolTip()

    clock.now = datetime(2026, 11, 20, 14, 0)

    def answer(dialog):
        assert "Kapan jadwal pelayanan KTP keliling" in dialog.question.text()
        dialog.answer.setPlainText("KTP keliling di Wates hari Kamis 26 November 2026.")
        dialog.answered_at.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(9, 30)))

    step(Action.ANSWER, answer)
    row = get_message(row.id)
    assert row.status == Status.ANSWERED.value and row.answered_at == datetime(2026, 11, 20, 9, 30)
    assert row.unit.id == unit.id and row.answered_by == "ani"
    assert detail.status.text() == "Dijawab"
    assert not any(button.isEnabled() for button in detail.action_buttons.values())
    assert "status pesan dijawab" in detail.action_buttons[Action.ANSWER].toolTip()

    timeline = detail.timeline
    kinds = [timeline.index(r, 1).data() for r in range(timeline.rowCount())]
    assert kinds == ["Dicatat di buku register", "Ditelaah PPID", "Diteruskan ke unit",
                     "Waktu menjawab diperpanjang", "Dijawab"]
    details = [timeline.index(r, 3).data() for r in range(timeline.rowCount())]
    assert details[0] == (f"Nomor {row.number}; masuk 02-11-2026 10.00; dijawab paling lambat Senin, "
                          "16 November 2026.")
    assert details[1] == "Catatan: Jadwal ada di Disdukcapil."
    assert details[2] == "Kepada Dinas Kependudukan dan Pencatatan Sipil; catatan: Mohon jadwal terbaru."
    assert details[3] == "Alasan: Jadwal belum ditetapkan Disdukcapil; dijawab paling lambat Rabu, 25 November 2026."
    assert details[4] == "Dijawab 20-11-2026 09.30; dalam batas waktu."
    assert [timeline.index(r, 2).data() for r in range(1, 5)] == ["ani"] * 4


def test_refused_steps_are_dimmed_with_their_reason(qtbot, store):
    complaint = record("Ani", "Lampu jalan mati", MessageKind.COMPLAINT)
    clock = Clock(datetime(2026, 11, 17, 9, 0))  # after the 10th working day
    detail = show(qtbot, MessageDetailPage(actor=lambda: "ani", now=clock))
    assert detail.show_message(complaint.id)
    check_buttons(detail, clock.now.date())
    convert = detail.action_buttons[Action.CONVERT]
    assert not convert.isEnabled()
    assert convert.toolTip().startswith("Hanya pesan berjenis permohonan informasi")
    extend = detail.action_buttons[Action.EXTEND]
    assert not extend.isEnabled() and extend.toolTip() == "Perpanjangan hanya sampai hari kerja ke-10 (16-11-2026)."
    assert detail.start_action(Action.EXTEND) is None and detail.start_action(Action.CONVERT) is None
    assert "jawaban terlambat 1 hari kerja" in detail.subtitle.text()

    # No active unit: the forward dialog says so beside the field and stays open.
    dialog = detail.start_action(Action.FORWARD)
    assert not dialog.submit()
    assert "Belum ada unit aktif" in dialog.errors.message("unit")
    dialog.reject()
    assert get_message(complaint.id).status == Status.NEW.value


def test_a_request_message_becomes_a_request(qtbot, store):
    message = record("Rina Wulandari", "Mohon salinan DPA Dinas Kesehatan tahun 2026.", MessageKind.REQUEST,
                     Channel.EMAIL, "rina@example.id", received=datetime(2026, 11, 2, 7, 15, 30))
    clock = Clock(NOW + timedelta(minutes=30))
    window = make_window(qtbot, store, clock)
    assert window.open_message(message.id)
    area = window.inbox
    detail = area.detail
    assert detail.action_buttons[Action.CONVERT].isEnabled() and not detail.request_button.isVisible()
    detail.action_buttons[Action.CONVERT].click()
    form = area.conversion
    assert area.currentWidget() is form
    assert form.title.text() == f"Jadikan permohonan \u2014 pesan {message.number}"
    assert message.number in form.source.text()
    # Filled from the message: the officer completes what a message never carries.
    assert form.edits["name"].text() == "Rina Wulandari" and form.edits["email"].text() == "rina@example.id"
    assert form.edits["phone"].text() == ""
    assert form.information.toPlainText() == "Mohon salinan DPA Dinas Kesehatan tahun 2026."
    assert form.channel.currentData() == Channel.EMAIL.value and not form.channel.isEnabled()
    assert form.received_at.dateTime().toString("dd-MM-yyyy HH:mm") == "02-11-2026 07:15"
    assert not form.received_at.isEnabled()
    assert not form.save_print_button.isVisible()

    assert form.save() is None  # no NIK, no purpose
    assert form.errors.message("nik") != "" and form.errors.message("purpose") != ""
    assert Request.select().count() == 0 and get_message(message.id).status == Status.NEW.value

    # Kembali and back again: what was typed is still there.
    form.edits["nik"].setText("3201014506900001")
    form.back_button.click()
    assert area.currentWidget() is detail
    detail.action_buttons[Action.CONVERT].click()
    assert form.edits["nik"].text() == "3201014506900001"

    form.edits["address"].setText("Jl. Merdeka 1, Wates")
    form.purpose.setPlainText("Penelitian tesis")
    with qtbot.waitSignal(area.requestChanged) as made:
        form.save_button.click()
    request = Request.get_by_id(made.args[0])
    assert request.received_at == datetime(2026, 11, 2, 7, 15)  # when the message arrived, not now
    assert request.channel == Channel.EMAIL.value and request.requester.nik == "3201014506900001"
    assert request.information == message.text
    converted = get_message(message.id)
    assert converted.status == Status.CONVERTED.value and converted.request.id == request.id

    # Back on the message, which offers the new request.
    assert area.currentWidget() is detail
    assert detail.status.text() == "Dijadikan permohonan"
    assert detail.notice.isVisible() and request.number in detail.notice_text.text()
    assert detail.request_button.isVisible() and request.number in detail.request_button.text()
    assert "Dicatat sebagai permohonan " + request.number in detail.timeline.index(1, 3).data()
    assert not any(button.isEnabled() for button in detail.action_buttons.values())
    assert window.register.register.model.total == 1
    detail.notice_button.click()
    assert window.current_page() == "permohonan"
    assert window.register.detail.request_id == request.id
    window.register.detail.back_button.click()  # Kembali: back to the message
    assert window.current_page() == "pesan" and area.currentWidget() is detail

    # Berkas › Pesan masuk baru: the inbox's form.
    assert window.new_message()
    assert window.current_page() == "pesan" and area.currentWidget() is area.form


def test_beranda_lists_messages_and_opens_them(qtbot, store):
    late = record()  # due Monday 16 November
    soon = record("Wati", "Mohon jam layanan diperpanjang.", MessageKind.SUGGESTION, now=datetime(2026, 11, 5, 9))
    today = datetime(2026, 11, 17, 10, 0)
    new = record("Dewi", "Apakah ada lowongan magang?", now=datetime(2026, 11, 17, 8, 30))
    window = make_window(qtbot, store, Clock(today))
    home = window.home
    assert [(r.number, r.note) for r in home.work.models["message_overdue"].rows] == [
        (late.number, "terlambat 1 hari kerja")]
    assert [(r.number, r.note) for r in home.work.models["message_due_soon"].rows] == [
        (soon.number, "2 hari kerja lagi")]
    assert [(r.number, r.name, r.note, r.due) for r in home.work.models["message_new_today"].rows] == [
        (new.number, "Dewi", "Baru", "01-12-2026")]
    assert home.work.models["message_new_today"].headers[1:4] == ("Dicatat", "Pengirim", "Isi pesan")
    assert home.work.tiles["message_overdue"].property("urgent") is True

    home.work.tiles["message_overdue"].click()
    view = home.work.views["message_overdue"]
    view.clicked.emit(home.work.models["message_overdue"].index(0, 0))
    assert window.current_page() == "pesan"
    assert window.inbox.detail.message_id == late.id
    window.inbox.detail.back_button.click()
    assert window.current_page() == "beranda"

    # A step taken in the inbox updates Beranda.
    service.answer(late.id, "Kamis", "budi", now=today)
    window.open_message(late.id)
    assert not window.inbox.detail.action_buttons[Action.ANSWER].isEnabled()
    window.inbox.detail.messageChanged.emit(late.id)
    assert home.count("message_overdue") == 0
    service.answer(new.id, "Ada; pendaftaran magang dibuka Januari.", "budi", now=today)
    home.refresh()
    assert [(r.note, r.due) for r in home.work.models["message_new_today"].rows] == [("Dijawab", "\u2014")]


def test_the_area_keeps_the_list_in_step(qtbot, store):
    unit = save_unit("Bagian Umum", "skpd")
    row = record()
    area = show(qtbot, InboxArea(actor=lambda: "ani", now=Clock(NOW + timedelta(hours=1))))
    assert area.page.model.rowCount() == 1
    area.page.table.activated.emit(area.page.model.index(0, 0))
    assert area.currentWidget() is area.detail and area.detail.message_id == row.id
    dialog = area.detail.start_action(Action.FORWARD)
    dialog.unit.setCurrentIndex(dialog.unit.findData(unit.id))
    with qtbot.waitSignal(area.messageChanged):
        assert dialog.submit()
    assert area.page.model.index(0, M.STATUS).data() == "Diteruskan ke unit"
    area.detail.back_button.click()
    assert area.currentWidget() is area.page
    assert area.page.table.currentIndex().row() == 0
