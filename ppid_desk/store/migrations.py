"""Numbered schema migrations.

Each migration is a function registered with :func:`migration` under the schema
version it produces. It declares the tables it needs as they were at that version
(never today's model classes) and runs, with its version bump, in one transaction.
Only portable DDL is written here (peewee's ``create_tables`` and
``playhouse.migrate``), so the same steps serve PostgreSQL later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import peewee

Step = Callable[[peewee.Database], None]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    step: Step


MIGRATIONS: dict[int, Migration] = {}


def migration(version: int, description: str) -> Callable[[Step], Step]:
    def register(step: Step) -> Step:
        if version in MIGRATIONS:
            raise RuntimeError(f"migration {version} registered twice")
        MIGRATIONS[version] = Migration(version, description, step)
        return step

    return register


def latest_version() -> int:
    return max(MIGRATIONS, default=0)


def pending(current: int) -> list[Migration]:
    return [MIGRATIONS[v] for v in sorted(MIGRATIONS) if v > current]


def _frozen(db: peewee.Database, name: str, fields: dict[str, peewee.Field], **meta_options: object
            ) -> type[peewee.Model]:
    """A model class describing one table as a migration sees it."""
    meta = type("Meta", (), {"database": db, "table_name": name, **meta_options})
    return type(f"M_{name}", (peewee.Model,), {"Meta": meta, **fields})


@migration(1, "office settings, assets and units")
def _v1(db: peewee.Database) -> None:
    setting = _frozen(db, "setting", {
        "key": peewee.CharField(primary_key=True, max_length=64),
        "value": peewee.TextField(),
    })
    asset = _frozen(db, "office_asset", {
        "name": peewee.CharField(primary_key=True, max_length=64),
        "filename": peewee.CharField(max_length=255),
        "mime": peewee.CharField(max_length=64),
        "data": peewee.BlobField(),
        "sha256": peewee.CharField(max_length=64),
        "updated_at": peewee.DateTimeField(),
    })
    unit = _frozen(db, "unit", {
        "name": peewee.CharField(max_length=200, unique=True),
        "kind": peewee.CharField(max_length=32),
        "head_name": peewee.CharField(max_length=200, default=""),
        "contact": peewee.CharField(max_length=200, default=""),
        "active": peewee.BooleanField(default=True),
        "created_at": peewee.DateTimeField(),
    })
    db.create_tables([setting, asset, unit], safe=False)


# Seed 002 (BKD Jawa Timur): Mon-Thu 09.00-14.00, break 12.00-13.00; Fri 09.00-14.00,
# break 11.00-13.00.
_SEED_HOURS = [
    (0, "09:00", "14:00", "12:00-13:00"),
    (1, "09:00", "14:00", "12:00-13:00"),
    (2, "09:00", "14:00", "12:00-13:00"),
    (3, "09:00", "14:00", "12:00-13:00"),
    (4, "09:00", "14:00", "11:00-13:00"),
]


@migration(2, "working-day calendar: overrides and service hours")
def _v2(db: peewee.Database) -> None:
    override = _frozen(db, "calendar_override", {
        "day": peewee.DateField(unique=True),
        "kind": peewee.CharField(max_length=16),
        "reason": peewee.CharField(max_length=200),
        "created_at": peewee.DateTimeField(),
    })
    hours = _frozen(db, "service_hours", {
        "weekday": peewee.IntegerField(primary_key=True),
        "opens": peewee.CharField(max_length=5),
        "closes": peewee.CharField(max_length=5),
        "breaks": peewee.CharField(max_length=64, default=""),
    })
    db.create_tables([override, hours], safe=False)
    hours.insert_many(_SEED_HOURS, fields=[hours.weekday, hours.opens, hours.closes, hours.breaks]).execute()


@migration(3, "request register: requesters, requests, routings, events, attachments, counters")
def _v3(db: peewee.Database) -> None:
    from . import backend

    requester = _frozen(db, "requester", {
        "kind": peewee.CharField(max_length=16),
        "name": peewee.CharField(max_length=200, index=True),
        "nik": peewee.CharField(max_length=16, null=True, index=True),
        "legal_number": peewee.CharField(max_length=100, default=""),
        "address": peewee.TextField(default=""),
        "occupation": peewee.CharField(max_length=100, default=""),
        "phone": peewee.CharField(max_length=50, default="", index=True),
        "email": peewee.CharField(max_length=200, default=""),
        "created_at": peewee.DateTimeField(),
    })
    unit = _frozen(db, "unit", {"name": peewee.CharField(max_length=200)})
    request_fields = {
        "number": peewee.CharField(max_length=64, unique=True),
        "year": peewee.IntegerField(),
        "seq": peewee.IntegerField(null=True),
        "received_at": peewee.DateTimeField(index=True),
        "effective_day": peewee.DateField(),
        "channel": peewee.CharField(max_length=16),
        "requester": peewee.ForeignKeyField(requester, on_delete="RESTRICT"),
        "proxy_name": peewee.CharField(max_length=200, default=""),
        "proxy_letter": peewee.CharField(max_length=200, default=""),
        "information": peewee.TextField(),
        "purpose": peewee.TextField(default=""),
        "obtain_method": peewee.CharField(max_length=32),
        "delivery_method": peewee.CharField(max_length=32),
        "status": peewee.CharField(max_length=24, index=True),
        "completeness_due": peewee.DateField(null=True),
        "response_due": peewee.DateField(index=True),
        "extended_due": peewee.DateField(),
        "extended": peewee.BooleanField(default=False),
        "internal_due": peewee.DateField(null=True),
        "decision": peewee.CharField(max_length=24, null=True),
        "decision_note": peewee.TextField(default=""),
        "pasal17": peewee.CharField(max_length=32, default=""),
        "other_statute": peewee.TextField(default=""),
        "consequence_test": peewee.TextField(default=""),
        "holder_body": peewee.CharField(max_length=200, default=""),
        "notice_date": peewee.DateField(null=True),
        "delivered_on": peewee.DateField(null=True),
        "delivery_form": peewee.CharField(max_length=32, default=""),
        "pages": peewee.IntegerField(null=True),
        "cost": peewee.IntegerField(null=True),
        "payment_method": peewee.CharField(max_length=64, default=""),
        "closed_on": peewee.DateField(null=True),
        "created_by": peewee.CharField(max_length=100, default=""),
        "imported": peewee.BooleanField(default=False),
    }
    request = _frozen(db, "request", request_fields, indexes=((("year", "seq"), True),))
    routing = _frozen(db, "request_unit", {
        "request": peewee.ForeignKeyField(request, on_delete="CASCADE"),
        "unit": peewee.ForeignKeyField(unit, on_delete="RESTRICT"),
        "note": peewee.TextField(default=""),
        "routed_at": peewee.DateTimeField(),
    }, indexes=((("request", "unit"), True),))
    event = _frozen(db, "request_event", {
        "request": peewee.ForeignKeyField(request, on_delete="CASCADE"),
        "kind": peewee.CharField(max_length=32),
        "at": peewee.DateTimeField(),
        "actor": peewee.CharField(max_length=100, default=""),
        "data": peewee.TextField(default="{}"),
        "imported": peewee.BooleanField(default=False),
    })
    attachment = _frozen(db, "attachment", {
        "request": peewee.ForeignKeyField(request, on_delete="RESTRICT"),
        "kind": peewee.CharField(max_length=32),
        "filename": peewee.CharField(max_length=255),
        "stored_name": peewee.CharField(max_length=255, unique=True),
        "sha256": peewee.CharField(max_length=64),
        "size": peewee.IntegerField(),
        "added_at": peewee.DateTimeField(),
        "added_by": peewee.CharField(max_length=100, default=""),
    })
    counter = _frozen(db, "counter", {
        "series": peewee.CharField(max_length=32),
        "year": peewee.IntegerField(),
        "last": peewee.IntegerField(default=0),
    }, primary_key=peewee.CompositeKey("series", "year"))
    db.create_tables([requester, request, routing, event, attachment, counter], safe=False)
    backend.create_request_search(db)


@migration(4, "issued documents: receipts, notices, decisions as issued (PDF bytes)")
def _v4(db: peewee.Database) -> None:
    request = _frozen(db, "request", {"number": peewee.CharField(max_length=64)})
    document = _frozen(db, "issued_document", {
        "request": peewee.ForeignKeyField(request, on_delete="RESTRICT"),
        "kind": peewee.CharField(max_length=16),
        "letter_number": peewee.CharField(max_length=100, unique=True),
        "source_hash": peewee.CharField(max_length=64),
        "pdf": peewee.BlobField(),
        "sha256": peewee.CharField(max_length=64),
        "paper": peewee.CharField(max_length=8),
        "issued_at": peewee.DateTimeField(),
        "issued_by": peewee.CharField(max_length=100, default=""),
    }, indexes=((("request", "kind", "source_hash"), False),))
    db.create_tables([document], safe=False)


@migration(5, "objections (keberatan): register, events; requests reopened on the Atasan PPID's order")
def _v5(db: peewee.Database) -> None:
    from playhouse.migrate import SchemaMigrator, migrate

    requester = _frozen(db, "requester", {"name": peewee.CharField(max_length=200)})
    request = _frozen(db, "request", {"number": peewee.CharField(max_length=64)})
    objection = _frozen(db, "objection", {
        "number": peewee.CharField(max_length=64, unique=True),
        "year": peewee.IntegerField(),
        "seq": peewee.IntegerField(null=True),
        "received_at": peewee.DateTimeField(index=True),
        "effective_day": peewee.DateField(),
        "request": peewee.ForeignKeyField(request, null=True, on_delete="RESTRICT"),
        "request_reference": peewee.CharField(max_length=200, default=""),
        "requester": peewee.ForeignKeyField(requester, on_delete="RESTRICT"),
        "proxy_name": peewee.CharField(max_length=200, default=""),
        "proxy_letter": peewee.CharField(max_length=200, default=""),
        "information": peewee.TextField(default=""),
        "purpose": peewee.TextField(default=""),
        "grounds": peewee.CharField(max_length=16),
        "case_summary": peewee.TextField(default=""),
        "status": peewee.CharField(max_length=24, index=True),
        "answer_due": peewee.DateField(index=True),
        "late_filing": peewee.BooleanField(default=False),
        "decision": peewee.CharField(max_length=16, null=True),
        "decision_reasons": peewee.TextField(default=""),
        "order_text": peewee.TextField(default=""),
        "decided_on": peewee.DateField(null=True),
        "atasan_name": peewee.CharField(max_length=200, default=""),
        "atasan_title": peewee.CharField(max_length=200, default=""),
        "response_handed_on": peewee.DateField(null=True),
        "objector_response": peewee.CharField(max_length=24, null=True),
        "dispute_window_due": peewee.DateField(),
        "dispute_number": peewee.CharField(max_length=100, default=""),
        "dispute_registered_on": peewee.DateField(null=True),
        "dispute_outcome": peewee.TextField(default=""),
        "closed_on": peewee.DateField(null=True),
        "created_by": peewee.CharField(max_length=100, default=""),
        "imported": peewee.BooleanField(default=False),
    }, indexes=((("year", "seq"), True),))
    event = _frozen(db, "objection_event", {
        "objection": peewee.ForeignKeyField(objection, on_delete="CASCADE"),
        "kind": peewee.CharField(max_length=32),
        "at": peewee.DateTimeField(),
        "actor": peewee.CharField(max_length=100, default=""),
        "data": peewee.TextField(default="{}"),
        "imported": peewee.BooleanField(default=False),
    })
    db.create_tables([objection, event], safe=False)
    migrate(SchemaMigrator.from_database(db).add_column("request", "reopened_on", peewee.DateField(null=True)))


@migration(6, "objection documents: issued_document belongs to a request or to an objection")
def _v6(db: peewee.Database) -> None:
    """An issued document now belongs to a request (``request_id``) or to an objection
    (``objection_id``): the request becomes optional, a nullable objection reference is
    added (add_column indexes it) with an (objection, kind, source_hash) index for
    reprints, and ``kind`` widens to 32 characters for the objection kinds
    ("objection-response-receipt"). SQLite rebuilds the table for the NOT NULL and type
    changes (playhouse.migrate keeps its rows and indexes); PostgreSQL alters in place."""
    from playhouse.migrate import SchemaMigrator, migrate

    objection = _frozen(db, "objection", {"number": peewee.CharField(max_length=64)})
    migrator = SchemaMigrator.from_database(db)
    migrate(
        migrator.drop_not_null("issued_document", "request_id"),
        migrator.alter_column_type("issued_document", "kind", peewee.CharField(max_length=32)),
        migrator.add_column("issued_document", "objection_id",
                            peewee.ForeignKeyField(objection, null=True, field=objection.id, on_delete="RESTRICT")),
        migrator.add_index("issued_document", ("objection_id", "kind", "source_hash")),
    )


@migration(7, "DIP catalogue: entries with their class and exclusion decision, history, search; requests link to an entry")
def _v7(db: peewee.Database) -> None:
    """The Daftar Informasi Publik: ``dip_entry`` (the Perki columns, the class, an
    excluded entry's classification decision, retired instead of deleted), its append-only
    history ``dip_event``, the search index over summary, holder and official, and a
    nullable ``request.dip_entry_id`` (add_column indexes it)."""
    from playhouse.migrate import SchemaMigrator, migrate

    from . import backend

    unit = _frozen(db, "unit", {"name": peewee.CharField(max_length=200)})
    entry = _frozen(db, "dip_entry", {
        "summary": peewee.TextField(),
        "unit": peewee.ForeignKeyField(unit, null=True, on_delete="RESTRICT"),
        "holder_name": peewee.CharField(max_length=200, default=""),
        "official": peewee.CharField(max_length=200, default=""),
        "made": peewee.CharField(max_length=200, default=""),
        "format": peewee.CharField(max_length=100, default=""),
        "retention": peewee.CharField(max_length=100, default=""),
        "info_class": peewee.CharField(max_length=16, index=True),
        "pasal17": peewee.CharField(max_length=32, default=""),
        "other_statute": peewee.TextField(default=""),
        "consequence": peewee.TextField(default=""),
        "exclusion_period": peewee.CharField(max_length=100, default=""),
        "decided_by": peewee.CharField(max_length=200, default=""),
        "decision_number": peewee.CharField(max_length=100, default=""),
        "decision_date": peewee.DateField(null=True),
        "active": peewee.BooleanField(default=True, index=True),
        "created_at": peewee.DateTimeField(),
        "created_by": peewee.CharField(max_length=100, default=""),
        "updated_at": peewee.DateTimeField(),
        "updated_by": peewee.CharField(max_length=100, default=""),
    })
    event = _frozen(db, "dip_event", {
        "entry": peewee.ForeignKeyField(entry, on_delete="CASCADE"),
        "kind": peewee.CharField(max_length=32),
        "at": peewee.DateTimeField(),
        "actor": peewee.CharField(max_length=100, default=""),
        "data": peewee.TextField(default="{}"),
    })
    db.create_tables([entry, event], safe=False)
    backend.create_dip_search(db)
    migrate(SchemaMigrator.from_database(db).add_column(
        "request", "dip_entry_id", peewee.ForeignKeyField(entry, null=True, field=entry.id, on_delete="RESTRICT")))


@migration(8, "inbox: SMS, email, telephone and website messages with their steps (seed 001)")
def _v8(db: peewee.Database) -> None:
    unit = _frozen(db, "unit", {"name": peewee.CharField(max_length=200)})
    request = _frozen(db, "request", {"number": peewee.CharField(max_length=64)})
    message = _frozen(db, "inbox_message", {
        "number": peewee.CharField(max_length=64, unique=True),
        "year": peewee.IntegerField(),
        "seq": peewee.IntegerField(),
        "received_at": peewee.DateTimeField(),
        "recorded_at": peewee.DateTimeField(index=True),
        "effective_day": peewee.DateField(),
        "channel": peewee.CharField(max_length=20),
        "kind": peewee.CharField(max_length=20, index=True),
        "sender": peewee.CharField(max_length=200),
        "contact": peewee.CharField(max_length=200, default=""),
        "text": peewee.TextField(),
        "status": peewee.CharField(max_length=24, index=True),
        "unit": peewee.ForeignKeyField(unit, null=True, on_delete="RESTRICT"),
        "response_due": peewee.DateField(index=True),
        "extended_due": peewee.DateField(),
        "extended": peewee.BooleanField(default=False),
        "answer": peewee.TextField(default=""),
        "answered_at": peewee.DateTimeField(null=True),
        "answered_by": peewee.CharField(max_length=100, default=""),
        "request": peewee.ForeignKeyField(request, null=True, on_delete="RESTRICT"),
        "created_by": peewee.CharField(max_length=100, default=""),
    }, indexes=((("year", "seq"), True),))
    event = _frozen(db, "inbox_event", {
        "message": peewee.ForeignKeyField(message, on_delete="CASCADE"),
        "kind": peewee.CharField(max_length=32),
        "at": peewee.DateTimeField(),
        "actor": peewee.CharField(max_length=100, default=""),
        "data": peewee.TextField(default="{}"),
    })
    db.create_tables([message, event], safe=False)


@migration(9, "officers' accounts and the chained audit log")
def _v9(db: peewee.Database) -> None:
    """``officer``: the people who log in (roles as comma-separated codes, the scrypt hash
    with its salt and parameters, the lock-out state kept across restarts). ``audit_log``:
    the append-only, hash-chained record of who did what (ppid_desk.audit)."""
    officer = _frozen(db, "officer", {
        "username": peewee.CharField(max_length=64, unique=True),
        "name": peewee.CharField(max_length=200),
        "roles": peewee.CharField(max_length=100),
        "password_hash": peewee.CharField(max_length=128),
        "salt": peewee.CharField(max_length=64),
        "kdf": peewee.CharField(max_length=64),
        "active": peewee.BooleanField(default=True),
        "failed_attempts": peewee.IntegerField(default=0),
        "locked_until": peewee.DateTimeField(null=True),
        "must_change_password": peewee.BooleanField(default=False),
        "last_login_at": peewee.DateTimeField(null=True),
        "created_at": peewee.DateTimeField(),
        "created_by": peewee.CharField(max_length=100, default=""),
        "updated_at": peewee.DateTimeField(),
        "updated_by": peewee.CharField(max_length=100, default=""),
    })
    audit = _frozen(db, "audit_log", {
        "at": peewee.DateTimeField(),
        "actor_name": peewee.CharField(max_length=200),
        "actor_username": peewee.CharField(max_length=64, default=""),
        "action": peewee.CharField(max_length=48),
        "target_kind": peewee.CharField(max_length=32, default=""),
        "target_id": peewee.CharField(max_length=100, default=""),
        "summary": peewee.TextField(),
        "data": peewee.TextField(default="{}"),
        "prev_hash": peewee.CharField(max_length=64),
        "hash": peewee.CharField(max_length=64),
    }, indexes=((("target_kind", "target_id"), False),))
    db.create_tables([officer, audit], safe=False)


@migration(10, "several desks: number blocks for registering offline, attachment contents on the server, "
               "an index of audit actions")
def _v10(db: peewee.Database) -> None:
    """``number_block``: the sequence numbers ``first``..``last`` (inclusive) of a series and
    year, taken from the counter at once by one desk (``desk``, its random id) while it was
    connected, to register with while the server cannot be reached (ppid_desk.offline).
    ``released``: the desk gave the numbers it had not used up (a past year); they are
    never given out. A SQLite register (one desk) never has rows here.

    ``attachment_blob``: on a server register an attachment's bytes are kept in the
    database too, so every desk can open it (each desk caches a copy in its data folder);
    a SQLite register keeps them only as files and has no rows here."""
    block = _frozen(db, "number_block", {
        "series": peewee.CharField(max_length=32),
        "year": peewee.IntegerField(),
        "desk": peewee.CharField(max_length=64, index=True),
        "first": peewee.IntegerField(),
        "last": peewee.IntegerField(),
        "reserved_at": peewee.DateTimeField(),
        "reserved_by": peewee.CharField(max_length=100, default=""),
        "released": peewee.BooleanField(default=False),
        "released_at": peewee.DateTimeField(null=True),
    }, indexes=((("series", "year", "first"), True),))
    attachment = _frozen(db, "attachment", {})  # only as the target of the key below
    blob = _frozen(db, "attachment_blob", {
        "attachment": peewee.ForeignKeyField(attachment, primary_key=True, on_delete="RESTRICT"),
        "data": peewee.BlobField(),
    })
    db.create_tables([block, blob], safe=False)
    # a desk on a server finds the newest reset of the audit log at every append (ppid_desk.audit)
    db.execute_sql("CREATE INDEX audit_log_action ON audit_log (action)")
