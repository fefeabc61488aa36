"""One DIP entry: its Perki columns, the classification decision of an excluded entry, the
requests linked to it (a click opens one), what can be done with it and its history."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QGroupBox, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ppid_desk.dates import clock, long_date, plain_date, short_date
from ppid_desk.dip.codes import InfoClass, pasal17_text
from ppid_desk.dip.queries import get_entry, holder_text, linked_count, linked_requests
from ppid_desk.errors import ValidationError
from ppid_desk.register.codes import Status
from ppid_desk.store.models import DipEntry, Request

from ..session import current_actor
from ..widgets.detail_page import RecordDetailPage
from ..widgets.field_errors import error_label
from ..widgets.list_model import ListTableModel
from .badges import COLOURS
from .entry_dialogs import EntryStepDialog, ReactivateDialog, RetireDialog
from .history import DipHistoryModel

LINKED_SHOWN = 200  # the newest; an entry asked for every week has hundreds over the years
LINKED_ROWS_VISIBLE = 8


def moment(at: datetime) -> str:
    return f"{long_date(at.date())} pukul {clock(at)}"


class LinkedRequestsModel(ListTableModel[Request]):
    NUMBER, RECEIVED, REQUESTER, STATUS = range(4)

    def __init__(self, parent=None):
        super().__init__((self.tr("Nomor"), self.tr("Diterima"), self.tr("Pemohon"), self.tr("Status")), parent)

    def display(self, row: Request, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.RECEIVED:
            return short_date(row.received_at.date())
        if column == self.REQUESTER:
            return row.requester.name
        return Status(row.status).label

    def role_data(self, row: Request, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}: {1}").format(row.number, " ".join(row.information.split())[:300])
        return row.id if role == Qt.ItemDataRole.UserRole else None


class EntryDetailPage(RecordDetailPage):
    entryChanged = Signal(int)
    editRequested = Signal(int)
    openRequest = Signal(int)

    HISTORY_SHARE = 0.35

    def __init__(self, actor: Callable[[], str] = current_actor, now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._actor, self._now = actor, now or datetime.now
        self.entry_id: int | None = None
        self.dialog: EntryStepDialog | None = None

        head = self._build_head()
        self.entry_form = self._form()
        self.decision_form = self._form()
        self.entry_group = self._group(self.tr("Entri DIP"), self.entry_form)
        self.decision_group = self._group(self.tr("Keputusan pengecualian"), self.decision_form)
        fields = QVBoxLayout()
        fields.addWidget(self.entry_group)
        fields.addWidget(self.decision_group)
        fields.addStretch(1)

        self._build_timeline(DipHistoryModel(self), kind_width=170)
        self.actions_group = QGroupBox(self.tr("Tindakan"))
        grid = QGridLayout(self.actions_group)
        self.edit_button = QPushButton(self.tr("&Ubah\u2026"))
        self.edit_button.setObjectName("editEntry")
        self.edit_button.clicked.connect(lambda: self.entry_id and self.editRequested.emit(self.entry_id))
        self.retire_button = QPushButton(self.tr("&Nonaktifkan\u2026"))
        self.retire_button.setObjectName("retireEntry")
        self.retire_button.clicked.connect(self.start_retire)
        self.reactivate_button = QPushButton(self.tr("&Aktifkan kembali\u2026"))
        self.reactivate_button.setObjectName("reactivateEntry")
        self.reactivate_button.clicked.connect(self.start_reactivate)
        grid.addWidget(self.edit_button, 0, 0)
        grid.addWidget(self.retire_button, 0, 1)
        grid.addWidget(self.reactivate_button, 0, 1)
        self.general_error = error_label()
        self._assemble(head, fields, self._linked_box(), right_width=520)

    def _linked_box(self) -> QGroupBox:
        self.linked_group = QGroupBox(self.tr("Permohonan terkait"))
        self.linked_note = QLabel()
        self.linked_note.setObjectName("hint")
        self.linked_note.setWordWrap(True)
        self.linked = LinkedRequestsModel(self)
        self.linked_view = QTableView()
        self.linked_view.setObjectName("linkedRequests")
        self.linked_view.setModel(self.linked)
        self.linked_view.verticalHeader().hide()
        self.linked_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linked_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.linked_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linked_view.setWordWrap(False)
        self.linked_view.setTabKeyNavigation(False)
        self.linked_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.linked_view.horizontalHeader()
        for column, width in ((LinkedRequestsModel.NUMBER, 136), (LinkedRequestsModel.RECEIVED, 80),
                              (LinkedRequestsModel.STATUS, 132)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(LinkedRequestsModel.REQUESTER, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.linked_view.clicked.connect(self._open_request)
        self.linked_view.activated.connect(self._open_request)
        box = QVBoxLayout(self.linked_group)
        box.addWidget(self.linked_note)
        box.addWidget(self.linked_view)
        return self.linked_group

    # ------------------------------------------------------------------ showing
    def show_entry(self, entry_id: int) -> bool:
        try:
            entry = get_entry(entry_id)
        except ValidationError as exc:
            self._show_error(exc.message)
            return False
        self.entry_id = entry.id
        self.general_error.hide()
        info_class = InfoClass(entry.info_class)
        self.title.setText(self.tr("Entri DIP"))
        back, fore = COLOURS[info_class]
        self.status.setText(info_class.label)
        self.status.setStyleSheet(f"QLabel#statusChip {{ background: {back}; color: {fore}; }}")
        subtitle = self.tr("dicatat {0} oleh {1}").format(moment(entry.created_at), html.escape(entry.created_by))
        if entry.updated_at != entry.created_at:
            subtitle += " \u00b7 " + self.tr("terakhir diubah {0} oleh {1}").format(
                moment(entry.updated_at), html.escape(entry.updated_by))
        if not entry.active:
            subtitle = self.tr("<span style='color:#b00020'><b>Nonaktif</b>: tidak tampil di DIP dan tidak "
                               "diusulkan</span>") + " \u00b7 " + subtitle
        self.subtitle.setText(subtitle)
        self._fill(entry)
        self.retire_button.setVisible(entry.active)
        self.reactivate_button.setVisible(not entry.active)
        self._fill_linked(entry.id)
        self.timeline.load(entry.id)
        self._fit_history()
        return True

    def reload(self) -> None:
        if self.entry_id is not None:
            self.show_entry(self.entry_id)

    def _fill(self, entry: DipEntry) -> None:
        self._rows(self.entry_form, [
            (self.tr("Ringkasan isi informasi"), entry.summary),
            (self.tr("Klasifikasi"), InfoClass(entry.info_class).heading),
            (self.tr("Unit/pejabat yang menguasai"), holder_text(entry)),
            (self.tr("Penanggung jawab"), entry.official),
            (self.tr("Waktu dan tempat pembuatan"), entry.made),
            (self.tr("Format"), entry.format),
            (self.tr("Jangka waktu penyimpanan"), entry.retention),
        ])
        excluded = InfoClass(entry.info_class) is InfoClass.EXCLUDED
        if excluded:
            number = entry.decision_number
            if entry.decision_date:
                number = self.tr("{0}, tanggal {1}").format(number or "\u2014", plain_date(entry.decision_date))
            self._rows(self.decision_form, [
                (self.tr("Dasar pengecualian"), pasal17_text(entry.pasal17) + self.tr(" UU KIP")),
                (self.tr("Dasar hukum lain"), entry.other_statute),
                (self.tr("Uji konsekuensi"), entry.consequence),
                (self.tr("Jangka waktu pengecualian"), entry.exclusion_period),
                (self.tr("PPID yang memutuskan"), entry.decided_by),
                (self.tr("Nomor dan tanggal keputusan"), number),
            ])
        self.decision_group.setVisible(excluded)

    def _fill_linked(self, entry_id: int) -> None:
        total = linked_count(entry_id)
        rows = linked_requests(entry_id, limit=LINKED_SHOWN, newest_first=True) if total else []
        self.linked.set_rows(rows)
        self.linked_group.setTitle(self.tr("Permohonan terkait ({0})").format(total) if total
                                   else self.tr("Permohonan terkait"))
        if not total:
            self.linked_note.setText(self.tr("Belum ada permohonan yang dikaitkan dengan entri ini."))
        elif total > len(rows):
            self.linked_note.setText(self.tr("{0} permohonan terbaru dari {1}; klik untuk membuka.").format(
                len(rows), total))
        else:
            self.linked_note.setText(self.tr("Terbaru di atas; klik untuk membuka."))
        self.linked_view.setVisible(bool(total))
        visible = min(len(rows), LINKED_ROWS_VISIBLE)
        height = (visible * self.linked_view.verticalHeader().defaultSectionSize()
                  + self.linked_view.horizontalHeader().sizeHint().height() + 2 * self.linked_view.frameWidth())
        self.linked_view.setFixedHeight(height)

    def _open_request(self, index: QModelIndex) -> None:
        row = self.linked.row(index.row())
        if row is not None:
            self.openRequest.emit(row.id)

    # ------------------------------------------------------------------ actions
    def start_retire(self) -> RetireDialog | None:
        return self._start(RetireDialog)

    def start_reactivate(self) -> ReactivateDialog | None:
        return self._start(ReactivateDialog)

    def _start(self, kind: type[EntryStepDialog]):
        if self.entry_id is None:
            return None
        self.dialog = kind(self.entry_id, self._actor(), self._now, self)
        self.dialog.performed.connect(self._performed)
        self.dialog.open()
        return self.dialog

    def _performed(self, entry_id: int) -> None:
        self.reload()
        self.entryChanged.emit(entry_id)
