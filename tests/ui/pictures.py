"""README's pictures, made again from the demo agency: `python -m tests.ui.pictures [FOLDER]`.

Each is the real window at 1440×900 (the size `--screenshot` uses), in Russian and in
English, light: the queue with the client card, the requests, the day, the brief (a level-10
web form, focused), the team's workload. The demo agency lives where a person's would, in
the user data folder of a home made for the purpose, so the status bar shows
`~/.local/share/accdesk/accdesk.db` rather than a temporary path.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

SIZE = (1440, 900)


def working_morning() -> datetime:
    """The last Wednesday, 11:40 in Moscow: a working morning whatever day pictures are
    made on, so the day plan and the clocks show a working day."""
    today = datetime.now(UTC).date()
    wednesday = today - timedelta(days=(today.weekday() - 2) % 7)
    return datetime(wednesday.year, wednesday.month, wednesday.day, 8, 40, tzinfo=UTC)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs").resolve()
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(HOME=home, QT_QPA_PLATFORM="offscreen", ACCDESK_THEME="light")
        os.environ.pop("XDG_DATA_HOME", None)
        for language in ("ru", "en"):
            take(language, out)
    return 0


def take(language: str, out: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QSpinBox

    from accdesk.demo.agency import create_demo
    from accdesk.ops.briefs import find_brief
    from accdesk.storage.db import default_database_path, open_database
    from ui.common.i18n import install_language
    from ui.shell.app import build_window, create_application

    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    db = open_database(path)
    now = working_morning()
    create_demo(db, now=now, lang=language)
    db.close()
    app = QApplication.instance() or create_application(language=language)
    install_language(app, language)  # type: ignore[arg-type]
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = build_window(str(path), settings)
    window.now = lambda: now
    window.resize(*SIZE)
    window.show()
    settle(lambda: window.settled)
    suffix = "" if language == "ru" else "-en"

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{name}{suffix}.png"))

    shot("screenshot")
    window.day_tabs.setCurrentWidget(window.requests)
    shot("requests")
    window.day_tabs.setCurrentWidget(window.agenda)
    shot("today")
    window.day_tabs.setCurrentWidget(window.queue)
    assert window.db is not None
    form = find_brief(window.db, "B-0009")
    window.queue.select_project(form.project_id)
    window.briefs.open_brief(form.id)
    level = window.briefs.findChild(QSpinBox)
    assert level is not None
    level.setValue(10)
    window.panes.set_focus(True)
    shot("brief")
    window.panes.set_focus(False)
    window.open_workload()
    settle()
    assert window.workload is not None
    window.workload.grab().save(str(out / f"workload{suffix}.png"))
    window.workload.close()
    window.close()


def settle(done: Callable[[], bool] = lambda: False, seconds: float = 15) -> None:
    """Let the window finish what follows its first paint, then a few layout passes."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    for _ in range(10):
        QApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
