"""The command line as a script or a team lead would use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from accdesk import __version__
from accdesk.storage.migrations import SCHEMA_HEAD


def accdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui", *args], capture_output=True, text=True, timeout=120
    )


def test_version() -> None:
    result = accdesk("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"accdesk {__version__}"


def test_demo_then_check_a_healthy_database(tmp_path: Path) -> None:
    db = tmp_path / "agency.db"
    made = accdesk("demo", "--db", str(db), "--seed", "3", "--json")
    assert made.returncode == 0, made.stderr
    figures = json.loads(made.stdout)
    assert (figures["managers"], figures["clients"], figures["projects"]) == (6, 40, 120)
    checked = accdesk("check", "--db", str(db))
    assert checked.returncode == 0
    assert f"schema {SCHEMA_HEAD} (current), integrity ok" in checked.stdout


def test_db_option_before_the_command_is_honoured(tmp_path: Path) -> None:
    db = tmp_path / "agency.db"
    assert accdesk("--db", str(db), "demo").returncode == 0
    assert db.exists()


def test_check_refuses_a_foreign_file_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("Встреча с клиентом в 10:00\n", encoding="utf-8")
    before = bad.read_bytes()
    result = accdesk("check", "--db", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"accdesk: {bad} is not a database file (it is not SQLite)"
    ]
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == before


def test_check_of_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    result = accdesk("check", "--db", str(tmp_path / "nothing.db"))
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_demo_into_an_agency_that_exists_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "agency.db"
    accdesk("demo", "--db", str(db))
    again = accdesk("demo", "--db", str(db))
    assert again.returncode == 1 and "already holds an agency" in again.stderr


def test_queue_prints_the_scores_and_reasons_the_window_shows(demo_path: Path) -> None:
    """`accdesk queue` is the window's queue: the same order, the same scores on the
    agency's calendar, and the reasons of each score."""
    from accdesk.screens.queue import explain, queue_screen
    from accdesk.storage.db import open_database

    result = accdesk("queue", "--db", str(demo_path), "--manager", "Антон", "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)["projects"]
    db = open_database(demo_path, read_only=True)
    try:
        screen = queue_screen(db)
        screen.load_calendar()
        mine = [r for r in screen.rows if r.manager == "Антон Белов"]
        score = screen.rules.scorer(screen.rows)
        expected = [(r.code, score(r).total, [explain(p) for p in score(r).parts]) for r in mine]
    finally:
        db.close()
    assert [(p["code"], p["score"], p["why"]) for p in printed] == expected
    assert {p["manager"] for p in printed} == {"Антон Белов"}
    assert [p["position"] for p in printed] == sorted(p["position"] for p in printed)
    text = accdesk("queue", "--db", str(demo_path), "--manager", "Антон", "--why").stdout
    first = printed[0]
    assert f"{first['code']:<7} {first['score']:>5}" in text and first["why"][0] in text


def test_queue_of_an_unknown_manager_is_one_line(demo_path: Path) -> None:
    result = accdesk("queue", "--db", str(demo_path), "--manager", "Никто")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "accdesk: no manager matches “Никто”; give the login or more of the name"
    )
