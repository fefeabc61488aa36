"""Pieces every account form shares: a password field, a new password typed twice with the
core's rules shown beside it, and a username / name pair checked by the core's rules.

Passwords stay in their fields only as long as the form is open; nothing here logs or
keeps them (forms clear their password fields when they close).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from ppid_desk.accounts.passwords import MAX_LENGTH, MIN_LENGTH, password_problem

from ..widgets.field_errors import FieldErrors


def tr(text: str) -> str:
    return QCoreApplication.translate("accounts", text)


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_LENGTH)
    edit.setPlaceholderText(placeholder)
    return edit


def rules_text() -> str:
    return tr("Minimal {0} karakter, tidak hanya spasi, tidak sama dengan nama pengguna.").format(MIN_LENGTH)


class NewPassword:
    """Fields ``password`` and ``repeat`` (the core names the first ``password``) with the
    rules under the first one; :meth:`problems` checks both with the core's rules."""

    def __init__(self, errors: FieldErrors, form: QFormLayout, caption: str | None = None,
                 repeat_caption: str | None = None):
        self.errors = errors
        self.password = password_edit()
        self.password.setObjectName("password")
        self.repeat = password_edit()
        self.repeat.setObjectName("repeat")
        self.rules = QLabel(rules_text())
        self.rules.setObjectName("hint")
        self.rules.setWordWrap(True)
        caption_label = QLabel(caption or tr("&Kata sandi"))
        caption_label.setBuddy(self.password)
        form.addRow(caption_label, errors.wrap("password", self.password, self.rules))
        errors.add_row(form, "repeat", repeat_caption or tr("&Ulangi kata sandi"), self.repeat)

    def problems(self, username: str = "") -> dict[str, str]:
        problems: dict[str, str] = {}
        problem = password_problem(self.password.text(), username)
        if problem:
            problems["password"] = problem
        elif self.repeat.text() != self.password.text():
            problems["repeat"] = tr("Kedua kata sandi tidak sama.")
        return problems

    def text(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()


def show_problems(errors: FieldErrors, problems: dict[str, str], order: tuple[str, ...]) -> bool:
    """Show ``problems`` under their fields, focus the first; True when there were none."""
    errors.show_all(problems)
    errors.focus_first(problems, order)
    return not problems
