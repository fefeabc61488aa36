"""Kalender Kerja: a year's days off and the office's own closures and worked days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ppid_desk.calendar import DayOffSource, OverrideKind
from ppid_desk.dates import long_date
from ppid_desk.errors import PpidError
from ppid_desk.office import load_office
from ppid_desk.workdays import CalendarRow, add_override, load_calendar, remove_override, year_rows

from ..session import current_actor
from ..widgets.confirm import confirm_destructive
from ..widgets.list_model import ListTableModel
from ..widgets.save_dialog import SaveDialog

TEXT_COLOUR = QColor("#1f2933")
# Background of the Sumber cell: light tints, dark text on all of them (contrast > 10:1).
SOURCE_COLOURS = {
    DayOffSource.NATIONAL: QColor("#fbe3e1"),
    DayOffSource.CUTI_BERSAMA: QColor("#fdebd3"),
    DayOffSource.OFFICE: QColor("#dfeafb"),
    None: QColor("#e2f3e6"),  # a listed day off the office works
}
FIRST_YEAR, LAST_YEAR = 2000, 2100


class CalendarModel(ListTableModel[CalendarRow]):
    DATE, SOURCE, NOTE = range(3)
    RowRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QWidget | None = None):
        super().__init__((self.tr("Tanggal"), self.tr("Sumber"), self.tr("Keterangan")), parent)

    def source_text(self, row: CalendarRow) -> str:
        if row.source is None:
            return self.tr("masuk (kantor)")
        return {
            DayOffSource.NATIONAL: self.tr("nasional"),
            DayOffSource.CUTI_BERSAMA: self.tr("cuti bersama"),
            DayOffSource.OFFICE: self.tr("kantor"),
            DayOffSource.WEEKEND: self.tr("akhir pekan"),
        }[row.source]

    def display(self, row: CalendarRow, column: int) -> str:
        return (long_date(row.day), self.source_text(row), row.name)[column]

    def role_data(self, row: CalendarRow, column: int, role: int):
        if column == self.SOURCE and role == Qt.ItemDataRole.BackgroundRole:
            return SOURCE_COLOURS.get(row.source)
        if column == self.SOURCE and role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_COLOUR
        if role == self.RowRole:
            return row
        return None


class OverrideDialog(SaveDialog):
    """Add an office closure (any date) or mark one listed day off as worked."""

    def __init__(self, kind: OverrideKind, day: date, day_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.added: date | None = None
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        if kind is OverrideKind.CLOSED:
            self.setWindowTitle(self.tr("Tambah hari libur kantor"))
            self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
            self.date_edit.setCalendarPopup(True)
            self.date_edit.setDisplayFormat("dd-MM-yyyy")
            self.reason.setPlaceholderText(self.tr("mis. Hari jadi kota, libur daerah"))
            self.errors.add_row(self.form, "day", self.tr("&Tanggal"), self.date_edit)
        else:
            self.setWindowTitle(self.tr("Tandai masuk kerja"))
            self.fixed_day = day
            shown = QLabel(f"{long_date(day)}<br><i>{day_name}</i>")
            self.form.addRow(self.tr("Tanggal"), shown)
            self.reason.setPlaceholderText(self.tr("mis. Kantor tetap melayani sesuai surat edaran"))
        self.errors.add_row(self.form, "reason", self.tr("&Alasan *"), self.reason)
        self.lay_out()
        self.setMinimumWidth(460)

    def day(self) -> date:
        if self.kind is OverrideKind.CLOSED:
            return self.date_edit.date().toPython()
        return self.fixed_day

    def save(self) -> None:
        add_override(self.day(), self.kind, self.reason.text(), actor=current_actor())
        self.added = self.day()


class CalendarTab(QWidget):
    calendarChanged = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._today = today or date.today()
        self.dialog: OverrideDialog | None = None
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(self._today.year)
        self.year.valueChanged.connect(lambda _year: self.reload())
        year_label = QLabel(self.tr("&Tahun"))
        year_label.setBuddy(self.year)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = CalendarModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CalendarModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CalendarModel.SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CalendarModel.NOTE, QHeaderView.ResizeMode.Stretch)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_selected)

        self.add_button = QPushButton(self.tr("Tambah hari &libur kantor..."))
        self.worked_button = QPushButton(self.tr("Tandai &masuk kerja..."))
        self.remove_button = QPushButton(self.tr("&Hapus pengaturan kantor"))
        self.add_button.clicked.connect(self.add_closure)
        self.worked_button.clicked.connect(self.mark_worked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.worked_button.setToolTip(self.tr("Kantor tetap melayani pada hari libur yang dipilih"))
        self.remove_button.setToolTip(self.tr("Hapus libur kantor atau tanda masuk kerja yang dipilih"))

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.worked_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self, select: date | None = None) -> None:
        year = self.year.value()
        calendar = load_calendar()
        self.model.set_rows(year_rows(calendar, year))
        warning = calendar.year_warning(year)
        self.warning.setText(warning or "")
        self.warning.setVisible(bool(warning))
        if load_office().cuti_bersama_off:
            note = self.tr("Akhir pekan tidak ditampilkan. Cuti bersama dihitung hari libur "
                           "(dapat diubah di tab Data Kantor).")
        else:
            note = self.tr("Akhir pekan tidak ditampilkan. Cuti bersama tidak dihitung hari libur dan "
                           "tidak tercantum di sini (dapat diubah di tab Data Kantor).")
        self.note.setText(note)
        if select is not None and (row := self.model.row_of(lambda r: r.day == select)) >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_row(self) -> CalendarRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        row = self.selected_row()
        self.worked_button.setEnabled(row is not None and row.override is None
                                      and row.source in (DayOffSource.NATIONAL, DayOffSource.CUTI_BERSAMA))
        self.remove_button.setEnabled(row is not None and row.override is not None)

    # ------------------------------------------------------------------ actions
    def add_closure(self) -> None:
        year = self.year.value()
        start = self._today if year == self._today.year else date(year, self._today.month, min(self._today.day, 28))
        self._open(OverrideDialog(OverrideKind.CLOSED, start, parent=self))

    def mark_worked(self) -> None:
        row = self.selected_row()
        if row is not None and self.worked_button.isEnabled():
            self._open(OverrideDialog(OverrideKind.WORKED, row.day, row.name, parent=self))

    def _open(self, dialog: OverrideDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed(dialog.added))
        dialog.finished.connect(lambda _result: self._dialog_gone(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _changed(self, day: date | None) -> None:
        if day is not None and day.year != self.year.value():
            self.year.setValue(day.year)
        self.reload(select=day)
        self.calendarChanged.emit()

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.override is None:
            return
        what = self.tr("libur kantor") if row.override is OverrideKind.CLOSED else self.tr("tanda masuk kerja")
        if not confirm_destructive(self, self.tr("Hapus pengaturan kantor"),
                                   self.tr("Hapus {0} pada {1}? Tenggat yang masih berjalan akan dihitung ulang.")
                                   .format(what, long_date(row.day)), self.tr("Hapus")):
            return
        try:
            remove_override(row.day, actor=current_actor())
        except PpidError as exc:
            QMessageBox.warning(self, self.tr("Pengaturan tidak dapat dihapus"), exc.message)
        self.reload(select=row.day)
        self.calendarChanged.emit()
