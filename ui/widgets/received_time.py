"""The "Diterima" date and time of an intake form (a request, an objection): it follows the
clock until the officer changes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit


def received_time_edit(changed: Callable[[], None]) -> QDateTimeEdit:
    """A date and time edit to the minute; ``changed`` is called when the officer edits it."""
    edit = QDateTimeEdit()
    edit.setObjectName("received_at")
    edit.setDisplayFormat("dd-MM-yyyy HH:mm")
    edit.setCalendarPopup(True)
    edit.dateTimeChanged.connect(changed)
    return edit


def show_time(edit: QDateTimeEdit, moment: datetime) -> None:
    """Show ``moment`` (to the minute) without it counting as the officer's edit."""
    edit.blockSignals(True)
    edit.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)))
    edit.blockSignals(False)
