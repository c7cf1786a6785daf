"""A table as people open it in a spreadsheet: CSV for any tool, XLSX for Excel and friends.

What is written is text someone typed, and a spreadsheet treats a cell that starts with
`=`, `+`, `-` or `@` as a formula (CSV injection: `=HYPERLINK(...)` in a client's name).
Such text is written so that it stays text: CSV cells get a leading apostrophe, the
convention spreadsheets read as "this is text", and XLSX cells are stored as strings.
Plain numbers are written as numbers so that they can be summed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")
SHEET_NAME_LIMIT = 31


def as_number(text: str) -> int | float | None:
    """The number a cell shows, when it is a plain one ("42", "-1.5"); else None."""
    if not NUMBER.fullmatch(text):
        return None
    return float(text) if "." in text else int(text)


def neutral(text: str) -> str:
    """Text a spreadsheet would take for a formula, made to stay text."""
    if text.startswith(FORMULA_STARTS) and as_number(text) is None:
        return "'" + text
    return text


def table_csv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with a byte-order mark and semicolons: what Excel opens directly in a Russian
    (or any comma-decimal) locale, and what every other tool reads too."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutral(h) for h in headers])
    for row in rows:
        writer.writerow([neutral(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_xlsx(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """One sheet: a bold, frozen header row, numbers as numbers, all other cells as text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:SHEET_NAME_LIMIT] or "Sheet"
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.value = header
        cell.data_type = "s"
        cell.font = bold
    widths = [len(h) for h in headers]
    for r, row in enumerate(rows, start=2):
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=column)
            number = as_number(text)
            if number is None:
                # Control characters cannot be stored in the format at all.
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
                cell.data_type = "s"  # never a formula, whatever it starts with
            else:
                cell.value = number
            widths[column - 1] = max(widths[column - 1], len(text))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(60, width + 2)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
