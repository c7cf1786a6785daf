"""Commands about the work itself: briefs, requests, the day, statistics, the queue, the
team's load and rebalancing, team logins."""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from accdesk.cli.common import emit
from accdesk.errors import AccdeskError
from accdesk.facts import RESPONSE_BUCKETS
from accdesk.ops.agenda import agenda, to_ics
from accdesk.ops.briefs import export_bytes, find_brief
from accdesk.ops.readmodels import ManagerLoad, TeamLoad
from accdesk.ops.requests import add_request, find_client, find_manager
from accdesk.ops.settings import agency_timezone
from accdesk.ops.stats import ResponseFigures, response_stats
from accdesk.ops.team import link_login
from accdesk.ops.workload import moves_of, reassign, suggest_rebalance, team_workload
from accdesk.planning.agenda import AgendaItem
from accdesk.screens.queue import queue_report
from accdesk.screens.workload import LoadState, load_state
from accdesk.storage.db import open_database
from accdesk.storage.files import write_export
from accdesk.types import utcnow


def brief_export_command(args: argparse.Namespace) -> int:
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
    emit(
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


def request_add_command(args: argparse.Namespace) -> int:
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
    emit(args, text, data_out)
    return 0


def team_link_command(args: argparse.Namespace) -> int:
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
    emit(
        args,
        text,
        {"login": args.login, "manager": done.manager, "server_has_login": done.server_has_login},
    )
    return 0


def agenda_command(args: argparse.Namespace) -> int:
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
    if plan.asked is not None:
        lines[0] += f" ({plan.asked:%a %d.%m} is a day off)"
    rows: list[dict[str, Any]] = []
    for planned in plan.plan.planned:
        item = planned.item
        late = "  LATE" if planned.late else ""
        lines.append(
            f"  {planned.start.astimezone(zone):%H:%M}-{planned.end.astimezone(zone):%H:%M}"
            f"  {item.title}{_due_text(item.due, zone)}{late}"
        )
        rows.append(
            _item_row(item, "planned", start=planned.start, end=planned.end, late=planned.late)
        )
    for block in plan.plan.blocks:
        lines.append(
            f"  {block.start.astimezone(zone):%H:%M}-{block.end.astimezone(zone):%H:%M}"
            f"  {block.title} (fixed)"
        )
        rows.append(
            {
                "start": block.start.isoformat(),
                "end": block.end.isoformat(),
                "title": block.title,
                "kind": "block",
                "state": "fixed",
            }
        )
    for state, label, items in (
        ("not_fitting", "does not fit", plan.plan.not_fitting),
        ("later", "when there is time", plan.plan.later),
        ("done", "done", plan.plan.done),
    ):
        for item in items:
            lines.append(f"  {label}: {item.title} ({item.minutes} min)")
            rows.append(_item_row(item, state))
    lines.append(f"  free: {plan.plan.free_minutes} min")
    if args.ics:
        lines.append(f"Wrote {path}")
    emit(
        args,
        "\n".join(lines),
        {
            "manager": plan.manager,
            "date": plan.day.isoformat(),
            "day_off": plan.asked.isoformat() if plan.asked else None,
            "items": rows,
            "free_minutes": plan.plan.free_minutes,
        },
    )
    return 0


def _due_text(due: datetime | None, zone: ZoneInfo) -> str:
    return f" (due {due.astimezone(zone):%d.%m %H:%M})" if due is not None else ""


def _item_row(
    item: AgendaItem,
    state: str,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    late: bool = False,
) -> dict[str, Any]:
    """One item of the plan as the JSON output carries it, its deadline included."""
    return {
        "key": item.key,
        "title": item.title,
        "kind": item.kind,
        "state": state,
        "minutes": item.minutes,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "due": item.due.isoformat() if item.due else None,
        "late": late,
    }


def stats_responses_command(args: argparse.Namespace) -> int:
    db = open_database(args.db, read_only=True)
    try:
        now = utcnow()
        today = now.astimezone(ZoneInfo(agency_timezone(db))).date()
        end = args.end or today
        start = args.start or end - timedelta(days=29)
        if start > end:
            raise AccdeskError(f"the period ends ({end}) before it starts ({start})")
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
    emit(
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


def _manager_figures(m: ManagerLoad) -> dict[str, Any]:
    return {
        "id": str(m.id),
        "name": m.name,
        "role": m.role,
        "projects": m.projects,
        "load_hours": m.load_hours,
        "capacity_hours": m.capacity_hours,
        "utilisation": round(m.utilisation, 4),
        "state": load_state(m.utilisation).value,
        "clients": m.clients,
        "open_requests": m.open_requests,
        "met_30d": None if m.met_share is None else round(m.met_share, 4),
    }


def _workload_lines(team: TeamLoad) -> list[str]:
    lines = [
        f"{'manager':<28} {'projects':>8} {'load h':>7} {'cap h':>6} {'util':>6} "
        f"{'clients':>7} {'waiting':>7} {'on time':>7}"
    ]
    marks = {LoadState.OVER: "  over capacity", LoadState.ROOM: "  room for more"}
    for m in team.managers:
        met = "-" if m.met_share is None else f"{m.met_share:.0%}"
        lines.append(
            f"{m.name[:28]:<28} {m.projects:>8} {m.load_hours:>7.1f} {m.capacity_hours:>6.0f} "
            f"{m.utilisation:>6.0%} {m.clients:>7} {m.open_requests:>7} {met:>7}"
            + marks.get(load_state(m.utilisation), "")
        )
    lines.append(
        f"team: {team.projects_per_manager:.1f} projects and {team.load_per_manager:.1f} h per "
        f"manager, {team.utilisation:.0%} of capacity"
    )
    return lines


def queue_command(args: argparse.Namespace) -> int:
    """The queue as the window shows it: in each manager's order, scored by the agency's
    rules on its own calendar, with the reasons behind every score."""
    db = open_database(args.db, read_only=True)
    try:
        manager = find_manager(db, args.manager) if args.manager else None
        rows = queue_report(db, manager=manager)
    finally:
        db.close()
    lines = [
        f"{'#':>3} {'code':<7} {'score':>5} {'health':<8} {'status':<8} {'deadline':<10} "
        f"{'reply due':<17} project · client"
    ]
    for r in rows:
        due = (r["reply_due"] or "")[:16].replace("T", " ") + (" late" if r["late"] else "")
        lines.append(
            f"{r['position']:>3} {r['code']:<7} {r['score']:>5} {r['health']:<8} "
            f"{r['status']:<8} {r['deadline'] or '':<10} {due:<17} "
            f"{r['project']} · {r['client']}"
        )
        if args.why:
            lines += [f"{'':>17}{reason}" for reason in r["why"]]
    emit(args, "\n".join(lines), {"projects": rows})
    return 0


def workload_command(args: argparse.Namespace) -> int:
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
    emit(args, "\n".join(_workload_lines(team)), data)
    return 0


def rebalance_command(args: argparse.Namespace) -> int:
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
    emit(args, "\n".join(lines), data)
    return 0
