"""The register keberatan (Register Keberatan Informasi Publik) as an Excel workbook.

The columns of the Perki paper book (DOMAIN.md, "Register keberatan"): nomor registrasi
keberatan · tanggal diterima · identitas pemohon / kuasa · nomor pendaftaran permohonan
· informasi diminta · tujuan penggunaan · alasan (Pasal 35 ayat (1) a-g, a tick each) ·
keputusan Atasan PPID · hari/tanggal tanggapan · nama & jabatan Atasan PPID · tanggapan
pemohon (accepts, or goes to the Komisi Informasi). One row per objection received in
the period, in the order received; the workbook itself is :mod:`.xlsx_book`'s.

"Hari/tanggal tanggapan" is the day the Atasan PPID decided (the date of the response
letter). Personal data: the NIK is not part of the book and is not exported; the contact
column is masked for an officer who may not see personal data, and every export is
written to the audit log (the book names the objectors).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from peewee import JOIN

from ppid_desk.accounts.officer import Actor, require
from ppid_desk.accounts.roles import Permission
from ppid_desk.objections.codes import Decision, EventKind, Ground, ObjectorResponse, Status, parse_grounds
from ppid_desk.privacy import Masker
from ppid_desk.store.models import Objection, ObjectionEvent, Request, Requester

from .export_audit import record_export
from .xlsx_book import TICK, Column, check_export, day, period_bounds, write_book

TITLE = "REGISTER KEBERATAN INFORMASI PUBLIK"
GROUNDS_GROUP = "Alasan Pengajuan Keberatan (Pasal 35 ayat (1) UU KIP)"

COLUMNS: tuple[Column, ...] = (
    Column("", "Nomor Registrasi Keberatan", 22, "centre"),
    Column("", "Tanggal Diterima", 12, "date"),
    Column("Identitas Pemohon / Kuasa", "Nama Pemohon", 22),
    Column("Identitas Pemohon / Kuasa", "Alamat", 26),
    Column("Identitas Pemohon / Kuasa", "Nomor Kontak", 18),
    Column("Identitas Pemohon / Kuasa", "Pekerjaan", 14),
    Column("Identitas Pemohon / Kuasa", "Kuasa Pemohon", 22),
    Column("", "Nomor Pendaftaran Permohonan", 20, "centre"),
    Column("", "Informasi yang Diminta", 36),
    Column("", "Tujuan Penggunaan Informasi", 24),
    *(Column(GROUNDS_GROUP, ground.value, 4.5, "centre") for ground in Ground),
    Column("", "Keputusan Atasan PPID", 22),
    Column("", "Hari/Tanggal Tanggapan", 19, "day_date"),
    Column("Atasan PPID", "Nama", 22),
    Column("Atasan PPID", "Jabatan", 18),
    Column("Tanggapan Pemohon", "Menerima", 10, "centre"),
    Column("Tanggapan Pemohon", "Mengajukan Sengketa ke Komisi Informasi", 20, "centre"),
)
IN_PROGRESS = "Dalam proses"


def _contact(phone: str, email: str) -> str:
    return " / ".join(x for x in (phone, email) if x)


def _proxy(name: str, letter: str) -> str | None:
    if not name:
        return None
    return f"{name} ({letter})" if letter else name


def _decision(decision: str | None, status: str) -> str:
    if decision:
        return Decision(decision).label
    if status == Status.WITHDRAWN.value:
        return Status.WITHDRAWN.label
    return IN_PROGRESS


def _dispute(response: str | None, number: str) -> str | None:
    if response != ObjectorResponse.DISPUTE.value:
        return None
    return f"{TICK} (No. Reg. {number})" if number else TICK


def steps_by(date_from: date | None, date_to: date | None, end: datetime) -> dict[int, set[str]]:
    """The event kinds each objection received in the period had recorded by ``end``."""
    query = ObjectionEvent.select(ObjectionEvent.objection, ObjectionEvent.kind).join(Objection)
    first, last = period_bounds(date_from, date_to)
    if first:
        query = query.where(Objection.received_at >= first)
    if last:
        query = query.where(Objection.received_at <= last)
    steps: dict[int, set[str]] = defaultdict(set)
    for oid, kind in query.where(ObjectionEvent.at <= end).tuples().iterator():
        steps[oid].add(kind)
    return steps


def objection_rows(date_from: date | None = None, date_to: date | None = None, as_of: datetime | None = None,
                   masker: Masker | None = None):
    """The register keberatan's lines as tuples in column order (dates as datetimes).
    With ``as_of``, each line shows what had happened by that moment; ``masker`` masks
    the contact column."""
    masker = masker or Masker(True)
    query = (Objection.select(Objection.id, Objection.number, Objection.received_at, Requester.name,
                              Requester.address, Requester.phone, Requester.email, Requester.occupation,
                              Objection.proxy_name, Objection.proxy_letter, Request.number,
                              Objection.request_reference, Objection.information, Objection.purpose,
                              Objection.grounds, Objection.decision, Objection.status, Objection.decided_on,
                              Objection.atasan_name, Objection.atasan_title, Objection.objector_response,
                              Objection.dispute_number)
             .join(Requester, on=Objection.requester == Requester.id)
             .switch(Objection).join(Request, join_type=JOIN.LEFT_OUTER, on=Objection.request == Request.id)
             .order_by(Objection.received_at, Objection.id))
    first, last = period_bounds(date_from, date_to)
    if first:
        query = query.where(Objection.received_at >= first)
    if last:
        query = query.where(Objection.received_at <= last)
    steps = steps_by(date_from, date_to, as_of) if as_of is not None else None
    for (oid, number, received, name, address, phone, email, occupation, proxy, letter, request_number, reference,
         information, purpose, grounds, decision, status, decided_on, atasan, title, response,
         dispute_number) in query.tuples().iterator():
        if steps is not None:
            done = steps.get(oid, set())
            if EventKind.DECIDED.value not in done:
                decision, decided_on, atasan, title = None, None, "", ""
            if EventKind.WITHDRAWN.value not in done and status == Status.WITHDRAWN.value:
                status = Status.REGISTERED.value
            if not done & {EventKind.ACCEPTED.value, EventKind.DISPUTED.value}:
                response = None
            if EventKind.DISPUTE_REGISTERED.value not in done:
                dispute_number = ""
        chosen = {g.value for g in parse_grounds(grounds)}
        yield (
            number, day(received.date()), name, address or None,
            _contact(masker.phone(phone), masker.email(email)) or None, occupation or None,
            _proxy(proxy, letter), request_number or reference or None, information or None, purpose or None,
            *(TICK if ground.value in chosen else None for ground in Ground),
            _decision(decision, status), day(decided_on), atasan or None, title or None,
            TICK if response == ObjectorResponse.ACCEPTS.value else None, _dispute(response, dispute_number),
        )


def export_objections(path: Path | str, date_from: date | None = None, date_to: date | None = None,
                      paper: str = "A4", *, actor: Actor = "") -> int:
    """Write the register keberatan of objections received in [date_from, date_to];
    returns the row count. ``actor`` "" is the operating-system user."""
    require(actor, Permission.EXPORT_REGISTER)  # contacts masked below for roles that may not see them
    path, paper = check_export(path, date_from, date_to, paper)
    masker = Masker.for_actor(actor)
    count = write_book(path, "Register Keberatan", TITLE, COLUMNS, objection_rows(date_from, date_to, masker=masker),
                       date_from, date_to, paper, "Tidak ada keberatan pada periode ini.")
    record_export(actor, path, "register keberatan", count, date_from, date_to, masker)
    return count
