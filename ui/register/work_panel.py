"""Beranda's "Pekerjaan hari ini": a tile per work list (count and name) over the chosen list.

A click, Enter or double-click on a row opens that request (or objection, or message). With
``sections`` the tiles stand in rows, one per section (requests, objections), each under
its caption and as wide as the others.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QGridLayout, QHeaderView, QLabel, QPushButton, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from .worklist_model import WorkItem, WorklistModel


class Tile(QPushButton):
    """A checkable button showing a big count above the list's name."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workTile")
        self.setCheckable(True)
        self.setMinimumHeight(62)
        self.count = QLabel("0")
        self.count.setObjectName("tileCount")
        self.title = QLabel(title)
        self.title.setObjectName("tileTitle")
        self.title.setWordWrap(True)
        for label in (self.count, self.title):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 6, 12, 6)
        box.setSpacing(0)
        box.addWidget(self.count)
        box.addWidget(self.title)
        self.setAccessibleName(title)

    def set_count(self, count: int, urgent: bool) -> None:
        self.count.setText(str(count))
        self.setAccessibleName(f"{self.title.text()}: {count}")
        if self.property("urgent") != urgent:
            self.setProperty("urgent", urgent)
            for widget in (self, self.count):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class WorkPanel(QWidget):
    openRequest = Signal(int)
    openObjection = Signal(int)
    openMessage = Signal(int)

    def __init__(self, titles: dict[str, str], due_titles: dict[str, str], warn: set[str],
                 parent: QWidget | None = None, sections: list[tuple[str, list[str]]] | None = None):
        super().__init__(parent)
        self.keys = list(titles)
        self.models: dict[str, WorklistModel] = {}
        self.views: dict[str, QTableView] = {}
        self.tiles: dict[str, Tile] = {}
        self._warn = warn
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.stack = QStackedWidget()
        sections = sections or [("", self.keys)]
        # Every row of tiles spans the whole width: a grid of lcm(row lengths) columns.
        columns = math.lcm(*(len(keys) for _, keys in sections))
        place: dict[str, tuple[int, int, int]] = {}  # key -> grid row, column, span
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(8)
        tiles.setVerticalSpacing(4)
        grid_row = 0
        for caption, keys in sections:
            if caption:
                label = QLabel(caption)
                label.setObjectName("tileSection")
                tiles.addWidget(label, grid_row, 0, 1, columns)
                grid_row += 1
            span = columns // len(keys)
            place.update({key: (grid_row, c * span, span) for c, key in enumerate(keys)})
            grid_row += 1
        for c in range(columns):
            tiles.setColumnStretch(c, 1)
        for i, key in enumerate(self.keys):
            model = WorklistModel(due_titles.get(key, ""), warn=key in warn, parent=self)
            view = self._view(model)
            tile = Tile(titles[key])
            tile.setToolTip(self.tr("Tampilkan daftar \u201c{0}\u201d").format(titles[key]))
            self.group.addButton(tile, i)
            row, column, span = place[key]
            tiles.addWidget(tile, row, column, 1, span)
            self.stack.addWidget(view)
            self.models[key], self.views[key], self.tiles[key] = model, view, tile
        self.group.idClicked.connect(self.stack.setCurrentIndex)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addWidget(self.stack, 1)
        self.show_list(self.keys[0])

    def _view(self, model: WorklistModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in ((WorklistModel.NO, 140), (WorklistModel.RECEIVED, 86), (WorklistModel.NAME, 170),
                              (WorklistModel.DUE, 110), (WorklistModel.NOTE, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(WorklistModel.INFORMATION, QHeaderView.ResizeMode.Stretch)
        view.clicked.connect(lambda index, m=model: self._open(m, index))
        view.activated.connect(lambda index, m=model: self._open(m, index))
        return view

    def _open(self, model: WorklistModel, index: QModelIndex) -> None:
        item = model.row(index.row())
        if item is not None:
            signal = self.openObjection if item.objection else self.openMessage if item.message else self.openRequest
            signal.emit(item.request_id)

    def show_list(self, key: str) -> None:
        self.tiles[key].setChecked(True)
        self.stack.setCurrentWidget(self.views[key])

    def current_key(self) -> str:
        return self.keys[self.stack.currentIndex()]

    def set_lists(self, items: dict[str, list[WorkItem]]) -> None:
        for key in self.keys:
            self.models[key].set_rows(items.get(key, []))
            self.tiles[key].set_count(len(items.get(key, [])), key in self._warn and bool(items.get(key)))
