"""A team database attacked from a manager's own login, in plain SQL and through the app.

Each test is an attack a manager with psql could try: shadowing what the access functions
read, taking over another manager's client, giving requests to someone else, overwriting an
edit the window has not seen, flooding the change channel, locking a table. Each must leave
the data as it was and the others' windows working.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text

from accdesk.errors import StaleEdit
from accdesk.ops.queue import agency_today, create_project, list_queue, set_status
from accdesk.ops.settings import agency_timezone
from accdesk.storage import db as storage_db
from accdesk.storage.access import DEFINER_FUNCTIONS, NotPermitted
from accdesk.storage.db import Database, open_database
from accdesk.storage.live import CHANNEL, ChangeFeed, ServerBusy, libpq_params

LEAD, ANNA, BORIS = "am01", "am02", "am03"
# Every table the access functions read.
READ_BY_FUNCTIONS = {
    "manager": "id uuid, login text, active bool, role text",
    "project": "id uuid, client_id uuid, manager_id uuid",
    "brief": "id uuid, project_id uuid",
}


@pytest.fixture
def team(team_url: Callable[[str], str]) -> Iterator[Callable[[str], Database]]:
    opened: list[Database] = []

    def as_login(login: str) -> Database:
        db = open_database(team_url(login))
        opened.append(db)
        return db

    yield as_login
    for db in opened:
        db.close()


@pytest.fixture
def psql(pg_demo_url: str) -> Iterator[Callable[[str], psycopg.Connection[Any]]]:
    """A plain connection as one of the people, the way they would use psql."""
    made: list[psycopg.Connection[Any]] = []

    def connect(login: str) -> psycopg.Connection[Any]:
        con = psycopg.connect(**{**libpq_params(pg_demo_url), "user": login}, autocommit=True)
        made.append(con)
        return con

    yield connect
    for con in made:
        con.close()


def _manager(con: psycopg.Connection[Any], login: str) -> uuid.UUID:
    found = con.execute("SELECT id FROM public.manager WHERE login = %s", (login,)).fetchone()
    assert found is not None
    return uuid.UUID(str(found[0]))


def _a_project_of(con: psycopg.Connection[Any], login: str) -> tuple[uuid.UUID, uuid.UUID]:
    """(project, client) of a client only this login's manager works for."""
    found = con.execute(
        "SELECT p.id, p.client_id FROM public.project p JOIN public.manager m"
        " ON m.id = p.manager_id WHERE m.login = %s AND NOT EXISTS (SELECT 1 FROM"
        " public.project o WHERE o.client_id = p.client_id AND o.manager_id <> p.manager_id)"
        " ORDER BY p.number LIMIT 1",
        (login,),
    ).fetchone()
    assert found is not None
    return uuid.UUID(str(found[0])), uuid.UUID(str(found[1]))


def _snapshot(admin_url: str) -> dict[str, list[Any]]:
    engine = create_engine(admin_url)
    try:
        with engine.connect() as con:
            return {
                table: sorted(map(tuple, con.execute(text(f"SELECT * FROM {table}")).all()))
                for table in ("manager", "project", "request", "client")
            }
    finally:
        engine.dispose()


def test_shadowing_any_table_or_function_the_policies_use_changes_nothing(
    team: Callable[[str], Database],
    psql: Callable[[str], psycopg.Connection[Any]],
    pg_demo_url: str,
    pg_admin: Engine,
) -> None:
    """Even where the database still lets everyone make temporary tables (a copy made
    from a template keeps PostgreSQL's default), nothing a session puts in its temporary
    schema reaches the functions behind the policies."""
    with pg_admin.connect() as con:
        con.exec_driver_sql(f"GRANT TEMPORARY ON DATABASE {make_name(pg_demo_url)} TO {ANNA}")
        con.commit()
    before = _snapshot(pg_demo_url)
    anna = psql(ANNA)
    boris_project, _client = _a_project_of(anna, BORIS)
    me = _manager(anna, ANNA)
    for table, columns in READ_BY_FUNCTIONS.items():
        anna.execute(f"CREATE TEMP TABLE {table} ({columns})")
    anna.execute("INSERT INTO pg_temp.manager VALUES (%s, session_user, true, 'team_lead')", (me,))
    anna.execute("INSERT INTO pg_temp.project VALUES (%s, NULL, %s)", (boris_project, me))
    for function in DEFINER_FUNCTIONS:
        name, _, args = function.partition("(")
        params = ", ".join(f"a{i} uuid" for i, _ in enumerate(filter(None, args[:-1].split(","))))
        returns = "uuid" if name == "accdesk_me" else "boolean"
        value = f"'{me}'::uuid" if returns == "uuid" else "true"
        anna.execute(
            f"CREATE FUNCTION pg_temp.{name}({params}) RETURNS {returns}"
            f" LANGUAGE sql AS $$ SELECT {value} $$"
        )
    # The moves the issue found, and their cousins, all change nothing.
    assert anna.execute("SELECT public.accdesk_is_lead()").fetchone() == (False,)
    assert (
        anna.execute(
            "UPDATE public.manager SET role = 'team_lead' WHERE login = session_user"
        ).rowcount
        == 0
    )
    assert (
        anna.execute(
            "UPDATE public.project SET name = 'taken' WHERE id = %s", (boris_project,)
        ).rowcount
        == 0
    )
    assert _snapshot(pg_demo_url) == before
    # And the app says who she is as before.
    anna_db = team(ANNA)
    assert anna_db.identity is not None and not anna_db.identity.lead


def make_name(url: str) -> str:
    from sqlalchemy.engine import make_url

    return str(make_url(url).database)


def test_a_fresh_team_database_gives_managers_no_temporary_tables(
    pg_empty_url: str, pg_admin: Engine
) -> None:
    from accdesk.storage.access import create_role_sql

    open_database(pg_empty_url).close()  # migrated to the head by its owner
    with pg_admin.connect() as con:
        con.exec_driver_sql(create_role_sql(ANNA, login=True))
        con.commit()
    with psycopg.connect(**{**libpq_params(pg_empty_url), "user": ANNA}) as anna:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="temporary"):
            anna.execute("CREATE TEMP TABLE manager (id uuid)")
        anna.rollback()
        timeout = anna.execute("SHOW idle_in_transaction_session_timeout").fetchone()
        assert timeout == ("1min",)


def test_a_manager_cannot_attach_work_to_another_managers_client(
    team: Callable[[str], Database], psql: Callable[[str], psycopg.Connection[Any]]
) -> None:
    anna = psql(ANNA)
    mine, _my_client = _a_project_of(anna, ANNA)
    _boris_project, boris_client = _a_project_of(anna, BORIS)
    me = _manager(anna, ANNA)
    service = anna.execute("SELECT id FROM public.service LIMIT 1").fetchone()
    assert service is not None
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        anna.execute(
            "INSERT INTO public.project (id, number, name, client_id, service_id, manager_id,"
            " status, weekly_effort_hours, queue_position, pinned, created_at, updated_at,"
            " version) VALUES (gen_random_uuid(), 9999, 'wedge', %s, %s, %s, 'active', 1, 99,"
            " false, now(), now(), 1)",
            (boris_client, service[0], me),
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        anna.execute("UPDATE public.project SET client_id = %s WHERE id = %s", (boris_client, mine))
    # Through the app the same is refused with a sentence, and nothing is written.
    anna_db = team(ANNA)
    before = len(list_queue(anna_db))
    today = agency_today(agency_timezone(anna_db))
    data = {"name": "Клин", "client_id": boris_client, "service_id": service[0], "manager_id": me}
    with pytest.raises(NotPermitted, match="attach a project"):
        create_project(anna_db, data, today=today)
    assert len(list_queue(anna_db)) == before


def test_a_request_can_be_given_only_to_a_manager_of_its_client(
    psql: Callable[[str], psycopg.Connection[Any]],
) -> None:
    anna = psql(ANNA)
    _mine, my_client = _a_project_of(anna, ANNA)
    boris = _manager(anna, BORIS)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        anna.execute(
            "INSERT INTO public.request (id, client_id, manager_id, channel, text, received_at,"
            " created_at, updated_at, version) VALUES (gen_random_uuid(), %s, %s, 'email',"
            " 'not mine to answer', now(), now(), now(), 1)",
            (my_client, boris),
        )
    waiting = anna.execute(
        "SELECT id FROM public.request WHERE client_id = %s LIMIT 1", (my_client,)
    ).fetchone()
    if waiting is not None:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            anna.execute(
                "UPDATE public.request SET manager_id = %s WHERE id = %s", (boris, waiting[0])
            )


def test_an_edit_made_in_psql_without_its_version_is_not_written_over(
    team: Callable[[str], Database], psql: Callable[[str], psycopg.Connection[Any]]
) -> None:
    anna_db = team(ANNA)
    anna = psql(ANNA)
    mine, _client = _a_project_of(anna, ANNA)
    seen = next(r for r in list_queue(anna_db) if r.id == mine)
    anna.execute("UPDATE public.project SET name = 'renamed in psql' WHERE id = %s", (mine,))
    with pytest.raises(StaleEdit):
        set_status(anna_db, mine, "paused", expected_version=seen.version)
    after = next(r for r in list_queue(anna_db) if r.id == mine)
    assert (after.name, after.status) == ("renamed in psql", seen.status)
    assert after.version > seen.version


def test_forged_and_replayed_notices_are_not_believed(
    team: Callable[[str], Database],
    psql: Callable[[str], psycopg.Connection[Any]],
    team_url: Callable[[str], str],
) -> None:
    feed = ChangeFeed(team_url(LEAD))
    feed.connect()
    anna = psql(ANNA)
    try:
        for n in range(300):
            anna.execute(f"NOTIFY {CHANNEL}, 'project {n}'")
            anna.execute(f"NOTIFY {CHANNEL}, 'no such table {n}'")
        assert feed.wait(1.0) == set()
        mine, _client = _a_project_of(anna, ANNA)
        anna.execute("UPDATE public.project SET pinned = NOT pinned WHERE id = %s", (mine,))
        heard = feed.wait(3.0)
        assert heard == {"project"}
        real = anna.execute(
            "SELECT xid::text FROM public.accdesk_change WHERE table_name = 'project'"
            " ORDER BY at DESC LIMIT 1"
        ).fetchone()
        assert real is not None
        for _ in range(50):
            anna.execute(f"NOTIFY {CHANNEL}, 'project {real[0]}'")  # the same notice, again
        assert feed.wait(1.0) == set()
        # Nobody but the trigger writes the log.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            anna.execute("INSERT INTO public.accdesk_change (xid, table_name) VALUES ('1', 'x')")
    finally:
        feed.close()


def test_a_table_held_locked_is_said_in_one_sentence_not_waited_on_forever(
    team: Callable[[str], Database],
    psql: Callable[[str], psycopg.Connection[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(storage_db, "LOCK_TIMEOUT_MS", 500)
    lead = team(LEAD)
    anna = psql(ANNA)
    anna.autocommit = False
    anna.execute("LOCK TABLE public.project IN ACCESS EXCLUSIVE MODE")
    try:
        with pytest.raises(ServerBusy, match="held up"):
            list_queue(lead)
    finally:
        anna.rollback()
    assert list_queue(lead)  # free again once she lets go
