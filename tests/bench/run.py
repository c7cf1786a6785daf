"""Benchmarks on the large agency, each figure beside a floor measured in the same run.

    python tests/bench/run.py [--rounds N] [--keep DIR]

Builds the large data set once (50 managers, 10,000 projects, 200,000 requests), then
prints one JSON line per figure: {"name", "median_ms", "floor_ms", "ratio", "limit"}.
Exits 1 if any ratio is above its limit. Not collected by the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from accdesk.db import open_database  # noqa: E402
from accdesk.demo import create_demo  # noqa: E402
from accdesk.ops.queue import list_queue, queue_query  # noqa: E402

PROBE = Path(__file__).with_name("probe.py")
LIMITS = {"startup_to_window": 1.5, "queue_load": 3.0}


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def report(name: str, figure: list[float], floor: list[float]) -> bool:
    m, f = median_ms(figure), median_ms(floor)
    ratio = round(m / f, 2)
    limit = LIMITS[name]
    print(
        json.dumps({"name": name, "median_ms": m, "floor_ms": f, "ratio": ratio, "limit": limit}),
        flush=True,
    )
    return ratio <= limit


def start_once(mode: str, db: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.time()
    out = subprocess.run(
        [sys.executable, str(PROBE), mode, str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1]) - started


def interleaved(
    rounds: int, figure: Callable[[], float], floor: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Alternate the two so that a noisy neighbour hurts both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        a.append(figure())
        b.append(floor())
    return a, b


def bench_queue_load(db_path: Path, rounds: int) -> bool:
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QApplication

    from ui.queue_model import QueueFilter, QueueModel

    QApplication.instance() or QApplication([])
    db = open_database(db_path)
    model = QueueModel(ZoneInfo("Europe/Moscow"))
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    sql = str(queue_query().compile(db.engine, compile_kwargs={"literal_binds": True}))
    raw = sqlite3.connect(db_path)

    def load() -> float:
        t = time.perf_counter()
        model.set_rows(list_queue(db))
        assert proxy.rowCount() == 10_000
        return time.perf_counter() - t

    def floor() -> float:
        t = time.perf_counter()
        rows = raw.execute(sql).fetchall()
        assert len(rows) == 10_000
        return time.perf_counter() - t

    load(), floor()  # warm caches for both
    ok = report("queue_load", *interleaved(rounds, load, floor))
    db.close()
    raw.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the large set in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="accdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "large.db"
    if not db_path.exists():
        started = time.perf_counter()
        db = open_database(db_path)
        create_demo(db, scale="large", seed=1)
        db.close()
        print(
            json.dumps(
                {"name": "build_large_set", "seconds": round(time.perf_counter() - started, 1)}
            ),
            flush=True,
        )
    ok = report(
        "startup_to_window",
        *interleaved(
            args.rounds, lambda: start_once("app", db_path), lambda: start_once("floor", db_path)
        ),
    )
    ok = bench_queue_load(db_path, args.rounds) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
