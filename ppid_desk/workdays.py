"""The office's working-day calendar as stored: overrides, service hours, the
cuti-bersama rule, and the :class:`~ppid_desk.calendar.WorkingCalendar` built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from . import audit
from .accounts.officer import Actor, require
from .accounts.roles import Permission
from .calendar import WEEKDAY_NAMES, DayHours, DayOff, DayOffSource, Override, OverrideKind, WorkingCalendar
from .dates import clock
from .errors import ValidationError
from .inbox.deadlines import recompute_message_deadlines
from .objections.deadlines import recompute_objection_deadlines
from .office import load_office
from .register.deadlines import recompute_open_deadlines
from .store.models import CalendarOverride, ServiceHours, database


def load_calendar() -> WorkingCalendar:
    office = load_office()
    return WorkingCalendar(
        overrides=list_overrides(),
        service_hours=load_service_hours(),
        cuti_bersama_off=office.cuti_bersama_off,
    )


# --- overrides ------------------------------------------------------------------

def list_overrides(year: int | None = None) -> list[Override]:
    query = CalendarOverride.select().order_by(CalendarOverride.day)
    if year is not None:
        query = query.where(CalendarOverride.day.between(date(year, 1, 1), date(year, 12, 31)))
    return [Override(row.day, OverrideKind(row.kind), row.reason) for row in query]


def calendar_changed(actor: Actor, reason: str) -> int:
    """Recompute the deadlines of running requests, objections and inbox messages after a
    calendar change; returns how many records changed. Each change is an event of its
    record; the audit log has the one entry of the calendar change that caused them."""
    actor = str(actor)
    calendar = load_calendar()
    return (recompute_open_deadlines(calendar, load_office().completeness_days, actor, reason)
            + recompute_objection_deadlines(calendar, actor, reason)
            + recompute_message_deadlines(calendar, actor, reason))


def add_override(day: date, kind: OverrideKind | str, reason: str, actor: Actor = "") -> Override:
    """Add an office closure (``libur``) or mark a listed day off as worked (``masuk``)."""
    require(actor, Permission.EDIT_CALENDAR)
    kind = OverrideKind(kind)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Alasan wajib diisi.", "reason")
    if len(reason) > 200:
        raise ValidationError("Alasan terlalu panjang (maksimal 200 huruf).", "reason")
    if CalendarOverride.select().where(CalendarOverride.day == day).exists():
        raise ValidationError(f"Tanggal {day:%d-%m-%Y} sudah punya pengaturan kantor; hapus dulu yang lama.", "day")
    base = WorkingCalendar(service_hours={}, cuti_bersama_off=load_office().cuti_bersama_off)
    off = base.day_off(day)
    if kind is OverrideKind.CLOSED and off is not None:
        raise ValidationError(f"{day:%d-%m-%Y} sudah hari libur ({off.describe()}).", "day")
    if kind is OverrideKind.WORKED and off is None:
        raise ValidationError(f"{day:%d-%m-%Y} memang hari kerja; tidak perlu ditandai masuk.", "day")
    with database.atomic():
        CalendarOverride.create(day=day, kind=kind.value, reason=reason)
        changed = calendar_changed(actor, f"Kalender kantor: {day:%d-%m-%Y} {kind.value} ({reason})")
        what = "hari libur kantor" if kind is OverrideKind.CLOSED else "hari masuk kerja"
        audit.step(actor, "calendar.add", "calendar", day.isoformat(),
                   f"Kalender kantor: {day:%d-%m-%Y} ditetapkan sebagai {what} ({reason}); "
                   f"tenggat {changed} berkas dihitung ulang.",
                   {"day": day, "kind": kind.value, "reason": reason, "deadlines_recomputed": changed})
    return Override(day, kind, reason)


def remove_override(day: date, actor: Actor = "") -> None:
    require(actor, Permission.EDIT_CALENDAR)
    with database.atomic():
        if not CalendarOverride.delete().where(CalendarOverride.day == day).execute():
            raise ValidationError(f"Tidak ada pengaturan kantor pada {day:%d-%m-%Y}.", "day")
        changed = calendar_changed(actor, f"Kalender kantor: pengaturan {day:%d-%m-%Y} dihapus")
        audit.step(actor, "calendar.remove", "calendar", day.isoformat(),
                   f"Kalender kantor: pengaturan {day:%d-%m-%Y} dihapus; tenggat {changed} berkas dihitung ulang.",
                   {"day": day, "deadlines_recomputed": changed})


@dataclass(frozen=True)
class CalendarRow:
    """One line of a year's calendar as the office sees it."""

    day: date
    source: DayOffSource | None  # None: a listed day off that the office works
    name: str
    override: OverrideKind | None


def year_rows(calendar: WorkingCalendar, year: int) -> list[CalendarRow]:
    """The days off of ``year`` (weekends left out) plus the days the office works instead."""
    rows = [CalendarRow(d.day, d.source, d.name, OverrideKind.CLOSED if d.source is DayOffSource.OFFICE else None)
            for d in calendar.days_off(year)]
    for ov in list_overrides(year):
        if ov.kind is OverrideKind.WORKED:
            rows.append(CalendarRow(ov.day, None, ov.reason, OverrideKind.WORKED))
    return sorted(rows, key=lambda r: r.day)


# --- service hours ---------------------------------------------------------------

_HHMM = re.compile(r"^([01]\d|2[0-3])[:.]([0-5]\d)$")


def parse_hhmm(text: str) -> time:
    m = _HHMM.match(text.strip())
    if not m:
        raise ValidationError(f"Jam \u201c{text}\u201d tidak sah; tulis JJ:MM, misalnya 09:00.")
    return time(int(m.group(1)), int(m.group(2)))


def _fmt(t: time) -> str:
    return f"{t:%H:%M}"


def load_service_hours() -> dict[int, DayHours]:
    hours = {}
    for row in ServiceHours.select():
        breaks = []
        for part in filter(None, row.breaks.split(",")):
            start, end = part.split("-")
            breaks.append((parse_hhmm(start), parse_hhmm(end)))
        hours[row.weekday] = DayHours(parse_hhmm(row.opens), parse_hhmm(row.closes), tuple(breaks))
    return hours


def hours_text(hours: DayHours | None) -> str:
    """"08.00–16.00 (istirahat 12.00–13.00)", or that there are no service hours."""
    if hours is None:
        return "tidak ada jam layanan"
    text = f"{clock(hours.opens)}\u2013{clock(hours.closes)}"
    if hours.breaks:
        text += " (istirahat " + ", ".join(f"{clock(s)}\u2013{clock(e)}" for s, e in hours.breaks) + ")"
    return text


def validate_day_hours(hours: DayHours) -> None:
    if hours.opens >= hours.closes:
        raise ValidationError("Jam buka harus sebelum jam tutup.")
    for start, end in hours.breaks:
        if not hours.opens <= start < end <= hours.closes:
            raise ValidationError("Jam istirahat harus di dalam jam layanan dan mulai sebelum selesai.")


def save_service_hours(hours: dict[int, DayHours], actor: Actor = "") -> None:
    """Replace the weekly service hours (weekday 0 = Senin .. 6 = Minggu)."""
    require(actor, Permission.EDIT_CALENDAR)
    rows = []
    for weekday, day in sorted(hours.items()):
        if not 0 <= weekday <= 6:
            raise ValidationError("Hari tidak sah.")
        validate_day_hours(day)
        breaks = ",".join(f"{_fmt(s)}-{_fmt(e)}" for s, e in day.breaks)
        rows.append((weekday, _fmt(day.opens), _fmt(day.closes), breaks))
    with database.atomic():
        ServiceHours.delete().execute()
        if rows:
            ServiceHours.insert_many(
                rows, fields=[ServiceHours.weekday, ServiceHours.opens, ServiceHours.closes, ServiceHours.breaks]
            ).execute()
        audit.step(actor, "calendar.hours", "calendar", "jam_layanan",
                   "Jam layanan diubah: " + ("; ".join(f"{WEEKDAY_NAMES[w]} {hours_text(hours[w])}"
                                                       for w in sorted(hours)) or "tidak ada jam layanan") + ".",
                   {"hours": {str(w): [o, c, b] for w, o, c, b in rows}})
