"""Reading a register file into rows: .xlsx/.xlsm (openpyxl) or .csv (encoding and
delimiter found out), and choosing the sheet of a workbook that holds the register."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ...errors import ValidationError
from .headers import HEADER_SEARCH_ROWS, find_header


@dataclass
class Table:
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
        # The header row holds the most columns; free text with commas in a ";" file
        # splits into a few pieces only, and uneven rows do not upset the widest one.
        widest = max(counts)
        freq = sum(1 for c in counts if c == widest)
        if (widest, freq) > best_score:
            best, best_score = delimiter, (widest, freq)
    return best


def _read_csv(path: Path) -> Table:
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


def _sheet_rows(ws: Any) -> Iterator[tuple[int, tuple]]:
    ws.reset_dimensions()  # dimensions written by other programs may be wrong
    for number, row in enumerate(ws.iter_rows(min_row=1, values_only=True), 1):
        yield number, tuple(row)


def _read_xlsx(path: Path, sheet: str | None) -> Table:
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
            return Table(sheet, _sheet_rows(wb[sheet]), close=wb.close)
        active = getattr(wb.active, "title", None)
        order = [active] if active in names else []
        order += [name for name in names if name not in order]
        found = []
        for name in order:
            ws = wb[name]
            head = [row for _, row in zip(range(HEADER_SEARCH_ROWS), _sheet_rows(ws))]
            if find_header([r for _, r in head]) is not None:
                found.append(name)
        chosen = found[0] if found else order[0]
        return Table(chosen, _sheet_rows(wb[chosen]), others=found[1:], close=wb.close)
    except Exception:
        wb.close()
        raise


def open_table(path: Path, sheet: str | None) -> Table:
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
