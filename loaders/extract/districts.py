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


def _trip_spans(text: str) -> list[tuple[int, int]]:
    # one group per branch, so the one that took part is the last one
    return [match.span(match.lastindex) for match in matches_near(_TRIP, text, _TRIP_LEADS)]  # type: ignore[arg-type]


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """District nodes for every district named (not only as a trip's destination), with their aliases
    and the hierarchy above them."""
    scope = doc.scope
    trips = _trip_spans(doc.text) if graph.document.props.get("kind") == "news" else []
    # one node call per written form (全市 is named hundreds of times), counted, with its first sentence
    forms: dict[tuple[str, str, str], list[DistrictMention]] = {}
    for mention in findings.districts:
        if any(start <= mention.start < end for start, end in trips):
            continue
        forms.setdefault((mention.name, mention.surface, mention.level), []).append(mention)
    placed: set[str] = set()
    for (name, surface, level), mentions in forms.items():
        evidence = sentence_at(doc, mentions[0].start)
        rule = "scope-reference" if surface in SCOPE_WORDS else "short-form"
        node = graph.node("District", name, evidence, aliases={surface: rule}, count=len(mentions), level=level)
        if name not in placed:  # the hierarchy once per district, however it is written
            placed.add(name)
            _add_parents(graph, node, mentions[0], scope, evidence)


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
