"""Backups and restores of a register on a real PostgreSQL server (issue 11): pg_dump and
the logical export, both ways; a SQLite register moved onto a server; damaged files and
other desks refused with nothing changed."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ppid_desk import audit, backup
from ppid_desk.backup import BackupError, pgtools
from ppid_desk.backup import server as server_backup
from ppid_desk.office import load_office, save_office
from ppid_desk.register import service
from ppid_desk.register.service import RequesterInput, RequestInput
from ppid_desk.store import backend, latest_version, open_store, postgres
from ppid_desk.store.models import ALL_MODELS, Setting
from ppid_desk.units import UnitKind, save_unit
from ppid_desk.workdays import load_calendar

DATA = Path(__file__).resolve().parent.parent / "data"
NOW = datetime(2026, 11, 23, 14, 5, 0)
MON = datetime(2026, 11, 23, 9, 0)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077" "53de0000000c4944415408d763f8ff"
                    "ff3f0005fe02fea7d6a4a60000000049454e44ae426082")
_names = itertools.count(1)

requires_pg_dump = pytest.mark.skipif(not pgtools.installed_tools(), reason="no pg_dump/pg_restore installed")


@pytest.fixture
def new_database(pg_server, pg_template):
    """A function making a fresh register database on the test server (dropped after)."""
    made: list[str] = []

    def make(template: str | None = pg_template) -> str:
        name = f"b{os.getpid()}_{next(_names)}"
        pg_server.create_database(name, template=template)
        made.append(name)
        return pg_server.url(name)

    yield make
    for name in made:
        pg_server.drop_database(name)


@pytest.fixture
def url(new_database) -> str:
    return new_database()


@pytest.fixture
def pg_store(data_dir, url):
    opened = open_store(data_dir, database=url)
    yield opened
    opened.close()


def reopen(data_dir: Path, url: str):
    return open_store(data_dir, database=url)


def person(i: int) -> RequesterInput:
    return RequesterInput(name=f"Pemohon Nomor{i} Ümran", nik=f"320101450690{i % 10000:04d}", address=f"Jl. Merdeka {i}, Bandung",
                          occupation="Wiraswasta", phone=f"0812-3456-{i:04d}", email=f"p{i}@example.id")


def register(i: int, received: datetime = MON):
    data = RequestInput(requester=person(i), information=f"Dokumen anggaran nomor {i} tahun 2026",
                        purpose="Penelitian", received_at=received)
    return service.register_request(data, load_calendar(), "petugas", now=max(received, MON))


def dump_rows() -> dict[str, list[dict]]:
    """Every row of every register table, as peewee reads it (typed alike on both backends)."""
    rows = {}
    for model in ALL_MODELS:
        key = model._meta.primary_key
        order = [f for f in key.field_names] if hasattr(key, "field_names") else [key.name]
        query = model.select().order_by(*[getattr(model, f) for f in order]).dicts()
        rows[model._meta.table_name] = list(query)
    return rows


def without_audit(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {name: value for name, value in rows.items() if name != "audit_log"}


def assert_restored(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> None:
    """The register as it was at the backup, plus exactly one audit entry: the head reset;
    the counters never go back (numbers given out after the backup stay used)."""
    def rest(rows):
        return {k: v for k, v in without_audit(rows).items() if k != "counter"}

    assert rest(after) == rest(before)
    kept = {(c["series"], c["year"]): c["last"] for c in after["counter"]}
    assert all(kept[(c["series"], c["year"])] >= c["last"] for c in before["counter"])
    assert after["audit_log"][:len(before["audit_log"])] == before["audit_log"]
    extra = after["audit_log"][len(before["audit_log"]):]
    assert [e["action"] for e in extra] == ["audit_head_reset"]


def sample_register(store, n: int = 6) -> None:
    save_unit("Bidang Informasi", UnitKind.BIDANG)
    save_office(load_office().with_changes(backup_keep=10), require_identity=False)
    logo = store.data_dir / "logo.png"
    logo.write_bytes(PNG)
    from ppid_desk.office import set_logo

    set_logo(logo)
    for i in range(n):
        register(i + 1)


# --- pg_dump --------------------------------------------------------------------------------------

@requires_pg_dump
def test_pg_dump_backup_and_restore_round_trip(pg_store, data_dir, url):
    sample_register(pg_store)
    before = dump_rows()
    made = backup.make_backup(pg_store, "manual", now=NOW)
    assert made.kind == backup.PGDUMP
    assert made.path.name == "ppid-desk-20261123-140500-manual.pgdump"
    assert made.path.read_bytes()[:5] == b"PGDMP" and made.size == made.path.stat().st_size
    assert made.schema_version == latest_version()
    assert not list(made.path.parent.glob(".*part"))
    listed = backup.list_backups(pg_store)
    assert [(b.path, b.kind, b.sound, b.schema_version) for b in listed] == [
        (made.path, backup.PGDUMP, True, latest_version())]

    register(50)  # changes after the backup
    save_unit("Unit sesudah cadangan", UnitKind.SKPD)
    result = backup.restore(pg_store, made.path, now=NOW + timedelta(hours=1))
    assert result.saved_current.name == "ppid-desk-20261123-150500-sebelum-pemulihan.pgdump"
    assert not result.current_was_damaged
    with reopen(data_dir, url):
        after = dump_rows()
        assert_restored(before, after)
        assert audit.verify().ok
        assert backend.search_request_ids(postgres_db(), "Nomor3") == [before["request"][2]["id"]]
        # numbering goes on after the number the lost request had taken: never given twice
        assert register(60).seq == len(before["request"]) + 2
    # the register as it was before the restore is in the saved copy: restore it back
    with reopen(data_dir, url) as again:
        backup.restore(again, result.saved_current, now=NOW + timedelta(hours=2))
    with reopen(data_dir, url):
        names = {u["name"] for u in dump_rows()["unit"]}
        assert "Unit sesudah cadangan" in names
        assert audit.verify().ok


def postgres_db():
    from ppid_desk.store.models import database

    return database.obj


# --- the logical export -----------------------------------------------------------------------------

def test_logical_export_round_trip(pg_store, data_dir, url):
    sample_register(pg_store)
    before = dump_rows()
    made = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    assert made.kind == backup.LOGICAL and made.path.name == "ppid-desk-20261123-140500-manual.ppidjson.gz"
    with gzip.open(made.path, "rt", encoding="utf-8") as f:
        header = json.loads(f.readline())
    assert header["format"] == "ppid-desk-logis" and header["schema_version"] == latest_version()
    counts = {t["name"]: t["rows"] for t in header["tables"]}
    assert counts["request"] == 6 and counts["office_asset"] == 1
    assert "request_search" not in counts and "ppid_schema" not in counts
    order = [t["name"] for t in header["tables"]]
    assert order.index("requester") < order.index("request") < order.index("request_event")
    assert backup.list_backups(pg_store)[0].schema_version == latest_version()

    register(50)
    result = backup.restore(pg_store, made.path, now=NOW + timedelta(hours=1))
    assert result.saved_current.exists()
    with reopen(data_dir, url):
        after = dump_rows()
        assert_restored(before, after)
        assert bytes(after["office_asset"][0]["data"]) == PNG  # bytes through base64
        assert audit.verify().ok
        assert backend.search_request_ids(postgres_db(), "umran nomor4") == [before["request"][3]["id"]]
        assert register(61).seq == 8  # 7 went to the request the restore took away


def test_without_pg_dump_the_logical_export_is_made(pg_store, monkeypatch):
    monkeypatch.setattr(pgtools, "installed_tools", lambda: [])
    result = backup.make_backup(pg_store, "harian", now=NOW)
    assert result.kind == backup.LOGICAL and result.path.suffixes[-2:] == [".ppidjson", ".gz"]
    with pytest.raises(BackupError, match="pg_dump yang cocok"):
        backup.make_backup(pg_store, "manual", now=NOW, method="pg_dump")


def test_the_export_is_one_snapshot_while_another_desk_writes(pg_store, url):
    """Another connection keeps committing numbered settings while exports run; every
    export holds exactly the rows 0..n-1 of one moment."""
    import psycopg

    with pg_store.db.atomic():
        Setting.insert_many([{"key": f"isi-{i:06d}", "value": "x" * 300} for i in range(20000)]).execute()
    stop = threading.Event()
    written = [0]

    def writer():
        with psycopg.connect(url, autocommit=True) as conn:
            while not stop.is_set():
                conn.execute("INSERT INTO setting (key, value) VALUES (%s, %s)", (f"tes-{written[0]:06d}", "y"))
                written[0] += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results = [backup.make_backup(pg_store, "manual", now=NOW + timedelta(seconds=i), method="logical",
                                      keep=100, mirror_dir="") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0
    for result in results:
        with gzip.open(result.path, "rt", encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        section = next(i for i, r in enumerate(rows) if isinstance(r, dict) and r.get("table") == "setting")
        keys = []
        for row in rows[section + 1:]:
            if isinstance(row, dict):
                break
            keys.append(row[0])
        tes = sorted(k for k in keys if k.startswith("tes-"))
        assert sum(k.startswith("isi-") for k in keys) == 20000
        assert tes == [f"tes-{i:06d}" for i in range(len(tes))]


# --- moving a SQLite register onto a server ------------------------------------------------------------

def test_a_sqlite_register_moves_onto_a_fresh_server_database(tmp_path, new_database):
    from ppid_desk.register.demo import generate

    desk = tmp_path / "meja-tunggal"
    with open_store(desk) as store:
        save_office(load_office().with_changes(agency_name="Dinas Kominfo"), require_identity=False)
        generate(120, seed=7, years=2, today=MON.date())
        register(1)
        logo = desk / "logo.png"
        logo.write_bytes(PNG)
        from ppid_desk.office import set_logo

        set_logo(logo)
        before = dump_rows()
        made = backup.make_backup(store, "manual", now=NOW)
        assert made.kind == backup.SQLITE
    assert len(before["request"]) == 121 and before["request_event"] and before["dip_entry"]

    # A fresh, empty database on the office's server: the first desk opens it (the schema is
    # made) and restores the single desk's backup into it.
    server_url = new_database(template=None)
    office_desk = tmp_path / "meja-1"
    with open_store(office_desk, database=server_url) as store:
        result = backup.restore(store, made.path, now=NOW + timedelta(minutes=5))
    assert result.schema_version == latest_version()
    with open_store(office_desk, database=server_url) as store:
        after = dump_rows()
        assert_restored(before, after)
        assert audit.verify().ok  # the SQLite desk's chain, then the head reset written here
        newest = max(r["seq"] for r in before["request"] if r["year"] == 2026)
        assert register(200).seq == newest + 1  # no gap, no number used twice
        first = before["request"][0]
        found = backend.search_request_ids(store.db, first["number"])
        assert found and found[0] == first["id"]
        assert backend.search_dip_ids(store.db, [["anggaran"]])  # the DIP index was rebuilt too
        assert not list(office_desk.glob("*.pemulihan"))


def test_an_older_schema_is_restored_and_upgraded(tmp_path, pg_store, data_dir, url):
    old = tmp_path / "dari-versi-lama.sqlite3"
    with sqlite3.connect(old) as conn:
        conn.executescript((DATA / "schema-v5.sql").read_text(encoding="utf-8"))
    result = backup.restore(pg_store, old, now=NOW)
    assert result.schema_version == 5
    with reopen(data_dir, url) as store:
        assert store.schema_version() == latest_version() and store.upgraded_from is None
        assert audit.verify().ok
        register(1)


# --- refused, nothing changed -------------------------------------------------------------------------

def _variants_of_damage(path: Path, tmp_path: Path) -> list[Path]:
    data = path.read_bytes()
    cut = tmp_path / f"terpotong{''.join(path.suffixes)}"
    cut.write_bytes(data[: len(data) * 2 // 3])
    flipped = tmp_path / f"rusak{''.join(path.suffixes)}"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 64]) + data[middle + 64:])
    return [cut, flipped]


@pytest.mark.parametrize("method", ["logical", pytest.param("pg_dump", marks=requires_pg_dump)])
def test_a_damaged_backup_is_refused_and_changes_nothing(pg_store, tmp_path, method):
    sample_register(pg_store, n=40)
    made = backup.make_backup(pg_store, "manual", now=NOW, method=method)
    register(99)
    before = dump_rows()
    listed = len(backup.list_backups(pg_store))
    for bad in _variants_of_damage(made.path, tmp_path):
        with pytest.raises(BackupError, match="rusak|terpotong|tidak terbaca"):
            backup.restore(pg_store, bad, now=NOW + timedelta(hours=1))
        pg_store.db.connect(reuse_if_open=True)
        assert dump_rows() == before
    assert len(backup.list_backups(pg_store)) == listed  # no "sebelum-pemulihan" copy was made
    garbage = tmp_path / "bukan-cadangan.bin"
    garbage.write_bytes(b"hello" * 100)
    with pytest.raises(BackupError, match="bukan cadangan PPID Desk"):
        backup.restore(pg_store, garbage)
    assert dump_rows() == before


def _rewrite_export(source: Path, target: Path, change) -> None:
    """Write ``target`` as ``source``'s export with ``change(header, sections)`` applied."""
    lines = [json.loads(line) for line in gzip.open(source, "rt", encoding="utf-8")]
    header, body = lines[0], lines[1:-1]
    sections: dict[str, list] = {}
    for item in body:
        if isinstance(item, dict):
            current = sections.setdefault(item["table"], [])
        else:
            current.append(item)
    change(header, sections)
    for table in header["tables"]:
        table["rows"] = len(sections[table["name"]])
    out = [header]
    for table in header["tables"]:
        out += [{"table": table["name"]}, *sections[table["name"]]]
    out.append({"end": True, "rows": sum(len(sections[t["name"]]) for t in header["tables"])})
    with gzip.open(target, "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(item) + "\n" for item in out))


def test_an_export_missing_a_table_or_failing_midway_changes_nothing(pg_store, tmp_path, data_dir, url):
    sample_register(pg_store, n=5)
    made = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    register(20)
    before = dump_rows()

    def drop_requests(header, sections):
        header["tables"] = [t for t in header["tables"] if t["name"] != "request"]

    partial = tmp_path / "tanpa-permohonan.ppidjson.gz"
    _rewrite_export(made.path, partial, drop_requests)
    with pytest.raises(BackupError, match="tidak memuat tabel request"):
        backup.restore(pg_store, partial, now=NOW + timedelta(hours=1))  # found by the transaction
    def orphan_requests(header, sections):
        sections["requester"] = sections["requester"][:2]  # requests now point at missing requesters

    orphans = tmp_path / "yatim.ppidjson.gz"
    _rewrite_export(made.path, orphans, orphan_requests)
    with reopen(data_dir, url) as store:  # restore() closed the store, as it does for a SQLite register
        assert dump_rows() == before
        with pytest.raises(BackupError, match="Pemulihan ke server gagal .*foreign key.*register tidak diubah"):
            backup.restore(store, orphans, now=NOW + timedelta(hours=2))  # passes the check; the COPY fails
    with reopen(data_dir, url):
        assert dump_rows() == before
        assert audit.verify().ok


def test_a_newer_schema_is_refused(pg_store, tmp_path):
    made = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    lines = gzip.open(made.path, "rt", encoding="utf-8").read().splitlines(keepends=True)
    header = json.loads(lines[0])
    header["schema_version"] = latest_version() + 1
    newer = tmp_path / "lebih-baru.ppidjson.gz"
    with gzip.open(newer, "wt", encoding="utf-8") as f:
        f.write(json.dumps(header) + "\n" + "".join(lines[1:]))
    before = dump_rows()
    with pytest.raises(BackupError, match="lebih baru"):
        backup.restore(pg_store, newer)
    pg_store.db.connect(reuse_if_open=True)
    assert dump_rows() == before


def test_restore_is_refused_while_another_desk_is_connected(pg_store, data_dir, url):
    sample_register(pg_store, n=2)
    made = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    register(10)
    before = dump_rows()
    other = postgres.open_database(pg_store.address)  # another desk: the same application name
    other.connect()
    try:
        with pytest.raises(BackupError, match=r"1 sambungan PPID Desk lain .*Tutup PPID Desk di meja lain"):
            backup.prepare_restore(pg_store, made.path)
        # connected after the restore was prepared: the finishing transaction refuses too
        pg_store.db.close()
        other.close()
        prepared = backup.prepare_restore(reopen(data_dir, url), made.path, now=NOW + timedelta(minutes=1))
        postgres_db().close()
        other.connect()
        with pytest.raises(BackupError, match="sambungan PPID Desk lain"):
            backup.finish_restore(prepared)
    finally:
        other.close()
    with reopen(data_dir, url):
        assert dump_rows() == before
        assert audit.verify().ok


def test_server_backups_are_not_restored_onto_a_sqlite_register(pg_store, tmp_path):
    made = backup.make_backup(pg_store, "manual", now=NOW, method="logical")
    desk = tmp_path / "meja"
    open_store(desk).close()
    with pytest.raises(BackupError, match="hanya dapat dipulihkan ke register di server"):
        backup.restore(desk, made.path)


# --- listing and keeping ------------------------------------------------------------------------------

@requires_pg_dump
def test_both_kinds_are_listed_kept_and_mirrored_alike(pg_store, tmp_path):
    mirror = tmp_path / "usb"
    mirror.mkdir()
    made = [backup.make_backup(pg_store, "harian", now=NOW + timedelta(days=i), keep=3, mirror_dir=str(mirror),
                               method=method).path
            for i, method in enumerate(["pg_dump", "logical", "pg_dump", "logical", "pg_dump"])]
    listed = backup.list_backups(pg_store)
    assert [b.path for b in listed] == list(reversed(made[-3:]))
    assert [b.kind for b in listed] == [backup.PGDUMP, backup.LOGICAL, backup.PGDUMP]
    assert all(b.sound and b.schema_version == latest_version() for b in listed)
    assert sorted(p.name for p in mirror.glob("ppid-desk-*")) == sorted(p.name for p in made[-3:])
    assert backup.newest_sound(pg_store) is None  # a damaged SQLite register is offered SQLite files only
    assert backup.newest_sound(pg_store, kinds=(backup.PGDUMP,)).path == made[-1]
    assert backup.due_daily(pg_store, NOW + timedelta(days=5))
    assert not backup.due_daily(pg_store, NOW + timedelta(days=4))


def test_the_password_reaches_pg_dump_only_through_its_environment(monkeypatch, tmp_path):
    seen = {}

    def fake_run(argv, **kwargs):
        seen["argv"], seen["env"] = argv, kwargs["env"]

        class Done:
            returncode = 0
            stderr = ""
        return Done()

    monkeypatch.setattr(pgtools.subprocess, "run", fake_run)
    from ppid_desk.store.location import ServerAddress

    tools = pgtools.PgTools(Path("/opt/pg/bin"), 16)
    pgtools.run_pg_dump(tools, ServerAddress("ppid", "10.0.0.5", 5432, "ppid"), "rahasia-sekali", tmp_path / "x")
    assert "rahasia-sekali" not in " ".join(seen["argv"])
    assert seen["env"]["PGPASSWORD"] == "rahasia-sekali" and seen["env"]["PGAPPNAME"] == "ppid-desk-cadangan"
    assert "PGPASSWORD" not in os.environ or os.environ["PGPASSWORD"] != "rahasia-sekali"
    assert "--format=custom" in seen["argv"] and "--no-owner" in seen["argv"] and "--no-privileges" in seen["argv"]


def test_the_functions_dropped_for_an_older_backup_are_all_the_registers(pg_store):
    """An older backup rebuilds the schema from migration 1: every function the migrations
    create must be in server.REGISTER_FUNCTIONS, or the rebuild would find it there."""
    rows = pg_store.db.execute_sql(
        "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND NOT EXISTS "
        "(SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')").fetchall()
    assert {r[0] for r in rows} == set(server_backup.REGISTER_FUNCTIONS)


# --- the command line ----------------------------------------------------------------------------------

def _cli(capsys, *argv: str) -> tuple[int, dict[str, str], str]:
    from ppid_desk.cli import CORE_COMMANDS, run

    code = run(list(argv), CORE_COMMANDS)
    out, err = capsys.readouterr()
    found = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in out.splitlines() if ": " in line}
    return code, found, out + err


def test_the_command_line_backs_up_and_restores_a_server_register(capsys, monkeypatch, pg_store, data_dir, url):
    monkeypatch.setenv("PPID_DESK_DATABASE", url)
    sample_register(pg_store, n=3)
    before = dump_rows()
    pg_store.close()
    code, found, text = _cli(capsys, "--data-dir", str(data_dir), "backup", "--method", "logis")
    assert code == 0, text
    assert found["format"] == "ekspor logis" and found["backup"].endswith("-manual.ppidjson.gz")
    code, listed, text = _cli(capsys, "--data-dir", str(data_dir), "backup", "--list")
    assert code == 0 and found["backup"] in text and "\tok\t" in text
    with reopen(data_dir, url):
        register(40)
    code, done, text = _cli(capsys, "--data-dir", str(data_dir), "restore", found["backup"])
    assert code == 0, text
    assert done["restored"].startswith(found["backup"]) and url in done["restored"]
    assert done["saved"].endswith("-sebelum-pemulihan.pgdump" if pgtools.installed_tools()
                                  else "-sebelum-pemulihan.ppidjson.gz")
    with reopen(data_dir, url):
        assert_restored(before, dump_rows())
    monkeypatch.delenv("PPID_DESK_DATABASE")
    code, _found, text = _cli(capsys, "--data-dir", str(data_dir / "meja-sqlite"), "backup", "--method", "logis")
    assert code == 2 and "hanya untuk register di server" in text
