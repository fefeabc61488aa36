"""Issuing the documents of a request, and keeping every issued one.

``produce`` issues a document (a new letter number from the kind's pattern, the PDF
stored with its SHA-256), or, when the same document was issued before (same kind,
request and source data), returns the stored PDF marked SALINAN. A changed decision
or corrected data issues a new document. Stored PDFs are never rewritten or deleted.

The objection documents (:mod:`.objection_issuing`) are issued through the same
helpers (:func:`choose_paper`, :func:`next_letter_number`, :func:`issue_or_reprint`,
:func:`issued_pdf`) and kept in the same table, owned by the objection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ppid_desk import audit
from ppid_desk.accounts.officer import Actor, PermissionDenied, actor_can, refusal as permission_refusal, require
from ppid_desk.accounts.roles import DOCUMENT_PERMISSIONS, Permission
from ppid_desk.errors import ValidationError
from ppid_desk.office import OfficeSettings, load_office, logo_bytes
from ppid_desk.register.codes import GRANTED, Decision
from ppid_desk.register.numbering import format_number, next_sequence
from ppid_desk.register.service import find_by_number
from ppid_desk.store.models import IssuedDocument, Request, database

from .documents.sources import Source, build_source

if TYPE_CHECKING:
    from .objection_issuing import ObjectionDocumentKind


class DocumentKind(StrEnum):
    """The documents of a request; the values are the CLI's KIND words."""

    RECEIPT = "receipt"
    NOTICE = "notice"
    EXTENSION = "extension"
    REJECTION = "rejection"
    HANDOVER = "handover"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DocumentKind.RECEIPT: "Tanda bukti penerimaan",
    DocumentKind.NOTICE: "Pemberitahuan tertulis",
    DocumentKind.EXTENSION: "Surat perpanjangan waktu",
    DocumentKind.REJECTION: "Keputusan penolakan",
    DocumentKind.HANDOVER: "Tanda bukti penyerahan",
}

# (source, office, logo, paper, letter number, revision) -> PDF bytes
Renderer = Callable[[Source, OfficeSettings, bytes | None, str, str, int], bytes]
def _renderer(kind: DocumentKind) -> Renderer:
    """The document's renderer; reportlab is imported on first use, not at start-up."""
    from .documents import extension, handover, notice, receipt, rejection

    return {
        DocumentKind.RECEIPT: receipt.render,
        DocumentKind.NOTICE: notice.render,
        DocumentKind.EXTENSION: extension.render,
        DocumentKind.REJECTION: rejection.render,
        DocumentKind.HANDOVER: handover.render,
    }[kind]


def mark_copy(pdf: bytes) -> bytes:
    """The PDF stamped SALINAN (pypdf and reportlab imported on first use)."""
    from .documents.stamp import mark_copy as stamp

    return stamp(pdf)
# Series of the letter-number counters (the receipt carries the registration number).
_SERIES = {
    DocumentKind.NOTICE: ("surat_pemberitahuan", "notice_number_pattern"),
    DocumentKind.EXTENSION: ("surat_perpanjangan", "extension_number_pattern"),
    DocumentKind.REJECTION: ("surat_penolakan", "rejection_number_pattern"),
    DocumentKind.HANDOVER: ("surat_penyerahan", "handover_number_pattern"),
}
LETTER_PAPERS = ("A4", "F4")
RECEIPT_PAPERS = ("A4", "A5", "F4")


@dataclass(frozen=True)
class IssuedPdf:
    document_id: int
    kind: DocumentKind | ObjectionDocumentKind
    letter_number: str
    request_number: str  # the register number the document belongs to (an objection's for its documents)
    pdf: bytes  # the stored PDF, or for a reprint the stored PDF marked SALINAN
    sha256: str  # of the stored (issued) PDF
    copy: bool  # True: a reprint marked SALINAN
    paper: str = ""  # "A4", "F4" or "A5", as issued


@dataclass(frozen=True)
class IssuedDocumentInfo:
    id: int
    kind: DocumentKind | ObjectionDocumentKind
    letter_number: str
    issued_at: datetime
    issued_by: str
    sha256: str
    paper: str


def _kind(kind: DocumentKind | str) -> DocumentKind:
    try:
        return DocumentKind(str(kind).strip().lower())
    except ValueError:
        words = ", ".join(k.value for k in DocumentKind)
        raise ValidationError(f"Jenis dokumen tidak dikenal: {kind} (pilih {words}).", "kind") from None


def refusal(kind: DocumentKind, row: Request) -> str | None:
    """None when ``kind`` fits the request's state now, else why not (Indonesian)."""
    decision = Decision(row.decision) if row.decision else None
    if kind is DocumentKind.RECEIPT:
        return None
    if kind is DocumentKind.EXTENSION:
        return None if row.extended else "Waktu permohonan ini tidak diperpanjang."
    if decision is None:
        return "Permohonan ini belum diputuskan."
    if kind is DocumentKind.NOTICE:
        if decision is Decision.REJECTED:
            return "Permohonan ini ditolak: cetak keputusan penolakan, bukan pemberitahuan tertulis."
        return None
    if kind is DocumentKind.REJECTION:
        return None if decision is Decision.REJECTED else f"Permohonan ini tidak ditolak ({decision.label.lower()})."
    if row.delivered_on is not None or decision is Decision.REJECTED:
        return None
    if decision in GRANTED:
        return "Informasinya belum diserahkan (catat penyerahan dulu)."
    return f"Tidak ada yang diserahkan: keputusan {decision.label.lower()}."


def fitting_kinds(request_number: str) -> list[tuple[DocumentKind, str | None]]:
    """Every kind with None when it fits the request's state now, else the reason."""
    row = find_by_number(request_number)
    return [(kind, refusal(kind, row)) for kind in DocumentKind]


def choose_paper(what: str, receipt: bool, paper: str | None, office: OfficeSettings) -> str:
    """The paper ``what`` (a document's label) is printed on: ``paper`` or the office's
    receipt or letter paper, refused when that kind of document is not printed on it."""
    if receipt:
        chosen, allowed = (paper or office.receipt_paper or "A4").strip().upper(), RECEIPT_PAPERS
    else:
        chosen, allowed = (paper or office.paper or "A4").strip().upper(), LETTER_PAPERS
    if chosen not in allowed:
        choices = f"{', '.join(allowed[:-1])} atau {allowed[-1]}"
        raise ValidationError(f"Ukuran kertas {chosen} tidak dapat dipakai untuk {what.lower()} "
                              f"(pilih {choices}).", "paper")
    return chosen


def _paper(kind: DocumentKind, paper: str | None, office: OfficeSettings) -> str:
    return choose_paper(kind.label, kind is DocumentKind.RECEIPT, paper, office)


def _rejection_number(row: Request) -> str:
    last = (IssuedDocument.select(IssuedDocument.letter_number)
            .where((IssuedDocument.request == row.id) & (IssuedDocument.kind == DocumentKind.REJECTION.value))
            .order_by(IssuedDocument.id.desc()).first())
    return last.letter_number if last else ""


def _letter_number(kind: DocumentKind, row: Request, source: Source, office: OfficeSettings,
                   revision: int) -> str:
    """A new number for the document; call inside the transaction that stores it."""
    if kind is DocumentKind.RECEIPT:
        return row.number if not revision else f"{row.number} (perbaikan {revision})"
    series, setting = _SERIES[kind]
    return next_letter_number(series, getattr(office, setting), source.letter_date)


def unused_number(number: str) -> str:
    """``number``, refused when an issued document already carries it."""
    if IssuedDocument.select().where(IssuedDocument.letter_number == number).exists():
        raise ValidationError(f"Nomor surat {number} sudah dipakai (periksa pola nomor surat di Pengaturan).")
    return number


def next_letter_number(series: str, pattern: str, day: date) -> str:
    """The next number of ``series`` for a letter dated ``day``; call inside the issuing transaction."""
    return unused_number(format_number(pattern, next_sequence(series, day.year), day))


def require_document(actor: Actor, kind: str, reprint: bool) -> None:
    """Who may issue or reprint a document (docs/decisions.md, issue 8): the first issue
    of ``kind`` needs ``DOCUMENT_PERMISSIONS[kind]``; a reprint (SALINAN) needs
    ``issue_document`` or the kind's own permission. Documents are never masked (they are
    the requester's legal papers, stored once and reprinted as stored), so both also need
    ``view_personal_data``."""
    first = DOCUMENT_PERMISSIONS[kind]
    if reprint and not actor_can(actor, first):
        require(actor, Permission.ISSUE_DOCUMENT)
    elif not reprint:
        require(actor, first)
    reason = permission_refusal(actor, Permission.VIEW_PERSONAL_DATA)
    if reason:
        raise PermissionDenied(f"Dokumen memuat data pribadi pemohon. {reason}", Permission.VIEW_PERSONAL_DATA)


def issue_or_reprint(owner: str, owner_id: int, kind: str, digests: list[str], number_for: Callable[[int], str],
                     render: Callable[[str, int], bytes], paper: str, actor: Actor,
                     now: datetime, owner_number: str = "", label: str = "") -> tuple[IssuedDocument, bool]:
    """The document ``kind`` of the request or objection ``owner_id`` (``owner`` names the
    column: "request" or "objection"): the stored one whose source digest is one of
    ``digests`` (the current form first) with True, else a new one with False, numbered
    by ``number_for(revision)`` and drawn by ``render(number, revision)`` in one
    transaction (``revision`` counts the earlier documents of that kind). The permission
    is checked first (:func:`require_document`); an issue and a reprint each leave an
    audit entry (``owner_number`` and ``label`` name them there)."""
    column = getattr(IssuedDocument, owner)
    previous = list(IssuedDocument.select(IssuedDocument.id, IssuedDocument.source_hash)
                    .where((column == owner_id) & (IssuedDocument.kind == kind)).order_by(IssuedDocument.id))
    noun = "Permohonan" if owner == "request" else "Keberatan"
    for digest in digests:
        same = [doc for doc in previous if doc.source_hash == digest]
        if same:
            require_document(actor, kind, reprint=True)
            doc = IssuedDocument.get_by_id(same[-1].id)
            audit.step(actor, "document.reprint", owner, owner_number,
                       f"{noun} {owner_number}: {label or kind} {doc.letter_number} dicetak ulang (SALINAN).",
                       {"document_id": doc.id, "kind": kind, "letter_number": doc.letter_number,
                        "sha256": doc.sha256}, at=now)
            return doc, True
    require_document(actor, kind, reprint=False)
    with database.atomic():
        number = number_for(len(previous))
        pdf = render(number, len(previous))
        doc = IssuedDocument.create(**{owner: owner_id}, kind=kind, letter_number=number, source_hash=digests[0],
                                    pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest(), paper=paper, issued_at=now,
                                    issued_by=str(actor))
        audit.step(actor, "document.issue", owner, owner_number,
                   f"{noun} {owner_number}: {label or kind} {number} diterbitkan.",
                   {"document_id": doc.id, "kind": kind, "letter_number": number, "sha256": doc.sha256,
                    "paper": paper}, at=now)
    return doc, False


def issued_pdf(doc: IssuedDocument, kind: DocumentKind | ObjectionDocumentKind, number: str,
               copy: bool) -> IssuedPdf:
    """The result of issuing: the stored PDF, marked SALINAN when ``copy``."""
    stored = bytes(doc.pdf)
    return IssuedPdf(document_id=doc.id, kind=kind, letter_number=doc.letter_number, request_number=number,
                     pdf=mark_copy(stored) if copy else stored, sha256=doc.sha256, copy=copy, paper=doc.paper)


def produce(request_number: str, kind: DocumentKind | str, actor: Actor, now: datetime | None = None,
            paper: str | None = None) -> IssuedPdf:
    """Issue the document ``kind`` of a request, or give the stored one again marked SALINAN.

    Raises ValidationError for an unknown request number or kind, a kind that does not
    fit the request's state, or a paper size the document is not printed on.
    """
    kind = _kind(kind)
    now = (now or datetime.now()).replace(microsecond=0)
    row = find_by_number(request_number)
    reason = refusal(kind, row)
    if reason:
        raise ValidationError(f"{kind.label} tidak dapat dicetak: {reason}", "kind")
    office = load_office()
    chosen = _paper(kind, paper, office)  # checked even for a reprint, which keeps its own paper
    rejection_number = _rejection_number(row) if kind is DocumentKind.HANDOVER else ""
    source = build_source(kind.value, row, str(actor), rejection_number)
    wanted = [source.digest()] + [earlier.digest() for earlier in source.earlier_forms()]
    doc, copy = issue_or_reprint(
        "request", row.id, kind.value, wanted,
        lambda revision: _letter_number(kind, row, source, office, revision),
        lambda number, revision: _renderer(kind)(source, office, logo_bytes(), chosen, number, revision),
        chosen, actor, now, row.number, kind.label)
    return issued_pdf(doc, kind, row.number, copy)


def issued_documents(request_number: str) -> list[IssuedDocumentInfo]:
    """The documents issued for a request, oldest first (without their PDF bytes)."""
    row = find_by_number(request_number)
    query = (IssuedDocument.select(IssuedDocument.id, IssuedDocument.kind, IssuedDocument.letter_number,
                                   IssuedDocument.issued_at, IssuedDocument.issued_by, IssuedDocument.sha256,
                                   IssuedDocument.paper)
             .where(IssuedDocument.request == row.id).order_by(IssuedDocument.issued_at, IssuedDocument.id))
    return [IssuedDocumentInfo(d.id, DocumentKind(d.kind), d.letter_number, d.issued_at, d.issued_by, d.sha256,
                               d.paper) for d in query]


def stored_pdf(document_id: int, copy: bool = True, actor: Actor | None = None) -> bytes:
    """The stored PDF of an issued document, marked SALINAN when ``copy``. With an
    ``actor`` (an officer opening it to view, print again or save), the reprint
    permission is checked and the opening is written to the audit log: the document
    holds the requester's personal data."""
    doc = IssuedDocument.get_or_none(IssuedDocument.id == document_id)
    if doc is None:
        raise ValidationError("Dokumen yang diterbitkan tidak ditemukan.")
    if actor is not None:
        require_document(actor, doc.kind, reprint=True)
        owner, owner_id = ("objection", doc.objection_id) if doc.objection_id else ("request", doc.request_id)
        with database.atomic():
            audit.step(actor, "document.open", owner, owner_id,
                       f"Dokumen {doc.letter_number} dibuka{' sebagai SALINAN' if copy else ''}.",
                       {"document_id": doc.id, "kind": doc.kind, "sha256": doc.sha256})
    stored = bytes(doc.pdf)
    return mark_copy(stored) if copy else stored
