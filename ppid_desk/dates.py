"""Dates and times as Indonesian readers expect them (babel, locale ``id``)."""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date

LOCALE = "id"


def long_date(d: date) -> str:
    """``Senin, 23 November 2026``."""
    return format_date(d, "EEEE, d MMMM y", locale=LOCALE)


def plain_date(d: date) -> str:
    """``23 November 2026`` (letter dates)."""
    return format_date(d, "d MMMM y", locale=LOCALE)


def short_date(d: date) -> str:
    """``23-11-2026`` (tables)."""
    return d.strftime("%d-%m-%Y")


def clock(t: time | datetime) -> str:
    """``09.00``: Indonesian writes hours with a dot."""
    return t.strftime("%H.%M")
