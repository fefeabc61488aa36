"""Demo data: a register full of realistic Indonesian requests, reproducible by seed.

``generate(n, seed, years, today)`` fills an empty register with requesters (mostly
persons with valid NIKs, some groups and legal bodies, some returning), units (when the
office has none), and requests received over the past ``years`` years, each with the
full event history the state machine (:mod:`.lifecycle`) allows, cut off at the start
of ``today``: old requests are closed, recent ones still run, a few are overdue.

Everything is drawn from ``random.Random(seed)`` and ``today``, so the same seed, day,
calendar and office settings give the same register. A share of the rejected, partly
granted and late requests get an objection (:mod:`ppid_desk.objections.demo_build`), numbered
in the order received once all requests are built. An empty DIP gets a demo catalogue, and
requests whose outcome fits an entry are linked to it at intake (:mod:`ppid_desk.dip.demo`). Rows are built in Python and
written in bulk in one transaction (the slow per-row path of :mod:`.service` would take
minutes for 100,000 requests); the search index is rebuilt once at the end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate

import peewee

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..dip.demo import create_demo_dip
from ..errors import ValidationError
from ..objections.demo_build import EVENT_COLUMNS as OBJECTION_EVENT_COLUMNS, OBJECTION_COLUMNS, ObjectionPlanner
from ..objections.demo_words import DEMO_ATASAN
from ..objections.numbering import SERIES as OBJECTION_SERIES
from ..office import load_office
from ..store import backend
from ..store.models import Objection, ObjectionEvent, Request, RequestEvent, Requester, RequestUnit, Unit, database
from ..workdays import load_calendar
from .codes import EventKind, Status
from .demo_build import EVENT_COLUMNS, REQUEST_COLUMNS, REQUESTER_COLUMNS, ROUTING_COLUMNS, Builder, Clock
from .demo_words import OFFICERS, UNITS
from .numbering import raise_floor
from .service import SERIES

Progress = Callable[[int, int], None]
CHUNK = 5_000  # requests written per batch (bounded memory at a million requests)
_LINKED = EventKind.DIP_LINKED.value


@dataclass
class DemoSummary:
    requests: int = 0
    requesters: int = 0
    events: int = 0
    routings: int = 0
    units_created: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})
    by_year: dict[int, int] = field(default_factory=dict)
    objections: int = 0
    objection_events: int = 0
    objections_by_status: dict[str, int] = field(default_factory=dict)
    dip_entries: int = 0
    dip_links: int = 0


# --- writing -----------------------------------------------------------------------------

def _insert_sql(table: str, columns: list[str]) -> str:
    marks = ", ".join([database.param] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


class _Writer:
    """``executemany`` of prepared rows. The builders write SQLite's values (0/1 for
    booleans); on PostgreSQL those columns become real booleans, and the id sequences of
    tables written with explicit ids move past them at the end (:meth:`finish`)."""

    def __init__(self, cursor) -> None:
        self.cursor = cursor
        self.postgres = backend.is_postgres(database)
        self._flags: dict[str, list[int]] = {}

    def many(self, sql: str, model: type, columns: list[str], rows: list[tuple]) -> None:
        if self.postgres and rows:
            flags = self._flags.get(sql)
            if flags is None:
                kinds = {f.column_name: f for f in model._meta.sorted_fields}
                flags = self._flags[sql] = [i for i, c in enumerate(columns)
                                            if isinstance(kinds.get(c), peewee.BooleanField)]
            if flags:
                rows = [tuple(bool(v) if i in flags and v is not None else v for i, v in enumerate(row))
                        for row in rows]
        self.cursor.executemany(sql, rows)

    def finish(self, *models: type) -> None:
        for model in models:
            backend.after_explicit_ids(database, model._meta.table_name)


def _received_times(rng: random.Random, clock: Clock, n: int, today: date, years: int) -> list[datetime]:
    """``n`` receipt moments over the ``years`` years before ``today``, in order.

    Working days carry most requests (more in the busy months, slowly growing over the
    period); mostly within service hours, some before opening or after closing, a few on
    days off (email, website, SMS).
    """
    start = today - timedelta(days=round(365.25 * years))
    days = [start + timedelta(days=i) for i in range((today - start).days)]
    season = (0.8, 0.95, 1.1, 1.1, 1.05, 0.95, 1.0, 1.05, 1.1, 1.15, 1.1, 0.75)
    working = [clock.calendar.is_working_day(d) for d in days]
    weights = [(0.85 + 0.3 * i / len(days)) * season[d.month - 1] if w else 0.07
               for i, (d, w) in enumerate(zip(days, working))]
    picks = rng.choices(range(len(days)), cum_weights=list(accumulate(weights)), k=n)
    keys = []
    for i in picks:
        hours = clock.hours.get(days[i].weekday(), (8 * 60, 16 * 60))
        r = rng.random()
        if not working[i]:
            minute = rng.randrange(7 * 60, 22 * 60)
        elif r < 0.86:
            minute = rng.randrange(hours[0], hours[1])
        elif r < 0.95:
            minute = rng.randrange(6 * 60, hours[0])
        else:
            minute = rng.randrange(hours[1], 23 * 60 + 60)
        keys.append(i * 1440 + minute)
    keys.sort()
    midnight = [datetime.combine(d, time(0, 0)) for d in days]
    return [midnight[k // 1440] + timedelta(minutes=k % 1440) for k in keys]


def _units(start: datetime) -> tuple[list[tuple[int, str, str]], int]:
    """(id, name, key) of the active units, creating the default ones when there are none."""
    rows = list(Unit.select().where(Unit.active == True).order_by(Unit.id))  # noqa: E712
    if rows:
        return [(u.id, u.name, "") for u in rows], 0
    keys = {}
    for name, kind, key in UNITS:
        keys[Unit.insert(name=name, kind=kind, created_at=start).execute()] = (name, key)
    return [(uid, name, key) for uid, (name, key) in keys.items()], len(UNITS)


def generate(n_requests: int, seed: int, years: int, today: date, progress: Progress | None = None,
             actor: Actor = "") -> DemoSummary:
    """Fill the (empty) register of the open store with ``n_requests`` demo requests (a
    bulk load like an import: ``import_register``; one audit entry for the whole of it)."""
    require(actor, Permission.IMPORT_REGISTER)
    if n_requests < 0 or years < 1:
        raise ValidationError("Jumlah permohonan tidak boleh negatif dan rentang paling sedikit 1 tahun.")
    if Request.select().exists():
        raise ValidationError("Register sudah berisi permohonan; data contoh hanya dibuat pada register kosong.")
    rng = random.Random(seed)
    office = load_office()
    clock = Clock(load_calendar(), office.completeness_days)
    summary = DemoSummary()
    sql_request = _insert_sql(Request._meta.table_name, REQUEST_COLUMNS)
    sql_requester = _insert_sql(Requester._meta.table_name, REQUESTER_COLUMNS)
    sql_event = _insert_sql(RequestEvent._meta.table_name, EVENT_COLUMNS)
    sql_routing = _insert_sql(RequestUnit._meta.table_name, ROUTING_COLUMNS)
    with database.atomic(), backend.bulk_request_load(database), audit.batch():
        times = _received_times(rng, clock, n_requests, today, years)
        units, summary.units_created = _units(datetime.combine(today - timedelta(days=round(365.25 * years)),
                                                               time(8, 0)))
        ppid = office.ppid_name.strip() or "PPID"
        dip = create_demo_dip(units, datetime.combine(today - timedelta(days=round(365.25 * years)), time(8, 30)),
                              ppid, today, seed)
        first_request = (Request.select(Request.id).order_by(Request.id.desc()).scalar() or 0) + 1
        first_requester = (Requester.select(Requester.id).order_by(Requester.id.desc()).scalar() or 0) + 1
        planner = ObjectionPlanner(random.Random(f"keberatan-{seed}"), clock, today, ppid, OFFICERS,
                                   office.atasan_name.strip() or DEMO_ATASAN, office.atasan_title, office.order_days)
        builder = Builder(rng, clock, today, office.request_number_pattern, ppid, units, first_requester, planner,
                          dip)
        by_status = summary.by_status
        write = _Writer(database.cursor())
        for chunk in range(0, n_requests, CHUNK):
            requests: list[tuple] = []
            requesters: list[tuple] = []
            events: list[tuple] = []
            routings: list[tuple] = []
            for i in range(chunk, min(chunk + CHUNK, n_requests)):
                status = builder.request(first_request + i, times[i], requests, requesters, events, routings)
                by_status[status] += 1
            write.many(sql_requester, Requester, REQUESTER_COLUMNS, requesters)
            write.many(sql_request, Request, REQUEST_COLUMNS, requests)
            summary.dip_links += sum(1 for e in events if e[1] == _LINKED)
            write.many(sql_routing, RequestUnit, ROUTING_COLUMNS, routings)
            write.many(sql_event, RequestEvent, EVENT_COLUMNS, events)
            summary.requests += len(requests)
            summary.requesters += len(requesters)
            summary.events += len(events)
            summary.routings += len(routings)
            if progress is not None:
                progress(summary.requests, n_requests)
        for year, last in sorted(builder.seq.items()):
            raise_floor(SERIES, year, last)
            summary.by_year[year] = last
        first_objection = (Objection.select(Objection.id).order_by(Objection.id.desc()).scalar() or 0) + 1
        objections = planner.finish(first_objection, office.objection_number_pattern)
        write.many(_insert_sql(Objection._meta.table_name, OBJECTION_COLUMNS), Objection, OBJECTION_COLUMNS,
                   objections.rows)
        write.many(_insert_sql(ObjectionEvent._meta.table_name, OBJECTION_EVENT_COLUMNS), ObjectionEvent,
                   OBJECTION_EVENT_COLUMNS, objections.events)
        write.many(sql_event, RequestEvent, EVENT_COLUMNS, objections.request_events)
        write.finish(Requester, Request, Objection)
        for year, last in sorted(objections.by_year.items()):
            raise_floor(OBJECTION_SERIES, year, last)
        summary.events += len(objections.request_events)
        summary.objections = len(objections.rows)
        summary.objection_events = len(objections.events)
        summary.objections_by_status = objections.by_status
        summary.dip_entries = dip.entries if dip is not None else 0
        audit.append(actor, "demo.generate", "register", "",
                     f"Data contoh dibuat: {summary.requests} permohonan, {summary.objections} keberatan, "
                     f"{summary.dip_entries} entri DIP (benih {seed}, {years} tahun).",
                     {"requests": summary.requests, "requesters": summary.requesters, "events": summary.events,
                      "objections": summary.objections, "dip_entries": summary.dip_entries, "seed": seed,
                      "years": years, "today": today})
    return summary
