"""Issuing the documents of an objection, as :mod:`.issuing` issues a request's.

``produce_objection`` issues the document (a new number, the PDF stored with its
SHA-256 in ``issued_document``, owned by the objection), or, when the same kind was
issued from the same objection data before, returns the stored PDF marked SALINAN.

Numbers: the receipt (the filled objection form) carries the objection's registration
number, ``<number> (perbaikan N)`` when reissued after a correction; the response
letter (tanggapan atas keberatan) takes the next number of the office's
``objection_response_number_pattern``, dated the day the Atasan PPID decided; the
response receipt carries ``<number>/TT``.

Paper: the office's letter paper (A4 or F4) for all three; the filled objection form
does not fit A5 as the request's receipt does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from ppid_desk.accounts.officer import Actor
from ppid_desk.errors import ValidationError
from ppid_desk.objections.service import find_by_number
from ppid_desk.office import OfficeSettings, load_office, logo_bytes
from ppid_desk.store.models import IssuedDocument, Objection
from ppid_desk.workdays import load_calendar

from .documents.objection_sources import ObjectionSource, build_objection_source
from .issuing import (
    IssuedDocumentInfo, IssuedPdf, choose_paper, issue_or_reprint, issued_pdf, next_letter_number, unused_number,
)


class ObjectionDocumentKind(StrEnum):
    """The documents of an objection; the values are the CLI's KIND words."""

    RECEIPT = "objection-receipt"
    RESPONSE = "objection-response"
    RESPONSE_RECEIPT = "objection-response-receipt"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ObjectionDocumentKind.RECEIPT: "Tanda bukti penerimaan keberatan",
    ObjectionDocumentKind.RESPONSE: "Tanggapan atas keberatan",
    ObjectionDocumentKind.RESPONSE_RECEIPT: "Tanda terima tanggapan",
}
RESPONSE_SERIES = "surat_tanggapan_keberatan"
RESPONSE_RECEIPT_SUFFIX = "/TT"

# (source, office, logo, paper, number, revision) -> PDF bytes
Renderer = Callable[[ObjectionSource, OfficeSettings, bytes | None, str, str, int], bytes]


def _renderer(kind: ObjectionDocumentKind) -> Renderer:
    """The document's renderer; reportlab is imported on first use, not at start-up."""
    from .documents import objection_receipt, objection_response, objection_response_receipt

    return {
        ObjectionDocumentKind.RECEIPT: objection_receipt.render,
        ObjectionDocumentKind.RESPONSE: objection_response.render,
        ObjectionDocumentKind.RESPONSE_RECEIPT: objection_response_receipt.render,
    }[kind]


def _kind(kind: ObjectionDocumentKind | str) -> ObjectionDocumentKind:
    try:
        return ObjectionDocumentKind(str(kind).strip().lower())
    except ValueError:
        words = ", ".join(k.value for k in ObjectionDocumentKind)
        raise ValidationError(f"Jenis dokumen tidak dikenal: {kind} (pilih {words}).", "kind") from None


def refusal(kind: ObjectionDocumentKind, row: Objection) -> str | None:
    """None when ``kind`` fits the objection's state now, else why not (Indonesian)."""
    if kind is ObjectionDocumentKind.RECEIPT:
        return None
    if not row.decision or row.decided_on is None:
        return "Keberatan ini belum diputuskan Atasan PPID."
    if kind is ObjectionDocumentKind.RESPONSE:
        return None
    if row.response_handed_on is None:
        return "Tanggapan atas keberatan ini belum diserahkan (catat penyerahan tanggapan dulu)."
    return None


def fitting_objection_kinds(objection_number: str) -> list[tuple[ObjectionDocumentKind, str | None]]:
    """Every kind with None when it fits the objection's state now, else the reason."""
    row = find_by_number(objection_number)
    return [(kind, refusal(kind, row)) for kind in ObjectionDocumentKind]


def _response_number(row: Objection) -> str:
    last = (IssuedDocument.select(IssuedDocument.letter_number)
            .where((IssuedDocument.objection == row.id)
                   & (IssuedDocument.kind == ObjectionDocumentKind.RESPONSE.value))
            .order_by(IssuedDocument.id.desc()).first())
    return last.letter_number if last else ""


def _number(kind: ObjectionDocumentKind, row: Objection, source: ObjectionSource, office: OfficeSettings,
            revision: int) -> str:
    """A new number for the document; call inside the transaction that stores it."""
    if kind is ObjectionDocumentKind.RESPONSE:
        return next_letter_number(RESPONSE_SERIES, office.objection_response_number_pattern, source.letter_date)
    base = row.number if kind is ObjectionDocumentKind.RECEIPT else row.number + RESPONSE_RECEIPT_SUFFIX
    return unused_number(base if not revision else f"{base} (perbaikan {revision})")


def produce_objection(objection_number: str, kind: ObjectionDocumentKind | str, actor: Actor,
                      now: datetime | None = None, paper: str | None = None) -> IssuedPdf:
    """Issue the document ``kind`` of an objection, or give the stored one again marked SALINAN.

    Raises ValidationError for an unknown objection number or kind, a kind that does not
    fit the objection's state, or a paper size the document is not printed on. The
    result's ``request_number`` is the objection's number.
    """
    kind = _kind(kind)
    now = (now or datetime.now()).replace(microsecond=0)
    row = find_by_number(objection_number)
    reason = refusal(kind, row)
    if reason:
        raise ValidationError(f"{kind.label} tidak dapat dicetak: {reason}", "kind")
    office = load_office()
    chosen = choose_paper(kind.label, False, paper, office)  # every objection document is a full page
    response_number = _response_number(row) if kind is ObjectionDocumentKind.RESPONSE_RECEIPT else ""
    source = build_objection_source(kind.value, row, str(actor), load_calendar(), office, response_number)
    wanted = [source.digest()] + [earlier.digest() for earlier in source.earlier_forms()]
    doc, copy = issue_or_reprint(
        "objection", row.id, kind.value, wanted,
        lambda revision: _number(kind, row, source, office, revision),
        lambda number, revision: _renderer(kind)(source, office, logo_bytes(), chosen, number, revision),
        chosen, actor, now, row.number, kind.label)
    return issued_pdf(doc, kind, row.number, copy)


def issued_objection_documents(objection_number: str) -> list[IssuedDocumentInfo]:
    """The documents issued for an objection, oldest first (without their PDF bytes)."""
    row = find_by_number(objection_number)
    query = (IssuedDocument.select(IssuedDocument.id, IssuedDocument.kind, IssuedDocument.letter_number,
                                   IssuedDocument.issued_at, IssuedDocument.issued_by, IssuedDocument.sha256,
                                   IssuedDocument.paper)
             .where(IssuedDocument.objection == row.id).order_by(IssuedDocument.issued_at, IssuedDocument.id))
    return [IssuedDocumentInfo(d.id, ObjectionDocumentKind(d.kind), d.letter_number, d.issued_at, d.issued_by,
                               d.sha256, d.paper) for d in query]
