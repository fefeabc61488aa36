"""``--database URL`` and ``PPID_DESK_DATABASE``: the CLI works on a register kept on a
real PostgreSQL server (tests/pgserver.py), a bad URL is one Indonesian line, and a
password is never taken from the URL."""

from __future__ import annotations

import itertools

import pytest

from ppid_desk.main import main
from ppid_desk.paths import database_path
from ppid_desk.store.models import database

_names = itertools.count(1)


@pytest.fixture
def server_db(pg_server):
    name = f"cli_{next(_names)}"
    url = pg_server.create_database(name)
    yield url
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
    pg_server.drop_database(name)


@pytest.fixture
def data_dir(data_dir):
    data_dir.mkdir(parents=True)  # `check` wants the desk's data folder to exist
    return data_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_commands_work_on_a_server_register(capsys, data_dir, server_db):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", server_db, "demo", "--requests", "40")
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", server_db, "check")
    assert code == 0, err
    assert f"database: {server_db}" in out.splitlines()
    out_file = data_dir / "register.xlsx"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", server_db, "export-register",
                         "--out", str(out_file))
    assert code == 0, err
    assert out_file.stat().st_size > 0
    # nothing was written to a SQLite file in the data folder: the register is on the server
    assert not database_path(data_dir).exists()


def test_the_environment_names_the_server(capsys, data_dir, server_db, monkeypatch):
    monkeypatch.setenv("PPID_DESK_DATABASE", server_db)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1 and "belum berisi register PPID Desk" in err  # nothing made by a read
    code, out, err = run(capsys, "--data-dir", str(data_dir), "demo", "--requests", "3")
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 0, err
    assert f"database: {server_db}" in out.splitlines()


@pytest.mark.parametrize("url, words", [
    ("postgresql://ppid:rahasia@127.0.0.1:5432/ppid", "Kata sandi tidak boleh ditulis di alamat"),
    ("mysql://ppid@host/ppid", "Alamat basis data tidak dikenal"),
    ("postgresql://127.0.0.1:5432/ppid", "pengguna belum diisi"),
    ("postgresql://ppid@127.0.0.1:99999/ppid", "tidak sah"),
])
def test_a_bad_url_is_one_line(capsys, data_dir, url, words):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", url, "check")
    assert code == 1
    assert words in err and len(err.strip().splitlines()) == 1
    assert "rahasia" not in out + err


def test_an_unreachable_server_is_named(capsys, data_dir, pg_server):
    from pgserver import free_port

    url = f"postgresql://ppid@127.0.0.1:{free_port()}/ppid"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", url, "check")
    assert code == 1
    assert f"Server basis data {url} tidak terjangkau" in err
