"""Writing a checked plan (:func:`apply`): requesters, requests and their imported
history, in one transaction with bulk inserts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from ... import audit
from ...accounts.officer import Actor, require
from ...accounts.roles import Permission
from ...errors import ValidationError
from ...office import load_office
from ...store import backend
from ...store.models import Request, RequestEvent, Requester, database
from ...workdays import load_calendar
from ..codes import Decision, EventKind, Status
from ..numbering import raise_floor
from ..service import SERIES
from .checking import existing_numbers, settle_sequences
from .plan import ImportPlan


@dataclass
class ImportResult:
    file: str
    imported: int
    requesters: int
    events: int
    by_decision: dict[Decision | None, int]


def _insert(model: Any, fields: list[Any], rows: list[tuple]) -> None:
    """Insert many rows with one prepared statement (DB-API ``executemany``).

    peewee writes the statement (quoting and placeholders of the database in use) and
    each value goes through its field's ``db_value``, as in ``insert_many``; building a
    multi-row statement in peewee instead costs more than the database's own work.
    """
    if not rows:
        return
    # every column with a default is named, so that peewee adds none of its own
    named = {f.name for f in fields}  # not ``f in fields``: peewee's == builds an expression
    extra = [f for f in model._meta.sorted_fields
             if f.name not in named and not f.primary_key and f.default is not None]
    defaults = tuple(f.default() if callable(f.default) else f.default for f in extra)
    fields = [*fields, *extra]
    sql, params = model.insert_many([rows[0] + defaults], fields=fields).sql()
    if len(params) != len(fields):
        raise RuntimeError(f"unexpected insert statement for {model.__name__}: {sql}")
    convert = [f.db_value for f in fields]
    cursor = database.cursor()
    try:
        cursor.executemany(sql, [tuple(c(v) for c, v in zip(convert, row + defaults)) for row in rows])
    finally:
        cursor.close()


def _max_id(model: Any) -> int:
    from peewee import fn

    return model.select(fn.MAX(model.id)).scalar() or 0


REQUESTER_FIELDS = ("kind", "name", "nik", "legal_number", "address", "occupation", "phone", "email")


def apply(plan: ImportPlan, actor: Actor, now: datetime | None = None) -> ImportResult:
    """Write a clean plan in one transaction; ValidationError when it has problems. One
    audit entry names the file and the number of requests (not one per row)."""
    require(actor, Permission.IMPORT_REGISTER)
    actor_text = str(actor)
    if plan.problems:
        raise ValidationError(f"impor dibatalkan: {plan.bad_rows} baris bermasalah; tidak ada yang diimpor.")
    now = (now or datetime.now()).replace(microsecond=0)
    calendar = load_calendar()
    completeness_days = load_office().completeness_days
    deadlines: dict[object, Any] = {}
    file_name = plan.path.name
    with database.atomic():
        # rows are read back by "id > before": no other desk may insert meanwhile
        backend.lock_tables(database.obj, "requester", "request")
        existing, taken = existing_numbers()
        clash = [r for r in plan.rows if r.number.casefold() in existing]
        if clash:
            raise ValidationError(f"impor dibatalkan: nomor {clash[0].number} (baris {clash[0].row}) sudah ada di "
                                  f"register sejak berkas diperiksa; periksa ulang berkas.")
        settle_sequences(plan.rows, taken, {})

        # requesters: one per distinct identity
        people: dict[tuple, int | None] = {}
        for row in plan.rows:
            people.setdefault(row.requester, None)
        before = _max_id(Requester)
        fields = [getattr(Requester, f) for f in REQUESTER_FIELDS] + [Requester.created_at]
        _insert(Requester, fields, [(*person, now) for person in people])
        query = (Requester.select(Requester.id, *[getattr(Requester, f) for f in REQUESTER_FIELDS])
                 .where(Requester.id > before).tuples())
        for rid, *identity in query:
            people[tuple(identity)] = rid

        # requests
        request_fields = ["number", "year", "seq", "received_at", "effective_day", "channel", "requester",
                          "information", "purpose", "obtain_method", "delivery_method", "status",
                          "completeness_due", "response_due", "extended_due", "decision", "decision_note",
                          "pasal17", "other_statute", "holder_body", "notice_date", "delivered_on",
                          "delivery_form", "cost", "payment_method", "closed_on", "created_by", "imported"]
        rows, due = [], {}
        for row in plan.rows:
            key = row.received_at if row.has_time else row.received_at.date()
            found = deadlines.get(key)
            if found is None:
                found = deadlines[key] = calendar.deadlines(key, completeness_days=completeness_days)
            due[row.number] = found
            status = row.status
            rows.append((
                row.number, row.year, row.seq, row.received_at, found.receipt.day, row.channel, people[row.requester],
                row.information, row.purpose, row.obtain_method, row.delivery_method, status.value,
                found.completeness.day, found.response.day, found.extended.day,
                row.decision.value if row.decision else None, row.note, row.pasal17, row.other_statute,
                row.holder_body, row.notice_date, row.delivered_on, row.delivery_form, row.cost, row.payment_method,
                row.delivered_on if status is Status.CLOSED else None, actor_text, True,
            ))
        before = _max_id(Request)
        with backend.bulk_request_load(database.obj):  # the search index is rebuilt once, not per row
            _insert(Request, [getattr(Request, f) for f in request_fields], rows)
        ids = {number: rid for rid, number in
               Request.select(Request.id, Request.number).where(Request.id > before).tuples()}

        # history
        events: list[tuple] = []

        def event(rid: int, kind: EventKind, at: datetime, imported: bool, **data: object) -> None:
            events.append((rid, kind.value, at, actor_text, json.dumps(data, default=str, ensure_ascii=False),
                           imported))

        for row in plan.rows:
            rid = ids[row.number]
            found = due[row.number]
            registered = {"number": row.number, "received_at": row.received_at, "effective_day": found.receipt.day,
                          "response_due": found.response.day}
            if row.original_number != row.number:
                registered["original_number"] = row.original_number
            event(rid, EventKind.REGISTERED, row.received_at, True, **registered)
            if row.decision:
                decided = {"decision": row.decision.value, "pasal17": row.pasal17.split(",") if row.pasal17 else [],
                           "other_statute": row.other_statute, "note": row.note, "reason": row.reason,
                           "holder_body": row.holder_body, "notice_date": row.notice_date}
                at = datetime.combine(row.notice_date, time(0)) if row.notice_date else row.received_at
                event(rid, EventKind.DECIDED, max(at, row.received_at), True,
                      **{k: v for k, v in decided.items() if v})
            if row.delivered_on:
                at = max(datetime.combine(row.delivered_on, time(0)), row.received_at)
                event(rid, EventKind.DELIVERED, at, True, form=row.delivery_form, cost=row.cost,
                      payment_method=row.payment_method, delivered_on=row.delivered_on)
                event(rid, EventKind.CLOSED, at, True)
            event(rid, EventKind.IMPORTED, now, False, file=file_name, sheet=plan.sheet, row=row.row)
        event_fields = [RequestEvent.request, RequestEvent.kind, RequestEvent.at, RequestEvent.actor,
                        RequestEvent.data, RequestEvent.imported]
        _insert(RequestEvent, event_fields, events)

        for year, used in sorted(plan.floors.items()):
            raise_floor(SERIES, year, used)
        audit.append(actor, "register.import", "register", file_name,
                     f"Register diimpor dari berkas {file_name}: {len(plan.rows)} permohonan, {len(people)} pemohon.",
                     {"file": file_name, "sheet": plan.sheet, "requests": len(plan.rows), "requesters": len(people),
                      "events": len(events)}, at=now)
    return ImportResult(file=file_name, imported=len(plan.rows), requesters=len(people), events=len(events),
                        by_decision=plan.by_decision())
