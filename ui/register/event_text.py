"""A request's events in readable Indonesian, for the detail page's timeline."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from ppid_desk.dates import long_date, short_date
from ppid_desk.dip.codes import InfoClass
from ppid_desk.register.attachments import AttachmentKind, size_text
from ppid_desk.register.codes import PASAL_17, Decision, DeliveryForm, EventKind

from ..session import masker

FIELD_NAMES = {
    "information": "Informasi yang diminta",
    "purpose": "Tujuan penggunaan",
    "obtain_method": "Cara memperoleh",
    "delivery_method": "Cara mendapatkan salinan",
    "proxy_name": "Nama kuasa",
    "proxy_letter": "Surat kuasa",
    "requester.name": "Nama pemohon",
    "requester.nik": "NIK",
    "requester.legal_number": "Nomor SK/akta",
    "requester.address": "Alamat",
    "requester.occupation": "Pekerjaan",
    "requester.phone": "Telepon",
    "requester.email": "Email",
    "completeness_due": "Batas melengkapi",
    "response_due": "Pemberitahuan tertulis",
    "extended_due": "Jika diperpanjang",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("event_text", text)


def as_date(value: Any) -> date | None:
    """A date from the ISO text an event stores (date or date-time), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def day_text(value: Any) -> str:
    day = as_date(value)
    return short_date(day) if day else str(value or "")


def moment_text(value: Any) -> str:
    """``"2026-09-26 09:07:00"`` -> ``"26-09-2026 09.07"``."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{short_date(moment.date())} {moment:%H.%M}"


def rupiah(amount: int | None) -> str:
    return "Rp " + f"{int(amount or 0):,}".replace(",", ".")


def _value(value: Any) -> str:
    day = as_date(value) if isinstance(value, str) and len(value) == 10 else None
    if day:
        return short_date(day)
    text = " ".join(str(value if value is not None else "").split())
    return f"\u201c{text}\u201d" if text else tr("(kosong)")


def describe_event(kind: str, data: dict[str, Any]) -> str:
    """One or a few sentences saying what the event recorded."""
    try:
        event = EventKind(kind)
    except ValueError:
        event = None
    parts: list[str] = []
    if event is EventKind.REGISTERED:
        parts.append(tr("Nomor {0}").format(data.get("number", "")))
        received = data.get("received_at")
        if received:
            parts.append(tr("diterima {0}").format(moment_text(received)))
        if data.get("effective_day"):
            parts.append(tr("dihitung diterima {0}").format(long_date(as_date(data["effective_day"]))))
        if data.get("response_due"):
            parts.append(tr("pemberitahuan paling lambat {0}").format(long_date(as_date(data["response_due"]))))
    elif event is EventKind.INCOMPLETE:
        parts.append(tr("Yang belum lengkap: {0}").format(data.get("missing", "")))
        if data.get("due"):
            parts.append(tr("batas melengkapi {0}").format(day_text(data["due"])))
    elif event is EventKind.COMPLETED:
        parts.append(tr("Dihitung diterima {0}").format(day_text(data.get("effective_day"))))
        parts.append(tr("pemberitahuan paling lambat {0}").format(day_text(data.get("response_due"))))
    elif event is EventKind.LAPSED:
        parts.append(tr("Batas melengkapi {0} terlewati").format(day_text(data.get("completeness_due"))))
    elif event is EventKind.ROUTED:
        parts.append(tr("Ke {0}").format(", ".join(data.get("units") or [])))
        if data.get("note"):
            parts.append(tr("catatan: {0}").format(data["note"]))
        if data.get("internal_due"):
            parts.append(tr("tenggat internal {0}").format(day_text(data["internal_due"])))
    elif event is EventKind.EXTENDED:
        parts.append(tr("{0} hari kerja; alasan: {1}").format(data.get("days", 7), data.get("reason", "")))
        parts.append(tr("tenggat baru {0}").format(day_text(data.get("new_due"))))
    elif event is EventKind.DECIDED:
        parts.extend(_decision_parts(data))
    elif event is EventKind.DELIVERED:
        parts.extend(_delivery_parts(data))
    elif event is EventKind.ATTACHED:
        parts.extend(_attachment_parts(data))
    elif event is EventKind.WITHDRAWN:
        parts.append(tr("Alasan: {0}").format(data.get("reason") or tr("tidak disebutkan")))
    elif event is EventKind.CORRECTED:
        parts.append(tr("Alasan: {0}").format(data.get("reason", "")))
        parts.extend(_changes(data.get("before") or {}, data.get("after") or {}))
    elif event is EventKind.REOPENED:
        parts.extend(_reopened_parts(data))
    elif event is EventKind.DIP_LINKED:
        parts.extend(_dip_parts(data))
        before = data.get("before") or {}
        if before.get("summary"):
            parts.append(tr("sebelumnya: \u201c{0}\u201d").format(before["summary"]))
    elif event is EventKind.DIP_UNLINKED:
        parts.extend(_dip_parts(data.get("before") or {}))
        parts.append(tr("alasan: {0}").format(data.get("reason", "")))
    elif event is EventKind.DEADLINES_RECOMPUTED:
        parts.append(str(data.get("reason", "")))
        parts.extend(_changes(data.get("before") or {}, data.get("after") or {}))
    else:
        parts.extend(f"{FIELD_NAMES.get(k, k)}: {_value(v)}" for k, v in data.items())
    return "; ".join(p for p in parts if p) + ("." if parts else "")


def _decision_parts(data: dict[str, Any]) -> list[str]:
    parts = []
    try:
        parts.append(Decision(data.get("decision", "")).label)
    except ValueError:
        parts.append(str(data.get("decision", "")))
    letters = data.get("pasal17") or []
    if isinstance(letters, str):  # stored as "a,h" since the decision event keeps the row's values
        letters = [x for x in letters.split(",") if x.strip()]
    if letters:
        parts.append(tr("Pasal 17 huruf {0} UU KIP").format(", ".join(sorted(letters))))
    if data.get("other_statute"):
        parts.append(tr("undang-undang lain: {0}").format(data["other_statute"]))
    if data.get("consequence_test"):
        parts.append(tr("uji konsekuensi: {0}").format(data["consequence_test"]))
    if data.get("holder_body"):
        parts.append(tr("dikuasai oleh {0}").format(data["holder_body"]))
    if data.get("note"):
        parts.append(tr("catatan: {0}").format(data["note"]))
    if data.get("notice_date"):
        parts.append(tr("pemberitahuan tertulis {0}").format(day_text(data["notice_date"])))
    return parts


def _dip_parts(data: dict[str, Any]) -> list[str]:
    """A DIP entry as a link event keeps it: its summary, class, Pasal 17 letters and holder."""
    parts = []
    if data.get("summary"):
        parts.append(tr("Entri DIP \u201c{0}\u201d").format(" ".join(str(data["summary"]).split())))
    try:
        parts.append(tr("informasi {0}").format(InfoClass(data.get("info_class", "")).label.lower()))
    except ValueError:
        pass
    letters = [x for x in str(data.get("pasal17") or "").split(",") if x.strip()]
    if letters:
        parts.append(tr("Pasal 17 huruf {0} UU KIP").format(", ".join(letters)))
    if data.get("holder"):
        parts.append(tr("dikuasai {0}").format(data["holder"]))
    return parts


def _reopened_parts(data: dict[str, Any]) -> list[str]:
    """The Atasan PPID's order on an objection: what to give, by when, what it set aside."""
    parts = [tr("Atas keberatan {0}").format(data.get("objection", ""))]
    if data.get("order"):
        parts.append(tr("perintah: {0}").format(" ".join(str(data["order"]).split()).rstrip(".")))
    if data.get("ordered_on"):
        parts.append(tr("diputuskan {0}").format(day_text(data["ordered_on"])))
    if data.get("response_due"):
        parts.append(tr("pemberitahuan paling lambat {0} ({1} hari kerja)").format(
            day_text(data["response_due"]), data.get("days", "")))
    before = data.get("before") or {}
    try:
        earlier = Decision(before.get("decision", "")).label.lower()
    except ValueError:
        earlier = ""
    if earlier:
        parts.append(tr("keputusan sebelumnya ({0}) tetap tercatat di riwayat").format(earlier))
    return parts


def _delivery_parts(data: dict[str, Any]) -> list[str]:
    parts = []
    try:
        parts.append(DeliveryForm(data.get("form", "")).label)
    except ValueError:
        parts.append(str(data.get("form", "")))
    if data.get("pages"):
        parts.append(tr("{0} halaman").format(data["pages"]))
    if data.get("cost"):
        parts.append(tr("biaya {0} ({1})").format(rupiah(data["cost"]), data.get("payment_method", "")))
    else:
        parts.append(tr("tanpa biaya"))
    if data.get("delivered_on"):
        parts.append(tr("diserahkan {0}").format(day_text(data["delivered_on"])))
    return parts


def _attachment_parts(data: dict[str, Any]) -> list[str]:
    try:
        kind = AttachmentKind(data.get("kind", "")).label
    except ValueError:
        kind = str(data.get("kind", ""))
    parts = [f"{kind}: {data.get('filename', '')}"]
    if data.get("size"):
        parts.append(size_text(int(data["size"])))
    if data.get("sha256"):
        parts.append(tr("SHA-256 {0}\u2026").format(str(data["sha256"])[:12]))
    return parts


# Corrected fields shown masked to officers who may not see personal data (ui/session.py).
MASKED_FIELDS = {"requester.nik": "nik", "requester.phone": "phone", "requester.email": "email"}


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    mask = masker()

    def shown(key: str, value: Any) -> str:
        kind = MASKED_FIELDS.get(key)
        return _value(getattr(mask, kind)(str(value)) if kind and value else value)
    return [f"{FIELD_NAMES.get(k, k)}: {shown(k, before.get(k))} \u2192 {shown(k, after.get(k))}" for k in after]


def pasal17_text(letters: str) -> str:
    """``"a,h"`` -> ``"huruf a (menghambat ...), huruf h (...)"``."""
    return "; ".join(f"huruf {x} ({PASAL_17.get(x, '')})" for x in letters.split(",") if x)
