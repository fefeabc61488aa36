"""One request: every recorded field, its deadlines, the steps possible now, its history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import clock, long_date
from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office
from ppid_desk.register.codes import (
    Channel, Decision, DeliveryForm, DeliveryMethod, ObtainMethod, Status,
)
from ppid_desk.register.lifecycle import Action, available
from ppid_desk.register.queries import NOTICE_OWED
from ppid_desk.register.service import events_of, get_request, state_of
from ppid_desk.store import Store
from ppid_desk.store.models import Request, RequestUnit, Unit
from ppid_desk.workdays import load_calendar

from ..dip.request_box import RequestDipBox
from ..objections.request_box import RequestObjectionsBox
from ..access import REQUEST_STEPS
from ..session import current_actor
from ..widgets.detail_page import RecordDetailPage
from .action_dialogs import DIALOGS, ActionDialog
from .attachments_view import AttachmentsBox
from .deadline_view import DeadlinesBox, deadline_rows
from .documents_view import DocumentsBox
from .event_text import pasal17_text, rupiah
from .timeline_model import TimelineModel


class DetailPage(RecordDetailPage):
    HISTORY_SHARE = 0.45
    STEPS = REQUEST_STEPS

    requestChanged = Signal(int)
    objectionRequested = Signal(int)  # "Ajukan keberatan": the objection form for this request
    openObjection = Signal(int)
    openDipEntry = Signal(int)  # the DIP entry the request is linked to was clicked

    def __init__(self, store: Store | None = None, actor: Callable[[], str] = current_actor,
                 now: Callable[[], datetime] | None = None, calendar: Callable[[], WorkingCalendar] = load_calendar,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        data_dir: Path | None = store.data_dir if store is not None else None
        self.request_id: int | None = None
        self.dialog: ActionDialog | None = None

        head = self._build_head()

        self.requester_form = self._form()
        self.request_form = self._form()
        self.outcome_form = self._form()
        self.requester_group = self._group(self.tr("Pemohon"), self.requester_form)
        self.request_group = self._group(self.tr("Permohonan"), self.request_form)
        self.outcome_group = self._group(self.tr("Keputusan dan penyerahan"), self.outcome_form)
        # Without a store (a page built for a test of other parts) there is no data folder.
        self.attachments = AttachmentsBox(data_dir, actor, self._now)
        if data_dir is None:  # hide() only: setVisible(True) before the box has a parent shows it as a window
            self.attachments.hide()
        self.attachments.attached.connect(self._performed)
        self.dip = RequestDipBox(actor, self._now)
        self.dip.changed.connect(self._performed)
        self.dip.openEntry.connect(self.openDipEntry)
        fields = QVBoxLayout()
        for group in (self.requester_group, self.request_group, self.dip, self.attachments, self.outcome_group):
            fields.addWidget(group)
        self.objections = RequestObjectionsBox()
        self.objections.objectionRequested.connect(self.objectionRequested)
        self.objections.openObjection.connect(self.openObjection)
        fields.addWidget(self.objections)
        self.documents = DocumentsBox(actor, self._now)
        fields.addWidget(self.documents)
        fields.addStretch(1)

        self._build_timeline(TimelineModel(self), kind_width=190)
        self.deadlines = DeadlinesBox()
        self.actions_grid = self._build_actions(Action, self.start_action)
        self._assemble(head, fields, self.deadlines, right_width=440)

    # ------------------------------------------------------------------ showing
    def show_request(self, request_id: int) -> bool:
        try:
            row = get_request(request_id)
        except ValidationError as exc:
            self._show_error(exc.message)
            return False
        self.request_id = request_id
        self.general_error.hide()
        calendar = self._calendar()
        today = self._now().date()
        events = events_of(request_id)
        status = Status(row.status)
        self.title.setText(self.tr("Permohonan {0}").format(row.number))
        self._set_status(status.label, status.value)
        due = row.extended_due if row.extended else row.response_due
        subtitle = self.tr("{0} \u00b7 diterima {1} pukul {2}").format(
            row.requester.name, long_date(row.received_at.date()), clock(row.received_at))
        if row.status in NOTICE_OWED and due < today:
            late = calendar.working_days_between(due, today)
            subtitle += " \u00b7 " + self.tr("<span style='color:#b00020'><b>terlambat {0} hari kerja</b></span>") \
                .format(late)
        self.subtitle.setText(subtitle)
        self._fill_requester(row)
        self._fill_request(row)
        self._fill_outcome(row)
        self.attachments.show_request(request_id)
        self.documents.show_request(request_id)
        self.objections.show_request(row)
        self.dip.show_request(row)
        self.deadlines.show_rows(deadline_rows(row, events, calendar, load_office().completeness_days))
        self._enable_actions(available(state_of(row), today))
        self.timeline.load(request_id)
        self._fit_history()
        return True

    def reload(self) -> None:
        if self.request_id is not None:
            self.show_request(self.request_id)

    def _fill_requester(self, row: Request) -> None:
        rows = self._requester_rows(row.requester)
        if row.proxy_name:
            rows.append((self.tr("Kuasa"), self.tr("{0} (surat kuasa {1})").format(row.proxy_name, row.proxy_letter)))
        self._rows(self.requester_form, rows)

    def _fill_request(self, row: Request) -> None:
        routed = (RequestUnit.select(RequestUnit, Unit).join(Unit).where(RequestUnit.request == row.id)
                  .order_by(RequestUnit.id))
        units = "; ".join(f"{r.unit.name}" + (f" ({r.note})" if r.note else "") for r in routed)
        rows = [
            (self.tr("Nomor pendaftaran"), row.number),
            (self.tr("Diterima"), self.tr("{0} pukul {1}").format(long_date(row.received_at.date()),
                                                                  clock(row.received_at))),
            (self.tr("Saluran"), Channel(row.channel).label),
            (self.tr("Informasi yang diminta"), row.information),
            (self.tr("Tujuan penggunaan"), row.purpose),
            (self.tr("Cara memperoleh"), ObtainMethod(row.obtain_method).label),
            (self.tr("Cara mendapatkan salinan"), DeliveryMethod(row.delivery_method).label),
            (self.tr("Disposisi"), units),
            (self.tr("Dicatat oleh"), row.created_by),
        ]
        self._rows(self.request_form, rows)

    def _fill_outcome(self, row: Request) -> None:
        rows: list[tuple[str, str]] = []
        if row.decision:
            rows.append((self.tr("Keputusan"), Decision(row.decision).label))
            if row.decision_note:
                rows.append((self.tr("Catatan"), row.decision_note))
            if row.pasal17:
                rows.append((self.tr("Pasal 17 UU KIP"), pasal17_text(row.pasal17)))
            if row.other_statute:
                rows.append((self.tr("Undang-undang lain"), row.other_statute))
            if row.consequence_test:
                rows.append((self.tr("Uji konsekuensi"), row.consequence_test))
            if row.holder_body:
                rows.append((self.tr("Dikuasai oleh"), row.holder_body))
            if row.notice_date:
                rows.append((self.tr("Pemberitahuan tertulis"), long_date(row.notice_date)))
        if row.delivered_on:
            rows.append((self.tr("Diserahkan"), long_date(row.delivered_on)))
            if row.delivery_form:
                rows.append((self.tr("Bentuk"), DeliveryForm(row.delivery_form).label))
            if row.pages:
                rows.append((self.tr("Jumlah halaman"), str(row.pages)))
            rows.append((self.tr("Biaya"), rupiah(row.cost) + (f" ({row.payment_method})" if row.payment_method
                                                               else "")))
        if row.closed_on:
            rows.append((self.tr("Ditutup"), long_date(row.closed_on)))
        self._rows(self.outcome_form, rows)
        self.outcome_group.setVisible(bool(rows))

    # ------------------------------------------------------------------ actions
    def start_action(self, action: Action) -> ActionDialog | None:
        if self.request_id is None or not self.action_buttons[action].isEnabled():
            return None
        self.dialog = DIALOGS[action](self.request_id, self._actor(), self._calendar, self._now, self)
        self.dialog.performed.connect(self._performed)
        self.dialog.open()
        return self.dialog

    def _performed(self, request_id: int) -> None:
        self.reload()
        self.requestChanged.emit(request_id)
