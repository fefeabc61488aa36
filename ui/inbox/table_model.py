"""The inbox register as a table model: every message that matches, held in memory.

An office records a few hundred messages a year, so the list is read whole from
:func:`ppid_desk.inbox.queries.find_messages` (the search and the filters run in SQL)
and, as the register keberatan does, the model sorts its own rows by a key computed
once per cell (no QSortFilterProxyModel calling ``data()`` for every comparison).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.inbox.codes import OPEN, MessageKind, Status
from ppid_desk.inbox.queries import find_messages
from ppid_desk.register.codes import Channel
from ppid_desk.store.models import InboxMessage

from ..widgets.list_model import ListTableModel

LATE_COLOUR = QColor("#b00020")
TEXT_CHARS = 140  # the message in the table; the whole of it is the cell's tooltip
TOOLTIP_CHARS = 1200
_OPEN = {s.value for s in OPEN}
# The kind in the table, in a word (the detail and the filter say "Permohonan informasi").
SHORT_KIND = {MessageKind.REQUEST: "Permohonan"}


@dataclass(frozen=True)
class MessageFilter:
    """What the page shows; empty values mean "all"."""

    text: str = ""
    status: Status | None = None
    kind: MessageKind | None = None
    open_only: bool = False


@dataclass(frozen=True)
class MessageRow:
    id: int
    cells: tuple[str, ...]
    keys: tuple[Any, ...]  # the sort key of every column
    late_days: int  # working days past the answer deadline (open messages only)
    text: str  # the whole message, squashed, for the tooltip


def _day(day: date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def shortened(text: str, limit: int = TEXT_CHARS) -> str:
    squashed = " ".join((text or "").split())
    return squashed if len(squashed) <= limit else squashed[:limit - 1] + "\u2026"


def text_tooltip(text: str) -> str:
    """A long text as a tooltip Qt wraps (rich text), cut after :data:`TOOLTIP_CHARS`."""
    return f"<p>{html.escape(shortened(text, TOOLTIP_CHARS))}</p>"


class MessageTableModel(ListTableModel[MessageRow]):
    NO, RECORDED, CHANNEL, KIND, SENDER, TEXT, STATUS, DUE = range(8)

    def __init__(self, parent=None):
        super().__init__((self.tr("Nomor"), self.tr("Dicatat"), self.tr("Saluran"), self.tr("Jenis"),
                          self.tr("Pengirim"), self.tr("Isi"), self.tr("Status"), self.tr("Batas jawab")), parent)
        self.filter = MessageFilter()
        self.sort_column = self.NO
        self.sort_order = Qt.SortOrder.DescendingOrder

    def load(self, wanted: MessageFilter, today: date, calendar: WorkingCalendar) -> None:
        self.filter = wanted
        found = find_messages(wanted.text, wanted.status.value if wanted.status else None,
                              wanted.kind.value if wanted.kind else None, wanted.open_only)
        self.set_rows(self._sorted([self._row(r, today, calendar) for r in found]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows held by ``column``'s key (called by the view's header)."""
        if not 0 <= column < len(self.headers):
            return
        self.sort_column, self.sort_order = column, order
        self.set_rows(self._sorted(self.rows))

    def _sorted(self, rows: list[MessageRow]) -> list[MessageRow]:
        column = self.sort_column
        return sorted(rows, key=lambda r: r.keys[column], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def _row(self, r: InboxMessage, today: date, calendar: WorkingCalendar) -> MessageRow:
        due = r.extended_due if r.extended else r.response_due
        late = calendar.working_days_between(due, today) if r.status in _OPEN and due < today else 0
        recorded = r.recorded_at
        kind = MessageKind(r.kind)
        cells = (
            r.number, f"{_day(recorded.date())} {recorded.hour:02d}.{recorded.minute:02d}", Channel(r.channel).label,
            SHORT_KIND.get(kind, kind.label), r.sender, shortened(r.text), Status(r.status).label, _day(due),
        )
        keys = (
            r.year * 1_000_000 + r.seq, recorded.isoformat(), cells[self.CHANNEL], cells[self.KIND],
            r.sender.lower(), cells[self.TEXT].lower(), cells[self.STATUS], due.isoformat(),
        )
        return MessageRow(r.id, cells, keys, late, r.text)

    # ------------------------------------------------------------------ ListTableModel
    def display(self, row: MessageRow, column: int) -> str:
        return row.cells[column]

    def role_data(self, row: MessageRow, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TEXT:
                return text_tooltip(row.text)
            if column == self.DUE and row.late_days:
                return self.tr("Belum dijawab; lewat {0} hari kerja").format(row.late_days)
            return row.cells[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.late_days and column in (self.DUE, self.STATUS):
            return LATE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def message_id(self, row: int) -> int | None:
        item = self.row(row)
        return item.id if item is not None else None
