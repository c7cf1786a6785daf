"""Every operation and every file reader, fed what a form, a command or a file might hold.

Each input ends in one of two ways: a refusal that names its field in a sentence and leaves
every table as it was, or a write after which the screens still read the agency. Never an
unexpected exception. Runs on both engines (`demo_db`); inputs mix plausible values of each
field's type (ids of real rows, dates far and near, time zones) with anything at all.
"""

from __future__ import annotations

import io
import json
import os
import types
import typing
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlmodel import SQLModel

from accdesk.errors import AccdeskError, ImportProblem, ValidationError
from accdesk.models import Client, Manager, Project, Service
from accdesk.ops.agenda import add_meeting, agenda, set_item_minutes
from accdesk.ops.archive import ArchiveError, export_archive, import_archive
from accdesk.ops.briefs import briefs_for_project, save_template, set_audience_levels
from accdesk.ops.clients import RECORDS, client_card, save_record, set_service_cell, update_client
from accdesk.ops.import_fields import FIELDS
from accdesk.ops.importing import import_rows
from accdesk.ops.inputs import (
    ClientEdit,
    MeetingCreate,
    ProjectCreate,
    RequestCreate,
    ServiceCellEdit,
)
from accdesk.ops.priority import set_priority_preset
from accdesk.ops.queue import create_project, list_queue
from accdesk.ops.requests import add_request, find_client, find_manager, inbox
from accdesk.ops.workload import ProjectMove, reassign
from accdesk.storage.db import Database, open_database
from accdesk.storage.sheets_in import SourceTable, read_table

EXAMPLES = int(os.environ.get("ACCDESK_FUZZ_EXAMPLES", "30"))
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
tried: Counter[str] = Counter()
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():  # type: ignore[union-attr]
        detail = ", ".join(f"{op} {n}" for op, n in sorted(tried.items()))
        print(f"\nfuzzed entry points: {sum(tried.values())} inputs ({detail})")


# --- Inputs --------------------------------------------------------------------------------------
text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(), max_size=40),  # control characters and lone surrogates
    st.text(min_size=200, max_size=400),
    st.sampled_from(["", " ", "\x00", "\ud800", "Ромашка", "=1+1", "Europe/Moscow", "a" * 70_000]),
)
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**62, max_value=2**80),
    st.floats(),
    text,
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
moments = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
days = st.one_of(st.dates(), st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)))


@dataclass(frozen=True)
class Agency:
    """Real rows of the demo agency, for ids an input may name."""

    clients: tuple[uuid.UUID, ...]
    managers: tuple[uuid.UUID, ...]
    services: tuple[uuid.UUID, ...]
    projects: tuple[uuid.UUID, ...]

    @classmethod
    def of(cls, db: Database) -> Agency:
        with db.reading() as s:
            ids = [
                tuple(s.execute(select(m.id).order_by(m.id)).scalars())  # type: ignore[attr-defined]
                for m in (Client, Manager, Service, Project)
            ]
        return cls(*ids)


def _plausible(annotation: Any, agency: Agency) -> st.SearchStrategy[Any]:
    """Values of a field's type, the kind a form would send."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _plausible(typing.get_args(annotation)[0], agency)
    if typing.get_origin(annotation) is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return st.one_of([_plausible(a, agency) for a in typing.get_args(annotation)])
    plain: dict[Any, st.SearchStrategy[Any]] = {
        type(None): st.none(),
        uuid.UUID: st.sampled_from(
            [*agency.clients[:3], *agency.managers[:2], *agency.services[:2], uuid.uuid4()]
        ),
        datetime: moments,
        date: days,
        bool: st.booleans(),
        int: st.one_of(st.integers(-10, 2000), st.integers()),
        float: st.floats(),
        str: text,
    }
    return plain.get(annotation, anything)


def form(model: type[BaseModel], agency: Agency, **fixed: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Dictionaries such as a form of `model` sends: some of its fields, each plausible or
    anything, now and then a key it does not know."""
    fields = {
        name: st.one_of(_plausible(info.annotation, agency), anything)
        for name, info in model.model_fields.items()
        if name not in fixed
    }
    base = st.fixed_dictionaries({k: st.just(v) for k, v in fixed.items()}, optional=fields)
    extra = st.dictionaries(st.text(max_size=6), anything, max_size=1)
    return st.builds(lambda a, b: {**b, **a}, base, extra)


# --- What a refusal must leave -------------------------------------------------------------------
def state(db: Database) -> dict[str, tuple[int, int]]:
    """Rows and the sum of their versions per table: any insert, delete or update shows."""
    with db.reading() as s:
        return {
            t.name: tuple(  # type: ignore[misc]
                s.execute(
                    select(func.count(), func.coalesce(func.sum(t.c.version), 0)).select_from(t)
                ).one()
            )
            for t in SQLModel.metadata.sorted_tables
        }


def still_readable(db: Database, agency: Agency) -> None:
    """The screens a write may reach still read the agency."""
    list_queue(db)
    inbox(db)
    client_card(db, agency.clients[0], now=NOW)
    agenda(db, agency.managers[0], TODAY, NOW)


def attempt(
    name: str, db: Database, agency: Agency, write: Callable[[], object], *refusals: type
) -> None:
    """Run one input: a clean refusal changes nothing; anything else is a real write."""
    tried[name] += 1
    before = state(db)
    try:
        write()
    except ValidationError as exc:
        assert exc.errors and all(
            isinstance(k, str) and isinstance(v, str) and v and "\n" not in v
            for k, v in exc.errors.items()
        ), exc.errors
        assert state(db) == before
    except refusals as exc:  # a refused file, said in one sentence
        assert str(exc) and "Traceback" not in str(exc)
        assert state(db) == before
    else:
        still_readable(db, agency)


# --- The operations -----------------------------------------------------------------------------
@fuzz
@given(data=st.data())
def test_update_client(demo_db: Database, data: st.DataObject) -> None:
    agency = Agency.of(demo_db)
    values = data.draw(form(ClientEdit, agency))
    client = agency.clients[0]
    version = client_card(demo_db, client, now=NOW).version

    def write() -> None:
        update_client(demo_db, client, values, expected_version=version)

    attempt("update_client", demo_db, agency, write)


@fuzz
@given(data=st.data(), kind=st.sampled_from(sorted(RECORDS)))
def test_save_record(demo_db: Database, data: st.DataObject, kind: str) -> None:
    agency = Agency.of(demo_db)
    values = data.draw(form(RECORDS[kind].edit, agency))
    attempt(
        f"save_record({kind})",
        demo_db,
        agency,
        lambda: save_record(demo_db, kind, agency.clients[1], values),
    )


@fuzz
@given(data=st.data())
def test_set_service_cell(demo_db: Database, data: st.DataObject) -> None:
    agency = Agency.of(demo_db)
    values = data.draw(form(ServiceCellEdit, agency))
    client, service = agency.clients[2], agency.services[-1]
    version = next(
        (
            c.version
            for c in client_card(demo_db, client, now=NOW).services
            if c.service_id == service
        ),
        None,
    )
    attempt(
        "set_service_cell",
        demo_db,
        agency,
        lambda: set_service_cell(demo_db, client, service, values, expected_version=version),
    )


@fuzz
@given(data=st.data())
def test_create_project(demo_db: Database, data: st.DataObject) -> None:
    agency = Agency.of(demo_db)
    values = data.draw(form(ProjectCreate, agency))
    attempt("create_project", demo_db, agency, lambda: create_project(demo_db, values, today=TODAY))


@fuzz
@given(data=st.data())
def test_add_request(demo_db: Database, data: st.DataObject) -> None:
    agency = Agency.of(demo_db)
    values = data.draw(form(RequestCreate, agency))
    attempt("add_request", demo_db, agency, lambda: add_request(demo_db, values, now=NOW))


@fuzz
@given(data=st.data())
def test_add_meeting(demo_db: Database, data: st.DataObject) -> None:
    agency = Agency.of(demo_db)
    values = data.draw(form(MeetingCreate, agency))
    attempt(
        "add_meeting", demo_db, agency, lambda: add_meeting(demo_db, agency.managers[0], values)
    )


@fuzz
@given(key=st.one_of(text, st.builds("request:{}".format, text)), minutes=st.integers())
def test_set_item_minutes(demo_db: Database, key: str, minutes: int) -> None:
    agency = Agency.of(demo_db)
    attempt(
        "set_item_minutes",
        demo_db,
        agency,
        lambda: set_item_minutes(demo_db, agency.managers[0], TODAY, key, minutes),
    )


@fuzz
@given(
    values=st.dictionaries(st.one_of(st.sampled_from(["developer", "qa", "seo"]), text), anything)
)
def test_set_audience_levels(demo_db: Database, values: dict[str, Any]) -> None:
    agency = Agency.of(demo_db)
    attempt("set_audience_levels", demo_db, agency, lambda: set_audience_levels(demo_db, values))


@fuzz
@given(name=text)
def test_save_template_and_presets(demo_db: Database, name: str) -> None:
    agency = Agency.of(demo_db)
    brief = next(d for p in agency.projects if (d := briefs_for_project(demo_db, p)))[0]
    attempt("save_template", demo_db, agency, lambda: save_template(demo_db, brief.id, name))
    attempt("set_priority_preset", demo_db, agency, lambda: set_priority_preset(demo_db, name))


@fuzz
@given(reason=text)
def test_reassign(demo_db: Database, reason: str) -> None:
    agency = Agency.of(demo_db)
    row = next(r for r in list_queue(demo_db) if r.manager_id is not None)
    target = next(m for m in agency.managers if m != row.manager_id)
    move = ProjectMove(row.id, row.manager_id, target)
    attempt("reassign", demo_db, agency, lambda: reassign(demo_db, [move], reason, [uuid.uuid4()]))


@fuzz
@given(words=text)
def test_find_client_and_manager(demo_db: Database, words: str) -> None:
    agency = Agency.of(demo_db)
    attempt("find_client", demo_db, agency, lambda: find_client(demo_db, words), AccdeskError)
    attempt("find_manager", demo_db, agency, lambda: find_manager(demo_db, words), AccdeskError)


# --- Files ---------------------------------------------------------------------------------------
cells = st.lists(st.lists(text, min_size=1, max_size=6), min_size=1, max_size=8)


@fuzz
@given(rows=cells, kind=st.sampled_from(sorted(FIELDS)), stop=st.booleans())
def test_import_rows(demo_db: Database, rows: list[list[str]], kind: str, stop: bool) -> None:
    """Any cells under any mapping of the columns: each line is written or reported."""
    agency = Agency.of(demo_db)
    width = max(len(r) for r in rows)
    grid = [[c.replace("\x00", "") for c in r] + [""] * (width - len(r)) for r in rows]
    table = SourceTable(
        headers=tuple(f"c{n}" for n in range(width)),
        rows=tuple(tuple(r) for r in grid),
        numbers=tuple(range(2, len(grid) + 2)),
    )
    mapping = {f.key: n % width for n, f in enumerate(FIELDS[kind])}
    attempt(
        f"import_rows({kind})",
        demo_db,
        agency,
        lambda: import_rows(demo_db, kind, table, mapping, stop_on_errors=stop),
        ImportProblem,
    )


@fuzz
@given(
    data=st.one_of(
        st.binary(max_size=400),
        cells.map(lambda r: "\n".join(";".join(x) for x in r).encode("utf-8", "surrogatepass")),
    )
)
def test_read_table_csv(data: bytes) -> None:
    tried["read_table(csv)"] += 1
    try:
        table = read_table(data, "fuzz.csv")
    except ImportProblem as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert all(len(r) == len(table.headers) for r in table.rows)


@fuzz
@given(
    rows=st.lists(
        st.lists(st.one_of(text, st.integers(), st.floats(), days), max_size=5), max_size=6
    ),
    cut=st.integers(0, 4000),
)
def test_read_table_xlsx(rows: list[list[Any]], cut: int) -> None:
    """Workbooks of any cells, whole or cut short."""
    tried["read_table(xlsx)"] += 1
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        try:
            sheet.append(row)
        except (ValueError, IllegalCharacterError):  # openpyxl itself refuses some characters
            continue
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    for candidate in (data, data[:cut]):
        try:
            read_table(candidate, "fuzz.xlsx")
        except ImportProblem as exc:
            assert str(exc) and "\n" not in str(exc)


class Archive:
    """The demo agency's archive, shown short in a failing example's report."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def __repr__(self) -> str:
        return "<the demo agency's archive>"


@pytest.fixture(scope="module")
def archive(demo_template: Any) -> Archive:
    db = open_database(demo_template, read_only=True)
    try:
        return Archive(json.loads(export_archive(db)))
    finally:
        db.close()


@settings(fuzz, max_examples=max(8, EXAMPLES // 4))  # each restores a whole agency
@given(
    where=st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6)),
    value=st.one_of(anything.filter(lambda v: not isinstance(v, bytes)), text),
)
def test_import_archive(
    tmp_path_factory: pytest.TempPathFactory,
    archive: Archive,
    where: tuple[int, int, int],
    value: Any,
) -> None:
    """An archive with one value anywhere replaced by anything: restored whole or refused."""
    tried["import_archive"] += 1
    document = json.loads(json.dumps(archive.document))
    tables = sorted(t for t, rows in document["tables"].items() if rows)
    rows = document["tables"][tables[where[0] % len(tables)]]
    row = rows[where[1] % len(rows)]
    row[sorted(row)[where[2] % len(row)]] = value
    target = open_database(tmp_path_factory.mktemp("restore") / "agency.db")
    try:
        try:
            import_archive(target, json.dumps(document).encode("utf-8", "surrogatepass"))
        except ArchiveError as exc:
            assert str(exc) and "\n" not in str(exc)
            assert sum(n for n, _ in state(target).values()) == 0
        else:
            still_readable(target, Agency.of(target))
    finally:
        target.close()
