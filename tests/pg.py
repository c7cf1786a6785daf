"""A throwaway PostgreSQL cluster on loopback for the test run.

    python -m tests.pg        # start one, print its URL, stop it on Enter

`ACCDESK_TEST_PG_URL` names a server to use instead (a URL whose user may create databases
and roles). Otherwise the cluster is made with the distribution's `initdb` in a temporary
folder and started on a free port; as root it runs as the `postgres` user, since `initdb`
refuses root. Where PostgreSQL is not installed the PostgreSQL half of the suite is skipped,
unless `ACCDESK_REQUIRE_PG` is set (CI sets it): then the run fails.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

URL_VAR = "ACCDESK_TEST_PG_URL"
REQUIRE_VAR = "ACCDESK_REQUIRE_PG"


class NoPostgres(RuntimeError):
    """No server given and none can be started here."""


@dataclass
class Cluster:
    url: str  # postgresql+psycopg://postgres@127.0.0.1:PORT, no database named
    folder: Path | None  # None: a server we did not start

    def stop(self) -> None:
        if self.folder is None:
            return
        data = str(self.folder / "data")
        _run_as_owner([_binary("pg_ctl"), "-D", data, "-m", "immediate", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version)
    if found:
        return found[-1]
    path = shutil.which(name)
    if path is None:
        raise NoPostgres(f"no {name}: PostgreSQL is not installed (apt-get install postgresql)")
    return path


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[4])
    except (IndexError, ValueError):
        return 0.0


def _as_root() -> bool:
    return os.geteuid() == 0


def _run_as_owner(command: list[str]) -> None:
    if _as_root():
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start() -> Cluster:
    given = os.environ.get(URL_VAR)
    if given:
        return Cluster(given.rstrip("/"), None)
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="accdesk-pg-"))
    if _as_root():
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    try:
        _run_as_owner(
            [initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
             "--locale=C.UTF-8"]
        )  # fmt: skip
        # Durability is not what these tests measure: fsync off makes CREATE DATABASE cheap.
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(folder / "log")
        _run_as_owner([pg_ctl, "-D", str(data), "-l", log, "-o", options, "-w", "start"])
    except subprocess.CalledProcessError as exc:
        log = folder / "log"
        detail = log.read_text() if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise NoPostgres(f"PostgreSQL did not start: {exc.stderr}{detail}") from exc
    return Cluster(f"postgresql+psycopg://postgres@127.0.0.1:{port}", folder)


if __name__ == "__main__":
    cluster = start()
    print(cluster.url, flush=True)
    try:
        input()
    finally:
        cluster.stop()
