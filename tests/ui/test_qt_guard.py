"""The None reference guard (ui/qt_guard.py) and the PySide6 bug it covers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from ppid_desk.ui import qt_guard

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    {guard}
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20000):
        label.setText("x")
    print(sys.getrefcount(None) - before)
""")


def _run(guard: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(guard=guard)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_the_app_survives_many_qt_calls():
    result = _run("import ppid_desk.ui")
    assert result.returncode == 0, result.stderr[-500:]


def test_the_guard_is_still_needed():
    """Fails when PySide6 stops dropping references to None: then remove qt_guard."""
    if not qt_guard.needed():
        return  # Python 3.12+: None is immortal, the guard does nothing
    result = _run("")
    leaked = result.returncode != 0 or int(result.stdout.strip() or 0) < 0
    assert leaked, "PySide6 no longer drops references to None: remove ppid_desk/ui/qt_guard.py"


EMITS = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    {guard}
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    class Source(QObject):
        changed = Signal(object)
    source = Source()
    before = sys.getrefcount(True)
    for _ in range(20000):
        source.changed.emit(None)
    print(sys.getrefcount(True) - before)
""")


def test_the_app_survives_many_signal_emits():
    """PySide6 6.12 drops a reference to True on every emit() (the guard covers True too)."""
    result = subprocess.run([sys.executable, "-c", EMITS.format(guard="import ppid_desk.ui")], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-500:]
