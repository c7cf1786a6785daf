"""Killed at random moments, the write path loses nothing it confirmed and never breaks the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crash_harness import run

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
