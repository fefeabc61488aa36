"""NIK parsing and masking (ppid_desk.register.nik)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_desk.errors import ValidationError
from ppid_desk.register.nik import PROVINCES, mask_nik, parse_nik

TODAY = date(2026, 6, 1)


@st.composite
def valid_niks(draw):
    """A NIK that must parse, with the facts it encodes."""
    province = draw(st.sampled_from(sorted(PROVINCES)))
    regency = draw(st.integers(1, 99))
    district = draw(st.integers(1, 99))
    # Within the last 100 years the two-digit year is unambiguous for TODAY.
    born = draw(st.dates(min_value=TODAY.replace(year=TODAY.year - 100) + timedelta(days=1), max_value=TODAY))
    female = draw(st.booleans())
    serial = draw(st.integers(1, 9999))
    day = born.day + (40 if female else 0)
    nik = f"{province}{regency:02d}{district:02d}{day:02d}{born:%m}{born.year % 100:02d}{serial:04d}"
    return nik, province, born, female


@given(valid_niks())
def test_generated_valid_niks_parse(case):
    nik, province, born, female = case
    info = parse_nik(nik, TODAY)
    assert info.nik == nik
    assert info.province == PROVINCES[province]
    assert info.birth_date == born
    assert info.female is female


@given(valid_niks(), st.sampled_from([" ", ".", "-"]))
def test_separators_are_ignored(case, sep):
    nik = case[0]
    grouped = sep.join((nik[:6], nik[6:12], nik[12:]))
    assert parse_nik(f"  {grouped} ", TODAY).nik == nik


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text):
    try:
        info = parse_nik(text, TODAY)
    except ValidationError as exc:
        assert exc.field == "nik"
        assert exc.message.startswith("NIK tidak sah: ")
    else:
        assert len(info.nik) == 16 and info.nik.isascii() and info.nik.isdigit()


@given(st.from_regex(r"\A[0-9]{16}\Z"))
def test_any_sixteen_digits_parse_or_are_refused(text):
    try:
        info = parse_nik(text, TODAY)
    except ValidationError as exc:
        assert exc.field == "nik"
    else:
        assert info.birth_date <= TODAY and text[12:] != "0000"


def test_known_good_nik():
    info = parse_nik("3201014506900001", TODAY)
    assert (info.province, info.birth_date, info.female) == ("Jawa Barat", date(1990, 6, 5), True)
    man = parse_nik("3171011203850002", TODAY)
    assert (man.province, man.birth_date, man.female) == ("DKI Jakarta", date(1985, 3, 12), False)
    # Two-digit years: the latest date that is not in the future.
    assert parse_nik("3201010101260001", TODAY).birth_date == date(2026, 1, 1)
    assert parse_nik("3201010107260001", TODAY).birth_date == date(1926, 7, 1)
    assert parse_nik("3201012902000001", TODAY).birth_date == date(2000, 2, 29)
    assert parse_nik("9601010101900001", TODAY).province == "Papua Barat Daya"


@pytest.mark.parametrize(("text", "reason"), [
    ("", "harus 16 angka"),
    ("320101450690001", "harus 16 angka"),  # 15 digits
    ("32010145069000011", "harus 16 angka"),  # 17 digits
    ("32010145069O0001", "harus 16 angka"),  # letter O
    ("\uff13\uff12\uff10\uff11\uff10\uff11\uff14\uff15\uff10\uff16\uff19\uff10\uff10\uff10\uff10\uff11",
     "harus 16 angka"),  # full-width digits
    ("\u0663\u0662\u0660\u0661\u0660\u0661\u0664\u0665\u0660\u0666\u0669\u0660\u0660\u0660\u0660\u0661",
     "harus 16 angka"),  # Arabic-Indic digits
    ("3\u0662\u0660\u0661\u0660\u0661\u0664\u0665\u0660\u0666\u0669\u0660\u0660\u0660\u0660\u0661",
     "harus 16 angka"),
    ("9901014506900001", "kode provinsi 99 tidak dikenal"),
    ("0001014506900001", "kode provinsi 00 tidak dikenal"),
    ("3200014506900001", "kode kabupaten/kota 00"),
    ("3101000101900001", "kode kecamatan 00"),
    ("3201013201900001", "tanggal lahir 320190 bukan tanggal yang ada"),  # day 32
    ("3201017201900001", "tanggal lahir 720190 bukan tanggal yang ada"),  # woman, day 72 = 32
    ("3201010001900001", "tanggal lahir 000190 bukan tanggal yang ada"),  # day 0
    ("3201014001900001", "tanggal lahir 400190 bukan tanggal yang ada"),  # 40: neither
    ("3201013002900001", "tanggal lahir 300290 bukan tanggal yang ada"),  # 30 February
    ("3201017002900001", "tanggal lahir 700290 bukan tanggal yang ada"),  # woman, 30 February
    ("3201012902010001", "tanggal lahir 290201 bukan tanggal yang ada"),  # 2001 / 1901 not leap
    ("3201011513900001", "tanggal lahir 151390 bukan tanggal yang ada"),  # month 13
    ("3201011500900001", "tanggal lahir 150090 bukan tanggal yang ada"),  # month 0
    ("3201014506900000", "nomor urut 0000"),
])
def test_bad_niks_are_refused_with_the_reason(text, reason):
    with pytest.raises(ValidationError) as caught:
        parse_nik(text, TODAY)
    assert caught.value.field == "nik"
    assert caught.value.message == f"NIK tidak sah: {reason}."


def test_mask_nik():
    assert mask_nik("3201014506900001") == "3201********0001"
    assert mask_nik("12345678") == "********"
    assert mask_nik("") == ""
