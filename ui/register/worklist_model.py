"""Beranda's work lists (overdue, due today, ...) as small table models; a list holds
requests, objections or inbox messages."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ppid_desk.dates import short_date
from ppid_desk.store.models import Request

from ..widgets.list_model import ListTableModel

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
    objection: bool = False  # the item is an objection (``request_id`` holds its id)
    message: bool = False  # the item is an inbox message (``request_id`` holds its id)


def work_item(row: Request, note: str, due=None) -> WorkItem:
    due = due if due is not None else (row.extended_due if row.extended else row.response_due)
    information = " ".join((row.information or "").split())
    return WorkItem(row.id, row.number, short_date(row.received_at.date()), row.requester.name, information,
                    short_date(due), note)


class WorklistModel(ListTableModel[WorkItem]):
    NO, RECEIVED, NAME, INFORMATION, DUE, NOTE = range(6)

    def __init__(self, due_title: str = "", warn: bool = False, parent=None):
        super().__init__((self.tr("No"), self.tr("Diterima"), self.tr("Pemohon"), self.tr("Informasi yang diminta"),
                          due_title or self.tr("Tenggat"), self.tr("Keterangan")), parent)
        self._warn = warn

    def request_id(self, row: int) -> int | None:
        item = self.row(row)
        return item.request_id if item is not None else None

    def display(self, item: WorkItem, column: int) -> str:
        return (item.number, item.received, item.name, item.information, item.due, item.note)[column]

    def role_data(self, item: WorkItem, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == self.INFORMATION:
            return item.information
        if role == Qt.ItemDataRole.ForegroundRole and self._warn and column in (self.DUE, self.NOTE):
            return LATE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return item.request_id
        return None
