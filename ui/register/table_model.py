"""The register as a lazy table model: pages of rows fetched from SQL as the view scrolls.

Why no QSortFilterProxyModel here: the model holds only the rows fetched so far (pages
of :data:`PAGE_SIZE`), so a proxy would sort and filter those rows only. Filtering and
sorting are therefore done in SQL, and pages follow each other by *keyset* (the sort
key of the last row fetched, never OFFSET), so a page deep in a register of 1,000,000
requests costs what the first one does.

Measured on 1,000,000 requests: first page and later pages in 0.1-7 ms when sorted by
number (the ``(year, seq)`` index) or name (the requester name index); counting takes
up to ~120 ms with a channel or period filter (full scan). Sorting by *Tanggal* or
*Tenggat* has no index to walk yet (``received_at`` is not indexed and the deadline in
force is a CASE over two columns), so each page of those sorts costs a full sort
(~1 s at 1,000,000 rows, a few ms at 10,000).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

import peewee
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.dates import short_date
from ppid_desk.register.codes import Channel, Decision, Status
from ppid_desk.register.nik import mask_nik
from ppid_desk.register.queries import NOTICE_OWED, current_due
from ppid_desk.store.models import Request, Requester, RequestUnit, Unit
from ppid_desk.errors import StoreError
from ppid_desk.store.backend import search_request_ids
from ppid_desk.workdays import load_calendar

from ..session import masker

PAGE_SIZE = 200
SEARCH_LIMIT = 5000  # the newest matches of a search; the count label says when capped
LATE_COLOUR = QColor("#b00020")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows; empty values mean "all"."""

    text: str = ""
    status: Status | None = None
    channel: Channel | None = None
    unit_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    late_only: bool = False

    def with_(self, **changes: Any) -> "RegisterFilter":
        return replace(self, **changes)


@dataclass
class RegisterRow:
    id: int
    cells: list[str]
    late: bool
    key: tuple[Any, ...] = field(default=())
    information: str = ""


@dataclass(frozen=True)
class SortKey:
    """One column of a sort: the SQL expression, its field (to convert values) and nullability."""

    expr: peewee.Node
    field: peewee.Field | None = None
    nullable: bool = False


class RegisterModel(QAbstractTableModel):
    (NO, DATE, NAME, NIK, CONTACT, INFORMATION, PURPOSE, CHANNEL, UNIT, STATUS, DECISION, DUE,
     LATE) = range(13)
    COLUMN_COUNT = 13
    SORTABLE = frozenset({NO, DATE, NAME, DUE, LATE})

    totalChanged = Signal(int)

    def __init__(self, db: peewee.Database, today: Callable[[], date] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent=None):
        super().__init__(parent)
        self._db = db
        self._today = today or date.today
        self._load_calendar = calendar
        self._calendar: WorkingCalendar | None = None
        self._filter = RegisterFilter()
        self._sort_column = self.NO
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._rows: list[RegisterRow] = []
        self._exhausted = True
        self._busy = False  # no fetchMore() while a reset or an insert is being announced
        self._ids: list[int] | None = None
        self.total = 0
        self.search_capped = False
        self.headers = (
            self.tr("No"), self.tr("Tanggal"), self.tr("Nama"), self.tr("NIK"), self.tr("Kontak"),
            self.tr("Informasi yang diminta"), self.tr("Tujuan"), self.tr("Saluran"), self.tr("Unit"),
            self.tr("Status"), self.tr("Keputusan"), self.tr("Tenggat"), self.tr("Terlambat"),
        )

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section in self.SORTABLE:
                return self.tr("Klik untuk mengurutkan menurut {0}").format(self.headers[section].lower())
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.INFORMATION, self.PURPOSE, self.CONTACT,
                                                              self.UNIT, self.NAME):
            return row.information if column == self.INFORMATION else row.cells[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.late and column in (self.DUE, self.LATE):
            return LATE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        rows = self._fetch_page(self._rows[-1].key if self._rows else None)
        self._exhausted = len(rows) < PAGE_SIZE
        if rows:
            first = len(self._rows)
            self._busy = True
            try:
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            finally:
                self._busy = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; columns outside :attr:`SORTABLE` are ignored."""
        if column not in self.SORTABLE:
            return
        self._sort_column, self._sort_order = column, order
        self.refresh()

    # ------------------------------------------------------------------ our API
    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def set_filter(self, wanted: RegisterFilter) -> None:
        self._filter = wanted
        self.refresh()

    def refresh(self) -> None:
        """Start again from the first page (after a filter, a sort or a change in the data)."""
        self._busy = True
        self.beginResetModel()
        self.unavailable = ""
        try:
            self._calendar = self._load_calendar()
            self._ids = None
            self.search_capped = False
            if self._filter.text.strip():
                self._ids = search_request_ids(self._db, self._filter.text, SEARCH_LIMIT)
                self.search_capped = self._ids is not None and len(self._ids) >= SEARCH_LIMIT
            self.total = self._count()
            self._rows = self._fetch_page(None) if self.total else []
        except StoreError as exc:
            # the server went away (several desks): an empty list saying why; the intake
            # form still works offline, and the list fills again once the server is back
            self.unavailable = exc.message
            self._ids, self.total, self._rows = None, 0, []
        finally:
            self._exhausted = len(self._rows) < PAGE_SIZE
            self.endResetModel()
            self._busy = False
        self.totalChanged.emit(self.total)

    def request_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: int) -> int:
        """The row of a request among those fetched so far, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == request_id), -1)

    # ------------------------------------------------------------------ SQL
    def _conditions(self) -> list[peewee.Expression]:
        wanted, today = self._filter, self._today()
        found: list[peewee.Expression] = []
        if self._ids is not None:
            found.append(Request.id.in_(self._ids))
        if wanted.status is not None:
            found.append(Request.status == wanted.status.value)
        if wanted.channel is not None:
            found.append(Request.channel == wanted.channel.value)
        if wanted.unit_id is not None:
            found.append(Request.id.in_(RequestUnit.select(RequestUnit.request)
                                        .where(RequestUnit.unit == wanted.unit_id)))
        if wanted.date_from is not None:
            found.append(Request.received_at >= datetime.combine(wanted.date_from, time.min))
        if wanted.date_to is not None:
            found.append(Request.received_at <= datetime.combine(wanted.date_to, time(23, 59, 59)))
        if wanted.late_only:
            found.append(Request.status.in_(NOTICE_OWED) & (current_due() < today))
        return found

    def _count(self) -> int:
        if self._ids is not None and not self._ids:
            return 0
        query = Request.select(peewee.fn.COUNT(Request.id))
        conditions = self._conditions()
        if conditions:
            query = query.where(*conditions)
        return query.scalar() or 0

    def _sort_keys(self) -> list[SortKey]:
        column = self._sort_column
        if column == self.DATE:
            return [SortKey(Request.received_at, Request.received_at), SortKey(Request.id)]
        if column == self.NAME:
            return [SortKey(Requester.name), SortKey(Request.id)]
        if column in (self.DUE, self.LATE):
            return [SortKey(current_due()), SortKey(Request.id)]
        return [SortKey(Request.year), SortKey(Request.seq, nullable=True), SortKey(Request.id)]

    def _descending(self) -> bool:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # "Terlambat" descending means the latest first: the oldest deadline first.
        return not descending if self._sort_column == self.LATE else descending

    def _fetch_page(self, after: tuple[Any, ...] | None) -> list[RegisterRow]:
        if self._ids is not None and not self._ids:
            return []
        keys = self._sort_keys()
        descending = self._descending()
        query = (Request.select(Request.id, Request.number, Request.received_at, Request.information,
                                Request.purpose, Request.channel, Request.status, Request.decision,
                                Request.response_due, Request.extended_due, Request.extended,
                                Requester.name, Requester.nik, Requester.phone, Requester.email,
                                Requester.address, *[k.expr.alias(f"k{i}") for i, k in enumerate(keys)])
                 .join(Requester))
        conditions = self._conditions()
        if after is not None:
            conditions.append(_after(keys, after, descending))
        if conditions:
            query = query.where(*conditions)
        query = query.order_by(*[k.expr.desc() if descending else k.expr.asc() for k in keys]).limit(PAGE_SIZE)
        raw = list(query.dicts())
        self._mask = masker()  # the contact column as the acting officer may see it (NIKs: always masked)
        units = self._units_of([r["id"] for r in raw])
        return [self._row(r, units.get(r["id"], []), len(keys)) for r in raw]

    def _units_of(self, ids: Sequence[int]) -> dict[int, list[str]]:
        if not ids:
            return {}
        found: dict[int, list[str]] = {}
        query = (RequestUnit.select(RequestUnit.request, Unit.name).join(Unit)
                 .where(RequestUnit.request.in_(list(ids))).order_by(RequestUnit.id).tuples())
        for request_id, name in query:
            found.setdefault(request_id, []).append(name)
        return found

    def _row(self, r: dict[str, Any], units: list[str], key_count: int) -> RegisterRow:
        today = self._today()
        due = r["extended_due"] if r["extended"] else r["response_due"]
        owed = r["status"] in NOTICE_OWED
        late_days = 0
        if owed and due < today and self._calendar is not None:
            late_days = self._calendar.working_days_between(due, today)
        mask = self._mask
        contact = (mask.phone(r["phone"]) if r["phone"] else mask.email(r["email"]) if r["email"]
                   else " ".join((r["address"] or "").split()))
        information = r["information"] or ""
        cells = [
            r["number"],
            short_date(r["received_at"].date()),
            r["name"],
            mask_nik(r["nik"]) if r["nik"] else "",
            contact,
            _one_line(information),
            _one_line(r["purpose"] or ""),
            Channel(r["channel"]).label,
            ", ".join(units),
            Status(r["status"]).label,
            Decision(r["decision"]).label if r["decision"] else "",
            short_date(due),
            self.tr("{0} hari kerja").format(late_days) if late_days else "",
        ]
        return RegisterRow(r["id"], cells, bool(late_days), tuple(r[f"k{i}"] for i in range(key_count)),
                           information)


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _db_value(key: SortKey, value: Any) -> Any:
    return key.field.db_value(value) if key.field is not None and value is not None else value


def _after(keys: list[SortKey], values: tuple[Any, ...], descending: bool) -> peewee.Expression:
    """Rows that come after ``values`` in the order of ``keys`` (SQLite sorts NULL lowest)."""
    values = tuple(_db_value(k, v) for k, v in zip(keys, values))
    if not any(k.nullable for k in keys) and None not in values:
        left, right = peewee.Tuple(*[k.expr for k in keys]), peewee.Tuple(*values)
        return left < right if descending else left > right
    condition: peewee.Expression | None = None
    for key, value in reversed(list(zip(keys, values))):
        expr = key.expr
        if value is None:
            beyond = None if descending else expr.is_null(False)
            same = expr.is_null()
        else:
            beyond = expr < value if descending else expr > value
            if descending and key.nullable:
                beyond = beyond | expr.is_null()
            same = expr == value
        tail = same & condition if condition is not None else None
        parts = [p for p in (beyond, tail) if p is not None]
        condition = parts[0] if len(parts) == 1 else (parts[0] | parts[1]) if parts else peewee.Value(False)
    assert condition is not None
    return condition
