"""Commands that move a whole agency's data: the demo, backups and restores, the check,
export and import, copying to another database."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from accdesk.cli.common import emit
from accdesk.demo.agency import create_demo
from accdesk.errors import AccdeskError
from accdesk.ops.archive import copy_agency, export_archive, import_archive
from accdesk.ops.importing import guess_mapping, import_rows
from accdesk.ops.summary import counts
from accdesk.storage.backup import list_backups, restore, rolling_backup
from accdesk.storage.db import open_database, resolve_url, sqlite_path
from accdesk.storage.files import read_input, write_export
from accdesk.storage.migrations import SCHEMA_HEAD
from accdesk.storage.sheets_in import read_table
from accdesk.storage.sqlitefile import FileState, copy_database, inspect_sqlite, table_counts


def demo_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    db = open_database(args.db)
    try:
        create_demo(db, scale=args.scale, seed=args.seed, lang=args.demo_lang)
        figures = counts(db)
    finally:
        db.close()
    seconds = time.perf_counter() - started
    text = (
        f"Demo agency ({args.scale}) created in {db.location} in {seconds:.1f} s: "
        f"{figures.managers} managers, {figures.clients} clients, {figures.projects} projects, "
        f"{figures.requests} requests, {figures.briefs} briefs."
    )
    emit(args, text, {"database": db.location, "seconds": round(seconds, 2), **asdict(figures)})
    return 0


def _sqlite_file(args: argparse.Namespace) -> Path:
    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise AccdeskError("backups are made of SQLite files; a server database has its own tools")
    return path


def backup_command(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    if args.list:
        found = list_backups(path)
        lines = [
            f"{b.taken_at:%Y-%m-%d %H:%M}  {b.kind:6}  {b.clients} clients, {b.projects} projects, "
            f"{b.briefs} briefs  {b.path}"
            for b in found
        ]
        data = [
            {**asdict(b), "path": str(b.path), "taken_at": b.taken_at.isoformat()} for b in found
        ]
        emit(args, "\n".join(lines) or f"no backups of {path} yet", {"backups": data})
        return 0
    inspection = inspect_sqlite(path, check=None)
    if inspection.state in (FileState.MISSING, FileState.BLANK):
        raise AccdeskError(f"{path} holds no accdesk database to back up")
    written = (
        copy_database(path, Path(args.to).expanduser().resolve())
        if args.to
        else rolling_backup(path)
    )
    counts = table_counts(written, ("client", "project", "brief"))
    text = (
        f"Backed up {path} to {written} (verified): {counts['client']} clients, "
        f"{counts['project']} projects, {counts['brief']} briefs."
    )
    emit(args, text, {"database": str(path), "backup": str(written), **counts})
    return 0


def restore_command(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    source = Path(args.file).expanduser().resolve()
    aside = restore(source, path)
    kept = f" The database it replaced is kept as {aside}." if aside else ""
    emit(
        args,
        f"Restored {path} from {source}.{kept}",
        {"database": str(path), "kept_as": str(aside or "")},
    )
    return 0


def check_command(args: argparse.Namespace) -> int:
    """Report on a database without ever writing to it."""
    url = resolve_url(args.db)
    path = sqlite_path(url)
    if path is None:
        db = open_database(url, create=False)
        db.close()
        emit(args, f"ok: {db.location}, schema {SCHEMA_HEAD}", {"ok": True, "schema": SCHEMA_HEAD})
        return 0
    inspection = inspect_sqlite(path, check="integrity_check")
    if inspection.state is FileState.MISSING:
        raise AccdeskError(f"{path} does not exist")
    if inspection.state is FileState.BLANK:
        raise AccdeskError(f"{path} is an empty SQLite file, not an accdesk database")
    if inspection.state is FileState.OUTDATED:
        text = (
            f"ok: {path}, schema {inspection.revision} (older; it will be upgraded to "
            f"{SCHEMA_HEAD} after a backup the next time accdesk opens it), integrity ok"
        )
    else:
        text = f"ok: {path}, schema {inspection.revision} (current), integrity ok"
    emit(args, text, {"ok": True, "schema": inspection.revision, "current": SCHEMA_HEAD})
    return 0


def export_all_command(args: argparse.Namespace) -> int:
    # Read-only: the window may have the database open meanwhile.
    db = open_database(args.db, read_only=True)
    try:
        data = export_archive(db)
        figures = counts(db)
    finally:
        db.close()
    path = write_export(Path(args.output).expanduser().resolve(), data)
    text = (
        f"Wrote {path} ({len(data):,} bytes): {figures.clients} clients, "
        f"{figures.projects} projects, {figures.requests} requests, {figures.briefs} briefs."
    )
    emit(args, text, {"file": str(path), "bytes": len(data), **asdict(figures)})
    return 0


def copy_command(args: argparse.Namespace) -> int:
    source = open_database(args.source, read_only=True)
    try:
        target = open_database(args.target)
        try:
            counts = copy_agency(source, target, replace=args.replace)
        finally:
            target.close()
    finally:
        source.close()
    rows = sum(counts.values())
    text = f"Copied {rows:,} rows from {source.location} to {target.location}; every table counted."
    emit(args, text, {"from": source.location, "to": target.location, "tables": counts})
    return 0


def import_all_command(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    data = read_input(source)
    db = open_database(args.db)
    try:
        import_archive(db, data)
        figures = counts(db)
    finally:
        db.close()
    text = (
        f"Restored {source} into {db.location}: {figures.clients} clients, "
        f"{figures.projects} projects, {figures.requests} requests, {figures.briefs} briefs."
    )
    emit(args, text, {"database": db.location, **asdict(figures)})
    return 0


def import_rows_command(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    data = read_input(source)
    table = read_table(data, source.name, encoding=args.encoding, delimiter=args.delimiter)
    mapping = guess_mapping(args.kind, table.headers)
    if args.map:
        mapping = _mapping(args.map, table.headers)
    db = open_database(args.db)
    try:
        report = import_rows(
            db,
            args.kind,
            table,
            mapping,
            key=args.key,
            stop_on_errors=args.stop_on_errors,
            dry_run=args.dry_run,
        )
    finally:
        db.close()
    verb = (
        "Would import" if args.dry_run else ("Imported" if report.written else "Imported nothing")
    )
    lines = [
        f"{verb} from {source.name}: {report.created} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.errors)} problem(s)."
    ]
    columns = ", ".join(f"{k} ← {table.headers[c]}" for k, c in mapping.items())
    lines.append(f"  columns: {columns}")
    lines += [f"  line {e.row}, {e.column}: {e.message}" for e in report.errors]
    data_out = {
        "kind": report.kind,
        "written": report.written,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "errors": [asdict(e) for e in report.errors],
        "mapping": {k: table.headers[c] for k, c in mapping.items()},
    }
    emit(args, "\n".join(lines), data_out)
    return 0 if not report.errors else 1


def _mapping(text: str, headers: Sequence[str]) -> dict[str, int]:
    try:
        given = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AccdeskError(f"--map is not JSON: {exc}") from exc
    if not isinstance(given, dict):
        raise AccdeskError('--map must be an object such as {"name": "Клиент"}')
    mapping = {}
    for name, column in given.items():
        if isinstance(column, int) and not isinstance(column, bool):
            mapping[name] = column
        elif column in headers:
            mapping[name] = headers.index(column)
        else:
            raise AccdeskError(f"--map: the file has no column {column!r} (for {name})")
    return mapping
