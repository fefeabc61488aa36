"""The objection register's codes and their Indonesian words.

The core stores and returns these codes; the UI, documents and reports turn them into
words with ``.label`` (as for :mod:`ppid_desk.register.codes`).
"""

from __future__ import annotations

from ..register.codes import Labelled


class ObjectionLabelled(Labelled):
    """A code whose words live in this module's :data:`LABELS`."""

    @property
    def label(self) -> str:
        return LABELS[(type(self), self.value)]


class Ground(ObjectionLabelled):
    """UU 14/2008 Pasal 35 ayat (1): the grounds of an objection, stored by their letter."""

    REJECTED = "a"
    PERIODIC_NOT_PROVIDED = "b"
    NOT_ANSWERED = "c"
    ANSWERED_OTHERWISE = "d"
    NOT_FULFILLED = "e"
    UNREASONABLE_FEE = "f"
    LATE = "g"


class Status(ObjectionLabelled):
    REGISTERED = "terdaftar"
    FORWARDED = "diteruskan"
    DECIDED = "diputuskan"
    RESPONSE_HANDED_OVER = "tanggapan_diserahkan"
    ACCEPTED = "diterima_pemohon"
    DISPUTE = "sengketa"
    CLOSED = "selesai"
    WITHDRAWN = "ditarik"


AWAITING_ANSWER = (Status.REGISTERED, Status.FORWARDED)
"""Statuses in which the Atasan PPID's answer is still owed (the 30 working days run)."""

ENDED_STATUSES = (Status.CLOSED, Status.WITHDRAWN)


class Decision(ObjectionLabelled):
    UPHELD = "dikuatkan"
    OVERTURNED = "dibatalkan"


class ObjectorResponse(ObjectionLabelled):
    ACCEPTS = "menerima"
    DISPUTE = "sengketa"


class EventKind(ObjectionLabelled):
    REGISTERED = "didaftarkan"
    FORWARDED = "diteruskan"
    DECIDED = "diputuskan"
    RESPONSE_HANDED_OVER = "tanggapan_diserahkan"
    ACCEPTED = "diterima_pemohon"
    DISPUTED = "sengketa_diajukan"
    DISPUTE_REGISTERED = "sengketa_teregistrasi"
    DISPUTE_OUTCOME = "putusan_sengketa"
    CLOSED = "ditutup"
    WITHDRAWN = "ditarik"
    DEADLINES_RECOMPUTED = "tenggat_dihitung_ulang"


def grounds_text(grounds: "list[Ground] | tuple[Ground, ...]") -> str:
    """Grounds as stored: their letters sorted, comma-separated ("a,c")."""
    return ",".join(sorted({Ground(g).value for g in grounds}))


def parse_grounds(text: str) -> list[Ground]:
    """The stored "a,c" back as grounds (unknown letters are left out)."""
    letters = {part.strip().lower() for part in (text or "").split(",")}
    return [g for g in Ground if g.value in letters]


# Keyed by (enum type, value) as in the request register: members of different enums
# share values (Status.DECIDED and EventKind.DECIDED are both "diputuskan").
LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in [
    # Pasal 35 ayat (1) UU 14/2008, in the statute's words.
    (Ground.REJECTED, "Penolakan atas permintaan informasi berdasarkan alasan pengecualian sebagaimana "
                      "dimaksud dalam Pasal 17"),
    (Ground.PERIODIC_NOT_PROVIDED, "Tidak disediakannya informasi berkala sebagaimana dimaksud dalam Pasal 9"),
    (Ground.NOT_ANSWERED, "Tidak ditanggapinya permintaan informasi"),
    (Ground.ANSWERED_OTHERWISE, "Permintaan informasi ditanggapi tidak sebagaimana yang diminta"),
    (Ground.NOT_FULFILLED, "Tidak dipenuhinya permintaan informasi"),
    (Ground.UNREASONABLE_FEE, "Pengenaan biaya yang tidak wajar"),
    (Ground.LATE, "Penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang"),
    (Status.REGISTERED, "Terdaftar"),
    (Status.FORWARDED, "Diteruskan ke Atasan PPID"),
    (Status.DECIDED, "Diputuskan Atasan PPID"),
    (Status.RESPONSE_HANDED_OVER, "Tanggapan diserahkan"),
    (Status.ACCEPTED, "Diterima pemohon"),
    (Status.DISPUTE, "Sengketa di Komisi Informasi"),
    (Status.CLOSED, "Selesai"),
    (Status.WITHDRAWN, "Ditarik pemohon"),
    (Decision.UPHELD, "Menguatkan keputusan PPID"),
    (Decision.OVERTURNED, "Memerintahkan PPID memberikan informasi"),
    (ObjectorResponse.ACCEPTS, "Menerima tanggapan"),
    (ObjectorResponse.DISPUTE, "Mengajukan sengketa ke Komisi Informasi"),
    (EventKind.REGISTERED, "Keberatan didaftarkan"),
    (EventKind.FORWARDED, "Diperiksa dan diteruskan ke Atasan PPID"),
    (EventKind.DECIDED, "Diputuskan Atasan PPID"),
    (EventKind.RESPONSE_HANDED_OVER, "Tanggapan atas keberatan diserahkan"),
    (EventKind.ACCEPTED, "Pemohon menerima tanggapan"),
    (EventKind.DISPUTED, "Pemohon mengajukan sengketa"),
    (EventKind.DISPUTE_REGISTERED, "Sengketa teregistrasi di Komisi Informasi"),
    (EventKind.DISPUTE_OUTCOME, "Putusan sengketa dicatat"),
    (EventKind.CLOSED, "Ditutup"),
    (EventKind.WITHDRAWN, "Ditarik pemohon"),
    (EventKind.DEADLINES_RECOMPUTED, "Tenggat dihitung ulang"),
]}
