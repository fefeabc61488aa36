"""Cold start of ``ppid-desk smoke`` against a bare PySide6 window started the same way.

Both are timed as whole processes (interpreter start to exit), best and median of
several runs; the figure that matters is the ratio of the medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
HERE = Path(__file__).resolve().parent


def _time(cmd: list[str], env: dict[str, str]) -> list[float]:
    subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm the OS file cache once
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run():
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PPID_DESK_DATA_DIR": str(Path(tmp) / "data")}
        app = _time([sys.executable, "-m", "ppid_desk", "smoke"], env)
        bare = _time([sys.executable, str(HERE / "bare_window.py")], env)
    app_med, bare_med = statistics.median(app), statistics.median(bare)
    return [
        ("ppid-desk smoke, whole process (median)", app_med, "ms", f"best {min(app):.0f} ms, {RUNS} runs"),
        ("bare PySide6 window, whole process (median)", bare_med, "ms", f"best {min(bare):.0f} ms, {RUNS} runs"),
        ("start-up ratio app / bare", app_med / bare_med, "x", "the figure to watch"),
    ]
