"""The register data each document is built from, as plain frozen values.

A :class:`Source` holds everything of the request a document prints (the office's
letterhead and signatories excepted: a reprint of an old letter keeps the PPID who
signed it). Its canonical JSON is hashed: the same hash means the same document.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime

from ppid_desk.register.codes import EventKind
from ppid_desk.register.service import event_data, events_of
from ppid_desk.store.models import Request

RECEIPT, NOTICE, EXTENSION, REJECTION, HANDOVER = "receipt", "notice", "extension", "rejection", "handover"


@dataclass(frozen=True)
class Party:
    """The requester as the register holds them."""

    kind: str
    name: str
    nik: str
    legal_number: str
    address: str
    occupation: str
    phone: str
    email: str
    proxy_name: str
    proxy_letter: str


@dataclass(frozen=True)
class RequestFacts:
    number: str
    received_at: datetime
    effective_day: date
    channel: str
    requester: Party
    information: str
    purpose: str
    obtain_method: str
    delivery_method: str
    response_due: date
    extended_due: date
    officer: str  # who received the request


@dataclass(frozen=True)
class DecisionFacts:
    decision: str
    note: str
    pasal17: tuple[str, ...]
    other_statute: str
    consequence_test: str
    holder_body: str
    notice_date: date
    due: date  # the notice deadline in force (extended or not)


@dataclass(frozen=True)
class ExtensionFacts:
    decided_on: date
    reason: str
    days: int
    new_due: date
    old_due: date


@dataclass(frozen=True)
class DeliveryFacts:
    form: str
    pages: int | None
    cost: int
    payment_method: str
    delivered_on: date


@dataclass(frozen=True)
class Source:
    kind: str
    request: RequestFacts
    decision: DecisionFacts | None = None
    extension: ExtensionFacts | None = None
    delivery: DeliveryFacts | None = None
    rejection_number: str = ""  # the handover of a rejection names the decision letter, once issued

    @property
    def letter_date(self) -> date:
        """The date the document carries (and its number's month and year)."""
        if self.extension is not None:
            return self.extension.decided_on
        if self.kind == HANDOVER and self.delivery is not None:
            return self.delivery.delivered_on
        if self.decision is not None:  # notice, rejection, handover of a rejection
            return self.decision.notice_date
        return self.request.received_at.date()

    def digest(self) -> str:
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def earlier_forms(self) -> list["Source"]:
        """The same document as it was printed before later steps added facts to it.

        A notice printed before the information was handed over has no cost lines; a
        handover of a rejection printed before the decision letter was issued has no
        letter number. Printing either again is a reprint, not a new document.
        """
        forms = []
        if self.kind == NOTICE and self.delivery:
            forms.append(replace(self, delivery=None))
        if self.kind == HANDOVER and self.rejection_number:
            forms.append(replace(self, rejection_number=""))
        return forms


def request_facts(row: Request, actor: str) -> RequestFacts:
    person = row.requester
    return RequestFacts(
        number=row.number, received_at=row.received_at, effective_day=row.effective_day, channel=row.channel,
        requester=Party(kind=person.kind, name=person.name, nik=person.nik or "", legal_number=person.legal_number,
                        address=person.address, occupation=person.occupation, phone=person.phone,
                        email=person.email, proxy_name=row.proxy_name, proxy_letter=row.proxy_letter),
        information=row.information, purpose=row.purpose, obtain_method=row.obtain_method,
        delivery_method=row.delivery_method, response_due=row.response_due, extended_due=row.extended_due,
        officer=row.created_by or actor,
    )


def decision_facts(row: Request) -> DecisionFacts:
    return DecisionFacts(
        decision=row.decision, note=row.decision_note,
        pasal17=tuple(p for p in (row.pasal17 or "").split(",") if p), other_statute=row.other_statute,
        consequence_test=row.consequence_test, holder_body=row.holder_body,
        notice_date=row.notice_date or row.received_at.date(),
        due=row.extended_due if row.extended else row.response_due,
    )


def extension_facts(row: Request) -> ExtensionFacts:
    extended = [e for e in events_of(row.id) if e.kind == EventKind.EXTENDED.value]
    if not extended:  # an imported request marked extended without its event
        return ExtensionFacts(decided_on=row.response_due, reason="", days=7, new_due=row.extended_due,
                              old_due=row.response_due)
    event = extended[-1]
    data = event_data(event)
    try:
        days = int(data.get("days", 7))
    except (TypeError, ValueError):
        days = 7
    return ExtensionFacts(decided_on=event.at.date(), reason=str(data.get("reason", "")), days=days,
                          new_due=row.extended_due, old_due=row.response_due)


def delivery_facts(row: Request) -> DeliveryFacts | None:
    if row.delivered_on is None:
        return None
    return DeliveryFacts(form=row.delivery_form, pages=row.pages, cost=row.cost or 0,
                         payment_method=row.payment_method, delivered_on=row.delivered_on)


def build_source(kind: str, row: Request, actor: str, rejection_number: str = "") -> Source:
    """The data ``kind`` prints for the request ``row`` (its state already checked)."""
    facts = request_facts(row, actor)
    if kind == RECEIPT:
        return Source(kind, facts)
    if kind == EXTENSION:
        return Source(kind, facts, extension=extension_facts(row))
    decision = decision_facts(row)
    if kind in (NOTICE, REJECTION):
        return Source(kind, facts, decision=decision, delivery=delivery_facts(row) if kind == NOTICE else None)
    delivery = delivery_facts(row)
    if delivery is not None:
        return Source(kind, facts, decision=decision, delivery=delivery)
    return Source(kind, facts, decision=decision, rejection_number=rejection_number)
