"""The register database: connection, models and migrations."""

import sys

if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    # peewee imports psycopg, when installed, as it is imported itself: ~60 ms of every
    # start, though most desks keep a SQLite register. Hidden while peewee is imported;
    # ppid_desk.store.postgres hands it to peewee when a server register is opened.
    sys.modules["psycopg"] = None  # type: ignore[assignment]
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]

from .connection import Store, apply_migrations, open_store
from .location import ServerAddress, parse_database_url
from .migrations import latest_version

__all__ = ["ServerAddress", "Store", "apply_migrations", "latest_version", "open_store", "parse_database_url"]
