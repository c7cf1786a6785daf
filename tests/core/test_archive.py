"""The whole agency out as one JSON document and back in, identical."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel

from accdesk.ops.archive import ArchiveError, copy_agency, export_archive, import_archive
from accdesk.ops.summary import counts
from accdesk.storage.db import Database, open_database


def test_export_import_export_gives_the_same_bytes(demo_db: Database, tmp_path: Path) -> None:
    first = export_archive(demo_db)
    target = open_database(tmp_path / "restored.db")
    try:
        import_archive(target, first)
        assert export_archive(target) == first
        assert counts(target) == counts(demo_db)
    finally:
        target.close()
    document = json.loads(first)
    assert document["format"] == "accdesk-archive"
    assert len(document["tables"]["request"]) == 400
    assert "Колос" in first.decode("utf-8")  # text as typed, not escaped


def stored_rows(path: Path) -> int:
    db = open_database(path, read_only=True)
    try:
        with db.connection() as con:
            return sum(
                con.execute(select(func.count()).select_from(t)).scalar_one()
                for t in SQLModel.metadata.sorted_tables
            )
    finally:
        db.close()


def broken(demo_db: Database, change: object) -> bytes:
    document = json.loads(export_archive(demo_db))
    change(document)  # type: ignore[operator]
    return json.dumps(document).encode()


def set_value(table: str, column: str, value: object) -> object:
    def change(document: dict[str, dict[str, list[dict[str, object]]]]) -> None:
        document["tables"][table][-1][column] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something else"), "not an accdesk archive"),
        (lambda d: d.update(schema="0001"), "has schema '0001'"),
        (lambda d: d["tables"].update(invoices=[]), "does not know: ['invoices']"),
        (set_value("request", "client_id", "not-an-id"), "request row 400, client_id"),
        (set_value("project", "weekly_effort_hours", "six"), "is not a float"),
        (set_value("client", "received", 1), "does not know: ['received']"),
        (lambda d: d["tables"]["manager"][0].pop("name"), "lacks columns: ['name']"),
        (set_value("request", "received_at", "2026-11-23 10:00"), "no time zone"),
        # what the forms refuse is refused here too, naming table, row and column
        (set_value("client", "timezone", "Mars/Olympus"), "client row 40, timezone: “Mars/"),
        (set_value("project", "status", "bogus"), "project row 120, status: “bogus” is not"),
        (set_value("manager", "capacity_hours", -5), "manager row 6, capacity_hours: "),
        (set_value("project", "weekly_effort_hours", float("inf")), "weekly_effort_hours: must"),
        (set_value("client", "name", "Я" * 1_000_000), "client row 40, name: is too long"),
        (set_value("client", "notes", "a\x00b"), "notes: contains a NUL character"),
        (set_value("contact", "name", "\ud800"), "name: holds a broken character"),
        (set_value("client", "monthly_budget", 2**70), "monthly_budget: is too large"),
        (set_value("request", "received_at", "0001-01-01T00:00:00+00:00"), "must lie between"),
        # keys: numbers where ids belong, ids that repeat or point nowhere
        (set_value("project", "id", 7), "project row 120, id: 7 is not a valid value"),
        (
            lambda d: d["tables"]["client"].append(dict(d["tables"]["client"][0])),
            "client row 41: id repeats an earlier row",
        ),
        (
            set_value("project", "client_id", "00000000-0000-4000-8000-000000000000"),
            "project row 120, client_id: no client row has the id",
        ),
        (
            lambda d: d["tables"]["client"][1].update(number=d["tables"]["client"][0]["number"]),
            "client row 2: number repeats an earlier row",
        ),
    ],
)
def test_a_document_that_does_not_fit_is_refused_and_nothing_is_written(
    demo_db: Database, tmp_path: Path, change: object, message: str
) -> None:
    data = broken(demo_db, change)
    path = tmp_path / "restored.db"
    target = open_database(path)
    try:
        with pytest.raises(ArchiveError, match=message.replace("[", r"\[").replace("(", r"\(")):
            import_archive(target, data)
    finally:
        target.close()
    assert stored_rows(path) == 0


def test_json_nested_too_deep_is_refused_in_one_sentence(tmp_path: Path) -> None:
    target = open_database(tmp_path / "restored.db")
    try:
        with pytest.raises(ArchiveError, match="nested too deep"):
            import_archive(target, b'{"tables": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    finally:
        target.close()


def test_text_that_is_not_json_is_refused(tmp_path: Path) -> None:
    target = open_database(tmp_path / "restored.db")
    try:
        with pytest.raises(ArchiveError, match="not an accdesk archive"):
            import_archive(target, b"\xff\xfe client;name")
    finally:
        target.close()


def test_a_database_with_data_is_never_overwritten(demo_db: Database) -> None:
    before = counts(demo_db)
    with pytest.raises(ArchiveError, match="not empty"):
        import_archive(demo_db, export_archive(demo_db))
    assert counts(demo_db) == before


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accdesk", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_takes_everything_out_and_back(demo_path: Path, tmp_path: Path) -> None:
    archive = tmp_path / "agency.json"
    out = run_cli("export", "all", "--db", str(demo_path), "-o", str(archive))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Wrote ") and "40 clients" in out.stdout
    restored = tmp_path / "restored.db"
    back = run_cli("import", "all", str(archive), "--db", str(restored), "--json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["projects"] == 120
    again = run_cli("import", "all", str(archive), "--db", str(restored))
    assert again.returncode == 1
    assert again.stderr.startswith("accdesk: the database is not empty")
    missing = run_cli("import", "all", str(tmp_path / "nope.json"), "--db", str(restored))
    assert missing.returncode == 1 and "cannot read" in missing.stderr


def test_copy_keeps_every_row_and_id_and_refuses_a_target_with_data(
    demo_db: Database, tmp_path: Path
) -> None:
    target = open_database(tmp_path / "team.db")
    try:
        copied = copy_agency(demo_db, target)
        assert copied["request"] == 400 and copied["project"] == 120
        assert export_archive(target) == export_archive(demo_db)
        with pytest.raises(ArchiveError, match="the target is not empty"):
            copy_agency(demo_db, target)
        # Asked to, it replaces what the target holds, and the result is the same again.
        copy_agency(demo_db, target, replace=True)
        assert export_archive(target) == export_archive(demo_db)
    finally:
        target.close()


def test_cli_copy_from_one_database_to_another(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    done = run_cli("copy", "--from", str(demo_path), "--to", str(target), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tables"]["client"] == 40
    again = run_cli("copy", "--from", str(demo_path), "--to", str(target))
    assert again.returncode == 1 and "not empty" in again.stderr


def test_cli_copy_round_trip_through_a_team_server_keeps_every_row(
    demo_path: Path, pg_empty_url: str, tmp_path: Path
) -> None:
    """A solo file moved to a team database and back is the same agency, row for row."""
    up = run_cli("copy", "--from", str(demo_path), "--to", pg_empty_url, "--json")
    assert up.returncode == 0, up.stderr
    assert json.loads(up.stdout)["tables"]["request"] == 400
    again = run_cli("copy", "--from", str(demo_path), "--to", pg_empty_url)
    assert again.returncode == 1 and "the target is not empty" in again.stderr
    back = tmp_path / "back.db"
    down = run_cli("copy", "--from", pg_empty_url, "--to", str(back))
    assert down.returncode == 0, down.stderr
    assert "every table counted" in down.stdout
    original, returned = open_database(demo_path, read_only=True), open_database(back)
    try:
        assert export_archive(returned) == export_archive(original)
    finally:
        original.close()
        returned.close()
