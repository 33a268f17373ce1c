"""Policies and their measures: the graph of who leads which measure, for which chain and area.

Each instrument of a policy document (see :mod:`chainkg.loaders.extract.policy_sections`)
becomes a Policy with its 文号, period, status and issuer; every numbered
item a Measure PART_OF its parent (top items PART_OF the policy); the unit
lists give LED_BY / INVOLVES; the chains a measure speaks of give SUPPORTS;
a 重点区域 line gives APPLIES_TO and DEVELOPED_IN. Every 《…》 title (and a
named plan introduced by 制定/实施/深化…) is a cited Policy.
"""

from __future__ import annotations

import re

from chainkg.graph.model import Node, clean_name, identity_key
from chainkg.loaders.extract import departments, responsible_units
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.documents import DOC_NUMBER, POLICY_CUES
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.extract.measures import Item, walk
from chainkg.loaders.extract.policy_sections import NOTICE, PolicySection
from chainkg.loaders.text import divisions
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import quote, sentence_at
from chainkg.loaders.text.keyword_scan import matches_near

_BOOK = re.compile(r"《([^《》]{2,80})》\s*(?:[（(]([^（）()]{3,30})[）)])?")
#: A cited plan's period in its name (2023—2025), and a period in brackets closing a title (its short name drops it).
_PERIOD_IN_NAME = re.compile(r"(\d{4})\s*[—\-－–]+\s*(\d{4})")
_BRACKETED_PERIOD = re.compile(r"[（(][^（）()]*\d{4}[^（）()]*[）)]$")
_STANDARD_CODE = re.compile(r"^(?:GB|DB|JB|HJ|QC|YY|T/)[A-Z0-9/\-.\s]+$")
_PLAN_VERBS = ("制定", "实施", "深化", "出台", "落实", "迭代升级", "研究制定", "发布")
_UNMARKED = re.compile(
    f"(?:{'|'.join(_PLAN_VERBS)})"
    r"((?:新一轮)?[^，。；、：:（）()《》\s]{4,34}?(?:行动计划|行动方案|若干政策|提升计划|提质增量计划|精英计划|整合退出方案))"
    r"(?=[，。；、）)]|$)"
)
#: A clause naming focus areas inside a sentence: 主攻沪苏杭等重点区域, 聚焦长三角等重点地区.
#: A plan named in quotes: 迭代升级“南太湖精英计划” (a quoted name ending as an instrument does).
_QUOTED = re.compile(r"“([^“”《》，。；\s]{2,30}?(?:计划|方案|意见|办法|条例|规划|纲要|政策|细则))”")
#: 《…》 titles that are publications, not instruments (定期编印《…简报》).
_PUBLICATION = re.compile(r"(?:简报|报告|年鉴|杂志|日报|晚报|白皮书|蓝皮书|通讯|专报|快报)$")
#: News names the instruments it reports on: a 《…》 title ending as an instrument does, a quoted label
#: followed by its instrument word (实施“A—B—C”梯度培育计划), or a list of short names of local policy
#: packages after 出台/实施 (出台实施人才新政2.0、招商七条、科技人才六条).
_NEWS_INSTRUMENT = ("条例", "纲要", "政策", "规范", "新政", *POLICY_CUES)
_NEWS_QUOTED = re.compile(
    r"(?:实施|出台|制定|推出|发布|落实)“([^“”《》，。；\s]{2,30})”"
    r"([^“”《》，。；、\s]{0,8}?(?:计划|方案|意见|办法|规划|政策|细则))(?=[，。；、）)]|$)"
)
_PACKAGE = r"[\u4e00-\u9fff]{2,8}?(?:新政(?:\d+(?:\.\d+)?)?|[一二三四五六七八九十]{1,3}条)"
_ISSUED = "(?:出台|实施|推出|发布)"
#: One or more issuing verbs, written X X* and not X+: a pattern opening with a repeat is tried at every
#: position of the text, one opening with the group of words lets the engine skip to their first characters.
_NEWS_PACKAGES = re.compile(rf"{_ISSUED}{_ISSUED}*((?:{_PACKAGE}、)*{_PACKAGE})(?=[，。；）)]|等)")
_INSTRUMENT_WORD = re.compile(r"(?:计划|方案|意见|办法|规划|政策|细则)$")
_FOCUS_CLAUSE = re.compile(r"([^，。；：:\n]{1,40}?)等?重点(?:区域|地区)(?![:：])")
_FOCUS_WORDS = ("重点区域", "重点地区")
#: What the words of :data:`_FOCUS_CLAUSE` before its focus word cannot hold.
_CLAUSE_STOPS = "，。；：:\n"
_FOCUS_AREA = re.compile(r"^(?:重点区域|重点地区|实施区域|布局区域)[:：]\s*(.+)$", re.MULTILINE)


def _policy_node(graph: DocumentGraph, section: PolicySection, doc: ParsedDocument, number: str | None) -> Node:
    aliases = {}
    bare = _BRACKETED_PERIOD.sub("", section.name).strip()
    if bare != section.name:
        aliases[bare] = "without-period"
    if section.title != section.name:
        aliases[section.title] = "with-status"
    if section.notice_title:
        aliases[section.notice_title] = "notice-title"
    evidence = sentence_at(doc, section.start)
    return graph.node(
        "Policy",
        section.name,
        evidence,
        aliases={clean_name(alias): rule for alias, rule in aliases.items()},
        docNumber=number,
        period=section.period,
        status=section.status,
    )


def _issuer(graph: DocumentGraph, policy: Node, issuer: str | None, doc: ParsedDocument, evidence: str) -> None:
    """ISSUED_BY each office that issues the policy: joint issuers each, as written (办公厅 stays 办公厅)."""
    if not issuer:
        return
    for unit in departments.issuing_offices(issuer, doc.scope):
        graph.edge("ISSUED_BY", policy, departments.add(graph, unit, evidence), evidence)


def _cited(text: str) -> list[tuple[str, str | None, int]]:
    """(title, 文号 or standard code, offset) of every policy or standard the text names."""
    out = []
    for match in _BOOK.finditer(text):
        code = match.group(2)
        if code and not (DOC_NUMBER.fullmatch(code) or _STANDARD_CODE.match(code)):
            code = None
        if not _PUBLICATION.search(match.group(1)):
            out.append((match.group(1), code, match.start()))
    # the plan verbs open with common characters: found as words (see loaders.keyword_scan); “ is found fast as it is
    for match in [*matches_near(_UNMARKED, text, _PLAN_VERBS), *_QUOTED.finditer(text)]:
        if text[match.end() : match.end() + 1] not in ("》",) and not _inside_book(text, match.start()):
            out.append((match.group(1), None, match.start(1)))
    return out


def _inside_book(text: str, offset: int) -> bool:
    """True when ``offset`` lies inside a 《…》 title (《“南太湖精英计划”产业园管理办法》 cites the 办法 only)."""
    opened = text.rfind("《", 0, offset)
    return opened >= 0 and text.rfind("》", opened, offset) < 0


def _core(name: str) -> str:
    """A cited name without its area and instrument word: 合肥市二氧化碳达峰行动计划 → 二氧化碳达峰行动."""
    places = divisions.find_districts(name[:12], None)
    if places and places[0].start == 0 and places[0].level in ("province", "city", "county"):
        name = name[places[0].end :]
    return _INSTRUMENT_WORD.sub("", name)


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def _same_policy(a: str, b: str) -> bool:
    """Two names of one cited plan: 二氧化碳达峰行动计划 and 二氧化碳排放达峰行动方案 (a word dropped,
    the instrument word changed). Same opening, and one core is the other's with characters left out."""
    short, long = sorted((_core(a), _core(b)), key=len)
    return (
        len(short) >= 6 and short[:4] == long[:4] and len(short) * 4 >= len(long) * 3 and _is_subsequence(short, long)
    )


def _cites(graph: DocumentGraph, doc: ParsedDocument, policy: Node, section: PolicySection, names: set[str]) -> None:
    cited = _cited(doc.text[section.start : section.end])
    canonical: dict[str, str] = {}  # a name → the longest name of the same plan
    ranked = sorted({clean_name(t) for t, _, _ in cited}, key=lambda n: (-len(n), n))
    for name in ranked:
        canonical[name] = next(
            (c for c in ranked if c != name and canonical.get(c) == c and _same_policy(name, c)), name
        )
    for title, code, offset in cited:
        name = clean_name(title)
        if identity_key(name) in names or len(name) < 4:
            continue  # the document's own instruments (the notice quotes its plan)
        written, name = name, canonical[name]
        evidence = sentence_at(doc, section.start + offset)
        notice = NOTICE.match(name)
        aliases = {notice.group("inner"): "notice-inner-title"} if notice else {}
        if written != name:
            aliases[written] = "same-plan"
        period = _PERIOD_IN_NAME.search(name)
        cited_node = graph.node(
            "Policy",
            name,
            evidence,
            aliases=aliases,
            docNumber=code,
            period=f"{period.group(1)}-{period.group(2)}" if period else None,
        )
        graph.edge("CITES", policy, cited_node, evidence)
        if notice:
            _issuer(graph, cited_node, notice.group("issuer"), doc, evidence)


def measure_key(policy: Node, item: Item) -> tuple[str, str]:
    """A Measure is its policy and numbering path (titles repeat across policies)."""
    return (policy.uid, item.code)


def _measure_node(graph: DocumentGraph, policy: Node, item: Item, evidence: str) -> Node:
    return graph.node(
        "Measure",
        clean_name(item.title) or item.code,
        evidence,
        key=measure_key(policy, item),
        code=item.code,
        title=clean_name(item.title),
        text=item.text,
        policy=policy.name,
    )


def _chains(text: str, scope: str | None) -> list[tuple[str, str]]:
    return [(m.label, m.name) for m in find_industries(text, scope)]


def _supports(
    graph: DocumentGraph, doc: ParsedDocument, item: Item, node: Node, inherited: list[tuple[str, str]], evidence: str
) -> tuple[list[tuple[str, str]], list[Node]]:
    """SUPPORTS to the chains the item names, to child headings that are chains, and to an ancestor's chain
    (``evidence``: the sentence the item starts in)."""
    own = _chains(item.text, doc.scope)
    heading_chains = [c for child in item.children for c in _chains(child.title, doc.scope) if c[1] == child.title]
    passed = list(inherited)
    title = clean_name(item.title)
    title_chain = [c for c in own if c[1] == title]
    if title_chain:
        passed = [*passed, *title_chain]
    targets = []
    for label, name in dict.fromkeys([*own, *heading_chains, *inherited]):
        if label not in ("IndustryChain", "Cluster"):
            continue
        chain = graph.node(label, name, evidence)
        graph.edge("SUPPORTS", node, chain, evidence)
        targets.append(chain)
    return passed, targets


def _focus_areas(graph: DocumentGraph, doc: ParsedDocument, item: Item, node: Node, chains: list[Node]) -> None:
    """重点区域：A、B → APPLIES_TO from the measure and DEVELOPED_IN from the chains it is headed by;
    a clause such as 主攻沪苏杭等重点区域 → APPLIES_TO only (the areas are where the measure acts,
    not where a chain grows)."""
    if "区域" not in item.text and "地区" not in item.text:
        return
    for match in _FOCUS_AREA.finditer(item.text):
        evidence = match.group(0)
        for mention in divisions.find_districts(match.group(1), doc.scope):
            district = graph.node(
                "District", mention.name, evidence, aliases={mention.surface: "focus-area"}, level=mention.level
            )
            graph.edge("APPLIES_TO", node, district, evidence)
            for chain in chains:
                graph.edge("DEVELOPED_IN", chain, district, evidence)
    # the clause pattern tries a clause at every character: start it only shortly before a focus word
    # (a match holds one at most 41 characters after its start, and no clause stop before it)
    for match in matches_near(_FOCUS_CLAUSE, item.text, _FOCUS_WORDS, 41, _CLAUSE_STOPS):
        at = doc.text.find(match.group(0), item.start)
        evidence = sentence_at(doc, at) if at >= 0 else match.group(0)
        for mention in divisions.find_districts(match.group(1), doc.scope):
            if mention.name == doc.scope:
                continue  # 全市重点区域: the document's own area is no focus
            district = graph.node(
                "District", mention.name, evidence, aliases={mention.surface: "focus-area"}, level=mention.level
            )
            graph.edge("APPLIES_TO", node, district, evidence)


def _responsibility(graph: DocumentGraph, doc: ParsedDocument, item: Item, node: Node) -> None:
    found = responsible_units.of_item(item, doc.scope)
    if found is None:
        return
    at = doc.text.find(found.evidence, item.start)
    if at >= 0:  # the unit list as the file writes it
        found.evidence = quote(doc, at, at + len(found.evidence))
    if found.lead is not None:
        graph.edge("LED_BY", node, departments.add(graph, found.lead, found.evidence), found.evidence)
    for other in found.others:
        graph.edge("INVOLVES", node, departments.add(graph, other, found.evidence), found.evidence)


def _news_citations(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Policy nodes for the instruments a news text names (no citing policy: news cites none itself)."""
    found: list[tuple[str, int]] = []
    for match in _BOOK.finditer(doc.text):
        title = match.group(1)
        instrument = title.rstrip("）)").rstrip("0123456789—-－年（(").endswith(_NEWS_INSTRUMENT)
        if instrument and not _PUBLICATION.search(title):
            found.append((title, match.start()))
    for match in _NEWS_QUOTED.finditer(doc.text):
        found.append((match.group(1) + match.group(2), match.start(1)))
    for match in _NEWS_PACKAGES.finditer(doc.text):
        offset = match.start(1)
        for name in match.group(1).split("、"):
            found.append((name, offset))
            offset += len(name) + 1
    for title, offset in found:
        name = clean_name(title)
        if len(name) >= 4:
            graph.node("Policy", name, sentence_at(doc, offset))


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Policy, Measure and their relations for every instrument of a policy document; the instruments
    a news text names."""
    if graph.document.props.get("kind") == "news":
        _news_citations(doc, graph)
    found = findings.sections
    number = graph.document.props.get("docNumber")
    names = {identity_key(n) for s in found for n in (s.name, s.title)}
    main: Node | None = None
    for index, section in enumerate(found):
        policy = _policy_node(graph, section, doc, number if index == 0 else None)
        section.uid = policy.uid
        _issuer(graph, policy, section.issuer, doc, sentence_at(doc, section.start))
        if main is None:
            main = policy
        else:
            graph.edge("CITES", main, policy, sentence_at(doc, section.start))
        _cites(graph, doc, policy, section, names)
        _measures(graph, doc, policy, section)


def _measures(graph: DocumentGraph, doc: ParsedDocument, policy: Node, section: PolicySection) -> None:
    inherited: dict[int, list[tuple[str, str]]] = {}
    for item in walk(section.items or []):
        evidence = sentence_at(doc, item.start)  # of the measure, its PART_OF and its SUPPORTS: looked up once
        node = _measure_node(graph, policy, item, evidence)
        item.uid = node.uid
        parent_uid = item.parent.uid if item.parent else None
        parent = graph.nodes[parent_uid] if parent_uid else policy
        graph.edge("PART_OF", node, parent, evidence)
        passed, chains = _supports(graph, doc, item, node, inherited.get(id(item.parent), []), evidence)
        inherited[id(item)] = passed
        _responsibility(graph, doc, item, node)
        # the chains a 重点区域 line develops are those the item is headed by (1.健康座椅), not every one it names
        headed = [c for c in chains if (c.label, c.name) in passed] or chains
        _focus_areas(graph, doc, item, node, headed)


__all__ = ["extract", "measure_key", "POLICY_CUES"]
