"""The receipt (tanda bukti penerimaan) of a request registered offline, in the desk's
queue (ppid_desk.offline): drawn from the queued data with the office's letterhead as
copied from the server, with the request's final number, and kept in the queue. When the
queue is pushed the same bytes are recorded as the issued receipt, with the same source
digest the register computes for the request, so a later print from the register is a
SALINAN of it, as for a receipt issued online.

The first print issues it; every later one is the kept PDF marked SALINAN. The
permission checks are the online ones (:func:`.issuing.require_document`); the audit
entry of the issue is written when the queue is pushed.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from ppid_desk.accounts.officer import Actor
from ppid_desk.errors import ValidationError
from ppid_desk.offline import OfflineDesk, QueuedRequest

from .documents.sources import RECEIPT, Party, RequestFacts, Source
from .issuing import DocumentKind, IssuedPdf, choose_paper, mark_copy, require_document


def queued_source(item: QueuedRequest) -> Source:
    """What the receipt prints, from the queued values: the same facts
    :func:`.documents.sources.request_facts` reads from the request once pushed."""
    row, person = item.row, item.requester
    facts = RequestFacts(
        number=item.number, received_at=datetime.fromisoformat(row["received_at"]), effective_day=item.effective_day,
        channel=row["channel"],
        requester=Party(kind=person["kind"], name=person["name"], nik=person.get("nik") or "",
                        legal_number=person["legal_number"], address=person["address"],
                        occupation=person["occupation"], phone=person["phone"], email=person["email"],
                        proxy_name=row["proxy_name"], proxy_letter=row["proxy_letter"]),
        information=row["information"], purpose=row["purpose"], obtain_method=row["obtain_method"],
        delivery_method=row["delivery_method"], response_due=item.response_due, extended_due=item.extended_due,
        officer=row["created_by"],
    )
    return Source(RECEIPT, facts)


def queued_receipt(desk: OfflineDesk, queue_seq: int, actor: Actor, now: datetime | None = None,
                   paper: str | None = None) -> IssuedPdf:
    """Issue the receipt of the queued request ``queue_seq`` (kept in the queue), or give
    the kept one again marked SALINAN. ``document_id`` is 0: it is not in the register yet."""
    item = desk.get(queue_seq)
    if item.receipt is not None:
        require_document(actor, RECEIPT, reprint=True)
        kept = item.receipt
        return IssuedPdf(document_id=0, kind=DocumentKind.RECEIPT, letter_number=item.number,
                         request_number=item.number, pdf=mark_copy(kept.pdf), sha256=kept.sha256, copy=True,
                         paper=kept.paper)
    if item.pushed:
        raise ValidationError(f"Permohonan {item.number} sudah terkirim ke server; cetak tanda bukti dari register.")
    require_document(actor, RECEIPT, reprint=False)
    snap = desk.snapshot()
    if snap is None:  # pragma: no cover - a queued item always has its snapshot
        raise ValidationError("Data kantor untuk kop surat belum tersalin ke meja ini.")
    chosen = choose_paper(DocumentKind.RECEIPT.label, True, paper, snap.office)
    source = queued_source(item)
    from .documents import receipt

    pdf = receipt.render(source, snap.office, snap.logo, chosen, item.number, 0)
    now = (now or datetime.now()).replace(microsecond=0)
    kept = desk.keep_receipt(queue_seq, pdf, source.digest(), hashlib.sha256(pdf).hexdigest(), chosen, now, actor)
    copy = kept.sha256 != hashlib.sha256(pdf).hexdigest()  # another thread kept one first: that one is the original
    return IssuedPdf(document_id=0, kind=DocumentKind.RECEIPT, letter_number=item.number,
                     request_number=item.number, pdf=mark_copy(kept.pdf) if copy else kept.pdf, sha256=kept.sha256,
                     copy=copy, paper=kept.paper)
