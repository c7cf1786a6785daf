"""Any input to an operation ends in a clean validation error or a valid write.

Never an unexpected exception, never a half-written change. Inputs are whole dictionaries
as a form, the CLI or an import might send them: unknown keys, wrong types, huge, empty,
control characters, any Unicode.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accdesk.briefs.content import from_json
from accdesk.changes import Kind
from accdesk.errors import ValidationError
from accdesk.ops.briefs import (
    briefs_for_project,
    create_brief,
    draft_for,
    get_brief,
    save_draft,
    update_brief,
)
from accdesk.ops.queue import list_queue
from accdesk.ops.summary import counts
from accdesk.storage.db import Database

EXAMPLES = int(os.environ.get("ACCDESK_FUZZ_EXAMPLES", "150"))
tried: Counter[str] = Counter()

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=250, max_size=350),
    st.lists(st.text(max_size=5), max_size=3),
    st.binary(max_size=10),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
inputs = st.dictionaries(
    st.one_of(
        st.sampled_from(
            ["title", "notes", "level", "audience", "template", "values", "content", "version"]
        ),
        st.text(max_size=8),
    ),
    values,
    max_size=4,
)
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():  # type: ignore[union-attr]
        total = sum(tried.values())
        detail = ", ".join(f"{op} {n}" for op, n in sorted(tried.items()))
        print(f"\nfuzzed operations: {total} inputs ({detail})")


def _brief(db: Database):  # type: ignore[no-untyped-def]
    for row in list_queue(db):
        docs = briefs_for_project(db, row.id)
        if docs:
            return row, docs[0]
    raise AssertionError("the demo agency has no briefs")


def _refused_cleanly(error: ValidationError, data: dict[str, Any]) -> None:
    assert error.errors, "a refusal names at least one field"
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in error.errors.items())


@fuzz
@given(data=inputs)
def test_create_brief(demo_db: Database, data: dict[str, Any]) -> None:
    tried["create_brief"] += 1
    project, _ = _brief(demo_db)
    before = counts(demo_db).briefs
    try:
        doc, changes = create_brief(demo_db, project.id, data)
    except ValidationError as exc:
        _refused_cleanly(exc, data)
        assert counts(demo_db).briefs == before
    else:
        assert counts(demo_db).briefs == before + 1
        assert get_brief(demo_db, doc.id).title == str(data["title"]).strip()
        assert changes.touches(Kind.BRIEF)


@fuzz
@given(data=inputs)
def test_update_brief(demo_db: Database, data: dict[str, Any]) -> None:
    tried["update_brief"] += 1
    _, doc = _brief(demo_db)
    before = get_brief(demo_db, doc.id)
    try:
        update_brief(demo_db, doc.id, data, expected_version=before.version)
    except ValidationError as exc:
        _refused_cleanly(exc, data)
        assert get_brief(demo_db, doc.id) == before
    else:
        after = get_brief(demo_db, doc.id)
        # What the edit leaves out (or gives as None) stays as it was.
        title, notes = data.get("title"), data.get("notes")
        assert after.title == (before.title if title is None else str(title).strip())
        assert after.content.notes == (before.content.notes if notes is None else notes)
        assert after.version == before.version + 1


@fuzz
@given(data=inputs)
def test_save_draft(demo_db: Database, data: dict[str, Any]) -> None:
    tried["save_draft"] += 1
    _, doc = _brief(demo_db)
    before = draft_for(demo_db, doc.id)
    try:
        save_draft(demo_db, doc.id, data)
    except ValidationError as exc:
        _refused_cleanly(exc, data)
        assert draft_for(demo_db, doc.id) == before
    else:
        draft = draft_for(demo_db, doc.id)
        assert draft is not None
        assert draft.content == from_json(data.get("content", {}))
    assert get_brief(demo_db, doc.id) == doc  # a draft never touches the brief itself
