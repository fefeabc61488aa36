"""One objection: every recorded field, its deadlines, the legal steps possible now, its
history, and its documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import clock, long_date
from ppid_desk.errors import ValidationError
from ppid_desk.objections.codes import AWAITING_ANSWER, Decision, ObjectorResponse, Status
from ppid_desk.objections.lifecycle import Action, available
from ppid_desk.objections.service import events_of, get_objection, grounds_of, state_of
from ppid_desk.register.codes import RequesterKind, Status as RequestStatus
from ppid_desk.store.models import Objection
from ppid_desk.workdays import load_calendar

from ..register.deadline_view import DeadlinesBox
from ..register.timeline_model import TimelineModel
from ..session import current_actor
from ..widgets.field_errors import error_label
from ..widgets.scroll_page import scroll_page
from .action_dialogs import DIALOGS, ObjectionDialog
from .deadline_rows import objection_deadline_rows
from .documents import objection_documents_box
from .timeline_model import ObjectionTimelineModel


class ObjectionDetailPage(QWidget):
    backRequested = Signal()
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

        self.back_button = QPushButton(self.tr("\u2190 Kembali"))
        self.back_button.setToolTip(self.tr("Kembali (Esc)"))
        self.back_button.clicked.connect(self.backRequested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.backRequested)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("statusChip")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.subtitle.setWordWrap(True)
        self.request_button = QPushButton()
        self.request_button.setObjectName("openRequest")
        self.request_button.clicked.connect(lambda: self.request_id and self.openRequest.emit(self.request_id))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        head.addWidget(self.request_button)
        head.addWidget(self.back_button)

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
        scroll = scroll_page(fields)

        self.timeline = ObjectionTimelineModel(self)
        self.timeline_view = QTableView()
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.timeline_view.horizontalHeader()
        for column, width in ((TimelineModel.WHEN, 120), (TimelineModel.KIND, 230), (TimelineModel.ACTOR, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(TimelineModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.timeline_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_title = QLabel(self.tr("Riwayat"))
        history_title.setObjectName("sectionTitle")

        self.deadlines = DeadlinesBox()
        self.actions_group = QGroupBox(self.tr("Langkah berikutnya"))
        actions_grid = QGridLayout(self.actions_group)
        self.action_buttons: dict[Action, QPushButton] = {}
        for i, action in enumerate(Action):
            button = QPushButton(self.tr(action.label))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            actions_grid.addWidget(button, i // 2, i % 2)
            self.action_buttons[action] = button
        self.action_note = QLabel(self.tr("Tombol yang redup belum dapat dipakai pada tahap ini; arahkan "
                                          "tetikus ke tombol untuk melihat alasannya."))
        self.action_note.setObjectName("hint")
        self.action_note.setWordWrap(True)
        actions_grid.addWidget(self.action_note, len(Action) // 2 + 1, 0, 1, 2)
        self.general_error = error_label()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 4, 0)
        right.addWidget(self.actions_group)
        right.addWidget(self.deadlines)
        right.addWidget(self.general_error)
        right.addStretch(1)
        right_scroll = scroll_page(right)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setFixedWidth(460)  # two columns of the longer step names

        top = QWidget()
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.setSpacing(16)
        top_row.addWidget(scroll, 1)
        top_row.addWidget(right_scroll)
        history = QWidget()
        history_box = QVBoxLayout(history)
        history_box.setContentsMargins(0, 8, 0, 0)
        history_box.addWidget(history_title)
        history_box.addWidget(self.timeline_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _group(self, title: str, form: QFormLayout) -> QGroupBox:
        group = QGroupBox(title)
        group.setLayout(form)
        return group

    # ------------------------------------------------------------------ showing
    def show_objection(self, objection_id: int) -> bool:
        try:
            row = get_objection(objection_id)
        except ValidationError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return False
        self.objection_id = objection_id
        self.request_id = row.request_id
        self.general_error.hide()
        calendar = self._calendar()
        today = self._now().date()
        status = Status(row.status)
        self.title.setText(self.tr("Keberatan {0}").format(row.number))
        self.status.setText(status.label)
        self.status.setProperty("state", status.value)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
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
        for state in available(state_of(row), today):
            button = self.action_buttons[state.action]
            button.setEnabled(state.allowed)
            button.setToolTip("" if state.allowed else state.reason)
        self.timeline.load(objection_id)
        self._fit_history()
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_history()

    def _fit_history(self) -> None:
        """Give the history the height its rows need (within limits); the rest to the data."""
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total <= 0:
            return
        view = self.timeline_view
        view.resizeRowsToContents()
        rows = sum(view.rowHeight(r) for r in range(self.timeline.rowCount()))
        wanted = rows + view.horizontalHeader().height() + 48
        history = max(150, min(wanted, int(total * 0.4)))
        self.splitter.setSizes([total - history, history])

    def reload(self) -> None:
        if self.objection_id is not None:
            self.show_objection(self.objection_id)

    def _rows(self, form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for caption, value in rows:
            label = QLabel(value if value else "\u2014")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, label)

    def _fill_objector(self, row: Objection) -> None:
        person = row.requester
        kind = RequesterKind(person.kind)
        rows = [(self.tr("Jenis"), kind.label), (self.tr("Nama"), person.name)]
        if kind is RequesterKind.LEGAL_BODY:
            rows.append((self.tr("Nomor SK/akta"), person.legal_number))
        else:
            rows.append((self.tr("NIK"), person.nik or ""))
        rows += [(self.tr("Alamat"), person.address), (self.tr("Pekerjaan"), person.occupation),
                 (self.tr("Telepon"), person.phone), (self.tr("Email"), person.email)]
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
