"""The decision a linked DIP entry suggests, for the decision dialog to start from.

:func:`ppid_desk.dip.service.likely_decision` builds it (excluded information: rejected
on the entry's Pasal 17 letters with its consequence test; open information: granted in
full); this module adds the words that say where it comes from and that the PPID
decides.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from ppid_desk.dip.codes import InfoClass, pasal17_text
from ppid_desk.dip.service import likely_decision
from ppid_desk.register.service import DecisionInput
from ppid_desk.store.models import DipEntry, Request

if TYPE_CHECKING:
    from ..register.action_dialogs import DecideDialog

SUMMARY_CHARS = 160


def tr(text: str) -> str:
    return QCoreApplication.translate("dip_decision_hint", text)


def dip_suggestion(row: Request) -> tuple[DecisionInput, str] | None:
    """(the suggested decision, a sentence saying so) for a request linked to the DIP; None otherwise."""
    if not row.dip_entry_id:
        return None
    entry = DipEntry.get_or_none(DipEntry.id == row.dip_entry_id)
    if entry is None:
        return None
    suggestion = likely_decision(entry)
    summary = " ".join(entry.summary.split())
    if len(summary) > SUMMARY_CHARS:
        summary = summary[:SUMMARY_CHARS - 1] + "\u2026"
    info_class = InfoClass(entry.info_class)
    if info_class is InfoClass.EXCLUDED:
        why = tr("informasi yang dikecualikan ({0} UU KIP), jadi diusulkan <b>ditolak</b> dengan alasan dan uji "
                 "konsekuensi dari DIP").format(pasal17_text(entry.pasal17))
    else:
        why = tr("informasi {0} yang terbuka, jadi diusulkan <b>dikabulkan seluruhnya</b>").format(
            info_class.label.lower())
    text = tr("<b>Usulan dari DIP</b> \u2014 permohonan ini dikaitkan dengan \u201c{0}\u201d: {1}. Ini hanya usulan; "
              "PPID yang memutuskan dan dapat mengubah setiap isian.").format(html.escape(summary), why)
    if not entry.active:
        text += " " + tr("Entri ini sudah nonaktif di DIP; periksa apakah masih berlaku.")
    return suggestion, text


def prefill_from_dip(dialog: DecideDialog) -> QLabel | None:
    """Fill the decision dialog of a request linked to the DIP from its entry's suggestion and
    put the hint saying so above the form; the hint, or None for a request without a link."""
    found = dip_suggestion(dialog.row)
    if found is None:
        return None
    suggestion, text = found
    dialog.decision.setCurrentIndex(dialog.decision.findData(suggestion.decision.value))
    dialog.note.setPlainText(suggestion.note)
    for letter in suggestion.pasal17:
        dialog.letters[letter].setChecked(True)
    dialog.other_statute.setText(suggestion.other_statute)
    dialog.consequence_test.setPlainText(suggestion.consequence_test)
    if suggestion.consequence_test:
        dialog.consequence_test.setFixedHeight(86)  # the DIP's test is read before it is kept
    hint = QLabel(text)
    hint.setObjectName("explanation")
    hint.setWordWrap(True)
    hint.setMinimumWidth(dialog.INTRO_WIDTH)
    dialog.layout().insertWidget(1, hint)
    dialog.installEventFilter(_HintFitter(hint))
    return hint


class _HintFitter(QObject):
    """Once the dialog is shown: the wrapped hint as tall as its lines at its real width, then
    the dialog sized again (a dialog does not count a wrapped label's height in its minimum;
    the form below it got squeezed)."""

    def __init__(self, hint: QLabel):
        super().__init__(hint)
        self.hint = hint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self, self._fit)
        return False

    def _fit(self) -> None:
        self.hint.setFixedHeight(self.hint.heightForWidth(self.hint.width()))
        self.hint.window().adjustSize()
