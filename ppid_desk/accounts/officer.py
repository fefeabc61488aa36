"""Who is acting: a logged-in :class:`Officer`, or the trusted operating-system user.

Every service that writes takes an ``actor``. Two kinds are accepted:

- an :class:`Officer` (the app after a login): it may do what its roles grant
  (:data:`ppid_desk.accounts.roles.MATRIX`); :func:`require` refuses the rest;
- a plain ``str``: the operating-system user running the command line. Whoever can run
  ``ppid-desk`` on the data folder can already read and change the database file with
  any SQLite tool, so role checks would protect nothing there; the CLI passes its user
  name (``getpass.getuser()``) and is recorded under it. The app itself never passes a
  ``str`` once accounts exist.

``str(officer)`` is the display name, so code that records ``actor`` as text in events
(``created_by``, ``actor`` columns) keeps working when handed an Officer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError
from .roles import Permission, Role, role_labels, roles_with


class PermissionDenied(ValidationError):
    """The acting officer's roles do not grant the step (message in Bahasa Indonesia)."""

    def __init__(self, message: str, permission: Permission):
        super().__init__(message)
        self.permission = permission


@dataclass(frozen=True)
class Officer:
    id: int
    username: str
    name: str
    roles: frozenset[Role]

    def __str__(self) -> str:
        return self.name

    def can(self, permission: Permission) -> bool:
        from .roles import MATRIX

        return any(permission in MATRIX[role] for role in self.roles)

    @property
    def role_text(self) -> str:
        return role_labels(self.roles) or "tanpa peran"


Actor = Officer | str


def actor_can(actor: Actor, permission: Permission) -> bool:
    """True for the operating-system user (a ``str``) and for an officer whose roles grant it."""
    if isinstance(actor, Officer):
        return actor.can(permission)
    return isinstance(actor, str)


def refusal(actor: Actor, permission: Permission) -> str | None:
    """Why ``actor`` may not do ``permission`` (Bahasa Indonesia), or None when it may.

    "Hanya PPID yang dapat memutuskan permohonan; peran Anda: Petugas."
    """
    if actor_can(actor, permission):
        return None
    holders = [role.label for role in roles_with(permission)]
    if not holders:
        who = "Tidak ada peran"
    elif len(holders) == 1:
        who = f"Hanya {holders[0]}"
    else:
        who = "Hanya " + ", ".join(holders[:-1]) + f" atau {holders[-1]}"
    yours = actor.role_text if isinstance(actor, Officer) else "tidak dikenal"
    return f"{who} yang dapat {permission.action_text}; peran Anda: {yours}."


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` may do ``permission``."""
    reason = refusal(actor, permission)
    if reason is not None:
        raise PermissionDenied(reason, permission)


def actor_name(actor: Actor | None) -> str:
    """The text recorded for ``actor`` (the display name, or the OS user name)."""
    return str(actor) if actor is not None else ""


def actor_username(actor: Actor | None) -> str:
    """The officer's username; empty for the operating-system user."""
    return actor.username if isinstance(actor, Officer) else ""
