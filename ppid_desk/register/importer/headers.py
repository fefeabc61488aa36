"""The header row of a register: which column holds which field.

The header is searched in the first :data:`HEADER_SEARCH_ROWS` rows; headers match
with common synonyms (:func:`field_of`); a two-row header (group headers merged over
sub-columns, tick columns under a group) and a row of column numbers under the header
are recognised.

The search itself is generic: :class:`HeaderRules` says which field a header names,
which fields are required and which groups hold tick columns. :data:`REGISTER` holds
the request register's rules (the default); other imports (the DIP) bring their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from .cells import FORMS, OBTAIN, Unknown, ascii_words, lookup, plain

HEADER_SEARCH_ROWS = 30

REQUIRED = ("number", "received", "name", "information")
FIELD_NAMES = {
    "number": "Nomor Pendaftaran",
    "received": "Tanggal Permohonan",
    "name": "Nama Pemohon",
    "information": "Informasi yang Diminta",
}

_DATE_WORDS = {"tanggal", "tgl", "tangal", "tanggl", "hari", "waktu"}
_CONTACT_WORDS = {"telp", "telpon", "telepon", "telefon", "tlp", "tel", "hp", "handphone", "kontak", "wa", "whatsapp",
                  "phone", "ponsel", "seluler", "selular", "fax", "faks", "faksimili"}
_NUMBER_WORDS = ("pendaftaran", "daftar", "registrasi", "regis", "register", "reg", "permohonan", "agenda")
_INFO_ONLY = {"informasi", "jenis", "materi", "judul", "isi", "permintaan", "publik", "data", "yang", "dokumen"}


def field_of(text: Any) -> str | None:
    """The register field a header names, or None.

    Synonyms (matched on lower-case words, punctuation ignored), among others:
    number: No, Nomor, No. Pendaftaran, Nomor Registrasi, No. Reg, No Register, No
    Permohonan (a bare "No"/"No. Urut" is a running number, used only when there is no
    registration-number column); received: Tanggal, Tgl, Hari/Tanggal, Tanggal
    Permohonan/Diterima/Masuk, Waktu Permohonan; name: Nama, Nama Pemohon, Nama
    Lengkap, Pemohon; nik: NIK, No KTP, Nomor Induk Kependudukan, No Identitas;
    address: Alamat; contact: Nomor Kontak, No. Telp, No HP, Telepon, WA, "no.telp/
    email"; email: Email, E-mail, Surel, Alamat Email; occupation: Pekerjaan, Profesi;
    information: Informasi yang Diminta/Dibutuhkan/Dimohon, Rincian Informasi, Jenis
    Informasi; purpose: Tujuan Penggunaan (Informasi), Tujuan, Alasan Permohonan;
    decision: Keputusan, Keputusan PPID; reason: Alasan Penolakan, Dasar Penolakan,
    Pasal Pengecualian; notice: (Hari &) Tanggal Pemberitahuan (Tertulis), Tanggal
    Keputusan/Jawaban; delivery: (Hari &) Tanggal Pemberian/Penyerahan Informasi;
    optional: Jam/Pukul, Jenis Pemohon, Saluran/Media/Via, Cara Memperoleh Informasi /
    Jenis Permohonan, Cara Mendapatkan Salinan, Bentuk Informasi, Biaya (& Cara
    Pembayaran), Cara Pembayaran, Badan Publik yang Menguasai, Keterangan/Catatan.
    """
    if text is None or isinstance(text, (int, float, datetime, date, time)):
        return None
    words = ascii_words(text)
    if not words or len(words) > 12:
        return None
    w = set(words)
    compact = "".join(words)
    dated = bool(w & _DATE_WORDS)
    starts = lambda *keys: any(x.startswith(k) for x in words for k in keys)  # noqa: E731

    if "cara" in w and starts("mendapatkan", "pengiriman", "penyampaian", "penyerahan", "menerima"):
        return "delivery_method"
    if "cara" in w and starts("memperoleh", "mendapat"):
        return "obtain_method"
    if "pemberitahuan" in w:
        return "notice" if dated or len(words) <= 3 else None
    if "pemberian" in w or "penyerahan" in w or (dated and w & {"diserahkan", "diberikan"}):
        return "delivered"
    if dated and w & {"keputusan", "putusan", "jawaban", "tanggapan"}:
        return "notice"
    if starts("penolakan", "pengecualian", "dikecualikan", "ditolak") or ("alasan" in w and starts("tolak")):
        return "reason"
    if starts("keputusan", "putusan"):
        return "decision"
    if w & {"nik", "ktp", "kependudukan"} or compact in ("noidentitas", "nomoridentitas", "identitas"):
        return "nik"
    if "nama" in w:
        if w & {"kuasa", "petugas", "penerima", "badan", "instansi", "unit", "pejabat", "ppid"}:
            return None
        return "name"
    if compact in ("pemohon", "pemohoninformasi", "identitaspemohon", "pemohoninformasipublik"):
        return "name"
    if "alamat" in w and not w & {"email", "surel", "mail"}:
        return "address"
    if w & _CONTACT_WORDS:
        return "contact"
    if "email" in compact or w & {"surel", "mail"}:
        return "email"
    if w & {"pekerjaan", "profesi"}:
        return "occupation"
    if compact in ("jenispemohon", "kategoripemohon", "statuspemohon", "tipepemohon"):
        return "kind"
    if compact in ("jenispermohonan", "carapermintaan"):
        return "obtain_method"
    if compact.startswith("bentukinformasi"):
        return "delivery_form"
    if starts("rincian") or ("informasi" in w and w & {"diminta", "dibutuhkan", "dimohon", "dimohonkan",
                                                        "dimintakan", "dimaksud"}):
        return "information"
    if "informasi" in w and w <= _INFO_ONLY:
        return "information"
    if w & {"tujuan", "kegunaan"} or compact.startswith(("alasanpermohonan", "alasanpenggunaan", "maksud")):
        return "purpose"
    if words[0] in ("no", "nomor", "nmr", "nomer", "nr"):
        rest = [x for x in words[1:] if x != "urut"]
        if not rest:
            return "row_no"
        if any(x.startswith(_NUMBER_WORDS) for x in rest):
            return "number"
        return None
    if w & {"saluran", "media", "via"} or compact in ("carapermohonan", "carapengajuan", "caramengajukan"):
        return "channel"
    if "biaya" in w:
        return "cost"
    if "pembayaran" in w:
        return "payment"
    if w & {"dikuasai", "menguasai"} and w & {"oleh", "badan", "instansi", "yang"}:
        return "holder_body"
    if w & {"keterangan", "ket", "catatan"}:
        return "note"
    if w & {"jam", "pukul"} and len(words) <= 3:
        return "time"
    if dated and "lahir" not in w:
        return "received"
    return None


@dataclass(frozen=True)
class HeaderRules:
    """What a header row of one kind of file looks like.

    ``field_of`` names the field of a header text (``"row_no"`` for a bare running-number
    column, which is dropped unless ``fallbacks`` maps a missing field to it);
    ``required`` fields weigh double when readings are compared; ``ticks`` maps a group
    field to the table of values its ticked sub-columns name; ``repeatable`` fields may
    hold several columns (kept as ``"field:index"``).
    """

    field_of: Callable[[Any], str | None]
    required: tuple[str, ...]
    ticks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    repeatable: tuple[str, ...] = ()
    fallbacks: Mapping[str, str] = field(default_factory=dict)


REGISTER = HeaderRules(field_of, REQUIRED, ticks={"delivery_form": FORMS, "obtain_method": OBTAIN},
                       repeatable=("contact", "note"), fallbacks={"number": "row_no"})


@dataclass
class Header:
    last_row: int  # the last header row (1-based); data starts below
    columns: dict[str, tuple[int, str]]  # field -> (0-based column, header text)
    ticks: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # field -> [(column, value)]
    required: tuple[str, ...] = REQUIRED

    @property
    def score(self) -> int:
        return len(self.columns.keys() | self.ticks.keys()) + 2 * sum(1 for f in self.required if f in self.columns)


def _map_columns(labels: list[tuple[str, list[Any], str, str]], rules: HeaderRules
                 ) -> tuple[dict[str, tuple[int, str]], dict[str, list[tuple[int, str]]]]:
    """field -> column for one reading of the header.

    ``labels``: per column the text shown, the candidate texts to match, and for a
    two-row header the group and sub-column text. A sub-column whose text is a value
    of its group's field is a tick column, as on the paper book: group "Bentuk
    Informasi" over "Softcopy" | "Hardcopy", ticked (any mark) in the row.
    """
    columns: dict[str, tuple[int, str]] = {}
    ticks: dict[str, list[tuple[int, str]]] = {}
    for index, (shown, candidates, group, subtext) in enumerate(labels):
        if group and subtext:
            group_field = rules.field_of(group)
            table = rules.ticks.get(group_field or "")
            if table is not None:
                try:
                    lookup(table, subtext)
                except Unknown:
                    pass
                else:
                    ticks.setdefault(group_field, []).append((index, subtext))
                    continue
        for candidate in candidates:
            name = rules.field_of(candidate)
            if name:
                if name not in columns:
                    columns[name] = (index, shown)
                elif name in rules.repeatable:
                    columns.setdefault(f"{name}:{index}", (index, shown))
                break
    for wanted, stand_in in rules.fallbacks.items():
        if wanted not in columns and stand_in in columns:
            columns[wanted] = columns[stand_in]
    columns.pop("row_no", None)
    return columns, ticks


def _is_texty(row: tuple) -> bool:
    return all(v is None or isinstance(v, str) for v in row)


def _single_header(row: tuple, number: int, rules: HeaderRules) -> Header:
    labels = [(plain(v), [v], "", "") for v in row]
    return Header(number, *_map_columns(labels, rules), required=rules.required)


def _pair_headers(top: tuple, sub: tuple, last: int, rules: HeaderRules) -> list[Header]:
    """Readings of a two-row header: group text carried over its merged sub-columns."""
    width = max(len(top), len(sub))
    top = tuple(top) + (None,) * (width - len(top))
    sub = tuple(sub) + (None,) * (width - len(sub))
    filled: list[str] = []
    carry = ""
    for t, s in zip(top, sub):
        text = plain(t)
        if text:
            carry = text
        elif not plain(s):
            carry = ""
        filled.append(text or (carry if plain(s) else ""))
    combined, sub_first = [], []
    for group, s in zip(filled, sub):
        subtext = plain(s)
        shown = " / ".join(x for x in (group, subtext) if x)
        both = f"{group} {subtext}".strip()
        combined.append((shown, [both, subtext] if subtext else [group], group, subtext))
        sub_first.append((shown, [subtext, both] if subtext else [group], group, subtext))
    return [Header(last, *_map_columns(combined, rules), required=rules.required),
            Header(last, *_map_columns(sub_first, rules), required=rules.required)]


def _looks_like_header(row: tuple, rules: HeaderRules) -> bool:
    """Text only, and at least half of its cells name a field (a data row names none)."""
    cells = [v for v in row if plain(v)]
    if not cells or not _is_texty(row):
        return False
    return sum(1 for v in cells if rules.field_of(v)) * 2 >= len(cells)


def find_header(head: list[tuple], rules: HeaderRules = REGISTER) -> Header | None:
    best: Header | None = None
    best_index = -1
    for index, row in enumerate(head):
        candidate = _single_header(row, index + 1, rules)
        if len(candidate.columns) >= 3 and (best is None or candidate.score > best.score):
            best, best_index = candidate, index
    if best is None:
        return None
    options = [best]
    if best_index + 1 < len(head) and _looks_like_header(head[best_index + 1], rules):
        options += _pair_headers(head[best_index], head[best_index + 1], best_index + 2, rules)
    if best_index > 0 and _looks_like_header(head[best_index - 1], rules):
        options += _pair_headers(head[best_index - 1], head[best_index], best_index + 1, rules)
    return max(options, key=lambda h: h.score)  # the first wins a tie: the single row


def is_column_numbers(row: tuple) -> bool:
    """A row such as ``1 2 3 4`` or ``(1) (2) (3)`` under the header."""
    values = [v for v in row if v not in (None, "")]
    if len(values) < 3:
        return False
    numbers = []
    for v in values:
        text = plain(v).strip("()[] .")
        if not re.fullmatch(r"[0-9]{1,3}", text):
            return False
        numbers.append(int(text))
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
