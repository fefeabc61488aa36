"""The backend-specific functions of the open register: SQLite (:mod:`.sqlite`) or
PostgreSQL (:mod:`.postgres`), chosen by the database object. Core modules call these and
never a backend module directly, so every rule runs the same on both."""

from __future__ import annotations

from types import ModuleType

import peewee

from . import sqlite


def is_postgres(db: peewee.Database) -> bool:
    if isinstance(db, peewee.DatabaseProxy):
        db = db.obj
    return isinstance(db, peewee.PostgresqlDatabase)


def of(db: peewee.Database) -> ModuleType:
    """The backend module for ``db``."""
    if is_postgres(db):
        from . import postgres

        return postgres
    return sqlite


def _real(db: peewee.Database) -> peewee.Database:
    return db.obj if isinstance(db, peewee.DatabaseProxy) else db


def schema_version(db: peewee.Database) -> int:
    return of(db).schema_version(_real(db))


def set_schema_version(db: peewee.Database, version: int) -> None:
    of(db).set_schema_version(_real(db), version)


def integrity_problems(db: peewee.Database, quick: bool = False, foreign_keys: bool = True) -> list[str]:
    return of(db).integrity_problems(_real(db), quick=quick, foreign_keys=foreign_keys)


def table_schema(db: peewee.Database) -> dict[str, str]:
    return of(db).table_schema(_real(db))


def create_request_search(db: peewee.Database) -> None:
    of(db).create_request_search(_real(db))


def create_dip_search(db: peewee.Database) -> None:
    of(db).create_dip_search(_real(db))


def bulk_request_load(db: peewee.Database):
    return of(db).bulk_request_load(_real(db))


def search_request_ids(db: peewee.Database, text: str, limit: int | None = None) -> list[int] | None:
    return of(db).search_request_ids(_real(db), text, limit=limit)


def search_dip_ids(db: peewee.Database, groups: list[list[str]], any_group: bool = False,
                   limit: int | None = None, active_only: bool = True) -> list[tuple[int, float]]:
    return of(db).search_dip_ids(_real(db), groups, any_group=any_group, limit=limit, active_only=active_only)


def lock_audit_chain(db: peewee.Database) -> None:
    """Serialise appends to the audit chain across desks. On SQLite the inserting
    transaction's write lock already does (one writer at a time)."""
    if is_postgres(db):
        of(db).lock_audit_chain(_real(db))


def lock_tables(db: peewee.Database, *tables: str) -> None:
    """Keep other writers off ``tables`` for the rest of the transaction (SQLite: its
    single write lock already does once the transaction writes)."""
    if is_postgres(db):
        of(db).lock_tables(_real(db), *tables)


def after_explicit_ids(db: peewee.Database, table: str) -> None:
    """After inserting rows with explicit ids: PostgreSQL's id sequence moves past them."""
    if is_postgres(db):
        of(db).after_explicit_ids(_real(db), table)

