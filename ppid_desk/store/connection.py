"""Opening the register: the data folder, the database file and its migrations."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from ..errors import DamagedStoreError, SchemaTooNewError, StoreError
from ..paths import backup_dir, database_path, ensure_data_dir
from . import sqlite
from .migrations import latest_version, pending
from .models import database as database_proxy


@dataclass
class Store:
    """The open register of one office."""

    data_dir: Path
    path: Path
    db: peewee.Database
    upgraded_from: int | None = None
    pre_upgrade_copy: Path | None = None

    def schema_version(self) -> int:
        return sqlite.schema_version(self.db)

    def integrity_problems(self, quick: bool = False, foreign_keys: bool = True) -> list[str]:
        return sqlite.integrity_problems(self.db, quick=quick, foreign_keys=foreign_keys)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(data_dir: Path, migrate: bool = True) -> Store:
    """Open (creating if needed) the register in ``data_dir`` and bring it up to date.

    A database written by a newer app is refused; before an existing database is
    upgraded it is copied to ``<data>/backups``.
    """
    ensure_data_dir(data_dir)
    path = database_path(data_dir)
    db = sqlite.open_database(path)
    try:
        db.connect()
        current = sqlite.schema_version(db)
    except peewee.OperationalError as exc:  # before DatabaseError, its parent: e.g. a read-only folder
        db.close()
        if not os.access(data_dir, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise StoreError(f"Basis data {path} tidak dapat dibuka: folder data {data_dir} hanya-baca atau tanpa "
                             f"izin tulis ({exc}). Buka dari folder yang dapat ditulisi.") from exc
        raise StoreError(f"Basis data {path} tidak dapat dibuka: {exc}") from exc
    except peewee.DatabaseError as exc:
        db.close()
        raise DamagedStoreError(
            f"Berkas {path} bukan basis data PPID Desk yang dapat dibaca ({exc})."
        ) from exc
    newest = latest_version()
    if current > newest:
        db.close()
        raise SchemaTooNewError(
            f"Basis data {path} dibuat oleh versi PPID Desk yang lebih baru "
            f"(skema {current}; versi ini mengenal sampai skema {newest}). "
            "Perbarui aplikasi PPID Desk; basis data tidak diubah."
        )
    store = Store(data_dir=data_dir, path=path, db=db)
    if migrate and current < newest:
        store.upgraded_from = current
        if current > 0:
            # Never upgrade a damaged register: the copy and the migration would build on it.
            problems = sqlite.integrity_problems(db, quick=True, foreign_keys=False)
            if problems:
                db.close()
                raise DamagedStoreError(f"Basis data {path} rusak ({sqlite.first_finding(problems)}); "
                                        "tidak diperbarui.")
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = backup_dir(data_dir) / f"sebelum-upgrade-skema{current}-ke-{newest}-{stamp}.sqlite3"
            store.pre_upgrade_copy = sqlite.copy_database(db, target)
        try:
            apply_migrations(db, current)
        except BaseException:
            db.close()
            raise
    database_proxy.initialize(db)
    if migrate or current == newest:
        # A restore swapped the register while it was closed and asked for the audit log's
        # head to be reset (ppid_desk.audit.request_reset); the audit log builds on the store.
        from ..audit import finish_pending_reset

        finish_pending_reset(data_dir)
    return store


def apply_migrations(db: peewee.Database, current: int) -> int:
    """Run every pending migration, each with its version bump in one transaction."""
    for step in pending(current):
        with db.atomic():
            step.step(db)
            sqlite.set_schema_version(db, step.version)
        current = step.version
    return current
