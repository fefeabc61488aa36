"""Office profile, units and the stored calendar settings."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, strategies as st

from ppid_desk.calendar import DayHours, DayOffSource, OverrideKind
from ppid_desk.errors import ValidationError
from ppid_desk.office import OfficeSettings, load_office, logo_bytes, normalize_nip, remove_logo, save_office, set_logo
from ppid_desk.units import UnitKind, delete_unit, list_units, save_unit
from ppid_desk.workdays import (
    add_override, list_overrides, load_calendar, load_service_hours, remove_override, save_service_hours, year_rows,
)

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)


def test_fresh_office_is_not_configured_and_has_defaults(store):
    office = load_office()
    assert not office.is_configured
    assert office.completeness_days == 2 and office.cuti_bersama_off is True and office.timezone == "WIB"


def test_office_round_trip_with_clean_up(store):
    saved = save_office(OfficeSettings(
        agency_name="  Dinas Komunikasi dan Informatika Kabupaten Kulon Progo ", city="Wates",
        email="ppid@kulonprogokab.go.id", ppid_nip="196508091986031012", completeness_days=3,
        cuti_bersama_off=False,
    ))
    assert saved.agency_name == "Dinas Komunikasi dan Informatika Kabupaten Kulon Progo"
    assert saved.ppid_nip == "19650809 198603 1 012"
    assert load_office() == saved and load_office().is_configured


@pytest.mark.parametrize("changes, field", [
    ({"agency_name": ""}, "agency_name"),
    ({"city": " "}, "city"),
    ({"email": "bukan-email"}, "email"),
    ({"atasan_nip": "12345"}, "atasan_nip"),
    ({"completeness_days": 0}, "completeness_days"),
    ({"timezone": "UTC"}, "timezone"),
])
def test_invalid_office_data_names_the_field_and_saves_nothing(store, changes, field):
    good = OfficeSettings(agency_name="Dinas Uji", city="Wates")
    with pytest.raises(ValidationError) as info:
        save_office(good.with_changes(**changes))
    assert info.value.field == field and info.value.message
    assert load_office() == OfficeSettings()


@given(st.text(max_size=30))
def test_nip_normaliser_never_crashes(text):
    try:
        result = normalize_nip(text)
    except ValidationError as exc:
        assert exc.message == "NIP harus 18 angka."
    else:
        assert result == "" or len(result.replace(" ", "")) == 18


def test_logo_is_kept_in_the_database(store, tmp_path):
    png = tmp_path / "logo.png"
    png.write_bytes(PNG_1PX)
    set_logo(png)
    assert logo_bytes() == PNG_1PX
    remove_logo()
    assert logo_bytes() is None
    text = tmp_path / "logo.txt"
    text.write_text("halo", encoding="utf-8")
    with pytest.raises(ValidationError, match="PNG atau JPEG"):
        set_logo(text)
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        set_logo(tmp_path / "tidak-ada.png")


def test_units_add_change_delete(store):
    unit = save_unit("Bidang  Pelayanan dan Dokumentasi Informasi", "bidang", head_name="Sri Wahyuni")
    assert unit.name == "Bidang Pelayanan dan Dokumentasi Informasi" and unit.kind is UnitKind.BIDANG
    with pytest.raises(ValidationError, match="sudah ada"):
        save_unit("bidang pelayanan dan dokumentasi informasi", "skpd")
    changed = save_unit("Dinas Kesehatan", "ppid_pembantu", unit_id=unit.id, active=False)
    assert list_units() == [changed] and not changed.active and changed.kind.label == "PPID Pembantu"
    assert list_units(include_inactive=False) == []
    with pytest.raises(ValidationError):
        save_unit("", "bidang")
    with pytest.raises(ValidationError):
        save_unit("X", "dinas")
    delete_unit(unit.id)
    assert list_units() == []
    with pytest.raises(ValidationError):
        delete_unit(unit.id)


def test_office_closure_moves_deadlines_and_can_be_removed(store):
    before = load_calendar().deadlines(date(2026, 11, 23)).response.day
    add_override(date(2026, 11, 25), OverrideKind.CLOSED, "Pemadaman listrik")
    calendar = load_calendar()
    assert calendar.day_off(date(2026, 11, 25)).source is DayOffSource.OFFICE
    assert calendar.deadlines(date(2026, 11, 23)).response.day > before
    remove_override(date(2026, 11, 25))
    assert load_calendar().deadlines(date(2026, 11, 23)).response.day == before


def test_worked_cuti_bersama_shows_in_the_year_rows(store):
    add_override(date(2026, 12, 24), "masuk", "Pelayanan tetap buka")
    rows = {r.day: r for r in year_rows(load_calendar(), 2026)}
    assert rows[date(2026, 12, 24)].override is OverrideKind.WORKED and rows[date(2026, 12, 24)].source is None
    assert rows[date(2026, 3, 19)].source is DayOffSource.NATIONAL
    assert list_overrides(2026)[0].reason == "Pelayanan tetap buka" and list_overrides(2025) == []


@pytest.mark.parametrize("day, kind, reason, message", [
    (date(2026, 3, 19), "libur", "Rapat", "sudah hari libur"),
    (date(2026, 11, 24), "masuk", "Lembur", "memang hari kerja"),
    (date(2026, 11, 24), "libur", "   ", "Alasan wajib"),
])
def test_pointless_or_incomplete_overrides_are_refused(store, day, kind, reason, message):
    with pytest.raises(ValidationError, match=message):
        add_override(day, kind, reason)
    assert list_overrides() == []


def test_one_override_per_day(store):
    add_override(date(2026, 11, 24), "libur", "Rapat kerja")
    with pytest.raises(ValidationError, match="sudah punya pengaturan"):
        add_override(date(2026, 11, 24), "libur", "Lagi")


def test_cuti_bersama_setting_reaches_the_calendar(store):
    assert not load_calendar().is_working_day(date(2026, 12, 24))
    save_office(load_office().with_changes(cuti_bersama_off=False), require_identity=False)
    assert load_calendar().is_working_day(date(2026, 12, 24))


def test_service_hours_round_trip_and_validation(store):
    hours = load_service_hours()
    assert hours[4] == DayHours(time(9), time(14), ((time(11), time(13)),))
    new = {0: DayHours(time(8), time(15, 30), ((time(12), time(13)),)), 5: DayHours(time(8), time(12))}
    save_service_hours(new)
    assert load_service_hours() == new
    with pytest.raises(ValidationError, match="sebelum jam tutup"):
        save_service_hours({0: DayHours(time(15), time(8))})
    with pytest.raises(ValidationError, match="istirahat"):
        save_service_hours({0: DayHours(time(8), time(12), ((time(11), time(13)),))})
    assert load_service_hours() == new
    # Monday now closes at 15.30: a receipt at 15.00 still counts that day.
    assert load_calendar().effective_receipt(datetime(2026, 11, 23, 15, 0)).day == date(2026, 11, 23)
