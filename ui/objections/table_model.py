"""The register keberatan as a table model: every objection that matches, held in memory.

Why not the request register's lazy, keyset-paged model: an office receives a handful of
objections for every hundred requests, so the register keberatan stays in the thousands
(the demo's 300 requests a year give half a dozen). The filters and the search run in SQL
(LIKE over the number, the objector's name, the request's number, the request as the
objector described it and the case summary; every word of the search somewhere); all
the matching rows are then held here, with their cells formatted once.

Why no QSortFilterProxyModel (STYLE.md's default): the proxy compares rows through
``data()`` calls into Python, ~150 ms for 5,000 rows on every reload; the model sorts
its own list by a precomputed key per column instead (:meth:`ObjectionTableModel.sort`,
a few ms). Measured at 5,000 objections, all overdue (the worst case): a reload (query,
rows, sort, view) ~70-90 ms; before, with the proxy, ~300 ms.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

import peewee
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.objections.codes import AWAITING_ANSWER, Status
from ppid_desk.store.models import Objection, Request, Requester

from ..widgets.list_model import ListTableModel

LATE_COLOUR = QColor("#b00020")
_AWAITING = [s.value for s in AWAITING_ANSWER]


@dataclass(frozen=True)
class ObjectionFilter:
    """What the page shows; empty values mean "all"."""

    text: str = ""
    status: Status | None = None
    late_only: bool = False
    date_from: date | None = None
    date_to: date | None = None

    def with_(self, **changes: Any) -> "ObjectionFilter":
        return replace(self, **changes)


@dataclass(frozen=True)
class ObjectionRow:
    id: int
    cells: tuple[str, ...]
    keys: tuple[Any, ...]  # the sort key of every column
    late: bool
    summary: str  # the whole case summary, for the tooltip


def _day(day: date) -> str:
    """``short_date`` (dd-mm-yyyy) without strftime: a row has two, a reload thousands."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def conditions(wanted: ObjectionFilter, today: date) -> list[peewee.Expression]:
    """The SQL conditions of ``wanted`` (the query joins Requester and, outer, Request)."""
    found: list[peewee.Expression] = []
    for word in wanted.text.split()[:8]:  # more words nest more ANDs than SQLite's parser takes
        found.append(Objection.number.contains(word) | Requester.name.contains(word)
                     | Request.number.contains(word) | Objection.request_reference.contains(word)
                     | Objection.case_summary.contains(word))
    if wanted.status is not None:
        found.append(Objection.status == wanted.status.value)
    if wanted.late_only:
        found.append(Objection.status.in_(_AWAITING) & (Objection.answer_due < today))
    if wanted.date_from is not None:
        found.append(Objection.received_at >= datetime.combine(wanted.date_from, time.min))
    if wanted.date_to is not None:
        found.append(Objection.received_at <= datetime.combine(wanted.date_to, time(23, 59, 59)))
    return found


class ObjectionTableModel(ListTableModel[ObjectionRow]):
    NO, RECEIVED, OBJECTOR, REQUEST, GROUNDS, STATUS, DUE, LATE, SUMMARY = range(9)
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the key a column sorts by

    def __init__(self, parent=None):
        super().__init__((self.tr("No"), self.tr("Diterima"), self.tr("Pemohon keberatan"), self.tr("Permohonan"),
                          self.tr("Alasan"), self.tr("Status"), self.tr("Tenggat jawaban"), self.tr("Terlambat"),
                          self.tr("Kasus posisi")), parent)
        self.filter = ObjectionFilter()
        self.sort_column = self.NO
        self.sort_order = Qt.SortOrder.DescendingOrder

    def load(self, wanted: ObjectionFilter, today: date, calendar: WorkingCalendar) -> None:
        self.filter = wanted
        query = (Objection.select(Objection.id, Objection.number, Objection.year, Objection.seq,
                                  Objection.received_at, Objection.request_reference, Objection.grounds,
                                  Objection.case_summary, Objection.status, Objection.answer_due,
                                  Objection.proxy_name, Requester.name.alias("objector"),
                                  Request.number.alias("request_number"))
                 .join(Requester, on=Objection.requester == Requester.id)
                 .switch(Objection).join(Request, peewee.JOIN.LEFT_OUTER, on=Objection.request == Request.id))
        found = conditions(wanted, today)
        if found:
            query = query.where(*found)
        query = query.order_by(Objection.id)  # ties keep the register's order
        self.set_rows(self._sorted([self._row(r, today, calendar) for r in query.dicts()]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows held by ``column``'s key (called by the view's header)."""
        if not 0 <= column < len(self.headers):
            return
        self.sort_column, self.sort_order = column, order
        self.set_rows(self._sorted(self.rows))

    def _sorted(self, rows: list[ObjectionRow]) -> list[ObjectionRow]:
        column = self.sort_column
        return sorted(rows, key=lambda r: r.keys[column], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def _row(self, r: dict[str, Any], today: date, calendar: WorkingCalendar) -> ObjectionRow:
        late_days = 0
        if r["status"] in _AWAITING and r["answer_due"] < today:
            late_days = calendar.working_days_between(r["answer_due"], today)
        summary = " ".join((r["case_summary"] or "").split())
        objector = r["objector"] + (self.tr(" (kuasa: {0})").format(r["proxy_name"]) if r["proxy_name"] else "")
        request = r["request_number"] or (self.tr("tanpa register: {0}").format(r["request_reference"])
                                          if r["request_reference"] else self.tr("tanpa register"))
        cells = (
            r["number"], _day(r["received_at"]), objector, request, r["grounds"].replace(",", ", "),
            Status(r["status"]).label, _day(r["answer_due"]),
            self.tr("{0} hari kerja").format(late_days) if late_days else "",
            summary if len(summary) <= 160 else summary[:159] + "\u2026",
        )
        keys = (
            r["year"] * 1_000_000 + (r["seq"] or 0), r["received_at"].isoformat(), r["objector"].lower(),
            r["request_number"] or "", r["grounds"], cells[self.STATUS], r["answer_due"].isoformat(), late_days,
            summary.lower(),
        )
        return ObjectionRow(r["id"], cells, keys, bool(late_days), summary)

    # ------------------------------------------------------------------ ListTableModel
    def display(self, row: ObjectionRow, column: int) -> str:
        return row.cells[column]

    def role_data(self, row: ObjectionRow, column: int, role: int):
        if role == self.SORT_ROLE:
            return row.keys[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.summary if column == self.SUMMARY else row.cells[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.late and column in (self.DUE, self.LATE):
            return LATE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def objection_id(self, row: int) -> int | None:
        item = self.row(row)
        return item.id if item is not None else None
