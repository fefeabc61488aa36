"""Finding inbox messages: the list with search and filters, the work lists
(overdue, due soon) and the counts by kind the reports use."""

from __future__ import annotations

from datetime import date, datetime, time

import peewee

from ..calendar import WorkingCalendar
from ..store.models import InboxMessage
from .codes import OPEN, MessageKind

_OPEN = [s.value for s in OPEN]


def _due():
    return peewee.Case(None, [(InboxMessage.extended, InboxMessage.extended_due)], InboxMessage.response_due)


def find_messages(text: str = "", status: str | None = None, kind: str | None = None,
                  open_only: bool = False, limit: int | None = None) -> list[InboxMessage]:
    """Newest first. ``text``: every word must appear in the number, sender, contact or
    message (case-insensitive for ASCII letters)."""
    query = InboxMessage.select().order_by(InboxMessage.recorded_at.desc(), InboxMessage.id.desc())
    for word in text.split()[:8]:  # more words nest more ANDs than SQLite's parser takes
        like = f"%{word}%"
        query = query.where(InboxMessage.number.contains(word) | InboxMessage.sender ** like
                            | InboxMessage.contact ** like | InboxMessage.text ** like)
    if status:
        query = query.where(InboxMessage.status == status)
    if kind:
        query = query.where(InboxMessage.kind == kind)
    if open_only:
        query = query.where(InboxMessage.status.in_(_OPEN))
    if limit:
        query = query.limit(limit)
    return list(query)


def overdue(today: date) -> list[InboxMessage]:
    """Open messages past their (extended) answer deadline, the oldest first."""
    return list(InboxMessage.select().where(InboxMessage.status.in_(_OPEN) & (_due() < today))
                .order_by(_due(), InboxMessage.id))


def due_within(calendar: WorkingCalendar, today: date, working_days: int) -> list[InboxMessage]:
    """Open messages due from today up to ``working_days`` working days ahead."""
    last = calendar.add_working_days(today, working_days).day
    return list(InboxMessage.select().where(InboxMessage.status.in_(_OPEN) & (_due() >= today) & (_due() <= last))
                .order_by(_due(), InboxMessage.id))


def recorded_on(day: date) -> list[InboxMessage]:
    """Messages recorded on ``day`` (any status), in the order they were recorded."""
    start, end = datetime.combine(day, time(0)), datetime.combine(day, time.max)
    return list(InboxMessage.select().where(InboxMessage.recorded_at.between(start, end))
                .order_by(InboxMessage.recorded_at, InboxMessage.id))


def working_days_late(calendar: WorkingCalendar, row: InboxMessage, today: date) -> int:
    """Working days the answer is overdue on ``today`` (0 when not)."""
    due = row.extended_due if row.extended else row.response_due
    return calendar.working_days_between(due, today) if due < today else 0


def counts_by_kind(first: date, last: date) -> dict[str, int]:
    """Messages recorded in [first, last] by kind (every kind, zeros included)."""
    start, end = datetime.combine(first, time(0)), datetime.combine(last, time.max)
    found = dict(InboxMessage.select(InboxMessage.kind, peewee.fn.COUNT(InboxMessage.id))
                 .where((InboxMessage.recorded_at >= start) & (InboxMessage.recorded_at <= end))
                 .group_by(InboxMessage.kind).tuples())
    return {k.label: found.get(k.value, 0) for k in MessageKind}
