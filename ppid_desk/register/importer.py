"""Importing an office's old request register from Excel (.xlsx) or CSV.

Two steps: :func:`check_file` reads and checks the whole file and returns an
:class:`ImportPlan` (nothing is written); :func:`apply` writes a clean plan in one
transaction with bulk inserts. All or nothing: one bad row and nothing is imported;
every bad row is listed as an :class:`ImportProblem` with the row number the
spreadsheet program shows (1-based sheet row; for CSV the record number) and the
column's header text.

Reading
  * .xlsx/.xlsm with openpyxl (read-only, cached values of formulas); .csv as UTF-8
    (with or without BOM), else Windows-1252; the delimiter (``,`` ``;`` or tab) is the
    one that splits the first lines into the most consistent number of fields.
  * The header row is searched in the first 30 rows (title rows above it are common).
    Headers match case-, space- and punctuation-insensitively with common synonyms
    (see :func:`field_of`). A two-row header (group headers merged over sub-columns,
    as on the paper book and in our own export) is recognised; so is a row of column
    numbers ``(1) (2) (3) ...`` under the header, which is skipped.
  * A workbook is read from its active sheet when that has a register header, else
    from the first sheet that has one; other sheets that look like registers are named
    in a warning (import them with ``sheet=``).
  * Required columns: registration number, request date, requester name, information
    requested. A file without them is refused as a whole (``ValidationError``).

Decisions on ambiguous input (documented here because they change what is stored)
  * Rows whose number, date and information are all empty are not register rows
    (totals, signature blocks, notes): they are skipped with a warning.
  * A number made only of digits (``12``: a running number in the book) is turned into
    a register number with the office's pattern and the request's date; the original
    text is kept in the history (event data ``original_number``). Other numbers are
    kept as written; their sequence is read with the office pattern when it matches.
    Two numbers that share a sequence in one year (registers that restart monthly)
    keep their numbers but get no sequence; the counter still continues after the
    highest sequence seen, so new numbers never collide.
  * NIK: an invalid NIK is common in old books, so it is never an error. A 16-digit
    NIK that fails the NIK rules is stored as written with a warning; anything else
    (not 16 digits) is not stored (``None``) and warned about. A NIK the spreadsheet
    holds as a number has lost its last digits (Excel keeps 15 significant digits): it
    is not stored, with a warning.
  * Contact columns: e-mail addresses found in any contact cell go to ``email``, the
    rest to ``phone``. A phone the spreadsheet holds as a number lost its leading 0
    (``81234567890``): it gets it back.
  * A date without a time is stored at 00:00 and counted as received within service
    hours (the day itself, or the next working day when it was a day off).
  * Requesters: one requester per distinct identity (name, NIK, address, contact,
    occupation, kind) within the file; existing requesters are not merged with
    imported ones (a wrong merge is worse than a duplicate).
  * Status: a decision with a delivery date is ``selesai`` (closed on that date), a
    decision without one ``diputuskan``, no decision ``terdaftar`` with its deadlines
    from the calendar (old open requests then show up as late, which they are).
  * Alasan penolakan: Pasal 17 letters are read from wording such as "Pasal 17 huruf
    h", "Pasal 17 huruf a dan i", "psl 17 h", "Ps. 17 (j)"; a reason without letters is
    kept as another statute (``other_statute``). A rejection needs a reason.
  * Optional columns whose values are not understood (channel, obtain/delivery
    method, requester kind, cost) fall back to the default with a warning; only the
    data the register cannot do without is an error.

History: each request gets ``didaftarkan`` (at its receipt), ``diputuskan`` (at the
notice date, else the receipt), ``diserahkan`` and ``ditutup`` (at the delivery date)
events flagged ``imported``, attributed to the importing actor, plus one ``diimpor``
event (now, not flagged) naming the file, sheet and row.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import ValidationError
from ..office import load_office
from ..store import sqlite
from ..store.models import Request, RequestEvent, Requester, database
from ..workdays import load_calendar
from .codes import Channel, Decision, DeliveryForm, DeliveryMethod, EventKind, ObtainMethod, RequesterKind, Status
from .nik import parse_nik
from .numbering import format_number, raise_floor, sequence_of
from .service import SERIES

HEADER_SEARCH_ROWS = 30
OLDEST_YEAR = 2008  # UU 14/2008; an earlier year is a typing error

REQUIRED = ("number", "received", "name", "information")
FIELD_NAMES = {
    "number": "Nomor Pendaftaran",
    "received": "Tanggal Permohonan",
    "name": "Nama Pemohon",
    "information": "Informasi yang Diminta",
}
LIMITS = {"number": 64, "name": 200, "nik": 16, "occupation": 100, "phone": 50, "email": 200, "holder_body": 200,
          "payment": 64}


# --- results -------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportProblem:
    """One bad cell: the sheet row as the spreadsheet shows it, the header, why."""

    row: int
    column: str
    reason: str

    def line(self) -> str:
        if self.column == "-":  # the whole row (a skipped row)
            return f"baris {self.row}: {self.reason}"
        return f"baris {self.row}, kolom {self.column}: {self.reason}"


@dataclass
class ImportRow:
    """One register line, checked and ready to insert."""

    row: int
    number: str
    original_number: str
    year: int
    seq: int | None
    received_at: datetime
    has_time: bool
    requester: tuple  # (kind, name, nik, legal_number, address, occupation, phone, email)
    information: str
    purpose: str = ""
    channel: str = Channel.WALK_IN.value
    obtain_method: str = ObtainMethod.SOFTCOPY.value
    delivery_method: str = DeliveryMethod.PICK_UP.value
    decision: Decision | None = None
    reason: str = ""
    pasal17: str = ""
    other_statute: str = ""
    note: str = ""
    holder_body: str = ""
    notice_date: date | None = None
    delivered_on: date | None = None
    delivery_form: str = ""
    cost: int | None = None
    payment_method: str = ""

    @property
    def status(self) -> Status:
        if self.decision is None:
            return Status.REGISTERED
        return Status.CLOSED if self.delivered_on else Status.DECIDED


@dataclass
class ImportPlan:
    """What :func:`check_file` found; :func:`apply` writes it when ``ok``."""

    path: Path
    sheet: str | None
    header_row: int
    columns: dict[str, str]  # field -> header text as in the file
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    rows_read: int = 0
    skipped: int = 0
    floors: dict[int, int] = field(default_factory=dict)  # year -> highest sequence in the file

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})

    def by_decision(self) -> dict[Decision | None, int]:
        """Rows per decision (None: still in process), in the register's order."""
        tally = Tally(r.decision for r in self.rows)
        return {d: tally[d] for d in (*Decision, None) if tally[d]}


@dataclass
class ImportResult:
    file: str
    imported: int
    requesters: int
    events: int
    by_decision: dict[Decision | None, int]


def decision_word(decision: Decision | None) -> str:
    return decision.label if decision else "Dalam proses"


# --- text helpers --------------------------------------------------------------------

def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return re.findall(r"[a-z0-9]+", text)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _plain(value: Any) -> str:
    """A cell as one line of text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time(0) else value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return _squash(str(value).replace("\xa0", " "))


def _long(value: Any) -> str:
    """A cell as text that may keep its line breaks (information, address)."""
    if isinstance(value, str):
        lines = [_squash(line.replace("\xa0", " ")) for line in value.replace("\r\n", "\n").split("\n")]
        return "\n".join(line for line in lines if line)
    return _plain(value)


def _quote(value: Any) -> str:
    text = _plain(value)
    return f"\u201c{text[:60]}{'…' if len(text) > 60 else ''}\u201d"


# --- headers -------------------------------------------------------------------------

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
    words = _words(text)
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


@dataclass
class _Header:
    last_row: int  # the last header row (1-based); data starts below
    columns: dict[str, tuple[int, str]]  # field -> (0-based column, header text)
    ticks: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # field -> [(column, value)]

    @property
    def score(self) -> int:
        return len(self.columns.keys() | self.ticks.keys()) + 2 * sum(1 for f in REQUIRED if f in self.columns)


def _tick_table(name: str | None) -> dict[str, Any] | None:
    return {"delivery_form": _FORMS, "obtain_method": _OBTAIN}.get(name or "")


def _map_columns(labels: list[tuple[str, list[Any], str, str]]) -> tuple[dict[str, tuple[int, str]],
                                                                         dict[str, list[tuple[int, str]]]]:
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
            table = _tick_table(field_of(group))
            if table is not None:
                try:
                    _choice(table, subtext)
                except _Unknown:
                    pass
                else:
                    ticks.setdefault(field_of(group), []).append((index, subtext))
                    continue
        for candidate in candidates:
            name = field_of(candidate)
            if name:
                if name not in columns:
                    columns[name] = (index, shown)
                elif name in ("contact", "note"):
                    columns.setdefault(f"{name}:{index}", (index, shown))
                break
    if "number" not in columns and "row_no" in columns:
        columns["number"] = columns["row_no"]
    columns.pop("row_no", None)
    return columns, ticks


def _is_texty(row: tuple) -> bool:
    return all(v is None or isinstance(v, str) for v in row)


def _single_header(row: tuple, number: int) -> _Header:
    labels = [(_plain(v), [v], "", "") for v in row]
    return _Header(number, *_map_columns(labels))


def _pair_headers(top: tuple, sub: tuple, last: int) -> list[_Header]:
    """Readings of a two-row header: group text carried over its merged sub-columns."""
    width = max(len(top), len(sub))
    top = tuple(top) + (None,) * (width - len(top))
    sub = tuple(sub) + (None,) * (width - len(sub))
    filled: list[str] = []
    carry = ""
    for t, s in zip(top, sub):
        text = _plain(t)
        if text:
            carry = text
        elif not _plain(s):
            carry = ""
        filled.append(text or (carry if _plain(s) else ""))
    combined, sub_first = [], []
    for group, s in zip(filled, sub):
        subtext = _plain(s)
        shown = " / ".join(x for x in (group, subtext) if x)
        both = f"{group} {subtext}".strip()
        combined.append((shown, [both, subtext] if subtext else [group], group, subtext))
        sub_first.append((shown, [subtext, both] if subtext else [group], group, subtext))
    return [_Header(last, *_map_columns(combined)), _Header(last, *_map_columns(sub_first))]


def _looks_like_header(row: tuple) -> bool:
    """Text only, and at least half of its cells name a field (a data row names none)."""
    cells = [v for v in row if _plain(v)]
    if not cells or not _is_texty(row):
        return False
    return sum(1 for v in cells if field_of(v)) * 2 >= len(cells)


def _find_header(head: list[tuple]) -> _Header | None:
    best: _Header | None = None
    best_index = -1
    for index, row in enumerate(head):
        candidate = _single_header(row, index + 1)
        if len(candidate.columns) >= 3 and (best is None or candidate.score > best.score):
            best, best_index = candidate, index
    if best is None:
        return None
    options = [best]
    if best_index + 1 < len(head) and _looks_like_header(head[best_index + 1]):
        options += _pair_headers(head[best_index], head[best_index + 1], best_index + 2)
    if best_index > 0 and _looks_like_header(head[best_index - 1]):
        options += _pair_headers(head[best_index - 1], head[best_index], best_index + 1)
    return max(options, key=lambda h: h.score)  # the first wins a tie: the single row


def _is_column_numbers(row: tuple) -> bool:
    """A row such as ``1 2 3 4`` or ``(1) (2) (3)`` under the header."""
    values = [v for v in row if v not in (None, "")]
    if len(values) < 3:
        return False
    numbers = []
    for v in values:
        text = _plain(v).strip("()[] .")
        if not re.fullmatch(r"[0-9]{1,3}", text):
            return False
        numbers.append(int(text))
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


# --- reading files -------------------------------------------------------------------

@dataclass
class _Table:
    sheet: str | None
    rows: Iterator[tuple[int, tuple]]  # (sheet row, values)
    others: list[str] = field(default_factory=list)  # other sheets that look like registers
    close: Any = None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _sniff(text: str) -> str:
    sample = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        try:
            counts = [len(r) for r in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        mode, freq = Tally(counts).most_common(1)[0]
        if (freq, mode) > best_score:
            best, best_score = delimiter, (freq, mode)
    return best


def _read_csv(path: Path) -> _Table:
    text = _decode(path.read_bytes())
    delimiter = _sniff(text)

    def rows() -> Iterator[tuple[int, tuple]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for number, row in enumerate(reader, 1):
                yield number, tuple(v if v.strip() else None for v in row)
        except csv.Error as exc:
            raise ValidationError(f"Berkas CSV tidak dapat dibaca: {exc}.") from None

    return _Table(None, rows())


def _sheet_rows(ws: Any) -> Iterator[tuple[int, tuple]]:
    ws.reset_dimensions()  # dimensions written by other programs may be wrong
    for number, row in enumerate(ws.iter_rows(min_row=1, values_only=True), 1):
        yield number, tuple(row)


def _read_xlsx(path: Path, sheet: str | None) -> _Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(f"Berkas {path.name} tidak dapat dibaca sebagai buku kerja Excel (.xlsx): "
                              f"{exc}") from None
    try:
        names = [ws.title for ws in wb.worksheets]  # chart sheets hold no rows
        if not names:
            raise ValidationError(f"Berkas {path.name} tidak berisi lembar kerja.")
        if sheet is not None:
            if sheet not in names:
                raise ValidationError(f"Lembar \u201c{sheet}\u201d tidak ada; lembar yang ada: {', '.join(names)}.")
            return _Table(sheet, _sheet_rows(wb[sheet]), close=wb.close)
        active = getattr(wb.active, "title", None)
        order = [active] if active in names else []
        order += [name for name in names if name not in order]
        found = []
        for name in order:
            ws = wb[name]
            head = [row for _, row in zip(range(HEADER_SEARCH_ROWS), _sheet_rows(ws))]
            if _find_header([r for _, r in head]) is not None:
                found.append(name)
        chosen = found[0] if found else order[0]
        return _Table(chosen, _sheet_rows(wb[chosen]), others=found[1:], close=wb.close)
    except Exception:
        wb.close()
        raise


def _open_table(path: Path, sheet: str | None) -> _Table:
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Berkas {path} tidak ditemukan.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise ValidationError("Format .xls (Excel 97-2003) tidak didukung; simpan ulang sebagai .xlsx lalu impor.")
    raise ValidationError(f"Format berkas {suffix or '(tanpa akhiran)'} tidak didukung; gunakan .xlsx atau .csv.")


# --- values --------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "pebruari": 2, "february": 2, "peb": 2,
    "mar": 3, "maret": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10, "october": 10, "nov": 11,
    "nop": 11, "november": 11, "nopember": 11, "des": 12, "desember": 12, "dec": 12, "december": 12,
}
_DAY_NAMES = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|" \
             r"saturday|sunday)"
_TIME = r"(?:[ T,]+(?:pukul|jam)?\s*(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?:[:.][0-9]{2})?(?:\s*(?:wib|wita|wit))?)?"
_DMY = re.compile(r"(?P<d>[0-9]{1,2})\s*[/.-]\s*(?P<m>[0-9]{1,2})\s*[/.-]\s*(?P<y>[0-9]{4}|[0-9]{2})" + _TIME)
_YMD = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})" + _TIME)
_DMONY = re.compile(r"(?P<d>[0-9]{1,2})\s*[ .-]\s*(?P<m>[a-z]+)\.?\s*[ .-]\s*(?P<y>[0-9]{4})" + _TIME)
_LEAD_DAY = re.compile(r"^" + _DAY_NAMES + r"\s*[,/]?\s*", re.I)


class _Unreadable(ValueError):
    pass


def _excel_serial(value: float) -> datetime:
    if not 20000 <= value <= 2958465:  # 1954 .. 9999: smaller numbers are not dates
        raise _Unreadable
    return datetime(1899, 12, 30) + timedelta(days=float(value))


def parse_date(value: Any) -> tuple[date, time | None] | None:
    """A cell as (date, time or None); None for an empty cell; _Unreadable otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date(), (value.time() if value.time() != time(0) else None)
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool):
        raise _Unreadable
    if isinstance(value, (int, float)):
        moment = _excel_serial(value)
        return moment.date(), (moment.time().replace(microsecond=0, second=0) if moment.time() != time(0) else None)
    text = _plain(value).lower().strip(" ,")
    if text in ("", "-", "--"):
        return None
    text = _LEAD_DAY.sub("", text)
    for regex in (_YMD, _DMY, _DMONY):
        match = regex.fullmatch(text)
        if not match:
            continue
        try:
            month_text = match["m"]
            month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.rstrip("."))
            if month is None:
                raise _Unreadable
            year = int(match["y"])
            if year < 100:
                year += 2000
            day = date(year, month, int(match["d"]))
            at = time(int(match["h"]), int(match["mi"])) if match["h"] is not None else None
        except ValueError:
            raise _Unreadable from None
        return day, at
    raise _Unreadable


def parse_time(value: Any) -> time | None:
    if value is None:
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    match = re.fullmatch(r"(?:pukul|jam)?\s*([0-9]{1,2})[:.]([0-9]{2})(?:[:.][0-9]{2})?\s*(?:wib|wita|wit)?",
                         _plain(value).lower())
    if not match:
        raise _Unreadable
    try:
        return time(int(match[1]), int(match[2]))
    except ValueError:
        raise _Unreadable from None


def _norm(text: str) -> str:
    return " ".join(_words(text))


_DECISIONS: dict[str, Decision] = {}
for _decision, _phrases in {
    Decision.GRANTED_FULL: ("dikabulkan seluruhnya", "dikabulkan", "dikabulkan semua", "dikabulkan sepenuhnya",
                            "dipenuhi", "dipenuhi seluruhnya", "diberikan", "diberikan seluruhnya", "diterima",
                            "terpenuhi", "seluruhnya", "dikabulkan seluruh", "kabul", "dikabulkan seluruhya"),
    Decision.GRANTED_PARTIAL: ("dikabulkan sebagian", "sebagian", "dipenuhi sebagian", "diberikan sebagian",
                               "diterima sebagian", "dikabulkan sbg"),
    Decision.REJECTED: ("ditolak", "tolak", "menolak", "ditolak seluruhnya", "dikecualikan", "informasi dikecualikan",
                        "penolakan"),
    Decision.NOT_HELD: ("belum dikuasai", "tidak dikuasai", "informasi tidak dikuasai", "informasi belum dikuasai",
                        "tidak di bawah penguasaan", "tidak dibawah penguasaan", "bukan kewenangan"),
    Decision.NOT_DOCUMENTED: ("belum didokumentasikan", "tidak didokumentasikan", "informasi belum didokumentasikan",
                              "belum terdokumentasi", "belum didokumentasi"),
}.items():
    for _phrase in _phrases:
        _DECISIONS[_phrase] = _decision
_IN_PROCESS = {"", "proses", "dalam proses", "diproses", "sedang diproses", "belum", "menunggu", "belum diputuskan",
               "on process", "dalam pemrosesan", "masih diproses"}
DECISION_CHOICES = ("Dikabulkan Seluruhnya, Dikabulkan Sebagian, Ditolak, Belum Dikuasai, Belum Didokumentasikan, "
                    "atau kosong bila masih diproses")


class _Unknown(ValueError):
    pass


_BY_LENGTH = sorted(_DECISIONS, key=len, reverse=True)


def parse_decision(value: Any) -> Decision | None:
    """A decision from its label or a common wording; None while still in process."""
    text = _norm(_plain(value))
    if text in _IN_PROCESS:
        return None
    if text in _DECISIONS:
        return _DECISIONS[text]
    try:
        return Decision(Decision.parse(text))
    except ValueError:
        pass
    for phrase in _BY_LENGTH:  # "Ditolak (Pasal 17 huruf h)", "Dikabulkan seluruhnya via email"
        if text.startswith(phrase + " "):
            return _DECISIONS[phrase]
    raise _Unknown


_P17 = re.compile(r"\b(?:pasal|psl|ps|pas)\s*\.?\s*17(?!\d)(?P<rest>[^0-9]*)", re.I)
_P17_SKIP = {"huruf", "hrf", "hr", "hur", "huru", "uu", "kip"}
_P17_JOIN = {"dan", "serta", "atau"}


def pasal17_letters(text: str) -> list[str]:
    """Pasal 17 letters named in a reason: "Pasal 17 huruf a dan i" -> ["a", "i"]."""
    letters: set[str] = set()
    text = re.sub(r"\bs\s*[/.]\s*d\b\.?", " sampai ", text or "", flags=re.I)
    for match in _P17.finditer(text):
        tokens = re.findall(r"[a-z]+", match["rest"].lower())
        seen_letter = ""
        span = False
        for token in tokens:
            if len(token) == 1 and "a" <= token <= "j":
                if span and seen_letter:
                    letters.update(chr(c) for c in range(ord(seen_letter), ord(token) + 1))
                letters.add(token)
                seen_letter, span = token, False
            elif token in ("sampai", "hingga") and seen_letter:
                span = True
            elif token in ("huruf", "hrf", "hr", "hur", "huru"):
                continue
            elif token in _P17_JOIN and seen_letter:
                continue
            elif token in _P17_SKIP and not seen_letter:
                continue
            else:
                break
    return sorted(letters)


def _choice(table: dict[str, Any], value: Any) -> Any:
    text = _norm(_plain(value))
    if text in table:
        return table[text]
    for key, result in table.items():
        if key and key in text.split() or (" " in key and key in text):
            return result
    raise _Unknown


_KINDS = {"perorangan": RequesterKind.PERSON, "perseorangan": RequesterKind.PERSON, "individu": RequesterKind.PERSON,
          "pribadi": RequesterKind.PERSON, "orang": RequesterKind.PERSON, "kelompok": RequesterKind.GROUP,
          "kelompok orang": RequesterKind.GROUP, "badan hukum": RequesterKind.LEGAL_BODY,
          "lembaga": RequesterKind.LEGAL_BODY, "organisasi": RequesterKind.LEGAL_BODY,
          "yayasan": RequesterKind.LEGAL_BODY, "perusahaan": RequesterKind.LEGAL_BODY}
_CHANNELS = {"langsung": Channel.WALK_IN, "datang langsung": Channel.WALK_IN, "tatap muka": Channel.WALK_IN,
             "walk in": Channel.WALK_IN, "loket": Channel.WALK_IN, "telepon": Channel.PHONE, "telp": Channel.PHONE,
             "telpon": Channel.PHONE, "faksimili": Channel.FAX, "fax": Channel.FAX, "faks": Channel.FAX,
             "email": Channel.EMAIL, "e mail": Channel.EMAIL, "surel": Channel.EMAIL, "website": Channel.WEBSITE,
             "web": Channel.WEBSITE, "online": Channel.WEBSITE, "daring": Channel.WEBSITE, "sms": Channel.SMS,
             "whatsapp": Channel.SMS, "wa": Channel.SMS, "surat": Channel.LETTER, "pos": Channel.LETTER}
_OBTAIN = {"melihat": ObtainMethod.SEE, "mengetahui": ObtainMethod.SEE, "melihat mengetahui": ObtainMethod.SEE,
           "membaca": ObtainMethod.READ, "mendengarkan": ObtainMethod.LISTEN, "mencatat": ObtainMethod.NOTE,
           "hardcopy": ObtainMethod.HARDCOPY, "hard copy": ObtainMethod.HARDCOPY, "cetak": ObtainMethod.HARDCOPY,
           "fotokopi": ObtainMethod.HARDCOPY, "fotocopy": ObtainMethod.HARDCOPY, "softcopy": ObtainMethod.SOFTCOPY,
           "soft copy": ObtainMethod.SOFTCOPY, "file": ObtainMethod.SOFTCOPY, "digital": ObtainMethod.SOFTCOPY,
           "salinan": ObtainMethod.SOFTCOPY, "meminta salinan": ObtainMethod.SOFTCOPY}
_DELIVERY = {"ambil langsung": DeliveryMethod.PICK_UP, "mengambil langsung": DeliveryMethod.PICK_UP,
             "langsung": DeliveryMethod.PICK_UP, "diambil": DeliveryMethod.PICK_UP, "kurir": DeliveryMethod.COURIER,
             "pos": DeliveryMethod.POST, "jasa pos": DeliveryMethod.POST, "faksimili": DeliveryMethod.FAX,
             "fax": DeliveryMethod.FAX, "faks": DeliveryMethod.FAX, "email": DeliveryMethod.EMAIL,
             "e mail": DeliveryMethod.EMAIL, "surel": DeliveryMethod.EMAIL}
_FORMS = {"softcopy": DeliveryForm.SOFTCOPY, "soft copy": DeliveryForm.SOFTCOPY, "file": DeliveryForm.SOFTCOPY,
          "digital": DeliveryForm.SOFTCOPY, "hardcopy": DeliveryForm.HARDCOPY, "hard copy": DeliveryForm.HARDCOPY,
          "cetak": DeliveryForm.HARDCOPY, "fotokopi": DeliveryForm.HARDCOPY, "fotocopy": DeliveryForm.HARDCOPY,
          "melihat di tempat": DeliveryForm.INSPECTION, "melihat": DeliveryForm.INSPECTION}
_FREE = {"gratis", "free", "tidak ada", "tanpa biaya", "nihil", "tidak dipungut biaya", "rp 0", "0", "tidak"}
_AMOUNT = re.compile(r"(?:rp\.?\s*)?([0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+)(?:,-|,00|\.00|,--)?", re.I)


def parse_cost(value: Any) -> tuple[int | None, str]:
    """(amount in rupiah or None, payment words): "Rp 5.000 (tunai)" -> (5000, "tunai")."""
    if value is None:
        return None, ""
    if isinstance(value, bool):
        raise _Unknown
    if isinstance(value, (int, float)):
        if value < 0 or value != int(value):
            raise _Unknown
        return int(value), ""
    text = _plain(value)
    if _norm(text) in _FREE or text in ("-", ""):
        return 0, ""
    match = _AMOUNT.search(text)
    if not match:
        if any(word in _norm(text) for word in ("gratis", "tidak dipungut", "tanpa biaya")):
            return 0, ""
        raise _Unknown
    amount = int(re.sub(r"[.,]", "", match[1]))
    rest = (text[:match.start()] + " " + text[match.end():]).strip(" ()-,;/")
    return amount, _squash(rest)


_EMAIL = re.compile(r"[^@\s,;/]+@[^@\s,;/]+\.[^@\s,;/]+")


def _split_contact(values: list[Any]) -> tuple[str, str]:
    phones, emails = [], []
    for value in values:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            digits = _plain(value)
            if re.fullmatch(r"8[0-9]{7,11}", digits) and 8 <= len(digits) <= 12:
                digits = "0" + digits
            if digits:
                phones.append(digits)
            continue
        text = _plain(value)
        found = _EMAIL.findall(text)
        emails += found
        for mail in found:
            text = text.replace(mail, " ")
        text = _squash(text.strip(" ,;/-|"))
        text = re.sub(r"^(?:[\s,;/|-]|email|e-mail|surel|telp\.?|hp\.?|wa)+$", "", text, flags=re.I)
        if text:
            phones.append(text)
    return " / ".join(phones), ", ".join(emails)


# --- checking ------------------------------------------------------------------------

class _RowCheck:
    """Collects the problems and warnings of one row."""

    def __init__(self, plan: ImportPlan, row: int, labels: dict[str, str]):
        self.plan, self.row, self.labels, self.bad = plan, row, labels, False

    def error(self, name: str, reason: str) -> None:
        self.bad = True
        self.plan.problems.append(ImportProblem(self.row, self.labels.get(name, FIELD_NAMES.get(name, name)), reason))

    def warn(self, name: str, reason: str) -> None:
        self.plan.warnings.append(ImportProblem(self.row, self.labels.get(name, FIELD_NAMES.get(name, name)), reason))


def _date_of(check: _RowCheck, name: str, value: Any, today: date, what: str) -> tuple[date, time | None] | None:
    try:
        parsed = parse_date(value)
    except _Unreadable:
        check.error(name, f"{what} tidak terbaca: {_quote(value)} (tulis dd/mm/yyyy)")
        return None
    if parsed is None:
        return None
    if parsed[0] > today:
        check.error(name, f"{what} di masa depan: {parsed[0]:%d/%m/%Y}")
        return None
    if parsed[0].year < OLDEST_YEAR:
        check.error(name, f"{what} terlalu lama: {parsed[0]:%d/%m/%Y} (sebelum UU KIP {OLDEST_YEAR})")
        return None
    return parsed


def _check_nik(check: _RowCheck, value: Any, today: date) -> str | None:
    if value is None or _plain(value) in ("", "-"):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = _plain(value) if isinstance(value, int) or value.is_integer() else ""
        if len(digits) >= 15 or isinstance(value, float):
            check.warn("nik", "NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; NIK tidak "
                              "disimpan (format kolom sebagai Teks)")
            return None
        text = digits
    else:
        text = _plain(value)
    nik = re.sub(r"[\s.'-]", "", text)
    if not re.fullmatch(r"[0-9]{16}", nik):
        check.warn("nik", f"NIK {_quote(value)} bukan 16 angka; NIK tidak disimpan")
        return None
    try:
        parse_nik(nik, today)
    except ValidationError as exc:
        check.warn("nik", f"{exc.message.rstrip('.')}; NIK disimpan apa adanya")
    return nik


def _cell(row: tuple, columns: dict[str, tuple[int, str]], name: str) -> Any:
    spot = columns.get(name)
    if spot is None or spot[0] >= len(row):
        return None
    value = row[spot[0]]
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _optional(check: _RowCheck, table: dict[str, Any], value: Any, name: str, default: Any, what: str) -> Any:
    if value is None or _plain(value) in ("", "-"):
        return default
    try:
        return _choice(table, value)
    except _Unknown:
        check.warn(name, f"{what} {_quote(value)} tidak dikenal; dipakai \u201c{default.label}\u201d")
        return default


_NO_MARK = {"0", "tidak", "no", "false", "n"}  # "✓", "√", "v", "x", "ya", "1" all tick


def _check_row(plan: ImportPlan, number_row: int, row: tuple, header: _Header, labels: dict[str, str],
               today: date, pattern: str) -> ImportRow | None:
    columns = header.columns

    def cell(name: str) -> Any:
        value = _cell(row, columns, name)
        if value is None and name in header.ticks:  # the ticked sub-column names the value
            for index, text in header.ticks[name]:
                mark = _plain(row[index]) if index < len(row) else ""
                if mark and mark != "-" and _norm(mark) not in _NO_MARK:
                    return text
        return value

    check = _RowCheck(plan, number_row, labels)

    raw_number = cell("number")
    number = _plain(raw_number)
    if not number:
        check.error("number", "nomor pendaftaran kosong")
    elif len(number) > LIMITS["number"]:
        check.error("number", f"nomor terlalu panjang (maksimal {LIMITS['number']} huruf)")

    received = cell("received")
    when = None
    if received is None:
        check.error("received", "tanggal permohonan kosong (sel gabungan? isi tanggal di setiap baris)")
    else:
        when = _date_of(check, "received", received, today, "tanggal permohonan")
    at: time | None = when[1] if when else None
    if when and cell("time") is not None:
        try:
            at = parse_time(cell("time")) or at
        except _Unreadable:
            check.warn("time", f"jam {_quote(cell('time'))} tidak terbaca; jam diabaikan")

    name = _plain(cell("name"))
    if not name:
        check.error("name", "nama pemohon kosong")
    information = _long(cell("information"))
    if not information:
        check.error("information", "informasi yang diminta kosong")

    values: dict[str, str] = {}
    for key in ("name", "occupation", "holder_body"):
        values[key] = _plain(cell(key))
    values["name"] = name
    for key in ("name", "occupation", "holder_body"):
        if len(values[key]) > LIMITS[key]:
            check.error(key, f"terlalu panjang (maksimal {LIMITS[key]} huruf)")

    contact_cells = [cell(key) for key in columns if key == "contact" or key.startswith("contact:")]
    phone, email = _split_contact([v for v in contact_cells if v is not None])
    phone2, email2 = _split_contact([cell("email")] if cell("email") is not None else [])
    phone = " / ".join(x for x in (phone, phone2) if x)
    email = ", ".join(x for x in (email, email2) if x)
    for key, text in (("phone", phone), ("email", email)):
        if len(text) > LIMITS[key]:
            check.error("contact" if "contact" in columns or key == "phone" else "email",
                        f"kontak terlalu panjang (maksimal {LIMITS[key]} huruf)")

    nik = _check_nik(check, cell("nik"), today)
    kind = _optional(check, _KINDS, cell("kind"), "kind", RequesterKind.PERSON, "jenis pemohon")
    channel = _optional(check, _CHANNELS, cell("channel"), "channel", Channel.WALK_IN, "saluran")
    obtain = _optional(check, _OBTAIN, cell("obtain_method"), "obtain_method", ObtainMethod.SOFTCOPY,
                       "cara memperoleh informasi")
    delivery_method = _optional(check, _DELIVERY, cell("delivery_method"), "delivery_method",
                                DeliveryMethod.PICK_UP, "cara mendapatkan salinan")
    form_value = cell("delivery_form")
    form = ""
    if form_value is not None and _plain(form_value) not in ("", "-"):
        try:
            form = _choice(_FORMS, form_value).value
        except _Unknown:
            check.warn("delivery_form", f"bentuk informasi {_quote(form_value)} tidak dikenal; diabaikan")

    decision, decision_known = None, True
    try:
        decision = parse_decision(cell("decision"))
    except _Unknown:
        decision_known = False
        check.error("decision", f"keputusan tidak dikenal: {_quote(cell('decision'))} (pilih: {DECISION_CHOICES})")
    reason = _long(cell("reason"))
    letters = pasal17_letters(reason)
    if decision is Decision.REJECTED and not reason:
        check.error("reason", "permohonan ditolak tanpa alasan penolakan (sebutkan Pasal 17 huruf ... atau "
                              "undang-undang lain)")
    notes = [_long(cell(key)) for key in columns if key == "note" or key.startswith("note:")]
    other_statute = ""
    withheld = decision in (Decision.REJECTED, Decision.GRANTED_PARTIAL)
    if not withheld:
        letters = []  # nothing was withheld: a reason is only a remark
        if reason:
            notes.insert(0, reason)
    elif reason and not letters:
        other_statute = reason

    notice = _date_of(check, "notice", cell("notice"), today, "tanggal pemberitahuan")
    delivered = _date_of(check, "delivered", cell("delivered"), today, "tanggal pemberian informasi")
    if decision is None and decision_known:
        if notice:
            check.error("notice", "tanggal pemberitahuan diisi tetapi keputusan kosong")
        if delivered:
            check.error("delivered", "tanggal pemberian informasi diisi tetapi keputusan kosong")
    if when and notice and notice[0] < when[0]:
        check.error("notice", f"tanggal pemberitahuan {notice[0]:%d/%m/%Y} sebelum tanggal permohonan "
                              f"{when[0]:%d/%m/%Y}")
    if when and delivered and delivered[0] < when[0]:
        check.error("delivered", f"tanggal pemberian informasi {delivered[0]:%d/%m/%Y} sebelum tanggal permohonan "
                                 f"{when[0]:%d/%m/%Y}")
    elif notice and delivered and delivered[0] < notice[0]:
        check.error("delivered", f"tanggal pemberian informasi {delivered[0]:%d/%m/%Y} sebelum tanggal "
                                 f"pemberitahuan {notice[0]:%d/%m/%Y}")

    cost, payment = None, ""
    if cell("cost") is not None:
        try:
            cost, payment = parse_cost(cell("cost"))
        except _Unknown:
            check.warn("cost", f"biaya {_quote(cell('cost'))} tidak terbaca; diabaikan")
    if cell("payment") is not None:
        payment = _plain(cell("payment"))
    if len(payment) > LIMITS["payment"]:
        payment = payment[:LIMITS["payment"]]

    if check.bad or when is None:
        return None
    received_at = datetime.combine(when[0], at or time(0))
    year = received_at.year
    original = number
    if re.fullmatch(r"[0-9]{1,9}", number):
        seq: int | None = int(number)
        number = format_number(pattern, seq, when[0]) if seq > 0 else number
        if seq <= 0:
            seq = None
    else:
        seq = sequence_of(pattern, number, year)
    return ImportRow(
        row=number_row, number=number, original_number=original, year=year, seq=seq, received_at=received_at,
        has_time=at is not None,
        requester=(RequesterKind(kind).value, name, nik, "", _long(cell("address")), values["occupation"], phone,
                   email),
        information=information, purpose=_long(cell("purpose")), channel=Channel(channel).value,
        obtain_method=ObtainMethod(obtain).value, delivery_method=DeliveryMethod(delivery_method).value,
        decision=decision, reason=reason, pasal17=",".join(letters), other_statute=other_statute,
        note="\n".join(n for n in notes if n), holder_body=values["holder_body"],
        notice_date=notice[0] if notice and decision else None,
        delivered_on=delivered[0] if delivered and decision else None,
        delivery_form=form, cost=cost, payment_method=payment,
    )


def _existing_numbers() -> tuple[set[str], set[tuple[int, int]]]:
    numbers = {n.casefold() for (n,) in Request.select(Request.number).tuples()}
    seqs = {(y, s) for y, s in Request.select(Request.year, Request.seq).where(Request.seq.is_null(False)).tuples()}
    return numbers, seqs


def check_file(path: Path | str, sheet: str | None = None, today: date | None = None) -> ImportPlan:
    """Read and check a register file; nothing is written. Needs an open store.

    Raises ValidationError when the file as a whole cannot be used (unreadable, no
    header, a required column missing); row problems are listed in the plan.
    """
    path = Path(path)
    today = today or date.today()
    pattern = load_office().request_number_pattern
    table = _open_table(path, sheet)
    try:
        head: list[tuple[int, tuple]] = []
        for item in table.rows:
            head.append(item)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        header = _find_header([r for _, r in head])
        where = f" (lembar \u201c{table.sheet}\u201d)" if table.sheet else ""
        if header is None:
            raise ValidationError(f"Judul kolom register tidak ditemukan di {HEADER_SEARCH_ROWS} baris pertama"
                                  f"{where}; perlu kolom Nomor, Tanggal, Nama dan Informasi yang Diminta.")
        missing = [FIELD_NAMES[f] for f in REQUIRED if f not in header.columns]
        if missing:
            raise ValidationError(f"Kolom wajib tidak ditemukan di baris judul {header.last_row}{where}: "
                                  f"{', '.join(missing)}.")
        columns = header.columns
        labels = {name.split(":")[0]: text for name, (_, text) in reversed(list(columns.items()))}
        for name, spots in header.ticks.items():
            labels.setdefault(name, spots[0][1])
        plan = ImportPlan(path=path, sheet=table.sheet, header_row=header.last_row,
                          columns={k: v[1] for k, v in columns.items() if ":" not in k})
        for other in table.others:
            plan.warnings.append(ImportProblem(0, "-", f"lembar \u201c{other}\u201d juga berisi register; "
                                                       f"tidak diimpor (impor lembar itu tersendiri)"))

        def data_rows() -> Iterator[tuple[int, tuple]]:
            yield from (item for item in head if item[0] > header.last_row)
            yield from table.rows

        key_cols = [columns[f][0] for f in ("number", "received", "information")]
        first = True
        for number_row, row in data_rows():
            if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in row):
                continue
            if first:
                first = False
                if _is_column_numbers(row):
                    continue
            plan.rows_read += 1
            if all(_cell(row, {"k": (c, "")}, "k") is None for c in key_cols):
                plan.skipped += 1
                plan.warnings.append(ImportProblem(number_row, "-", "baris dilewati: bukan baris register "
                                                                    "(nomor, tanggal dan informasi kosong)"))
                continue
            checked = _check_row(plan, number_row, row, header, labels, today, pattern)
            if checked is not None:
                plan.rows.append(checked)
    finally:
        if table.close:
            table.close()
    _check_numbers(plan, labels)
    return plan


def _check_numbers(plan: ImportPlan, labels: dict[str, str]) -> None:
    """Duplicates within the file and against the register; sequences that collide."""
    column = labels.get("number", FIELD_NAMES["number"])
    existing, existing_seqs = _existing_numbers()
    first_row: dict[str, int] = {}
    kept: list[ImportRow] = []
    for row in plan.rows:
        key = row.number.casefold()
        shown = row.number
        if row.number != row.original_number:
            shown += f" (dari \u201c{row.original_number}\u201d)"
        if key in first_row:
            plan.problems.append(ImportProblem(row.row, column, f"nomor {shown} ganda: sama dengan baris "
                                                                f"{first_row[key]}"))
            continue
        first_row[key] = row.row
        if key in existing:
            plan.problems.append(ImportProblem(row.row, column, f"nomor {shown} sudah ada di register"))
            continue
        kept.append(row)
    plan.rows = kept
    plan.problems.sort(key=lambda p: p.row)
    _settle_sequences(plan.rows, existing_seqs, plan.floors)


def _settle_sequences(rows: Iterable[ImportRow], taken: set[tuple[int, int]], floors: dict[int, int]) -> None:
    """Give up the sequence of rows that share one (year, seq) with each other or the register."""
    rows = list(rows)
    tally = Tally((r.year, r.seq) for r in rows if r.seq is not None)
    for row in rows:
        if row.seq is None:
            continue
        floors[row.year] = max(floors.get(row.year, 0), row.seq)
        if tally[(row.year, row.seq)] > 1 or (row.year, row.seq) in taken:
            row.seq = None


# --- applying ------------------------------------------------------------------------

def _insert(model: Any, fields: list[Any], rows: list[tuple]) -> None:
    """Insert many rows with one prepared statement (DB-API ``executemany``).

    peewee writes the statement (quoting and placeholders of the database in use) and
    each value goes through its field's ``db_value``, as in ``insert_many``; building a
    multi-row statement in peewee instead costs more than the database's own work.
    """
    if not rows:
        return
    # every column with a default is named, so that peewee adds none of its own
    named = {f.name for f in fields}  # not ``f in fields``: peewee's == builds an expression
    extra = [f for f in model._meta.sorted_fields
             if f.name not in named and not f.primary_key and f.default is not None]
    defaults = tuple(f.default() if callable(f.default) else f.default for f in extra)
    fields = [*fields, *extra]
    sql, params = model.insert_many([rows[0] + defaults], fields=fields).sql()
    if len(params) != len(fields):
        raise RuntimeError(f"unexpected insert statement for {model.__name__}: {sql}")
    convert = [f.db_value for f in fields]
    cursor = database.cursor()
    try:
        cursor.executemany(sql, [tuple(c(v) for c, v in zip(convert, row + defaults)) for row in rows])
    finally:
        cursor.close()


def _max_id(model: Any) -> int:
    from peewee import fn

    return model.select(fn.MAX(model.id)).scalar() or 0


REQUESTER_FIELDS = ("kind", "name", "nik", "legal_number", "address", "occupation", "phone", "email")


def apply(plan: ImportPlan, actor: str, now: datetime | None = None) -> ImportResult:
    """Write a clean plan in one transaction; ValidationError when it has problems."""
    if plan.problems:
        raise ValidationError(f"impor dibatalkan: {plan.bad_rows} baris bermasalah; tidak ada yang diimpor.")
    now = (now or datetime.now()).replace(microsecond=0)
    calendar = load_calendar()
    completeness_days = load_office().completeness_days
    deadlines: dict[object, Any] = {}
    file_name = plan.path.name
    with database.atomic():
        existing, taken = _existing_numbers()
        clash = [r for r in plan.rows if r.number.casefold() in existing]
        if clash:
            raise ValidationError(f"impor dibatalkan: nomor {clash[0].number} (baris {clash[0].row}) sudah ada di "
                                  f"register sejak berkas diperiksa; periksa ulang berkas.")
        _settle_sequences(plan.rows, taken, {})

        # requesters: one per distinct identity
        people: dict[tuple, int | None] = {}
        for row in plan.rows:
            people.setdefault(row.requester, None)
        before = _max_id(Requester)
        fields = [getattr(Requester, f) for f in REQUESTER_FIELDS] + [Requester.created_at]
        _insert(Requester, fields, [(*person, now) for person in people])
        query = (Requester.select(Requester.id, *[getattr(Requester, f) for f in REQUESTER_FIELDS])
                 .where(Requester.id > before).tuples())
        for rid, *identity in query:
            people[tuple(identity)] = rid

        # requests
        request_fields = ["number", "year", "seq", "received_at", "effective_day", "channel", "requester",
                          "information", "purpose", "obtain_method", "delivery_method", "status",
                          "completeness_due", "response_due", "extended_due", "decision", "decision_note",
                          "pasal17", "other_statute", "holder_body", "notice_date", "delivered_on",
                          "delivery_form", "cost", "payment_method", "closed_on", "created_by", "imported"]
        rows, due = [], {}
        for row in plan.rows:
            key = row.received_at if row.has_time else row.received_at.date()
            found = deadlines.get(key)
            if found is None:
                found = deadlines[key] = calendar.deadlines(key, completeness_days=completeness_days)
            due[row.number] = found
            status = row.status
            rows.append((
                row.number, row.year, row.seq, row.received_at, found.receipt.day, row.channel, people[row.requester],
                row.information, row.purpose, row.obtain_method, row.delivery_method, status.value,
                found.completeness.day, found.response.day, found.extended.day,
                row.decision.value if row.decision else None, row.note, row.pasal17, row.other_statute,
                row.holder_body, row.notice_date, row.delivered_on, row.delivery_form, row.cost, row.payment_method,
                row.delivered_on if status is Status.CLOSED else None, actor, True,
            ))
        before = _max_id(Request)
        with sqlite.bulk_request_load(database.obj):  # the search index is rebuilt once, not per row
            _insert(Request, [getattr(Request, f) for f in request_fields], rows)
        ids = {number: rid for rid, number in
               Request.select(Request.id, Request.number).where(Request.id > before).tuples()}

        # history
        events: list[tuple] = []

        def event(rid: int, kind: EventKind, at: datetime, imported: bool, **data: object) -> None:
            events.append((rid, kind.value, at, actor, json.dumps(data, default=str, ensure_ascii=False), imported))

        for row in plan.rows:
            rid = ids[row.number]
            found = due[row.number]
            registered = {"number": row.number, "received_at": row.received_at, "effective_day": found.receipt.day,
                          "response_due": found.response.day}
            if row.original_number != row.number:
                registered["original_number"] = row.original_number
            event(rid, EventKind.REGISTERED, row.received_at, True, **registered)
            if row.decision:
                decided = {"decision": row.decision.value, "pasal17": row.pasal17.split(",") if row.pasal17 else [],
                           "other_statute": row.other_statute, "note": row.note, "reason": row.reason,
                           "holder_body": row.holder_body, "notice_date": row.notice_date}
                at = datetime.combine(row.notice_date, time(0)) if row.notice_date else row.received_at
                event(rid, EventKind.DECIDED, max(at, row.received_at), True,
                      **{k: v for k, v in decided.items() if v})
            if row.delivered_on:
                at = max(datetime.combine(row.delivered_on, time(0)), row.received_at)
                event(rid, EventKind.DELIVERED, at, True, form=row.delivery_form, cost=row.cost,
                      payment_method=row.payment_method, delivered_on=row.delivered_on)
                event(rid, EventKind.CLOSED, at, True)
            event(rid, EventKind.IMPORTED, now, False, file=file_name, sheet=plan.sheet, row=row.row)
        event_fields = [RequestEvent.request, RequestEvent.kind, RequestEvent.at, RequestEvent.actor,
                        RequestEvent.data, RequestEvent.imported]
        _insert(RequestEvent, event_fields, events)

        for year, used in sorted(plan.floors.items()):
            raise_floor(SERIES, year, used)
    return ImportResult(file=file_name, imported=len(plan.rows), requesters=len(people), events=len(events),
                        by_decision=plan.by_decision())
