"""The core suite runs on both backends: every test that takes the ``store`` fixture
runs once on a SQLite file in a temporary folder and once on a fresh database of a real
PostgreSQL server (tests/pgserver.py: Debian's PostgreSQL started with initdb as an
unprivileged user on a loopback port, once per run). Tests about the SQLite file itself
(its integrity check, file backups, stored schema dumps) carry ``@pytest.mark.sqlite_only``.
"""

from __future__ import annotations

import itertools
import os

import pytest

from ppid_desk.store import open_store

BACKENDS = ("sqlite", "postgresql")
_names = itertools.count(1)


def pytest_generate_tests(metafunc):
    if "store" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    if metafunc.definition.get_closest_marker("postgres_only"):
        metafunc.parametrize("backend_name", ["postgresql"])
    else:
        metafunc.parametrize("backend_name", BACKENDS)


@pytest.fixture
def backend_name() -> str:
    return "sqlite"


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to the newest schema once; each test gets a copy of it."""
    name = "ppid_template"
    pg_server.create_database(name)
    opened = open_store(pg_server_dir(pg_server), database=pg_server.url(name))
    opened.close()
    return name


def pg_server_dir(pg_server):
    folder = pg_server.folder / "desk-template"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def store(request, data_dir, backend_name):
    if backend_name == "sqlite":
        opened = open_store(data_dir)
        yield opened
        opened.close()
        return
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    name = f"t{os.getpid()}_{next(_names)}"
    server.create_database(name, template=template)
    opened = open_store(data_dir, database=server.url(name))
    try:
        yield opened
    finally:
        opened.close()
        server.drop_database(name)
