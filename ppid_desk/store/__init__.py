"""The register database: connection, models and migrations."""

from .connection import Store, apply_migrations, open_store
from .migrations import latest_version

__all__ = ["Store", "apply_migrations", "latest_version", "open_store"]
