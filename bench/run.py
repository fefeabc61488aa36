"""Run PPID Desk's benchmarks: every ``bench/bench_*.py`` module's ``run()``.

    make bench                  # all cases
    .venv/bin/python bench/run.py startup   # the cases whose module name contains "startup"

Each case returns rows (name, figure, unit, note). The results are printed as a table
and written to ``bench/results/latest.json`` (not tracked) with the machine and date.
A module may define ``skip_reason()``: a text when it cannot run on this machine (e.g.
``bench_postgres`` without PostgreSQL's server programs), printed instead of its rows.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    wanted = argv[1:]
    rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and not any(w in path.stem for w in wanted):
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}", flush=True)
        reason = module.skip_reason() if hasattr(module, "skip_reason") else None
        if reason:
            print(f"  skipped: {reason}", flush=True)
            continue
        for name, figure, unit, note in module.run():
            print(f"  {name:<48} {figure:>12.3f} {unit:<6} {note}", flush=True)
            rows.append({"case": path.stem, "name": name, "figure": figure, "unit": unit, "note": note})
    out = HERE / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"machine": machine(), "date": datetime.now().isoformat(timespec="seconds"),
                               "rows": rows}, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"machine: {machine()}\nresults: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
