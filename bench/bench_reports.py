"""The periodic report (``build_report``) on the 1,000,000-request register of
``bench_register.py`` (cached in ``bench/.cache/``, built on first use), side by side
with its floor.

The floor is openpyxl's write-only mode writing the report's own cell values (read back
beforehand: every sheet, the same rows and columns) to an .xlsx: no queries, no styles,
no chart. openpyxl does not write empty cells, while the report writes each empty cell
of its tables with a border (about a third more cells at 50,000 requests), so a second
floor writes every cell of the same rows (empty ones as ""). What the report costs
beyond them is the reading, the as-of-end state and the styles. Wall and CPU time are
both shown: CPU time is steadier on a busy machine.

Cases:

- a 30-day period holding ~3,000 requests: target < 3 s and < 300 MB peak memory. The
  cached register holds ~16,000 requests per 30 days (1M over 5 years), so that period
  is the one that runs past the register's last day (its last 3 days of requests, with
  the whole million before them); the full 30 days in the middle of the register
  (~20,000 requests) are measured too (no target);
- a period holding ~50,000 requests: target within 1.5 x the floor.

Each report is built in its own process (as the CLI would), timed inside it
(``build_report`` only, the store already open; the first run of each case warms the
page cache and is not counted); the peak memory is that process's maximum resident set
(``os.wait4``), interpreter and imports included.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 3  # counted runs per case, after one warming run
SMALL_TARGET = 3_000
BIG_TARGET = 50_000

CHILD = """
import json, sys, time
from datetime import date
from pathlib import Path
from ppid_desk.store import open_store
from ppid_desk.reports.periodic import Period, build_report
data_dir, first, last, out = sys.argv[1:]
with open_store(Path(data_dir)):
    began, cpu = time.perf_counter(), time.process_time()
    summary = build_report(Period.custom(date.fromisoformat(first), date.fromisoformat(last)), out, "bench")
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
print(json.dumps({"seconds": elapsed, "cpu": cpu, "requests": summary.figures["Jumlah permohonan"],
                  "objections": summary.figures["Jumlah keberatan"]}))
"""


def _bench_register():
    spec = importlib.util.spec_from_file_location("bench_register", HERE / "bench_register.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _per_day(db) -> dict[date, int]:
    rows = db.execute_sql("SELECT substr(received_at, 1, 10), COUNT(*) FROM request GROUP BY 1").fetchall()
    return {date.fromisoformat(d): n for d, n in rows}


def _count(per_day: dict[date, int], first: date, last: date) -> int:
    return sum(per_day.get(first + timedelta(days=i), 0) for i in range((last - first).days + 1))


def _periods(per_day: dict[date, int]) -> list[tuple[str, date, date, str]]:
    newest = max(per_day)
    # 30 days running past the last receipt, ending where they hold closest to 3,000
    end = min((newest + timedelta(days=k) for k in range(30)),
              key=lambda e: abs(_count(per_day, e - timedelta(days=29), e) - SMALL_TARGET))
    middle = min(per_day) + (newest - min(per_day)) / 2
    # the shortest period ending on the last receipt day that holds 50,000
    first = newest
    while _count(per_day, first, newest) < BIG_TARGET:
        first -= timedelta(days=1)
    return [
        ("30 days, ~3,000 requests", end - timedelta(days=29), end, "target < 3 s, < 300 MB"),
        ("30 days in the middle of the register", middle - timedelta(days=29), middle, "no target"),
        (f"{(newest - first).days + 1} days, ~50,000 requests", first, newest, "target <= 1.5 x floor"),
    ]


def _build(data_dir: Path, first: date, last: date, out: Path) -> tuple[dict, int]:
    """One report in its own process: (what it printed, peak RSS in kB)."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), first.isoformat(), last.isoformat(),
                              str(out)], stdout=subprocess.PIPE, text=True)
    printed = child.stdout.read()
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"report process failed ({child.returncode})")
    return json.loads(printed), usage.ru_maxrss


def _read_back(path: Path) -> list[tuple[str, list[tuple]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    sheets = [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]
    wb.close()
    return sheets


def _floor(sheets: list[tuple[str, list[tuple]]], out: Path) -> tuple[float, float]:
    """(wall, CPU) seconds to write ``sheets`` with openpyxl's write-only mode."""
    from openpyxl import Workbook

    began, cpu = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return time.perf_counter() - began, time.process_time() - cpu


def _median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs)


def measure(data_dir: Path, periods, runs: int = RUNS) -> list[dict]:
    """Per period: the report's (wall, CPU) seconds and peak RSS, and two floors: the
    report's values (empty cells not written) and the full grid (every cell of every
    row written, as the report writes its bordered empty cells)."""
    from openpyxl import LXML

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, first, last, target in periods:
            out = Path(tmp) / "report.xlsx"
            built, peaks = [], []
            for i in range(runs + 1):
                printed, peak = _build(data_dir, first, last, out)
                if i:
                    built.append((printed["seconds"], printed["cpu"]))
                    peaks.append(peak)
            sheets = _read_back(out)
            grid = [(title, [tuple("" if v is None else v for v in row) for row in rows]) for title, rows in sheets]
            floor = _median([_floor(sheets, Path(tmp) / "floor.xlsx") for _ in range(runs)])
            floor_grid = _median([_floor(grid, Path(tmp) / "floor.xlsx") for _ in range(runs)])
            count = sum(len(rows) for _, rows in sheets)
            del sheets, grid
            results.append({"label": label, "first": first, "last": last, "target": target,
                            "requests": printed["requests"], "objections": printed["objections"],
                            "rows": count,
                            "report": _median(built), "floor": floor, "floor_grid": floor_grid,
                            "peak_mb": max(peaks) / 1024, "lxml": LXML})
    return results


def table(results: list[dict]) -> str:
    head = (f"{'period':<38} {'requests':>8} {'rows':>7} {'report':>7} {'floor':>7} {'ratio':>6} {'grid':>7} "
            f"{'ratio':>6}   {'peak':>6}")
    lines = [f"{'':<55}wall (CPU) seconds; floor: the report's values; grid: every cell", head]
    for r in results:
        (rw, rc), (fw, fc), (gw, gc) = r["report"], r["floor"], r["floor_grid"]
        lines.append(f"{r['label']:<38} {r['requests']:>8,} {r['rows']:>7,} {rw:>6.2f}s {fw:>6.2f}s {rw / fw:>5.2f}x "
                     f"{gw:>6.2f}s {rw / gw:>5.2f}x   {r['peak_mb']:>4.0f}MB")
        lines.append(f"{'  CPU time':<38} {'':>8} {'':>7} {rc:>6.2f}s {fc:>6.2f}s {rc / fc:>5.2f}x "
                     f"{gc:>6.2f}s {rc / gc:>5.2f}x")
    return "\n".join(lines)


def run():
    from ppid_desk.store import open_store

    data_dir, how = _bench_register()._big_register()
    with open_store(data_dir) as store:
        periods = _periods(_per_day(store.db))
    results = measure(data_dir, periods)
    print(table(results), flush=True)
    rows = []
    for r in results:
        (rw, rc), (fw, fc), (gw, gc) = r["report"], r["floor"], r["floor_grid"]
        where = (f"{r['first']:%d-%m-%Y} to {r['last']:%d-%m-%Y}: {r['requests']:,} requests, {r['objections']:,} "
                 f"objections, {r['rows']:,} rows; lxml {'on' if r['lxml'] else 'off'}; {how}")
        rows.append((f"report, {r['label']}", rw, "s", f"{r['target']}; CPU {rc:.2f} s; {where}"))
        rows.append(("  floor: openpyxl write-only, the same values", fw, "s", f"CPU {fc:.2f} s"))
        rows.append(("  ratio report / floor", rw / fw, "x", f"CPU {rc / fc:.2f} x"))
        rows.append(("  floor: the same rows, every cell written", gw, "s", f"CPU {gc:.2f} s"))
        rows.append(("  ratio report / full-grid floor", rw / gw, "x", f"CPU {rc / gc:.2f} x"))
        rows.append(("  peak memory of the report process", r["peak_mb"], "MB", "max RSS, interpreter included"))
    return rows


if __name__ == "__main__":
    for name, figure, unit, note in run():
        print(f"  {name:<48} {figure:>12.3f} {unit:<6} {note}")
