"""The register database: pragmas, migrations, refusing newer files, copies before upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee
import pytest

from ppid_desk.errors import SchemaTooNewError, StoreError
from ppid_desk.paths import database_path
from ppid_desk.store import latest_version, open_store
from ppid_desk.store import migrations, sqlite as sqlite_backend

DATA = Path(__file__).parent.parent / "data"


def _schema(path: Path) -> dict[str, str]:
    db = peewee.SqliteDatabase(str(path))
    try:
        return sqlite_backend.table_schema(db)
    finally:
        db.close()


@pytest.mark.sqlite_only  # SQLite's pragmas
def test_fresh_database_is_at_newest_version_with_pragmas(store):
    assert store.schema_version() == latest_version()
    db = store.db
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.integrity_problems() == []
    assert store.path == database_path(store.data_dir)


def test_data_folder_is_made_on_first_use_only(tmp_path):
    target = tmp_path / "a" / "b"
    assert not target.exists()
    with open_store(target):
        pass
    assert (target / "ppid-desk.sqlite3").is_file()


def test_seeded_service_hours_follow_seed_002(store):
    rows = store.db.execute_sql("SELECT weekday, opens, closes, breaks FROM service_hours ORDER BY weekday").fetchall()
    assert rows == [
        (0, "09:00", "14:00", "12:00-13:00"),
        (1, "09:00", "14:00", "12:00-13:00"),
        (2, "09:00", "14:00", "12:00-13:00"),
        (3, "09:00", "14:00", "12:00-13:00"),
        (4, "09:00", "14:00", "11:00-13:00"),
    ]


@pytest.mark.parametrize("fixture", sorted(DATA.glob("schema-v*.sql")), ids=lambda p: p.stem)
def test_stored_old_database_upgrades_to_the_fresh_schema(tmp_path, fixture):
    """Each stored old database (tests/data/schema-vN.sql, a dump of release N) upgrades
    to exactly the schema a fresh database gets, keeps its rows, and is copied first."""
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    conn = sqlite3.connect(old_dir / "ppid-desk.sqlite3")
    conn.executescript(fixture.read_text(encoding="utf-8"))
    conn.commit()
    old_version = conn.execute("PRAGMA user_version").fetchone()[0]
    settings_before = conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall()
    conn.close()
    assert 0 < old_version < latest_version()

    with open_store(old_dir) as upgraded:
        assert upgraded.upgraded_from == old_version
        assert upgraded.schema_version() == latest_version()
        assert upgraded.pre_upgrade_copy is not None and upgraded.pre_upgrade_copy.is_file()
        rows = upgraded.db.execute_sql("SELECT key, value FROM setting ORDER BY key").fetchall()
        assert [tuple(r) for r in rows] == settings_before
    copy = sqlite3.connect(upgraded.pre_upgrade_copy)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
    copy.close()

    with open_store(tmp_path / "fresh"):
        pass
    assert _schema(old_dir / "ppid-desk.sqlite3") == _schema(tmp_path / "fresh" / "ppid-desk.sqlite3")


def test_every_migration_but_the_newest_has_a_stored_fixture():
    stored = {int(p.stem.split("-v")[1]) for p in DATA.glob("schema-v*.sql")}
    assert set(range(1, latest_version())) <= stored


def test_newer_database_is_refused_and_left_untouched(data_dir):
    with open_store(data_dir) as store:
        sqlite_backend.set_schema_version(store.db, latest_version() + 5)
    before = database_path(data_dir).read_bytes()
    with pytest.raises(SchemaTooNewError) as info:
        open_store(data_dir)
    assert "lebih baru" in info.value.message
    assert database_path(data_dir).read_bytes() == before


def test_a_file_that_is_not_a_database_is_a_clear_error(data_dir):
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_text("bukan basis data\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        open_store(data_dir)
    assert "bukan basis data PPID Desk" in info.value.message


def test_failed_migration_leaves_the_previous_version(data_dir, monkeypatch):
    with open_store(data_dir):
        pass
    newest = latest_version()

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("boom")

    monkeypatch.setitem(migrations.MIGRATIONS, newest + 1, migrations.Migration(newest + 1, "broken", broken))
    with pytest.raises(RuntimeError):
        open_store(data_dir)
    monkeypatch.delitem(migrations.MIGRATIONS, newest + 1)
    with open_store(data_dir) as store:
        assert store.schema_version() == newest
        tables = {r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables


@pytest.mark.sqlite_only  # the online backup API of a SQLite file
def test_copy_database_makes_a_consistent_standalone_file(store, tmp_path):
    store.db.execute_sql("INSERT INTO setting (key, value) VALUES ('agency_name', 'Dinas Uji')")
    target = sqlite_backend.copy_database(store.db, tmp_path / "copy" / "c.sqlite3")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT value FROM setting WHERE key='agency_name'").fetchone() == ("Dinas Uji",)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_models_agree_with_the_migrated_schema(store, tmp_path, request):
    """Today's model classes describe exactly the tables the migrations built."""
    from ppid_desk.store.models import ALL_MODELS

    if store.is_postgres:
        _models_agree_on_postgres(store, request, ALL_MODELS)
        return
    scratch = peewee.SqliteDatabase(str(tmp_path / "models.sqlite3"))
    with scratch.bind_ctx(ALL_MODELS):
        scratch.create_tables(ALL_MODELS)

    def columns(db: peewee.Database) -> dict[str, list[tuple]]:
        tables = [m._meta.table_name for m in ALL_MODELS]
        return {t: [tuple(r)[1:] for r in db.execute_sql(f'PRAGMA table_info("{t}")').fetchall()] for t in tables}

    def indexes(db: peewee.Database) -> set[tuple]:
        found = set()
        for m in ALL_MODELS:
            for _, name, unique, *_ in db.execute_sql(f'PRAGMA index_list("{m._meta.table_name}")').fetchall():
                cols = tuple(r[2] for r in db.execute_sql(f'PRAGMA index_info("{name}")').fetchall())
                found.add((m._meta.table_name, cols, unique))
        return found

    assert columns(store.db) == columns(scratch)
    assert indexes(store.db) == indexes(scratch)
    scratch.close()


def _models_agree_on_postgres(store, request, models) -> None:
    """The same check on a PostgreSQL register, through peewee's introspection: each model
    table's columns (name, type, nullability, key) and indexes (columns, uniqueness)."""
    server = request.getfixturevalue("pg_server")
    name = f"{store.address.dbname}_models"
    server.create_database(name)
    scratch = peewee.PostgresqlDatabase(name, host=store.address.host, port=store.address.port,
                                        user=store.address.user, prefer_psycopg3=True)
    try:
        with scratch.bind_ctx(models):
            scratch.create_tables(models)

        def shape(db: peewee.Database) -> dict[str, tuple]:
            found = {}
            for m in models:
                t = m._meta.table_name
                cols = sorted((c.name, c.data_type, c.null, c.primary_key) for c in db.get_columns(t))
                idx = sorted((tuple(i.columns), i.unique) for i in db.get_indexes(t))
                found[t] = (cols, idx)
            return found

        assert shape(store.db) == shape(scratch)
    finally:
        scratch.close()
        server.drop_database(name)


def test_migration_6_keeps_issued_documents_and_lets_an_objection_own_one(tmp_path):
    """v5 -> v6 rebuilds issued_document (request optional, kind wider, objection added):
    the stored document keeps its bytes and request, and a document may now belong to an
    objection alone."""
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    conn = sqlite3.connect(old_dir / "ppid-desk.sqlite3")
    conn.executescript((DATA / "schema-v5.sql").read_text(encoding="utf-8"))
    before = conn.execute("SELECT id, request_id, kind, letter_number, pdf FROM issued_document").fetchall()
    conn.close()
    with open_store(old_dir) as upgraded:
        db = upgraded.db
        after = db.execute_sql("SELECT id, request_id, kind, letter_number, pdf, objection_id FROM issued_document")
        assert [tuple(r) for r in after.fetchall()] == [(*row, None) for row in before]
        db.execute_sql("INSERT INTO issued_document (request_id, objection_id, kind, letter_number, source_hash, pdf, "
                       "sha256, paper, issued_at, issued_by) VALUES (NULL, 1, 'objection-response-receipt', "
                       "'001/KEB/PPID/XI/2026/TT', 'h', x'25', 's', 'A4', '2026-11-23 10:00:00', 'petugas')")
        with pytest.raises(peewee.IntegrityError):  # an objection that does not exist
            db.execute_sql("INSERT INTO issued_document (objection_id, kind, letter_number, source_hash, pdf, sha256, "
                           "paper, issued_at, issued_by) VALUES (99, 'objection-receipt', 'x', 'h', x'25', 's', "
                           "'A4', '2026-11-23 10:00:00', 'petugas')")
        assert upgraded.integrity_problems() == []


def test_migration_7_adds_the_dip_and_lets_a_kept_request_link_to_an_entry(tmp_path):
    """v6 -> v7: the request keeps its row with no DIP entry; entries can be added, found
    through their search index, and linked; a link to a missing entry is refused."""
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    conn = sqlite3.connect(old_dir / "ppid-desk.sqlite3")
    conn.executescript((DATA / "schema-v6.sql").read_text(encoding="utf-8"))
    before = conn.execute("SELECT id, number, information FROM request").fetchall()
    conn.close()
    with open_store(old_dir) as upgraded:
        db = upgraded.db
        rows = db.execute_sql("SELECT id, number, information, dip_entry_id FROM request").fetchall()
        assert [tuple(r) for r in rows] == [(*row, None) for row in before]
        db.execute_sql("INSERT INTO dip_entry (summary, unit_id, holder_name, official, made, format, retention, "
                       "info_class, pasal17, other_statute, consequence, exclusion_period, decided_by, "
                       "decision_number, decision_date, active, created_at, created_by, updated_at, updated_by) "
                       "VALUES ('Dokumen Pelaksanaan Anggaran', 1, '', '', '', '', '', 'berkala', '', '', '', '', "
                       "'', '', NULL, 1, '2026-11-23 10:00:00', 'ppid', '2026-11-23 10:00:00', 'ppid')")
        assert [i for i, _ in sqlite_backend.search_dip_ids(db, [["pelaksanaan"]])] == [1]
        db.execute_sql("UPDATE request SET dip_entry_id = 1 WHERE id = 1")
        with pytest.raises(peewee.IntegrityError):
            db.execute_sql("UPDATE request SET dip_entry_id = 99 WHERE id = 1")
        assert upgraded.integrity_problems() == []


def test_migration_10_adds_number_blocks_and_keeps_officers_and_the_audit_log(tmp_path):
    """v9 -> v10: the officers and the audit chain stay as they were; ``number_block`` is
    empty, and two blocks cannot start at the same number of a series and year."""
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    conn = sqlite3.connect(old_dir / "ppid-desk.sqlite3")
    conn.executescript((DATA / "schema-v9.sql").read_text(encoding="utf-8"))
    officers = conn.execute("SELECT * FROM officer ORDER BY id").fetchall()
    chain = conn.execute("SELECT id, prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    conn.close()
    with open_store(old_dir) as upgraded:
        db = upgraded.db
        assert [tuple(r) for r in db.execute_sql("SELECT * FROM officer ORDER BY id").fetchall()] == officers
        assert [tuple(r) for r in db.execute_sql("SELECT id, prev_hash, hash FROM audit_log ORDER BY id")] == chain
        assert db.execute_sql("SELECT count(*) FROM number_block").fetchone()[0] == 0
        insert = ("INSERT INTO number_block (series, year, desk, first, last, reserved_at, reserved_by, released) "
                  "VALUES ('permohonan', 2026, ?, 2, 11, '2026-11-23 10:00:00', 'petugas', 0)")
        db.execute_sql(insert, ("loket1-3fa9c2",))
        with pytest.raises(peewee.IntegrityError):
            db.execute_sql(insert, ("loket2-77ab01",))
        assert upgraded.integrity_problems() == []


def test_a_sqlite_desk_does_not_import_the_postgresql_driver(tmp_path):
    """peewee would import psycopg (~60 ms) at every start; ppid_desk.store hides it until
    a server register is opened (ppid_desk.store.postgres hands it over then). Upgrading a
    register's schema still imports it (playhouse.migrate does), once."""
    import subprocess
    import sys

    open_store(tmp_path / "data").close()  # made (and migrated: playhouse.migrate needs it) beforehand
    code = ("import sys; from pathlib import Path; from ppid_desk.store import open_store; "
            f"s = open_store(Path({str(tmp_path / 'data')!r})); s.close(); "
            "print('psycopg' in sys.modules); import peewee; print(peewee.psycopg is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
