"""Tests for ppid_desk.calendar against the real ``holidays`` package (0.109).

Hand-checked 2026/2027 dates (package output, category in brackets):
  2026-02-16 Mon Cuti Bersama Tahun Baru Imlek [government], 2026-02-17 Tue Imlek [public]
  2026-03-18 Wed Cuti Bersama Nyepi [gov], 03-19 Thu Nyepi [public],
  03-20 Fri Cuti Bersama Idul Fitri [gov], 03-21 Sat / 03-22 Sun Idul Fitri [public],
  03-23 Mon / 03-24 Tue Cuti Bersama Idul Fitri [gov]
  2026-04-03 Fri Wafat Yesus Kristus, 04-05 Sun Paskah, 2026-05-01 Fri Hari Buruh
  2026-12-24 Thu Cuti Bersama Natal [gov], 12-25 Fri Natal
  2027-01-01 Fri Tahun Baru Masehi, 2027-01-05 Tue Isra Mikraj
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ppid_desk.calendar import (
    DEFAULT_SERVICE_HOURS,
    WEEKDAY_NAMES,
    DayHours,
    DayOff,
    DayOffSource,
    Deadline,
    Override,
    OverrideKind,
    ReceiptTiming,
    WorkingCalendar,
)

CAL = WorkingCalendar()  # shared: caches are per instance and the calendar is immutable

D = date


def days(*isos: str) -> list[date]:
    return [date.fromisoformat(s) for s in isos]


# --------------------------------------------------------------------------- basics
def test_labels_and_constants() -> None:
    assert [s.label for s in DayOffSource] == ["akhir pekan", "libur nasional", "cuti bersama", "kantor"]
    assert [s.value for s in DayOffSource] == ["akhir_pekan", "nasional", "cuti_bersama", "kantor"]
    assert OverrideKind.CLOSED == "libur" and OverrideKind.WORKED == "masuk"
    assert [t.value for t in ReceiptTiming] == ["within_hours", "before_opening", "after_closing", "day_off"]
    assert WEEKDAY_NAMES == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert sorted(DEFAULT_SERVICE_HOURS) == [0, 1, 2, 3, 4]
    assert DEFAULT_SERVICE_HOURS[0] == DayHours(time(9), time(14), ((time(12), time(13)),))
    assert DEFAULT_SERVICE_HOURS[4] == DayHours(time(9), time(14), ((time(11), time(13)),))


def test_day_off_sources_2026() -> None:
    assert CAL.day_off(D(2026, 3, 19)) == DayOff(D(2026, 3, 19), DayOffSource.NATIONAL, "Hari Suci Nyepi")
    assert CAL.day_off(D(2026, 3, 18)).source is DayOffSource.CUTI_BERSAMA
    assert CAL.day_off(D(2026, 3, 18)).describe() == "Cuti Bersama Hari Suci Nyepi (cuti bersama)"
    assert CAL.day_off(D(2026, 3, 19)).describe() == "Hari Suci Nyepi (libur nasional)"
    assert CAL.day_off(D(2026, 3, 14)).describe() == "Sabtu (akhir pekan)"
    assert CAL.day_off(D(2026, 3, 15)).describe() == "Minggu (akhir pekan)"
    # Holiday on a weekend keeps its holiday source.
    assert CAL.day_off(D(2026, 3, 21)).source is DayOffSource.NATIONAL
    assert CAL.day_off(D(2026, 12, 24)).source is DayOffSource.CUTI_BERSAMA
    assert CAL.day_off(D(2026, 3, 16)) is None
    assert CAL.is_working_day(D(2026, 3, 25))
    assert not CAL.is_working_day(D(2027, 1, 1))


def test_days_off_listing() -> None:
    march = [o for o in CAL.days_off(2026) if o.day.month == 3]
    assert [o.day for o in march] == days(
        "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24"
    )
    assert all(o.source is not DayOffSource.WEEKEND for o in CAL.days_off(2026))
    full = CAL.days_off(2026, include_weekends=True)
    assert [o.day for o in full] == sorted(o.day for o in full)
    assert len({o.day for o in full}) == len(full)
    assert {o.day for o in full} == {
        D(2026, 1, 1) + timedelta(i) for i in range(365) if not CAL.is_working_day(D(2026, 1, 1) + timedelta(i))
    }
    # 104 weekend days in 2026 + weekday holidays/cuti bersama
    weekday_offs = [o for o in full if o.day.weekday() < 5]
    assert len(full) == 104 + len(weekday_offs)


# --------------------------------------------------------------------------- deadlines
def test_nyepi_idul_fitri_2026() -> None:
    ds = CAL.deadlines(D(2026, 3, 17))
    assert ds.receipt.day == D(2026, 3, 17)
    assert ds.receipt.timing is ReceiptTiming.WITHIN_HOURS
    assert ds.receipt.skipped == ()
    assert ds.completeness.day == D(2026, 3, 26)
    assert ds.response.day == D(2026, 4, 8)
    assert ds.extended.day == D(2026, 4, 17)
    assert ds.objection_answer.day == D(2026, 5, 7)
    assert [o.day for o in ds.response.skipped] == days(
        "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23",
        "2026-03-24", "2026-03-28", "2026-03-29", "2026-04-03", "2026-04-04", "2026-04-05",
    )
    assert [o.source for o in ds.response.skipped[:7]] == [
        DayOffSource.CUTI_BERSAMA, DayOffSource.NATIONAL, DayOffSource.CUTI_BERSAMA,
        DayOffSource.NATIONAL, DayOffSource.NATIONAL, DayOffSource.CUTI_BERSAMA, DayOffSource.CUTI_BERSAMA,
    ]
    assert [o.day for o in ds.skipped_until_extended()] == [o.day for o in ds.response.skipped] + days(
        "2026-04-11", "2026-04-12"
    )
    assert ds.response.explain().startswith(
        "Hari kerja ke-10 setelah Selasa, 17 Maret 2026; dilewati: "
        "18 Maret 2026: Cuti Bersama Hari Suci Nyepi (cuti bersama); "
        "19 Maret 2026: Hari Suci Nyepi (libur nasional); "
    )
    assert "3 April 2026: Wafat Yesus Kristus (libur nasional)" in ds.response.explain()
    assert D(2026, 5, 1) in {o.day for o in ds.objection_answer.skipped}


def test_christmas_into_new_year_2027() -> None:
    ds = CAL.deadlines(D(2026, 12, 22))
    assert ds.completeness.day == D(2026, 12, 28)
    assert ds.response.day == D(2027, 1, 11)
    assert ds.extended.day == D(2027, 1, 20)
    assert [o.day for o in ds.response.skipped] == days(
        "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2027-01-01",
        "2027-01-02", "2027-01-03", "2027-01-05", "2027-01-09", "2027-01-10",
    )
    assert ds.response.skipped[0].describe() == "Cuti Bersama Hari Raya Natal (cuti bersama)"
    assert ds.response.skipped[4].describe() == "Tahun Baru Masehi (libur nasional)"
    assert CAL.working_days_between(D(2026, 12, 22), D(2027, 1, 11)) == 10


def test_add_working_days_basics_and_errors() -> None:
    assert CAL.add_working_days(D(2026, 3, 17), 0) == Deadline(D(2026, 3, 17), 0, D(2026, 3, 17), ())
    assert CAL.add_working_days(D(2026, 3, 14), 0).day == D(2026, 3, 14)  # n == 0 returns start
    nxt = CAL.add_working_days(D(2026, 3, 9), 2)
    assert nxt.day == D(2026, 3, 11) and nxt.skipped == ()
    assert "tidak ada hari libur" in nxt.explain()
    with pytest.raises(ValueError, match="negatif"):
        CAL.add_working_days(D(2026, 3, 17), -1)
    with pytest.raises(ValueError):
        CAL.days_off(0)
    with pytest.raises(ValueError):
        CAL.year_warning(10000)
    with pytest.raises(ValueError, match="9999"):
        CAL.add_working_days(D(9999, 12, 30), 5)
    assert CAL.working_days_between(D(2026, 4, 8), D(2026, 3, 17)) == 0
    assert CAL.working_days_between(D(2026, 3, 17), D(2026, 3, 17)) == 0


# --------------------------------------------------------------------------- receipts
def test_saturday_receipt() -> None:
    r = CAL.effective_receipt(D(2026, 3, 14))
    assert (r.day, r.timing) == (D(2026, 3, 16), ReceiptTiming.DAY_OFF)
    assert [o.day for o in r.skipped] == days("2026-03-14", "2026-03-15")
    # Monday 02-16 (cuti bersama Imlek) and Tuesday 02-17 (Imlek) are off -> Wednesday.
    r = CAL.effective_receipt(datetime(2026, 2, 14, 10, 0))
    assert r.day == D(2026, 2, 18)
    assert [o.day for o in r.skipped] == days("2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17")
    assert "Rabu, 18 Februari 2026" in r.explain() and "hari libur" in r.explain()
    ds = CAL.deadlines(D(2026, 2, 14))
    assert ds.response.start == D(2026, 2, 18)
    assert ds.response.day == D(2026, 3, 4)
    assert ds.skipped_until_extended()[0].day == D(2026, 2, 14)


def test_after_hours_before_opening_and_break() -> None:
    r = CAL.effective_receipt(datetime(2026, 3, 13, 14, 30))  # Friday after closing
    assert (r.day, r.timing) == (D(2026, 3, 16), ReceiptTiming.AFTER_CLOSING)
    assert [o.day for o in r.skipped] == days("2026-03-14", "2026-03-15")
    assert "setelah jam layanan ditutup" in r.explain()
    assert CAL.effective_receipt(datetime(2026, 3, 13, 14, 0)).day == D(2026, 3, 16)  # at closing
    assert CAL.effective_receipt(datetime(2026, 3, 13, 13, 59)).day == D(2026, 3, 13)
    r = CAL.effective_receipt(datetime(2026, 3, 16, 7, 0))  # email at 07.00
    assert (r.day, r.timing, r.skipped) == (D(2026, 3, 16), ReceiptTiming.BEFORE_OPENING, ())
    assert "sebelum jam layanan dibuka" in r.explain()
    for when in (datetime(2026, 3, 16, 12, 30), datetime(2026, 3, 13, 11, 30)):  # breaks Mon / Fri
        r = CAL.effective_receipt(when)
        assert (r.day, r.timing) == (when.date(), ReceiptTiming.WITHIN_HOURS)
    # After closing right before the Nyepi/Idul Fitri block.
    r = CAL.effective_receipt(datetime(2026, 3, 17, 15, 0))
    assert r.day == D(2026, 3, 25)
    assert len(r.skipped) == 7
    ds = CAL.deadlines(datetime(2026, 3, 17, 15, 0))
    assert ds.response.start == D(2026, 3, 25)
    assert ds.skipped_until_extended()[0].day == D(2026, 3, 18)
    assert D(2026, 3, 17) not in {o.day for o in ds.skipped_until_extended()}
    # Holiday receipt with a time counts as a day-off receipt regardless of the hour.
    r = CAL.effective_receipt(datetime(2026, 3, 19, 7, 0))
    assert (r.day, r.timing) == (D(2026, 3, 25), ReceiptTiming.DAY_OFF)


def test_custom_service_hours() -> None:
    cal = WorkingCalendar(service_hours={0: DayHours(time(8), time(16))})
    assert cal.effective_receipt(datetime(2026, 3, 16, 15, 0)).day == D(2026, 3, 16)
    assert cal.effective_receipt(datetime(2026, 3, 16, 16, 0)).day == D(2026, 3, 17)
    # Tuesday has no entry: any time counts that day.
    assert cal.effective_receipt(datetime(2026, 3, 17, 23, 0)).day == D(2026, 3, 17)
    assert DayHours(time(8), time(9), [(time(8, 30), time(8, 45))]).breaks == ((time(8, 30), time(8, 45)),)


# --------------------------------------------------------------------------- overrides
def test_closure_pushes_deadlines() -> None:
    cal = WorkingCalendar([Override(D(2026, 3, 25), OverrideKind.CLOSED, "Rapat kerja")])
    off = cal.day_off(D(2026, 3, 25))
    assert off == DayOff(D(2026, 3, 25), DayOffSource.OFFICE, "Rapat kerja")
    assert off.describe() == "Rapat kerja (kantor)"
    ds = cal.deadlines(D(2026, 3, 17))
    assert ds.completeness.day == D(2026, 3, 27)
    assert ds.response.day == D(2026, 4, 9)
    assert ds.extended.day == D(2026, 4, 20)
    assert "25 Maret 2026: Rapat kerja (kantor)" in ds.response.explain()
    # A receipt after closing now lands on Thursday 03-26.
    assert cal.effective_receipt(datetime(2026, 3, 17, 15)).day == D(2026, 3, 26)
    # A closure on a national holiday replaces its reason.
    cal = WorkingCalendar([Override(D(2026, 3, 19), OverrideKind.CLOSED, "Libur daerah")])
    assert cal.day_off(D(2026, 3, 19)).source is DayOffSource.OFFICE


def test_worked_days_pull_deadlines() -> None:
    worked_cuti = WorkingCalendar([Override(D(2026, 3, 18), OverrideKind.WORKED, "SKB diubah")])
    assert worked_cuti.is_working_day(D(2026, 3, 18))
    assert D(2026, 3, 18) not in {o.day for o in worked_cuti.days_off(2026)}
    ds = worked_cuti.deadlines(D(2026, 3, 17))
    assert ds.completeness.day == D(2026, 3, 25)
    assert ds.response.day == D(2026, 4, 7)
    worked_sat = WorkingCalendar([Override(D(2026, 3, 28), OverrideKind.WORKED, "Pelayanan Sabtu")])
    assert worked_sat.deadlines(D(2026, 3, 17)).response.day == D(2026, 4, 7)
    # Saturday has no service hours: any time that day counts that day.
    r = worked_sat.effective_receipt(datetime(2026, 3, 28, 23, 0))
    assert (r.day, r.timing) == (D(2026, 3, 28), ReceiptTiming.WITHIN_HOURS)
    # Friday after closing now moves to the worked Saturday.
    assert worked_sat.effective_receipt(datetime(2026, 3, 27, 15)).day == D(2026, 3, 28)
    # A worked override on a working day changes nothing; later rows win.
    cal = WorkingCalendar([
        Override(D(2026, 3, 16), OverrideKind.WORKED, ""),
        Override(D(2026, 3, 26), OverrideKind.CLOSED, "x"),
        Override(D(2026, 3, 26), OverrideKind.WORKED, "dibatalkan"),
    ])
    assert cal.deadlines(D(2026, 3, 17)).response.day == D(2026, 4, 8)


def test_cuti_bersama_not_off() -> None:
    cal = WorkingCalendar(cuti_bersama_off=False)
    assert cal.is_working_day(D(2026, 3, 18))
    assert not cal.is_working_day(D(2026, 3, 19))
    ds = cal.deadlines(D(2026, 3, 17))
    assert ds.completeness.day == D(2026, 3, 20)
    assert ds.response.day == D(2026, 4, 1)
    assert [o.day for o in ds.response.skipped] == days("2026-03-19", "2026-03-21", "2026-03-22", "2026-03-28", "2026-03-29")
    assert all(o.source is not DayOffSource.CUTI_BERSAMA for o in cal.days_off(2026))
    assert cal.deadlines(D(2026, 12, 22)).response.day == D(2027, 1, 8)
    assert cal.year_warning(2028) is None  # cuti bersama do not count, nothing to warn about


# --------------------------------------------------------------------------- year data
def test_year_warnings() -> None:
    assert CAL.year_warning(2026) is None
    assert CAL.year_warning(2027) is None
    no_cuti = CAL.year_warning(2028)
    assert no_cuti is not None and "Cuti bersama" in no_cuti and "2028" in no_cuti
    no_data = CAL.year_warning(2101)
    assert no_data is not None and "tidak tersedia" in no_data and no_data != no_cuti


def test_year_without_package_data_still_computes() -> None:
    assert CAL.days_off(2101) == []
    # 2101-01-03 is a Monday.
    assert D(2101, 1, 3).weekday() == 0
    assert CAL.add_working_days(D(2101, 1, 3), 5).day == D(2101, 1, 10)
    cal = WorkingCalendar([Override(D(2101, 1, 4), OverrideKind.CLOSED, "Libur daerah")])
    assert cal.add_working_days(D(2101, 1, 3), 5).day == D(2101, 1, 11)
    assert [o.day for o in cal.days_off(2101)] == [D(2101, 1, 4)]


def test_holiday_source_hook() -> None:
    calls: list[int] = []

    def source(year: int) -> dict[date, str | DayOff]:
        calls.append(year)
        if year != 2030:
            return {}
        return {
            D(2030, 1, 1): "Tahun Baru",
            D(2030, 1, 2): DayOff(D(2030, 1, 2), DayOffSource.CUTI_BERSAMA, "Cuti Tahun Baru"),
        }

    cal = WorkingCalendar(holiday_source=source)
    assert cal.day_off(D(2030, 1, 1)).source is DayOffSource.NATIONAL
    assert cal.day_off(D(2030, 1, 2)).source is DayOffSource.CUTI_BERSAMA
    assert cal.year_warning(2030) is None
    assert "tidak tersedia" in cal.year_warning(2031)
    assert cal.add_working_days(D(2029, 12, 31), 1).day == D(2030, 1, 3)
    for d in range(10):
        cal.day_off(D(2030, 3, 1) + timedelta(d))
    assert calls.count(2030) == 1  # per-year table is cached


# --------------------------------------------------------------------------- properties
dates = st.dates(min_value=D(2025, 6, 1), max_value=D(2028, 6, 30))
moments = st.datetimes(min_value=datetime(2025, 6, 1), max_value=datetime(2028, 6, 30, 23, 59))
receipts = st.one_of(dates, moments)
overrides = st.lists(
    st.builds(Override, dates, st.sampled_from(list(OverrideKind)), st.just("uji")), max_size=8
)
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(receipts, overrides)
def test_deadlines_are_working_days(when: date, ovr: list[Override]) -> None:
    cal = WorkingCalendar(ovr)
    ds = cal.deadlines(when)
    for dl in (ds.completeness, ds.response, ds.extended, ds.objection_answer):
        assert cal.is_working_day(dl.day)
        assert dl.start == ds.receipt.day
    assert cal.is_working_day(ds.receipt.day)
    assert ds.completeness.day < ds.response.day < ds.extended.day


@PROPS
@given(receipts, receipts)
def test_later_receipt_never_earlier_deadline(a: date, b: date) -> None:
    def key(x: date) -> datetime:
        return x if isinstance(x, datetime) else datetime.combine(x, time(10))

    early, late = sorted((a, b), key=key)
    d1, d2 = CAL.deadlines(early), CAL.deadlines(late)
    assert d1.receipt.day <= d2.receipt.day
    assert d1.response.day <= d2.response.day
    assert d1.extended.day <= d2.extended.day
    assert d1.objection_answer.day <= d2.objection_answer.day


@PROPS
@given(dates, st.integers(min_value=0, max_value=300), overrides)
def test_working_days_between_inverts_add(start: date, n: int, ovr: list[Override]) -> None:
    cal = WorkingCalendar(ovr)
    dl = cal.add_working_days(start, n)
    assert cal.working_days_between(start, dl.day) == n
    if n:
        assert cal.working_days_between(start, dl.day - timedelta(1)) == n - 1


@PROPS
@given(dates, st.integers(min_value=0, max_value=60), overrides)
def test_skipped_are_exactly_non_working_days_between(start: date, n: int, ovr: list[Override]) -> None:
    cal = WorkingCalendar(ovr)
    dl = cal.add_working_days(start, n)
    between = [start + timedelta(i) for i in range(1, (dl.day - start).days)]
    assert [o.day for o in dl.skipped] == [d for d in between if not cal.is_working_day(d)]
    assert all(cal.day_off(o.day) == o for o in dl.skipped)


@PROPS
@given(receipts, overrides)
def test_receipt_skipped_and_union(when: date, ovr: list[Override]) -> None:
    cal = WorkingCalendar(ovr)
    ds = cal.deadlines(when)
    received = when.date() if isinstance(when, datetime) else when
    span = [received + timedelta(i) for i in range((ds.extended.day - received).days)]
    assert [o.day for o in ds.skipped_until_extended()] == [d for d in span if not cal.is_working_day(d)]
    assert [o.day for o in ds.receipt.skipped] == [
        d for d in span if d < ds.receipt.day and not cal.is_working_day(d)
    ]
