"""Masking personal data for officers whose job does not need it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_desk.accounts.officer import Officer
from ppid_desk.accounts.roles import Role
from ppid_desk.privacy import Masker, can_see_personal_data, mask_email, mask_nik, mask_phone
from ppid_desk.register.nik import mask_nik as register_mask_nik


@pytest.mark.parametrize("value, masked", [
    ("3201014506900001", "3201********0001"),
    (" 3201014506900001 ", "3201********0001"),
    ("12345678", "********"),
    ("", ""),
])
def test_mask_nik(value, masked):
    assert mask_nik(value) == masked


@pytest.mark.parametrize("value, masked", [
    ("081234567890", "0812****7890"),
    ("0812-3456-7890", "0812-****-7890"),
    ("0812 3456 7890", "0812 **** 7890"),
    ("+62 812 3456 7890", "+62 81* **** 7890"),
    ("(022) 4231 234", "(022) 4**1 234"),
    ("5551234", "*******"),
    ("", ""),
])
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize("value, masked", [
    ("siti@example.id", "s***@example.id"),
    ("Budi.Santoso@mail.go.id", "B***@mail.go.id"),
    ("@example.id", "***@example.id"),
    ("bukan-email", "b***"),
    ("", ""),
])
def test_mask_email(value, masked):
    assert mask_email(value) == masked


@given(st.text(alphabet="0123456789", min_size=9, max_size=20))
def test_masking_keeps_four_digits_at_each_end_and_agrees_with_the_register(digits):
    masked = mask_nik(digits)
    assert masked[:4] == digits[:4] and masked[-4:] == digits[-4:]
    assert set(masked[4:-4]) == {"*"} and len(masked) == len(digits)
    assert masked == register_mask_nik(digits)


@given(st.text(max_size=40))
def test_masking_never_lengthens_a_number_or_shows_its_middle(text):
    masked = mask_phone(text)
    assert len(masked) == len(text.strip())


def test_who_sees_personal_data():
    def officer(*roles: Role) -> Officer:
        return Officer(1, "uji", "Uji", frozenset(roles))

    for role in (Role.PETUGAS, Role.PPID, Role.ATASAN):
        assert can_see_personal_data(officer(role))
    for role in (Role.KASUBBAG, Role.ADMIN):
        assert not can_see_personal_data(officer(role))
    assert can_see_personal_data("budi")  # the operating-system user (CLI)
    assert not can_see_personal_data(None)
    masked = Masker.for_actor(officer(Role.KASUBBAG))
    assert (masked.nik("3201014506900001"), masked.phone("081234567890"), masked.email("siti@example.id"),
            masked.nik(None)) == ("3201********0001", "0812****7890", "s***@example.id", "")
    full = Masker.for_actor(officer(Role.KASUBBAG, Role.PETUGAS))
    assert full.nik("3201014506900001") == "3201014506900001"
