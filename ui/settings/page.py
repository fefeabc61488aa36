"""Pengaturan: one tab each for the office, its units, service hours and calendar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ppid_desk.store import Store

from .calendar_tab import CalendarTab
from .hours_tab import HoursTab
from .office_tab import OfficeTab
from .units_tab import UnitsTab


class SettingsPage(QWidget):
    """Emits ``officeChanged`` after the office data or logo is saved and
    ``calendarChanged`` after anything that moves deadlines (days off, hours,
    the cuti bersama rule)."""

    officeChanged = Signal()
    calendarChanged = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        title = QLabel(self.tr("Pengaturan"))
        title.setObjectName("pageTitle")
        self.office_tab = OfficeTab()
        self.units_tab = UnitsTab()
        self.hours_tab = HoursTab()
        self.calendar_tab = CalendarTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.office_tab, self.tr("Data Kantor"))
        self.tabs.addTab(self.units_tab, self.tr("Unit"))
        self.tabs.addTab(self.hours_tab, self.tr("Jam Layanan"))
        self.tabs.addTab(self.calendar_tab, self.tr("Kalender Kerja"))

        self.office_tab.officeChanged.connect(self.officeChanged)
        self.office_tab.calendarChanged.connect(self.calendar_tab.reload)
        self.office_tab.calendarChanged.connect(self.calendarChanged)
        self.hours_tab.hoursChanged.connect(self.calendarChanged)
        self.calendar_tab.calendarChanged.connect(self.calendarChanged)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        """Show what is stored now (e.g. after the first-run wizard or a restore)."""
        self.office_tab.reload()
        self.units_tab.reload()
        self.hours_tab.reload()
        self.calendar_tab.reload()
