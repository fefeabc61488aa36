"""Registering objections and taking them through their steps.

Every step writes the objection's new state and an append-only event in one
transaction. An objection the Atasan PPID decides against the PPID (``dibatalkan``)
reopens its request through :func:`ppid_desk.register.service.reopen`, in the same
transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..calendar import WorkingCalendar
from ..errors import ValidationError
from ..office import load_office
from ..register import service as requests
from ..register.codes import Status as RequestStatus
from ..register.numbering import format_number, next_sequence
from ..register.service import RequesterInput, requester_problems
from ..store.models import Objection, ObjectionEvent, Request, Requester, database
from .codes import Decision, EventKind, Ground, ObjectorResponse, Status, grounds_text, parse_grounds
from .deadlines import ANSWER_DAYS, DISPUTE_DAYS
from .grounds import FilingWindow, filing_window, ground_arose_on, suggest_grounds
from .lifecycle import Action, ObjectionState, check
from .numbering import SERIES, max_seq



def _squash(text: str) -> str:
    return " ".join((text or "").split())


@dataclass
class ObjectionInput:
    """The objection form. Linked to a request (``request_id``) the empty fields are
    filled from it: the objector is the request's requester, the information and the
    purpose are the request's."""

    request_id: int | None = None
    grounds: list[Ground] = field(default_factory=list)
    case_summary: str = ""  # kasus posisi
    purpose: str = ""
    information: str = ""
    request_reference: str = ""  # standalone: the request as the objector describes it
    requester_id: int | None = None  # the objector as a known requester
    requester: RequesterInput | None = None  # or a new one (standalone objections)
    proxy_name: str = ""
    proxy_letter: str = ""
    received_at: datetime | None = None  # None: now
    ground_arose_on: date | None = None  # None: from the request's record


def objection_from_request(request_id: int, today: date) -> ObjectionInput:
    """The form prefilled from a request: objector, information, purpose, suggested grounds."""
    row = requests.get_request(request_id)
    return ObjectionInput(request_id=row.id, requester_id=row.requester_id, purpose=row.purpose,
                          information=row.information, grounds=suggest_grounds(row, today))


def objection_problems(data: ObjectionInput, now: datetime | None = None) -> dict[str, str]:
    """Field -> Indonesian message for every problem of the form (as filled)."""
    now = now or datetime.now()
    problems: dict[str, str] = {}
    if not data.requester_id:
        if data.requester is None:
            problems["name"] = "Identitas pemohon keberatan wajib diisi."
        else:
            problems.update(requester_problems(data.requester, now.date()))
    try:
        grounds = [Ground(g) for g in data.grounds]
    except ValueError:
        problems["grounds"] = "Alasan keberatan harus huruf a sampai g (Pasal 35 ayat 1 UU 14/2008)."
    else:
        if not grounds:
            problems["grounds"] = "Pilih paling sedikit satu alasan keberatan (Pasal 35 ayat 1 UU 14/2008)."
    if not _squash(data.information):
        problems["information"] = "Informasi yang diminta wajib diisi."
    if not _squash(data.purpose):
        problems["purpose"] = "Tujuan penggunaan informasi wajib diisi."
    if not _squash(data.case_summary):
        problems["case_summary"] = "Kasus posisi wajib diisi."
    if len(_squash(data.request_reference)) > 200:
        problems["request_reference"] = "Keterangan permohonan terlalu panjang (maksimal 200 huruf)."
    if data.received_at and data.received_at > now:
        problems["received_at"] = "Waktu diterima tidak boleh di masa depan."
    if data.ground_arose_on and data.ground_arose_on > (data.received_at or now).date():
        problems["ground_arose_on"] = "Tanggal alasan keberatan timbul tidak boleh setelah keberatan diterima."
    if data.proxy_name.strip() and not data.proxy_letter.strip():
        problems["proxy_letter"] = "Kuasa memerlukan nomor/tanggal surat kuasa khusus."
    return problems


def _linked_request(request_id: int | None) -> Request | None:
    if request_id is None:
        return None
    row = Request.get_or_none(Request.id == request_id)
    if row is None:
        raise ValidationError("Permohonan tidak ditemukan.", "request_id")
    if row.status == RequestStatus.WITHDRAWN.value:
        raise ValidationError(f"Permohonan {row.number} telah ditarik pemohon; keberatan tidak dapat diajukan "
                              "atas permohonan itu.", "request_id")
    return row


def _prefilled(data: ObjectionInput, request_row: Request | None) -> ObjectionInput:
    if request_row is None:
        return data
    return replace(
        data,
        requester_id=data.requester_id or (None if data.requester else request_row.requester_id),
        purpose=data.purpose if _squash(data.purpose) else request_row.purpose,
        information=data.information if _squash(data.information) else request_row.information,
    )


def filing_check(data: ObjectionInput, calendar: WorkingCalendar, now: datetime | None = None) -> FilingWindow:
    """Whether the objection comes in time, for the form to warn before it is saved."""
    request_row = _linked_request(data.request_id)
    arose = data.ground_arose_on
    if arose is None and request_row is not None:
        known = [Ground(g) for g in data.grounds if g in Ground._value2member_map_]  # a form half filled
        arose = ground_arose_on(request_row, known)
    return filing_window(calendar, data.received_at or now or datetime.now(), arose)


def _event(objection: Objection, kind: EventKind, actor: Actor, at: datetime, **data: object) -> None:
    """Record a step of ``objection`` and its audit entry, in the caller's transaction."""
    text = json.dumps(data, default=str, ensure_ascii=False)
    event = ObjectionEvent.create(objection=objection.id, kind=kind.value, at=at, actor=str(actor), data=text)
    decided = kind is EventKind.DECIDED and data.get("decision")
    detail = Decision(str(data["decision"])).label.lower() if decided else ""
    audit.event_step(actor, "objection", objection.number, "Keberatan", kind, event.id, text, at, detail)


def state_of(row: Objection) -> ObjectionState:
    return ObjectionState(Status(row.status), row.answer_due, row.dispute_window_due, bool(row.dispute_number),
                          bool(row.dispute_outcome))


def register_objection(data: ObjectionInput, calendar: WorkingCalendar, actor: Actor,
                       now: datetime | None = None) -> Objection:
    """Record a new objection, give it the next number, compute its deadlines.

    A late filing (more than 30 working days after the ground arose) is registered with
    ``late_filing`` set and the warning in its event; it is never refused.
    """
    require(actor, Permission.REGISTER_OBJECTION)
    now = (now or datetime.now()).replace(microsecond=0)
    office = load_office()
    with database.atomic():
        request_row = _linked_request(data.request_id)
        data = _prefilled(data, request_row)
        problems = objection_problems(data, now)
        if problems:
            key = next(iter(problems))
            raise ValidationError(problems[key], key)
        received = (data.received_at or now).replace(second=0, microsecond=0)
        if request_row is not None and received < request_row.received_at:
            raise ValidationError("Keberatan tidak dapat diterima sebelum permohonannya.", "received_at")
        if data.requester_id:
            requester = Requester.get_or_none(Requester.id == data.requester_id)
            if requester is None:
                raise ValidationError("Pemohon yang dipilih tidak ditemukan.", "name")
        else:
            requester = requests.create_requester(data.requester, now)
        grounds = [Ground(g) for g in data.grounds]
        arose = data.ground_arose_on
        if arose is None and request_row is not None:
            arose = ground_arose_on(request_row, grounds)
        filing = filing_window(calendar, received, arose)
        deadlines = calendar.deadlines(received, objection_days=ANSWER_DAYS)
        answer_due = deadlines.objection_answer.day
        window = calendar.add_working_days(answer_due, DISPUTE_DAYS).day
        year = received.year
        seq = next_sequence(SERIES, year, max_seq(year))
        number = format_number(office.objection_number_pattern, seq, received.date())
        if Objection.select().where(Objection.number == number).exists():
            raise ValidationError(f"Nomor {number} sudah dipakai di register keberatan (periksa pola nomor di "
                                  "Pengaturan).")
        row = Objection.create(
            number=number, year=year, seq=seq, received_at=received, effective_day=deadlines.receipt.day,
            request=request_row, request_reference=_squash(data.request_reference), requester=requester,
            proxy_name=_squash(data.proxy_name), proxy_letter=_squash(data.proxy_letter),
            information=data.information.strip(), purpose=data.purpose.strip(), grounds=grounds_text(grounds),
            case_summary=data.case_summary.strip(), status=Status.REGISTERED.value, answer_due=answer_due,
            late_filing=filing.late, dispute_window_due=window, created_by=str(actor),
        )
        extra = {"warning": filing.warning()} if filing.late else {}
        _event(row, EventKind.REGISTERED, actor, now, number=number, received_at=received,
               effective_day=deadlines.receipt.day, answer_due=answer_due,
               request=request_row.number if request_row else None, grounds=row.grounds,
               ground_arose_on=filing.arose_on, filing_due=filing.due, late_filing=filing.late, **extra)
    return row


def get_objection(objection_id: int) -> Objection:
    row = Objection.get_or_none(Objection.id == objection_id)
    if row is None:
        raise ValidationError("Keberatan tidak ditemukan.")
    return row


def find_by_number(number: str) -> Objection:
    row = Objection.get_or_none(Objection.number == number.strip())
    if row is None:
        raise ValidationError(f"Tidak ada keberatan bernomor {number.strip()}.")
    return row


def _step(objection_id: int, action: Action, today: date) -> Objection:
    row = get_objection(objection_id)
    check(state_of(row), action, today)
    return row


def _on_or_before_today(day: date | None, earliest: date, today: date, field_name: str, what: str) -> date:
    day = day or today
    if not earliest <= day <= today:
        raise ValidationError(f"Tanggal {what} harus antara {earliest:%d-%m-%Y} dan hari ini.", field_name)
    return day


def forward(objection_id: int, note: str, actor: Actor, now: datetime | None = None) -> Objection:
    """Checked by the PPID unit and forwarded to the Atasan PPID (seeds 000, 004)."""
    require(actor, Permission.FORWARD_OBJECTION)
    now = now or datetime.now()
    with database.atomic():
        row = _step(objection_id, Action.FORWARD, now.date())
        row.status = Status.FORWARDED.value
        row.save()
        _event(row, EventKind.FORWARDED, actor, now, note=_squash(note))
    return row


@dataclass
class ObjectionDecisionInput:
    decision: Decision
    reasons: str = ""  # the Atasan PPID's considerations
    order_text: str = ""  # overturned: what the PPID is to give
    decided_on: date | None = None  # default today
    atasan_name: str = ""  # default: the office's Atasan PPID
    atasan_title: str = ""


def decision_problems(data: ObjectionDecisionInput) -> dict[str, str]:
    try:
        decision = Decision(data.decision)
    except ValueError:
        return {"decision": "Keputusan tidak dikenal."}
    problems = {}
    if not _squash(data.reasons):
        problems["reasons"] = "Pertimbangan keputusan Atasan PPID wajib diisi."
    if decision is Decision.OVERTURNED and not _squash(data.order_text):
        problems["order_text"] = "Sebutkan perintah kepada PPID: informasi apa yang harus diberikan."
    return problems


def decide(objection_id: int, data: ObjectionDecisionInput, calendar: WorkingCalendar, actor: Actor,
           now: datetime | None = None) -> Objection:
    """The Atasan PPID's decision: uphold the PPID, or overturn it and order the
    information given, which reopens the linked request with the office's ``order_days``."""
    require(actor, Permission.DECIDE_OBJECTION)
    now = now or datetime.now()
    problems = decision_problems(data)
    if problems:
        key = next(iter(problems))
        raise ValidationError(problems[key], key)
    office = load_office()
    name = _squash(data.atasan_name) or office.atasan_name
    title = _squash(data.atasan_title) or office.atasan_title
    if not name:
        raise ValidationError("Nama Atasan PPID wajib diisi (atau isi di Pengaturan kantor).", "atasan_name")
    with database.atomic():
        row = _step(objection_id, Action.DECIDE, now.date())
        decided_on = _on_or_before_today(data.decided_on, row.received_at.date(), now.date(), "decided_on",
                                         "keputusan")
        decision = Decision(data.decision)
        row.status = Status.DECIDED.value
        row.decision = decision.value
        row.decision_reasons = data.reasons.strip()
        row.order_text = data.order_text.strip() if decision is Decision.OVERTURNED else ""
        row.decided_on = decided_on
        row.atasan_name, row.atasan_title = name, title
        row.save()
        reopened = {}
        if decision is Decision.OVERTURNED and row.request_id is not None:
            request_row = requests.reopen(row.request_id, row.number, row.order_text, decided_on, calendar, actor,
                                          days=office.order_days, now=now)
            reopened = {"request": request_row.number, "request_response_due": request_row.response_due}
        _event(row, EventKind.DECIDED, actor, now, decision=row.decision, reasons=row.decision_reasons,
               order_text=row.order_text, decided_on=decided_on, atasan_name=name, atasan_title=title, **reopened)
    return row


def hand_over_response(objection_id: int, calendar: WorkingCalendar, actor: Actor, handed_on: date | None = None,
                       now: datetime | None = None) -> Objection:
    """The response (tanggapan atas keberatan) is handed to the objector against a receipt;
    the 14 working days to go to the Komisi Informasi run from that day."""
    require(actor, Permission.HAND_OVER_RESPONSE)
    now = now or datetime.now()
    with database.atomic():
        row = _step(objection_id, Action.HAND_OVER, now.date())
        handed_on = _on_or_before_today(handed_on, row.decided_on, now.date(), "handed_on", "penyerahan tanggapan")
        row.status = Status.RESPONSE_HANDED_OVER.value
        row.response_handed_on = handed_on
        row.dispute_window_due = calendar.add_working_days(handed_on, DISPUTE_DAYS).day
        row.save()
        _event(row, EventKind.RESPONSE_HANDED_OVER, actor, now, handed_on=handed_on,
               dispute_window_due=row.dispute_window_due)
    return row


def record_objector_response(objection_id: int, response: ObjectorResponse, actor: Actor, note: str = "",
                             now: datetime | None = None) -> Objection:
    """The objector accepts the response, or goes to the Komisi Informasi (also possible
    when the Atasan PPID has not answered by the 30th working day)."""
    require(actor, Permission.RECORD_DISPUTE)
    now = now or datetime.now()
    response = ObjectorResponse(response)
    accepts = response is ObjectorResponse.ACCEPTS
    with database.atomic():
        row = _step(objection_id, Action.ACCEPT if accepts else Action.DISPUTE, now.date())
        row.status = (Status.ACCEPTED if accepts else Status.DISPUTE).value
        row.objector_response = response.value
        row.save()
        if accepts:
            _event(row, EventKind.ACCEPTED, actor, now, note=_squash(note))
        else:
            late = {"late": True} if now.date() > row.dispute_window_due else {}
            _event(row, EventKind.DISPUTED, actor, now, note=_squash(note),
                   dispute_window_due=row.dispute_window_due, **late)
    return row


def record_dispute(objection_id: int, number: str, registered_on: date, actor: Actor,
                   now: datetime | None = None) -> Objection:
    """The Komisi Informasi's registration number of the dispute, once known."""
    require(actor, Permission.RECORD_DISPUTE)
    now = now or datetime.now()
    if not _squash(number):
        raise ValidationError("Nomor registrasi sengketa wajib diisi.", "dispute_number")
    with database.atomic():
        row = _step(objection_id, Action.RECORD_DISPUTE, now.date())
        registered_on = _on_or_before_today(registered_on, row.received_at.date(), now.date(),
                                            "dispute_registered_on", "registrasi sengketa")
        row.dispute_number = _squash(number)
        row.dispute_registered_on = registered_on
        row.save()
        _event(row, EventKind.DISPUTE_REGISTERED, actor, now, number=row.dispute_number,
               registered_on=registered_on)
    return row


def record_dispute_outcome(objection_id: int, outcome: str, actor: Actor, now: datetime | None = None) -> Objection:
    """The Komisi Informasi's decision (or the mediation's result), once known."""
    require(actor, Permission.RECORD_DISPUTE)
    now = now or datetime.now()
    if not _squash(outcome):
        raise ValidationError("Isi putusan atau hasil penyelesaian sengketa wajib diisi.", "dispute_outcome")
    with database.atomic():
        row = _step(objection_id, Action.RECORD_OUTCOME, now.date())
        row.dispute_outcome = outcome.strip()
        row.save()
        _event(row, EventKind.DISPUTE_OUTCOME, actor, now, outcome=row.dispute_outcome)
    return row


def close(objection_id: int, actor: Actor, now: datetime | None = None) -> Objection:
    require(actor, Permission.CLOSE)
    now = now or datetime.now()
    with database.atomic():
        row = _step(objection_id, Action.CLOSE, now.date())
        row.status = Status.CLOSED.value
        row.closed_on = now.date()
        row.save()
        _event(row, EventKind.CLOSED, actor, now)
    return row


def withdraw(objection_id: int, reason: str, actor: Actor, now: datetime | None = None) -> Objection:
    """The objector withdraws the objection before the Atasan PPID decides."""
    require(actor, Permission.WITHDRAW)
    now = now or datetime.now()
    with database.atomic():
        row = _step(objection_id, Action.WITHDRAW, now.date())
        row.status = Status.WITHDRAWN.value
        row.closed_on = now.date()
        row.save()
        _event(row, EventKind.WITHDRAWN, actor, now, reason=_squash(reason))
    return row


def grounds_of(row: Objection) -> list[Ground]:
    return parse_grounds(row.grounds)


def events_of(objection_id: int) -> list[ObjectionEvent]:
    return list(ObjectionEvent.select().where(ObjectionEvent.objection == objection_id)
                .order_by(ObjectionEvent.at, ObjectionEvent.id))


def event_data(event: ObjectionEvent) -> dict[str, object]:
    try:
        return json.loads(event.data or "{}")
    except ValueError:
        return {}
