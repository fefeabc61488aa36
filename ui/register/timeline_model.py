"""A request's events as a table: when, what, who, and the details in words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ppid_desk.dates import clock, short_date
from ppid_desk.register.codes import EventKind
from ppid_desk.register.service import event_data, events_of

from ..widgets.list_model import ListTableModel
from .event_text import describe_event


class TimelineModel(ListTableModel[tuple[str, str, str, str]]):
    WHEN, KIND, ACTOR, DETAILS = range(4)

    def __init__(self, parent=None):
        super().__init__((self.tr("Waktu"), self.tr("Peristiwa"), self.tr("Petugas"), self.tr("Rincian")), parent)

    def load(self, request_id: int | None) -> None:
        rows = []
        for event in events_of(request_id) if request_id else []:
            try:
                label = EventKind(event.kind).label
            except ValueError:
                label = event.kind
            when = f"{short_date(event.at.date())} {clock(event.at)}"
            rows.append((when, label, event.actor, describe_event(event.kind, event_data(event))))
        self.set_rows(rows)

    def display(self, row: tuple[str, str, str, str], column: int) -> str:
        return row[column]

    def role_data(self, row: tuple[str, str, str, str], column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return row[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
