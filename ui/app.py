"""The QApplication: identity, style, Qt's own Indonesian translations."""

from __future__ import annotations

import os
import sys
from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ppid_desk import APP_NAME, __version__


def display_problem() -> str | None:
    """A one-line reason why no window can be shown here, or None."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return "tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong); jalankan dari desktop, atau pakai 'ppid-desk smoke'."
    return None


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("ppid-desk.svg", "ppid-desk-256.png"):
        ref = resources.files("ppid_desk.resources") / "icons" / name
        if ref.is_file():
            with resources.as_file(ref) as path:
                icon.addFile(str(path))
    return icon


def style_sheet() -> str:
    ref = resources.files("ppid_desk.resources") / "styles" / "app.qss"
    return ref.read_text(encoding="utf-8") if ref.is_file() else ""


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("ppid-desk")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("PPID Desk")
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(style_sheet())
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    translator = QTranslator(app)
    if translator.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app
