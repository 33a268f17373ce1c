"""Targets and reported figures: value, unit, year, comparator and kind, with their indicator and scope.

Read from indicator tables (:mod:`loaders.indicator_tables`) and from
sentences of the genre: ``到2025年，全市传统产业规模达到5000亿元``,
``年均增长6%以上``, ``企业470余家``. A target is set by the measure it stands
in (else the policy) and is FOR the chain a measure is headed by, else the
district the table column names, else the document's scope. In news the
figures are ``actual`` and dated by the year the sentence names or the
document's date.
"""

from __future__ import annotations

import re

from graph.model import Node, clean_name, make_uid
from loaders import departments, divisions, numbers
from loaders.builder import DocumentGraph
from loaders.indicator_tables import TableValue, read_tables
from loaders.measures import Item, walk
from loaders.policy_sections import PolicySection, sections
from loaders.text import ParsedDocument

UNITS = (
    "万元/亩 万元/人 亿美元 万美元 亿元 万元 元 个百分点 % 万吨标煤 吨标准煤 万千瓦 千瓦 万亩 亩 万平方米 平方米 "
    "万人次 万人 人次 人 万家 家 个 项 条 台 件 场 所 座 次 批 套 吨"
).split()
_VERBS = (
    r"(?:年均增长|年均下降|年均增幅|同比增长|同比下降|增长|下降|提高到|提升到|提升至|提高至"
    r"|达到|突破|超过|不低于|不少于|不超过|控制在|保持|达|超|为|占比)"
)
_FIGURE = re.compile(
    rf"(?P<ind>[^，。；、：:\n]{{2,40}}?)(?P<verb>{_VERBS})?(?P<pre>超过|突破|超|近|约)?"
    rf"(?P<num>\d+(?:\.\d+)?(?:/\d+)?)\s*(?P<unit>{'|'.join(map(re.escape, sorted(UNITS, key=len, reverse=True)))})"
    r"(?P<post>以上|左右|以下|以内|余)?"
)
_BY_YEAR = re.compile(r"(?:到|至|截至)(20\d{2})年")
_YEAR = re.compile(r"(20\d{2})年")
_LEAD = re.compile(r"^(?:力争|确保|全年|全市|全省|累计|其中|每年|并|实现|推动|带动|完成|新增培育|三年)+")


def _indicator_name(raw: str, verb: str | None) -> str:
    name = clean_name(_LEAD.sub("", raw.strip()))
    name = re.sub(r"^(?:到|至)?20\d{2}年(?:底|末)?", "", name)
    if verb and verb.startswith(("年均", "同比")):
        name += verb
    return name.strip("的")


def _target_node(
    graph: DocumentGraph, indicator: Node, scope: Node, year: int, kind: str, value: float, evidence: str, **props
) -> Node:
    key = (indicator.uid, scope.uid, str(year), kind, f"{value:g}")
    name = f"{indicator.name} {scope.name} {year}"
    target = graph.node("Target", name, evidence, key=key, value=value, year=year, kind=kind, **props)
    graph.edge("OF_INDICATOR", target, indicator, evidence)
    graph.edge("FOR", target, scope, evidence)
    return target


def _scope_node(graph: DocumentGraph, name: str | None, evidence: str) -> Node | None:
    if not name:
        return None
    div = divisions.division(name)
    return graph.node("District", name, evidence, level=div.level if div else "zone")


def _table_targets(doc: ParsedDocument, graph: DocumentGraph, section: PolicySection, policy: Node) -> None:
    year = section.years[1] if section.years else None
    for value in read_tables(doc.text[section.start : section.end], doc.scope, year):
        _store_table_value(doc, graph, policy, value)


def _store_table_value(doc: ParsedDocument, graph: DocumentGraph, policy: Node, value: TableValue) -> None:
    if value.year is None:
        return
    evidence = value.row
    indicator = graph.node("Indicator", value.indicator, evidence, unit=value.unit)
    if value.owner:
        unit = departments.read_unit(value.owner, doc.scope)
        if unit is not None:
            graph.edge("OWNED_BY", indicator, departments.add(graph, unit, evidence), evidence)
    scope = _scope_node(graph, value.area or doc.scope, evidence)
    if scope is None:
        return
    target = _target_node(
        graph,
        indicator,
        scope,
        value.year,
        "target",
        value.value,
        evidence,
        unit=value.unit,
        comparator=value.comparator,
    )
    graph.edge("SETS", policy, target, evidence)


def _item_at(items: list[Item], offset: int) -> Item | None:
    found = None
    for item in walk(items):
        if item.start <= offset:
            found = item
    return found


def _chain_of(item: Item | None, doc: ParsedDocument) -> tuple[str, str] | None:
    """The chain an item or one of its ancestors is headed by (1.健康座椅 → 健康座椅)."""
    from loaders.industries import find_industries

    while item is not None:
        for mention in find_industries(item.title, doc.scope):
            if mention.name == clean_name(item.title) or mention.surface == clean_name(item.title):
                return mention.label, mention.name
        item = item.parent
    return None


def _text_figures(doc: ParsedDocument, graph: DocumentGraph, section: PolicySection | None, policy: Node | None):  # noqa: ANN202
    start, end = (section.start, section.end) if section else (0, len(doc.text))
    kind = "target" if section else "actual"
    default_year = (section.years[1] if section and section.years else None) or _document_year(graph)
    year_context = default_year
    for sentence in doc.sentences:
        if sentence.start < start or sentence.end > end or "\t" in sentence.text:
            continue
        by_year = _BY_YEAR.search(sentence.text)
        if by_year:
            year_context = int(by_year.group(1))
        elif re.match(r"^[（(]?[一二三四五六七八九十\d]+[、.．）)]", sentence.text):
            year_context = default_year
        item = _item_at(section.items or [], sentence.start) if section else None
        for clause in re.split(r"[，；。,;]", sentence.text):
            for match in _FIGURE.finditer(clause):
                _store_figure(doc, graph, match, clause, sentence.text, item, policy, kind, year_context, section)


def _document_year(graph: DocumentGraph) -> int | None:
    date = graph.document.props.get("date")
    return int(date[:4]) if date else None


def _store_figure(doc, graph, match, clause, evidence, item, policy, kind, year, section) -> None:  # noqa: ANN001
    raw = match.group("ind")
    if re.search(r"\d", raw[-2:]) or not re.search(r"[\u4e00-\u9fff]{2}", raw):
        return
    name = _indicator_name(raw, match.group("verb"))
    if len(name) < 2 or len(name) > 30:
        return
    value = numbers.parse_number(match.group("num"))
    if value is None:
        return
    unit = match.group("unit")
    if "/" in match.group("num"):
        unit = "%"
    clause_year = _YEAR.search(clause)
    if kind == "actual" and clause_year:
        year = int(clause_year.group(1))
    if year is None:
        return
    comparator = numbers.comparator((match.group("verb") or "") + (match.group("pre") or ""), match.group("post") or "")
    chain = _chain_of(item, doc) if item is not None else None
    scope = graph.node(chain[0], chain[1], evidence) if chain else _scope_node(graph, doc.scope, evidence)
    if scope is None:
        return
    indicator = graph.node("Indicator", name, evidence, unit=unit)
    target = _target_node(graph, indicator, scope, year, kind, value, evidence, unit=unit, comparator=comparator)
    setter_uid = getattr(item, "uid", None) if item is not None else None
    setter = graph.nodes.get(setter_uid) if setter_uid else policy
    if setter is not None:
        graph.edge("SETS", setter, target, evidence)


def extract(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Targets of every policy section (tables and sentences); reported figures in other documents."""
    found = sections(doc)
    if not found:
        _text_figures(doc, graph, None, None)
        return
    for section in found:
        uid = getattr(section, "uid", None)
        policy = graph.nodes.get(uid) if uid else None
        if policy is None:
            continue
        _table_targets(doc, graph, section, policy)
        _text_figures(doc, graph, section, policy)


__all__ = ["extract", "make_uid"]
