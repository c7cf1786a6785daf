"""The `accdesk` command line: subcommands for scripts and team leads, no Qt involved.

The same parser also carries the window's own options (`--screenshot`), so `accdesk --help`
documents everything in one place; the window's start-up code in `ui` reads those.
Expected problems print one line on stderr and exit 1; bugs still raise.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from accdesk import __version__
from accdesk.demo.agency import LANGUAGES, SCALES
from accdesk.errors import AccdeskError
from accdesk.ops.briefs import EXPORT_FORMATS, PdfMaker
from accdesk.ops.import_fields import KEYS as IMPORT_KEYS
from accdesk.ops.import_fields import KINDS
from accdesk.ops.inputs import EARLIEST, LATEST

Command = Callable[[argparse.Namespace], int]
if TYPE_CHECKING:  # argparse names no public type for what add_subparsers returns
    Subcommands = argparse._SubParsersAction["Parser"]


def _db_option(parser: argparse.ArgumentParser, *, default: object = None) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="database file or URL (default: $ACCDESK_DB, then the user data folder)",
    )


class Parser(argparse.ArgumentParser):
    """A mistake on the command line is one line on stderr and status 1, like any other
    bad input; `--help` still shows the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: {message}\n")


def calendar_day(text: str) -> date:
    """A date typed on the command line, within the years people work in."""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if not EARLIEST <= value <= LATEST:
        raise argparse.ArgumentTypeError(f"{text} is not between {EARLIEST.year} and {LATEST.year}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    _file_commands(sub)
    _exchange_commands(sub)
    _day_commands(sub)
    _team_commands(sub)
    return parser


def _file_commands(sub: Subcommands) -> None:
    """The database file itself: demo, backups, restore, check, copy elsewhere."""
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
    demo.set_defaults(run="data:demo_command")

    backup = sub.add_parser("backup", help="back up a database (verified copy)")
    _db_option(backup, default=argparse.SUPPRESS)
    backup.add_argument("--to", metavar="FILE", help="write this file instead of the rolling set")
    backup.add_argument("--list", action="store_true", help="list the rolling set, newest first")
    backup.add_argument("--json", action="store_true", help="print the result as JSON")
    backup.set_defaults(run="data:backup_command")

    restore = sub.add_parser(
        "restore", help="replace a database with a backup (the old one is kept)"
    )
    _db_option(restore, default=argparse.SUPPRESS)
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--json", action="store_true", help="print the result as JSON")
    restore.set_defaults(run="data:restore_command")

    check = sub.add_parser("check", help="check a database: schema version and integrity")
    _db_option(check, default=argparse.SUPPRESS)
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(run="data:check_command")

    copy = sub.add_parser(
        "copy", help="copy every row to another database (SQLite or a team server), ids kept"
    )
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
    copy.add_argument(
        "--replace", action="store_true", help="empty a target that has data, then copy"
    )
    copy.add_argument("--json", action="store_true", help="print the result as JSON")
    copy.set_defaults(run="data:copy_command")


def _exchange_commands(sub: Subcommands) -> None:
    """Data in and out: the whole agency as JSON, rows from spreadsheets."""
    take_out = sub.add_parser("export", help="take data out").add_subparsers(
        dest="export_command", metavar="WHAT", required=True
    )
    everything = take_out.add_parser("all", help="the whole database as one JSON document")
    _db_option(everything, default=argparse.SUPPRESS)
    everything.add_argument("-o", "--output", metavar="FILE.json", required=True)
    everything.add_argument("--json", action="store_true", help="print the result as JSON")
    everything.set_defaults(run="data:export_all_command")

    bring_in = sub.add_parser("import", help="bring data in").add_subparsers(
        dest="import_command", metavar="WHAT", required=True
    )
    restore_all = bring_in.add_parser(
        "all", help="restore a JSON document from `export all` into an empty database"
    )
    _db_option(restore_all, default=argparse.SUPPRESS)
    restore_all.add_argument("file", metavar="FILE.json")
    restore_all.add_argument("--json", action="store_true", help="print the result as JSON")
    restore_all.set_defaults(run="data:import_all_command")
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
        rows.set_defaults(run="data:import_rows_command", kind=kind)


def _day_commands(sub: Subcommands) -> None:
    """A manager's work: briefs, requests, the day's plan, statistics."""
    brief = sub.add_parser("brief", help="task briefs").add_subparsers(
        dest="brief_command", metavar="ACTION", required=True
    )
    export = brief.add_parser("export", help="write a brief as Markdown, HTML or PDF")
    _db_option(export, default=argparse.SUPPRESS)
    export.add_argument("code", metavar="CODE", help="the brief's code (B-0007) or id prefix")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="md")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument("--json", action="store_true", help="print the result as JSON")
    export.set_defaults(run="work:brief_export_command")

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
    add.set_defaults(run="work:request_add_command")

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
    link.set_defaults(run="work:team_link_command")

    day = sub.add_parser("agenda", help="a manager's plan for a day")
    _db_option(day, default=argparse.SUPPRESS)
    day.add_argument("--manager", required=True, metavar="LOGIN_OR_NAME")
    day.add_argument("--date", type=calendar_day, metavar="YYYY-MM-DD")
    day.add_argument("--ics", metavar="FILE", help="also write the day's plan as iCalendar")
    day.add_argument("--json", action="store_true", help="print the result as JSON")
    day.set_defaults(run="work:agenda_command")

    stats = sub.add_parser("stats", help="statistics").add_subparsers(
        dest="stats_command", metavar="WHAT", required=True
    )
    responses = stats.add_parser("responses", help="first-response times in the survey's bands")
    _db_option(responses, default=argparse.SUPPRESS)
    responses.add_argument("--from", dest="start", type=calendar_day, metavar="DATE")
    responses.add_argument("--to", dest="end", type=calendar_day, metavar="DATE")
    responses.add_argument("--manager", metavar="LOGIN_OR_NAME")
    responses.add_argument("--json", action="store_true", help="print the result as JSON")
    responses.set_defaults(run="work:stats_responses_command")


def _team_commands(sub: Subcommands) -> None:
    """The queue, the team's load and rebalancing."""
    queue = sub.add_parser("queue", help="the project queue with priority scores and reasons")
    _db_option(queue, default=argparse.SUPPRESS)
    queue.add_argument("--manager", metavar="LOGIN_OR_NAME", help="one manager's queue only")
    queue.add_argument("--why", action="store_true", help="the reasons under each score")
    queue.add_argument("--json", action="store_true", help="print the result as JSON")
    queue.set_defaults(run="work:queue_command")

    workload = sub.add_parser("workload", help="projects, load and capacity per manager")
    _db_option(workload, default=argparse.SUPPRESS)
    workload.add_argument("--json", action="store_true", help="print the result as JSON")
    workload.set_defaults(run="work:workload_command")

    balance = sub.add_parser(
        "rebalance", help="suggest moves that even out the team's load (and apply them)"
    )
    _db_option(balance, default=argparse.SUPPRESS)
    mode = balance.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="only list the moves (the default)")
    mode.add_argument("--apply", action="store_true", help="make the moves, in one transaction")
    balance.add_argument("--json", action="store_true", help="print the result as JSON")
    balance.set_defaults(run="work:rebalance_command")


def run(args: argparse.Namespace, pdf: PdfMaker | None = None) -> int:
    """Run a parsed subcommand; expected problems become one line on stderr and exit 1.

    `pdf` draws a PDF from HTML; the window's entry point passes it, since the core has
    no drawing toolkit of its own."""
    module, name = str(args.run).split(":")
    command: Command = getattr(importlib.import_module(f"accdesk.cli.{module}"), name)
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
