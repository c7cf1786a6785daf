"""Operations the window calls: what they return and what they store."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam, text
from sqlalchemy.exc import StatementError

from accdesk.changes import Kind
from accdesk.errors import StaleEdit, ValidationError
from accdesk.ops.briefs import briefs_for_project, create_brief, get_brief, update_brief
from accdesk.ops.queue import list_queue
from accdesk.ops.summary import counts
from accdesk.storage.db import Database
from accdesk.types import UTCDateTime, uuid_from_db


def test_queue_lists_live_projects_in_each_managers_order(demo_db: Database) -> None:
    rows = list_queue(demo_db)
    assert len(rows) == 120
    by_manager: dict[str, list[int]] = {}
    for row in rows:
        by_manager.setdefault(row.manager, []).append(row.queue_position)
    assert len(by_manager) == 6
    assert all(positions == sorted(positions) for positions in by_manager.values())
    assert all(row.code.startswith("P-") and len(row.code) == 6 for row in rows)
    waiting = [row for row in rows if row.next_response_due is not None]
    assert waiting and all(row.next_response_due.tzinfo is not None for row in waiting)


def _a_brief(db: Database):  # type: ignore[no-untyped-def]
    project = list_queue(db)[0]
    return briefs_for_project(db, project.id)[0]


def test_brief_edit_is_stored_and_bumps_the_version(demo_db: Database) -> None:
    doc = _a_brief(demo_db)
    changes = update_brief(
        demo_db,
        doc.id,
        {"title": "Форма подписки: ёлочный макет", "notes": "Текст"},
        expected_version=doc.version,
    )
    stored = get_brief(demo_db, doc.id)
    assert (stored.title, stored.content.notes) == ("Форма подписки: ёлочный макет", "Текст")
    assert (
        changes.touches(Kind.BRIEF)
        and changes.versions[doc.id] == doc.version + 1 == stored.version
    )


def test_stale_brief_edit_is_refused_and_writes_nothing(demo_db: Database) -> None:
    doc = _a_brief(demo_db)
    update_brief(demo_db, doc.id, {"title": "First", "notes": ""}, expected_version=doc.version)
    with pytest.raises(StaleEdit, match="changed elsewhere"):
        update_brief(
            demo_db, doc.id, {"title": "Second", "notes": ""}, expected_version=doc.version
        )
    assert get_brief(demo_db, doc.id).title == "First"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "   ", "notes": "x"}, "title", "must not be empty"),
        ({"title": "x" * 301, "notes": ""}, "title", "is too long (at most 300 characters)"),
        ({"title": "ok", "notes": "", "owner": "me"}, "owner", "is not a known field"),
        (
            {"title": "a\x1fb", "notes": ""},
            "title",
            "must be one line of text, without line breaks or control characters",
        ),
    ],
)
def test_invalid_brief_input_names_the_field_and_writes_nothing(
    demo_db, data, field, message
) -> None:  # type: ignore[no-untyped-def]
    doc = _a_brief(demo_db)
    with pytest.raises(ValidationError) as caught:
        update_brief(demo_db, doc.id, data, expected_version=doc.version)
    assert caught.value.errors[field] == message
    assert get_brief(demo_db, doc.id) == doc


def test_new_brief_gets_the_next_human_code(demo_db: Database) -> None:
    project = list_queue(demo_db)[0]
    doc, changes = create_brief(demo_db, project.id, {"title": "Лендинг акции"})
    assert doc.code == "B-0031"
    assert changes.touches(Kind.BRIEF)
    assert counts(demo_db).briefs == 31


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.text(max_size=320), body=st.text(max_size=50))
def test_any_brief_text_is_either_stored_exactly_or_refused_cleanly(demo_db, title, body) -> None:  # type: ignore[no-untyped-def]
    doc = _a_brief(demo_db)
    before = get_brief(demo_db, doc.id)
    try:
        update_brief(
            demo_db, doc.id, {"title": title, "notes": body}, expected_version=before.version
        )
    except ValidationError as exc:
        assert set(exc.errors) <= {"title", "notes"}
        assert get_brief(demo_db, doc.id) == before
    else:
        stored = get_brief(demo_db, doc.id)
        assert (stored.title, stored.content.notes) == (title.strip(), body)


def test_a_nul_character_is_refused_naming_the_field_and_nothing_is_written(
    demo_db: Database,
) -> None:
    doc = _a_brief(demo_db)
    before = get_brief(demo_db, doc.id)
    with pytest.raises(ValidationError) as refused:
        update_brief(
            demo_db,
            doc.id,
            {"title": before.title, "notes": "до\x00после"},
            expected_version=before.version,
        )
    assert set(refused.value.errors) == {"notes"}
    assert "NUL" in refused.value.errors["notes"]
    assert get_brief(demo_db, doc.id) == before


def test_naive_datetimes_are_never_stored(demo_db: Database) -> None:
    update = text("UPDATE project SET last_touched_at = :t").bindparams(
        bindparam("t", type_=UTCDateTime())
    )
    with pytest.raises(StatementError, match="naive datetime"), demo_db.engine.begin() as con:
        con.execute(update, {"t": datetime(2026, 1, 1)})
    with demo_db.engine.connect() as con:
        assert (
            con.execute(
                text("SELECT count(*) FROM project WHERE last_touched_at < :t").bindparams(
                    bindparam("t", type_=UTCDateTime())
                ),
                {"t": datetime(2026, 1, 2, tzinfo=UTC)},
            ).scalar()
            == 0
        )


def test_fast_uuid_reading_matches_the_standard_constructor() -> None:
    value = uuid.uuid4()
    assert uuid_from_db(value.hex) == value and hash(uuid_from_db(value.hex)) == hash(value)
    assert uuid_from_db(value) is value
