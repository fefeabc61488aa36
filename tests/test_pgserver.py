"""The real PostgreSQL test server (tests/pgserver.py): it starts, serves, survives a
restart and a kill with its committed data, stops without leaving a process, clones a
template database quickly, and a killed test run's server is cleaned up by the next."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import psycopg  # a dependency of the app (pyproject), never missing

from pgserver import PostgresServer, reap_stale_servers  # tests/ is on sys.path


def _alive(pid: int) -> bool:
    """A live process, not a zombie waiting for init to reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture(scope="module")
def shared():
    server = PostgresServer()
    server.start()
    print(f"\nPostgreSQL test server: initdb + start {server.start_seconds:.2f} s")
    yield server
    server.cleanup()


@pytest.fixture
def server():
    server = PostgresServer()
    server.start()
    yield server
    server.cleanup()


def test_a_created_database_answers_select_1(shared):
    url = shared.create_database("select_one")
    assert url == f"postgresql://ppid@127.0.0.1:{shared.port}/select_one" == shared.url("select_one")
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        assert conn.execute("SELECT current_user, current_setting('listen_addresses')").fetchone() == (
            "ppid", "127.0.0.1"
        )
        assert conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone() == (True,)
        # C.UTF-8: byte-order sorting, yet lower() knows non-ASCII letters.
        assert conn.execute("SELECT lower('ÉLOK')").fetchone() == ("élok",)
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to an unprivileged user
        assert shared.data_dir.stat().st_uid != 0
    shared.drop_database("select_one")


def test_pg_trgm_and_unaccent_work_in_a_created_database(shared):
    with psycopg.connect(shared.create_database("extensions"), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION pg_trgm")
        conn.execute("CREATE EXTENSION unaccent")
        assert conn.execute("SELECT unaccent('Permohonan Informasi Publik: café, São Paulo')").fetchone() == (
            "Permohonan Informasi Publik: cafe, Sao Paulo",
        )
        (score,) = conn.execute("SELECT similarity('permohonan informasi', 'permohonan imformasi')").fetchone()
        assert score > 0.5
        conn.execute("CREATE TABLE t (title text)")
        conn.execute("CREATE INDEX t_title_trgm ON t USING gin (title gin_trgm_ops)")
        conn.execute("INSERT INTO t VALUES ('Salinan keputusan bupati'), ('Laporan keuangan')")
        assert conn.execute("SELECT title FROM t WHERE title ILIKE '%keuang%'").fetchall() == [("Laporan keuangan",)]
    shared.drop_database("extensions")


def test_restart_keeps_the_data_and_the_port(server):
    port, folder = server.port, server.folder
    with psycopg.connect(server.create_database("kept")) as conn:
        conn.execute("CREATE TABLE t (n int)")
        conn.execute("INSERT INTO t VALUES (1), (2)")
    began = time.monotonic()
    server.restart()
    print(f"\nrestart {time.monotonic() - began:.2f} s")
    assert (server.port, server.folder) == (port, folder)
    assert server.is_running()
    with psycopg.connect(server.url("kept")) as conn:
        assert conn.execute("SELECT sum(n) FROM t").fetchone() == (3,)


def test_kill_and_start_again_keeps_committed_data_only(server):
    url = server.create_database("crash")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (n int)")
        conn.execute("INSERT INTO t SELECT generate_series(1, 1000)")
    pending = psycopg.connect(url)
    pending.execute("INSERT INTO t VALUES (-1)")  # never committed
    pid = server.postmaster_pid()
    server.kill()
    assert not server.is_running() and not _alive(pid)
    with pytest.raises(psycopg.OperationalError):
        pending.execute("COMMIT")
    pending.close()
    began = time.monotonic()
    server.start()
    print(f"\nstart after kill (crash recovery) {time.monotonic() - began:.2f} s")
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*), min(n), max(n) FROM t").fetchone() == (1000, 1, 1000)


def test_stop_leaves_no_process_and_cleanup_no_folder(server):
    pid = server.postmaster_pid()
    assert pid and _alive(pid) and server.is_running()
    server.stop()
    assert not server.is_running()
    assert not (server.data_dir / "postmaster.pid").exists()
    assert not _alive(pid)
    owner = server.data_dir.stat()
    as_owner = ["setpriv", f"--reuid={owner.st_uid}", f"--regid={owner.st_gid}", "--clear-groups", "--"]
    status = subprocess.run(  # pg_ctl refuses root; 3 = no server running
        [*(as_owner if os.geteuid() == 0 else []), str(server.bindir / "pg_ctl"), "status", "-D", str(server.data_dir)],
        capture_output=True, text=True, cwd="/",
    )
    assert status.returncode == 3, status.stdout + status.stderr
    server.stop()  # stopping a stopped server is a no-op
    folder = server.folder
    server.cleanup()
    server.cleanup()
    assert not folder.exists()


def test_a_template_clone_is_fast(shared):
    with psycopg.connect(shared.create_database("template_src"), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION pg_trgm")
        conn.execute("CREATE EXTENSION unaccent")
        conn.execute("CREATE TABLE requests (id serial PRIMARY KEY, title text NOT NULL)")
        conn.execute("INSERT INTO requests (title) SELECT 'permohonan ' || n FROM generate_series(1, 20000) n")
        conn.execute("CREATE INDEX requests_title_trgm ON requests USING gin (title gin_trgm_ops)")
    times = []
    for n in range(3):
        began = time.monotonic()
        url = shared.create_database(f"clone_{n}", template="template_src")
        times.append(time.monotonic() - began)
    print("\ntemplate clone (STRATEGY FILE_COPY): " + ", ".join(f"{t * 1000:.0f} ms" for t in times))
    assert max(times) < 5
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM requests").fetchone() == (20000,)
        assert conn.execute("SELECT unaccent('é')").fetchone() == ("e",)
        held = psycopg.connect(url)  # drop_database ends open connections (WITH (FORCE))
    shared.drop_database("clone_2")
    with pytest.raises(psycopg.OperationalError):
        held.execute("SELECT 1")
    held.close()
    shared.drop_database("clone_2")  # IF EXISTS


def test_a_killed_runs_server_is_removed_by_the_next():
    tests_dir = Path(__file__).resolve().parent
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pgserver import PostgresServer; s = PostgresServer(); s.start();"
         " print(s.folder, s.postmaster_pid(), flush=True); time.sleep(600)"],
        cwd=tests_dir, env={**os.environ, "PYTHONPATH": str(tests_dir)}, stdout=subprocess.PIPE, text=True,
    )
    try:
        folder, pid = child.stdout.readline().split()
    finally:
        child.send_signal(signal.SIGKILL)  # no atexit: the server stays behind
        child.wait()
        child.stdout.close()
    folder, pid = Path(folder), int(pid)
    assert folder.exists() and _alive(pid)
    assert folder in reap_stale_servers()
    assert not folder.exists()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
