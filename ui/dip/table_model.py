"""The DIP as a table model: every entry that matches, held in memory.

A DIP has a few hundred entries (a few thousand at most), so the list is read whole:
:func:`ppid_desk.dip.queries.list_entries` in the DIP's own order (by class, then as
added), or :func:`ppid_desk.dip.queries.search` best match first. A click on a header
sorts the rows held by that column (as the inbox does); until then the order is the
DIP's or the search's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ppid_desk.dip.codes import InfoClass, pasal17_text
from ppid_desk.dip.queries import holder_text, list_entries, search
from ppid_desk.store.models import DipEntry

from ..inbox.table_model import shortened, text_tooltip
from ..widgets.list_model import ListTableModel
from .badges import CLASS_ROLE, letters_short

RETIRED_COLOUR = QColor("#7a8699")
SEARCH_LIMIT = 2000  # more than any office's DIP


@dataclass(frozen=True)
class DipFilter:
    """What the page shows; empty values mean "all"."""

    text: str = ""
    info_class: InfoClass | None = None
    include_retired: bool = False


@dataclass(frozen=True)
class DipRow:
    id: int
    cells: tuple[str, ...]
    keys: tuple[Any, ...]
    info_class: InfoClass
    active: bool
    summary: str  # whole, for the tooltip


class DipTableModel(ListTableModel[DipRow]):
    SUMMARY, CLASS, HOLDER, OFFICIAL, FORMAT, RETENTION = range(6)

    def __init__(self, parent=None):
        super().__init__((self.tr("Ringkasan isi informasi"), self.tr("Kelas"), self.tr("Yang menguasai"),
                          self.tr("Penanggung jawab"), self.tr("Format"), self.tr("Penyimpanan")), parent)
        # The Perki column names, as the headers' tooltips (the table's headers are kept short).
        self.LONG_HEADERS = {self.CLASS: self.tr("Klasifikasi informasi (dan dasar pengecualian)"),
                             self.HOLDER: self.tr("Pejabat/unit yang menguasai informasi"),
                             self.OFFICIAL: self.tr("Penanggung jawab pembuatan/penerbitan informasi"),
                             self.RETENTION: self.tr("Jangka waktu penyimpanan")}
        self.filter = DipFilter()
        self.sort_column = -1  # the DIP's (or the search's) own order
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._natural: list[DipRow] = []

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and 0 <= section < len(self.headers):
            return self.LONG_HEADERS.get(section, self.headers[section])
        return super().headerData(section, orientation, role)

    def load(self, wanted: DipFilter) -> None:
        self.filter = wanted
        if wanted.text.strip():
            found = search(wanted.text, limit=SEARCH_LIMIT, include_retired=wanted.include_retired)
            if wanted.info_class is not None:
                found = [e for e in found if e.info_class == wanted.info_class.value]
        else:
            found = list_entries(wanted.info_class, include_retired=wanted.include_retired)
        self._natural = [self._row(e) for e in found]
        self.set_rows(self._sorted(self._natural))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows held by ``column``'s key (called by the view's header); -1: the natural order."""
        if column >= len(self.headers):
            return
        self.sort_column, self.sort_order = column, order
        self.set_rows(self._sorted(self._natural))

    def _sorted(self, rows: list[DipRow]) -> list[DipRow]:
        column = self.sort_column
        if column < 0:
            return list(rows)
        return sorted(rows, key=lambda r: r.keys[column], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def _row(self, e: DipEntry) -> DipRow:
        info_class = InfoClass(e.info_class)
        letters = letters_short(e.pasal17) if info_class is InfoClass.EXCLUDED else ""
        if not e.active:
            letters = (letters + " \u00b7 " if letters else "") + self.tr("nonaktif")
        cells = (shortened(e.summary, 200), letters, holder_text(e), e.official, e.format, e.retention)
        keys = (e.summary.lower(), (list(InfoClass).index(info_class), e.pasal17), cells[2].lower(),
                e.official.lower(), e.format.lower(), e.retention.lower())
        return DipRow(e.id, cells, keys, info_class, e.active, e.summary)

    # ------------------------------------------------------------------ ListTableModel
    def display(self, row: DipRow, column: int) -> str:
        return row.cells[column]

    def role_data(self, row: DipRow, column: int, role: int):
        if role == CLASS_ROLE and column == self.CLASS:
            return row.info_class
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SUMMARY:
                return text_tooltip(row.summary)
            if column == self.CLASS:
                words = row.info_class.label
                if row.info_class is InfoClass.EXCLUDED:
                    words += f" ({pasal17_text(self._letters(row))} UU KIP)"
                return words + ("" if row.active else self.tr("; nonaktif, tidak tampil di DIP"))
            return row.cells[column] or None
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return RETIRED_COLOUR
        if role == Qt.ItemDataRole.FontRole and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _letters(row: DipRow) -> str:
        return row.keys[DipTableModel.CLASS][1]

    def entry_id(self, row: int) -> int | None:
        item = self.row(row)
        return item.id if item is not None else None
