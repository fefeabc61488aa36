"""The main window: navigation on the left, one page per area of the work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ppid_desk import APP_NAME, __version__
from ppid_desk.accounts.roles import Permission
from ppid_desk.office import load_office
from ppid_desk.store import Store

from .dip.area import DipArea
from .home_page import HomePage
from .inbox.area import InboxArea
from .objections.area import ObjectionArea
from .register.area import RegisterArea
from .reports.page import ReportsPage
from .settings.page import SettingsPage
from .window_access import WindowAccess


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    ready: bool
    note: str = ""


# The areas of the product; those a later release fills are listed but not yet open.
AREAS = (
    Area("beranda", "Beranda", True),
    Area("permohonan", "Register Permohonan", True),
    Area("keberatan", "Keberatan", True),
    Area("pesan", "Pesan Masuk", True),
    Area("dip", "Daftar Informasi Publik", True),
    Area("laporan", "Laporan", True),
    Area("pengaturan", "Pengaturan", True),
)


class UnavailablePage(QLabel):
    """Shown only if a not-yet-open area is reached programmatically."""

    def __init__(self, area: Area, parent: QWidget | None = None):
        super().__init__(area.note, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("unavailablePage")


class MainWindow(WindowAccess, QMainWindow):
    pageChanged = Signal(str)
    areas = AREAS

    def __init__(self, store: Store, parent: QWidget | None = None, now: Callable[[], datetime] | None = None):
        """``now``: the clock of the desk (tests and screenshots fix it; default the real one)."""
        super().__init__(parent)
        self.store = store
        self.setMinimumSize(960, 600)
        self.resize(1180, 760)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(230)
        self.pages = QStackedWidget()
        self.home = HomePage(store, now=now() if now else None)
        self.register = RegisterArea(store, now=now)
        self.objections = ObjectionArea(now=now)
        self.inbox = InboxArea(now=now)
        self.dip = DipArea(now=now)
        self.settings = SettingsPage(store)
        self.reports = ReportsPage(store, now=now)
        built = {"beranda": self.home, "permohonan": self.register, "keberatan": self.objections,
                 "pesan": self.inbox, "dip": self.dip, "laporan": self.reports, "pengaturan": self.settings}
        self._keys: list[str] = []
        for index, area in enumerate(AREAS):
            item = QListWidgetItem(self.tr(area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            shortcut = f"Ctrl+{index + 1}"
            if area.ready:
                item.setToolTip(self.tr("{0} ({1})").format(area.title, shortcut))
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr(area.note))
            self.nav.addItem(item)
            self.pages.addWidget(built.get(area.key) or UnavailablePage(area))
            self._keys.append(area.key)
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, k=area.key: self.show_page(k))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._on_row)

        header = QLabel()
        header.setObjectName("navHeader")
        header.setWordWrap(True)
        self.nav_header = header
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(header)
        side.addWidget(self.nav, 1)
        side_widget = QWidget()
        side_widget.setObjectName("sidebar")
        side_widget.setLayout(side)
        side_widget.setFixedWidth(230)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(side_widget)
        body.addWidget(self.pages, 1)
        central = QWidget()
        central.setLayout(body)
        # The pages, or the login / lock screen over them (ui/accounts/desk_lock.py).
        self.cover_stack = QStackedWidget()
        self.cover_stack.addWidget(central)
        self.body = central
        self.setCentralWidget(self.cover_stack)

        self._build_menu()
        self._gate()
        self.settings.officeChanged.connect(self.refresh_office)
        self.settings.calendarChanged.connect(self.home.refresh)
        self.settings.officeChanged.connect(self.home.refresh)
        self.settings.officeChanged.connect(self.reports.refresh)
        self.settings.calendarChanged.connect(self.register.refresh_calendar)
        self.settings.units_tab.unitsChanged.connect(self.register.refresh_units)
        self.register.requestChanged.connect(self.home.refresh)
        self.register.leaveRequested.connect(self.show_page)
        self.home.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="beranda"))
        # Objections: filed from a request's detail, steps that change the request, links both ways.
        self.settings.calendarChanged.connect(self.objections.refresh)
        self.register.requestChanged.connect(lambda _id: self.objections.refresh())
        self.register.objectionRequested.connect(self.new_objection)
        self.register.openObjection.connect(lambda objection_id: self.open_objection(objection_id,
                                                                                    back_to="permohonan"))
        self.objections.objectionChanged.connect(self.home.refresh)
        self.objections.requestChanged.connect(self.register.refresh_request)
        self.objections.requestChanged.connect(self.home.refresh)
        self.objections.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="keberatan"))
        self.objections.leaveRequested.connect(self.show_page)
        self.home.openObjection.connect(lambda objection_id: self.open_objection(objection_id, back_to="beranda"))
        # Inbox: a message turned into a request, links to the request, Beranda's message lists.
        self.settings.calendarChanged.connect(self.inbox.refresh)
        self.settings.units_tab.unitsChanged.connect(self.inbox.refresh_units)
        self.inbox.messageChanged.connect(self.home.refresh)
        self.inbox.requestChanged.connect(self.register.refresh_request)
        self.register.requestChanged.connect(lambda _id: self.inbox.refresh())  # a converted request's status
        self.inbox.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="pesan"))
        self.inbox.leaveRequested.connect(self.show_page)
        self.home.openMessage.connect(lambda message_id: self.open_message(message_id, back_to="beranda"))
        # DIP: requests linked to an entry open in the register and back; a request's entry opens here.
        self.dip.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="dip"))
        self.dip.leaveRequested.connect(self.show_page)
        self.dip.entryChanged.connect(lambda _id: self.register.detail.reload())
        self.register.openDipEntry.connect(lambda entry_id: self.open_dip_entry(entry_id, back_to="permohonan"))
        self.register.requestChanged.connect(lambda _id: self.dip.refresh())  # linked or unlinked
        self.inbox.requestChanged.connect(lambda _id: self.dip.refresh())  # a message's request, linked at once
        self.settings.units_tab.unitsChanged.connect(self.dip.refresh)
        self.statusBar().showMessage(self.tr("Data: {0}").format(str(store.data_dir)))
        self.refresh_office()
        self.show_page("beranda")

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        # The one Ctrl+N of the window: from anywhere, the intake form; on the form, a fresh one.
        new_request = file_menu.addAction(self.tr("Permohonan &baru"))
        new_request.setShortcut(QKeySequence.StandardKey.New)
        new_request.triggered.connect(self.new_request)
        self.addAction(new_request)  # also while the menu bar is hidden or not focused
        new_objection = file_menu.addAction(self.tr("&Keberatan baru (tanpa permohonan di register)"))
        new_objection.triggered.connect(lambda: self.new_objection(None))
        new_message = file_menu.addAction(self.tr("Pesan &masuk baru"))
        new_message.triggered.connect(self.new_message)
        self.new_request_action, self.new_objection_action, self.new_message_action = \
            new_request, new_objection, new_message
        # The officer's entries, shown once the app's start installs the desk lock.
        self.account_separator = file_menu.addSeparator()
        self.lock_action = file_menu.addAction(self.tr("&Kunci layar"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_action = file_menu.addAction(self.tr("&Ganti petugas…"))
        self.password_action = file_menu.addAction(self.tr("Ganti kata &sandi…"))
        for action in (self.account_separator, self.lock_action, self.switch_action, self.password_action):
            action.setVisible(False)
        self.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Keluar"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.setToolTipsVisible(True)  # a disabled entry says why
        help_menu = self.menuBar().addMenu(self.tr("Ban&tuan"))
        about = help_menu.addAction(self.tr("&Tentang PPID Desk"))
        about.triggered.connect(self.show_about)
        # Off, all together, while the login or lock screen covers the pages; an action's own
        # enabled state (its role gate) comes back when the group is on again.
        self.desk_actions = QActionGroup(self)
        self.desk_actions.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for action in {*self.actions(), *file_menu.actions(), *help_menu.actions()}:
            if not action.isSeparator():
                self.desk_actions.addAction(action)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Tentang PPID Desk"),
            self.tr("<b>{0}</b> versi {1}<br>Register layanan informasi publik (UU 14/2008).<br>"
                    "Data: {2}").format(APP_NAME, __version__, str(self.store.data_dir)),
        )

    def refresh_office(self) -> None:
        office = load_office()
        name = office.agency_name.strip()
        self.setWindowTitle(f"{APP_NAME} \u2014 {name}" if name else APP_NAME)
        self.nav_header.setText(
            f"<b>{APP_NAME}</b><br><span>{name or self.tr('Kantor belum diatur')}</span>"
        )

    def new_request(self) -> None:
        if self._refused(Permission.REGISTER_REQUEST):
            return
        if self.show_page("permohonan"):
            self.register.show_form()

    def open_request(self, request_id: int, back_to: str | None = None) -> bool:
        """Show a request's detail (from Beranda, ``back_to="beranda"`` returns there)."""
        if not self.show_page("permohonan"):
            return False
        return self.register.show_request(request_id, back_to=back_to)

    def new_objection(self, request_id: int | None = None) -> bool:
        """The objection form: for request ``request_id`` (from its detail, Kembali returns there)
        or, with None, a standalone objection."""
        if self._refused(Permission.REGISTER_OBJECTION) or not self.show_page("keberatan"):
            return False
        return self.objections.show_form(request_id, back_to="permohonan" if request_id is not None else None)

    def open_objection(self, objection_id: int, back_to: str | None = None) -> bool:
        """Show an objection's detail (``back_to``: the area Kembali returns to)."""
        if not self.show_page("keberatan"):
            return False
        return self.objections.show_objection(objection_id, back_to=back_to)

    def new_message(self) -> bool:
        """The "Pesan baru" form of the inbox."""
        if self._refused(Permission.RECORD_MESSAGE) or not self.show_page("pesan"):
            return False
        self.inbox.show_form()
        return True

    def open_message(self, message_id: int, back_to: str | None = None) -> bool:
        """Show an inbox message's detail (``back_to``: the area Kembali returns to)."""
        if not self.show_page("pesan"):
            return False
        return self.inbox.show_message(message_id, back_to=back_to)

    def open_dip_entry(self, entry_id: int, back_to: str | None = None) -> bool:
        """Show a DIP entry's detail (``back_to``: the area Kembali returns to)."""
        if not self.show_page("dip"):
            return False
        return self.dip.show_entry(entry_id, back_to=back_to)

    def current_page(self) -> str:
        return self._keys[self.pages.currentIndex()]

    def show_page(self, key: str) -> bool:
        """Switch to an area; False (and nothing changes) when it is not open yet."""
        row = self._keys.index(key)
        if not AREAS[row].ready:
            self.statusBar().showMessage(self.tr(AREAS[row].note), 5000)
            return False
        reason = self._area_refusal(key)
        if reason:
            self.statusBar().showMessage(reason, 8000)
            return False
        self.nav.setCurrentRow(row)
        return True

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        self.pageChanged.emit(self._keys[row])
