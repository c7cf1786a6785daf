"""Clients, contacts and projects from an agency's spreadsheets (CSV or XLSX).

A file is read into plain text cells (`read_table`), its columns are matched to our fields
(`guess_mapping`, from Russian or English headers, which the person can override), and
`import_rows` checks every row with the same input models the window uses. Rows are
matched to what is stored by a key (a client's name, say), so importing a file again
updates instead of duplicating. Either all valid rows are written in one transaction, or,
with `stop_on_errors`, nothing at all when any row is wrong; a cancel writes nothing either.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from accdesk.changes import Changes
from accdesk.codes import CLIENT, parse_code
from accdesk.errors import AccdeskError, ImportProblem, ValidationError
from accdesk.models import Client, Contact, Manager, Project, ProjectStatus, Service
from accdesk.ops.import_fields import FIELDS, KEYS, KINDS, STATUS_WORDS
from accdesk.ops.inputs import (
    ClientEdit,
    ContactEdit,
    ProjectCreate,
    ServiceCreate,
    text_problem,
    validate,
)
from accdesk.storage.db import Database
from accdesk.storage.sheets_in import SourceTable
from accdesk.text import translate
from accdesk.types import typed_number, utcnow

Progress = Callable[[int, int], bool]  # False: the person pressed Cancel


class ImportCancelled(AccdeskError):
    """The person cancelled; nothing was written."""


def fold(text: str) -> str:
    """How people's headers and names are compared: case, `ё`, spacing and punctuation."""
    text = text.casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w@+]+", " ", text).split())


# Reading -----------------------------------------------------------------------------------


def guess_mapping(kind: str, headers: Sequence[str]) -> dict[str, int]:
    """Our field -> the column that holds it, from the headers; an exact synonym wins over
    one the header merely starts with, and no column serves two fields."""
    targets = FIELDS[_kind(kind)]
    folded = [fold(h) for h in headers]
    mapping: dict[str, int] = {}
    for exact in (True, False):
        for target in targets:
            if target.key in mapping:
                continue
            for i, header in enumerate(folded):
                if i in mapping.values() or not header:
                    continue
                hit = any(
                    header == s if exact else header.startswith(s)
                    for s in map(fold, target.synonyms)
                )
                if hit:
                    mapping[target.key] = i
                    break
    return mapping


def _kind(kind: str) -> str:
    if kind not in FIELDS:
        raise ImportProblem(
            translate("Import", "can import {value}, not {kind!r}").format(
                value=", ".join(KINDS), kind=kind
            )
        )
    return kind


# Checking and writing ----------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int  # the line in the file
    column: str  # the file's header, or our field's name when no column holds it
    message: str


@dataclass(frozen=True)
class ImportReport:
    kind: str
    created: int
    updated: int
    unchanged: int
    errors: tuple[RowError, ...]
    written: bool
    preview: tuple[dict[str, str], ...] = field(default=())  # the first rows, as stored
    changes: Changes = field(default_factory=Changes)  # what was written, for the window

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + len({e.row for e in self.errors})


def import_rows(
    db: Database,
    kind: str,
    table: SourceTable,
    mapping: Mapping[str, int],
    *,
    key: str | None = None,
    stop_on_errors: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    preview_rows: int = 20,
) -> ImportReport:
    """Check every row, then write the valid ones (none with `stop_on_errors` and an error,
    none on a dry run) in one transaction."""
    kind = _kind(kind)
    key = key or KEYS[kind][0]
    if key not in KEYS[kind]:
        raise ImportProblem(
            translate("Import", "{kind} are matched on {value}, not {key!r}").format(
                kind=kind, value=" or ".join(KEYS[kind]), key=key
            )
        )
    for target in FIELDS[kind]:
        if target.required and target.key not in mapping:
            raise ImportProblem(
                translate("Import", "no column is chosen for “{label}”, which is required").format(
                    label=translate("Import", target.label)
                )
            )
    for name, column in mapping.items():
        if not 0 <= column < len(table.headers):
            raise ImportProblem(
                translate("Import", "the column chosen for {name!r} is not in the file").format(
                    name=name
                )
            )
    total = len(table.rows)
    with db.transaction() as s:
        writer = _Writer(s, kind, key, table, mapping)
        for done, (number, row) in enumerate(zip(table.numbers, table.rows, strict=True), 1):
            writer.row(number, {k: row[c] for k, c in mapping.items()})
            tick = done % 200 == 0 or done == total
            if progress is not None and tick and not progress(done, total):
                raise ImportCancelled(
                    translate("Import", "the import was cancelled; nothing was written")
                )
        write = not dry_run and not (stop_on_errors and writer.errors)
        changes = Changes.written(s) if write else Changes()
        if not write:
            s.rollback()
        report = ImportReport(
            kind=kind,
            created=writer.created,
            updated=writer.updated,
            unchanged=writer.unchanged,
            errors=tuple(writer.errors),
            written=write and bool(writer.created or writer.updated),
            preview=tuple(writer.preview[:preview_rows]),
            changes=changes,
        )
    return report


class _Writer:
    """Checks one row at a time against what is stored and what earlier rows added; every
    lookup table is read once, up front."""

    def __init__(
        self, s: Session, kind: str, key: str, table: SourceTable, mapping: Mapping[str, int]
    ) -> None:
        self.s, self.kind, self.key = s, kind, key
        self.headers = {k: table.headers[c] for k, c in mapping.items()}
        self.labels = {t.key: translate("Import", t.label) for t in FIELDS[kind]}
        self.created = self.updated = self.unchanged = 0
        self.errors: list[RowError] = []
        self.line = 0  # the line being read: a line with any error is never written
        self.failed: set[int] = set()
        self.preview: list[dict[str, str]] = []
        self.seen: dict[Any, int] = {}  # a key value -> the line that had it first
        live = col(Client.deleted_at).is_(None)
        self.clients: dict[str, Client] = {}
        self.legal: dict[str, Client] = {}
        self.numbered: dict[int, Client] = {}
        for client in s.execute(select(Client).where(live)).scalars():
            self._know(client)
        self.next_client = (s.execute(select(func.max(col(Client.number)))).scalar() or 0) + 1
        self.next_project = (s.execute(select(func.max(col(Project.number)))).scalar() or 0) + 1
        self.services: dict[str, Service] = {}
        for service in s.execute(select(Service)).scalars():
            self.services[fold(service.name)] = self.services[fold(service.key)] = service
        self.managers: dict[str, uuid.UUID] = {}
        self.names: dict[uuid.UUID, str] = {sv.id: sv.name for sv in self.services.values()}
        for manager in s.execute(select(Manager)).scalars():
            self.names[manager.id] = manager.name
            self.managers[fold(manager.name)] = manager.id
            if manager.login:
                self.managers[fold(manager.login)] = manager.id
        self.contacts: dict[tuple[uuid.UUID, str], Contact] = {}
        self.projects: dict[tuple[uuid.UUID, str], Project] = {}
        if kind == "contacts":
            for contact in s.execute(
                select(Contact).where(col(Contact.deleted_at).is_(None))
            ).scalars():
                self.contacts[(contact.client_id, fold(getattr(contact, key) or ""))] = contact
        if kind == "projects":
            for project in s.execute(
                select(Project).where(col(Project.deleted_at).is_(None))
            ).scalars():
                self.projects[(project.client_id, fold(project.name))] = project

    def _know(self, client: Client) -> None:
        self.clients[fold(client.name)] = client
        if client.legal_name:
            self.legal[fold(client.legal_name)] = client
        self.numbered[client.number] = client

    def fail(self, number: int, field_key: str, message: str) -> None:
        column = self.headers.get(field_key, self.labels.get(field_key, field_key))
        self.errors.append(RowError(number, column, message))
        self.failed.add(number)

    def row(self, number: int, raw: dict[str, str]) -> None:
        raw = {k: v.strip() for k, v in raw.items()}
        self.line = number
        for key, value in raw.items():
            if problem := text_problem(value):
                self.fail(number, key, problem)
        if any(raw.values()) and number not in self.failed:
            handlers = {
                "clients": self._client,
                "contacts": self._contact,
                "projects": self._project,
                "services": self._catalogue,
            }
            handlers[self.kind](number, raw)

    def _first(self, number: int, value: Any, field_key: str) -> bool:
        """False (and an error) when an earlier line of the file had the same key."""
        first = self.seen.setdefault(value, number)
        if first != number:
            label = self.labels[field_key].lower()
            self.fail(
                number,
                field_key,
                translate("Import", "the same {label} as line {first}").format(
                    label=label, first=first
                ),
            )
        return first == number

    def _checked(self, number: int, model: type[Any], data: dict[str, Any]) -> Any:
        try:
            return validate(model, data)
        except ValidationError as exc:
            for name, message in exc.errors.items():
                self.fail(number, name.removesuffix("_id"), message)
            return None

    def _apply(self, row: Any, values: Mapping[str, Any], new: bool) -> None:
        if self.line in self.failed:
            return
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        for name in changed:
            setattr(row, name, values[name])
        if new:
            self.created += 1
            self.s.add(row)
        elif changed:
            row.updated_at = utcnow()
            self.updated += 1
        else:
            self.unchanged += 1
        self.preview.append(
            {
                self.labels.get(k.removesuffix("_id"), k): self._shown(k, v)
                for k, v in values.items()
            }
        )

    def _shown(self, name: str, value: Any) -> str:
        """A stored value as a person reads it: money in units, names instead of ids."""
        if value is None:
            return ""
        if name == "monthly_budget":
            return f"{value / 100:,.2f}".replace(",", " ")
        if name in ("service_id", "manager_id"):
            return self.names.get(value, "")
        return value.isoformat() if isinstance(value, date) else str(value)

    def _client_of(self, number: int, text: str) -> Client | None:
        code = parse_code(CLIENT, text)
        found = self.numbered.get(code) if code is not None else self.clients.get(fold(text))
        if found is None:
            self.fail(
                number,
                "client",
                translate(
                    "Import", "no client “{text}” in this agency; import clients first"
                ).format(text=text),
            )
        return found

    def _client(self, number: int, raw: dict[str, str]) -> None:
        data: dict[str, Any] = {k: v for k, v in raw.items() if v}
        edit = self._checked(number, ClientEdit, {"name": "", **data})
        if edit is None:
            return
        match = fold(getattr(edit, self.key))
        if not match:
            self.fail(number, self.key, translate("Import", "is needed to match the client"))
            return
        if not self._first(number, match, self.key):
            return
        existing = (self.clients if self.key == "name" else self.legal).get(match)
        client = existing or Client(number=self.next_client, name=edit.name)
        if existing is None:
            self.next_client += 1
        self._apply(client, {k: getattr(edit, k) for k in data}, existing is None)
        self._know(client)

    def _contact(self, number: int, raw: dict[str, str]) -> None:
        client = self._client_of(number, raw.pop("client"))
        data: dict[str, Any] = {k: v for k, v in raw.items() if v}
        if "birthday" in data and (born := _date(data["birthday"])) is None:
            self.fail(
                number,
                "birthday",
                translate("Import", "must be a date, such as 23.11.1985 or 1985-11-23"),
            )
            return
        if "birthday" in data:
            data["birthday"] = born
        edit = self._checked(number, ContactEdit, {"name": "", **data})
        if edit is None or client is None:
            return
        match = (client.id, fold(getattr(edit, self.key)))
        if not match[1]:
            self.fail(number, self.key, translate("Import", "is needed to match the contact"))
            return
        if not self._first(number, match, self.key):
            return
        existing = self.contacts.get(match)
        contact = existing or Contact(client_id=client.id, name=edit.name)
        self._apply(contact, {k: getattr(edit, k) for k in data}, existing is None)
        self.contacts[match] = contact

    def _project(self, number: int, raw: dict[str, str]) -> None:
        client = self._client_of(number, raw.pop("client"))
        service = self._look_up(number, "service", raw.pop("service"), self.services)
        manager_text = raw.pop("manager", "")
        manager = (
            self._look_up(number, "manager", manager_text, self.managers) if manager_text else None
        )
        data: dict[str, Any] = {"name": raw.get("name", "")}
        for name, parse, message in (
            (
                "status",
                _status,
                translate("Import", "must be planned, active, paused or done"),
            ),
            (
                "deadline",
                _date,
                translate("Import", "must be a date, such as 31.12.2026"),
            ),
            (
                "weekly_effort_hours",
                _hours,
                translate("Import", "must be a number of hours, like 6 or 1.5"),
            ),
        ):
            if raw.get(name):
                value = parse(raw[name])
                if value is None:
                    self.fail(number, name, message)
                else:
                    data[name] = value
        if number in self.failed or client is None:  # a client not found failed the line
            return
        edit = self._checked(
            number,
            ProjectCreate,
            {**data, "client_id": client.id, "service_id": service.id, "manager_id": manager},
        )
        if edit is None:
            return
        match = (client.id, fold(edit.name))
        if not self._first(number, match, "name"):
            return
        existing = self.projects.get(match)
        values = {k: getattr(edit, k) for k in data} | {"service_id": service.id}
        if manager_text:
            values["manager_id"] = manager
        project = existing or Project(
            number=self.next_project, name=edit.name, client_id=client.id, service_id=service.id
        )
        if existing is None:
            self.next_project += 1
        self._apply(project, values, existing is None)
        self.projects[match] = project

    def _catalogue(self, number: int, raw: dict[str, str]) -> None:
        data = {k: v for k, v in raw.items() if v}
        edit = self._checked(number, ServiceCreate, {"name": "", **data})
        if edit is None:
            return
        key = edit.key or fold(edit.name).replace(" ", "-")[:40]
        match = fold(edit.name if self.key == "name" else key)
        if not self._first(number, match, self.key):
            return
        existing = self.services.get(match)
        taken = self.services.get(fold(key))
        if taken is not None and taken is not existing:
            self.fail(
                number,
                "key",
                translate("Import", "“{key}” is the key of another service").format(key=key),
            )
            return
        values = {"name": edit.name} | ({"key": key} if edit.key or existing is None else {})
        count = len({sv.key for sv in self.services.values()})
        service = existing or Service(key=key, name=edit.name, position=count + 1)
        self._apply(service, values, existing is None)
        self.services[fold(service.name)] = self.services[fold(service.key)] = service
        self.names[service.id] = service.name

    def _look_up(self, number: int, field_key: str, text: str, known: Mapping[str, Any]) -> Any:
        found = known.get(fold(text))
        if found is None:
            self.fail(
                number,
                field_key,
                translate("Import", "“{text}” is not a {field_key} of this agency").format(
                    text=text, field_key=field_key
                ),
            )
        return found


def _hours(text: str) -> float | None:
    number = typed_number(text)
    return None if number is None else float(number)


def _date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _status(text: str) -> str | None:
    word = fold(text)
    for status, words in STATUS_WORDS.items():
        if word in map(fold, words):
            return ProjectStatus(status).value
    return None
