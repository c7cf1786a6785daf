"""Data safety as a person meets it in the window."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from accdesk.ops.briefs import briefs_for_project, drafts, get_brief, update_brief
from accdesk.ops.queue import list_queue
from accdesk.storage.backup import rolling_backup
from accdesk.storage.db import open_database
from accdesk.storage.sqlitefile import verify_sqlite
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _brief_of_selected(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.db is not None
    return window.briefs.list_model.doc(0) if window.briefs.list_model.rowCount() else None


def _project_with_briefs(path: Path) -> str:
    db = open_database(path)
    try:
        return next(str(r.id) for r in list_queue(db) if briefs_for_project(db, r.id))
    finally:
        db.close()


def test_text_typed_two_seconds_before_a_kill_is_back_after_restart(  # type: ignore[no-untyped-def]
    demo_path: Path, open_window, holder, tmp_path: Path
) -> None:
    project = _project_with_briefs(demo_path)
    script = textwrap.dedent(
        f"""
        import os, sys, time, uuid
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtTest import QTest
        from ui.shell.app import build_window, create_application
        app = create_application()
        settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
        window = build_window({str(demo_path)!r}, settings)
        window.show()
        window.queue.select_project(uuid.UUID({project!r}))
        body = window.briefs.boxes["title"].input
        body.setFocus()
        body.home(False)
        for ch in " Черновик, который нельзя потерять":
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, body, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
        print("typed", flush=True)
        end = time.monotonic() + 60
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        """
    )
    child = holder(script, ready="typed")
    time.sleep(2.0)  # the promise: what was typed 2 s before a crash is kept
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    window = open_window(demo_path)
    typed = " Черновик, который нельзя потерять"  # typed where the cursor was: the start
    title = window.briefs.boxes["title"].input
    assert title.text().startswith(typed)
    assert window.briefs.message.text().startswith("Restored text you had not saved")
    assert "had text that was not saved" in window.statusBar().currentMessage()
    doc = _brief_of_selected(window)
    assert doc is not None and typed.strip() not in doc.title  # not saved until they leave
    title.setFocus()
    window.queue.search.setFocus()
    assert window.db is not None
    assert get_brief(window.db, doc.id).title.startswith(typed.strip())


def test_restore_from_backup_in_the_file_menu(demo_path: Path, open_window, dialogs) -> None:  # type: ignore[no-untyped-def]
    rolling_backup(demo_path)
    window = open_window(demo_path)
    assert window.db is not None
    doc = _brief_of_selected(window)
    assert doc is not None
    update_brief(
        window.db, doc.id, {"title": "Испорчено", "notes": ""}, expected_version=doc.version
    )

    action = window.findChild(QAction, "actionRestore")
    assert action is not None
    action.trigger()

    assert dialogs.offered and all(b.projects == 120 for b in dialogs.offered)
    assert window.db is not None
    assert get_brief(window.db, doc.id).title == doc.title
    kept = list(demo_path.parent.glob("agency.replaced-*.db"))
    assert len(kept) == 1
    assert "Restored the backup of" in window.statusBar().currentMessage()


def test_damaged_database_at_start_offers_the_newest_backup(
    demo_path: Path,
    open_window,
    dialogs,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    rolling_backup(demo_path)
    data = bytearray(demo_path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle : middle + 300] = b"\xff" * 300
    demo_path.write_bytes(bytes(data))
    dialogs.confirmations.append(True)

    window = open_window(demo_path)
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=5000)
    title, text = dialogs.questions[0]
    assert title == "The database is damaged"
    assert "Restore the newest good backup" in text and "120 projects" in text
    qtbot.waitUntil(
        lambda: window.db is not None and window.queue.model.rowCount() == 120, timeout=5000
    )
    damaged = list(demo_path.parent.glob("agency.damaged-*.db"))
    assert len(damaged) == 1 and damaged[0].read_bytes() == bytes(data)


def test_second_window_on_the_same_file_is_read_only_with_a_banner(  # type: ignore[no-untyped-def]
    demo_path: Path, open_window, dialogs, holder
) -> None:
    holder(
        f"""
        from accdesk.storage.db import open_database
        import time
        db = open_database({str(demo_path)!r})
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    dialogs.confirmations.append(True)
    window = open_window(demo_path)
    assert dialogs.questions[0][0] == "Database in use"
    assert window.banner.isVisible()
    assert window.banner.text().startswith("Read-only")
    assert window.briefs.boxes["title"].input.isReadOnly()
    assert not window.briefs.new_button.isEnabled()
    assert window.queue.model.rowCount() == 120


def test_closing_the_window_leaves_a_verified_backup(demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.close()
    backups = sorted(p.name for p in (demo_path.parent / "backups").iterdir())
    assert [name.split("-")[1] for name in backups] == ["daily", "weekly"]
    for name in backups:
        verify_sqlite(demo_path.parent / "backups" / name, "integrity_check")


STEADY = "Пишу ровно, по букве"  # one key every 0.3 s: never a pause long enough to save


def _type_steadily(holder, script_head: str, field: str, settings: Path) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    """A child process types STEADY into `field` one key at a time and is killed in the
    middle of the rhythm; returns what was typed more than two seconds before the kill."""
    script = (
        textwrap.dedent(
            f"""
        import os, sys, time, uuid
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtTest import QTest
        from ui.shell.app import build_window, create_application
        app = create_application()
        settings = QSettings({str(settings)!r}, QSettings.Format.IniFormat)
        """
        )
        + textwrap.dedent(script_head)
        + textwrap.dedent(
            f"""
        field = {field}
        field.setFocus()
        field.selectAll()
        print("ready", flush=True)
        for ch in {STEADY!r}:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, field, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
            print("key", flush=True)
            end = time.monotonic() + 0.3
            while time.monotonic() < end:
                app.processEvents()
                time.sleep(0.01)
        while True:
            app.processEvents()
            time.sleep(0.01)
        """
        )
    )
    child = holder(script)
    assert child.stdout is not None
    stamps = []
    while len(stamps) < 15:  # about 4.5 s of steady typing
        assert child.stdout.readline().strip() == "key"
        stamps.append(time.monotonic())
    child.send_signal(signal.SIGKILL)
    killed = time.monotonic()
    child.wait()
    kept = sum(1 for stamp in stamps if stamp < killed - 2.0)
    return STEADY[:kept], killed


def test_steady_typing_in_a_brief_is_kept_within_two_seconds(  # type: ignore[no-untyped-def]
    demo_path: Path, open_window, holder, tmp_path: Path
) -> None:
    project = _project_with_briefs(demo_path)
    head = f"""
        window = build_window({str(demo_path)!r}, settings)
        window.show()
        window.queue.select_project(uuid.UUID({project!r}))
        """
    promised, _ = _type_steadily(
        holder, head, 'window.briefs.boxes["title"].input', tmp_path / "s.ini"
    )
    assert len(promised) >= 8
    db = open_database(demo_path, read_only=True)
    try:
        kept = [d.content.title for d in drafts(db)]
    finally:
        db.close()
    assert kept and kept[0].startswith(promised), (kept, promised)


def test_steady_typing_in_the_client_card_is_kept_within_two_seconds(  # type: ignore[no-untyped-def]
    demo_path: Path, holder, tmp_path: Path
) -> None:
    head = f"""
        window = build_window({str(demo_path)!r}, settings)
        window.show()
        window.queue.view.selectRow(0)
        """
    field = 'window.card.profile.form.fields["segment"].widget'
    promised, _ = _type_steadily(holder, head, field, tmp_path / "s.ini")
    assert len(promised) >= 8
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    keys = [k for k in settings.allKeys() if k.startswith("cardDrafts/")]
    kept = [json.loads(str(settings.value(k)))["segment"] for k in keys]
    assert kept and kept[0].startswith(promised), (kept, promised)


def test_the_settings_file_that_keeps_drafts_is_its_owners_alone(  # type: ignore[no-untyped-def]
    open_window, demo_path: Path, settings: QSettings, qtbot
) -> None:
    old = os.umask(0o022)  # a usual desktop umask: new files readable by everyone
    try:
        window = open_window(demo_path)
        window.queue.view.selectRow(0)
        segment = window.card.profile.form.fields["segment"].widget
        segment.setFocus()
        segment.setText(segment.text() + " и офлайн")
        window.card.keep_draft()
        qtbot.waitUntil(lambda: any(k.startswith("cardDrafts/") for k in settings.allKeys()))
    finally:
        os.umask(old)
    assert Path(settings.fileName()).stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("kind", ["refused", "in use"])
def test_a_screenshot_run_never_waits_for_a_click(  # type: ignore[no-untyped-def]
    tmp_path: Path, demo_path: Path, holder, kind: str
) -> None:
    """A run nobody watches says what is wrong in one line and ends, instead of showing a
    message box that waits for a click."""
    target = demo_path
    if kind == "refused":
        target = tmp_path / "notes.db"
        target.write_text("not a database", encoding="utf-8")
    else:
        holder(
            f"""
            import time
            from accdesk.storage.db import open_database
            db = open_database({str(demo_path)!r})
            print("ready", flush=True)
            time.sleep(60)
            """
        )
    picture = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--db", str(target), "--screenshot", str(picture)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    said = [line for line in result.stderr.splitlines() if line.startswith("accdesk:")]
    assert len(said) == 1 and str(target) in said[0], result.stderr
    assert not picture.exists()
