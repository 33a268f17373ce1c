"""Files the viewer sends: CSV and Excel tables, with Chinese file names.

CSV is UTF-8 with a byte-order mark, because Excel on Chinese Windows reads a CSV without one
as GBK and garbles it. Cells that a spreadsheet would run as a formula (starting with = + - @)
are written as text, so a name taken from a document can never execute in someone's Excel.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def attachment(filename: str, ascii_fallback: str) -> str:
    """A Content-Disposition header keeping a Chinese file name (RFC 6266 ``filename*``)."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename)}"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheet_title: str, headers: list[str], rows: list[list[object]]) -> bytes:
    """An Excel workbook with one sheet, a bold frozen header row and text cells."""
    # openpyxl takes a while to import and only the Excel downloads need it: imported on first use.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", "-", sheet_title)[:31]  # characters Excel forbids in sheet names
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([None if v is None else (v if isinstance(v, int | float) else str(v)) for v in row])
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if cell.data_type == "f":  # a text cell starting with "=": keep it text
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    for i, header in enumerate(headers, start=1):
        width = max([len(header) * 2, *(min(60, len(str(r[i - 1] or "")) * 2) for r in rows[:200])])
        sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = max(8, width)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
