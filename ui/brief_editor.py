"""Right pane: the briefs of the selected project and an editor for one of them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from accdesk.db import Database
from accdesk.errors import AccdeskError, ValidationError
from accdesk.ops.briefs import briefs_for_project, create_brief, draft_for, save_draft, update_brief
from accdesk.ops.changes import Changes
from accdesk.ops.readmodels import BriefDoc, ProjectRow
from ui.commands import BriefText, EditBriefText
from ui.events import AppEvents
from ui.widgets import EmptyState, PaneTitle, accessible

ID_ROLE = Qt.ItemDataRole.UserRole + 1
AUTOSAVE_MS = 1500
AnyIndex = QModelIndex | QPersistentModelIndex
STATUS_LABELS = {"draft": "draft", "sent": "sent", "accepted": "accepted"}


class BriefListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._docs: list[BriefDoc] = []

    def set_docs(self, docs: Sequence[BriefDoc]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self.endResetModel()

    def doc(self, row: int) -> BriefDoc:
        return self._docs[row]

    def update_doc(self, doc: BriefDoc) -> None:
        row = self.row_of(doc.id)
        if row is not None:
            self._docs[row] = doc
            self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, brief_id: uuid.UUID) -> int | None:
        return next((i for i, d in enumerate(self._docs) if d.id == brief_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._docs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{doc.code} · {doc.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            status = STATUS_LABELS.get(doc.status, doc.status)
            return f"{doc.code}: level {doc.level}, {status}"
        if role == ID_ROLE:
            return doc.id
        return None


class BriefEditorPane(QWidget):
    """Edits a brief's title and text; leaving a field saves it as one undoable step."""

    def __init__(self, events: AppEvents, undo: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefEditorPane")
        self._events = events
        self._undo = undo
        self._db: Database | None = None
        self._project: ProjectRow | None = None
        self._doc: BriefDoc | None = None
        self._publishing = False
        self._loading = False
        # Typed text becomes a draft this long after the last keystroke (the promise: 2 s).
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.keep_draft)

        self.list_model = BriefListModel(self)
        self.list = accessible(QListView(self), "briefList", self.tr("Briefs of the project"))
        self.list.setModel(self.list_model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.new_button = accessible(
            QPushButton(self.tr("New brief"), self), "newBrief", self.tr("New brief")
        )
        self.new_button.clicked.connect(self.new_brief)

        self.title = accessible(QLineEdit(self), "briefTitle", self.tr("Brief title"))
        self.title.setPlaceholderText(self.tr("What needs to be done, in one line"))
        self.meta = accessible(QLabel(self), "briefMeta", self.tr("Brief details"))
        self.meta.setWordWrap(True)
        self.body = accessible(QPlainTextEdit(self), "briefBody", self.tr("Brief text"))
        self.body.setPlaceholderText(self.tr("Goal, context, acceptance criteria, fields…"))
        self.message = accessible(QLabel(self), "briefMessage", self.tr("Save status"))
        self.message.setWordWrap(True)
        for editor in (self.title, self.body):
            editor.installEventFilter(self)
        self.title.textEdited.connect(self._on_typed)
        self.body.textChanged.connect(self._on_typed)

        editor = QWidget(self)
        form = QVBoxLayout(editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.title)
        form.addWidget(self.meta)
        form.addWidget(self.body, 1)
        form.addWidget(self.message)

        self.no_project = EmptyState(
            self.tr("No project selected"),
            self.tr("Select a project to see and write its briefs."),
            self,
        )
        self.no_brief = EmptyState(
            self.tr("No briefs yet"),
            self.tr("Turn the client's request into a task: press “New brief”."),
            self,
        )
        self.stack = QStackedWidget(self)
        for widget in (self.no_project, self.no_brief, editor):
            self.stack.addWidget(widget)
        self._editor = editor

        top = QHBoxLayout()
        top.addWidget(PaneTitle(self.tr("Briefs"), self), 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self._events.changed.connect(self._on_changed)
        self.show_project(None)

    # Public --------------------------------------------------------------------------------
    def set_database(self, db: Database | None) -> None:
        self._db = db
        self.show_project(None)

    def show_project(self, project: ProjectRow | None) -> None:
        self.commit()
        self._project = project
        writable = self._db is not None and not self._db.read_only
        self.new_button.setEnabled(project is not None and writable)
        self._reload(None)

    def commit(self) -> bool:
        """Save what is in the editor if it differs from what is stored. False if refused."""
        self._autosave.stop()
        doc, db = self._doc, self._db
        if doc is None or db is None or db.read_only:
            return True
        after = self._typed()
        before = BriefText(doc.title, doc.body)
        if after == before:
            return True
        try:
            changes = update_brief(db, doc.id, after._asdict(), expected_version=doc.version)
        except ValidationError as exc:
            self._say(self.tr("Not saved: ") + _field_messages(exc), error=True)
            return False
        except AccdeskError as exc:
            self._say(self.tr("Not saved: ") + str(exc), error=True)
            return False
        self._doc = replace(
            doc, title=after.title, body=after.body, version=changes.versions[doc.id]
        )
        self.list_model.update_doc(self._doc)
        self._undo.push(
            EditBriefText(db, doc.id, before, after, self._events.changed.emit, self._report)
        )
        self._publish(changes)
        self._say(self.tr("Saved at %1").replace("%1", QTime.currentTime().toString("HH:mm")))
        return True

    def new_brief(self) -> None:
        if self._project is None or self._db is None or not self.commit():
            return
        doc, changes = create_brief(self._db, self._project.id, {"title": self.tr("New brief")})
        self._publish(changes)
        self._reload(doc.id)
        self.title.setFocus()
        self.title.selectAll()

    def keep_draft(self) -> None:
        """Write what is typed as a draft, without saving the brief (no undo step, no
        validation): after a crash the next start puts it back."""
        doc, db = self._doc, self._db
        if (
            doc is None
            or db is None
            or db.read_only
            or self._typed() == BriefText(doc.title, doc.body)
        ):
            return
        try:
            save_draft(db, doc.id, self._typed()._asdict())
        except AccdeskError as exc:
            self._say(self.tr("Could not keep a draft: ") + str(exc), error=True)
            return
        self._say(
            self.tr("Draft kept at %1; leaving the field saves it").replace(
                "%1", QTime.currentTime().toString("HH:mm:ss")
            )
        )

    # Internals -------------------------------------------------------------------------------
    def _typed(self) -> BriefText:
        return BriefText(self.title.text(), self.body.toPlainText())

    def _on_typed(self) -> None:
        if not self._loading:
            self._autosave.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in (self.title, self.body):
            self.commit()
        return super().eventFilter(watched, event)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        target = self.list_model.doc(current.row()) if current.isValid() else None
        self.commit()
        self._show_doc(target)

    def _reload(self, select: uuid.UUID | None) -> None:
        """Read the project's briefs again and show `select` (or the newest one)."""
        project, db = self._project, self._db
        docs = briefs_for_project(db, project.id) if project and db else []
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.list_model.set_docs(docs)
        row = self.list_model.row_of(select) if select else (0 if docs else None)
        if row is not None:
            self.list.setCurrentIndex(self.list_model.index(row))
        selection.blockSignals(False)
        self.list.setVisible(bool(docs))
        # As tall as its briefs, up to five lines; the editor gets the rest.
        rows = min(max(len(docs), 1), 5)
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 2
        )
        self._show_doc(docs[row] if row is not None else None)

    def _publish(self, changes: Changes) -> None:
        """Tell the other panes; this pane has already updated itself."""
        self._publishing = True
        try:
            self._events.changed.emit(changes)
        finally:
            self._publishing = False

    def _show_doc(self, doc: BriefDoc | None) -> None:
        self._doc = doc
        if doc is None:
            self.stack.setCurrentWidget(self.no_project if self._project is None else self.no_brief)
            return
        draft = draft_for(self._db, doc.id) if self._db else None
        self._loading = True
        try:
            shown = BriefText(draft.title, draft.body) if draft else BriefText(doc.title, doc.body)
            self.title.setText(shown.title)
            self.title.setCursorPosition(0)  # show where the title starts, not where it ends
            self.body.setPlainText(shown.body)
        finally:
            self._loading = False
        status = STATUS_LABELS.get(doc.status, doc.status)
        updated = doc.updated_at.astimezone().strftime("%d.%m.%Y %H:%M")
        self.meta.setText(
            self.tr("%1 · level %2 of 10 · %3 · updated %4")
            .replace("%1", doc.code)
            .replace("%2", str(doc.level))
            .replace("%3", status)
            .replace("%4", updated)
        )
        if draft is not None and BriefText(draft.title, draft.body) != BriefText(
            doc.title, doc.body
        ):
            typed = draft.typed_at.astimezone().strftime("%d.%m %H:%M")
            self._say(
                self.tr(
                    "Restored text you had not saved (typed %1); leaving the field saves it"
                ).replace("%1", typed)
            )
        else:
            self._say("")
        read_only = self._db is not None and self._db.read_only
        self.title.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        self.stack.setCurrentWidget(self._editor)

    def _on_changed(self, changes: Changes) -> None:
        if self._publishing or not changes.touches("brief"):
            return
        self._reload(self._doc.id if self._doc else None)

    def _report(self, text: str) -> None:
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)


def _field_messages(error: ValidationError) -> str:
    names = {"title": "title", "body": "text"}
    return "; ".join(f"{names.get(k, k)} {v}" for k, v in error.errors.items())
