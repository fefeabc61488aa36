"""Beranda's work lists (overdue, due today, ...) as small table models."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ppid_desk.dates import short_date
from ppid_desk.store.models import Request

Index = QModelIndex | QPersistentModelIndex
LATE_COLOUR = QColor("#b00020")


@dataclass(frozen=True)
class WorkItem:
    request_id: int
    number: str
    received: str
    name: str
    information: str
    due: str
    note: str


def work_item(row: Request, note: str, due=None) -> WorkItem:
    due = due if due is not None else (row.extended_due if row.extended else row.response_due)
    information = " ".join((row.information or "").split())
    return WorkItem(row.id, row.number, short_date(row.received_at.date()), row.requester.name, information,
                    short_date(due), note)


class WorklistModel(QAbstractTableModel):
    NO, RECEIVED, NAME, INFORMATION, DUE, NOTE = range(6)

    def __init__(self, due_title: str = "", warn: bool = False, parent=None):
        super().__init__(parent)
        self.items: list[WorkItem] = []
        self._warn = warn
        self.headers = (self.tr("No"), self.tr("Diterima"), self.tr("Pemohon"), self.tr("Informasi yang diminta"),
                        due_title or self.tr("Tenggat"), self.tr("Keterangan"))

    def set_items(self, items: list[WorkItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def request_id(self, row: int) -> int | None:
        return self.items[row].request_id if 0 <= row < len(self.items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 6:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.number, item.received, item.name, item.information, item.due, item.note)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.INFORMATION:
            return item.information
        if role == Qt.ItemDataRole.ForegroundRole and self._warn and index.column() in (self.DUE, self.NOTE):
            return LATE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return item.request_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
