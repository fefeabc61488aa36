"""Reports and exports read the same from a register on PostgreSQL as from one in
SQLite: the same demo register (same seed, same day) is made on both through the CLI,
then every report kind and export is written from each and compared cell by cell (the
"made at" time aside). A real PostgreSQL server (tests/pgserver.py)."""

from __future__ import annotations

import itertools
from datetime import datetime

import openpyxl
import pytest

from ppid_desk.main import main
from ppid_desk.store.models import database

TODAY = "2026-11-20"
_names = itertools.count(1)

OUTPUTS = [
    ("weekly.xlsx", ["report", "weekly", "--end", TODAY]),
    ("monthly.xlsx", ["report", "monthly", "--end", TODAY]),
    ("annual.xlsx", ["report", "annual", "--end", TODAY]),
    ("register.xlsx", ["export-register"]),
    ("public.xlsx", ["export-register", "--public"]),
    ("objections.xlsx", ["export-objections"]),
    ("dip.xlsx", ["export-dip"]),
]


def _write_all(capsys, folder, database_args):
    base = ["--data-dir", str(folder / "data"), *database_args]
    assert main([*base, "demo", "--requests", "700", "--messages", "60", "--seed", "11"]) == 0, \
        capsys.readouterr().err
    for name, command in OUTPUTS:
        assert main([*base, *command, "--out", str(folder / name)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def _rows(path):
    book = openpyxl.load_workbook(path)
    found = {}
    for sheet in book.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            if row and row[0] == "Dibuat pada" and isinstance(row[1], datetime):
                row = (row[0], "<waktu>", *row[2:])
            rows.append(row)
        found[sheet.title] = rows
    return found


@pytest.fixture
def server_url(pg_server):
    name = f"agree_{next(_names)}"
    url = pg_server.create_database(name)
    yield url
    pg_server.drop_database(name)


def test_every_report_and_export_is_the_same_on_both_backends(capsys, tmp_path, server_url, monkeypatch):
    # the demo register's dates follow "today": both registers are made on the same day
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "pg").mkdir()
    _write_all(capsys, tmp_path / "sqlite", [])
    _write_all(capsys, tmp_path / "pg", ["--database", server_url])
    for name, _ in OUTPUTS:
        left, right = _rows(tmp_path / "sqlite" / name), _rows(tmp_path / "pg" / name)
        assert list(left) == list(right), name
        for sheet in left:
            assert len(left[sheet]) > 1, (name, sheet)
            assert left[sheet] == right[sheet], (name, sheet)
