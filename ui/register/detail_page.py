"""One request: every recorded field, its deadlines, the steps possible now, its history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import clock, long_date
from ppid_desk.errors import ValidationError
from ppid_desk.office import load_office
from ppid_desk.register.codes import (
    Channel, Decision, DeliveryForm, DeliveryMethod, ObtainMethod, RequesterKind, Status,
)
from ppid_desk.register.lifecycle import Action, available
from ppid_desk.register.queries import NOTICE_OWED
from ppid_desk.register.service import events_of, get_request, state_of
from ppid_desk.store import Store
from ppid_desk.store.models import Request, RequestUnit, Unit
from ppid_desk.workdays import load_calendar

from ..objections.request_box import RequestObjectionsBox
from ..session import current_actor
from ..widgets.field_errors import error_label
from ..widgets.scroll_page import scroll_page
from .action_dialogs import DIALOGS, ActionDialog
from .attachments_view import AttachmentsBox
from .deadline_view import DeadlinesBox, deadline_rows
from .documents_view import DocumentsBox
from .event_text import pasal17_text, rupiah
from .timeline_model import TimelineModel


class DetailPage(QWidget):
    backRequested = Signal()
    requestChanged = Signal(int)
    objectionRequested = Signal(int)  # "Ajukan keberatan": the objection form for this request
    openObjection = Signal(int)

    def __init__(self, store: Store | None = None, actor: Callable[[], str] = current_actor,
                 now: Callable[[], datetime] | None = None, calendar: Callable[[], WorkingCalendar] = load_calendar,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now, self._calendar = actor, now or datetime.now, calendar
        data_dir: Path | None = store.data_dir if store is not None else None
        self.request_id: int | None = None
        self.dialog: ActionDialog | None = None

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
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        head.addWidget(self.back_button)

        self.requester_form = self._form()
        self.request_form = self._form()
        self.outcome_form = self._form()
        self.requester_group = self._group(self.tr("Pemohon"), self.requester_form)
        self.request_group = self._group(self.tr("Permohonan"), self.request_form)
        self.outcome_group = self._group(self.tr("Keputusan dan penyerahan"), self.outcome_form)
        # Without a store (a page built for a test of other parts) there is no data folder.
        self.attachments = AttachmentsBox(data_dir, actor, self._now)
        self.attachments.setVisible(data_dir is not None)
        self.attachments.attached.connect(self._performed)
        fields = QVBoxLayout()
        for group in (self.requester_group, self.request_group, self.attachments, self.outcome_group):
            fields.addWidget(group)
        self.objections = RequestObjectionsBox()
        self.objections.objectionRequested.connect(self.objectionRequested)
        self.objections.openObjection.connect(self.openObjection)
        fields.addWidget(self.objections)
        self.documents = DocumentsBox(actor, self._now)
        fields.addWidget(self.documents)
        fields.addStretch(1)
        scroll = scroll_page(fields)

        self.timeline = TimelineModel(self)
        self.timeline_view = QTableView()
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.timeline_view.horizontalHeader()
        for column, width in ((TimelineModel.WHEN, 120), (TimelineModel.KIND, 190), (TimelineModel.ACTOR, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(TimelineModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.timeline_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_title = QLabel(self.tr("Riwayat"))
        history_title.setObjectName("sectionTitle")

        self.deadlines = DeadlinesBox()
        self.actions_group = QGroupBox(self.tr("Langkah berikutnya"))
        self.actions_grid = QGridLayout(self.actions_group)
        self.action_buttons: dict[Action, QPushButton] = {}
        for i, action in enumerate(Action):
            button = QPushButton(self.tr(action.label))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.actions_grid.addWidget(button, i // 2, i % 2)
            self.action_buttons[action] = button
        self.action_note = QLabel(self.tr("Tombol yang redup belum dapat dipakai pada tahap ini; arahkan "
                                          "tetikus ke tombol untuk melihat alasannya."))
        self.action_note.setObjectName("hint")
        self.action_note.setWordWrap(True)
        self.actions_grid.addWidget(self.action_note, 5, 0, 1, 2)
        self.general_error = error_label()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 4, 0)
        right.addWidget(self.actions_group)
        right.addWidget(self.deadlines)
        right.addWidget(self.general_error)
        right.addStretch(1)
        right_scroll = scroll_page(right)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setFixedWidth(440)

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
    def show_request(self, request_id: int) -> bool:
        try:
            row = get_request(request_id)
        except ValidationError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return False
        self.request_id = request_id
        self.general_error.hide()
        calendar = self._calendar()
        today = self._now().date()
        events = events_of(request_id)
        status = Status(row.status)
        self.title.setText(self.tr("Permohonan {0}").format(row.number))
        self.status.setText(status.label)
        self.status.setProperty("state", status.value)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
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
        self.deadlines.show_rows(deadline_rows(row, events, calendar, load_office().completeness_days))
        for state in available(state_of(row), today):
            button = self.action_buttons[state.action]
            button.setEnabled(state.allowed)
            button.setToolTip("" if state.allowed else state.reason)
        self.timeline.load(request_id)
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
        history = max(150, min(wanted, int(total * 0.45)))
        self.splitter.setSizes([total - history, history])

    def reload(self) -> None:
        if self.request_id is not None:
            self.show_request(self.request_id)

    def _rows(self, form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for caption, value in rows:
            label = QLabel(value if value else "\u2014")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, label)

    def _fill_requester(self, row: Request) -> None:
        person = row.requester
        kind = RequesterKind(person.kind)
        rows = [(self.tr("Jenis"), kind.label), (self.tr("Nama"), person.name)]
        if kind is RequesterKind.LEGAL_BODY:
            rows.append((self.tr("Nomor SK/akta"), person.legal_number))
        else:
            rows.append((self.tr("NIK"), person.nik or ""))
        rows += [(self.tr("Alamat"), person.address), (self.tr("Pekerjaan"), person.occupation),
                 (self.tr("Telepon"), person.phone), (self.tr("Email"), person.email)]
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
