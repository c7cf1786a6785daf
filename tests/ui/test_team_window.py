"""Two people on one team database: one person's change reaches the other's window."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import keyring
import keyring.backend
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from accdesk.briefs.content import to_json
from accdesk.ops.briefs import briefs_for_project, draft_for, get_brief
from accdesk.ops.queue import list_queue, set_status
from accdesk.storage.db import open_database
from accdesk.storage.live import FEED_NAME
from tests.ui.conftest import type_text
from ui.shell.connect_dialog import ConnectDialog
from ui.shell.main_window import MainWindow


def _status_shown(window: MainWindow, project_id: object) -> str:
    return next(r.status for r in window.queue.model.all_rows if r.id == project_id)


def test_a_change_made_elsewhere_appears_in_the_window_within_seconds(
    open_window: Callable[..., MainWindow], team_url: Callable[[str], str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(team_url("am01"))  # the team lead's window
    anna = open_database(team_url("am02"))
    try:
        assert anna.identity is not None
        mine = next(r for r in list_queue(anna) if r.manager_id == anna.identity.manager_id)
        assert _status_shown(window, mine.id) == mine.status != "paused"
        set_status(anna, mine.id, "paused")
        qtbot.waitUntil(lambda: _status_shown(window, mine.id) == "paused", timeout=5000)
    finally:
        anna.close()


def test_a_lost_server_is_said_and_the_window_comes_back_by_itself(
    open_window: Callable[..., MainWindow],
    team_url: Callable[[str], str],
    pg_admin: Engine,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = team_url("am01")
    window = open_window(url)
    banner = window.connection_banner
    assert banner.isHidden()
    with pg_admin.connect() as con:  # the server drops the window's listening connection
        con.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE application_name = '{FEED_NAME}' AND datname = '{make_url(url).database}'"
        )
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "cannot be reached" in banner.text() and "saved when the server is back" in banner.text()
    qtbot.waitUntil(banner.isHidden, timeout=10000)
    assert "back" in window.statusBar().currentMessage()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The system keyring's place in a test: what is kept is kept here."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


def test_connecting_through_the_dialog_opens_the_team_database_as_that_login(
    open_window: Callable[..., MainWindow],
    team_url: Callable[[str], str],
    dialogs,  # type: ignore[no-untyped-def]
    settings: QSettings,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = make_url(team_url("am02"))
    window = open_window(None)
    memory, before = MemoryKeyring(), keyring.get_keyring()
    keyring.set_keyring(memory)

    def fill(dialog: ConnectDialog) -> None:
        dialog.host.clear()
        qtbot.keyClicks(dialog.host, str(url.host))
        dialog.port.setValue(int(url.port or 5432))
        qtbot.keyClicks(dialog.login, str(url.username))
        connect = dialog.findChild(QPushButton, "connectButton")
        qtbot.mouseClick(connect, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.error.text() == "Database: must not be empty"
        qtbot.keyClicks(dialog.database, str(url.database))
        qtbot.keyClicks(dialog.password, "s3cret")
        qtbot.mouseClick(dialog.remember, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(connect, Qt.MouseButton.LeftButton)

    dialogs.fill = fill
    try:
        window.findChild(QAction, "actionConnectTeam").trigger()
        assert window.db is not None and window.db.identity is not None
        assert window.db.identity.login == "am02" and window.db.identity.manager_id is not None
        assert f"{url.host}:{url.port}/{url.database}" in window.location.text()
        name = window.db.identity.manager_name
        assert window.location.text().endswith(f"you: {name} (account manager)")
        assert window.queue.model.rowCount() == 120
        # The password went to the keyring; the settings hold the address alone.
        assert list(memory.kept.values()) == ["s3cret"]
        settings.sync()
        stored = Path(settings.fileName()).read_text(encoding="utf-8")
        assert "s3cret" not in stored and "am02@" in stored
    finally:
        keyring.set_keyring(before)


def test_a_manager_and_a_team_lead_side_by_side(
    open_window: Callable[..., MainWindow], team_url: Callable[[str], str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Anna pauses her project in her window and the lead's window shows it; the lead
    changes it meanwhile and Anna's next change, made on what she saw, is refused and her
    queue shows the project as stored; another manager's project is refused outright."""
    lead, anna = open_window(team_url("am01")), open_window(team_url("am02"))
    assert anna.db is not None and anna.db.identity is not None
    me = anna.db.identity.manager_id
    rows = anna.queue.model.all_rows
    mine = [r for r in rows if r.manager_id == me and r.status == "active"]
    other = next(r for r in rows if r.manager_id not in (me, None))

    anna.queue.select_project(mine[0].id)
    anna.findChild(QAction, "actionStatus_paused").trigger()
    assert _status_shown(anna, mine[0].id) == "paused"
    qtbot.waitUntil(lambda: _status_shown(lead, mine[0].id) == "paused", timeout=5000)

    # The lead sets the next one to planned; before Anna's window hears of it she pauses it.
    lead.queue.select_project(mine[1].id)
    lead.findChild(QAction, "actionStatus_planned").trigger()
    anna.queue.select_project(mine[1].id)
    anna.findChild(QAction, "actionStatus_paused").trigger()
    assert "changed elsewhere" in anna.queue.message.text()
    assert _status_shown(anna, mine[1].id) == "planned"  # as stored, the lead's

    anna.queue.select_project(other.id)
    anna.findChild(QAction, "actionStatus_paused").trigger()
    refusal = anna.queue.message.text()
    assert "not permitted" in refusal and other.manager in refusal
    assert _status_shown(anna, other.id) == other.status


def test_what_a_manager_may_not_change_is_shown_read_only(
    open_window: Callable[..., MainWindow], team_url: Callable[[str], str]
) -> None:
    anna = open_window(team_url("am02"))
    assert anna.db is not None and anna.db.identity is not None
    me = anna.db.identity.manager_id
    rows = anna.queue.model.all_rows
    my_clients = {r.client_id for r in rows if r.manager_id == me}
    theirs = next(
        r
        for r in rows
        if r.manager_id not in (me, None)
        and r.client_id not in my_clients
        and briefs_for_project(anna.db, r.id)
    )
    mine = next(r for r in rows if r.manager_id == me)
    anna.queue.select_project(theirs.id)
    assert not anna.card.profile.form.isEnabled()
    assert not anna.briefs.new_button.isEnabled()
    assert anna.briefs.boxes["title"].input.isReadOnly()
    assert (
        "Read only" in anna.briefs.message.text() and theirs.manager in anna.briefs.message.text()
    )
    anna.queue.select_project(mine.id)
    assert anna.card.profile.form.isEnabled() and anna.briefs.new_button.isEnabled()


def test_text_typed_while_the_server_is_away_is_kept_here_and_saved_when_it_is_back(
    open_window: Callable[..., MainWindow],
    team_url: Callable[[str], str],
    pg_admin: Engine,
    settings: QSettings,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = team_url("am02")
    anna = open_window(url)
    assert anna.db is not None and anna.db.identity is not None
    me, db_name = anna.db.identity.manager_id, make_url(url).database
    project = next(
        r
        for r in anna.queue.model.all_rows
        if r.manager_id == me and briefs_for_project(anna.db, r.id)
    )
    anna.queue.select_project(project.id)
    brief_id = anna.briefs.list_model.doc(anna.briefs.list.currentIndex().row()).id
    title = anna.briefs.boxes["title"].input
    title.setFocus()
    title.end(False)

    def server(allow: bool) -> None:
        with pg_admin.connect() as con:
            con.exec_driver_sql(f"ALTER DATABASE {db_name} ALLOW_CONNECTIONS {str(allow).lower()}")
            if not allow:  # and every connection to it dropped, as a server going away does
                con.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    f" WHERE datname = '{db_name}' AND pid <> pg_backend_pid()"
                )

    server(False)
    try:
        type_text(title, " и ещё")
        qtbot.waitUntil(lambda: "kept on this computer" in anna.briefs.message.text(), timeout=8000)
        qtbot.waitUntil(anna.connection_banner.isVisible, timeout=5000)
        # What a crash now would leave: the text, on this computer.
        after_crash = QSettings(settings.fileName(), QSettings.Format.IniFormat)
        kept = [k for k in after_crash.allKeys() if k.startswith("briefDrafts/")]
        assert len(kept) == 1 and kept[0].endswith(str(brief_id))
        assert json.loads(str(after_crash.value(kept[0])))["title"].endswith(" и ещё")
    finally:
        server(True)
    qtbot.waitUntil(anna.connection_banner.isHidden, timeout=10000)

    def stored_title() -> str:  # kept as a draft there, or saved as the brief itself
        draft = draft_for(anna.db, brief_id)
        return draft.content.title if draft is not None else get_brief(anna.db, brief_id).title

    qtbot.waitUntil(lambda: stored_title().endswith(" и ещё"), timeout=5000)
    assert not [k for k in settings.allKeys() if k.startswith("briefDrafts/")]


def test_a_crash_while_the_server_was_away_loses_nothing_typed(
    open_window: Callable[..., MainWindow],
    team_url: Callable[[str], str],
    settings: QSettings,
) -> None:
    """What a window kept on this computer before it died comes back in the next one."""
    url = team_url("am02")
    anna = open_database(url)
    try:
        assert anna.identity is not None
        project = next(
            r
            for r in list_queue(anna)
            if r.manager_id == anna.identity.manager_id and briefs_for_project(anna, r.id)
        )
        brief = briefs_for_project(anna, project.id)[0]
        location = anna.location
    finally:
        anna.close()
    typed = to_json(replace(brief.content, title=brief.title + " и ещё"))
    settings.setValue(
        f"briefDrafts/{location}/{brief.id}",
        json.dumps({"title": typed["title"], "content": typed}),
    )
    window = open_window(url)
    window.queue.select_project(project.id)
    assert window.briefs.boxes["title"].input.text() == brief.title + " и ещё"
    assert "typed while the team database was away" in window.briefs.message.text()
