"""The briefs of one project as a list model, and how a brief's status reads."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication

from accdesk.models import BriefStatus
from accdesk.ops.readmodels import BriefDoc

ID_ROLE = Qt.ItemDataRole.UserRole + 1


AnyIndex = QModelIndex | QPersistentModelIndex


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
            return (
                self.tr("%1: level %2, %3")
                .replace("%1", doc.code)
                .replace("%2", str(doc.level))
                .replace("%3", status_text(doc.status))
            )
        if role == ID_ROLE:
            return doc.id
        return None


def status_text(status: str) -> str:
    return {
        BriefStatus.DRAFT: QGuiApplication.translate("BriefEditor", "draft"),
        BriefStatus.SENT: QGuiApplication.translate("BriefEditor", "sent"),
        BriefStatus.ACCEPTED: QGuiApplication.translate("BriefEditor", "accepted"),
    }.get(BriefStatus(status), status)
