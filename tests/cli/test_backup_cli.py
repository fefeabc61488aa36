"""``ppid-desk backup`` and ``restore``, the lock the writing commands take, and a damaged
register refused with one line."""

from __future__ import annotations

import os
import random
from pathlib import Path

from ppid_desk import instance
from ppid_desk.cli import CORE_COMMANDS
from ppid_desk.cli.guard import READS, WRITES
from ppid_desk.main import main
from ppid_desk.paths import backup_dir, database_path
from ppid_desk.store import open_store
from ppid_desk.store.models import Setting
from ppid_desk.ui.commands import UI_COMMANDS
from ppid_desk.units import UnitKind, list_units, save_unit

# Fixed garbage, so a damaged register is damaged the same way every run.
GARBAGE = random.Random(9).randbytes(400)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lines_of(text: str) -> dict[str, str]:
    return {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in text.splitlines() if ": " in line}


def make_register(data_dir: Path, *units: str) -> None:
    with open_store(data_dir):
        for name in units:
            save_unit(name, UnitKind.BIDANG)


def damage_register(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        with store.db.atomic():
            Setting.insert_many([{"key": f"isi-{i:05d}", "value": "x" * 300} for i in range(1000)]).execute()
        store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = database_path(data_dir)
    size = path.stat().st_size
    with open(path, "r+b") as f:
        for offset in range(size * 3 // 4 // 4096 * 4096 + 100, size, 4096):
            f.seek(offset)
            f.write(GARBAGE)


def test_backup_prints_the_file_and_its_size(capsys, data_dir):
    make_register(data_dir, "Bidang Informasi")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 0, err
    found = lines_of(out)
    path = Path(found["backup"])
    assert path.parent == backup_dir(data_dir) and path.name.endswith("-manual.sqlite3")
    assert found["size"] == f"{path.stat().st_size} ({found['size'].split('(')[1]}"
    assert err == ""
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup", "--list")
    assert code == 0 and str(path) in out and "\tmanual\t" in out and "\tok\t" in out


def test_backup_to_a_folder_takes_the_attachments_along(capsys, data_dir, tmp_path):
    make_register(data_dir)
    attachment = data_dir / "lampiran" / "2026" / "7" / "surat.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"%PDF surat")
    usb = tmp_path / "usb" / "cadangan"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "--to", str(usb))
    assert code == 0, err
    assert Path(lines_of(out)["backup"]).parent == usb
    assert (usb / "lampiran" / "2026" / "7" / "surat.pdf").read_bytes() == b"%PDF surat"
    assert "1 berkas lampiran" in out


def test_backup_failure_is_one_line_and_exit_1(capsys, data_dir):
    make_register(data_dir)
    backup_dir(data_dir).write_text("a file in the way")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("ppid-desk: Folder cadangan") and "tidak dapat dibuat" in err


def test_restore_prints_what_was_saved_and_what_was_restored(capsys, data_dir):
    make_register(data_dir, "Bidang Informasi")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
    saved = lines_of(out)["backup"]
    make_register(data_dir, "Unit sesudah cadangan")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", saved)
    assert code == 0, err
    found = lines_of(out)
    assert found["restored"].startswith(saved) and Path(found["saved"]).name.endswith("-sebelum-pemulihan.sqlite3")
    with open_store(data_dir):
        assert [u.name for u in list_units()] == ["Bidang Informasi"]


def test_restore_of_a_bad_file_is_refused(capsys, data_dir, tmp_path):
    make_register(data_dir, "Bidang Informasi")
    bad = tmp_path / "cadangan-rusak.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    before = database_path(data_dir).read_bytes()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(bad))
    assert code == 1 and out == "" and err.count("\n") == 1 and "register tidak diubah" in err
    assert database_path(data_dir).read_bytes() == before
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(tmp_path / "tidak-ada.sqlite3"))
    assert code == 1 and "tidak ditemukan" in err


def test_writing_commands_refuse_while_the_folder_is_held(capsys, data_dir, tmp_path):
    make_register(data_dir, "Bidang Informasi")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
    saved = lines_of(out)["backup"]
    with instance.held(data_dir):  # as the open app does (QLockFile, same file)
        code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", saved)
        assert code == 1 and "sedang memakai folder data" in err and f"proses {os.getpid()}" in err
        code, _, err = run(capsys, "--data-dir", str(data_dir), "demo", "--requests", "3")
        assert code == 1 and "sedang memakai folder data" in err
        # Reading commands run beside the open app.
        code, out, _ = run(capsys, "--data-dir", str(data_dir), "deadline", "2026-03-17")
        assert code == 0 and out.startswith("received: 2026-03-17")
        code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
        assert code == 0
    assert not instance.lock_path(data_dir).exists()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", saved)
    assert code == 0, err
    assert not instance.lock_path(data_dir).exists()  # released after the command


def test_a_damaged_register_is_refused_with_one_line(capsys, data_dir):
    make_register(data_dir, "Bidang Informasi")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")
    good = lines_of(out)["backup"]
    damage_register(data_dir)
    for argv in (["demo", "--requests", "3"], ["backup"], ["export-register", "--out", str(data_dir / "r.xlsx")]):
        code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
        assert code == 1, argv
        assert err.startswith("ppid-desk: ") and err.count("\n") == 1, err
        assert "rusak" in err, err
    assert not (data_dir / "logs").exists()  # a known state, not a crash
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", good)
    assert code == 0, err
    assert lines_of(out)["saved"].endswith("(register rusak, disimpan apa adanya)")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 0, err


def test_a_file_that_is_not_a_database_is_refused(capsys, data_dir):
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"\x00garbage" * 2000)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "deadline", "2026-03-17")
    assert code == 1 and "bukan basis data" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "demo", "--requests", "3")
    assert code == 1 and "rusak" in err


def test_every_command_says_whether_it_writes():
    names = {c.name for c in [*CORE_COMMANDS, *UI_COMMANDS]}
    assert not WRITES & READS
    assert names - WRITES - READS == set(), "list the new command in ppid_desk/cli/guard.py"


def test_the_lock_file_is_qt_compatible(data_dir):
    """The file the command line writes is the format QLockFile reads (pid, name, host)."""
    with instance.held(data_dir) as path:
        pid, name, host, *_ = path.read_text().split("\n")
        assert int(pid) == os.getpid() and host == instance.host_name() and name
