"""Requests, today's agenda and response statistics on the demo agency."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

import accdesk.storage.db
from accdesk.changes import Kind
from accdesk.errors import ValidationError
from accdesk.models import AgendaMark, LoyaltyAction, Request
from accdesk.ops.agenda import agenda, check_item, set_item_minutes, to_ics
from accdesk.ops.deadlines import recompute
from accdesk.ops.requests import (
    add_request,
    brief_from_request,
    find_client,
    find_manager,
    inbox,
    link_project,
    set_answered,
)
from accdesk.ops.settings import put_setting
from accdesk.ops.stats import response_stats
from accdesk.planning.agenda import AgendaItem, Block, plan_day
from accdesk.storage.db import Database
from tests.conftest import DEMO_NOW

MSK = DEMO_NOW.tzinfo


def request_count(db: Database) -> int:
    with db.reading() as s:
        return int(s.execute(select(func.count()).select_from(Request)).scalar_one())


def test_captured_request_gets_its_deadline_and_lands_in_the_inbox(demo_db: Database) -> None:
    client = find_client(demo_db, "C-0002")
    received = DEMO_NOW - timedelta(minutes=5)
    row, changes = add_request(
        demo_db,
        {"client_id": client, "text": "Сайт не открывается", "received_at": received},
        now=DEMO_NOW,
    )
    assert changes.touches(Kind.REQUEST)
    assert row.due_at == received + timedelta(minutes=60)  # C-0002 agreed one hour
    assert row.manager  # the client's main manager
    assert row.id in [r.id for r in inbox(demo_db)]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "x"}, "client_id"),
        ({"text": "x", "received_at": DEMO_NOW + timedelta(minutes=2)}, "received_at"),
        ({"text": "   "}, "text"),
    ],
)
def test_bad_requests_are_refused_naming_the_field_and_write_nothing(
    demo_db: Database, data: dict[str, Any], field: str
) -> None:
    before = request_count(demo_db)
    full = {"client_id": find_client(demo_db, "C-0002"), "received_at": DEMO_NOW, **data}
    if field == "client_id":
        del full["client_id"]
    with pytest.raises(ValidationError) as caught:
        add_request(demo_db, full, now=DEMO_NOW)
    assert field in caught.value.errors
    assert request_count(demo_db) == before


def test_answering_records_business_minutes_waited_and_undo_takes_it_back(
    demo_db: Database,
) -> None:
    friday = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)  # 18:30 in Moscow
    row, _ = add_request(
        demo_db,
        {"client_id": find_client(demo_db, "C-0002"), "text": "Вопрос", "received_at": friday},
        now=DEMO_NOW,
    )
    changes = set_answered(demo_db, row.id, DEMO_NOW, expected_version=row.version, now=DEMO_NOW)
    answered = next(r for r in inbox(demo_db, answered=True, now=DEMO_NOW) if r.id == row.id)
    assert answered.waited_minutes == 30 + 120  # Friday 18:30-19:00, Monday 10:00-12:00
    assert answered.met() is False
    set_answered(demo_db, row.id, None, expected_version=changes.versions[row.id], now=DEMO_NOW)
    assert row.id in [r.id for r in inbox(demo_db)]


def test_linking_to_a_project_and_turning_into_a_brief(demo_db: Database) -> None:
    client = find_client(demo_db, "C-0002")
    row, _ = add_request(
        demo_db,
        {
            "client_id": client,
            "text": "Нужна форма заявки\nс полями имя и телефон",
            "received_at": DEMO_NOW,
        },
        now=DEMO_NOW,
    )
    with pytest.raises(ValidationError, match="link the request"):
        brief_from_request(demo_db, row.id)
    other = find_client(demo_db, "C-0003")
    foreign = next(r for r in inbox(demo_db) if r.client_id == other and r.project_id)
    with pytest.raises(ValidationError):
        link_project(demo_db, row.id, foreign.project_id, expected_version=row.version)
    own = [
        r
        for r in inbox(demo_db, answered=True, now=DEMO_NOW)
        if r.client_id == client and r.project_id
    ]
    link_project(demo_db, row.id, own[0].project_id, expected_version=row.version)
    brief, _ = brief_from_request(demo_db, row.id)
    assert brief.title == "Нужна форма заявки"
    assert "с полями имя и телефон" in brief.content.notes


def test_a_calendar_change_moves_open_deadlines(demo_db: Database) -> None:
    before = {r.id: r.due_at for r in inbox(demo_db)}
    with demo_db.transaction() as s:
        put_setting(s, "work_week", [[[540, 1080]]] * 5 + [[], []])  # 9:00-18:00
    changes = recompute(demo_db)
    assert changes.touches(Kind.REQUEST)
    after = {r.id: r.due_at for r in inbox(demo_db)}
    assert after.keys() == before.keys()
    assert any(after[k] != before[k] for k in after)
    assert recompute(demo_db).kinds == {}  # a second run finds nothing to change


def test_a_recompute_is_committed_at_once_and_copied_into_the_file_afterwards(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit skips SQLite's checkpoint (a quarter of a second on the large agency); the
    moved deadlines are stored and seen by a new reader all the same, and `checkpoint` copies
    them into the file later."""
    # Any other commit checkpoints.
    monkeypatch.setattr(accdesk.storage.db, "AUTOCHECKPOINT_PAGES", 1)
    db = accdesk.storage.db.open_database(demo_path)
    with db.transaction() as s:
        put_setting(s, "work_week", [[[540, 1080]]] * 5 + [[], []])
    file_before = demo_path.read_bytes()
    dues_before = _dues_read_afresh(demo_path)
    assert recompute(db).touches(Kind.REQUEST)
    assert demo_path.read_bytes() == file_before  # all of it is still in the log
    moved = _dues_read_afresh(demo_path)
    assert moved.keys() == dues_before.keys()
    assert sum(moved[k] != dues_before[k] for k in moved) > 10
    db.checkpoint()
    assert demo_path.read_bytes() != file_before
    assert _dues_read_afresh(demo_path) == moved
    # Every pooled connection checkpoints at commit again, as the ordinary writes expect.
    with db.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1
    db.close()


def _dues_read_afresh(path: Path) -> dict[str, str]:
    reader = sqlite3.connect(path)
    try:
        return dict(reader.execute("SELECT id, due_at FROM request").fetchall())
    finally:
        reader.close()


def test_plan_puts_items_around_blocks_and_keeps_what_does_not_fit_for_later() -> None:
    day = datetime(2026, 11, 23, 10, 0, tzinfo=MSK)
    working = [(day, day + timedelta(hours=2))]
    blocks = [Block("Stand-up", day, day + timedelta(minutes=15))]
    items = [
        AgendaItem("greeting:a", "greeting", "Greet", "", 10),
        AgendaItem("request:b", "request", "Answer", "", 60, due=day),
        AgendaItem("upsell:c", "upsell", "Offer", "", 60),
    ]
    plan = plan_day(items, working, blocks, day)
    assert [(p.item.kind, p.start.hour, p.start.minute) for p in plan.planned] == [
        ("request", 10, 15),
        ("greeting", 11, 15),
    ]
    # The answer was due at 10:00 and the stand-up took the first quarter: it is late, said.
    assert [p.item.key for p in plan.late] == ["request:b"]
    # An offer that finds no time waits for a freer moment; it is not an alarm.
    assert plan.not_fitting == () and [i.kind for i in plan.later] == ["upsell"]
    assert plan.free_minutes == 35


def test_agenda_of_the_demo_day_and_ticking_items_off(demo_db: Database) -> None:
    manager = find_manager(demo_db, "am02")
    today = DEMO_NOW.astimezone(MSK).date()
    day = agenda(demo_db, manager, today, DEMO_NOW)
    kinds = [p.item.kind for p in day.plan.planned]
    assert kinds[0] == "request" and "upsell" in kinds
    assert all(p.start >= DEMO_NOW for p in day.plan.planned)
    for planned in day.plan.planned:
        for block in day.plan.blocks:
            assert planned.end <= block.start or planned.start >= block.end

    request = next(p.item for p in day.plan.planned if p.item.kind == "request")
    check_item(demo_db, manager, today, request.key, True, now=DEMO_NOW)
    assert request.key.split(":")[1] not in {str(r.id) for r in inbox(demo_db)}
    check_item(demo_db, manager, today, request.key, False, now=DEMO_NOW)
    assert request.key.split(":")[1] in {str(r.id) for r in inbox(demo_db)}

    feedback = next(i for i in day.items if i.kind == "feedback")
    check_item(demo_db, manager, today, feedback.key, True, title=feedback.title, now=DEMO_NOW)
    with demo_db.reading() as s:
        actions = (
            s.execute(
                select(LoyaltyAction.practice).where(
                    LoyaltyAction.client_id == feedback.client_id,
                    LoyaltyAction.deleted_at.is_(None),  # type: ignore[union-attr]
                )
            )
            .scalars()
            .all()
        )
    assert "feedback" in actions
    after = agenda(demo_db, manager, today, DEMO_NOW)
    assert [(i.key, i.title) for i in after.plan.done] == [(feedback.key, feedback.title)]

    set_item_minutes(
        demo_db,
        manager,
        today,
        "upsell:" + next(i.key.split(":")[1] for i in after.items if i.kind == "upsell"),
        45,
    )
    with demo_db.reading() as s:
        assert s.execute(select(func.count()).select_from(AgendaMark)).scalar_one() == 3


def test_agenda_exports_as_icalendar(demo_db: Database) -> None:
    manager = find_manager(demo_db, "am02")
    day = agenda(demo_db, manager, DEMO_NOW.date(), DEMO_NOW)
    cal = Calendar.from_ical(to_ics([day], DEMO_NOW))
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == len(day.plan.planned) + len(day.plan.blocks)
    assert {str(e["SUMMARY"]) for e in events} >= {"Планёрка"}


def test_statistics_count_each_band_and_deadlines_met(demo_db: Database) -> None:
    client = find_client(demo_db, "C-0002")
    start = date(2026, 11, 30)
    received = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)  # Monday 10:00 in Moscow
    for waited in (10, 50, 170, 300, 500):
        row, _ = add_request(
            demo_db, {"client_id": client, "text": "x", "received_at": received}, now=received
        )
        moment = received + timedelta(minutes=waited)  # all inside Monday's hours
        set_answered(demo_db, row.id, moment, expected_version=row.version, now=moment)
    stats = response_stats(demo_db, start, start, now=received + timedelta(days=1))
    assert stats.total.buckets == (1, 1, 1, 1, 1)
    assert stats.total.met == 2  # 10 and 50 minutes beat the one-hour target
    assert stats.total.median_minutes == 170
    assert [c.label for c in stats.clients] == ["C-0002 Колос"]


def test_cli_request_add_agenda_and_stats(demo_path: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "accdesk", *args, "--db", str(demo_path)],
            capture_output=True,
            text=True,
            check=False,
        )

    added = run(
        "request",
        "add",
        "--client",
        "Колос",
        "--text",
        "Где отчёт?",
        "--received",
        "2026-11-20T18:30",
        "--json",
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["due_agency"] == "2026-11-23T10:30:00+03:00"
    refused = run("request", "add", "--client", "Нет такого", "--text", "x")
    assert refused.returncode == 1 and "no client matches" in refused.stderr

    ics = tmp_path / "day.ics"
    day = run("agenda", "--manager", "am02", "--date", "2026-11-23", "--json", "--ics", str(ics))
    assert day.returncode == 0, day.stderr
    assert json.loads(day.stdout)["items"]
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")

    stats = run("stats", "responses", "--from", "2026-10-01", "--to", "2026-11-30", "--json")
    figures = json.loads(stats.stdout)
    assert figures["total"]["answered"] == sum(figures["total"]["bands"].values())
