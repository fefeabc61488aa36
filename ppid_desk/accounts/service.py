"""Officers' accounts: first admin, adding officers, passwords, lock-out, login.

Every change is written with its audit entry (:mod:`ppid_desk.audit`) in one
transaction. Passwords are taken as arguments only to be checked and hashed; they are
never logged, printed, stored or put in an audit entry.

Lock-out: after :data:`FREE_FAILURES` wrong passwords in a row the account waits 30
seconds, and each further failure doubles the wait up to 15 minutes
(:func:`lock_wait`); the count and the time are columns of ``officer``, so restarting
the app does not reset them. While an account waits no password is checked. A right
password resets the count. An unknown (or deactivated) username gets the same message as
a wrong password and costs the same time (one scrypt hash and one audit entry).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee

from .. import audit
from ..errors import PpidError, ValidationError
from ..store.models import OfficerAccount, database
from . import passwords
from .officer import Actor, Officer, require
from .roles import Permission, Role, format_roles, parse_roles, role_labels

FREE_FAILURES = 4                       # the 5th failure in a row locks
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
WRONG_LOGIN = "Nama pengguna atau kata sandi salah."

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")


class LoginRefused(PpidError):
    """Login refused; ``wait`` is how long the account stays locked (None: not locked)."""

    def __init__(self, message: str, wait: timedelta | None = None):
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True)
class Login:
    officer: Officer
    must_change_password: bool


@dataclass(frozen=True)
class OfficerInfo:
    """One line of the officers' list."""

    id: int
    username: str
    name: str
    roles: frozenset[Role]
    active: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime

    @property
    def officer(self) -> Officer:
        return Officer(self.id, self.username, self.name, self.roles)

    @property
    def role_text(self) -> str:
        return role_labels(self.roles)


# --- rules -----------------------------------------------------------------------------------

def normalize_username(text: str) -> str:
    return (text or "").strip().lower()


def username_problem(text: str) -> str | None:
    if not _USERNAME.fullmatch(normalize_username(text)):
        return ("Nama pengguna 2\u201332 karakter: huruf a\u2013z, angka, titik, garis bawah atau tanda hubung, "
                "diawali huruf atau angka.")
    return None


def _username(text: str) -> str:
    problem = username_problem(text)
    if problem:
        raise ValidationError(problem, field="username")
    return normalize_username(text)


def _display_name(text: str) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise ValidationError("Nama lengkap petugas wajib diisi.", field="name")
    if len(name) > 200:
        raise ValidationError("Nama lengkap paling panjang 200 karakter.", field="name")
    return name


def parse_role_codes(values: Iterable[Role | str]) -> frozenset[Role]:
    """Roles from codes (``petugas``, ``ppid``, …) or labels; at least one."""
    by_word = {r.value: r for r in Role} | {r.label.casefold(): r for r in Role}
    roles = set()
    for value in values:
        role = value if isinstance(value, Role) else by_word.get(str(value).strip().casefold())
        if role is None:
            raise ValidationError(f"Peran tidak dikenal: {value} (pilih: {', '.join(r.value for r in Role)}).",
                                  field="roles")
        roles.add(role)
    if not roles:
        raise ValidationError("Pilih paling sedikit satu peran.", field="roles")
    return frozenset(roles)


def lock_wait(failures: int) -> timedelta | None:
    """How long an account waits after ``failures`` wrong passwords in a row."""
    if failures <= FREE_FAILURES:
        return None
    return min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES - 1), LONGEST_WAIT)


def wait_text(wait: timedelta) -> str:
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 60:
        return f"{seconds} detik"
    return f"{math.ceil(seconds / 60)} menit"


# --- reading ---------------------------------------------------------------------------------

def _officer(row: OfficerAccount) -> Officer:
    return Officer(row.id, row.username, row.name, parse_roles(row.roles))


def has_officers() -> bool:
    return OfficerAccount.select().exists()


def _info(r: OfficerAccount) -> OfficerInfo:
    return OfficerInfo(r.id, r.username, r.name, parse_roles(r.roles), r.active, r.must_change_password,
                       r.failed_attempts, r.locked_until, r.last_login_at, r.created_at)


def list_officers(include_inactive: bool = True) -> list[OfficerInfo]:
    query = OfficerAccount.select().order_by(OfficerAccount.active.desc(), peewee.fn.LOWER(OfficerAccount.name),
                                             OfficerAccount.username)
    if not include_inactive:
        query = query.where(OfficerAccount.active == True)  # noqa: E712 - peewee expression
    return [_info(r) for r in query]


def find_officer(username: str) -> OfficerInfo | None:
    row = OfficerAccount.get_or_none(OfficerAccount.username == normalize_username(username))
    return _info(row) if row is not None else None


def _row(username: str) -> OfficerAccount:
    row = OfficerAccount.get_or_none(OfficerAccount.username == normalize_username(username))
    if row is None:
        raise ValidationError(f"Petugas dengan nama pengguna {normalize_username(username)!r} tidak ada.",
                              field="username")
    return row


def get_officer(username: str) -> Officer:
    """The active officer ``username`` (e.g. to restore a session after the lock screen)."""
    row = _row(username)
    if not row.active:
        raise ValidationError(f"Akun {row.username} tidak aktif.", field="username")
    return _officer(row)


# --- writing ---------------------------------------------------------------------------------

def _store_password(row: OfficerAccount, password: str) -> None:
    hashed = passwords.hash_password(password)
    row.password_hash, row.salt, row.kdf = hashed.hash, hashed.salt, hashed.kdf


def _stored(row: OfficerAccount) -> passwords.PasswordHash:
    return passwords.PasswordHash(row.password_hash, row.salt, row.kdf)


def _active_admins(excluding: int | None = None) -> int:
    return sum(1 for r in OfficerAccount.select().where(OfficerAccount.active == True)  # noqa: E712
               if Role.ADMIN in parse_roles(r.roles) and r.id != excluding)


def _new_officer(username: str, name: str, roles: frozenset[Role], password: str, actor: Actor | None,
                 must_change: bool, now: datetime) -> OfficerAccount:
    if OfficerAccount.select().where(OfficerAccount.username == username).exists():
        raise ValidationError(f"Nama pengguna {username} sudah dipakai.", field="username")
    by = str(actor) if actor is not None else name
    row = OfficerAccount(username=username, name=name, roles=format_roles(roles), active=True,
                         must_change_password=must_change, created_at=now, created_by=by, updated_at=now,
                         updated_by=by)
    _store_password(row, password)
    row.save(force_insert=True)
    return row


def create_admin(username: str, name: str, password: str, roles: Iterable[Role | str] = (Role.ADMIN,),
                 now: datetime | None = None) -> Officer:
    """The first account, at first start: only while no officer exists. Always holds Admin."""
    now = now or datetime.now()
    username, name = _username(username), _display_name(name)
    granted = parse_role_codes(roles) | {Role.ADMIN}
    passwords.check_password(password, username)
    with database.atomic():
        if has_officers():
            raise ValidationError("Akun admin pertama sudah dibuat; tambahkan petugas lain lewat akun admin.")
        row = _new_officer(username, name, granted, password, None, False, now)
        officer = _officer(row)
        audit.append(officer, "officer_add", "officer", row.username,
                     f"Akun admin pertama dibuat: {name} ({username}), peran {role_labels(granted)}.",
                     {"username": username, "name": name, "roles": format_roles(granted)}, at=now)
    return officer


def add_officer(username: str, name: str, roles: Iterable[Role | str], password: str, actor: Actor,
                must_change_password: bool = True, now: datetime | None = None) -> Officer:
    """A new account; by default the officer must choose a new password at the first login."""
    require(actor, Permission.MANAGE_USERS)
    now = now or datetime.now()
    username, name = _username(username), _display_name(name)
    granted = parse_role_codes(roles)
    passwords.check_password(password, username)
    with database.atomic():
        row = _new_officer(username, name, granted, password, actor, must_change_password, now)
        audit.append(actor, "officer_add", "officer", username,
                     f"Akun petugas ditambahkan: {name} ({username}), peran {role_labels(granted)}.",
                     {"username": username, "name": name, "roles": format_roles(granted),
                      "must_change_password": must_change_password}, at=now)
    return _officer(row)


def set_password(username: str, new_password: str, actor: Actor, current_password: str | None = None,
                 now: datetime | None = None) -> None:
    """Change a password. An officer changes their own (the current password is asked);
    the operating-system user (the CLI) may set anyone's; changing another officer's
    password in the app is :func:`reset_password` (Admin)."""
    now = now or datetime.now()
    row = _row(username)
    own = isinstance(actor, Officer) and actor.id == row.id
    if isinstance(actor, Officer) and not own:
        reset_password(username, new_password, actor, now=now)
        return
    if not own:
        require(actor, Permission.MANAGE_USERS)  # the operating-system user passes
    passwords.check_password(new_password, row.username)
    if own:
        if current_password is None or not passwords.verify_password(current_password, _stored(row)):
            raise ValidationError("Kata sandi sekarang salah.", field="current_password")
        if passwords.verify_password(new_password, _stored(row)):
            raise ValidationError("Kata sandi baru harus berbeda dari kata sandi sekarang.", field="password")
    with database.atomic():
        _store_password(row, new_password)
        row.must_change_password = False
        row.failed_attempts, row.locked_until = 0, None
        row.updated_at, row.updated_by = now, str(actor)
        row.save()
        who = "sendiri" if own else f"oleh {actor}"
        audit.append(actor, "password_change", "officer", row.username,
                     f"Kata sandi {row.name} ({row.username}) diganti {who}.", at=now)


def reset_password(username: str, new_password: str, actor: Actor, now: datetime | None = None) -> None:
    """Admin: give an officer a temporary password (to be changed at the next login) and
    lift a lock-out."""
    require(actor, Permission.MANAGE_USERS)
    now = now or datetime.now()
    row = _row(username)
    passwords.check_password(new_password, row.username)
    with database.atomic():
        _store_password(row, new_password)
        row.must_change_password = True
        row.failed_attempts, row.locked_until = 0, None
        row.updated_at, row.updated_by = now, str(actor)
        row.save()
        audit.append(actor, "password_reset", "officer", row.username,
                     f"Kata sandi {row.name} ({row.username}) diatur ulang; wajib diganti saat masuk.", at=now)


def set_roles(username: str, roles: Iterable[Role | str], actor: Actor, now: datetime | None = None) -> Officer:
    require(actor, Permission.MANAGE_USERS)
    now = now or datetime.now()
    row = _row(username)
    granted = parse_role_codes(roles)
    before = parse_roles(row.roles)
    with database.atomic():
        if Role.ADMIN in before and Role.ADMIN not in granted and row.active and not _active_admins(row.id):
            raise ValidationError("Peran Admin tidak dapat dicabut dari satu-satunya admin yang aktif.",
                                  field="roles")
        row.roles = format_roles(granted)
        row.updated_at, row.updated_by = now, str(actor)
        row.save()
        audit.append(actor, "roles_change", "officer", row.username,
                     f"Peran {row.name} ({row.username}) diubah: {role_labels(before)} \u2192 {role_labels(granted)}.",
                     {"before": format_roles(before), "after": format_roles(granted)}, at=now)
    return _officer(row)


def _set_active(username: str, active: bool, actor: Actor, now: datetime | None) -> None:
    require(actor, Permission.MANAGE_USERS)
    now = now or datetime.now()
    row = _row(username)
    if row.active == active:
        return
    with database.atomic():
        if not active:
            if isinstance(actor, Officer) and actor.id == row.id:
                raise ValidationError("Anda tidak dapat menonaktifkan akun Anda sendiri.", field="username")
            if Role.ADMIN in parse_roles(row.roles) and not _active_admins(row.id):
                raise ValidationError("Satu-satunya admin yang aktif tidak dapat dinonaktifkan.", field="username")
        row.active = active
        row.failed_attempts, row.locked_until = 0, None
        row.updated_at, row.updated_by = now, str(actor)
        row.save()
        word = "diaktifkan kembali" if active else "dinonaktifkan"
        audit.append(actor, "officer_activate" if active else "officer_deactivate", "officer", row.username,
                     f"Akun {row.name} ({row.username}) {word}.", at=now)


def deactivate(username: str, actor: Actor, now: datetime | None = None) -> None:
    """An officer who left: the account can no longer log in; it stays in the list and
    in the audit log (accounts are never deleted)."""
    _set_active(username, False, actor, now)


def activate(username: str, actor: Actor, now: datetime | None = None) -> None:
    _set_active(username, True, actor, now)


# --- login -----------------------------------------------------------------------------------

def authenticate(username: str, password: str, now: datetime | None = None) -> Login:
    """Check a login; raises :class:`LoginRefused` (same message for an unknown username
    and a wrong password; a locked account is told how long to wait)."""
    now = now or datetime.now()
    name = normalize_username(username)
    row = OfficerAccount.get_or_none(OfficerAccount.username == name) if not username_problem(name) else None
    if row is None or not row.active:
        passwords.burn_time(password)
        with database.atomic():
            if row is None:  # the typed name is not recorded: it may be a password typed in the wrong box
                audit.append(None, "login_failed", "officer", "",
                             "Percobaan masuk gagal: nama pengguna tidak dikenal.", at=now)
            else:
                audit.append(None, "login_failed", "officer", row.username,
                             f"Percobaan masuk gagal: akun {row.username} tidak aktif.", at=now)
        raise LoginRefused(WRONG_LOGIN)
    if row.locked_until is not None and now < row.locked_until:
        passwords.burn_time(password)
        wait = row.locked_until - now
        raise LoginRefused(f"Akun dikunci sementara karena terlalu banyak percobaan gagal; coba lagi dalam "
                           f"{wait_text(wait)}.", wait)
    officer = _officer(row)
    if not passwords.verify_password(password, _stored(row)):
        failures = row.failed_attempts + 1
        wait = lock_wait(failures)
        with database.atomic():
            row.failed_attempts = failures
            row.locked_until = now + wait if wait else None
            row.save(only=[OfficerAccount.failed_attempts, OfficerAccount.locked_until])
            locked = f"; akun dikunci {wait_text(wait)}" if wait else ""
            audit.append(officer, "login_failed", "officer", row.username,
                         f"Percobaan masuk gagal: kata sandi salah (ke-{failures} berturut-turut){locked}.",
                         {"failures": failures, "locked_until": row.locked_until}, at=now)
        if wait:
            raise LoginRefused(f"{WRONG_LOGIN} Terlalu banyak percobaan gagal; coba lagi dalam {wait_text(wait)}.",
                               wait)
        raise LoginRefused(WRONG_LOGIN)
    with database.atomic():
        row.failed_attempts, row.locked_until, row.last_login_at = 0, None, now
        if row.kdf != passwords.current_params().text():  # raise old hashes to today's cost
            _store_password(row, password)
        row.save()
        audit.append(officer, "login", "officer", row.username, f"{row.name} ({row.username}) masuk.", at=now)
    return Login(officer, bool(row.must_change_password))
