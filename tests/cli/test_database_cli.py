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
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", server_db, "demo", "--requests", "5")
    assert code == 1 and server_db in err and "pakai --database dengan basis data yang kosong" in err
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
    assert "menolak sambungan di port" in err and "belum terkirim" not in err, err


def test_a_refused_port_is_named_in_indonesian(capsys, data_dir, pg_server):
    from pgserver import free_port

    port = free_port()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database",
                         f"postgresql://ppid@127.0.0.1:{port}/ppid", "check")
    assert code == 1
    assert f"Server 127.0.0.1 menolak sambungan di port {port}" in err, err
    assert "Connection refused" not in err and "belum terkirim" not in err
    assert len(err.strip().splitlines()) == 1


# --- a server that wants a password (scram-sha-256 for the user `kantor`) -------------------

PASSWORD = "Rahasia-Meja-4821"


@pytest.fixture(scope="module")
def password_server():
    from pgserver import PostgresServer, require_password

    server = PostgresServer()
    server.start()
    require_password(server, "kantor", PASSWORD)
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def kantor_url(password_server, monkeypatch):
    import keyring

    # no keyring, no terminal, no password in the environment: as a scheduled task
    monkeypatch.setattr(keyring, "get_password", lambda service, user: None)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    yield f"postgresql://kantor@{password_server.host}:{password_server.port}/kantor"
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def test_no_password_is_asked_for_not_refused(capsys, data_dir, kantor_url, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(data_dir / "no-pgpass"))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", kantor_url, "check")
    assert code == 1
    assert "meminta kata sandi untuk pengguna kantor" in err and "PGPASSWORD" in err, err
    assert "menolak" not in err and len(err.strip().splitlines()) == 1


def test_a_wrong_password_is_refused(capsys, data_dir, kantor_url, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "salah-sekali")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", kantor_url, "check")
    assert code == 1
    assert "menolak kata sandi untuk pengguna kantor" in err, err
    assert "salah-sekali" not in err and len(err.strip().splitlines()) == 1


def test_pgpassword_serves_a_scheduled_task(capsys, data_dir, kantor_url, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", kantor_url, "demo", "--requests", "3")
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--database", kantor_url, "check")
    assert code == 0, err
    assert f"database: {kantor_url}" in out.splitlines()
    assert not database_path(data_dir).exists()


def test_a_server_desk_without_database_makes_no_empty_register(capsys, data_dir, monkeypatch):
    from ppid_desk.paths import OFFLINE_QUEUE_NAME

    monkeypatch.delenv("PPID_DESK_DATABASE", raising=False)
    (data_dir / OFFLINE_QUEUE_NAME).write_bytes(b"")  # the desk worked on a server
    for command in (["check"], ["backup"], ["demo", "--requests", "2"]):
        code, out, err = run(capsys, "--data-dir", str(data_dir), *command)
        assert code == 1, (command, out, err)
        assert f"Folder data {data_dir} dipakai untuk register di server PostgreSQL" in err, err
        assert "--database postgresql://" in err and len(err.strip().splitlines()) == 1
    assert not database_path(data_dir).exists()
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").iterdir())


def test_a_desk_that_chose_sqlite_again_gets_its_register(capsys, data_dir, monkeypatch):
    from ppid_desk.paths import OFFLINE_QUEUE_NAME
    from ppid_desk.store.location import save_database_url

    monkeypatch.delenv("PPID_DESK_DATABASE", raising=False)
    (data_dir / OFFLINE_QUEUE_NAME).write_bytes(b"")
    save_database_url(data_dir, "")  # Pengaturan → Basis data: back to SQLite, on purpose
    code, out, err = run(capsys, "--data-dir", str(data_dir), "demo", "--requests", "2")
    assert code == 0, err
    assert database_path(data_dir).exists()
