"""Officers' accounts: the role matrix, require(), password rules and hashing, the
lock-out back-off on a fake clock, unknown usernames answered like wrong passwords."""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppid_desk.accounts import passwords, service
from ppid_desk.accounts.officer import Officer, PermissionDenied, actor_can, refusal, require
from ppid_desk.accounts.roles import (
    ACTION_TEXTS, DOCUMENT_PERMISSIONS, MATRIX, ROLE_LABELS, Permission, Role, format_roles, parse_roles, roles_with,
)
from ppid_desk.accounts.service import LoginRefused, authenticate, lock_wait
from ppid_desk.errors import ValidationError
from ppid_desk.store import open_store
from ppid_desk.store.models import AuditEntry, OfficerAccount

ROOT = Path(__file__).resolve().parent.parent.parent
FAST = passwords.ScryptParams(n=2 ** 8, r=8, p=1)
T0 = datetime(2026, 5, 11, 9, 0)


@pytest.fixture
def fast_hash(monkeypatch):
    """Cheap scrypt parameters for tests that hash many times (the real ones are tested apart)."""
    monkeypatch.setattr(passwords, "DEFAULT_PARAMS", FAST)


@pytest.fixture
def admin(store, fast_hash) -> Officer:
    return service.create_admin("admin", "Admin Kantor", "rahasia-admin", now=T0)


def officer(*roles: Role, username: str = "uji") -> Officer:
    return Officer(99, username, "Petugas Uji", frozenset(roles))


# --- the matrix ------------------------------------------------------------------------------

def test_every_permission_is_granted_worded_and_every_role_labelled():
    assert set(ROLE_LABELS) == set(Role)
    assert [r.label for r in Role] == ["Petugas", "PPID", "Atasan PPID", "Kepala Subbag TU", "Admin"]
    assert set(ACTION_TEXTS) == set(Permission)
    assert set(MATRIX) == set(Role)
    for permission in Permission:
        assert roles_with(permission), f"{permission} is granted by no role"


def test_admin_holds_no_ppid_power_and_only_some_roles_see_identities():
    admin_grants = MATRIX[Role.ADMIN]
    for power in (Permission.DECIDE, Permission.ISSUE_NOTICE, Permission.EXTEND, Permission.DECIDE_OBJECTION,
                  Permission.EDIT_DIP, Permission.VIEW_PERSONAL_DATA, Permission.EXPORT_PERSONAL_DATA):
        assert power not in admin_grants
    assert roles_with(Permission.DECIDE) == [Role.PPID]
    assert roles_with(Permission.DECIDE_OBJECTION) == [Role.ATASAN]
    assert roles_with(Permission.MANAGE_USERS) == [Role.ADMIN]
    assert roles_with(Permission.REGISTER_REQUEST) == [Role.PETUGAS]
    assert Permission.VIEW_PERSONAL_DATA not in MATRIX[Role.KASUBBAG]
    assert Permission.MAKE_REPORT in MATRIX[Role.KASUBBAG]


def test_every_document_kind_has_a_permission():
    from ppid_desk.reports.issuing import DocumentKind
    from ppid_desk.reports.objection_issuing import ObjectionDocumentKind

    kinds = {k.value for k in DocumentKind} | {k.value for k in ObjectionDocumentKind}
    assert set(DOCUMENT_PERMISSIONS) == kinds
    assert DOCUMENT_PERMISSIONS["notice"] is Permission.ISSUE_NOTICE
    assert DOCUMENT_PERMISSIONS["receipt"] is Permission.ISSUE_DOCUMENT


def test_the_table_in_decisions_md_is_the_matrix():
    text = (ROOT / "docs" / "decisions.md").read_text(encoding="utf-8")
    header = re.search(r"^\| permission \|(.+)\|$", text, re.M)
    assert header, "the role matrix table is missing from docs/decisions.md"
    labels = [c.strip() for c in header.group(1).split("|")]
    by_label = {r.label: r for r in Role}
    columns = [by_label[label] for label in labels[:len(Role)]]  # then a column naming the steps
    table = {}
    for line in re.findall(r"^\| `(\w+)` \|(.+)\|$", text, re.M):
        name, cells = line
        table[Permission(name)] = {role for role, cell in zip(columns, cells.split("|")) if cell.strip()}
    assert set(table) == set(Permission)
    for permission, roles in table.items():
        assert roles == set(roles_with(permission)), permission


def test_roles_are_stored_as_codes_and_unknown_codes_grant_nothing():
    assert format_roles({Role.ADMIN, Role.PETUGAS}) == "petugas,admin"
    assert parse_roles("petugas,admin") == {Role.PETUGAS, Role.ADMIN}
    assert parse_roles("petugas, dewa ,") == {Role.PETUGAS}
    assert parse_roles("") == frozenset()


# --- require ---------------------------------------------------------------------------------

def test_require_refuses_with_the_role_needed_and_the_roles_held():
    with pytest.raises(PermissionDenied) as info:
        require(officer(Role.PETUGAS), Permission.DECIDE)
    assert info.value.message == "Hanya PPID yang dapat memutuskan permohonan; peran Anda: Petugas."
    assert isinstance(info.value, ValidationError)
    assert info.value.permission is Permission.DECIDE

    with pytest.raises(PermissionDenied) as info:
        require(officer(Role.ADMIN, Role.KASUBBAG), Permission.VIEW_PERSONAL_DATA)
    assert info.value.message.startswith("Hanya Petugas, PPID atau Atasan PPID yang dapat melihat data pribadi")
    assert info.value.message.endswith("peran Anda: Kepala Subbag TU, Admin.")

    assert refusal(officer(), Permission.ROUTE).endswith("peran Anda: tanpa peran.")


def test_several_roles_add_up_and_admin_does_not_decide():
    both = officer(Role.PETUGAS, Role.PPID)
    require(both, Permission.DECIDE)
    require(both, Permission.REGISTER_REQUEST)
    assert not officer(Role.ADMIN).can(Permission.DECIDE)
    with pytest.raises(PermissionDenied, match="Hanya PPID"):
        require(officer(Role.ADMIN), Permission.DECIDE)


def test_the_operating_system_user_is_trusted_and_anything_else_is_not():
    for permission in Permission:
        require("budi", permission)
    assert not actor_can(None, Permission.ROUTE)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        require(None, Permission.ROUTE)  # type: ignore[arg-type]


def test_an_officer_reads_as_its_name_where_actors_are_text(store):
    """Existing services store ``actor`` in text columns: an Officer goes in as its name."""
    from ppid_desk.register import service as register_service
    from ppid_desk.register.codes import Channel
    from ppid_desk.register.service import RequesterInput, RequestInput
    from ppid_desk.workdays import load_calendar

    petugas = Officer(7, "rina", "Rina Wulandari", frozenset({Role.PETUGAS}))
    assert str(petugas) == f"{petugas}" == "Rina Wulandari"
    person = RequesterInput(name="Siti Anggraini", nik="3201014506900001", address="Jl. Merdeka 1, Bandung",
                            occupation="Wiraswasta", phone="0812-3456-7890", email="siti@example.id")
    received = datetime(2026, 11, 2, 10, 0)
    row = register_service.register_request(
        RequestInput(requester=person, information="Dokumen anggaran 2026", purpose="Penelitian",
                     channel=Channel.WALK_IN, received_at=received), load_calendar(), petugas, now=received)
    from ppid_desk.store.models import Request

    assert Request.get_by_id(row.id).created_by == "Rina Wulandari"
    assert register_service.events_of(row.id)[0].actor == "Rina Wulandari"


# --- passwords -------------------------------------------------------------------------------

@pytest.mark.parametrize("password, username, problem", [
    ("", "budi", "Kata sandi wajib diisi."),
    ("pendek", "budi", "Kata sandi minimal 8 karakter."),
    ("        ", "budi", "Kata sandi tidak boleh hanya berisi spasi."),
    ("Budi.Santoso", "budi.santoso", "Kata sandi tidak boleh sama dengan nama pengguna."),
    ("x" * 257, "budi", "Kata sandi paling panjang 256 karakter."),
    ("budi1234", "budi", None),
    ("kata sandi panjang", "budi", None),
])
def test_password_rules(password, username, problem):
    assert passwords.password_problem(password, username) == problem
    if problem:
        with pytest.raises(ValidationError, match=re.escape(problem)):
            passwords.check_password(password, username)


@given(st.text(max_size=300), st.text(max_size=40))
def test_password_rules_take_any_text(password, username):
    problem = passwords.password_problem(password, username)
    assert problem is None or problem.startswith("Kata sandi")
    if problem is None:
        assert 8 <= len(password) <= 256


@settings(max_examples=30)
@given(st.text(min_size=1, max_size=80))
def test_hash_round_trip_on_any_text(password):
    stored = passwords.hash_password(password, FAST)
    assert passwords.verify_password(password, stored)
    assert not passwords.verify_password(password + "x", stored)
    assert len(stored.hash) == 64 and len(stored.salt) == 32


def test_each_hash_has_its_own_salt_and_the_normal_form_does_not_matter():
    a = passwords.hash_password("kata-sandi-sama", FAST)
    b = passwords.hash_password("kata-sandi-sama", FAST)
    assert a.salt != b.salt and a.hash != b.hash
    composed = unicodedata.normalize("NFC", "Kopi Pahit Enak é")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert passwords.verify_password(decomposed, passwords.hash_password(composed, FAST))
    assert not passwords.verify_password("x", passwords.PasswordHash("zz", "00", "argon2:foo"))


def test_the_real_parameters_cost_tens_of_milliseconds():
    params = passwords.DEFAULT_PARAMS
    assert params.n >= 2 ** 14 and params.r >= 8 and params.p >= 1
    stored = passwords.hash_password("rahasia-kantor")
    assert stored.kdf == "scrypt:n=32768,r=8,p=1"
    assert passwords.ScryptParams.parse(stored.kdf) == params
    began = time.perf_counter()
    assert passwords.verify_password("rahasia-kantor", stored)
    elapsed = time.perf_counter() - began
    assert 0.01 < elapsed < 2.0, elapsed


# --- accounts --------------------------------------------------------------------------------

def test_first_admin_only_while_no_officer_exists(admin):
    assert admin.roles == {Role.ADMIN} and admin.username == "admin"
    with pytest.raises(ValidationError, match="sudah dibuat"):
        service.create_admin("admin2", "Admin Dua", "rahasia-admin2")
    login = authenticate("admin", "rahasia-admin", T0)
    assert login.officer == admin and not login.must_change_password


def test_adding_officers_needs_the_admin_role(admin):
    rina = service.add_officer("Rina", "  Rina   Wulandari ", ["petugas"], "sandi-rina-1", admin, now=T0)
    assert (rina.username, rina.name, rina.roles) == ("rina", "Rina Wulandari", {Role.PETUGAS})
    with pytest.raises(PermissionDenied, match="Hanya Admin yang dapat mengelola akun petugas; peran Anda: Petugas."):
        service.add_officer("joko", "Joko", ["ppid"], "sandi-joko-1", rina)
    with pytest.raises(ValidationError, match="sudah dipakai"):
        service.add_officer("rina", "Rina Lain", ["ppid"], "sandi-rina-2", admin)
    with pytest.raises(ValidationError, match="Peran tidak dikenal: raja"):
        service.add_officer("joko", "Joko", ["raja"], "sandi-joko-1", admin)
    with pytest.raises(ValidationError, match="Nama pengguna 2"):
        service.add_officer("joko widodo", "Joko", ["ppid"], "sandi-joko-1", admin)
    assert authenticate("rina", "sandi-rina-1", T0).must_change_password
    assert [i.username for i in service.list_officers()] == ["admin", "rina"]


@given(st.text(max_size=50))
def test_usernames_take_any_text(text):
    problem = service.username_problem(text)
    if problem is None:
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]{1,31}", service.normalize_username(text))
    else:
        assert problem.startswith("Nama pengguna")


def test_changing_ones_own_password_asks_the_current_one(admin):
    service.add_officer("rina", "Rina", ["petugas"], "sandi-awal-1", admin, now=T0)
    rina = authenticate("rina", "sandi-awal-1", T0).officer
    with pytest.raises(ValidationError, match="Kata sandi sekarang salah"):
        service.set_password("rina", "sandi-baru-1", rina, current_password="salah-salah")
    with pytest.raises(ValidationError, match="harus berbeda"):
        service.set_password("rina", "sandi-awal-1", rina, current_password="sandi-awal-1")
    service.set_password("rina", "sandi-baru-1", rina, current_password="sandi-awal-1")
    login = authenticate("rina", "sandi-baru-1", T0)
    assert not login.must_change_password
    # another officer's password is a reset (Admin only, to be changed at the next login)
    with pytest.raises(PermissionDenied):
        service.set_password("admin", "ambil-alih-1", rina)
    service.set_password("rina", "sementara-1", admin)
    assert authenticate("rina", "sementara-1", T0).must_change_password


def test_reset_lifts_a_lock_and_deactivated_officers_cannot_log_in(admin):
    service.add_officer("rina", "Rina", ["petugas"], "sandi-awal-1", admin, now=T0)
    for _ in range(6):
        with pytest.raises(LoginRefused):
            authenticate("rina", "tebak-tebak", T0)
    service.reset_password("rina", "sementara-1", admin, now=T0)
    assert authenticate("rina", "sementara-1", T0).must_change_password
    service.deactivate("rina", admin, now=T0)
    with pytest.raises(LoginRefused) as info:
        authenticate("rina", "sementara-1", T0)
    assert info.value.message == service.WRONG_LOGIN
    service.activate("rina", admin, now=T0)
    authenticate("rina", "sementara-1", T0)


def test_the_last_admin_stays(admin):
    with pytest.raises(ValidationError, match="sendiri"):
        service.deactivate("admin", admin)
    with pytest.raises(ValidationError, match="satu-satunya admin"):
        service.set_roles("admin", ["ppid"], admin)
    with pytest.raises(ValidationError, match="Satu-satunya admin"):
        service.deactivate("admin", "root")
    service.add_officer("dewi", "Dewi", ["admin", "ppid"], "sandi-dewi-1", admin, now=T0)
    service.set_roles("admin", ["ppid"], "root")
    assert service.get_officer("admin").roles == {Role.PPID}


# --- lock-out --------------------------------------------------------------------------------

def test_back_off_doubles_from_30_seconds_to_15_minutes():
    assert [lock_wait(n) for n in range(1, 5)] == [None] * 4
    waits = [lock_wait(n).total_seconds() for n in range(5, 13)]
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]


def test_lock_out_on_a_fake_clock_survives_a_restart(admin, store, data_dir):
    service.add_officer("rina", "Rina", ["petugas"], "sandi-rina-1", admin, now=T0)
    now = T0
    for attempt in range(1, 5):
        with pytest.raises(LoginRefused) as info:
            authenticate("rina", "tebakan-salah", now)
        assert info.value.message == service.WRONG_LOGIN and info.value.wait is None
    with pytest.raises(LoginRefused) as info:
        authenticate("rina", "tebakan-salah", now)
    assert info.value.wait == timedelta(seconds=30)
    assert "coba lagi dalam 30 detik" in info.value.message
    # while locked even the right password is refused, and the message counts down
    with pytest.raises(LoginRefused) as info:
        authenticate("rina", "sandi-rina-1", now + timedelta(seconds=20))
    assert info.value.message.endswith("coba lagi dalam 10 detik.")

    # the wait is in the database: a restart does not lift it
    store.close()
    with open_store(data_dir, database=store.address):
        with pytest.raises(LoginRefused, match="dikunci"):
            authenticate("rina", "sandi-rina-1", now + timedelta(seconds=29))
        now += timedelta(seconds=31)
        with pytest.raises(LoginRefused) as info:
            authenticate("rina", "tebakan-salah", now)
        assert info.value.wait == timedelta(seconds=60)
        now += timedelta(seconds=61)
        with pytest.raises(LoginRefused) as info:
            authenticate("rina", "tebakan-salah", now)
        assert info.value.wait == timedelta(minutes=2) and "2 menit" in info.value.message
        now += timedelta(minutes=2, seconds=1)
        assert authenticate("rina", "sandi-rina-1", now).officer.username == "rina"
        row = OfficerAccount.get(OfficerAccount.username == "rina")
        assert (row.failed_attempts, row.locked_until, row.last_login_at) == (0, None, now)
        with pytest.raises(LoginRefused) as info:
            authenticate("rina", "tebakan-salah", now)
        assert info.value.wait is None


def test_the_wait_stops_at_15_minutes(admin):
    service.add_officer("rina", "Rina", ["petugas"], "sandi-rina-1", admin, now=T0)
    now = T0
    for _ in range(12):
        try:
            authenticate("rina", "tebakan-salah", now)
        except LoginRefused as exc:
            if exc.wait:
                last = exc.wait
                now += exc.wait + timedelta(seconds=1)
    assert last == timedelta(minutes=15)
    with pytest.raises(LoginRefused, match="coba lagi dalam 15 menit"):
        authenticate("rina", "tebakan-salah", now)


# --- unknown usernames -----------------------------------------------------------------------

def test_an_unknown_username_gets_the_wrong_password_message_and_is_not_recorded(admin):
    with pytest.raises(LoginRefused) as wrong:
        authenticate("admin", "bukan-sandinya", T0)
    with pytest.raises(LoginRefused) as unknown:
        authenticate("rahasia-admin", "apa saja", T0)  # a password typed into the username box
    assert wrong.value.message == unknown.value.message == "Nama pengguna atau kata sandi salah."
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert entry.action == "login_failed" and entry.actor_name == "" and entry.target_id == ""
    assert "rahasia-admin" not in entry.summary + entry.data
    with pytest.raises(LoginRefused):
        authenticate("x" * 500 + "\0\n", "", T0)


def test_an_unknown_username_takes_as_long_as_a_wrong_password(store):
    """Same scrypt cost and one audit entry either way (real parameters)."""
    service.create_admin("admin", "Admin Kantor", "rahasia-admin", now=T0)

    def timed(username: str) -> float:
        began = time.perf_counter()
        with pytest.raises(LoginRefused):
            authenticate(username, "bukan-sandinya", T0)
        return time.perf_counter() - began

    # admin's failures stay below the lock: reset between rounds
    known, unknown = [], []
    for _ in range(4):
        known.append(timed("admin"))
        unknown.append(timed("tidak-ada"))
        OfficerAccount.update(failed_attempts=0).execute()
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.6 < ratio < 1.6, (known, unknown)


# --- the password is never kept --------------------------------------------------------------

def test_a_password_is_found_nowhere_in_the_data_folder(admin, data_dir, caplog):
    secret = "Rahasia-Sekali-9731"
    service.add_officer("rina", "Rina", ["petugas"], secret, admin, now=T0)
    with pytest.raises(LoginRefused):
        authenticate("rina", secret + "x", T0)
    authenticate("rina", secret, T0)
    service.reset_password("rina", secret + "-baru", admin)
    from ppid_desk.store.backend import is_postgres
    from ppid_desk.store.models import database
    if not is_postgres(database):  # a server keeps its files elsewhere; the desk's folder is checked
        database.obj.execute_sql("PRAGMA wal_checkpoint(FULL)")
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    assert secret not in caplog.text
    texts = [e.summary + e.data for e in AuditEntry.select()]
    assert texts and not any(secret in t for t in texts)
