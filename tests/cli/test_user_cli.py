"""``ppid-desk user add|passwd|list`` and ``ppid-desk audit verify``: the password from
standard input or the terminal (never an argument, never echoed), exit codes."""

from __future__ import annotations

import getpass
import io
import sqlite3
import sys

import pytest

from ppid_desk.accounts import passwords
from ppid_desk.accounts.service import authenticate
from ppid_desk.main import main
from ppid_desk.paths import database_path
from ppid_desk.store import open_store
from ppid_desk.store.models import AuditEntry

SECRET = "Sandi-Rahasia-4821"


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch):
    monkeypatch.setattr(passwords, "DEFAULT_PARAMS", passwords.ScryptParams(n=2 ** 8, r=8, p=1))


def run(capsys, monkeypatch, data_dir, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_passwd_with_the_password_on_stdin(capsys, monkeypatch, data_dir):
    code, out, err = run(capsys, monkeypatch, data_dir, "user", "add", "Rina", "--role", "petugas", "--role", "ppid",
                         "--name", "Rina Wulandari", stdin=SECRET + "\nthe rest is ignored\n")
    assert code == 0, err
    assert out.splitlines() == ["user: rina (Rina Wulandari), peran Petugas, PPID",
                                "catatan: kata sandi ini wajib diganti saat masuk pertama kali."]
    code, out, _ = run(capsys, monkeypatch, data_dir, "user", "add", "budi", "--role", "admin", stdin="kunci-budi-1\r\n")
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, data_dir, "user", "list")
    assert code == 0
    assert out.splitlines() == ["budi\tbudi\tadmin\taktif, wajib ganti kata sandi\t-",
                                "rina\tRina Wulandari\tpetugas,ppid\taktif, wajib ganti kata sandi\t-"]
    code, out, _ = run(capsys, monkeypatch, data_dir, "user", "passwd", "rina", stdin="Sandi-Baru-777\n")
    assert (code, out) == (0, "user: kata sandi rina diganti\n")
    with open_store(data_dir):
        login = authenticate("rina", "Sandi-Baru-777")
        assert login.officer.name == "Rina Wulandari" and not login.must_change_password
        who = {e.actor_name for e in AuditEntry.select().where(AuditEntry.action != "login")}
    assert who == {getpass.getuser()}  # written as the operating-system user


def test_the_password_is_asked_twice_on_a_terminal(capsys, monkeypatch, data_dir):
    answers = iter([SECRET, SECRET, SECRET, "lain-lain-1"])
    prompts = []
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or next(answers))
    code, out, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "petugas")
    assert code == 0, err
    assert prompts == ["Kata sandi baru untuk rina: ", "Ulangi kata sandi: "]
    code, out, err = run(capsys, monkeypatch, data_dir, "user", "passwd", "rina")
    assert (code, out) == (1, "")
    assert err == "ppid-desk: kedua kata sandi tidak sama; tidak ada yang diubah.\n"


def test_refusals_are_one_line_and_never_show_the_password(capsys, monkeypatch, data_dir):
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "petugas", stdin="pendek\n")
    assert (code, err) == (1, "ppid-desk: Kata sandi minimal 8 karakter.\n")
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "petugas", stdin="rina\n")
    assert code == 1 and "pendek" not in err
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "petugas", stdin="")
    assert code == 1 and "masukan standar kosong" in err
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", stdin=SECRET + "\n")
    assert code == 2 and "--role" in err
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "raja", stdin=SECRET + "\n")
    assert code == 2 and "pilihan tidak dikenal 'raja'" in err
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "add", "Rina Wulandari", "--role", "ppid",
                       stdin=SECRET + "\n")
    assert code == 1 and "Nama pengguna 2" in err
    code, _, err = run(capsys, monkeypatch, data_dir, "user", stdin="")
    assert code == 2 and "TINDAKAN" in err
    stdin = io.StringIO(SECRET + "\n")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _, err = run(capsys, monkeypatch, data_dir, "user", "passwd", "tidak-ada")
    assert (code, err) == (1, "ppid-desk: petugas dengan nama pengguna 'tidak-ada' tidak ada.\n")
    assert stdin.tell() == 0  # nothing was read

    code, out, err = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "petugas",
                         stdin=SECRET + "\n")
    assert code == 0
    code, out2, err2 = run(capsys, monkeypatch, data_dir, "user", "add", "rina", "--role", "ppid",
                           stdin=SECRET + "\n")
    assert code == 1 and "sudah dipakai" in err2
    code, out3, err3 = run(capsys, monkeypatch, data_dir, "user", "passwd", "rina", stdin=SECRET + "-2\n")
    assert code == 0
    for text in (out, err, out2, err2, out3, err3):
        assert SECRET not in text
    for path in data_dir.rglob("*"):  # logs, the database, its WAL, the head record
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_audit_verify_exit_codes(capsys, monkeypatch, data_dir):
    code, out, _ = run(capsys, monkeypatch, data_dir, "audit", "verify")
    assert (code, out) == (0, "audit: 0 entri utuh\n")
    for name in ("rina", "budi", "dewi"):
        assert run(capsys, monkeypatch, data_dir, "user", "add", name, "--role", "petugas",
                   stdin=SECRET + "\n")[0] == 0
    code, out, _ = run(capsys, monkeypatch, data_dir, "audit", "verify")
    assert (code, out) == (0, "audit: 3 entri utuh\n")

    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("UPDATE audit_log SET summary = 'tidak terjadi apa-apa' WHERE id = 2")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, monkeypatch, data_dir, "audit", "verify")
    assert (code, out) == (1, "")
    assert err.startswith("ppid-desk: audit: RUSAK pada entri #2: isi entri diubah")

    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("DELETE FROM audit_log WHERE id >= 2")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, monkeypatch, data_dir, "audit", "verify")
    assert code == 1 and "RUSAK pada entri #3: entri terakhir dihapus" in err
