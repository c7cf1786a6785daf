"""The brief editor's widgets and their layout; `ui.briefs.editor.BriefEditorPane` gives them
life. The list of the project's briefs sits over the editor: meta line, level and audience,
status, export and history, the completeness meter, the sections beside (or over) their
preview, and a line for messages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QProgressBar,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accdesk.briefs.content import Completeness
from accdesk.briefs.schema import AUDIENCES, Template
from accdesk.models import BriefStatus
from accdesk.ops.readmodels import BriefDoc
from ui.briefs.fields import FieldsEditor
from ui.briefs.list_model import BriefListModel, status_text
from ui.briefs.preview import BriefPreview
from ui.briefs.sections import SectionBox
from ui.common.formatting import day, stamp
from ui.common.i18n import translate
from ui.common.widgets import EmptyState, PaneTitle, accessible

WIDE = 760  # from this width the preview sits beside the sections, not under them


class BriefEditorView(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefEditorPane")
        self._split_sized = False
        self.boxes: dict[str, SectionBox] = {}
        self._pages: dict[str, tuple[Template, QWidget, dict[str, SectionBox]]] = {}
        self.list_model = BriefListModel(self)
        self.list = accessible(
            QListView(self), "briefList", translate("BriefEditorView", "Briefs of the project")
        )
        self.list.setModel(self.list_model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.new_button = accessible(
            QToolButton(self), "newBrief", translate("BriefEditorView", "New brief")
        )
        self.new_button.setText(translate("BriefEditorView", "New brief"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self)
        self.new_button.setMenu(self.new_menu)
        self.editor = QWidget(self)
        self._build_controls()
        self._build_body()
        self._lay_out_editor()
        self._lay_out()

    def _build_controls(self) -> None:
        editor = self.editor
        self.meta = accessible(
            QLabel(editor), "briefMeta", translate("BriefEditorView", "Brief details")
        )
        self.meta.setWordWrap(True)
        self.level = accessible(
            QSpinBox(editor), "briefLevel", translate("BriefEditorView", "Level of detail")
        )
        self.level.setRange(1, 10)
        self.level.setPrefix(translate("BriefEditorView", "Level "))
        self.level.setSuffix(translate("BriefEditorView", " of 10"))
        self.level.setToolTip(
            translate("BriefEditorView", "1: one line · 10: a full spec with fields and checks")
        )
        self.audience = accessible(
            QComboBox(editor), "briefAudience", translate("BriefEditorView", "Audience")
        )
        for item in AUDIENCES:
            self.audience.addItem(translate("Briefs", item.name), item.key)
        self.status_button = accessible(
            QToolButton(editor), "briefStatus", translate("BriefEditorView", "Status")
        )
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        status_menu = QMenu(self.status_button)
        self.status_actions: dict[str, QAction] = {}
        for status, text in (
            (BriefStatus.DRAFT, translate("BriefEditorView", "Back to draft")),
            (BriefStatus.SENT, translate("BriefEditorView", "Mark as sent")),
            (BriefStatus.ACCEPTED, translate("BriefEditorView", "Mark as accepted")),
        ):
            action = status_menu.addAction(text)
            action.setObjectName(f"briefStatus_{status}")
            self.status_actions[status] = action
        self.status_button.setMenu(status_menu)
        self.export_button = accessible(
            QToolButton(editor), "briefExport", translate("BriefEditorView", "Export")
        )
        self.export_button.setText(translate("BriefEditorView", "Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for fmt, text in (
            ("md", translate("BriefEditorView", "Markdown…")),
            ("html", translate("BriefEditorView", "HTML…")),
            ("pdf", translate("BriefEditorView", "PDF…")),
        ):
            self.export_actions[fmt] = export_menu.addAction(text)
        export_menu.addSeparator()
        self.copy_action = export_menu.addAction(translate("BriefEditorView", "Copy as Markdown"))
        self.export_button.setMenu(export_menu)
        self.history_button = accessible(
            QToolButton(editor), "briefHistory", translate("BriefEditorView", "History")
        )
        self.history_button.setText(translate("BriefEditorView", "History"))

    def _build_body(self) -> None:
        editor = self.editor
        self.meter = accessible(
            QProgressBar(editor), "briefMeter", translate("BriefEditorView", "Completeness")
        )
        self.meter.setTextVisible(True)
        self.missing = accessible(
            QLabel(editor), "briefMissing", translate("BriefEditorView", "Missing sections")
        )
        self.missing.setWordWrap(True)
        self.missing.setProperty("hint", True)
        self.warning = accessible(
            QLabel(editor), "briefWarning", translate("BriefEditorView", "Audience warning")
        )
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.message = accessible(
            QLabel(editor), "briefMessage", translate("BriefEditorView", "Save status")
        )
        self.message.setWordWrap(True)
        self.sections = QWidget()
        self.sections.setObjectName("briefSections")
        self.sections_layout = QVBoxLayout(self.sections)
        self.sections_layout.setContentsMargins(0, 0, 8, 0)
        self.sections_layout.setSpacing(2)
        self.sections_layout.addStretch(1)
        self.scroller = QScrollArea(editor)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.sections)
        self.preview = accessible(
            BriefPreview(editor), "briefPreview", translate("BriefEditorView", "Preview")
        )
        self.split = QSplitter(Qt.Orientation.Vertical, editor)
        self.split.setObjectName("briefSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.scroller)
        self.split.addWidget(self.preview)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

    def _lay_out_editor(self) -> None:
        # Short rows rather than one long one: the pane is often a quarter of the window.
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for button in (self.status_button, self.export_button, self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.level)
        controls.addWidget(self.audience, 1)
        column = QVBoxLayout(self.editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.meta)
        column.addLayout(controls)
        column.addLayout(actions)
        column.addWidget(self.meter)
        column.addWidget(self.missing)
        column.addWidget(self.warning)
        column.addWidget(self.split, 1)
        column.addWidget(self.message)

    def _lay_out(self) -> None:
        self.no_project = EmptyState(
            translate("BriefEditorView", "No project selected"),
            translate("BriefEditorView", "Select a project to see and write its briefs."),
            self,
        )
        self.no_brief = EmptyState(
            translate("BriefEditorView", "No briefs yet"),
            translate(
                "BriefEditorView",
                "Turn the client's request into a task: press “New brief” and pick a template.",
            ),
            self,
        )
        self.stack = QStackedWidget(self)
        for page in (self.no_project, self.no_brief, self.editor):
            self.stack.addWidget(page)
        top = QHBoxLayout()
        top.addWidget(PaneTitle(translate("BriefEditorView", "Briefs"), self), 1)
        top.addStretch(1)
        self.focus_button = accessible(
            QToolButton(self), "briefFocus", translate("BriefEditorView", "Focus on the brief")
        )
        self.focus_button.setText(translate("BriefEditorView", "Focus"))
        self.focus_button.setCheckable(True)
        self.focus_button.setToolTip(
            translate(
                "BriefEditorView",
                "Give the brief the whole window, its preview beside it (Ctrl+Shift+F); "
                "again to go back",
            )
        )
        top.addWidget(self.focus_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)

    def resizeEvent(self, event: Any) -> None:
        orientation = Qt.Orientation.Horizontal if self.width() >= WIDE else Qt.Orientation.Vertical
        if orientation != self.split.orientation() or not self._split_sized:
            # Sections first: they are what is being written; the preview follows it.
            self.split.setOrientation(orientation)
            self.split.setSizes([600, 400])
            self._split_sized = True
        super().resizeEvent(event)

    # Showing ------------------------------------------------------------------------------
    def show_page(self, template: Template) -> list[SectionBox]:
        """Show one box per section of `template`, in its order, and return the boxes made
        just now (to be connected). Boxes stay when the level hides them, so lowering the
        level keeps what was written.

        Each template's page of boxes is built once and kept (hidden when another
        template's brief is shown): building a dozen inputs costs more than reading the
        brief, and people move between briefs of a few templates all day.
        """
        made: list[SectionBox] = []
        cached = self._pages.get(template.key)
        if cached is None or cached[0] != template:
            if cached is not None:
                cached[1].deleteLater()
            page = QWidget(self.sections)
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            boxes = {}
            for section in template.sections:
                box = SectionBox(section, page)
                column.addWidget(box)
                boxes[section.key] = box
                made.append(box)
            self.sections_layout.insertWidget(self.sections_layout.count() - 1, page)
            cached = (template, page, boxes)
            self._pages[template.key] = cached
        for key, (_t, page, _b) in self._pages.items():
            if page.isHidden() == (key == template.key):
                page.setVisible(key == template.key)
        self.boxes = cached[2]
        return made

    def show_expected(self, expected: set[str]) -> None:
        """Show the sections the level asks for, hide the rest."""
        for key, box in self.boxes.items():
            if box.isHidden() == (key in expected):  # only what changes: each costs a relayout
                box.setVisible(key in expected)
        fields = self.boxes.get("fields")
        if isinstance(fields, SectionBox) and isinstance(fields.input, FieldsEditor):
            fields.input.set_rules_visible("validation" in expected)

    def show_completeness(self, done: Completeness, level: int) -> None:
        self.meter.setRange(0, max(len(done.expected), 1))
        self.meter.setValue(done.done)
        if self.meter.property("complete") != done.complete:
            self.meter.setProperty("complete", done.complete)
            self.meter.style().unpolish(self.meter)
            self.meter.style().polish(self.meter)
        self.meter.setFormat(
            translate("BriefEditorView", "%1 of %2 sections for level %3")
            .replace("%1", str(done.done))
            .replace("%2", str(len(done.expected)))
            .replace("%3", str(level))
        )
        self.missing.setText(
            translate("BriefEditorView", "Missing: %1").replace(
                "%1", ", ".join(s.title for s in done.missing)
            )
            if done.missing
            else translate("BriefEditorView", "Everything level %1 asks for is written.").replace(
                "%1", str(level)
            )
        )

    def show_audience_gap(self, gap: Completeness | None, level: int) -> None:
        if gap is not None:
            self.warning.setText(
                translate(
                    "BriefEditorView",
                    "%1 needs level %2 or more; this brief is level %3. Missing for them: %4.",
                )
                .replace("%1", self.audience.currentText())
                .replace("%2", str(gap.level))
                .replace("%3", str(level))
                .replace("%4", ", ".join(s.title for s in gap.missing))
            )
        self.warning.setVisible(gap is not None)

    def show_problems(self, found: dict[str, str]) -> bool:
        """Each message beside its section (and typing that cannot be read); True if any."""
        for key, box in self.boxes.items():
            typed = box.typed_problem()
            if typed:
                found.setdefault(key, typed)
        for key, box in self.boxes.items():
            if isinstance(box.input, FieldsEditor):
                box.show_error("\n".join(box.input.show_problems(found)))
            else:
                box.show_error(found.get(key, ""))
        return bool(found)

    def show_meta(self, doc: BriefDoc, template_name: str) -> None:
        """One short line; the whole story is in the tooltip."""
        when = doc.accepted_at or doc.sent_at
        state = status_text(doc.status) + (" " + day(when.astimezone().date()) if when else "")
        self.meta.setText(" · ".join((doc.code, template_name, state)))
        dates = [
            translate("BriefEditorView", "sent %1").replace("%1", stamp(doc.sent_at))
            if doc.sent_at
            else "",
            translate("BriefEditorView", "accepted %1").replace("%1", stamp(doc.accepted_at))
            if doc.accepted_at
            else "",
            translate("BriefEditorView", "updated %1").replace("%1", stamp(doc.updated_at)),
        ]
        self.meta.setToolTip(" · ".join(d for d in dates if d))
        self.status_button.setText(status_text(doc.status).capitalize())
        for status, action in self.status_actions.items():
            action.setEnabled(status != doc.status)
