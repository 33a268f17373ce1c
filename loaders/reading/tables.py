"""Read a table file (CSV or XLSX) into its header and its rows, each with the line a person sees it on.

Firm lists come as exports of enterprise databases (企查查, 天眼查, 启信宝) and as the lists government
offices keep (规上企业, 专精特新): Excel workbooks, or CSV in UTF-8 (often with a BOM) or GBK. The header
is the first row that names at least two cells (exports often open with a title line or a note); rows
after it are given with their line number in the file (the spreadsheet's row number), so a bad row can be
reported where the user will look for it. An unreadable file is one :class:`DocumentError` naming it.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from chainkg.graph.errors import DocumentError
from chainkg.loaders.reading.readers import decode_text

#: The suffixes read as tables.
TABLE_SUFFIXES = (".csv", ".xlsx")
#: How many leading lines may stand before the header (a title, an export note).
_HEADER_SEARCH = 10

#: A cell as read: text, or a date Excel stores as one (a CSV gives only text).
Cell = str | datetime.date


@dataclass(frozen=True)
class TableRow:
    """One row under the header: its line in the file and its cells by header."""

    line: int
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Table:
    """A table file's header and rows, with its bytes (whose sha256 is the Document's identity)."""

    path: Path
    data: bytes
    format: str
    header: list[str]
    rows: list[TableRow]


def _csv_lines(data: bytes, path: Path) -> Iterator[tuple[int, list[Cell]]]:
    text = decode_text(data, path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        start = 1
        for cells in reader:
            yield start, list(cells)
            start = reader.line_num + 1  # a quoted cell may span lines: the row is where it starts
    except csv.Error as exc:
        raise DocumentError(path, f"not a readable CSV (line {reader.line_num}: {exc})") from exc


def _delimiter(text: str) -> str:
    """The separator of the header line: comma, tab or semicolon, whichever it holds most (Excel's
    "CSV" is a semicolon one in some locales, and many exports are tab-separated)."""
    head = text[:4096].splitlines()[:_HEADER_SEARCH]
    counts = {sep: max((line.count(sep) for line in head), default=0) for sep in (",", "\t", ";")}
    return max(counts, key=lambda sep: counts[sep])


def _xlsx_lines(data: bytes, path: Path) -> Iterator[tuple[int, list[Cell]]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentError(path, f"not a readable .xlsx (truncated or damaged: {exc})") from exc
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_xlsx_cell(value) for value in values]
    finally:
        book.close()


def _xlsx_cell(value: object) -> Cell:
    """Excel's value as a cell: dates stay dates; numbers as written (1.0 → 1, so codes keep their digits)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text(cell: Cell) -> str:
    return cell.strip() if isinstance(cell, str) else cell.isoformat()


def read_bytes(path: Path) -> bytes:
    """The bytes of a table file (their sha256 says whether it is stored already, before any parsing)."""
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise DocumentError(path, f"unsupported table type {suffix or '(none)'}; supported: .csv, .xlsx")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read file: {exc.strerror or exc}") from exc


def read_table(path: Path, data: bytes | None = None) -> Table:
    """The header and rows of ``path`` (whose bytes are ``data`` if already read); :class:`DocumentError`
    when it cannot be read as a table."""
    if data is None:
        data = read_bytes(path)
    suffix = path.suffix.lower()
    lines = _csv_lines(data, path) if suffix == ".csv" else _xlsx_lines(data, path)
    header: list[str] | None = None
    rows: list[TableRow] = []
    for line, cells in lines:
        if header is None:
            named = [_text(c) for c in cells]
            if sum(1 for c in named if c) >= 2:
                header = named
            elif line >= _HEADER_SEARCH:
                break
            continue
        values = [c.strip() if isinstance(c, str) else c for c in cells]
        if not any(values):
            continue  # blank lines between blocks, trailing empty rows of a sheet
        rows.append(TableRow(line, {h: v for h, v in zip(header, values, strict=False) if h}))
    if header is None:
        raise DocumentError(path, f"no header row (a row naming the columns) in the first {_HEADER_SEARCH} lines")
    return Table(path, data, suffix[1:], header, rows)
