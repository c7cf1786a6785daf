"""Two people on one team database: one person's change reaches the other's window."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from accdesk.db import open_database
from accdesk.live import CHANNEL
from accdesk.ops.queue import list_queue, set_status
from ui.main_window import MainWindow


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
            f" WHERE query = 'LISTEN {CHANNEL}' AND datname = '{make_url(url).database}'"
        )
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "cannot be reached" in banner.text() and "saved when the server is back" in banner.text()
    qtbot.waitUntil(banner.isHidden, timeout=10000)
    assert "back" in window.statusBar().currentMessage()
