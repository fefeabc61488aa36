"""The objection register: intake, grounds, numbering, the state machine, the Atasan PPID's
decision reopening the request, the dispute window, deadlines and queries.

Dates are hand-checked against the real ``holidays`` data (see test_register.py):
November 2026 has no holidays; 2026-12-24 is cuti bersama, 2026-12-25 Natal, 2027-01-01
Tahun Baru, 2027-01-05 Isra Mikraj, 2027-02-05 cuti bersama Imlek. The story used
throughout: a request received Monday 2 November 2026 is rejected on 3 November; the
objection comes Monday 16 November (answer due Wednesday 30 December, the 30th working
day), is forwarded on the 17th, decided on the 20th and its response handed over on
Monday 23 November (dispute window until Friday 11 December, the 14th working day).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ppid_desk.calendar import OverrideKind
from ppid_desk.errors import ValidationError
from ppid_desk.objections import queries, service
from ppid_desk.objections.codes import (
    AWAITING_ANSWER, ENDED_STATUSES, LABELS, Decision, EventKind, Ground, ObjectorResponse, Status, grounds_text,
    parse_grounds,
)
from ppid_desk.objections.grounds import filing_window, suggest_grounds
from ppid_desk.objections.lifecycle import FROM, Action, ObjectionState, available, refusal
from ppid_desk.objections.numbering import DEFAULT_OBJECTION_PATTERN, SERIES
from ppid_desk.objections.service import ObjectionDecisionInput, ObjectionInput
from ppid_desk.office import OfficeSettings, load_office, save_office, validate_office
from ppid_desk.register import queries as request_queries, service as requests
from ppid_desk.register.codes import Decision as RequestDecision, EventKind as RequestEventKind
from ppid_desk.register.codes import Status as RequestStatus
from ppid_desk.register.numbering import DEFAULT_REQUEST_PATTERN
from ppid_desk.register.service import DecisionInput, RequesterInput, RequestInput
from ppid_desk.store.models import Counter, Objection, ObjectionEvent, Request, Requester
from ppid_desk.units import save_unit
from ppid_desk.workdays import add_override, load_calendar, remove_override

D = date
MON = datetime(2026, 11, 2, 10, 0)  # the request
NOTICE = datetime(2026, 11, 3, 10, 0)  # the request rejected
FILED = datetime(2026, 11, 16, 10, 0)  # the objection
FORWARDED = datetime(2026, 11, 17, 10, 0)
DECIDED = datetime(2026, 11, 20, 10, 0)
HANDED = datetime(2026, 11, 23, 10, 0)
ANSWERED = datetime(2026, 11, 24, 10, 0)  # the objector's response
LATE = datetime(2027, 1, 4, 10, 0)  # after every deadline of the story

NIK_SITI = "3201014506900001"
ATASAN = "Drs. Junaidi, MM"


def person(**changes) -> RequesterInput:
    values = dict(name="Siti Anggraini", nik=NIK_SITI, address="Jl. Merdeka 1, Bandung", phone="0812-3456-7890")
    values.update(changes)
    return RequesterInput(**values)


@pytest.fixture
def office(store):
    save_office(OfficeSettings(atasan_name=ATASAN, atasan_title="Kepala Dinas"), require_identity=False)


def request(received: datetime = MON) -> Request:
    data = RequestInput(requester=person(), information="Salinan DPA Dinas Kesehatan 2026",
                        purpose="Penelitian skripsi", received_at=received)
    return requests.register_request(data, load_calendar(), "petugas", now=received)


def rejected(received: datetime = MON, at: datetime = NOTICE) -> Request:
    row = request(received)
    requests.decide(row.id, DecisionInput(RequestDecision.REJECTED, pasal17=["h"],
                                          consequence_test="Membuka data pribadi pasien."), "ppid", at)
    return requests.get_request(row.id)


def objection(request_row: Request | None = None, received: datetime = FILED, now: datetime | None = None,
              **changes) -> Objection:
    data = ObjectionInput(request_id=request_row.id if request_row else None, grounds=[Ground.REJECTED],
                          case_summary="Permohonan ditolak dengan alasan data pribadi; yang diminta data agregat.",
                          received_at=received)
    if request_row is None:
        data.requester = person()
        data.information = "Laporan realisasi anggaran 2025"
        data.purpose = "Pengawasan anggaran"
        data.grounds = [Ground.NOT_ANSWERED]
    for key, value in changes.items():
        setattr(data, key, value)
    return service.register_objection(data, load_calendar(), "petugas", now=now or max(received, FILED))


def upheld(at: date | None = None) -> ObjectionDecisionInput:
    return ObjectionDecisionInput(Decision.UPHELD, reasons="Uji konsekuensi PPID sudah tepat.", decided_on=at)


def overturned(at: date | None = None) -> ObjectionDecisionInput:
    return ObjectionDecisionInput(Decision.OVERTURNED, reasons="Data agregat tidak memuat data pribadi.",
                                  order_text="Berikan rekapitulasi DPA tanpa data pribadi.", decided_on=at)


def kinds(objection_id: int) -> list[str]:
    return [e.kind for e in service.events_of(objection_id)]


def request_kinds(request_id: int) -> list[str]:
    return [e.kind for e in requests.events_of(request_id)]


def snapshot(objection_id: int) -> tuple:
    row = Objection.select().where(Objection.id == objection_id).dicts().get()
    linked = Request.select().where(Request.id == row["request"]).dicts().first() if row["request"] else None
    return row, linked, [(e.kind, e.data) for e in service.events_of(objection_id)]


def refused(call, *args, field: str | None = None, match: str = "", **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    if field is not None:
        assert caught.value.field == field
    assert match in caught.value.message
    return caught.value


def bring_to(status: Status) -> Objection:
    """An objection on a rejected request, taken to ``status`` along the story's dates."""
    oid = objection(rejected()).id
    cal = load_calendar()
    if status is Status.WITHDRAWN:
        service.withdraw(oid, "Sudah dijelaskan PPID", "petugas", FORWARDED)
    elif status is not Status.REGISTERED:
        service.forward(oid, "Lengkap", "petugas", FORWARDED)
    if status not in (Status.REGISTERED, Status.FORWARDED, Status.WITHDRAWN):
        service.decide(oid, upheld(), cal, "atasan", DECIDED)
    if status in (Status.RESPONSE_HANDED_OVER, Status.ACCEPTED, Status.DISPUTE, Status.CLOSED):
        service.hand_over_response(oid, cal, "petugas", now=HANDED)
    if status in (Status.ACCEPTED, Status.CLOSED):
        service.record_objector_response(oid, ObjectorResponse.ACCEPTS, "petugas", now=ANSWERED)
    if status is Status.DISPUTE:
        service.record_objector_response(oid, ObjectorResponse.DISPUTE, "petugas", now=ANSWERED)
    if status is Status.CLOSED:
        service.close(oid, "petugas", datetime(2026, 11, 25, 10, 0))
    row = service.get_objection(oid)
    assert row.status == status.value
    return row


def take(action: Action, oid: int, now: datetime = LATE) -> Objection:
    cal = load_calendar()
    if action is Action.FORWARD:
        return service.forward(oid, "Lengkap", "petugas", now)
    if action is Action.DECIDE:
        return service.decide(oid, upheld(), cal, "atasan", now)
    if action is Action.HAND_OVER:
        return service.hand_over_response(oid, cal, "petugas", now=now)
    if action is Action.ACCEPT:
        return service.record_objector_response(oid, ObjectorResponse.ACCEPTS, "petugas", now=now)
    if action is Action.DISPUTE:
        return service.record_objector_response(oid, ObjectorResponse.DISPUTE, "petugas", now=now)
    if action is Action.RECORD_DISPUTE:
        return service.record_dispute(oid, "012/XII/KIP-PS/2026", now.date(), "petugas", now)
    if action is Action.RECORD_OUTCOME:
        return service.record_dispute_outcome(oid, "Mediasi berhasil", "petugas", now)
    if action is Action.CLOSE:
        return service.close(oid, "petugas", now)
    if action is Action.WITHDRAW:
        return service.withdraw(oid, "Dicabut", "petugas", now)
    raise AssertionError(action)


RESULT = {
    Action.FORWARD: (Status.FORWARDED, EventKind.FORWARDED),
    Action.DECIDE: (Status.DECIDED, EventKind.DECIDED),
    Action.HAND_OVER: (Status.RESPONSE_HANDED_OVER, EventKind.RESPONSE_HANDED_OVER),
    Action.ACCEPT: (Status.ACCEPTED, EventKind.ACCEPTED),
    Action.DISPUTE: (Status.DISPUTE, EventKind.DISPUTED),
    Action.RECORD_DISPUTE: (None, EventKind.DISPUTE_REGISTERED),
    Action.RECORD_OUTCOME: (None, EventKind.DISPUTE_OUTCOME),
    Action.CLOSE: (Status.CLOSED, EventKind.CLOSED),
    Action.WITHDRAW: (Status.WITHDRAWN, EventKind.WITHDRAWN),
}
LEGAL = [(a, s) for a in Action for s in FROM[a]]
ILLEGAL = [(a, s) for a in Action for s in Status if s not in FROM[a]]


# --------------------------------------------------------------------------- codes and the state machine
def test_every_code_has_its_own_indonesian_label_and_parses_back():
    for enum in (Ground, Status, Decision, ObjectorResponse, EventKind):
        for member in enum:
            assert (type(member), member.value) in LABELS and member.label.strip()
            assert enum.parse(member.label.upper()) is member
            assert enum.parse(member.value) is member
    assert [g.value for g in Ground] == list("abcdefg")
    assert Ground.NOT_ANSWERED.label == "Tidak ditanggapinya permintaan informasi"
    assert {(Status, "diputuskan"), (EventKind, "diputuskan"), (ObjectorResponse, "sengketa"),
            (Status, "sengketa")} <= set(LABELS)  # shared values keep their own words
    assert all(a.label for a in Action)
    assert set(AWAITING_ANSWER) | set(ENDED_STATUSES) < set(Status)
    assert grounds_text([Ground.LATE, Ground.NOT_ANSWERED, Ground.LATE]) == "c,g"
    assert parse_grounds(" g,C ,x") == [Ground.NOT_ANSWERED, Ground.LATE]


def _state(status: Status, **changes) -> ObjectionState:
    values = dict(status=status, answer_due=D(2026, 12, 30), dispute_window_due=D(2027, 1, 21))
    values.update(changes)
    return ObjectionState(**values)


@pytest.mark.parametrize("status", list(Status))
def test_available_agrees_with_the_from_table(status):
    today = D(2027, 2, 1)  # every window has run out
    for state in available(_state(status), today):
        assert state.allowed == (status in FROM[state.action]), (state.action, status)
        if not state.allowed:
            assert state.reason == (f"Tidak dapat \u201c{state.action.label.lower()}\u201d: "
                                    f"status keberatan {status.label.lower()}.")


def test_refusal_rules_beyond_the_status():
    for status in (Status.REGISTERED, Status.FORWARDED, Status.DECIDED):
        assert "30-12-2026" in refusal(_state(status), Action.DISPUTE, D(2026, 12, 30))
        assert refusal(_state(status), Action.DISPUTE, D(2026, 12, 31)) is None
    assert refusal(_state(Status.RESPONSE_HANDED_OVER), Action.DISPUTE, D(2026, 11, 24)) is None
    assert refusal(_state(Status.DISPUTE, dispute_registered=True), Action.RECORD_DISPUTE, D(2027, 1, 4)) == \
        "Nomor registrasi sengketa sudah dicatat."
    assert refusal(_state(Status.DISPUTE, outcome_recorded=True), Action.RECORD_OUTCOME, D(2027, 1, 4)) == \
        "Putusan sengketa sudah dicatat."
    handed = _state(Status.RESPONSE_HANDED_OVER, dispute_window_due=D(2026, 12, 11))
    assert "11-12-2026" in refusal(handed, Action.CLOSE, D(2026, 12, 11))
    assert refusal(handed, Action.CLOSE, D(2026, 12, 14)) is None
    dispute = _state(Status.DISPUTE, dispute_window_due=D(2026, 12, 11))
    assert "catat putusannya" in refusal(dispute, Action.CLOSE, D(2026, 12, 11))
    assert refusal(dispute, Action.CLOSE, D(2026, 12, 14)) is None  # never registered in time
    registered = _state(Status.DISPUTE, dispute_window_due=D(2026, 12, 11), dispute_registered=True)
    assert "catat putusannya" in refusal(registered, Action.CLOSE, D(2027, 6, 1))
    assert refusal(_state(Status.DISPUTE, dispute_registered=True, outcome_recorded=True), Action.CLOSE,
                   D(2026, 12, 1)) is None


@pytest.mark.parametrize(("action", "status"), LEGAL, ids=[f"{a.value}-{s.value}" for a, s in LEGAL])
def test_every_legal_transition(office, action, status):
    before = bring_to(status)
    events_before = len(kinds(before.id))
    row = take(action, before.id)
    new_status, event = RESULT[action]
    stored = service.get_objection(before.id)
    assert stored.status == (new_status or status).value == row.status
    assert kinds(before.id)[events_before:] == [event.value]
    last = service.events_of(before.id)[-1]
    assert last.actor in ("petugas", "atasan") and last.at == LATE
    assert (stored.closed_on == LATE.date()) == (new_status in ENDED_STATUSES)


@pytest.mark.parametrize("status", list(Status))
def test_every_illegal_transition_is_refused_and_changes_nothing(office, status):
    # One objection per status serves every action refused from it (a refusal changes
    # nothing, which is asserted after each one).
    row = bring_to(status)
    before = snapshot(row.id)
    illegal = [action for action, from_status in ILLEGAL if from_status is status]
    assert illegal
    for action in illegal:
        error = refused(take, action, row.id, field="status")
        assert error.message == (f"Tidak dapat \u201c{action.label.lower()}\u201d: "
                                 f"status keberatan {status.label.lower()}."), action
        assert snapshot(row.id) == before, action


# --------------------------------------------------------------------------- intake
def test_objection_on_a_request_is_prefilled_numbered_and_due_on_the_30th_working_day(office):
    req = rejected()
    row = service.get_objection(objection(req).id)
    assert row.number == "001/KEB/PPID/XI/2026" and (row.year, row.seq) == (2026, 1)
    assert row.request_id == req.id and row.requester_id == req.requester_id
    assert (row.purpose, row.information) == ("Penelitian skripsi", "Salinan DPA Dinas Kesehatan 2026")
    assert (row.status, row.grounds, row.late_filing) == (Status.REGISTERED.value, "a", False)
    assert (row.effective_day, row.answer_due, row.dispute_window_due) == (D(2026, 11, 16), D(2026, 12, 30),
                                                                          D(2027, 1, 21))
    [event] = service.events_of(row.id)
    assert (event.kind, event.actor, event.at) == (EventKind.REGISTERED.value, "petugas", FILED)
    assert service.event_data(event) == {
        "number": "001/KEB/PPID/XI/2026", "received_at": "2026-11-16 10:00:00", "effective_day": "2026-11-16",
        "answer_due": "2026-12-30", "request": req.number, "grounds": "a", "ground_arose_on": "2026-11-03",
        "filing_due": "2026-12-15", "late_filing": False}
    assert service.find_by_number(" 001/KEB/PPID/XI/2026 ").id == row.id
    refused(service.find_by_number, "9/KEB", match="Tidak ada keberatan bernomor")
    refused(service.get_objection, 999, match="tidak ditemukan")
    assert requests.get_request(req.id).status == RequestStatus.DECIDED.value  # registering changes no request


@pytest.mark.parametrize(("received", "effective", "answer_due", "window"), [
    (datetime(2026, 12, 7, 10, 0), D(2026, 12, 7), D(2027, 1, 22), D(2027, 2, 12)),
    (datetime(2026, 12, 4, 15, 0), D(2026, 12, 7), D(2027, 1, 22), D(2027, 2, 12)),  # Friday after closing
    (datetime(2026, 12, 23, 15, 0), D(2026, 12, 28), D(2027, 2, 11), D(2027, 3, 3)),  # before Natal
    (datetime(2026, 12, 24, 9, 0), D(2026, 12, 28), D(2027, 2, 11), D(2027, 3, 3)),  # on cuti bersama
])
def test_answer_due_across_christmas_and_new_year(office, received, effective, answer_due, window):
    # 7 Dec + 30: skips 24-25 Dec, 1 Jan and 5 Jan -> Friday 22 January 2027; 14 more skip
    # 5 Feb (cuti bersama Imlek) -> 12 February.
    row = objection(None, received)
    assert (row.effective_day, row.answer_due, row.dispute_window_due) == (effective, answer_due, window)
    assert row.received_at == received


def test_standalone_objection_with_a_new_objector(office):
    row = objection(None, request_reference=" email tanggal 2 Oktober 2026 ", proxy_name=" Ahmad  Fauzi ",
                    proxy_letter="SKK 3/2026")
    row = service.get_objection(row.id)
    assert row.request_id is None and row.request_reference == "email tanggal 2 Oktober 2026"
    assert row.requester.name == "Siti Anggraini" and row.requester.nik == NIK_SITI
    assert (row.proxy_name, row.grounds, row.late_filing) == ("Ahmad Fauzi", "c", False)
    data = service.event_data(service.events_of(row.id)[0])
    assert data["request"] is None and data["ground_arose_on"] is None and "warning" not in data
    assert queries.for_request(rejected().id) == []


def test_another_known_requester_may_object(office):
    req = rejected()
    other = Requester.create(kind="kelompok", name="Forum Warga RW 05", phone="081111111111")
    row = objection(req, requester_id=other.id)
    assert row.requester_id == other.id and row.request_id == req.id
    refused(objection, req, requester_id=9999, match="Pemohon yang dipilih tidak ditemukan")


@pytest.mark.parametrize(("changes", "field", "message"), [
    (dict(grounds=[]), "grounds", "paling sedikit satu alasan"),
    (dict(grounds=["h"]), "grounds", "huruf a sampai g"),
    (dict(case_summary="  "), "case_summary", "Kasus posisi wajib diisi."),
    (dict(proxy_name="Ahmad"), "proxy_letter", "surat kuasa"),
    (dict(received_at=datetime(2026, 11, 17, 9, 0)), "received_at", "masa depan"),
    (dict(ground_arose_on=D(2026, 11, 17)), "ground_arose_on", "setelah keberatan diterima"),
    (dict(request_reference="x" * 201), "request_reference", "terlalu panjang"),
])
def test_refused_objections_leave_nothing_and_take_no_number(office, changes, field, message):
    req = rejected()
    refused(objection, req, now=FILED, field=field, match=message, **changes)
    assert Objection.select().count() == 0 and ObjectionEvent.select().count() == 0
    assert objection(req).number == "001/KEB/PPID/XI/2026"


def test_objection_problems_of_a_standalone_form(store):
    data = ObjectionInput(grounds=[Ground.NOT_ANSWERED])
    problems = service.objection_problems(data, FILED)
    assert set(problems) == {"name", "information", "purpose", "case_summary"}
    data.requester = person(nik="123")
    assert service.objection_problems(data, FILED)["nik"].startswith("NIK")


def test_request_links_are_checked(office):
    refused(objection, None, request_id=12345, field="request_id", match="Permohonan tidak ditemukan")
    withdrawn = request()
    requests.withdraw(withdrawn.id, "Tidak perlu lagi", "petugas", NOTICE)
    refused(objection, withdrawn, field="request_id", match="telah ditarik pemohon")
    later = request(datetime(2026, 11, 20, 10, 0))
    refused(objection, later, received=FILED, now=datetime(2026, 11, 20, 11, 0), field="received_at",
            match="sebelum permohonannya")
    assert Objection.select().count() == 0


def test_form_prefilled_from_a_request(office):
    req = rejected()
    data = service.objection_from_request(req.id, FILED.date())
    assert (data.request_id, data.requester_id, data.grounds) == (req.id, req.requester_id, [Ground.REJECTED])
    assert (data.purpose, data.information) == (req.purpose, req.information)
    assert data.case_summary == "" and data.proxy_name == ""  # the objection needs its own power of attorney
    data.case_summary = "Ditolak tanpa uji konsekuensi yang memadai."
    assert service.objection_problems(data, FILED) == {}


# --------------------------------------------------------------------------- grounds and late filing
def _request_in(state: str, unit: int) -> Request:
    """A request received MON (notice due 16 November) brought into ``state``."""
    row = request()
    cal = load_calendar()
    if state == "waiting":
        requests.mark_incomplete(row.id, "KTP", "petugas", NOTICE)
    elif state == "routed":
        requests.route(row.id, [unit], "", "petugas", now=NOTICE)
    elif state == "extended":
        requests.extend(row.id, "Banyak dokumen", cal, "ppid", days=3, now=NOTICE)  # due 19 November
    elif state in ("rejected", "rejected late", "partial", "not held", "not documented", "granted", "delivered late"):
        decision = {"rejected": RequestDecision.REJECTED, "rejected late": RequestDecision.REJECTED,
                    "partial": RequestDecision.GRANTED_PARTIAL, "not held": RequestDecision.NOT_HELD,
                    "not documented": RequestDecision.NOT_DOCUMENTED}.get(state, RequestDecision.GRANTED_FULL)
        at = datetime(2026, 11, 18, 10, 0) if state == "rejected late" else NOTICE
        requests.decide(row.id, DecisionInput(decision, note="NIK dihitamkan", pasal17=["h"],
                                              consequence_test="Data pribadi."), "ppid", at)
        if state in ("granted", "delivered late"):
            delivered = D(2026, 11, 17) if state == "delivered late" else D(2026, 11, 4)
            requests.deliver(row.id, "softcopy", "petugas", delivered_on=delivered, now=datetime(2026, 11, 17, 11))
    elif state == "closed rejected":
        requests.decide(row.id, DecisionInput(RequestDecision.REJECTED, pasal17=["h"], consequence_test="X"), "ppid",
                        NOTICE)
        requests.close(row.id, "petugas", NOTICE)
    return requests.get_request(row.id)


@pytest.mark.parametrize(("state", "today", "expected"), [
    ("registered", D(2026, 11, 16), ""),  # the notice is due today: not late yet
    ("registered", D(2026, 11, 17), "cg"),
    ("routed", D(2026, 11, 17), "cg"),
    ("waiting", D(2026, 11, 17), ""),  # the requester must complete the requirements first
    ("extended", D(2026, 11, 18), ""),
    ("extended", D(2026, 11, 20), "cg"),
    ("rejected", D(2026, 11, 20), "a"),
    ("closed rejected", D(2026, 11, 20), "a"),
    ("rejected late", D(2026, 11, 20), "ag"),
    ("partial", D(2026, 11, 20), "e"),
    ("not held", D(2026, 11, 20), "e"),
    ("not documented", D(2026, 11, 20), "e"),
    ("granted", D(2026, 11, 20), ""),
    ("delivered late", D(2026, 11, 20), "g"),
])
def test_suggested_grounds_from_each_request_state(store, state, today, expected):
    unit = save_unit("Bidang Data", "bidang").id
    row = _request_in(state, unit)
    assert "".join(g.value for g in suggest_grounds(row, today)) == expected


def test_a_late_filing_is_warned_and_registered(office):
    req = rejected()  # notice 3 November: filing due Tuesday 15 December
    in_time = objection(req, received=datetime(2026, 12, 15, 13, 0))
    assert in_time.late_filing is False
    late = objection(req, received=datetime(2026, 12, 15, 14, 30))  # after closing: counts 16 December
    assert late.late_filing is True and late.number == "002/KEB/PPID/XII/2026"
    data = service.event_data(service.events_of(late.id)[0])
    assert (data["late_filing"], data["ground_arose_on"], data["filing_due"]) == (True, "2026-11-03", "2026-12-15")
    assert data["warning"] == ("Keberatan diajukan lewat 30 hari kerja sejak alasan keberatan timbul (03-11-2026; "
                               "batas 15-12-2026). Tetap dicatat; Atasan PPID yang menilai.")
    check = service.filing_check(ObjectionInput(request_id=req.id, grounds=[Ground.REJECTED],
                                                received_at=datetime(2026, 12, 16, 9, 0)), load_calendar())
    assert (check.arose_on, check.due, check.late) == (D(2026, 11, 3), D(2026, 12, 15), True)


def test_unanswered_request_counts_from_the_notice_deadline_extended_when_extended(office):
    plain = request()  # notice due 16 November: filing due 30 December
    assert objection(plain, grounds=[Ground.NOT_ANSWERED], received=datetime(2026, 12, 30, 10, 0)).late_filing is False
    assert objection(plain, grounds=[Ground.NOT_ANSWERED], received=datetime(2026, 12, 31, 10, 0)).late_filing is True
    extended = request()
    requests.extend(extended.id, "Banyak dokumen", load_calendar(), "ppid", days=3, now=NOTICE)  # due 19 Nov
    row = objection(extended, grounds=[Ground.NOT_ANSWERED, Ground.LATE], received=datetime(2026, 12, 31, 10, 0))
    assert row.late_filing is False
    assert service.event_data(service.events_of(row.id)[0])["filing_due"] == "2027-01-06"
    # With several grounds the latest one counts: the objection is in time for it.
    req = rejected()
    assert objection(req, grounds=[Ground.REJECTED, Ground.NOT_ANSWERED],
                     received=datetime(2026, 12, 16, 10, 0)).late_filing is False


def test_standalone_late_filing_needs_the_date_the_ground_arose(office):
    assert objection(None, received=datetime(2026, 12, 16, 10, 0)).late_filing is False
    late = objection(None, received=datetime(2026, 12, 16, 10, 0), ground_arose_on=D(2026, 11, 3))
    assert late.late_filing is True
    window = filing_window(load_calendar(), datetime(2026, 12, 15, 10, 0), D(2026, 11, 3))
    assert (window.due, window.late, window.warning()) == (D(2026, 12, 15), False, "")


# --------------------------------------------------------------------------- numbering and settings
def test_numbering_is_its_own_series_and_resets_on_the_first_of_january(office):
    req = rejected()
    assert [objection(req).number for _ in range(2)] == ["001/KEB/PPID/XI/2026", "002/KEB/PPID/XI/2026"]
    assert request().number == "002/PPID/XI/2026"  # requests count on their own
    new_year = objection(req, received=datetime(2027, 1, 1, 9, 0), now=datetime(2027, 1, 4, 9, 0))
    assert (new_year.number, new_year.year, new_year.seq, new_year.effective_day) == (
        "001/KEB/PPID/I/2027", 2027, 1, D(2027, 1, 4))
    assert Counter.get((Counter.series == SERIES) & (Counter.year == 2026)).last == 2
    service.withdraw(new_year.id, "", "petugas", datetime(2027, 1, 4, 10, 0))
    assert objection(req, received=datetime(2027, 1, 4, 11, 0), now=datetime(2027, 1, 4, 11, 0)).number == \
        "002/KEB/PPID/I/2027"  # a withdrawn objection keeps its number


def test_objection_settings(office):
    assert DEFAULT_OBJECTION_PATTERN == "{seq:03d}/KEB/PPID/{roman_month}/{year}"
    assert load_office().objection_number_pattern == DEFAULT_OBJECTION_PATTERN and load_office().order_days == 10
    saved = save_office(load_office().with_changes(objection_number_pattern=" KEB-{year}-{seq:04d} ", order_days=5),
                        require_identity=False)
    assert (saved.objection_number_pattern, saved.order_days) == ("KEB-{year}-{seq:04d}", 5)
    assert objection(None).number == "KEB-2026-0001"
    assert validate_office(OfficeSettings(objection_number_pattern=""), False).objection_number_pattern == \
        DEFAULT_OBJECTION_PATTERN


@pytest.mark.parametrize(("changes", "field", "message"), [
    (dict(objection_number_pattern="{seq:03d}/KEB"), "objection_number_pattern", "{year}"),
    (dict(objection_number_pattern="KEB/{year}"), "objection_number_pattern", "{seq}"),
    (dict(objection_number_pattern=DEFAULT_REQUEST_PATTERN), "objection_number_pattern", "harus berbeda"),
    (dict(order_days=0), "order_days", "1 sampai 30"),
    (dict(order_days=31), "order_days", "1 sampai 30"),
])
def test_invalid_objection_settings(store, changes, field, message):
    refused(validate_office, OfficeSettings(**changes), False, field=field, match=message)


# --------------------------------------------------------------------------- the decision
def test_upheld_decision_snapshots_the_atasan_and_leaves_the_request(office):
    req = rejected()
    oid = objection(req).id
    service.forward(oid, " Berkas  lengkap ", "petugas", FORWARDED)
    request_before = Request.select().where(Request.id == req.id).dicts().get()
    row = service.decide(oid, upheld(D(2026, 11, 19)), load_calendar(), "atasan", DECIDED)
    assert (row.decision, row.decided_on, row.atasan_name, row.atasan_title, row.order_text) == (
        "dikuatkan", D(2026, 11, 19), ATASAN, "Kepala Dinas", "")
    save_office(load_office().with_changes(atasan_name="Pejabat Baru"), require_identity=False)
    assert service.get_objection(oid).atasan_name == ATASAN  # the signatory of that day
    assert Request.select().where(Request.id == req.id).dicts().get() == request_before
    assert service.event_data(service.events_of(oid)[1]) == {"note": "Berkas lengkap"}
    assert service.event_data(service.events_of(oid)[-1]) == {
        "decision": "dikuatkan", "reasons": "Uji konsekuensi PPID sudah tepat.", "order_text": "",
        "decided_on": "2026-11-19", "atasan_name": ATASAN, "atasan_title": "Kepala Dinas"}


@pytest.mark.parametrize(("data", "field"), [
    (ObjectionDecisionInput(Decision.UPHELD, reasons=" "), "reasons"),
    (ObjectionDecisionInput(Decision.OVERTURNED, reasons="Tidak tepat"), "order_text"),
    (ObjectionDecisionInput("entah", reasons="x"), "decision"),
    (ObjectionDecisionInput(Decision.UPHELD, reasons="x", decided_on=D(2026, 11, 13)), "decided_on"),
    (ObjectionDecisionInput(Decision.UPHELD, reasons="x", decided_on=D(2026, 11, 21)), "decided_on"),
])
def test_refused_decisions_change_nothing(office, data, field):
    oid = bring_to(Status.FORWARDED).id
    before = snapshot(oid)
    refused(service.decide, oid, data, load_calendar(), "atasan", DECIDED, field=field)
    assert snapshot(oid) == before


def test_the_atasan_must_be_named(store):
    oid = bring_to(Status.FORWARDED).id
    refused(service.decide, oid, upheld(), load_calendar(), "atasan", DECIDED, field="atasan_name")
    row = service.decide(oid, ObjectionDecisionInput(Decision.UPHELD, reasons="x", atasan_name=" Ir.  Budi "),
                         load_calendar(), "atasan", DECIDED)
    assert (row.atasan_name, row.atasan_title) == ("Ir. Budi", "Atasan PPID")


def test_overturn_reopens_the_request_which_can_then_be_decided_again(office):
    req = rejected()
    requests.close(req.id, "petugas", NOTICE)
    oid = objection(req).id
    service.forward(oid, "", "petugas", FORWARDED)
    row = service.decide(oid, overturned(), load_calendar(), "atasan", DECIDED)
    assert (row.status, row.decision, row.order_text) == (Status.DECIDED.value, "dibatalkan",
                                                          "Berikan rekapitulasi DPA tanpa data pribadi.")
    # The request: routed again, its notice due on the 10th working day after the decision
    # (Friday 4 December), the earlier decision off the row and in the events.
    reopened = requests.get_request(req.id)
    assert (reopened.status, reopened.reopened_on, reopened.response_due, reopened.extended_due) == (
        RequestStatus.ROUTED.value, D(2026, 11, 20), D(2026, 12, 4), D(2026, 12, 4))
    assert (reopened.decision, reopened.notice_date, reopened.pasal17, reopened.consequence_test,
            reopened.closed_on) == (None, None, "", "", None)
    assert reopened.effective_day == D(2026, 11, 2) and reopened.number == req.number
    assert request_kinds(req.id)[-1] == RequestEventKind.REOPENED.value
    event = requests.events_of(req.id)[-1]
    assert (event.actor, event.at) == ("atasan", DECIDED)
    assert requests.event_data(event) == {
        "objection": "001/KEB/PPID/XI/2026", "order": "Berikan rekapitulasi DPA tanpa data pribadi.",
        "ordered_on": "2026-11-20", "days": 10, "response_due": "2026-12-04",
        "before": {"status": "selesai", "decision": "ditolak", "pasal17": "h",
                   "consequence_test": "Membuka data pribadi pasien.", "notice_date": "2026-11-03",
                   "closed_on": "2026-11-03"}}
    decided = service.event_data(service.events_of(oid)[-1])
    assert (decided["request"], decided["request_response_due"]) == (req.number, "2026-12-04")
    # Its deadline runs like any notice deadline, and cannot be extended.
    assert req.id not in [r.id for r in request_queries.overdue(D(2026, 12, 4))]
    assert req.id in [r.id for r in request_queries.overdue(D(2026, 12, 7))]
    refused(requests.extend, req.id, "Banyak", load_calendar(), "ppid", now=datetime(2026, 11, 23, 10, 0),
            field="status", match="perintah Atasan PPID tidak dapat diperpanjang")
    # The PPID decides again, gives the information, closes.
    requests.decide(req.id, DecisionInput(RequestDecision.GRANTED_PARTIAL, note="Nama pasien dihitamkan"), "ppid",
                    datetime(2026, 11, 27, 10, 0))
    requests.deliver(req.id, "softcopy", "petugas", now=datetime(2026, 11, 27, 11, 0))
    requests.close(req.id, "petugas", datetime(2026, 11, 27, 12, 0))
    assert request_kinds(req.id)[-4:] == ["dibuka_kembali", "diputuskan", "diserahkan", "ditutup"]
    assert requests.get_request(req.id).decision == RequestDecision.GRANTED_PARTIAL.value
    # The objection goes on independently.
    service.hand_over_response(oid, load_calendar(), "petugas", now=HANDED)
    service.record_objector_response(oid, ObjectorResponse.ACCEPTS, "petugas", now=ANSWERED)
    service.close(oid, "petugas", ANSWERED)
    assert kinds(oid) == ["didaftarkan", "diteruskan", "diputuskan", "tanggapan_diserahkan", "diterima_pemohon",
                          "ditutup"]


def test_order_days_setting_and_reopen_of_an_unanswered_request(office):
    save_office(load_office().with_changes(order_days=5), require_identity=False)
    req = request()  # never answered
    oid = objection(req, grounds=[Ground.NOT_ANSWERED]).id
    service.forward(oid, "", "petugas", FORWARDED)
    service.decide(oid, overturned(), load_calendar(), "atasan", DECIDED)
    row = requests.get_request(req.id)
    assert (row.status, row.response_due) == (RequestStatus.ROUTED.value, D(2026, 11, 27))
    assert requests.event_data(requests.events_of(req.id)[-1])["before"] == {"status": "terdaftar"}


def test_overturning_a_standalone_objection_reopens_nothing(office):
    oid = objection(None).id
    service.forward(oid, "", "petugas", FORWARDED)
    row = service.decide(oid, overturned(), load_calendar(), "atasan", DECIDED)
    assert row.decision == "dibatalkan" and "request" not in service.event_data(service.events_of(oid)[-1])
    assert Request.select().count() == 0


def test_a_withdrawn_request_is_not_reopened_and_the_decision_is_not_recorded(office):
    req = request()
    oid = objection(req, grounds=[Ground.NOT_ANSWERED]).id
    service.forward(oid, "", "petugas", FORWARDED)
    requests.withdraw(req.id, "Sudah didapat", "petugas", FORWARDED)
    before = snapshot(oid)
    refused(service.decide, oid, overturned(), load_calendar(), "atasan", DECIDED, field="status",
            match="status permohonan ditarik pemohon")
    assert snapshot(oid) == before


def test_reopened_request_deadline_follows_the_calendar(office):
    req = rejected()
    oid = objection(req).id
    service.forward(oid, "", "petugas", FORWARDED)
    service.decide(oid, overturned(), load_calendar(), "atasan", DECIDED)
    add_override(D(2026, 12, 1), OverrideKind.CLOSED, "HUT Kabupaten", actor="admin")
    row = requests.get_request(req.id)
    assert (row.response_due, row.extended_due) == (D(2026, 12, 7), D(2026, 12, 7))
    event = requests.events_of(req.id)[-1]
    assert event.kind == RequestEventKind.DEADLINES_RECOMPUTED.value
    assert requests.event_data(event)["after"] == {"completeness_due": "2026-11-04", "response_due": "2026-12-07",
                                                   "extended_due": "2026-12-07"}


# --------------------------------------------------------------------------- response, dispute, closing
def test_hand_over_sets_the_dispute_window(office):
    oid = bring_to(Status.DECIDED).id
    refused(service.hand_over_response, oid, load_calendar(), "petugas", handed_on=D(2026, 11, 19), now=HANDED,
            field="handed_on")
    row = service.hand_over_response(oid, load_calendar(), "petugas", handed_on=D(2026, 11, 20), now=HANDED)
    assert (row.response_handed_on, row.dispute_window_due) == (D(2026, 11, 20), D(2026, 12, 10))
    assert service.event_data(service.events_of(oid)[-1]) == {"handed_on": "2026-11-20",
                                                              "dispute_window_due": "2026-12-10"}
    assert [r.id for r in queries.dispute_windows_running(D(2026, 12, 10))] == [oid]
    assert queries.dispute_windows_running(D(2026, 12, 11)) == []
    refused(service.close, oid, "petugas", datetime(2026, 12, 10, 10, 0), match="10-12-2026")
    assert service.close(oid, "petugas", datetime(2026, 12, 11, 10, 0)).status == Status.CLOSED.value


def test_dispute_registration_and_outcome(office):
    oid = bring_to(Status.DISPUTE).id
    row = service.get_objection(oid)
    assert (row.objector_response, row.dispute_window_due) == (ObjectorResponse.DISPUTE.value, D(2026, 12, 11))
    assert service.event_data(service.events_of(oid)[-1]) == {"note": "", "dispute_window_due": "2026-12-11"}
    refused(service.close, oid, "petugas", datetime(2026, 12, 1, 10, 0), match="catat putusannya")
    refused(service.record_dispute, oid, " ", D(2026, 12, 1), "petugas", datetime(2026, 12, 1, 10, 0),
            field="dispute_number")
    refused(service.record_dispute, oid, "012/XII/KIP-PS/2026", D(2026, 12, 2), "petugas",
            datetime(2026, 12, 1, 10, 0), field="dispute_registered_on")
    service.record_dispute(oid, " 012/XII/KIP-PS/2026 ", D(2026, 12, 1), "petugas", datetime(2026, 12, 1, 10, 0))
    refused(service.record_dispute, oid, "013", D(2026, 12, 1), "petugas", LATE, match="sudah dicatat")
    refused(service.close, oid, "petugas", LATE, match="catat putusannya")  # registered: runs past the window
    refused(service.record_dispute_outcome, oid, "  ", "petugas", LATE, field="dispute_outcome")
    service.record_dispute_outcome(oid, "Putusan: informasi dikecualikan; keberatan ditolak.", "petugas", LATE)
    refused(service.record_dispute_outcome, oid, "Lagi", "petugas", LATE, match="sudah dicatat")
    row = service.close(oid, "petugas", LATE)
    assert (row.status, row.dispute_number, row.dispute_registered_on, row.closed_on) == (
        Status.CLOSED.value, "012/XII/KIP-PS/2026", D(2026, 12, 1), LATE.date())
    assert row.dispute_outcome == "Putusan: informasi dikecualikan; keberatan ditolak."
    assert kinds(oid)[-4:] == ["sengketa_diajukan", "sengketa_teregistrasi", "putusan_sengketa", "ditutup"]


def test_no_answer_in_30_working_days_opens_the_dispute_window(office):
    oid = objection(rejected()).id  # answer due 30 December, window 21 January
    service.forward(oid, "", "petugas", FORWARDED)
    assert queries.dispute_windows_running(D(2026, 12, 30)) == []
    assert [r.id for r in queries.dispute_windows_running(D(2026, 12, 31))] == [oid]
    assert [r.id for r in queries.dispute_windows_running(D(2027, 1, 21))] == [oid]
    assert queries.dispute_windows_running(D(2027, 1, 22)) == []
    refused(service.record_objector_response, oid, ObjectorResponse.DISPUTE, "petugas",
            now=datetime(2026, 12, 30, 10, 0), match="30-12-2026")
    refused(service.record_objector_response, oid, ObjectorResponse.ACCEPTS, "petugas", now=LATE, field="status")
    row = service.record_objector_response(oid, "sengketa", "petugas", note="Ke KI Provinsi", now=LATE)
    assert row.status == Status.DISPUTE.value
    assert service.event_data(service.events_of(oid)[-1]) == {"note": "Ke KI Provinsi",
                                                              "dispute_window_due": "2027-01-21"}
    late = service.record_objector_response(objection(rejected()).id, ObjectorResponse.DISPUTE, "petugas",
                                            now=datetime(2027, 1, 22, 10, 0))
    assert service.event_data(service.events_of(late.id)[-1])["late"] is True  # recorded, not refused


def test_withdraw_before_the_decision(office):
    oid = bring_to(Status.FORWARDED).id
    row = service.withdraw(oid, " Sudah  dijelaskan ", "petugas", DECIDED)
    assert (row.status, row.closed_on) == (Status.WITHDRAWN.value, DECIDED.date())
    assert service.event_data(service.events_of(oid)[-1]) == {"reason": "Sudah dijelaskan"}
    assert queries.overdue(LATE.date()) == []


# --------------------------------------------------------------------------- deadlines follow the calendar
def _recomputed(oid: int) -> list[dict]:
    return [service.event_data(e) for e in service.events_of(oid) if e.kind == EventKind.DEADLINES_RECOMPUTED.value]


def test_running_objections_follow_the_calendar(office):
    waiting = objection(None)  # answer due 30 December, window 21 January
    handed = bring_to(Status.RESPONSE_HANDED_OVER)  # window 11 December
    closed = bring_to(Status.CLOSED)
    closed_before = snapshot(closed.id)

    add_override(D(2026, 12, 10), OverrideKind.CLOSED, "Rapat kerja daerah", actor="admin")
    row = service.get_objection(waiting.id)
    assert (row.answer_due, row.dispute_window_due) == (D(2026, 12, 31), D(2027, 1, 22))
    [event] = [e for e in service.events_of(waiting.id) if e.kind == EventKind.DEADLINES_RECOMPUTED.value]
    assert event.actor == "admin"
    assert service.event_data(event) == {
        "reason": "Kalender kantor: 10-12-2026 libur (Rapat kerja daerah)",
        "before": {"answer_due": "2026-12-30", "dispute_window_due": "2027-01-21"},
        "after": {"answer_due": "2026-12-31", "dispute_window_due": "2027-01-22"}}
    assert service.get_objection(handed.id).dispute_window_due == D(2026, 12, 14)
    assert _recomputed(handed.id)[0]["before"] == {"dispute_window_due": "2026-12-11"}
    assert snapshot(closed.id) == closed_before

    remove_override(D(2026, 12, 10), actor="admin")
    assert service.get_objection(waiting.id).answer_due == D(2026, 12, 30)
    assert service.get_objection(handed.id).dispute_window_due == D(2026, 12, 11)
    assert len(_recomputed(waiting.id)) == 2


def test_cuti_bersama_setting_moves_the_answer_deadline(office):
    row = objection(None, received=datetime(2026, 12, 7, 10, 0))
    assert row.answer_due == D(2027, 1, 22)
    save_office(load_office().with_changes(cuti_bersama_off=False), require_identity=False)
    assert service.get_objection(row.id).answer_due == D(2027, 1, 21)  # 24 December is worked
    assert _recomputed(row.id)[-1]["reason"] == "Pengaturan cuti bersama / batas kelengkapan diubah"


# --------------------------------------------------------------------------- queries
def test_queries_with_concrete_dates(office):
    cal = load_calendar()
    req = rejected()
    late = objection(req, received=datetime(2026, 11, 13, 10, 0))  # Friday: due Tuesday 29 December
    due_today = objection(req)  # due 30 December
    tomorrow = objection(req, received=datetime(2026, 11, 17, 9, 30))  # due 31 December
    fourth = objection(None, received=datetime(2026, 11, 20, 10, 0))  # due 7 January
    decided = objection(req, received=datetime(2026, 11, 12, 10, 0))
    service.forward(decided.id, "", "petugas", FORWARDED)
    service.decide(decided.id, upheld(), cal, "atasan", DECIDED)
    forwarded_late = objection(req, received=datetime(2026, 11, 12, 11, 0))  # due Monday 28 December
    service.forward(forwarded_late.id, "", "petugas", FORWARDED)

    today = D(2026, 12, 30)
    assert [r.id for r in queries.overdue(today)] == [forwarded_late.id, late.id]
    assert [queries.working_days_late(cal, r, today) for r in queries.overdue(today)] == [2, 1]
    assert queries.working_days_late(cal, service.get_objection(due_today.id), today) == 0
    assert [r.id for r in queries.due_today(today)] == [due_today.id]
    assert [r.id for r in queries.due_within(cal, today, 1)] == [tomorrow.id]
    assert [r.id for r in queries.due_within(cal, today, 3)] == [tomorrow.id]  # to 6 January (1, 5 off)
    assert [r.id for r in queries.due_within(cal, today, 4)] == [tomorrow.id, fourth.id]
    assert decided.id not in [r.id for r in queries.overdue(D(2027, 3, 1))]
    assert [r.id for r in queries.for_request(req.id)] == [decided.id, forwarded_late.id, late.id, due_today.id,
                                                            tomorrow.id]
    assert [r.id for r in queries.received_between(D(2026, 11, 16), D(2026, 11, 17))] == [due_today.id, tomorrow.id]
    assert queries.received_between(D(2026, 11, 21), D(2026, 11, 22)) == []
    assert queries.overdue(today)[0].requester.name == "Siti Anggraini"  # joined, no extra query
