"""The register book (Register Permohonan Informasi Publik) as an Excel workbook.

The layout follows the paper book of the Perki service standard (DOMAIN.md,
"Registers"): a title block (the office, the register's name, the period), a two-row
header with group headers merged over their sub-columns, then one row per request
received in the period, ordered by the time it was received. The workbook itself
(streamed rows, real dates, print set-up, F4 as Folio) is :mod:`.xlsx_book`'s.

Personal data: the NIK is not part of the register book and is not exported. The book
with identities needs ``export_personal_data``; an officer who may not see personal data
gets the contact column masked (:class:`ppid_desk.privacy.Masker`). ``public=True`` writes
the register many agencies publish: no name, address, contact, occupation or purpose,
only the requester's kind and where they come from (:data:`PUBLIC_COLUMNS`, see
docs/decisions.md, issue 8). Every book with identities is written to the audit log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ppid_desk.accounts.officer import Actor, require
from ppid_desk.accounts.roles import Permission
from ppid_desk.privacy import Masker
from ppid_desk.register.codes import GRANTED, PASAL_17, Decision, DeliveryForm, ObtainMethod, RequesterKind, Status
from ppid_desk.register.nik import PROVINCES
from ppid_desk.store.models import Request, Requester

from .export_audit import record_export
from .xlsx_book import TICK, Column, check_export, day as _day, period_bounds, write_book

TITLE = "REGISTER PERMOHONAN INFORMASI PUBLIK"

# DOMAIN.md "Registers": No · Tanggal · Nama · Alamat · Nomor kontak · Pekerjaan ·
# Informasi yang diminta · Tujuan penggunaan · Status informasi · Bentuk informasi ·
# Jenis permohonan · Keputusan · Alasan penolakan · Hari & tanggal pemberitahuan
# tertulis · Hari & tanggal pemberian informasi · Biaya & cara pembayaran.
COLUMNS: tuple[Column, ...] = (
    Column("", "No", 20, "centre"),
    Column("", "Tanggal", 12, "date"),
    Column("Pemohon", "Nama", 22),
    Column("Pemohon", "Alamat", 28),
    Column("Pemohon", "Nomor Kontak", 18),
    Column("Pemohon", "Pekerjaan", 15),
    Column("", "Informasi yang Diminta", 40),
    Column("", "Tujuan Penggunaan Informasi", 28),
    Column("Status Informasi", "Dikuasai", 12, "centre"),
    Column("Status Informasi", "Badan Publik yang Menguasai", 20),
    Column("Bentuk Informasi", "Softcopy", 9, "centre"),
    Column("Bentuk Informasi", "Hardcopy", 9, "centre"),
    Column("Jenis Permohonan", "Melihat/ Mengetahui", 11, "centre"),
    Column("Jenis Permohonan", "Meminta Salinan", 10, "centre"),
    Column("", "Keputusan", 15),
    Column("", "Alasan Penolakan", 24),
    Column("Hari & Tanggal", "Pemberitahuan Tertulis", 19, "day_date"),
    Column("Hari & Tanggal", "Pemberian Informasi", 19, "day_date"),
    Column("Biaya & Cara Pembayaran", "Biaya (Rp)", 11, "money"),
    Column("Biaya & Cara Pembayaran", "Cara Pembayaran", 15),
)

# The public register: the same lines without the requester's identity (name, address,
# contact, occupation) and without the purpose (free text in the requester's words, often
# naming them or their institution); who asked is only the requester's kind and region.
_IDENTITY = ("Nama", "Alamat", "Nomor Kontak", "Pekerjaan", "Tujuan Penggunaan Informasi")
PUBLIC_COLUMNS: tuple[Column, ...] = (
    COLUMNS[0], COLUMNS[1],
    Column("Pemohon", "Jenis Pemohon", 14),
    Column("Pemohon", "Asal (Kota/Kabupaten)", 22),
    *(c for c in COLUMNS[2:] if c.title not in _IDENTITY),
)
PUBLIC_TITLE = "REGISTER PERMOHONAN INFORMASI PUBLIK (TANPA IDENTITAS PEMOHON)"

GRANTED_VALUES = {d.value for d in GRANTED}
_KINDS = {k.value for k in RequesterKind}
_ENDED = {Status.VOID.value, Status.WITHDRAWN.value}
_SEE = {ObtainMethod.SEE.value, ObtainMethod.READ.value, ObtainMethod.LISTEN.value, ObtainMethod.NOTE.value}


def rejection_reason(pasal17: str, other_statute: str) -> str:
    """"Pasal 17 huruf a dan h UU 14/2008" and/or the other statute."""
    letters = [p for p in (pasal17 or "").split(",") if p in PASAL_17]
    parts = []
    if letters:
        named = letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " dan " + letters[-1]
        parts.append(f"Pasal 17 huruf {named} UU 14/2008")
    if other_statute:
        parts.append(other_statute)
    return "; ".join(parts)


def _held(decision: str | None) -> str:
    if not decision:
        return ""
    if decision == Decision.NOT_HELD.value:
        return "Tidak"
    if decision == Decision.NOT_DOCUMENTED.value:
        return "Belum didokumentasikan"
    return "Ya"


def _forms(delivery_form: str, obtain: str) -> tuple[str | None, str | None]:
    if delivery_form == DeliveryForm.SOFTCOPY.value or (not delivery_form and obtain == ObtainMethod.SOFTCOPY.value):
        return TICK, None
    if delivery_form == DeliveryForm.HARDCOPY.value or (not delivery_form and obtain == ObtainMethod.HARDCOPY.value):
        return None, TICK
    return None, None


def _contact(phone: str, email: str) -> str:
    return " / ".join(x for x in (phone, email) if x)


_REGION = re.compile(r"^(kota|kabupaten|kab\.?)\s+(.+?)(?:\s+\d{5})?$", re.IGNORECASE)


def region_of(address: str, nik: str | None) -> str:
    """Where a requester comes from, for the public register: the city or regency their
    address names ("Kota Surabaya", "Kab. Sidoarjo" -> "Kabupaten Sidoarjo"), else the
    province of their NIK ("Provinsi Jawa Timur"), else ""."""
    for part in reversed(re.split(r"[,;\n]", address or "")):
        found = _REGION.match(" ".join(part.split()))
        if found:
            word = "Kota" if found.group(1).lower() == "kota" else "Kabupaten"
            return f"{word} {found.group(2)}"
    province = PROVINCES.get((nik or "")[:2])
    return f"Provinsi {province}" if province else ""


@dataclass(frozen=True)
class AsOf:
    """A request's decision and delivery as of a past moment (the periodic report's
    period end), read from its events: what the register showed then."""

    decision: str | None = None  # a Decision value; None: not (or no longer) decided
    ended: bool = False  # withdrawn or lapsed before a decision
    pasal17: str = ""
    other_statute: str = ""
    holder_body: str = ""
    notice: date | None = None
    delivered: date | None = None
    delivery_form: str = ""
    cost: int | None = None
    payment_method: str = ""


def register_rows(date_from: date | None = None, date_to: date | None = None,
                  as_of: Mapping[int, AsOf] | None = None, masker: Masker | None = None, public: bool = False):
    """The register's lines as tuples in column order (dates as datetimes). With
    ``as_of`` (request id -> :class:`AsOf`), each line shows its state at that moment.
    ``masker`` masks the contact column; ``public`` gives the lines of
    :data:`PUBLIC_COLUMNS` (no identities)."""
    masker = masker or Masker(True)
    query = (Request.select(Request.id, Request.number, Request.received_at, Requester.name, Requester.address,
                            Requester.phone, Requester.email, Requester.occupation, Request.information,
                            Request.purpose, Request.decision, Request.holder_body, Request.delivery_form,
                            Request.obtain_method, Request.pasal17, Request.other_statute, Request.notice_date,
                            Request.delivered_on, Request.cost, Request.payment_method, Request.status,
                            Requester.kind, Requester.nik)
             .join(Requester).order_by(Request.received_at, Request.id))
    first, last = period_bounds(date_from, date_to)
    if first:
        query = query.where(Request.received_at >= first)
    if last:
        query = query.where(Request.received_at <= last)
    for (rid, number, received, name, address, phone, email, occupation, information, purpose, decision, holder,
         form, obtain, pasal17, other, notice, delivered, cost, payment, status, kind,
         nik) in query.tuples().iterator():
        ended = status in _ENDED and not decision
        if as_of is not None:
            state = as_of.get(rid, AsOf())
            decision, holder, pasal17, other = state.decision, state.holder_body, state.pasal17, state.other_statute
            notice, delivered, ended = state.notice, state.delivered, state.ended
            form, cost, payment = state.delivery_form, state.cost, state.payment_method
        # the form the information is held in is known once it is given
        soft, hard = _forms(form, obtain) if decision in GRANTED_VALUES else (None, None)
        reason = rejection_reason(pasal17, other) if decision in (Decision.REJECTED.value,
                                                                  Decision.GRANTED_PARTIAL.value) else ""
        outcome = Decision(decision).label if decision else ("Ditarik/batal" if ended else "Dalam proses")
        received_day = _day(received.date()) if received else None
        if public:
            who: tuple = (RequesterKind(kind).label if kind in _KINDS else None, region_of(address, nik) or None,
                          information)
        else:
            who = (name, address, _contact(masker.phone(phone), masker.email(email)), occupation, information,
                   purpose)
        yield (
            number, received_day, *who, _held(decision), holder or None, soft, hard,
            TICK if obtain in _SEE else None, None if obtain in _SEE else TICK,
            outcome, reason or None,
            _day(notice), _day(delivered),
            cost, payment or None,
        )


def export_register(path: Path | str, date_from: date | None = None, date_to: date | None = None,
                    paper: str = "A4", *, actor: Actor = "", public: bool = False) -> int:
    """Write the register book of requests received in [date_from, date_to]; returns the
    row count. ``public``: without identities (``export_register``); otherwise the book
    with identities (``export_personal_data``), written to the audit log, its contacts
    masked for an actor who may not see them. ``actor`` "" is the operating-system user."""
    require(actor, Permission.EXPORT_REGISTER if public else Permission.EXPORT_PERSONAL_DATA)
    path, paper = check_export(path, date_from, date_to, paper)
    if public:
        return write_book(path, "Register Permohonan (Publik)", PUBLIC_TITLE, PUBLIC_COLUMNS,
                          register_rows(date_from, date_to, public=True), date_from, date_to, paper,
                          "Tidak ada permohonan pada periode ini.")
    masker = Masker.for_actor(actor)
    count = write_book(path, "Register Permohonan", TITLE, COLUMNS, register_rows(date_from, date_to, masker=masker),
                       date_from, date_to, paper, "Tidak ada permohonan pada periode ini.")
    record_export(actor, path, "register permohonan", count, date_from, date_to, masker)
    return count
