"""Reading a register file into rows: .xlsx/.xlsm (openpyxl) or .csv (encoding and
delimiter found out), and choosing the sheet of a workbook that holds the register."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ...errors import ValidationError
from .headers import HEADER_SEARCH_ROWS, REGISTER, HeaderRules, find_header


@dataclass
class Table:
    sheet: str | None
    rows: Iterator[tuple[int, tuple]]  # (sheet row, values)
    others: list[str] = field(default_factory=list)  # other sheets with a header of the same kind
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
        # The header row holds the most columns; free text with commas in a ";" file
        # splits into a few pieces only, and uneven rows do not upset the widest one.
        widest = max(counts)
        freq = sum(1 for c in counts if c == widest)
        if (widest, freq) > best_score:
            best, best_score = delimiter, (widest, freq)
    return best


# The most a register file may hold once unpacked: some 400,000 rows of an .xlsx. A
# "zip bomb" (a few MB that unpack to gigabytes) is refused before it is read, instead of
# keeping the import busy for minutes.
MAX_UNPACKED = 256 * 1024 * 1024


def _check_size(path: Path) -> None:
    unpacked = path.stat().st_size
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(item.file_size for item in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return  # openpyxl says what is wrong with it
    if unpacked > MAX_UNPACKED:
        raise ValidationError(f"Berkas {path.name} terlalu besar untuk diimpor ({unpacked // 2**20} MB setelah "
                              f"dibuka; paling besar {MAX_UNPACKED // 2**20} MB). Pecah registernya, misalnya per "
                              "tahun, lalu impor satu per satu.")


def _read_csv(path: Path) -> Table:
    _check_size(path)
    text = _decode(path.read_bytes())
    delimiter = _sniff(text)

    def rows() -> Iterator[tuple[int, tuple]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for number, row in enumerate(reader, 1):
                yield number, tuple(v if v.strip() else None for v in row)
        except csv.Error as exc:
            raise ValidationError(f"Berkas CSV tidak dapat dibaca: {exc}.") from None

    return Table(None, rows())


# What openpyxl raises on a damaged workbook (a broken copy, a file cut short): bad zip
# data, XML that does not parse (ParseError, lxml's XMLSyntaxError: both SyntaxErrors),
# cells whose values do not fit their types.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError, ValueError, TypeError, KeyError, IndexError,
            AttributeError)


def _damaged(path: Path, exc: BaseException) -> ValidationError:
    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
    return ValidationError(f"Berkas {path.name} rusak dan tidak dapat dibaca sebagai buku kerja Excel (.xlsx): "
                           f"{reason}. Buka berkas itu di Excel, simpan ulang, lalu impor lagi.")


def _sheet_rows(ws: Any, path: Path) -> Iterator[tuple[int, tuple]]:
    try:
        ws.reset_dimensions()  # dimensions written by other programs may be wrong
        for number, row in enumerate(ws.iter_rows(min_row=1, values_only=True), 1):
            yield number, tuple(row)
    except _DAMAGED as exc:
        raise _damaged(path, exc) from None


def _read_xlsx(path: Path, sheet: str | None, rules: HeaderRules) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    _check_size(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(f"Berkas {path.name} tidak dapat dibaca sebagai buku kerja Excel (.xlsx): "
                              f"{exc}") from None
    except _DAMAGED as exc:
        raise _damaged(path, exc) from None
    try:
        names = [ws.title for ws in wb.worksheets]  # chart sheets hold no rows
        if not names:
            raise ValidationError(f"Berkas {path.name} tidak berisi lembar kerja.")
        if sheet is not None:
            if sheet not in names:
                raise ValidationError(f"Lembar \u201c{sheet}\u201d tidak ada; lembar yang ada: {', '.join(names)}.")
            return Table(sheet, _sheet_rows(wb[sheet], path), close=wb.close)
        active = getattr(wb.active, "title", None)
        order = [active] if active in names else []
        order += [name for name in names if name not in order]
        found = []
        for name in order:
            ws = wb[name]
            head = [row for _, row in zip(range(HEADER_SEARCH_ROWS), _sheet_rows(ws, path))]
            if find_header([r for _, r in head], rules) is not None:
                found.append(name)
        chosen = found[0] if found else order[0]
        return Table(chosen, _sheet_rows(wb[chosen], path), others=found[1:], close=wb.close)
    except Exception:
        wb.close()
        raise


def open_table(path: Path, sheet: str | None, rules: HeaderRules = REGISTER) -> Table:
    """The rows of ``path``: of ``sheet``, else of the first sheet (the active one first)
    with a header that ``rules`` recognise; ``Table.others`` names the other such sheets."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Berkas {path} tidak ditemukan.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet, rules)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix == ".xls":
        raise ValidationError("Format .xls (Excel 97-2003) tidak didukung; simpan ulang sebagai .xlsx lalu impor.")
    raise ValidationError(f"Format berkas {suffix or '(tanpa akhiran)'} tidak didukung; gunakan .xlsx atau .csv.")
