"""A team database: each person's own login, what they may change, and two people at once."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from accdesk.changes import Kind
from accdesk.errors import StaleEdit
from accdesk.ops.agenda import add_meeting
from accdesk.ops.briefs import briefs_for_project, create_brief
from accdesk.ops.queue import list_queue, queue_order, reorder, set_status
from accdesk.ops.workload import ProjectMove, reassign
from accdesk.storage.access import NotPermitted, create_role_sql
from accdesk.storage.db import Database, open_database
from accdesk.storage.live import (
    FEED_NAME,
    ChangeFeed,
    ServerUnavailable,
    libpq_params,
)
from tests.conftest import DEMO_NOW
from tests.core.test_archive import run_cli

# The demo's team: am01 is the team lead, am02 to am06 account managers.
LEAD, ANNA, BORIS = "am01", "am02", "am03"


@pytest.fixture
def team(team_url: Callable[[str], str]) -> Iterator[Callable[[str], Database]]:
    """The demo agency on the server, opened as one of its people by their own login."""
    opened: list[Database] = []

    def as_login(login: str) -> Database:
        db = open_database(team_url(login))
        opened.append(db)
        return db

    yield as_login
    for db in opened:
        db.close()


def _projects_of(db: Database, login: str) -> list[uuid.UUID]:
    with db.reading() as s:
        manager = s.execute(text("SELECT id FROM manager WHERE login = :l"), {"l": login}).scalar()
    return [r.id for r in list_queue(db) if r.manager_id == uuid.UUID(str(manager))]


def test_each_login_acts_for_its_own_manager(team: Callable[[str], Database]) -> None:
    lead, anna = team(LEAD), team(ANNA)
    assert lead.identity is not None and lead.identity.lead
    assert anna.identity is not None and not anna.identity.lead
    assert anna.identity.manager_id is not None and anna.identity.manager_name


def test_a_managers_login_cannot_change_anothers_project_even_in_plain_sql(
    team: Callable[[str], Database], pg_demo_url: str
) -> None:
    anna = team(ANNA)
    boris_project, anna_project = _projects_of(anna, BORIS)[0], _projects_of(anna, ANNA)[0]
    with psycopg.connect(**{**libpq_params(pg_demo_url), "user": ANNA}, autocommit=True) as con:
        # Another's project is not there to update: no row changes.
        done = con.execute("UPDATE project SET name = 'taken over' WHERE id = %s", (boris_project,))
        assert done.rowcount == 0
        # Her own she may change, but not hand to someone else.
        assert (
            con.execute(
                "UPDATE project SET status = 'paused' WHERE id = %s", (anna_project,)
            ).rowcount
            == 1
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            con.execute(
                "UPDATE project SET manager_id = (SELECT id FROM manager WHERE login = %s)"
                " WHERE id = %s",
                (BORIS, anna_project),
            )
        # The agency's settings are the team lead's.
        assert con.execute("UPDATE setting SET version = version + 1").rowcount == 0
    admin = create_engine(pg_demo_url)
    with admin.connect() as check:
        names = dict(check.execute(text("SELECT id, name FROM project")).all())
        assert names[boris_project] != "taken over"
    admin.dispose()


def test_operations_refuse_what_the_login_may_not_change_and_write_nothing(
    team: Callable[[str], Database],
) -> None:
    anna = team(ANNA)
    boris_project, anna_project = _projects_of(anna, BORIS)[0], _projects_of(anna, ANNA)[0]
    before = {r.id: r for r in list_queue(anna)}
    with pytest.raises(NotPermitted, match="managed by") as refused:
        set_status(anna, boris_project, "paused")
    assert before[boris_project].client_name  # the row is still readable by everyone
    assert "only they or a team lead" in str(refused.value)
    with pytest.raises(NotPermitted, match="managed by"):
        create_brief(anna, boris_project, {"title": "Чужое ТЗ"})
    assert {r.id: r.status for r in list_queue(anna)} == {k: v.status for k, v in before.items()}
    # On her own project both go through.
    set_status(anna, anna_project, "paused")
    create_brief(anna, anna_project, {"title": "Своё ТЗ"})
    assert any(b.title == "Своё ТЗ" for b in briefs_for_project(anna, anna_project))


def test_a_team_lead_reassigns_and_the_managers_later_stale_edit_is_refused(
    team: Callable[[str], Database],
) -> None:
    lead, boris = team(LEAD), team(BORIS)
    anna_id = team(ANNA).identity.manager_id  # type: ignore[union-attr]
    project = next(r for r in list_queue(boris) if r.id in set(_projects_of(boris, BORIS)))
    seen = project.version  # Boris has the project open at this version
    lead_move = ProjectMove(project.id, project.manager_id, anna_id)
    reassign(lead, [lead_move], "Борис в отпуске", [uuid.uuid4()], now=DEMO_NOW)
    with pytest.raises((StaleEdit, NotPermitted)) as refused:
        set_status(boris, project.id, "paused", expected_version=seen)
    assert isinstance(refused.value, StaleEdit)
    assert "changed elsewhere" in str(refused.value) and "reload" in str(refused.value)
    after = next(r for r in list_queue(lead) if r.id == project.id)
    assert after.manager_id == anna_id and after.status == project.status


def test_a_team_lead_links_a_new_login_and_a_manager_may_not(
    team: Callable[[str], Database], pg_demo_url: str, pg_admin: Engine
) -> None:
    as_lead = make_url(pg_demo_url).set(username=LEAD).render_as_string(False)
    as_anna = make_url(pg_demo_url).set(username=ANNA).render_as_string(False)
    team(LEAD)  # the logins exist
    login = f"vera_{uuid.uuid4().hex[:6]}"
    refused = run_cli("team", "link", "--db", as_anna, "--manager", "am04", "--login", login)
    assert refused.returncode == 1 and "only a team lead" in refused.stderr
    link = ("team", "link", "--db", as_lead, "--manager", "am04", "--login", login)
    done = run_cli(*link, "--role", "team_lead")
    assert done.returncode == 0, done.stderr
    assert f"CREATE ROLE {login} LOGIN IN ROLE accdesk_manager" in done.stdout
    bad = run_cli("team", "link", "--db", as_lead, "--manager", "am05", "--login", "Вера")
    assert bad.returncode == 1 and "login" in bad.stderr
    with pg_admin.connect() as con:
        con.exec_driver_sql(create_role_sql(login, login=True))
    vera = team(login)
    assert vera.identity is not None and vera.identity.manager_id is not None
    assert vera.identity.lead  # made a team lead by the lead
    assert f"now acts for {vera.identity.manager_name}" in done.stdout
    with pg_admin.connect() as con:
        con.exec_driver_sql(f"DROP ROLE {login}")


def test_a_change_by_one_person_is_heard_by_the_others_feed_and_a_drop_is_reported(
    team: Callable[[str], Database], pg_demo_url: str, pg_admin: Engine
) -> None:
    anna, lead = team(ANNA), team(LEAD)
    feed = ChangeFeed(lead.url, ignore=lead.backends)
    feed.connect()
    set_status(anna, _projects_of(anna, ANNA)[0], "paused")
    heard: set[str] = set()
    deadline = time.monotonic() + 5
    while "project" not in heard and time.monotonic() < deadline:
        heard |= feed.wait(0.5)
    assert "project" in heard
    # The lead's own change is already on the lead's screen: the feed does not repeat it.
    set_status(lead, _projects_of(lead, BORIS)[0], "paused")
    assert "project" not in feed.wait(1.0)
    # The server drops the listening connection: the feed says so, then connects again.
    with pg_admin.connect() as con:
        con.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE application_name = '{FEED_NAME}'"
            f" AND datname = '{make_url(pg_demo_url).database}'"
        )
    with pytest.raises(ServerUnavailable, match="cannot be reached"):
        feed.wait(2.0)
    set_status(anna, _projects_of(anna, ANNA)[1], "paused")  # before the feed is back
    assert feed.wait(0.5) == set()  # connected again; what happened meanwhile was not heard
    set_status(anna, _projects_of(anna, ANNA)[1], "active")
    heard = set()
    deadline = time.monotonic() + 5
    while "project" not in heard and time.monotonic() < deadline:
        heard |= feed.wait(0.5)
    assert "project" in heard
    feed.close()


def test_a_server_that_is_not_there_is_named_in_plain_words(tmp_path: object) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    done = run_cli("check", "--db", f"postgresql+psycopg://nobody@127.0.0.1:{port}/agency")
    assert done.returncode == 1
    assert "cannot be reached" in done.stderr and "Traceback" not in done.stderr
    assert f"127.0.0.1:{port}/agency" in done.stderr


def test_a_libpq_service_names_the_server_and_the_login(
    team_url: Callable[[str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`?service=NAME` from pg_service.conf is all the window and the change feed need."""
    url = make_url(team_url(ANNA))
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[agency]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={ANNA}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    db = open_database("postgresql+psycopg:///?service=agency")
    try:
        assert db.identity is not None and db.identity.login == ANNA
        assert len(list_queue(db)) == 120
        feed = ChangeFeed(db.url)
        feed.connect()
        assert feed.wait(0.1) == set()
        feed.close()
    finally:
        db.close()


def test_reordering_another_managers_queue_is_refused_and_nothing_moves(
    team: Callable[[str], Database],
) -> None:
    anna, lead = team(ANNA), team(LEAD)
    boris = next(r.manager_id for r in list_queue(anna) if r.id in set(_projects_of(anna, BORIS)))
    order = queue_order(anna, boris)
    with pytest.raises(NotPermitted, match="managed by"):
        reorder(anna, boris, list(reversed(order)))
    assert queue_order(anna, boris) == order
    reorder(lead, boris, list(reversed(order)))  # the lead may
    assert queue_order(anna, boris) == list(reversed(order))


def test_a_meeting_in_another_managers_day_is_refused_and_one_in_her_own_is_kept(
    team: Callable[[str], Database],
) -> None:
    anna, boris = team(ANNA), team(BORIS)
    assert anna.identity is not None and boris.identity is not None
    meeting = {"starts_at": DEMO_NOW, "minutes": 30, "title": "Созвон с клиентом"}
    with pytest.raises(NotPermitted, match="another manager's"):
        add_meeting(anna, boris.identity.manager_id, meeting)  # type: ignore[arg-type]
    assert add_meeting(anna, anna.identity.manager_id, meeting).touches(Kind.MEETING)  # type: ignore[arg-type]


def test_an_address_that_is_no_database_of_ours_is_refused_in_plain_words() -> None:
    other = run_cli("check", "--db", "mysql://someone@localhost/agency")
    assert other.returncode == 1 and "Traceback" not in other.stderr
    assert "neither a database file nor a team database address" in other.stderr
    # psql's spelling is understood: the same address through the driver we ship.
    psql = run_cli("check", "--db", "postgres://someone@127.0.0.1:1/agency")
    assert psql.returncode == 1 and "Traceback" not in psql.stderr
    assert "postgresql+psycopg://someone@127.0.0.1:1/agency cannot be reached" in psql.stderr
