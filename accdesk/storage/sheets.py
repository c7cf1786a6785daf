"""Tables as people keep them in spreadsheets: CSV for any tool, XLSX for Excel and friends,
written (exports) and read (imports).

What is written is text someone typed, and a spreadsheet treats a cell that starts with
`=`, `+`, `-` or `@` as a formula (CSV injection: `=HYPERLINK(...)` in a client's name).
Such text is written so that it stays text: CSV cells get a leading apostrophe, the
convention spreadsheets read as "this is text", and XLSX cells are stored as strings.
Plain numbers are written as numbers so that they can be summed.

Reading turns a file into plain text cells: CSV decoded as UTF-8, then Windows-1251, unless
the person chose; the delimiter is the candidate that splits most of the first lines into
the same number of cells; the header is the first line with two or more cells.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from accdesk.errors import ImportProblem
from accdesk.text import translate

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


# Reading ------------------------------------------------------------------------------------
DELIMITERS = ";,\t|"


@dataclass(frozen=True)
class SourceTable:
    """A file's header and rows as text; `numbers` are the rows' lines in the file."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numbers: tuple[int, ...]
    encoding: str | None = None  # for CSV: what was read (or chosen)
    delimiter: str | None = None


def read_table(
    data: bytes, filename: str, *, encoding: str | None = None, delimiter: str | None = None
) -> SourceTable:
    """CSV (any of `DELIMITERS`, UTF-8 with or without BOM, or Windows-1251: detected unless
    given) or XLSX (the first sheet). Empty lines are skipped; the header is the first line
    with at least two cells filled, so a merged title row above it is passed over."""
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    text, used = _decode(data, encoding)
    if delimiter is None:
        delimiter = _delimiter(text)
    lines = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return _table([(n, row) for n, row in enumerate(lines, start=1)], used, delimiter)


def _delimiter(text: str) -> str:
    """The candidate that splits the most of the first lines into the same number of
    cells; a title line above the header (one cell) does not count against it. The csv
    module's sniffer gives up on such files."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, score = ",", 0
    for candidate in DELIMITERS:
        counts = Counter(line.count(candidate) for line in lines)
        counts.pop(0, None)
        agreeing = max(counts.values(), default=0)
        if agreeing > score:
            best, score = candidate, agreeing
    return best


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise ImportProblem(
                translate("Import", "the file cannot be read as {encoding}: {exc}").format(
                    encoding=encoding, exc=exc
                )
            ) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def _read_xlsx(data: bytes) -> SourceTable:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportProblem(
            translate("Import", "this is not a readable Excel workbook ({exc})").format(exc=exc)
        ) from exc
    sheet = book.worksheets[0]
    rows = [
        (n, ["" if v is None else _cell_text(v) for v in values])
        for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]
    book.close()
    return _table(rows, None, None)


def _cell_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(
    rows: Sequence[tuple[int, Sequence[str]]], encoding: str | None, delimiter: str | None
) -> SourceTable:
    filled = [(n, [c.strip() for c in row]) for n, row in rows if any(c.strip() for c in row)]
    start = next((i for i, (_n, row) in enumerate(filled) if sum(bool(c) for c in row) >= 2), None)
    if start is None:
        raise ImportProblem(
            translate("Import", "the file has no header line with at least two columns")
        )
    headers = filled[start][1]
    width = len(headers)
    body = filled[start + 1 :]
    return SourceTable(
        headers=tuple(headers),
        rows=tuple(tuple((row + [""] * width)[:width]) for _n, row in body),
        numbers=tuple(n for n, _row in body),
        encoding=encoding,
        delimiter=delimiter,
    )
