"""Questions the desk asks the register: what is late, what is due, who is this."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import peewee

from ..calendar import WorkingCalendar
from ..store.models import Request, Requester
from .codes import Status

# A request owes its written notice while registered or routed; while awaiting
# completeness, the completeness window runs instead.
NOTICE_OWED = (Status.REGISTERED.value, Status.ROUTED.value)


def current_due() -> peewee.Node:
    """The notice deadline in force: the extended one once extended."""
    return peewee.Case(None, [(Request.extended == True, Request.extended_due)], Request.response_due)  # noqa: E712


def _owed() -> peewee.ModelSelect:
    return (Request.select(Request, Requester).join(Requester)
            .where(Request.status.in_(NOTICE_OWED)))


def overdue(today: date) -> list[Request]:
    due = current_due()
    return list(_owed().where(due < today).order_by(due, Request.id))


def due_today(today: date) -> list[Request]:
    due = current_due()
    return list(_owed().where(due == today).order_by(Request.id))


def due_within(calendar: WorkingCalendar, today: date, working_days: int) -> list[Request]:
    """Notices due after today and within ``working_days`` working days."""
    until = calendar.add_working_days(today, working_days).day
    due = current_due()
    return list(_owed().where((due > today) & (due <= until)).order_by(due, Request.id))


def awaiting_completeness() -> list[Request]:
    return list(Request.select(Request, Requester).join(Requester)
                .where(Request.status == Status.AWAITING_COMPLETENESS.value)
                .order_by(Request.completeness_due, Request.id))


def received_on(day: date) -> list[Request]:
    start = datetime.combine(day, datetime.min.time())
    end = datetime.combine(day, datetime.max.time())
    return list(Request.select(Request, Requester).join(Requester)
                .where(Request.received_at.between(start, end)).order_by(Request.id))


def working_days_late(calendar: WorkingCalendar, row: Request, today: date) -> int:
    due = row.extended_due if row.extended else row.response_due
    return calendar.working_days_between(due, today)


@dataclass(frozen=True)
class RequesterMatch:
    id: int
    name: str
    nik: str
    phone: str
    address: str
    requests: int


_NUMBER_LIKE = re.compile(r"^\+?[0-9\s().-]+$")


def _bare_phone() -> peewee.Node:
    """The stored phone number without its separators (portable SQL REPLACE)."""
    node: peewee.Node = Requester.phone
    for sep in (" ", "-", ".", "(", ")", "+"):
        node = peewee.fn.REPLACE(node, sep, "")
    return node


def _phone_variants(digits: str, international: bool) -> list[str]:
    """The digits as typed plus the same number in the other form (0812... / 62812...).

    "62..." is read as a country code only after a "+" or before a mobile "8": NIKs of
    Kalimantan Tengah also start with 62.
    """
    if digits.startswith("62") and (international or digits[2:3] == "8"):
        return [digits, "0" + digits[2:]]
    if digits.startswith("0"):
        return [digits, "62" + digits[1:]]
    return [digits]


def find_requesters(text: str, limit: int = 10) -> list[RequesterMatch]:
    """Returning requesters by NIK (prefix), phone (prefix) or name (words)."""
    text = text.strip()
    if len(text) < 2:
        return []
    digits = re.sub(r"[^0-9]", "", text)
    condition = None
    if _NUMBER_LIKE.match(text) and len(digits) >= 4:
        # A NIK or phone number as typed, grouped or not ("0812-3456", "+62 812 3456").
        condition = Requester.nik.startswith(digits)
        for variant in _phone_variants(digits, text.startswith("+")):
            condition = condition | _bare_phone().contains(variant)
    else:
        # a few words are enough to find a person; a pasted paragraph would nest so many
        # ANDs that SQLite's parser gives up ("parser stack overflow")
        for word in text.split()[:8]:
            part = Requester.name.contains(word)
            condition = part if condition is None else condition & part
    count = Request.select(peewee.fn.COUNT(Request.id)).where(Request.requester == Requester.id)
    rows = (Requester.select(Requester, count.alias("n")).where(condition)
            .order_by(Requester.name).limit(limit))
    return [RequesterMatch(r.id, r.name, r.nik or "", r.phone, r.address, r.n) for r in rows]
