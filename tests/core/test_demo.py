"""Demo data: reproducible, valid people, gapless numbers, histories the state machine allows."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from datetime import date, datetime

import pytest

from ppid_desk.errors import ValidationError
from ppid_desk.objections import lifecycle as objection_lifecycle, service as objection_service
from ppid_desk.objections.codes import (
    Decision as ObjectionDecision, EventKind as ObjectionEventKind, Status as ObjectionStatus, parse_grounds,
)
from ppid_desk.objections.grounds import ground_arose_on, suggest_grounds
from ppid_desk.objections.numbering import DEFAULT_OBJECTION_PATTERN, SERIES as OBJECTION_SERIES
from ppid_desk.register import queries, service
from ppid_desk.register.codes import ENDED_STATUSES, GRANTED, Channel, Decision, EventKind, RequesterKind, Status
from ppid_desk.register.demo import generate
from ppid_desk.register.lifecycle import FROM, Action, OrderAction, RequestState, refusal
from ppid_desk.register.nik import parse_nik
from ppid_desk.register.numbering import DEFAULT_REQUEST_PATTERN, format_number
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.store.models import (
    Counter, Objection, ObjectionEvent, Request, RequestEvent, Requester, RequestUnit, Unit,
)
from ppid_desk.store.backend import search_request_ids
from ppid_desk.workdays import load_calendar

TODAY = date(2026, 4, 30)
N = 1500

# An event kind: the action it records and the status it leaves (None: unchanged).
REPLAY = {
    EventKind.INCOMPLETE: (Action.MARK_INCOMPLETE, Status.AWAITING_COMPLETENESS),
    EventKind.COMPLETED: (Action.COMPLETE, Status.REGISTERED),
    EventKind.LAPSED: (Action.LAPSE, Status.VOID),
    EventKind.ROUTED: (Action.ROUTE, Status.ROUTED),
    EventKind.EXTENDED: (Action.EXTEND, None),
    EventKind.DECIDED: (Action.DECIDE, Status.DECIDED),
    EventKind.DELIVERED: (Action.DELIVER, Status.DELIVERED),
    EventKind.CLOSED: (Action.CLOSE, Status.CLOSED),
    EventKind.WITHDRAWN: (Action.WITHDRAW, Status.WITHDRAWN),
    EventKind.REOPENED: (OrderAction.REOPEN, Status.ROUTED),
}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    with open_store(data_dir):
        summary = generate(N, 7, 2, TODAY)
    return data_dir, summary


@pytest.fixture
def demo(demo_dir):
    with open_store(demo_dir[0]) as store:
        yield store


def digest(db) -> str:
    h = hashlib.sha256()
    for table in ("requester", "request", "request_unit", "request_event", "counter", "unit", "objection",
                  "objection_event", "dip_entry", "dip_event"):
        for row in db.execute_sql(f"SELECT * FROM {table} ORDER BY 1, 2"):
            h.update(repr(row).encode())
    return h.hexdigest()


def test_same_seed_and_day_give_the_same_register(tmp_path):
    digests = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        with open_store(tmp_path / name) as store:
            generate(300, seed, 1, TODAY)
            digests.append(digest(store.db))
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_summary_integrity_and_search_index(demo, demo_dir):
    summary = demo_dir[1]
    assert summary.requests == Request.select().count() == N
    assert summary.requesters == Requester.select().count() < N  # returning requesters reuse their row
    assert summary.events == RequestEvent.select().count()
    assert summary.routings == RequestUnit.select().count()
    assert summary.units_created == Unit.select().count() > 0
    assert sum(summary.by_status.values()) == N
    assert demo.integrity_problems() == []
    assert demo.db.execute_sql("SELECT count(*) FROM request_search").fetchone()[0] == N
    triggers = {r[0] for r in demo.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "request_search_ai" in triggers
    sample = Request.select().order_by(Request.id).offset(N // 2).get()
    assert sample.id in search_request_ids(demo.db, sample.number)
    assert sample.id in search_request_ids(demo.db, f"{sample.requester.name.split()[0]} {sample.requester.phone}")


def test_shares_are_realistic(demo_dir):
    by_status = demo_dir[1].by_status
    assert by_status[Status.CLOSED.value] > N * 0.6
    for status in (Status.REGISTERED, Status.ROUTED, Status.VOID, Status.WITHDRAWN, Status.DELIVERED):
        assert by_status[status.value] > 0, status
    assert sum(by_status.values()) - by_status[Status.CLOSED.value] < N * 0.25


def test_every_history_is_allowed_by_the_state_machine(demo):
    calendar = load_calendar()
    events = defaultdict(list)
    for event in RequestEvent.select().order_by(RequestEvent.request, RequestEvent.at, RequestEvent.id):
        events[event.request_id].append(event)
    routed_units = defaultdict(int)
    for routing in RequestUnit.select():
        routed_units[routing.request_id] += 1
    cutoff = datetime.combine(TODAY, datetime.min.time())
    decisions, channels = set(), set()
    for row in Request.select():
        history = events[row.id]
        assert history[0].kind == EventKind.REGISTERED.value
        first = json.loads(history[0].data)
        assert first["number"] == row.number
        state = RequestState(Status.REGISTERED, False, None, row.completeness_due, date.fromisoformat(first["response_due"]))
        previous = history[0].at
        assert row.received_at <= previous < cutoff
        for event in history[1:]:
            assert previous < event.at < cutoff
            previous = event.at
            if event.kind == EventKind.DIP_LINKED.value:  # no step of the state machine
                assert json.loads(event.data)["entry"] == row.dip_entry_id
                continue
            action, after = REPLAY[EventKind(event.kind)]
            assert state.status in FROM[action], (row.number, event.kind, state)
            assert refusal(state, action, event.at.date()) is None, (row.number, event.kind, state)
            data = json.loads(event.data)
            reopen = action is OrderAction.REOPEN
            state = RequestState(
                after or state.status,
                state.extended or action is Action.EXTEND,
                Decision(data["decision"]) if action is Action.DECIDE else None if reopen else state.decision,
                state.completeness_due,
                date.fromisoformat(data["response_due"]) if action is Action.COMPLETE or reopen
                else state.response_due,
                state.reopened or reopen,
            )
        assert (Status(row.status), row.extended, row.response_due, row.reopened_on is not None) == (
            state.status, state.extended, state.response_due, state.reopened), row.number
        assert (Decision(row.decision) if row.decision else None) == state.decision
        assert (row.closed_on is not None) == (Status(row.status) in ENDED_STATUSES)
        assert (row.notice_date is not None) == (row.decision is not None)
        since = [e.kind for e in history]
        since = since[len(since) - since[::-1].index(EventKind.REOPENED.value):] if row.reopened_on else since
        assert (row.delivered_on is not None) == (EventKind.DELIVERED.value in since)
        assert routed_units[row.id] >= sum(e.kind == EventKind.ROUTED.value for e in history)
        if row.decision == Decision.REJECTED.value:
            assert (row.pasal17 or row.other_statute) and row.consequence_test
        if row.delivered_on:
            assert row.decision in GRANTED and row.delivery_form
        if not any(e.kind == EventKind.COMPLETED.value for e in history):
            deadlines = calendar.deadlines(row.received_at)
            assert row.effective_day == deadlines.receipt.day
            assert row.response_due == (calendar.add_working_days(row.reopened_on, 10).day if row.reopened_on
                                        else deadlines.response.day)
            assert row.completeness_due == deadlines.completeness.day
        assert row.completeness_due == calendar.add_working_days(row.effective_day, 2).day
        if row.reopened_on:
            assert row.extended_due == row.response_due
        elif not row.extended:
            assert row.extended_due == calendar.add_working_days(row.effective_day, 17).day
        decisions.add(row.decision)
        channels.add(row.channel)
    assert set(Decision) <= decisions
    assert {c.value for c in Channel} == channels
    assert queries.overdue(TODAY), "some open requests are overdue"


def test_requesters_are_valid(demo):
    kinds = defaultdict(int)
    for person in Requester.select():
        kinds[person.kind] += 1
        if person.kind == RequesterKind.PERSON.value:
            assert parse_nik(person.nik).nik == person.nik
        elif person.kind == RequesterKind.LEGAL_BODY.value:
            assert person.legal_number and person.nik is None
        assert service.requester_problems(RequesterInput(
            RequesterKind(person.kind), person.name, person.nik or "", person.legal_number, person.address,
            person.occupation, person.phone, person.email), TODAY) == {}, person.name
        assert person.address.startswith("Jl. ") and ", Kel. " in person.address and ", Kec. " in person.address
    assert kinds[RequesterKind.PERSON.value] > kinds[RequesterKind.GROUP.value] > 0
    assert kinds[RequesterKind.LEGAL_BODY.value] > 0


def test_numbers_follow_the_pattern_gapless_per_year_in_received_order(demo):
    seqs = defaultdict(list)
    numbers = set()
    for row in Request.select().order_by(Request.received_at, Request.id):
        assert row.number == format_number(DEFAULT_REQUEST_PATTERN, row.seq, row.received_at.date())
        assert row.year == row.received_at.year
        seqs[row.year].append(row.seq)
        numbers.add(row.number)
    assert len(numbers) == N
    assert len(seqs) >= 2
    for year, found in seqs.items():
        assert found == list(range(1, len(found) + 1)), year
        assert Counter.get((Counter.series == service.SERIES) & (Counter.year == year)).last == len(found)


def test_real_registration_continues_the_numbering(demo_dir, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(demo_dir[0], copy)
    with open_store(copy) as store:
        last = Request.select().order_by(Request.received_at.desc(), Request.id.desc()).get()
        data = RequestInput(
            requester=RequesterInput(name="Siti Anggraini", nik="3201014506900001", address="Jl. Merdeka 1, Bandung",
                                     phone="081234567890"),
            information="Salinan DPA Dinas Kesehatan 2026", purpose="Penelitian", received_at=last.received_at)
        row = service.register_request(data, load_calendar(), "petugas", now=datetime.combine(TODAY, datetime.min.time()))
        assert (row.year, row.seq) == (last.year, last.seq + 1)
        assert Request.select().where(Request.number == row.number).count() == 1
        assert search_request_ids(store.db, "Anggraini") == [row.id]  # the index trigger is back
        assert store.integrity_problems() == []


def test_refuses_a_register_that_has_requests(demo):
    with pytest.raises(ValidationError):
        generate(10, 1, 1, TODAY)


# --------------------------------------------------------------------------- objections
# An objection event kind: the action it records and the status it leaves (None: unchanged).
OBJECTION_REPLAY = {
    ObjectionEventKind.FORWARDED: (objection_lifecycle.Action.FORWARD, ObjectionStatus.FORWARDED),
    ObjectionEventKind.DECIDED: (objection_lifecycle.Action.DECIDE, ObjectionStatus.DECIDED),
    ObjectionEventKind.RESPONSE_HANDED_OVER: (objection_lifecycle.Action.HAND_OVER,
                                              ObjectionStatus.RESPONSE_HANDED_OVER),
    ObjectionEventKind.ACCEPTED: (objection_lifecycle.Action.ACCEPT, ObjectionStatus.ACCEPTED),
    ObjectionEventKind.DISPUTED: (objection_lifecycle.Action.DISPUTE, ObjectionStatus.DISPUTE),
    ObjectionEventKind.DISPUTE_REGISTERED: (objection_lifecycle.Action.RECORD_DISPUTE, None),
    ObjectionEventKind.DISPUTE_OUTCOME: (objection_lifecycle.Action.RECORD_OUTCOME, None),
    ObjectionEventKind.CLOSED: (objection_lifecycle.Action.CLOSE, ObjectionStatus.CLOSED),
    ObjectionEventKind.WITHDRAWN: (objection_lifecycle.Action.WITHDRAW, ObjectionStatus.WITHDRAWN),
}


def test_every_objection_history_is_allowed_and_overturns_reopen_their_request(demo, demo_dir):
    summary = demo_dir[1]
    assert summary.objections == Objection.select().count() > 0
    assert summary.objection_events == ObjectionEvent.select().count()
    assert sum(summary.objections_by_status.values()) == summary.objections
    calendar = load_calendar()
    cutoff = datetime.combine(TODAY, datetime.min.time())
    events = defaultdict(list)
    for event in ObjectionEvent.select().order_by(ObjectionEvent.objection, ObjectionEvent.at, ObjectionEvent.id):
        events[event.objection_id].append(event)
    reopenings = {}
    for event in RequestEvent.select().where(RequestEvent.kind == EventKind.REOPENED.value):
        data = json.loads(event.data)
        reopenings[data["objection"]] = (event.request_id, event.at, data)
    overturned = 0
    for row in Objection.select():
        history = events[row.id]
        first = json.loads(history[0].data)
        assert history[0].kind == ObjectionEventKind.REGISTERED.value and first["number"] == row.number
        assert first["request"] == row.request.number and row.requester_id == row.request.requester_id
        assert row.request.received_at < row.received_at <= history[0].at < cutoff
        assert row.effective_day == calendar.effective_receipt(row.received_at).day
        assert row.answer_due == calendar.add_working_days(row.effective_day, 30).day
        arose = date.fromisoformat(first["ground_arose_on"])
        assert first["filing_due"] == calendar.add_working_days(arose, 30).day.isoformat()
        assert row.late_filing == first["late_filing"] == (row.effective_day > date.fromisoformat(first["filing_due"]))
        assert ("warning" in first) == row.late_filing
        assert parse_grounds(row.grounds) and row.case_summary and row.purpose and row.information
        state = objection_lifecycle.ObjectionState(ObjectionStatus.REGISTERED, row.answer_due,
                                                   calendar.add_working_days(row.answer_due, 14).day)
        previous = history[0].at
        for event in history[1:]:
            assert previous < event.at < cutoff, row.number
            previous = event.at
            action, after = OBJECTION_REPLAY[ObjectionEventKind(event.kind)]
            assert objection_lifecycle.refusal(state, action, event.at.date()) is None, (row.number, event.kind)
            data = json.loads(event.data)
            state = objection_lifecycle.ObjectionState(
                after or state.status, state.answer_due,
                date.fromisoformat(data["dispute_window_due"]) if "dispute_window_due" in data
                else state.dispute_window_due,
                state.dispute_registered or action is objection_lifecycle.Action.RECORD_DISPUTE,
                state.outcome_recorded or action is objection_lifecycle.Action.RECORD_OUTCOME)
        assert (ObjectionStatus(row.status), row.dispute_window_due) == (state.status, state.dispute_window_due)
        assert (bool(row.dispute_number), bool(row.dispute_outcome)) == (state.dispute_registered,
                                                                         state.outcome_recorded)
        assert (row.closed_on is not None) == (row.status in ("selesai", "ditarik"))
        assert (row.decided_on is not None) == (row.decision is not None) == \
            any(e.kind == ObjectionEventKind.DECIDED.value for e in history)
        if row.decision:
            assert row.atasan_name and row.decision_reasons
        if row.decision == ObjectionDecision.OVERTURNED.value:
            overturned += 1
            decided = next(e for e in history if e.kind == ObjectionEventKind.DECIDED.value)
            request_id, at, data = reopenings[row.number]
            assert (request_id, at, data["ordered_on"]) == (row.request_id, decided.at, row.decided_on.isoformat())
            assert row.order_text == data["order"]
            assert json.loads(decided.data)["request_response_due"] == data["response_due"]
        else:
            assert row.number not in reopenings and not row.order_text
    assert overturned == len(reopenings) > 0


def test_objections_come_from_rejected_partial_and_late_requests(demo):
    rejected = Request.select().join(RequestEvent).where(
        (RequestEvent.kind == EventKind.DECIDED.value) & RequestEvent.data.contains('"ditolak"')).distinct().count()
    with_a = Objection.select().where(Objection.grounds.contains("a")).count()
    assert 0.1 < with_a / rejected < 0.35, (with_a, rejected)
    assert {g for row in Objection.select() for g in row.grounds.split(",")} >= {"a", "c", "e", "g"}
    # The grounds are the ones the app suggests from the request as it was when the objection came.
    for row in Objection.select().where(Objection.request.in_(
            Request.select(Request.id).where(Request.reopened_on.is_null()))):
        assert parse_grounds(row.grounds) == suggest_grounds(row.request, row.received_at.date()), row.number
        arose = json.loads(objection_service.events_of(row.id)[0].data)["ground_arose_on"]
        assert ground_arose_on(row.request, parse_grounds(row.grounds)).isoformat() == arose


def test_objections_are_numbered_in_the_order_received(demo):
    seqs = defaultdict(list)
    for row in Objection.select().order_by(Objection.received_at, Objection.id):
        assert row.number == format_number(DEFAULT_OBJECTION_PATTERN, row.seq, row.received_at.date())
        assert row.year == row.received_at.year
        seqs[row.year].append(row.seq)
    for year, found in seqs.items():
        assert found == list(range(1, len(found) + 1)), year
        assert Counter.get((Counter.series == OBJECTION_SERIES) & (Counter.year == year)).last == len(found)


def test_objections_in_every_state(tmp_path):
    with open_store(tmp_path / "data"):
        summary = generate(3000, 7, 1, TODAY)
    assert all(summary.objections_by_status[s.value] > 0 for s in ObjectionStatus), summary.objections_by_status
    assert summary.objections_by_status[ObjectionStatus.CLOSED.value] > summary.objections / 2


def test_real_objection_continues_the_numbering(demo_dir, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(demo_dir[0], copy)
    with open_store(copy) as store:
        last = Objection.select().order_by(Objection.received_at.desc(), Objection.id.desc()).get()
        target = Request.select().where(Request.decision == Decision.REJECTED.value).order_by(Request.id.desc()).get()
        data = objection_service.objection_from_request(target.id, TODAY)
        data.case_summary = "Penolakan tanpa uji konsekuensi yang memadai."
        data.received_at = max(last.received_at, target.received_at)
        row = objection_service.register_objection(data, load_calendar(), "petugas",
                                                   now=datetime.combine(TODAY, datetime.min.time()))
        assert (row.year, row.seq) == (last.year, last.seq + 1) and row.grounds == "a"
        assert store.integrity_problems() == []


def test_a_demo_dip_and_requests_linked_consistently_with_their_decisions(demo, demo_dir):
    """Every class is there (with retired entries too); a request linked to an excluded
    entry was first rejected on letters the entry covers, one linked to an open entry was
    first granted; the link is an event of the request at intake."""
    from ppid_desk.dip.codes import AVAILABLE, InfoClass
    from ppid_desk.dip.queries import counts_by_class, suggest
    from ppid_desk.store.models import DipEntry

    summary = demo_dir[1]
    assert 60 <= summary.dip_entries == DipEntry.select().count() <= 150
    assert all(n > 0 for n in counts_by_class().values())
    assert DipEntry.select().where(DipEntry.active == False).exists()  # noqa: E712
    linked = list(Request.select().where(Request.dip_entry.is_null(False)))
    assert summary.dip_links == len(linked) > N * 0.3
    for row in linked:
        history = list(RequestEvent.select().where(RequestEvent.request == row.id).order_by(RequestEvent.at,
                                                                                            RequestEvent.id))
        assert history[1].kind == EventKind.DIP_LINKED.value
        decided = next((json.loads(e.data) for e in history if e.kind == EventKind.DECIDED.value), None)
        if decided is None:  # linked at intake, not decided yet
            continue
        entry = row.dip_entry
        if InfoClass(entry.info_class) is InfoClass.EXCLUDED:
            assert decided["decision"] == Decision.REJECTED.value
            assert set(decided["pasal17"]) <= set(entry.pasal17.split(","))
        else:
            assert InfoClass(entry.info_class) in AVAILABLE
            assert decided["decision"] in {d.value for d in GRANTED}
    sample = linked[len(linked) // 2]
    assert sample.dip_entry_id in [m.id for m in suggest(sample.information, limit=10)]
