"""The register data each objection document is built from, as plain frozen values.

As for a request's documents (:mod:`.sources`): everything of the objection the
document prints, never the letterhead or the office's signatories, hashed through its
canonical JSON; the same hash means the same document (a reprint is marked SALINAN).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime

from ppid_desk.calendar import WorkingCalendar
from ppid_desk.objections.codes import Decision, EventKind, parse_grounds
from ppid_desk.objections.service import event_data, events_of
from ppid_desk.office import OfficeSettings
from ppid_desk.store.models import Objection

from .sources import Party

RECEIPT, RESPONSE, RESPONSE_RECEIPT = "objection-receipt", "objection-response", "objection-response-receipt"


@dataclass(frozen=True)
class ObjectionFacts:
    number: str
    received_at: datetime
    effective_day: date
    request_number: str  # the linked request's number, or the reference the objector gave ("" if none)
    request_received: date | None  # the linked request's receipt day (None: standalone)
    objector: Party  # the requester, with the objection's proxy
    information: str
    purpose: str
    grounds: tuple[str, ...]  # Pasal 35(1) letters, sorted
    case_summary: str
    answer_due: date
    officer: str  # who received the objection


@dataclass(frozen=True)
class ResponseFacts:
    decision: str
    reasons: str
    order_text: str
    decided_on: date
    atasan_name: str
    atasan_title: str
    order_due: date | None  # overturned: the day the PPID must give the information by


@dataclass(frozen=True)
class HandoverFacts:
    handed_on: date
    dispute_due: date  # the last day to go to the Komisi Informasi
    officer: str  # who handed the response over


@dataclass(frozen=True)
class ObjectionSource:
    kind: str
    objection: ObjectionFacts
    response: ResponseFacts | None = None
    handover: HandoverFacts | None = None
    response_number: str = ""  # the response receipt names the response letter, once issued

    @property
    def linked(self) -> bool:
        return self.objection.request_received is not None

    @property
    def letter_date(self) -> date:
        """The date the document carries (and its number's month and year)."""
        if self.kind == RESPONSE_RECEIPT and self.handover is not None:
            return self.handover.handed_on
        if self.kind == RESPONSE and self.response is not None:
            return self.response.decided_on
        return self.objection.received_at.date()

    def digest(self) -> str:
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def earlier_forms(self) -> list["ObjectionSource"]:
        """A response receipt printed before the response letter was issued has no letter
        number; printing it again is a reprint, not a new document."""
        if self.kind == RESPONSE_RECEIPT and self.response_number:
            return [replace(self, response_number="")]
        return []


def objection_facts(row: Objection, actor: str) -> ObjectionFacts:
    person = row.requester
    request = row.request
    return ObjectionFacts(
        number=row.number, received_at=row.received_at, effective_day=row.effective_day,
        request_number=request.number if request else row.request_reference,
        request_received=request.received_at.date() if request else None,
        objector=Party(kind=person.kind, name=person.name, nik=person.nik or "", legal_number=person.legal_number,
                       address=person.address, occupation=person.occupation, phone=person.phone,
                       email=person.email, proxy_name=row.proxy_name, proxy_letter=row.proxy_letter),
        information=row.information, purpose=row.purpose, grounds=tuple(g.value for g in parse_grounds(row.grounds)),
        case_summary=row.case_summary, answer_due=row.answer_due, officer=row.created_by or actor,
    )


def _order_due(row: Objection, calendar: WorkingCalendar, office: OfficeSettings) -> date | None:
    """The deadline the Atasan PPID's order set: the reopened request's, as the decision
    recorded it; for a standalone objection ``order_days`` working days after the decision."""
    if row.decision != Decision.OVERTURNED.value:
        return None
    for event in reversed(events_of(row.id)):
        if event.kind == EventKind.DECIDED.value:
            due = event_data(event).get("request_response_due")
            if due:
                return date.fromisoformat(str(due))
            break
    if row.request is not None and row.request.reopened_on == row.decided_on:
        return row.request.response_due
    return calendar.add_working_days(row.decided_on, office.order_days).day


def response_facts(row: Objection, calendar: WorkingCalendar, office: OfficeSettings) -> ResponseFacts:
    return ResponseFacts(decision=row.decision, reasons=row.decision_reasons, order_text=row.order_text,
                         decided_on=row.decided_on, atasan_name=row.atasan_name, atasan_title=row.atasan_title,
                         order_due=_order_due(row, calendar, office))


def handover_facts(row: Objection, actor: str) -> HandoverFacts:
    handed = [e for e in events_of(row.id) if e.kind == EventKind.RESPONSE_HANDED_OVER.value]
    return HandoverFacts(handed_on=row.response_handed_on, dispute_due=row.dispute_window_due,
                         officer=handed[-1].actor if handed and handed[-1].actor else actor)


def build_objection_source(kind: str, row: Objection, actor: str, calendar: WorkingCalendar,
                           office: OfficeSettings, response_number: str = "") -> ObjectionSource:
    """The data ``kind`` prints for the objection ``row`` (its state already checked)."""
    facts = objection_facts(row, actor)
    if kind == RECEIPT:
        return ObjectionSource(kind, facts)
    response = response_facts(row, calendar, office)
    if kind == RESPONSE:
        return ObjectionSource(kind, facts, response=response)
    return ObjectionSource(kind, facts, response=response, handover=handover_facts(row, actor),
                           response_number=response_number)
