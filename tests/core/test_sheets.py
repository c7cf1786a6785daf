"""Tables written for spreadsheets: text stays text, numbers stay numbers."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from accdesk.storage.sheets import neutral, table_csv, table_xlsx

ROWS = [
    ['=HYPERLINK("http://x","Колос")', "42", "-5"],
    ["+7 999 123-45-67", "1.5", "@SUM(A1)"],
    ["-кампания", "-", "ООО «Ёлка»; филиал"],
]


def test_formula_like_text_is_neutralised_and_numbers_are_left_alone() -> None:
    assert neutral("=1+1") == "'=1+1"
    assert neutral("@x") == "'@x" and neutral("+7 999") == "'+7 999"
    assert neutral("-5") == "-5" and neutral("-2.5") == "-2.5"
    assert neutral("Колос") == "Колос"


def test_csv_opens_as_the_same_cells_with_formulas_kept_as_text() -> None:
    data = table_csv(["Клиент", "N", "M"], ROWS)
    assert data.startswith(b"\xef\xbb\xbf")  # the mark Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Клиент", "N", "M"]
    assert rows[1] == ['\'=HYPERLINK("http://x","Колос")', "42", "-5"]
    assert rows[2] == ["'+7 999 123-45-67", "1.5", "'@SUM(A1)"]
    assert rows[3] == ["'-кампания", "'-", "ООО «Ёлка»; филиал"]


def test_xlsx_stores_text_as_strings_and_plain_numbers_as_numbers() -> None:
    sheet = load_workbook(
        io.BytesIO(table_xlsx("Очередь: [все]", ["Клиент", "N", "M"], ROWS))
    ).active
    assert sheet is not None
    assert sheet.title == "Очередь   все "
    cells = [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]
    assert cells[0] == [("Клиент", "s"), ("N", "s"), ("M", "s")]
    assert cells[1] == [('=HYPERLINK("http://x","Колос")', "s"), (42, "n"), (-5, "n")]
    assert cells[2] == [("+7 999 123-45-67", "s"), (1.5, "n"), ("@SUM(A1)", "s")]
    assert sheet.freeze_panes == "A2"
