"""The bundled DejaVu fonts (resources/fonts, with their licence), registered once.

reportlab embeds a subset of each TrueType font it uses, so names such as "Nguyễn Thị
Ánh" or "Ṣāliḥah" print on any PC and any printer.
"""

from __future__ import annotations

import io
import threading
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}
_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    """Register the four faces with reportlab (safe to call from any thread, any time)."""
    global _done
    with _lock:
        if _done:
            return
        folder = resources.files("ppid_desk.resources.fonts")
        for name, filename in _FILES.items():
            data = folder.joinpath(filename).read_bytes()
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        # <b> in a paragraph picks the bold face; there is no italic face bundled.
        for regular, bold in ((SANS, SANS_BOLD), (SERIF, SERIF_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
        _done = True
