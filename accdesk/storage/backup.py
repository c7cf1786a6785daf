"""Automatic backups and restore.

A rolling set lives in `backups/` beside the database: one file per day for the last 7 days
and one per ISO week for the last 4 weeks. Every backup is a verified copy
(`sqlitefile.copy_database`: online backup API, then `integrity_check`), so a file in the set
is always one that can be restored. Restoring never deletes anything: the database it
replaces is renamed aside, with its WAL, so it can still be opened.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from accdesk.errors import AccdeskError
from accdesk.storage.files import PRIVATE_FILE
from accdesk.storage.locking import WriterLock
from accdesk.storage.sqlitefile import (
    FileState,
    copy_database,
    empty_log,
    inspect_sqlite,
    sync_folder,
    table_counts,
)
from accdesk.text import translate
from accdesk.types import utcnow

KEEP_DAILY = 7
KEEP_WEEKLY = 4
COUNTED = ("client", "project", "brief")
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|weekly)-(?P<key>\d{4}-\d{2}-\d{2}|\d{4}-W\d{2})\.db$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    taken_at: datetime
    clients: int
    projects: int
    briefs: int


def backups_folder(database: Path) -> Path:
    return database.parent / "backups"


def _names(database: Path) -> tuple[str, ...]:
    """What this database's backups are named after: its whole file name, so `team.db` and
    `team.sqlite` in one folder never share a backup; a `.db` file's backups made before
    were named without `.db`, and are still found."""
    return (database.name, database.stem) if database.suffix == ".db" else (database.name,)


def _daily_name(database: Path, day: date) -> str:
    return f"{database.name}-daily-{day.isoformat()}.db"


def _weekly_name(database: Path, day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{database.name}-weekly-{year}-W{week:02d}.db"


def _set(database: Path, kind: str) -> list[Path]:
    """The backups of one kind for this database, newest first."""
    folder = backups_folder(database)
    if not folder.exists():
        return []
    found: dict[Path, str] = {}
    for base in _names(database):
        for path in folder.glob(f"{glob.escape(base)}-{kind}-*.db"):
            match = _NAME.match(path.name)
            if match and match["stem"] == base:
                found[path] = match["key"]
    return sorted(found, key=lambda p: (found[p], p.name), reverse=True)


def rolling_backup(database: Path, now: datetime | None = None) -> Path:
    """Back up into the rolling set and prune it; returns today's daily file.

    Today's daily backup is replaced by a fresher one; the week's first backup also becomes
    its weekly one. Only verified copies are ever kept.
    """
    moment = (now or utcnow()).astimezone()
    day = moment.date()
    daily = copy_database(database, backups_folder(database) / _daily_name(database, day))
    weekly = backups_folder(database) / _weekly_name(database, day)
    if not weekly.exists():
        shutil.copyfile(daily, weekly)  # a closed, verified file: a plain copy is exact
        weekly.chmod(PRIVATE_FILE)
    for kind, keep in (("daily", KEEP_DAILY), ("weekly", KEEP_WEEKLY)):
        for old in _set(database, kind)[keep:]:
            old.unlink()
    return daily


def last_backup_time(database: Path) -> datetime | None:
    newest = _set(database, "daily")
    return datetime.fromtimestamp(newest[0].stat().st_mtime).astimezone() if newest else None


def list_backups(database: Path) -> list[BackupInfo]:
    """Every restorable backup of this database, newest first, with what it holds."""
    infos = []
    for kind in ("daily", "weekly"):
        for path in _set(database, kind):
            try:
                counts = table_counts(path, COUNTED)
            except Exception:
                continue
            taken = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            infos.append(
                BackupInfo(path, kind, taken, counts["client"], counts["project"], counts["brief"])
            )
    return sorted(infos, key=lambda b: b.taken_at, reverse=True)


def newest_good_backup(database: Path) -> BackupInfo | None:
    backups = list_backups(database)
    return backups[0] if backups else None


def aside_path(database: Path, label: str, now: datetime | None = None) -> Path:
    """Where a database replaced by a restore is kept: `<stem>.<label>-<time>.db`."""
    stamp = (now or utcnow()).astimezone().strftime("%Y%m%d-%H%M%S")
    return database.with_name(f"{database.stem}.{label}-{stamp}{database.suffix}")


def keep_aside(database: Path, aside: Path) -> Path:
    """An exact copy of the database file and its log, synced to disk: what a restore
    replaces stays as it was, for the person to go back to or to send for a look."""
    for suffix in ("", "-wal"):
        source = Path(str(database) + suffix)
        if source.exists():
            target = Path(str(aside) + suffix)
            shutil.copyfile(source, target)
            target.chmod(PRIVATE_FILE)
            with target.open("rb+") as fh:
                os.fsync(fh.fileno())
    sync_folder(aside.parent)
    return aside


def restore(backup: Path, database: Path, *, label: str = "replaced") -> Path | None:
    """Put a backup in place of the database; returns where the old database was kept.

    The backup is checked in full before anything moves. The database must not be open in
    another accdesk (the writer lock is taken for the whole swap). The old database is kept
    aside byte for byte, with its log, even when damaged. A kill or power cut at any moment
    leaves a whole database at the path, the old or the backup, and never a log of the old
    one beside the new: the old log is emptied into its file (or, for a damaged file, kept
    only aside) before the backup's verified copy replaces the file in one rename.
    """
    # Foreign, newer and damaged files raise here; an older schema is fine (opening migrates).
    state = inspect_sqlite(backup, check="integrity_check").state
    if state is FileState.MISSING:
        raise AccdeskError(translate("Backup", "{backup} does not exist").format(backup=backup))
    if state is FileState.BLANK:
        raise AccdeskError(
            translate("Backup", "{backup} is an empty SQLite file, not an accdesk backup").format(
                backup=backup
            )
        )
    if backup.resolve() == database.resolve():
        raise AccdeskError(
            translate("Backup", "{backup} is the database itself, not a backup of it").format(
                backup=backup
            )
        )
    with WriterLock(database):
        aside = None
        if database.exists():
            aside = keep_aside(database, aside_path(database, label))
            with contextlib.suppress(sqlite3.DatabaseError):  # damaged: its log is kept aside
                empty_log(database)
            for suffix in ("-wal", "-shm"):
                Path(str(database) + suffix).unlink(missing_ok=True)
        copy_database(backup, database)
    return aside
