"""The first admin account: asked at first start (a page of the first-start wizard), or at
the next start of a register made before accounts existed (:class:`FirstAdminDialog`).

The admin chooses their own password here, so they are logged in at once afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage,
)

from ppid_desk import APP_NAME
from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.service import create_admin, normalize_username, username_problem
from ppid_desk.errors import ValidationError

from ..widgets.field_errors import FieldErrors, error_label
from .fields import NewPassword, show_problems, tr

ORDER = ("username", "name", "password", "repeat")


class AdminForm(QWidget):
    """Username, full name and the password twice, checked with the core's rules."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        intro = QLabel(tr("Akun ini mengelola pengaturan kantor, akun petugas lain dan cadangan. Peran lain "
                          "(Petugas, PPID, Atasan PPID, Kepala Subbag TU) dapat ditambahkan nanti di "
                          "Pengaturan \u2192 Petugas; di kantor kecil satu orang boleh memegang semua peran."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(32)
        self.username.setPlaceholderText(tr("mis. admin atau budi.s"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(200)
        self.errors.add_row(form, "username", tr("&Nama pengguna *"), self.username)
        self.errors.add_row(form, "name", tr("Nama &lengkap *"), self.name)
        self.new_password = NewPassword(self.errors, form, tr("&Kata sandi *"), tr("&Ulangi kata sandi *"))
        self.general_error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        problem = username_problem(self.username.text())
        if problem:
            problems["username"] = problem
        if not " ".join(self.name.text().split()):
            problems["name"] = tr("Nama lengkap wajib diisi.")
        problems.update(self.new_password.problems(normalize_username(self.username.text())))
        return problems

    def check(self) -> bool:
        """Show every problem under its field; True when there is none."""
        self.general_error.hide()
        return show_problems(self.errors, self.problems(), ORDER)

    def create(self) -> Officer | None:
        """Create the admin account; None (the problem shown) when refused."""
        if not self.check():
            return None
        try:
            officer = create_admin(self.username.text(), self.name.text(), self.new_password.text())
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message, self.general_error)
            return None
        self.new_password.clear()
        return officer

    def summary(self) -> str:
        return tr("{0} ({1})").format(" ".join(self.name.text().split()), normalize_username(self.username.text()))


class AdminPage(QWizardPage):
    """The first-start wizard's page for the admin account (created when the wizard ends)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(tr("Akun admin"))
        self.setSubTitle(tr("Buat akun pertama untuk masuk ke {0}. Kolom bertanda * wajib diisi.").format(APP_NAME))
        self.form = AdminForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def validatePage(self) -> bool:
        return self.form.check()


class FirstAdminDialog(QDialog):
    """For a register that has no accounts yet (made before accounts existed)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.officer: Officer | None = None
        self.setWindowTitle(tr("{0} \u2014 Akun admin").format(APP_NAME))
        self.setMinimumWidth(560)
        title = QLabel(tr("Register ini belum memiliki akun petugas"))
        title.setObjectName("pageTitle")
        lead = QLabel(tr("Mulai versi ini setiap petugas masuk dengan akunnya sendiri. Buat dulu akun admin; "
                         "akun petugas lain ditambahkan di Pengaturan \u2192 Petugas."))
        lead.setWordWrap(True)
        self.form = AdminForm()
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(tr("&Buat akun dan masuk"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        buttons.addButton(tr("&Keluar"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(self.form)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

    def accept(self) -> None:
        self.officer = self.form.create()
        if self.officer is not None:
            super().accept()
