"""Importing an office's DIP from Excel (.xlsx) or CSV.

As the register import (:mod:`ppid_desk.register.importer`, whose reader and header
search this uses): :func:`check_file` reads and checks everything and returns a
:class:`DipImportPlan` (nothing written); :func:`apply` writes a clean plan in one
transaction. All or nothing; every bad row is listed as "baris N, kolom X: alasan"
(with its sheet when several sheets are read).

Reading
  * The header row is searched in the first 30 rows; headers match with synonyms
    (:func:`.import_cells.field_of`); two-row headers (our own export) are recognised.
    Required columns: Ringkasan Isi Informasi and Pejabat/Unit yang Menguasai.
  * Without ``sheet``, every sheet with a DIP header is read: offices often keep one
    sheet per class.
  * The class of a row comes from its class column ("Berkala", "Informasi Serta Merta",
    "Tersedia Setiap Saat", "Dikecualikan (Pasal 17 huruf b)"); when that is empty, from
    the section row above it ("A. Informasi yang Wajib Disediakan dan Diumumkan secara
    Berkala"); else from the sheet's name ("Dikecualikan"). None of them: a bad row.
  * Cells merged down a column (one unit over several lines) count for every line.

Decisions on ambiguous input
  * A row whose only text is the summary is a sub-heading ("Informasi tentang profil
    badan publik"): skipped with a warning. A row with other data but no summary is bad;
    a row with at most one stray cell (signature block, notes) is skipped with a warning.
  * The holder matches a unit by its name (case, spaces and punctuation ignored), also
    as "official, unit" (our export's form); otherwise it is kept as written.
  * A row with the same summary and holder as an active entry of the DIP is left out
    with a warning (importing an updated list adds only the new lines); the same twice in
    the file is a bad row.
  * Pasal 17 letters come from the class cell and/or a Pasal 17 column ("Pasal 17 huruf
    b dan h", "huruf h", "b, h"); another statute only from its own column.
"""

from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from .. import audit
from ..accounts.officer import Actor, require
from ..accounts.roles import Permission
from ..errors import ValidationError
from ..register.importer.cells import Unknown, Unreadable, long_text, parse_date, plain, quoted
from ..register.importer.headers import HEADER_SEARCH_ROWS, find_header, is_column_numbers
from ..register.importer.reader import open_table
from ..register.importer.rows import cell_at
from ..store.models import DipEntry, Unit, database
from .codes import DipEventKind, InfoClass
from .import_cells import (
    CLASS_CHOICES, FIELD_NAMES, REQUIRED, RULES, letters_in, parse_class, section_class, settle_columns, sheet_class,
)
from .queries import holder_text, normalised_name, with_unit
from .service import DipInput, _dip_event, clean_values, entry_problems

_DATA_FIELDS = ("holder", "official", "made", "format", "retention", "info_class", "pasal17", "other_statute",
                "consequence", "exclusion_period", "decided_by", "decision_number", "decision_date")


@dataclass(frozen=True)
class DipProblem:
    """One bad cell (or row, column "-"): sheet, row as the spreadsheet shows it, header, why."""

    sheet: str | None
    row: int
    column: str
    reason: str

    def line(self, with_sheet: bool = False) -> str:
        where = f"lembar \u201c{self.sheet}\u201d, " if with_sheet and self.sheet else ""
        if self.column == "-":
            return f"{where}baris {self.row}: {self.reason}"
        return f"{where}baris {self.row}, kolom {self.column}: {self.reason}"


@dataclass
class DipRow:
    sheet: str | None
    row: int
    data: DipInput


@dataclass
class SheetRead:
    name: str | None
    header_row: int
    columns: dict[str, str]  # field -> header text as in the file
    rows_read: int = 0
    skipped: int = 0
    sections: int = 0


@dataclass
class DipImportPlan:
    path: Path
    sheets: list[SheetRead] = field(default_factory=list)
    rows: list[DipRow] = field(default_factory=list)
    problems: list[DipProblem] = field(default_factory=list)
    warnings: list[DipProblem] = field(default_factory=list)
    already_in_dip: int = 0
    unmatched_holders: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({(p.sheet, p.row) for p in self.problems})

    @property
    def many_sheets(self) -> bool:
        return len(self.sheets) > 1

    def lines(self, items: list[DipProblem]) -> list[str]:
        return [p.line(self.many_sheets) for p in items]

    def by_class(self) -> dict[InfoClass, int]:
        tally = Tally(InfoClass(r.data.info_class) for r in self.rows)
        return {c: tally[c] for c in InfoClass if tally[c]}


@dataclass
class DipImportResult:
    file: str
    imported: int
    by_class: dict[InfoClass, int]
    already_in_dip: int


# --- reading ------------------------------------------------------------------------------

Merged = dict[str, dict[tuple[int, int], Any]]


def _merged_values(path: Path) -> Merged:
    """Per sheet, (sheet row, 0-based column) -> value for the cells merged down a column
    under its top cell (the read-only reader sees them empty). Merges across columns (a
    section heading over the whole width) are left alone."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception:  # noqa: BLE001 - the reader reports an unreadable file in its own words
        return {}
    try:
        found: Merged = {}
        for ws in wb.worksheets:
            filled = found[ws.title] = {}
            for merged in ws.merged_cells.ranges:
                if merged.max_row > merged.min_row:
                    value = ws.cell(merged.min_row, merged.min_col).value
                    for row in range(merged.min_row + 1, merged.max_row + 1):
                        filled[(row, merged.min_col - 1)] = value
        return found
    finally:
        wb.close()


class _SheetCheck:
    """Checks the rows of one sheet into the plan."""

    def __init__(self, plan: DipImportPlan, read: SheetRead, columns: dict[str, tuple[int, str]], today: date,
                 units: dict[str, int], seen: dict[tuple[str, str], tuple[str | None, int]],
                 existing: set[tuple[str, str]]) -> None:
        self.plan, self.read, self.columns, self.today = plan, read, columns, today
        self.units, self.seen, self.existing = units, seen, existing
        self.labels = {name: text for name, (_, text) in columns.items()}
        self.section: InfoClass | None = None
        self.by_sheet = sheet_class(read.name)

    def label(self, name: str) -> str:
        return self.labels.get(name, FIELD_NAMES.get(name, name))

    def problem(self, row: int, name: str, reason: str) -> None:
        self.plan.problems.append(DipProblem(self.read.name, row, self.label(name) if name != "-" else "-", reason))

    def warn(self, row: int, name: str, reason: str) -> None:
        self.plan.warnings.append(DipProblem(self.read.name, row, self.label(name) if name != "-" else "-", reason))

    def holder(self, text: str) -> tuple[int | None, str]:
        """(unit id, holder name as written) for a holder cell."""
        unit = self.units.get(normalised_name(text))
        if unit is not None:
            return unit, ""
        head, comma, tail = text.rpartition(",")
        if comma and normalised_name(tail) in self.units and head.strip():
            return self.units[normalised_name(tail)], head.strip()
        self.plan.unmatched_holders.add(text)
        return None, text

    def row(self, number: int, row: tuple) -> None:
        section = section_class(row)
        if section is not None:
            self.section = section
            self.read.sections += 1
            return
        self.read.rows_read += 1

        def cell(name: str) -> Any:
            return cell_at(row, self.columns, name)

        summary = long_text(cell("summary"))
        filled = [name for name in _DATA_FIELDS if cell(name) is not None and plain(cell(name)) not in ("", "-")]
        if not summary:
            if len(filled) >= 2:
                self.problem(number, "summary", "ringkasan isi informasi kosong")
            else:
                self.read.skipped += 1
                self.warn(number, "-", "baris dilewati: bukan baris DIP (ringkasan isi informasi kosong)")
            return
        if not filled:
            self.read.skipped += 1
            self.warn(number, "-", "baris dilewati: judul sub-bagian (hanya ringkasan yang terisi)")
            return
        bad = len(self.plan.problems)
        info_class, letters = self._class(number, cell("info_class"))
        pasal_text = plain(cell("pasal17"))
        if pasal_text and pasal_text != "-":
            found = letters_in(pasal_text)
            if not found and not letters and info_class is InfoClass.EXCLUDED:
                self.problem(number, "pasal17", f"huruf Pasal 17 tidak terbaca: {quoted(pasal_text)} (tulis misalnya "
                                                "\u201cPasal 17 huruf b\u201d)")
            letters = sorted(set(letters) | set(found)) or ([pasal_text] if info_class is not InfoClass.EXCLUDED
                                                           else [])
        decided_on = None
        try:
            parsed = parse_date(cell("decision_date"))
            decided_on = parsed[0] if parsed else None
        except Unreadable:
            self.problem(number, "decision_date", f"tanggal keputusan tidak terbaca: {quoted(cell('decision_date'))} "
                                                  "(tulis dd/mm/yyyy)")
        holder = plain(cell("holder"))
        unit_id, holder_name = self.holder(holder) if holder else (None, "")
        data = DipInput(
            summary=summary, info_class=info_class or "", unit_id=unit_id, holder_name=holder_name,
            official=plain(cell("official")), made=plain(cell("made")), format=plain(cell("format")),
            retention=plain(cell("retention")), pasal17=letters, other_statute=long_text(cell("other_statute")),
            consequence=long_text(cell("consequence")), exclusion_period=plain(cell("exclusion_period")),
            decided_by=plain(cell("decided_by")), decision_number=plain(cell("decision_number")),
            decision_date=decided_on,
        )
        told = {p.column for p in self.plan.problems[bad:]}
        for name, message in entry_problems(data, self.today).items():
            if self.label(name) not in told:  # the cell's own reading said it already
                self.problem(number, name, message[0].lower() + message[1:].rstrip("."))
        if len(self.plan.problems) > bad:
            return
        key = (normalised_name(summary), normalised_name(holder))
        if key in self.existing:
            self.plan.already_in_dip += 1
            self.warn(number, "-", "sudah ada di DIP (ringkasan dan pemegang informasi sama); tidak diimpor lagi")
            return
        if key in self.seen:
            sheet, first = self.seen[key]
            where = f"lembar \u201c{sheet}\u201d " if sheet != self.read.name else ""
            self.problem(number, "summary", f"sama dengan {where}baris {first} (ringkasan dan pemegang informasi "
                                            "sama)")
            return
        self.seen[key] = (self.read.name, number)
        self.plan.rows.append(DipRow(self.read.name, number, data))

    def _class(self, number: int, value: Any) -> tuple[InfoClass | None, list[str]]:
        try:
            found = parse_class(value)
        except Unknown:
            self.problem(number, "info_class", f"klasifikasi tidak dikenal: {quoted(value)} (pilih: {CLASS_CHOICES})")
            return None, []
        if found is not None:
            return found
        if self.section is not None:
            return self.section, []
        if self.by_sheet is not None:
            return self.by_sheet, []
        self.problem(number, "info_class", "klasifikasi informasi kosong (isi kolom klasifikasi, atau beri baris "
                                           "judul bagian di atasnya, misalnya \u201cA. Informasi yang Wajib "
                                           "Disediakan dan Diumumkan secara Berkala\u201d)")
        return None, []


def _units() -> dict[str, int]:
    """Normalised unit name -> id; an active unit wins over a retired one of the same name."""
    found: dict[str, int] = {}
    for unit in Unit.select().order_by(Unit.active, Unit.id):
        found[normalised_name(unit.name)] = unit.id
    return found


def existing_keys() -> set[tuple[str, str]]:
    return {(normalised_name(e.summary), normalised_name(holder_text(e)))
            for e in with_unit().where(DipEntry.active == True)}  # noqa: E712


def _read_sheet(plan: DipImportPlan, path: Path, sheet: str | None, chosen: bool, today: date,
                units: dict[str, int], seen: dict, existing: set, merged_cells: Merged) -> list[str]:
    """Check one sheet (the first table found when ``sheet`` is None); returns the other
    sheets that have a DIP header."""
    table = open_table(path, sheet, RULES)
    try:
        head: list[tuple[int, tuple]] = []
        for item in table.rows:
            head.append(item)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        header = find_header([r for _, r in head], RULES)
        where = f" (lembar \u201c{table.sheet}\u201d)" if table.sheet else ""
        if header is None:
            if not chosen:
                return []
            raise ValidationError(f"Judul kolom DIP tidak ditemukan di {HEADER_SEARCH_ROWS} baris pertama{where}; "
                                  f"perlu kolom {FIELD_NAMES['summary']} dan {FIELD_NAMES['holder']}.")
        columns = settle_columns(header.columns)
        missing = [FIELD_NAMES[f] for f in REQUIRED if f not in columns]
        if missing:
            raise ValidationError(f"Kolom wajib tidak ditemukan di baris judul {header.last_row}{where}: "
                                  f"{', '.join(missing)}.")
        read = SheetRead(table.sheet, header.last_row, {k: v[1] for k, v in columns.items()})
        plan.sheets.append(read)
        check = _SheetCheck(plan, read, columns, today, units, seen, existing)
        merged = merged_cells.get(table.sheet or "", {})

        def data_rows() -> Iterator[tuple[int, tuple]]:
            yield from (item for item in head if item[0] > header.last_row)
            yield from table.rows

        first = True
        for number, row in data_rows():
            if merged:
                row = tuple(merged.get((number, i), v) if v is None else v for i, v in enumerate(row))
            if not any(plain(v) for v in row):
                continue
            if first:
                first = False
                if is_column_numbers(row):
                    continue
            check.row(number, row)
        return table.others
    finally:
        if table.close:
            table.close()


def check_file(path: Path | str, sheet: str | None = None, today: date | None = None) -> DipImportPlan:
    """Read and check a DIP file; nothing is written. Needs an open store.

    Raises ValidationError when the file as a whole cannot be used (unreadable, no
    header, a required column missing); row problems are listed in the plan.
    """
    path = Path(path)
    today = today or date.today()
    plan = DipImportPlan(path)
    units, seen, existing = _units(), {}, existing_keys()
    merged = _merged_values(path) if path.is_file() else {}
    others = _read_sheet(plan, path, sheet, True, today, units, seen, existing, merged)
    if sheet is None:
        for other in others:
            _read_sheet(plan, path, other, False, today, units, seen, existing, merged)
    plan.problems.sort(key=lambda p: ([s.name for s in plan.sheets].index(p.sheet), p.row))
    return plan


# --- writing ------------------------------------------------------------------------------

def apply(plan: DipImportPlan, actor: Actor, now: datetime | None = None) -> DipImportResult:
    """Write a clean plan in one transaction; ValidationError when it has problems. One
    audit entry names the file and the number of entries (not one per entry)."""
    require(actor, Permission.IMPORT_DIP)
    if plan.problems:
        raise ValidationError(f"impor dibatalkan: {plan.bad_rows} baris bermasalah; tidak ada yang diimpor.")
    now = (now or datetime.now()).replace(microsecond=0)
    with database.atomic():
        existing = existing_keys()
        clash = [r for r in plan.rows if (normalised_name(r.data.summary),
                                          normalised_name(_holder_of(r.data))) in existing]
        if clash:
            raise ValidationError(f"impor dibatalkan: baris {clash[0].row} sudah ada di DIP sejak berkas diperiksa; "
                                  "periksa ulang berkas.")
        with audit.batch():
            for row in plan.rows:
                entry = DipEntry.create(**clean_values(row.data), created_at=now, created_by=str(actor), updated_at=now,
                                        updated_by=str(actor))
                _dip_event(entry.id, DipEventKind.IMPORTED, actor, now, file=plan.path.name, sheet=row.sheet,
                           row=row.row)
        audit.append(actor, "dip.import", "dip", plan.path.name,
                     f"DIP diimpor dari berkas {plan.path.name}: {len(plan.rows)} entri.",
                     {"file": plan.path.name, "entries": len(plan.rows),
                      "by_class": {k.value: v for k, v in plan.by_class().items()}}, at=now)
    return DipImportResult(plan.path.name, len(plan.rows), plan.by_class(), plan.already_in_dip)


def _holder_of(data: DipInput) -> str:
    unit = Unit.get_by_id(data.unit_id).name if data.unit_id else ""
    if unit and data.holder_name:
        return f"{data.holder_name}, {unit}"
    return unit or data.holder_name
