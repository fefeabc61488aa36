"""Register Permohonan: the register as a table, with search as you type and filters.

Sorting and filtering happen in SQL inside :class:`RegisterModel` (see its module for
why there is no QSortFilterProxyModel); columns that cannot be sorted keep the header's
indicator where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import peewee
from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QWidget

from ppid_desk.register.codes import Channel, Status
from ppid_desk.units import list_units

from ..widgets.record_list import (
    choice_filter, filter_rows, list_head, list_layout, period_filter, record_table, search_box,
)
from .table_model import SEARCH_LIMIT, RegisterFilter, RegisterModel

SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = {
    RegisterModel.NO: 140, RegisterModel.DATE: 84, RegisterModel.NAME: 170, RegisterModel.NIK: 130,
    RegisterModel.CONTACT: 120, RegisterModel.INFORMATION: 300, RegisterModel.PURPOSE: 160,
    RegisterModel.CHANNEL: 80, RegisterModel.UNIT: 170, RegisterModel.STATUS: 140, RegisterModel.DECISION: 150,
    RegisterModel.DUE: 84, RegisterModel.LATE: 110,
}

VISUAL_ORDER = (RegisterModel.NO, RegisterModel.DATE, RegisterModel.NAME, RegisterModel.STATUS, RegisterModel.DUE,
                RegisterModel.LATE, RegisterModel.INFORMATION, RegisterModel.UNIT, RegisterModel.DECISION,
                RegisterModel.CHANNEL, RegisterModel.CONTACT, RegisterModel.NIK, RegisterModel.PURPOSE)


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class RegisterPage(QWidget):
    openRequest = Signal(int)
    newRequested = Signal()

    def __init__(self, db: peewee.Database, today: Callable[[], date] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today or date.today
        self.model = RegisterModel(db, today=self._today, parent=self)
        self.model.totalChanged.connect(self._show_count)

        self.count = QLabel()
        self.new_button = QPushButton(self.tr("Permohonan baru (Ctrl+N)"))
        self.new_button.clicked.connect(self.newRequested)
        head = list_head(self.tr("Register Permohonan"), self.count, self.new_button)

        self.search, self._search_timer = search_box(
            self, self.tr("Cari nomor, nama, NIK, telepon atau kata dalam permohonan\u2026"),
            SEARCH_DELAY_MS, self.apply_filter, self._search_now)

        self.status = choice_filter(self.tr("Semua status"), Status)
        self.channel = choice_filter(self.tr("Semua saluran"), Channel)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(22)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period, self.date_from, self.date_to = period_filter(self.tr("Periode"))
        self.late_only = QCheckBox(self.tr("Terlambat saja"))
        self.late_only.setToolTip(self.tr("Permohonan yang belum diberi pemberitahuan tertulis dan sudah "
                                          "lewat tenggatnya"))
        self.clear_button = QPushButton(self.tr("Hapus filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        for box in (self.status, self.channel, self.unit):
            box.currentIndexChanged.connect(self.apply_filter)
        for signal in (self.period.toggled, self.late_only.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged):
            signal.connect(self.apply_filter)

        search_row, filters = filter_rows(self.search, self.late_only, self.clear_button,
                                          (self.status, self.channel, self.unit),
                                          self.period, self.date_from, self.date_to, self.tr("s.d."))
        # On screen the columns a desk officer acts on come first; the book order stays in
        # the model (and in exports). The officer may drag columns elsewhere.
        # Enabling the sorting calls model.sort(): the first page is fetched there.
        self.table = record_table(self, "registerTable", self.model, COLUMN_WIDTHS, VISUAL_ORDER)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.activated.connect(self._activated)
        list_layout(self, head, search_row, filters, table=self.table)
        self.reload_units()
        today = self._today()
        self.date_from.setDate(QDate(today.year, today.month, 1))
        self.date_to.setDate(QDate(today.year, today.month, today.day))

    # ------------------------------------------------------------------ filters
    def reload_units(self) -> None:
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("Semua unit"), None)
        for unit in list_units(include_inactive=True):
            self.unit.addItem(unit.name if unit.active else self.tr("{0} (nonaktif)").format(unit.name), unit.id)
        self.unit.setCurrentIndex(max(0, self.unit.findData(current)))
        self.unit.blockSignals(False)

    def current_filter(self) -> RegisterFilter:
        status, channel = self.status.currentData(), self.channel.currentData()
        period = self.period.isChecked()
        return RegisterFilter(
            text=self.search.text().strip(),
            status=Status(status) if status else None,
            channel=Channel(channel) if channel else None,
            unit_id=self.unit.currentData(),
            date_from=self.date_from.date().toPython() if period else None,
            date_to=self.date_to.date().toPython() if period else None,
            late_only=self.late_only.isChecked(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.set_filter(wanted)

    def _search_now(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def clear_filters(self) -> None:
        for widget in (self.search, self.status, self.channel, self.unit, self.period, self.late_only):
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.status, self.channel, self.unit):
            box.setCurrentIndex(0)
        self.period.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.late_only.setChecked(False)
        for widget in (self.search, self.status, self.channel, self.unit, self.period, self.late_only):
            widget.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Reload after a change in the register (new request, a step taken, the calendar)."""
        self.reload_units()
        self.model.refresh()

    # ------------------------------------------------------------------ table
    def _show_count(self, total: int) -> None:
        if self.model.search_capped:
            text = self.tr("{0}+ permohonan cocok; ditampilkan {0} terbaru").format(thousands(SEARCH_LIMIT))
        else:
            text = self.tr("{0} permohonan").format(thousands(total))
        self.count.setText(text)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in RegisterModel.SORTABLE:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    def _activated(self, index: QModelIndex) -> None:
        request_id = self.model.request_id(index.row())
        if request_id is not None:
            self.openRequest.emit(request_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())
