"""The "Keberatan" section of a request's detail: "Ajukan keberatan" and the request's
objections (number, received, status), a click opening one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ppid_desk.accounts.roles import Permission
from ppid_desk.dates import short_date
from ppid_desk.objections import queries
from ppid_desk.objections.codes import Status
from ppid_desk.register.codes import Status as RequestStatus
from ppid_desk.store.models import Objection, Request

from ..access import refusal_of
from ..widgets.fitted_table import FittedTable
from ..widgets.list_model import ListTableModel


class RequestObjectionsModel(ListTableModel[Objection]):
    NUMBER, RECEIVED, STATUS = range(3)

    def __init__(self, parent=None):
        super().__init__((self.tr("Nomor keberatan"), self.tr("Diterima"), self.tr("Status")), parent)

    def display(self, row: Objection, column: int) -> str:
        return (row.number, short_date(row.received_at.date()), Status(row.status).label)[column]

    def role_data(self, row: Objection, column: int, role: int):
        return row.id if role == Qt.ItemDataRole.UserRole else None


class RequestObjectionsBox(QGroupBox):
    objectionRequested = Signal(int)  # the request's id: open the objection form for it
    openObjection = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Keberatan"), parent)
        self.request_id: int | None = None
        self.new_button = QPushButton(self.tr("Ajukan keberatan\u2026"))
        self.new_button.setObjectName("fileObjection")
        self.new_button.clicked.connect(lambda: self.request_id and self.objectionRequested.emit(self.request_id))
        self.empty = QLabel(self.tr("Belum ada keberatan atas permohonan ini."))
        self.empty.setObjectName("hint")
        self.model = RequestObjectionsModel(self)
        self.table = FittedTable(self.model, "requestObjections",
                                 ((RequestObjectionsModel.NUMBER, 190), (RequestObjectionsModel.RECEIVED, 90)),
                                 stretch=RequestObjectionsModel.STATUS)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        bar = QHBoxLayout()
        bar.addWidget(self.empty, 1)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def show_request(self, row: Request) -> None:
        self.request_id = row.id
        withdrawn = row.status == RequestStatus.WITHDRAWN.value
        refused = refusal_of((Permission.REGISTER_OBJECTION,))
        self.new_button.setEnabled(not withdrawn and refused is None)
        self.new_button.setToolTip(
            self.tr("Permohonan ini ditarik pemohon; keberatan tidak dapat diajukan.") if withdrawn else refused or
            self.tr("Catat keberatan pemohon kepada Atasan PPID; formulir terisi dari permohonan ini"))
        self.model.set_rows(queries.for_request(row.id))
        count = self.model.rowCount()
        self.setTitle(self.tr("Keberatan ({0})").format(count) if count else self.tr("Keberatan"))
        self.table.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        self.table.fit()

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.openObjection.emit(row.id)
