"""Killed at random moments, no write path loses what it confirmed or breaks the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crash_harness import PATHS, Report, _at_least, run

KILLS = 6  # per write path and mode; `python -m tests.crash_harness` runs thousands


def harness(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], **mode: object
) -> dict[str, Report]:
    reports = {
        name: run(name, KILLS, seed=2026, folder=tmp_path, **mode)  # type: ignore[arg-type]
        for name in PATHS
    }
    with capsys.disabled():
        for name, report in reports.items():
            print(f"\ncrash harness {mode or 'SIGKILL'} {name}: {report.line()}", end="")
    return reports


def test_every_write_path_keeps_what_it_confirmed_when_killed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, report in harness(tmp_path, capsys).items():
        assert report.kills == KILLS, name
        assert report.confirmed >= KILLS // 2, name  # the kills landed while writing
        assert (report.lost, report.torn, report.damaged) == (0, 0, 0), name


def test_every_write_path_keeps_what_it_confirmed_when_the_power_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, report in harness(tmp_path, capsys, power_loss=True).items():
        assert report.kills == KILLS, name
        assert (report.lost, report.torn, report.damaged) == (0, 0, 0), name


def test_the_power_loss_mode_finds_a_database_that_does_not_sync(tmp_path: Path) -> None:
    """The harness can fail: with `synchronous=OFF` a power cut loses confirmed writes,
    which a SIGKILL alone cannot show."""
    careless = run(
        "brief", KILLS, seed=2026, folder=tmp_path / "cut", power_loss=True, plant="sync-off"
    )
    assert careless.lost > 0 or careless.damaged > 0
    killed = run("brief", KILLS, seed=2026, folder=tmp_path / "kill", plant="sync-off")
    assert (killed.lost, killed.damaged) == (0, 0)


def test_an_edit_in_place_may_be_newer_than_the_last_one_confirmed() -> None:
    """A writer killed between its commit and its report leaves a newer edit, not a lost one."""
    assert _at_least(frozenset({"run 2 step 1"}), "run 1 step 5")
    assert _at_least(frozenset({"run 1 step 5"}), "run 1 step 5")
    assert not _at_least(frozenset({"run 1 step 4"}), "run 1 step 5")
    assert not _at_least(frozenset(), "run 1 step 5")
