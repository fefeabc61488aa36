"""Pengaturan: one tab each for the office, its units, service hours, calendar, the
officers' accounts, the audit log, where the register lives (Basis data) and backups;
each tab open only to the roles that may use it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ppid_desk.accounts.roles import Permission
from ppid_desk.accounts.service import find_officer
from ppid_desk.store import Store

from ..access import refusal_of_any
from ..backups.tab import BackupTab
from ..session import current_officer, session
from .audit_tab import AuditTab
from .calendar_tab import CalendarTab
from .database_tab import DatabaseTab
from .hours_tab import HoursTab
from .office_tab import OfficeTab
from .officers_tab import OfficersTab
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
        self.backup_tab = BackupTab(store)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.office_tab, self.tr("Data Kantor"))
        self.tabs.addTab(self.units_tab, self.tr("Unit"))
        self.tabs.addTab(self.hours_tab, self.tr("Jam Layanan"))
        self.tabs.addTab(self.calendar_tab, self.tr("Kalender Kerja"))
        self.officers_tab = OfficersTab()
        self.audit_tab = AuditTab()
        self.tabs.addTab(self.officers_tab, self.tr("Petugas"))
        self.tabs.addTab(self.audit_tab, self.tr("Jejak audit"))
        self.database_tab = DatabaseTab(store)
        self.tabs.addTab(self.database_tab, self.tr("Basis data"))
        self.tabs.addTab(self.backup_tab, self.tr("Cadangan"))
        P = Permission
        # Who may open each tab, in the tabs' order (any of the permissions).
        self.tab_permissions = [(P.EDIT_SETTINGS,), (P.EDIT_UNITS,), (P.EDIT_CALENDAR,), (P.EDIT_CALENDAR,),
                                (P.MANAGE_USERS,), (P.VIEW_AUDIT,), (P.EDIT_SETTINGS,), (P.BACKUP, P.RESTORE)]

        self.office_tab.officeChanged.connect(self.officeChanged)
        self.office_tab.calendarChanged.connect(self.calendar_tab.reload)
        self.office_tab.calendarChanged.connect(self.calendarChanged)
        self.hours_tab.hoursChanged.connect(self.calendarChanged)
        self.officers_tab.officersChanged.connect(self._officers_changed)
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
        self.backup_tab.reload()
        self.officers_tab.reload()
        self.database_tab.reload()

    def _officers_changed(self) -> None:
        """The admin changed their own account (roles): the session follows at once."""
        officer = current_officer()
        info = find_officer(officer.username) if officer is not None else None
        if info is not None and info.active and info.officer != officer:
            session().log_in(info.officer)

    def apply_officer(self) -> None:
        """Open the tabs the acting officer may use; the others dimmed, the reason as tooltip."""
        first_open = -1
        for index in range(self.tabs.count()):
            reason = refusal_of_any(self.tab_permissions[index])
            self.tabs.setTabEnabled(index, reason is None)
            self.tabs.setTabToolTip(index, reason or "")
            if reason is None and first_open < 0:
                first_open = index
        if first_open >= 0 and not self.tabs.isTabEnabled(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(first_open)
