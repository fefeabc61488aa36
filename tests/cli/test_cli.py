"""The command line: exact output lines, one-line errors, exit codes, --data-dir."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from ppid_desk.main import main
from ppid_desk.office import load_office, save_office
from ppid_desk.store import latest_version, open_store
from ppid_desk.workdays import add_override


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_deadline_prints_exactly_the_contract_lines(capsys, data_dir):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "deadline", "2026-03-17")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:5] == [
        "received: 2026-03-17",
        "completeness: 2026-03-26",
        "response: 2026-04-08",
        "extended: 2026-04-17",
        "objection-answer: 2026-05-07",
    ]
    skipped = lines[5:]
    assert all(line.startswith("skipped: ") for line in skipped)
    assert "skipped: 2026-03-19 Hari Suci Nyepi (libur nasional)" in skipped
    assert "skipped: 2026-03-18 Cuti Bersama Hari Suci Nyepi (cuti bersama)" in skipped
    days = [line.split()[1] for line in skipped]
    assert days == sorted(days) and days[-1] <= "2026-04-17" and days[0] >= "2026-03-17"


def test_deadline_after_hours_on_friday_counts_from_monday(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "deadline", "2026-11-20T14:30")
    assert code == 0
    assert out.splitlines()[0] == "received: 2026-11-23"
    assert "skipped: 2026-11-21 Sabtu (akhir pekan)" in out.splitlines()


def test_deadline_honours_office_settings(capsys, data_dir):
    with open_store(data_dir):
        save_office(load_office().with_changes(completeness_days=3), require_identity=False)
        add_override(date(2026, 11, 24), "libur", "Rapat kerja daerah")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "deadline", "2026-11-23")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "completeness: 2026-11-27"  # 24th closed: 25, 26, 27
    assert "skipped: 2026-11-24 Rapat kerja daerah (kantor)" in lines


def test_data_dir_from_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PPID_DESK_DATA_DIR", str(tmp_path / "env-data"))
    code, out, _ = run(capsys, "deadline", "2026-11-23")
    assert code == 0
    assert (tmp_path / "env-data" / "ppid-desk.sqlite3").is_file()


def test_holidays_lists_days_off_with_their_source(capsys, data_dir):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "holidays", "2026")
    assert code == 0, err
    lines = out.splitlines()
    assert "2026-03-19\tKamis\tnasional\tHari Suci Nyepi" in lines
    assert "2026-12-24\tKamis\tcuti bersama\tCuti Bersama Hari Raya Natal" in lines
    assert all(not line.split("\t")[1] in ("Sabtu", "Minggu") or line.split("\t")[2] != "akhir pekan" for line in lines)
    assert err == ""


def test_holidays_for_a_year_without_data_warns(capsys, data_dir):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "holidays", "2150")
    assert code == 0
    assert out == ""
    assert err.startswith("peringatan: ") and "2150" in err


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["deadline"], "argumen wajib belum diberikan: WHEN"),
        (["deadline", "2026-02-30"], "waktu tidak sah '2026-02-30'"),
        (["deadline", "besok"], "waktu tidak sah 'besok'"),
        (["holidays", "abc"], "tahun tidak sah 'abc'"),
        (["terbang"], "perintah tidak dikenal 'terbang'"),
        (["check", "--apa"], "argumen tidak dikenal: --apa"),
    ],
)
def test_usage_errors_are_one_line_exit_2(capsys, data_dir, argv, needle):
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ppid-desk: ")
    assert needle in err


def test_check_on_a_sound_database(capsys, data_dir):
    with open_store(data_dir):
        pass
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 0, err
    assert "integrity: ok" in out and f"schema: {latest_version()} " in out


def test_check_without_a_database_exits_1(capsys, tmp_path):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "kosong"), "check")
    assert code == 1
    assert "belum ada" in err and err.count("\n") == 1


def test_check_on_a_damaged_file_exits_1(capsys, data_dir):
    with open_store(data_dir):
        pass
    path = data_dir / "ppid-desk.sqlite3"
    for suffix in ("-wal", "-shm"):
        (data_dir / f"ppid-desk.sqlite3{suffix}").unlink(missing_ok=True)
    raw = bytearray(path.read_bytes())
    raw[0:16] = b"garbage garbage!"
    path.write_bytes(bytes(raw))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1
    assert err.startswith("ppid-desk: ") and err.count("\n") == 1


def test_check_refuses_a_newer_database(capsys, data_dir):
    with open_store(data_dir) as store:
        store.db.execute_sql("PRAGMA user_version = 99")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1 and "lebih baru" in err


def test_unexpected_errors_are_one_line_with_a_report(capsys, data_dir, monkeypatch):
    import ppid_desk.cli.commands as commands

    def explode(_when):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(commands, "deadline_lines", explode)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "deadline", "2026-11-23")
    assert code == 1
    assert "Traceback" not in err and err.count("\n") == 1
    report = err.strip().rsplit("rincian: ", 1)[1]
    assert "ZeroDivisionError" in open(report, encoding="utf-8").read()


def test_entry_points_run_as_processes(tmp_path):
    env = {**os.environ, "PPID_DESK_DATA_DIR": str(tmp_path / "d"), "QT_QPA_PLATFORM": "offscreen"}
    version = subprocess.run([sys.executable, "-m", "ppid_desk", "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("ppid-desk ")
    smoke = subprocess.run([sys.executable, "-m", "ppid_desk", "smoke"], capture_output=True, text=True, env=env,
                           timeout=120)
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.startswith("smoke: ok, main window built in ")


def test_gui_without_a_display_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PPID_DESK_DATA_DIR"] = str(tmp_path / "d")
    result = subprocess.run([sys.executable, "-m", "ppid_desk"], capture_output=True, text=True, env=env, timeout=60)
    if sys.platform.startswith("linux"):
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "tidak ada layar" in result.stderr
