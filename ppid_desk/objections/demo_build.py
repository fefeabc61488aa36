"""Demo objections (:mod:`ppid_desk.register.demo`): for a share of the rejected, partly
granted and late or unanswered requests, an objection with the full history the state
machine (:mod:`.lifecycle`) allows, and, when the Atasan PPID overturns the PPID, the
request reopened and answered again.

The planner draws from its own ``random.Random`` (seeded from the demo's seed), so the
requests without objections are the same as without this module. Objections are numbered
at the end, in the order they were received (:meth:`ObjectionPlanner.finish`); the
request events that name an objection wait until then.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from ..register.codes import Decision as RequestDecision, EventKind as RequestEventKind, Status as RequestStatus
from ..register.demo_build import Clock
from ..register.numbering import ROMAN, format_number
from ..register.service import OUTCOME_FIELDS
from ..store.models import Objection
from .codes import Decision, EventKind, Ground, ObjectorResponse, Status, grounds_text
from .deadlines import ANSWER_DAYS, DISPUTE_DAYS
from .demo_words import CHECK_NOTES, FACTS, ORDERS, OUTCOMES, OVERTURN_REASONS, UPHOLD_REASONS, WHY, WITHDRAW
from .grounds import FILING_DAYS, FilingWindow, ground_arose_on, suggest_grounds

OBJECTION_COLUMNS = [f.column_name for f in Objection._meta.sorted_fields]
EVENT_COLUMNS = ["objection_id", "kind", "at", "actor", "data", "imported"]

# Share of requests that get an objection, by what happened to them.
SHARE_REJECTED = 0.20
SHARE_UNANSWERED = 0.35  # the notice never came: the likeliest to object
SHARE_LATE = 0.10  # the notice came after the deadline
SHARE_PARTIAL = 0.04
# How likely the Atasan PPID orders the information given, by the strongest ground.
OVERTURN = {Ground.NOT_ANSWERED: 0.8, Ground.NOT_FULFILLED: 0.35, Ground.REJECTED: 0.3, Ground.LATE: 0.1}


# As the service writes event data (json.dumps(data, default=str, ensure_ascii=False)).
_json = json.JSONEncoder(ensure_ascii=False, default=str).encode


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()


@dataclass
class Planned:
    """One objection as planned: its row (numbered later) and the events before the cutoff."""

    received: datetime
    request_id: int
    row: dict
    events: list[tuple[EventKind, datetime, str, dict]] = field(default_factory=list)
    reopen: dict | None = None  # the request's reopening event data, waiting for the number


@dataclass
class Finished:
    rows: list[tuple]
    events: list[tuple]
    request_events: list[tuple]  # the requests' events from their reopening on
    by_year: dict[int, int]
    by_status: dict[str, int]


class ObjectionPlanner:
    def __init__(self, rng: random.Random, clock: Clock, today: date, ppid: str, officers: list[str], atasan: str,
                 atasan_title: str, order_days: int) -> None:
        self.rng = rng
        self.clock = clock
        self.cutoff = datetime.combine(today, time(0, 0))
        self.ppid = ppid
        self.officers = officers
        self.atasan = atasan
        self.atasan_title = atasan_title
        self.order_days = order_days
        self.planned: list[Planned] = []
        self.deferred: list[tuple] = []  # request events from a reopening on: (request_id, kind, at, actor, data, 0)

    def _at(self, day: date, prev: datetime) -> datetime:
        at = datetime.combine(day, time(8, 0)) + timedelta(minutes=self.rng.randrange(0, 420))
        return at if at > prev else prev + timedelta(minutes=self.rng.randrange(3, 50))

    # -- whether the request gets one
    def plan(self, rid: int, number: str, requester_id: int, information: str, purpose: str, steps: list) -> None:
        """Maybe plan an objection against the request whose whole planned life is ``steps``
        (request demo steps); the reopening and the new answer are appended to ``steps``."""
        record = SimpleNamespace(status=None, decision=None, notice_date=None, delivered_on=None, extended=False,
                                 extended_due=None, response_due=None)
        for kind, _, _, data, changes, _ in steps:
            record.status = changes.get("status", record.status)
            if kind is RequestEventKind.REGISTERED or kind is RequestEventKind.COMPLETED:
                record.response_due = data["response_due"]
            elif kind is RequestEventKind.EXTENDED:
                record.extended, record.extended_due = True, data["new_due"]
            elif kind is RequestEventKind.DECIDED:
                record.decision, record.notice_date = data["decision"], data["notice_date"]
            elif kind is RequestEventKind.DELIVERED:
                record.delivered_on = data["delivered_on"]
        record.status = record.status or RequestStatus.REGISTERED.value
        if record.status in (RequestStatus.WITHDRAWN.value, RequestStatus.VOID.value,
                             RequestStatus.AWAITING_COMPLETENESS.value):
            return
        due = record.extended_due if record.extended else record.response_due
        share = max(SHARE_REJECTED if record.decision == RequestDecision.REJECTED.value else 0,
                    SHARE_PARTIAL if record.decision == RequestDecision.GRANTED_PARTIAL.value else 0,
                    SHARE_UNANSWERED if record.notice_date is None else
                    SHARE_LATE if record.notice_date > due else 0)
        rng = self.rng
        if not share or rng.random() >= share:
            return
        grounds = suggest_grounds(record, self.clock.after(due, 1))
        if not grounds:
            return
        last = steps[-1][1]
        arose = ground_arose_on(record, grounds)
        k = rng.randrange(1, FILING_DAYS + 1) if rng.random() < 0.92 else rng.randrange(FILING_DAYS + 1, 45)
        day = self.clock.after(arose, k)
        if day <= last.date():
            day = self.clock.after(last.date(), rng.randrange(1, 4))
        received = max(datetime.combine(day, time(7, 30)) + timedelta(minutes=rng.randrange(0, 480)),
                       last + timedelta(minutes=5))
        if received >= self.cutoff:
            return
        self._life(rid, number, requester_id, information, purpose, grounds, arose, received, steps)

    # -- its life
    def _life(self, rid: int, number: str, requester_id: int, information: str, purpose: str, grounds: list[Ground],
              arose: date, received: datetime, steps: list) -> None:
        rng, after, clock = self.rng, self.clock.after, self.clock
        eff = clock.receipt(received)[0]
        answer_due = after(eff, ANSWER_DAYS)
        window = after(answer_due, DISPUTE_DAYS)
        filing_due = after(arose, FILING_DAYS)
        filing = FilingWindow(arose, filing_due, eff > filing_due)
        officer = rng.choice(self.officers)
        proxy, letter = "", ""
        if rng.random() < 0.05:
            proxy = rng.choice(("Ahmad Fauzi, S.H.", "Rina Marlina, S.H., M.H.", "Yusuf Hidayat, S.H."))
            letter = f"Surat Kuasa Khusus tanggal {received.date() - timedelta(days=rng.randrange(1, 10)):%d-%m-%Y}"
        facts = "; ".join(FACTS[g.value] for g in grounds if g.value in FACTS)
        summary = (f"Pemohon mengajukan permohonan informasi Nomor {number}. {facts[:1].upper()}{facts[1:]}. "
                   f"Pemohon berkeberatan karena {rng.choice(WHY)}.")
        row = dict.fromkeys(OBJECTION_COLUMNS)
        row.update(
            received_at=_iso(received), effective_day=_iso(eff), request_id=rid, request_reference="",
            requester_id=requester_id, proxy_name=proxy, proxy_letter=letter, information=information,
            purpose=purpose, grounds=grounds_text(grounds), case_summary=summary, status=Status.REGISTERED.value,
            answer_due=_iso(answer_due), late_filing=int(filing.late), decision_reasons="", order_text="",
            atasan_name="", atasan_title="", dispute_window_due=_iso(window), dispute_number="", dispute_outcome="",
            created_by=officer, imported=0,
        )
        reg_at = received + timedelta(minutes=rng.randrange(2, 30)) if eff == received.date() else \
            datetime.combine(eff, time(9, 0)) + timedelta(minutes=rng.randrange(0, 90))
        registered = {"number": None, "received_at": received, "effective_day": eff, "answer_due": answer_due,
                      "request": number, "grounds": row["grounds"], "ground_arose_on": arose, "filing_due": filing_due,
                      "late_filing": filing.late}
        if filing.late:
            registered["warning"] = filing.warning()
        plan: list[tuple[EventKind, datetime, str, dict, dict]] = [
            (EventKind.REGISTERED, reg_at, officer, registered, {})]
        add = plan.append
        prev = self._at(after(eff, rng.choice((0, 0, 1, 1, 2, 3))), reg_at)
        withdraw = rng.random() < 0.03
        if not withdraw or rng.random() < 0.5:
            add((EventKind.FORWARDED, prev, officer, {"note": rng.choice(CHECK_NOTES)},
                 {"status": Status.FORWARDED.value}))
        if withdraw:
            prev = self._at(after(prev.date(), rng.randrange(1, 8)), prev)
            add((EventKind.WITHDRAWN, prev, officer, {"reason": rng.choice(WITHDRAW)},
                 {"status": Status.WITHDRAWN.value, "closed_on": _iso(prev.date())}))
            return self._keep(rid, received, row, plan, None)
        if rng.random() < 0.04:  # the Atasan PPID never answers
            if rng.random() < 0.5:
                self._dispute(plan, after(answer_due, rng.randrange(1, DISPUTE_DAYS + 1)), prev, window, officer)
            return self._keep(rid, received, row, plan, None)
        k = rng.randrange(5, ANSWER_DAYS + 1) if rng.random() < 0.94 else rng.randrange(ANSWER_DAYS + 1, 41)
        decided_on = after(eff, k)
        prev = self._at(decided_on, prev)
        strongest = next(g for g in (Ground.NOT_ANSWERED, Ground.NOT_FULFILLED, Ground.REJECTED, Ground.LATE)
                         if g in grounds)
        overturn = rng.random() < OVERTURN[strongest]
        decision = Decision.OVERTURNED if overturn else Decision.UPHELD
        reasons = rng.choice(OVERTURN_REASONS if overturn else UPHOLD_REASONS)
        order = rng.choice(ORDERS) if overturn else ""
        data = {"decision": decision.value, "reasons": reasons, "order_text": order, "decided_on": decided_on,
                "atasan_name": self.atasan, "atasan_title": self.atasan_title}
        reopen = None
        if overturn:
            reopen = self._reopen(steps, prev, decided_on, order, number, data)
        add((EventKind.DECIDED, prev, self.atasan, data,
             {"status": Status.DECIDED.value, "decision": decision.value, "decision_reasons": reasons,
              "order_text": order, "decided_on": _iso(decided_on), "atasan_name": self.atasan,
              "atasan_title": self.atasan_title}))
        if rng.random() < 0.02:  # the response never reached the objector on record
            return self._keep(rid, received, row, plan, reopen)
        handed = after(decided_on, rng.choice((0, 0, 1, 1, 2, 3)))
        prev = self._at(handed, prev)
        window = after(handed, DISPUTE_DAYS)
        add((EventKind.RESPONSE_HANDED_OVER, prev, officer, {"handed_on": handed, "dispute_window_due": window},
             {"status": Status.RESPONSE_HANDED_OVER.value, "response_handed_on": _iso(handed),
              "dispute_window_due": _iso(window)}))
        r = rng.random()
        if r < (0.8 if overturn else 0.45):
            prev = self._at(after(handed, rng.randrange(0, 8)), prev)
            add((EventKind.ACCEPTED, prev, officer, {"note": ""},
                 {"status": Status.ACCEPTED.value, "objector_response": ObjectorResponse.ACCEPTS.value}))
            if rng.random() < 0.9:
                self._close(plan, after(prev.date(), rng.randrange(0, 4)), prev, officer)
        elif r < (0.85 if overturn else 0.8):
            late = rng.random() < 0.1
            day = after(handed, rng.randrange(DISPUTE_DAYS + 1, 20) if late else rng.randrange(1, DISPUTE_DAYS + 1))
            self._dispute(plan, day, prev, window, officer)
        elif rng.random() < 0.85:  # no word from the objector: closed once the window ran out
            self._close(plan, after(window, rng.randrange(1, 6)), prev, officer)
        return self._keep(rid, received, row, plan, reopen)

    def _dispute(self, plan: list, day: date, prev: datetime, window: date, officer: str) -> None:
        rng, after, add = self.rng, self.clock.after, plan.append
        prev = self._at(day, max(prev, plan[-1][1]))
        data = {"note": "", "dispute_window_due": window}
        if day > window:
            data["late"] = True
        add((EventKind.DISPUTED, prev, officer, data,
             {"status": Status.DISPUTE.value, "objector_response": ObjectorResponse.DISPUTE.value}))
        if rng.random() >= 0.85:
            if rng.random() < 0.6:  # never filed with the Komisi Informasi: closed after the window
                self._close(plan, after(max(window, day), rng.randrange(2, 11)), prev, officer)
            return
        registered_on = after(day, rng.randrange(2, 12))
        prev = self._at(registered_on, prev)
        number = f"{rng.randrange(1, 200):03d}/{ROMAN[registered_on.month - 1]}/KI-PSI/{registered_on.year}"
        add((EventKind.DISPUTE_REGISTERED, prev, officer, {"number": number, "registered_on": registered_on},
             {"dispute_number": number, "dispute_registered_on": _iso(registered_on)}))
        if rng.random() < 0.75:
            prev = self._at(after(registered_on, rng.randrange(30, 120)), prev)
            outcome = rng.choice(OUTCOMES)
            add((EventKind.DISPUTE_OUTCOME, prev, officer, {"outcome": outcome}, {"dispute_outcome": outcome}))
            if rng.random() < 0.9:
                self._close(plan, after(prev.date(), rng.randrange(1, 6)), prev, officer)

    def _close(self, plan: list, day: date, prev: datetime, officer: str) -> None:
        at = self._at(day, max(prev, plan[-1][1]))
        plan.append((EventKind.CLOSED, at, officer, {}, {"status": Status.CLOSED.value, "closed_on": _iso(day)}))

    def _reopen(self, steps: list, at: datetime, ordered_on: date, order: str, number: str, decided: dict) -> dict:
        """The request processed again on the order: reopened, decided, delivered, closed."""
        rng, after = self.rng, self.clock.after
        due = after(ordered_on, self.order_days)
        reopen = {"objection": None, "order": order, "ordered_on": ordered_on, "days": self.order_days,
                  "response_due": due, "before": None}  # number and before filled later
        decided.update(request=number, request_response_due=due)
        changes = {**OUTCOME_FIELDS, "status": RequestStatus.ROUTED.value, "reopened_on": _iso(ordered_on),
                   "response_due": _iso(due), "extended_due": _iso(due)}
        steps.append((RequestEventKind.REOPENED, at, self.atasan, reopen, changes, None))
        k = rng.randrange(1, self.order_days + 1) if rng.random() < 0.92 else self.order_days + rng.randrange(1, 8)
        day = after(ordered_on, k)
        prev = self._at(day, at)
        partial = rng.random() < 0.25
        decision = RequestDecision.GRANTED_PARTIAL if partial else RequestDecision.GRANTED_FULL
        note = "Data pribadi dihitamkan sesuai perintah Atasan PPID" if partial else ""
        letters = ["h"] if partial else []
        data = {"decision": decision.value, "note": note, "pasal17": letters, "notice_date": day}
        steps.append((RequestEventKind.DECIDED, prev, self.ppid, {k: v for k, v in data.items() if v},
                      {"status": RequestStatus.DECIDED.value, "decision": decision.value, "decision_note": note,
                       "pasal17": ",".join(letters), "notice_date": _iso(day)}, None))
        delivered = after(day, rng.choice((0, 0, 1, 2, 3)))
        prev = self._at(delivered, prev)
        pages = 1 + min(int(rng.expovariate(1 / 12)), 200)
        steps.append((RequestEventKind.DELIVERED, prev, self.ppid,
                      {"form": "softcopy", "pages": pages, "cost": 0, "payment_method": "", "delivered_on": delivered},
                      {"status": RequestStatus.DELIVERED.value, "delivered_on": _iso(delivered),
                       "delivery_form": "softcopy", "pages": pages, "cost": 0, "payment_method": ""}, None))
        if rng.random() < 0.97:
            closed = after(delivered, rng.randrange(0, 3))
            steps.append((RequestEventKind.CLOSED, self._at(closed, prev), self.ppid, {},
                          {"status": RequestStatus.CLOSED.value, "closed_on": _iso(closed)}, None))
        return reopen

    def _keep(self, rid: int, received: datetime, row: dict, plan: list, reopen: dict | None) -> None:
        """Apply the steps that happened before the cutoff; keep the objection if it was registered."""
        if plan[0][1] >= self.cutoff:
            return
        planned = Planned(received, rid, row)
        for kind, at, actor, data, changes in plan:
            if at >= self.cutoff:
                break
            planned.events.append((kind, at, actor, data))
            row.update(changes)
            if kind is EventKind.DECIDED and reopen is not None:
                planned.reopen = reopen
        self.planned.append(planned)

    # -- numbering, once all are known
    def finish(self, first_id: int, pattern: str) -> Finished:
        """Number the objections in the order received and make their rows and events."""
        rows, events, by_year = [], [], {}
        by_status = {s.value: 0 for s in Status}
        self.planned.sort(key=lambda p: (p.received, p.request_id))
        for i, planned in enumerate(self.planned):
            oid = first_id + i
            received = planned.received
            seq = by_year[received.year] = by_year.get(received.year, 0) + 1
            number = format_number(pattern, seq, received.date())
            row = planned.row
            row.update(id=oid, number=number, year=received.year, seq=seq)
            rows.append(tuple(row[c] for c in OBJECTION_COLUMNS))
            by_status[row["status"]] += 1
            for kind, at, actor, data in planned.events:
                if kind is EventKind.REGISTERED:
                    data["number"] = number
                events.append((oid, kind.value, _iso(at), actor, _json(data), 0))
            if planned.reopen is not None:
                planned.reopen["objection"] = number
        deferred = [(rid, kind, at, actor, _json(data), imported) for rid, kind, at, actor, data, imported
                    in self.deferred]
        return Finished(rows, events, deferred, by_year, by_status)
