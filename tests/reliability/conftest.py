"""The reliability evidence: the tests add their figures to ``figures`` and the run ends
with one summary line (kills survived, inputs tried, records lost), the numbers the
README quotes."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections import Counter

import pytest

FIGURES: Counter = Counter()


@pytest.fixture
def figures() -> Counter:
    return FIGURES


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for key in sorted(FIGURES):
        terminalreporter.write_line(f"{key}: {FIGURES[key]}")


def can_mount() -> str | None:
    """None when this process may mount a tmpfs, else why not (for a skip)."""
    if shutil.which("mount") is None:
        return "no mount command"
    try:
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                return f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode}); needs root"
            subprocess.run(["umount", folder], check=True)
    except OSError as exc:
        return f"cannot mount a tmpfs here ({exc})"
    return None


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB file system (tmpfs) mounted on a fresh folder; unmounted afterwards."""
    reason = can_mount()
    if reason:
        pytest.skip(reason)
    folder = tmp_path / "kecil"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)
