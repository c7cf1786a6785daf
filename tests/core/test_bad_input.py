"""Hostile input: one sentence naming the line or field, nothing written, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from accdesk.errors import ImportProblem
from accdesk.models import Project, Request
from accdesk.ops.importing import guess_mapping, import_rows
from accdesk.storage.db import Database, open_database
from accdesk.storage.sheets_in import MAX_CELL, read_table


def stored(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        (["nan", "в работе", "31.12.2026"], "Часов в неделю"),
        (["Infinity", "в работе", "31.12.2026"], "Часов в неделю"),
        (["6", "bogus", "31.12.2026"], "Статус"),
        (["6", "в работе", "31.02.2026"], "Срок"),
    ],
)
def test_a_project_row_with_any_problem_is_not_written(
    demo_db: Database, cells: list[str], column: str
) -> None:
    header = ["Клиент", "Проект", "Услуга", "Часов в неделю", "Статус", "Срок"]
    text = "\n".join(";".join(r) for r in (header, ["Колос", "Ночной аудит", "SEO", *cells]))
    table = read_table(text.encode(), "projects.csv")
    before = stored(demo_db, Project)
    report = import_rows(demo_db, "projects", table, guess_mapping("projects", table.headers))
    assert [(e.row, e.column) for e in report.errors] == [(2, column)]
    assert report.created == 0 and not report.written
    assert stored(demo_db, Project) == before


def test_classic_mac_line_endings_are_lines() -> None:
    table = read_table(
        "Клиент;Часовой пояс\rКолос;Europe/Moscow\rЛютик;Asia/Omsk".encode(), "a.csv"
    )
    assert table.rows == (("Колос", "Europe/Moscow"), ("Лютик", "Asia/Omsk"))
    assert table.numbers == (2, 3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'name;zone\n"Kolos;UTC\nLutik;UTC\n', 'line 2: a quote (") opened here is never closed'),
        (
            b"name;zone\nKolos;" + b"x" * (MAX_CELL + 1) + b"\n",
            f"line 2: a cell is longer than {MAX_CELL} characters",
        ),
        (b"name;zone\nKo\x07los;UTC\n", "control character"),
    ],
)
def test_a_csv_that_cannot_be_read_is_refused_naming_its_line(data: bytes, message: str) -> None:
    with pytest.raises(ImportProblem) as refused:
        read_table(data, "clients.csv")
    assert message in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("delimiter", [";;", "", "\n", '"'])
def test_a_delimiter_that_is_not_one_character_is_refused(delimiter: str) -> None:
    with pytest.raises(ImportProblem, match="delimiter"):
        read_table(b"a;b\n1;2\n", "x.csv", delimiter=delimiter)


@pytest.mark.parametrize(
    "encoding",
    ["utf-16", "koi8-r", "cp1251", "utf-8"],
)
def test_encodings_are_detected_not_turned_into_mojibake(encoding: str) -> None:
    rows = [
        "Клиент;Юр. лицо;Сегмент",
        "Ромашка;ООО Ромашка;медицина и здоровье",
        "Лютик;ИП Лютиков;строительство и ремонт",
        "Василёк;АО Василёк;образование для взрослых",
    ]
    table = read_table("\r\n".join(rows).encode(encoding), "clients.csv")
    assert table.headers == ("Клиент", "Юр. лицо", "Сегмент")
    assert table.rows[2] == ("Василёк", "АО Василёк", "образование для взрослых")


def test_bytes_that_are_no_clear_text_are_refused_not_guessed() -> None:
    noise = bytes(range(128, 256)) * 8
    with pytest.raises(ImportProblem, match="encoding"):
        read_table(b"a;b\n" + noise, "x.csv")


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite_sheet(data: bytes, change: str, to: str) -> bytes:
    """The workbook with one piece of its first sheet's XML replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert change.encode() in body
                body = body.replace(change.encode(), to.encode())
            target.writestr(item, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_date_cell_holding_garbage_is_refused_naming_its_row() -> None:
    book = xlsx([["Клиент", "Срок"], ["Колос", "MARK"]])
    broken = rewrite_sheet(book, 't="inlineStr"><is><t>MARK</t></is>', 't="d"><v>garbage</v>')
    with pytest.raises(ImportProblem, match="row 2: a cell cannot be read"):
        read_table(broken, "projects.xlsx")


def test_a_workbook_that_unpacks_to_far_more_than_it_weighs_is_refused_up_front() -> None:
    book = xlsx([["Клиент", "Срок"], ["Колос", "MARK"]])
    padding = "<!--" + " " * 30_000_000 + "-->"  # 30 MB that pack into a few kB
    bomb = rewrite_sheet(book, "<sheetData>", padding + "<sheetData>")
    assert len(bomb) < 200_000
    with pytest.raises(ImportProblem, match="packed"):
        read_table(bomb, "bomb.xlsx")


def accdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--received", "0001-01-01T00:00"), "received_at: must lie between 2000 and 2199"),
        (("--received", "9999-12-31T23:59"), "received_at: must lie between 2000 and 2199"),
        (("--received", "вчера"), "--received"),
    ],
)
def test_request_add_with_an_impossible_moment_says_one_line_and_writes_nothing(
    demo_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = stored_file(demo_path, Request)
    result = accdesk(
        "request", "add", "--db", str(demo_path), "--client", "Колос", "--text", "Счёт", *args
    )
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert stored_file(demo_path, Request) == before


def test_import_with_a_two_character_delimiter_says_one_line(tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_text("Клиент;Часовой пояс\nКолос;UTC\n", encoding="utf-8")
    result = accdesk(
        "import", "clients", str(source), "--db", str(tmp_path / "a.db"), "--delimiter", ";;"
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "delimiter" in result.stderr


def test_restore_of_a_deeply_nested_document_says_one_line(tmp_path: Path) -> None:
    source = tmp_path / "agency.json"
    source.write_bytes(b'{"tables": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    result = accdesk("import", "all", str(source), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "accdesk: this is not an accdesk archive: it is nested too deep"
    ]
    assert not (tmp_path / "a.db").exists() or stored_file(tmp_path / "a.db", Project) == 0


def stored_file(path: Path, model: type) -> int:
    db = open_database(path, read_only=True)
    try:
        return stored(db, model)
    finally:
        db.close()


def test_every_form_field_refuses_text_longer_than_its_column() -> None:
    """PostgreSQL refuses text longer than a column's length with an error no person can
    read; the forms must say it first, each field at most as long as where it is stored."""
    from sqlmodel import SQLModel

    import accdesk.models  # noqa: F401  (the tables are registered on the metadata)
    from accdesk.errors import ValidationError
    from accdesk.ops.inputs import validate
    from accdesk.ops.rows import RULES

    too_long = []
    tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
    for table, models in RULES.items():
        for model in models:
            for name in model.model_fields:
                column = tables[table].columns.get(name)
                length = getattr(getattr(column, "type", None), "length", None)
                if length is None:
                    continue
                try:
                    validate(model, {name: "x" * (length + 1)})
                except ValidationError as exc:
                    if name in exc.errors:
                        continue
                too_long.append(f"{model.__name__}.{name} (column {table}.{name}: {length})")
    assert too_long == []
