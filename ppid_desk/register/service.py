"""Registering requests and taking them through their steps.

Every step writes the request's new state and an append-only event in one
transaction. Corrections are events too; nothing is edited silently or deleted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..calendar import WorkingCalendar
from ..errors import ValidationError
from ..office import load_office
from ..workdays import load_calendar
from ..store.models import Request, RequestEvent, Requester, RequestUnit, Unit, database
from .codes import (
    PASAL_17, Channel, Decision, DeliveryForm, DeliveryMethod, EventKind, ObtainMethod, RequesterKind, Status,
)
from .lifecycle import Action, OrderAction, RequestState, check
from .nik import parse_nik
from .numbering import format_number, next_sequence

SERIES = "permohonan"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Indonesian numbers have 8-15 digits (with or without +62); spaces, dashes, dots and
# an area code in brackets are allowed between them.
_PHONE = re.compile(r"^\+?[0-9(][0-9\s().-]*$")
_PHONE_DIGITS = (8, 15)


@dataclass
class RequesterInput:
    kind: RequesterKind = RequesterKind.PERSON
    name: str = ""
    nik: str = ""
    legal_number: str = ""
    address: str = ""
    occupation: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class RequestInput:
    requester: RequesterInput
    information: str = ""
    purpose: str = ""
    channel: Channel = Channel.WALK_IN
    received_at: datetime | None = None  # None: now
    obtain_method: ObtainMethod = ObtainMethod.SOFTCOPY
    delivery_method: DeliveryMethod = DeliveryMethod.PICK_UP
    proxy_name: str = ""
    proxy_letter: str = ""
    requester_id: int | None = None  # a returning requester found by lookup
    units: list[int] = field(default_factory=list)


def _squash(text: str) -> str:
    return " ".join((text or "").split())


def requester_problems(person: RequesterInput, today: date | None = None) -> dict[str, str]:
    """Field -> Indonesian message for every problem of the requester's data."""
    problems: dict[str, str] = {}
    try:
        kind = RequesterKind(person.kind)  # a plain string code must get the same checks
    except ValueError:
        kind = None
        problems["kind"] = "Jenis pemohon tidak dikenal."
    if not _squash(person.name):
        problems["name"] = "Nama pemohon wajib diisi."
    elif len(_squash(person.name)) > 200:
        problems["name"] = "Nama terlalu panjang (maksimal 200 huruf)."
    if kind is RequesterKind.PERSON:
        if not person.nik.strip():
            problems["nik"] = "NIK wajib diisi untuk pemohon perorangan."
        else:
            try:
                parse_nik(person.nik, today)
            except ValidationError as exc:
                problems["nik"] = exc.message
    elif person.nik.strip():
        try:
            parse_nik(person.nik, today)
        except ValidationError as exc:
            problems["nik"] = exc.message
    if kind is RequesterKind.LEGAL_BODY and not _squash(person.legal_number):
        problems["legal_number"] = "Nomor SK pengesahan / akta badan hukum wajib diisi."
    if person.phone.strip() and not _valid_phone(person.phone.strip()):
        problems["phone"] = "Nomor telepon tidak sah (8 sampai 15 angka, boleh diawali +62)."
    if person.email.strip() and not _EMAIL.match(person.email.strip()):
        problems["email"] = "Alamat email tidak sah."
    if not person.phone.strip() and not person.email.strip() and not _squash(person.address):
        problems["phone"] = "Isi paling sedikit satu kontak: telepon, email atau alamat."
    return problems


def _valid_phone(phone: str) -> bool:
    """One number, or several separated by "/" or "," (old registers often hold two)."""
    for part in re.split(r"[/,;]", phone):
        part = part.strip()
        digits = sum(ch.isdigit() for ch in part)
        if not (_PHONE.match(part) and _PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1]):
            return False
    return True


def request_problems(data: RequestInput, now: datetime | None = None) -> dict[str, str]:
    """Field -> message for the whole intake form (requester fields unprefixed)."""
    now = now or datetime.now()
    problems = {} if data.requester_id else requester_problems(data.requester, now.date())
    if not _squash(data.information):
        problems["information"] = "Rincian informasi yang dibutuhkan wajib diisi."
    if not _squash(data.purpose):
        problems["purpose"] = "Tujuan penggunaan informasi wajib diisi."
    if data.received_at and data.received_at > now:
        problems["received_at"] = "Waktu diterima tidak boleh di masa depan."
    if data.proxy_name.strip() and not data.proxy_letter.strip():
        problems["proxy_letter"] = "Kuasa memerlukan nomor/tanggal surat kuasa khusus."
    return problems


def _clean_nik(nik: str) -> str | None:
    """The NIK as stored: separators removed, NULL when there is none."""
    return re.sub(r"[\s.-]", "", nik or "") or None


def _requester_values(person: RequesterInput) -> dict[str, object]:
    nik = _clean_nik(person.nik)
    return {"kind": RequesterKind(person.kind).value, "name": _squash(person.name), "nik": nik,
            "legal_number": _squash(person.legal_number), "address": person.address.strip(),
            "occupation": _squash(person.occupation), "phone": person.phone.strip(), "email": person.email.strip()}


def create_requester(person: RequesterInput, now: datetime) -> Requester:
    """A new requester row from checked data (see :func:`requester_problems`)."""
    return Requester.create(**_requester_values(person), created_at=now)


def _event(request: Request | int, kind: EventKind, actor: Actor, at: datetime, **data: object) -> None:
    """Record a step of ``request`` (the row, or its id) and its audit entry, in the caller's
    transaction. The actor is stored as text (an officer's display name)."""
    if isinstance(request, Request):
        request_id, number = request.id, request.number
    else:
        request_id = request
        number = Request.select(Request.number).where(Request.id == request_id).scalar()
    text = json.dumps(data, default=str, ensure_ascii=False)
    event = RequestEvent.create(request=request_id, kind=kind.value, at=at, actor=str(actor), data=text)
    audit.event_step(actor, "request", number, "Permohonan", kind, event.id, text, at, _detail(kind, data))


def _detail(kind: EventKind, data: dict[str, object]) -> str:
    """A few words more for the audit summary (never personal data)."""
    if kind is EventKind.DECIDED and data.get("decision"):
        return Decision(str(data["decision"])).label.lower()
    if kind is EventKind.ROUTED and data.get("units"):
        return ", ".join(str(u) for u in data["units"])  # type: ignore[union-attr]
    if kind is EventKind.CORRECTED and isinstance(data.get("after"), dict):
        return "data: " + ", ".join(sorted(data["after"]))  # field names only, never the values
    if kind is EventKind.DIP_LINKED and data.get("entry"):
        return f"entri DIP #{data['entry']}"
    return ""


def state_of(row: Request) -> RequestState:
    return RequestState(Status(row.status), row.extended, Decision(row.decision) if row.decision else None,
                        row.completeness_due, row.response_due, row.reopened_on is not None)


def register_request(data: RequestInput, calendar: WorkingCalendar, actor: Actor,
                     now: datetime | None = None) -> Request:
    """Record a new request, give it the next number, compute its deadlines."""
    require(actor, Permission.REGISTER_REQUEST)
    now = (now or datetime.now()).replace(microsecond=0)
    problems = request_problems(data, now)
    if problems:
        key = next(iter(problems))
        raise ValidationError(problems[key], key)
    received = (data.received_at or now).replace(second=0, microsecond=0)
    office = load_office()
    deadlines = calendar.deadlines(received, completeness_days=office.completeness_days)
    with database.atomic():
        if data.requester_id:
            requester = Requester.get_or_none(Requester.id == data.requester_id)
            if requester is None:
                raise ValidationError("Pemohon yang dipilih tidak ditemukan.", "name")
        else:
            requester = Requester.create(**_requester_values(data.requester), created_at=now)
        year = received.year
        seq = next_sequence(SERIES, year, highest_seq(year))
        number = format_number(office.request_number_pattern, seq, received.date())
        if Request.select().where(Request.number == number).exists():
            raise ValidationError(f"Nomor {number} sudah dipakai di register (periksa pola nomor di Pengaturan).")
        row = Request.create(
            number=number, year=year, seq=seq, received_at=received, effective_day=deadlines.receipt.day,
            channel=Channel(data.channel).value, requester=requester, proxy_name=_squash(data.proxy_name),
            proxy_letter=_squash(data.proxy_letter), information=data.information.strip(),
            purpose=data.purpose.strip(), obtain_method=ObtainMethod(data.obtain_method).value,
            delivery_method=DeliveryMethod(data.delivery_method).value, status=Status.REGISTERED.value,
            completeness_due=deadlines.completeness.day, response_due=deadlines.response.day,
            extended_due=deadlines.extended.day, created_by=str(actor),
        )
        _event(row, EventKind.REGISTERED, actor, now, number=number, received_at=received,
               effective_day=deadlines.receipt.day, response_due=deadlines.response.day)
        if data.units:
            _route(row, data.units, "", None, actor, now)
    return row


def highest_seq(year: int) -> int:
    """The highest sequence of a request of ``year`` in the register (imported ones too)."""
    from peewee import fn

    return Request.select(fn.MAX(Request.seq)).where(Request.year == year).scalar() or 0


def get_request(request_id: int) -> Request:
    row = Request.get_or_none(Request.id == request_id)
    if row is None:
        raise ValidationError("Permohonan tidak ditemukan.")
    return row


def find_by_number(number: str) -> Request:
    row = Request.get_or_none(Request.number == number.strip())
    if row is None:
        raise ValidationError(f"Tidak ada permohonan bernomor {number.strip()}.")
    return row


def _step(request_id: int, action: Action, today: date) -> Request:
    row = get_request(request_id)
    check(state_of(row), action, today)
    return row


def mark_incomplete(request_id: int, missing: str, actor: Actor, now: datetime | None = None,
                    calendar: WorkingCalendar | None = None) -> Request:
    require(actor, Permission.MARK_INCOMPLETE)
    now = now or datetime.now()
    if not _squash(missing):
        raise ValidationError("Sebutkan persyaratan yang belum lengkap.", "missing")
    with database.atomic():
        row = _step(request_id, Action.MARK_INCOMPLETE, now.date())
        row.status = Status.AWAITING_COMPLETENESS.value
        # The window counts from receipt; when the officer only tells the requester after
        # it ran out, the requester gets a whole window from the day they are told.
        calendar = calendar or load_calendar()
        told = calendar.effective_receipt(now).day
        if row.completeness_due is None or told > row.completeness_due:
            row.completeness_due = calendar.add_working_days(told, load_office().completeness_days).day
        row.save()
        _event(row, EventKind.INCOMPLETE, actor, now, missing=_squash(missing), due=row.completeness_due)
    return row


def complete(request_id: int, calendar: WorkingCalendar, actor: Actor, now: datetime | None = None) -> Request:
    """The requirements are met: the 10 working days run from now (seed 002, E.1)."""
    require(actor, Permission.COMPLETE)
    now = now or datetime.now()
    with database.atomic():
        row = _step(request_id, Action.COMPLETE, now.date())
        deadlines = calendar.deadlines(now, completeness_days=load_office().completeness_days)
        row.status = Status.REGISTERED.value
        row.effective_day = deadlines.receipt.day
        # Every deadline counts from effective_day, as recompute_open_deadlines does; a
        # later "incomplete" gets a fresh window instead of an already-passed one.
        row.completeness_due = deadlines.completeness.day
        row.response_due = deadlines.response.day
        row.extended_due = deadlines.extended.day
        row.save()
        _event(row, EventKind.COMPLETED, actor, now, effective_day=row.effective_day, response_due=row.response_due)
    return row


def lapse(request_id: int, actor: Actor, now: datetime | None = None) -> Request:
    require(actor, Permission.CLOSE)
    now = now or datetime.now()
    with database.atomic():
        row = _step(request_id, Action.LAPSE, now.date())
        row.status = Status.VOID.value
        row.closed_on = now.date()
        row.save()
        _event(row, EventKind.LAPSED, actor, now, completeness_due=row.completeness_due)
    return row


def _route(row: Request, unit_ids: list[int], note: str, internal_due: date | None, actor: Actor,
           now: datetime) -> None:
    units = list(Unit.select().where(Unit.id.in_(unit_ids)))
    if len(units) != len(set(unit_ids)):
        raise ValidationError("Unit tujuan disposisi tidak ditemukan.", "units")
    if any(not u.active for u in units):
        raise ValidationError("Unit yang tidak aktif tidak dapat dipilih.", "units")
    known = {r.unit_id for r in RequestUnit.select().where(RequestUnit.request == row.id)}
    for unit in units:
        if unit.id not in known:
            RequestUnit.create(request=row.id, unit=unit.id, note=note, routed_at=now)
    if internal_due:
        row.internal_due = internal_due
    row.status = Status.ROUTED.value
    row.save()
    _event(row, EventKind.ROUTED, actor, now, units=[u.name for u in units], note=note, internal_due=internal_due)


def route(request_id: int, unit_ids: list[int], note: str, actor: Actor, internal_due: date | None = None,
          now: datetime | None = None) -> Request:
    """Disposisi: send the request to the unit(s) that hold the information."""
    require(actor, Permission.ROUTE)
    now = now or datetime.now()
    if not unit_ids:
        raise ValidationError("Pilih paling sedikit satu unit.", "units")
    with database.atomic():
        row = _step(request_id, Action.ROUTE, now.date())
        if internal_due and internal_due > (row.extended_due if row.extended else row.response_due):
            raise ValidationError("Tenggat internal unit melewati tenggat pemberitahuan.", "internal_due")
        _route(row, unit_ids, note.strip(), internal_due, actor, now)
    return row


def extend(request_id: int, reason: str, calendar: WorkingCalendar, actor: Actor, days: int = 7,
           now: datetime | None = None) -> Request:
    """Extend once, by at most 7 working days, with a written reason."""
    require(actor, Permission.EXTEND)
    now = now or datetime.now()
    if not _squash(reason):
        raise ValidationError("Alasan perpanjangan wajib diisi.", "reason")
    if not 1 <= days <= 7:
        raise ValidationError("Perpanjangan paling lama 7 hari kerja.", "days")
    with database.atomic():
        row = _step(request_id, Action.EXTEND, now.date())
        row.extended = True
        row.extended_due = calendar.add_working_days(row.effective_day, 10 + days).day
        row.save()
        _event(row, EventKind.EXTENDED, actor, now, reason=_squash(reason), days=days, new_due=row.extended_due)
    return row


@dataclass
class DecisionInput:
    decision: Decision
    note: str = ""  # granted partly: what was withheld and why; otherwise a remark
    pasal17: list[str] = field(default_factory=list)
    other_statute: str = ""
    consequence_test: str = ""
    holder_body: str = ""  # not held: the public body that holds it, if known
    notice_date: date | None = None  # the written notice's date; default today


def decision_problems(data: DecisionInput) -> dict[str, str]:
    problems = {}
    try:
        decision = Decision(data.decision)  # a plain string code must get the same checks
    except ValueError:
        return {"decision": "Keputusan tidak dikenal."}
    letters = sorted({p.strip().lower() for p in data.pasal17 if p.strip()})
    if any(p not in PASAL_17 for p in letters):
        problems["pasal17"] = "Huruf Pasal 17 harus a sampai j."
    if decision is Decision.REJECTED:
        if not letters and not _squash(data.other_statute):
            problems["pasal17"] = "Penolakan harus menyebut huruf Pasal 17 UU KIP atau undang-undang lain."
        if not _squash(data.consequence_test):
            problems["consequence_test"] = "Penolakan harus memuat hasil uji konsekuensi."
    if decision is Decision.GRANTED_PARTIAL and not _squash(data.note):
        problems["note"] = "Sebutkan informasi yang dihitamkan/dikecualikan dan alasannya."
    return problems


def decide(request_id: int, data: DecisionInput, actor: Actor, now: datetime | None = None) -> Request:
    require(actor, Permission.DECIDE)
    now = now or datetime.now()
    problems = decision_problems(data)
    if problems:
        key = next(iter(problems))
        raise ValidationError(problems[key], key)
    with database.atomic():
        row = _step(request_id, Action.DECIDE, now.date())
        row.status = Status.DECIDED.value
        row.decision = Decision(data.decision).value
        row.decision_note = data.note.strip()
        row.pasal17 = ",".join(sorted({p.strip().lower() for p in data.pasal17 if p.strip()}))
        row.other_statute = data.other_statute.strip()
        row.consequence_test = data.consequence_test.strip()
        row.holder_body = _squash(data.holder_body)
        notice = data.notice_date or now.date()
        if not row.received_at.date() <= notice <= now.date():
            raise ValidationError("Tanggal pemberitahuan harus antara tanggal permohonan dan hari ini.", "notice_date")
        row.notice_date = notice
        row.save()
        _event(row, EventKind.DECIDED, actor, now, decision=row.decision, note=row.decision_note,
               pasal17=row.pasal17, other_statute=row.other_statute, consequence_test=row.consequence_test,
               holder_body=row.holder_body, notice_date=row.notice_date)
    return row


def deliver(request_id: int, form: DeliveryForm, actor: Actor, pages: int | None = None, cost: int = 0,
            payment_method: str = "", delivered_on: date | None = None, now: datetime | None = None) -> Request:
    """The information is handed over (softcopy / hardcopy) or inspected on site."""
    require(actor, Permission.DELIVER)
    now = now or datetime.now()
    form = DeliveryForm(form)
    cost = cost or 0  # None: no copying cost
    if (pages is not None and pages < 0) or cost < 0:
        raise ValidationError("Jumlah halaman dan biaya tidak boleh negatif.", "cost")
    if cost and not _squash(payment_method):
        raise ValidationError("Sebutkan cara pembayaran biaya salinan.", "payment_method")
    with database.atomic():
        row = _step(request_id, Action.DELIVER, now.date())
        row.status = Status.DELIVERED.value
        row.delivered_on = delivered_on or now.date()
        row.delivery_form = form.value
        row.pages = pages
        row.cost = cost
        row.payment_method = _squash(payment_method)
        row.save()
        _event(row, EventKind.DELIVERED, actor, now, form=form.value, pages=pages, cost=cost,
               payment_method=row.payment_method, delivered_on=row.delivered_on)
    return row


def close(request_id: int, actor: Actor, now: datetime | None = None) -> Request:
    require(actor, Permission.CLOSE)
    now = now or datetime.now()
    with database.atomic():
        row = _step(request_id, Action.CLOSE, now.date())
        row.status = Status.CLOSED.value
        row.closed_on = now.date()
        row.save()
        _event(row, EventKind.CLOSED, actor, now)
    return row


def withdraw(request_id: int, reason: str, actor: Actor, now: datetime | None = None) -> Request:
    require(actor, Permission.WITHDRAW)
    now = now or datetime.now()
    with database.atomic():
        row = _step(request_id, Action.WITHDRAW, now.date())
        row.status = Status.WITHDRAWN.value
        row.closed_on = now.date()
        row.save()
        _event(row, EventKind.WITHDRAWN, actor, now, reason=_squash(reason))
    return row


# What a decision and a delivery wrote on the row; reopening clears it (the events keep it).
OUTCOME_FIELDS = {"decision": None, "decision_note": "", "pasal17": "", "other_statute": "", "consequence_test": "",
                  "holder_body": "", "notice_date": None, "delivered_on": None, "delivery_form": "", "pages": None,
                  "cost": None, "payment_method": "", "closed_on": None, "internal_due": None}


def reopen(request_id: int, objection_number: str, order: str, ordered_on: date, calendar: WorkingCalendar,
           actor: Actor, days: int | None = None, now: datetime | None = None) -> Request:
    """The Atasan PPID overturned the PPID on objection ``objection_number`` and ordered the
    information given: the request is routed again, its notice due ``days`` working days
    (default: the office's ``order_days``) after ``ordered_on``. The earlier decision and
    delivery leave the row; the events keep them, and the reopening event lists them."""
    require(actor, Permission.REOPEN)
    now = now or datetime.now()
    days = load_office().order_days if days is None else days
    if not 1 <= days <= 30:
        raise ValidationError("Waktu melaksanakan perintah Atasan PPID harus 1 sampai 30 hari kerja.", "order_days")
    with database.atomic():
        row = get_request(request_id)
        check(state_of(row), OrderAction.REOPEN, now.date())
        before = {"status": row.status}
        for name, empty in OUTCOME_FIELDS.items():
            if getattr(row, name) != empty:
                before[name] = getattr(row, name)
            setattr(row, name, empty)
        due = calendar.add_working_days(ordered_on, days).day
        row.status = Status.ROUTED.value
        row.reopened_on = ordered_on
        row.response_due = row.extended_due = due  # the order's deadline is the one in force
        row.save()
        _event(row, EventKind.REOPENED, actor, now, objection=objection_number, order=order.strip(),
               ordered_on=ordered_on, days=days, response_due=due, before=before)
    return row


CORRECTABLE_REQUEST = ("information", "purpose", "obtain_method", "delivery_method", "proxy_name", "proxy_letter")
CORRECTABLE_REQUESTER = ("name", "nik", "legal_number", "address", "occupation", "phone", "email")


def correct(request_id: int, changes: dict[str, str], reason: str, actor: Actor,
            now: datetime | None = None) -> Request:
    """Correct recorded data; the old and new values are kept in a correction event."""
    require(actor, Permission.CORRECT_REQUEST)
    now = now or datetime.now()
    if not _squash(reason):
        raise ValidationError("Alasan koreksi wajib diisi.", "reason")
    unknown = set(changes) - set(CORRECTABLE_REQUEST) - {f"requester.{f}" for f in CORRECTABLE_REQUESTER}
    if unknown:
        raise ValidationError(f"Data ini tidak dapat dikoreksi: {', '.join(sorted(unknown))}.")
    with database.atomic():
        row = get_request(request_id)
        person = row.requester
        before, after = {}, {}
        for key, value in changes.items():
            target, name = (person, key.split(".", 1)[1]) if key.startswith("requester.") else (row, key)
            value = _clean_correction(key, name, value)
            before[key], after[key] = getattr(target, name), value
            setattr(target, name, value)
        for name, message in (("information", "Rincian informasi yang dibutuhkan wajib diisi."),
                              ("purpose", "Tujuan penggunaan informasi wajib diisi.")):
            if name in changes and not getattr(row, name):
                raise ValidationError(message, name)
        if {"proxy_name", "proxy_letter"} & set(changes) and row.proxy_name and not row.proxy_letter:
            raise ValidationError("Kuasa memerlukan nomor/tanggal surat kuasa khusus.", "proxy_letter")
        if any(k.startswith("requester.") for k in changes):
            check_person = RequesterInput(RequesterKind(person.kind), person.name, person.nik or "",
                                          person.legal_number, person.address, person.occupation,
                                          person.phone, person.email)
            problems = requester_problems(check_person, now.date())
            if problems:
                key = next(iter(problems))
                raise ValidationError(problems[key], f"requester.{key}")
            person.save()
        row.save()
        _event(row, EventKind.CORRECTED, actor, now, reason=_squash(reason), before=before, after=after)
    return row


def _clean_correction(key: str, name: str, value: object) -> object:
    """A corrected value cleaned the way intake cleans it."""
    text = "" if value is None else str(value)
    if name in ("obtain_method", "delivery_method"):
        codes = ObtainMethod if name == "obtain_method" else DeliveryMethod
        try:
            return codes.parse(text).value
        except ValueError:
            raise ValidationError(f"Pilihan \u201c{text}\u201d tidak dikenal.", key) from None
    if key == "requester.nik":
        return _clean_nik(text)
    if name in ("address", "phone", "email", "information", "purpose"):
        return text.strip()
    return _squash(text)


def events_of(request_id: int) -> list[RequestEvent]:
    return list(RequestEvent.select().where(RequestEvent.request == request_id).order_by(RequestEvent.at,
                                                                                        RequestEvent.id))


def event_data(event: RequestEvent) -> dict[str, object]:
    try:
        return json.loads(event.data or "{}")
    except ValueError:
        return {}

