"""A DIP entry's history in readable Indonesian, as the timeline of its detail page."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from ppid_desk.dates import clock, short_date
from ppid_desk.dip.codes import FIELD_NAMES, DipEventKind, InfoClass, pasal17_text
from ppid_desk.dip.queries import event_data, events_of
from ppid_desk.store.models import Unit

from ..register.timeline_model import TimelineModel

VALUE_CHARS = 90  # an edited text in the history; the whole of it is in the entry


def tr(text: str) -> str:
    return QCoreApplication.translate("dip_history", text)


def _short(text: str) -> str:
    squashed = " ".join(str(text).split())
    return squashed if len(squashed) <= VALUE_CHARS else squashed[:VALUE_CHARS - 1] + "\u2026"


def value_text(name: str, value: Any) -> str:
    """One recorded value in words: a unit by its name, a class by its label, letters as Pasal 17."""
    if value in (None, ""):
        return "\u2014"
    if name == "unit_id":
        unit = Unit.get_or_none(Unit.id == value)
        return unit.name if unit is not None else tr("unit #{0}").format(value)
    if name == "info_class":
        try:
            return InfoClass(value).label
        except ValueError:
            return str(value)
    if name == "pasal17":
        return pasal17_text(str(value)) or "\u2014"
    if name == "decision_date":
        try:
            return short_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return f"\u201c{_short(value)}\u201d"


def describe_dip_event(kind: str, data: dict[str, Any]) -> str:
    """One or a few sentences saying what the event recorded."""
    try:
        event = DipEventKind(kind)
    except ValueError:
        event = None
    parts: list[str] = []
    if event is DipEventKind.ADDED:
        parts.append(value_text("info_class", data.get("info_class")))
        if data.get("pasal17"):
            parts.append(value_text("pasal17", data["pasal17"]))
        holder = [value_text("unit_id", data["unit_id"])] if data.get("unit_id") else []
        if data.get("holder_name"):
            holder.insert(0, str(data["holder_name"]))
        if holder:
            parts.append(tr("dikuasai {0}").format(", ".join(holder)))
    elif event is DipEventKind.EDITED:
        if data.get("reason"):
            parts.append(tr("Alasan: {0}").format(data["reason"]))
        before, after = data.get("before") or {}, data.get("after") or {}
        for name in after:
            caption = FIELD_NAMES.get(name, name)
            if name == "unit_id":
                caption = tr("Unit yang menguasai")
            parts.append(f"{caption}: {value_text(name, before.get(name))} \u2192 {value_text(name, after.get(name))}")
    elif event is DipEventKind.RETIRED:
        parts.append(tr("Alasan: {0}").format(data.get("reason", "")))
    elif event is DipEventKind.IMPORTED:
        where = [tr("berkas {0}").format(data["file"])] if data.get("file") else []
        if data.get("sheet"):
            where.append(tr("lembar \u201c{0}\u201d").format(data["sheet"]))
        if data.get("row"):
            where.append(tr("baris {0}").format(data["row"]))
        if where:
            parts.append(tr("Dari {0}").format(", ".join(where)))
    elif event is None:
        parts.extend(f"{k}: {v}" for k, v in data.items())
    text = "; ".join(p for p in parts if p)
    return text[:1].upper() + text[1:] + ("." if text and not text.endswith(".") else "")


class DipHistoryModel(TimelineModel):
    def load(self, entry_id: int | None) -> None:  # type: ignore[override] - an entry, not a request
        rows = []
        for event in events_of(entry_id) if entry_id else []:
            try:
                label = DipEventKind(event.kind).label
            except ValueError:
                label = event.kind
            when = f"{short_date(event.at.date())} {clock(event.at)}"
            rows.append((when, label, event.actor, describe_dip_event(event.kind, event_data(event))))
        self.set_rows(rows)
