"""Roles enforced in the core (issue 8): every service that writes, issues a document or
exports checks the acting officer's roles against the matrix, and every write leaves
exactly its audit entry.

One case per entry point. For each case, every role alone is tried: an officer with only
a role the matrix does not grant is refused with an Indonesian message and nothing
changes (the whole database dumped before and after, and the files around it); an officer
with a granting role succeeds and the audit log gains exactly the case's entries, in his
name, with the chain whole. A test also checks that no entry point is left out.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from ppid_desk import audit, office as office_module, units as units_module, workdays as workdays_module
from ppid_desk.accounts import passwords, service as accounts
from ppid_desk.accounts.officer import Officer, PermissionDenied
from ppid_desk.accounts.roles import MATRIX, Permission, Role
from ppid_desk.backup import making as backup_making, restoring as backup_restoring
from ppid_desk.backup import make_backup, restore
from ppid_desk.calendar import DayHours
from ppid_desk.dip import importer as dip_importer, service as dip
from ppid_desk.dip.codes import InfoClass
from ppid_desk.dip.service import DipInput
from ppid_desk.inbox import demo as inbox_demo, service as inbox
from ppid_desk.inbox.codes import MessageKind
from ppid_desk.inbox.service import MessageInput
from ppid_desk.objections import service as objections
from ppid_desk.objections.codes import Decision as ObjectionDecision, Ground, ObjectorResponse
from ppid_desk.objections.service import ObjectionDecisionInput, ObjectionInput
from ppid_desk.office import OfficeSettings, load_office, remove_logo, save_office, set_logo
from ppid_desk.register import attachments, demo as register_demo, service as requests
from ppid_desk.register import importer as register_importer
from ppid_desk.register.codes import Channel, Decision, DeliveryForm
from ppid_desk.register.importer import writing as register_import_writing
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.reports import annual, dip_xlsx, issuing, objection_issuing, objections_xlsx, periodic, register_xlsx
from ppid_desk.reports.periodic import Period
from ppid_desk.store import open_store
from ppid_desk.store.models import AuditEntry, database
from ppid_desk.units import delete_unit, save_unit
from ppid_desk.workdays import add_override, load_calendar, remove_override, save_service_hours

OS = "budi"  # the operating-system user: trusted, sets each case up
T0 = datetime(2026, 11, 2, 10, 0)  # Monday; November 2026 has no holidays
T1 = datetime(2026, 11, 3, 10, 0)
FILED = datetime(2026, 11, 16, 10, 0)
FORWARDED = datetime(2026, 11, 17, 10, 0)
DECIDED = datetime(2026, 11, 20, 10, 0)
HANDED = datetime(2026, 11, 23, 10, 0)
ANSWERED = datetime(2026, 11, 24, 10, 0)
LATER = datetime(2026, 11, 25, 10, 0)
NIK = "3201014506900001"
PASSWORD = "Sandi-Rahasia-4821"

OFFICERS = {role: Officer(101 + i, f"uji-{role.value}", f"Uji {role.label}", frozenset({role}))
            for i, role in enumerate(Role)}


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch):
    monkeypatch.setattr(passwords, "DEFAULT_PARAMS", passwords.ScryptParams(n=2 ** 8, r=8, p=1))


# --- a world for one call ------------------------------------------------------------------

@dataclass
class World:
    root: Path
    store: object
    out: Path = field(init=False)

    def __post_init__(self) -> None:
        self.out = self.root / "keluar"
        self.out.mkdir(parents=True, exist_ok=True)

    # requests
    def request(self, name: str = "Siti Anggraini", when: datetime = T0):
        data = RequestInput(RequesterInput(name=name, nik=NIK, address="Jl. Merdeka 1, Kota Bandung",
                                           phone="0812-3456-7890", email="siti@example.id"),
                            information="Salinan DPA Dinas Kesehatan 2026", purpose="Bahan penelitian skripsi")
        return requests.register_request(data, load_calendar(), OS, now=when)

    def decided(self, decision: Decision = Decision.GRANTED_FULL):
        row = self.request()
        data = (DecisionInput(decision, pasal17=["h"], consequence_test="Membuka informasi ini mengungkap rahasia "
                                                                         "pribadi.")
                if decision is Decision.REJECTED else DecisionInput(decision))
        return requests.decide(row.id, data, OS, now=T1)

    def unit(self, name: str = "Bidang Anggaran") -> int:
        return save_unit(name, "bidang").id

    # objections
    def objection(self, upto: str = "registered"):
        row = self.decided(Decision.REJECTED)
        data = ObjectionInput(request_id=row.id, grounds=[Ground.REJECTED],
                              case_summary="Permohonan ditolak tanpa uji konsekuensi yang jelas.")
        objection = objections.register_objection(data, load_calendar(), OS, now=FILED)
        steps = ["forwarded", "decided", "handed", "accepted", "disputed", "dispute_registered"]
        if upto == "registered":
            return objection
        objections.forward(objection.id, "Lengkap", OS, now=FORWARDED)
        if upto == steps[0]:
            return objection
        objections.decide(objection.id, ObjectionDecisionInput(ObjectionDecision.UPHELD, "Pengecualian tepat."),
                          load_calendar(), OS, now=DECIDED)
        if upto == steps[1]:
            return objection
        objections.hand_over_response(objection.id, load_calendar(), OS, now=HANDED)
        if upto == steps[2]:
            return objection
        if upto == steps[3]:
            objections.record_objector_response(objection.id, ObjectorResponse.ACCEPTS, OS, now=ANSWERED)
            return objection
        objections.record_objector_response(objection.id, ObjectorResponse.DISPUTE, OS, now=ANSWERED)
        if upto == steps[5]:
            objections.record_dispute(objection.id, "001/REG-PSI/XI/2026", date(2026, 11, 24), OS, now=ANSWERED)
        return objection

    # inbox
    def message(self, kind: MessageKind = MessageKind.QUESTION):
        data = MessageInput(sender="Sutrisno", contact="081234567890", channel=Channel.SMS, kind=kind,
                            text="Kapan jadwal pelayanan KTP keliling?", received_at=datetime(2026, 11, 1, 21, 5))
        return inbox.record_message(data, load_calendar(), OS, now=T0)

    # the DIP
    def entry(self):
        return dip.add_entry(DipInput(summary="Rencana Kerja Pemerintah Daerah (RKPD)",
                                      info_class=InfoClass.PERIODIC, unit_id=self.unit("Bappeda"),
                                      official="Kepala Bappeda"), OS, now=T0)

    # files
    def register_file(self) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in (["REGISTER PERMOHONAN INFORMASI PUBLIK 2026"],
                    ["No. Pendaftaran", "Tanggal", "Nama Pemohon", "NIK", "Alamat", "Nomor Kontak", "Pekerjaan",
                     "Informasi yang Diminta", "Tujuan Penggunaan", "Keputusan"],
                    ["001/PPID/III/2026", datetime(2026, 3, 2, 9, 30), "Siti Anggraini", NIK, "Jl. Merdeka 1",
                     "0812-3456-7890", "Wiraswasta", "DPA Dinas Kesehatan 2026", "Penelitian",
                     "Dikabulkan Seluruhnya"]):
            ws.append(row)
        path = self.root / "register lama.xlsx"
        wb.save(path)
        return path

    def dip_file(self) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in (["DAFTAR INFORMASI PUBLIK"], [],
                    ["No.", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi",
                     "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
                     "Bentuk Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip",
                     "Jenis Informasi"],
                    [1, "Rencana Kerja Pemerintah Daerah (RKPD)", "Bappeda", "Kepala Bappeda", "Setiap tahun",
                     "Softcopy", "10 tahun", "Berkala"]):
            ws.append(row)
        path = self.root / "dip kantor.xlsx"
        wb.save(path)
        return path

    def logo(self) -> Path:
        path = self.root / "logo.png"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        return path


@contextmanager
def world(root: Path) -> Iterator[World]:
    store = open_store(root / "data")
    try:
        save_office(OfficeSettings(agency_name="Pemerintah Kabupaten Sukamaju", city="Sukamaju",
                                   ppid_name="Dra. Ratna Sari", atasan_name="Drs. Junaidi, MM"), actor=OS)
        yield World(root, store)
    finally:
        store.close()


def snapshot(w: World) -> tuple[str, list[tuple[str, int]]]:
    """The whole database as SQL text (hashed), and every file under the world's folder."""
    dump = hashlib.sha256("\n".join(database.connection().iterdump()).encode()).hexdigest()
    files = sorted((str(p.relative_to(w.root)), p.stat().st_size) for p in w.root.rglob("*")
                   if p.is_file() and not p.name.endswith(("-wal", "-shm")))
    return dump, files


def last_entry_id() -> int:
    return AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).scalar() or 0


# --- the cases -----------------------------------------------------------------------------

Call = Callable[[object], object]


@dataclass(frozen=True)
class Case:
    name: str
    entry: Callable  # the function under test (the coverage test names it)
    permissions: tuple[Permission, ...]  # all needed, unless ``allowed`` says otherwise
    setup: Callable[[World], Call]
    actions: tuple[str, ...]  # the audit entries one successful call leaves, in order
    allowed: Callable[[frozenset[Permission]], bool] | None = None

    def allows(self, role: Role) -> bool:
        granted = MATRIX[role]
        if self.allowed is not None:
            return self.allowed(granted)
        return all(p in granted for p in self.permissions)


P = Permission


def _reprint_allowed(first: Permission) -> Callable[[frozenset[Permission]], bool]:
    return lambda granted: (P.ISSUE_DOCUMENT in granted or first in granted) and P.VIEW_PERSONAL_DATA in granted


def _register(w: World) -> Call:
    data = RequestInput(RequesterInput(name="Budi Santoso", nik="3171011203850002", phone="081398765432"),
                        information="Laporan keuangan 2025", purpose="Kajian", channel=Channel.WALK_IN)
    return lambda actor: requests.register_request(data, load_calendar(), actor, now=T0)


def _lapse(w: World) -> Call:
    row = w.request()
    requests.mark_incomplete(row.id, "Fotokopi KTP", OS, now=T0)
    return lambda actor: requests.lapse(row.id, actor, now=LATER)


def _complete(w: World) -> Call:
    row = w.request()
    requests.mark_incomplete(row.id, "Fotokopi KTP", OS, now=T0)
    return lambda actor: requests.complete(row.id, load_calendar(), actor, now=T1)


def _deliver(w: World) -> Call:
    row = w.decided()
    return lambda actor: requests.deliver(row.id, DeliveryForm.SOFTCOPY, actor, now=T1)


def _close(w: World) -> Call:
    row = w.decided()
    requests.deliver(row.id, DeliveryForm.SOFTCOPY, OS, now=T1)
    return lambda actor: requests.close(row.id, actor, now=T1)


def _reopen(w: World) -> Call:
    row = w.decided(Decision.REJECTED)
    return lambda actor: requests.reopen(row.id, "001/KEB/PPID/XI/2026", "Berikan salinan DPA", date(2026, 11, 20),
                                         load_calendar(), actor, now=DECIDED)


def _attach(w: World) -> Call:
    row = w.request()
    source = w.root / "ktp.jpg"
    source.write_bytes(b"\xff\xd8\xff" + b"KTP" * 100)
    return lambda actor: attachments.add_attachment(w.store.data_dir, row.id, source, "ktp", actor, now=T1)


def _register_objection(w: World) -> Call:
    row = w.decided(Decision.REJECTED)
    data = ObjectionInput(request_id=row.id, grounds=[Ground.REJECTED], case_summary="Penolakan tidak berdasar.")
    return lambda actor: objections.register_objection(data, load_calendar(), actor, now=FILED)


def _decide_objection(decision: ObjectionDecision) -> Callable[[World], Call]:
    def setup(w: World) -> Call:
        row = w.objection("forwarded")
        data = ObjectionDecisionInput(decision, "Pertimbangan Atasan PPID.", order_text="Berikan salinan DPA")
        return lambda actor: objections.decide(row.id, data, load_calendar(), actor, now=DECIDED)
    return setup


def _convert(w: World) -> Call:
    row = w.message(MessageKind.REQUEST)
    data = inbox.request_from_message(row.id)
    data.requester.nik = NIK
    data.purpose = "Penelitian"
    return lambda actor: inbox.convert_to_request(row.id, data, load_calendar(), actor, now=T1)


def _register_linked(w: World) -> Call:
    entry = w.entry()
    register = _register(w)
    return lambda actor: dip.register_linked(lambda: register(actor), entry.id, actor, now=T0)


def _link(w: World) -> Call:
    row, entry = w.request(), w.entry()
    return lambda actor: dip.link_request(row.id, entry.id, actor, now=T1)


def _unlink(w: World) -> Call:
    row, entry = w.request(), w.entry()
    dip.link_request(row.id, entry.id, OS, now=T1)
    return lambda actor: dip.unlink_request(row.id, "Salah pilih entri", actor, now=T1)


def _edit_entry(w: World) -> Call:
    entry = w.entry()
    data = dip.input_of(entry)
    data.summary = "Rencana Kerja Pemerintah Daerah (RKPD) Tahun 2027"
    return lambda actor: dip.edit_entry(entry.id, data, actor, "Judul diperjelas", now=T1)


def _reactivate(w: World) -> Call:
    entry = w.entry()
    dip.retire_entry(entry.id, "Diganti dokumen baru", OS, now=T1)
    return lambda actor: dip.reactivate_entry(entry.id, actor, now=T1)


def _import_register(w: World) -> Call:
    plan = register_importer.check_file(w.register_file())
    assert not plan.problems, plan.problems
    return lambda actor: register_importer.apply(plan, actor, now=T1)


def _import_dip(w: World) -> Call:
    plan = dip_importer.check_file(w.dip_file(), today=date(2026, 11, 20))
    assert not plan.problems, plan.problems
    return lambda actor: dip_importer.apply(plan, actor, now=T1)


def _document(kind: str, reprint: bool = False) -> Callable[[World], Call]:
    def setup(w: World) -> Call:
        row = w.decided() if kind == "notice" else w.request()
        if reprint:
            issuing.produce(row.number, kind, OS, now=T1)
        return lambda actor: issuing.produce(row.number, kind, actor, now=T1)
    return setup


def _objection_document(kind: str) -> Callable[[World], Call]:
    def setup(w: World) -> Call:
        row = w.objection("decided" if kind == "objection-response" else "registered")
        return lambda actor: objection_issuing.produce_objection(row.number, kind, actor, now=HANDED)
    return setup


def _with_data(w: World) -> None:
    w.request()
    w.objection("registered")


def _export(writer: Callable[..., int], name: str, **options) -> Callable[[World], Call]:
    def setup(w: World) -> Call:
        _with_data(w)
        return lambda actor: writer(w.out / name, actor=actor, **options)
    return setup


def _report(w: World) -> Call:
    _with_data(w)
    return lambda actor: periodic.build_report(Period.custom(date(2026, 11, 1), date(2026, 11, 30)),
                                               w.out / "laporan.xlsx", actor, now=LATER)


def _officer_then(step: Callable[[object], object]) -> Callable[[World], Call]:
    def setup(w: World) -> Call:
        accounts.add_officer("dewi", "Dewi Lestari", ["petugas"], PASSWORD, OS)
        return step
    return setup


def _activate(w: World) -> Call:
    accounts.add_officer("dewi", "Dewi Lestari", ["petugas"], PASSWORD, OS)
    accounts.deactivate("dewi", OS)
    return lambda actor: accounts.activate("dewi", actor)


CASES: list[Case] = [
    # requests
    Case("register_request", requests.register_request, (P.REGISTER_REQUEST,), _register, ("request.registered",)),
    Case("correct", requests.correct, (P.CORRECT_REQUEST,),
         lambda w: (lambda row: lambda actor: requests.correct(row.id, {"requester.phone": "081211112222"},
                                                               "Nomor salah tulis", actor, now=T1))(w.request()),
         ("request.corrected",)),
    Case("route", requests.route, (P.ROUTE,),
         lambda w: (lambda row, unit: lambda actor: requests.route(row.id, [unit], "Mohon disiapkan", actor,
                                                                   now=T1))(w.request(), w.unit()),
         ("request.routed",)),
    Case("mark_incomplete", requests.mark_incomplete, (P.MARK_INCOMPLETE,),
         lambda w: (lambda row: lambda actor: requests.mark_incomplete(row.id, "Fotokopi KTP", actor,
                                                                       now=T1))(w.request()),
         ("request.incomplete",)),
    Case("complete", requests.complete, (P.COMPLETE,), _complete, ("request.completed",)),
    Case("lapse", requests.lapse, (P.CLOSE,), _lapse, ("request.lapsed",)),
    Case("extend", requests.extend, (P.EXTEND,),
         lambda w: (lambda row: lambda actor: requests.extend(row.id, "Informasi tersebar di tiga bidang",
                                                              load_calendar(), actor, now=T1))(w.request()),
         ("request.extended",)),
    Case("decide", requests.decide, (P.DECIDE,),
         lambda w: (lambda row: lambda actor: requests.decide(row.id, DecisionInput(Decision.GRANTED_FULL), actor,
                                                              now=T1))(w.request()),
         ("request.decided",)),
    Case("deliver", requests.deliver, (P.DELIVER,), _deliver, ("request.delivered",)),
    Case("close", requests.close, (P.CLOSE,), _close, ("request.closed",)),
    Case("withdraw", requests.withdraw, (P.WITHDRAW,),
         lambda w: (lambda row: lambda actor: requests.withdraw(row.id, "Tidak jadi", actor, now=T1))(w.request()),
         ("request.withdrawn",)),
    Case("reopen", requests.reopen, (P.REOPEN,), _reopen, ("request.reopened",)),
    Case("add_attachment", attachments.add_attachment, (P.ATTACH,), _attach, ("request.attach",)),
    # objections
    Case("register_objection", objections.register_objection, (P.REGISTER_OBJECTION,), _register_objection,
         ("objection.registered",)),
    Case("forward_objection", objections.forward, (P.FORWARD_OBJECTION,),
         lambda w: (lambda row: lambda actor: objections.forward(row.id, "Lengkap", actor,
                                                                 now=FORWARDED))(w.objection()),
         ("objection.forwarded",)),
    Case("decide_objection_upheld", objections.decide, (P.DECIDE_OBJECTION,),
         _decide_objection(ObjectionDecision.UPHELD), ("objection.decided",)),
    Case("decide_objection_overturned", objections.decide, (P.DECIDE_OBJECTION, P.REOPEN),
         _decide_objection(ObjectionDecision.OVERTURNED), ("request.reopened", "objection.decided")),
    Case("hand_over_response", objections.hand_over_response, (P.HAND_OVER_RESPONSE,),
         lambda w: (lambda row: lambda actor: objections.hand_over_response(row.id, load_calendar(), actor,
                                                                            now=HANDED))(w.objection("decided")),
         ("objection.response_handed_over",)),
    Case("record_objector_response", objections.record_objector_response, (P.RECORD_DISPUTE,),
         lambda w: (lambda row: lambda actor: objections.record_objector_response(
             row.id, ObjectorResponse.ACCEPTS, actor, now=ANSWERED))(w.objection("handed")),
         ("objection.accepted",)),
    Case("record_dispute", objections.record_dispute, (P.RECORD_DISPUTE,),
         lambda w: (lambda row: lambda actor: objections.record_dispute(
             row.id, "001/REG-PSI/XI/2026", date(2026, 11, 24), actor, now=LATER))(w.objection("disputed")),
         ("objection.dispute_registered",)),
    Case("record_dispute_outcome", objections.record_dispute_outcome, (P.RECORD_DISPUTE,),
         lambda w: (lambda row: lambda actor: objections.record_dispute_outcome(
             row.id, "Mediasi berhasil", actor, now=LATER))(w.objection("dispute_registered")),
         ("objection.dispute_outcome",)),
    Case("close_objection", objections.close, (P.CLOSE,),
         lambda w: (lambda row: lambda actor: objections.close(row.id, actor, now=LATER))(w.objection("accepted")),
         ("objection.closed",)),
    Case("withdraw_objection", objections.withdraw, (P.WITHDRAW,),
         lambda w: (lambda row: lambda actor: objections.withdraw(row.id, "Sudah dijawab", actor,
                                                                  now=FORWARDED))(w.objection()),
         ("objection.withdrawn",)),
    # the inbox
    Case("record_message", inbox.record_message, (P.RECORD_MESSAGE,),
         lambda w: lambda actor: inbox.record_message(
             MessageInput(sender="Ani", contact="ani@example.id", channel=Channel.EMAIL, kind=MessageKind.COMPLAINT,
                          text="Jalan rusak"), load_calendar(), actor, now=T0),
         ("message.recorded",)),
    Case("review_message", inbox.review, (P.RECORD_MESSAGE,),
         lambda w: (lambda row: lambda actor: inbox.review(row.id, "Bidang Kependudukan", actor, now=T1))(w.message()),
         ("message.reviewed",)),
    Case("forward_message", inbox.forward, (P.RECORD_MESSAGE,),
         lambda w: (lambda row, unit: lambda actor: inbox.forward(row.id, unit, "Mohon dijawab", actor,
                                                                  now=T1))(w.message(), w.unit()),
         ("message.forwarded",)),
    Case("extend_message", inbox.extend, (P.RECORD_MESSAGE,),
         lambda w: (lambda row: lambda actor: inbox.extend(row.id, "Menunggu data", actor, now=T1))(w.message()),
         ("message.extended",)),
    Case("answer_message", inbox.answer, (P.ANSWER_MESSAGE,),
         lambda w: (lambda row: lambda actor: inbox.answer(row.id, "Setiap Selasa", actor, now=T1))(w.message()),
         ("message.answered",)),
    Case("convert_message", inbox.convert_to_request, (P.CONVERT_MESSAGE, P.REGISTER_REQUEST), _convert,
         ("request.registered", "message.converted")),
    # the DIP
    Case("add_dip_entry", dip.add_entry, (P.EDIT_DIP,),
         lambda w: lambda actor: dip.add_entry(DipInput(summary="Profil badan publik", holder_name="Bagian Umum"),
                                               actor, now=T0),
         ("dip_entry.added",)),
    Case("edit_dip_entry", dip.edit_entry, (P.EDIT_DIP,), _edit_entry, ("dip_entry.edited",)),
    Case("retire_dip_entry", dip.retire_entry, (P.EDIT_DIP,),
         lambda w: (lambda entry: lambda actor: dip.retire_entry(entry.id, "Diganti dokumen baru", actor,
                                                                 now=T1))(w.entry()),
         ("dip_entry.retired",)),
    Case("reactivate_dip_entry", dip.reactivate_entry, (P.EDIT_DIP,), _reactivate, ("dip_entry.reactivated",)),
    Case("link_request", dip.link_request, (P.LINK_DIP,), _link, ("request.dip_linked",)),
    Case("unlink_request", dip.unlink_request, (P.LINK_DIP,), _unlink, ("request.dip_unlinked",)),
    Case("register_linked", dip.register_linked, (P.REGISTER_REQUEST, P.LINK_DIP), _register_linked,
         ("request.registered", "request.dip_linked")),
    # bulk in
    Case("import_register", register_import_writing.apply, (P.IMPORT_REGISTER,), _import_register,
         ("register.import",)),
    Case("import_dip", dip_importer.apply, (P.IMPORT_DIP,), _import_dip, ("dip.import",)),
    Case("demo", register_demo.generate, (P.IMPORT_REGISTER,),
         lambda w: lambda actor: register_demo.generate(4, 1, 1, date(2026, 11, 20), actor=actor),
         ("demo.generate",)),
    Case("demo_messages", inbox_demo.generate_messages, (P.IMPORT_REGISTER,),
         lambda w: lambda actor: inbox_demo.generate_messages(3, 1, 1, date(2026, 11, 20), actor=actor),
         ("demo.messages",)),
    # the office
    Case("save_office", save_office, (P.EDIT_SETTINGS,),
         lambda w: lambda actor: save_office(load_office().with_changes(city="Kota Sukamaju"), actor=actor),
         ("office.save",)),
    Case("set_logo", set_logo, (P.EDIT_SETTINGS,), lambda w: (lambda path: lambda actor: set_logo(path, actor))(
        w.logo()), ("office.logo",)),
    Case("remove_logo", remove_logo, (P.EDIT_SETTINGS,),
         lambda w: (set_logo(w.logo(), OS), lambda actor: remove_logo(actor))[1], ("office.logo_remove",)),
    Case("add_unit", save_unit, (P.EDIT_UNITS,), lambda w: lambda actor: save_unit("Bidang Baru", "bidang",
                                                                                   actor=actor), ("unit.add",)),
    Case("edit_unit", save_unit, (P.EDIT_UNITS,),
         lambda w: (lambda unit: lambda actor: save_unit("Bidang Anggaran dan Aset", "bidang", unit_id=unit,
                                                         actor=actor))(w.unit()), ("unit.edit",)),
    Case("delete_unit", delete_unit, (P.EDIT_UNITS,),
         lambda w: (lambda unit: lambda actor: delete_unit(unit, actor=actor))(w.unit()), ("unit.delete",)),
    Case("add_override", add_override, (P.EDIT_CALENDAR,),
         lambda w: (w.request(), lambda actor: add_override(date(2026, 11, 5), "libur", "Rapat kerja",
                                                             actor=actor))[1], ("calendar.add",)),
    Case("remove_override", remove_override, (P.EDIT_CALENDAR,),
         lambda w: (add_override(date(2026, 11, 5), "libur", "Rapat kerja", actor=OS),
                    lambda actor: remove_override(date(2026, 11, 5), actor=actor))[1], ("calendar.remove",)),
    Case("save_service_hours", save_service_hours, (P.EDIT_CALENDAR,),
         lambda w: lambda actor: save_service_hours({d: DayHours(time(8), time(15, 30)) for d in range(5)}, actor),
         ("calendar.hours",)),
    Case("annual_texts", annual.save_texts, (P.MAKE_REPORT,),
         lambda w: lambda actor: annual.save_texts({"annual_policy": "Pelayanan satu pintu."}, actor=actor),
         ("report.annual_texts",)),
    # documents
    Case("issue_receipt", issuing.produce, (P.ISSUE_DOCUMENT, P.VIEW_PERSONAL_DATA), _document("receipt"),
         ("document.issue",)),
    Case("issue_notice", issuing.produce, (P.ISSUE_NOTICE, P.VIEW_PERSONAL_DATA), _document("notice"),
         ("document.issue",)),
    Case("reprint_notice", issuing.produce, (), _document("notice", reprint=True), ("document.reprint",),
         allowed=_reprint_allowed(P.ISSUE_NOTICE)),
    Case("issue_objection_receipt", objection_issuing.produce_objection, (P.ISSUE_DOCUMENT, P.VIEW_PERSONAL_DATA),
         _objection_document("objection-receipt"), ("document.issue",)),
    Case("issue_objection_response", objection_issuing.produce_objection, (P.ISSUE_NOTICE, P.VIEW_PERSONAL_DATA),
         _objection_document("objection-response"), ("document.issue",)),
    # exports
    Case("export_register", register_xlsx.export_register, (P.EXPORT_PERSONAL_DATA,),
         _export(register_xlsx.export_register, "register.xlsx"), ("export.personal_data",)),
    Case("export_register_public", register_xlsx.export_register, (P.EXPORT_REGISTER,),
         _export(register_xlsx.export_register, "register-publik.xlsx", public=True), ()),
    Case("export_objections", objections_xlsx.export_objections, (P.EXPORT_REGISTER,),
         _export(objections_xlsx.export_objections, "keberatan.xlsx"), ("export.personal_data",)),
    Case("export_dip", dip_xlsx.export_dip, (P.EXPORT_REGISTER,), _export(dip_xlsx.export_dip, "dip.xlsx"), ()),
    Case("build_report", periodic.build_report, (P.MAKE_REPORT,), _report, ("report.make",)),
    # backups (restoring: test_restore_is_admin_only_and_resets_the_audit_head below)
    Case("backup", make_backup, (P.BACKUP,), lambda w: lambda actor: make_backup(w.store, "manual", actor=actor), ()),
    Case("backup_to_dir", make_backup, (P.BACKUP,),
         lambda w: lambda actor: make_backup(w.store, "manual", to_dir=w.root / "usb", actor=actor),
         ("backup.copy",)),
    # accounts
    Case("add_officer", accounts.add_officer, (P.MANAGE_USERS,),
         lambda w: lambda actor: accounts.add_officer("dewi", "Dewi Lestari", ["petugas"], PASSWORD, actor),
         ("officer_add",)),
    Case("reset_password", accounts.reset_password, (P.MANAGE_USERS,),
         _officer_then(lambda actor: accounts.reset_password("dewi", "Sandi-Baru-0001", actor)),
         ("password_reset",)),
    Case("set_password_of_another", accounts.set_password, (P.MANAGE_USERS,),
         _officer_then(lambda actor: accounts.set_password("dewi", "Sandi-Baru-0001", actor)),
         ("password_reset",)),
    Case("set_roles", accounts.set_roles, (P.MANAGE_USERS,),
         _officer_then(lambda actor: accounts.set_roles("dewi", ["petugas", "ppid"], actor)), ("roles_change",)),
    Case("deactivate", accounts.deactivate, (P.MANAGE_USERS,),
         _officer_then(lambda actor: accounts.deactivate("dewi", actor)), ("officer_deactivate",)),
    Case("activate", accounts.activate, (P.MANAGE_USERS,), _activate, ("officer_activate",)),
]


def _refusal_is_indonesian(message: str) -> bool:
    return ("peran Anda:" in message and (message.startswith("Hanya ") or message.startswith("Dokumen memuat"))
            and "\n" not in message)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_role_may_do_exactly_what_the_matrix_grants(case, tmp_path):
    granting = [role for role in Role if case.allows(role)]
    assert granting, f"{case.name}: no role may do this"
    refused = [role for role in Role if role not in granting]
    with world(tmp_path / "ditolak") as w:
        call = case.setup(w)
        before = snapshot(w)
        for role in refused:
            with pytest.raises(PermissionDenied) as info:
                call(OFFICERS[role])
            assert _refusal_is_indonesian(info.value.message), info.value.message
            assert snapshot(w) == before, f"{case.name}: refused {role.value} changed something"
    for role in granting:
        officer = OFFICERS[role]
        with world(tmp_path / role.value) as w:
            call = case.setup(w)
            first = last_entry_id()
            call(officer)
            entries = list(AuditEntry.select().where(AuditEntry.id > first).order_by(AuditEntry.id))
            assert tuple(e.action for e in entries) == case.actions, role
            assert all((e.actor_name, e.actor_username) == (officer.name, officer.username) for e in entries)
            assert all(e.summary.endswith(".") and e.summary[:1].isupper() for e in entries)
            assert audit.verify().ok
            # the officer's display name is what the text columns hold, never the object's repr
            assert "Officer(" not in "\n".join(database.connection().iterdump())


# Public functions that take an actor but are not entry points of their own.
HELPERS = {
    "ppid_desk.workdays.calendar_changed",  # inside add_override, remove_override, save_office
    "ppid_desk.office.store_office",  # save_office's body; save_texts checks make_report first
    "ppid_desk.reports.issuing.issue_or_reprint",  # produce's and produce_objection's body
    "ppid_desk.reports.issuing.require_document",
    # require_document(reprint=True), the reprint case above; tested in test_audit_trail
    "ppid_desk.reports.issuing.stored_pdf",
    "ppid_desk.backup.restoring.prepare_restore",  # restore's first half (the test below)
    "ppid_desk.backup.restoring.restore",
}
MODULES = [requests, attachments, register_import_writing, register_demo, objections, inbox, inbox_demo, dip,
           dip_importer, office_module, units_module, workdays_module, backup_making, backup_restoring, accounts,
           issuing, objection_issuing, register_xlsx, objections_xlsx, dip_xlsx, periodic, annual]


def test_every_entry_point_that_takes_an_actor_has_a_case():
    covered = {f"{c.entry.__module__}.{c.entry.__name__}" for c in CASES}
    missing = []
    for module in MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = inspect.signature(function).parameters
            if "actor" not in parameters and "made_by" not in parameters:
                continue
            full = f"{module.__name__}.{name}"
            if full not in covered and full not in HELPERS:
                missing.append(full)
    assert missing == []


def test_the_operating_system_user_passes_every_check(tmp_path):
    """A plain str is the trusted command-line user (docs/decisions.md, issue 8)."""
    with world(tmp_path) as w:
        row = w.decided()
        requests.deliver(row.id, DeliveryForm.SOFTCOPY, "root", now=T1)
        assert AuditEntry.select().order_by(AuditEntry.id.desc()).first().actor_name == "root"


def test_a_refusal_names_who_may_and_the_officers_roles(tmp_path):
    with world(tmp_path) as w:
        row = w.request()
        with pytest.raises(PermissionDenied) as info:
            requests.decide(row.id, DecisionInput(Decision.GRANTED_FULL), OFFICERS[Role.PETUGAS], now=T1)
        assert info.value.message == "Hanya PPID yang dapat memutuskan permohonan; peran Anda: Petugas."
        assert info.value.permission is Permission.DECIDE


def test_restore_is_admin_only_and_resets_the_audit_head(tmp_path):
    with world(tmp_path) as w:
        w.request()
        backup = make_backup(w.store, "manual").path
        w.decided()  # entries after the backup: the restored log is shorter than the head
        data_dir = w.store.data_dir
        before = audit.read_head(data_dir / audit.HEAD_NAME)
        for role in Role:
            if P.RESTORE not in MATRIX[role]:
                with pytest.raises(PermissionDenied):
                    restore(w.store, backup, actor=OFFICERS[role])
        admin = OFFICERS[Role.ADMIN]
        restore(w.store, backup, actor=admin)  # closes the store
    assert (data_dir / audit.RESET_NAME).exists()
    with open_store(data_dir):
        assert not (data_dir / audit.RESET_NAME).exists()
        result = audit.verify()
        assert result.ok, result.line()
        reset = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
        assert reset.action == "audit_head_reset"
        assert (reset.actor_name, reset.actor_username) == (admin.name, admin.username)
        assert f"register dipulihkan dari cadangan {backup.name}" in reset.summary
        assert json.loads(reset.data)["previous_head_id"] == before.id
        assert audit.read_head(data_dir / audit.HEAD_NAME).id == reset.id
