"""Shared fixtures: every test gets its own real SQLite file in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PPID_DESK_DATA_DIR", None)  # never touch a developer's real register
os.environ.pop("PPID_DESK_DATABASE", None)  # nor an office's server

import pytest
from hypothesis import HealthCheck, settings

from ppid_desk.store import Store, open_store

settings.register_profile(
    "ppid", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("ppid")


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir) -> Store:
    opened = open_store(data_dir)
    yield opened
    opened.close()



@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for this test run (tests/pgserver.py), started on first use
    and stopped at the end."""
    from pgserver import PostgresServer

    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.cleanup()
