"""Shared test set-up: no screen, no real home folder, no real settings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine

from tests import pg

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
    from accdesk.demo.agency import create_demo
    from accdesk.storage.db import open_database

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


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The core's tests on the demo agency run on both engines; a test that also handles the
    SQLite file itself (`demo_path`) runs on SQLite alone."""
    names = metafunc.fixturenames
    core = metafunc.definition.path.parent.name == "core"
    if core and "demo_db" in names and "demo_path" not in names:
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def demo_db(engine: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """The demo agency, open: a private SQLite copy, or a PostgreSQL database of its own."""
    from accdesk.storage.db import open_database

    fixture = "demo_path" if engine == "sqlite" else "pg_demo_url"
    db = open_database(request.getfixturevalue(fixture))
    yield db
    db.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pg.Cluster]:
    try:
        cluster = pg.start()
    except pg.NoPostgres as exc:
        if os.environ.get(pg.REQUIRE_VAR):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_cluster: pg.Cluster) -> Iterator[Engine]:
    """The server's own database, outside transactions: for CREATE and DROP DATABASE."""
    from sqlalchemy import create_engine

    admin = create_engine(f"{pg_cluster.url}/postgres", isolation_level="AUTOCOMMIT")
    yield admin
    admin.dispose()


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster: pg.Cluster, pg_admin: Engine) -> str:
    """The demo agency built once per run on the server; tests get a copy made from it."""
    from accdesk.demo.agency import create_demo
    from accdesk.storage.db import open_database

    name = f"accdesk_demo_{uuid.uuid4().hex[:8]}"
    with pg_admin.connect() as con:
        con.exec_driver_sql(f"CREATE DATABASE {name}")
    db = open_database(f"{pg_cluster.url}/{name}")
    create_demo(db, now=DEMO_NOW)
    db.close()
    return name


@pytest.fixture
def pg_empty_url(pg_cluster: pg.Cluster, pg_admin: Engine) -> Iterator[str]:
    """A new empty database on the server, dropped afterwards."""
    yield from _pg_database(pg_cluster, pg_admin, template=None)


@pytest.fixture
def pg_demo_url(pg_cluster: pg.Cluster, pg_admin: Engine, pg_demo_template: str) -> Iterator[str]:
    """A private copy of the demo agency on the server, dropped afterwards."""
    yield from _pg_database(pg_cluster, pg_admin, template=pg_demo_template)


TEAM_LOGINS = ("am01", "am02", "am03")  # the demo's team lead and two account managers


@pytest.fixture
def team_url(pg_demo_url: str, pg_admin: Engine) -> Callable[[str], str]:
    """The URL of a private demo agency on the server for one of its people's own login."""
    from sqlalchemy.engine import make_url

    from accdesk.storage.access import create_role_sql

    with pg_admin.connect() as con:
        for login in TEAM_LOGINS:
            con.exec_driver_sql(create_role_sql(login, login=True))
    return lambda login: make_url(pg_demo_url).set(username=login).render_as_string(False)


def _pg_database(cluster: pg.Cluster, admin: Engine, template: str | None) -> Iterator[str]:
    name = f"accdesk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as con:
        copy = f" TEMPLATE {template}" if template else ""
        con.exec_driver_sql(f"CREATE DATABASE {name}{copy}")
    yield f"{cluster.url}/{name}"
    with admin.connect() as con:
        con.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")


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
