"""Chain structure laid out in prose: segments in order, their position and products.

Two layouts carry the order of a chain in Chinese plans and news: a dash chain
("不锈钢材料等金属原材料—托盘、堆垛机等关键零部件—…", "零件—部件—系统") and a
from…to list ("从童装创意、研发设计、加工制造到线上线下销售、物流、品牌运营等
全流程产业链"). Items "A、B等C" are segment C including products A and B. The
chain is the one the sentence or its paragraph names.
"""

from __future__ import annotations

import re

from chainkg.graph.model import Node, clean_name
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.prose_context import ProseContext
from chainkg.loaders.text.document import ParsedDocument

_DASH_CHAIN = re.compile(r"[“\"]?((?:[^—“”\"，。；]{1,30}—){2,}[^—“”\"，。；]{1,30})[”\"]?")
#: What opens and closes a dashed chain's first and last links (构建…, …的全产业链): not the links' names.
_BUILD_LEAD = re.compile(r"^.*?(?:构建了|构建|形成了|形成|实现了|打造)")
_CHAIN_TAIL = re.compile(r"(?:全产业链|的.*)$")  # (…的全产业链 is the 的 branch)
_FROM_TO = re.compile(r"从([^，。；]{2,60}?)到([^，。；]{2,60}?)等(?:全流程|全)?产业链")
_UPSTREAM = re.compile(r"原材料|材料|零件|部件|零部件|创意|研发|设计|原料|矿")
_DOWNSTREAM = re.compile(r"应用|场景|销售|物流|品牌|运营|整机|服务|终端|回收|市场")
#: Words of a value chain's links: what is made (materials, parts, products) and what is done to it
#: (design, making, selling). A dash ladder of other things (做样—仿样—推广 steps, 数字化车间—智能工厂
#: maturity levels, 中小企业—高新技术企业 firm tiers) is no chain.
_LINK_WORD = re.compile(
    r"材料|原料|矿|零件|部件|组件|元件|器件|芯片|模组|电芯|整机|整车|系统|设备|装备|产品|终端|应用|设计|研发|创意|"
    r"制造|生产|加工|代工|组装|封装|测试|销售|物流|品牌|运营|服务|回收"
)


def _position(name: str, order: int, count: int) -> str:
    """Upstream and downstream by the words of the segment, else by where it stands."""
    if _DOWNSTREAM.search(name) and order > 1:
        return "downstream"
    if _UPSTREAM.search(name) and order < count:
        return "upstream"
    if order == 1:
        return "upstream"
    return "downstream" if order == count else "midstream"


def _segment(item: str) -> tuple[str, list[str]]:
    """ "托盘、堆垛机等关键零部件" → ("关键零部件", ["托盘", "堆垛机"])."""
    head, sep, tail = item.rpartition("等")
    if sep and tail and head:
        return clean_name(tail), [clean_name(p) for p in head.split("、") if clean_name(p)]
    return clean_name(item), []


def _layouts(sentence: str) -> list[list[str]]:
    """The value chains a sentence lays out, as their links in order.

    Each form is sought only in a sentence holding its fixed words (two dashes; 到 and 产业链): the dashed
    form opens with a class of characters, so the engine tries it at every character of the sentence.
    """
    out = []
    if sentence.count("—") >= 2:
        for match in _DASH_CHAIN.finditer(sentence):
            items = [i for i in match.group(1).split("—")]
            items[0] = _BUILD_LEAD.sub("", items[0])
            items[-1] = _CHAIN_TAIL.sub("", items[-1])
            if all(2 <= len(i) <= 30 for i in items) and "企业" not in "".join(items) and _is_value_chain(items):
                out.append(items)
    if "到" in sentence and "产业链" in sentence:
        for match in _FROM_TO.finditer(sentence):
            out.append(match.group(1).split("、") + match.group(2).split("、"))
    return out


def _is_value_chain(items: list[str]) -> bool:
    """Most links name a stage of making or selling, or products (托盘、堆垛机等关键零部件)."""
    links = sum(1 for item in items if _LINK_WORD.search(item) or "等" in item)
    return links * 2 > len(items)


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """ChainSegment nodes (position, order) with HAS_SEGMENT, UPSTREAM_OF and INCLUDES."""
    context: ProseContext | None = None
    for index, sentence in enumerate(doc.sentences):
        if "—" not in sentence.text and "从" not in sentence.text:
            continue
        for items in _layouts(sentence.text):
            context = context or ProseContext(doc, graph, findings)
            chains = context.chains_in(index) or context.chain_before(index)
            if chains:
                _add_chain(graph, context.chain_nodes(chains[:1], sentence.text)[0], items, sentence.text)


def _add_chain(graph: DocumentGraph, chain: Node, items: list[str], evidence: str) -> None:
    previous: Node | None = None
    for order, item in enumerate(items, start=1):
        name, products = _segment(item)
        segment = graph.node(
            "ChainSegment",
            name,
            evidence,
            key=(chain.name, name),
            chain=chain.name,
            position=_position(name, order, len(items)),
            order=order,
        )
        graph.edge("HAS_SEGMENT", chain, segment, evidence)
        if previous is not None:
            graph.edge("UPSTREAM_OF", previous, segment, evidence)
        for product in products:
            graph.edge("INCLUDES", segment, graph.node("Product", product, evidence), evidence)
        previous = segment
