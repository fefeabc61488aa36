"""Backups and restore on real SQLite files: consistent copies while another connection
writes, retention, the mirror folder, and restores that either complete or change nothing."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import tempfile
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ppid_desk import backup, instance
from ppid_desk.backup import BackupError
from ppid_desk.errors import DamagedStoreError
from ppid_desk.office import load_office, save_office
from ppid_desk.paths import backup_dir, database_path
from ppid_desk.register.attachments import size_text
from ppid_desk.store import latest_version, open_store, sqlite
from ppid_desk.store.models import Setting
from ppid_desk.units import UnitKind, list_units, save_unit

DATA = Path(__file__).resolve().parent.parent / "data"
# Fixed garbage, so a damaged register is damaged the same way every run.
GARBAGE = random.Random(9).randbytes(400)
NOW = datetime(2026, 11, 23, 14, 5, 0)


def unit_names() -> list[str]:
    return sorted(u.name for u in list_units())


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """Garbage over the pages of the file's last quarter: the rows :func:`fill` wrote last
    (the header and the schema pages, written earlier, are left alone: the file still opens)."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        for offset in range(size * 3 // 4 // 4096 * 4096 + 100, size, 4096):
            f.seek(offset)
            f.write(GARBAGE)


def fill(store, rows: int, size: int = 300) -> None:
    """Make the register bigger (setting rows nobody reads), in one transaction."""
    with store.db.atomic():
        Setting.insert_many([{"key": f"isi-{i:06d}", "value": "x" * size} for i in range(rows)]).execute()


def settle(store) -> None:
    """Fold the WAL into the file, so the file alone is the register."""
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


# --- making backups ------------------------------------------------------------------------

@pytest.mark.sqlite_only  # reads the SQLite backup file itself (test_backup_postgres.py: the server's kinds)
def test_a_backup_is_a_checked_copy_with_its_date_and_reason_in_the_name(store):
    save_unit("Bidang Informasi", UnitKind.BIDANG)
    result = backup.make_backup(store, "manual", now=NOW)
    assert result.path.parent == backup_dir(store.data_dir)
    assert result.path.name == "ppid-desk-20261123-140500-manual.sqlite3"
    assert result.size == result.path.stat().st_size > 0
    assert result.schema_version == latest_version()
    assert result.summary() == f"Cadangan dibuat 23-11-2026 14.05 ({size_text(result.size)})"
    assert not list(result.path.parent.glob(".*part"))
    report = sqlite.file_report(result.path)
    assert report.problems == [] and report.is_register
    with sqlite3.connect(result.path) as conn:
        assert conn.execute("SELECT name FROM unit").fetchall() == [("Bidang Informasi",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # a standalone file
    again = backup.make_backup(store, "manual", now=NOW)
    assert again.path.name == "ppid-desk-20261123-140500-manual-2.sqlite3"
    listed = backup.list_backups(store)
    assert [(b.path, b.reason, b.made, b.sound, b.schema_version) for b in listed] == [
        (again.path, "manual", NOW, True, latest_version()), (result.path, "manual", NOW, True, latest_version())]


@pytest.mark.sqlite_only  # a second SQLite connection writes the file (server: test_backup_postgres.py)
def test_backup_while_another_connection_writes_is_consistent(store):
    """Another process-like connection keeps committing numbered rows while backups run;
    every backup is sound and holds exactly the rows 0..n-1 of one moment."""
    fill(store, 6000)  # a register big enough that a copy takes a while
    settle(store)
    stop = threading.Event()
    written = [0]

    def writer():
        conn = sqlite3.connect(database_path(store.data_dir), timeout=10)
        conn.execute("PRAGMA journal_mode=wal")
        while not stop.is_set():
            with conn:
                conn.execute("INSERT INTO setting(key, value) VALUES (?, ?)", (f"tes-{written[0]:06d}", "x" * 500))
            written[0] += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results = [backup.make_backup(store, "manual", now=NOW + timedelta(seconds=i), keep=100, mirror_dir="")
                   for i in range(4)]
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0
    for result in results:
        with sqlite3.connect(result.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            keys = [r[0] for r in conn.execute("SELECT key FROM setting WHERE key LIKE 'tes-%' ORDER BY key")]
            assert conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'isi-%'").fetchone()[0] == 6000
        assert keys == [f"tes-{i:06d}" for i in range(len(keys))]  # a prefix: one moment, nothing torn


def test_retention_keeps_the_newest_and_never_the_pre_upgrade_copies(store):
    folder = backup_dir(store.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    upgrade_copy = folder / "sebelum-upgrade-skema5-ke-6-20200101-080000.sqlite3"
    upgrade_copy.write_bytes(b"kept as it is")
    foreign = folder / "catatan-saya.txt"
    foreign.write_text("not ours")
    made = [backup.make_backup(store, reason, now=NOW + timedelta(hours=i), keep=3, mirror_dir="").path
            for i, reason in enumerate(["mulai", "harian", "keluar", "mulai", "manual"])]
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([upgrade_copy.name, foreign.name, *(p.name for p in made[-3:])])
    # The file just made stays even when the clock went back and it is not among the newest.
    older = backup.make_backup(store, "manual", now=NOW - timedelta(days=30), keep=3, mirror_dir="")
    assert older.path.exists() and older.removed == ()
    assert [b.path for b in backup.list_backups(store)][:4] == [*reversed(made[-3:]), older.path]
    assert backup.list_backups(store)[-1].reason == backup.PRE_UPGRADE


def test_keep_and_mirror_come_from_the_settings_and_are_validated(store):
    save_office(load_office().with_changes(backup_keep=4), require_identity=False)
    assert load_office().backup_keep == 4 and load_office().backup_mirror_dir == ""
    from ppid_desk.errors import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        save_office(load_office().with_changes(backup_keep=1), require_identity=False)
    assert excinfo.value.field == "backup_keep"
    with pytest.raises(ValidationError) as excinfo:
        save_office(load_office().with_changes(backup_mirror_dir="relatif/folder"), require_identity=False)
    assert excinfo.value.field == "backup_mirror_dir"
    for i in range(6):
        backup.make_backup(store, "harian", now=NOW + timedelta(days=i))
    assert len(backup.list_backups(store)) == 4


def test_due_daily(store):
    assert backup.due_daily(store, NOW)
    backup.make_backup(store, "mulai", now=NOW.replace(hour=7))
    assert not backup.due_daily(store, NOW)
    assert backup.due_daily(store, NOW + timedelta(days=1))


def test_mirror_gets_the_backup_and_new_attachments(store, tmp_path):
    mirror = tmp_path / "usb"
    mirror.mkdir()
    attachment = store.data_dir / "lampiran" / "2026" / "1" / "ktp.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"%PDF-1.4 ktp")
    (attachment.parent / ".tmp123.sementara").write_bytes(b"half written")
    first = backup.make_backup(store, "manual", now=NOW, keep=2, mirror_dir=str(mirror))
    assert first.mirror_problem == "" and first.attachments_copied == 1
    assert (mirror / first.path.name).read_bytes() == first.path.read_bytes()
    assert (mirror / "lampiran" / "2026" / "1" / "ktp.pdf").read_bytes() == b"%PDF-1.4 ktp"
    assert not (mirror / "lampiran" / "2026" / "1" / ".tmp123.sementara").exists()
    second = backup.make_backup(store, "manual", now=NOW + timedelta(minutes=1), keep=2, mirror_dir=str(mirror))
    assert second.attachments_copied == 0  # attachments never change: only new ones are copied
    backup.make_backup(store, "manual", now=NOW + timedelta(minutes=2), keep=2, mirror_dir=str(mirror))
    assert len(list(mirror.glob("ppid-desk-*"))) == 2  # the mirror keeps the same number
    assert not list(mirror.glob(".*part"))


def test_a_missing_mirror_folder_is_reported_not_fatal(store, tmp_path):
    result = backup.make_backup(store, "manual", now=NOW, mirror_dir=str(tmp_path / "flashdisk-tidak-dipasang"))
    assert result.path.exists()
    assert "tidak ada" in result.mirror_problem
    assert not (tmp_path / "flashdisk-tidak-dipasang").exists()  # never created on the local disk


def _can_mount() -> bool:
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder], capture_output=True)
        if done.returncode != 0:
            return False
        subprocess.run(["umount", folder], check=False)
    return True


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write to: a read-only tmpfs as root (root ignores chmod), else chmod."""
    folder = tmp_path / "hanya-baca"
    folder.mkdir()
    if os.geteuid() == 0:
        if not _can_mount():
            pytest.skip("root without the right to mount: no read-only folder possible")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m,ro", "tmpfs", str(folder)], check=True)
        yield folder
        subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_an_unwritable_mirror_folder_is_reported_not_fatal(store, read_only_folder):
    result = backup.make_backup(store, "manual", now=NOW, mirror_dir=str(read_only_folder))
    assert result.path.exists() and result.path.stat().st_size == result.size
    assert result.mirror_problem.startswith("Salinan cadangan ke")
    assert backup.list_backups(store)[0].sound


def test_a_failed_backup_leaves_nothing_and_says_why(store):
    backup_dir(store.data_dir).write_text("a file where the folder should be")
    with pytest.raises(BackupError, match="tidak dapat dibuat"):
        backup.make_backup(store, "manual", now=NOW)


def test_a_damaged_register_gives_no_backup(data_dir):
    with open_store(data_dir) as store:
        save_unit("Bidang A", UnitKind.BIDANG)
        fill(store, 1000)
        settle(store)
    damage(database_path(data_dir))
    with open_store(data_dir) as store:
        assert backup.quick_problems(store)
        with pytest.raises(BackupError, match="tidak lolos pemeriksaan integritas"):
            backup.make_backup(store, "manual", now=NOW, keep=30, mirror_dir="")
        with pytest.raises(BackupError, match="mungkin rusak"):  # the settings themselves are damaged
            backup.make_backup(store, "manual", now=NOW)
    assert backup.list_backups(data_dir) == []
    assert not list(backup_dir(data_dir).glob(".*part"))


def test_stale_temporary_files_of_a_dead_process_are_cleaned(store):
    folder = backup_dir(store.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = folder / f".ppid-desk-20260101-000000-harian.sqlite3.{dead.pid}.part"
    stale.write_bytes(b"cut off by a power failure")
    alive = folder / f".ppid-desk-20260101-000000-harian.sqlite3.{os.getppid()}.part"
    alive.write_bytes(b"another process still writing")
    backup.make_backup(store, "manual", now=NOW)
    assert not stale.exists() and alive.exists()


# --- restoring -----------------------------------------------------------------------------

def test_restore_brings_the_data_back_and_keeps_the_current_state(data_dir):
    with open_store(data_dir) as store:
        save_unit("Bidang Informasi", UnitKind.BIDANG)
        good = backup.make_backup(store, "manual", now=NOW)
        save_unit("Unit dicatat sesudah cadangan", UnitKind.SKPD)
        result = backup.restore(store, good.path, now=NOW + timedelta(hours=1))
        assert store.db.is_closed()
    assert result.restored_from == good.path and result.schema_version == latest_version()
    assert result.saved_current.name == "ppid-desk-20261123-150500-sebelum-pemulihan.sqlite3"
    assert not result.current_was_damaged
    with open_store(data_dir):
        assert unit_names() == ["Bidang Informasi"]
    with sqlite3.connect(result.saved_current) as conn:  # nothing lost: the later unit is kept
        assert sorted(r[0] for r in conn.execute("SELECT name FROM unit")) == [
            "Bidang Informasi", "Unit dicatat sesudah cadangan"]
    assert good.path.exists()
    assert not list(data_dir.glob("*.pemulihan")) and not list(data_dir.glob("*-wal"))


def test_restore_of_a_damaged_backup_is_refused_and_changes_nothing(data_dir):
    with open_store(data_dir) as store:
        fill(store, 1000)
        bad = backup.make_backup(store, "manual", now=NOW).path
    damage(bad)
    before = sha(database_path(data_dir))
    with pytest.raises(BackupError, match="rusak"):
        backup.restore(data_dir, bad)
    assert sha(database_path(data_dir)) == before
    assert [b.reason for b in backup.list_backups(data_dir)] == ["manual"]  # no extra copy was made
    assert not list(data_dir.glob("*.pemulihan"))
    garbage = data_dir / "bukan-basis-data.sqlite3"
    garbage.write_bytes(b"hello" * 1000)
    with pytest.raises(BackupError, match="bukan basis data"):
        backup.restore(data_dir, garbage)
    assert sha(database_path(data_dir)) == before


def test_restore_of_a_newer_schema_is_refused(data_dir, tmp_path):
    with open_store(data_dir) as store:
        newer = backup.make_backup(store, "manual", now=NOW).path
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    before = sha(database_path(data_dir))
    with pytest.raises(BackupError, match="lebih baru"):
        backup.restore(data_dir, newer)
    assert sha(database_path(data_dir)) == before
    assert backup.newest_sound(data_dir) is None  # never offered either


def test_restore_of_an_older_schema_is_upgraded_on_the_next_open(data_dir, tmp_path):
    old = tmp_path / "dari-versi-lama.sqlite3"
    with sqlite3.connect(old) as conn:
        conn.executescript((DATA / "schema-v5.sql").read_text(encoding="utf-8"))
    open_store(data_dir).close()
    result = backup.restore(data_dir, old)
    assert result.schema_version == 5
    with open_store(data_dir) as store:
        assert store.upgraded_from == 5 and store.schema_version() == latest_version()


def test_restore_over_a_damaged_register_keeps_its_bytes(data_dir):
    with open_store(data_dir) as store:
        save_unit("Bidang Informasi", UnitKind.BIDANG)
        good = backup.make_backup(store, "manual", now=NOW)
        fill(store, 1000)
        settle(store)
    damage(database_path(data_dir))
    damaged_bytes = sha(database_path(data_dir))
    result = backup.restore(data_dir, good.path, now=NOW + timedelta(hours=2))
    assert result.current_was_damaged and result.saved_current.name.endswith("-rusak.sqlite3")
    assert sha(result.saved_current) == damaged_bytes
    with open_store(data_dir) as store:
        assert unit_names() == ["Bidang Informasi"] and backup.quick_problems(store) == []
    listed = {b.reason: b for b in backup.list_backups(data_dir)}
    assert not listed[backup.DAMAGED].sound and listed["manual"].sound


def test_restore_over_a_file_that_is_not_a_database(data_dir):
    with open_store(data_dir) as store:
        save_unit("Bidang Informasi", UnitKind.BIDANG)
        good = backup.make_backup(store, "manual", now=NOW)
    database_path(data_dir).write_bytes(b"\0" * 8192)
    for suffix in ("-wal", "-shm"):
        database_path(data_dir).with_name(database_path(data_dir).name + suffix).write_bytes(b"old")
    with pytest.raises(DamagedStoreError):
        open_store(data_dir)
    result = backup.restore(data_dir, good.path)
    assert result.current_was_damaged
    with open_store(data_dir):
        assert unit_names() == ["Bidang Informasi"]


def test_a_prepared_restore_changes_nothing_until_it_is_finished(data_dir):
    with open_store(data_dir) as store:
        save_unit("Bidang Informasi", UnitKind.BIDANG)
        good = backup.make_backup(store, "manual", now=NOW)
        save_unit("Unit kedua", UnitKind.SKPD)
        prepared = backup.prepare_restore(store, good.path, now=NOW + timedelta(minutes=5))
        assert unit_names() == ["Bidang Informasi", "Unit kedua"]  # still the current register
        backup.discard(prepared)
        assert not prepared.staged.exists()
        assert unit_names() == ["Bidang Informasi", "Unit kedua"]


def test_the_newest_sound_backup_is_offered(data_dir):
    with open_store(data_dir) as store:
        older = backup.make_backup(store, "harian", now=NOW)
        newer = backup.make_backup(store, "keluar", now=NOW + timedelta(hours=3))
    assert backup.newest_sound(data_dir).path == newer.path
    newer.path.write_bytes(newer.path.read_bytes()[: newer.size // 2])  # cut short (a pulled USB stick)
    info = {b.path: b for b in backup.list_backups(data_dir)}
    assert not info[newer.path].sound and "terpotong" in info[newer.path].problem
    assert backup.newest_sound(data_dir).path == older.path


# --- the data folder's lock (command line side) --------------------------------------------

def test_the_lock_is_taken_once(data_dir):
    with instance.held(data_dir) as path:
        assert path.exists()
        owner = instance.holder(data_dir)
        assert owner is not None and owner.pid == os.getpid()
        with pytest.raises(instance.DataFolderInUse, match="sedang memakai folder data"):
            instance.acquire(data_dir)
    assert not path.exists() and instance.holder(data_dir) is None


def test_a_stale_lock_is_taken_over(data_dir):
    data_dir.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    lock = instance.lock_path(data_dir)
    name = instance.process_name(os.getpid()) or "python3"
    lock.write_text(f"{dead.pid}\n{name}\n{instance.host_name()}\n\n\n")
    assert instance.holder(data_dir) is None
    with instance.held(data_dir):
        assert instance.holder(data_dir).pid == os.getpid()


def test_an_unreadable_lock_waits_a_moment_then_is_stale(data_dir):
    data_dir.mkdir(parents=True)
    lock = instance.lock_path(data_dir)
    lock.write_bytes(b"")  # a power cut right after the file was created
    assert instance.holder(data_dir) is not None
    old = lock.stat().st_mtime - 60
    os.utime(lock, (old, old))
    assert instance.holder(data_dir) is None


def test_a_lock_from_another_computer_is_never_taken(data_dir):
    data_dir.mkdir(parents=True)
    instance.lock_path(data_dir).write_text("4242\nppid-desk.exe\nPC-LOKET-2\n\n\n")
    owner = instance.holder(data_dir)
    assert owner is not None and "PC-LOKET-2" in owner.describe()
    with pytest.raises(instance.DataFolderInUse, match="PC-LOKET-2"):
        instance.acquire(data_dir)


def test_a_restore_never_gives_a_number_twice(store):
    """Requests registered after the backup are gone after a restore (that is what a restore
    is), but their numbers were printed on receipts: the next registration does not take
    them again (outside review, 2026-11-24)."""
    from ppid_desk.register import service
    from ppid_desk.register.codes import RequesterKind
    from ppid_desk.workdays import load_calendar

    def register(name: str):
        return service.register_request(service.RequestInput(
            requester=service.RequesterInput(RequesterKind.PERSON, name, "3201014506900001", phone="081234567890"),
            information="Salinan DPA 2026", purpose="Penelitian", received_at=datetime(2026, 11, 2, 10, 0)),
            load_calendar(), "petugas", now=datetime(2026, 11, 2, 10, 0))

    for name in ("Satu", "Dua", "Tiga"):
        register(name)
    made = backup.make_backup(store, "manual", now=NOW)
    assert [register(n).seq for n in ("Empat", "Lima")] == [4, 5]
    result = backup.restore(store, made.path, now=NOW + timedelta(hours=1))
    assert any("5" in note for note in result.notes), result.notes
    with open_store(store.data_dir, database=store.address):
        assert register("Enam").seq == 6
