"""The Qt user interface (PySide6). Depends on the core and reports; never the other way."""

from .qt_guard import protect_none

protect_none()  # before any Qt call: see qt_guard.py
