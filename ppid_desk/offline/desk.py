"""One desk's offline work: registering requests while the PostgreSQL server cannot be
reached, and pushing them to the register once it can (docs/decisions.md, issue 11,
"Offline queue").

While connected, :meth:`OfflineDesk.prepare` reserves blocks of registration numbers for
this desk on the server (:mod:`.blocks`) and copies what registering needs into the
desk's queue file (:mod:`.snapshot`, :mod:`.queue`). While the server cannot be reached,
:meth:`OfflineDesk.register` checks the intake form as the register does, computes the
deadlines from the copied calendar and gives the request the next unused number of this
desk's block: the receipt prints with the number the request keeps. When the server is
back, :meth:`OfflineDesk.push` writes the queued requests in queue order, each in its own
server transaction with its reserved number, exactly once: the number is the key (it
belongs to this desk only), so a request already holding it means the push happened
before (the desk stopped between the server's commit and the local mark).

A register in a SQLite file (one desk) has no offline mode: there is no server to lose.
"""

from __future__ import annotations

import json
import re
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import peewee

from .. import audit
from ..accounts.officer import Actor, Officer, actor_can, require
from ..accounts.roles import Permission, Role
from ..errors import StoreError, ValidationError
from ..office import load_office
from ..register.codes import Channel, DeliveryMethod, EventKind, ObtainMethod, Status
from ..register.numbering import format_number, next_sequence
from ..register.service import (
    RequesterInput, RequestInput, _event as request_event, _requester_values, _route, _squash, highest_seq,
    request_problems,
)
from ..store import backend
from ..store.models import IssuedDocument, Request, RequestEvent, Requester, Unit, database
from . import snapshot as snapshots
from .blocks import SERIES, Block, block_holding, desk_blocks, release_blocks, reserve_block
from .queue import Queue, queue_path

BLOCK_SIZE = 10  # numbers each desk holds for offline work, per year
RECEIPT_KIND = "receipt"  # ppid_desk.reports.issuing.DocumentKind.RECEIPT


def _unreachable() -> type[StoreError]:
    from ..store.postgres import ServerUnreachable

    return ServerUnreachable


# --- the officer, kept with each queued registration ---------------------------------------------

def actor_json(actor: Actor) -> str:
    if isinstance(actor, Officer):
        return json.dumps({"id": actor.id, "username": actor.username, "name": actor.name,
                           "roles": sorted(r.value for r in actor.roles)}, ensure_ascii=False)
    return json.dumps({"name": str(actor)}, ensure_ascii=False)


def actor_from_json(text: str) -> Actor:
    data = json.loads(text)
    if "username" in data:
        roles = frozenset(Role(r) for r in data.get("roles", []) if r in Role._value2member_map_)
        return Officer(int(data.get("id", 0)), str(data["username"]), str(data["name"]), roles)
    return str(data.get("name", ""))


# --- what the queue holds --------------------------------------------------------------------------

@dataclass(frozen=True)
class QueuedReceipt:
    """The receipt issued offline for a queued request: recorded as issued on push."""

    pdf: bytes
    source_hash: str
    sha256: str
    paper: str
    issued_at: datetime
    issued_by: Actor
    recorded_at: datetime | None


@dataclass(frozen=True)
class QueuedRequest:
    queue_seq: int  # the place in the queue
    number: str
    year: int
    seq: int
    received_at: datetime
    created_at: datetime
    actor: Actor  # the officer who registered it
    row: dict[str, Any]  # the request's column values as they will be written (JSON forms)
    requester: dict[str, Any]  # the requester's values, as stored
    requester_id: int | None  # the returning requester chosen before the server went away
    units: tuple[int, ...]
    unit_names: tuple[str, ...]
    dip_entry_id: int | None
    pushed_at: datetime | None
    request_id: int | None  # on the server, once pushed
    problem: str  # why the last push of it was refused ("" = none)
    receipt: QueuedReceipt | None

    @property
    def pushed(self) -> bool:
        return self.pushed_at is not None

    def _day(self, key: str) -> date | None:
        value = self.row.get(key)
        return date.fromisoformat(value) if value else None

    @property
    def effective_day(self) -> date:
        return self._day("effective_day")  # type: ignore[return-value]

    @property
    def completeness_due(self) -> date | None:
        return self._day("completeness_due")

    @property
    def response_due(self) -> date:
        return self._day("response_due")  # type: ignore[return-value]

    @property
    def extended_due(self) -> date:
        return self._day("extended_due")  # type: ignore[return-value]

    @property
    def requester_name(self) -> str:
        return str(self.requester.get("name", ""))

    def column_values(self) -> dict[str, Any]:
        """The request's columns with Python values, for the insert."""
        values = dict(self.row)
        values["received_at"] = datetime.fromisoformat(values["received_at"])
        for key in ("effective_day", "completeness_due", "response_due", "extended_due"):
            if values.get(key):
                values[key] = date.fromisoformat(values[key])
        return values


@dataclass(frozen=True)
class Stuck:
    queue_seq: int
    number: str
    reason: str


@dataclass
class PushResult:
    """What a push did: ``pushed`` written now, ``already`` found on the server (written by an
    earlier push whose local mark was lost), ``receipts`` recorded for requests pushed
    before their receipt was printed; ``stuck``: the item the server refused (the push stops
    there, so the register keeps the queue's order); ``unreachable``: the server went away
    during the push (the rest waits); ``left``: still queued."""

    pushed: int = 0
    already: int = 0
    receipts: int = 0
    left: int = 0
    stuck: Stuck | None = None
    unreachable: str = ""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    item_seconds: list[float] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Nothing left to push."""
        return self.left == 0 and self.stuck is None and not self.unreachable

    def message(self) -> str:
        """One Indonesian sentence for the status bar."""
        parts = []
        if self.pushed or self.already:
            parts.append(f"{self.pushed + self.already} permohonan dari antrean luring terkirim ke server")
        if self.stuck:
            parts.append(f"permohonan {self.stuck.number} belum dapat dikirim: {self.stuck.reason}")
        elif self.unreachable:
            parts.append("server terputus lagi saat mengirim antrean")
        if self.left:
            parts.append(f"{self.left} masih menunggu di antrean luring")
        if not parts:
            return "Antrean luring kosong."
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "."


@dataclass(frozen=True)
class PrepareResult:
    available: bool  # False: the register is a SQLite file (no offline mode)
    reserved: tuple[Block, ...] = ()
    released: tuple[Block, ...] = ()
    numbers_left: dict[int, int] = field(default_factory=dict)  # year -> numbers this desk holds
    snapshot_at: datetime | None = None


_PUSH_LOCKS: dict[Path, threading.Lock] = {}
_PUSH_LOCKS_GUARD = threading.Lock()


def _push_lock(path: Path) -> threading.Lock:
    with _PUSH_LOCKS_GUARD:
        return _PUSH_LOCKS.setdefault(path.resolve(), threading.Lock())


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _new_desk_id() -> str:
    host = re.sub(r"[^A-Za-z0-9]+", "-", socket.gethostname()).strip("-")[:40] or "meja"
    return f"{host}-{secrets.token_hex(3)}"


_ITEM_COLUMNS = ("seq, number, year, num_seq, received_at, created_at, actor, input, row, receipt_pdf, receipt_hash, "
                 "receipt_sha256, receipt_paper, receipt_issued_at, receipt_issued_by, receipt_recorded_at, "
                 "pushed_at, request_id, problem")


def _item(r: tuple) -> QueuedRequest:
    (seq, number, year, num_seq, received_at, created_at, actor, input_text, row_text, pdf, digest, sha, paper,
     issued_at, issued_by, recorded_at, pushed_at, request_id, problem) = r
    extra = json.loads(input_text)
    receipt = None
    if pdf is not None:
        receipt = QueuedReceipt(bytes(pdf), digest, sha, paper, datetime.fromisoformat(issued_at),
                                actor_from_json(issued_by), _when(recorded_at))
    return QueuedRequest(
        queue_seq=seq, number=number, year=year, seq=num_seq, received_at=datetime.fromisoformat(received_at),
        created_at=datetime.fromisoformat(created_at), actor=actor_from_json(actor), row=json.loads(row_text),
        requester=extra["requester"], requester_id=extra.get("requester_id"), units=tuple(extra.get("units", [])),
        unit_names=tuple(extra.get("unit_names", [])), dip_entry_id=extra.get("dip_entry_id"),
        pushed_at=_when(pushed_at), request_id=request_id, problem=problem or "", receipt=receipt)


class OfflineDesk:
    """The offline side of the desk whose data folder is ``data_dir`` (see the module
    docstring). Cheap to make; every method opens the queue file for the call only, so one
    object may be shared by threads (a push runs in the background)."""

    def __init__(self, data_dir: Path, block_size: int = BLOCK_SIZE):
        self.data_dir = Path(data_dir)
        self.block_size = block_size
        self.queue = Queue(queue_path(self.data_dir))
        self._desk_id: str | None = None

    # -- the desk ------------------------------------------------------------------------------

    @property
    def desk_id(self) -> str:
        """This desk's id, made once (random) and kept in the queue file."""
        if self._desk_id is None:
            with self.queue.writing() as conn:
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('desk', ?)", (_new_desk_id(),))
                self._desk_id = str(conn.execute("SELECT value FROM meta WHERE key = 'desk'").fetchone()[0])
        return self._desk_id

    @staticmethod
    def available() -> bool:
        """Whether the open register has an offline mode (it is on a PostgreSQL server)."""
        db = database.obj
        return db is not None and backend.is_postgres(db)

    def snapshot(self) -> snapshots.Snapshot | None:
        """The office's data as last copied from the server (None: never prepared)."""
        with self.queue.reading() as conn:
            rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('snapshot', 'logo')").fetchall())
        if "snapshot" not in rows:
            return None
        return snapshots.read(rows["snapshot"], rows.get("logo"))

    def numbers_left(self, year: int) -> int:
        """Unused reserved numbers this desk holds for ``year``."""
        with self.queue.reading() as conn:
            row = conn.execute("SELECT coalesce(sum(last - next + 1), 0) FROM block WHERE series = ? AND year = ? "
                               "AND next <= last", (SERIES, year)).fetchone()
        return int(row[0])

    # -- while connected ---------------------------------------------------------------------------

    def prepare(self, actor: Actor, now: datetime | None = None) -> PrepareResult:
        """Online: refresh the snapshot, take over this desk's blocks the queue file does not
        know yet (a stop between the server's commit and the local write), release the blocks
        of past years, and reserve numbers so that the desk holds ``block_size`` for this year
        (and for next year in December). Without the permission to register requests only the
        snapshot is refreshed. On a SQLite register: nothing (``available`` False)."""
        if not self.available():
            return PrepareResult(available=False)
        now = (now or datetime.now()).replace(microsecond=0)
        desk = self.desk_id
        text, logo = snapshots.take()
        with self.queue.writing() as conn:
            self.queue.set_meta(conn, "snapshot", text)
            self.queue.set_meta(conn, "logo", logo)
        self._drop_gone(desk_blocks(desk, include_released=True))
        self._adopt(desk_blocks(desk))
        released = tuple(release_blocks(desk, now.year, actor, now))
        with self.queue.writing() as conn:
            conn.execute("DELETE FROM block WHERE year < ?", (now.year,))
        reserved: list[Block] = []
        years = [now.year] + ([now.year + 1] if now.month == 12 else [])
        if actor_can(actor, Permission.REGISTER_REQUEST):
            for year in years:
                missing = self.block_size - self.numbers_left(year)
                if missing > 0:
                    block = reserve_block(SERIES, year, desk, missing, actor, now)
                    self._adopt([block])
                    reserved.append(block)
        return PrepareResult(True, tuple(reserved), released, {y: self.numbers_left(y) for y in years},
                             snapshots.read(text, logo).taken_at)

    def _adopt(self, blocks: list[Block]) -> None:
        """Take the server's blocks of this desk into the queue file. A block is known by its
        numbers, not only its id: a restore on the server records a desk's block again under
        a new id, and its numbers already used here must not be used again."""
        with self.queue.writing() as conn:
            for b in blocks:
                same = conn.execute("SELECT id FROM block WHERE series = ? AND year = ? AND first = ? AND last = ?",
                                    (b.series, b.year, b.first, b.last)).fetchone()
                if same is not None:
                    if same[0] != b.id:
                        conn.execute("DELETE FROM block WHERE id = ?", (b.id,))  # an unrelated stale row
                        conn.execute("UPDATE block SET id = ? WHERE id = ?", (b.id, same[0]))
                        conn.execute("UPDATE item SET block_id = ? WHERE block_id = ?", (b.id, same[0]))
                    continue
                used = conn.execute("SELECT max(num_seq) FROM item WHERE series = ? AND year = ? AND num_seq "
                                    "BETWEEN ? AND ?", (b.series, b.year, b.first, b.last)).fetchone()[0]
                conn.execute("INSERT OR IGNORE INTO block (id, series, year, first, last, next) VALUES (?, ?, ?, ?, ?, ?)",
                             (b.id, b.series, b.year, b.first, b.last, max(b.first, (used or 0) + 1)))

    def _drop_gone(self, on_server: list[Block]) -> None:
        """Forget the local blocks the server does not hold for this desk any more (a server
        restored from before they were reserved, or rebuilt): their unused numbers may have
        been given to others, so they are never used. Queued items keep their numbers; the
        push gives one whose number is no longer this desk's a new number."""
        held = {(b.series, b.year, b.first, b.last) for b in on_server}
        with self.queue.writing() as conn:
            for block_id, series, year, first, last in conn.execute(
                    "SELECT id, series, year, first, last FROM block").fetchall():
                if (series, year, first, last) not in held:
                    conn.execute("DELETE FROM block WHERE id = ?", (block_id,))

    # -- while the server cannot be reached ----------------------------------------------------------

    def register(self, data: RequestInput, actor: Actor, now: datetime | None = None,
                 dip_entry_id: int | None = None) -> QueuedRequest:
        """Register a request in the queue with the next number of this desk's block: the
        same checks as :func:`ppid_desk.register.service.register_request`, the deadlines from
        the copied calendar. Refused (ValidationError) when the desk holds no number left for
        the year the request was received in."""
        require(actor, Permission.REGISTER_REQUEST)
        if dip_entry_id is not None:
            require(actor, Permission.LINK_DIP)
        now = (now or datetime.now()).replace(microsecond=0)
        problems = request_problems(data, now)
        if problems:
            key = next(iter(problems))
            raise ValidationError(problems[key], key)
        if data.requester_id and not _squash(data.requester.name):
            raise ValidationError("Data pemohon lama tidak dapat dibaca saat luring; isi data pemohon.", "name")
        snap = self.snapshot()
        if snap is None:
            raise ValidationError("Meja ini belum pernah menyiapkan pencatatan luring (belum ada nomor cadangan); "
                                  "permohonan belum dapat dicatat sampai server tersambung.")
        units = list(dict.fromkeys(int(u) for u in data.units))
        names = {u.id: u.name for u in snap.units}
        if any(u not in names for u in units):
            raise ValidationError("Unit tujuan disposisi tidak ditemukan.", "units")
        received = (data.received_at or now).replace(second=0, microsecond=0)
        deadlines = snap.calendar().deadlines(received, completeness_days=snap.office.completeness_days)
        requester = _requester_values(data.requester)
        extra = {"requester": requester, "requester_id": data.requester_id, "units": units,
                 "unit_names": [names[u] for u in units], "dip_entry_id": dip_entry_id}
        year = received.year
        with self.queue.writing() as conn:
            found = conn.execute("SELECT id, next FROM block WHERE series = ? AND year = ? AND next <= last "
                                 "ORDER BY first LIMIT 1", (SERIES, year)).fetchone()
            if found is None:
                ever = conn.execute("SELECT count(*) FROM block WHERE series = ? AND year = ?",
                                    (SERIES, year)).fetchone()[0]
                why = (f"Nomor cadangan luring untuk tahun {year} habis" if ever else
                       f"Meja ini belum memegang nomor cadangan luring untuk tahun {year} (nomor dicadangkan "
                       "otomatis saat server tersambung dan petugas yang berhak mendaftar masuk)")
                raise ValidationError(f"{why}; permohonan belum dapat dicatat sampai server tersambung kembali "
                                      "(catat sementara di buku register kertas).")
            block_id, seq = found
            number = format_number(snap.office.request_number_pattern, seq, received.date())
            row = {
                "number": number, "year": year, "seq": seq, "received_at": received.isoformat(),
                "effective_day": deadlines.receipt.day.isoformat(), "channel": Channel(data.channel).value,
                "proxy_name": _squash(data.proxy_name), "proxy_letter": _squash(data.proxy_letter),
                "information": data.information.strip(), "purpose": data.purpose.strip(),
                "obtain_method": ObtainMethod(data.obtain_method).value,
                "delivery_method": DeliveryMethod(data.delivery_method).value, "status": Status.REGISTERED.value,
                "completeness_due": deadlines.completeness.day.isoformat(),
                "response_due": deadlines.response.day.isoformat(),
                "extended_due": deadlines.extended.day.isoformat(), "created_by": str(actor),
            }
            conn.execute("UPDATE block SET next = next + 1 WHERE id = ?", (block_id,))
            cursor = conn.execute(
                "INSERT INTO item (series, year, num_seq, number, block_id, received_at, created_at, actor, input, row) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (SERIES, year, seq, number, block_id, received.isoformat(), now.isoformat(), actor_json(actor),
                 json.dumps(extra, ensure_ascii=False), json.dumps(row, ensure_ascii=False)))
            queue_seq = cursor.lastrowid
        return self.get(queue_seq)

    def keep_receipt(self, queue_seq: int, pdf: bytes, source_hash: str, sha256: str, paper: str,
                     issued_at: datetime, issued_by: Actor) -> QueuedReceipt:
        """Keep the receipt issued offline for a queued request (the first one wins: a
        receipt already kept is returned unchanged)."""
        with self.queue.writing() as conn:
            conn.execute("UPDATE item SET receipt_pdf = ?, receipt_hash = ?, receipt_sha256 = ?, receipt_paper = ?, "
                         "receipt_issued_at = ?, receipt_issued_by = ? WHERE seq = ? AND receipt_pdf IS NULL",
                         (pdf, source_hash, sha256, paper, issued_at.replace(microsecond=0).isoformat(),
                          actor_json(issued_by), queue_seq))
        receipt = self.get(queue_seq).receipt
        assert receipt is not None
        return receipt

    # -- reading the queue ---------------------------------------------------------------------------

    def get(self, queue_seq: int) -> QueuedRequest:
        with self.queue.reading() as conn:
            row = conn.execute(f"SELECT {_ITEM_COLUMNS} FROM item WHERE seq = ?", (queue_seq,)).fetchone()
        if row is None:
            raise ValidationError("Permohonan tidak ada di antrean luring.")
        return _item(row)

    def items(self, pending_only: bool = True) -> list[QueuedRequest]:
        """The queued requests in queue order (all, with ``pending_only`` False)."""
        where = "WHERE pushed_at IS NULL " if pending_only else ""
        with self.queue.reading() as conn:
            rows = conn.execute(f"SELECT {_ITEM_COLUMNS} FROM item {where}ORDER BY seq").fetchall()
        return [_item(r) for r in rows]

    def pending(self) -> int:
        """How many registrations wait to be pushed."""
        if not self.queue.path.exists():
            return 0
        with self.queue.reading() as conn:
            return int(conn.execute("SELECT count(*) FROM item WHERE pushed_at IS NULL").fetchone()[0])

    # -- pushing -------------------------------------------------------------------------------------

    def push(self, actor: Actor | None = None, now: datetime | None = None) -> PushResult:
        """Write the queued registrations to the server in queue order, each in its own
        transaction, exactly once; then record receipts printed after their request was
        pushed. Safe to call at any time and from any thread (one push at a time per desk):
        with nothing queued, or on a SQLite register, it does nothing. The server going away
        during the push ends it (``unreachable``); an item the server refuses stops it
        (``stuck``, also kept on the item as ``problem``)."""
        began = time.perf_counter()
        result = PushResult()
        if not self.queue.path.exists() or not self.available():
            result.left = self.pending()
            return result
        unreachable = _unreachable()
        with _push_lock(self.queue.path):
            for item in self.items():
                started = time.perf_counter()
                try:
                    request_id, already, receipt, warnings, renumbered = self._push_one(item, actor, now)
                except unreachable as exc:
                    result.unreachable = exc.message
                    break
                except (ValidationError, peewee.DatabaseError) as exc:
                    reason = exc.message if isinstance(exc, ValidationError) else f"server menolak ({exc})"
                    self._mark_problem(item.queue_seq, reason)
                    result.stuck = Stuck(item.queue_seq, item.number, reason)
                    break
                if renumbered is not None:
                    self._renumber_local(item, *renumbered)
                self._mark_pushed(item.queue_seq, request_id, receipt, now)
                result.item_seconds.append(time.perf_counter() - started)
                result.warnings += warnings
                if already:
                    result.already += 1
                else:
                    result.pushed += 1
            if not result.unreachable:
                try:
                    result.receipts = self._record_late_receipts()
                except unreachable as exc:
                    result.unreachable = exc.message
        result.left = self.pending()
        result.seconds = time.perf_counter() - began
        return result

    def _push_one(self, item: QueuedRequest, pusher: Actor | None, now: datetime | None
                  ) -> tuple[int, bool, bool, list[str], tuple | None]:
        """(request id, already there, receipt recorded, warnings, renumbered) for one item,
        in one server transaction. ``renumbered``: (new number, new sequence, the fresh
        receipt's (pdf, source digest, sha256) or None) when the item's number was no longer
        free on the server and it was registered with the next online number instead."""
        actor = item.actor
        at = item.created_at
        warnings: list[str] = []
        with database.atomic():
            # The block's row lock: pushes of this desk's numbers take turns (another process
            # of the same desk), so the existence check below holds to the commit.
            in_block = block_holding(self.desk_id, SERIES, item.year, item.seq, for_update=True) is not None
            existing = Request.get_or_none((Request.year == item.year) & (Request.seq == item.seq))
            if existing is not None and existing.number == item.number and self._is_ours(existing, item):
                if item.receipt is not None and not IssuedDocument.select().where(
                        IssuedDocument.letter_number == item.number).exists():
                    self._record_receipt(existing.id, item.number, item.receipt)  # kept after that push read it
                return existing.id, True, item.receipt is not None, [], None
            taken = existing is not None or Request.select().where(Request.number == item.number).exists()
            values = item.column_values()
            renumbered = None
            if not in_block or taken:
                # The number is not this desk's any more (a restore on the server, a server
                # rebuilt) or another request holds it: registered with the next online number
                # rather than stopping the queue for good; the requester needs a new receipt.
                earlier = self._pushed_before(item)
                if earlier is not None:  # renumbered by an earlier push whose local mark was lost
                    doc = (IssuedDocument.select().where((IssuedDocument.request == earlier.id)
                                                         & (IssuedDocument.kind == RECEIPT_KIND))
                           .order_by(IssuedDocument.id).first())
                    fresh = (bytes(doc.pdf), doc.source_hash, doc.sha256) if doc is not None else None
                    return earlier.id, True, item.receipt is not None, [], (earlier.number, earlier.seq, fresh)
                seq = next_sequence(SERIES, item.year, highest_seq(item.year))
                number = format_number(load_office().request_number_pattern, seq, values["received_at"].date())
                if Request.select().where(Request.number == number).exists():
                    raise ValidationError(f"Nomor {number} sudah dipakai di register (periksa pola nomor di "
                                          "Pengaturan).")
                values.update(number=number, seq=seq)
                warnings.append(f"Permohonan luring {item.number} dicatat dengan nomor {number}: nomor {item.number} "
                                "sudah terpakai di server (mis. setelah pemulihan). Cetak ulang tanda bukti untuk "
                                "pemohon.")
                renumbered = (number, seq, None)
            requester = self._requester_for(item, at)
            row = Request.create(**values, requester=requester)
            pushed_at = (now or datetime.now()).replace(microsecond=0)
            offline = {"desk": self.desk_id, "queue": item.queue_seq, "pushed_at": pushed_at,
                       "pushed_by": str(pusher) if pusher is not None else ""}
            if renumbered is not None:
                offline["receipt_number"] = item.number
            request_event(row, EventKind.REGISTERED, actor, at, number=row.number, received_at=row.received_at,
                          effective_day=row.effective_day, response_due=row.response_due, offline=offline)
            if renumbered is not None:
                audit.step(pusher if pusher is not None else actor, "request.offline_renumbered", "request",
                           row.number, warnings[-1],
                           {"old_number": item.number, "new_number": row.number, "desk": self.desk_id,
                            "queue": item.queue_seq}, at=pushed_at)
            warnings += self._route(row, item, actor, at)
            warnings += self._link_dip(row, item, actor, at)
            self._recount(row, pusher if pusher is not None else actor, pushed_at)
            if item.receipt is not None:
                if renumbered is None:
                    self._record_receipt(row.id, item.number, item.receipt)
                else:  # the old PDF carries the old number: a fresh receipt for the new one
                    renumbered = (row.number, row.seq, self._fresh_receipt(row, item.receipt, pushed_at))
            self._warn_twin(row, item, warnings)
        return row.id, False, item.receipt is not None, warnings, renumbered

    def _is_ours(self, request: Request, item: QueuedRequest) -> bool:
        """Whether ``request`` is ``item`` pushed by this desk (its registration event says so)."""
        for (text,) in (RequestEvent.select(RequestEvent.data)
                        .where((RequestEvent.request == request.id)
                               & (RequestEvent.kind == EventKind.REGISTERED.value)).tuples()):
            offline = (json.loads(text or "{}") or {}).get("offline") or {}
            if offline.get("desk") == self.desk_id and offline.get("queue") == item.queue_seq:
                return True
        return False

    def _pushed_before(self, item: QueuedRequest) -> Request | None:
        """The request an earlier push wrote for ``item`` under another number, if any."""
        marker = f'%"desk": "{self.desk_id}", "queue": {item.queue_seq},%'
        rows = (Request.select().join(RequestEvent, on=(RequestEvent.request == Request.id))
                .where((RequestEvent.kind == EventKind.REGISTERED.value) & (RequestEvent.data ** marker)
                       & (Request.year == item.year)))
        for row in rows:
            if self._is_ours(row, item):
                return row
        return None

    @staticmethod
    def _fresh_receipt(row: Request, kept: QueuedReceipt, at: datetime) -> tuple[bytes, str, str]:
        """Issue the receipt of a renumbered request afresh (its new number), recorded as
        issued by the officer who printed the offline one; the old PDF is not recorded."""
        import hashlib

        from reports.documents.sources import build_source
        from reports.issuing import DocumentKind, _renderer

        from ..office import logo_bytes

        kind = DocumentKind.RECEIPT
        row = Request.get_by_id(row.id)  # the deadlines as recounted
        source = build_source(kind.value, row, str(row.created_by))
        pdf = _renderer(kind)(source, load_office(), logo_bytes(), kept.paper, row.number, 0)
        sha = hashlib.sha256(pdf).hexdigest()
        doc = IssuedDocument.create(request=row.id, kind=RECEIPT_KIND, letter_number=row.number,
                                    source_hash=source.digest(), pdf=pdf, sha256=sha, paper=kept.paper,
                                    issued_at=at, issued_by=str(kept.issued_by))
        audit.step(kept.issued_by, "document.issue", "request", row.number,
                   f"Permohonan {row.number}: Tanda bukti penerimaan {row.number} diterbitkan dengan nomor baru "
                   "(tanda bukti luring bernomor lama perlu diganti).",
                   {"document_id": doc.id, "kind": RECEIPT_KIND, "letter_number": row.number, "sha256": sha,
                    "paper": kept.paper, "offline": True}, at=at)
        return pdf, source.digest(), sha

    def _renumber_local(self, item: QueuedRequest, number: str, seq: int, receipt: tuple | None) -> None:
        """Record on the queue item the number the server gave it (and its fresh receipt), so
        the desk shows and reprints the new one."""
        row = dict(item.row, number=number, seq=seq)
        with self.queue.writing() as conn:
            # a still-queued item holding that number string (its own number gone too) gives
            # it up: it will be renumbered when it is pushed
            conn.execute("UPDATE item SET number = number || ' (lama ' || seq || ')' WHERE number = ? AND seq <> ?",
                         (number, item.queue_seq))
            conn.execute("UPDATE item SET number = ?, num_seq = ?, row = ? WHERE seq = ?",
                         (number, seq, json.dumps(row, ensure_ascii=False), item.queue_seq))
            if receipt is not None:
                pdf, digest, sha = receipt
                conn.execute("UPDATE item SET receipt_pdf = ?, receipt_hash = ?, receipt_sha256 = ? WHERE seq = ?",
                             (pdf, digest, sha, item.queue_seq))

    @staticmethod
    def _requester_for(item: QueuedRequest, at: datetime) -> Requester:
        """The returning requester when the register holds one with exactly these data (the
        one chosen before the server went away, else one with the same NIK); else a new one.
        Exact, so the receipt printed offline stays true to the register."""
        values = item.requester
        candidates: list[Requester] = []
        if item.requester_id:
            chosen = Requester.get_or_none(Requester.id == item.requester_id)
            if chosen is not None:
                candidates.append(chosen)
        if values.get("nik"):
            candidates += list(Requester.select().where(Requester.nik == values["nik"]).order_by(Requester.id.desc()))
        for person in candidates:
            if all(getattr(person, key) == value for key, value in values.items()):
                return person
        return Requester.create(**values, created_at=at)

    @staticmethod
    def _route(row: Request, item: QueuedRequest, actor: Actor, at: datetime) -> list[str]:
        if not item.units:
            return []
        active = {u.id for u in Unit.select(Unit.id).where(Unit.id.in_(list(item.units)) & (Unit.active == True))}  # noqa: E712
        keep = [u for u in item.units if u in active]
        if keep:
            _route(row, keep, "", None, actor, at)
        names = dict(zip(item.units, item.unit_names))
        gone = [names.get(u, f"#{u}") for u in item.units if u not in active]
        if not gone:
            return []
        return [f"Permohonan {row.number}: disposisi ke {', '.join(gone)} tidak dilakukan (unit tidak aktif lagi di "
                "server); lakukan disposisi dari detail permohonan."]

    @staticmethod
    def _link_dip(row: Request, item: QueuedRequest, actor: Actor, at: datetime) -> list[str]:
        if not item.dip_entry_id:
            return []
        from ..dip.service import link_request

        try:
            with database.atomic():
                link_request(row.id, item.dip_entry_id, actor, at)
        except ValidationError as exc:
            return [f"Permohonan {row.number}: tidak dikaitkan ke DIP ({exc.message})"]
        return []

    @staticmethod
    def _record_receipt(request_id: int, number: str, receipt: QueuedReceipt) -> None:
        """The receipt issued offline, recorded as issued the way online ones are (the same
        bytes, its source digest, who issued it and when), with its audit entry."""
        doc = IssuedDocument.create(request=request_id, kind=RECEIPT_KIND, letter_number=number,
                                    source_hash=receipt.source_hash, pdf=receipt.pdf, sha256=receipt.sha256,
                                    paper=receipt.paper, issued_at=receipt.issued_at, issued_by=str(receipt.issued_by))
        audit.step(receipt.issued_by, "document.issue", "request", number,
                   f"Permohonan {number}: Tanda bukti penerimaan {number} diterbitkan (luring).",
                   {"document_id": doc.id, "kind": RECEIPT_KIND, "letter_number": number, "sha256": receipt.sha256,
                    "paper": receipt.paper, "offline": True}, at=receipt.issued_at)

    @staticmethod
    def _recount(row: Request, actor: Actor, at: datetime) -> None:
        """The deadlines by the server's calendar: when the office changed its calendar
        while the desk was offline, the request gets what a calendar change gives every
        running request (new deadlines and a ``tenggat_dihitung_ulang`` event)."""
        from ..workdays import load_calendar

        calendar = load_calendar()
        start = row.effective_day
        new = {"completeness_due": calendar.add_working_days(start, load_office().completeness_days).day,
               "response_due": calendar.add_working_days(start, 10).day,
               "extended_due": calendar.add_working_days(start, 17).day}
        old = {key: getattr(row, key) for key in new}
        if old == new:
            return
        Request.update(**new).where(Request.id == row.id).execute()
        RequestEvent.create(request=row.id, kind=EventKind.DEADLINES_RECOMPUTED.value, at=at, actor=str(actor),
                            data=json.dumps({"reason": "Kalender kantor di server berubah selama meja luring",
                                             "before": old, "after": new}, default=str, ensure_ascii=False))

    @staticmethod
    def _warn_twin(row: Request, item: QueuedRequest, warnings: list[str]) -> None:
        """A save cut off by the connection at its very commit may have reached the server
        although the desk was told it had not; the officer then registered it offline too.
        Such a twin (same requester, receipt time, text and officer) is named, not removed."""
        twin = (Request.select(Request.number).join(Requester)
                .where((Request.id != row.id) & (Request.received_at == row.received_at)
                       & (Request.information == row.information) & (Request.created_by == row.created_by)
                       & (Requester.name == item.requester_name))
                .first())
        if twin is not None:
            warnings.append(f"Permohonan {row.number} tampaknya sama dengan {twin.number} (tersimpan saat sambungan "
                            "terputus); periksa dan batalkan salah satunya.")

    def _record_late_receipts(self) -> int:
        """Receipts printed from the queue after their request was already pushed."""
        with self.queue.reading() as conn:
            rows = conn.execute(f"SELECT {_ITEM_COLUMNS} FROM item WHERE pushed_at IS NOT NULL AND receipt_pdf IS NOT "
                                "NULL AND receipt_recorded_at IS NULL ORDER BY seq").fetchall()
        done = 0
        for item in map(_item, rows):
            assert item.receipt is not None and item.request_id is not None
            with database.atomic():
                if not IssuedDocument.select().where(IssuedDocument.letter_number == item.number).exists():
                    self._record_receipt(item.request_id, item.number, item.receipt)
                    done += 1
            with self.queue.writing() as conn:
                conn.execute("UPDATE item SET receipt_recorded_at = ? WHERE seq = ?",
                             (_iso(datetime.now().replace(microsecond=0)), item.queue_seq))
        return done

    def _mark_pushed(self, queue_seq: int, request_id: int, receipt: bool, now: datetime | None) -> None:
        at = _iso((now or datetime.now()).replace(microsecond=0))
        with self.queue.writing() as conn:
            conn.execute("UPDATE item SET pushed_at = ?, request_id = ?, problem = NULL, receipt_recorded_at = "
                         "CASE WHEN ? THEN coalesce(receipt_recorded_at, ?) ELSE receipt_recorded_at END "
                         "WHERE seq = ?", (at, request_id, receipt, at, queue_seq))

    def _mark_problem(self, queue_seq: int, reason: str) -> None:
        with self.queue.writing() as conn:
            conn.execute("UPDATE item SET problem = ? WHERE seq = ?", (reason, queue_seq))


__all__ = ["BLOCK_SIZE", "OfflineDesk", "PrepareResult", "PushResult", "QueuedReceipt", "QueuedRequest",
           "RequesterInput", "RequestInput", "Stuck"]
