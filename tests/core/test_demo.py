"""Demo data: reproducible, valid people, gapless numbers, histories the state machine allows."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from datetime import date, datetime

import pytest

from ppid_desk.errors import ValidationError
from ppid_desk.register import queries, service
from ppid_desk.register.codes import ENDED_STATUSES, GRANTED, Channel, Decision, EventKind, RequesterKind, Status
from ppid_desk.register.demo import generate
from ppid_desk.register.lifecycle import FROM, Action, RequestState, refusal
from ppid_desk.register.nik import parse_nik
from ppid_desk.register.numbering import DEFAULT_REQUEST_PATTERN, format_number
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store import open_store
from ppid_desk.store.models import Counter, Request, RequestEvent, Requester, RequestUnit, Unit
from ppid_desk.store.sqlite import search_request_ids
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
    for table in ("requester", "request", "request_unit", "request_event", "counter", "unit"):
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
            action, after = REPLAY[EventKind(event.kind)]
            assert state.status in FROM[action], (row.number, event.kind, state)
            assert refusal(state, action, event.at.date()) is None, (row.number, event.kind, state)
            data = json.loads(event.data)
            state = RequestState(
                after or state.status,
                state.extended or action is Action.EXTEND,
                Decision(data["decision"]) if action is Action.DECIDE else state.decision,
                state.completeness_due,
                date.fromisoformat(data["response_due"]) if action is Action.COMPLETE else state.response_due,
            )
        assert (Status(row.status), row.extended, row.response_due) == (state.status, state.extended,
                                                                        state.response_due), row.number
        assert (Decision(row.decision) if row.decision else None) == state.decision
        assert (row.closed_on is not None) == (Status(row.status) in ENDED_STATUSES)
        assert (row.notice_date is not None) == (row.decision is not None)
        assert (row.delivered_on is not None) == any(e.kind == EventKind.DELIVERED.value for e in history)
        assert routed_units[row.id] >= sum(e.kind == EventKind.ROUTED.value for e in history)
        if row.decision == Decision.REJECTED.value:
            assert (row.pasal17 or row.other_statute) and row.consequence_test
        if row.delivered_on:
            assert row.decision in GRANTED and row.delivery_form
        if not any(e.kind == EventKind.COMPLETED.value for e in history):
            deadlines = calendar.deadlines(row.received_at)
            assert row.effective_day == deadlines.receipt.day
            assert row.response_due == deadlines.response.day
            assert row.completeness_due == deadlines.completeness.day
        assert row.completeness_due == calendar.add_working_days(row.effective_day, 2).day
        if not row.extended:
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
