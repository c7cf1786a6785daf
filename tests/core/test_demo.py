"""The demo agency: the same every time for a seed, and shaped like a real agency."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select, text

from accdesk.demo.agency import create_demo
from accdesk.errors import AccdeskError
from accdesk.storage.db import Database, open_database
from tests.conftest import DEMO_NOW


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    meta = MetaData()
    meta.reflect(db.engine)
    with db.engine.connect() as con:
        return {
            name: sorted(con.execute(select(table)).all(), key=repr)
            for name, table in sorted(meta.tables.items())
        }


def _build(path: Path, seed: int, lang: str = "ru") -> dict[str, list[tuple[object, ...]]]:
    db = open_database(path)
    create_demo(db, seed=seed, now=DEMO_NOW, lang=lang)
    dump = _dump(db)
    db.close()
    return dump


def test_same_seed_gives_the_same_agency_row_for_row(tmp_path: Path) -> None:
    first = _build(tmp_path / "a.db", seed=7)
    second = _build(tmp_path / "b.db", seed=7)
    assert first == second
    assert _build(tmp_path / "c.db", seed=8)["client"] != first["client"]


CYRILLIC = re.compile("[\u0400-\u04ff]")


def test_the_english_demo_is_the_same_agency_with_no_russian_left(tmp_path: Path) -> None:
    russian = _build(tmp_path / "ru.db", seed=3)
    english = _build(tmp_path / "en.db", seed=3, lang="en")
    assert {t: len(rows) for t, rows in english.items()} == {
        t: len(rows) for t, rows in russian.items()
    }
    left = [
        f"{table}: {value!r}"
        for table, rows in english.items()
        for row in rows
        for value in row
        if isinstance(value, str) and CYRILLIC.search(value)
    ]
    assert not left, "\n".join(left[:20])
    clients = {row[0]: row for row in russian["client"]}
    anyone = english["client"][0]
    assert anyone[0] in clients and anyone != clients[anyone[0]]  # same ids, other words
    assert any(CYRILLIC.search(str(v)) for row in russian["client"] for v in row)


def test_an_unknown_demo_language_is_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db")
    with pytest.raises(AccdeskError, match="unknown language 'de'"):
        create_demo(db, lang="de")
    db.close()


def test_demo_agency_has_the_promised_shape(demo_db: Database) -> None:
    with demo_db.engine.connect() as con:

        def one(sql: str) -> object:
            return con.execute(text(sql)).scalar()

        assert one("SELECT count(*) FROM manager") == 6
        assert one("SELECT count(*) FROM manager WHERE role = 'team_lead'") == 1
        assert one("SELECT count(*) FROM client") == 40
        assert one("SELECT count(*) FROM project") == 120
        assert one("SELECT count(*) FROM request") == 400
        assert one("SELECT count(*) FROM brief") == 30
        assert one("SELECT count(DISTINCT level) FROM brief") == 10
        zones = {row[0] for row in con.execute(text("SELECT DISTINCT timezone FROM client"))}
        assert {"Europe/Kaliningrad", "Asia/Kamchatka"} <= zones  # west to east of Russia
        assert {"Asia/Dubai", "Europe/Berlin"} <= zones  # and clients abroad
        assert one("SELECT count(*) FROM promise WHERE feasibility = 'unrealistic'") > 0
        assert one("SELECT count(*) FROM contact WHERE birthday IS NOT NULL") >= 40
        assert one("SELECT count(*) FROM feedback WHERE reaction = ''") > 0
        assert one("SELECT count(*) FROM loyaltyaction") > 0
        assert one("SELECT count(*) FROM request WHERE first_response_at IS NULL") > 0
        names = " ".join(row[0] for row in con.execute(text("SELECT name FROM client")))
        assert "Ёлка" in names and "Сибирский кедр" in names
        # Every manager has a skill level for every service, and they differ between people.
        assert one("SELECT count(*) FROM managerskill") == 6 * 8
        assert one("SELECT count(DISTINCT level) FROM managerskill") >= 4


def test_requests_are_answered_mostly_within_the_agreed_time(demo_db: Database) -> None:
    with demo_db.engine.connect() as con:
        answered, in_time = con.execute(
            text(
                "SELECT count(*), count(CASE WHEN first_response_at <= due_at THEN 1 END)"
                " FROM request WHERE first_response_at IS NOT NULL"
            )
        ).one()
    assert 0.7 < in_time / answered < 0.98


def test_demo_refuses_a_database_that_already_has_an_agency(demo_db: Database) -> None:
    with pytest.raises(AccdeskError, match="already holds an agency"):
        create_demo(demo_db, now=DEMO_NOW)


def test_unknown_scale_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db")
    with pytest.raises(AccdeskError, match="unknown scale 'huge'"):
        create_demo(db, scale="huge")
    with db.engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM client")).scalar() == 0
    db.close()
