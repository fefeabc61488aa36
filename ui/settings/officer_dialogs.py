"""The Petugas tab's dialogs: a new account, an account's roles, a temporary password.

Every change goes through ``ppid_desk.accounts.service`` as the acting officer (Admin:
``manage_users``), which writes it to the audit log. Password fields are cleared when a
dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from ppid_desk.accounts.officer import Actor
from ppid_desk.accounts.roles import Role
from ppid_desk.accounts.service import (
    OfficerInfo, add_officer, normalize_username, reset_password, set_roles,
)
from ppid_desk.errors import ValidationError

from ..accounts.fields import NewPassword
from ..widgets.save_dialog import SaveDialog

ROLE_HINTS = {
    Role.PETUGAS: "mencatat permohonan, keberatan dan pesan, disposisi, penyerahan, tanda bukti",
    Role.PPID: "memutuskan permohonan, pemberitahuan tertulis, DIP",
    Role.ATASAN: "memutuskan keberatan",
    Role.KASUBBAG: "laporan berkala",
    Role.ADMIN: "pengaturan, akun petugas, cadangan",
}


class RoleBoxes(QWidget):
    """One checkbox a role, with what it is for."""

    def __init__(self, roles: frozenset[Role] = frozenset(), parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.boxes: dict[Role, QCheckBox] = {}
        for row, role in enumerate(Role):
            box = QCheckBox(role.label)
            box.setObjectName(f"role_{role.value}")
            box.setChecked(role in roles)
            hint = QLabel(self.tr(ROLE_HINTS[role]))
            hint.setObjectName("hint")
            grid.addWidget(box, row, 0)
            grid.addWidget(hint, row, 1)
            self.boxes[role] = box
        grid.setColumnStretch(1, 1)

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles: frozenset[Role]) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)


class AddOfficerDialog(SaveDialog):
    """A new account: the officer must choose their own password at the first login."""

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None):
        super().__init__(parent)
        self._actor = actor
        self.added = None
        self.setWindowTitle(self.tr("Tambah petugas"))
        self.setMinimumWidth(560)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(32)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(200)
        self.roles = RoleBoxes(frozenset({Role.PETUGAS}))
        self.errors.add_row(self.form, "username", self.tr("&Nama pengguna *"), self.username)
        self.errors.add_row(self.form, "name", self.tr("Nama &lengkap *"), self.name)
        self.errors.add_row(self.form, "roles", self.tr("Peran *"), self.roles,
                            focus=self.roles.boxes[Role.PETUGAS])
        self.new_password = NewPassword(self.errors, self.form, self.tr("Kata sandi &awal *"),
                                        self.tr("&Ulangi kata sandi *"))
        note = QLabel(self.tr("Petugas wajib mengganti kata sandi awal ini saat pertama kali masuk."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.lay_out()

    def save(self) -> None:
        problems = self.new_password.problems(normalize_username(self.username.text()))
        for field, message in problems.items():
            raise ValidationError(message, field=field)
        self.added = add_officer(self.username.text(), self.name.text(), self.roles.roles(),
                                 self.new_password.text(), self._actor())
        self.new_password.clear()

    def done(self, result: int) -> None:
        self.new_password.clear()
        super().done(result)


class RolesDialog(SaveDialog):
    def __init__(self, officer: OfficerInfo, actor: Callable[[], Actor], parent: QWidget | None = None):
        super().__init__(parent)
        self.officer, self._actor = officer, actor
        self.setWindowTitle(self.tr("Peran {0}").format(officer.name))
        self.setMinimumWidth(520)
        self.roles = RoleBoxes(officer.roles)
        self.errors.add_row(self.form, "roles", self.tr("Peran"), self.roles, focus=next(iter(self.roles.boxes.values())))
        self.lay_out()

    def save(self) -> None:
        set_roles(self.officer.username, self.roles.roles(), self._actor())


class ResetPasswordDialog(SaveDialog):
    """A temporary password the officer must change at the next login; lifts a lock-out."""

    def __init__(self, officer: OfficerInfo, actor: Callable[[], Actor], parent: QWidget | None = None):
        super().__init__(parent)
        self.officer, self._actor = officer, actor
        self.setWindowTitle(self.tr("Atur ulang kata sandi"))
        self.setMinimumWidth(520)
        lead = QLabel(self.tr("Kata sandi sementara untuk {0} ({1}). Petugas wajib menggantinya saat masuk; "
                              "akun yang terkunci karena salah kata sandi dibuka kembali.").format(
            officer.name, officer.username))
        lead.setWordWrap(True)
        self.form.addRow(lead)
        self.new_password = NewPassword(self.errors, self.form, self.tr("Kata sandi &sementara"))
        self.lay_out()

    def save(self) -> None:
        for field, message in self.new_password.problems(self.officer.username).items():
            raise ValidationError(message, field=field)
        reset_password(self.officer.username, self.new_password.text(), self._actor())
        self.new_password.clear()

    def done(self, result: int) -> None:
        self.new_password.clear()
        super().done(result)
