"""The register's tables as the app uses them today.

Migrations never use these classes (yesterday's schema is not today's): each
migration in :mod:`ppid_desk.store.migrations` declares the tables it creates.
"""

from __future__ import annotations

from datetime import datetime

import peewee

database = peewee.DatabaseProxy()


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """One office setting: key -> text value (typed by :mod:`ppid_desk.office`)."""

    key = peewee.CharField(primary_key=True, max_length=64)
    value = peewee.TextField()


class OfficeAsset(BaseModel):
    """Binary files the office supplies, such as the logo for the letterhead."""

    name = peewee.CharField(primary_key=True, max_length=64)
    filename = peewee.CharField(max_length=255)
    mime = peewee.CharField(max_length=64)
    data = peewee.BlobField()
    sha256 = peewee.CharField(max_length=64)
    updated_at = peewee.DateTimeField(default=_now)


class Unit(BaseModel):
    """A unit that holds information: bidang, SKPD or PPID pembantu."""

    name = peewee.CharField(max_length=200, unique=True)
    kind = peewee.CharField(max_length=32)
    head_name = peewee.CharField(max_length=200, default="")
    contact = peewee.CharField(max_length=200, default="")
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField(default=_now)


class CalendarOverride(BaseModel):
    """An office's own day off (``libur``) or a listed day off worked (``masuk``)."""

    day = peewee.DateField(unique=True)
    kind = peewee.CharField(max_length=16)
    reason = peewee.CharField(max_length=200)
    created_at = peewee.DateTimeField(default=_now)


class ServiceHours(BaseModel):
    """Service hours of one weekday (0 = Senin), "HH:MM"; breaks "12:00-13:00,...".

    A weekday without a row has no set hours: a receipt at any time of it counts that day.
    """

    weekday = peewee.IntegerField(primary_key=True)
    opens = peewee.CharField(max_length=5)
    closes = peewee.CharField(max_length=5)
    breaks = peewee.CharField(max_length=64, default="")


ALL_MODELS: tuple[type[BaseModel], ...] = (Setting, OfficeAsset, Unit, CalendarOverride, ServiceHours)
