"""Start-up of the window: the Qt application, the database to open, the first screen."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QProcess, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from accdesk.storage.db import ENV_VAR, default_database_path
from accdesk.storage.files import atomic_write
from ui.common.dialogs import Dialogs, Unattended
from ui.common.i18n import chosen_language, install_language
from ui.common.resources import resource_path
from ui.shell.main_window import MainWindow
from ui.shell.theme import follow_desktop

SCREENSHOT_SIZE = (1440, 900)


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app, language)
    # With the large agency loaded the window holds over a million objects. At Python's default
    # thresholds a full collection, a walk over all of them of about 0.1 s, came every few
    # re-scorings of the queue (30 ms became 120-230 ms); the young generation collected every
    # 50,000 allocations instead of 700 keeps it at 30-45 ms.
    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 10)
    return app


GC_YOUNG_THRESHOLD = 50_000


def configure_application(app: QApplication, language: str | None = None) -> None:
    """Names, look and language; separate so tests can dress pytest-qt's own application.

    The language is the one chosen in Settings, else the system's (see `ui.common.i18n`).
    Every file the window makes from here on is its owner's alone, the settings file (which
    keeps drafts of what is typed) among them.
    """
    os.umask(os.umask(PRIVATE) | PRIVATE)
    app.setOrganizationName("accdesk")
    app.setApplicationName("accdesk")
    app.setApplicationDisplayName("accdesk")
    app.setDesktopFileName("accdesk")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resource_path("icons/accdesk.svg"))))
    follow_desktop(app)
    install_language(app, language or chosen_language(QSettings()))


PRIVATE = 0o077  # the umask bits that keep group and others out


def narrow(path: Path) -> None:
    """Make an existing file owner-only."""
    with contextlib.suppress(OSError):
        path.chmod(0o600)


def build_window(db: str | None, settings: QSettings, dialogs: Dialogs | None = None) -> MainWindow:
    """The window with the right database in it, or the welcome screen on a first start.

    The database is, in order: `--db`, `ACCDESK_DB`, the one opened last, the default file.
    With none of them existing yet, the welcome screen offers the demo agency or an empty
    one in the default place instead of silently creating a file.
    """
    default = default_database_path()
    window = MainWindow(settings, dialogs, default_path=default)
    remembered = settings.value("lastDatabase")
    target = db or os.environ.get(ENV_VAR)
    if target is None and isinstance(remembered, str) and _still_there(remembered):
        target = remembered
    if target is None and default.exists():
        target = str(default)
    if target is None or not window.open_database(target):
        window.show_welcome()
    return window


def _still_there(url: str) -> bool:
    return not url.startswith("sqlite:///") or Path(url.removeprefix("sqlite:///")).exists()


def save_screenshot(window: MainWindow, target: str) -> bool:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    # The picture is of the finished screen: wait for what follows the first paint...
    deadline = time.monotonic() + 15
    while not window.settled and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    # ...then let word-wrapped labels settle their height, which takes a layout pass or two.
    for _ in range(3):
        QApplication.processEvents()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().save(buffer, "PNG"):
        return False
    try:
        atomic_write(Path(target), bytes(data.data()))
    except OSError as exc:
        print(f"accdesk: could not write {target}: {exc.strerror}", file=sys.stderr)
        return False
    return True


def _report_bug(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A bug in a slot must not pass silently: print it, and tell the person once, plainly."""
    traceback.print_exception(kind, error, tb)
    parent = QApplication.activeWindow()
    QMessageBox.critical(
        parent,
        QApplication.translate("App", "Unexpected problem"),
        QApplication.translate(
            "App", "accdesk ran into a problem it did not expect. Your saved data is safe.\n\n%1"
        ).replace("%1", f"{kind.__name__}: {error}"),
    )


def run_window(
    db: str | None = None, screenshot: str | None = None, language: str | None = None
) -> int:
    if screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application(language=language)
    if screenshot:
        # A picture must not depend on, or change, the person's remembered layout.
        scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(scratch.name) / "screenshot.ini"), QSettings.Format.IniFormat)
    else:
        sys.excepthook = _report_bug
        settings = QSettings()
        narrow(Path(settings.fileName()))  # written by an older accdesk under a wider umask
    unattended = Unattended() if screenshot else None
    window = build_window(db, settings, unattended)
    if screenshot:
        # A refused database was said on stderr, in one line; no picture of the welcome page.
        ok = not (unattended and unattended.said) and save_screenshot(window, screenshot)
        window.close()
        return 0 if ok else 1
    window.show()
    QTimer.singleShot(0, window.raise_)
    status = app.exec()
    if window.restart_requested:
        # The same command again, less a --lang that would override the new choice.
        args = sys.argv[1:]
        kept = [
            a for i, a in enumerate(args) if a != "--lang" and (i == 0 or args[i - 1] != "--lang")
        ]
        QProcess.startDetached(sys.executable, ["-m", "ui", *kept])
    return status
