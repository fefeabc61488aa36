"""Password rules and hashing: scrypt (hashlib) with a per-officer random salt.

The parameters are stored beside each hash (``kdf`` = "scrypt:n=32768,r=8,p=1"), so they
can be raised later: an officer's hash is redone with today's parameters at the next
successful login. n=2**15, r=8, p=1 costs ~65 ms and 32 MiB per hash on the development
machine (bench figure in docs/decisions.md), slow enough to make guessing expensive and
quick enough for a login. Passwords are normalised to Unicode NFC before hashing, so the
same password typed through different input methods matches. A password is never logged,
printed or stored.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass

from ..errors import ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 256  # scrypt takes any length; a bound keeps a pasted book from costing time
SALT_BYTES = 16
KEY_BYTES = 32


@dataclass(frozen=True)
class ScryptParams:
    n: int = 2 ** 15
    r: int = 8
    p: int = 1

    def text(self) -> str:
        return f"scrypt:n={self.n},r={self.r},p={self.p}"

    @property
    def maxmem(self) -> int:
        return 2 * 128 * self.r * self.n * self.p + 2 ** 20

    @classmethod
    def parse(cls, text: str) -> "ScryptParams":
        match = re.fullmatch(r"scrypt:n=(\d+),r=(\d+),p=(\d+)", text)
        if not match:
            raise ValueError(f"unknown password hash parameters {text!r}")
        return cls(*(int(g) for g in match.groups()))


DEFAULT_PARAMS = ScryptParams()


@dataclass(frozen=True)
class PasswordHash:
    hash: str   # hex
    salt: str   # hex
    kdf: str    # ScryptParams.text()


def _key(password: str, salt: bytes, params: ScryptParams) -> bytes:
    secret = unicodedata.normalize("NFC", password).encode("utf-8", "surrogatepass")
    return hashlib.scrypt(secret, salt=salt, n=params.n, r=params.r, p=params.p, maxmem=params.maxmem,
                          dklen=KEY_BYTES)


def current_params() -> ScryptParams:
    """The parameters new hashes get (read at call time, so a test may lower them)."""
    return DEFAULT_PARAMS


def hash_password(password: str, params: ScryptParams | None = None) -> PasswordHash:
    params = params or current_params()
    salt = os.urandom(SALT_BYTES)
    return PasswordHash(_key(password, salt, params).hex(), salt.hex(), params.text())


def verify_password(password: str, stored: PasswordHash) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time comparison)."""
    try:
        params = ScryptParams.parse(stored.kdf)
        salt = bytes.fromhex(stored.salt)
        expected = bytes.fromhex(stored.hash)
    except ValueError:
        return False
    return hmac.compare_digest(_key(password, salt, params), expected)


def burn_time(password: str, params: ScryptParams | None = None) -> None:
    """Spend the time of one hash for nothing: an unknown username or a locked account
    answers as slowly as a wrong password does."""
    _key(password, b"\0" * SALT_BYTES, params or current_params())


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` is not acceptable (Bahasa Indonesia), or None."""
    if not isinstance(password, str) or not password:
        return "Kata sandi wajib diisi."
    if len(password) < MIN_LENGTH:
        return f"Kata sandi minimal {MIN_LENGTH} karakter."
    if len(password) > MAX_LENGTH:
        return f"Kata sandi paling panjang {MAX_LENGTH} karakter."
    if not password.strip():
        return "Kata sandi tidak boleh hanya berisi spasi."
    if username and password.strip().casefold() == username.strip().casefold():
        return "Kata sandi tidak boleh sama dengan nama pengguna."
    return None


def check_password(password: str, username: str = "") -> None:
    problem = password_problem(password, username)
    if problem:
        raise ValidationError(problem, field="password")
