"""The DIP catalogue's codes and their Indonesian words.

The core stores and returns these codes; the UI, documents and reports turn them into
words with ``.label`` (as for :mod:`ppid_desk.register.codes`).
"""

from __future__ import annotations

from ..register.codes import Labelled


class DipLabelled(Labelled):
    """A code whose words live in this module's :data:`LABELS`."""

    @property
    def label(self) -> str:
        return LABELS[(type(self), self.value)]


class InfoClass(DipLabelled):
    """The class of public information (UU 14/2008 Pasal 9, 10, 11 and 17)."""

    PERIODIC = "berkala"
    IMMEDIATE = "serta_merta"
    ANY_TIME = "setiap_saat"
    EXCLUDED = "dikecualikan"

    @property
    def heading(self) -> str:
        """The class as a DIP's section heading ("Informasi yang Wajib Tersedia Setiap Saat")."""
        return HEADINGS[self]


AVAILABLE = (InfoClass.PERIODIC, InfoClass.IMMEDIATE, InfoClass.ANY_TIME)
"""Classes of information that is open: a request for it is granted."""


class DipEventKind(DipLabelled):
    ADDED = "ditambahkan"
    EDITED = "diubah"
    RETIRED = "dinonaktifkan"
    REACTIVATED = "diaktifkan_kembali"
    IMPORTED = "diimpor"


HEADINGS: dict[InfoClass, str] = {
    InfoClass.PERIODIC: "Informasi yang Wajib Disediakan dan Diumumkan secara Berkala",
    InfoClass.IMMEDIATE: "Informasi yang Wajib Diumumkan secara Serta Merta",
    InfoClass.ANY_TIME: "Informasi yang Wajib Tersedia Setiap Saat",
    InfoClass.EXCLUDED: "Informasi yang Dikecualikan",
}

# Keyed by (enum type, value) as in the request register.
LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in [
    (InfoClass.PERIODIC, "Berkala"),
    (InfoClass.IMMEDIATE, "Serta merta"),
    (InfoClass.ANY_TIME, "Setiap saat"),
    (InfoClass.EXCLUDED, "Dikecualikan"),
    (DipEventKind.ADDED, "Ditambahkan ke DIP"),
    (DipEventKind.EDITED, "Diubah"),
    (DipEventKind.RETIRED, "Dinonaktifkan"),
    (DipEventKind.REACTIVATED, "Diaktifkan kembali"),
    (DipEventKind.IMPORTED, "Diimpor dari berkas DIP"),
]}

# What each field of an entry is called on screen and in messages (the Perki column names).
FIELD_NAMES: dict[str, str] = {
    "summary": "Ringkasan isi informasi",
    "holder": "Pejabat/unit yang menguasai",
    "unit_id": "Pejabat/unit yang menguasai",
    "holder_name": "Pejabat/unit yang menguasai",
    "official": "Penanggung jawab",
    "made": "Waktu dan tempat pembuatan",
    "format": "Format informasi",
    "retention": "Jangka waktu penyimpanan",
    "info_class": "Klasifikasi informasi",
    "pasal17": "Pasal 17 UU KIP",
    "other_statute": "Dasar hukum lain",
    "consequence": "Uji konsekuensi",
    "exclusion_period": "Jangka waktu pengecualian",
    "decided_by": "PPID yang memutuskan",
    "decision_number": "Nomor keputusan",
    "decision_date": "Tanggal keputusan",
    "active": "Status",
}


def pasal17_text(letters: str) -> str:
    """Stored letters as words: ``"b,h"`` -> ``"Pasal 17 huruf b dan h"`` ("" for none)."""
    found = [x for x in (letters or "").split(",") if x]
    if not found:
        return ""
    named = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " dan " + found[-1]
    return f"Pasal 17 huruf {named}"
