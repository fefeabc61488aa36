"""NIK (Nomor Induk Kependudukan) validation.

16 digits: 2 province + 2 regency/city + 2 district codes, the birth date as DDMMYY
with 40 added to the day for women, and a 4-digit serial from 0001.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import ValidationError

# Kemendagri province codes, including the Papua provinces formed in 2022.
PROVINCES: dict[str, str] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau", "15": "Jambi",
    "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung", "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau", "31": "DKI Jakarta", "32": "Jawa Barat", "33": "Jawa Tengah",
    "34": "DI Yogyakarta", "35": "Jawa Timur", "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur", "61": "Kalimantan Barat", "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan", "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara", "75": "Gorontalo",
    "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara", "91": "Papua", "92": "Papua Barat",
    "93": "Papua Selatan", "94": "Papua Tengah", "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}

_DIGITS = re.compile(r"[0-9]{16}")  # ASCII only: \d would also take other scripts' digits


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province: str
    birth_date: date
    female: bool


def _birth_date(day: int, month: int, yy: int, today: date) -> date | None:
    """The latest real date DD-MM-(19|20)YY that is not in the future."""
    for century in (2000, 1900):
        try:
            born = date(century + yy, month, day)
        except ValueError:
            continue
        if born <= today:
            return born
    return None


def parse_nik(text: str, today: date | None = None) -> NikInfo:
    """The NIK's facts, or ValidationError (field ``nik``) saying what is wrong."""
    nik = re.sub(r"[\s.-]", "", text or "")
    today = today or date.today()

    def bad(reason: str) -> ValidationError:
        return ValidationError(f"NIK tidak sah: {reason}.", "nik")

    if not _DIGITS.fullmatch(nik):
        raise bad("harus 16 angka")
    province = PROVINCES.get(nik[:2])
    if province is None:
        raise bad(f"kode provinsi {nik[:2]} tidak dikenal")
    if nik[2:4] == "00":
        raise bad("kode kabupaten/kota 00")
    if nik[4:6] == "00":
        raise bad("kode kecamatan 00")
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > 40
    if female:
        day -= 40
    born = _birth_date(day, month, yy, today) if 1 <= day <= 31 and 1 <= month <= 12 else None
    if born is None:
        raise bad(f"tanggal lahir {nik[6:12]} bukan tanggal yang ada")
    if nik[12:] == "0000":
        raise bad("nomor urut 0000")
    return NikInfo(nik, province, born, female)


def mask_nik(nik: str) -> str:
    """``3201********0001``: for lists and reports that need no identities."""
    return nik[:4] + "*" * (len(nik) - 8) + nik[-4:] if len(nik) > 8 else "*" * len(nik)
