"""Checking one register row: its cells read, checked and turned into an
:class:`~.plan.ImportRow`, or its problems added to the plan."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from ...errors import ValidationError
from ..codes import Channel, Decision, DeliveryMethod, ObtainMethod, RequesterKind
from ..nik import parse_nik
from ..numbering import format_number, sequence_of
from .cells import (
    CHANNELS, DECISION_CHOICES, DELIVERY, FORMS, KINDS, OBTAIN, Unknown, Unreadable, long_text, lookup, normalised,
    parse_cost, parse_date, parse_decision, parse_time, pasal17_letters, plain, quoted, split_contact,
)
from .headers import FIELD_NAMES, Header
from .plan import ImportPlan, ImportProblem, ImportRow

OLDEST_YEAR = 2008  # UU 14/2008; an earlier year is a typing error
LIMITS = {"number": 64, "name": 200, "nik": 16, "occupation": 100, "phone": 50, "email": 200, "holder_body": 200,
          "payment": 64}


class _RowCheck:
    """Collects the problems and warnings of one row."""

    def __init__(self, plan: ImportPlan, row: int, labels: dict[str, str]):
        self.plan, self.row, self.labels, self.bad = plan, row, labels, False

    def error(self, name: str, reason: str) -> None:
        self.bad = True
        self.plan.problems.append(ImportProblem(self.row, self.labels.get(name, FIELD_NAMES.get(name, name)), reason))

    def warn(self, name: str, reason: str) -> None:
        self.plan.warnings.append(ImportProblem(self.row, self.labels.get(name, FIELD_NAMES.get(name, name)), reason))


def _date_of(check: _RowCheck, name: str, value: Any, today: date, what: str) -> tuple[date, time | None] | None:
    try:
        parsed = parse_date(value)
    except Unreadable:
        check.error(name, f"{what} tidak terbaca: {quoted(value)} (tulis dd/mm/yyyy)")
        return None
    if parsed is None:
        return None
    if parsed[0] > today:
        check.error(name, f"{what} di masa depan: {parsed[0]:%d/%m/%Y}")
        return None
    if parsed[0].year < OLDEST_YEAR:
        check.error(name, f"{what} terlalu lama: {parsed[0]:%d/%m/%Y} (sebelum UU KIP {OLDEST_YEAR})")
        return None
    return parsed


def _check_nik(check: _RowCheck, value: Any, today: date) -> str | None:
    if value is None or plain(value) in ("", "-"):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = plain(value) if isinstance(value, int) or value.is_integer() else ""
        if len(digits) >= 15 or isinstance(value, float):
            check.warn("nik", "NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; NIK tidak "
                              "disimpan (format kolom sebagai Teks)")
            return None
        text = digits
    else:
        text = plain(value)
    nik = re.sub(r"[\s.'-]", "", text)
    if not re.fullmatch(r"[0-9]{16}", nik):
        check.warn("nik", f"NIK {quoted(value)} bukan 16 angka; NIK tidak disimpan")
        return None
    try:
        parse_nik(nik, today)
    except ValidationError as exc:
        check.warn("nik", f"{exc.message.rstrip('.')}; NIK disimpan apa adanya")
    return nik


def cell_at(row: tuple, columns: dict[str, tuple[int, str]], name: str) -> Any:
    spot = columns.get(name)
    if spot is None or spot[0] >= len(row):
        return None
    value = row[spot[0]]
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _optional(check: _RowCheck, table: dict[str, Any], value: Any, name: str, default: Any, what: str) -> Any:
    if value is None or plain(value) in ("", "-"):
        return default
    try:
        return lookup(table, value)
    except Unknown:
        check.warn(name, f"{what} {quoted(value)} tidak dikenal; dipakai \u201c{default.label}\u201d")
        return default


_NO_MARK = {"0", "tidak", "no", "false", "n"}  # "✓", "√", "v", "x", "ya", "1" all tick


def check_row(plan: ImportPlan, number_row: int, row: tuple, header: Header, labels: dict[str, str],
              today: date, pattern: str) -> ImportRow | None:
    columns = header.columns

    def cell(name: str) -> Any:
        value = cell_at(row, columns, name)
        if value is None and name in header.ticks:  # the ticked sub-column names the value
            for index, text in header.ticks[name]:
                mark = plain(row[index]) if index < len(row) else ""
                if mark and mark != "-" and normalised(mark) not in _NO_MARK:
                    return text
        return value

    check = _RowCheck(plan, number_row, labels)

    raw_number = cell("number")
    number = plain(raw_number)
    if not number:
        check.error("number", "nomor pendaftaran kosong")
    elif len(number) > LIMITS["number"]:
        check.error("number", f"nomor terlalu panjang (maksimal {LIMITS['number']} huruf)")

    received = cell("received")
    when = None
    if received is None:
        check.error("received", "tanggal permohonan kosong (sel gabungan? isi tanggal di setiap baris)")
    else:
        when = _date_of(check, "received", received, today, "tanggal permohonan")
    at: time | None = when[1] if when else None
    if when and cell("time") is not None:
        try:
            at = parse_time(cell("time")) or at
        except Unreadable:
            check.warn("time", f"jam {quoted(cell('time'))} tidak terbaca; jam diabaikan")

    name = plain(cell("name"))
    if not name:
        check.error("name", "nama pemohon kosong")
    information = long_text(cell("information"))
    if not information:
        check.error("information", "informasi yang diminta kosong")

    values: dict[str, str] = {}
    for key in ("name", "occupation", "holder_body"):
        values[key] = plain(cell(key))
    values["name"] = name
    for key in ("name", "occupation", "holder_body"):
        if len(values[key]) > LIMITS[key]:
            check.error(key, f"terlalu panjang (maksimal {LIMITS[key]} huruf)")

    contact_cells = [cell(key) for key in columns if key == "contact" or key.startswith("contact:")]
    phone, email = split_contact([v for v in contact_cells if v is not None])
    phone2, email2 = split_contact([cell("email")] if cell("email") is not None else [])
    phone = " / ".join(x for x in (phone, phone2) if x)
    email = ", ".join(x for x in (email, email2) if x)
    for key, text in (("phone", phone), ("email", email)):
        if len(text) > LIMITS[key]:
            check.error("contact" if "contact" in columns or key == "phone" else "email",
                        f"kontak terlalu panjang (maksimal {LIMITS[key]} huruf)")

    nik = _check_nik(check, cell("nik"), today)
    kind = _optional(check, KINDS, cell("kind"), "kind", RequesterKind.PERSON, "jenis pemohon")
    channel = _optional(check, CHANNELS, cell("channel"), "channel", Channel.WALK_IN, "saluran")
    obtain = _optional(check, OBTAIN, cell("obtain_method"), "obtain_method", ObtainMethod.SOFTCOPY,
                       "cara memperoleh informasi")
    delivery_method = _optional(check, DELIVERY, cell("delivery_method"), "delivery_method",
                                DeliveryMethod.PICK_UP, "cara mendapatkan salinan")
    form_value = cell("delivery_form")
    form = ""
    if form_value is not None and plain(form_value) not in ("", "-"):
        try:
            form = lookup(FORMS, form_value).value
        except Unknown:
            check.warn("delivery_form", f"bentuk informasi {quoted(form_value)} tidak dikenal; diabaikan")

    decision, decision_known = None, True
    try:
        decision = parse_decision(cell("decision"))
    except Unknown:
        decision_known = False
        check.error("decision", f"keputusan tidak dikenal: {quoted(cell('decision'))} (pilih: {DECISION_CHOICES})")
    reason = long_text(cell("reason"))
    letters = pasal17_letters(reason)
    if decision is Decision.REJECTED and not reason:
        check.error("reason", "permohonan ditolak tanpa alasan penolakan (sebutkan Pasal 17 huruf ... atau "
                              "undang-undang lain)")
    notes = [long_text(cell(key)) for key in columns if key == "note" or key.startswith("note:")]
    other_statute = ""
    withheld = decision in (Decision.REJECTED, Decision.GRANTED_PARTIAL)
    if not withheld:
        letters = []  # nothing was withheld: a reason is only a remark
        if reason:
            notes.insert(0, reason)
    elif reason and not letters:
        other_statute = reason

    notice = _date_of(check, "notice", cell("notice"), today, "tanggal pemberitahuan")
    delivered = _date_of(check, "delivered", cell("delivered"), today, "tanggal pemberian informasi")
    if decision is None and decision_known:
        if notice:
            check.error("notice", "tanggal pemberitahuan diisi tetapi keputusan kosong")
        if delivered:
            check.error("delivered", "tanggal pemberian informasi diisi tetapi keputusan kosong")
    if when and notice and notice[0] < when[0]:
        check.error("notice", f"tanggal pemberitahuan {notice[0]:%d/%m/%Y} sebelum tanggal permohonan "
                              f"{when[0]:%d/%m/%Y}")
    if when and delivered and delivered[0] < when[0]:
        check.error("delivered", f"tanggal pemberian informasi {delivered[0]:%d/%m/%Y} sebelum tanggal permohonan "
                                 f"{when[0]:%d/%m/%Y}")
    elif notice and delivered and delivered[0] < notice[0]:
        check.error("delivered", f"tanggal pemberian informasi {delivered[0]:%d/%m/%Y} sebelum tanggal "
                                 f"pemberitahuan {notice[0]:%d/%m/%Y}")

    cost, payment = None, ""
    if cell("cost") is not None:
        try:
            cost, payment = parse_cost(cell("cost"))
        except Unknown:
            check.warn("cost", f"biaya {quoted(cell('cost'))} tidak terbaca; diabaikan")
    if cell("payment") is not None:
        payment = plain(cell("payment"))
    if len(payment) > LIMITS["payment"]:
        payment = payment[:LIMITS["payment"]]

    if check.bad or when is None:
        return None
    received_at = datetime.combine(when[0], at or time(0))
    year = received_at.year
    original = number
    if re.fullmatch(r"[0-9]{1,9}", number):
        seq: int | None = int(number)
        number = format_number(pattern, seq, when[0]) if seq > 0 else number
        if seq <= 0:
            seq = None
    else:
        seq = sequence_of(pattern, number, year)
    return ImportRow(
        row=number_row, number=number, original_number=original, year=year, seq=seq, received_at=received_at,
        has_time=at is not None,
        requester=(RequesterKind(kind).value, name, nik, "", long_text(cell("address")), values["occupation"], phone,
                   email),
        information=information, purpose=long_text(cell("purpose")), channel=Channel(channel).value,
        obtain_method=ObtainMethod(obtain).value, delivery_method=DeliveryMethod(delivery_method).value,
        decision=decision, reason=reason, pasal17=",".join(letters), other_statute=other_statute,
        note="\n".join(n for n in notes if n), holder_body=values["holder_body"],
        notice_date=notice[0] if notice and decision else None,
        delivered_on=delivered[0] if delivered and decision else None,
        delivery_form=form, cost=cost, payment_method=payment,
    )
