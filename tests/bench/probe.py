"""One start-up of the window (or of its floor) in a fresh process, for run.py.

Prints the wall-clock moment of the first paint that shows what a person waits for: the
filled project queue (`app`), or an empty QMainWindow that imports the same modules
(`floor`, the least any start-up of this application can cost). The paint is caught by an
event filter, so later work (status-bar totals, the background page check) is not counted,
and neither is anything that happens before the queue is on screen left out.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QMainWindow

from ui.shell.app import build_window, create_application


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.time()
        return False


def main() -> int:
    mode, db = sys.argv[1], sys.argv[2]
    app = create_application()
    paint = FirstPaint()
    if mode == "floor":
        window = QMainWindow()
        window.resize(1440, 900)
        window.installEventFilter(paint)
    else:
        folder = tempfile.mkdtemp()
        settings = QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat)
        window = build_window(db, settings)
        if window.queue.model.rowCount() == 0:
            print("queue is empty", file=sys.stderr)
            return 1
        window.queue.view.viewport().installEventFilter(paint)
    window.show()
    deadline = time.monotonic() + 30
    while paint.at is None and time.monotonic() < deadline:
        app.processEvents()
    if paint.at is None:
        print("nothing was painted", file=sys.stderr)
        return 1
    print(repr(paint.at))
    return 0


if __name__ == "__main__":
    sys.exit(main())
