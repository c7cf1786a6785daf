"""Every write reaches every screen that shows what it wrote: derived, not listed twice.

Reads: the window is used the way a person does (a project, the card's tabs, a brief, the
inbox, the day, the workload, the up-sell matrix, the totals) while every SQL statement is
recorded and credited to the innermost pane on the Python stack, as that pane subscribed
(`AppEvents.subscribe`). Writes: every operation of the core (found by what it returns) is
run once, recording the tables its statements write. Then:
- each screen's declared kinds cover every table it read;
- each operation's `Changes` name every table it wrote (or a narrower kind of it);
- so every screen that read a table an operation wrote is told of that operation.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
import typing
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject
from sqlalchemy import Engine, event, select

import accdesk.demo.agency
import accdesk.ops
from accdesk.changes import REFINES, TABLE_KINDS, Changes, Kind
from accdesk.models import Brief, Client, ClientService, Manager, Project, Request
from accdesk.ops import agenda as agenda_ops
from accdesk.ops import (
    archive,
    briefs,
    clients,
    deadlines,
    importing,
    priority,
    queue,
    requests,
    team,
    workload,
)
from accdesk.planning.agenda import AgendaItem
from accdesk.screens.dependencies import DEPENDS, Screen, shows
from accdesk.storage.db import Database, open_database
from accdesk.storage.sheets_in import read_table
from tests.conftest import DEMO_NOW
from tests.ui.test_card import open_tab
from ui.common.events import SCREEN_PROPERTY
from ui.shell.main_window import MainWindow

TODAY = DEMO_NOW.date()
WRITE = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)
READ = re.compile(r'\b(?:FROM|JOIN)\s+"?([a-z_]+)"?', re.IGNORECASE)
SET = re.compile(r"\bSET\s+(.*?)\s+WHERE\b", re.IGNORECASE | re.DOTALL)
# A derived kind stands for one column of a table: "project.queue_position" for QUEUE_ORDER.
COLUMNS = {f"{table}.{column}": derived for derived, (table, column) in REFINES.items()}
KNOWN = {str(k) for k in TABLE_KINDS} | set(COLUMNS)
BOOKKEEPING = {"version", "updated_at"}


def kind_of(name: str) -> Kind:
    return COLUMNS.get(name) or Kind(name)


class Recorder:
    """Tables read by each screen and written by the statements seen. A read of a refined
    column adds "table.column"; an UPDATE setting only that column (and bookkeeping)
    writes "table.column" instead of the table."""

    def __init__(self) -> None:
        self.reads: dict[Screen, set[str]] = {}
        self.written: set[str] = set()

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if found := WRITE.match(statement):
            table = found.group(1).lower()
            self.written.add(_narrowed(table, statement))
            return
        screen = _screen_on_stack()
        if screen is not None:
            tables = {t.lower() for t in READ.findall(statement)} & KNOWN
            tables |= {
                n for n in COLUMNS if n.split(".")[0] in tables and n.split(".")[1] in statement
            }
            self.reads.setdefault(screen, set()).update(tables)


def _narrowed(table: str, statement: str) -> str:
    found = SET.search(statement) if statement.lstrip().upper().startswith("UPDATE") else None
    if found is None:
        return table
    columns = {part.split("=")[0].strip().strip('"') for part in found.group(1).split(",")}
    narrowed = [
        n
        for n in COLUMNS
        if n.split(".")[0] == table and columns - BOOKKEEPING == {n.split(".")[1]}
    ]
    return narrowed[0] if narrowed else table


def _screen_on_stack() -> Screen | None:
    """The screen of the innermost subscribed pane whose method is running."""
    frame = sys._getframe(2)
    while frame is not None:
        owner = frame.f_locals.get("self")
        if isinstance(owner, QObject):
            value = owner.property(SCREEN_PROPERTY)
            if value:
                return Screen(value)
        frame = frame.f_back  # type: ignore[assignment]
    return None


@contextmanager
def recording() -> Iterator[Recorder]:
    recorder = Recorder()
    event.listen(Engine, "before_cursor_execute", recorder)
    try:
        yield recorder
    finally:
        event.remove(Engine, "before_cursor_execute", recorder)


# Reads, as the window makes them -----------------------------------------------------------
def screen_reads(window: MainWindow, qtbot: Any, recorder: Recorder) -> dict[Screen, set[str]]:
    window.now = lambda: DEMO_NOW
    queue = window.queue
    queue.reload()
    queue.view.selectRow(0)
    for title in ("Profile", "Contacts", "Services", "Promises", "Loyalty", "NPS", "History"):
        open_tab(window, title)
    if window.briefs.list_model.rowCount():
        window.briefs.list.setCurrentIndex(window.briefs.list_model.index(0))
    window.day_tabs.setCurrentWidget(window.requests)
    window.requests.reload()
    window.day_tabs.setCurrentWidget(window.agenda)
    window.agenda.day.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    window.agenda.reload()
    window.open_workload()
    assert window.workload is not None
    window.workload.managers_table.selectRow(0)
    window.open_upsell_matrix()
    window.totals.update_counts()
    qtbot.waitUntil(lambda: set(recorder.reads) == set(Screen), timeout=5000)
    return recorder.reads


def test_every_screen_declares_the_kinds_of_every_table_it_reads(
    open_window: Callable[[Path], MainWindow], demo_path: Path, qtbot: Any
) -> None:
    with recording() as recorder:
        window = open_window(demo_path)
        reads = screen_reads(window, qtbot, recorder)
    for screen, tables in reads.items():
        missing = {kind_of(t) for t in tables} - DEPENDS[screen]
        assert not missing, f"{screen} reads {sorted(missing)} but is not told of them"


# Writes, as every operation makes them -----------------------------------------------------
def writers() -> set[str]:
    """Every public operation of the core that returns what it changed (a `Changes`, or a
    result carrying one)."""
    found = set()
    modules = [accdesk.demo.agency]
    for info in pkgutil.iter_modules(accdesk.ops.__path__, "accdesk.ops."):
        modules.append(importlib.import_module(info.name))
    for module in modules:
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:
                continue
            returned = typing.get_type_hints(fn).get("return")
            if _carries_changes(returned):
                found.add(f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    return found


def _carries_changes(kind: Any) -> bool:
    if kind is Changes:
        return True
    if typing.get_origin(kind) is tuple:
        return any(_carries_changes(k) for k in typing.get_args(kind))
    if dataclasses.is_dataclass(kind) or hasattr(kind, "_fields"):
        hints = typing.get_type_hints(kind)
        return any(v is Changes for v in hints.values())
    return False


def changes_of(result: Any) -> Changes:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and not hasattr(result, "changes"):
        return next(r for r in result if isinstance(r, Changes))
    found = result.changes
    assert isinstance(found, Changes)
    return found


def _first(db: Database, query: Any) -> Any:
    with db.reading() as s:
        return s.execute(query).scalars().first()


def scenario(db: Database) -> dict[str, Callable[[], Any]]:
    """One call of every operation, in an order where each has what it needs."""
    project = _first(db, select(Project).where(Project.status == "active"))
    manager, client = project.manager_id, project.client_id
    brief = _first(db, select(Brief))
    waiting = select(Request).where(
        Request.first_response_at.is_(None), Request.manager_id == manager
    )
    key = f"request:{_first(db, waiting).id}"
    cell = _first(db, select(ClientService).where(ClientService.client_id == client))
    other = _first(db, select(Manager).where(Manager.id != manager)).id
    made: dict[str, Any] = {}

    def version(model: Any, row_id: uuid.UUID) -> int:
        with db.reading() as s:
            return int(s.get(model, row_id).version)

    def keep(name: str, result: tuple[Any, Changes]) -> Changes:
        made[name] = result[0]
        return result[1]

    def new_project() -> Changes:
        data = {"name": "Landing", "client_id": client, "service_id": cell.service_id}
        return keep("project", queue.create_project(db, data, today=TODAY))

    def reorder() -> Changes:
        return queue.reorder(db, manager, list(reversed(queue.queue_order(db, manager))))

    def update_client() -> Changes:
        card = clients.client_card(db, client)
        data = {"name": card.name + " ", "timezone": card.timezone}
        return clients.update_client(db, client, data, expected_version=version(Client, client))

    def new_contact() -> Changes:
        data = {"name": "Ирина", "email": "irina@example.com"}
        return keep("contact", clients.save_record(db, "contact", client, data))

    def service_cell() -> Changes:
        return clients.set_service_cell(
            db,
            client,
            cell.service_id,
            {"state": "active"},
            expected_version=version(ClientService, cell.id),
        )

    def new_request() -> Changes:
        data = {"client_id": client, "text": "Форма", "channel": "email", "received_at": DEMO_NOW}
        return keep("request", requests.add_request(db, data, now=DEMO_NOW))

    def request_version() -> int:
        return version(Request, made["request"].id)

    def new_meeting() -> Changes:
        data = {"title": "Звонок", "starts_at": DEMO_NOW.replace(hour=12), "minutes": 60}
        changes = agenda_ops.add_meeting(db, manager, data)
        made["meeting"] = next(iter(changes.ids(Kind.MEETING)))
        return changes

    def brief_version() -> int:
        return version(Brief, brief.id)

    def move() -> Any:
        moves = [workload.ProjectMove(project.id, manager, other)]
        return workload.reassign(db, moves, "отпуск", [uuid.uuid4()], now=DEMO_NOW)

    def day_off() -> Changes:
        """Tomorrow off: the recompute that follows has deadlines to move."""
        view = deadlines.calendar_view(db)
        off = deadlines.DayOverride(TODAY + timedelta(days=1), "day_off", "", "")
        return deadlines.save_calendar(db, dataclasses.replace(view, days=(*view.days, off)))

    def import_clients() -> Any:
        data = "Клиент;Часовой пояс\nНовый клиент;Europe/Moscow\n".encode()
        table = read_table(data, "clients.csv")
        return importing.import_rows(db, "clients", table, {"name": 0, "timezone": 1})

    request_id = lambda: made["request"].id  # noqa: E731
    return {
        "queue.create_project": new_project,
        "queue.set_status": lambda: queue.set_status(db, made["project"], "paused"),
        "queue.set_pinned": lambda: queue.set_pinned(db, made["project"], True),
        "queue.reorder": reorder,
        "queue.set_deleted": lambda: queue.set_deleted(db, made["project"], True),
        "priority.set_priority_preset": lambda: priority.set_priority_preset(db, "boutique"),
        "clients.update_client": update_client,
        "clients.save_record": new_contact,
        "clients.set_record_deleted": lambda: clients.set_record_deleted(
            db, "contact", client, made["contact"], True
        ),
        "clients.set_service_cell": service_cell,
        "requests.add_request": new_request,
        "requests.link_project": lambda: requests.link_project(
            db, request_id(), project.id, expected_version=request_version()
        ),
        "requests.set_answered": lambda: requests.set_answered(
            db, request_id(), DEMO_NOW, expected_version=request_version(), now=DEMO_NOW
        ),
        "requests.brief_from_request": lambda: requests.brief_from_request(db, request_id()),
        "requests.remove_request": lambda: requests.remove_request(db, request_id()),
        "briefs.create_brief": lambda: briefs.create_brief(db, project.id, {"title": "ТЗ"}),
        "briefs.save_draft": lambda: briefs.save_draft(db, brief.id, {"title": "Черновик"}),
        "briefs.discard_draft": lambda: briefs.discard_draft(db, brief.id),
        "briefs.update_brief": lambda: briefs.update_brief(
            db, brief.id, {"title": "Новое"}, expected_version=brief_version()
        ),
        "briefs.restore_revision": lambda: briefs.restore_revision(
            db, brief.id, 1, expected_version=brief_version()
        ),
        "briefs.set_brief_status": lambda: briefs.set_brief_status(
            db, brief.id, "sent", expected_version=brief_version()
        ),
        "briefs.save_template": lambda: briefs.save_template(db, brief.id, "Мой шаблон"),
        "briefs.set_audience_levels": lambda: briefs.set_audience_levels(db, {"developer": 9}),
        "agenda.set_item_minutes": lambda: agenda_ops.set_item_minutes(db, manager, TODAY, key, 20),
        "agenda.check_item": lambda: agenda_ops.check_item(
            db, manager, TODAY, key, True, now=DEMO_NOW
        ),
        "agenda.put_item": lambda: agenda_ops.put_item(
            db,
            manager,
            TODAY,
            AgendaItem(key, key.split(":", 1)[0], "an item", "", 15),
            on=TODAY + timedelta(days=1),
        ),
        "agenda.add_meeting": new_meeting,
        "agenda.remove_meeting": lambda: agenda_ops.remove_meeting(db, made["meeting"]),
        "workload.reassign": move,
        "deadlines.save_calendar": day_off,
        "deadlines.recompute": lambda: deadlines.recompute(db),
        "team.link_login": lambda: team.link_login(db, other, "anna"),
        "importing.import_rows": import_clients,
    }


EMPTY_WRITERS = {
    # Into an empty database: run apart below.
    "agency.create_demo",
    "archive.import_archive",
}


def test_every_operation_names_what_it_wrote_and_every_screen_showing_it_hears(
    open_window: Callable[[Path], MainWindow],
    demo_path: Path,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    with recording() as recorder:
        window = open_window(demo_path)
        reads = dict(screen_reads(window, qtbot, recorder))
    window.close()
    db = open_database(demo_path)
    steps = scenario(db)
    assert set(steps) | EMPTY_WRITERS == writers(), "every operation has a step here"
    outcomes = [(name, *_run(step)) for name, step in steps.items()]
    db.close()
    empty = open_database(tmp_path / "empty.db")
    demo = accdesk.demo.agency.create_demo
    outcomes.append(("agency.create_demo", *_run(lambda: demo(empty, now=DEMO_NOW))))
    data = archive.export_archive(empty)
    empty.close()
    fresh = open_database(tmp_path / "fresh.db")
    outcomes.append(("archive.import_archive", *_run(lambda: archive.import_archive(fresh, data))))
    fresh.close()
    for name, written, changes in outcomes:
        assert written, f"{name} wrote nothing"
        covered = set(changes.kinds)
        unnamed = {
            t for t in written if kind_of(t) not in covered and Kind(t.split(".")[0]) not in covered
        }
        assert not unnamed, f"{name} wrote {sorted(unnamed)} but does not say so"
        for screen, tables in reads.items():
            # A whole table written also writes each of its refined columns.
            touched = written | {n for n in COLUMNS if n.split(".")[0] in written}
            if tables & touched:
                assert shows(screen, changes), f"{screen} is not told of {name}"


def _run(step: Callable[[], Any]) -> tuple[set[str], Changes]:
    with recording() as recorder:
        changes = changes_of(step())
    return recorder.written & KNOWN, changes
