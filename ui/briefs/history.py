"""A brief's revisions: what changed since each, and a way back to any of them."""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QTextBrowser,
    QVBoxLayout,
)

from accdesk.briefs.content import BriefContent
from accdesk.briefs.render import brief_markdown, diff_lines
from accdesk.briefs.schema import Template
from accdesk.ops.briefs import revisions
from accdesk.storage.db import Database
from ui.common.formatting import stamp
from ui.common.widgets import accessible

LINE_STYLE = {
    "same": "color:#5a6b7d;",
    "removed": "background:#fde8e8;color:#8c1d18;",
    "added": "background:#e3f4e6;color:#1e5b2c;",
}
LINE_MARK = {"same": " ", "removed": "−", "added": "+"}


class HistoryDialog(QDialog):
    """Pick a revision to see how the brief changed since; "Restore" makes it current."""

    def __init__(
        self,
        db: Database,
        brief_id: uuid.UUID,
        template: Template,
        current: BriefContent,
        writable: bool,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of “%1”").replace("%1", current.title))
        self.chosen: int | None = None
        self._revisions = revisions(db, brief_id)
        self._current = brief_markdown(template, current)
        self._template = template
        labels = [
            self.tr("Revision %1 · %2 · level %3")
            .replace("%1", str(r.number))
            .replace("%2", stamp(r.saved_at))
            .replace("%3", str(r.content.level))
            for r in self._revisions
        ]
        self.list = accessible(QListView(self), "revisionList", self.tr("Revisions"))
        self.list.setModel(QStringListModel(labels, self))
        self.list.setMaximumWidth(260)
        self.diff = accessible(QTextBrowser(self), "revisionDiff", self.tr("Changes since"))
        self.caption = QLabel(
            self.tr("Changes from the chosen revision to the brief as it is now"), self
        )
        self.caption.setProperty("hint", True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(
            self.tr("Restore this revision"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.setEnabled(False)
        self._writable = writable
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        self.list.selectionModel().currentChanged.connect(
            lambda current, _p: self._show(current.row())
        )
        right = QVBoxLayout()
        right.addWidget(self.caption)
        right.addWidget(self.diff, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        if self._revisions:
            self.list.setCurrentIndex(self.list.model().index(0, 0))
        else:
            self.diff.setPlainText(self.tr("No saved revisions yet."))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._revisions):
            return
        old = brief_markdown(self._template, self._revisions[row].content)
        lines = diff_lines(old, self._current)
        if all(kind == "same" for kind, _ in lines):
            self.diff.setPlainText(self.tr("The brief is the same as in this revision."))
        else:
            self.diff.setHtml(
                "<pre style='font-family:monospace; white-space:pre-wrap'>"
                + "".join(
                    f"<div style='{LINE_STYLE[kind]}'>{LINE_MARK[kind]} {html.escape(text)}</div>"
                    for kind, text in lines
                )
                + "</pre>"
            )
        self.restore_button.setEnabled(self._writable)

    def _restore(self) -> None:
        row = self.list.currentIndex().row()
        if 0 <= row < len(self._revisions):
            self.chosen = self._revisions[row].number
            self.accept()
