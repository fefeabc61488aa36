"""Checking a whole register file (:func:`check_file`): header, rows, and register
numbers against each other and against the register."""

from __future__ import annotations

from collections import Counter as Tally
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from ...errors import ValidationError
from ...office import load_office
from ...store.models import Request
from .headers import FIELD_NAMES, HEADER_SEARCH_ROWS, REQUIRED, find_header, is_column_numbers
from .plan import ImportPlan, ImportProblem, ImportRow
from .reader import open_table
from .rows import cell_at, check_row


def existing_numbers() -> tuple[set[str], set[tuple[int, int]]]:
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
    table = open_table(path, sheet)
    try:
        head: list[tuple[int, tuple]] = []
        for item in table.rows:
            head.append(item)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        header = find_header([r for _, r in head])
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
                if is_column_numbers(row):
                    continue
            plan.rows_read += 1
            if all(cell_at(row, {"k": (c, "")}, "k") is None for c in key_cols):
                plan.skipped += 1
                plan.warnings.append(ImportProblem(number_row, "-", "baris dilewati: bukan baris register "
                                                                    "(nomor, tanggal dan informasi kosong)"))
                continue
            checked = check_row(plan, number_row, row, header, labels, today, pattern)
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
    existing, existing_seqs = existing_numbers()
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
    settle_sequences(plan.rows, existing_seqs, plan.floors)


def settle_sequences(rows: Iterable[ImportRow], taken: set[tuple[int, int]], floors: dict[int, int]) -> None:
    """Give up the sequence of rows that share one (year, seq) with each other or the register."""
    rows = list(rows)
    tally = Tally((r.year, r.seq) for r in rows if r.seq is not None)
    for row in rows:
        if row.seq is None:
            continue
        floors[row.year] = max(floors.get(row.year, 0), row.seq)
        if tally[(row.year, row.seq)] > 1 or (row.year, row.seq) in taken:
            row.seq = None
