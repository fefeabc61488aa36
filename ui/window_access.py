"""The main window's side that follows the acting officer (issue 8): what their roles open
or dim (with the reason), the login / lock screen over the pages, and the forms asked
about before another officer takes the desk. Mixed into :class:`MainWindow`; the
window's constructor calls :meth:`WindowAccess._gate` once Beranda and the menus exist, and
:meth:`WindowAccess._gate_page` gates each other area's page when it is built (first shown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ppid_desk.accounts.roles import Permission

from .access import SETTINGS_PERMISSIONS, gate, refusal_of, refusal_of_any
from .session import current_officer, session


class WindowAccess:
    areas: tuple = ()  # the window's areas (main_window.AREAS)
    # Given by the window: the page of an area if built (``built_page``), ``_tell(key, call)``.
    built_page: Callable[[str], Any]
    _tell: Callable[[str, Callable[[Any], object]], None]
    # What each area needs: the roles that may not open it find it dimmed, with the reason.
    AREA_PERMISSIONS = {"laporan": (Permission.MAKE_REPORT,)}

    def _gate(self) -> None:
        """Disable what the acting officer's roles do not allow (ui/access.py), now and after
        every change of officer. The pages built later (the window builds an area's page when
        it is first shown) are gated by :meth:`_gate_page` as they are built; the step buttons
        of the detail pages gate themselves."""
        P = Permission
        gate(self.new_request_action, P.REGISTER_REQUEST)
        gate(self.new_objection_action, P.REGISTER_OBJECTION)
        gate(self.new_message_action, P.RECORD_MESSAGE)
        session().officerChanged.connect(self.apply_officer)
        self._officer_id: int | None = None
        self._officer_label = QLabel()
        self._officer_label.setObjectName("officerLabel")
        self.statusBar().addPermanentWidget(self._officer_label)
        self._gate_areas()

    def _gate_page(self, key: str, page) -> None:
        """The acting officer's roles on an area's page just built (its gates then follow
        every change of officer by themselves)."""
        P = Permission
        if key == "permohonan":
            gate(page.register.new_button, P.REGISTER_REQUEST)
            gate(page.detail.dip.link_button, P.LINK_DIP)
            gate(page.detail.dip.unlink_button, P.LINK_DIP)
        elif key == "keberatan":
            gate(page.page.new_button, P.REGISTER_OBJECTION)
        elif key == "pesan":
            gate(page.page.new_button, P.RECORD_MESSAGE)
        elif key == "dip":
            gate(page.page.new_button, P.EDIT_DIP)
            gate(page.page.import_button, P.IMPORT_DIP)
            gate(page.page.export_button, P.EXPORT_REGISTER)
            for button in (page.detail.edit_button, page.detail.retire_button, page.detail.reactivate_button):
                gate(button, P.EDIT_DIP)
        elif key == "pengaturan":
            page.apply_officer()

    def _built_areas(self) -> list:
        """The register, objection, inbox and DIP areas built so far."""
        return [page for key in ("permohonan", "keberatan", "pesan", "dip")
                if (page := self.built_page(key)) is not None]

    def _area_refusal(self, key: str) -> str | None:
        if key == "pengaturan":
            return refusal_of_any(SETTINGS_PERMISSIONS)
        return refusal_of(self.AREA_PERMISSIONS.get(key, ()))

    def _gate_areas(self) -> None:
        for row, area in enumerate(self.areas):
            if not area.ready:
                continue
            item = self.nav.item(row)
            reason = self._area_refusal(area.key)
            flags = item.flags() | Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags if reason is None else flags & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(self.tr("{0} ({1})").format(area.title, f"Ctrl+{row + 1}") if reason is None else reason)
        officer = current_officer()
        self._officer_label.setText(self.tr("Petugas: {0} ({1})").format(officer.name, officer.role_text)
                                    if officer is not None else "")

    def apply_officer(self, officer: object = None) -> None:
        """Another officer (or nobody): areas, lists and settings follow their roles (only
        the pages built so far; a page built later starts from the officer of that moment)."""
        self._gate_areas()
        self._tell("pengaturan", lambda settings: settings.apply_officer())
        if officer is None:
            return  # the login screen covers everything; the next officer refreshes
        if getattr(officer, "id", None) != self._officer_id:  # another person: a fresh desk
            self._officer_id = getattr(officer, "id", None)
            for area in self._built_areas():
                area.show_list()
            self.show_page("beranda")
        elif self._area_refusal(self.current_page()) is not None:
            self.show_page("beranda")
        self.home.refresh()
        register = self.built_page("permohonan")
        if register is not None:
            register.register.refresh()  # masked or not
            if register.currentWidget() is register.detail:
                register.detail.reload()
        for key in ("keberatan", "pesan", "dip"):
            self._tell(key, lambda area: area.refresh())

    def install_desk_lock(self, lock) -> None:
        """The app's start gives the window its login and lock (ui/accounts/desk_lock.py)."""
        self.desk_lock = lock
        for action in (self.account_separator, self.lock_action, self.switch_action, self.password_action):
            action.setVisible(True)
        self.lock_action.triggered.connect(lock.lock)
        self.switch_action.triggered.connect(lock.switch_officer)
        self.password_action.triggered.connect(lock.change_password)

    def cover(self, screen: QWidget) -> None:
        """Hide the pages (and turn off the menus and shortcuts) under ``screen``."""
        if self.cover_stack.indexOf(screen) < 0:
            self.cover_stack.addWidget(screen)
        self.cover_stack.setCurrentWidget(screen)
        self.menuBar().setEnabled(False)
        self.desk_actions.setEnabled(False)
        self.statusBar().clearMessage()  # a passing message may name a request

    def uncover(self) -> None:
        self.cover_stack.setCurrentWidget(self.body)
        self.menuBar().setEnabled(True)
        self.desk_actions.setEnabled(True)

    def is_covered(self) -> bool:
        return self.cover_stack.currentWidget() is not self.body

    def unsaved_forms(self) -> list[str]:
        """The forms holding typing that was not saved, by name (pages not built yet hold none)."""
        register, objections, inbox, dip, settings = (
            self.built_page(key) for key in ("permohonan", "keberatan", "pesan", "dip", "pengaturan"))
        forms = []
        if register is not None:
            forms.append((register.intake, self.tr("formulir permohonan")))
        if objections is not None:
            forms.append((objections.form, self.tr("formulir keberatan")))
        if inbox is not None:
            forms.append((inbox.form, self.tr("formulir pesan masuk")))
        if settings is not None:
            forms += [(settings.office_tab, self.tr("Pengaturan \u203a Data Kantor")),
                      (settings.hours_tab, self.tr("Pengaturan \u203a Jam Layanan"))]
        found = [name for form, name in forms if form.is_dirty()]
        if inbox is not None and inbox.currentWidget() is inbox.conversion:
            found.append(self.tr("permohonan dari pesan masuk"))
        if dip is not None and dip.currentWidget() is dip.form:
            found.append(self.tr("formulir entri DIP"))
        return found

    def discard_forms(self) -> None:
        """Empty every form (another officer takes the desk)."""
        self._tell("permohonan", lambda register: register.intake.start_new(ask=False))
        self._tell("keberatan", lambda objections: objections.form.start(None))
        self._tell("pesan", lambda inbox: inbox.form.start_new())
        self._tell("pengaturan", lambda settings: settings.reload())
        for area in self._built_areas():
            area.show_list()

    def _refused(self, permission: Permission) -> bool:
        """Say in the status bar why the officer may not do ``permission``; True when refused."""
        reason = refusal_of((permission,))
        if reason:
            self.statusBar().showMessage(reason, 8000)
        return reason is not None

