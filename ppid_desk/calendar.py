"""Working-day calendar for PPID deadlines (see DOMAIN.md, "Working days").

Pure Python: the standard library, the ``holidays`` package and babel (through
``ppid_desk.dates``, for the Indonesian explanations). Never imports Qt
or the database, so the core, the CLI and the reports can all use it.

Days off are Saturday, Sunday, national holidays (``holidays`` category "public"),
cuti bersama (category "government", only when ``cuti_bersama_off`` is set) and the
office's own closures. Office overrides win over everything: a CLOSED override makes
any day a day off, a WORKED override makes any day (including a weekend) a working day.

The effective receipt day is day 0; the Nth deadline is the Nth working day after it.

A ``WorkingCalendar`` is immutable once built: when the override table or a setting
changes, build a new one and recompute open deadlines from it. Per-year tables are
computed lazily and cached on the instance; the ``holidays`` package is queried at most
twice per year (once per category), never per day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from holidays.countries.indonesia import Indonesia as _Indonesia

from .dates import long_date, plain_date

__all__ = [
    "DEFAULT_SERVICE_HOURS",
    "WEEKDAY_NAMES",
    "DayHours",
    "DayOff",
    "DayOffSource",
    "Deadline",
    "DeadlineSet",
    "Override",
    "OverrideKind",
    "Receipt",
    "ReceiptTiming",
    "WorkingCalendar",
]

WEEKDAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

_MIN_YEAR = date.min.year
_MAX_YEAR = date.max.year


class DayOffSource(StrEnum):
    """Why a day is not a working day."""

    WEEKEND = "akhir_pekan"
    NATIONAL = "nasional"
    CUTI_BERSAMA = "cuti_bersama"
    OFFICE = "kantor"

    @property
    def label(self) -> str:
        """Indonesian label shown to users."""
        return _SOURCE_LABELS[self]


_SOURCE_LABELS: dict[DayOffSource, str] = {
    DayOffSource.WEEKEND: "akhir pekan",
    DayOffSource.NATIONAL: "libur nasional",
    DayOffSource.CUTI_BERSAMA: "cuti bersama",
    DayOffSource.OFFICE: "kantor",
}


@dataclass(frozen=True)
class DayOff:
    """One non-working day and the reason for it."""

    day: date
    source: DayOffSource
    name: str

    def describe(self) -> str:
        """E.g. "Hari Suci Nyepi (libur nasional)" or "Sabtu (akhir pekan)"."""
        return f"{self.name} ({self.source.label})"


class OverrideKind(StrEnum):
    """An office override: close a day, or work on a day that would be off."""

    CLOSED = "libur"
    WORKED = "masuk"


@dataclass(frozen=True)
class Override:
    """One row of the office's editable override table."""

    day: date
    kind: OverrideKind
    reason: str


@dataclass(frozen=True)
class DayHours:
    """Service hours of one weekday. Breaks do not affect the receipt day (a receipt
    during a break counts that day)."""

    opens: time
    closes: time
    breaks: tuple[tuple[time, time], ...] = ()

    def __post_init__(self) -> None:
        # Normalise lists to tuples so the value stays hashable. No range checks here:
        # stored settings are validated where they are edited (ppid_desk.workdays).
        breaks = tuple((start, end) for start, end in self.breaks)
        object.__setattr__(self, "breaks", breaks)


_MON_THU = DayHours(time(9, 0), time(14, 0), ((time(12, 0), time(13, 0)),))
_FRI = DayHours(time(9, 0), time(14, 0), ((time(11, 0), time(13, 0)),))

#: Seed 002 example: Mon-Thu 09.00-14.00 (break 12.00-13.00), Fri 09.00-14.00 (break
#: 11.00-13.00). Keyed by ``date.weekday()``. Treat as read-only; pass your own mapping.
DEFAULT_SERVICE_HOURS: dict[int, DayHours] = {0: _MON_THU, 1: _MON_THU, 2: _MON_THU, 3: _MON_THU, 4: _FRI}


class ReceiptTiming(StrEnum):
    """When, relative to service hours, something was received."""

    WITHIN_HOURS = "within_hours"
    BEFORE_OPENING = "before_opening"
    AFTER_CLOSING = "after_closing"
    DAY_OFF = "day_off"

    @property
    def label(self) -> str:
        """Indonesian label shown to users."""
        return _TIMING_LABELS[self]


_TIMING_LABELS: dict[ReceiptTiming, str] = {
    ReceiptTiming.WITHIN_HOURS: "dalam jam layanan",
    ReceiptTiming.BEFORE_OPENING: "sebelum jam layanan dibuka",
    ReceiptTiming.AFTER_CLOSING: "setelah jam layanan ditutup",
    ReceiptTiming.DAY_OFF: "pada hari libur",
}


def _fmt_day(d: date) -> str:
    """``Rabu, 18 Februari 2026``: explanations are read by officers and requesters."""
    return long_date(d)


def _fmt_skipped(skipped: Iterable[DayOff]) -> str:
    return "; ".join(f"{plain_date(off.day)}: {off.describe()}" for off in skipped)


@dataclass(frozen=True)
class Receipt:
    """The effective receipt day (day 0) of something received at ``received_at``."""

    received_at: datetime | date
    day: date
    timing: ReceiptTiming
    skipped: tuple[DayOff, ...]

    def explain(self) -> str:
        """Indonesian sentence saying how the effective receipt day was found."""
        if isinstance(self.received_at, datetime):
            received_day = self.received_at.date()
            at = f"{_fmt_day(received_day)} pukul {self.received_at:%H.%M}"
        else:
            received_day = self.received_at
            at = _fmt_day(received_day)
        if self.timing is ReceiptTiming.WITHIN_HOURS:
            return f"Diterima {at}; dihitung diterima hari itu juga (hari ke-0)."
        if self.timing is ReceiptTiming.BEFORE_OPENING:
            return f"Diterima {at}, sebelum jam layanan dibuka; dihitung diterima hari itu juga (hari ke-0)."
        if self.timing is ReceiptTiming.AFTER_CLOSING:
            why = "setelah jam layanan ditutup"
        else:
            why = "pada hari libur"
        text = (
            f"Diterima {at}, {why}; dihitung diterima pada hari kerja berikutnya, "
            f"{_fmt_day(self.day)} (hari ke-0)"
        )
        if self.skipped:
            text += f"; dilewati: {_fmt_skipped(self.skipped)}"
        return text + "."


@dataclass(frozen=True)
class Deadline:
    """The ``n``-th working day after ``start``, and the days off skipped on the way."""

    start: date
    n: int
    day: date
    skipped: tuple[DayOff, ...]

    def explain(self) -> str:
        """E.g. "Hari kerja ke-10 setelah 2026-03-17; dilewati: 2026-03-18 ... (cuti bersama), ..."."""
        if self.n == 0:
            return f"Hari ke-0: {_fmt_day(self.start)} (hari penerimaan itu sendiri)."
        head = f"Hari kerja ke-{self.n} setelah {_fmt_day(self.start)}"
        if self.skipped:
            return f"{head}; dilewati: {_fmt_skipped(self.skipped)}"
        return f"{head}; tidak ada hari libur yang dilewati."


@dataclass(frozen=True)
class DeadlineSet:
    """All deadlines of one request (or objection), counted from the same receipt."""

    receipt: Receipt
    completeness: Deadline
    response: Deadline
    extended: Deadline
    objection_answer: Deadline

    def skipped_until_extended(self) -> tuple[DayOff, ...]:
        """Every day off from the actual receipt date (inclusive) up to the extended date."""
        by_day: dict[date, DayOff] = {}
        for off in (*self.receipt.skipped, *self.extended.skipped):
            by_day.setdefault(off.day, off)
        return tuple(by_day[d] for d in sorted(by_day))


# The holiday_source hook may return plain names (national holidays) or DayOff values
# (their ``source`` says national or cuti bersama); the default source uses the package.
HolidaySource = Callable[[int], Mapping[date, "str | DayOff"]]


class _YearTable:
    """Precomputed day-off data of one year (all ordinals are ``date.toordinal()``)."""

    __slots__ = ("off", "off_ords", "off_list", "work_ords")

    def __init__(self, off: dict[int, DayOff], first: int, last: int) -> None:
        self.off = off
        self.off_ords = sorted(off)
        self.off_list = [off[o] for o in self.off_ords]
        self.work_ords = [o for o in range(first, last + 1) if o not in off]


def _check_year(year: int) -> None:
    if not isinstance(year, int) or not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"Tahun {year!r} di luar rentang yang didukung ({_MIN_YEAR}–{_MAX_YEAR}).")


def _out_of_range() -> ValueError:
    return ValueError("Tanggal hasil perhitungan melewati batas tanggal yang didukung (9999-12-31).")


class WorkingCalendar:
    """Working days, days off, effective receipt days and deadlines."""

    def __init__(
        self,
        overrides: Iterable[Override] = (),
        service_hours: Mapping[int, DayHours] | None = None,
        cuti_bersama_off: bool = True,
        holiday_source: HolidaySource | None = None,
    ) -> None:
        # Later rows win when the same day appears twice.
        self._overrides: dict[date, Override] = {}
        for override in overrides:
            self._overrides[override.day] = override
        hours = DEFAULT_SERVICE_HOURS if service_hours is None else service_hours
        self._hours: dict[int, DayHours] = dict(hours)
        self._cuti_bersama_off = bool(cuti_bersama_off)
        self._holiday_source = holiday_source
        self._raw: dict[int, tuple[dict[date, str], dict[date, str]]] = {}
        self._years: dict[int, _YearTable] = {}

    # ------------------------------------------------------------------ settings
    @property
    def overrides(self) -> tuple[Override, ...]:
        """The effective overrides (one per day), sorted by day."""
        return tuple(self._overrides[d] for d in sorted(self._overrides))

    @property
    def service_hours(self) -> Mapping[int, DayHours]:
        return dict(self._hours)

    @property
    def cuti_bersama_off(self) -> bool:
        return self._cuti_bersama_off

    # ------------------------------------------------------------------ holiday data
    def _holidays(self, year: int) -> tuple[dict[date, str], dict[date, str]]:
        """(national, cuti bersama) holidays of ``year`` as {date: name}."""
        cached = self._raw.get(year)
        if cached is not None:
            return cached
        national: dict[date, str] = {}
        cuti: dict[date, str] = {}
        if self._holiday_source is not None:
            for d, value in self._holiday_source(year).items():
                if d.year != year:
                    continue
                if isinstance(value, DayOff):
                    target = cuti if value.source is DayOffSource.CUTI_BERSAMA else national
                    target[d] = value.name
                else:
                    national[d] = str(value)
        elif _package_supports(year):
            for category, target in (("public", national), ("government", cuti)):
                table = _Indonesia(years=year, categories=(category,), language="id")
                for d, name in table.items():
                    if d.year == year:
                        target[d] = name
        self._raw[year] = (national, cuti)
        return national, cuti

    def _year(self, year: int) -> _YearTable:
        table = self._years.get(year)
        if table is not None:
            return table
        national, cuti = self._holidays(year)
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        off: dict[int, DayOff] = {}
        for o in range(first, last + 1):
            d = date.fromordinal(o)
            override = self._overrides.get(d)
            if override is not None:
                if override.kind is OverrideKind.CLOSED:
                    off[o] = DayOff(d, DayOffSource.OFFICE, override.reason.strip() or "Libur kantor")
                continue
            name = national.get(d)
            if name is not None:
                off[o] = DayOff(d, DayOffSource.NATIONAL, name)
                continue
            if self._cuti_bersama_off:
                name = cuti.get(d)
                if name is not None:
                    off[o] = DayOff(d, DayOffSource.CUTI_BERSAMA, name)
                    continue
            weekday = d.weekday()
            if weekday >= 5:
                off[o] = DayOff(d, DayOffSource.WEEKEND, WEEKDAY_NAMES[weekday])
        table = _YearTable(off, first, last)
        self._years[year] = table
        return table

    # ------------------------------------------------------------------ days off
    def day_off(self, d: date) -> DayOff | None:
        """The reason ``d`` is not a working day, or None on a working day."""
        if isinstance(d, datetime):
            d = d.date()
        return self._year(d.year).off.get(d.toordinal())

    def is_working_day(self, d: date) -> bool:
        return self.day_off(d) is None

    def days_off(self, year: int, include_weekends: bool = False) -> list[DayOff]:
        """Sorted days off of ``year``.

        Without ``include_weekends`` plain Saturdays and Sundays are left out, but a
        holiday or office closure on a weekend is still listed with its own source.
        """
        _check_year(year)
        offs = self._year(year).off_list
        if include_weekends:
            return list(offs)
        return [off for off in offs if off.source is not DayOffSource.WEEKEND]

    def year_warning(self, year: int) -> str | None:
        """Indonesian warning when the holiday data for ``year`` is missing or incomplete."""
        _check_year(year)
        national, cuti = self._holidays(year)
        if not national and not cuti:
            if self._holiday_source is None and not _package_supports(year):
                start, end = _package_years()
                where = f"paket holidays hanya mencakup tahun {start}–{end}"
            else:
                where = "sumber data tidak mengembalikan hari libur apa pun"
            return (
                f"Data hari libur nasional untuk tahun {year} tidak tersedia ({where}). "
                "Tenggat dihitung hanya dengan akhir pekan dan pengaturan libur kantor; "
                "tambahkan hari libur tahun itu sebagai libur kantor."
            )
        if self._cuti_bersama_off and not cuti:
            return (
                f"Cuti bersama tahun {year} belum ada dalam data hari libur (SKB mungkin "
                "belum terbit atau belum dimuat). Tenggat dihitung tanpa cuti bersama; "
                "tambahkan cuti bersama sebagai libur kantor setelah SKB terbit."
            )
        return None

    # ------------------------------------------------------------------ counting
    def _off_between(self, lo: int, hi: int) -> tuple[DayOff, ...]:
        """Days off with ordinal strictly between ``lo`` and ``hi``."""
        if hi - lo <= 1:
            return ()
        y_lo = date.fromordinal(lo).year
        y_hi = date.fromordinal(hi).year
        if y_lo == y_hi:
            t = self._year(y_lo)
            return tuple(t.off_list[bisect_right(t.off_ords, lo) : bisect_left(t.off_ords, hi)])
        result: list[DayOff] = []
        for y in range(y_lo, y_hi + 1):
            t = self._year(y)
            result.extend(t.off_list[bisect_right(t.off_ords, lo) : bisect_left(t.off_ords, hi)])
        return tuple(result)

    def _nth_working_ordinal(self, start: int, year: int, n: int) -> int:
        """Ordinal of the n-th (n >= 1) working day after ordinal ``start`` (in ``year``)."""
        table = self._year(year)
        work = table.work_ords
        i = bisect_right(work, start) + n - 1
        while i >= len(work):
            i -= len(work)
            year += 1
            if year > _MAX_YEAR:
                raise _out_of_range()
            work = self._year(year).work_ords
        return work[i]

    def add_working_days(self, start: date, n: int) -> Deadline:
        """The n-th working day after ``start`` (``start`` itself when n == 0)."""
        if isinstance(start, datetime):
            start = start.date()
        if isinstance(n, bool) or not isinstance(n, int):
            raise ValueError(f"Jumlah hari kerja harus bilangan bulat, bukan {n!r}.")
        if n < 0:
            raise ValueError(f"Jumlah hari kerja tidak boleh negatif ({n}).")
        if n == 0:
            return Deadline(start, 0, start, ())
        s = start.toordinal()
        target = self._nth_working_ordinal(s, start.year, n)
        return Deadline(start, n, date.fromordinal(target), self._off_between(s, target))

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days d with start < d <= end (0 when end <= start)."""
        if isinstance(start, datetime):
            start = start.date()
        if isinstance(end, datetime):
            end = end.date()
        if end <= start:
            return 0
        s = start.toordinal()
        e = end.toordinal()
        count = 0
        for y in range(start.year, end.year + 1):
            work = self._year(y).work_ords
            count += bisect_right(work, e) - bisect_right(work, s)
        return count

    # ------------------------------------------------------------------ receipts
    def effective_receipt(self, when: date | datetime) -> Receipt:
        """The effective receipt day (day 0) of something received at ``when``.

        A plain date means received within service hours. Aware datetimes are taken at
        their own wall-clock time (convert to the office's time zone first).
        """
        if isinstance(when, datetime):
            d = when.date()
            t: time | None = when.time()
        elif isinstance(when, date):
            d = when
            t = None
        else:
            raise TypeError(f"Waktu penerimaan harus berupa tanggal atau tanggal-jam, bukan {when!r}.")
        off = self.day_off(d)
        if off is not None:
            nxt = self.add_working_days(d, 1)
            return Receipt(when, nxt.day, ReceiptTiming.DAY_OFF, (off, *nxt.skipped))
        hours = self._hours.get(d.weekday()) if t is not None else None
        if hours is not None and t is not None:
            if t < hours.opens:
                return Receipt(when, d, ReceiptTiming.BEFORE_OPENING, ())
            if t >= hours.closes:
                nxt = self.add_working_days(d, 1)
                return Receipt(when, nxt.day, ReceiptTiming.AFTER_CLOSING, nxt.skipped)
        return Receipt(when, d, ReceiptTiming.WITHIN_HOURS, ())

    def deadlines(
        self,
        when: date | datetime,
        completeness_days: int = 2,
        response_days: int = 10,
        extension_days: int = 7,
        objection_days: int = 30,
    ) -> DeadlineSet:
        """All deadlines counted from the effective receipt day of ``when``."""
        for value in (completeness_days, response_days, extension_days, objection_days):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"Jumlah hari kerja harus bilangan bulat tidak negatif, bukan {value!r}.")
        receipt = self.effective_receipt(when)
        start = receipt.day
        return DeadlineSet(
            receipt=receipt,
            completeness=self.add_working_days(start, completeness_days),
            response=self.add_working_days(start, response_days),
            extended=self.add_working_days(start, response_days + extension_days),
            objection_answer=self.add_working_days(start, objection_days),
        )


def _package_years() -> tuple[int, int]:
    cls = _Indonesia
    return int(getattr(cls, "start_year", _MIN_YEAR)), int(getattr(cls, "end_year", _MAX_YEAR))


def _package_supports(year: int) -> bool:
    start, end = _package_years()
    return start <= year <= end
