"""A request's events as a table: when, what, who, and the details in words."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ppid_desk.dates import clock, short_date
from ppid_desk.register.codes import EventKind
from ppid_desk.register.service import event_data, events_of

from .event_text import describe_event

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    WHEN, KIND, ACTOR, DETAILS = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self.headers = (self.tr("Waktu"), self.tr("Peristiwa"), self.tr("Petugas"), self.tr("Rincian"))

    def load(self, request_id: int | None) -> None:
        self.beginResetModel()
        self._rows = []
        for event in events_of(request_id) if request_id else []:
            try:
                label = EventKind(event.kind).label
            except ValueError:
                label = event.kind
            when = f"{short_date(event.at.date())} {clock(event.at)}"
            self._rows.append((when, label, event.actor, describe_event(event.kind, event_data(event))))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
