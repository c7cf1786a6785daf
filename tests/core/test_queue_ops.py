"""Queue operations: manual order, project actions, new projects, and the scores they feed."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from accdesk.changes import Kind
from accdesk.errors import StaleEdit, ValidationError
from accdesk.ops.priority import set_priority_preset
from accdesk.ops.queue import (
    contact_names,
    create_project,
    list_queue,
    queue_order,
    reorder,
    set_deleted,
    set_pinned,
    set_status,
)
from accdesk.planning.priority import Score
from accdesk.screens.queue import queue_rules
from accdesk.storage.db import Database
from accdesk.types import uuid_from_db
from tests.conftest import DEMO_NOW

TODAY = date(2026, 11, 23)


def _manager_queue(db: Database) -> tuple[uuid.UUID, list[uuid.UUID]]:
    row = list_queue(db)[0]
    assert row.manager_id is not None
    return row.manager_id, queue_order(db, row.manager_id)


def test_reorder_stores_positions_and_bumps_only_moved_rows(demo_db: Database) -> None:
    manager, order = _manager_queue(demo_db)
    moved = [order[-1], *order[:-1]]  # the last project to the top
    changes = reorder(demo_db, manager, moved)
    assert queue_order(demo_db, manager) == moved
    assert changes.kinds[Kind.QUEUE_ORDER] == frozenset(moved)  # every position shifted by one
    reorder(demo_db, manager, order)
    assert queue_order(demo_db, manager) == order
    versions = {r.id: r.version for r in list_queue(demo_db)}
    assert versions[order[0]] == 3  # moved twice: created at 1, bumped by each reorder


def test_reorder_from_a_stale_list_is_refused_and_writes_nothing(demo_db: Database) -> None:
    manager, order = _manager_queue(demo_db)
    with pytest.raises(StaleEdit, match="the queue changed elsewhere"):
        reorder(demo_db, manager, order[1:])  # one project missing
    with pytest.raises(StaleEdit):
        reorder(demo_db, manager, [*order, uuid.uuid4()])
    assert queue_order(demo_db, manager) == order


def test_status_and_pin_are_stored_and_touch_the_project(demo_db: Database) -> None:
    row = list_queue(demo_db)[0]
    set_status(demo_db, row.id, "paused", expected_version=row.version)
    set_pinned(demo_db, row.id, not row.pinned)
    after = next(r for r in list_queue(demo_db) if r.id == row.id)
    assert (after.status, after.pinned, after.version) == (
        "paused",
        not row.pinned,
        row.version + 2,
    )
    assert after.last_touched_at is not None and row.last_touched_at is not None
    assert after.last_touched_at > row.last_touched_at
    with pytest.raises(StaleEdit, match="was changed elsewhere"):
        set_status(demo_db, row.id, "active", expected_version=row.version)
    with pytest.raises(ValidationError, match="status"):
        set_status(demo_db, row.id, "forgotten")


def test_archived_projects_leave_the_queue(demo_db: Database) -> None:
    row = list_queue(demo_db)[0]
    set_status(demo_db, row.id, "archived")
    assert row.id not in {r.id for r in list_queue(demo_db)}


def _new(db: Database, **changes: object) -> dict[str, object]:
    row = list_queue(db)[0]
    with db.engine.connect() as con:
        service = con.execute(text("SELECT id FROM service WHERE key = 'web'")).scalar()
    data: dict[str, object] = {
        "name": "Лендинг к Чёрной пятнице",
        "client_id": row.client_id,
        "service_id": uuid_from_db(service),
        "manager_id": row.manager_id,
        "deadline": TODAY + timedelta(days=10),
        "weekly_effort_hours": 4,
    }
    data.update(changes)
    return data


def test_new_project_goes_to_the_end_of_its_managers_queue(demo_db: Database) -> None:
    data = _new(demo_db)
    project_id, changes = create_project(demo_db, data, today=TODAY)
    assert changes.touches(Kind.PROJECT)
    row = next(r for r in list_queue(demo_db) if r.id == project_id)
    assert (row.code, row.name, row.status) == ("P-0121", "Лендинг к Чёрной пятнице", "active")
    assert queue_order(demo_db, row.manager_id)[-1] == project_id
    set_deleted(demo_db, project_id, True)
    assert project_id not in {r.id for r in list_queue(demo_db)}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"client_id": None}, "client_id", "input should be a valid UUID"),
        ({"deadline": TODAY - timedelta(days=1)}, "deadline", "is in the past"),
        ({"weekly_effort_hours": -2}, "weekly_effort_hours", "must be at least 0"),
        ({"name": "  "}, "name", "must not be empty"),
        ({"client_id": uuid.uuid4()}, "client_id", "is not a client of this agency"),
    ],
)
def test_invalid_new_project_names_the_field_and_writes_nothing(
    demo_db, changes, field, message
) -> None:  # type: ignore[no-untyped-def]
    data = _new(demo_db, **changes)
    if changes.get("client_id", 0) is None:
        del data["client_id"]
        message = "is required"
    with pytest.raises(ValidationError) as caught:
        create_project(demo_db, data, today=TODAY)
    assert caught.value.errors[field] == message
    assert len(list_queue(demo_db)) == 120


def test_queue_rows_carry_the_clients_health_signals(demo_db: Database) -> None:
    rows = list_queue(demo_db)
    with demo_db.engine.connect() as con:
        risky_clients = {
            uuid_from_db(r[0])
            for r in con.execute(
                text(
                    "SELECT client_id FROM promise WHERE (status = 'open' AND feasibility IN "
                    "('doubtful', 'unrealistic')) OR status = 'broken'"
                )
            )
        }
    assert {r.client_id for r in rows if r.risky_promises} == risky_clients & {
        r.client_id for r in rows
    }
    assert any(r.last_nps is not None and r.last_nps <= 6 for r in rows)
    assert all(r.client_budget > 0 for r in rows)
    names = contact_names(demo_db)
    assert all(names.get(r.client_id) for r in rows)


def test_presets_change_the_order_of_the_demo_queue(demo_db: Database) -> None:
    rows = list_queue(demo_db)
    assert queue_rules(demo_db, DEMO_NOW).preset == "conveyor"
    conveyor = [queue_rules(demo_db, DEMO_NOW).scorer(rows)(r) for r in rows]
    set_priority_preset(demo_db, "boutique")
    assert queue_rules(demo_db, DEMO_NOW).preset == "boutique"
    boutique = [queue_rules(demo_db, DEMO_NOW).scorer(rows)(r) for r in rows]

    def top(scores: list[Score]) -> list[uuid.UUID]:
        ranked = sorted(range(len(rows)), key=lambda i: -scores[i].total)
        return [rows[i].id for i in ranked[:10]]

    assert top(conveyor) != top(boutique)
    with pytest.raises(ValidationError, match="preset"):
        set_priority_preset(demo_db, "chaos")


def test_finished_or_paused_work_gains_no_deadline_urgency(demo_db: Database) -> None:
    rows = list_queue(demo_db)
    scorer = queue_rules(demo_db, DEMO_NOW).scorer(rows)
    due_soon = next(r for r in rows if r.deadline and r.status == "active" and r.deadline <= TODAY)
    scores = {
        status: scorer(due_soon._replace(status=status)) for status in ("active", "done", "paused")
    }
    assert any(p.factor.value == "deadline" for p in scores["active"].parts)
    for status in ("done", "paused"):
        assert all(p.factor.value != "deadline" for p in scores[status].parts)
