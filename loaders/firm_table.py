"""A firm table's rows → the graph it states: a ``firm_table`` Document, its firms and where they are.

The columns of common enterprise-database exports are found by their headers (``firm_columns.toml``);
other headers are mapped by the user (``--columns 企业名称=Name``). Each good row is one ``Enterprise``
with the row's properties, ``MENTIONED_IN`` the table (the edge keeps the row's own values, see
:data:`chainkg.graph.model.TABLE_PROPS`) and ``LOCATED_IN`` the most specific district its place columns
name, the same ``District`` node the documents' loaders make. A row that cannot be read (no name, a
credit code whose check digit is wrong, a 成立日期 that is no date, a place that is no division) is a
:class:`BadRow` with its line, and states nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from chainkg.graph.errors import DocumentError
from chainkg.graph.model import Edge, Graph, Node, clean_name, make_uid, node_uid
from chainkg.loaders.extract.documents import display_path
from chainkg.loaders.reading.tables import Cell, Table, TableRow
from chainkg.loaders.resolve import credit_uid, identity_uid
from chainkg.loaders.text.divisions import Division, ancestors, division, place_of
from chainkg.loaders.text.numbers import parse_number

#: The built-in header aliases of every field, and the tags of the yes/no fields.
COLUMNS_FILE = Path(__file__).with_name("firm_columns.toml")
#: The kind of a firm table's Document (policy and news are the documents').
KIND = "firm_table"

#: GB 32100-2015: the 31 characters of a 统一社会信用代码 and the weights of its first 17 for the check digit.
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUES = {c: i for i, c in enumerate(_CREDIT_CHARS)}
_CREDIT_FORM = re.compile(f"[{_CREDIT_CHARS}]{{18}}")

#: What a yes/no column writes for no (anything else it writes is yes: 是, Y, 1, √, 已上市, 主板).
_NO = frozenset({"", "否", "无", "n", "no", "false", "0", "×", "x", "-", "—", "未上市", "非上市", "不是"})
#: Tags a 企业标签 / 资质 column may name, found anywhere in its text.
_LISTED_TAGS = ("专精特新小巨人", "专精特新", "高新技术企业", "上市", "规上")
#: A header without spaces and bracketed notes: 注册资本（万元） is 注册资本.
_HEADER_NOISE = re.compile(r"[（(][^）)]*[）)]|\s|\*")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+[\d:]+)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_CAPITAL = re.compile(r"([\d,，]+(?:\.\d+)?|[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*(亿|万)?")
_CURRENCIES = ("美元", "欧元", "港元", "港币", "日元", "英镑", "新台币", "澳元", "加元", "新加坡元", "瑞士法郎")


@dataclass(frozen=True)
class ColumnMap:
    """Which header of a file holds each field, and the tag each yes/no field adds."""

    headers: dict[str, str]
    tags: dict[str, str]


@dataclass(frozen=True)
class BadRow:
    """A row left out, with its line in the file and the reason (in Chinese, as the user reads it)."""

    line: int
    reason: str


@dataclass
class FirmRow:
    """A good row: its firm's name and properties, its district, and the short text quoting it."""

    line: int
    name: str
    props: dict[str, Any]
    district: Division | None
    evidence: str


@dataclass
class FirmTable:
    """What a file states once read: its rows as firms, its bad rows, and the Document it is."""

    document: Node
    rows: list[FirmRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    rows_read: int = 0


@cache
def _builtin() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    data = tomllib.loads(COLUMNS_FILE.read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in data["columns"].items()}, dict(data["tags"])


def _header_key(header: str) -> str:
    return _HEADER_NOISE.sub("", header)


def field_name(text: str) -> str | None:
    """The field ``text`` names: a field's own name (business_scope) or any of its built-in headers (经营范围)."""
    aliases, _ = _builtin()
    if text in aliases:
        return text
    key = _header_key(text)
    return next((name for name, forms in aliases.items() if key in forms), None)


def parse_column_option(text: str) -> dict[str, str]:
    """``企业名称=Name,经营范围=Scope`` (or a TOML file of ``[columns]`` field = "Header") → field → header."""
    path = Path(text)
    if text.endswith(".toml") or path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise DocumentError(path, f"cannot read the column map: {exc}") from exc
        pairs = [(k, v) for k, v in data.get("columns", data).items() if isinstance(v, str)]
    else:
        pairs = []
        for part in filter(None, (p.strip() for p in re.split(r"[,，]", text))):
            left, sep, right = part.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise ValueError(f"列映射“{part}”应写成 字段=表头（如 企业名称=Name）")
            pairs.append((left.strip(), right.strip()))
    out: dict[str, str] = {}
    for left, right in pairs:
        name = field_name(left)
        if name is None:
            known = "、".join(forms[0] for forms in _builtin()[0].values())
            raise ValueError(f"未知字段“{left}”；可用字段：{known}")
        out[name] = right
    return out


def column_map(header: list[str], path: Path, given: Mapping[str, str] | None = None) -> ColumnMap:
    """The header of each field in ``header``: ``given`` ones first, then the built-in aliases, in order.

    :class:`DocumentError` when no column holds the firm's name, or a given header is not in the file.
    """
    aliases, tags = _builtin()
    keys = {_header_key(h): h for h in reversed(header) if h}
    headers: dict[str, str] = {}
    for name, wanted in (given or {}).items():
        if wanted not in header and _header_key(wanted) not in keys:
            named = "、".join(h for h in header if h)
            raise DocumentError(path, f"列映射中的表头“{wanted}”不在文件中（表头：{named}）")
        headers[name] = wanted if wanted in header else keys[_header_key(wanted)]
    taken = set(headers.values())
    for name, forms in aliases.items():
        if name in headers:
            continue
        found = next((keys[form] for form in forms if form in keys and keys[form] not in taken), None)
        if found is not None:
            headers[name] = found
            taken.add(found)
    if "name" not in headers:
        raise DocumentError(
            path,
            f"找不到企业名称列（表头：{'、'.join(h for h in header if h)}）；"
            "用 --columns 企业名称=表头 指明 / no firm name column: map it with --columns",
        )
    return ColumnMap(headers, tags)


def credit_code_error(code: str) -> str | None:
    """Why ``code`` is no 统一社会信用代码 (GB 32100-2015: 18 characters, the last a check digit), or None."""
    if not _CREDIT_FORM.fullmatch(code):
        return f"统一社会信用代码“{code}”格式不对（应为18位数字或大写字母，不含I、O、Z、S、V）"
    expected = with_check_digit(code[:17])[17]
    if code[17] != expected:
        return f"统一社会信用代码“{code}”校验位错误（应为{expected}）"
    return None


def with_check_digit(first17: str) -> str:
    """A credit code's first 17 characters with the check digit GB 32100-2015 gives them."""
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return first17 + _CREDIT_CHARS[(31 - total % 31) % 31]


def parse_date(cell: Cell) -> str | None:
    """An ISO date from a 成立日期 cell (2015-03-12, 2015/3/12, 2015年3月12日, 20150312, an Excel date)."""
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    match = _DATE.fullmatch(cell.strip()) or _COMPACT_DATE.fullmatch(cell.strip())
    if match is None:
        return None
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def parse_capital(text: str) -> tuple[float | None, str]:
    """A 注册资本 as (amount in 万 of its currency, currency): 1000万元人民币 → (1000.0, 人民币),
    1.2亿元 → (12000.0, 人民币), 500万美元 → (500.0, 美元). A bare number is in 万 (the 万元 of the
    exports' column). (None, …) when no number is written."""
    currency = next((c for c in _CURRENCIES if c in text), "人民币")
    currency = "港元" if currency == "港币" else currency
    match = _CAPITAL.search(text)
    if match is None:
        return None, currency
    value = parse_number(match.group(1).replace(",", "").replace("，", ""))
    if value is None:
        return None, currency
    unit = match.group(2)
    if unit == "亿":
        value *= 10_000
    elif unit is None and "元" in text[match.end() : match.end() + 2] and "万" not in text:
        value /= 10_000  # 5000000元: in 元
    return round(value, 4), currency


def _yes(cell: Cell) -> bool:
    return isinstance(cell, datetime.date) or cell.strip().lower() not in _NO


def _text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return cell.isoformat() if isinstance(cell, datetime.date) else cell.strip()


def read_row(row: TableRow, columns: ColumnMap, quote: str) -> FirmRow | BadRow:
    """One row as a firm, or why it is left out. ``quote`` opens its evidence (企业名单 firms.csv)."""
    h = columns.headers
    cells = row.cells
    texts = {key: _text(cells.get(header)) for key, header in h.items()}

    def value(key: str) -> str:
        return texts.get(key, "")

    name = clean_name(value("name"))
    if not name:
        return BadRow(row.line, "缺少企业名称")
    props: dict[str, Any] = {}
    code = value("credit_code").upper().replace(" ", "")
    if code:
        error = credit_code_error(code)
        if error:
            return BadRow(row.line, error)
        props["credit_code"] = code
    founded_cell = cells.get(h["founded"], "") if "founded" in h else ""
    if founded_cell != "":
        founded = parse_date(founded_cell)
        if founded is None:
            return BadRow(row.line, f"成立日期“{_text(founded_cell)}”不是日期")
        props["founded"] = founded
    try:
        district = place_of(value("province"), value("city"), value("county"))
    except LookupError as exc:
        return BadRow(row.line, str(exc))
    capital = value("registered_capital")
    if capital:
        amount, currency = parse_capital(capital)
        props["registered_capital_text"] = capital
        if amount is not None:
            props["registered_capital"] = amount
            if currency != "人民币":
                props["registered_capital_currency"] = currency
    for key in ("legal_representative", "company_type", "industry", "business_scope", "province", "city", "county"):
        text = value(key)
        if text:
            props[key] = text
    tags = {tag for key, tag in columns.tags.items() if key in h and _yes(cells.get(h[key], ""))}
    qualifications = value("qualifications")
    tags.update(tag for tag in _LISTED_TAGS if tag in qualifications)
    if tags:
        props["tags"] = sorted(tags)
    shown = [k for k in ("name", "credit_code", "province", "city", "county") if value(k)]
    evidence = f"{quote} 第{row.line}行：" + "；".join(f"{h[k]}={texts[k]}" for k in shown)
    return FirmRow(row.line, name, props, district, evidence)


def document_node(table: Table, title: str | None = None) -> Node:
    """The Document node of a firm table: uid from its bytes, like every loaded file's."""
    sha = hashlib.sha256(table.data).hexdigest()
    props = {
        "title": title or table.path.stem,
        "path": display_path(table.path),
        "kind": KIND,
        "sha256": sha,
        "format": table.format,
    }
    return Node(make_uid("Document", sha), "Document", table.path.name, {}, props)


def read_firm_table(
    table: Table, columns: ColumnMap, *, title: str | None = None, progress: Callable[[int], None] | None = None
) -> FirmTable:
    """Every row of ``table`` read (``progress(n)`` after each batch of rows), good and bad apart."""
    out = FirmTable(document_node(table, title), rows_read=len(table.rows))
    quote = f"企业名单 {table.path.name}"
    for i, row in enumerate(table.rows, start=1):
        result = read_row(row, columns, quote)
        if isinstance(result, BadRow):
            out.bad.append(result)
        else:
            out.rows.append(result)
        if progress is not None and i % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(len(table.rows) % 1000)
    return out


def firm_graph(table: FirmTable) -> Graph:
    """The graph a read firm table states (before resolution against the store)."""
    graph = Graph()
    doc = table.document
    graph.add_node(doc)
    file_name = doc.name
    firms: dict[str, tuple[Node, Edge]] = {}
    codes: dict[str, str] = {}  # credit code → uid of its firm in this file
    scope: set[str] = set()
    for row in table.rows:
        code = row.props.get("credit_code")
        props = {**row.props, "import_sources": [f"{file_name} 第{row.line}行"]}
        node = Node("", "Enterprise", row.name, {}, props)  # its uid is found below
        uid = codes.get(code) if code else None
        if uid is None:
            uid = identity_uid(node)
            held = firms.get(uid)
            if code and held is not None and held[0].props.get("credit_code", code) != code:
                uid = credit_uid(code)  # another firm of the same short form: its code tells them apart
        if code:
            codes.setdefault(code, uid)
        node.uid = uid
        held = firms.get(uid)
        if held is None:
            mention = Edge("MENTIONED_IN", uid, doc.uid, {doc.uid: row.evidence}, {**props, "count": 1})
            firms[uid] = (graph.add_node(node), mention)
        else:  # the same firm on two rows: one firm, both rows its sources
            held[0].merge(node)
            held[1].merge(Edge("MENTIONED_IN", uid, doc.uid, {}, props))
            held[1].props["count"] += 1
        if row.district is not None:
            district = _add_district(graph, row.district, doc.uid, row.evidence)
            scope.add(district.uid)
            graph.add_edge(Edge("LOCATED_IN", uid, district.uid, {doc.uid: row.evidence}))
    for _, mention in firms.values():
        graph.add_edge(mention)
    doc.props["scope"] = sorted(scope)
    return graph


def _add_district(graph: Graph, div: Division, source: str, evidence: str) -> Node:
    """The district's node and its ``PART_OF`` chain up to the province, as the documents' loader makes them."""
    uid = node_uid("District", div.canonical)
    node = graph.nodes.get(uid)
    if node is not None:
        mention = graph.edges[("MENTIONED_IN", uid, source)]
        mention.props["count"] += 1
        return node
    node = graph.add_node(Node(uid, "District", div.canonical, {}, {"level": div.level}))
    graph.add_edge(Edge("MENTIONED_IN", uid, source, {source: evidence}, {"count": 1}))
    child = node
    for parent_name in ancestors(div.canonical):
        parent_uid = node_uid("District", parent_name)
        parent = graph.nodes.get(parent_uid)
        if parent is None:
            parent_div = division(parent_name)
            level = {"level": parent_div.level} if parent_div else {}
            parent = graph.add_node(Node(parent_uid, "District", parent_name, {}, level))
            graph.add_edge(Edge("MENTIONED_IN", parent_uid, source, {source: evidence}, {"count": 1}))
        graph.add_edge(Edge("PART_OF", child.uid, parent_uid, {source: evidence}))
        child = parent
    return node


def summary(table: FirmTable, firms: int, merged: int) -> str:
    """The Document's text: what the import read and left out, as the viewer's document page shows it."""
    lines = [
        f"企业名单 {table.document.name}（导入的企业数据）",
        f"读取 {table.rows_read} 行，导入 {firms} 家企业（其中 {merged} 家与文档中的企业合并），"
        f"错误行 {len(table.bad)} 行。",
    ]
    shown = table.bad[:50]
    lines += [f"第{bad.line}行：{bad.reason}" for bad in shown]
    if len(table.bad) > len(shown):
        lines.append(f"……另有 {len(table.bad) - len(shown)} 行错误")
    return "\n".join(lines)
