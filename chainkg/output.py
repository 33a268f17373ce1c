"""Query rows as text for the terminal: an aligned table, JSON or CSV (``chainkg query --format``)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    """A value as one cell: lists and maps as compact JSON (Chinese kept readable), None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _width(text: str) -> int:
    """Terminal columns: Chinese characters take two, so the table lines up."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    """``rows`` in ``fmt``; the columns are the first row's keys, in order (every row of a query has the same)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1, default=str)
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
        return out.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(_width(text) for text in [c, *(line[i] for line in cells)]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(columns), rule, *(line(values) for values in cells), f"({len(rows)} rows)"])
