"""The inbox's codes and their Indonesian words (as :mod:`ppid_desk.register.codes`)."""

from __future__ import annotations

from ..register.codes import Channel, Labelled


class InboxLabelled(Labelled):
    """A code whose words live in this module's :data:`LABELS`."""

    @property
    def label(self) -> str:
        return LABELS[(type(self), self.value)]


class MessageKind(InboxLabelled):
    REQUEST = "permohonan"
    COMPLAINT = "aduan"
    CRITICISM = "kritik"
    SUGGESTION = "saran"
    QUESTION = "pertanyaan"


class Status(InboxLabelled):
    NEW = "baru"
    REVIEWED = "ditelaah"
    FORWARDED = "diteruskan"
    ANSWERED = "dijawab"
    CONVERTED = "dijadikan_permohonan"


class EventKind(InboxLabelled):
    RECORDED = "dicatat"
    REVIEWED = "ditelaah"
    FORWARDED = "diteruskan"
    EXTENDED = "diperpanjang"
    ANSWERED = "dijawab"
    CONVERTED = "dijadikan_permohonan"
    DEADLINES_RECOMPUTED = "tenggat_dihitung_ulang"


CHANNELS: tuple[Channel, ...] = (Channel.SMS, Channel.EMAIL, Channel.PHONE, Channel.WEBSITE)
"""How messages arrive (seed 001: SMS centre, email, telephone, the website)."""

OPEN: tuple[Status, ...] = (Status.NEW, Status.REVIEWED, Status.FORWARDED)
"""Statuses in which an answer is still owed (deadlines run)."""

LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in [
    (MessageKind.REQUEST, "Permohonan informasi"),
    (MessageKind.COMPLAINT, "Aduan"),
    (MessageKind.CRITICISM, "Kritik"),
    (MessageKind.SUGGESTION, "Saran"),
    (MessageKind.QUESTION, "Pertanyaan"),
    (Status.NEW, "Baru"),
    (Status.REVIEWED, "Ditelaah PPID"),
    (Status.FORWARDED, "Diteruskan ke unit"),
    (Status.ANSWERED, "Dijawab"),
    (Status.CONVERTED, "Dijadikan permohonan"),
    (EventKind.RECORDED, "Dicatat di buku register"),
    (EventKind.REVIEWED, "Ditelaah PPID"),
    (EventKind.FORWARDED, "Diteruskan ke unit"),
    (EventKind.EXTENDED, "Waktu menjawab diperpanjang"),
    (EventKind.ANSWERED, "Dijawab"),
    (EventKind.CONVERTED, "Dijadikan permohonan informasi"),
    (EventKind.DEADLINES_RECOMPUTED, "Tenggat dihitung ulang"),
]}
