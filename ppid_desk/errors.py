"""Errors the core raises for people to read.

Every error a person can cause carries a message in Bahasa Indonesia; the CLI prints
it as one line and the UI shows it in a dialog. Programming errors stay ordinary
Python exceptions.
"""


class PpidError(Exception):
    """An error with a message meant for the user (Bahasa Indonesia)."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(PpidError):
    """Input that breaks a rule; ``field`` names the offending field when known."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class StoreError(PpidError):
    """The register database cannot be opened or used as it is."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the app."""


class DamagedStoreError(StoreError):
    """The register file is damaged: not readable as a database, or failing the
    integrity check. The app offers the newest good backup; nothing is started over it."""
