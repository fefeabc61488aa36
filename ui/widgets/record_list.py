"""Pieces both registers (requests, objections) build their page from: the head with the count
and the "new" button, the search box that waits for the typing to pause, the period filter, the
filter bar and the table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLayout, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)


def list_head(title_text: str, count: QLabel, new_button: QPushButton) -> QHBoxLayout:
    """The page title, the row count beside it and the "new" button at the right."""
    title = QLabel(title_text)
    title.setObjectName("pageTitle")
    count.setObjectName("count")
    new_button.setObjectName("primary")
    head = QHBoxLayout()
    head.addWidget(title)
    head.addWidget(count, 0, Qt.AlignmentFlag.AlignBottom)
    head.addStretch(1)
    head.addWidget(new_button)
    return head


def search_box(owner: QWidget, placeholder: str, delay_ms: int, apply: Callable[[], None],
               search_now: Callable[[], None]) -> tuple[QLineEdit, QTimer]:
    """A search field that applies itself once typing pauses for ``delay_ms``, at once on Enter."""
    search = QLineEdit()
    search.setObjectName("search")
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(apply)
    search.textChanged.connect(lambda _text: timer.start())
    search.returnPressed.connect(search_now)
    return search, timer


def choice_filter(all_caption: str, members: Iterable) -> QComboBox:
    """A drop-down of "all" (no filter) then each member of a code (its label; its value as data)."""
    box = QComboBox()
    box.addItem(all_caption, None)
    for member in members:
        box.addItem(member.label, member.value)
    return box


def period_filter(caption: str) -> tuple[QCheckBox, QDateEdit, QDateEdit]:
    """A "Periode" check box enabling two date edits (from, to)."""
    period = QCheckBox(caption)
    date_from = QDateEdit()
    date_to = QDateEdit()
    for edit in (date_from, date_to):
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
    period.toggled.connect(date_from.setEnabled)
    period.toggled.connect(date_to.setEnabled)
    return period, date_from, date_to


def filter_rows(search: QLineEdit, late_only: QCheckBox, clear_button: QPushButton, boxes: Iterable[QWidget],
                period: QCheckBox, date_from: QDateEdit, date_to: QDateEdit,
                until: str) -> tuple[QHBoxLayout, QHBoxLayout]:
    """The search row (search, late only, clear) and the filter row (``boxes``, then the period)."""
    search_row = QHBoxLayout()
    search_row.addWidget(search, 1)
    search_row.addWidget(late_only)
    search_row.addWidget(clear_button)
    filters = QHBoxLayout()
    for box in boxes:
        filters.addWidget(box)
    filters.addSpacing(12)
    filters.addWidget(period)
    filters.addWidget(date_from)
    filters.addWidget(QLabel(until))
    filters.addWidget(date_to)
    filters.addStretch(1)
    return search_row, filters


def record_table(owner: QWidget, name: str, model: QAbstractItemModel, widths: Mapping[int, int],
                 visual_order: Iterable[int] = ()) -> QTableView:
    """A read-only table of one row a record, sorted by the model (sorting is enabled last)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(owner.fontMetrics().height() + 10)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setStretchLastSection(True)
    # The officer may drag columns elsewhere; ``visual_order`` puts the ones acted on first.
    header.setSectionsMovable(True)
    for visual, column in enumerate(visual_order):
        header.moveSection(header.visualIndex(column), visual)
    header.setSortIndicator(model.sort_column, model.sort_order)
    table.setSortingEnabled(True)  # calls model.sort()
    return table


def list_layout(page: QWidget, *rows: QLayout, table: QTableView) -> QVBoxLayout:
    """Lay the page out: the rows above the table, which takes the rest."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 16, 24, 16)
    for row in rows:
        layout.addLayout(row)
    layout.addWidget(table, 1)
    return layout
