"""Spreadsheets people bring (CSV and XLSX), read into plain text cells, refused whole with
one sentence when they cannot be read as they are.

A file is a hostile input: it may be huge, a zip bomb posing as a workbook, in an encoding
it does not declare, or broken halfway. So the limits below are checked before anything is
parsed, a CSV's encoding is detected (charset-normalizer) and a guess that is not clear is
refused rather than turned into mojibake, line endings of any system are read, and a cell
that cannot be read names its line. Nothing read here is written anywhere: importing decides
what is stored (`accdesk.ops.importing`).
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from accdesk.errors import ImportProblem
from accdesk.text import translate

MB = 1 << 20
MAX_FILE_BYTES = 50 * MB  # a CSV or workbook bigger than this is refused before reading
MAX_UNPACKED_BYTES = 200 * MB  # what a workbook's parts may unpack to, all together
MAX_RATIO = 100  # a part packed tighter than this is a bomb, not a table
MAX_ROWS = 250_000
MAX_CELL = 32_767  # characters in a cell: Excel's own limit
DELIMITERS = ";,\t|"
SURE = 0.2  # charset-normalizer's "chaos" above this: the guess is not clear enough
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
    """CSV (any of `DELIMITERS`, in the encoding given or detected) or XLSX (the first
    sheet). Empty lines are skipped; the header is the first line with at least two cells
    filled, so a merged title row above it is passed over."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem(
            translate(
                "Import", "the file is larger than {limit} MB; split it into smaller files"
            ).format(limit=MAX_FILE_BYTES // MB)
        )
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    text, used = decode(data, encoding)
    delimiter = _checked_delimiter(delimiter) if delimiter is not None else _delimiter(text)
    return _table(list(_csv_rows(text, delimiter)), used, delimiter)


# CSV --------------------------------------------------------------------------------------
def decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and the encoding it was read in: the one given, a byte-order mark's, UTF-8,
    or a clear guess; a file that reads as none of these is refused, not garbled."""
    if encoding is not None:
        try:
            return _clean(data.decode(encoding), encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise ImportProblem(
                translate("Import", "the file cannot be read as {encoding}: {exc}").format(
                    encoding=encoding, exc=exc
                )
            ) from None
    for mark, name in BOMS:
        if data.startswith(mark):
            try:
                return _clean(data.decode(name), name), name
            except UnicodeDecodeError:
                break
    try:
        return _clean(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * MB]).best()
    if best is None or best.chaos > SURE:
        raise ImportProblem(
            translate(
                "Import",
                "the file's encoding cannot be told for sure; save it as UTF-8 (CSV UTF-8 in Excel) or choose its encoding",  # noqa: E501
            )
        )
    try:
        return _clean(data.decode(best.encoding), best.encoding), best.encoding
    except UnicodeDecodeError:
        raise ImportProblem(
            translate("Import", "the file cannot be read as {encoding}: {exc}").format(
                encoding=best.encoding, exc="not all of it"
            )
        ) from None


def _clean(text: str, encoding: str) -> str:
    """Text as it was meant: a stray NUL or control character means the guess (or the
    choice) is wrong, and a wrong guess is refused, never stored."""
    bad = next(
        (
            ch
            for ch in text[: 4 * MB]
            if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cs", "Co")
        ),
        None,
    )
    if bad is not None:
        raise ImportProblem(
            translate(
                "Import",
                "read as {encoding}, the file holds control characters ({char}): it is in another encoding, or not text; choose its encoding or save it as UTF-8",  # noqa: E501
            ).format(encoding=encoding, char=f"U+{ord(bad):04X}")
        )
    return text


def _checked_delimiter(delimiter: str) -> str:
    if len(delimiter) != 1 or delimiter in '"\r\n' or delimiter.isalnum():
        raise ImportProblem(
            translate(
                "Import",
                "the delimiter must be one character such as ; , | or a tab, not {value!r}",
            ).format(value=delimiter)
        )
    return delimiter


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


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of every row; line endings of any system are read, and a broken row
    (a quote never closed, a cell too long) is refused with its line."""
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter, strict=True)
    line = 1
    try:
        for count, row in enumerate(reader, start=1):
            if count > MAX_ROWS:
                raise ImportProblem(
                    translate("Import", "the file has more than {limit} rows").format(
                        limit=MAX_ROWS
                    )
                )
            too_long = next((cell for cell in row if len(cell) > MAX_CELL), None)
            if too_long is not None:
                raise csv.Error(f"field larger than field limit ({MAX_CELL})")
            yield line, row
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportProblem(
            translate("Import", "line {line}: {problem}").format(line=line, problem=_said(exc))
        ) from None


def _said(error: csv.Error) -> str:
    text = str(error)
    if "end of data" in text or "EOF" in text:
        return translate("Import", 'a quote (") opened here is never closed')
    if "field limit" in text:
        return translate("Import", "a cell is longer than {limit} characters").format(
            limit=MAX_CELL
        )
    return translate("Import", "this line cannot be read as CSV ({error})").format(error=text)


# XLSX -------------------------------------------------------------------------------------
def _read_xlsx(data: bytes) -> SourceTable:
    _check_packing(data)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportProblem(
            translate("Import", "this is not a readable Excel workbook ({exc})").format(exc=exc)
        ) from None
    try:
        return _table(list(_sheet_rows(book.worksheets[0])), None, None)
    finally:
        book.close()


def _check_packing(data: bytes) -> None:
    """A workbook is a zip: its parts are measured before any is unpacked, so a bomb (a
    small file unpacking to gigabytes) is refused in milliseconds."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ImportProblem(
            translate("Import", "this is not a readable Excel workbook ({exc})").format(exc=exc)
        ) from None
    total = sum(p.file_size for p in parts)
    packed_tight = any(
        p.file_size > MB and p.file_size > MAX_RATIO * max(p.compress_size, 1) for p in parts
    )
    if total > MAX_UNPACKED_BYTES or packed_tight:
        raise ImportProblem(
            translate(
                "Import",
                "the workbook unpacks to {size} MB, more than a table needs (at most {limit} MB, packed at most {ratio}:1); save it again from Excel, or as CSV",  # noqa: E501
            ).format(size=total // MB, limit=MAX_UNPACKED_BYTES // MB, ratio=MAX_RATIO)
        )


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    rows = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        number += 1
        try:
            values = next(rows)
        except StopIteration:
            return
        # a cell's XML may be broken in ways the parser reports as a syntax error
        except (ValueError, OverflowError, TypeError, KeyError, SyntaxError) as exc:
            raise ImportProblem(
                translate("Import", "row {row}: a cell cannot be read ({exc})").format(
                    row=number, exc=exc
                )
            ) from None
        if number > MAX_ROWS:
            raise ImportProblem(
                translate("Import", "the file has more than {limit} rows").format(limit=MAX_ROWS)
            )
        yield number, ["" if v is None else _cell_text(v) for v in values]


def _cell_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)[: MAX_CELL + 1]


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
