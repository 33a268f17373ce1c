"""Platforms (高新区, 产业园, 小镇, 基地, 平台, 产业大脑) and institutes (研究院, 实验室, 大学).

Found by the suffix of their name and the run of name characters before it, cut
after the last cue word (see :mod:`loaders.org_names`); "X（以下简称“Y”）"
makes Y an alias. A platform HOSTS the chains its name or its sentence names
(美妆小镇, 聚焦智能物流装备); it and an institute are LOCATED_IN the district
their name or sentence names, else the scope of a news text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from graph.model import Node, clean_name
from loaders.builder import DocumentGraph
from loaders.industries import CHAIN, find_industries
from loaders.org_names import run_before, trim_left
from loaders.text import ParsedDocument
from loaders.text_spans import district_node, sentence_of

if TYPE_CHECKING:  # prose_context reads platform names from this module
    from loaders.prose_context import ProseContext

PLATFORM_SUFFIX = (
    "高新技术产业园区|高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|产业园区|产业园|科技园|园区|特色小镇|小镇|"
    "特色产业基地|产业基地|直播基地|服务基地|基地|新产业平台|产业平台|工业互联网平台|服务平台|云平台|产业大脑|承载区|"
    "综合试验区|试验区|示范区|科创走廊|科学谷|运营中心|推广中心|维权中心"
)
INSTITUTE_SUFFIX = "研究院|研究所|实验室|大学|学院|分院|创新中心|技术中心"
_FIND = re.compile(rf"(?P<p>{PLATFORM_SUFFIX})|(?P<i>{INSTITUTE_SUFFIX})")
_ALIAS = re.compile(r"[（(]以下简称[“\"]([^”\"]{2,12})[”\"][）)]")
#: Names that are a kind, not a thing: 一批平台, 展示平台, 主平台, 公共服务平台 alone.
_GENERIC = re.compile(
    r"^(?:主|各类|各|一批|该|本|这|相关|重要|国家级|省级|市级|首批|企业|共享互联|展示|电商|高能级|小微|"
    r"专业化|化工|新型|科研|高校|产业|公共|综合|数字|专利导航|企业服务|重点|服务|小镇智慧|四星级以上|制造业特色)*$"
)
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两]+[大所家个座]")
_HOST_CUE = re.compile(r"聚焦|主导产业|主阵地|集聚|谋划|打造|承载|全产业链")


def _names(text: str) -> list[tuple[str, str, int, int]]:
    """(label, name, start, end) of every platform and institute name in ``text``."""
    out = []
    for match in _FIND.finditer(text):
        after = text[match.end() : match.end() + 2]
        if after[:1] and re.match(r"[\u4e00-\u9fff]", after[:1]) and not after.startswith(("内", "的")):
            if re.match(r"(?:建设|企业|经济|管委|主任|负责|创建|提档|集聚|全覆盖|名单|名)", after):
                continue
        run, start = run_before(text, match.end())
        name = trim_left(run)
        start = match.end() - len(name)
        cleaned = clean_name(name)
        stem = cleaned[: -len(match.group(0))]
        if len(cleaned) < 4 or _GENERIC.fullmatch(stem) or "等" in stem or _COUNTED.search(stem):
            continue
        out.append(("Platform" if match.group("p") else "Institute", cleaned, start, match.end()))
    # 浙江大学 inside 浙江大学湖州研究院 is part of the longer name, not a second one
    return [a for a in out if not any(b is not a and b[2] <= a[2] and b[3] > a[3] for b in out)]


_FOUND: WeakKeyDictionary[ParsedDocument, tuple[list[tuple[str, str, int, int]], dict[str, str]]] = WeakKeyDictionary()


def _found(doc: ParsedDocument) -> tuple[list[tuple[str, str, int, int]], dict[str, str]]:
    """Names found (abbreviations read as their full names) and the abbreviations defined, once per document."""
    held = _FOUND.get(doc)
    if held is None:
        text = doc.text
        aliases = {
            clean_name(trim_left(run_before(text, m.start())[0])): clean_name(m.group(1)) for m in _ALIAS.finditer(text)
        }
        full_of = {short: full for full, short in aliases.items()}
        names = [(label, full_of.get(name, name), s, e) for label, name, s, e in _names(text)]
        held = _FOUND[doc] = (names, aliases)
    return held


def find_platforms(doc: ParsedDocument) -> list[tuple[str, str, int, int]]:
    """(label, canonical name, start, end) of each platform and institute the document names."""
    return _found(doc)[0]


def extract(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Platform and Institute nodes, with LOCATED_IN and HOSTS."""
    from loaders.prose_context import ProseContext

    found, aliases = _found(doc)
    if not found:
        return
    context = ProseContext(doc, graph)
    seen: set[tuple[str, int]] = set()
    for label, name, start, _end in found:
        index = sentence_of(doc, start)
        sentence = doc.sentences[index].text
        alias = {aliases[name]: "defined-abbreviation"} if name in aliases else None
        node = graph.node(label, name, sentence, aliases=alias, kind=_kind(name) if label == "Platform" else None)
        if (name, index) in seen:
            continue
        seen.add((name, index))
        _relations(context, node, index)
    _mentions_of_aliases(doc, graph, aliases)


def _kind(name: str) -> str:
    match = re.search(rf"(?:{PLATFORM_SUFFIX})$", name)
    return match.group(0) if match else "平台"


def _relations(context: ProseContext, node: Node, index: int) -> None:
    doc, graph = context.doc, context.graph
    sentence = doc.sentences[index].text
    in_name = [m.name for m in find_industries(node.name) if m.label == CHAIN]
    if node.label == "Platform":
        hosted = in_name or (context.chains.get(index, [])[:2] if _HOST_CUE.search(sentence) else [])
        for chain in context.chain_nodes(hosted, sentence):
            graph.edge("HOSTS", node, chain, sentence)
    place = _district_in_name(context, node, sentence) or context.district_near(index)
    if node.label == "Institute" or node.props.get("kind") not in (
        "高新区",
        "开发区",
        "经济开发区",
        "高新技术产业园区",
    ):
        place = context.platform_near(index, exclude=node.name) or place
    if place is not None:
        graph.edge("LOCATED_IN", node, place, sentence)


def _district_in_name(context: ProseContext, node: Node, sentence: str) -> Node | None:
    """湖州吴兴高新技术产业园区 is in 吴兴区: the finest district its own name holds."""
    from loaders.divisions import find_districts

    found = [m for m in find_districts(node.name, context.doc.scope) if m.level in ("county", "town", "city")]
    if not found:
        return None
    rank = {"town": 0, "county": 1, "city": 2}
    best = min(found, key=lambda m: rank[m.level])
    return district_node(context.graph, best.name, sentence)


def _mentions_of_aliases(doc: ParsedDocument, graph: DocumentGraph, aliases: dict[str, str]) -> None:
    """Every later use of a defined abbreviation (吴兴高新区) is a mention of the full name."""
    for full, short in aliases.items():
        held = [n for n in graph.nodes.values() if n.name == full and n.label in ("Platform", "Institute")]
        if not held:
            continue
        for match in re.finditer(re.escape(short), doc.text):
            sentence = doc.sentences[sentence_of(doc, match.start())].text
            graph.node(held[0].label, full, sentence)
