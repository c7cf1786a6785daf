"""The client card's read model and its edits, as stored."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accdesk.changes import Kind
from accdesk.errors import NotFound, StaleEdit, ValidationError
from accdesk.ops.clients import (
    client_card,
    save_record,
    set_record_deleted,
    set_service_cell,
    update_client,
    upsell_matrix,
)
from accdesk.ops.queue import list_queue
from accdesk.planning.clienttime import WorkingDay, overlap
from accdesk.planning.continuity import managers_since
from accdesk.planning.greetings import PROFESSIONAL_DAYS, greeting_dates
from accdesk.planning.upsell import next_offer, offer_due
from accdesk.storage.db import Database
from tests.conftest import DEMO_NOW

TODAY = date.today()


def _cards(db: Database) -> list:  # type: ignore[type-arg]
    return [client_card(db, cid, DEMO_NOW) for cid in sorted({r.client_id for r in list_queue(db)})]


def test_demo_cards_have_every_section(demo_db: Database) -> None:
    cards = _cards(demo_db)
    assert len(cards) == 40
    assert all(sum(c.is_primary for c in card.contacts) == 1 for card in cards)
    assert all(card.contacts[0].is_primary for card in cards)
    assert all(len(card.services) == 8 for card in cards)
    assert any(card.promises_to_discuss for card in cards)
    assert all(card.feedback for card in cards)
    assert any(f.unanswered for card in cards for f in card.feedback)
    assert any(card.loyalty for card in cards)
    # Every twelfth client changed hands twice in the last year; a few more have three
    # managers because some of their projects went to other managers.
    many = [card for card in cards if len(card.managers_last_year) >= 3]
    assert 4 <= len(many) < 10
    assert all(card.history for card in cards)
    with pytest.raises(NotFound):
        client_card(demo_db, uuid.uuid4())


def _first(db: Database):  # type: ignore[no-untyped-def]
    return client_card(db, list_queue(db)[0].client_id)


def test_profile_edit_is_stored_and_a_stale_one_refused(demo_db: Database) -> None:
    card = _first(demo_db)
    data = card.profile() | {
        "name": "Ромашка Плюс",
        "monthly_budget": "250 000,50",
        "timezone": "Asia/Vladivostok",
        "response_minutes": None,
    }
    changes = update_client(demo_db, card.id, data, expected_version=card.version)
    again = client_card(demo_db, card.id)
    assert (again.name, again.monthly_budget, again.timezone) == (
        "Ромашка Плюс",
        25_000_050,
        "Asia/Vladivostok",
    )
    assert again.response_minutes is None
    assert changes.versions[card.id] == again.version == card.version + 1
    with pytest.raises(StaleEdit, match="changed elsewhere"):
        update_client(demo_db, card.id, card.profile(), expected_version=card.version)
    assert client_card(demo_db, card.id).name == "Ромашка Плюс"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("monthly_budget", "-100", "must not be negative"),
        ("timezone", "Europe/Atlantis", "not a known time zone"),
        ("name", "  ", "must not be empty"),
        ("work_end_minute", 300, "after the start"),
        ("response_minutes", 0, "at least 1"),
    ],
)
def test_invalid_profile_writes_nothing(
    demo_db: Database, field: str, value: object, message: str
) -> None:
    card = _first(demo_db)
    with pytest.raises(ValidationError) as caught:
        update_client(
            demo_db, card.id, card.profile() | {field: value}, expected_version=card.version
        )
    assert message in caught.value.errors[field]
    assert client_card(demo_db, card.id) == card


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("contact", {"name": "Ирина", "email": "irina@"}, "email"),
        ("contact", {"name": "Ирина", "phone": "12-34"}, "phone"),
        ("contact", {"name": "Ирина", "birthday": TODAY + timedelta(days=1)}, "birthday"),
        ("feedback", {"score": 11, "received_on": TODAY}, "score"),
        ("feedback", {"score": -1, "received_on": TODAY}, "score"),
        (
            "promise",
            {
                "what": "Топ-10",
                "promised_by": "Антон",
                "promised_on": TODAY,
                "due_on": TODAY - timedelta(days=1),
            },
            "due_on",
        ),
        ("loyalty", {"practice": "greetings"}, "done_on"),
    ],
)
def test_invalid_records_write_nothing(
    demo_db: Database, kind: str, data: dict[str, object], field: str
) -> None:
    card = _first(demo_db)
    with pytest.raises(ValidationError) as caught:
        save_record(demo_db, kind, card.id, data)
    assert field in caught.value.errors
    assert client_card(demo_db, card.id) == card


def test_one_primary_contact_and_undoable_delete(demo_db: Database) -> None:
    card = _first(demo_db)
    old_primary = card.contacts[0]
    new_id, changes = save_record(
        demo_db,
        "contact",
        card.id,
        {"name": "Ёлкина Ирина", "email": "irina@client.example", "is_primary": True},
    )
    assert old_primary.id in changes.kinds[Kind.CONTACT]
    after = client_card(demo_db, card.id)
    assert [c.name for c in after.contacts if c.is_primary] == ["Ёлкина Ирина"]
    set_record_deleted(demo_db, "contact", card.id, new_id, True)
    after = client_card(demo_db, card.id)
    assert new_id not in {c.id for c in after.contacts}
    assert sum(c.is_primary for c in after.contacts) == 1
    set_record_deleted(demo_db, "contact", card.id, new_id, False)
    after = client_card(demo_db, card.id)
    assert [c.name for c in after.contacts if c.is_primary] == ["Ёлкина Ирина"]


def test_stale_record_edit_is_refused(demo_db: Database) -> None:
    card = _first(demo_db)
    feedback = card.feedback[0]
    data = {
        "score": 6,
        "comment": feedback.comment,
        "received_on": feedback.received_on,
        "reaction": "Созвонились",
        "reacted_on": feedback.received_on,
    }
    save_record(
        demo_db, "feedback", card.id, data, record_id=feedback.id, expected_version=feedback.version
    )
    with pytest.raises(StaleEdit):
        save_record(
            demo_db,
            "feedback",
            card.id,
            data | {"score": 2},
            record_id=feedback.id,
            expected_version=feedback.version,
        )
    stored = client_card(demo_db, card.id).feedback[0]
    assert (stored.score, stored.reaction, stored.unanswered) == (6, "Созвонились", False)


def test_service_cell_follows_the_cadence(demo_db: Database) -> None:
    card = _first(demo_db)
    cell = next(c for c in card.services if c.state != "active")
    last = TODAY - timedelta(days=10)
    set_service_cell(
        demo_db,
        card.id,
        cell.service_id,
        {"state": "offered", "last_offer_on": last, "helper": "company_head"},
        expected_version=cell.version,
    )
    stored = next(c for c in client_card(demo_db, card.id).services if c.id == cell.id)
    assert (stored.state, stored.next_offer_on, stored.helper) == (
        "offered",
        last + timedelta(days=90),
        "company_head",
    )
    with pytest.raises(StaleEdit):
        set_service_cell(
            demo_db, card.id, cell.service_id, {"state": "none"}, expected_version=cell.version
        )


def test_matrix_shows_due_offers(demo_db: Database) -> None:
    matrix = upsell_matrix(demo_db, DEMO_NOW.date())
    assert len(matrix.clients) == 40 and len(matrix.services) == 8
    assert 0 < matrix.due_count < 40 * 8
    later = upsell_matrix(demo_db, DEMO_NOW.date() + timedelta(days=400))
    assert later.due_count > matrix.due_count


def test_overlap_of_moscow_and_vladivostok() -> None:
    agency = WorkingDay("Europe/Moscow", 600, 1140)
    client = WorkingDay("Asia/Vladivostok", 540, 1080)
    shared = overlap(agency, client, date(2026, 11, 23))
    # Vladivostok is 7 hours ahead: their 9:00-18:00 is 2:00-11:00 in Moscow.
    assert shared.minutes == 60
    assert shared.start is not None and (shared.start.hour, shared.end.hour) == (10, 11)  # type: ignore[union-attr]
    far = overlap(agency, WorkingDay("America/Los_Angeles", 540, 1080), date(2026, 11, 23))
    assert far.minutes == 0 and far.start is None


@given(
    st.sampled_from(["Europe/Moscow", "Asia/Kamchatka", "Asia/Kolkata", "America/New_York"]),
    st.integers(0, 1380),
    st.integers(30, 600),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
)
def test_overlap_never_exceeds_either_day(zone: str, start: int, length: int, day: date) -> None:
    agency = WorkingDay("Europe/Moscow", 600, 1140)
    client = WorkingDay(zone, start, min(start + length, 1440))
    shared = overlap(agency, client, day)
    assert 0 <= shared.minutes <= min(540, client.end_minute - client.start_minute)
    if zone == "Europe/Moscow":
        assert shared.minutes == max(0, min(1140, client.end_minute) - max(600, start))


def test_continuity_counts_managers_in_charge_within_the_window() -> None:
    p, q = uuid.uuid4(), uuid.uuid4()
    since = datetime(2026, 1, 1, tzinfo=UTC)
    history = [
        (p, "Анна", datetime(2024, 5, 1, tzinfo=UTC)),  # in charge until March: counts
        (p, "Борис", datetime(2026, 3, 1, tzinfo=UTC)),
        (q, "Вера", datetime(2023, 1, 1, tzinfo=UTC)),  # replaced before the window
        (q, "Глеб", datetime(2025, 6, 1, tzinfo=UTC)),
    ]
    assert managers_since(history, since) == ["Анна", "Глеб", "Борис"]


def test_upsell_cadence() -> None:
    assert next_offer("offered", date(2026, 1, 1), 90) == date(2026, 4, 1)
    assert next_offer("active", date(2026, 1, 1), 90) is None
    assert offer_due("prospect", None, TODAY)
    assert not offer_due("active", TODAY, TODAY)
    assert offer_due("declined", TODAY, TODAY) and not offer_due(
        "declined", TODAY, TODAY - timedelta(days=1)
    )


def test_greetings_bring_birthdays_holidays_and_the_trade_day() -> None:
    today = date(2026, 6, 1)
    found = greeting_dates(
        today,
        days=30,
        birthdays=[("Ирина", date(1990, 6, 10)), ("Олег", date(1985, 8, 1))],
        segment="medicine",
        public={date(2026, 6, 12): "Russia Day", date(2026, 1, 1): "New Year"},
    )
    assert [(g.day, g.kind) for g in found] == [
        (date(2026, 6, 10), "birthday"),
        (date(2026, 6, 12), "public"),
        (date(2026, 6, 21), "professional"),
    ]
    leap = greeting_dates(
        date(2027, 2, 1), days=30, birthdays=[("Ира", date(1992, 2, 29))], segment="", public={}
    )
    assert [g.day for g in leap] == [date(2027, 2, 28)]
    assert all(day.on(2027).year == 2027 for day in PROFESSIONAL_DAYS)
