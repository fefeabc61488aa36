"""Everything PostgreSQL-only lives here, beside :mod:`ppid_desk.store.sqlite` with the
same functions: the connection (psycopg 3 through peewee), the schema version (a
one-row table), the full-text search indexes (tsvector kept by triggers) and the locks
that make several desks writing at once safe.

Search matches as FTS5 does on SQLite: text is folded (lower case, diacritics removed
with the ``unaccent`` extension, everything but letters and digits a space), every
typed word must match as a prefix (``word:*``). Phones are indexed as written and as
digits only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from ..errors import StoreError
from .location import ServerAddress
from .terms import search_groups

CONNECT_TIMEOUT_S = 5
SCHEMA_TABLE = "ppid_schema"

# Advisory-lock keys (pg_advisory_xact_lock(bigint)): held to the end of the transaction.
AUDIT_LOCK = 0x50504944_0001  # "PPID" + 1: appends to the audit chain, one at a time
MIGRATION_LOCK = 0x50504944_0002  # upgrading the schema, one desk at a time


class PasswordRefused(StoreError):
    """The server asks for a password it was not given, or refused the one given."""


class ServerUnreachable(StoreError):
    """The PostgreSQL server cannot be reached (LAN down, server stopped). The desk
    goes on offline where it can (see :mod:`ppid_desk.offline`)."""


NEUTRAL_ADVICE = "Periksa jaringan kantor dan server PostgreSQL."
PASSWORD_WAYS = ("simpan di keyring sistem (Pengaturan → Basis data), ketik saat diminta di terminal, atau isi "
                 "variabel lingkungan PGPASSWORD (untuk tugas terjadwal)")


def unreachable_text(address: ServerAddress | str, exc: BaseException | None = None) -> str:
    """Why the server cannot be reached, one line in words an office can act on."""
    if exc is not None and isinstance(address, ServerAddress):
        return connection_problem(address, exc)
    why = f" ({_short(exc)})" if exc is not None else ""
    return f"Server basis data {address} tidak terjangkau{why}. {NEUTRAL_ADVICE}"


def _driver_text(exc: BaseException) -> str:
    """The driver's own words under ``exc`` (psycopg's message and its causes), lower case."""
    parts = []
    seen: BaseException | None = exc
    while seen is not None and len(parts) < 5:
        parts.append(str(getattr(seen, "orig", None) or seen))
        seen = seen.__cause__ or seen.__context__
    return " ".join(parts).lower()


PASSWORD_MISSING = ("no password supplied", "fe_sendauth")
PASSWORD_WRONG = ("password authentication failed",)
_UNKNOWN_HOST = ("could not translate host name", "name or service not known", "nodename nor servname",
                 "temporary failure in name resolution", "no address associated", "failed to resolve host",
                 "name resolution")


def password_problem(exc: BaseException) -> str | None:
    """"missing" (the server asks for a password none was given), "wrong" (it refused the
    one given), or None (not about the password)."""
    raw = _driver_text(exc)
    if any(words in raw for words in PASSWORD_MISSING):
        return "missing"
    if any(words in raw for words in PASSWORD_WRONG):
        return "wrong"
    return None


def connection_problem(address: ServerAddress, exc: BaseException) -> str:
    """What went wrong connecting to ``address`` (libpq/psycopg's ``exc``), one line in
    Bahasa Indonesia: a password asked for or refused, an unknown user, a missing
    database, an unknown host, a refused port, no answer, a server that does not let this
    computer in, SSL; otherwise the driver's words, shortened."""
    raw = _driver_text(exc)
    host, port, user, db = address.host, address.port, address.user, address.dbname
    kind = password_problem(exc)
    if kind == "missing":
        return (f"Server basis data {address} meminta kata sandi untuk pengguna {user}, tetapi tidak ada yang "
                f"diberikan: {PASSWORD_WAYS}.")
    if kind == "wrong":
        return (f"Server basis data {address} menolak kata sandi untuk pengguna {user}. Periksa kata sandi di "
                "keyring sistem (Pengaturan → Basis data), yang diketik, atau di PGPASSWORD.")
    if "role" in raw and "does not exist" in raw:
        return (f"Pengguna {user} tidak dikenal server {host}. Minta pengelola server membuatnya "
                f"(createuser {user}).")
    if "database" in raw and "does not exist" in raw:
        return (f"Basis data {db} tidak ada di server {host}. Periksa namanya, atau minta pengelola server "
                f"membuatnya (createdb -O {user} {db}).")
    if any(words in raw for words in _UNKNOWN_HOST):
        return (f"Host {host} tidak dikenal: nama itu tidak ditemukan di jaringan. Periksa ejaan, atau pakai "
                "alamat IP server (mis. 192.168.1.10).")
    if "connection refused" in raw:
        return (f"Server {host} menolak sambungan di port {port}: PostgreSQL tidak berjalan di sana, nomor port "
                "salah, atau server belum menerima sambungan dari jaringan (listen_addresses).")
    if "timeout" in raw or "timed out" in raw:
        return f"Server {host}:{port} tidak menjawab (jaringan putus, firewall, atau alamat salah). {NEUTRAL_ADVICE}"
    if "no pg_hba.conf entry" in raw:
        return (f"Server {host} tidak mengizinkan sambungan dari komputer ini. Minta pengelola server "
                "menambahkan jaringan kantor di pg_hba.conf.")
    if "ssl" in raw or "certificate" in raw:
        return (f"Sambungan aman (SSL) ke server {host}:{port} gagal ({_short(exc)}). Minta pengelola server "
                "memeriksa pengaturan SSL.")
    if "permission denied" in raw:
        return f"Pengguna {user} tidak boleh membuka basis data {db}. Minta pengelola server memberi izin."
    return f"Server basis data {address} tidak terjangkau ({_short(exc)}). {NEUTRAL_ADVICE}"


def _short(exc: BaseException) -> str:
    text = " ".join(str(getattr(exc, "orig", exc) or exc.__class__.__name__).split())
    return text if len(text) <= 160 else text[:159] + "\u2026"


def _lost(db: peewee.PostgresqlDatabase, exc: BaseException) -> bool:
    """Whether ``exc`` means the connection is gone (not a bad statement)."""
    import psycopg

    orig = getattr(exc, "orig", exc)
    if isinstance(orig, (psycopg.OperationalError, psycopg.InterfaceError)):
        sqlstate = getattr(orig, "sqlstate", None) or ""
        # 08xxx connection exceptions, 57P0x admin/crash shutdown, or no SQLSTATE at all
        # (the socket died before the server could say anything).
        return not sqlstate or sqlstate.startswith("08") or sqlstate.startswith("57P")
    conn = getattr(db._state, "conn", None)
    return conn is not None and getattr(conn, "closed", False)


def _psycopg_for_peewee() -> None:
    """Give peewee the psycopg 3 names it binds at its own import (ppid_desk.store hides
    psycopg then, so that a SQLite desk's start does not pay for importing it)."""
    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = psycopg, TransactionStatus, Json, Jsonb


class RegisterPostgres(peewee.PostgresqlDatabase):
    """peewee's PostgreSQL database for a LAN that fails: a lost or refused connection is
    a :class:`ServerUnreachable` people can read, and the next call connects afresh."""

    def __init__(self, address: ServerAddress, password: str | None = None, **kwargs: object):
        self.address = address
        params: dict[str, object] = dict(
            host=address.host, port=address.port, user=address.user,
            connect_timeout=CONNECT_TIMEOUT_S, application_name="ppid-desk",
            # a dead server or cable is noticed within ~15 s on an idle connection
            keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3,
        )
        if password:
            params["password"] = password
        params.update(kwargs)
        _psycopg_for_peewee()
        super().__init__(address.dbname, prefer_psycopg3=True, **params)

    def _forget_connection(self) -> None:
        conn = getattr(self._state, "conn", None)
        try:
            if conn is not None:
                conn.close()
        except Exception:  # noqa: BLE001 - the connection is already gone
            pass
        self._state.reset()

    def _connect(self):
        try:
            conn = super()._connect()
        except Exception as exc:
            import psycopg

            if isinstance(exc, psycopg.OperationalError):
                text = connection_problem(self.address, exc)
                if password_problem(exc) is not None:
                    raise PasswordRefused(text) from exc
                raw = _driver_text(exc)
                if "does not exist" in raw and "database" in raw and "role" not in raw:
                    raise StoreError(text) from exc
                raise ServerUnreachable(text) from exc
            raise
        _drop_nul_characters(conn)
        return conn

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if _lost(self, exc):
                self._forget_connection()
                raise ServerUnreachable(unreachable_text(self.address, exc)) from exc
            raise

    def begin(self, *args, **kwargs):
        try:
            super().begin(*args, **kwargs)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if _lost(self, exc):
                self._forget_connection()
                raise ServerUnreachable(unreachable_text(self.address, exc)) from exc
            raise

    def commit(self):
        try:
            super().commit()
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if _lost(self, exc):
                self._forget_connection()
                raise ServerUnreachable(unreachable_text(self.address, exc)) from exc
            raise

    def rollback(self):
        conn = getattr(self._state, "conn", None)
        if self._state.closed or conn is None or conn.closed:
            return  # the connection died with the transaction: nothing to roll back
        try:
            super().rollback()
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if _lost(self, exc):
                self._forget_connection()
                return
            raise


def _drop_nul_characters(conn) -> None:
    """PostgreSQL text cannot hold U+0000 (SQLite can). No person types it; it arrives only
    in pasted or imported junk. Text is written without it, so that such input is stored
    like the rest instead of failing the whole save."""
    from psycopg.types.string import StrBinaryDumper, StrDumperUnknown

    class TextDumper(StrDumperUnknown):
        def dump(self, obj: str):
            return super().dump(obj.replace("\x00", "") if "\x00" in obj else obj)

    class BinaryTextDumper(StrBinaryDumper):
        def dump(self, obj: str):
            return super().dump(obj.replace("\x00", "") if "\x00" in obj else obj)

    # the last one registered also serves PyFormat.AUTO: the text one, of unknown type as
    # psycopg's default (so that PostgreSQL infers dates and numbers written as text)
    conn.adapters.register_dumper(str, BinaryTextDumper)
    conn.adapters.register_dumper(str, TextDumper)


def open_database(address: ServerAddress, password: str | None = None) -> RegisterPostgres:
    return RegisterPostgres(address, password)


def ping(db: peewee.Database) -> None:
    """A round trip to the server (:class:`ServerUnreachable` when it fails)."""
    db.execute_sql("SELECT 1").fetchone()


# --- schema version ---------------------------------------------------------------------------

def schema_version(db: peewee.Database) -> int:
    exists = db.execute_sql(f"SELECT to_regclass('{SCHEMA_TABLE}') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    row = db.execute_sql(f"SELECT max(version) FROM {SCHEMA_TABLE}").fetchone()
    return int(row[0] or 0)


def set_schema_version(db: peewee.Database, version: int) -> None:
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version integer NOT NULL)")
    db.execute_sql(f"DELETE FROM {SCHEMA_TABLE}")
    db.execute_sql(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (%s)", (int(version),))


def integrity_problems(db: peewee.Database, quick: bool = False, foreign_keys: bool = True) -> list[str]:
    """PostgreSQL keeps its own pages and foreign keys consistent (checked on every write);
    this confirms the server answers and holds the register's tables."""
    missing = [t for t in ("request", "setting", "audit_log")
               if not db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (t,)).fetchone()[0]]
    return [f"tabel {t} tidak ada" for t in missing]


def table_schema(db: peewee.Database) -> dict[str, str]:
    """Name -> column list of every table of the register (for comparisons)."""
    rows = db.execute_sql(
        "SELECT table_name, string_agg(column_name || ' ' || data_type || ' ' || is_nullable, ', ' "
        "ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() "
        "GROUP BY table_name ORDER BY table_name"
    ).fetchall()
    return {f"table:{name}": cols for name, cols in rows}


# --- locks for several desks -------------------------------------------------------------------

def lock_audit_chain(db: peewee.Database) -> None:
    """Appends to the audit chain one at a time across desks (inside the transaction)."""
    db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))


def lock_tables(db: peewee.Database, *tables: str) -> None:
    """Keep other desks from writing ``tables`` until this transaction ends (they can
    still read): bulk work that reads back the rows it wrote by id."""
    db.execute_sql(f"LOCK TABLE {', '.join(tables)} IN SHARE ROW EXCLUSIVE MODE")


def after_explicit_ids(db: peewee.Database, table: str) -> None:
    """Move ``table``'s id sequence past rows inserted with explicit ids."""
    db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                   f"greatest((SELECT max(id) FROM {table}), 1))")


# --- full-text search --------------------------------------------------------------------------

_FOLD_DDL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() itself is only STABLE; with its dictionary named it is safe to call from
    # an IMMUTABLE wrapper (the documented way to use it in indexes).
    """CREATE OR REPLACE FUNCTION ppid_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(regexp_replace(unaccent('unaccent'::regdictionary, coalesce(t, '')), '[^[:alnum:]]+', ' ', 'g'))
    $$""",
    """CREATE OR REPLACE FUNCTION ppid_phone(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(t, '') || ' ' || regexp_replace(coalesce(t, ''), '[ ().+-]', '', 'g')
    $$""",
]

_REQUEST_DOC = ("to_tsvector('simple', ppid_fold({number} || ' ' || {name} || ' ' || coalesce({nik}, '') || ' ' "
                "|| ppid_phone({phone}) || ' ' || {information}))")


def _request_doc(number: str, name: str, nik: str, phone: str, information: str) -> str:
    return _REQUEST_DOC.format(number=number, name=name, nik=nik, phone=phone, information=information)


_SEARCH_DDL = [
    *_FOLD_DDL,
    "CREATE TABLE request_search (id integer PRIMARY KEY REFERENCES request (id) ON DELETE CASCADE, "
    "doc tsvector NOT NULL)",
    "CREATE INDEX request_search_doc ON request_search USING gin (doc)",
    """CREATE FUNCTION request_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO request_search (id, doc)
        SELECT NEW.id, """ + _request_doc("NEW.number", "r.name", "r.nik", "r.phone", "NEW.information") + """
        FROM requester r WHERE r.id = NEW.requester_id
        ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER request_search_ai AFTER INSERT ON request FOR EACH ROW EXECUTE FUNCTION request_search_row()",
    "CREATE TRIGGER request_search_au AFTER UPDATE OF number, information, requester_id ON request "
    "FOR EACH ROW EXECUTE FUNCTION request_search_row()",
    """CREATE FUNCTION request_search_requester() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE request_search s SET doc = """ + _request_doc("q.number", "NEW.name", "NEW.nik", "NEW.phone",
                                                              "q.information") + """
        FROM request q WHERE q.requester_id = NEW.id AND s.id = q.id;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER request_search_requester_au AFTER UPDATE OF name, nik, phone ON requester "
    "FOR EACH ROW EXECUTE FUNCTION request_search_requester()",
]


def create_request_search(db: peewee.Database) -> None:
    for statement in _SEARCH_DDL:
        db.execute_sql(statement)


def rebuild_request_search(db: peewee.Database) -> None:
    db.execute_sql("DELETE FROM request_search")
    db.execute_sql("INSERT INTO request_search (id, doc) SELECT q.id, "
                   + _request_doc("q.number", "r.name", "r.nik", "r.phone", "q.information")
                   + " FROM request q JOIN requester r ON r.id = q.requester_id")


@contextmanager
def bulk_request_load(db: peewee.Database) -> Iterator[None]:
    """Many requests at once: the row trigger is switched off for this transaction's
    inserts and the index rebuilt once (as on SQLite); other desks wait on the table lock."""
    if not db.in_transaction():
        raise RuntimeError("bulk_request_load needs an open transaction")
    lock_tables(db, "request", "requester")
    db.execute_sql("ALTER TABLE request DISABLE TRIGGER request_search_ai")
    yield
    rebuild_request_search(db)
    db.execute_sql("ALTER TABLE request ENABLE TRIGGER request_search_ai")


def _prefix(word: str) -> str:
    return f"{word}:*"


_FOLDED: dict[str, str] = {}  # word -> the server's ppid_fold of it (typing repeats words)
_FOLDED_MAX = 4096


def _folded(db: peewee.Database, words: list[str]) -> list[str]:
    """``ppid_fold`` of each word, asked of the server once per word and process (its
    unaccent rules are the index's; a round trip per keystroke is not)."""
    known = {w: _FOLDED[w] for w in words if w in _FOLDED}
    missing = [w for w in dict.fromkeys(words) if w not in known]
    if missing:
        rows = db.execute_sql("SELECT x, ppid_fold(x) FROM unnest(%s::text[]) AS t(x)", (missing,)).fetchall()
        known.update((row[0], row[1]) for row in rows)
        if len(_FOLDED) + len(rows) > _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED.update((row[0], row[1]) for row in rows)
    return [known[w] for w in words]


def _tsquery(db: peewee.Database, groups: list[list[str]], any_group: bool = False) -> str:
    """A ``to_tsquery('simple', …)`` text: alternatives OR-ed, groups AND-ed (OR-ed when
    ``any_group``); a phrase alternative's words follow each other (``<->``). Words are
    folded by the server's own ppid_fold, so they match the index as written."""
    flat = [w for g in groups for w in g]
    it = iter(_folded(db, flat))
    parts = []
    for group in groups:
        forms = []
        for _ in group:
            words = next(it).split()
            if words:
                forms.append(" <-> ".join(_prefix(w) for w in words))
        forms = list(dict.fromkeys(forms))
        if forms:
            parts.append(forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")")
    return (" | " if any_group else " & ").join(parts)


def search_request_ids(db: peewee.Database, text: str, limit: int | None = None) -> list[int] | None:
    """Ids of requests matching every word of ``text`` (newest first); None for no words.
    A register number typed in full comes first."""
    groups = search_groups(text)
    if groups is None:
        return None
    query = _tsquery(db, groups)
    exact = [row[0] for row in db.execute_sql("SELECT id FROM request WHERE number = %s", [text.strip()])]
    if not query:
        return exact or None
    sql = "SELECT id FROM request_search WHERE doc @@ to_tsquery('simple', %s) ORDER BY id DESC"
    params: list[object] = [query]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    found = [row[0] for row in db.execute_sql(sql, params).fetchall() if row[0] not in exact]
    ids = exact + found
    return ids[:limit] if limit is not None else ids


# DIP catalogue: summary weighs most (A), then the holder (B), then the official (C).
def _dip_doc(entry: str) -> str:
    holder = (f"coalesce((SELECT u.name FROM unit u WHERE u.id = {entry}.unit_id), '') || ' ' || "
              f"coalesce({entry}.holder_name, '')")
    return (f"setweight(to_tsvector('simple', ppid_fold({entry}.summary)), 'A') || "
            f"setweight(to_tsvector('simple', ppid_fold({holder})), 'B') || "
            f"setweight(to_tsvector('simple', ppid_fold({entry}.official)), 'C')")


_DIP_SEARCH_DDL = [
    *_FOLD_DDL,
    "CREATE TABLE dip_search (id integer PRIMARY KEY REFERENCES dip_entry (id) ON DELETE CASCADE, "
    "doc tsvector NOT NULL)",
    "CREATE INDEX dip_search_doc ON dip_search USING gin (doc)",
    """CREATE FUNCTION dip_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO dip_search (id, doc) SELECT NEW.id, """ + _dip_doc("NEW") + """
        ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER dip_search_ai AFTER INSERT ON dip_entry FOR EACH ROW EXECUTE FUNCTION dip_search_row()",
    "CREATE TRIGGER dip_search_au AFTER UPDATE OF summary, unit_id, holder_name, official ON dip_entry "
    "FOR EACH ROW EXECUTE FUNCTION dip_search_row()",
    """CREATE FUNCTION dip_search_unit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE dip_search s SET doc = """ + _dip_doc("e") + """
        FROM dip_entry e WHERE e.unit_id = NEW.id AND s.id = e.id;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER dip_search_unit_au AFTER UPDATE OF name ON unit FOR EACH ROW EXECUTE FUNCTION dip_search_unit()",
]

# ts_rank's weights are listed {D, C, B, A}: as FTS5's bm25 column weights 10 : 2 : 1.
_DIP_WEIGHTS = "'{0, 0.1, 0.2, 1.0}'"


def create_dip_search(db: peewee.Database) -> None:
    for statement in _DIP_SEARCH_DDL:
        db.execute_sql(statement)


def search_dip_ids(db: peewee.Database, groups: list[list[str]], any_group: bool = False,
                   limit: int | None = None, active_only: bool = True) -> list[tuple[int, float]]:
    """(entry id, score) of the DIP entries matching ``groups``, best first; the score is
    minus ts_rank, so that lower is better as with FTS5's bm25."""
    groups = [[w for w in g if w.replace(" ", "").isalnum()] for g in groups]
    groups = [g for g in groups if g]
    if not groups:
        return []
    query = _tsquery(db, groups, any_group)
    if not query:
        return []
    sql = (f"SELECT s.id, -ts_rank({_DIP_WEIGHTS}, s.doc, q) AS score FROM dip_search s "
           "JOIN dip_entry e ON e.id = s.id, to_tsquery('simple', %s) q WHERE s.doc @@ q")
    if active_only:
        sql += " AND e.active"
    sql += " ORDER BY score, s.id"
    params: list[object] = [query]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    return [(int(r[0]), float(r[1])) for r in db.execute_sql(sql, params).fetchall()]


def rebuild_dip_search(db: peewee.Database) -> None:
    """Fill the DIP search index anew from the entries (after a restore loaded them with
    the row triggers off)."""
    db.execute_sql("DELETE FROM dip_search")
    db.execute_sql("INSERT INTO dip_search (id, doc) SELECT e.id, " + _dip_doc("e") + " FROM dip_entry e")
