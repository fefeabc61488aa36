"""Keeping open messages' answer deadlines true to the calendar (as the request and
objection registers do): recomputed from the day each counts as recorded, with an event."""

from __future__ import annotations

import json
from datetime import datetime

from ..calendar import WorkingCalendar
from ..store.models import InboxEvent, InboxMessage, database
from .codes import OPEN, EventKind

ANSWER_DAYS = 10  # seed 001: 10 working days from the recording ...
EXTENSION_DAYS = 7  # ... and at most 7 more when the answer cannot be given in time


def recompute_message_deadlines(calendar: WorkingCalendar, actor: str, reason: str,
                                now: datetime | None = None) -> int:
    """Recompute every open message's deadlines; returns how many changed."""
    now = (now or datetime.now()).replace(microsecond=0)
    changed = 0
    with database.atomic():
        for row in InboxMessage.select().where(InboxMessage.status.in_([s.value for s in OPEN])).iterator():
            day = calendar.effective_receipt(row.recorded_at).day
            new = {"effective_day": day, "response_due": calendar.add_working_days(day, ANSWER_DAYS).day,
                   "extended_due": calendar.add_working_days(day, ANSWER_DAYS + EXTENSION_DAYS).day}
            old = {k: getattr(row, k) for k in new}
            if old == new:
                continue
            InboxMessage.update(**new).where(InboxMessage.id == row.id).execute()
            InboxEvent.create(message=row.id, kind=EventKind.DEADLINES_RECOMPUTED.value, at=now, actor=actor,
                              data=json.dumps({"reason": reason, "before": old, "after": new}, default=str,
                                              ensure_ascii=False))
            changed += 1
    return changed
