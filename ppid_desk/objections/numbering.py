"""Objection numbers: the office's pattern, a sequence of their own per year.

The tokens and rules are the request register's (:mod:`ppid_desk.register.numbering`);
objections count in the series ``keberatan``.
"""

from __future__ import annotations

from peewee import fn

from ..store.models import Objection

SERIES = "keberatan"
DEFAULT_OBJECTION_PATTERN = "{seq:03d}/KEB/PPID/{roman_month}/{year}"


def max_seq(year: int) -> int:
    """The highest sequence already in the register for ``year`` (imported ones too)."""
    return Objection.select(fn.MAX(Objection.seq)).where(Objection.year == year).scalar() or 0
