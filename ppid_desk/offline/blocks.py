"""Number blocks on the server: sequence numbers a desk reserves while connected, to
register requests with while the server cannot be reached (docs/decisions.md, issue 11,
"Offline queue").

A block is taken from the same counter row as every online number, in one transaction
(the UPDATE locks the row, so a block and a desk saving at the same instant take turns):
the counter jumps by the block's size and the block keeps ``first``..``last``. Online
registration always takes ``counter.last + 1``, after every block, so each number is
given out once: to an online request, or to one desk's block. A block's numbers are used
only by its desk, offline, and arrive in the register when the desk's queue is pushed;
the ones never used stay reserved and are listed by :func:`reserved_unused`, so an auditor
sees why a number is missing from the register book.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..errors import ValidationError
from ..store import backend
from ..register.numbering import next_sequence
from ..register.service import highest_seq
from ..store.models import NumberBlock, Request, database

SERIES = "permohonan"  # the request register's series (ppid_desk.register.service.SERIES)
MAX_BLOCK = 1000


@dataclass(frozen=True)
class Block:
    id: int
    series: str
    year: int
    desk: str
    first: int
    last: int
    reserved_at: datetime
    reserved_by: str
    released: bool

    @property
    def size(self) -> int:
        return self.last - self.first + 1


def _block(row: NumberBlock) -> Block:
    return Block(row.id, row.series, row.year, row.desk, row.first, row.last, row.reserved_at, row.reserved_by,
                 bool(row.released))


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}\u2013{last}"


def reserve_block(series: str, year: int, desk: str, size: int, actor: Actor, now: datetime | None = None,
                  floor: int | None = None) -> Block:
    """Take ``size`` numbers of ``series`` in ``year`` for ``desk`` from the counter, in one
    transaction, and record the block (with an audit entry). ``floor``: the highest
    sequence already used (default: the register's highest request sequence of the year,
    for the request series); the block starts above it, as :func:`next_sequence` does.

    Only a register on a PostgreSQL server has blocks: one desk on SQLite has nothing to
    register offline against."""
    require(actor, Permission.REGISTER_REQUEST)
    if not backend.is_postgres(database.obj):
        raise ValidationError("Nomor cadangan luring hanya dipakai bila register ada di server PostgreSQL "
                              "(beberapa meja).")
    desk = (desk or "").strip()
    if not desk or len(desk) > 64:
        raise ValidationError("Identitas meja tidak sah.", "desk")
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_BLOCK:
        raise ValidationError(f"Ukuran blok nomor harus 1 sampai {MAX_BLOCK}.", "size")
    now = (now or datetime.now()).replace(microsecond=0)
    with database.atomic():
        if floor is None:
            floor = highest_seq(year) if series == SERIES else 0
        last = next_sequence(series, year, floor, count=size)
        row = NumberBlock.create(series=series, year=year, desk=desk, first=last - size + 1, last=last,
                                 reserved_at=now, reserved_by=str(actor))
        audit.step(actor, "number_block.reserve", "number_block", row.id,
                   f"Nomor urut {series} {year} {_span(row.first, row.last)} dicadangkan untuk meja {desk} "
                   "(pencatatan luring).",
                   {"series": series, "year": year, "desk": desk, "first": row.first, "last": row.last}, at=now)
    return _block(row)


def desk_blocks(desk: str, series: str = SERIES, include_released: bool = False) -> list[Block]:
    """The blocks ``desk`` holds on the server, oldest first."""
    query = NumberBlock.select().where((NumberBlock.desk == desk) & (NumberBlock.series == series))
    if not include_released:
        query = query.where(NumberBlock.released == False)  # noqa: E712 - peewee expression
    return [_block(r) for r in query.order_by(NumberBlock.year, NumberBlock.first)]


def release_blocks(desk: str, years_before: int, actor: Actor, now: datetime | None = None,
                   series: str = SERIES) -> list[Block]:
    """Mark ``desk``'s blocks of the years before ``years_before`` released: their unused
    numbers will never be given out (a number belongs to its year). Nothing is renumbered;
    the numbers stay in the block for the auditor. Returns the blocks released."""
    now = (now or datetime.now()).replace(microsecond=0)
    with database.atomic():
        rows = list(NumberBlock.select().where(
            (NumberBlock.desk == desk) & (NumberBlock.series == series) & (NumberBlock.year < years_before)
            & (NumberBlock.released == False)).order_by(NumberBlock.first))  # noqa: E712
        if not rows:
            return []
        (NumberBlock.update(released=True, released_at=now)
         .where(NumberBlock.id.in_([r.id for r in rows])).execute())
        spans = ", ".join(f"{r.year} {_span(r.first, r.last)}" for r in rows)
        audit.step(actor, "number_block.release", "number_block", rows[0].id,
                   f"Nomor cadangan meja {desk} dilepas (tahun sudah lewat): {spans}; nomor yang tidak "
                   "terpakai tidak akan diberikan.",
                   {"desk": desk, "blocks": [r.id for r in rows]}, at=now)
    return [_block(NumberBlock.get_by_id(r.id)) for r in rows]


def block_holding(desk: str, series: str, year: int, seq: int, for_update: bool = False) -> NumberBlock | None:
    """``desk``'s block that holds number ``seq`` of ``year`` (released or not), or None.
    ``for_update``: lock the block's row to the end of the transaction (one push at a time)."""
    query = NumberBlock.select().where(
        (NumberBlock.desk == desk) & (NumberBlock.series == series) & (NumberBlock.year == year)
        & (NumberBlock.first <= seq) & (NumberBlock.last >= seq))
    if for_update and backend.is_postgres(database.obj):
        query = query.for_update()
    return query.first()


@dataclass(frozen=True)
class ReservedRange:
    """Numbers of a block not (yet) in the register."""

    year: int
    first: int
    last: int
    desk: str
    reserved_at: datetime
    reserved_by: str
    released: bool

    def describe(self) -> str:
        """``2026 nomor urut 14–20: dicadangkan untuk meja loket1-3fa9c2 oleh Budi Santoso
        pada 21-11-2026 08.00; belum terpakai (masih dapat dipakai meja itu saat luring)``."""
        state = ("dilepas, tidak akan dipakai" if self.released
                 else "belum terpakai (masih dapat dipakai meja itu saat luring)")
        return (f"{self.year} nomor urut {_span(self.first, self.last)}: dicadangkan untuk meja {self.desk} "
                f"oleh {self.reserved_by or '-'} pada {self.reserved_at:%d-%m-%Y %H.%M}; {state}")


def reserved_unused(year: int | None = None, series: str = SERIES) -> list[ReservedRange]:
    """The reserved numbers not in the register, as ranges (by year and number): why a
    number is missing from the register book. Empty on a register without blocks."""
    query = NumberBlock.select().where(NumberBlock.series == series)
    if year is not None:
        query = query.where(NumberBlock.year == year)
    found: list[ReservedRange] = []
    for block in query.order_by(NumberBlock.year, NumberBlock.first):
        used = {seq for (seq,) in Request.select(Request.seq).where(
            (Request.year == block.year) & (Request.seq >= block.first) & (Request.seq <= block.last)).tuples()}
        start = None
        for seq in range(block.first, block.last + 2):
            free = seq <= block.last and seq not in used
            if free and start is None:
                start = seq
            elif not free and start is not None:
                found.append(ReservedRange(block.year, start, seq - 1, block.desk, block.reserved_at,
                                           block.reserved_by, bool(block.released)))
                start = None
    return found
