"""Reading an office's DIP spreadsheet: which header names which field
(:func:`field_of`, :data:`RULES` for the register importer's header search), the class
of information from a cell, a section row or a sheet name, and Pasal 17 letters."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from ..register.importer.cells import Unknown, ascii_words, pasal17_letters, plain
from ..register.importer.headers import HeaderRules
from .codes import InfoClass

REQUIRED = ("summary", "holder")
FIELD_NAMES = {  # the Perki column names, for messages about a column the file lacks
    "summary": "Ringkasan Isi Informasi",
    "holder": "Pejabat/Unit yang Menguasai",
    "official": "Penanggung Jawab",
    "made": "Waktu dan Tempat Pembuatan",
    "format": "Format",
    "retention": "Jangka Waktu Penyimpanan",
    "info_class": "Klasifikasi Informasi",
    "pasal17": "Pasal 17 UU KIP",
    "other_statute": "Dasar Hukum Lain",
    "consequence": "Uji Konsekuensi",
    "exclusion_period": "Jangka Waktu Pengecualian",
    "decided_by": "PPID yang Memutuskan",
    "decision_number": "Nomor Keputusan",
    "decision_date": "Tanggal Keputusan",
}
CLASS_CHOICES = "Berkala, Serta Merta, Setiap Saat atau Dikecualikan"

_SUMMARY_ONLY = {"informasi", "publik", "judul", "nama", "isi", "uraian", "dokumen", "daftar"}
_HOLDER = {"unit", "satker", "opd", "skpd", "bidang", "bagian", "pengelola", "pemilik", "pemegang", "penguasa",
           "instansi", "kerja"}


def field_of(text: Any) -> str | None:
    """The DIP field a header names, or None.

    Synonyms, among others: summary: Ringkasan Isi Informasi, Judul/Nama/Uraian
    Informasi, Informasi (Publik); holder: Pejabat/Unit yang Menguasai (Informasi),
    Unit Kerja, Satuan Kerja, OPD, Pemilik Informasi; official: Penanggung Jawab
    (Pembuatan atau Penerbitan Informasi); made: Waktu dan Tempat Pembuatan (Informasi),
    Tahun Pembuatan; format: Format, Bentuk Informasi (yang Tersedia), Media; retention:
    Jangka Waktu Penyimpanan, Retensi (Arsip), Masa Simpan; info_class: Klasifikasi,
    Jenis/Kategori/Sifat/Kelompok Informasi; and an excluded entry's decision: Pasal 17
    (UU KIP), Dasar Pengecualian, Uji Konsekuensi, Jangka Waktu / Masa Pengecualian, PPID
    yang Memutuskan, Ditetapkan Oleh, Nomor / Tanggal Keputusan (Penetapan), Dasar Hukum
    Lain. "Jenis Informasi" alone is the summary when the file has no other summary
    column (:func:`settle_columns`). A bare "No" is a running number (ignored).
    """
    if text is None or isinstance(text, (int, float, datetime, date, time)):
        return None
    words = ascii_words(text)
    if not words or len(words) > 14:
        return None
    w = set(words)
    compact = "".join(words)
    starts = lambda *keys: any(x.startswith(k) for x in words for k in keys)  # noqa: E731
    excluded = starts("kecuali", "pengecualian", "dikecualikan")

    if words[0] in ("no", "nomor", "nmr", "nomer") and (len(words) == 1 or words[1:] == ["urut"]):
        return "row_no"
    if starts("konsekuensi"):
        return "consequence"
    if excluded and w & {"jangka", "masa", "lama", "waktu", "periode", "berlaku"}:
        return "exclusion_period"
    if w & {"no", "nomor", "nmr"} and w & {"keputusan", "penetapan", "sk", "ketetapan"}:
        return "decision_number"
    if w & {"tanggal", "tgl"} and w & {"keputusan", "penetapan", "ditetapkan", "ketetapan"}:
        return "decision_date"
    if (w & {"memutuskan", "menetapkan", "pemutus", "diputuskan", "ditetapkan"} and
            (w & {"ppid", "pejabat", "oleh"} or len(words) <= 2)):
        return "decided_by"
    if "pasal" in w or compact in ("dasarpengecualian", "dasarhukumpengecualian", "alasanpengecualian",
                                   "hurufpengecualian", "alasandikecualikan"):
        return "pasal17"
    if "lain" in w and w & {"uu", "undang", "peraturan", "hukum", "dasar"}:
        return "other_statute"
    if "ringkasan" in w:
        return "summary"
    if starts("penanggung") or compact in ("pj", "pic"):
        return "official"
    if starts("menguasai", "pejabat") or w & _HOLDER:
        return "holder"
    if ("waktu" in w and "tempat" in w) or starts("pembuatan", "penerbitan") or compact in ("tempat", "tahun"):
        return "made"
    if "format" in w or compact.startswith("bentuk") or "media" in w:
        return "format"
    if "retensi" in w or starts("penyimpanan", "simpan") or ("jangka" in w and not excluded):
        return "retention"
    if w & {"klasifikasi", "kategori", "golongan", "sifat", "kelompok", "kelas"} or compact == "jenis":
        return "info_class"
    if compact in ("jenisinformasi", "jenisinformasipublik"):
        return "kind_of_information"
    if "informasi" in w and w <= _SUMMARY_ONLY or compact in ("judul", "uraian", "juduldokumen", "namadokumen"):
        return "summary"
    return None


RULES = HeaderRules(field_of, REQUIRED)


def settle_columns(columns: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """"Jenis Informasi" holds the summary when nothing else does, else the class."""
    columns = dict(columns)
    spot = columns.pop("kind_of_information", None)
    if spot is not None:
        if "summary" not in columns:
            columns["summary"] = spot
        elif "info_class" not in columns:
            columns["info_class"] = spot
    return columns


# --- classes -------------------------------------------------------------------------------

_LETTER = re.compile(r"[a-j]")


def letters_in(text: str) -> list[str]:
    """Pasal 17 letters named in ``text``: "Pasal 17 huruf b dan h", "huruf b", "(b, h)", "b"."""
    text = plain(text)
    found = pasal17_letters(text)
    if found:
        return found
    lowered = text.lower()
    if "huruf" in lowered:
        return pasal17_letters("Pasal 17 " + text[lowered.index("huruf"):])
    tokens = re.findall(r"[a-z]+", lowered)
    if tokens and all(_LETTER.fullmatch(t) or t in ("dan", "serta", "atau") for t in tokens):
        return sorted({t for t in tokens if len(t) == 1})
    return []


def parse_class(value: Any) -> tuple[InfoClass, list[str]] | None:
    """The class a cell names, with the Pasal 17 letters it gives ("Dikecualikan (Pasal 17
    huruf b)" -> excluded, ["b"]); None for an empty cell; Unknown otherwise."""
    text = plain(value)
    if text in ("", "-"):
        return None
    compact = "".join(ascii_words(text))
    if "kecuali" in compact or "tertutup" in compact:
        return InfoClass.EXCLUDED, letters_in(text)
    if "sertamerta" in compact:
        return InfoClass.IMMEDIATE, []
    if "setiapsaat" in compact or compact in ("tersedia", "informasitersedia"):
        return InfoClass.ANY_TIME, []
    if "berkala" in compact:
        return InfoClass.PERIODIC, []
    raise Unknown


# Words a section heading is made of ("A. Informasi yang Wajib Disediakan dan Diumumkan
# secara Berkala (Pasal 9 UU KIP)"): a row of only these, naming a class, opens a section.
_SECTION_WORDS = frozenset("""
    informasi publik yang wajib disediakan dan diumumkan secara berkala serta merta sertamerta
    tersedia setiap saat dikecualikan harus diumumkan pasal uu kip undang nomor no tahun ayat huruf
    dalam sebagaimana dimaksud kategori klasifikasi kelompok jenis badan tentang keterbukaan tertutup
""".split())
_ENUMERATOR = re.compile(r"\(?(?:[A-Za-z]|[IVXivx]{1,5}|[0-9]{1,3})[.)]?")


def section_class(row: tuple) -> InfoClass | None:
    """The class a section row opens, or None for any other row.

    A section row holds one text (optionally after an enumerator in its own cell: "A",
    "II.", "3)") made only of heading words and naming a class.
    """
    cells = [plain(v) for v in row if plain(v)]
    if len(cells) == 2 and _ENUMERATOR.fullmatch(cells[0]):
        cells = cells[1:]
    if len(cells) != 1:
        return None
    text = re.sub(r"^\(?(?:[A-Za-z]|[IVXivx]{1,5}|[0-9]{1,3})[.)]\s*", "", cells[0])
    words = ascii_words(text)
    if not words or len(words) > 20 or any(w not in _SECTION_WORDS and not w.isdigit() and len(w) > 1
                                           for w in words):
        return None
    try:
        found = parse_class(text)
    except Unknown:
        return None
    return found[0] if found else None


def sheet_class(name: str | None) -> InfoClass | None:
    """The class a sheet's name gives ("Berkala", "Info Serta Merta", "Dikecualikan"), if any."""
    if not name:
        return None
    try:
        found = parse_class(name)
    except Unknown:
        return None
    return found[0] if found else None
