"""The main window's side that follows the acting officer (issue 8): what their roles open
or dim (with the reason), the login / lock screen over the pages, and the forms asked
about before another officer takes the desk. Mixed into :class:`MainWindow`; the
window's constructor calls :meth:`WindowAccess._gate` once its pages exist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ppid_desk.accounts.roles import Permission

from .access import SETTINGS_PERMISSIONS, gate, refusal_of, refusal_of_any
from .session import current_officer, session


class WindowAccess:
    areas: tuple = ()  # the window's areas (main_window.AREAS)
    # What each area needs: the roles that may not open it find it dimmed, with the reason.
    AREA_PERMISSIONS = {"laporan": (Permission.MAKE_REPORT,)}

    def _gate(self) -> None:
        """Disable what the acting officer's roles do not allow (ui/access.py), now and after
        every change of officer. The step buttons of the detail pages gate themselves."""
        P = Permission
        gate(self.new_request_action, P.REGISTER_REQUEST)
        gate(self.new_objection_action, P.REGISTER_OBJECTION)
        gate(self.new_message_action, P.RECORD_MESSAGE)
        gate(self.register.register.new_button, P.REGISTER_REQUEST)
        gate(self.objections.page.new_button, P.REGISTER_OBJECTION)
        gate(self.inbox.page.new_button, P.RECORD_MESSAGE)
        gate(self.dip.page.new_button, P.EDIT_DIP)
        gate(self.dip.page.import_button, P.IMPORT_DIP)
        gate(self.dip.page.export_button, P.EXPORT_REGISTER)
        for button in (self.dip.detail.edit_button, self.dip.detail.retire_button, self.dip.detail.reactivate_button):
            gate(button, P.EDIT_DIP)
        gate(self.register.detail.dip.link_button, P.LINK_DIP)
        gate(self.register.detail.dip.unlink_button, P.LINK_DIP)
        session().officerChanged.connect(self.apply_officer)
        self._officer_id: int | None = None
        self._officer_label = QLabel()
        self._officer_label.setObjectName("officerLabel")
        self.statusBar().addPermanentWidget(self._officer_label)
        self._gate_areas()

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
        """Another officer (or nobody): areas, lists and settings follow their roles."""
        self._gate_areas()
        self.settings.apply_officer()
        if officer is None:
            return  # the login screen covers everything; the next officer refreshes
        if getattr(officer, "id", None) != self._officer_id:  # another person: a fresh desk
            self._officer_id = getattr(officer, "id", None)
            for area in (self.register, self.objections, self.inbox, self.dip):
                area.show_list()
            self.show_page("beranda")
        elif self._area_refusal(self.current_page()) is not None:
            self.show_page("beranda")
        self.home.refresh()
        self.register.register.refresh()  # masked or not
        if self.register.currentWidget() is self.register.detail:
            self.register.detail.reload()
        self.objections.refresh()
        self.inbox.refresh()
        self.dip.refresh()

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
        """The forms holding typing that was not saved, by name."""
        forms = [(self.register.intake, self.tr("formulir permohonan")),
                 (self.objections.form, self.tr("formulir keberatan")),
                 (self.inbox.form, self.tr("formulir pesan masuk")),
                 (self.settings.office_tab, self.tr("Pengaturan \u203a Data Kantor")),
                 (self.settings.hours_tab, self.tr("Pengaturan \u203a Jam Layanan"))]
        found = [name for form, name in forms if form.is_dirty()]
        if self.inbox.currentWidget() is self.inbox.conversion:
            found.append(self.tr("permohonan dari pesan masuk"))
        if self.dip.currentWidget() is self.dip.form:
            found.append(self.tr("formulir entri DIP"))
        return found

    def discard_forms(self) -> None:
        """Empty every form (another officer takes the desk)."""
        self.register.intake.start_new(ask=False)
        self.objections.form.start(None)
        self.inbox.form.start_new()
        self.settings.reload()
        for area in (self.register, self.objections, self.inbox, self.dip):
            area.show_list()

    def _refused(self, permission: Permission) -> bool:
        """Say in the status bar why the officer may not do ``permission``; True when refused."""
        reason = refusal_of((permission,))
        if reason:
            self.statusBar().showMessage(reason, 8000)
        return reason is not None

