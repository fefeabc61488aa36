"""The main window: navigation on the left, one page per area of the work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
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
from ppid_desk.errors import StoreError
from ppid_desk.office import load_office
from ppid_desk.store import Store

from .connection import Changes, ConnectionMonitor, ConnectionStatus, kept_scroll, kept_view, list_view, record_key
from .home_page import HomePage
from .window_access import WindowAccess

if TYPE_CHECKING:
    from .dip.area import DipArea
    from .inbox.area import InboxArea
    from .objections.area import ObjectionArea
    from .register.area import RegisterArea
    from .reports.page import ReportsPage
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


class PendingPage(QWidget):
    """Holds an area's place in the stack until the area is first shown (or reached in
    code); then :meth:`MainWindow.page` builds the real page and puts it here instead."""

    def __init__(self, area: Area, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pendingPage")
        self.key = area.key


class MainWindow(WindowAccess, QMainWindow):
    """Beranda is built with the window; every other area's page the first time it is shown
    or reached in code (``window.register``, ``window.settings``, …, or :meth:`page`), so
    the window opens quickly and the Excel library (openpyxl) loads only when it is used.
    Signals between pages are wired when a page is built; a page not built yet is simply
    not told (it reads everything fresh when it is built)."""

    pageChanged = Signal(str)
    pageBuilt = Signal(str)  # an area's page was just built (its key)
    areas = AREAS

    def __init__(self, store: Store, parent: QWidget | None = None, now: Callable[[], datetime] | None = None):
        """``now``: the clock of the desk (tests and screenshots fix it; default the real one)."""
        super().__init__(parent)
        self.store = store
        self._now = now
        self._built: dict[str, QWidget] = {}
        self._when_built: dict[str, list[Callable[[Any], object]]] = {}
        self.setMinimumSize(960, 600)
        self.resize(1180, 760)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(230)
        self.pages = QStackedWidget()
        self.home = HomePage(store, now=now() if now else None)
        self._built["beranda"] = self.home
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
            if area.key in self._built:
                self.pages.addWidget(self._built[area.key])
            else:
                self.pages.addWidget(PendingPage(area) if area.ready else UnavailablePage(area))
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

        # The register's connection and the changes other desks make (ui/connection.py): the
        # app's start calls ``self.connection.start()``; a window built by a test does not poll.
        self.connection = ConnectionMonitor(store, self)
        self.connection_status: ConnectionStatus | None = None
        if store.is_postgres:
            self.connection_status = ConnectionStatus(self.connection)
            self.statusBar().addPermanentWidget(self.connection_status)
            self.connection.changed.connect(self._connection_changed)
        self.connection.dataChanged.connect(self.show_changes_elsewhere)
        self.connection.queueSent.connect(lambda text: self.statusBar().showMessage(text, 15000))

        self._build_menu()
        self._gate()
        self.home.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="beranda"))
        self.home.openObjection.connect(lambda objection_id: self.open_objection(objection_id, back_to="beranda"))
        self.home.openMessage.connect(lambda message_id: self.open_message(message_id, back_to="beranda"))
        if store.is_postgres:
            self.statusBar().showMessage(self.tr("Register: {0}; data desk: {1}").format(store.where,
                                                                                      str(store.data_dir)))
            # On a server the register area (and its intake form) is built right after the
            # window appears, while the server answers: if it goes away later, a request can
            # still be registered offline (the area needs the server to be built).
            QTimer.singleShot(0, self._build_register_early)
        else:
            self.statusBar().showMessage(self.tr("Data: {0}").format(str(store.data_dir)))
        self.refresh_office()
        self.show_page("beranda")

    # ------------------------------------------------------------------ the pages, built on first use
    @property
    def register(self) -> RegisterArea:
        return self.page("permohonan")

    @property
    def objections(self) -> ObjectionArea:
        return self.page("keberatan")

    @property
    def inbox(self) -> InboxArea:
        return self.page("pesan")

    @property
    def dip(self) -> DipArea:
        return self.page("dip")

    @property
    def reports(self) -> ReportsPage:
        return self.page("laporan")

    @property
    def settings(self) -> SettingsPage:
        return self.page("pengaturan")

    def is_built(self, key: str) -> bool:
        """Whether the page of area ``key`` exists yet."""
        return key in self._built

    def built_page(self, key: str) -> Any | None:
        """The page of area ``key`` if it was built, else None (never builds it)."""
        return self._built.get(key)

    def when_built(self, key: str, call: Callable[[Any], object]) -> None:
        """Call ``call(page)`` with the page of area ``key``: now if it exists, else once it is built."""
        page = self._built.get(key)
        if page is not None:
            call(page)
        else:
            self._when_built.setdefault(key, []).append(call)

    def _build_register_early(self) -> None:
        if not self.is_built("permohonan") and self.connection.online:
            try:
                self.page("permohonan")
            except StoreError:
                pass  # the server went away in between: built when it answers and is asked for

    def page(self, key: str) -> Any:
        """The page of area ``key``, built now if it was not yet."""
        page = self._built.get(key)
        if page is None:
            page = self._build_page(key)
        return page

    def _tell(self, key: str, call: Callable[[Any], object]) -> None:
        """``call(page)`` when the page of ``key`` exists (a page built later starts fresh anyway)."""
        page = self._built.get(key)
        if page is not None:
            call(page)

    def _build_page(self, key: str) -> QWidget:
        row = self._keys.index(key)
        if not AREAS[row].ready:
            raise KeyError(f"area {key!r} is not open yet")
        page = self._make_page(key)
        self._built[key] = page
        placeholder = self.pages.widget(row)
        self.pages.insertWidget(row, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self._wire_page(key, page)
        self._gate_page(key, page)
        for call in self._when_built.pop(key, []):
            call(page)
        self.pageBuilt.emit(key)
        return page

    def _make_page(self, key: str) -> QWidget:
        # Imported here, not at the top: each area's modules (and openpyxl behind Laporan and
        # the DIP's import) load when the area is first used, not when the window opens.
        now = self._now
        if key == "permohonan":
            from .register.area import RegisterArea
            return RegisterArea(self.store, now=now)
        if key == "keberatan":
            from .objections.area import ObjectionArea
            return ObjectionArea(now=now)
        if key == "pesan":
            from .inbox.area import InboxArea
            return InboxArea(now=now)
        if key == "dip":
            from .dip.area import DipArea
            return DipArea(now=now)
        if key == "laporan":
            from .reports.page import ReportsPage
            return ReportsPage(self.store, now=now)
        if key == "pengaturan":
            from .settings.page import SettingsPage
            return SettingsPage(self.store)
        raise KeyError(key)

    def _wire_page(self, key: str, page: Any) -> None:
        """Connect the signals ``page`` sends to the window and to the pages that exist; the
        pages built later are told through :meth:`_tell` (a page not built yet is not told)."""
        tell = self._tell
        if key == "permohonan":
            def request_changed(_id: int) -> None:
                self.home.refresh()
                tell("keberatan", lambda p: p.refresh())
                tell("pesan", lambda p: p.refresh())  # a converted request's status
                tell("dip", lambda p: p.refresh())  # linked or unlinked
            page.requestChanged.connect(request_changed)
            page.leaveRequested.connect(self.show_page)
            page.objectionRequested.connect(self.new_objection)
            page.openObjection.connect(lambda objection_id: self.open_objection(objection_id, back_to="permohonan"))
            page.openDipEntry.connect(lambda entry_id: self.open_dip_entry(entry_id, back_to="permohonan"))
            page.intake.queuedOffline.connect(lambda _number: self.connection.recount())
        elif key == "keberatan":
            # Objections: filed from a request's detail, steps that change the request, links both ways.
            def objection_request_changed(request_id: int) -> None:
                tell("permohonan", lambda p: p.refresh_request(request_id))
                self.home.refresh()
            page.objectionChanged.connect(lambda _id: self.home.refresh())
            page.requestChanged.connect(objection_request_changed)
            page.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="keberatan"))
            page.leaveRequested.connect(self.show_page)
        elif key == "pesan":
            # Inbox: a message turned into a request, links to the request, Beranda's message lists.
            def message_request_changed(request_id: int) -> None:
                tell("permohonan", lambda p: p.refresh_request(request_id))
                tell("dip", lambda p: p.refresh())  # a message's request, linked at once
            page.messageChanged.connect(lambda _id: self.home.refresh())
            page.requestChanged.connect(message_request_changed)
            page.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="pesan"))
            page.leaveRequested.connect(self.show_page)
        elif key == "dip":
            # DIP: requests linked to an entry open in the register and back.
            page.openRequest.connect(lambda request_id: self.open_request(request_id, back_to="dip"))
            page.leaveRequested.connect(self.show_page)
            page.entryChanged.connect(lambda _id: tell("permohonan", lambda p: p.detail.reload()))
        elif key == "pengaturan":
            def office_changed() -> None:
                self.refresh_office()
                self.home.refresh()
                tell("laporan", lambda p: p.refresh())

            def calendar_changed() -> None:
                self.home.refresh()
                tell("permohonan", lambda p: p.refresh_calendar())
                tell("keberatan", lambda p: p.refresh())
                tell("pesan", lambda p: p.refresh())

            def units_changed() -> None:
                tell("permohonan", lambda p: p.refresh_units())
                tell("pesan", lambda p: p.refresh_units())
                tell("dip", lambda p: p.refresh())
            page.officeChanged.connect(office_changed)
            page.calendarChanged.connect(calendar_changed)
            page.units_tab.unitsChanged.connect(units_changed)

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
        if AREAS[row].ready:
            self.page(self._keys[row])  # built the first time it is shown
        self.pages.setCurrentIndex(row)
        self.pageChanged.emit(self._keys[row])

    # ------------------------------------------------------------------ several desks (issue 11)
    def _connection_changed(self, online: bool) -> None:
        if online:
            self.statusBar().showMessage(self.tr("Server basis data tersambung kembali."), 8000)

    def show_changes_elsewhere(self, changes: Changes) -> None:
        """The register was written since the last look (another desk, the command line, or
        this desk itself): the pages built so far show it. The officer keeps their place —
        the current row, the scroll position, an open detail (reloaded only when its own
        record changed) — and a form being filled in is never touched."""
        if changes.touches_kind("office"):
            self.refresh_office()
        if changes.touches_kind("request", "objection", "message", "calendar", "office"):
            self.home.refresh()
        register = self.built_page("permohonan")
        if register is not None and changes.touches_kind("request", "calendar", "unit", "office"):
            page = register.register
            with kept_view(page.table, page.model.request_id, page.model.row_of):
                page.refresh()
            self._reload_detail(changes, register, register.detail, "request", register.detail.request_id)
        for key, kinds, kind, id_name in (
                ("keberatan", ("objection", "request", "calendar"), "objection", "objection_id"),
                ("pesan", ("message", "request", "calendar", "unit"), "message", "message_id"),
                ("dip", ("dip_entry", "request", "unit"), "dip_entry", "entry_id")):
            area = self.built_page(key)
            if area is None or not changes.touches_kind(*kinds):
                continue
            with list_view(area.page.table):
                area.page.refresh()
            self._reload_detail(changes, area, area.detail, kind, getattr(area.detail, id_name, None))

    @staticmethod
    def _reload_detail(changes: Changes, area: QStackedWidget, detail: QWidget, kind: str,
                       record_id: int | None) -> None:
        """Reload the detail on screen when the change named its record."""
        if record_id is None or area.currentWidget() is not detail:
            return
        if changes.everything or changes.touches(kind, record_key(kind, record_id)):
            with kept_scroll(detail):
                detail.reload()
