"""The `accdesk` command line: subcommands for scripts and team leads, no Qt involved.

The same parser also carries the window's own options (`--screenshot`), so `accdesk --help`
documents everything in one place; the window's start-up code in `ui` reads those.
Expected problems print one line on stderr and exit 1; bugs still raise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from accdesk import __version__
from accdesk.demo.agency import LANGUAGES, SCALES, create_demo
from accdesk.errors import AccdeskError
from accdesk.facts import RESPONSE_BUCKETS
from accdesk.ops.agenda import agenda, to_ics
from accdesk.ops.archive import copy_agency, export_archive, import_archive
from accdesk.ops.briefs import EXPORT_FORMATS, PdfMaker, export_bytes, find_brief
from accdesk.ops.importing import KEYS as IMPORT_KEYS
from accdesk.ops.importing import KINDS, guess_mapping, import_rows, read_table
from accdesk.ops.readmodels import ManagerLoad, TeamLoad
from accdesk.ops.requests import add_request, find_client, find_manager
from accdesk.ops.settings import agency_timezone
from accdesk.ops.stats import ResponseFigures, response_stats
from accdesk.ops.summary import counts
from accdesk.ops.team import link_login
from accdesk.ops.workload import moves_of, reassign, suggest_rebalance, team_workload
from accdesk.storage.backup import list_backups, restore, rolling_backup
from accdesk.storage.db import open_database, resolve_url, sqlite_path
from accdesk.storage.files import read_input, write_export
from accdesk.storage.migrations import SCHEMA_HEAD
from accdesk.storage.sqlitefile import FileState, copy_database, inspect_sqlite, table_counts
from accdesk.types import utcnow

Command = Callable[[argparse.Namespace], int]


def _db_option(parser: argparse.ArgumentParser, *, default: object = None) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="database file or URL (default: $ACCDESK_DB, then the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accdesk",
        description="Workplace for agency account managers. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"accdesk {__version__}")
    _db_option(parser)
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="open the window at 1440x900, save a picture of it to FILE and exit",
    )
    parser.add_argument(
        "--lang",
        choices=("ru", "en"),
        help="the window's language for this run (default: as chosen in Edit → Language, "
        "else the system's)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill an empty database with a demo agency")
    _db_option(demo, default=argparse.SUPPRESS)
    demo.add_argument("--scale", choices=sorted(SCALES), default="demo")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same agency (default 1)")
    demo.add_argument(
        "--lang",
        dest="demo_lang",
        choices=LANGUAGES,
        default="ru",
        help="the language of the agency's names and texts (default ru)",
    )
    demo.add_argument("--json", action="store_true", help="print the result as JSON")
    demo.set_defaults(run=_demo)

    backup = sub.add_parser("backup", help="back up a database (verified copy)")
    _db_option(backup, default=argparse.SUPPRESS)
    backup.add_argument("--to", metavar="FILE", help="write this file instead of the rolling set")
    backup.add_argument("--list", action="store_true", help="list the rolling set, newest first")
    backup.add_argument("--json", action="store_true", help="print the result as JSON")
    backup.set_defaults(run=_backup)

    restore = sub.add_parser(
        "restore", help="replace a database with a backup (the old one is kept)"
    )
    _db_option(restore, default=argparse.SUPPRESS)
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--json", action="store_true", help="print the result as JSON")
    restore.set_defaults(run=_restore)

    check = sub.add_parser("check", help="check a database: schema version and integrity")
    _db_option(check, default=argparse.SUPPRESS)
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(run=_check)

    brief = sub.add_parser("brief", help="task briefs").add_subparsers(
        dest="brief_command", metavar="ACTION", required=True
    )
    export = brief.add_parser("export", help="write a brief as Markdown, HTML or PDF")
    _db_option(export, default=argparse.SUPPRESS)
    export.add_argument("code", metavar="CODE", help="the brief's code (B-0007) or id prefix")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="md")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument("--json", action="store_true", help="print the result as JSON")
    export.set_defaults(run=_brief_export)

    request = sub.add_parser("request", help="client requests").add_subparsers(
        dest="request_command", metavar="ACTION", required=True
    )
    add = request.add_parser("add", help="record a client request and print its deadline")
    _db_option(add, default=argparse.SUPPRESS)
    add.add_argument("--client", required=True, metavar="CODE_OR_NAME")
    add.add_argument("--text", required=True, help="what the client asked")
    add.add_argument("--received", metavar="ISO", help="when it arrived (default: now)")
    add.add_argument("--channel", default="email", help="email, telegram, phone... (default email)")
    add.add_argument("--json", action="store_true", help="print the result as JSON")
    add.set_defaults(run=_request_add)

    team = sub.add_parser("team", help="a team database's logins").add_subparsers(
        dest="team_command", metavar="ACTION", required=True
    )
    link = team.add_parser("link", help="let a PostgreSQL login act for a manager")
    _db_option(link, default=argparse.SUPPRESS)
    link.add_argument("--manager", required=True, metavar="LOGIN_OR_NAME")
    link.add_argument("--login", required=True, help="the person's own PostgreSQL login")
    link.add_argument(
        "--role",
        choices=("manager", "team_lead"),
        help="also make them an account manager or a team lead",
    )
    link.add_argument("--json", action="store_true", help="print the result as JSON")
    link.set_defaults(run=_team_link)

    day = sub.add_parser("agenda", help="a manager's plan for a day")
    _db_option(day, default=argparse.SUPPRESS)
    day.add_argument("--manager", required=True, metavar="LOGIN_OR_NAME")
    day.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD")
    day.add_argument("--ics", metavar="FILE", help="also write the day's plan as iCalendar")
    day.add_argument("--json", action="store_true", help="print the result as JSON")
    day.set_defaults(run=_agenda)

    stats = sub.add_parser("stats", help="statistics").add_subparsers(
        dest="stats_command", metavar="WHAT", required=True
    )
    responses = stats.add_parser("responses", help="first-response times in the survey's bands")
    _db_option(responses, default=argparse.SUPPRESS)
    responses.add_argument("--from", dest="start", type=date.fromisoformat, metavar="DATE")
    responses.add_argument("--to", dest="end", type=date.fromisoformat, metavar="DATE")
    responses.add_argument("--manager", metavar="LOGIN_OR_NAME")
    responses.add_argument("--json", action="store_true", help="print the result as JSON")
    responses.set_defaults(run=_stats_responses)

    take_out = sub.add_parser("export", help="take data out").add_subparsers(
        dest="export_command", metavar="WHAT", required=True
    )
    everything = take_out.add_parser("all", help="the whole database as one JSON document")
    _db_option(everything, default=argparse.SUPPRESS)
    everything.add_argument("-o", "--output", metavar="FILE.json", required=True)
    everything.add_argument("--json", action="store_true", help="print the result as JSON")
    everything.set_defaults(run=_export_all)

    bring_in = sub.add_parser("import", help="bring data in").add_subparsers(
        dest="import_command", metavar="WHAT", required=True
    )
    restore_all = bring_in.add_parser(
        "all", help="restore a JSON document from `export all` into an empty database"
    )
    _db_option(restore_all, default=argparse.SUPPRESS)
    restore_all.add_argument("file", metavar="FILE.json")
    restore_all.add_argument("--json", action="store_true", help="print the result as JSON")
    restore_all.set_defaults(run=_import_all)
    for kind in KINDS:
        rows = bring_in.add_parser(kind, help=f"{kind} from a CSV or XLSX file")
        _db_option(rows, default=argparse.SUPPRESS)
        rows.add_argument("file", metavar="FILE")
        rows.add_argument(
            "--map",
            metavar="JSON",
            help='which column holds each field, e.g. \'{"name": "Клиент"}\' (default: guessed'
            " from the headers)",
        )
        rows.add_argument("--key", choices=IMPORT_KEYS[kind], help="what rows are matched on")
        rows.add_argument("--encoding", help="the CSV's encoding (default: detected)")
        rows.add_argument("--delimiter", help="the CSV's delimiter (default: detected)")
        rows.add_argument(
            "--stop-on-errors", action="store_true", help="write nothing if any row is wrong"
        )
        rows.add_argument("--dry-run", action="store_true", help="check and report only")
        rows.add_argument("--json", action="store_true", help="print the result as JSON")
        rows.set_defaults(run=_import_rows, kind=kind)

    copy = sub.add_parser(
        "copy", help="copy every row to another database (SQLite or a team server), ids kept"
    )
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
    copy.add_argument(
        "--replace", action="store_true", help="empty a target that has data, then copy"
    )
    copy.add_argument("--json", action="store_true", help="print the result as JSON")
    copy.set_defaults(run=_copy)

    workload = sub.add_parser("workload", help="projects, load and capacity per manager")
    _db_option(workload, default=argparse.SUPPRESS)
    workload.add_argument("--json", action="store_true", help="print the result as JSON")
    workload.set_defaults(run=_workload)

    balance = sub.add_parser(
        "rebalance", help="suggest moves that even out the team's load (and apply them)"
    )
    _db_option(balance, default=argparse.SUPPRESS)
    mode = balance.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="only list the moves (the default)")
    mode.add_argument("--apply", action="store_true", help="make the moves, in one transaction")
    balance.add_argument("--json", action="store_true", help="print the result as JSON")
    balance.set_defaults(run=_rebalance)
    return parser


def _emit(args: argparse.Namespace, text: str, data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)


def _demo(args: argparse.Namespace) -> int:
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
    _emit(args, text, {"database": db.location, "seconds": round(seconds, 2), **asdict(figures)})
    return 0


def _sqlite_file(args: argparse.Namespace) -> Path:
    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise AccdeskError("backups are made of SQLite files; a server database has its own tools")
    return path


def _backup(args: argparse.Namespace) -> int:
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
        _emit(args, "\n".join(lines) or f"no backups of {path} yet", {"backups": data})
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
    _emit(args, text, {"database": str(path), "backup": str(written), **counts})
    return 0


def _restore(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    source = Path(args.file).expanduser().resolve()
    aside = restore(source, path)
    kept = f" The database it replaced is kept as {aside}." if aside else ""
    _emit(
        args,
        f"Restored {path} from {source}.{kept}",
        {"database": str(path), "kept_as": str(aside or "")},
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    """Report on a database without ever writing to it."""
    url = resolve_url(args.db)
    path = sqlite_path(url)
    if path is None:
        db = open_database(url, create=False)
        db.close()
        _emit(args, f"ok: {db.location}, schema {SCHEMA_HEAD}", {"ok": True, "schema": SCHEMA_HEAD})
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
    _emit(args, text, {"ok": True, "schema": inspection.revision, "current": SCHEMA_HEAD})
    return 0


def _brief_export(args: argparse.Namespace) -> int:
    # Read-only: exporting works while the window has the database open.
    db = open_database(args.db, read_only=True)
    try:
        brief = find_brief(db, args.code)
        data = export_bytes(db, brief, args.format, args.pdf)
    finally:
        db.close()
    if args.output is None:
        if args.format == "pdf":
            raise AccdeskError("a PDF goes to a file: add -o FILE.pdf")
        sys.stdout.write(data.decode())
        return 0
    path = write_export(Path(args.output).expanduser().resolve(), data)
    _emit(
        args,
        f"Wrote {brief.code} “{brief.title}” (level {brief.level}) to {path}",
        {"brief": brief.code, "format": args.format, "file": str(path), "bytes": len(data)},
    )
    return 0


def _moment(text: str | None, zone: str) -> datetime:
    """An ISO time from the command line; without an offset it is the agency's local time."""
    if text is None:
        return utcnow()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise AccdeskError(
            f"--received: “{text}” is not an ISO time like 2026-11-23T10:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))


def _request_add(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        zone = agency_timezone(db)
        data = {
            "client_id": find_client(db, args.client),
            "text": args.text,
            "channel": args.channel,
            "received_at": _moment(args.received, zone),
        }
        row, _ = add_request(db, data)
    finally:
        db.close()
    assert row.due_at is not None
    ours = row.due_at.astimezone(ZoneInfo(zone))
    theirs = row.due_at.astimezone(ZoneInfo(row.client_zone))
    text = (
        f"{row.client_code} {row.client_name}: answer by {ours:%a %d.%m.%Y %H:%M} ({zone}), "
        f"{theirs:%a %H:%M} the client's time ({row.client_zone})"
        + (f"; for {row.manager}" if row.manager else "")
    )
    data_out = {
        "id": str(row.id),
        "client": row.client_code,
        "received_at": row.received_at.isoformat(),
        "due_at": row.due_at.isoformat(),
        "due_agency": ours.isoformat(),
        "due_client": theirs.isoformat(),
        "manager": row.manager or None,
    }
    _emit(args, text, data_out)
    return 0


def _team_link(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        done = link_login(db, find_manager(db, args.manager), args.login, role=args.role)
    finally:
        db.close()
    text = f"{args.login} now acts for {done.manager}."
    if done.server_has_login is False:
        text += (
            f" The server has no login {args.login} yet; an administrator creates it in psql:"
            f" {done.create_login}"
        )
    _emit(
        args,
        text,
        {"login": args.login, "manager": done.manager, "server_has_login": done.server_has_login},
    )
    return 0


def _agenda(args: argparse.Namespace) -> int:
    db = open_database(args.db, read_only=args.ics is None)
    try:
        manager_id = find_manager(db, args.manager)
        now = utcnow()
        zone = ZoneInfo(agency_timezone(db))
        plan = agenda(db, manager_id, args.date or now.astimezone(zone).date(), now)
    finally:
        db.close()
    if args.ics:
        path = write_export(Path(args.ics).expanduser().resolve(), to_ics([plan], now))
    lines = [f"{plan.manager}, {plan.day:%a %d.%m.%Y}"]
    rows: list[dict[str, Any]] = []
    entries = sorted(
        [(p.start, p.end, p.item.title, p.item.kind, "planned") for p in plan.plan.planned]
        + [(b.start, b.end, b.title, "block", "fixed") for b in plan.plan.blocks]
    )
    for start, end, title, kind, state in entries:
        lines.append(f"  {start.astimezone(zone):%H:%M}-{end.astimezone(zone):%H:%M}  {title}")
        rows.append(
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "title": title,
                "kind": kind,
                "state": state,
            }
        )
    for item in plan.plan.not_fitting:
        lines.append(f"  does not fit  {item.title} ({item.minutes} min)")
        rows.append(
            {
                "title": item.title,
                "kind": item.kind,
                "state": "not_fitting",
                "minutes": item.minutes,
            }
        )
    for item in plan.plan.done:
        lines.append(f"  done          {item.title}")
        rows.append({"title": item.title, "kind": item.kind, "state": "done"})
    lines.append(f"  free: {plan.plan.free_minutes} min")
    if args.ics:
        lines.append(f"Wrote {path}")
    _emit(
        args,
        "\n".join(lines),
        {
            "manager": plan.manager,
            "date": plan.day.isoformat(),
            "items": rows,
            "free_minutes": plan.plan.free_minutes,
        },
    )
    return 0


def _stats_responses(args: argparse.Namespace) -> int:
    db = open_database(args.db, read_only=True)
    try:
        now = utcnow()
        today = now.astimezone(ZoneInfo(agency_timezone(db))).date()
        end = args.end or today
        start = args.start or end - timedelta(days=29)
        manager = find_manager(db, args.manager) if args.manager else None
        stats = response_stats(db, start, end, manager_id=manager, now=now)
    finally:
        db.close()
    labels = [b.key for b in RESPONSE_BUCKETS]

    def figures(f: ResponseFigures) -> dict[str, Any]:
        return {
            "label": f.label,
            "answered": f.answered,
            "bands": dict(zip(labels, f.buckets, strict=True)),
            "met": f.met,
            "met_share": None if f.met_share is None else round(f.met_share, 1),
            "median_minutes": f.median_minutes,
            "waiting": f.waiting,
            "overdue": f.overdue,
        }

    def line(f: ResponseFigures) -> str:
        shares = " ".join(f"{k}:{v:4.0f}%" for k, v in zip(labels, f.shares(), strict=True))
        met = "-" if f.met_share is None else f"{f.met_share:.0f}%"
        median = "-" if f.median_minutes is None else f"{f.median_minutes:.0f} min"
        return (
            f"{f.label[:28]:<28} {f.answered:>7} answered  {shares}  met {met:>4}  median {median}"
        )

    text = "\n".join(
        [f"First responses, {start:%d.%m.%Y}-{end:%d.%m.%Y} (business minutes)", line(stats.total)]
        + [line(m) for m in stats.managers]
    )
    _emit(
        args,
        text,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "total": figures(stats.total),
            "managers": [figures(m) for m in stats.managers],
            "clients": [figures(c) for c in stats.clients],
        },
    )
    return 0


def _export_all(args: argparse.Namespace) -> int:
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
    _emit(args, text, {"file": str(path), "bytes": len(data), **asdict(figures)})
    return 0


def _copy(args: argparse.Namespace) -> int:
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
    _emit(args, text, {"from": source.location, "to": target.location, "tables": counts})
    return 0


def _import_all(args: argparse.Namespace) -> int:
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
    _emit(args, text, {"database": db.location, **asdict(figures)})
    return 0


def _import_rows(args: argparse.Namespace) -> int:
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
    _emit(args, "\n".join(lines), data_out)
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


def _manager_figures(m: ManagerLoad) -> dict[str, Any]:
    return {
        "id": str(m.id),
        "name": m.name,
        "role": m.role,
        "projects": m.projects,
        "load_hours": m.load_hours,
        "capacity_hours": m.capacity_hours,
        "utilisation": round(m.utilisation, 4),
        "clients": m.clients,
        "open_requests": m.open_requests,
        "met_30d": None if m.met_share is None else round(m.met_share, 4),
    }


def _workload_lines(team: TeamLoad) -> list[str]:
    lines = [
        f"{'manager':<28} {'projects':>8} {'load h':>7} {'cap h':>6} {'util':>6} "
        f"{'clients':>7} {'waiting':>7} {'on time':>7}"
    ]
    for m in team.managers:
        met = "-" if m.met_share is None else f"{m.met_share:.0%}"
        lines.append(
            f"{m.name[:28]:<28} {m.projects:>8} {m.load_hours:>7.1f} {m.capacity_hours:>6.0f} "
            f"{m.utilisation:>6.0%} {m.clients:>7} {m.open_requests:>7} {met:>7}"
        )
    lines.append(
        f"team: {team.projects_per_manager:.1f} projects and {team.load_per_manager:.1f} h per "
        f"manager, {team.utilisation:.0%} of capacity"
    )
    return lines


def _workload(args: argparse.Namespace) -> int:
    db = open_database(args.db, read_only=True)
    try:
        team = team_workload(db)
    finally:
        db.close()
    data = {
        "managers": [_manager_figures(m) for m in team.managers],
        "projects_per_manager": round(team.projects_per_manager, 2),
        "load_per_manager": round(team.load_per_manager, 2),
        "utilisation": round(team.utilisation, 4),
    }
    _emit(args, "\n".join(_workload_lines(team)), data)
    return 0


def _rebalance(args: argparse.Namespace) -> int:
    db = open_database(args.db, read_only=not args.apply)
    try:
        plan = suggest_rebalance(db)
        if args.apply and plan.moves:
            moves = moves_of(plan)
            reassign(db, moves, "Rebalance", [uuid.uuid4() for _ in moves])
    finally:
        db.close()
    verb = "Moved" if args.apply else "Would move"
    projects = sum(len(row.project_ids) for row in plan.moves)
    lines = [
        f"{verb} {projects} project{'s' * (projects != 1)} in {len(plan.moves)} "
        f"move{'s' * (len(plan.moves) != 1)}, {plan.moved_hours:.1f} h a week. "
        f"Highest utilisation {plan.max_before:.0%} -> {plan.max_after:.0%} "
        f"(no rebalance goes below {plan.bound:.0%})."
    ]
    for row in plan.moves:
        lines.append(f"  {row.what}: {row.source} -> {row.target} ({row.hours:g} h). {row.reason}")
    if not plan.moves:
        lines.append("  Nothing to move: no move lowers the highest utilisation.")
    data = {
        "applied": bool(args.apply and plan.moves),
        "max_utilisation_before": round(plan.max_before, 4),
        "max_utilisation_after": round(plan.max_after, 4),
        "lower_bound": round(plan.bound, 4),
        "moved_hours": plan.moved_hours,
        "moves": [
            {
                "projects": [str(p) for p in row.project_ids],
                "what": row.what,
                "client": row.client,
                "from": row.source,
                "to": row.target,
                "hours": row.hours,
                "reason": row.reason,
            }
            for row in plan.moves
        ],
        "after": [_manager_figures(m) for m in plan.after.managers],
    }
    _emit(args, "\n".join(lines), data)
    return 0


def run(args: argparse.Namespace, pdf: PdfMaker | None = None) -> int:
    """Run a parsed subcommand; expected problems become one line on stderr and exit 1.

    `pdf` draws a PDF from HTML; the window's entry point passes it, since the core has
    no drawing toolkit of its own."""
    command: Command = args.run
    args.pdf = pdf
    try:
        return command(args)
    except AccdeskError as exc:
        print(f"accdesk: {exc}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m accdesk`: the subcommands only (the window lives in the `ui` package)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("a command is needed here; run `accdesk` to open the window")
    return run(args)
