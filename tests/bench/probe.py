"""One start-up of the window (or of its floor) in a fresh process, for run.py.

Prints the wall-clock moment the window was on screen. `app` shows the real main window
with the queue filled from DB; `floor` imports the same modules and shows an empty
QMainWindow, which is the least any start-up of this application can cost.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from ui.app import build_window, create_application


def main() -> int:
    mode, db = sys.argv[1], sys.argv[2]
    app = create_application()
    if mode == "floor":
        window = QMainWindow()
        window.resize(1440, 900)
    else:
        folder = tempfile.mkdtemp()
        settings = QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat)
        window = build_window(db, settings)
        if window.queue.model.rowCount() == 0:
            print("queue is empty", file=sys.stderr)
            return 1
    window.show()
    app.processEvents()
    print(repr(time.time()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
