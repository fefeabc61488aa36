"""Keeping the DIP catalogue: adding, editing, retiring entries; linking requests to them.

Every change writes the entry and an append-only :class:`~ppid_desk.store.models.DipEvent`
in one transaction (``updated_at``/``updated_by`` on the row say who touched it last).
Entries are retired, never deleted: requests link to them. Linking a request to an entry
is an event of the request (``dikaitkan_dip``); :func:`likely_decision` is the decision
the link suggests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..errors import ValidationError
from ..register.codes import PASAL_17, Decision, EventKind
from ..register.service import DecisionInput, _event as request_event, get_request
from ..store.models import DipEntry, DipEvent, Request, Unit, database
from .codes import FIELD_NAMES, DipEventKind, InfoClass, pasal17_text
from .queries import get_entry, holder_text

# Longest text per field (the column sizes of migration 7; the summary is a TEXT column
# kept to what fits a DIP's table cell).
LIMITS = {"summary": 2000, "holder_name": 200, "official": 200, "made": 200, "format": 100, "retention": 100,
          "exclusion_period": 100, "decided_by": 200, "decision_number": 100, "other_statute": 1000,
          "consequence": 4000}

# The classification decision: only an excluded entry carries these.
DECISION_FIELDS = ("pasal17", "other_statute", "consequence", "exclusion_period", "decided_by", "decision_number",
                   "decision_date")


@dataclass
class DipInput:
    """An entry as the form (or an import row) gives it."""

    summary: str = ""
    info_class: InfoClass | str = InfoClass.ANY_TIME
    unit_id: int | None = None
    holder_name: str = ""  # the official/unit as written (an import that names no known unit)
    official: str = ""
    made: str = ""
    format: str = ""
    retention: str = ""
    pasal17: list[str] = field(default_factory=list)
    other_statute: str = ""
    consequence: str = ""
    exclusion_period: str = ""
    decided_by: str = ""
    decision_number: str = ""
    decision_date: date | None = None


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _long(text: str | None) -> str:
    """Text that may keep its line breaks (summary, consequence)."""
    lines = [_squash(line) for line in (text or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def letters_of(values: list[str] | str) -> list[str]:
    """Pasal 17 letters as stored: lower case, sorted, each once (``"h, b"`` -> ``["b", "h"]``)."""
    if isinstance(values, str):
        values = values.replace(";", ",").split(",")
    return sorted({v.strip().lower() for v in values if v and v.strip()})


def clean_values(data: DipInput) -> dict[str, object]:
    """The row values of ``data`` as stored (text squashed, letters sorted); unchecked."""
    try:
        info_class = InfoClass(data.info_class).value
    except ValueError:
        info_class = str(data.info_class)
    return {
        "summary": _long(data.summary), "info_class": info_class, "unit": data.unit_id or None,
        "holder_name": _squash(data.holder_name), "official": _squash(data.official), "made": _squash(data.made),
        "format": _squash(data.format), "retention": _squash(data.retention),
        "pasal17": ",".join(letters_of(data.pasal17)), "other_statute": _long(data.other_statute),
        "consequence": _long(data.consequence), "exclusion_period": _squash(data.exclusion_period),
        "decided_by": _squash(data.decided_by), "decision_number": _squash(data.decision_number),
        "decision_date": data.decision_date,
    }


def entry_problems(data: DipInput, today: date | None = None, unit_was: int | None = None) -> dict[str, str]:
    """Field -> Indonesian message for every problem of ``data`` (empty: fine).

    ``unit_was``: the entry's unit before an edit; keeping a unit that was retired since
    is allowed, choosing one is not.
    """
    today = today or date.today()
    values = clean_values(data)
    problems: dict[str, str] = {}
    if not values["summary"]:
        problems["summary"] = "Ringkasan isi informasi wajib diisi."
    for name, limit in LIMITS.items():
        if name not in problems and len(str(values[name])) > limit:
            problems[name] = f"{FIELD_NAMES[name]} terlalu panjang (maksimal {limit} huruf)."
    if values["unit"] is not None:
        unit = Unit.get_or_none(Unit.id == values["unit"])
        if unit is None:
            problems["holder"] = "Unit yang menguasai informasi tidak ditemukan."
        elif not unit.active and unit.id != unit_was:
            problems["holder"] = "Unit yang tidak aktif tidak dapat dipilih."
    elif not values["holder_name"]:
        problems["holder"] = "Pejabat/unit yang menguasai informasi wajib diisi."
    try:
        info_class = InfoClass(data.info_class)
    except ValueError:
        problems["info_class"] = "Klasifikasi informasi tidak dikenal (berkala, serta merta, setiap saat, dikecualikan)."
        return problems
    letters = letters_of(data.pasal17)
    if info_class is InfoClass.EXCLUDED:
        if any(x not in PASAL_17 for x in letters):
            problems["pasal17"] = "Huruf Pasal 17 UU KIP harus a sampai j."
        elif not letters:
            problems["pasal17"] = "Informasi yang dikecualikan harus menyebut huruf Pasal 17 UU KIP (a sampai j)."
        if not values["consequence"]:
            problems["consequence"] = "Informasi yang dikecualikan harus memuat hasil uji konsekuensi."
        if not values["decided_by"]:
            problems["decided_by"] = "Sebutkan PPID yang memutuskan pengecualian."
        if data.decision_date and data.decision_date > today:
            problems["decision_date"] = "Tanggal keputusan pengecualian tidak boleh di masa depan."
    else:
        for name in DECISION_FIELDS:
            if values[name]:
                problems[name] = (f"{FIELD_NAMES[name]} hanya diisi untuk informasi yang dikecualikan; kosongkan "
                                  f"atau pilih klasifikasi Dikecualikan.")
                break
    return problems


def _raise_first(problems: dict[str, str]) -> None:
    if problems:
        key = next(iter(problems))
        raise ValidationError(problems[key], key)


def _dip_event(entry_id: int, kind: DipEventKind, actor: Actor, at: datetime, **data: object) -> None:
    """Record a change of the entry and its audit entry (not inside :func:`audit.batch`: an
    import appends one entry for the whole file), in the caller's transaction."""
    text = json.dumps(data, default=str, ensure_ascii=False)
    event = DipEvent.create(entry=entry_id, kind=kind.value, at=at, actor=str(actor), data=text)
    audit.event_step(actor, "dip_entry", entry_id, "Entri DIP", kind, event.id, text, at)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _recorded(values: dict[str, object]) -> dict[str, object]:
    """Values as an event keeps them: the unit by id, empty ones left out."""
    kept = {("unit_id" if k == "unit" else k): v for k, v in values.items()}
    return {k: v for k, v in kept.items() if v not in ("", None)}


def add_entry(data: DipInput, actor: Actor, now: datetime | None = None) -> DipEntry:
    """A new entry of the catalogue."""
    require(actor, Permission.EDIT_DIP)
    now = _now(now)
    _raise_first(entry_problems(data, now.date()))
    values = clean_values(data)
    with database.atomic():
        entry = DipEntry.create(**values, created_at=now, created_by=str(actor), updated_at=now,
                                 updated_by=str(actor))
        _dip_event(entry.id, DipEventKind.ADDED, actor, now, **_recorded(values))
    return entry


def input_of(entry: DipEntry) -> DipInput:
    """An entry as the form edits it."""
    return DipInput(
        summary=entry.summary, info_class=InfoClass(entry.info_class), unit_id=entry.unit_id,
        holder_name=entry.holder_name, official=entry.official, made=entry.made, format=entry.format,
        retention=entry.retention, pasal17=letters_of(entry.pasal17), other_statute=entry.other_statute,
        consequence=entry.consequence, exclusion_period=entry.exclusion_period, decided_by=entry.decided_by,
        decision_number=entry.decision_number, decision_date=entry.decision_date,
    )


def edit_entry(entry_id: int, data: DipInput, actor: Actor, reason: str = "",
               now: datetime | None = None) -> DipEntry:
    """Change an entry; the event keeps the old and new values of what changed. Nothing
    changed: the entry is returned as it was, without an event."""
    require(actor, Permission.EDIT_DIP)
    now = _now(now)
    with database.atomic():
        entry = get_entry(entry_id)
        _raise_first(entry_problems(data, now.date(), unit_was=entry.unit_id))
        values = clean_values(data)
        before, after = {}, {}
        for name, value in values.items():
            old = getattr(entry, "unit_id" if name == "unit" else name)
            if old != value:
                key = "unit_id" if name == "unit" else name
                before[key], after[key] = old, value
                setattr(entry, name, value)
        if not after:
            return entry
        entry.updated_at, entry.updated_by = now, str(actor)
        entry.save()
        _dip_event(entry.id, DipEventKind.EDITED, actor, now, reason=_squash(reason), before=before, after=after)
    return entry


def retire_entry(entry_id: int, reason: str, actor: Actor, now: datetime | None = None) -> DipEntry:
    """Take an entry out of the published DIP; requests linked to it keep their link."""
    require(actor, Permission.EDIT_DIP)
    now = _now(now)
    if not _squash(reason):
        raise ValidationError("Alasan menonaktifkan entri DIP wajib diisi.", "reason")
    with database.atomic():
        entry = get_entry(entry_id)
        if not entry.active:
            raise ValidationError("Entri DIP ini sudah nonaktif.")
        entry.active = False
        entry.updated_at, entry.updated_by = now, str(actor)
        entry.save()
        _dip_event(entry.id, DipEventKind.RETIRED, actor, now, reason=_squash(reason))
    return entry


def reactivate_entry(entry_id: int, actor: Actor, now: datetime | None = None) -> DipEntry:
    require(actor, Permission.EDIT_DIP)
    now = _now(now)
    with database.atomic():
        entry = get_entry(entry_id)
        if entry.active:
            raise ValidationError("Entri DIP ini masih aktif.")
        entry.active = True
        entry.updated_at, entry.updated_by = now, str(actor)
        entry.save()
        _dip_event(entry.id, DipEventKind.REACTIVATED, actor, now)
    return entry


# --- requests and the DIP ---------------------------------------------------------------

def link_data(entry: DipEntry) -> dict[str, object]:
    data: dict[str, object] = {"entry": entry.id, "summary": entry.summary, "info_class": entry.info_class,
                               "holder": holder_text(entry)}
    if entry.pasal17:
        data["pasal17"] = entry.pasal17
    return data


def link_request(request_id: int, entry_id: int, actor: Actor, now: datetime | None = None) -> Request:
    """Link a request to the DIP entry that holds what it asks for (an event of the request).

    Any request may be linked, also a decided or closed one (reports count fulfilment
    time per class); a retired entry cannot be chosen any more.
    """
    require(actor, Permission.LINK_DIP)
    now = _now(now)
    with database.atomic():
        row = get_request(request_id)
        entry = get_entry(entry_id)
        if row.dip_entry_id == entry.id:
            raise ValidationError("Permohonan ini sudah dikaitkan dengan entri DIP tersebut.", "dip_entry")
        if not entry.active:
            raise ValidationError("Entri DIP ini sudah nonaktif; pilih entri yang berlaku.", "dip_entry")
        data = link_data(entry)
        if row.dip_entry_id:
            data["before"] = link_data(get_entry(row.dip_entry_id))
        row.dip_entry = entry.id
        row.save()
        request_event(row, EventKind.DIP_LINKED, actor, now, **data)
    return row


def register_linked(register: Callable[[], Request], entry_id: int | None, actor: Actor,
                    now: datetime | None = None) -> Request:
    """Register a request with ``register()`` and link it to DIP entry ``entry_id`` in one
    transaction (the intake form's suggestion the officer chose). A link that is refused
    (the entry was retired meanwhile) registers nothing: the ValidationError names the
    field ``dip_entry``. ``entry_id`` None: only ``register()``."""
    if entry_id is not None:
        require(actor, Permission.LINK_DIP)
    with database.atomic():
        row = register()
        if entry_id is not None:
            row = link_request(row.id, entry_id, actor, now)
    return row


def unlink_request(request_id: int, reason: str, actor: Actor, now: datetime | None = None) -> Request:
    """Remove a request's link to the DIP (a wrong choice); the event keeps what it was."""
    require(actor, Permission.LINK_DIP)
    now = _now(now)
    if not _squash(reason):
        raise ValidationError("Alasan melepas kaitan DIP wajib diisi.", "reason")
    with database.atomic():
        row = get_request(request_id)
        if not row.dip_entry_id:
            raise ValidationError("Permohonan ini belum dikaitkan dengan entri DIP.", "dip_entry")
        before = link_data(get_entry(row.dip_entry_id))
        row.dip_entry = None
        row.save()
        request_event(row, EventKind.DIP_UNLINKED, actor, now, reason=_squash(reason), before=before)
    return row


def likely_decision(entry: DipEntry | int) -> DecisionInput:
    """The decision a request for ``entry``'s information is likely to get, to prefill the
    decision form: an excluded entry -> rejected, with the entry's Pasal 17 letters, other
    statute and consequence test; an open entry (berkala, serta merta, setiap saat) ->
    granted in full. The PPID still decides (a part may be blacked out, the exclusion
    period may have ended)."""
    if not isinstance(entry, DipEntry):
        entry = get_entry(entry)
    if InfoClass(entry.info_class) is not InfoClass.EXCLUDED:
        return DecisionInput(Decision.GRANTED_FULL)
    parts = [f"Informasi yang dikecualikan menurut Daftar Informasi Publik ({pasal17_text(entry.pasal17)} UU KIP)"]
    if entry.decision_number:
        dated = f" tanggal {entry.decision_date:%d-%m-%Y}" if entry.decision_date else ""
        parts.append(f"penetapan pengecualian Nomor {entry.decision_number}{dated}")
    if entry.exclusion_period:
        parts.append(f"jangka waktu pengecualian {entry.exclusion_period}")
    return DecisionInput(Decision.REJECTED, note="; ".join(parts), pasal17=letters_of(entry.pasal17),
                         other_statute=entry.other_statute, consequence_test=entry.consequence)

