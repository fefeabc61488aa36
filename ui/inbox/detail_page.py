"""One message: every recorded field, its deadlines, the steps possible now, its history;
after it was turned into a request, the way to that request."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import clock, long_date
from ppid_desk.errors import ValidationError
from ppid_desk.inbox.codes import OPEN, MessageKind, Status
from ppid_desk.inbox.lifecycle import Action, available
from ppid_desk.inbox.service import get_message, state_of
from ppid_desk.register.codes import Channel, Status as RequestStatus
from ppid_desk.store.models import InboxMessage, Request
from ppid_desk.workdays import load_calendar

from ..register.deadline_view import DeadlinesBox
from ..access import MESSAGE_STEPS, masked_contact
from ..session import current_actor
from ..widgets.detail_page import RecordDetailPage
from .action_dialogs import DIALOGS, MessageDialog
from .deadline_rows import message_deadline_rows
from .timeline import MessageTimelineModel


def moment(at: datetime) -> str:
    return f"{long_date(at.date())} pukul {clock(at)}"


class MessageDetailPage(RecordDetailPage):
    STEPS = MESSAGE_STEPS
    messageChanged = Signal(int)
    convertRequested = Signal(int)  # "Jadikan permohonan": the request form, filled from the message
    openRequest = Signal(int)

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        self.message_id: int | None = None
        self.request_id: int | None = None
        self.dialog: MessageDialog | None = None

        self.request_button = QPushButton()
        self.request_button.setObjectName("openRequest")
        self.request_button.setToolTip(self.tr("Buka detail permohonan yang dicatat dari pesan ini"))
        self.request_button.clicked.connect(self._open_request)
        head = self._build_head(self.request_button)

        self.sender_form = self._form()
        self.message_form = self._form()
        self.follow_form = self._form()
        self.sender_group = self._group(self.tr("Pengirim"), self.sender_form)
        self.message_group = self._group(self.tr("Pesan"), self.message_form)
        self.follow_group = self._group(self.tr("Tindak lanjut"), self.follow_form)
        fields = QVBoxLayout()
        for group in (self.sender_group, self.message_group, self.follow_group):
            fields.addWidget(group)
        fields.addStretch(1)

        self._build_timeline(MessageTimelineModel(self), kind_width=220)
        self.deadlines = DeadlinesBox()
        self._build_actions(Action, self.start_action)
        self._assemble(head, fields, self.deadlines, right_width=420)
        self.layout().insertWidget(2, self._notice())

    def _notice(self) -> QWidget:
        """The confirmation shown right after the message became a request, with the way there."""
        self.notice = QWidget()
        self.notice.setObjectName("confirmation")
        self.notice.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextFormat(Qt.TextFormat.RichText)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_button = QPushButton(self.tr("Buka permohonan"))
        self.notice_button.clicked.connect(self._open_request)
        row = QHBoxLayout(self.notice)
        row.addWidget(self.notice_text, 1)
        row.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()
        return self.notice

    # ------------------------------------------------------------------ showing
    def show_message(self, message_id: int) -> bool:
        try:
            row = get_message(message_id)
        except ValidationError as exc:
            self._show_error(exc.message)
            return False
        if message_id != self.message_id:
            self.notice.hide()
        self.message_id = message_id
        self.request_id = row.request_id
        self.general_error.hide()
        calendar = self._calendar()
        today = self._now().date()
        status = Status(row.status)
        self.title.setText(self.tr("Pesan {0}").format(row.number))
        self._set_status(status.label, status.value)
        subtitle = self.tr("{0} \u00b7 {1} \u00b7 {2} \u00b7 dicatat {3}").format(
            MessageKind(row.kind).label, Channel(row.channel).label, html.escape(row.sender), moment(row.recorded_at))
        due = row.extended_due if row.extended else row.response_due
        if status in OPEN and due < today:
            subtitle += " \u00b7 " + self.tr("<span style='color:#b00020'><b>jawaban terlambat {0} hari kerja</b>"
                                             "</span>").format(calendar.working_days_between(due, today))
        self.subtitle.setText(subtitle)
        if row.request is not None:
            self.request_button.setText(self.tr("Permohonan {0} ({1}) \u2192").format(
                row.request.number, RequestStatus(row.request.status).label.lower()))
        self.request_button.setVisible(row.request is not None)
        self._fill(row)
        self.deadlines.show_rows(message_deadline_rows(row, calendar))
        self._enable_actions(available(state_of(row), today))
        self.timeline.load(message_id)
        self._fit_history()
        return True

    def reload(self) -> None:
        if self.message_id is not None:
            self.show_message(self.message_id)

    def _fill(self, row: InboxMessage) -> None:
        self._rows(self.sender_form, [(self.tr("Nama"), row.sender), (self.tr("Kontak"), masked_contact(row.contact, self._acting()))])
        self._rows(self.message_form, [
            (self.tr("Nomor"), row.number),
            (self.tr("Saluran"), Channel(row.channel).label),
            (self.tr("Jenis"), MessageKind(row.kind).label),
            (self.tr("Masuk"), moment(row.received_at)),
            (self.tr("Dicatat"), moment(row.recorded_at)),
            (self.tr("Isi pesan"), row.text),
            (self.tr("Dicatat oleh"), row.created_by),
        ])
        follow: list[tuple[str, str]] = []
        if row.unit is not None:
            follow.append((self.tr("Diteruskan ke"), row.unit.name))
        if row.extended:
            follow.append((self.tr("Diperpanjang"), self.tr("Ya, sampai {0}").format(long_date(row.extended_due))))
        if row.answered_at:
            follow.append((self.tr("Jawaban"), row.answer))
            follow.append((self.tr("Dijawab"), moment(row.answered_at)
                           + (f" ({row.answered_by})" if row.answered_by else "")))
        if row.request is not None:
            follow.append((self.tr("Permohonan"), self.tr("{0}, diterima {1}").format(
                row.request.number, moment(row.request.received_at))))
        self._rows(self.follow_form, follow)
        self.follow_group.setVisible(bool(follow))

    def show_converted(self, request_id: int) -> None:
        """Say that this message became request ``request_id`` and offer to open it."""
        request = Request.get_or_none(Request.id == request_id)
        if request is None:
            return
        self.notice_text.setText(self.tr(
            "<b>Permohonan {0} tercatat</b> dari pesan ini, diterima {1}. Pemberitahuan tertulis paling lambat "
            "<b>{2}</b>. Tanda bukti dapat dicetak dari detail permohonan.").format(
            request.number, moment(request.received_at), long_date(request.response_due)))
        self.notice.show()
        self.notice_button.setFocus()

    def _open_request(self) -> None:
        if self.request_id is not None:
            self.openRequest.emit(self.request_id)

    # ------------------------------------------------------------------ actions
    def start_action(self, action: Action) -> MessageDialog | None:
        """Open the step's dialog (None for a dimmed step, and for the conversion, which opens the form)."""
        if self.message_id is None or not self.action_buttons[action].isEnabled():
            return None
        if action is Action.CONVERT:
            self.convertRequested.emit(self.message_id)
            return None
        self.dialog = DIALOGS[action](self.message_id, self._actor(), self._calendar, self._now, self)
        self.dialog.performed.connect(self._performed)
        self.dialog.open()
        return self.dialog

    def _performed(self, message_id: int) -> None:
        self.reload()
        self.messageChanged.emit(message_id)
