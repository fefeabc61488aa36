"""Recording inbox messages and taking them through their steps.

Every step writes the message's new state and an append-only event in one transaction.
The answer deadline counts from the moment the message is recorded in the register
book (seed 001: "terhitung sejak dicatat dalam buku register"): the 10th working day
after the day it counts as received, the 17th once extended.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..calendar import WorkingCalendar
from ..errors import ValidationError
from ..register import service as requests
from ..register.codes import Channel, RequesterKind
from ..register.numbering import format_number, next_sequence
from ..register.service import RequesterInput, RequestInput
from ..store.models import InboxEvent, InboxMessage, Request, Unit, database
from .codes import CHANNELS, EventKind, MessageKind, Status
from .deadlines import ANSWER_DAYS, EXTENSION_DAYS
from .lifecycle import Action, MessageState, check

SERIES = "pesan"
NUMBER_PATTERN = "{seq:03d}/PESAN/PPID/{roman_month}/{year}"
MAX_TEXT = 5000  # an SMS is 160 characters, a long email a few thousand
MAX_ANSWER = 5000


def _squash(text: str) -> str:
    return " ".join((text or "").split())


@dataclass
class MessageInput:
    sender: str = ""
    contact: str = ""  # phone number or email address
    channel: Channel = Channel.SMS
    kind: MessageKind = MessageKind.QUESTION
    text: str = ""
    received_at: datetime | None = None  # when it arrived; None: now


def message_problems(data: MessageInput, now: datetime | None = None) -> dict[str, str]:
    """Field -> Indonesian message for every problem of the form."""
    now = now or datetime.now()
    problems: dict[str, str] = {}
    if not _squash(data.sender):
        problems["sender"] = "Nama pengirim wajib diisi (tulis \u201ctanpa nama\u201d bila tidak diketahui)."
    elif len(_squash(data.sender)) > 200:
        problems["sender"] = "Nama pengirim terlalu panjang (maksimal 200 huruf)."
    if not _squash(data.contact):
        problems["contact"] = "Nomor telepon atau alamat email pengirim wajib diisi, untuk menjawab."
    elif len(_squash(data.contact)) > 200:
        problems["contact"] = "Kontak terlalu panjang (maksimal 200 huruf)."
    try:
        if Channel(data.channel) not in CHANNELS:
            raise ValueError
    except ValueError:
        problems["channel"] = "Saluran pesan harus SMS, email, telepon atau website."
    try:
        MessageKind(data.kind)
    except ValueError:
        problems["kind"] = "Jenis pesan tidak dikenal."
    text = (data.text or "").strip()
    if not text:
        problems["text"] = "Isi pesan wajib diisi."
    elif len(text) > MAX_TEXT:
        problems["text"] = f"Isi pesan terlalu panjang (maksimal {MAX_TEXT} huruf)."
    if data.received_at is not None and data.received_at > now:
        problems["received_at"] = "Waktu pesan masuk tidak boleh di masa depan."
    return problems


def _event(message: InboxMessage, kind: EventKind, actor: Actor, at: datetime, **data: object) -> None:
    """Record a step of ``message`` and its audit entry, in the caller's transaction."""
    text = json.dumps(data, default=str, ensure_ascii=False)
    event = InboxEvent.create(message=message.id, kind=kind.value, at=at, actor=str(actor), data=text)
    detail = f"menjadi permohonan {data['request']}" if kind is EventKind.CONVERTED and data.get("request") else ""
    audit.event_step(actor, "message", message.number, "Pesan", kind, event.id, text, at, detail)


def state_of(row: InboxMessage) -> MessageState:
    return MessageState(Status(row.status), MessageKind(row.kind), row.response_due, row.extended)


def get_message(message_id: int) -> InboxMessage:
    row = InboxMessage.get_or_none(InboxMessage.id == message_id)
    if row is None:
        raise ValidationError("Pesan tidak ditemukan.")
    return row


def _step(message_id: int, action: Action, today) -> InboxMessage:
    row = get_message(message_id)
    check(state_of(row), action, today)
    return row


def record_message(data: MessageInput, calendar: WorkingCalendar, actor: Actor,
                   now: datetime | None = None) -> InboxMessage:
    """Record a message in the register book: its number and its answer deadlines."""
    require(actor, Permission.RECORD_MESSAGE)
    now = (now or datetime.now()).replace(microsecond=0)
    problems = message_problems(data, now)
    if problems:
        key = next(iter(problems))
        raise ValidationError(problems[key], key)
    received = (data.received_at or now).replace(microsecond=0)
    receipt = calendar.effective_receipt(now)  # counted from the recording (seed 001)
    due = calendar.add_working_days(receipt.day, ANSWER_DAYS).day
    extended_due = calendar.add_working_days(receipt.day, ANSWER_DAYS + EXTENSION_DAYS).day
    with database.atomic():
        year = now.year
        seq = next_sequence(SERIES, year)
        number = format_number(NUMBER_PATTERN, seq, now.date())
        row = InboxMessage.create(
            number=number, year=year, seq=seq, received_at=received, recorded_at=now, effective_day=receipt.day,
            channel=Channel(data.channel).value, kind=MessageKind(data.kind).value, sender=_squash(data.sender),
            contact=_squash(data.contact), text=data.text.strip(), status=Status.NEW.value, response_due=due,
            extended_due=extended_due, created_by=str(actor))
        _event(row, EventKind.RECORDED, actor, now, number=number, received_at=received,
               effective_day=receipt.day, response_due=due)
    return row


def review(message_id: int, note: str, actor: Actor, now: datetime | None = None) -> InboxMessage:
    """The PPID has read it and knows its substance and who holds the information."""
    require(actor, Permission.RECORD_MESSAGE)
    now = now or datetime.now()
    with database.atomic():
        row = _step(message_id, Action.REVIEW, now.date())
        row.status = Status.REVIEWED.value
        row.save()
        _event(row, EventKind.REVIEWED, actor, now, note=_squash(note))
    return row


def forward(message_id: int, unit_id: int, note: str, actor: Actor, now: datetime | None = None) -> InboxMessage:
    """Sent to the unit (SKPD / PPID Pembantu) that can answer."""
    require(actor, Permission.RECORD_MESSAGE)
    now = now or datetime.now()
    unit = Unit.get_or_none(Unit.id == unit_id)
    if unit is None:
        raise ValidationError("Unit tujuan tidak ditemukan.", "unit")
    with database.atomic():
        row = _step(message_id, Action.FORWARD, now.date())
        row.status = Status.FORWARDED.value
        row.unit = unit.id
        row.save()
        _event(row, EventKind.FORWARDED, actor, now, unit=unit.name, note=_squash(note))
    return row


def extend(message_id: int, reason: str, actor: Actor, now: datetime | None = None) -> InboxMessage:
    """Seven more working days, once, with the reason."""
    require(actor, Permission.RECORD_MESSAGE)
    now = now or datetime.now()
    if not _squash(reason):
        raise ValidationError("Alasan perpanjangan wajib diisi.", "reason")
    with database.atomic():
        row = _step(message_id, Action.EXTEND, now.date())
        row.extended = True
        row.save()
        _event(row, EventKind.EXTENDED, actor, now, reason=_squash(reason), extended_due=row.extended_due)
    return row


def answer(message_id: int, text: str, actor: Actor, answered_at: datetime | None = None,
           now: datetime | None = None) -> InboxMessage:
    """The answer given to the sender (by the channel the message came), and when."""
    require(actor, Permission.ANSWER_MESSAGE)
    now = (now or datetime.now()).replace(microsecond=0)
    text = (text or "").strip()
    if not text:
        raise ValidationError("Isi jawaban wajib diisi.", "answer")
    if len(text) > MAX_ANSWER:
        raise ValidationError(f"Jawaban terlalu panjang (maksimal {MAX_ANSWER} huruf).", "answer")
    with database.atomic():
        row = _step(message_id, Action.ANSWER, now.date())
        at = (answered_at or now).replace(microsecond=0)
        if not row.recorded_at <= at <= now:
            raise ValidationError("Waktu jawaban harus antara saat pesan dicatat dan sekarang.", "answered_at")
        row.status = Status.ANSWERED.value
        row.answer = text
        row.answered_at = at
        row.answered_by = str(actor)
        row.save()
        late = at.date() > (row.extended_due if row.extended else row.response_due)
        _event(row, EventKind.ANSWERED, actor, now, answered_at=at, late=late)
    return row


def request_from_message(message_id: int) -> RequestInput:
    """The request form prefilled from a message: the sender, the text as the
    information asked, the channel and the time it arrived."""
    row = get_message(message_id)
    contact = row.contact
    email = contact if "@" in contact else ""
    phone = "" if email else contact
    return RequestInput(requester=RequesterInput(kind=RequesterKind.PERSON, name=row.sender, phone=phone, email=email),
                        information=row.text, channel=Channel(row.channel), received_at=row.received_at)


def convert_to_request(message_id: int, data: RequestInput, calendar: WorkingCalendar, actor: Actor,
                       now: datetime | None = None) -> Request:
    """Register the message as a request (keeping when it arrived), in one transaction
    with the message's step; the message then points at its request."""
    require(actor, Permission.CONVERT_MESSAGE)
    now = (now or datetime.now()).replace(microsecond=0)
    with database.atomic():
        row = _step(message_id, Action.CONVERT, now.date())
        if data.received_at != row.received_at:
            raise ValidationError("Permohonan dari pesan memakai waktu pesan masuk.", "received_at")
        request_row = requests.register_request(data, calendar, actor, now=now)
        row.status = Status.CONVERTED.value
        row.request = request_row.id
        row.save()
        _event(row, EventKind.CONVERTED, actor, now, request=request_row.number)
    return request_row


def events_of(message_id: int) -> list[InboxEvent]:
    return list(InboxEvent.select().where(InboxEvent.message == message_id).order_by(InboxEvent.at, InboxEvent.id))


def event_data(event: InboxEvent) -> dict[str, object]:
    return json.loads(event.data or "{}")
