"""An objection's documents for the shared Dokumen box: tanda bukti penerimaan keberatan,
tanggapan atas keberatan, tanda terima tanggapan (``reports.objection_issuing``). All
three are full pages on the office's letter paper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from ppid_desk.objections.service import get_objection
from ppid_desk.reports.objection_issuing import (
    ObjectionDocumentKind, fitting_objection_kinds, issued_objection_documents, produce_objection,
)

from ..register.documents_view import DocumentsBox, DocumentSource, IssuedModel

OBJECTION_DOCUMENTS = DocumentSource(
    ObjectionDocumentKind, lambda objection_id: get_objection(objection_id).number, fitting_objection_kinds,
    produce_objection, issued_objection_documents)


def objection_documents_box(actor: Callable[[], str], now: Callable[[], datetime],
                            parent: QWidget | None = None) -> DocumentsBox:
    """The Dokumen section of an objection's detail.

    Its kinds' names are long and the column beside the steps is narrow: the list shows
    kind, number and when; who issued it and the paper (always the letter paper) are in
    each row's tooltip.
    """
    box = DocumentsBox(actor, now, parent, source=OBJECTION_DOCUMENTS)
    for column in (IssuedModel.BY, IssuedModel.PAPER):
        box.table.setColumnHidden(column, True)
    box.table.horizontalHeader().resizeSection(IssuedModel.KIND, 210)
    return box
