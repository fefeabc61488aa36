"""Where the register lives: the SQLite file in the data folder (the default, one desk)
or a PostgreSQL server on the office's LAN (several desks).

The choice comes, in this order, from ``--database URL``, the environment variable
``PPID_DESK_DATABASE``, then the desk's own setting file ``<data>/database.json``
(written by Pengaturan → Basis data; it holds the URL, never a password). A URL is
``postgresql://user@host:port/dbname``; its password comes from the operating system's
keyring (service :data:`KEYRING_SERVICE`), is asked for, or comes from libpq's
``PGPASSWORD`` environment variable (scheduled tasks); never read from a file.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import StoreError

ENV_DATABASE = "PPID_DESK_DATABASE"
SETTING_FILE = "database.json"
KEYRING_SERVICE = "ppid-desk"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL register: ``postgresql://user@host:port/dbname`` (no password)."""

    user: str
    host: str
    port: int
    dbname: str

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"

    @property
    def keyring_name(self) -> str:
        """The keyring's user name for this server's password."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    def __str__(self) -> str:
        return self.url


_NAME = re.compile(r"[A-Za-z0-9_.\-]+")


def parse_database_url(text: str) -> ServerAddress | None:
    """None for SQLite (empty text or ``sqlite``), a :class:`ServerAddress` for a valid
    PostgreSQL URL; a :class:`StoreError` naming what is wrong otherwise. A password in
    the URL is refused: it would end up in shell histories and settings files."""
    text = (text or "").strip()
    if text.lower() in ("", "sqlite", "sqlite:"):
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"Alamat basis data tidak sah: {text} ({exc}).") from exc
    if parts.scheme not in ("postgresql", "postgres"):
        raise StoreError(f"Alamat basis data tidak dikenal: {text}. Gunakan postgresql://pengguna@host:port/nama_db "
                         "atau kosongkan untuk SQLite.")
    if parts.password is not None:
        raise StoreError("Kata sandi tidak boleh ditulis di alamat basis data; simpan di keyring sistem "
                         "(Pengaturan → Basis data), ketik saat diminta di terminal, atau isi variabel "
                         "lingkungan PGPASSWORD (untuk tugas terjadwal).")
    user = unquote(parts.username or "")
    host = parts.hostname or ""
    dbname = unquote(parts.path.lstrip("/"))
    missing = [label for label, value in (("pengguna", user), ("host", host), ("nama basis data", dbname))
               if not value]
    if missing:
        raise StoreError(f"Alamat basis data {text} tidak lengkap: {', '.join(missing)} belum diisi "
                         "(contoh: postgresql://ppid@192.168.1.10:5432/ppid).")
    for label, value in (("pengguna", user), ("nama basis data", dbname)):
        if not _NAME.fullmatch(value):
            raise StoreError(f"Nama {label} '{value}' di alamat basis data hanya boleh berisi huruf, angka, _, . dan -.")
    return ServerAddress(user=user, host=host, port=port or DEFAULT_PORT, dbname=dbname)


def setting_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTING_FILE


def saved_database_url(data_dir: Path) -> str:
    """The URL saved by Pengaturan → Basis data for this desk ("" = SQLite)."""
    path = setting_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    except (OSError, ValueError) as exc:
        raise StoreError(f"Berkas pengaturan basis data {path} tidak dapat dibaca ({exc}); perbaiki atau hapus "
                         "berkas itu untuk kembali ke SQLite.") from exc
    return str(data.get("url", "")) if isinstance(data, dict) else ""


def save_database_url(data_dir: Path, url: str) -> None:
    """Save this desk's database URL (checked first; "" = SQLite), atomically."""
    address = parse_database_url(url)
    path = setting_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"url": address.url if address else ""}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def resolve_database(cli_value: str | None, data_dir: Path | None) -> ServerAddress | None:
    """The register chosen by ``--database``, ``PPID_DESK_DATABASE`` or this desk's setting."""
    if cli_value is not None and cli_value.strip():
        return parse_database_url(cli_value)
    env = os.environ.get(ENV_DATABASE, "").strip()
    if env:
        return parse_database_url(env)
    if data_dir is not None:
        return parse_database_url(saved_database_url(data_dir))
    return None


# --- the password: the OS keyring, never a file ----------------------------------------------

def keyring_password(address: ServerAddress) -> str | None:
    """The password kept in the OS keyring for ``address`` (None: none kept, or no keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_name)
    except (KeyringError, RuntimeError, OSError):
        return None


def store_keyring_password(address: ServerAddress, password: str) -> None:
    """Keep the password in the OS keyring; a :class:`StoreError` when there is none usable."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address.keyring_name, password)
    except (KeyringError, RuntimeError, OSError) as exc:
        # the library's own (English) reason goes to the log, not to the officer
        logging.getLogger(__name__).warning("keyring: the password was not kept: %s", exc)
        raise StoreError("Keyring sistem tidak tersedia di komputer ini, jadi kata sandi tidak disimpan; kata sandi "
                         "akan ditanyakan setiap kali aplikasi dibuka.") from exc


def forget_keyring_password(address: ServerAddress) -> None:
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError
    except ImportError:  # pragma: no cover
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, address.keyring_name)
    except (PasswordDeleteError, KeyringError, RuntimeError, OSError):
        pass
