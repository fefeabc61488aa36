"""Crash safety: the writing process is killed with SIGKILL at random moments, over and
over on the same register, and after every kill the register must be whole.

``kill_worker.py`` writes through the real services (register, route, decide, deliver,
objections, imports of a 200-row .xlsx) and prints a line once each write is committed.
After each kill the test opens the database and checks: ``PRAGMA integrity_check`` and
the foreign keys; the FTS5 search index; every write reported as committed is there
with its event; every request and objection has its registration event (nothing half
written); every import is all there or not at all; no number is used twice and the
counters are past every number given. Damage would accumulate: the same register is
used for every kill.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from ppid_desk.store import latest_version

WORKER = Path(__file__).with_name("kill_worker.py")
IMPORT_ROWS = 200  # kill_worker.IMPORT_ROWS
WRITE_KILLS = 110
REPORT_KILLS = 20
SEED = int(os.environ.get("PPID_KILL_SEED", "20261123"))

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("SIGKILL and fork are POSIX", allow_module_level=True)


class Worker:
    """The fork server of kill_worker.py: one child per round, killed by the test."""

    def __init__(self, tmp: Path):
        env = dict(os.environ, TMPDIR=str(tmp), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert self.line() == "ready"

    def line(self) -> str:
        text = self.proc.stdout.readline()
        if not text:
            raise AssertionError(f"worker ended: {self.proc.stderr.read()[-2000:]}")
        return text.rstrip("\n")

    def start(self, command: str) -> int:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        first = self.line()
        assert first.startswith("pid "), first
        return int(first.split()[1])

    def kill_after(self, pid: int, delay: float) -> list[str]:
        """Kill the child ``delay`` seconds after it started; every line it wrote."""
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        lines = []
        while not (text := self.line()).startswith(f"end {pid} "):
            lines.append(text)
        errors = [x for x in lines if x.startswith("error ")]
        assert not errors, errors
        assert text == f"end {pid} -9", f"the child was not killed but ended: {text}"
        return lines

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def worker(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    started = Worker(temp)
    yield started
    started.close()


def check_register(db: Path, committed: dict[str, set[str]]) -> int | None:
    """Everything a kill must not break; the number of requests, None when the kill
    came while the register was being created."""
    if not db.exists():  # killed before the register was created
        assert not any(committed.values())
        return None
    con = sqlite3.connect(f"file:{db}?mode=rw", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        if con.execute("PRAGMA user_version").fetchone()[0] < latest_version():
            # killed while the new register was being created: the next start goes on
            assert not any(committed.values())
            return None
        con.execute("INSERT INTO request_search(request_search) VALUES ('integrity-check')")
        requests = {number: rid for rid, number in con.execute("SELECT id, number FROM request")}
        assert con.execute("SELECT count(*) FROM request_search").fetchone()[0] == len(requests)
        events = set(con.execute("SELECT request_id, kind FROM request_event"))
        for kind, event in (("req", "didaftarkan"), ("route", "didisposisi"), ("decide", "diputuskan"),
                            ("deliver", "diserahkan")):
            for number in committed[kind]:
                assert number in requests, f"{kind} {number} reported committed, not in the register"
                assert (requests[number], event) in events, f"{kind} {number}: no {event} event"
        # nothing half written: every request has its registration event, imports their history
        assert con.execute("SELECT count(*) FROM request r WHERE NOT EXISTS (SELECT 1 FROM request_event e "
                           "WHERE e.request_id = r.id AND e.kind = 'didaftarkan')").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM request r WHERE r.imported AND NOT EXISTS (SELECT 1 FROM "
                           "request_event e WHERE e.request_id = r.id AND e.kind = 'diimpor')").fetchone()[0] == 0
        objections = {number: oid for oid, number in con.execute("SELECT id, number FROM objection")}
        for number in committed["obj"]:
            assert number in objections, f"objection {number} reported committed, not in the register"
        assert con.execute("SELECT count(*) FROM objection o WHERE NOT EXISTS (SELECT 1 FROM objection_event e "
                           "WHERE e.objection_id = o.id AND e.kind = 'didaftarkan')").fetchone()[0] == 0
        # imports: all rows or none
        imported = dict(con.execute("SELECT substr(number, 1, instr(number, '-') - 1), count(*) FROM request "
                                    "WHERE imported GROUP BY 1"))
        assert all(count == IMPORT_ROWS for count in imported.values()), imported
        missing = committed["import"] - set(imported)
        assert not missing, f"imports reported committed, not in the register: {missing}"
        # numbering: never twice, and the counters are past every number given
        for table, series in (("request", "permohonan"), ("objection", "keberatan")):
            assert con.execute(f"SELECT number FROM {table} GROUP BY number HAVING count(*) > 1").fetchall() == []
            assert con.execute(f"SELECT year, seq FROM {table} WHERE seq IS NOT NULL GROUP BY year, seq "
                               "HAVING count(*) > 1").fetchall() == []
            behind = con.execute(f"SELECT t.year, max(t.seq), c.last FROM {table} t LEFT JOIN counter c "
                                 f"ON c.series = '{series}' AND c.year = t.year WHERE t.seq IS NOT NULL "
                                 "GROUP BY t.year HAVING c.last IS NULL OR c.last < max(t.seq)").fetchall()
            assert behind == [], f"counter behind the numbers given in {table}: {behind}"
        return len(requests)
    finally:
        con.close()


def _record(lines: list[str], committed: dict[str, set[str]]) -> str | None:
    """Add the committed writes of ``lines``; the operation the kill interrupted, if any."""
    interrupted = None
    for text in lines:
        word, _, rest = text.partition(" ")
        if word == "begin":
            interrupted = rest.split()[0]
        elif word in ("req", "route", "decide", "deliver", "obj"):
            committed[word].add(rest)
            interrupted = None
        elif word == "import":
            marker, rows = rest.split()
            assert int(rows) == IMPORT_ROWS
            committed["import"].add(marker)
            interrupted = None
    return interrupted


def test_sigkill_during_writes_and_imports_loses_nothing(tmp_path, worker, figures):
    data = tmp_path / "data"
    rng = random.Random(SEED)
    committed: dict[str, set[str]] = defaultdict(set)
    interrupted: dict[str, int] = defaultdict(int)
    requests = 0
    for round_no in range(WRITE_KILLS):
        pid = worker.start(f"writes {data} k{round_no} {rng.randrange(10**9)}")
        # the first kills land while the register is being created; then mostly short lives
        # (kills land at every point of a write), now and then a longer one
        if round_no < 4:
            delay = 0.01 * round_no
        else:
            delay = rng.uniform(0.0, 0.15) if rng.random() < 0.85 else rng.uniform(0.15, 0.5)
        lines = worker.kill_after(pid, delay)
        busy = _record(lines, committed)
        wrote = any(x.startswith("begin") for x in lines)
        found = check_register(data / "ppid-desk.sqlite3", committed)
        if found is None:
            where = "creating the register"
        else:
            requests = found
            where = busy or ("between writes" if wrote else "opening the register")
        interrupted[where] += 1

    writes = sum(len(v) for k, v in committed.items() if k != "import")
    figures["kills survived"] += WRITE_KILLS
    figures["kills: writes committed and found again"] += writes
    figures["kills: imports committed (200 rows each) and found whole"] += len(committed["import"])
    figures["kills: kills that landed inside an import"] += interrupted["import"]
    figures["kills: kills that landed inside another write"] += sum(
        n for k, n in interrupted.items() if k not in ("import", "creating the register", "opening the register",
                                                       "between writes"))
    figures["records lost"] += 0  # every check above would have failed otherwise
    print(f"\n{WRITE_KILLS} kills, {writes} writes and {len(committed['import'])} imports committed, "
          f"{requests} requests in the register; interrupted: {dict(interrupted)}")
    assert interrupted["import"] >= 5, "too few kills landed inside an import to mean anything"
    assert writes >= 300


def _whole_workbook(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        names = wb.sheetnames
        rows = sum(1 for _ in wb["Register Permohonan"].iter_rows(values_only=True))
        assert rows > 6
    finally:
        wb.close()
    return names


def test_sigkill_during_a_report_build_never_leaves_a_half_file(tmp_path, worker, figures):
    data = tmp_path / "data"
    rng = random.Random(SEED + 1)
    pid = worker.start(f"writes {data} r0 {SEED}")
    worker.kill_after(pid, 1.0)  # some requests and imports to report on
    out = tmp_path / "laporan" / "laporan-tahunan.xlsx"
    present = finished = inside = 0
    for round_no in range(REPORT_KILLS):
        if round_no % 2:
            out.unlink(missing_ok=True)
        pid = worker.start(f"report {data} r{round_no} {round_no} {out}")
        lines = worker.kill_after(pid, rng.uniform(0.02, 0.3))
        finished += sum(1 for x in lines if x.startswith("report "))
        inside += bool(lines) and lines[-1].startswith("begin report")
        if out.exists():
            present += 1
            assert {"Ringkasan", "Register Permohonan", "Register Keberatan"} <= set(_whole_workbook(out))
        assert not [p for p in out.parent.iterdir() if p.name not in (out.name, out.name + ".part")]
    figures["kills survived"] += REPORT_KILLS + 1
    figures["kills: report builds killed (the file absent or whole)"] += inside
    print(f"\n{REPORT_KILLS} report kills, {inside} inside a build; {finished} builds finished before a kill; "
          f"the file was absent {REPORT_KILLS - present} times and whole {present} times")
    assert inside >= REPORT_KILLS // 2 and present
