"""Shared test set-up: no screen, no real home folder, no real settings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the same examples every run, so a landing never depends on a lucky draw; locally
# they stay random and keep exploring (ACCDESK_FUZZ_EXAMPLES turns the fuzzing up).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

_SCRATCH = tempfile.mkdtemp(prefix="accdesk-tests-")
# Before anything can create a QApplication: without a display Qt aborts the process. The
# offscreen screen is 800x600 unless configured; a desktop-sized one lets windows keep the
# sizes people use (a restored geometry is clamped to the screen).
_SCREEN = Path(_SCRATCH) / "screen.json"
_SCREEN.write_text(
    '{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080,'
    ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}',
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.pop("ACCDESK_DB", None)
# platformdirs reads XDG_DATA_HOME: keep every default database inside a scratch folder.
os.environ["XDG_DATA_HOME"] = str(Path(_SCRATCH) / "data")
os.environ["XDG_CONFIG_HOME"] = str(Path(_SCRATCH) / "config")

# A fixed moment for generated data: Monday 23 November 2026, 09:00 UTC (12:00 in Moscow).
DEMO_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SCRATCH, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo agency built once per run; tests get their own copy of the file."""
    from accdesk.db import open_database
    from accdesk.demo import create_demo

    path = tmp_path_factory.mktemp("template") / "demo.db"
    db = open_database(path)
    create_demo(db, now=DEMO_NOW)
    db.close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo agency (the template has no WAL left after close)."""
    target = tmp_path / "agency.db"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[object]:
    from accdesk.db import open_database

    db = open_database(demo_path)
    yield db
    db.close()


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def holder() -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Runs Python code in another process, returning once it prints `ready` (or the line
    given); the process is killed when the test ends, if the test has not killed it."""
    procs: list[subprocess.Popen[str]] = []

    def start(code: str, ready: str = "ready") -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        procs.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == ready
        return proc

    yield start
    for proc in procs:
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
