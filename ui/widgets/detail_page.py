"""The skeleton both record pages (a request, an objection) share: a head with title, status chip
and back button; the recorded fields on the left, the step buttons and deadlines on the right; the
history below, in a splitter that gives it the height its rows need."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLayout,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ppid_desk.accounts.officer import Actor
from ppid_desk.privacy import Masker
from ppid_desk.register.codes import RequesterKind
from ppid_desk.store.models import Requester

from ..access import refusal_of
from ..session import current_actor
from .field_errors import error_label
from .scroll_page import scroll_page


class RecordDetailPage(QWidget):
    """Builds the shared parts; a subclass fills the fields and says which steps are possible."""

    backRequested = Signal()

    HISTORY_SHARE = 0.4  # the most of the page's height the history takes
    STEPS: Mapping = {}  # step -> the permissions it needs (ui/access.py)

    def _build_head(self, *extra: QWidget) -> QHBoxLayout:
        """Back button (and Esc), title, status chip and subtitle; ``extra`` stands before the back button."""
        self.back_button = QPushButton(self.tr("\u2190 Kembali"))
        self.back_button.setToolTip(self.tr("Kembali (Esc)"))
        self.back_button.clicked.connect(self.backRequested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.backRequested)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("statusChip")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.subtitle.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        for widget in extra:
            head.addWidget(widget)
        head.addWidget(self.back_button)
        return head

    def _build_timeline(self, model: QAbstractTableModel, kind_width: int) -> None:
        """The history table over ``model`` (columns WHEN, KIND, ACTOR, DETAILS)."""
        self.timeline = model
        self.timeline_view = QTableView()
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.timeline_view.horizontalHeader()
        for column, width in ((model.WHEN, 120), (model.KIND, kind_width), (model.ACTOR, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(model.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.timeline_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _build_actions(self, actions: Iterable[Enum], start: Callable[[Enum], object]) -> QGridLayout:
        """A button a step, two a row, with the hint on dimmed buttons below them."""
        actions = list(actions)
        self.actions_group = QGroupBox(self.tr("Langkah berikutnya"))
        grid = QGridLayout(self.actions_group)
        self.action_buttons: dict = {}
        for i, action in enumerate(actions):
            button = QPushButton(self.tr(action.label))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: start(a))
            grid.addWidget(button, i // 2, i % 2)
            self.action_buttons[action] = button
        self.action_note = QLabel(self.tr("Tombol yang redup tidak dapat dipakai pada tahap ini atau dengan peran "
                                          "Anda; arahkan tetikus ke tombol untuk melihat alasannya."))
        self.action_note.setObjectName("hint")
        self.action_note.setWordWrap(True)
        grid.addWidget(self.action_note, len(actions) // 2 + 1, 0, 1, 2)
        self.general_error = error_label()
        return grid

    def _assemble(self, head: QLayout, fields: QLayout, deadlines: QWidget, right_width: int) -> None:
        """Lay the page out: head, subtitle, then fields | steps and deadlines over the history."""
        scroll = scroll_page(fields)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 4, 0)
        right.addWidget(self.actions_group)
        right.addWidget(deadlines)
        right.addWidget(self.general_error)
        right.addStretch(1)
        right_scroll = scroll_page(right)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setFixedWidth(right_width)

        history_title = QLabel(self.tr("Riwayat"))
        history_title.setObjectName("sectionTitle")
        top = QWidget()
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.setSpacing(16)
        top_row.addWidget(scroll, 1)
        top_row.addWidget(right_scroll)
        history = QWidget()
        history_box = QVBoxLayout(history)
        history_box.setContentsMargins(0, 8, 0, 0)
        history_box.addWidget(history_title)
        history_box.addWidget(self.timeline_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _group(self, title: str, form: QFormLayout) -> QGroupBox:
        group = QGroupBox(title)
        group.setLayout(form)
        return group

    # ------------------------------------------------------------------ showing
    def _show_error(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def _set_status(self, label: str, state: str) -> None:
        self.status.setText(label)
        self.status.setProperty("state", state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _enable_actions(self, states: Iterable) -> None:
        """Enable each step's button as ``states`` say and the acting officer's roles allow
        (``STEPS``), with the reason on a disabled one: the role's first (it holds at every
        stage), else the stage's."""
        actor = self._acting()
        for state in states:
            button = self.action_buttons[state.action]
            role_reason = refusal_of(self.STEPS.get(state.action, ()), actor)
            allowed = state.allowed and role_reason is None
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else role_reason or state.reason)

    def _acting(self) -> Actor:
        """The actor the page acts as (its ``_actor`` callable; the session's by default)."""
        actor = getattr(self, "_actor", None)
        return actor() if callable(actor) else current_actor()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_history()

    def _fit_history(self) -> None:
        """Give the history the height its rows need (within limits); the rest to the data."""
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total <= 0:
            return
        view = self.timeline_view
        view.resizeRowsToContents()
        rows = sum(view.rowHeight(r) for r in range(self.timeline.rowCount()))
        wanted = rows + view.horizontalHeader().height() + 48
        history = max(150, min(wanted, int(total * self.HISTORY_SHARE)))
        self.splitter.setSizes([total - history, history])

    def _requester_rows(self, person: Requester) -> list[tuple[str, str]]:
        """The requester's identity and contact, as (caption, value) rows."""
        kind = RequesterKind(person.kind)
        mask = Masker.for_actor(self._acting())  # NIK, phone, email masked for roles that do not need them
        rows = [(self.tr("Jenis"), kind.label), (self.tr("Nama"), person.name)]
        if kind is RequesterKind.LEGAL_BODY:
            rows.append((self.tr("Nomor SK/akta"), person.legal_number))
        else:
            rows.append((self.tr("NIK"), mask.nik(person.nik)))
        rows += [(self.tr("Alamat"), person.address), (self.tr("Pekerjaan"), person.occupation),
                 (self.tr("Telepon"), mask.phone(person.phone)), (self.tr("Email"), mask.email(person.email))]
        return rows

    def _rows(self, form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for caption, value in rows:
            label = QLabel(value if value else "\u2014")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, label)
