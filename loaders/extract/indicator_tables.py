"""Indicator tables: tab-separated rows of indicators with their values and responsible units.

Two layouts recur in plans: indicator × area (a header of district names,
one value per area, a 责任部门 column) and a list (序号, 类别, 指标名称,
目标值, 责任单位) whose category cell is written once and spread over the
rows below it. Columns are recognised by their header words and by the
districts the header names, not by position, so other column orders read too.
Units come from the bracket ending an indicator name: 规上工业亩均税收（万元/亩）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chainkg.loaders.text import divisions, numbers

_UNIT = re.compile(r"[（(]([^（）()]{1,8})[）)]\s*$")
#: A comparator closing the name cell (工业用地比例不低于（%）): it belongs to the value, not the indicator.
_TRAILING_COMPARATOR = re.compile(r"(?:不低于|不少于|不高于|不超过|达到|以上|以下)$")
_VALUE = re.compile(r"(\d+(?:\.\d+)?|\d+/\d+)")
_NAME_HEADERS = ("指标名称", "指标", "名称")
_VALUE_HEADERS = ("目标值", "目标", "指标值", "数值")
_UNIT_HEADERS = ("责任单位", "责任部门", "牵头单位", "牵头部门")
_YEAR = re.compile(r"(20\d{2})\s*年")
_SPACE = re.compile(r"\s+")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


@dataclass(slots=True)
class TableValue:
    """One cell of an indicator table read as a target."""

    indicator: str
    unit: str
    value: float
    comparator: str
    area: str | None  # canonical district, None for the document scope
    owner: str | None  # the responsible unit as written
    year: int | None
    row: str


@lru_cache(maxsize=4096)
def split_unit(cell: str) -> tuple[str, str]:
    """规上工业亩均税收（万元/亩） → (规上工业亩均税收, 万元/亩).

    Cached, as :func:`read_value` is: a plan restates its indicators in a list and an area table.
    """
    cell = _SPACE.sub("", cell)
    match = _UNIT.search(cell)
    name, unit = (cell[: match.start()], match.group(1)) if match else (cell, "")
    return _TRAILING_COMPARATOR.sub("", name) or name, unit


@lru_cache(maxsize=4096)
def read_value(cell: str) -> tuple[float, str] | None:
    """The number in a value cell and its comparator (``2个以上`` → 2, >=); None for text-only cells.

    Cached: value cells repeat (an area table often gives every county the same 7 or 12).
    """
    cell = _SPACE.sub("", _BRACKETED.sub("", cell))
    match = _VALUE.search(cell)
    if not match or match.start() > 6:
        return None
    value = numbers.parse_number(match.group(1))
    if value is None:
        return None
    found = numbers.comparator(cell[: match.start()], cell[match.end() :].lstrip("个家项%亿元万"))
    return value, found if found != "=" else ">="


def _unit_cell(header: _Header, cells: list[str]) -> str:
    """The unit a 单位 column gives a row (亿元, %), when the indicator's name carries none."""
    col = next((i for i, c in enumerate(header.cells) if c == "单位"), None)
    return cells[col] if col is not None and col < len(cells) else ""


def _year_values(
    header: _Header, cells: list[str], row: list[str], indicator: str, unit: str, owner: str | None
) -> list[TableValue]:
    """One value per year column of an indicator × year row (基数 2023, 目标 2026)."""
    if not indicator:
        return []
    out = []
    for col, year in header.years.items():
        read = read_value(cells[col]) if col < len(cells) else None
        if read is not None:
            out.append(TableValue(indicator, unit, read[0], read[1], None, owner, year, "\t".join(row)))
    return out


def _rows(block: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in block]


def read_tables(text: str, scope: str | None, default_year: int | None) -> list[TableValue]:
    """Every indicator value in the tab-separated tables of ``text``."""
    out: list[TableValue] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        caption = next((line for line in reversed(lines[max(0, i - 3) : i]) if line.strip()), "")
        year = _YEAR.search(caption)
        out += _read_block(_rows(lines[i:j]), scope, int(year.group(1)) if year else default_year)
        i = j
    return out


@dataclass
class _Header:
    """What a header row says about the rows below it, read once rather than for every row."""

    cells: list[str]
    owner_col: int | None
    name_col: int | None
    value_col: int | None
    areas: dict[int, str]  # column → the district its heading names (indicator × area layout)
    years: dict[int, int]  # column → the year its heading names (indicator × year layout: 2023年, 2026年目标)


def _header(cells: list[str], scope: str | None) -> _Header:
    owner_col = _column(cells, _UNIT_HEADERS)
    areas = {}
    for col, head in enumerate(cells):
        if col == 0 or col == owner_col or not head:
            continue
        found = divisions.find_districts(head, scope)
        if found:
            areas[col] = found[0].name
    years = {} if areas else _year_columns(cells, owner_col)
    return _Header(
        cells,
        owner_col,
        _column(cells, _NAME_HEADERS),
        None if years else _column(cells, _VALUE_HEADERS),
        areas,
        years,
    )


#: A column heading that is a year (2023年, 2025年目标, 2024年基数): the column holds that year's values.
_YEAR_HEADING = re.compile(r"^(20\d{2})\s*年?(?:目标值?|基数|基期|预期|值)?$")


def _year_columns(cells: list[str], owner_col: int | None) -> dict[int, int]:
    """The columns of an indicator × year table, by the year each heading names (two at least)."""
    found = {}
    for col, head in enumerate(cells):
        match = _YEAR_HEADING.match(head)
        if col and col != owner_col and match:
            found[col] = int(match.group(1))
    return found if len(found) >= 2 else {}


def _read_block(rows: list[list[str]], scope: str | None, year: int | None) -> list[TableValue]:
    out: list[TableValue] = []
    header: _Header | None = None
    for row in rows:
        cells = [_SPACE.sub("", c) for c in row]
        if _is_header(cells):
            header = _header(cells, scope)
            header_year = next((_YEAR.search(c) for c in cells if _YEAR.search(c)), None)
            if header_year and not header.years:
                year = int(header_year.group(1))
            continue
        if header is None:
            continue
        out += _read_row(header, cells, row, year)
    return out


def _is_header(cells: list[str]) -> bool:
    return any(c.startswith(_UNIT_HEADERS) or c in _NAME_HEADERS or c == "序号" for c in cells)


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    return next((i for i, c in enumerate(header) if any(w in c for w in words)), None)


def _read_row(header: _Header, cells: list[str], row: list[str], year: int | None) -> list[TableValue]:
    owner_col = header.owner_col
    owner = cells[owner_col] if owner_col is not None and owner_col < len(cells) else None
    name_col, value_col = header.name_col, header.value_col
    if name_col is not None and value_col is not None:
        if name_col >= len(cells) or value_col >= len(cells) or not cells[name_col]:
            return []
        indicator, unit = split_unit(cells[name_col])
        read = read_value(cells[value_col])
        return [TableValue(indicator, unit, read[0], read[1], None, owner, year, "\t".join(row))] if read else []
    # indicator × area (or × year): the first cell names the indicator, headers name the areas or years
    name_cell = cells[name_col] if name_col is not None and name_col < len(cells) else (cells[0] if cells else "")
    indicator, unit = split_unit(name_cell)
    if not unit:
        unit = _unit_cell(header, cells)
    if header.years:
        return _year_values(header, cells, row, indicator, unit, owner)
    if not indicator:
        return []  # no value of the row is read without its indicator: skip reading them
    source = "\t".join(row)  # the row as written, shared by its values
    out = []
    for col, area in header.areas.items():
        if col >= len(cells):
            continue
        read = read_value(cells[col])
        if read is not None:
            out.append(TableValue(indicator, unit, read[0], read[1], area, owner, year, source))
    return out
