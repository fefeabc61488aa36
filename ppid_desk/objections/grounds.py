"""Pasal 35(1) grounds from a request's record, and whether an objection came in time.

An objection is filed within 30 working days of the ground arising (UU 14/2008 Pasal 36
ayat 1). A late one is registered all the same, with a warning: whether it is still
heard is for the Atasan PPID to decide, not for the desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..calendar import WorkingCalendar
from ..register.codes import Decision as RequestDecision, Status as RequestStatus
from ..store.models import Request
from .codes import Ground

FILING_DAYS = 30
NOTICE_OWED = (RequestStatus.REGISTERED, RequestStatus.ROUTED)
_NOT_FULFILLED = (RequestDecision.GRANTED_PARTIAL, RequestDecision.NOT_HELD, RequestDecision.NOT_DOCUMENTED)


def notice_due(row: Request) -> date:
    """The written notice's deadline in force (the extended one once extended)."""
    return row.extended_due if row.extended else row.response_due


def suggest_grounds(request_row: Request, today: date) -> list[Ground]:
    """The grounds the request's record shows; the officer adds or removes others.

    Rejected -> a; granted partly, not held or not documented -> e; the written notice
    overdue and still owed -> c and g; the notice or the information given after the
    deadline -> g. Unreasonable fees (f), a different answer (d) and periodic information
    (b) are for the officer to judge.
    """
    found: set[Ground] = set()
    due = notice_due(request_row)
    decision = RequestDecision(request_row.decision) if request_row.decision else None
    if decision is RequestDecision.REJECTED:
        found.add(Ground.REJECTED)
    elif decision in _NOT_FULFILLED:
        found.add(Ground.NOT_FULFILLED)
    if RequestStatus(request_row.status) in NOTICE_OWED and due < today:
        found.update((Ground.NOT_ANSWERED, Ground.LATE))
    if (request_row.notice_date and request_row.notice_date > due) or \
            (request_row.delivered_on and request_row.delivered_on > due):
        found.add(Ground.LATE)
    return sorted(found, key=lambda g: g.value)


def ground_arose_on(request_row: Request, grounds: list[Ground]) -> date | None:
    """The day the latest of ``grounds`` arose on the request's record (None: unknown).

    A rejection or partial grant arises with the written notice; "not answered" with the
    notice deadline (the extended one once extended); the information late, a different
    answer or the fees with the delivery (else the notice, else the notice deadline).
    With several grounds the latest counts: the objection is in time for that one.
    """
    notice, delivered, due = request_row.notice_date, request_row.delivered_on, notice_due(request_row)
    days: list[date | None] = []
    for ground in grounds:
        ground = Ground(ground)
        if ground in (Ground.REJECTED, Ground.NOT_FULFILLED):
            days.append(notice)
        elif ground is Ground.NOT_ANSWERED:
            days.append(due)
        elif ground in (Ground.ANSWERED_OTHERWISE, Ground.UNREASONABLE_FEE):
            days.append(delivered or notice)
        elif ground is Ground.LATE:
            days.append(delivered or notice or due)
    known = [d for d in days if d is not None]
    return max(known) if known else None


@dataclass(frozen=True)
class FilingWindow:
    arose_on: date | None  # the day the ground arose; None when not known
    due: date | None  # the 30th working day after it
    late: bool

    def warning(self) -> str:
        """The Indonesian warning for a late filing ("" when in time or unknown)."""
        if not self.late:
            return ""
        return (f"Keberatan diajukan lewat {FILING_DAYS} hari kerja sejak alasan keberatan timbul "
                f"({self.arose_on:%d-%m-%Y}; batas {self.due:%d-%m-%Y}). Tetap dicatat; "
                "Atasan PPID yang menilai.")


def filing_window(calendar: WorkingCalendar, received_at: datetime | date, arose_on: date | None) -> FilingWindow:
    """Whether an objection received at ``received_at`` came within 30 working days of
    ``arose_on`` (its effective receipt day counts, as for every deadline)."""
    if arose_on is None:
        return FilingWindow(None, None, False)
    due = calendar.add_working_days(arose_on, FILING_DAYS).day
    return FilingWindow(arose_on, due, calendar.effective_receipt(received_at).day > due)
