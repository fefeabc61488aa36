"""Jam Layanan: the desk's opening hours and breaks for each weekday."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ppid_desk.calendar import WEEKDAY_NAMES, DayHours
from ppid_desk.errors import ValidationError
from ppid_desk.workdays import load_service_hours, parse_hhmm, save_service_hours, validate_day_hours

from ..session import current_actor
from ..widgets.field_errors import error_label

DEFAULT_OPENS = time(8, 0)
DEFAULT_CLOSES = time(16, 0)
_BREAK = re.compile(r"^\s*(\S+)\s*[-\u2013]\s*(\S+)\s*$")


def parse_breaks(text: str) -> tuple[tuple[time, time], ...]:
    """``"12:00-13:00, 15:00-15:15"`` as pairs of times; ValidationError when unreadable."""
    breaks = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        unreadable = ValidationError(f"Istirahat \u201c{part}\u201d tidak sah; tulis misalnya 12:00-13:00.")
        match = _BREAK.match(part)
        if not match:
            raise unreadable
        try:
            breaks.append((parse_hhmm(match.group(1)), parse_hhmm(match.group(2))))
        except ValidationError:
            raise unreadable from None
    return tuple(breaks)


def format_breaks(breaks: tuple[tuple[time, time], ...]) -> str:
    return ", ".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in breaks)


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumWidth(80)
    return edit


class DayRow:
    """The widgets of one weekday."""

    def __init__(self, weekday: int, grid: QGridLayout, row: int, parent: QWidget):
        self.weekday = weekday
        name = QLabel(f"<b>{WEEKDAY_NAMES[weekday]}</b>")
        self.open = QCheckBox(parent.tr("Buka"))
        self.open.setAccessibleName(parent.tr("{0} buka").format(WEEKDAY_NAMES[weekday]))
        self.opens = _time_edit()
        self.closes = _time_edit()
        self.breaks = QLineEdit()
        self.breaks.setPlaceholderText(parent.tr("mis. 12:00-13:00"))
        self.error = error_label()
        self.open.toggled.connect(self._enable)
        grid.addWidget(name, row, 0)
        grid.addWidget(self.open, row, 1)
        grid.addWidget(self.opens, row, 2)
        grid.addWidget(self.closes, row, 3)
        grid.addWidget(self.breaks, row, 4)
        grid.addWidget(self.error, row + 1, 1, 1, 4)

    def _enable(self, on: bool) -> None:
        for widget in (self.opens, self.closes, self.breaks):
            widget.setEnabled(on)

    def show_hours(self, hours: DayHours | None) -> None:
        shown = hours or DayHours(DEFAULT_OPENS, DEFAULT_CLOSES)
        self.opens.setTime(QTime(shown.opens.hour, shown.opens.minute))
        self.closes.setTime(QTime(shown.closes.hour, shown.closes.minute))
        self.breaks.setText(format_breaks(shown.breaks) if hours else "")
        self.open.setChecked(hours is not None)
        self._enable(hours is not None)

    def hours(self) -> DayHours | None:
        """The typed hours (None when closed); ValidationError when they do not make sense."""
        if not self.open.isChecked():
            return None
        opens, closes = self.opens.time(), self.closes.time()
        try:
            breaks = parse_breaks(self.breaks.text())
        except ValidationError as exc:
            raise ValidationError(exc.message, "breaks") from None
        hours = DayHours(time(opens.hour(), opens.minute()), time(closes.hour(), closes.minute()), breaks)
        try:
            validate_day_hours(hours)
        except ValidationError as exc:
            raise ValidationError(exc.message, "opens" if hours.opens >= hours.closes else "breaks") from None
        return hours

    def focus(self, field: str | None) -> None:
        {"opens": self.opens, "breaks": self.breaks}.get(field or "", self.opens).setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class HoursTab(QWidget):
    hoursChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        group = QGroupBox(self.tr("Jam layanan meja informasi"))
        grid = QGridLayout(group)
        grid.setHorizontalSpacing(14)
        for column, text in enumerate((self.tr("Hari"), "", self.tr("Jam buka"), self.tr("Jam tutup"),
                                       self.tr("Istirahat (pisahkan dengan koma)"))):
            grid.addWidget(QLabel(text), 0, column)
        self.rows = [DayRow(day, grid, 1 + 2 * day, self) for day in range(7)]
        grid.setColumnStretch(4, 1)
        note = QLabel(self.tr(
            "Permohonan yang diterima setelah jam tutup dihitung diterima pada hari kerja berikutnya; "
            "yang diterima sebelum jam buka dihitung diterima hari itu. Hari kerja dan hari libur diatur "
            "di tab Kalender Kerja; pada hari kerja yang tidak dicentang \u201cBuka\u201d, permohonan "
            "jam berapa pun dihitung diterima hari itu."))
        note.setWordWrap(True)
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setToolTip(self.tr("Simpan jam layanan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(bar)
        for row in self.rows:
            for signal in (row.open.toggled, row.opens.timeChanged, row.closes.timeChanged, row.breaks.textEdited):
                signal.connect(self._edited)
        self.reload()

    def reload(self) -> None:
        stored = load_service_hours()
        for row in self.rows:
            row.show_hours(stored.get(row.weekday))
            row.show_error("")
        self.status.clear()

    def _edited(self, *_: object) -> None:
        self.status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def is_dirty(self) -> bool:
        """Edits not saved yet (what the status line says)."""
        return self.status.text() == self.tr("Ada perubahan yang belum disimpan.")

    def save(self) -> bool:
        hours: dict[int, DayHours] = {}
        first_bad: tuple[DayRow, str | None] | None = None
        for row in self.rows:
            try:
                day = row.hours()
            except ValidationError as exc:
                row.show_error(exc.message)
                first_bad = first_bad or (row, exc.field)
                continue
            row.show_error("")
            if day is not None:
                hours[row.weekday] = day
        if first_bad is not None:
            self.status.setText(self.tr("Belum tersimpan: periksa jam yang ditandai merah."))
            first_bad[0].focus(first_bad[1])
            return False
        try:
            save_service_hours(hours, actor=current_actor())
        except ValidationError as exc:
            self.status.setText(exc.message)
            return False
        self.reload()
        self.status.setText(self.tr("Tersimpan."))
        self.hoursChanged.emit()
        return True
