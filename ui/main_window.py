"""The main window: navigation on the left, one page per area of the work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
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
from ppid_desk.office import load_office
from ppid_desk.store import Store

from .home_page import HomePage
from .objections.area import ObjectionArea
from .register.area import RegisterArea
from .settings.page import SettingsPage


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
    Area("dip", "Daftar Informasi Publik", False, "Daftar Informasi Publik belum tersedia di versi ini."),
    Area("laporan", "Laporan", False, "Laporan berkala belum tersedia di versi ini."),
    Area("pengaturan", "Pengaturan", True),
)


class UnavailablePage(QLabel):
    """Shown only if a not-yet-open area is reached programmatically."""

    def __init__(self, area: Area, parent: QWidget | None = None):
        super().__init__(area.note, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("unavailablePage")


class MainWindow(QMainWindow):
    pageChanged = Signal(str)

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
        self.settings = SettingsPage(store)
        built = {"beranda": self.home, "permohonan": self.register, "keberatan": self.objections,
                 "pengaturan": self.settings}
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
        self.setCentralWidget(central)

        self._build_menu()
        self.settings.officeChanged.connect(self.refresh_office)
        self.settings.calendarChanged.connect(self.home.refresh)
        self.settings.officeChanged.connect(self.home.refresh)
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
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Keluar"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("Ban&tuan"))
        about = help_menu.addAction(self.tr("&Tentang PPID Desk"))
        about.triggered.connect(self.show_about)

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
        if not self.show_page("keberatan"):
            return False
        return self.objections.show_form(request_id, back_to="permohonan" if request_id is not None else None)

    def open_objection(self, objection_id: int, back_to: str | None = None) -> bool:
        """Show an objection's detail (``back_to``: the area Kembali returns to)."""
        if not self.show_page("keberatan"):
            return False
        return self.objections.show_objection(objection_id, back_to=back_to)

    def current_page(self) -> str:
        return self._keys[self.pages.currentIndex()]

    def show_page(self, key: str) -> bool:
        """Switch to an area; False (and nothing changes) when it is not open yet."""
        row = self._keys.index(key)
        if not AREAS[row].ready:
            self.statusBar().showMessage(self.tr(AREAS[row].note), 5000)
            return False
        self.nav.setCurrentRow(row)
        return True

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        self.pageChanged.emit(self._keys[row])
