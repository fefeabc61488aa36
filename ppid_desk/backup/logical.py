"""PPID Desk's own logical export of a register on a PostgreSQL server (``.ppidjson.gz``):
written when no suitable ``pg_dump`` is installed, and read by ``restore``.

A gzip file of JSON lines (UTF-8):

1. the header, one object: ``format`` (``ppid-desk-logis``), ``format_version``,
   ``schema_version``, ``app_version``, ``made_at`` (ISO), ``database`` (where it was read
   from) and ``tables``: for every table, in the order its rows follow (parents before the
   tables that refer to them), its ``name``, ``columns`` (``[name, PostgreSQL type]``) and
   ``rows`` (how many);
2. per table a marker object ``{"table": name}``, then its rows in key order, each a JSON
   array of the column values: text, numbers, true/false, null; dates and times as ISO
   text; bytes (``bytea``) as base64 text;
3. the end marker ``{"end": true, "rows": <all rows>}``.

The search tables are not exported (they are rebuilt from the rows) and neither is the
schema-version table (the header carries the version). Checking an export is reading it
through: every table's row count must be what the header says, the end marker must be
there, and gzip's own CRC must match.
"""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from .files import BackupError

FORMAT = "ppid-desk-logis"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[tuple[str, str], ...]  # (column, PostgreSQL data type)
    key: tuple[str, ...] = ()  # the primary key's columns (the rows' order)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c for c, _t in self.columns)


@dataclass(frozen=True)
class ExportHeader:
    schema_version: int
    app_version: str
    made_at: str
    database: str
    tables: tuple[TableInfo, ...]
    counts: dict[str, int]

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot export a value of type {type(value).__name__}")


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_plain).encode


# --- writing ------------------------------------------------------------------------------

def write_export(target: Path, tables: list[TableInfo], counts: dict[str, int], schema_version: int,
                 app_version: str, made: datetime, database: str,
                 rows_of: Callable[[TableInfo], Iterator[list[tuple]]]) -> int:
    """Write the export to ``target``; ``rows_of(table)`` yields the table's rows in batches
    (all read in one snapshot by the caller). Returns the number of rows written; a table
    whose rows differ in number from ``counts`` is an error (the snapshot was not one)."""
    header = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": schema_version,
        "app_version": app_version, "made_at": made.isoformat(), "database": database,
        "tables": [{"name": t.name, "columns": [list(c) for c in t.columns], "key": list(t.key),
                    "rows": counts[t.name]} for t in tables],
    }
    total = 0
    # compresslevel 6: a third faster than 9 for a few per cent more bytes
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=6, newline="\n") as out:
        out.write(_encode(header) + "\n")
        for table in tables:
            out.write(_encode({"table": table.name}) + "\n")
            written = 0
            for batch in rows_of(table):
                out.write("".join(_encode(list(row)) + "\n" for row in batch))
                written += len(batch)
            if written != counts[table.name]:
                raise BackupError(f"Tabel {table.name} berubah selama ekspor ({written} baris, seharusnya "
                                  f"{counts[table.name]}); cadangan tidak dibuat.")
            total += written
        out.write(_encode({"end": True, "rows": total}) + "\n")
    return total


# --- reading ------------------------------------------------------------------------------

def _damaged(path: Path, why: str) -> BackupError:
    return BackupError(f"Berkas {Path(path).name} rusak atau terpotong ({why}); register tidak diubah.")


def _parse_header(path: Path, line: str) -> ExportHeader:
    try:
        raw = json.loads(line)
    except ValueError as exc:
        raise _damaged(path, "kepala berkas tidak terbaca") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BackupError(f"Berkas {Path(path).name} bukan ekspor logis PPID Desk; register tidak diubah.")
    if raw.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"Berkas {Path(path).name} memakai format ekspor versi {raw.get('format_version')} yang "
                          "belum dikenal versi PPID Desk ini; perbarui aplikasi dulu. Register tidak diubah.")
    try:
        tables = tuple(TableInfo(str(t["name"]), tuple((str(c), str(k)) for c, k in t["columns"]),
                                 tuple(str(c) for c in t.get("key", ()))) for t in raw["tables"])
        counts = {str(t["name"]): int(t["rows"]) for t in raw["tables"]}
        return ExportHeader(int(raw["schema_version"]), str(raw.get("app_version", "")),
                            str(raw.get("made_at", "")), str(raw.get("database", "")), tables, counts)
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(path, "kepala berkas tidak lengkap") from exc


def read_header(path: Path) -> ExportHeader:
    """Only the header (a cheap look, for listing)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            line = f.readline()
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise _damaged(path, str(exc) or type(exc).__name__) from exc
    return _parse_header(path, line)


class ExportReader:
    """Reads an export from start to end, table by table: ``for table, rows in reader.tables()``
    (consume ``rows`` before the next table). Any damage is a :class:`BackupError`."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def _lines(self) -> Iterator[str]:
        try:
            with gzip.open(self.path, "rt", encoding="utf-8") as f:
                yield from f
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
            raise _damaged(self.path, str(exc) or type(exc).__name__) from exc

    def tables(self) -> Iterator[tuple[ExportHeader, TableInfo, Iterator[list]]]:
        lines = self._lines()
        first = next(lines, None)
        if first is None:
            raise _damaged(self.path, "berkas kosong")
        header = _parse_header(self.path, first)
        infos = {t.name: t for t in header.tables}
        expected = [t.name for t in header.tables]
        pending: list[str | None] = [next(lines, None)]
        total = 0
        for name in expected:
            marker = self._object(pending[0])
            if marker.get("table") != name:
                raise _damaged(self.path, f"bagian tabel {name} tidak ada")
            info = infos[name]
            seen = [0]

            def rows(info: TableInfo = info, seen: list[int] = seen) -> Iterator[list]:
                width = len(info.columns)
                for line in lines:
                    if not line.startswith("["):
                        pending[0] = line
                        return
                    try:
                        row = json.loads(line)
                    except ValueError as exc:
                        raise _damaged(self.path, f"baris tabel {info.name} tidak terbaca") from exc
                    if len(row) != width:
                        raise _damaged(self.path, f"baris tabel {info.name} tidak lengkap")
                    seen[0] += 1
                    yield row
                pending[0] = None

            yield header, info, rows()
            if seen[0] != header.counts[name]:
                raise _damaged(self.path, f"tabel {name}: {seen[0]} baris, seharusnya {header.counts[name]}")
            total += seen[0]
        end = self._object(pending[0])
        if end.get("end") is not True or end.get("rows") != total:
            raise _damaged(self.path, "penanda akhir tidak ada")
        if next(lines, None) is not None:
            raise _damaged(self.path, "ada data sesudah penanda akhir")

    def _object(self, line: str | None) -> dict:
        if line is None:
            raise _damaged(self.path, "berkas berakhir terlalu cepat")
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise _damaged(self.path, "penanda bagian tidak terbaca") from exc
        if not isinstance(value, dict):
            raise _damaged(self.path, "penanda bagian tidak terbaca")
        return value


def check_export(path: Path, newest_schema: int) -> ExportHeader:
    """Read the export through (counts, end marker, gzip CRC) and check its schema version."""
    header: ExportHeader | None = None
    for header, _info, rows in ExportReader(path).tables():
        for _row in rows:
            pass
    if header is None:  # an export of no tables at all: read the header for the message
        header = read_header(path)
        for _ in ExportReader(path).tables():
            pass
    if header.schema_version < 1:
        raise BackupError(f"Berkas {Path(path).name} bukan register PPID Desk; register tidak diubah.")
    if header.schema_version > newest_schema:
        raise BackupError(f"Berkas {Path(path).name} dibuat oleh versi PPID Desk yang lebih baru (skema "
                          f"{header.schema_version}; versi ini sampai skema {newest_schema}); register tidak "
                          "diubah. Perbarui aplikasi dulu.")
    return header


def decoder_for(data_type: str) -> Callable[[Any], Any] | None:
    """How a JSON value becomes the column's value on the way in (None: as it is)."""
    if data_type == "bytea":
        return lambda v: None if v is None else base64.b64decode(v, validate=True)
    return None
