"""The table model of a small list held in memory: one row per item, fixed columns.

Subclasses name their columns (``NAME, KIND = range(2)``), pass the header texts, and say
what a cell shows (:meth:`ListTableModel.display`) and, for other roles, what else
(:meth:`ListTableModel.role_data`). Items are read-only and selectable, as Qt's table
models are by default. (The register's own model loads its rows lazily and stands alone.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class ListTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None):
        super().__init__(parent)
        self.headers = tuple(headers)
        self._rows: list[T] = []

    # ------------------------------------------------------------------ the list
    @property
    def rows(self) -> list[T]:
        return self._rows

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> T | None:
        """The item shown in ``row``, or None outside the list."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, predicate: Callable[[T], bool]) -> int:
        """The first row whose item satisfies ``predicate``, or -1."""
        return next((i for i, item in enumerate(self._rows) if predicate(item)), -1)

    # ------------------------------------------------------------------ for subclasses
    def display(self, item: T, column: int) -> Any:
        """The text of ``column`` for ``item``."""
        raise NotImplementedError

    def role_data(self, item: T, column: int, role: int) -> Any:
        """Any role but DisplayRole (tooltips, colours, user roles); None by default."""
        return None

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, index.column())
        return self.role_data(item, index.column(), role)
