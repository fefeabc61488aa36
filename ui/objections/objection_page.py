"""Register Keberatan: every objection as a table, with search as you type and filters.

The filters and the search run in SQL, the header's sorting in the model (see
:mod:`.table_model` for why there is no QSortFilterProxyModel).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.objections.codes import Status
from ppid_desk.workdays import load_calendar

from ..register.register_page import thousands
from ..widgets.record_list import (
    choice_filter, filter_rows, list_head, list_layout, period_filter, record_table, search_box,
)
from .table_model import ObjectionFilter, ObjectionTableModel

SEARCH_DELAY_MS = 200
M = ObjectionTableModel
# At 1280 pixels the columns up to "Terlambat" fit; the case summary (also the rows'
# tooltip) follows, wider when the window is.
COLUMN_WIDTHS = {M.NO: 152, M.RECEIVED: 82, M.OBJECTOR: 150, M.REQUEST: 118, M.GROUNDS: 50, M.STATUS: 200,
                 M.DUE: 112, M.LATE: 108, M.SUMMARY: 320}


class ObjectionPage(QWidget):
    openObjection = Signal(int)
    newRequested = Signal()

    def __init__(self, today: Callable[[], date] | None = None,
                 calendar: Callable[[], WorkingCalendar] = load_calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self._today, self._calendar = today or date.today, calendar
        self.model = ObjectionTableModel(self)

        self.count = QLabel()
        self.new_button = QPushButton(self.tr("Keberatan baru\u2026"))
        self.new_button.setToolTip(self.tr("Keberatan atas permohonan yang tidak tercatat di register (alasan c). "
                                           "Keberatan atas permohonan yang tercatat diajukan dari detail "
                                           "permohonannya (\u201cAjukan keberatan\u201d)."))
        self.new_button.clicked.connect(self.newRequested)
        head = list_head(self.tr("Register Keberatan"), self.count, self.new_button)

        self.search, self._search_timer = search_box(
            self, self.tr("Cari nomor keberatan, nama pemohon, nomor permohonan atau kata dalam kasus posisi\u2026"),
            SEARCH_DELAY_MS, self.apply_filter, self._search_now)

        self.status = choice_filter(self.tr("Semua status"), Status)
        self.late_only = QCheckBox(self.tr("Terlambat saja"))
        self.late_only.setToolTip(self.tr("Keberatan yang belum diputuskan Atasan PPID dan sudah lewat 30 hari "
                                          "kerja"))
        self.period, self.date_from, self.date_to = period_filter(self.tr("Periode"))
        self.clear_button = QPushButton(self.tr("Hapus filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.status.currentIndexChanged.connect(self.apply_filter)
        for signal in (self.late_only.toggled, self.period.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged):
            signal.connect(self.apply_filter)

        search_row, filters = filter_rows(self.search, self.late_only, self.clear_button, (self.status,),
                                          self.period, self.date_from, self.date_to, self.tr("s.d."))
        self.table = record_table(self, "objectionTable", self.model, COLUMN_WIDTHS)
        self.table.activated.connect(self._activated)
        list_layout(self, head, search_row, filters, table=self.table)
        today = self._today()
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
        self.date_from.setDate(QDate(today.year, 1, 1))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)
        self.refresh()

    # ------------------------------------------------------------------ filters
    def current_filter(self) -> ObjectionFilter:
        status = self.status.currentData()
        period = self.period.isChecked()
        return ObjectionFilter(
            text=self.search.text().strip(),
            status=Status(status) if status else None,
            late_only=self.late_only.isChecked(),
            date_from=self.date_from.date().toPython() if period else None,
            date_to=self.date_to.date().toPython() if period else None,
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.refresh()

    def refresh(self) -> None:
        """Load again (after a filter, a new objection, a step taken, a calendar change)."""
        self._search_timer.stop()
        self.model.load(self.current_filter(), self._today(), self._calendar())
        self._show_count()

    def _search_now(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def clear_filters(self) -> None:
        widgets = (self.search, self.status, self.late_only, self.period)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.late_only.setChecked(False)
        self.period.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    # ------------------------------------------------------------------ table
    def _show_count(self) -> None:
        total = self.model.rowCount()
        filtered = self.model.filter != ObjectionFilter()
        text = self.tr("{0} keberatan cocok") if filtered else self.tr("{0} keberatan")
        self.count.setText(text.format(thousands(total)))

    def _activated(self, index: QModelIndex) -> None:
        objection_id = self.model.objection_id(index.row())
        if objection_id is not None:
            self.openObjection.emit(objection_id)

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def select_objection(self, objection_id: int) -> None:
        """Make the row of ``objection_id`` the current one (after coming back from its detail)."""
        row = self.model.row_of(lambda r: r.id == objection_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
