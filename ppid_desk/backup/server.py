"""Backups and restores of a register on a PostgreSQL server (issue 11).

**Backup.** With a ``pg_dump`` at least as new as the server (:mod:`.pgtools`):
``pg_dump --format=custom --no-owner --no-privileges`` (the search tables' rows left out:
they are rebuilt) into a temporary name, checked (``pg_restore --list`` reads it, the
register's tables are in it, its schema version is read back) and renamed
``….pgdump``. Without one: PPID Desk's logical export (:mod:`.logical`), every table
read in one ``REPEATABLE READ READ ONLY`` transaction (one snapshot while the desks go
on writing), checked by reading it through, renamed ``….ppidjson.gz``.

**Restore** — from a ``.pgdump``, a ``.ppidjson.gz`` or a SQLite register file (``.sqlite3``:
how an office moves from one desk to a server) — is one transaction on the server:

1. the register's tables locked (``ACCESS EXCLUSIVE``), and refused while another desk is
   connected (``pg_stat_activity``: connections named ``ppid-desk`` other than this one);
2. when the backup's schema version is the server's, every register table emptied
   (``TRUNCATE``: grants and the tables themselves stay); when it is older, the register's
   tables and functions dropped and the schema built again by the migrations up to the
   backup's version;
3. the rows loaded with ``COPY`` (parents first), the row triggers of the search indexes
   off meanwhile; the id sequences set past the highest id; the search indexes rebuilt;
4. the remaining migrations (an older backup is upgraded in the same transaction);
5. the numbers given out before the restore kept taken: each counter raised back to at
   least its value before, the desks' number blocks the backup lacks recorded again (a
   request registered after the backup is lost by the restore, its number is not reused);
6. the audit log's head reset (:func:`ppid_desk.audit.reset_head`), as an entry naming who
   restored (and what was carried over).

Nothing from the backup is executed as SQL: a ``.pgdump``'s data blocks are read with
``pg_restore --data-only`` and only the rows are copied in. Any failure rolls everything
back; the register is then as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import peewee

from .. import __version__
from ..store import Store, latest_version
from ..store import postgres
from ..store.backend import set_schema_version
from ..store.location import ServerAddress, keyring_password
from ..store.migrations import pending
from . import logical, pgtools
from .files import (
    LOGICAL, PGDUMP, SQLITE, BackupError, check_room, checked_sqlite_backup, free_name, fsync_file, fsync_folder,
    part_name,
)
from .logical import TableInfo

SEARCH_TABLES = ("request_search", "dip_search")
SCHEMA_TABLE = postgres.SCHEMA_TABLE
DESK_APP_NAME = "ppid-desk"  # what every desk's connection is called (postgres.RegisterPostgres)
RESTORE_APP_NAME = "ppid-desk-pemulihan"
# Functions the migrations create (the trigger functions of the search indexes and their
# helpers); dropped with the tables when an older backup is restored.
REGISTER_FUNCTIONS = ("ppid_fold", "ppid_phone", "request_search_row", "request_search_requester",
                      "dip_search_row", "dip_search_unit")
LOCK_TIMEOUT = "20s"
_BATCH = 2000


# --- the server and its connections -----------------------------------------------------------

@dataclass(frozen=True)
class ServerTarget:
    """A register on a server, with what is needed to connect to it again later (after the
    app closed its own connection): the address and the password in memory only."""

    address: ServerAddress
    data_dir: Path
    password: str | None = field(default=None, repr=False)

    @classmethod
    def of(cls, store: Store) -> "ServerTarget":
        if store.address is None:
            raise ValueError("not a register on a server")
        password = store.db.connect_params.get("password") or keyring_password(store.address)
        return cls(store.address, store.data_dir, password)

    def connect(self, application_name: str = pgtools.BACKUP_APP_NAME):
        """A psycopg connection of its own (not the app's), not counted as a desk."""
        import psycopg

        params: dict[str, object] = dict(host=self.address.host, port=self.address.port, user=self.address.user,
                                         dbname=self.address.dbname, connect_timeout=pgtools.CONNECT_TIMEOUT_S,
                                         application_name=application_name)
        if self.password:
            params["password"] = self.password
        try:
            return psycopg.connect(**params)
        except psycopg.Error as exc:
            raise BackupError(postgres.unreachable_text(self.address, exc)) from exc

    def open_database(self) -> postgres.RegisterPostgres:
        """A peewee database for the restore, named so it does not count as a desk."""
        db = postgres.RegisterPostgres(self.address, self.password, application_name=RESTORE_APP_NAME)
        db.desk_data_dir = self.data_dir  # the audit head of this desk (ppid_desk.audit.head_path)
        return db


def _known_tables() -> set[str]:
    from ..store.models import ALL_MODELS

    return {m._meta.table_name for m in ALL_MODELS} | set(SEARCH_TABLES) | {SCHEMA_TABLE}


def register_tables(cursor) -> list[TableInfo]:
    """The register's tables with rows to keep (not the search indexes, not the schema
    version), parents before the tables that refer to them; columns in table order."""
    cursor.execute(
        "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
        "AND c.relkind = 'r' ORDER BY c.relname")
    names = [r[0] for r in cursor.fetchall() if r[0] not in SEARCH_TABLES and r[0] != SCHEMA_TABLE]
    known = _known_tables()
    names = [n for n in names if n in known]
    cursor.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in cursor.fetchall():
        columns.setdefault(table, []).append((column, data_type))
    cursor.execute(
        "SELECT i.indrelid::regclass::text, a.attname FROM pg_index i "
        "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indisprimary AND i.indrelid IN (SELECT oid FROM pg_class "
        "WHERE relnamespace = current_schema()::regnamespace) ORDER BY array_position(i.indkey::int2[], a.attnum)")
    keys: dict[str, list[str]] = {}
    for table, column in cursor.fetchall():
        keys.setdefault(table.split(".")[-1].strip('"'), []).append(column)
    cursor.execute(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")
    parents: dict[str, set[str]] = {n: set() for n in names}
    for child, parent in cursor.fetchall():
        child, parent = child.split(".")[-1].strip('"'), parent.split(".")[-1].strip('"')
        if child in parents and parent in parents and child != parent:
            parents[child].add(parent)
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = sorted(n for n in names if n not in ordered and parents[n] <= set(ordered))
        if not ready:
            raise BackupError("Tabel register saling merujuk; urutan pemuatan tidak dapat ditentukan.")
        ordered += ready
    return [TableInfo(n, tuple(columns.get(n, ())), tuple(keys.get(n, ()))) for n in ordered]


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- making a backup ---------------------------------------------------------------------------

def server_major(db: peewee.Database) -> int:
    return int(db.execute_sql("SHOW server_version_num").fetchone()[0]) // 10000


def write_backup(store: Store, folder: Path, made: datetime, reason: str, method: str | None = None
                 ) -> tuple[Path, int, str]:
    """Back the server register up into ``folder``: (the file, its schema version, its kind).

    ``method``: None chooses (pg_dump when a suitable one is installed, else the logical
    export); ``"pg_dump"`` or ``"logical"`` forces one.
    """
    target = ServerTarget.of(store)
    if method not in (None, PGDUMP, "pg_dump", LOGICAL):
        raise ValueError(f"unknown backup method {method!r}")
    tools = None
    if method != LOGICAL:
        tools = pgtools.tools_for_server(server_major(store.db))
        if tools is None and method is not None:
            raise BackupError("pg_dump yang cocok dengan versi server tidak ditemukan (PATH, pg_config, "
                              f"{pgtools.ENV_PG_BIN}); pasang klien PostgreSQL atau buat ekspor logis.")
    kind = PGDUMP if tools is not None else LOGICAL
    size = int(store.db.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0])
    check_room(folder, size)
    path = free_name(folder, made, reason, kind)
    part = path.with_name(part_name(path.name))
    try:
        if tools is not None:
            pgtools.run_pg_dump(tools, target.address, target.password, part, exclude_data=SEARCH_TABLES)
            fsync_file(part)
            version = check_pgdump(tools, part)
        else:
            export_logical(target, part, made)
            fsync_file(part)
            version = logical.check_export(part, latest_version()).schema_version
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BackupError(f"Cadangan ke {folder} gagal: {exc.strerror or exc}.") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    fsync_folder(folder)
    return path, version, kind


def check_pgdump(tools: pgtools.PgTools, archive: Path) -> int:
    """``pg_restore --list`` reads the archive, it holds the register's tables, and its
    schema version; returns the version."""
    toc = pgtools.read_toc(tools, archive)
    if not {"request", "setting", "audit_log"} <= set(toc.data_lines):
        raise BackupError(f"Berkas {archive.name} bukan cadangan register PPID Desk; register tidak diubah.")
    return pgtools.archive_schema_version(tools, archive)


def export_logical(target: ServerTarget, path: Path, made: datetime) -> int:
    """The logical export of the register (one snapshot); returns the rows written."""
    import psycopg

    conn = target.connect()
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cur:
            tables = register_tables(cur)
            cur.execute(f"SELECT max(version) FROM {SCHEMA_TABLE}")
            version = int(cur.fetchone()[0] or 0)
            counts = {}
            for table in tables:
                cur.execute(f"SELECT count(*) FROM {_ident(table.name)}")
                counts[table.name] = int(cur.fetchone()[0])

        def rows_of(table: TableInfo) -> Iterator[list[tuple]]:
            columns = ", ".join(_ident(c) for c in table.column_names)
            order = ", ".join(_ident(c) for c in table.key) or "1"
            with conn.cursor(name=f"ekspor_{table.name}") as named:
                named.itersize = _BATCH
                named.execute(f"SELECT {columns} FROM {_ident(table.name)} ORDER BY {order}")
                while True:
                    batch = named.fetchmany(_BATCH)
                    if not batch:
                        return
                    yield batch

        where = f"postgresql://{target.address.host}:{target.address.port}/{target.address.dbname}"
        total = logical.write_export(path, tables, counts, version, __version__, made, where, rows_of)
        conn.rollback()
        return total
    except psycopg.Error as exc:
        raise BackupError(f"Ekspor register dari server gagal: {exc}") from exc
    finally:
        conn.close()


# --- what a restore reads -------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedSource:
    """A backup file checked for a restore onto a server."""

    kind: str  # sqlite, pgdump or logical
    path: Path  # the file read (for a SQLite file, its checked copy in the data folder)
    schema_version: int
    tools: pgtools.PgTools | None = None


def check_source(path: Path, kind: str) -> CheckedSource:
    """Check ``path`` through (integrity, a register, a schema not newer than the app)."""
    newest = latest_version()
    if kind == SQLITE:
        version = checked_sqlite_backup(path).schema_version
        tools = None
    elif kind == PGDUMP:
        tools = pgtools.newest_tools()
        if tools is None:
            raise BackupError("Berkas .pgdump dipulihkan dengan pg_restore, yang tidak ditemukan di komputer ini "
                              f"(PATH, pg_config, {pgtools.ENV_PG_BIN}); pasang klien PostgreSQL dulu. Register "
                              "tidak diubah.")
        version = check_pgdump(tools, path)
        pgtools.read_all_data(tools, path)
    else:
        version = logical.check_export(path, newest).schema_version
        tools = None
    if version > newest:
        raise BackupError(f"Berkas {path.name} dibuat oleh versi PPID Desk yang lebih baru (skema {version}; versi "
                          f"ini sampai skema {newest}); register tidak diubah. Perbarui aplikasi dulu.")
    return CheckedSource(kind, path, version, tools)


# --- other desks ------------------------------------------------------------------------------------

def backend_pid(db: peewee.Database) -> int | None:
    """This thread's connection to the server (its server process id), when it has one."""
    if not isinstance(db, peewee.PostgresqlDatabase) or db.is_closed():
        return None
    return int(db.execute_sql("SELECT pg_backend_pid()").fetchone()[0])


def other_desks(cursor, ignore: tuple[int, ...] = ()) -> list[tuple[int, str]]:
    """(server process, where from) of the other desks connected to the register."""
    cursor.execute(
        "SELECT pid, coalesce(host(client_addr), nullif(client_hostname, ''), 'komputer server') "
        "FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s "
        "AND pid <> pg_backend_pid() ORDER BY pid", (DESK_APP_NAME,))
    return [(int(pid), str(where)) for pid, where in cursor.fetchall() if int(pid) not in ignore]


def refuse_other_desks(cursor, address: ServerAddress, ignore: tuple[int, ...] = ()) -> None:
    others = other_desks(cursor, ignore)
    if others:
        places = sorted({where for _pid, where in others})
        raise BackupError(
            f"Pemulihan ditolak: {len(others)} sambungan PPID Desk lain masih terhubung ke register di server "
            f"{address.host} (dari {', '.join(places)}). Tutup PPID Desk di meja lain dulu, lalu ulangi; "
            "register tidak diubah.")


# --- the restore itself -------------------------------------------------------------------------------

def _existing_tables(db: peewee.Database) -> list[str]:
    rows = db.execute_sql("SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
                          "AND c.relkind = 'r' ORDER BY c.relname").fetchall()
    known = _known_tables()
    return [r[0] for r in rows if r[0] in known]


def _drop_register(db: peewee.Database, tables: list[str]) -> None:
    if tables:
        db.execute_sql(f"DROP TABLE {', '.join(_ident(t) for t in tables)} CASCADE")
    rows = db.execute_sql(
        "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
        "AND p.proname = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid "
        "AND d.deptype = 'e')", (list(REGISTER_FUNCTIONS),)).fetchall()
    for (signature,) in rows:
        db.execute_sql(f"DROP FUNCTION {signature} CASCADE")


def _migrate(db: peewee.Database, current: int, up_to: int) -> None:
    for step in pending(current):
        if step.version > up_to:
            break
        with db.atomic():
            step.step(db)
            set_schema_version(db, step.version)


def _copy_sql(table: TableInfo, columns: list[str]) -> str:
    unknown = [c for c in columns if c not in table.column_names]
    if unknown:
        raise BackupError(f"Kolom {', '.join(unknown)} dari cadangan tidak ada di tabel {table.name} register; "
                          "register tidak diubah.")
    return f"COPY {_ident(table.name)} ({', '.join(_ident(c) for c in columns)}) FROM STDIN"


def _require_every_table(source: CheckedSource, wanted: list[str], present) -> None:
    """A backup of the register's schema version holds every one of its tables (an empty
    table too): one that does not is not a whole register."""
    missing = [name for name in wanted if name not in present]
    if missing:
        raise BackupError(f"Berkas {source.path.name} tidak memuat tabel {', '.join(missing)}; bukan cadangan "
                          "register yang utuh. Register tidak diubah.")


def _load_logical(cursor, source: CheckedSource, tables: dict[str, TableInfo]) -> dict[str, int]:
    _require_every_table(source, list(tables), {t.name for t in logical.read_header(source.path).tables})
    loaded: dict[str, int] = {}
    for _header, info, rows in logical.ExportReader(source.path).tables():
        target = tables.get(info.name)
        if target is None:
            raise BackupError(f"Tabel {info.name} dari cadangan tidak ada di register; register tidak diubah.")
        types = dict(target.columns)
        decoders = [logical.decoder_for(types.get(c, "")) for c in info.column_names]
        count = 0
        with cursor.copy(_copy_sql(target, list(info.column_names))) as copy:
            for row in rows:
                copy.write_row([d(v) if d else v for d, v in zip(decoders, row)])
                count += 1
        loaded[info.name] = count
    return loaded


def _load_sqlite(cursor, source: CheckedSource, order: list[TableInfo]) -> dict[str, int]:
    conn = sqlite3.connect(f"{source.path.absolute().as_uri()}?mode=ro", uri=True)
    loaded: dict[str, int] = {}
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in order:
            if table.name not in present:
                raise BackupError(f"Tabel {table.name} tidak ada di berkas {source.path.name} (skema "
                                  f"{source.schema_version}); register tidak diubah.")
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({_ident(table.name)})")]
            rows = conn.execute(f"SELECT {', '.join(_ident(c) for c in columns)} FROM {_ident(table.name)} "
                                "ORDER BY rowid")
            count = 0
            with cursor.copy(_copy_sql(table, columns)) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            loaded[table.name] = count
    finally:
        conn.close()
    return loaded


def _load_pgdump(cursor, source: CheckedSource, order: list[TableInfo], scratch: Path) -> dict[str, int]:
    assert source.tools is not None
    toc = pgtools.read_toc(source.tools, source.path)
    _require_every_table(source, [t.name for t in order], toc.data_lines)
    tables = {t.name: t for t in order}
    loaded: dict[str, int] = {}
    with pgtools.data_stream(source.tools, source.path, toc, [t.name for t in order], scratch) as lines:
        for raw in lines:
            line = raw.decode("utf-8")
            if not line.startswith("COPY "):
                continue
            head, _, rest = line[5:].partition(" (")
            name = head.split(".")[-1].strip('"')
            columns = [c.strip().strip('"') for c in rest.split(") FROM stdin;")[0].split(",")]
            table = tables.get(name)
            if table is None:
                raise BackupError(f"Tabel {name} dari cadangan tidak ada di register; register tidak diubah.")
            count = 0
            chunk: list[bytes] = []
            with cursor.copy(_copy_sql(table, columns)) as copy:
                for data in lines:
                    if data in (b"\\.\n", b"\\.\r\n"):
                        break
                    chunk.append(data)
                    count += 1
                    if len(chunk) >= _BATCH:  # a few large writes, not one per row
                        copy.write(b"".join(chunk))
                        chunk.clear()
                else:
                    raise BackupError(f"Data tabel {name} di {source.path.name} terpotong; register tidak diubah.")
                if chunk:
                    copy.write(b"".join(chunk))
            loaded[name] = count
    return loaded


@dataclass(frozen=True)
class NumbersTaken:
    """The register's numbering as it was before a restore: the counters ((series, year) →
    last) and the desks' number blocks (desk, series, year, first, last, reserved_at,
    reserved_by, released, released_at)."""

    counters: dict[tuple[str, int], int]
    blocks: list[tuple]


_BLOCK_COLUMNS = ("desk", "series", "year", "first", "last", "reserved_at", "reserved_by", "released", "released_at")


def _numbers_taken(db: peewee.Database, existing: list[str]) -> NumbersTaken:
    counters: dict[tuple[str, int], int] = {}
    blocks: list[tuple] = []
    if "counter" in existing:
        for series, year, last in db.execute_sql("SELECT series, year, last FROM counter").fetchall():
            counters[(str(series), int(year))] = int(last)
    if "number_block" in existing:
        blocks = [tuple(r) for r in db.execute_sql(
            f"SELECT {', '.join(_ident(c) for c in _BLOCK_COLUMNS)} FROM number_block ORDER BY id").fetchall()]
    return NumbersTaken(counters, blocks)


def _carry_over_numbers(db: peewee.Database, before: NumbersTaken) -> str:
    """After the backup's rows are in: every number given out before the restore stays
    taken. Each counter is raised to at least its value before, and every number block of
    before that the backup lacks is recorded again (a desk may hold its numbers on printed
    offline receipts). Returns what was carried over, in words ("" when nothing was)."""
    said: list[str] = []
    raised: list[str] = []
    for (series, year), last in sorted(before.counters.items()):
        row = db.execute_sql("SELECT last FROM counter WHERE series = %s AND year = %s", (series, year)).fetchone()
        if row is not None and int(row[0]) >= last:
            continue
        if row is None:
            db.execute_sql("INSERT INTO counter (series, year, last) VALUES (%s, %s, %s)", (series, year, last))
        else:
            db.execute_sql("UPDATE counter SET last = %s WHERE series = %s AND year = %s", (last, series, year))
        raised.append(f"{series} {year} sampai {last}")
    if raised:
        said.append("nomor urut yang sudah terpakai sebelum pemulihan tetap terpakai: " + ", ".join(raised))
    kept: list[str] = []
    if before.blocks:
        present = {tuple(r) for r in db.execute_sql(
            "SELECT desk, series, year, first, last FROM number_block").fetchall()}
        columns = ", ".join(_ident(c) for c in _BLOCK_COLUMNS)
        marks = ", ".join(["%s"] * len(_BLOCK_COLUMNS))
        for block in before.blocks:
            desk, series, year, first, last = block[:5]
            if (desk, series, year, first, last) in present:
                continue
            # a block overlapping one of the backup's would break the unique (series, year,
            # first) or give a number twice; the backup's own block wins then
            clash = db.execute_sql(
                "SELECT 1 FROM number_block WHERE series = %s AND year = %s AND first <= %s AND last >= %s",
                (series, year, last, first)).fetchone()
            if clash is not None:
                continue
            db.execute_sql(f"INSERT INTO number_block ({columns}) VALUES ({marks})", block)
            present.add((desk, series, year, first, last))
            first_last = str(first) if first == last else f"{first}\u2013{last}"
            kept.append(f"meja {desk} ({series} {year} {first_last})")
    if kept:
        said.append("nomor cadangan meja yang dicatat sebelum pemulihan tetap tercatat: " + ", ".join(kept))
    return "; ".join(said)


def restore_into(db: peewee.Database, target: ServerTarget, source: CheckedSource, *, actor: object, reason: str,
                 notes: list[str] | None = None) -> dict[str, int]:
    """Replace the server register with ``source`` in one transaction on ``db`` (see the
    module's docstring); returns the rows loaded per table. The database proxy of the
    models must point at ``db`` (the audit log's reset is written through it).

    Numbers given out before the restore stay taken (counters never go back, the desks'
    number blocks stay recorded; :func:`_carry_over_numbers`); what was carried over is
    appended to ``notes`` (when given) and to the audit reset's reason."""
    import psycopg

    from .. import audit
    from ..accounts.officer import require
    from ..accounts.roles import Permission

    require(actor, Permission.RESTORE)
    conn = db.connection()
    try:
        with db.atomic():
            db.execute_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            db.execute_sql("SET LOCAL statement_timeout = 0")
            existing = _existing_tables(db)
            if existing:
                db.execute_sql(f"LOCK TABLE {', '.join(_ident(t) for t in existing)} IN ACCESS EXCLUSIVE MODE")
            with conn.cursor() as cur:
                refuse_other_desks(cur, target.address)
            current = postgres.schema_version(db)
            version = source.schema_version
            # numbers given out before the restore (printed receipts, desks' reserved blocks)
            # stay taken: read them before the tables are emptied (carried over below)
            taken_before = _numbers_taken(db, existing)
            if current != version or SCHEMA_TABLE not in existing:
                _drop_register(db, existing)
                _migrate(db, 0, version)
                existing = _existing_tables(db)
            # empty (also of the rows the migrations put in, e.g. default service hours)
            emptied = [t for t in existing if t != SCHEMA_TABLE]
            db.execute_sql(f"TRUNCATE {', '.join(_ident(t) for t in emptied)}")
            with conn.cursor() as cur:
                order = register_tables(cur)
            names = [t.name for t in order]
            for name in names:
                db.execute_sql(f"ALTER TABLE {_ident(name)} DISABLE TRIGGER USER")
            with conn.cursor() as cur:
                if source.kind == LOGICAL:
                    loaded = _load_logical(cur, source, {t.name: t for t in order})
                elif source.kind == SQLITE:
                    loaded = _load_sqlite(cur, source, order)
                else:
                    loaded = _load_pgdump(cur, source, order, target.data_dir / f".pemulihan-{os.getpid()}.list")
            for table in order:
                if "id" in table.column_names:
                    db.execute_sql(f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                                   f"coalesce((SELECT max(id) FROM {_ident(table.name)}), 0) + 1, false) "
                                   f"WHERE pg_get_serial_sequence(%s, 'id') IS NOT NULL", (table.name, table.name))
            for name in names:
                db.execute_sql(f"ALTER TABLE {_ident(name)} ENABLE TRIGGER USER")
            if "request" in names:
                postgres.rebuild_request_search(db)
            if "dip_entry" in names:
                postgres.rebuild_dip_search(db)
            _migrate(db, version, latest_version())
            carried = _carry_over_numbers(db, taken_before)
            if carried:
                reason = f"{reason}; {carried}"
            if notes is not None and carried:
                notes.append(carried)
            audit.reset_head(actor, reason)
    except psycopg.Error as exc:
        raise BackupError(_load_failure(exc)) from exc
    except (peewee.OperationalError, peewee.IntegrityError, peewee.DataError, peewee.ProgrammingError) as exc:
        raise BackupError(_load_failure(getattr(exc, "orig", exc))) from exc
    return loaded


def _load_failure(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if "lock timeout" in text or "canceling statement due to lock timeout" in text:
        return ("Register di server sedang dipakai (tabelnya terkunci oleh sambungan lain); tutup PPID Desk di meja "
                "lain lalu ulangi. Register tidak diubah.")
    if len(text) > 240:
        text = text[:239] + "\u2026"
    return f"Pemulihan ke server gagal ({text}); register tidak diubah."
