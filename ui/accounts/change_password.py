"""An officer changes their own password: after a login that must change it (an account
added or reset by the admin), or at any time from Berkas → Ganti kata sandi."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.service import set_password
from ppid_desk.errors import ValidationError

from ..widgets.field_errors import FieldErrors, error_label
from .fields import NewPassword, password_edit, show_problems, tr

ORDER = ("current_password", "password", "repeat")


class ChangePasswordDialog(QDialog):
    """``forced``: the login asked for it; cancelling then means not working at all."""

    def __init__(self, officer: Officer, forced: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.officer = officer
        self.setWindowTitle(tr("Ganti kata sandi"))
        self.setMinimumWidth(520)
        self.errors = FieldErrors()
        lead = QLabel(tr("Kata sandi {0} ({1}) diatur oleh admin. Pilih kata sandi baru yang hanya Anda ketahui "
                         "sebelum mulai bekerja.").format(officer.name, officer.username) if forced else
                      tr("Kata sandi baru untuk {0} ({1}).").format(officer.name, officer.username))
        lead.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current = password_edit()
        self.current.setObjectName("current_password")
        self.errors.add_row(form, "current_password", tr("Kata sandi &sekarang"), self.current)
        self.new_password = NewPassword(self.errors, form, tr("Kata sandi &baru"))
        self.general_error = error_label()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(tr("Batal dan keluar") if forced else tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.current.setFocus()

    def accept(self) -> None:
        problems = self.new_password.problems(self.officer.username)
        if not self.current.text():
            problems["current_password"] = tr("Ketik kata sandi sekarang.")
        self.general_error.hide()
        if not show_problems(self.errors, problems, ORDER):
            return
        try:
            set_password(self.officer.username, self.new_password.text(), self.officer,
                         current_password=self.current.text())
        except ValidationError as exc:
            if exc.field == "current_password":
                self.current.clear()
            self.errors.show(exc.field, exc.message, self.general_error)
            return
        self._clear()
        super().accept()

    def reject(self) -> None:
        self._clear()
        super().reject()

    def _clear(self) -> None:
        self.current.clear()
        self.new_password.clear()
