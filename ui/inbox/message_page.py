"""Pesan Masuk: every message of the inbox register as a table, with search as you type
and filters by status and kind, or only the messages still waiting for an answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.inbox.codes import MessageKind, Status
from ppid_desk.workdays import load_calendar

from ..register.register_page import thousands
from ..widgets.record_list import choice_filter, list_head, list_layout, record_table, search_box
from .table_model import MessageFilter, MessageTableModel

SEARCH_DELAY_MS = 200
M = MessageTableModel
# The message itself takes what the other columns leave (about 200 pixels at 1280).
COLUMN_WIDTHS = {M.NO: 165, M.RECORDED: 118, M.CHANNEL: 64, M.KIND: 92, M.SENDER: 130, M.TEXT: 300,
                 M.STATUS: 142, M.DUE: 88}


class MessagePage(QWidget):
    openMessage = Signal(int)
    newRequested = Signal()

    def __init__(self, today: Callable[[], date] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self._today, self._calendar = today or date.today, calendar
        self.model = MessageTableModel(self)

        self.count = QLabel()
        self.new_button = QPushButton(self.tr("Pesan baru\u2026"))
        self.new_button.setToolTip(self.tr("Catat pesan yang masuk lewat SMS, email, telepon atau website"))
        self.new_button.clicked.connect(self.newRequested)
        head = list_head(self.tr("Pesan Masuk"), self.count, self.new_button)

        self.search, self._search_timer = search_box(
            self, self.tr("Cari nomor, nama pengirim, nomor telepon/email atau kata dalam pesan\u2026"),
            SEARCH_DELAY_MS, self.apply_filter, self._search_now)
        self.status = choice_filter(self.tr("Semua status"), Status)
        self.kind = choice_filter(self.tr("Semua jenis"), MessageKind)
        self.open_only = QCheckBox(self.tr("Hanya yang belum dijawab"))
        self.open_only.setToolTip(self.tr("Pesan yang masih menunggu jawaban (baru, ditelaah, diteruskan ke unit)"))
        self.clear_button = QPushButton(self.tr("Hapus filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.kind.currentIndexChanged.connect(self.apply_filter)
        self.open_only.toggled.connect(self.apply_filter)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        filters = QHBoxLayout()
        for widget in (self.status, self.kind):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(self.open_only)
        filters.addStretch(1)
        self.table = record_table(self, "messageTable", self.model, COLUMN_WIDTHS)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(M.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        list_layout(self, head, search_row, filters, table=self.table)
        self.refresh()

    # ------------------------------------------------------------------ filters
    def current_filter(self) -> MessageFilter:
        status, kind = self.status.currentData(), self.kind.currentData()
        return MessageFilter(text=self.search.text().strip(), status=Status(status) if status else None,
                             kind=MessageKind(kind) if kind else None, open_only=self.open_only.isChecked())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self.current_filter() != self.model.filter:
            self.refresh()

    def refresh(self) -> None:
        """Load again (after a filter, a new message, a step taken, a calendar change)."""
        self._search_timer.stop()
        self.model.load(self.current_filter(), self._today(), self._calendar())
        total = self.model.rowCount()
        text = self.tr("{0} pesan cocok") if self.model.filter != MessageFilter() else self.tr("{0} pesan")
        self.count.setText(text.format(thousands(total)))

    def _search_now(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def clear_filters(self) -> None:
        widgets = (self.search, self.status, self.kind, self.open_only)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.open_only.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    # ------------------------------------------------------------------ table
    def _activated(self, index: QModelIndex) -> None:
        message_id = self.model.message_id(index.row())
        if message_id is not None:
            self.openMessage.emit(message_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def select_message(self, message_id: int) -> None:
        """Make the row of ``message_id`` the current one (after coming back from its detail)."""
        row = self.model.row_of(lambda r: r.id == message_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
