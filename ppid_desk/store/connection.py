"""Opening the register: the data folder, the database file and its migrations."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from ..errors import DamagedStoreError, SchemaTooNewError, StoreError
from ..paths import backup_dir, database_path, ensure_data_dir, offline_queue_path
from . import backend, sqlite
from .location import ServerAddress, keyring_password, parse_database_url, saved_database_url, setting_path
from .migrations import latest_version, pending
from .models import database as database_proxy


SERVER_FOLDER_TEXT = ("Folder data {data_dir} dipakai untuk register di server PostgreSQL; sebutkan "
                      "--database postgresql://… (atau simpan di Pengaturan → Basis data). Register SQLite kosong "
                      "tidak dibuat.")


@dataclass
class Store:
    """The open register of one office."""

    data_dir: Path
    path: Path | None  # the SQLite file; None when the register is on a PostgreSQL server
    db: peewee.Database
    upgraded_from: int | None = None
    pre_upgrade_copy: Path | None = None
    address: ServerAddress | None = None  # the PostgreSQL server, when there is one

    @property
    def is_postgres(self) -> bool:
        return self.address is not None

    @property
    def where(self) -> str:
        """The register's location in words (a file path or a server URL)."""
        return str(self.address) if self.address else str(self.path)

    def schema_version(self) -> int:
        return backend.schema_version(self.db)

    def integrity_problems(self, quick: bool = False, foreign_keys: bool = True) -> list[str]:
        return backend.integrity_problems(self.db, quick=quick, foreign_keys=foreign_keys)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(data_dir: Path, migrate: bool = True, database: ServerAddress | str | None = None,
               password: str | None = None) -> Store:
    """Open (creating if needed) the register and bring it up to date.

    ``database`` None (or "") is the SQLite file in ``data_dir``; a PostgreSQL URL or
    :class:`ServerAddress` is the office's server (``password`` None: the OS keyring's,
    or none for trust/peer authentication). ``data_dir`` keeps the desk's own files
    (attachments, documents, backups, logs) either way.

    A database written by a newer app is refused; before an existing SQLite database is
    upgraded it is copied to ``<data>/backups``.
    """
    ensure_data_dir(data_dir)
    address = parse_database_url(database) if isinstance(database, str) else database
    if address is not None:
        return _open_server(data_dir, address, password, migrate)
    path = database_path(data_dir)
    if not path.exists() and used_with_server(data_dir):
        raise StoreError(SERVER_FOLDER_TEXT.format(data_dir=data_dir))
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
        raise _too_new(path, current)
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


def used_with_server(data_dir: Path) -> bool:
    """Whether ``data_dir`` (with no SQLite register yet) belongs to a desk working on a
    PostgreSQL server: its setting names a server, or it holds the offline queue. A setting
    saved as SQLite (Pengaturan → Basis data) is the office's choice and wins."""
    if setting_path(data_dir).exists():
        try:
            return bool(saved_database_url(data_dir))
        except StoreError:
            return True  # unreadable: surely not a deliberate choice of SQLite
    return offline_queue_path(data_dir).exists()


def _too_new(where: object, current: int) -> SchemaTooNewError:
    return SchemaTooNewError(
        f"Basis data {where} dibuat oleh versi PPID Desk yang lebih baru "
        f"(skema {current}; versi ini mengenal sampai skema {latest_version()}). "
        "Perbarui aplikasi PPID Desk; basis data tidak diubah."
    )


def _open_server(data_dir: Path, address: ServerAddress, password: str | None, migrate: bool) -> Store:
    """The register on a PostgreSQL server. Desks starting a new version at the same time
    upgrade it once: the migrations run under a server-wide advisory lock."""
    from . import postgres

    if password is None:
        password = keyring_password(address)
    db = postgres.open_database(address, password)
    db.desk_data_dir = data_dir  # this desk's own files (the audit head: ppid_desk.audit.head_path)
    db.connect()
    try:
        current = postgres.schema_version(db)
        if current > latest_version():
            raise _too_new(address, current)
        store = Store(data_dir=data_dir, path=None, db=db, address=address)
        if migrate and current < latest_version():
            db.execute_sql("SELECT pg_advisory_lock(%s)", (postgres.MIGRATION_LOCK,))
            try:
                current = postgres.schema_version(db)  # another desk may have upgraded meanwhile
                if current < latest_version():
                    store.upgraded_from = current
                    apply_migrations(db, current)
            finally:
                db.execute_sql("SELECT pg_advisory_unlock(%s)", (postgres.MIGRATION_LOCK,))
    except BaseException:
        db.close()
        raise
    database_proxy.initialize(db)
    if migrate or current == latest_version():
        from ..audit import finish_pending_reset

        finish_pending_reset(data_dir)
    return store


def apply_migrations(db: peewee.Database, current: int) -> int:
    """Run every pending migration, each with its version bump in one transaction."""
    for step in pending(current):
        with db.atomic():
            step.step(db)
            backend.set_schema_version(db, step.version)
        current = step.version
    return current
