"""A page that scrolls when the window is too small for it."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QScrollArea, QWidget


def scroll_page(layout: QLayout) -> QScrollArea:
    """A frameless scroll area holding ``layout``; the content takes the area's size when it fits."""
    content = QWidget()
    content.setLayout(layout)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll
