"""Killed at random moments, the write path loses nothing it confirmed and never breaks the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.crash_harness import check, run

KILLS = 50


def test_confirmed_writes_survive_sigkill(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(kills=KILLS, seed=2026, folder=tmp_path)
    with capsys.disabled():
        print(f"\ncrash harness: {report.line()}")
    assert report.kills == KILLS
    # The kills landed while writes were going on: on average one confirmed write every other
    # cycle at least. A commit waits for the disk (synchronous=FULL), so a slow shared disk
    # confirms about one write per cycle and a quiet one dozens.
    assert report.confirmed >= KILLS // 2
    assert report.damaged == 0
    assert report.lost == 0


def test_the_check_counts_a_missing_edit_but_not_a_later_unreported_one(tmp_path: Path) -> None:
    """A writer killed between its commit and its report leaves a newer edit, not a lost one."""
    path = tmp_path / "check.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE brief (title TEXT, body TEXT)")
    con.execute("INSERT INTO brief VALUES ('run 1 brief 1', 'run 2 edit 1')")
    con.commit()
    con.close()
    assert check(path, {"run 1 brief 1"}, "run 1 edit 5") == (True, 0)
    assert check(path, {"run 1 brief 1"}, "run 2 edit 2") == (True, 1)
    assert check(path, {"run 1 brief 1", "run 1 brief 2"}, None) == (True, 1)
