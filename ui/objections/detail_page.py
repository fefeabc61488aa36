"""One objection: every recorded field, its deadlines, the legal steps possible now, its
history, and its documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import clock, long_date
from ppid_desk.errors import ValidationError
from ppid_desk.objections.codes import AWAITING_ANSWER, Decision, ObjectorResponse, Status
from ppid_desk.objections.lifecycle import Action, available
from ppid_desk.objections.service import events_of, get_objection, grounds_of, state_of
from ppid_desk.register.codes import Status as RequestStatus
from ppid_desk.store.models import Objection
from ppid_desk.workdays import load_calendar

from ..register.deadline_view import DeadlinesBox
from ..access import OBJECTION_STEPS
from ..session import current_actor
from ..widgets.detail_page import RecordDetailPage
from .action_dialogs import DIALOGS, ObjectionDialog
from .deadline_rows import objection_deadline_rows
from .documents import objection_documents_box
from .timeline_model import ObjectionTimelineModel


class ObjectionDetailPage(RecordDetailPage):
    STEPS = OBJECTION_STEPS
    objectionChanged = Signal(int)
    requestChanged = Signal(int)  # an overturning decision reopened the linked request
    openRequest = Signal(int)

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        self.objection_id: int | None = None
        self.request_id: int | None = None
        self.dialog: ObjectionDialog | None = None

        self.request_button = QPushButton()
        self.request_button.setObjectName("openRequest")
        self.request_button.clicked.connect(lambda: self.request_id and self.openRequest.emit(self.request_id))
        head = self._build_head(self.request_button)

        self.objector_form = self._form()
        self.objection_form = self._form()
        self.decision_form = self._form()
        self.after_form = self._form()
        self.objector_group = self._group(self.tr("Pemohon keberatan"), self.objector_form)
        self.objection_group = self._group(self.tr("Keberatan"), self.objection_form)
        self.decision_group = self._group(self.tr("Keputusan Atasan PPID"), self.decision_form)
        self.after_group = self._group(self.tr("Tanggapan dan sengketa"), self.after_form)
        fields = QVBoxLayout()
        for group in (self.objector_group, self.objection_group, self.decision_group, self.after_group):
            fields.addWidget(group)
        self.documents = objection_documents_box(actor, self._now)
        self.documents.issued.connect(self.objectionChanged)
        fields.addWidget(self.documents)
        fields.addStretch(1)

        self._build_timeline(ObjectionTimelineModel(self), kind_width=230)
        self.deadlines = DeadlinesBox()
        self._build_actions(Action, self.start_action)
        self._assemble(head, fields, self.deadlines, right_width=460)  # two columns of the longer step names

    # ------------------------------------------------------------------ showing
    def show_objection(self, objection_id: int) -> bool:
        try:
            row = get_objection(objection_id)
        except ValidationError as exc:
            self._show_error(exc.message)
            return False
        self.objection_id = objection_id
        self.request_id = row.request_id
        self.general_error.hide()
        calendar = self._calendar()
        today = self._now().date()
        status = Status(row.status)
        self.title.setText(self.tr("Keberatan {0}").format(row.number))
        self._set_status(status.label, status.value)
        subtitle = self.tr("{0} \u00b7 diterima {1} pukul {2}").format(
            row.requester.name, long_date(row.received_at.date()), clock(row.received_at))
        if status in AWAITING_ANSWER and row.answer_due < today:
            subtitle += " \u00b7 " + self.tr("<span style='color:#b00020'><b>jawaban Atasan PPID terlambat {0} hari "
                                             "kerja</b></span>").format(calendar.working_days_between(row.answer_due,
                                                                                                      today))
        if row.late_filing:
            subtitle += " \u00b7 " + self.tr("diajukan lewat batas 30 hari kerja")
        self.subtitle.setText(subtitle)
        if row.request is not None:
            self.request_button.setText(self.tr("Permohonan {0} ({1}) \u2192").format(
                row.request.number, RequestStatus(row.request.status).label.lower()))
            self.request_button.setToolTip(self.tr("Buka detail permohonan yang diajukan keberatannya"))
        self.request_button.setVisible(row.request is not None)
        self._fill_objector(row)
        self._fill_objection(row)
        self._fill_decision(row)
        self._fill_after(row)
        self.documents.show_record(objection_id)
        events = events_of(objection_id)
        self.deadlines.show_rows(objection_deadline_rows(row, events, calendar, today))
        self._enable_actions(available(state_of(row), today))
        self.timeline.load(objection_id)
        self._fit_history()
        return True

    def reload(self) -> None:
        if self.objection_id is not None:
            self.show_objection(self.objection_id)

    def _fill_objector(self, row: Objection) -> None:
        rows = self._requester_rows(row.requester)
        rows.append((self.tr("Diajukan oleh"),
                     self.tr("Kuasa: {0} (surat kuasa {1})").format(row.proxy_name, row.proxy_letter)
                     if row.proxy_name else self.tr("Pemohon sendiri")))
        self._rows(self.objector_form, rows)

    def _fill_objection(self, row: Objection) -> None:
        grounds = "\n".join(f"{g.value}. {g.label}" for g in grounds_of(row))
        if row.request is not None:
            request = row.request.number
        else:
            request = self.tr("Tidak tercatat di register") + (f" ({row.request_reference})"
                                                                if row.request_reference else "")
        rows = [
            (self.tr("Nomor"), row.number),
            (self.tr("Diterima"), self.tr("{0} pukul {1}").format(long_date(row.received_at.date()),
                                                                  clock(row.received_at))),
            (self.tr("Permohonan"), request),
            (self.tr("Informasi yang diminta"), row.information),
            (self.tr("Tujuan penggunaan"), row.purpose),
            (self.tr("Alasan (Pasal 35 ayat 1)"), grounds),
            (self.tr("Kasus posisi"), row.case_summary),
        ]
        if row.late_filing:
            rows.append((self.tr("Batas pengajuan"), self.tr("Diajukan lewat 30 hari kerja sejak alasan timbul; "
                                                             "Atasan PPID yang menilai.")))
        rows.append((self.tr("Dicatat oleh"), row.created_by))
        self._rows(self.objection_form, rows)

    def _fill_decision(self, row: Objection) -> None:
        rows: list[tuple[str, str]] = []
        if row.decision:
            rows.append((self.tr("Keputusan"), Decision(row.decision).label))
            rows.append((self.tr("Pertimbangan"), row.decision_reasons))
            if row.order_text:
                rows.append((self.tr("Perintah kepada PPID"), row.order_text))
            if row.decided_on:
                rows.append((self.tr("Tanggal"), long_date(row.decided_on)))
            rows.append((self.tr("Atasan PPID"), ", ".join(x for x in (row.atasan_name, row.atasan_title) if x)))
        self._rows(self.decision_form, rows)
        self.decision_group.setVisible(bool(rows))

    def _fill_after(self, row: Objection) -> None:
        rows: list[tuple[str, str]] = []
        if row.response_handed_on:
            rows.append((self.tr("Tanggapan diserahkan"), long_date(row.response_handed_on)))
        if row.objector_response:
            rows.append((self.tr("Tanggapan pemohon"), ObjectorResponse(row.objector_response).label))
        if row.dispute_number:
            registered = f" ({long_date(row.dispute_registered_on)})" if row.dispute_registered_on else ""
            rows.append((self.tr("Registrasi sengketa"), row.dispute_number + registered))
        if row.dispute_outcome:
            rows.append((self.tr("Putusan sengketa"), row.dispute_outcome))
        if row.closed_on:
            rows.append((self.tr("Ditutup") if row.status == Status.CLOSED.value else self.tr("Ditarik"),
                         long_date(row.closed_on)))
        self._rows(self.after_form, rows)
        self.after_group.setVisible(bool(rows))

    # ------------------------------------------------------------------ actions
    def start_action(self, action: Action) -> ObjectionDialog | None:
        if self.objection_id is None or not self.action_buttons[action].isEnabled():
            return None
        self.dialog = DIALOGS[action](self.objection_id, self._actor(), self._calendar, self._now, self)
        self.dialog.performed.connect(self._performed)
        self.dialog.open()
        return self.dialog

    def _performed(self, objection_id: int) -> None:
        self.reload()
        self.objectionChanged.emit(objection_id)
        if self.request_id is not None:
            self.requestChanged.emit(self.request_id)
