"""The open database's life in the window: open, check, back up, restore, follow, close.

One object owns the `Database` the window shows. It opens one (asking what to do with a
file another window writes to), fills it with the demo agency when asked, checks its pages
in a worker once the window is up, closes a database that turns out unusable (offering the
newest good backup of a damaged one), backs up daily while open and on exit, restores from
a backup, and on a team database follows other people's changes and the server's comings
and goings. The window (`Host`) shows a database, lets go of one, and shows the welcome
page; the rest it hears through signals.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from accdesk.demo.agency import create_demo
from accdesk.errors import AccdeskError, DamagedDatabase, DatabaseInUse
from accdesk.storage.backup import (
    BackupInfo,
    last_backup_time,
    list_backups,
    newest_good_backup,
    restore,
    rolling_backup,
)
from accdesk.storage.credentials import without_password
from accdesk.storage.db import Database, open_database
from accdesk.storage.sqlitefile import verify_sqlite
from ui.common.context import PaneContext
from ui.common.dialogs import describe_backup
from ui.common.formatting import stamp
from ui.common.i18n import current_language, translate
from ui.shell.live import LiveUpdates

BACKUP_EVERY_S = 24 * 3600
VERIFY_DELAY_MS = 300
FIRST_BACKUP_CHECK_MS = 30_000
BACKUP_CHECK_MS = 3600 * 1000  # how often a running window asks whether a backup is due
LAST_DATABASE = "lastDatabase"  # QSettings: reopened at the next start


class Host(Protocol):
    """What the session asks of the window. Called directly, not through signals, so
    that a database that fails while it is being shown is caught here and closed."""

    def show_database(self, db: Database) -> None: ...
    def release_database(self, *, save: bool) -> None: ...
    def show_welcome(self) -> None: ...


class DatabaseSession(QObject):
    said = Signal(str, int)  # a status-bar message, and for how many milliseconds
    server_lost = Signal(str)  # a team server went away (the reason)
    server_back = Signal()

    def __init__(self, window: QWidget, host: Host, context: PaneContext) -> None:
        super().__init__(window)
        self._window, self._host, self._context = window, host, context
        self._dialogs, self._settings = context.dialogs, context.settings
        self.db: Database | None = None
        self.live: LiveUpdates | None = None  # others' changes, on a team database
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._backup_if_due)

    # Opening --------------------------------------------------------------------------------
    def open(self, target: str | Path, *, demo: bool = False) -> bool:
        """Open `target` (a file or a server address) in place of the current database."""
        db = self._open_asking(target)
        if db is None:
            return False
        if demo:
            try:
                self._context.publish(create_demo(db, lang=current_language()))
            except AccdeskError as exc:
                self._dialogs.error(
                    self._window, translate("MainWindow", "Cannot create the demo agency"), str(exc)
                )
        self.close()
        self.db = db
        try:
            self._host.show_database(db)
        except AccdeskError as exc:
            self._give_up(db, exc)
            return False
        if db.path is None:
            self._follow_team(db)
        else:
            # After the first paint: the page check reads the whole file and should not
            # compete with showing the window; it still ends within about a second.
            QTimer.singleShot(VERIFY_DELAY_MS, lambda: self._verify(db))
            if not db.read_only:
                QTimer.singleShot(FIRST_BACKUP_CHECK_MS, self._backup_if_due)
                self._backup_timer.start()
        self._settings.setValue(LAST_DATABASE, without_password(db.url))
        return True

    def _open_asking(self, target: str | Path) -> Database | None:
        """The database, or None after telling why not; one that another window writes to
        is offered read-only."""
        try:
            # Pages are checked in a worker once the window is up (see _verify).
            return open_database(target, check_pages=False)
        except DatabaseInUse as exc:
            question = str(exc) + "\n\n" + translate("MainWindow", "Open it read-only?")
            if not self._dialogs.confirm(
                self._window, translate("MainWindow", "Database in use"), question
            ):
                return None
            try:
                return open_database(target, check_pages=False, read_only=True)
            except AccdeskError as again:
                self._dialogs.error(
                    self._window, translate("MainWindow", "Cannot open the database"), str(again)
                )
        except AccdeskError as exc:
            self._dialogs.error(
                self._window, translate("MainWindow", "Cannot open the database"), str(exc)
            )
        return None

    def _verify(self, db: Database) -> None:
        if self.db is db and db.path is not None:
            path = db.path
            self._context.background.run(
                lambda: verify_sqlite(path), lambda _r, error: self._on_verified(db, error)
            )

    def _on_verified(self, db: Database, error: Exception | None) -> None:
        if isinstance(error, AccdeskError) and self.db is db:
            self._give_up(db, error)

    def _give_up(self, db: Database, error: AccdeskError) -> None:
        """A database that turns out unusable is closed untouched; the reason is shown.

        A damaged one is offered the newest good backup; the damaged file is kept aside.
        """
        if self.db is db:
            self._host.release_database(save=False)  # nothing is written to it any more
            self._stop_following()
            self.db = None
        db.close()
        self._settings.remove(LAST_DATABASE)
        self._host.show_welcome()
        backup = (
            newest_good_backup(db.path) if isinstance(error, DamagedDatabase) and db.path else None
        )
        if backup is None or db.path is None:
            self._dialogs.error(
                self._window, translate("MainWindow", "Cannot use the database"), str(error)
            )
            return
        question = (
            str(error)
            + "\n\n"
            + translate(
                "MainWindow",
                "Restore the newest good backup, %1? The damaged file is kept aside unchanged.",
            ).replace("%1", describe_backup(backup))
        )
        if self._dialogs.confirm(
            self._window, translate("MainWindow", "The database is damaged"), question
        ):
            self._restore(backup, db.path, label="damaged")

    # Closing --------------------------------------------------------------------------------
    def close(self, *, backup: bool = False) -> None:
        """Let the panes save, then close the database; `backup` on leaving the window."""
        self._stop_following()
        db = self.db
        if db is None:
            return
        self._host.release_database(save=True)
        if backup:
            self._backup_on_exit(db)
        db.close()
        self.db = None

    def _stop_following(self) -> None:
        self._backup_timer.stop()
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None

    # Backups --------------------------------------------------------------------------------
    def _backup_if_due(self) -> None:
        db = self.db
        if db is None or db.path is None or db.read_only:
            return
        last = last_backup_time(db.path)
        if (
            last is not None
            and (datetime.now().astimezone() - last).total_seconds() < BACKUP_EVERY_S
        ):
            return
        path = db.path
        self._context.background.run(lambda: rolling_backup(path), self._on_backed_up)

    def _on_backed_up(self, written: Path | None, error: Exception | None) -> None:
        if error is not None:
            self.said.emit(
                translate("MainWindow", "Automatic backup failed: %1").replace("%1", str(error)),
                30_000,
            )
        elif written is not None:
            self.said.emit(
                translate("MainWindow", "Backed up to %1").replace("%1", str(written)), 10_000
            )

    def _backup_on_exit(self, db: Database) -> None:
        if db.path is None or db.read_only:
            return
        self.said.emit(translate("MainWindow", "Backing up…"), 0)
        try:
            rolling_backup(db.path)
        except AccdeskError as exc:
            # The window is going away; the terminal is the last place to say it.
            print(f"accdesk: the backup on exit failed: {exc}", file=sys.stderr)

    def restore_from_backup(self) -> None:
        """File → Restore from backup: the person picks one of this database's backups."""
        db = self.db
        title = translate("MainWindow", "Restore from backup")
        if db is None or db.path is None or db.read_only:
            text = translate(
                "MainWindow", "Open the database you want to restore, with write access, first."
            )
            self._dialogs.error(self._window, title, text)
            return
        backups = list_backups(db.path)
        if not backups:
            text = translate("MainWindow", "There are no backups of this database yet.")
            self._dialogs.error(self._window, title, text)
            return
        chosen = self._dialogs.choose_backup(self._window, backups)
        if chosen is None:
            return
        path = db.path
        self.close()
        self._restore(chosen, path, label="replaced")
        if self.db is None:
            self.open(path)

    def _restore(self, backup: BackupInfo, path: Path, *, label: str) -> None:
        try:
            aside = restore(backup.path, path, label=label)
        except AccdeskError as exc:
            self._dialogs.error(
                self._window, translate("MainWindow", "Cannot restore the backup"), str(exc)
            )
            return
        if self.open(path):
            kept = (
                translate("MainWindow", " The previous database is kept as %1.").replace(
                    "%1", str(aside)
                )
                if aside
                else ""
            )
            restored = translate("MainWindow", "Restored the backup of %1.").replace(
                "%1", stamp(backup.taken_at)
            )
            self.said.emit(restored + kept, 30_000)

    # A team server ------------------------------------------------------------------------
    def _follow_team(self, db: Database) -> None:
        """Others' changes appear as they commit; a lost server is said and retried."""
        self.live = LiveUpdates(db, self)
        self.live.changed.connect(self._context.publish)
        self.live.lost.connect(self.server_lost)
        self.live.back.connect(self.server_back)
        self.live.start()
