"""The annual report's texts the office writes (``reports/annual.py`` SECTIONS), on the
Laporan page while Tahunan is chosen.

Each box starts from what the report would print (the office's stored text, else a
draft proposed from the settings and the register). The texts are stored when the
report is made, so next year's report starts from this year's wording; a box still
holding the proposed draft is stored empty, so next year proposes a fresh draft from
next year's register instead of repeating this year's figures.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ppid_desk.reports.annual import SECTIONS, proposed_texts, save_texts, section_texts

BOX_HEIGHT = 96


class AnnualTextsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.year: int | None = None
        self._proposed: dict[str, str] = {}
        self._loaded: dict[str, str] = {}  # the text each box got from load(), to tell edits apart
        self.edits: dict[str, QPlainTextEdit] = {}
        self.states: dict[str, QLabel] = {}
        self.reset_buttons: dict[str, QPushButton] = {}

        hint = QLabel(self.tr("Bagian III dan IV berisi angka tahun itu. Teks di bawah ini disimpan saat laporan "
                              "dibuat dan menjadi awal laporan tahun berikutnya."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.reset_all_button = QPushButton(self.tr("Pakai usulan untuk se&mua"))
        self.reset_all_button.setToolTip(self.tr("Ganti keenam teks dengan usulan dari data kantor dan register"))
        self.reset_all_button.setAutoDefault(True)
        self.reset_all_button.clicked.connect(lambda: self.use_proposed())
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.reset_all_button, 0, Qt.AlignmentFlag.AlignTop)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        for index, (key, number, heading) in enumerate(SECTIONS):
            # Heading, box and buttons in rows of their own, so side-by-side boxes line up
            # even when one heading takes two lines.
            row, column = 3 * (index // 2), index % 2
            for offset, part in enumerate(self._section(key, number, heading)):
                grid.addWidget(part, row + offset, column,
                               Qt.AlignmentFlag.AlignBottom if offset == 0 else Qt.AlignmentFlag(0))
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)

    def _section(self, key: str, number: str, heading: str) -> tuple[QWidget, QWidget, QWidget]:
        title = QLabel(f"{number}. {self.tr(heading)}")
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        edit = QPlainTextEdit()
        edit.setObjectName(key)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(BOX_HEIGHT)
        edit.textChanged.connect(lambda k=key: self._show_state(k))
        title.setBuddy(edit)
        state = QLabel()
        state.setObjectName("hint")
        state.setWordWrap(True)
        reset = QPushButton(self.tr("Pakai usulan"))
        reset.setToolTip(self.tr("Ganti teks ini dengan usulan dari data kantor dan register"))
        reset.setAutoDefault(True)
        reset.clicked.connect(lambda _=False, k=key: self.use_proposed(k))
        below = QWidget()
        row = QHBoxLayout(below)
        row.setContentsMargins(0, 0, 0, 6)
        row.addWidget(state, 1)
        row.addWidget(reset)
        self.edits[key], self.states[key], self.reset_buttons[key] = edit, state, reset
        return title, edit, below

    # ------------------------------------------------------------------ loading
    def load(self, year: int, keep_edits: bool = True) -> None:
        """The texts the report of ``year`` would print; boxes the officer changed keep
        their text unless ``keep_edits`` is False."""
        self.year = year
        self.setTitle(self.tr("Teks laporan tahunan {0}").format(year))
        self._proposed = proposed_texts(year)
        shown = section_texts(year)
        for key, edit in self.edits.items():
            if keep_edits and self.edited(key):
                continue
            self._loaded[key] = shown[key]
            edit.setPlainText(shown[key])
        for key in self.edits:
            self._show_state(key)

    def edited(self, key: str) -> bool:
        return key in self._loaded and self.edits[key].toPlainText() != self._loaded[key]

    def texts(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.edits.items()}

    def use_proposed(self, key: str | None = None) -> None:
        """Put the proposed draft back in one box (``key``) or in all of them."""
        for name in [key] if key else list(self.edits):
            self.edits[name].setPlainText(self._proposed.get(name, ""))
        self.edits[key or SECTIONS[0][0]].setFocus()

    def _is_proposed(self, key: str) -> bool:
        return self.edits[key].toPlainText().strip() == self._proposed.get(key, "").strip()

    def _show_state(self, key: str) -> None:
        if self._is_proposed(key):
            text = self.tr("Usulan; periksa dan lengkapi.")
        elif self.edited(key):
            text = self.tr("Diubah; disimpan saat laporan dibuat.")
        else:
            text = self.tr("Teks kantor tersimpan.")
        self.states[key].setText(text)

    # ------------------------------------------------------------------ saving
    def to_store(self) -> dict[str, str]:
        """What is stored per key: the text, or "" while it is the proposed draft."""
        return {key: "" if self._is_proposed(key) else text.strip() for key, text in self.texts().items()}

    def save(self, actor: str) -> None:
        """Store the texts (ValidationError from the settings is the caller's to show)."""
        save_texts(self.to_store(), actor=actor)
        self._loaded = self.texts()
        for key in self.edits:
            self._show_state(key)
