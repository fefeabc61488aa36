"""A guard against a reference-counting bug of PySide6 6.12.0 on Python 3.11.

Every call of a Qt method that returns nothing drops one reference to ``None``; after a
few thousand calls CPython 3.11 aborts with "none_dealloc: deallocating None" (seen with
``QLabel.setText`` in a loop). Every ``Signal.emit()`` from Python likewise drops one
reference to ``True`` ("bool_dealloc: deallocating True or False" after a few hundred
emits more than the references ``True`` happens to hold; found with the login screen's
tests), so ``True`` and ``False`` get the same extra references. Python 3.12 made ``None`` immortal, so the bug is harmless
there; PySide6 6.11 did not have it, but PySide6-Pdf (QtPdf for printing) exists only from
6.12. Until a fixed PySide6 is out, the UI package gives ``None`` 2**40 extra references
once at import: more than a counter PC can drop in its lifetime. ``tests/ui/test_qt_guard.py``
checks the guard (it fails once the bug is fixed upstream, so the guard can go).
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 40
_applied = False


def needed() -> bool:
    """True where None can be freed (CPython before 3.12)."""
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def protect_none() -> None:
    global _applied
    if _applied or not needed():
        return
    for immortal in (None, True, False):
        ctypes.c_ssize_t.from_address(id(immortal)).value += EXTRA_REFERENCES
    _applied = True
