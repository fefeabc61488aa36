"""An objection's events in readable Indonesian, for its detail page's timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ppid_desk.dates import long_date
from ppid_desk.objections.codes import Decision, EventKind, parse_grounds

from ..register.event_text import as_date, day_text, moment_text

FIELD_NAMES = {
    "answer_due": "Jawaban Atasan PPID",
    "dispute_window_due": "Batas mengajukan sengketa",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("objection_event_text", text)


def letters_text(grounds: Any) -> str:
    """``"a,c"`` -> ``"huruf a, c"`` (the Pasal 35 ayat 1 letters)."""
    letters = [g.value for g in parse_grounds(str(grounds or ""))]
    return tr("huruf {0}").format(", ".join(letters)) if letters else ""


def describe_objection_event(kind: str, data: dict[str, Any]) -> str:
    """One or a few sentences saying what the event recorded."""
    try:
        event = EventKind(kind)
    except ValueError:
        event = None
    parts: list[str] = []
    if event is EventKind.REGISTERED:
        parts.append(tr("Nomor {0}").format(data.get("number", "")))
        if data.get("received_at"):
            parts.append(tr("diterima {0}").format(moment_text(data["received_at"])))
        if data.get("request"):
            parts.append(tr("atas permohonan {0}").format(data["request"]))
        if data.get("grounds"):
            parts.append(tr("alasan Pasal 35 ayat (1) {0}").format(letters_text(data["grounds"])))
        if as_date(data.get("answer_due")):
            parts.append(tr("jawaban Atasan PPID paling lambat {0}").format(long_date(as_date(data["answer_due"]))))
        if data.get("late_filing"):
            parts.append(tr("diajukan lewat batas 30 hari kerja ({0})").format(day_text(data.get("filing_due"))))
    elif event is EventKind.FORWARDED:
        parts.append(tr("Catatan: {0}").format(data["note"]) if data.get("note") else "")
    elif event is EventKind.DECIDED:
        parts.extend(_decision_parts(data))
    elif event is EventKind.RESPONSE_HANDED_OVER:
        parts.append(tr("Diserahkan {0}").format(day_text(data.get("handed_on"))))
        parts.append(tr("batas mengajukan sengketa {0}").format(day_text(data.get("dispute_window_due"))))
    elif event is EventKind.ACCEPTED:
        parts.append(tr("Catatan: {0}").format(data["note"]) if data.get("note") else "")
    elif event is EventKind.DISPUTED:
        if data.get("note"):
            parts.append(tr("Catatan: {0}").format(data["note"]))
        parts.append(tr("batas mengajukan sengketa {0}").format(day_text(data.get("dispute_window_due"))))
        if data.get("late"):
            parts.append(tr("diajukan setelah batas itu"))
    elif event is EventKind.DISPUTE_REGISTERED:
        parts.append(tr("Nomor registrasi {0}").format(data.get("number", "")))
        if data.get("registered_on"):
            parts.append(tr("tanggal {0}").format(day_text(data["registered_on"])))
    elif event is EventKind.DISPUTE_OUTCOME:
        parts.append(" ".join(str(data.get("outcome", "")).split()))
    elif event is EventKind.WITHDRAWN:
        parts.append(tr("Alasan: {0}").format(data.get("reason") or tr("tidak disebutkan")))
    elif event is EventKind.DEADLINES_RECOMPUTED:
        parts.append(str(data.get("reason", "")))
        before, after = data.get("before") or {}, data.get("after") or {}
        parts.extend(f"{tr(FIELD_NAMES.get(k, k))}: {day_text(before.get(k))} \u2192 {day_text(after.get(k))}"
                     for k in after)
    elif event is None:
        parts.extend(f"{k}: {v}" for k, v in data.items())
    # Typed texts often end with a full stop; the sentence has one at its end only.
    text = "; ".join(p[:-1] if p.endswith(".") and not p.endswith("..") else p for p in parts if p)
    return text[:1].upper() + text[1:] + ("." if text else "")


def _decision_parts(data: dict[str, Any]) -> list[str]:
    try:
        parts = [Decision(data.get("decision", "")).label]
    except ValueError:
        parts = [str(data.get("decision", ""))]
    if data.get("reasons"):
        parts.append(tr("pertimbangan: {0}").format(" ".join(str(data["reasons"]).split())))
    if data.get("order_text"):
        parts.append(tr("perintah: {0}").format(" ".join(str(data["order_text"]).split())))
    who = ", ".join(str(x) for x in (data.get("atasan_name"), data.get("atasan_title")) if x)
    if data.get("decided_on"):
        parts.append(tr("diputuskan {0}").format(day_text(data["decided_on"])) + (f" ({who})" if who else ""))
    if data.get("request"):
        parts.append(tr("permohonan {0} dibuka kembali, pemberitahuan paling lambat {1}").format(
            data["request"], day_text(data.get("request_response_due"))))
    return parts
