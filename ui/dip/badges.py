"""The class of a DIP entry as a coloured badge: in the DIP's table, in the intake form's
suggestions and in a request's detail, so an excluded entry stands out at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ppid_desk.dip.codes import InfoClass

# (background, text): the app's status chip colours (resources/styles/app.qss).
COLOURS: dict[InfoClass, tuple[str, str]] = {
    InfoClass.PERIODIC: ("#e3ebf5", "#1f3a5f"),
    InfoClass.IMMEDIATE: ("#fff4d6", "#6b4e00"),
    InfoClass.ANY_TIME: ("#e2f3e6", "#1e5b2c"),
    InfoClass.EXCLUDED: ("#f7e1e4", "#8a1c2b"),
}
CLASS_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's InfoClass (the badge), or None for plain text
BADGE_PAD = 6  # pixels left and right of the badge's word
GAP = 6  # between the badge and the text after it
ROW_PAD = 8  # a row with a badge is this much taller than the text


def letters_short(letters: str) -> str:
    """Stored Pasal 17 letters for a narrow cell: ``"b,h"`` -> ``"Pasal 17 b, h"``."""
    found = [x for x in (letters or "").split(",") if x]
    return "Pasal 17 " + ", ".join(found) if found else ""


def badge_html(info_class: InfoClass) -> str:
    """The badge as rich text, for labels."""
    back, fore = COLOURS[info_class]
    return (f"<span style='background:{back}; color:{fore}; font-weight:600'>&nbsp;{info_class.label}&nbsp;</span>")


def class_of(value: object) -> InfoClass | None:
    """An item's ``CLASS_ROLE`` as a class (Qt hands a str enum back as its plain value)."""
    if value is None or value == "":
        return None
    try:
        return InfoClass(value)
    except ValueError:
        return None


def badge_width(option: QStyleOptionViewItem, info_class: InfoClass) -> int:
    return _bold(option.font).horizontalAdvance(info_class.label) + 2 * BADGE_PAD


def _bold(font: QFont) -> QFontMetrics:
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold)


def two_lines(metrics: QFontMetrics, text: str, width: int) -> tuple[str, str]:
    """``text`` broken at a space into a line that fits ``width`` and the rest, elided to fit."""
    if metrics.horizontalAdvance(text) <= width:
        return text, ""
    words = text.split(" ")
    first = ""
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count])
        if metrics.horizontalAdvance(candidate) > width:
            break
        first = candidate
    if not first:  # one word longer than the line
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
    rest = text[len(first):].strip()
    return first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


class BadgeDelegate(QStyledItemDelegate):
    """Draws the item's class (``CLASS_ROLE``) as a badge at the left, then its display text
    (on up to ``lines`` lines: 1 or 2)."""

    def __init__(self, parent=None, lines: int = 1):
        super().__init__(parent)
        self.lines = lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        info_class = class_of(index.data(CLASS_ROLE))
        if info_class is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        painter.save()
        rect = opt.rect.adjusted(4, 0, -4, 0)
        back, fore = COLOURS[info_class]
        bold = QFont(opt.font)
        bold.setBold(True)
        width = badge_width(opt, info_class)
        height = min(rect.height() - 4, _bold(opt.font).height() + 4)
        top = rect.top() + (rect.height() - height) // 2 if self.lines == 1 else rect.top() + 3
        chip = QRect(rect.left(), top, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(back))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(fore))
        painter.setFont(bold)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, info_class.label)
        if text:
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            colour = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            if foreground is not None and not selected:
                colour = QColor(foreground.color() if hasattr(foreground, "color") else foreground)
            painter.setPen(colour)
            painter.setFont(opt.font)
            rest = rect.adjusted(width + GAP, 0, 0, 0)
            if self.lines == 1:
                elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rest.width())
                painter.drawText(rest, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
            else:
                first, second = two_lines(opt.fontMetrics, text, rest.width())
                line = opt.fontMetrics.lineSpacing()
                left = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                top_line = rest.adjusted(0, 3 + (height - line) // 2, 0, 0)
                painter.drawText(top_line, left, first)
                painter.drawText(top_line.adjusted(0, line, 0, 0), left, second)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        info_class = class_of(index.data(CLASS_ROLE))
        if info_class is not None:
            size.setWidth(size.width() + badge_width(option, info_class) + GAP)
            one = _bold(option.font).height() + ROW_PAD
            size.setHeight(max(size.height(), one + (self.lines - 1) * option.fontMetrics.lineSpacing()))
        return size
