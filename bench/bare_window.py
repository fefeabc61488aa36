"""The floor for the start-up benchmark: a bare PySide6 window, started the way
``ppid-desk smoke`` starts (new process, offscreen, show, process events, exit)."""

import os
import time

started = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

app = QApplication([])
window = QMainWindow()
window.resize(1180, 760)
window.show()
app.processEvents()
print(f"bare: {(time.perf_counter() - started) * 1000:.0f} ms")
