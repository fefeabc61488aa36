"""A message's events in readable Indonesian, as the timeline of its detail page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ppid_desk.dates import clock, long_date, short_date
from ppid_desk.inbox.codes import EventKind
from ppid_desk.inbox.service import event_data, events_of

from ..register.event_text import as_date, day_text, moment_text
from ..register.timeline_model import TimelineModel

FIELD_NAMES = {
    "effective_day": "Dihitung dicatat",
    "response_due": "Batas jawaban",
    "extended_due": "Jika diperpanjang",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("inbox_event_text", text)


def _squashed(value: Any) -> str:
    return " ".join(str(value or "").split())


def describe_message_event(kind: str, data: dict[str, Any]) -> str:
    """One or a few sentences saying what the event recorded."""
    try:
        event = EventKind(kind)
    except ValueError:
        event = None
    parts: list[str] = []
    if event is EventKind.RECORDED:
        parts.append(tr("Nomor {0}").format(data.get("number", "")))
        if data.get("received_at"):
            parts.append(tr("masuk {0}").format(moment_text(data["received_at"])))
        if as_date(data.get("response_due")):
            parts.append(tr("dijawab paling lambat {0}").format(long_date(as_date(data["response_due"]))))
    elif event is EventKind.REVIEWED:
        parts.append(tr("Catatan: {0}").format(_squashed(data["note"])) if data.get("note") else "")
    elif event is EventKind.FORWARDED:
        parts.append(tr("Kepada {0}").format(data.get("unit", "")))
        if data.get("note"):
            parts.append(tr("catatan: {0}").format(_squashed(data["note"])))
    elif event is EventKind.EXTENDED:
        parts.append(tr("Alasan: {0}").format(_squashed(data.get("reason"))))
        if as_date(data.get("extended_due")):
            parts.append(tr("dijawab paling lambat {0}").format(long_date(as_date(data["extended_due"]))))
    elif event is EventKind.ANSWERED:
        parts.append(tr("Dijawab {0}").format(moment_text(data.get("answered_at", ""))))
        parts.append(tr("lewat batas waktu menjawab") if data.get("late") else tr("dalam batas waktu"))
    elif event is EventKind.CONVERTED:
        parts.append(tr("Dicatat sebagai permohonan {0}").format(data.get("request", "")))
    elif event is EventKind.DEADLINES_RECOMPUTED:
        parts.append(_squashed(data.get("reason")))
        before, after = data.get("before") or {}, data.get("after") or {}
        parts.extend(f"{tr(FIELD_NAMES.get(k, k))}: {day_text(before.get(k))} \u2192 {day_text(after.get(k))}"
                     for k in after if before.get(k) != after.get(k))
    elif event is None:
        parts.extend(f"{k}: {v}" for k, v in data.items())
    # Typed texts often end with a full stop; the sentence has one at its end only.
    text = "; ".join(p[:-1] if p.endswith(".") and not p.endswith("..") else p for p in parts if p)
    return text[:1].upper() + text[1:] + ("." if text else "")


class MessageTimelineModel(TimelineModel):
    def load(self, message_id: int | None) -> None:
        rows = []
        for event in events_of(message_id) if message_id else []:
            try:
                label = EventKind(event.kind).label
            except ValueError:
                label = event.kind
            when = f"{short_date(event.at.date())} {clock(event.at)}"
            rows.append((when, label, event.actor, describe_message_event(event.kind, event_data(event))))
        self.set_rows(rows)
