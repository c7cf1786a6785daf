"""Moving in from spreadsheets: real files in the encodings and layouts agencies have."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from accdesk.errors import AccdeskError
from accdesk.models import Client, Contact, Project
from accdesk.ops.importing import ImportCancelled, guess_mapping, import_rows
from accdesk.storage.db import Database
from accdesk.storage.sheets_in import read_table

CLIENTS = [
    ["Клиент", "Юр. лицо", "Часовой пояс", "Бюджет в месяц", "Сегмент"],
    ["Ромашка", "ООО «Ромашка»", "Asia/Vladivostok", "150 000", "медицина"],
    [],
    ["Лютик", "", "Europe/Samara", "80000,50", ""],
]


def csv_bytes(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    return "\r\n".join(delimiter.join(r) for r in rows).encode(encoding)


def xlsx_bytes(rows: list[list[object]], title: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


@pytest.mark.parametrize(
    ("delimiter", "encoding", "seen"),
    [
        (";", "cp1251", "cp1251"),
        (",", "utf-8-sig", "utf-8-sig"),
        ("\t", "utf-8", "utf-8"),
    ],
)
def test_csv_in_the_encodings_and_delimiters_agencies_have_is_read_and_imported(
    demo_db: Database, delimiter: str, encoding: str, seen: str
) -> None:
    table = read_table(csv_bytes(CLIENTS, delimiter, encoding), "clients.csv")
    assert (table.encoding, table.delimiter) == (seen, delimiter)
    assert table.headers[0] == "Клиент" and len(table.rows) == 2  # the empty line is skipped
    mapping = guess_mapping("clients", table.headers)
    assert mapping == {
        "name": 0,
        "legal_name": 1,
        "timezone": 2,
        "monthly_budget": 3,
        "segment": 4,
    }
    before = count(demo_db, Client)
    report = import_rows(demo_db, "clients", table, mapping)
    assert (report.created, report.errors, report.written) == (2, (), True)
    assert count(demo_db, Client) == before + 2
    with demo_db.reading() as s:
        stored = s.execute(select(Client).where(Client.name == "Ромашка")).scalar_one()
        assert stored.timezone == "Asia/Vladivostok" and stored.monthly_budget == 15_000_000
        assert stored.legal_name == "ООО «Ромашка»"
    # The same file again changes nothing and says so.
    again = import_rows(demo_db, "clients", table, mapping)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert count(demo_db, Client) == before + 2


def test_xlsx_with_a_merged_title_row_and_english_headers(demo_db: Database) -> None:
    rows: list[list[object]] = [
        ["Client", "Time zone", "Monthly budget"],
        ["Nordic Pine", "Europe/Helsinki", 120000],
        ["Ромашка", "Asia/Vladivostok", 5000.5],
    ]
    table = read_table(xlsx_bytes(rows, title="Клиенты агентства, 2026"), "clients.xlsx")
    assert table.headers == ("Client", "Time zone", "Monthly budget")
    assert table.rows[0] == ("Nordic Pine", "Europe/Helsinki", "120000")
    assert table.numbers == (3, 4)
    report = import_rows(demo_db, "clients", table, guess_mapping("clients", table.headers))
    assert report.created == 2 and not report.errors


def test_each_bad_row_gets_its_line_column_and_reason(demo_db: Database) -> None:
    rows = [
        ["Клиент", "Контакт", "Email", "День рождения"],
        ["Колос", "Анна Петрова", "anna@kolos.ru", "23.11.1985"],
        ["Колос", "Борис", "boris@", ""],
        ["Нет такого", "Вера", "vera@x.ru", ""],
        ["Колос", "Анна П.", "anna@kolos.ru", ""],
        ["Колос", "Гена", "gena@kolos.ru", "когда-то"],
    ]
    table = read_table(csv_bytes(rows, ";", "utf-8"), "contacts.csv")
    mapping = guess_mapping("contacts", table.headers)
    assert mapping == {"client": 0, "name": 1, "email": 2, "birthday": 3}
    before = count(demo_db, Contact)
    strict = import_rows(demo_db, "contacts", table, mapping, stop_on_errors=True)
    assert not strict.written and count(demo_db, Contact) == before
    problems = {(e.row, e.column): e.message for e in strict.errors}
    assert problems == {
        (3, "Email"): "must look like name@example.com",
        (4, "Клиент"): "no client “Нет такого” in this agency; import clients first",
        (5, "Email"): "the same email as line 2",
        (6, "День рождения"): "must be a date, such as 23.11.1985 or 1985-11-23",
    }
    # Without "stop on errors" the valid row goes in and the others are reported.
    lenient = import_rows(demo_db, "contacts", table, mapping)
    assert lenient.created == 1 and len(lenient.errors) == 4
    with demo_db.reading() as s:
        anna = s.execute(select(Contact).where(Contact.email == "anna@kolos.ru")).scalar_one()
        assert anna.birthday == date(1985, 11, 23)


def test_projects_find_their_client_service_and_manager_by_name(demo_db: Database) -> None:
    rows = [
        ["Клиент", "Проект", "Услуга", "Менеджер", "Статус", "Срок", "Часов в неделю"],
        ["C-0002", "Аудит скорости", "SEO", "Антон Белов", "в работе", "31.12.2026", "1,5"],
        ["Колос", "Новый лендинг", "Разработка", "", "пауза", "", ""],
        ["Колос", "Что-то", "Гадание", "Некто", "вечно", "завтра", "много"],
    ]
    table = read_table(csv_bytes(rows, ";", "utf-8"), "projects.csv")
    mapping = guess_mapping("projects", table.headers)
    assert set(mapping) == {
        "client",
        "name",
        "service",
        "manager",
        "status",
        "deadline",
        "weekly_effort_hours",
    }
    before = count(demo_db, Project)
    report = import_rows(demo_db, "projects", table, mapping)
    assert report.created == 2
    assert {e.column for e in report.errors if e.row == 4} == {
        "Услуга",
        "Менеджер",
        "Статус",
        "Срок",
        "Часов в неделю",
    }
    assert count(demo_db, Project) == before + 2
    with demo_db.reading() as s:
        audit = s.execute(select(Project).where(Project.name == "Аудит скорости")).scalar_one()
        assert audit.status == "active" and audit.weekly_effort_hours == 1.5
        assert audit.deadline == date(2026, 12, 31) and audit.manager_id is not None


def test_a_cancelled_import_writes_nothing(demo_db: Database) -> None:
    rows = [["Клиент", "Часовой пояс"]] + [[f"Клиент {n}", "Europe/Moscow"] for n in range(500)]
    table = read_table(csv_bytes(rows, ";", "utf-8"), "many.csv")
    before = count(demo_db, Client)
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 400  # the person presses Cancel

    with pytest.raises(ImportCancelled):
        import_rows(demo_db, "clients", table, {"name": 0, "timezone": 1}, progress=progress)
    assert seen == [200, 400] and count(demo_db, Client) == before


def test_a_mapping_without_a_required_column_is_refused(demo_db: Database) -> None:
    table = read_table(csv_bytes([["Сегмент", "Бюджет"], ["x", "1"]], ";", "utf-8"), "x.csv")
    with pytest.raises(AccdeskError, match="no column is chosen for “Client”"):
        import_rows(demo_db, "clients", table, guess_mapping("clients", table.headers))


def test_cli_dry_run_reports_and_writes_nothing_then_imports(
    demo_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "clients.csv"
    source.write_bytes(csv_bytes(CLIENTS, ";", "cp1251"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "accdesk", "import", "clients", str(source), "--db",
             str(demo_path), *args],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    dry = run("--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["created"] == 2 and not json.loads(dry.stdout)["written"]
    done = run()
    assert done.returncode == 0 and done.stdout.startswith("Imported from clients.csv: 2 new")
    again = json.loads(run("--json").stdout)
    assert (again["created"], again["unchanged"]) == (0, 2)


def test_services_join_the_catalogue_and_formula_text_is_stored_as_typed(
    demo_db: Database,
) -> None:
    rows = [["Услуга", "Код"], ["Аналитика маркетплейсов", "marketplaces"], ["SEO", ""]]
    table = read_table(csv_bytes(rows, ";", "utf-8"), "services.csv")
    report = import_rows(demo_db, "services", table, guess_mapping("services", table.headers))
    assert (report.created, report.unchanged, report.errors) == (1, 1, ())
    # A project can now use the new service; a cell that looks like a formula stays text.
    rows = [["Клиент", "Проект", "Услуга"], ["Колос", '=HYPERLINK("x")', "marketplaces"]]
    table = read_table(csv_bytes(rows, ";", "utf-8"), "projects.csv")
    report = import_rows(demo_db, "projects", table, guess_mapping("projects", table.headers))
    assert report.created == 1, report.errors
    with demo_db.reading() as s:
        stored = s.execute(select(Project).where(Project.name.startswith("="))).scalar_one()
        assert stored.name == '=HYPERLINK("x")'
