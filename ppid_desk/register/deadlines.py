"""Keeping open requests' deadlines true to the calendar.

When the office changes its calendar (a closure added, a day marked worked, the cuti
bersama rule), every request whose clock is still running gets its deadlines computed
again from its effective receipt day, and each change is recorded as an event. A request
reopened on the Atasan PPID's order counts its notice deadline from the order instead.
"""

from __future__ import annotations

import json
from datetime import datetime

from ..calendar import WorkingCalendar
from ..store.models import Request, RequestEvent, database
from .codes import EventKind, Status

RUNNING = (Status.REGISTERED.value, Status.AWAITING_COMPLETENESS.value, Status.ROUTED.value)


def recompute_open_deadlines(calendar: WorkingCalendar, completeness_days: int, actor: str, reason: str,
                             now: datetime | None = None) -> int:
    """Recompute the deadlines of every running request; returns how many changed."""
    now = (now or datetime.now()).replace(microsecond=0)
    changed = 0
    with database.atomic():
        for row in Request.select().where(Request.status.in_(RUNNING)).iterator():
            start = row.effective_day
            new = {"completeness_due": calendar.add_working_days(start, completeness_days).day}
            if row.reopened_on is not None:
                due = calendar.add_working_days(row.reopened_on, _order_days(row)).day
                new.update(response_due=due, extended_due=due)
            else:
                extension = _extension_days(row) if row.extended else 7
                new.update(response_due=calendar.add_working_days(start, 10).day,
                           extended_due=calendar.add_working_days(start, 10 + extension).day)
            old = {k: getattr(row, k) for k in new}
            if old == new:
                continue
            Request.update(**new).where(Request.id == row.id).execute()
            RequestEvent.create(request=row.id, kind=EventKind.DEADLINES_RECOMPUTED.value, at=now, actor=actor,
                                data=json.dumps({"reason": reason, "before": old, "after": new}, default=str,
                                                ensure_ascii=False))
            changed += 1
    return changed


def _order_days(row: Request) -> int:
    """The working days the Atasan PPID's order gave, from the latest reopening event."""
    event = (RequestEvent.select().where((RequestEvent.request == row.id)
                                         & (RequestEvent.kind == EventKind.REOPENED.value))
             .order_by(RequestEvent.id.desc()).first())
    try:
        return max(1, int(json.loads(event.data)["days"]))
    except (AttributeError, KeyError, ValueError, TypeError):
        return 10


def _extension_days(row: Request) -> int:
    """How many working days (1-7) the request's extension granted, from its event."""
    event = (RequestEvent.select().where((RequestEvent.request == row.id)
                                         & (RequestEvent.kind == EventKind.EXTENDED.value))
             .order_by(RequestEvent.id.desc()).first())
    if event is None:
        return 7
    try:
        return min(7, max(1, int(json.loads(event.data).get("days", 7))))
    except (ValueError, TypeError):
        return 7
