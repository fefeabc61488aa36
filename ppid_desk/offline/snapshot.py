"""What registering needs while the server cannot be reached, copied from the server while
connected: the office settings (number pattern, completeness days, the letterhead and
receipt paper), the logo, the working calendar (the office's overrides, service hours, the
cuti bersama rule; national holidays come from the ``holidays`` package on this PC) and
the units a request can be routed to."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime

from ..calendar import DayHours, Override, OverrideKind, WorkingCalendar
from ..office import OfficeSettings, load_office, logo_bytes
from ..store.models import CalendarOverride, ServiceHours, Unit
from ..workdays import parse_hhmm


@dataclass(frozen=True)
class UnitChoice:
    id: int
    name: str


@dataclass(frozen=True)
class Snapshot:
    taken_at: datetime
    office: OfficeSettings
    logo: bytes | None
    overrides: tuple[Override, ...]
    hours: dict[int, DayHours]
    units: tuple[UnitChoice, ...]  # the active units, by kind and name as the form lists them

    def calendar(self) -> WorkingCalendar:
        return WorkingCalendar(overrides=list(self.overrides), service_hours=dict(self.hours),
                               cuti_bersama_off=self.office.cuti_bersama_off)

    def unit_ids(self) -> set[int]:
        return {u.id for u in self.units}


def take() -> tuple[str, bytes | None]:
    """The snapshot of the open register as stored in the queue: (JSON text, logo bytes)."""
    office = load_office()
    data = {
        "taken_at": datetime.now().replace(microsecond=0).isoformat(),
        "office": asdict(office),
        "overrides": [[r.day.isoformat(), r.kind, r.reason]
                      for r in CalendarOverride.select().order_by(CalendarOverride.day)],
        "hours": [[r.weekday, r.opens, r.closes, r.breaks] for r in ServiceHours.select().order_by(ServiceHours.weekday)],
        "units": [[u.id, u.name] for u in Unit.select().where(Unit.active == True)  # noqa: E712
                  .order_by(Unit.kind, Unit.name)],
    }
    return json.dumps(data, ensure_ascii=False), logo_bytes()


_OFFICE_FIELDS = {f.name for f in fields(OfficeSettings)}


def read(text: str, logo: bytes | None) -> Snapshot:
    data = json.loads(text)
    office = OfficeSettings(**{k: v for k, v in data["office"].items() if k in _OFFICE_FIELDS})
    hours: dict[int, DayHours] = {}
    for weekday, opens, closes, breaks in data["hours"]:
        pairs = []
        for part in filter(None, str(breaks).split(",")):
            start, end = part.split("-")
            pairs.append((parse_hhmm(start), parse_hhmm(end)))
        hours[int(weekday)] = DayHours(parse_hhmm(opens), parse_hhmm(closes), tuple(pairs))
    return Snapshot(
        taken_at=datetime.fromisoformat(data["taken_at"]),
        office=office,
        logo=bytes(logo) if logo is not None else None,
        overrides=tuple(Override(date.fromisoformat(day), OverrideKind(kind), reason)
                        for day, kind, reason in data["overrides"]),
        hours=hours,
        units=tuple(UnitChoice(int(i), str(name)) for i, name in data["units"]),
    )
