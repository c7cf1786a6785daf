"""PDF from a brief's HTML with Qt's own writer: fonts embedded, text selectable."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

RESOLUTION = 300


def pdf_bytes(html: str) -> bytes:
    """An A4 PDF of `html`, built in memory so the caller writes the file all at once."""
    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setCreator("accdesk")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def _ensure_application() -> None:
    """The command line has no window; drawing text still needs Qt's font machinery."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _APP
        _APP = QGuiApplication([])


_APP: QGuiApplication | None = None
