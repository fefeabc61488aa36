"""The register's codes and their Indonesian words.

The core stores and returns these codes; the UI, documents and reports turn them into
words with ``.label``.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    @property
    def label(self) -> str:
        return LABELS[(type(self), self.value)]

    @classmethod
    def parse(cls, value: str) -> "Labelled":
        """A code from its value or its Indonesian label (case-insensitive)."""
        wanted = " ".join(str(value).lower().replace("_", " ").split())
        for member in cls:
            if wanted in (member.value.replace("_", " "), member.label.lower()):
                return member
        raise ValueError(value)


class RequesterKind(Labelled):
    PERSON = "perorangan"
    GROUP = "kelompok"
    LEGAL_BODY = "badan_hukum"


class Channel(Labelled):
    WALK_IN = "langsung"
    PHONE = "telepon"
    FAX = "faksimili"
    EMAIL = "email"
    WEBSITE = "website"
    SMS = "sms"
    LETTER = "surat"


class ObtainMethod(Labelled):
    SEE = "melihat"
    READ = "membaca"
    LISTEN = "mendengarkan"
    NOTE = "mencatat"
    HARDCOPY = "salinan_hardcopy"
    SOFTCOPY = "salinan_softcopy"


class DeliveryMethod(Labelled):
    PICK_UP = "ambil_langsung"
    COURIER = "kurir"
    POST = "pos"
    FAX = "faksimili"
    EMAIL = "email"


class Status(Labelled):
    REGISTERED = "terdaftar"
    AWAITING_COMPLETENESS = "menunggu_kelengkapan"
    ROUTED = "didisposisi"
    DECIDED = "diputuskan"
    DELIVERED = "diserahkan"
    CLOSED = "selesai"
    VOID = "batal"
    WITHDRAWN = "ditarik"


OPEN_STATUSES = (Status.REGISTERED, Status.AWAITING_COMPLETENESS, Status.ROUTED)
"""Statuses in which the written notice is still owed (deadlines run)."""

ENDED_STATUSES = (Status.CLOSED, Status.VOID, Status.WITHDRAWN)


class Decision(Labelled):
    GRANTED_FULL = "dikabulkan_seluruhnya"
    GRANTED_PARTIAL = "dikabulkan_sebagian"
    REJECTED = "ditolak"
    NOT_HELD = "belum_dikuasai"
    NOT_DOCUMENTED = "belum_didokumentasikan"


GRANTED = (Decision.GRANTED_FULL, Decision.GRANTED_PARTIAL)


class DeliveryForm(Labelled):
    SOFTCOPY = "softcopy"
    HARDCOPY = "hardcopy"
    INSPECTION = "melihat_di_tempat"


class EventKind(Labelled):
    REGISTERED = "didaftarkan"
    INCOMPLETE = "belum_lengkap"
    COMPLETED = "dilengkapi"
    LAPSED = "gugur"
    ROUTED = "didisposisi"
    EXTENDED = "diperpanjang"
    DECIDED = "diputuskan"
    DELIVERED = "diserahkan"
    CLOSED = "ditutup"
    WITHDRAWN = "ditarik"
    CORRECTED = "dikoreksi"
    DEADLINES_RECOMPUTED = "tenggat_dihitung_ulang"
    ATTACHED = "lampiran"
    IMPORTED = "diimpor"
    REOPENED = "dibuka_kembali"
    DIP_LINKED = "dikaitkan_dip"
    DIP_UNLINKED = "kaitan_dip_dilepas"


# UU 14/2008 Pasal 17: the exemptions, in short wording for lists and letters.
PASAL_17: dict[str, str] = {
    "a": "menghambat proses penegakan hukum",
    "b": "mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat",
    "c": "membahayakan pertahanan dan keamanan negara",
    "d": "mengungkapkan kekayaan alam Indonesia",
    "e": "merugikan ketahanan ekonomi nasional",
    "f": "merugikan kepentingan hubungan luar negeri",
    "g": "mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang",
    "h": "mengungkap rahasia pribadi",
    "i": "memorandum atau surat-surat antar Badan Publik atau intra Badan Publik yang menurut sifatnya dirahasiakan",
    "j": "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang",
}


# Keyed by (enum type, value): members of different enums share values (Status.ROUTED and
# EventKind.ROUTED are both "didisposisi") and StrEnum members equal to one string
# would overwrite each other as plain dict keys.
LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in [
    (RequesterKind.PERSON, "Perorangan"),
    (RequesterKind.GROUP, "Kelompok orang"),
    (RequesterKind.LEGAL_BODY, "Badan hukum"),
    (Channel.WALK_IN, "Langsung"),
    (Channel.PHONE, "Telepon"),
    (Channel.FAX, "Faksimili"),
    (Channel.EMAIL, "Email"),
    (Channel.WEBSITE, "Website"),
    (Channel.SMS, "SMS"),
    (Channel.LETTER, "Surat/pos"),
    (ObtainMethod.SEE, "Melihat"),
    (ObtainMethod.READ, "Membaca"),
    (ObtainMethod.LISTEN, "Mendengarkan"),
    (ObtainMethod.NOTE, "Mencatat"),
    (ObtainMethod.HARDCOPY, "Mendapatkan salinan (hardcopy)"),
    (ObtainMethod.SOFTCOPY, "Mendapatkan salinan (softcopy)"),
    (DeliveryMethod.PICK_UP, "Mengambil langsung"),
    (DeliveryMethod.COURIER, "Kurir"),
    (DeliveryMethod.POST, "Pos"),
    (DeliveryMethod.FAX, "Faksimili"),
    (DeliveryMethod.EMAIL, "Email"),
    (Status.REGISTERED, "Terdaftar"),
    (Status.AWAITING_COMPLETENESS, "Menunggu kelengkapan"),
    (Status.ROUTED, "Didisposisi"),
    (Status.DECIDED, "Diputuskan"),
    (Status.DELIVERED, "Informasi diserahkan"),
    (Status.CLOSED, "Selesai"),
    (Status.VOID, "Batal"),
    (Status.WITHDRAWN, "Ditarik pemohon"),
    (Decision.GRANTED_FULL, "Dikabulkan seluruhnya"),
    (Decision.GRANTED_PARTIAL, "Dikabulkan sebagian"),
    (Decision.REJECTED, "Ditolak"),
    (Decision.NOT_HELD, "Belum dikuasai"),
    (Decision.NOT_DOCUMENTED, "Belum didokumentasikan"),
    (DeliveryForm.SOFTCOPY, "Softcopy"),
    (DeliveryForm.HARDCOPY, "Hardcopy"),
    (DeliveryForm.INSPECTION, "Melihat di tempat"),
    (EventKind.REGISTERED, "Didaftarkan"),
    (EventKind.INCOMPLETE, "Persyaratan belum lengkap"),
    (EventKind.COMPLETED, "Persyaratan dilengkapi"),
    (EventKind.LAPSED, "Batal: persyaratan tidak dilengkapi"),
    (EventKind.ROUTED, "Didisposisi ke unit"),
    (EventKind.EXTENDED, "Waktu diperpanjang"),
    (EventKind.DECIDED, "Diputuskan"),
    (EventKind.DELIVERED, "Informasi diserahkan"),
    (EventKind.CLOSED, "Ditutup"),
    (EventKind.WITHDRAWN, "Ditarik pemohon"),
    (EventKind.CORRECTED, "Koreksi data"),
    (EventKind.DEADLINES_RECOMPUTED, "Tenggat dihitung ulang"),
    (EventKind.ATTACHED, "Lampiran ditambahkan"),
    (EventKind.IMPORTED, "Diimpor dari register lama"),
    (EventKind.REOPENED, "Dibuka kembali atas perintah Atasan PPID"),
    (EventKind.DIP_LINKED, "Dikaitkan dengan Daftar Informasi Publik"),
    (EventKind.DIP_UNLINKED, "Kaitan dengan Daftar Informasi Publik dilepas"),
]}
