"""A short read-only table inside a scrolling page: as tall as its rows, no scroll bars."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FittedTable(QTableView):
    """Whole rows, one at a time, never edited. Call :meth:`fit` after the rows change: the
    page around the table scrolls, not the table. Rows are given in the model below any
    sorting proxy (:meth:`source_row`)."""

    def __init__(self, model: QAbstractItemModel, name: str, widths: Iterable[tuple[int, int]], stretch: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        for column, width in widths:
            header.resizeSection(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit(self) -> None:
        """As tall as the header and the rows."""
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        self.setFixedHeight(rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth())

    def source_row(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """``index``'s row in the model below the sorting proxy, if there is one."""
        model = self.model()
        return model.mapToSource(index).row() if isinstance(model, QAbstractProxyModel) else index.row()

    def target_row(self) -> int:
        """The selected row, or the only one; -1 when there is neither."""
        selected = self.selectionModel().selectedRows()
        if selected:
            return self.source_row(selected[0])
        return 0 if self.model().rowCount() == 1 else -1
