"""Personal data shown only to those whose job needs it (UU 27/2022).

NIKs, telephone numbers and email addresses are masked in lists, reports and exports
for officers without :attr:`Permission.VIEW_PERSONAL_DATA` (see
:data:`ppid_desk.accounts.roles.MATRIX`): ``3201********0001``, ``0812****7890``,
``s***@example.id``. The operating-system user (the CLI, a ``str`` actor) sees
everything, like any other tool that can open the database file.
"""

from __future__ import annotations

from dataclasses import dataclass

from .accounts.officer import actor_can
from .accounts.roles import Permission

KEEP = 4  # digits kept at each end


def mask_digits(text: str, keep: int = KEEP, star: str = "*") -> str:
    """Mask the digits of ``text`` except the first and the last ``keep``; separators
    (spaces, dashes, dots, "+", brackets) stay where they are. A value of ``2 * keep``
    digits or fewer is masked whole. Other characters count as digits to mask."""
    if not text:
        return ""
    positions = [i for i, ch in enumerate(text) if not _separator(ch)]
    if len(positions) <= 2 * keep:
        hidden = set(positions)
    else:
        hidden = set(positions[keep:-keep])
    return "".join(star if i in hidden else ch for i, ch in enumerate(text))


def _separator(ch: str) -> bool:
    return ch in " -.+()/" or ch.isspace()


def mask_nik(nik: str) -> str:
    """``3201014506900001`` → ``3201********0001``."""
    return mask_digits((nik or "").strip())


def mask_phone(phone: str) -> str:
    """``081234567890`` → ``0812****7890``; ``0812-3456-7890`` → ``0812-****-7890``."""
    return mask_digits((phone or "").strip())


def mask_email(email: str) -> str:
    """``siti@example.id`` → ``s***@example.id`` (the domain stays: it says little about
    the person and helps to tell addresses apart)."""
    email = (email or "").strip()
    if not email:
        return ""
    local, at, domain = email.rpartition("@")
    if not at:
        return email[0] + "***"
    return (local[0] if local else "") + "***@" + domain


def can_see_personal_data(actor: object) -> bool:
    return actor_can(actor, Permission.VIEW_PERSONAL_DATA)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Masker:
    """How one actor sees personal data: in full, or masked. Lists, PDFs and workbooks
    take one and call :meth:`nik`, :meth:`phone`, :meth:`email` on each value."""

    full: bool

    @classmethod
    def for_actor(cls, actor: object) -> "Masker":
        return cls(can_see_personal_data(actor))

    def nik(self, value: str | None) -> str:
        return (value or "") if self.full else mask_nik(value or "")

    def phone(self, value: str | None) -> str:
        return (value or "") if self.full else mask_phone(value or "")

    def email(self, value: str | None) -> str:
        return (value or "") if self.full else mask_email(value or "")
