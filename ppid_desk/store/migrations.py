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


def _frozen(db: peewee.Database, name: str, fields: dict[str, peewee.Field]) -> type[peewee.Model]:
    """A model class describing one table as a migration sees it."""
    meta = type("Meta", (), {"database": db, "table_name": name})
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
