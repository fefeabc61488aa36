"""Register numbers from a pattern setting, the sequence per series and year.

Tokens: ``{seq}`` (with a format such as ``{seq:03d}``), ``{year}``, ``{month}``,
``{roman_month}``, ``{day}``. A number is assigned inside the transaction that inserts
the record and is never reused: the counter only goes up, and void or withdrawn records
keep theirs.
"""

from __future__ import annotations

import re
import string
from datetime import date

import peewee

from ..errors import ValidationError
from ..store.models import Counter

DEFAULT_REQUEST_PATTERN = "{seq:03d}/PPID/{roman_month}/{year}"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
TOKENS = {"seq", "year", "month", "roman_month", "day"}
MAX_NUMBER_LENGTH = 64  # the number columns of the register tables


def validate_pattern(pattern: str) -> str:
    pattern = pattern.strip()
    try:
        parts = [(name, spec) for _, name, spec, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        raise ValidationError("Pola nomor tidak sah (kurung kurawal tidak seimbang).", "pattern") from None
    if any(re.search(r"\d{3}", spec or "") for _, spec in parts):
        # "{year:>999999999}" would make every number a gigabyte long
        raise ValidationError("Pola nomor tidak sah (lebar format terlalu besar).", "pattern")
    fields = {name for name, _ in parts}
    seq_specs = [spec for name, spec in parts if name == "seq"]
    if len(seq_specs) > 1:
        raise ValidationError("Pola nomor hanya boleh memuat {seq} satu kali.", "pattern")
    if seq_specs and not re.fullmatch(r"0?\d*d?", seq_specs[0] or ""):
        raise ValidationError("Format {seq} harus bilangan bulat, misalnya {seq:03d}.", "pattern")
    unknown = fields - TOKENS
    if unknown:
        raise ValidationError(f"Pola nomor memakai token tak dikenal: {', '.join(sorted(unknown))}.", "pattern")
    if "seq" not in fields:
        raise ValidationError("Pola nomor harus memuat {seq}, misalnya {seq:03d}.", "pattern")
    if "year" not in fields:
        # The sequence starts again every 1 January: without the year numbers would repeat.
        raise ValidationError("Pola nomor harus memuat {year}, karena nomor urut dimulai lagi setiap 1 Januari.",
                              "pattern")
    try:
        longest = format_number(pattern, 99999, date(2026, 8, 28))  # VIII: the longest month
    except (ValueError, KeyError, IndexError):
        raise ValidationError("Pola nomor tidak sah.", "pattern") from None
    if len(longest) > MAX_NUMBER_LENGTH:
        raise ValidationError(f"Pola nomor terlalu panjang (nomor paling panjang {MAX_NUMBER_LENGTH} huruf).",
                              "pattern")
    return pattern


def format_number(pattern: str, seq: int, day: date) -> str:
    return pattern.format(seq=seq, year=day.year, month=f"{day.month:02d}",
                          roman_month=ROMAN[day.month - 1], day=f"{day.day:02d}")


def sequence_of(pattern: str, number: str, year: int) -> int | None:
    """The sequence in ``number`` when it was made by ``pattern`` for ``year``, else None."""
    regex = ""
    for literal, name, spec, _ in string.Formatter().parse(pattern):
        regex += re.escape(literal)
        if name == "seq":
            regex += r"(?P<seq>\d+)"
        elif name == "year":
            regex += str(year)
        elif name == "roman_month":
            regex += "(?:" + "|".join(sorted(ROMAN, key=len, reverse=True)) + ")"
        elif name is not None:
            regex += r"\d+"
    match = re.fullmatch(regex, number.strip())
    return int(match.group("seq")) if match else None


def _at_least(value: int) -> peewee.Node:
    """``max(counter.last, value)`` in portable SQL (SQLite's MAX(a, b) is not PostgreSQL's)."""
    return peewee.Case(None, [(Counter.last < value, value)], Counter.last)


def next_sequence(series: str, year: int, floor: int = 0, count: int = 1) -> int:
    """Take the next number of ``series`` in ``year``; call inside the inserting transaction.

    ``floor`` is the highest sequence already used in the register for that year (e.g.
    by imported records); the counter never gives out a number at or below it.
    ``count``: take that many at once (a desk's block for working offline,
    ppid_desk.offline.blocks); the last of them is returned.
    """
    # The row is made first if missing (two desks making it at once: one insert is
    # ignored), then raised: the UPDATE locks the row to the end of the transaction, so
    # desks saving at the same instant take turns and neither a number nor a gap repeats.
    Counter.insert(series=series, year=year, last=floor).on_conflict_ignore().execute()
    (Counter.update(last=_at_least(floor) + count)
     .where((Counter.series == series) & (Counter.year == year)).execute())
    return Counter.get((Counter.series == series) & (Counter.year == year)).last


def raise_floor(series: str, year: int, used: int) -> None:
    """Make sure the counter is past ``used`` (after importing numbered records)."""
    Counter.insert(series=series, year=year, last=used).on_conflict_ignore().execute()
    (Counter.update(last=_at_least(used))
     .where((Counter.series == series) & (Counter.year == year)).execute())
