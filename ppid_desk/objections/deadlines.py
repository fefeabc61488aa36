"""Keeping running objections' deadlines true to the calendar.

When the office changes its calendar, every objection still waiting for the Atasan
PPID's answer gets its answer deadline (30th working day after its effective receipt)
and the dispute window behind it (14th working day after that) computed again; one whose
response was handed over gets its dispute window computed again from the handover. Each
change is recorded as an event.
"""

from __future__ import annotations

import json
from datetime import datetime

from ..calendar import WorkingCalendar
from ..store.models import Objection, ObjectionEvent, database
from .codes import EventKind, Status

ANSWER_DAYS = 30  # the Atasan PPID answers within 30 working days (UU 14/2008 Pasal 36 ayat 1)
DISPUTE_DAYS = 14  # then 14 working days to go to the Komisi Informasi (Pasal 37 ayat 2)
_UNANSWERED = (Status.REGISTERED.value, Status.FORWARDED.value, Status.DECIDED.value)
_HANDED = Status.RESPONSE_HANDED_OVER.value


def recompute_objection_deadlines(calendar: WorkingCalendar, actor: str, reason: str,
                                  now: datetime | None = None) -> int:
    """Recompute the deadlines of every running objection; returns how many changed."""
    now = (now or datetime.now()).replace(microsecond=0)
    changed = 0
    with database.atomic():
        for row in Objection.select().where(Objection.status.in_([*_UNANSWERED, _HANDED])).iterator():
            if row.status == _HANDED:
                new = {"dispute_window_due": calendar.add_working_days(row.response_handed_on, DISPUTE_DAYS).day}
            else:
                answer_due = calendar.add_working_days(row.effective_day, ANSWER_DAYS).day
                new = {"answer_due": answer_due,
                       "dispute_window_due": calendar.add_working_days(answer_due, DISPUTE_DAYS).day}
            old = {k: getattr(row, k) for k in new}
            if old == new:
                continue
            Objection.update(**new).where(Objection.id == row.id).execute()
            ObjectionEvent.create(objection=row.id, kind=EventKind.DEADLINES_RECOMPUTED.value, at=now, actor=actor,
                                  data=json.dumps({"reason": reason, "before": old, "after": new}, default=str,
                                                  ensure_ascii=False))
            changed += 1
    return changed
