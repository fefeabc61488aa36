"""The annual report's own sheet (**Laporan Tahunan**), in the order of Perki 1/2021's
annual public-information service report:

I. the service policy; II. how the service ran (A facilities, B staff, C budget);
III. the service figures; IV. objections and disputes; V. obstacles; VI. recommendations
and follow-up.

The texts of I, II, V and VI are the office's own (settings ``annual_*``, edited on the
Laporan page and kept, so each year starts from last year's wording). Where the office
has written nothing yet, :func:`proposed_texts` drafts one from the settings and the
register (officials, service hours, channels, officers, late notices) for the office to
correct; III and IV are always the figures of the year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

from ppid_desk.calendar import WEEKDAY_NAMES
from ppid_desk.accounts.officer import Actor, require
from ppid_desk.accounts.roles import Permission
from ppid_desk.office import OfficeSettings, load_office, store_office
from ppid_desk.register.codes import Channel, EventKind
from ppid_desk.store.models import Request, RequestEvent
from ppid_desk.workdays import hours_text, load_calendar, load_service_hours

from .periods import period_bounds

if TYPE_CHECKING:
    from openpyxl import Workbook

SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("annual_policy", "I", "Gambaran umum kebijakan pelayanan informasi publik"),
    ("annual_facilities", "II.A", "Sarana dan prasarana pelayanan informasi publik"),
    ("annual_staff", "II.B", "Sumber daya manusia yang melaksanakan pelayanan informasi publik"),
    ("annual_budget", "II.C", "Anggaran pelayanan informasi publik"),
    ("annual_obstacles", "V", "Kendala internal dan eksternal dalam pelaksanaan layanan informasi publik"),
    ("annual_recommendations", "VI", "Rekomendasi dan rencana tindak lanjut untuk meningkatkan kualitas "
                                     "pelayanan informasi"),
)
"""(settings key, section number, heading) of the texts the office writes."""

TO_COMPLETE = "(diisi oleh kantor)"


def _officers(year: int) -> list[str]:
    first, last = period_bounds(*_year_bounds(year))
    query = (RequestEvent.select(RequestEvent.actor).distinct()
             .where((RequestEvent.kind == EventKind.REGISTERED.value) & (RequestEvent.at >= first)
                    & (RequestEvent.at <= last) & (RequestEvent.actor != "") & ~RequestEvent.imported))
    return sorted(actor for (actor,) in query.tuples())


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _channels(year: int) -> list[str]:
    first, last = period_bounds(*_year_bounds(year))
    used = {c for (c,) in Request.select(Request.channel).distinct()
            .where((Request.received_at >= first) & (Request.received_at <= last)).tuples()}
    return [c.label for c in Channel if c.value in used]


def _late_notices(year: int) -> int:
    """Requests received in ``year`` whose written notice came after its deadline."""
    from .periodic import Period, request_lines  # periodic builds on this module

    lines = request_lines(Period.ending("annual", date(year, 12, 31)), load_calendar())
    return sum(1 for line in lines if line.on_time is False)


def proposed_texts(year: int, office: OfficeSettings | None = None, late: int | None = None) -> dict[str, str]:
    """A first draft of each office text, from the settings and the year's register
    (``late``: the late notices, counted here when not given)."""
    office = office or load_office()
    late = _late_notices(year) if late is None else late
    agency = office.agency_name or "badan publik ini"
    ppid = ", ".join(x for x in (office.ppid_name, office.ppid_title) if x) or "PPID"
    atasan = ", ".join(x for x in (office.atasan_name, office.atasan_title) if x) or "Atasan PPID"
    policy = (f"Pelayanan informasi publik di {agency} dilaksanakan oleh PPID ({ppid}) di bawah {atasan} "
              "berdasarkan UU 14/2008 tentang Keterbukaan Informasi Publik dan Perki 1/2021. Permohonan "
              "dijawab dengan pemberitahuan tertulis paling lambat 10 hari kerja sejak diterima dan dapat "
              "diperpanjang paling lama 7 hari kerja; kekurangan persyaratan dilengkapi paling lama "
              f"{office.completeness_days} hari kerja.")
    hours = load_service_hours()
    days = "; ".join(f"{WEEKDAY_NAMES[d]} {hours_text(h)}" for d, h in sorted(hours.items()))
    contacts = [f"{label} {value}" for label, value in (("alamat", office.address), ("telepon", office.phone),
                                                         ("faksimili", office.fax), ("email", office.email),
                                                         ("laman", office.website)) if value]
    channels = _channels(year)
    facilities = "Meja layanan informasi" + (f" ({', '.join(contacts)})" if contacts else "") + "."
    if days:
        facilities += f" Jam layanan: {days} {office.timezone}."
    if channels:
        facilities += f" Saluran permohonan yang dipakai tahun {year}: {', '.join(channels)}."
    officers = _officers(year)
    staff = f"PPID: {ppid}; Atasan PPID: {atasan}."
    if officers:
        staff += f" Petugas yang mencatat permohonan tahun {year}: {len(officers)} orang ({', '.join(officers)})."
    obstacles = TO_COMPLETE
    if late:
        obstacles = (f"{late} permohonan dijawab melewati batas waktu tahun {year}. " + TO_COMPLETE)
    return {"annual_policy": policy, "annual_facilities": facilities, "annual_staff": staff,
            "annual_budget": TO_COMPLETE, "annual_obstacles": obstacles, "annual_recommendations": TO_COMPLETE}


def section_texts(year: int, office: OfficeSettings | None = None, late: int | None = None) -> dict[str, str]:
    """The texts the report prints: the office's own, else the proposed draft."""
    office = office or load_office()
    proposed = proposed_texts(year, office, late)
    stored = asdict(office)
    return {key: (stored[key].strip() or proposed[key]) for key, _, _ in SECTIONS}


def save_texts(texts: Mapping[str, str], actor: Actor = "") -> OfficeSettings:
    """Keep the office's texts (only the ``annual_*`` keys) for this and next year's report.
    Part of making the report (``make_report``), not of the office settings."""
    require(actor, Permission.MAKE_REPORT)
    office = load_office()
    known = {key for key, _, _ in SECTIONS}
    unknown = set(texts) - known
    if unknown:
        raise KeyError(f"not an annual report text: {sorted(unknown)}")
    values = {**asdict(office), **{k: v.strip() for k, v in texts.items()}}
    return store_office(OfficeSettings(**values), False, actor, what="Teks laporan tahunan",
                        action="report.annual_texts")


def add_annual_sheet(wb: Workbook, year: int, figures: Mapping[str, object], tables: Mapping[str, Mapping[str, int]],
                     objections: Mapping[str, int], late: int, paper: str) -> None:
    """The Laporan Tahunan sheet: the office's texts around the year's figures (written by
    :mod:`.annual_sheet`, which loads openpyxl; the texts above do not need it)."""
    from .annual_sheet import write_annual_sheet

    office = load_office()
    write_annual_sheet(wb, year, office, section_texts(year, office, late), figures, tables, objections, paper)


__all__ = ["SECTIONS", "TO_COMPLETE", "add_annual_sheet", "proposed_texts", "save_texts", "section_texts"]
