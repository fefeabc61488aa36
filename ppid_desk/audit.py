"""The audit log: append-only, hash-chained, checked by ``ppid-desk audit verify``.

Each entry stores ``prev_hash`` (the ``hash`` of the entry before it; 64 zeros for the
first) and ``hash`` = SHA-256 of ``prev_hash`` + the canonical JSON of the entry
(:func:`canonical`: id, time, actor, action, target, summary, data; keys sorted, UTF-8,
no spaces). Editing an entry breaks its own hash; deleting or inserting one breaks the
``prev_hash`` of the next. Deleting the *last* entries leaves a shorter chain that is
still whole, so the newest entry's id and hash are also kept outside the database, in
``<data>/audit-head`` (written atomically after each commit that appended). The limits
of this are written down in docs/decisions.md (issue 8): someone who can write the data
folder and recompute the hashes can still rewrite history undetected.

:func:`append` runs inside the caller's transaction, so the entry is written with the
change it records or not at all. It inserts first and then reads the previous hash: the
insert takes SQLite's write lock, so the previous entry it reads cannot change before
the transaction ends and two writers can never fork the chain.
"""

from __future__ import annotations

import contextvars
import getpass
import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import peewee

from .store import backend
from .store.models import AuditEntry, database

log = logging.getLogger(__name__)

GENESIS = "0" * 64
HEAD_NAME = "audit-head"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return str(value)


def data_text(data: dict[str, Any] | None) -> str:
    """The stored (and hashed) form of an entry's data: canonical JSON."""
    return json.dumps(data or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


def canonical(entry_id: int, at: str, actor_name: str, actor_username: str, action: str, target_kind: str,
              target_id: str, summary: str, data: str) -> str:
    """The entry as canonical JSON (what ``json.dumps(..., sort_keys=True,
    ensure_ascii=False, separators=(",", ":"))`` gives), built by hand because
    :func:`verify` runs it a million times; ``data`` is already canonical JSON text."""
    s = encode_basestring
    return (f'{{"action":{s(action)},"actor":{s(actor_name)},"actor_username":{s(actor_username)},'
            f'"at":{s(at)},"data":{data},"id":{int(entry_id)},"summary":{s(summary)},'
            f'"target_id":{s(target_id)},"target_kind":{s(target_kind)}}}')


def entry_hash(prev_hash: str, canonical_text: str) -> str:
    return hashlib.sha256((prev_hash + canonical_text).encode("utf-8")).hexdigest()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (some containers, services)
        return ""


def _iso(value: datetime | str) -> str:
    return (datetime.fromisoformat(value) if isinstance(value, str) else value).isoformat()


# --- append ----------------------------------------------------------------------------

def append(actor: object, action: str, target_kind: str, target_id: object, summary: str,
           data: dict[str, Any] | None = None, at: datetime | None = None) -> AuditEntry:
    """Add one entry to the chain, inside the caller's transaction (or its own).

    ``actor`` is an :class:`ppid_desk.accounts.officer.Officer` (its display name and
    username are recorded), the operating-system user's name (a ``str``, the CLI; ``""``,
    the services' default, records the login name of the process) or None (nobody
    known, e.g. a failed login with an unknown username). ``summary`` is
    one Indonesian sentence for people; ``data`` the details (never a password).
    """
    at = (at or datetime.now()).replace(tzinfo=None)
    name = str(actor) if actor is not None else ""
    if actor == "":  # the services' default actor: the operating-system user running them
        name = _os_user()
    username = getattr(actor, "username", "") or ""
    target = "" if target_id is None else str(target_id)
    payload = data_text(data)
    db = database.obj
    p = db.param
    with database.atomic():
        # Several desks on one PostgreSQL server: one append at a time, in id order.
        backend.lock_audit_chain(db)
        # Insert first: this takes the write lock, so the previous entry read next is the
        # newest committed one and stays so until this transaction ends.
        # (written out instead of AuditEntry.insert(): peewee's query building was a third
        # of an append's time; the values go through the fields' db_value as peewee's do)
        returning = " RETURNING id" if backend.is_postgres(db) else ""
        cursor = db.execute_sql(f"INSERT INTO audit_log (at, actor_name, actor_username, action, target_kind, "
                                f"target_id, summary, data, prev_hash, hash) VALUES ({', '.join([p] * 10)})"
                                + returning,
                                (AuditEntry.at.db_value(at), name, username, action, target_kind, target, summary,
                                 payload, "", ""))
        new_id = cursor.fetchone()[0] if returning else db.last_insert_id(cursor)
        row = db.execute_sql(f"SELECT hash FROM audit_log WHERE id < {p} ORDER BY id DESC LIMIT 1",
                             (new_id,)).fetchone()
        prev = row[0] if row else GENESIS
        digest = entry_hash(prev, canonical(new_id, at.isoformat(), name, username, action, target_kind, target,
                                            summary, payload))
        db.execute_sql(f"UPDATE audit_log SET prev_hash = {p}, hash = {p} WHERE id = {p}", (prev, digest, new_id))
        _after_commit(db, new_id)
    return AuditEntry(id=new_id, at=at, actor_name=name, actor_username=username, action=action,
                      target_kind=target_kind, target_id=target, summary=summary, data=payload, prev_hash=prev,
                      hash=digest)


# --- the steps of the services ---------------------------------------------------------------

_IN_BATCH: contextvars.ContextVar[bool] = contextvars.ContextVar("ppid_desk_audit_batch", default=False)


@contextmanager
def batch() -> Iterator[None]:
    """Bulk work (an import, the demo data, deadlines recomputed after a calendar change):
    the per-step entries (:func:`step`, :func:`event_step`) are left out inside, and the
    bulk operation appends one entry of its own. Per thread (a context variable)."""
    token = _IN_BATCH.set(True)
    try:
        yield
    finally:
        _IN_BATCH.reset(token)


def step(actor: object, action: str, target_kind: str, target_id: object, summary: str,
         data: dict[str, Any] | None = None, at: datetime | None = None) -> AuditEntry | None:
    """:func:`append` for one step of a service; nothing inside :func:`batch`."""
    if _IN_BATCH.get():
        return None
    return append(actor, action, target_kind, target_id, summary, data, at)


def event_step(actor: object, target_kind: str, target_id: object, noun: str, kind: Enum, event_id: int,
               event_data: str, at: datetime | None, detail: str = "") -> AuditEntry | None:
    """The entry of a register event (a request's, an objection's, a message's, a DIP
    entry's): action ``<target_kind>.<kind name>``, the summary "Permohonan 012/PPID/XI/2026:
    didaftarkan.", and as data the event's id, kind and the SHA-256 of its data — not the
    data itself, which may hold personal data (a corrected NIK) that the audit log's
    readers (Admin) may not see; the digest still shows an event row edited afterwards."""
    if _IN_BATCH.get():
        return None
    label = getattr(kind, "label", None) or str(kind.value)
    summary = f"{noun} {target_id}: {label[:1].lower()}{label[1:]}{f' ({detail})' if detail else ''}."
    data = {"event_id": event_id, "event": kind.value,
            "data_sha256": hashlib.sha256(event_data.encode("utf-8")).hexdigest()}
    return append(actor, f"{target_kind}.{kind.name.lower()}", target_kind, target_id, summary, data, at)


# --- the head record outside the database ----------------------------------------------------

@dataclass(frozen=True)
class Head:
    id: int
    hash: str
    reset: int = 0  # on a server: the newest audit_head_reset entry when the head was written


def head_path(db: peewee.Database | None = None) -> Path | None:
    """``<data>/audit-head`` beside the open register (None for an in-memory database).
    A register on a PostgreSQL server keeps the head in the desk's data folder: it names
    the newest entry this desk appended, which must stay in the chain as recorded."""
    db = db if db is not None else database.obj
    desk_folder = getattr(db, "desk_data_dir", None)
    if desk_folder is not None:
        return Path(desk_folder) / HEAD_NAME
    name = getattr(db, "database", "") or ""
    if not name or name.startswith(":memory:") or name.startswith("file:"):
        return None
    return Path(name).absolute().parent / HEAD_NAME


def read_head(path: Path) -> Head | None:
    """The recorded head, or None when there is no (readable) head file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Head(int(raw["id"]), str(raw["hash"]), int(raw.get("reset") or 0))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_head(path: Path, head: Head) -> None:
    """Replace the head file atomically (temporary file, fsync, rename)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.part")  # one per writer
    with open(tmp, "w", encoding="utf-8") as f:
        record = {"id": head.id, "hash": head.hash, **({"reset": head.reset} if head.reset else {})}
        f.write(json.dumps(record) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _after_commit(db: peewee.Database, new_id: int) -> None:
    """Once per transaction: move the head after the commit (see :func:`_advance_head`)."""
    path = head_path(db)
    if path is None:
        return
    txn = db.top_transaction()  # the outermost transaction (savepoints are not on the stack)
    if getattr(txn, "_audit_head_pending", False):
        return
    txn._audit_head_pending = True

    def advance() -> None:
        txn._audit_head_pending = False
        _advance_head(path, new_id)

    db.after_commit(advance)


def _last_entry() -> Head | None:
    row = database.obj.execute_sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if not row:
        return None
    return Head(row[0], row[1], _newest_reset() if _on_server() else 0)


def _on_server() -> bool:
    return backend.is_postgres(database)


def _newest_reset() -> int:
    """The id of the newest audit_head_reset entry (0: none). On a server every desk keeps
    its own head; a restore made at one desk resets the log for all of them, and the
    other desks learn it from this entry (the index of migration 11 keeps it cheap)."""
    db = database.obj
    row = db.execute_sql(f"SELECT max(id) FROM audit_log WHERE action = {db.param}",
                         ("audit_head_reset",)).fetchone()
    return int(row[0] or 0)


def _reset_since(head: Head) -> bool:
    """On a server: the log was reset (a restore, at any desk) after this desk's head was
    written, so the head names a log that was replaced; the reset entry records it."""
    if not _on_server():
        return False
    newest = _newest_reset()
    return newest > 0 and newest != head.reset


def _hash_of(entry_id: int) -> str | None:
    db = database.obj
    row = db.execute_sql(f"SELECT hash FROM audit_log WHERE id = {db.param}", (entry_id,)).fetchone()
    return row[0] if row else None


def _advance_head(path: Path, appended_id: int) -> None:
    """After a commit: move the head to the newest entry. The head only moves forward
    from an entry still in the chain as recorded; a head whose entry is gone or changed,
    or a missing head while older entries exist, is left as it is — it is the evidence
    :func:`verify` reports. Never raises (the commit already happened)."""
    try:
        last = _last_entry()
        if last is None:
            return
        head = read_head(path)
        if head is None:
            if path.exists():
                return  # unreadable: keep it for verify to report
            older = AuditEntry.select(AuditEntry.id).where(AuditEntry.id < appended_id).limit(1).scalar()
            if older is not None and not _on_server():
                return  # entries before this one but no head: someone removed it
            # (on a server: a desk joining a register other desks already wrote starts here)
        elif _reset_since(head):
            pass  # the log this head named was replaced by a restore: start from the new one
        elif head.id >= last.id:
            return
        elif _hash_of(head.id) != head.hash:
            return
        write_head(path, last)
    except Exception:  # noqa: BLE001 - after the commit nothing may fail the caller's step
        log.warning("audit-head could not be updated", exc_info=True)


def reset_head(actor: object, reason: str, at: datetime | None = None) -> Head | None:
    """Accept the log as it is now (after a restore from a backup, or once a reported
    break has been looked into): record the step, then point the head at the new last
    entry. The reset itself is an entry of the chain, naming the head it replaced."""
    path = head_path()
    old = read_head(path) if path is not None else None
    with database.atomic():
        entry = append(actor, "audit_head_reset", "audit", "",
                       f"Titik akhir log audit ditetapkan ulang: {reason.strip() or 'tanpa alasan'}",
                       {"previous_head_id": old.id if old else None, "previous_head_hash": old.hash if old else None,
                        "reason": reason.strip()}, at=at)
        head = Head(entry.id, entry.hash, entry.id if _on_server() else 0)
        if path is not None:
            database.after_commit(lambda: write_head(path, head))
    return head


RESET_NAME = "audit-reset"


class _RecordedActor(str):
    """The actor of a reset asked for before the register was open again: the name as
    text, with the username :func:`append` records."""

    username = ""


def request_reset(data_dir: Path, actor: object, reason: str, at: datetime | None = None) -> Path:
    """Ask for :func:`reset_head` the next time the register in ``data_dir`` is opened
    (:func:`finish_pending_reset`, run by ``open_store``). A restore replaces the register
    file while it is closed, so it cannot append the reset entry itself; the request is a
    small file beside the register (written atomically), removed once the entry exists."""
    path = Path(data_dir) / RESET_NAME
    when = (at or datetime.now()).replace(microsecond=0)
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.part")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps({"actor_name": str(actor) if actor is not None else "",
                            "actor_username": getattr(actor, "username", "") or "", "reason": reason,
                            "at": when.isoformat()}, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return path


def finish_pending_reset(data_dir: Path) -> Head | None:
    """Carry out a reset asked for by :func:`request_reset` (the register is open and up to
    date); None when none was asked for. Never raises: a reset that cannot be written is
    logged, and ``audit verify`` then reports the old head."""
    path = Path(data_dir) / RESET_NAME
    if not path.exists():
        return None
    try:
        try:
            asked = json.loads(path.read_text(encoding="utf-8"))
            actor = _RecordedActor(str(asked.get("actor_name", "")))
            actor.username = str(asked.get("actor_username", ""))
            reason = str(asked.get("reason", ""))
        except (OSError, ValueError, AttributeError):
            actor, reason = _RecordedActor(""), "register diganti (permintaan penetapan ulang tidak terbaca)"
        head = reset_head(actor, reason)
        path.unlink(missing_ok=True)
        return head
    except Exception:  # noqa: BLE001 - opening the register must not fail because of this
        log.warning("the audit log's head could not be reset after a restore", exc_info=True)
        return None


# --- verify ----------------------------------------------------------------------------------

class Break(StrEnum):
    EDITED = "edited"            # the entry's hash does not match its content
    LINK = "link"                # prev_hash is not the hash of the entry before: deleted/inserted
    TRUNCATED = "truncated"      # the head names an entry past the end: the last entries deleted
    HEAD_MISMATCH = "head"       # the head's entry exists but is not the one recorded
    HEAD_MISSING = "head_missing"  # entries exist but the head file is gone or unreadable


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    last_id: int | None = None
    broken_id: int | None = None
    problem: Break | None = None
    reason: str = ""

    def line(self) -> str:
        """The one line ``ppid-desk audit verify`` prints."""
        if self.ok:
            return f"audit: {self.checked} entri utuh"
        where = f"entri #{self.broken_id}" if self.broken_id is not None else "titik akhir log"
        return f"audit: RUSAK pada {where}: {self.reason} ({self.checked} entri sebelumnya utuh)"


_COLUMNS = "id, at, actor_name, actor_username, action, target_kind, target_id, summary, data, prev_hash, hash"


def verify(path: Path | None = None, batch: int = 5000) -> VerifyResult:
    """Check the whole chain and the head record; stops at the first break."""
    path = path if path is not None else head_path()
    # Read the head before the entries: the head only names committed entries, so every
    # entry it names is in the snapshot read next, even while the app keeps appending.
    head = read_head(path) if path is not None else None
    head_file_exists = path is not None and path.exists()
    db = database.obj
    checked = 0
    prev = GENESIS
    last_id: int | None = None
    head_hash_seen: str | None = None
    # One snapshot, read only: on SQLite a deferred transaction (its write transactions
    # begin IMMEDIATE), so checking a long chain never holds the desks' write lock.
    with db.atomic() if backend.is_postgres(db) else db.atomic(lock_type="DEFERRED"):
        cursor = db.execute_sql(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id")
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                break
            for (entry_id, at, name, username, action, kind, target, summary, data, prev_hash, digest) in rows:
                if entry_hash(prev_hash, canonical(entry_id, _iso(at), name, username, action, kind, target,
                                                   summary, data)) != digest:
                    return VerifyResult(False, checked, last_id, entry_id, Break.EDITED,
                                        "isi entri diubah di luar aplikasi (hash tidak cocok)")
                if prev_hash != prev:
                    return VerifyResult(False, checked, last_id, entry_id, Break.LINK,
                                        "rantai terputus: entri sebelumnya dihapus, disisipkan atau diubah")
                if head is not None and entry_id == head.id:
                    head_hash_seen = digest
                prev = digest
                last_id = entry_id
                checked += 1
    if head is not None and _reset_since(head):
        head = None  # this desk's head predates a restore made at another desk (see _reset_since)
        head_file_exists = False
    if head is None:
        if checked and path is not None and not (_on_server() and not head_file_exists):
            # (on a server a desk without a head has not written yet: the head is per desk)
            why = "tidak terbaca" if head_file_exists else "tidak ada"
            return VerifyResult(False, checked, last_id, None, Break.HEAD_MISSING,
                                f"berkas {HEAD_NAME} {why}, padahal log berisi {checked} entri; "
                                "entri terakhir tidak dapat dipastikan utuh")
        return VerifyResult(True, checked, last_id)
    if last_id is None or head.id > last_id:
        end = f"log berakhir di entri #{last_id}" if last_id is not None else "log kosong"
        return VerifyResult(False, checked, last_id, head.id, Break.TRUNCATED,
                            f"entri terakhir dihapus: {HEAD_NAME} mencatat entri #{head.id}, {end}")
    if head_hash_seen != head.hash:
        return VerifyResult(False, checked, last_id, head.id, Break.HEAD_MISMATCH,
                            f"entri ini bukan yang dicatat {HEAD_NAME} (entri terakhir diganti atau dihapus "
                            "lalu ditulis ulang)")
    return VerifyResult(True, checked, last_id)
