"""The whole agency as one JSON document, and back into an empty database.

An agency must always be able to take its data out in a form any tool reads. The document
names its format and schema revision, holds every table row by row (ordered by id, keys
sorted), and is written the same way every time: export, import into an empty database and
export again gives the same bytes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    Table,
    UniqueConstraint,
    Uuid,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import JSON
from sqlmodel import SQLModel

import accdesk.models  # noqa: F401  (the tables must be registered on the metadata)
from accdesk.changes import Changes
from accdesk.errors import AccdeskError
from accdesk.ops.rows import row_problems
from accdesk.storage.db import Database
from accdesk.storage.migrations import SCHEMA_HEAD
from accdesk.text import translate
from accdesk.types import UTCDateTime

FORMAT = "accdesk-archive"
BATCH = 5_000
Progress = Callable[[int, int], None]


class ArchiveError(AccdeskError):
    """A document that cannot be restored here, said in one sentence."""


def _tables() -> list[Table]:
    """Every table in the order rows can be inserted (referenced tables first)."""
    return list(SQLModel.metadata.sorted_tables)


def _out(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, Uuid):
        return str(value)
    if isinstance(column_type, UTCDateTime | Date):
        return value.isoformat()
    return value


def _in(column_type: Any, value: Any, where: str) -> Any:
    if value is None:
        return None
    parse: Callable[[str], Any] | None = None
    if isinstance(column_type, Uuid):
        parse = uuid.UUID
    elif isinstance(column_type, UTCDateTime):
        parse = _moment
    elif isinstance(column_type, Date):
        parse = date.fromisoformat
    if parse is not None:
        try:
            if not isinstance(value, str):
                raise TypeError(translate("Archive", "it is not text"))
            return parse(value)
        except (TypeError, ValueError) as exc:
            raise ArchiveError(
                translate("Archive", "{where}: {value!r} is not a valid value ({exc})").format(
                    where=where, value=_short(value), exc=exc
                )
            ) from exc
    if isinstance(column_type, JSON):
        return value
    expected = column_type.python_type
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ArchiveError(
            translate("Archive", "{where}: {value!r} is not a {kind}").format(
                where=where, value=_short(value), kind=expected.__name__
            )
        )
    return value


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(translate("Archive", "no time zone"))
    return moment


def _short(value: Any) -> Any:
    """A value fit for a one-line message."""
    return value[:60] + "…" if isinstance(value, str) and len(value) > 60 else value


def export_archive(db: Database, progress: Progress | None = None) -> bytes:
    """Every row of every table, as UTF-8 JSON."""
    tables = _tables()
    document: dict[str, Any] = {"format": FORMAT, "schema": SCHEMA_HEAD, "tables": {}}
    with db.connection() as con:
        for done, table in enumerate(tables):
            columns = list(table.columns)
            rows = con.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            document["tables"][table.name] = [
                {c.name: _out(c.type, v) for c, v in zip(columns, row, strict=True)} for row in rows
            ]
            if progress is not None:
                progress(done + 1, len(tables))
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


def import_archive(db: Database, data: bytes, progress: Progress | None = None) -> Changes:
    """Restore a document into an empty database of the same schema, in one transaction:
    every row or, on any problem, none.

    Every row is checked before anything is written: by the rules the forms apply
    (`accdesk.ops.rows`), and for keys that repeat or point at no row, so a refusal names
    the table, the row and the column rather than a constraint of the engine."""
    tables = _tables()
    stored = _document(data, {t.name for t in tables})
    rows = _checked_rows(tables, stored)
    total = sum(len(batch) for batch in rows.values())
    done = 0
    with db.transaction() as s:
        con = s.connection()
        for table in tables:
            count = _count(con, table)
            if count:
                raise ArchiveError(
                    translate(
                        "Archive",
                        "the database is not empty ({name} has {count} rows); restore into a new database",  # noqa: E501
                    ).format(name=table.name, count=count)
                )
        for table in tables:
            table_rows = rows[table.name]
            for first in range(0, len(table_rows), BATCH):
                batch = table_rows[first : first + BATCH]
                try:
                    con.execute(insert(table), batch)
                except IntegrityError as exc:
                    raise ArchiveError(
                        translate(
                            "Archive",
                            "{name}: the database refused a row ({exc}); nothing was written",
                        ).format(name=table.name, exc=str(exc.orig).splitlines()[0])
                    ) from exc
                done += len(batch)
                if progress is not None:
                    progress(done, total)
    return Changes.of_tables(t.name for t in tables)


def _document(data: bytes, known: set[str]) -> dict[str, Any]:
    """The tables of an archive of this schema, or one sentence saying why it is not one."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchiveError(
            translate("Archive", "this is not an accdesk archive: {exc}").format(exc=exc)
        ) from exc
    except RecursionError as exc:
        raise ArchiveError(
            translate("Archive", "this is not an accdesk archive: it is nested too deep")
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveError(
            translate("Archive", "this is not an accdesk archive (its format is not named)")
        )
    if document.get("schema") != SCHEMA_HEAD:
        raise ArchiveError(
            translate(
                "Archive",
                "the archive has schema {found!r} and this accdesk {ours!r}; restore it with the accdesk that made it",  # noqa: E501
            ).format(found=_short(document.get("schema")), ours=SCHEMA_HEAD)
        )
    stored = document.get("tables")
    if not isinstance(stored, dict):
        raise ArchiveError(translate("Archive", "the archive holds no tables"))
    unknown = sorted(set(stored) - known)
    if unknown:
        raise ArchiveError(
            translate(
                "Archive", "the archive has tables this accdesk does not know: {unknown}"
            ).format(unknown=[_short(u) for u in unknown[:5]])
        )
    return stored


def _checked_rows(tables: list[Table], stored: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every row parsed and checked, tables in insertion order, or the first problem."""
    keys: dict[str, set[Any]] = {}  # table -> its primary keys seen so far
    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        given = stored.get(table.name, [])
        if not isinstance(given, list):
            raise ArchiveError(
                translate("Archive", "{name} is not a list of rows").format(name=table.name)
            )
        unique = _unique_sets(table)
        seen: list[set[tuple[Any, ...]]] = [set() for _ in unique]
        rows = out[table.name] = []
        for n, raw in enumerate(given, start=1):
            where = f"{table.name} row {n}"
            row = _row(table, raw, where)
            if problems := row_problems(table, row):
                column, problem = next(iter(problems.items()))
                raise ArchiveError(f"{where}, {column}: {problem}")
            for columns, values in zip(unique, seen, strict=True):
                key = tuple(row[c] for c in columns)
                if None in key:
                    continue
                if key in values:
                    raise ArchiveError(
                        translate("Archive", "{where}: {columns} repeats an earlier row").format(
                            where=where, columns=", ".join(columns)
                        )
                    )
                values.add(key)
            for fk in table.foreign_keys:
                value = row[fk.parent.name]
                if value is not None and value not in keys.get(fk.column.table.name, set()):
                    raise ArchiveError(
                        translate(
                            "Archive", "{where}, {column}: no {target} row has the id {value}"
                        ).format(
                            where=where,
                            column=fk.parent.name,
                            target=fk.column.table.name,
                            value=value,
                        )
                    )
            rows.append(row)
        keys[table.name] = {row["id"] for row in rows}
    return out


def _unique_sets(table: Table) -> list[tuple[str, ...]]:
    """The column sets whose values no two rows of `table` may share."""
    sets = {tuple(c.name for c in table.primary_key.columns)}
    sets |= {(c.name,) for c in table.columns if c.unique}
    sets |= {
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    }
    return sorted(sets)


def copy_agency(
    source: Database, target: Database, *, replace: bool = False, progress: Progress | None = None
) -> dict[str, int]:
    """Every row of `source` into `target` (SQLite or a server, either way), ids kept, in
    one transaction on the target; the rows of each table are counted on both sides before
    it commits. A target with rows is refused unless `replace`, which empties it first."""
    tables = _tables()
    counts: dict[str, int] = {}
    with source.connection() as reader, target.transaction() as s:
        writer = s.connection()
        filled = {t.name: n for t in tables if (n := _count(writer, t))}
        if filled and not replace:
            name, n = next(iter(filled.items()))
            raise ArchiveError(
                translate(
                    "Archive",
                    "the target is not empty ({name} has {value} rows); copy into a new database, or ask to replace what it holds",  # noqa: E501
                ).format(name=name, value=n)
            )
        for table in reversed(tables):
            writer.execute(delete(table))
        total = sum(_count(reader, t) for t in tables)
        done = 0
        for table in tables:
            result = reader.execution_options(yield_per=BATCH).execute(select(table))
            for batch in result.partitions():
                writer.execute(insert(table), [dict(row._mapping) for row in batch])
                done += len(batch)
                if progress is not None:
                    progress(done, total)
            counts[table.name] = _count(reader, table)
            if _count(writer, table) != counts[table.name]:
                raise ArchiveError(
                    translate("Archive", "{name} did not copy whole; nothing was written").format(
                        name=table.name
                    )
                )
    return counts


def _count(con: Connection, table: Table) -> int:
    return int(con.execute(select(func.count()).select_from(table)).scalar_one())


def _row(table: Table, row: Any, where: str) -> dict[str, Any]:
    if not isinstance(row, Mapping):
        raise ArchiveError(translate("Archive", "{where} is not an object").format(where=where))
    names = {c.name for c in table.columns}
    unknown = sorted(set(row) - names)
    if unknown:
        raise ArchiveError(
            translate(
                "Archive", "{where} has columns this accdesk does not know: {unknown}"
            ).format(where=where, unknown=unknown)
        )
    missing = sorted(names - set(row))
    if missing:
        raise ArchiveError(
            translate("Archive", "{where} lacks columns: {missing}").format(
                where=where, missing=missing
            )
        )
    return {c.name: _in(c.type, row[c.name], f"{where}, {c.name}") for c in table.columns}
