"""The Qt user interface (PySide6). Depends on the core and reports; never the other way."""
