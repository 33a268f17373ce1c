"""District nodes: every district a document names, with its aliases and the hierarchy above it.

The districts are read by :mod:`chainkg.loaders.text.divisions` (the pipeline's findings hold them); this
extractor makes their nodes and ``PART_OF`` edges, leaving out places a news text only travels to.
"""

from __future__ import annotations

import re

from chainkg.graph.model import Node, node_uid
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.text.divisions import SCOPE_WORDS, DistrictMention, ancestors, city_of, division, level_of
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_at
from chainkg.loaders.text.keyword_scan import matches_near

#: Where a trip goes (赴上海、杭州等地举办…, 前往深圳参加…) and whom a place works with (同上海、苏州等城市的
#: 一体化, 接轨沪杭): places visited or partnered with, not places the text is about; a district named
#: only there is no node. Read in news, where trips and partners are reported.
#: Forms: (leading words, the rest with the place as its group). Each leading word opens its own top-level
#: branch of :data:`_TRIP`, which is tried only where a leading word stands (:func:`matches_near`).
_TRIP_FORMS = (
    (
        ("赴", "前往", "奔赴", "远赴"),
        r"([^，。；：:\d\n]{2,40}?)(?:等地|等城市|举办|开展|参加|参展|招商|考察|推介|学习|对接|拜访|走访)",
    ),
    (("同", "与"), r"([^，。；：:\d\n]{2,40}?)等(?:城市|地区?)的?(?:一体化|合作|协同|对接|联动)"),
    (("接轨", "联通", "融入"), r"([^，。；：:、“”\d\n]{1,8}?)(?=[，。；、”])"),
)
_TRIP = re.compile("|".join(lead + rest for leads, rest in _TRIP_FORMS for lead in leads))
_TRIP_LEADS = tuple(lead for leads, _ in _TRIP_FORMS for lead in leads)


#: A place that opens the name of a firm or body (江苏某某科技有限公司, 辽宁某某集团, 内蒙古科技大学, 广东省工业和
#: 信息化厅): the name words run on from the place, without a clause or list mark, to the body's kind word. Such a
#: place names the body, not an area the text is about. (局 is left out: 格局, 布局 end many words.)
_BODY_AFTER = re.compile(
    r"[）)]?[\u4e00-\u9fffA-Za-z0-9（）()]{0,10}?"
    r"(?:有限公司|有限责任公司|股份公司|公司|集团|大学|学院|研究院|研究所|科学院|人民政府|办公厅|厅|委员会|办公室)"
)
#: Words that start a clause, not a name: a place followed by one of them is the clause's subject (浙江省的…).
_CLAUSE_WORD = re.compile(r"[^的在与及对将把为是等各全原]*")


#: Words that put a place where something is (在独山港镇原某某公司的地块): what follows is no name of it.
_LOCATIVE_BEFORE = ("在", "于", "位于", "落户", "落地", "地处")


def _in_body_names(text: str, mention: DistrictMention) -> bool:
    """Whether ``mention`` opens the name of a firm or body, or stands in a cited title (《…》)."""
    if text.endswith(_LOCATIVE_BEFORE, max(0, mention.start - 2), mention.start):
        return False
    match = _BODY_AFTER.match(text, mention.end)
    if match and _CLAUSE_WORD.fullmatch(text, mention.end, match.end()):
        return True
    opened = text.rfind("《", max(0, mention.start - 60), mention.start)
    return opened >= 0 and text.find("》", opened, mention.start) < 0 and text.find("》", mention.end) >= 0


def named_places(
    text: str, mentions: list[DistrictMention], firm_names: list[tuple[str, int, int]]
) -> list[DistrictMention]:
    """The mentions that name places: not those inside a firm's name, a body's name or a cited title.

    The dev conventions (a firm's or body's name names no district) and real news alike: 天津 in a firm
    named after its home city is no statement that the text is about 天津.
    """
    spans = [(start, end) for _, start, end in firm_names]
    return [
        m
        for m in mentions
        if m.surface in SCOPE_WORDS
        or not (_in_body_names(text, m) or any(start <= m.start and m.end <= end for start, end in spans))
    ]


def _trip_spans(text: str) -> list[tuple[int, int]]:
    # one group per branch, so the one that took part is the last one
    return [match.span(match.lastindex) for match in matches_near(_TRIP, text, _TRIP_LEADS)]  # type: ignore[arg-type]


#: The rest of a zone's name and its committee after a place (贵州X经济开发区管委会): the place names the zone.
_ZONE_BODY = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:开发区|高新区|经开区|园区|产业园)(?:管委会|管理委员会)")
#: The rest of a medium's name after a place (X日报, X经济日报, X广播电视台, 中国X网讯): the place names the paper.
_MEDIUM_BODY = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:日报|晚报|早报|商报|电视台|广播电台|新闻网|网讯)")


def _carrier_spans(findings: Findings) -> list[tuple[int, int]]:
    """Where platforms and institutes are named."""
    return [(p.start, p.end) for p in findings.platforms]


def _names_a_carrier(text: str, mention: DistrictMention, carriers: list[tuple[int, int]]) -> bool:
    """A place's short form inside a carrier's name (江苏X科技产业园, 上海X产业园, 贵州X开发区管委会) names the
    carrier, as a place opening a firm's name names the firm, not an area the text is about. Written with its
    level (X区化工产业园) it still says where the park lies."""
    if _MEDIUM_BODY.match(text, mention.end):
        return True  # 甘肃日报 is a paper, 某省广播电视台 a broadcaster, whatever the place is written as
    if mention.surface.endswith(_LEVEL_WORDS):
        return False
    inside = any(start <= mention.start and mention.end <= end for start, end in carriers)
    return inside or bool(_ZONE_BODY.match(text, mention.end))


_LEVEL_WORDS = ("省", "市", "区", "县", "镇", "乡", "旗", "街道")


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """District nodes for every district named (not only as a trip's destination), with their aliases
    and the hierarchy above them."""
    scope = doc.scope
    trips = _trip_spans(doc.text) if graph.document.props.get("kind") == "news" else []
    # one node call per written form (全市 is named hundreds of times), counted, with its first sentence
    forms: dict[tuple[str, str, str], list[DistrictMention]] = {}
    carriers = _carrier_spans(findings)
    for mention in named_places(doc.text, findings.districts, findings.firm_names):
        if any(start <= mention.start < end for start, end in trips):
            continue
        if _names_a_carrier(doc.text, mention, carriers):
            continue
        forms.setdefault((mention.name, mention.surface, mention.level), []).append(mention)
    placed: set[str] = set()
    counties = _written_before_towns(findings.districts)
    for (name, surface, level), mentions in forms.items():
        evidence = sentence_at(doc, mentions[0].start)
        rule = "scope-reference" if surface in SCOPE_WORDS else "short-form"
        node = graph.node("District", name, evidence, aliases={surface: rule}, count=len(mentions), level=level)
        if name not in placed:  # the hierarchy once per district, however it is written
            placed.add(name)
            _add_parents(graph, node, mentions[0], counties.get(name) or scope, evidence)


def _written_before_towns(mentions: list[DistrictMention]) -> dict[str, str]:
    """Each town written right after its county (海城市牌楼镇, 溧阳市南渡镇) → that county: the town hangs under
    it rather than under the text's scope (a city's news names towns of all its counties)."""
    ends = {m.end: m.name for m in mentions if m.level == "county"}
    out: dict[str, str] = {}
    for mention in mentions:
        if mention.level == "town" and mention.start in ends:
            out.setdefault(mention.name, ends[mention.start])
    return out


def _add_parents(graph: DocumentGraph, node: Node, mention: DistrictMention, scope: str | None, evidence: str) -> None:
    """PART_OF up to the province; towns and zones hang under the scope's county or city."""
    chain = ancestors(mention.name)
    if mention.level == "zone":
        city = city_of(scope)
        chain = [city, *ancestors(city)] if city else []
    elif mention.level == "town":
        chain = [scope, *ancestors(scope)] if scope and level_of(scope) == "county" else []
    child = node
    for parent_name in chain:
        parent_div = division(parent_name)
        uid = node_uid("District", parent_name)
        parent = graph.nodes.get(uid) or graph.add_node(
            Node(uid, "District", parent_name, {}, {"level": parent_div.level} if parent_div else {})
        )
        graph.edge("PART_OF", child, parent, evidence)
        child = parent
