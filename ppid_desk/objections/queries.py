"""Questions the desk asks the objection register: what is late, what is due."""

from __future__ import annotations

from datetime import date, datetime

import peewee

from ..calendar import WorkingCalendar
from ..store.models import Objection, Requester
from .codes import AWAITING_ANSWER, Status

_AWAITING = [s.value for s in AWAITING_ANSWER]
# The Atasan PPID's answer has not reached the objector: once the 30 working days ran
# out, the objector may go to the Komisi Informasi (UU 14/2008 Pasal 37 ayat 2).
_UNANSWERED = [*_AWAITING, Status.DECIDED.value]


def _with_objector() -> peewee.ModelSelect:
    return Objection.select(Objection, Requester).join(Requester)


def overdue(today: date) -> list[Objection]:
    """Objections whose answer was due before ``today`` and not yet decided."""
    return list(_with_objector().where(Objection.status.in_(_AWAITING) & (Objection.answer_due < today))
                .order_by(Objection.answer_due, Objection.id))


def due_today(today: date) -> list[Objection]:
    return list(_with_objector().where(Objection.status.in_(_AWAITING) & (Objection.answer_due == today))
                .order_by(Objection.id))


def due_within(calendar: WorkingCalendar, today: date, working_days: int) -> list[Objection]:
    """Answers due after today and within ``working_days`` working days."""
    until = calendar.add_working_days(today, working_days).day
    return list(_with_objector().where(Objection.status.in_(_AWAITING) & (Objection.answer_due > today)
                                       & (Objection.answer_due <= until))
                .order_by(Objection.answer_due, Objection.id))


def dispute_windows_running(today: date) -> list[Objection]:
    """Objections the objector may still take to the Komisi Informasi: the response was
    handed over, or the answer is overdue, and the 14 working days have not run out."""
    handed = Objection.status == Status.RESPONSE_HANDED_OVER.value
    unanswered = Objection.status.in_(_UNANSWERED) & (Objection.answer_due < today)
    return list(_with_objector().where((handed | unanswered) & (Objection.dispute_window_due >= today))
                .order_by(Objection.dispute_window_due, Objection.id))


def for_request(request_id: int) -> list[Objection]:
    return list(_with_objector().where(Objection.request == request_id)
                .order_by(Objection.received_at, Objection.id))


def received_between(first: date, last: date) -> list[Objection]:
    """Objections received from ``first`` to ``last`` (both included), in register order."""
    start = datetime.combine(first, datetime.min.time())
    end = datetime.combine(last, datetime.max.time())
    return list(_with_objector().where(Objection.received_at.between(start, end))
                .order_by(Objection.received_at, Objection.id))


def working_days_late(calendar: WorkingCalendar, row: Objection, today: date) -> int:
    """Working days the answer is overdue on ``today`` (0 when not)."""
    return calendar.working_days_between(row.answer_due, today)
