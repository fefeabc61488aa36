"""Pengaturan → Petugas (Admin): the officers' accounts, their roles and state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from ppid_desk.accounts.officer import Actor
from ppid_desk.accounts.service import OfficerInfo, activate, deactivate, list_officers
from ppid_desk.dates import clock, short_date
from ppid_desk.errors import PpidError

from ..session import current_actor
from ..widgets.confirm import confirm_destructive
from ..widgets.list_model import ListTableModel
from .officer_dialogs import AddOfficerDialog, ResetPasswordDialog, RolesDialog

INACTIVE_COLOUR = QColor("#6b7280")
LOCKED_COLOUR = QColor("#b00020")


def moment(when: datetime | None) -> str:
    return f"{short_date(when.date())} {clock(when)}" if when else ""


class OfficerModel(ListTableModel[OfficerInfo]):
    NAME, USERNAME, ROLES, STATE, LOCKED, LAST = range(6)

    def __init__(self, now: Callable[[], datetime], parent=None):
        super().__init__((self.tr("Nama"), self.tr("Nama pengguna"), self.tr("Peran"), self.tr("Status"),
                          self.tr("Dikunci sampai"), self.tr("Terakhir masuk")), parent)
        self._now = now

    def _locked(self, officer: OfficerInfo) -> bool:
        return officer.locked_until is not None and officer.locked_until > self._now()

    def display(self, officer: OfficerInfo, column: int) -> str:
        if column == self.STATE:
            if not officer.active:
                return self.tr("Nonaktif")
            return self.tr("Aktif, wajib ganti kata sandi") if officer.must_change_password else self.tr("Aktif")
        return (officer.name, officer.username, officer.role_text, "",
                moment(officer.locked_until) if self._locked(officer) else "", moment(officer.last_login_at))[column]

    def role_data(self, officer: OfficerInfo, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole:
            if not officer.active:
                return INACTIVE_COLOUR
            if column == self.LOCKED and self._locked(officer):
                return LOCKED_COLOUR
        return None


class OfficersTab(QWidget):
    """``officersChanged`` after any change (the lock screen's name, the status bar follow)."""

    officersChanged = Signal()

    def __init__(self, actor: Callable[[], Actor] = current_actor, now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._actor = actor
        self._now = now or datetime.now
        self.dialog: QDialog | None = None
        self.model = OfficerModel(self._now, self)
        self.table = QTableView()
        self.table.setObjectName("officers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(OfficerModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (OfficerModel.USERNAME, OfficerModel.ROLES, OfficerModel.STATE, OfficerModel.LOCKED,
                       OfficerModel.LAST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.edit_roles())

        intro = QLabel(self.tr("Setiap petugas masuk dengan akunnya sendiri; perannya menentukan apa yang boleh "
                               "dikerjakan. Akun tidak pernah dihapus (jejak audit menyebut namanya): petugas yang "
                               "pindah atau berhenti dinonaktifkan."))
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Tambah petugas\u2026"))
        self.add_button.setObjectName("addOfficer")
        self.roles_button = QPushButton(self.tr("Ubah &peran\u2026"))
        self.reset_button = QPushButton(self.tr("Atur ulang &kata sandi\u2026"))
        self.active_button = QPushButton(self.tr("&Nonaktifkan"))
        self.add_button.clicked.connect(self.add_officer)
        self.roles_button.clicked.connect(self.edit_roles)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.roles_button, self.reset_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self, select: str | None = None) -> None:
        chosen = self.selected()
        self.model.set_rows(list_officers())
        username = select or (chosen.username if chosen else None)
        row = self.model.row_of(lambda o: o.username == username) if username else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> OfficerInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        officer = self.selected()
        for button in (self.roles_button, self.reset_button, self.active_button):
            button.setEnabled(officer is not None)
        active = officer is None or officer.active
        self.active_button.setText(self.tr("&Nonaktifkan") if active else self.tr("&Aktifkan kembali"))

    # ------------------------------------------------------------------ actions
    def add_officer(self) -> AddOfficerDialog:
        dialog = AddOfficerDialog(self._actor, self)
        dialog.accepted.connect(lambda: self._changed(dialog.added.username if dialog.added else None))
        return self._open(dialog)

    def edit_roles(self) -> RolesDialog | None:
        officer = self.selected()
        if officer is None:
            return None
        dialog = RolesDialog(officer, self._actor, self)
        dialog.accepted.connect(lambda: self._changed(officer.username))
        return self._open(dialog)

    def reset_password(self) -> ResetPasswordDialog | None:
        officer = self.selected()
        if officer is None:
            return None
        dialog = ResetPasswordDialog(officer, self._actor, self)
        dialog.accepted.connect(lambda: self._changed(officer.username))
        return self._open(dialog)

    def _open(self, dialog: QDialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> bool:
        officer = self.selected()
        if officer is None:
            return False
        try:
            if officer.active:
                if not confirm_destructive(
                        self, self.tr("Nonaktifkan akun"),
                        self.tr("Nonaktifkan akun {0} ({1})? Petugas ini tidak dapat masuk lagi sampai akunnya "
                                "diaktifkan kembali; namanya tetap di register dan jejak audit.").format(
                            officer.name, officer.username), self.tr("Nonaktifkan")):
                    return False
                deactivate(officer.username, self._actor())
            else:
                activate(officer.username, self._actor())
        except PpidError as exc:
            QMessageBox.warning(self, self.tr("Akun petugas"), exc.message)
            return False
        self._changed(officer.username)
        return True

    def _changed(self, username: str | None) -> None:
        self.reload(username)
        self.officersChanged.emit()
