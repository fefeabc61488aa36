"""The request register: intake, numbering, the state machine, deadlines, queries, search.

Dates are hand-checked against the real ``holidays`` data: November 2026 has no
holidays (2026-11-02 is a Monday), so from a Monday 2 November receipt the completeness
window ends Wednesday 4 November, the 10th working day is Monday 16 November and the
17th is Wednesday 25 November. 2026-12-24 is cuti bersama, 2026-12-25 Natal,
2027-01-01 Tahun Baru.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ppid_desk.calendar import OverrideKind
from ppid_desk.errors import ValidationError
from ppid_desk.office import OfficeSettings, load_office, save_office, validate_office
from ppid_desk.register import queries, service
from ppid_desk.register.codes import (
    ENDED_STATUSES, GRANTED, LABELS, OPEN_STATUSES, PASAL_17, Channel, Decision, DeliveryForm, EventKind,
    ObtainMethod, RequesterKind, Status,
)
from ppid_desk.register.lifecycle import FROM, Action, OrderAction, RequestState, available, refusal
from ppid_desk.register.numbering import (
    DEFAULT_REQUEST_PATTERN, format_number, next_sequence, raise_floor, sequence_of, validate_pattern,
)
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.store.models import Request, Requester, RequestUnit
from ppid_desk.store.backend import search_request_ids
from ppid_desk.units import save_unit
from ppid_desk.workdays import add_override, load_calendar, remove_override

D = date
MON = datetime(2026, 11, 2, 10, 0)  # Monday, within service hours
NEXT = datetime(2026, 11, 3, 10, 0)  # the steps that bring a request into a state
LATER = datetime(2026, 11, 5, 10, 0)  # after the completeness window, before the 10th day

NIK_SITI = "3201014506900001"  # Jawa Barat, woman born 5 June 1990
NIK_BUDI = "3171011203850002"  # DKI Jakarta, man born 12 March 1985


def person(**changes) -> RequesterInput:
    values = dict(name="Siti Anggraini", nik=NIK_SITI, address="Jl. Merdeka 1, Bandung",
                  occupation="Wiraswasta", phone="0812-3456-7890", email="siti@example.id")
    values.update(changes)
    return RequesterInput(**values)


def register(received: datetime = MON, who: RequesterInput | None = None, **changes) -> Request:
    data = RequestInput(requester=who or person(), information="Dokumen anggaran DPA Dinas Kesehatan 2026",
                        purpose="Penelitian skripsi", channel=Channel.WALK_IN, received_at=received)
    for key, value in changes.items():
        setattr(data, key, value)
    return service.register_request(data, load_calendar(), "petugas", now=max(received, MON))


def snapshot(request_id: int) -> tuple:
    """Everything a refused step must leave as it was."""
    row = Request.select().where(Request.id == request_id).dicts().get()
    person_row = Requester.select().where(Requester.id == row["requester"]).dicts().get()
    events = [(e.kind, e.data) for e in service.events_of(request_id)]
    units = sorted(r.unit_id for r in RequestUnit.select().where(RequestUnit.request == request_id))
    return row, person_row, events, units


def kinds(request_id: int) -> list[str]:
    return [e.kind for e in service.events_of(request_id)]


def refused(call, *args, field: str | None = None, match: str = "", **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    if field is not None:
        assert caught.value.field == field
    assert match in caught.value.message
    return caught.value


@pytest.fixture
def unit(store) -> int:
    return save_unit("Bidang Pengolahan Data dan Klasifikasi", "bidang").id


def bring_to(status: Status, unit_id: int, decision: Decision = Decision.GRANTED_FULL) -> Request:
    """A fresh request in ``status`` (steps taken on NEXT; VOID lapses on LATER)."""
    rid = register().id
    if status is Status.AWAITING_COMPLETENESS or status is Status.VOID:
        service.mark_incomplete(rid, "Fotokopi KTP", "petugas", NEXT)
        if status is Status.VOID:
            service.lapse(rid, "petugas", LATER)
    elif status is Status.ROUTED:
        service.route(rid, [unit_id], "Mohon disiapkan", "petugas", now=NEXT)
    elif status in (Status.DECIDED, Status.DELIVERED, Status.CLOSED):
        service.decide(rid, decision_for(decision), "ppid", NEXT)
        if status is not Status.DECIDED:
            service.deliver(rid, DeliveryForm.SOFTCOPY, "petugas", now=NEXT)
        if status is Status.CLOSED:
            service.close(rid, "petugas", NEXT)
    elif status is Status.WITHDRAWN:
        service.withdraw(rid, "Tidak diperlukan lagi", "petugas", NEXT)
    row = service.get_request(rid)
    assert row.status == status.value
    return row


def decision_for(decision: Decision) -> DecisionInput:
    if decision is Decision.REJECTED:
        return DecisionInput(decision, pasal17=["h"], consequence_test="Membuka data pribadi pasien.")
    if decision is Decision.GRANTED_PARTIAL:
        return DecisionInput(decision, note="NIK pegawai dihitamkan (Pasal 17 huruf h).")
    return DecisionInput(decision)


def take(action: Action, rid: int, unit_id: int, now: datetime = LATER) -> Request:
    """Take ``action`` with valid arguments."""
    cal = load_calendar()
    if action is Action.MARK_INCOMPLETE:
        return service.mark_incomplete(rid, "Fotokopi KTP", "petugas", now)
    if action is Action.COMPLETE:
        return service.complete(rid, cal, "petugas", now)
    if action is Action.LAPSE:
        return service.lapse(rid, "petugas", now)
    if action is Action.ROUTE:
        return service.route(rid, [unit_id], "Mohon disiapkan", "petugas", now=now)
    if action is Action.EXTEND:
        return service.extend(rid, "Dokumen tersebar di beberapa bidang", cal, "ppid", now=now)
    if action is Action.DECIDE:
        return service.decide(rid, DecisionInput(Decision.GRANTED_FULL), "ppid", now)
    if action is Action.DELIVER:
        return service.deliver(rid, DeliveryForm.SOFTCOPY, "petugas", now=now)
    if action is Action.CLOSE:
        return service.close(rid, "petugas", now)
    if action is Action.WITHDRAW:
        return service.withdraw(rid, "Tidak diperlukan lagi", "petugas", now)
    raise AssertionError(action)


RESULT = {
    Action.MARK_INCOMPLETE: (Status.AWAITING_COMPLETENESS, EventKind.INCOMPLETE),
    Action.COMPLETE: (Status.REGISTERED, EventKind.COMPLETED),
    Action.LAPSE: (Status.VOID, EventKind.LAPSED),
    Action.ROUTE: (Status.ROUTED, EventKind.ROUTED),
    Action.EXTEND: (None, EventKind.EXTENDED),  # status unchanged
    Action.DECIDE: (Status.DECIDED, EventKind.DECIDED),
    Action.DELIVER: (Status.DELIVERED, EventKind.DELIVERED),
    Action.CLOSE: (Status.CLOSED, EventKind.CLOSED),
    Action.WITHDRAW: (Status.WITHDRAWN, EventKind.WITHDRAWN),
}
LEGAL = [(a, s) for a in Action for s in FROM[a]]
ILLEGAL = [(a, s) for a in Action for s in Status if s not in FROM[a]]


# --------------------------------------------------------------------------- codes and the state machine
def test_every_code_has_an_indonesian_label_and_parses_back():
    for enum in (RequesterKind, Channel, ObtainMethod, Status, Decision, DeliveryForm, EventKind):
        for member in enum:
            assert (type(member), member.value) in LABELS and member.label
            assert enum.parse(member.label.upper()) is member
            assert enum.parse(member.value) is member
    assert Status.parse("menunggu kelengkapan") is Status.AWAITING_COMPLETENESS
    with pytest.raises(ValueError):
        Status.parse("entah")
    assert all(a.label for a in Action)
    assert sorted(PASAL_17) == list("abcdefghij")
    assert set(OPEN_STATUSES) | set(ENDED_STATUSES) | {Status.DECIDED, Status.DELIVERED} == set(Status)


def _state(status: Status, **changes) -> RequestState:
    values = dict(status=status, extended=False, decision=None, completeness_due=D(2026, 11, 4),
                  response_due=D(2026, 11, 16))
    if status in (Status.DECIDED, Status.DELIVERED, Status.CLOSED):
        values["decision"] = Decision.NOT_HELD
    values.update(changes)
    return RequestState(**values)


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("decision", [Decision.GRANTED_FULL, Decision.NOT_HELD])
def test_available_agrees_with_the_from_table(status, decision):
    today = D(2026, 11, 5)
    by_action = {a.action: a for a in available(_state(status, decision=decision), today)}
    assert list(by_action) == list(Action)
    for action, state in by_action.items():
        expected = status in FROM[action]
        if status is Status.DECIDED and action in (Action.DELIVER, Action.CLOSE):
            expected = (decision in GRANTED) == (action is Action.DELIVER)
        assert state.allowed == expected, (action, status)
        if status not in FROM[action]:
            assert state.reason == (f"Tidak dapat \u201c{action.label.lower()}\u201d: "
                                    f"status permohonan {status.label.lower()}.")


def test_refusal_rules_beyond_the_status():
    today = D(2026, 11, 5)
    assert refusal(_state(Status.ROUTED, extended=True), Action.EXTEND, today).startswith("Waktu sudah pernah")
    assert refusal(_state(Status.ROUTED), Action.EXTEND, D(2026, 11, 16)) is None
    assert "16-11-2026" in refusal(_state(Status.ROUTED), Action.EXTEND, D(2026, 11, 17))
    assert "belum lewat" in refusal(_state(Status.AWAITING_COMPLETENESS), Action.LAPSE, D(2026, 11, 4))
    assert refusal(_state(Status.AWAITING_COMPLETENESS), Action.LAPSE, today) is None
    for decision in Decision:
        deliver = refusal(_state(Status.DECIDED, decision=decision), Action.DELIVER, today)
        close = refusal(_state(Status.DECIDED, decision=decision), Action.CLOSE, today)
        assert (deliver is None) == (decision in GRANTED)
        assert (close is None) == (decision not in GRANTED)


@pytest.mark.parametrize(("action", "status"), LEGAL, ids=[f"{a.value}-{s.value}" for a, s in LEGAL])
def test_every_legal_transition(store, unit, action, status):
    decision = Decision.NOT_HELD if (action, status) == (Action.CLOSE, Status.DECIDED) else Decision.GRANTED_FULL
    before = bring_to(status, unit, decision)
    events_before = len(kinds(before.id))
    row = take(action, before.id, unit)
    new_status, event = RESULT[action]
    stored = service.get_request(before.id)
    assert stored.status == (new_status or status).value == row.status
    assert kinds(before.id)[events_before:] == [event.value]
    last = service.events_of(before.id)[-1]
    assert last.actor in ("petugas", "ppid") and last.at == LATER
    if new_status in ENDED_STATUSES:
        assert stored.closed_on == LATER.date()


@pytest.mark.parametrize(("action", "status"), ILLEGAL, ids=[f"{a.value}-{s.value}" for a, s in ILLEGAL])
def test_every_illegal_transition_is_refused_and_changes_nothing(store, unit, action, status):
    row = bring_to(status, unit)
    before = snapshot(row.id)
    error = refused(take, action, row.id, unit, field="status")
    assert error.message == (f"Tidak dapat \u201c{action.label.lower()}\u201d: "
                             f"status permohonan {status.label.lower()}.")
    assert snapshot(row.id) == before


# --------------------------------------------------------------------------- intake
def test_register_records_the_form_number_deadlines_and_event(store):
    row = register(proxy_name=" Ahmad  Kuasa ", proxy_letter="SKK-12/2026", channel=Channel.EMAIL,
                   obtain_method=ObtainMethod.HARDCOPY)
    row = service.get_request(row.id)
    assert row.number == "001/PPID/XI/2026" and (row.year, row.seq) == (2026, 1)
    assert row.status == Status.REGISTERED.value and row.extended is False
    assert (row.effective_day, row.completeness_due, row.response_due, row.extended_due) == (
        D(2026, 11, 2), D(2026, 11, 4), D(2026, 11, 16), D(2026, 11, 25))
    assert (row.channel, row.obtain_method, row.proxy_name) == ("email", "salinan_hardcopy", "Ahmad Kuasa")
    assert row.requester.nik == NIK_SITI and row.created_by == "petugas"
    [event] = service.events_of(row.id)
    assert event.kind == EventKind.REGISTERED.value
    assert service.event_data(event) == {"number": "001/PPID/XI/2026", "received_at": "2026-11-02 10:00:00",
                                         "effective_day": "2026-11-02", "response_due": "2026-11-16"}
    assert service.find_by_number(" 001/PPID/XI/2026 ").id == row.id
    refused(service.find_by_number, "999/PPID/XI/2026", match="Tidak ada permohonan bernomor")
    refused(service.get_request, 12345, match="tidak ditemukan")


def test_register_normalises_nik_and_stores_null_for_no_nik(store):
    row = register(who=person(nik="3201 0145.0690-0001"))
    assert row.requester.nik == NIK_SITI
    body = register(who=person(kind=RequesterKind.LEGAL_BODY, name="Yayasan Lentera", nik="",
                               legal_number="AHU-0012345.AH.01.04.2020"))
    assert Requester.get_by_id(body.requester.id).nik is None


@pytest.mark.parametrize(("deadline_case", "received", "effective", "due"), [
    ("saturday", datetime(2026, 11, 7, 10, 0), D(2026, 11, 9), D(2026, 11, 23)),
    ("sunday night", datetime(2026, 11, 8, 23, 0), D(2026, 11, 9), D(2026, 11, 23)),
    ("friday after closing", datetime(2026, 11, 6, 14, 0), D(2026, 11, 9), D(2026, 11, 23)),
    ("monday before opening", datetime(2026, 11, 2, 7, 0), D(2026, 11, 2), D(2026, 11, 16)),
    ("monday during the break", datetime(2026, 11, 2, 12, 30), D(2026, 11, 2), D(2026, 11, 16)),
    ("before natal", datetime(2026, 12, 23, 15, 0), D(2026, 12, 28), D(2027, 1, 13)),
])
def test_received_on_a_day_off_or_after_hours(store, deadline_case, received, effective, due):
    row = register(received)
    assert (row.effective_day, row.response_due) == (effective, due)
    assert row.received_at == received


@pytest.mark.parametrize(("changes", "field", "message"), [
    (dict(name="  "), "name", "Nama pemohon wajib diisi."),
    (dict(name="x" * 201), "name", "Nama terlalu panjang"),
    (dict(nik=""), "nik", "NIK wajib diisi untuk pemohon perorangan."),
    (dict(nik="3201014506900000"), "nik", "NIK tidak sah: nomor urut 0000."),
    (dict(kind="perorangan", nik=""), "nik", "NIK wajib diisi"),  # a plain string code
    (dict(kind=RequesterKind.GROUP, nik="1234"), "nik", "harus 16 angka"),
    (dict(kind=RequesterKind.LEGAL_BODY, nik="", legal_number=" "), "legal_number", "badan hukum"),
    (dict(phone="0812"), "phone", "Nomor telepon tidak sah"),
    (dict(phone="------"), "phone", "Nomor telepon tidak sah"),
    (dict(phone="+62"), "phone", "Nomor telepon tidak sah"),
    (dict(phone="0812 3456 7890 1234 5"), "phone", "Nomor telepon tidak sah"),
    (dict(phone="nomor saya 0812345678"), "phone", "Nomor telepon tidak sah"),
    (dict(email="siti@"), "email", "Alamat email tidak sah."),
    (dict(phone="", email="", address=" "), "phone", "paling sedikit satu kontak"),
])
def test_requester_problems(store, changes, field, message):
    problems = service.requester_problems(person(**changes), D(2026, 11, 2))
    assert field in problems and message in problems[field], problems


@pytest.mark.parametrize("phone", [
    "0812-3456-7890", "+62 812 3456 7890", "+62-812-3456-7890", "(031) 829 2525", "08123456", "62812345678901",
    "021 3456 789",
])
def test_sensible_phone_numbers_are_accepted(store, phone):
    assert service.requester_problems(person(phone=phone), D(2026, 11, 2)) == {}


def test_other_kinds_of_requester_are_accepted(store):
    group = person(kind=RequesterKind.GROUP, name="Forum Warga RW 05", nik="", phone="", email="")
    body = person(kind="badan_hukum", name="PT Maju", nik="", legal_number="AHU-1", phone="", email="x@y.id")
    assert service.requester_problems(group) == {} and service.requester_problems(body) == {}


def test_request_problems_and_refused_registration_leaves_nothing(store):
    data = RequestInput(requester=person(name=""), information=" ", purpose="", proxy_name="Ahmad",
                        received_at=datetime(2026, 11, 3, 9, 0))
    problems = service.request_problems(data, MON)
    assert set(problems) == {"name", "information", "purpose", "received_at", "proxy_letter"}
    assert problems["received_at"] == "Waktu diterima tidak boleh di masa depan."
    refused(service.register_request, data, load_calendar(), "petugas", now=MON, field="name")
    assert Request.select().count() == 0 and Requester.select().count() == 0
    assert register().number == "001/PPID/XI/2026"  # the refusal took no number


def test_returning_requester_is_reused(store):
    first = register()
    again = register(who=RequesterInput(), requester_id=first.requester.id)
    assert again.requester.id == first.requester.id and Requester.select().count() == 1
    assert queries.find_requesters("siti")[0].requests == 2
    refused(register, who=RequesterInput(), requester_id=999, match="Pemohon yang dipilih tidak ditemukan")
    assert Request.select().count() == 2


# --------------------------------------------------------------------------- numbering
def test_default_pattern_and_sequence(store):
    assert DEFAULT_REQUEST_PATTERN == "{seq:03d}/PPID/{roman_month}/{year}"
    assert format_number(DEFAULT_REQUEST_PATTERN, 1, D(2026, 11, 2)) == "001/PPID/XI/2026"
    assert format_number(DEFAULT_REQUEST_PATTERN, 1234, D(2026, 4, 2)) == "1234/PPID/IV/2026"
    numbers = [register(datetime(2026, 11, 2, 9 + i, 0)).number for i in range(3)]
    assert numbers == ["001/PPID/XI/2026", "002/PPID/XI/2026", "003/PPID/XI/2026"]


def test_sequence_resets_on_the_first_of_january(store):
    assert register(datetime(2026, 12, 30, 10, 0)).number == "001/PPID/XII/2026"
    assert register(datetime(2026, 12, 31, 10, 0)).number == "002/PPID/XII/2026"
    # Received on New Year's day (a holiday): numbered in the year received, counted from 4 Jan.
    new_year = service.register_request(
        RequestInput(person(), "Data stunting", "Kajian", received_at=datetime(2027, 1, 1, 8, 0)),
        load_calendar(), "petugas", now=datetime(2027, 1, 1, 8, 0))
    assert new_year.number == "001/PPID/I/2027" and new_year.effective_day == D(2027, 1, 4)
    assert (new_year.year, new_year.seq) == (2027, 1)


def test_numbers_are_never_reused_after_withdraw_or_void(store):
    first = register()
    service.withdraw(first.id, "", "petugas", NEXT)
    second = register()
    service.mark_incomplete(second.id, "KTP", "petugas", NEXT)
    service.lapse(second.id, "petugas", LATER)
    assert register().number == "003/PPID/XI/2026"
    assert service.get_request(first.id).number == "001/PPID/XI/2026"


def test_numbering_respects_imported_numbers(store):
    # An imported record with its sequence known: the register's own maximum is the floor.
    old = register()
    Request.update(seq=41, number="041/PPID/X/2026", imported=True).where(Request.id == old.id).execute()
    assert register().number == "042/PPID/XI/2026"
    # Imported without a sequence: recover it from the number and raise the counter's floor.
    assert sequence_of(DEFAULT_REQUEST_PATTERN, "077/PPID/X/2026", 2026) == 77
    assert sequence_of(DEFAULT_REQUEST_PATTERN, " 7/PPID/XII/2026 ", 2026) == 7
    assert sequence_of(DEFAULT_REQUEST_PATTERN, "077/PPID/X/2025", 2026) is None
    assert sequence_of(DEFAULT_REQUEST_PATTERN, "077/PPID/XIII/2026", 2026) is None
    assert sequence_of(DEFAULT_REQUEST_PATTERN, "surat 77", 2026) is None
    assert sequence_of("PPID-{year}-{month}-{seq:04d}", "PPID-2026-03-0012", 2026) == 12
    raise_floor(service.SERIES, 2026, 77)
    raise_floor(service.SERIES, 2026, 50)  # never lowers
    assert register().number == "078/PPID/XI/2026"
    raise_floor(service.SERIES, 2027, 5)  # a year without a counter yet
    assert next_sequence(service.SERIES, 2027) == 6
    assert next_sequence(service.SERIES, 2027, floor=10) == 11
    assert next_sequence(service.SERIES, 2028, floor=3) == 4


def test_pattern_setting(store):
    office = OfficeSettings(agency_name="Dinas Kominfo", city="Wates")
    saved = save_office(office.with_changes(request_number_pattern=" PPID-{year}-{seq:04d} "))
    assert saved.request_number_pattern == "PPID-{year}-{seq:04d}"
    assert register().number == "PPID-2026-0001"
    assert validate_office(office.with_changes(request_number_pattern="")).request_number_pattern == \
        DEFAULT_REQUEST_PATTERN
    assert validate_pattern("{day}.{month}/{seq}/{year}") == "{day}.{month}/{seq}/{year}"


@pytest.mark.parametrize(("pattern", "message"), [
    ("{seq:03d/PPID/{year}", "kurung kurawal"),
    ("{seq:03d}/PPID/{year", "kurung kurawal"),
    ("PPID/{roman_month}/{year}", "harus memuat {seq}"),
    ("{seq:03d}/{nomor}/{year}", "token tak dikenal: nomor"),
    ("{seq:03d}/{0}/{year}", "token tak dikenal"),
    ("{seq:03d}/{}/{year}", "token tak dikenal"),
    ("{seq.real}/{year}", "token tak dikenal"),
    ("{seq:03d}/{month:03d}/{year}", "Pola nomor tidak sah."),
    ("{seq:q}/{year}", "harus bilangan bulat"),
    ("{seq:.2f}/{year}", "harus bilangan bulat"),
    ("{seq}/{seq}/{year}", "satu kali"),
    ("{seq:03d}/PPID/{roman_month}", "harus memuat {year}"),  # would repeat numbers after 1 January
])
def test_invalid_patterns_are_refused(store, pattern, message):
    office = OfficeSettings(agency_name="Dinas Kominfo", city="Wates", request_number_pattern=pattern)
    error = refused(validate_office, office, field="pattern")
    assert message in error.message
    assert load_office().request_number_pattern == DEFAULT_REQUEST_PATTERN


# --------------------------------------------------------------------------- steps
def test_mark_incomplete_complete_restarts_the_ten_days(store):
    row = register()
    refused(service.mark_incomplete, row.id, " ", "petugas", NEXT, field="missing")
    service.mark_incomplete(row.id, " Fotokopi   KTP ", "petugas", NEXT)
    assert service.event_data(service.events_of(row.id)[-1]) == {"missing": "Fotokopi KTP", "due": "2026-11-04"}
    assert [r.id for r in queries.awaiting_completeness()] == [row.id]
    # Completed on Wednesday after closing time: day 0 is Thursday 5 November.
    done = service.complete(row.id, load_calendar(), "petugas", datetime(2026, 11, 4, 15, 0))
    stored = service.get_request(row.id)
    assert stored.status == Status.REGISTERED.value == done.status
    assert (stored.effective_day, stored.response_due, stored.extended_due) == (
        D(2026, 11, 5), D(2026, 11, 19), D(2026, 11, 30))
    assert stored.completeness_due == D(2026, 11, 9)  # a fresh window counted from the new day 0
    assert service.event_data(service.events_of(row.id)[-1]) == {"effective_day": "2026-11-05",
                                                                 "response_due": "2026-11-19"}
    assert queries.awaiting_completeness() == []
    # A second "incomplete" after completion does not lapse at once.
    service.mark_incomplete(row.id, "Surat kuasa", "petugas", datetime(2026, 11, 6, 9, 0))
    refused(service.lapse, row.id, "petugas", datetime(2026, 11, 9, 9, 0), match="belum lewat (09-11-2026)")
    assert service.lapse(row.id, "petugas", datetime(2026, 11, 10, 9, 0)).status == Status.VOID.value


def test_lapse_only_after_the_completeness_window(store):
    row = register()
    service.mark_incomplete(row.id, "KTP", "petugas", MON)
    before = snapshot(row.id)
    refused(service.lapse, row.id, "petugas", datetime(2026, 11, 4, 16, 0), field="status",
            match="Batas melengkapi persyaratan belum lewat (04-11-2026)")
    assert snapshot(row.id) == before
    service.lapse(row.id, "petugas", datetime(2026, 11, 5, 8, 0))
    stored = service.get_request(row.id)
    assert (stored.status, stored.closed_on) == (Status.VOID.value, D(2026, 11, 5))
    assert service.event_data(service.events_of(row.id)[-1]) == {"completeness_due": "2026-11-04"}


def test_completeness_window_follows_the_setting(store):
    save_office(load_office().with_changes(completeness_days=3), require_identity=False)
    row = register()
    assert row.completeness_due == D(2026, 11, 5)


def test_route(store, unit):
    other = save_unit("SKPD Dinas Kesehatan", "skpd").id
    off = save_unit("Bidang Lama", "bidang", active=False).id
    row = register()
    refused(service.route, row.id, [], "", "petugas", now=NEXT, field="units")
    refused(service.route, row.id, [unit, 999], "", "petugas", now=NEXT, field="units", match="tidak ditemukan")
    refused(service.route, row.id, [off], "", "petugas", now=NEXT, field="units", match="tidak aktif")
    refused(service.route, row.id, [unit], "", "petugas", internal_due=D(2026, 11, 17), now=NEXT,
            field="internal_due")
    assert snapshot(row.id)[3] == [] and kinds(row.id) == ["didaftarkan"]
    service.route(row.id, [unit, unit], " Segera ", "petugas", internal_due=D(2026, 11, 10), now=NEXT)
    stored = service.get_request(row.id)
    assert (stored.status, stored.internal_due) == (Status.ROUTED.value, D(2026, 11, 10))
    assert snapshot(row.id)[3] == [unit]
    data = service.event_data(service.events_of(row.id)[-1])
    assert data == {"units": ["Bidang Pengolahan Data dan Klasifikasi"], "note": "Segera",
                    "internal_due": "2026-11-10"}
    # Routing again adds the new unit only; the internal deadline stays.
    service.route(row.id, [other, unit], "", "petugas", now=LATER)
    assert snapshot(row.id)[3] == sorted([unit, other])
    assert service.get_request(row.id).internal_due == D(2026, 11, 10)


def test_register_with_units_is_routed(store, unit):
    row = register(units=[unit])
    assert row.status == Status.ROUTED.value
    assert kinds(row.id) == ["didaftarkan", "didisposisi"]


def test_extension_once_at_most_seven_days_with_reason(store):
    cal = load_calendar()
    row = register()
    before = snapshot(row.id)
    refused(service.extend, row.id, "  ", cal, "ppid", now=NEXT, field="reason")
    refused(service.extend, row.id, "Banyak dokumen", cal, "ppid", days=8, now=NEXT, field="days")
    refused(service.extend, row.id, "Banyak dokumen", cal, "ppid", days=0, now=NEXT, field="days")
    refused(service.extend, row.id, "Banyak dokumen", cal, "ppid", now=datetime(2026, 11, 17, 8, 0),
            field="status", match="paling lambat 16-11-2026 (hari kerja ke-10)")
    assert snapshot(row.id) == before
    service.extend(row.id, " Banyak   dokumen ", cal, "ppid", now=datetime(2026, 11, 16, 13, 0))
    stored = service.get_request(row.id)
    assert stored.extended is True and stored.extended_due == D(2026, 11, 25)
    assert service.event_data(service.events_of(row.id)[-1]) == {"reason": "Banyak dokumen", "days": 7,
                                                                 "new_due": "2026-11-25"}
    before = snapshot(row.id)
    refused(service.extend, row.id, "Lagi", cal, "ppid", now=datetime(2026, 11, 16, 13, 30), field="status",
            match="Waktu sudah pernah diperpanjang")
    assert snapshot(row.id) == before


def test_shorter_extension(store):
    row = register()
    service.extend(row.id, "Menunggu unit", load_calendar(), "ppid", days=3, now=NEXT)
    assert service.get_request(row.id).extended_due == D(2026, 11, 19)


GOOD_REJECTION = dict(pasal17=["h"], consequence_test="Membuka rekam medis melanggar rahasia pribadi.")


@pytest.mark.parametrize(("data", "field", "message"), [
    (DecisionInput(Decision.REJECTED, consequence_test="Merugikan."), "pasal17", "Pasal 17 UU KIP"),
    (DecisionInput(Decision.REJECTED, pasal17=[" ", ""], consequence_test="Merugikan."), "pasal17", "Pasal 17"),
    (DecisionInput(Decision.REJECTED, pasal17=["h"]), "consequence_test", "uji konsekuensi"),
    (DecisionInput(Decision.REJECTED, pasal17=["h"], consequence_test="  "), "consequence_test", "konsekuensi"),
    (DecisionInput(Decision.REJECTED, pasal17=["k"], consequence_test="Merugikan."), "pasal17", "a sampai j"),
    (DecisionInput(Decision.GRANTED_PARTIAL), "note", "dihitamkan"),
    (DecisionInput(Decision.GRANTED_FULL, pasal17=["17a"]), "pasal17", "a sampai j"),
    (DecisionInput("ditolak", consequence_test="Merugikan."), "pasal17", "Pasal 17"),  # a plain string code
    (DecisionInput("dikabulkan_sebagian"), "note", "dihitamkan"),
])
def test_decision_validation(store, data, field, message):
    row = register()
    before = snapshot(row.id)
    refused(service.decide, row.id, data, "ppid", NEXT, field=field, match=message)
    assert snapshot(row.id) == before


def test_decisions_are_recorded(store):
    rejected = service.decide(register().id, DecisionInput(
        Decision.REJECTED, pasal17=["H", " c ", "h"], consequence_test=" Membahayakan. "), "ppid", NEXT)
    stored = service.get_request(rejected.id)
    assert (stored.status, stored.decision, stored.pasal17) == ("diputuskan", "ditolak", "c,h")
    assert (stored.consequence_test, stored.notice_date) == ("Membahayakan.", D(2026, 11, 3))
    other_law = service.decide(register().id, DecisionInput(
        Decision.REJECTED, other_statute="UU 27/2022 tentang Pelindungan Data Pribadi",
        consequence_test="Data pribadi.", notice_date=D(2026, 11, 2)), "ppid", NEXT)
    assert (other_law.pasal17, other_law.notice_date) == ("", D(2026, 11, 2))
    partial = service.decide(register().id, DecisionInput("dikabulkan_sebagian", note="NIK dihitamkan"), "ppid",
                             NEXT)
    assert service.get_request(partial.id).decision == Decision.GRANTED_PARTIAL.value
    not_held = service.decide(register().id, DecisionInput(Decision.NOT_HELD, holder_body=" BPS  Provinsi "),
                              "ppid", NEXT)
    assert service.get_request(not_held.id).holder_body == "BPS Provinsi"
    assert service.event_data(service.events_of(not_held.id)[-1])["decision"] == "belum_dikuasai"


def test_deliver_only_granted_and_checks_amounts(store, unit):
    rejected = bring_to(Status.DECIDED, unit, Decision.REJECTED)
    before = snapshot(rejected.id)
    refused(service.deliver, rejected.id, DeliveryForm.SOFTCOPY, "petugas", now=LATER, field="status",
            match="Hanya permohonan yang dikabulkan")
    assert snapshot(rejected.id) == before
    granted = bring_to(Status.DECIDED, unit, Decision.GRANTED_PARTIAL)
    before = snapshot(granted.id)
    refused(service.deliver, granted.id, "hardcopy", "petugas", pages=-1, now=LATER, field="cost")
    refused(service.deliver, granted.id, "hardcopy", "petugas", pages=None, cost=-500, now=LATER, field="cost")
    refused(service.deliver, granted.id, "hardcopy", "petugas", pages=10, cost=5000, now=LATER,
            field="payment_method")
    assert snapshot(granted.id) == before
    assert service.deliver(bring_to(Status.DECIDED, unit).id, DeliveryForm.INSPECTION, "petugas", cost=None,
                           now=LATER).cost == 0
    service.deliver(granted.id, "hardcopy", "petugas", pages=10, cost=5000, payment_method=" Tunai ",
                    delivered_on=D(2026, 11, 4), now=LATER)
    stored = service.get_request(granted.id)
    assert (stored.status, stored.delivery_form, stored.pages, stored.cost, stored.payment_method) == (
        "diserahkan", "hardcopy", 10, 5000, "Tunai")
    assert stored.delivered_on == D(2026, 11, 4)
    assert service.event_data(service.events_of(granted.id)[-1]) == {
        "form": "hardcopy", "pages": 10, "cost": 5000, "payment_method": "Tunai", "delivered_on": "2026-11-04"}


def test_close_rules(store, unit):
    granted = bring_to(Status.DECIDED, unit)
    before = snapshot(granted.id)
    refused(service.close, granted.id, "petugas", LATER, field="status", match="Serahkan informasinya dulu")
    assert snapshot(granted.id) == before
    for decision in (Decision.REJECTED, Decision.NOT_HELD, Decision.NOT_DOCUMENTED):
        row = bring_to(Status.DECIDED, unit, decision)
        assert service.close(row.id, "petugas", LATER).status == Status.CLOSED.value
    delivered = bring_to(Status.DELIVERED, unit)
    service.close(delivered.id, "petugas", LATER)
    assert service.get_request(delivered.id).closed_on == LATER.date()
    refused(service.close, delivered.id, "petugas", LATER, field="status")


@pytest.mark.parametrize("status", [Status.REGISTERED, Status.AWAITING_COMPLETENESS, Status.ROUTED])
def test_withdraw_from_each_open_state(store, unit, status):
    row = bring_to(status, unit)
    service.withdraw(row.id, " Sudah   didapat ", "petugas", LATER)
    stored = service.get_request(row.id)
    assert (stored.status, stored.closed_on) == (Status.WITHDRAWN.value, LATER.date())
    assert service.event_data(service.events_of(row.id)[-1]) == {"reason": "Sudah didapat"}
    assert row.id not in [r.id for r in queries.overdue(D(2027, 1, 1))]


# --------------------------------------------------------------------------- corrections
def test_correction_keeps_before_and_after(store):
    row = register()
    service.correct(row.id, {"requester.nik": "3201 0145 0690 0002", "information": "Dokumen DPA 2025",
                             "obtain_method": "Melihat", "requester.name": " Siti  Aminah "},
                    " Salah   ketik ", "petugas", now=NEXT)
    stored = service.get_request(row.id)
    assert stored.requester.nik == "3201014506900002" and stored.requester.name == "Siti Aminah"
    assert (stored.information, stored.obtain_method) == ("Dokumen DPA 2025", "melihat")
    event = service.events_of(row.id)[-1]
    assert (event.kind, event.actor, event.at) == (EventKind.CORRECTED.value, "petugas", NEXT)
    assert service.event_data(event) == {
        "reason": "Salah ketik",
        "before": {"requester.nik": NIK_SITI, "information": "Dokumen anggaran DPA Dinas Kesehatan 2026",
                   "obtain_method": "salinan_softcopy", "requester.name": "Siti Anggraini"},
        "after": {"requester.nik": "3201014506900002", "information": "Dokumen DPA 2025",
                  "obtain_method": "melihat", "requester.name": "Siti Aminah"},
    }


@pytest.mark.parametrize(("changes", "reason", "field", "message"), [
    ({"requester.nik": "3201014506900000"}, "Salah", "requester.nik", "nomor urut 0000"),
    ({"requester.nik": "99010145069"}, "Salah", "requester.nik", "harus 16 angka"),
    ({"requester.nik": ""}, "Salah", "requester.nik", "NIK wajib diisi"),
    ({"requester.phone": "", "requester.email": "", "requester.address": ""}, "Salah", "requester.phone",
     "kontak"),
    ({"requester.name": " "}, "Salah", "requester.name", "Nama pemohon wajib"),
    ({"information": "  "}, "Salah", "information", "wajib diisi"),
    ({"purpose": ""}, "Salah", "purpose", "wajib diisi"),
    ({"obtain_method": "teleportasi"}, "Salah", "obtain_method", ""),
    ({"delivery_method": "merpati"}, "Salah", "delivery_method", ""),
    ({"status": "selesai"}, "Salah", None, "tidak dapat dikoreksi: status"),
    ({"requester.kind": "kelompok"}, "Salah", None, "tidak dapat dikoreksi"),
    ({"information": "Lain"}, "  ", "reason", "Alasan koreksi wajib diisi."),
])
def test_refused_corrections_change_nothing(store, changes, reason, field, message):
    row = register()
    before = snapshot(row.id)
    refused(service.correct, row.id, changes, reason, "petugas", now=NEXT, field=field, match=message)
    assert snapshot(row.id) == before


def test_proxy_corrections(store):
    row = register()
    refused(service.correct, row.id, {"proxy_name": "Ahmad"}, "Lupa dicatat", "petugas", now=NEXT,
            field="proxy_letter")
    service.correct(row.id, {"proxy_name": " Ahmad  Fauzi ", "proxy_letter": " SKK 12/2026 "}, "Lupa dicatat",
                    "petugas", now=NEXT)
    stored = service.get_request(row.id)
    assert (stored.proxy_name, stored.proxy_letter) == ("Ahmad Fauzi", "SKK 12/2026")
    service.correct(row.id, {"delivery_method": "Email", "requester.phone": " +62 812 1111 2222 "}, "Ganti",
                    "petugas", now=NEXT)
    stored = service.get_request(row.id)
    assert (stored.delivery_method, stored.requester.phone) == ("email", "+62 812 1111 2222")


def test_removing_a_legal_body_nik_stores_null(store):
    row = register(who=person(kind=RequesterKind.LEGAL_BODY, name="PT Maju", legal_number="AHU-1"))
    service.correct(row.id, {"requester.nik": " "}, "NIK pengurus tidak perlu", "petugas", now=NEXT)
    assert Requester.get_by_id(row.requester.id).nik is None
    assert service.event_data(service.events_of(row.id)[-1])["after"] == {"requester.nik": None}
    assert search_request_ids(store.db, "320101") == []


# --------------------------------------------------------------------------- deadlines follow the calendar
def _recomputed(request_id: int) -> list[dict]:
    return [service.event_data(e) for e in service.events_of(request_id)
            if e.kind == EventKind.DEADLINES_RECOMPUTED.value]


def test_deadlines_follow_an_added_and_removed_closure(store, unit):
    open_row = register()
    extended = register()
    service.extend(extended.id, "Banyak dokumen", load_calendar(), "ppid", days=3, now=NEXT)
    decided = bring_to(Status.DECIDED, unit)
    decided_before = snapshot(decided.id)
    untouched = register(datetime(2026, 11, 20, 10, 0))  # after the closure: nothing moves

    add_override(D(2026, 11, 10), OverrideKind.CLOSED, "Rapat kerja daerah", actor="admin")
    row = service.get_request(open_row.id)
    assert (row.completeness_due, row.response_due, row.extended_due) == (
        D(2026, 11, 4), D(2026, 11, 17), D(2026, 11, 26))
    [event] = [e for e in service.events_of(open_row.id) if e.kind == EventKind.DEADLINES_RECOMPUTED.value]
    assert event.actor == "admin"
    assert service.event_data(event) == {
        "reason": "Kalender kantor: 10-11-2026 libur (Rapat kerja daerah)",
        "before": {"completeness_due": "2026-11-04", "response_due": "2026-11-16", "extended_due": "2026-11-25"},
        "after": {"completeness_due": "2026-11-04", "response_due": "2026-11-17", "extended_due": "2026-11-26"},
    }
    assert service.get_request(extended.id).extended_due == D(2026, 11, 20)  # 13th working day, keeps 3
    assert snapshot(decided.id) == decided_before
    assert _recomputed(untouched.id) == []
    assert [r.id for r in queries.due_today(D(2026, 11, 16))] == []

    remove_override(D(2026, 11, 10), actor="admin")
    row = service.get_request(open_row.id)
    assert (row.response_due, row.extended_due) == (D(2026, 11, 16), D(2026, 11, 25))
    assert _recomputed(open_row.id)[-1]["after"]["response_due"] == "2026-11-16"
    assert service.get_request(extended.id).extended_due == D(2026, 11, 19)
    assert snapshot(decided.id) == decided_before


def test_worked_day_and_cuti_bersama_setting(store):
    row = register(datetime(2026, 12, 21, 10, 0))  # Monday; 24 Dec cuti bersama, 25 Dec Natal
    # 22 23 | 24 25 off | 28 29 30 31 | 1 Jan off | 4 | 5 Isra Mikraj off | 6 7 8
    assert row.response_due == D(2027, 1, 8)
    add_override(D(2026, 12, 26), OverrideKind.WORKED, "Pelayanan Sabtu")
    assert service.get_request(row.id).response_due == D(2027, 1, 7)
    before = service.get_request(row.id).response_due
    save_office(load_office().with_changes(cuti_bersama_off=False), require_identity=False)
    assert service.get_request(row.id).response_due == D(2027, 1, 6) < before
    assert _recomputed(row.id)[-1]["reason"] == "Pengaturan cuti bersama / batas kelengkapan diubah"


def test_completeness_setting_moves_waiting_requests(store):
    row = register()
    service.mark_incomplete(row.id, "KTP", "petugas", NEXT)
    save_office(load_office().with_changes(completeness_days=3), require_identity=False)
    assert service.get_request(row.id).completeness_due == D(2026, 11, 5)


def test_a_completed_request_is_not_disturbed_by_unrelated_calendar_changes(store):
    row = register()
    service.mark_incomplete(row.id, "KTP", "petugas", NEXT)
    service.complete(row.id, load_calendar(), "petugas", datetime(2026, 11, 4, 10, 0))
    before = snapshot(row.id)
    add_override(D(2026, 12, 7), OverrideKind.CLOSED, "HUT Kabupaten")
    assert snapshot(row.id) == before


# --------------------------------------------------------------------------- queries
def test_queries_with_concrete_dates(store, unit):
    cal = load_calendar()
    late = register(datetime(2026, 10, 30, 10, 0))  # Friday: due Friday 13 November
    due_today = register(MON)  # due 16 November
    tomorrow = register(datetime(2026, 11, 3, 9, 30))  # due 17 November
    third_day = register(datetime(2026, 11, 5, 10, 0))  # due 19 November
    fourth_day = register(datetime(2026, 11, 6, 10, 0))  # due 20 November
    extended = register(datetime(2026, 10, 30, 11, 0))
    service.extend(extended.id, "Banyak dokumen", cal, "ppid", now=datetime(2026, 11, 10, 9, 0))
    decided = register(datetime(2026, 10, 30, 12, 0))
    service.decide(decided.id, DecisionInput(Decision.NOT_HELD), "ppid", datetime(2026, 11, 10, 9, 0))
    waiting = register(datetime(2026, 11, 2, 11, 0))
    service.mark_incomplete(waiting.id, "KTP", "petugas", datetime(2026, 11, 2, 11, 30))
    routed_late = register(datetime(2026, 10, 29, 10, 0))  # due Thursday 12 November
    service.route(routed_late.id, [unit], "", "petugas", now=datetime(2026, 10, 29, 11, 0))
    saturday = register(datetime(2026, 11, 7, 10, 0))

    today = D(2026, 11, 16)
    assert [r.id for r in queries.overdue(today)] == [routed_late.id, late.id]
    assert [queries.working_days_late(cal, r, today) for r in queries.overdue(today)] == [2, 1]
    assert queries.working_days_late(cal, service.get_request(due_today.id), today) == 0
    assert [r.id for r in queries.due_today(today)] == [due_today.id]
    assert [r.id for r in queries.due_within(cal, today, 3)] == [tomorrow.id, third_day.id]
    assert fourth_day.id in [r.id for r in queries.due_within(cal, today, 4)]
    assert [r.id for r in queries.awaiting_completeness()] == [waiting.id]
    assert [r.id for r in queries.received_on(MON.date())] == [due_today.id, waiting.id]
    assert [r.id for r in queries.received_on(D(2026, 11, 7))] == [saturday.id]
    assert [r.id for r in queries.received_on(D(2026, 11, 8))] == []
    assert extended.id not in [r.id for r in queries.overdue(D(2026, 11, 24))]
    assert extended.id in [r.id for r in queries.due_today(D(2026, 11, 24))]
    assert extended.id in [r.id for r in queries.overdue(D(2026, 11, 25))]
    assert decided.id not in [r.id for r in queries.overdue(D(2027, 1, 1))]
    # A row of a query carries its requester without another query.
    assert queries.overdue(today)[0].requester.name == "Siti Anggraini"


def test_find_requesters(store):
    register(who=person())
    register(who=person())
    register(who=person(name="Budi Santoso", nik=NIK_BUDI, phone="+62 813 1111 2222", email=""))
    register(who=person(name="Siti Rahmawati", nik="3273015203950003", phone="(022) 7654 321"))
    register(who=person(name="Yohanes Bahen", nik="6201011203850004", phone="0536 3220 011"))
    names = lambda text: [m.name for m in queries.find_requesters(text)]  # noqa: E731
    assert names("3201") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("3201 0145") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("317101") == ["Budi Santoso"]
    assert names("0812") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("0812 3456") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("081234567890") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("+62 813") == ["Budi Santoso"]
    assert names("0813-1111") == ["Budi Santoso"]
    assert names("+62812 3456") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("7654321") == ["Siti Rahmawati"]
    assert names("6201") == ["Yohanes Bahen"]  # a Kalimantan Tengah NIK, not +62 "01..."
    assert names("+62 536 3220") == ["Yohanes Bahen"]
    assert names("0536 3220 011") == ["Yohanes Bahen"]
    assert names("siti") == ["Siti Anggraini", "Siti Anggraini", "Siti Rahmawati"]
    assert names("Siti 2") == []  # a name with a digit is a name search
    assert names("SITI angg") == ["Siti Anggraini", "Siti Anggraini"]
    assert names("santoso budi") == ["Budi Santoso"]
    assert names("s") == [] and names("  ") == [] and names("zaenal") == []
    assert names("%") == [] and names("s_ti") == [] and names("%%") == []
    [match] = queries.find_requesters("budi")
    assert (match.nik, match.phone, match.requests) == (NIK_BUDI, "+62 813 1111 2222", 1)
    assert len(queries.find_requesters("siti", limit=1)) == 1


# --------------------------------------------------------------------------- full-text search
def test_full_text_search(store):
    siti = register(who=person(name="Siti Anggraini"))
    desy = register(who=person(name="Désy Ratnasari", nik=NIK_BUDI, phone="0857 1234 5678"),
                    information="Laporan keuangan RSUD Sleman")
    find = lambda text: search_request_ids(store.db, text)  # noqa: E731
    assert find("siti angg") == [siti.id]
    assert find("001/PPID/XI/2026") == [siti.id]
    assert find("002/ppid/xi") == [desy.id]
    assert find("ppid 2026") == [desy.id, siti.id]  # newest first
    assert find("320101") == [siti.id]
    assert find("3171") == [desy.id]
    assert find("ANGGARAN dinas") == [siti.id]
    assert find("keuangan sleman") == [desy.id]
    assert find("desy") == [desy.id] and find("DÉSY ratna") == [desy.id] and find("Dèsy") == [desy.id]
    assert find("0857") == [desy.id]
    assert find("siti sleman") == []
    assert find('siti" OR "desy') == []  # quotes and operators are just words
    assert find("NOT siti") == []
    assert find("  ./-  ") is None and find("") is None
    assert search_request_ids(store.db, "ppid", limit=1) == [desy.id]
    # The index follows corrections of the request and of its requester.
    service.correct(siti.id, {"requester.name": "Siti Nurhaliza", "information": "Data stunting balita"},
                    "Salah ketik", "petugas", now=NEXT)
    assert find("nurhaliza") == [siti.id]
    assert find("anggraini") == [] and find("anggaran") == []
    assert find("stunting") == [siti.id]
    service.correct(siti.id, {"requester.nik": "3201014506900002"}, "Salah ketik", "petugas", now=NEXT)
    assert find("3201014506900002") == [siti.id] and find("3201014506900001") == []
    service.withdraw(siti.id, "", "petugas", NEXT)  # status changes keep the row findable
    assert find("nurhaliza") == [siti.id]


def test_marking_incomplete_after_the_window_gives_a_fresh_window(store):
    row = register()  # received MON (2 Nov), window ends 4 Nov
    service.mark_incomplete(row.id, "KTP", "petugas", datetime(2026, 11, 9, 10, 0))
    assert service.get_request(row.id).completeness_due == D(2026, 11, 11)
    refused(service.lapse, row.id, "petugas", datetime(2026, 11, 11, 10, 0), match="belum lewat")


def test_two_phone_numbers_as_old_registers_write_them(store):
    who = person(phone="0812-3456-7890 / (0274) 773010")
    assert "phone" not in service.requester_problems(who)
    who.phone = "0812-3456-7890 / 12"
    assert "phone" in service.requester_problems(who)


def test_notice_date_must_lie_between_receipt_and_today(store):
    row = register()
    refused(service.decide, row.id, DecisionInput(Decision.GRANTED_FULL, notice_date=D(2026, 10, 1)), "ppid", NEXT,
            field="notice_date")
    refused(service.decide, row.id, DecisionInput(Decision.GRANTED_FULL, notice_date=D(2026, 11, 20)), "ppid", NEXT,
            field="notice_date")
    assert service.decide(row.id, DecisionInput(Decision.GRANTED_FULL, notice_date=D(2026, 11, 2)), "ppid",
                          NEXT).notice_date == D(2026, 11, 2)


# --------------------------------------------------------------------------- reopened on the Atasan PPID's order
REOPENABLE = list(FROM[OrderAction.REOPEN])


@pytest.mark.parametrize("status", list(Status))
def test_reopen_follows_the_from_table_and_is_not_a_desk_action(status):
    reason = refusal(_state(status), OrderAction.REOPEN, D(2026, 11, 5))
    assert (reason is None) == (status is not Status.WITHDRAWN)
    if reason:
        assert reason == ("Tidak dapat \u201cbuka kembali atas perintah atasan ppid\u201d: "
                          "status permohonan ditarik pemohon.")
    assert OrderAction.REOPEN not in [a.action for a in available(_state(status), D(2026, 11, 5))]


def test_a_reopened_request_cannot_be_extended():
    state = _state(Status.ROUTED, reopened=True)
    assert refusal(state, Action.EXTEND, D(2026, 11, 5)) == \
        "Tenggat pelaksanaan perintah Atasan PPID tidak dapat diperpanjang."
    assert refusal(state, Action.DECIDE, D(2026, 11, 5)) is None


@pytest.mark.parametrize("status", REOPENABLE, ids=[s.value for s in REOPENABLE])
def test_reopen_from_every_status_that_allows_it(store, unit, status):
    decision = Decision.REJECTED if status is Status.DECIDED else Decision.GRANTED_PARTIAL
    row = bring_to(status, unit, decision)
    ordered = D(2026, 11, 6)  # Friday: the 10th working day after it is Friday 20 November
    reopened = service.reopen(row.id, "001/KEB/PPID/XI/2026", " Berikan salinannya ", ordered, load_calendar(),
                              "atasan", now=datetime(2026, 11, 6, 10, 0))
    stored = service.get_request(row.id)
    assert stored.status == Status.ROUTED.value == reopened.status
    assert (stored.reopened_on, stored.response_due, stored.extended_due) == (ordered, D(2026, 11, 20),
                                                                              D(2026, 11, 20))
    assert (stored.decision, stored.notice_date, stored.delivered_on, stored.closed_on) == (None, None, None, None)
    event = service.events_of(row.id)[-1]
    assert (event.kind, event.actor) == (EventKind.REOPENED.value, "atasan")
    data = service.event_data(event)
    assert (data["objection"], data["order"], data["days"], data["response_due"]) == (
        "001/KEB/PPID/XI/2026", "Berikan salinannya", 10, "2026-11-20")
    assert data["before"]["status"] == status.value
    # Processed again: the state machine treats it as routed, without a second extension.
    state = service.state_of(stored)
    assert state.reopened and refusal(state, Action.DECIDE, D(2026, 11, 9)) is None
    assert refusal(state, Action.EXTEND, D(2026, 11, 9)) is not None
    service.decide(row.id, DecisionInput(Decision.GRANTED_FULL), "ppid", datetime(2026, 11, 9, 10, 0))
    assert service.get_request(row.id).decision == Decision.GRANTED_FULL.value


def test_reopen_refuses_a_withdrawn_request_and_bad_days(store, unit):
    row = bring_to(Status.WITHDRAWN, unit)
    before = snapshot(row.id)
    refused(service.reopen, row.id, "001/KEB", "x", D(2026, 11, 6), load_calendar(), "atasan",
            now=datetime(2026, 11, 6, 10, 0), field="status")
    open_row = register()
    refused(service.reopen, open_row.id, "001/KEB", "x", D(2026, 11, 6), load_calendar(), "atasan", days=31,
            field="order_days")
    assert snapshot(row.id) == before and service.get_request(open_row.id).reopened_on is None
