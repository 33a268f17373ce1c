"""Chain structure: segments in order with their position and products, and the firms placed in them.

The shapes of a layout are read by :mod:`chain_layouts` (上游A、中游B、下游C; A—B—C, A→B→C; 从A到B;
A、B、C三大环节). Here each layout is attached to the chain it lays out (the chain named nearest before it
in its sentence, else after it, else the chain the section or document is about), and the rest of the
document is read against the links it gave:

- "P1、P2等L" or "L（P1、P2）" where L is a link: L includes P1 and P2;
- 上游，A…; 在L环节，A…; 上游有A、B等企业: firm A is in the link (IN_SEGMENT);
- "A生产/供应/扩大 P1、P2(产能)", "A、B分别生产P1、P2": A makes P (MAKES);
- a 、 list whose items all name made things (玻璃基板、偏光片和驱动芯片): products.
"""

from __future__ import annotations

import os
import re

from chainkg.graph.model import Node, clean_name
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.chain_layouts import (
    GENERAL_CHAINS,
    LINK_YIELDS,
    MAKE_VERB,
    PRODUCT_GRADES,
    PRODUCT_HEAD,
    PRODUCT_HEADS,
    PRODUCT_WORD,
    Layout,
    Link,
    layouts,
    position_mark,
    positional,
    positions,
    split_items,
    stages,
)
from chainkg.loaders.extract.findings import CHAIN, Findings
from chainkg.loaders.extract.prose_context import ProseContext
from chainkg.loaders.text.divisions import leading_district
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of
from chainkg.loaders.text.industry_terms import STRONG_TERMS, WEAK_TERMS
from chainkg.loaders.text.numbers import UNITS

#: A chain the text names by 产业链 / 全链条 / 链条 when no known chain is near (新能源电池产业链已贯通…).
_NAMED_CHAIN = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:产业链|全链条|产业)")
#: Words of a title or clause before the chain's name (…人民政府关于推进稀土永磁产业链…).
_CHAIN_LEAD = re.compile(r"关于|推进|加快|促进|推动|支持|印发|做强|壮大|打造|聚焦|培育|实施|已|将|的")
_YEAR = re.compile(r"^.*\d+年")
#: X是…链条/产业链: the sentence says what chain X is (碳纤维是我省…的重点链条，已贯通“A—B—C”).
_SUBJECT_CHAIN = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12})是[^，。；]{0,30}?(?:产业链|链条)")
#: X是… opening a sentence: the thing the sentence speaks of.
_SUBJECT = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,8}?)(?:产业)?是")
_NOT_CHAIN_NAME = re.compile(
    r"^(?:全市|全省|全区|全县|我市|我省|我区|本市|该|这条|此|重点|优势|相关|各)|的|^(?:垂直|完整|闭环|全)$"
)
#: Words after a product list that are not part of the product (扩大P产能, 建设P生产线).
_OBJECT_TAIL = re.compile(
    r"(?:等)?(?:研发生产项目|生产项目|(?:扩产|扩能|技改|改扩建|扩建)项目|生产基地|生产线|产线|项目|产能|扩能|稳定供应|供应|稳定批产|批产|生产|基地|订单|企业|短板|领域|细分领域)$"
)
#: The units of a quantity written with a product: those figures are read with (万千瓦, 万吨, 套: one list, in
#: loaders/text/units.toml) and the count words of made pieces.
_PRODUCT_UNITS = "|".join(map(re.escape, sorted({*UNITS, "片", "只", "支", "辆份", "GWH"}, key=len, reverse=True)))
#: A quantity before a product (年产30万吨P, 200万千瓦P, 年产P): not its name.
_QUANTITY = re.compile(
    rf"^(?:(?:年产|规划年产|可年产|每年可)[\d.]*(?:万|亿|千)?(?:{_PRODUCT_UNITS})?|[\d.]+(?:万|亿|千)?(?:{_PRODUCT_UNITS}))"
)
#: A quantity after a product (年产P 30万吨, 规划年产P1 36万吨、P2 22万吨, 年产电芯0.7GWh): not its name.
_TRAILING_QUANTITY = re.compile(rf"[\d.]+(?:万|亿|千|百)?(?:{_PRODUCT_UNITS})$")
#: The head of a 等 list that says its items are goods (等基础化工原料300万吨, 等产品): a kind of made thing.
_KIND_OF_GOODS = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:原料|原材料|材料|产品|化学品|金属|矿产品|农产品)(?:工业)?(?:$|[\d.]|年产|产能|供应)"
)
#: The head of a 等 list that says its items are know-how (等关键技术, 等工艺路线): not goods, whatever their words.
_KIND_OF_KNOW_HOW = re.compile(r"^(?:关键|核心|前沿|先进|新型|共性|颠覆性)?(?:技术|工艺|路线|模式|业态)")
#: The head of a 等 list that says its items are industries (等八大新兴产业链, 等重点产业, 等产业集群).
_KIND_OF_INDUSTRY = re.compile(r"^[^、，。]{0,8}?(?:产业链|产业集群|产业|行业|集群|板块)")
_CLAUSE = re.compile(r"[^，,；;。！？]+")
#: What leads into a list and is not its first item (围绕…所需的P1、P2; 引进P1、P2; 重点推广P1、P2).
_LEAD_WORDS = (
    "的|上游|中游|下游|打通|构建|形成|贯通|已|引入|依托|实施|推进|加快|开展|支持|推动|鼓励|引导|围绕|引进|推广|补齐|聚焦|"
    "包括|涵盖|发展|重点|扩大|扩产|生产|研制|供应|提供|外供|布局|招引|培育|壮大|突破|攻关|深耕|专注"
)
_LIST_LEAD = re.compile(rf"^.*(?:{_LEAD_WORDS})")
#: An item that opens with a lead word (引进光伏玻璃, 重点发展系统): the lead is cut whatever is left.
_LIST_LEAD_OPENING = re.compile(rf"^(?:{_LEAD_WORDS})")
_NOT_PRODUCT = re.compile(
    r"^(?:买|卖)|新材料$|首台|首版|首批|认定|公司|产业|行业|领域|企业|项目|技术|服务(?!器)|平台|基地|园区|中心|集群|产品|能力|体系|水平"
)
#: What follows 甲的 when it is a made thing (中游有甲公司的服务器): up to the next list mark or function word.
_POSSESSED = re.compile(r"([^、，,；;。和及与的已将正还也均在等]{2,14})")


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """ChainSegment nodes (position, order) with HAS_SEGMENT, UPSTREAM_OF, INCLUDES; IN_SEGMENT and MAKES."""
    reader = _Reader(doc, graph, findings)
    index = 0
    while index < len(doc.sentences):
        index = reader.read_layouts(index)
    for index, sentence in enumerate(doc.sentences):
        reader.read_stages(index, sentence.text)
    for index, sentence in enumerate(doc.sentences):
        reader.read_products(index, sentence.text)
    reader.include_by_name()


class _Reader:
    """One document's layouts, read in text order, and the links they gave (for what later sentences say)."""

    def __init__(self, doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
        self.doc, self.graph, self.findings = doc, graph, findings
        self.context = ProseContext(doc, graph, findings)
        self.segments: dict[str, list[Node]] = {}  # chain name → its segments in order
        self.firms = sorted({s for s, _, _ in findings.firm_names}, key=len, reverse=True)
        self.firm_sentences = {sentence_of(doc, start) for _, start, _ in findings.firm_names}
        self.chain_names = sorted(findings.chain_names(), key=len, reverse=True)
        self.link_names: set[str] = set()
        self.last_chain = ""  # the chain of the last layout read (what a later 上游，… clause speaks of)
        self.heading_link: Node | None = None  # the link the current measure heading names
        self.written: dict[str, tuple[str, list[str]]] = {}  # a chain's name → its whole name as written, parts
        self.part_link: Node | None = None  # the link the current part heading (一、 二、) names
        self.heading_goods: list[str] = []  # what the current measure heading says to make more of (扩大P产能)
        self.industry_names = {m.surface for m in findings.industries} | {m.name for m in findings.industries}

    # -- layouts ----------------------------------------------------------------------------------------
    def read_layouts(self, index: int) -> int:
        """Layouts of sentence ``index`` (joined with the position clauses after it); the next index to read."""
        text, last = self._joined(index)
        for layout in layouts(text):
            layout.links = [self._as_clause(link) for link in layout.links]
            chain = self._chain(index, layout, text)
            if chain is None:
                continue
            if all(link.name for link in layout.links):
                self._add_layout(chain, layout, text)
            self._place_firms(chain, layout, text)
        return last + 1

    def read_stages(self, index: int, text: str) -> None:
        """A、B两个环节 lays out a chain no other layout of the document gave (else it names links already read)."""
        for layout in stages(text):
            chain = self._chain(index, layout, text)
            if chain is not None and chain.name not in self.segments:
                self._add_layout(chain, layout, text)

    def _joined(self, index: int) -> tuple[str, int]:
        """A run of clauses each opening with a position word (上游为…；中游包括…；下游…) read as one text."""
        sentences = self.doc.sentences
        text = sentences[index].text
        if "游" not in text:
            return text, index
        if position_mark(text) is None and not re.search(r"[上中下]游", text[-40:]):
            return text, index
        last = index
        while last + 1 < len(sentences) and last - index < 3 and position_mark(sentences[last + 1].text):
            last += 1
        if last == index:
            return self._heading_run(index) or (text, index)
        joined = "".join(s.text for s in sentences[index : last + 1])
        return (joined, last) if positional(joined) else (text, index)

    def _heading_run(self, index: int) -> tuple[str, int] | None:
        """Measure headings that each name one position's link, in order ((一)夯实上游A。…(二)做大中游B。):
        read as one layout when two positions at least are named within a few sentences."""
        sentences = self.doc.sentences
        if not _is_heading_mark(sentences[index].text):
            return None
        run, last = [sentences[index].text], index
        for i in range(index + 1, min(len(sentences), index + 12)):
            if _is_heading_mark(sentences[i].text):
                run.append(sentences[i].text)
                last = i
        if len(run) < 2:
            return None
        words = [_HEADING_LEAD.sub("", t).rstrip("。") for t in run]
        joined = "，".join(words)
        return (joined, last) if positional(joined) else None

    def _as_clause(self, link: Link) -> Link:
        """A position followed by firms and what they do (上游有A提供P) is a clause about the link, not its name."""
        verb = MAKE_VERB.search(link.name)
        if link.position and (any(f in link.name for f in self.firms) or (verb and verb.end() < len(link.name) - 1)):
            return Link("", [], link.position, clause=link.name)
        return link

    def _chain(self, index: int, layout: Layout, text: str) -> Node | None:
        """The chain named nearest before the layout in its sentence, else after it, else the section's."""
        base = self.doc.sentences[index].start
        named = [
            (start - base, name)
            for name, start in self.findings.layout.chains.get(index, [])
            if not self._in_firm_name(start, len(name))
        ]
        before = [name for offset, name in named if offset < layout.start]
        after = [name for offset, name in named if offset >= layout.end]
        subject = _SUBJECT_CHAIN.match(text)
        name: str | None = before[-1] if before else (subject["name"] if subject else None)
        name = name or self._subject_of_known_chain(text[: layout.start])
        name = name or self._named_chain(text[: layout.start]) or (after[0] if after else None)
        name = name or self._named_chain(text[layout.end :])
        if name is None:
            chains = self.context.chain_before(index)
            name = self._specific(chains[0]) if chains else self._chain_of_section(index)
        if name is None:
            return None
        if name not in self.written:
            self.written[name] = self._as_written(name)
        whole, parts = self.written[name]
        aliases = {part: "part-of-written-name" for part in parts}
        return self.graph.node(CHAIN, whole, self.doc.sentences[index].text, aliases=aliases or None)

    def _as_written(self, name: str) -> tuple[str, list[str]]:
        """The chain's whole name where the document's mentions of ``name`` are all part of a longer one, and the
        parts it was read by (the document's other names of it): X及name with X another chain of the document
        (机器人及智能装备, of 机器人 and 智能装备), or, for a general name, the words every mention has before it
        (湾坞不锈钢新材料产业园, 宁德市不锈钢新材料产业 → 不锈钢新材料, of 新材料)."""
        spots = [start for mentions in self.findings.layout.chains.values() for n, start in mentions if n == name]
        lefts = [self.doc.text[max(0, start - 8) : start] for start in spots]
        if not lefts:
            return name, []
        joined = {self._joined_chain(left) for left in lefts}
        if len(joined) == 1 and (first := joined.pop()):
            return first + name, [first[:-1], name]
        if name not in GENERAL_CHAINS or len(lefts) < 2:
            return name, []
        shared = os.path.commonprefix([left[::-1] for left in lefts])[::-1]
        shared = _NOT_QUALIFIER.split(re.sub(r"^.*[^\u4e00-\u9fff]", "", shared))[-1]
        place = leading_district(shared, self.doc.scope)
        shared = shared[place.end :] if place is not None else shared
        return (shared + name, [name]) if len(shared) >= 2 else (name, [])

    def _specific(self, name: str) -> str:
        """The one chain of the document whose name ends with ``name`` (绿色硅光伏 for 光伏 said in passing before
        a layout its sentence does not name): a plan on a specific chain calls it by its general word too."""
        longer = [c for c in self.chain_names if c.endswith(name) and c != name]
        return longer[0] if len(longer) == 1 else name

    def _joined_chain(self, left: str) -> str:
        """X及 / X与 / X和 closing ``left`` where X is another chain the document names or an industry of the
        vocabulary (机器人及, 家电及), else ''."""
        if left[-1:] not in ("及", "与", "和"):
            return ""
        head = left[:-1]
        for size in range(len(head), 1, -1):  # the longest name closing ``head``
            if head[-size:] in self.chain_names or head[-size:] in _INDUSTRY_WORDS:
                return head[-size:] + left[-1]
        return ""

    def _in_firm_name(self, start: int, length: int) -> bool:
        """A chain's word inside a firm's name (能源 of 阳光能源, 智能 of 海柔智能) names no chain the text lays out."""
        return any(first <= start and start + length <= last for _, first, last in self.findings.firm_names)

    def _subject_of_known_chain(self, text: str) -> str | None:
        """X是…，…上游A、中游B: the document's chain that X names or begins (菱镁是… for 菱镁新材料)."""
        subject = _SUBJECT.match(text)
        if subject is None:
            return None
        known = [c for c in self.chain_names if c.startswith(subject["name"])]
        return min(known, key=len) if known else None

    def _named_chain(self, text: str) -> str | None:
        """X产业链 / X全链条 in ``text``, without a leading place (洛阳市新能源电池产业链 → 新能源电池)."""
        for match in _NAMED_CHAIN.finditer(text):
            name = _CHAIN_LEAD.split(_YEAR.sub("", match.group(1)))[-1]
            place = leading_district(name, self.doc.scope)
            if place is not None:
                name = name[place.end :]
            if len(name) >= 2 and not _NOT_CHAIN_NAME.search(name):
                return name
        return None

    def _chain_of_section(self, index: int) -> str | None:
        """The chain the section's heading, or else the document's title lines, name."""
        heading = self.findings.layout.section(index)
        for i in dict.fromkeys((heading, *range(min(6, len(self.doc.sentences))))):
            name = self._named_chain(self.doc.sentences[i].text)
            if name:
                return name
        return None

    def _add_layout(self, chain: Node, layout: Layout, evidence: str) -> None:
        previous: Node | None = None
        nodes = []
        for order, (link, position) in enumerate(zip(layout.links, positions(layout.links), strict=True), start=1):
            segment = self.graph.node(
                "ChainSegment",
                link.name,
                evidence,
                key=(chain.name, link.name),
                chain=chain.name,
                position=position,
                order=order,
            )
            nodes.append(segment)
            self.link_names.add(link.name)
            self.graph.edge("HAS_SEGMENT", chain, segment, evidence)
            if previous is not None:
                self.graph.edge("UPSTREAM_OF", previous, segment, evidence)
            for product in link.products:
                self.graph.edge("INCLUDES", segment, self._product(product, evidence), evidence)
            previous = segment
        self.segments.setdefault(chain.name, nodes)
        self.last_chain = chain.name
        if chain.name not in self.chain_names:
            self.chain_names.append(chain.name)

    # -- firms placed in links --------------------------------------------------------------------------
    def _place_firms(self, chain: Node, layout: Layout, evidence: str) -> None:
        """Firms named in a position's clause are in that position's links (those the clause's words name)."""
        for link in layout.links:
            if not link.clause:
                continue
            for segment in self._links_at(chain.name, link.position, link.clause):
                for firm in self._firms_in(link.clause):
                    self.graph.edge("IN_SEGMENT", firm, segment, evidence)

    def _links_at(self, chain: str, position: str | None, clause: str) -> list[Node]:
        """The links at ``position`` the clause names (by two characters of their name at least), else all of
        them. What the firms take in (把热轧卷加工成冷轧板带: 热轧卷) names the link before theirs, not theirs."""
        known = self.segments.get(chain) or self.segments.get(self.last_chain, [])
        candidates = [s for s in known if s.props.get("position") == position]
        own = _TAKEN_IN.sub("", clause)
        named = [s for s in candidates if any(s.name[i : i + 2] in own for i in range(len(s.name) - 1))]
        return named or candidates

    def _firms_in(self, text: str) -> list[Node]:
        found = []
        for node in self.graph.by_label("Enterprise"):
            if any(n in text for n in (node.name, *node.alias_rules)):
                found.append(node)
        return found

    # -- products ---------------------------------------------------------------------------------------
    def read_products(self, index: int, sentence: str) -> None:
        """Products of the sentence: those a known link includes, those firms make, lists of made things.

        Under a measure heading that names a link ((二)补齐材料与器件短板。), the products its body names
        are that link's."""
        heading = bool(_NUMBERED_HEADING.match(sentence)) and len(sentence) <= 30
        if heading:
            self.heading_link = self._heading_link(sentence)
            self.heading_goods = self._goods_of_heading(sentence)
        elif self.heading_goods:
            self._make_heading_goods(sentence)
        links = bool(self.link_names) and "等" in sentence
        firms = index in self.firm_sentences
        lists = "、" in sentence
        mainly = not firms and any(word in sentence for word in ("主要生产", "专门生产", "专业生产", "主营", "年产"))
        if not firms and index > 0 and _ANAPHOR.search(sentence):
            self._made_by_anaphor(index, sentence)
        if not (links or firms or lists or mainly or self.heading_link):
            return  # most sentences name no list, no firm and no link: spare the clause scan
        found: list[str] = []
        for clause in _CLAUSE.finditer(sentence):
            if links:
                self._link_products(clause.group(), sentence)
            if firms:
                found += self._made(clause.group(), sentence)
            elif mainly:
                found += self._made_by_subject(clause.group(), sentence)
            if lists:
                found += self._product_list(clause.group(), sentence)
            if self.heading_link is not None and not firms and not heading:
                found += self._supplied(clause.group())
        if self.heading_link is not None:
            for product in dict.fromkeys(found):
                if product != self.heading_link.name:
                    node = self._product(product, sentence)
                    self.graph.edge("INCLUDES", self.heading_link, node, sentence)
        self._in_named_link(index, sentence)

    def include_by_name(self) -> None:
        """A product no link includes yet is in the one link of the document whose name it holds (不锈钢热轧卷 in
        热轧, 柔性OLED面板 in 面板制造, 高纯镁砂 in 镁砂及耐火材料): a layout names its links by what they make.
        Failing that, in the one link whose name holds it (CPU in CPU芯片设计, 服务器 in 服务器整机与基础软件), and
        failing that, in the one link whose work yields its form (钛锭 of 原料熔铸, 钛管 of 钛材加工)."""
        links = [
            (segment, chain, _cores(segment.name, chain)) for chain, nodes in self.segments.items() for segment in nodes
        ]
        if not links:
            return
        included = {e.end for e in self.graph.edges.values() if e.type == "INCLUDES"}
        for product in self.graph.by_label("Product"):
            if product.uid in included or product.name in self.link_names:
                continue
            name = product.name
            owners = [segment for segment, _, cores in links if any(core in name for core in cores)]
            if not owners:
                owners = [segment for segment, chain, _ in links if _holds(segment.name, chain, name)]
            if not owners:
                owners = [segment for segment, chain, _ in links if _yields(segment.name, chain, name)]
            at = self.doc.text.find(name) if len(owners) == 1 else -1
            if at >= 0:
                self.graph.edge("INCLUDES", owners[0], product, self.doc.sentences[sentence_of(self.doc, at)].text)

    def _product(self, name: str, evidence: str) -> Node:
        """The Product node of ``name``; a graded form of a product the document named already (大规格钛锭 after
        钛锭, 宽幅铝带 after 铝带), or the product with its kind word after it (光伏胶膜材料 after 光伏胶膜, 机床产品
        after 机床), is that product, with the longer form as an alias."""
        grade = _GRADE.match(name)
        bare = name[grade.end() :] if grade else _KIND_WORD.sub("", name)
        if bare != name and any(node.name == bare for node in self.graph.by_label("Product")):
            return self.graph.node("Product", bare, evidence, aliases={name: "graded-form"})
        return self.graph.node("Product", name, evidence)

    def _heading_link(self, heading: str) -> Node | None:
        """The link a measure heading is about: the one it names, else the one link at the position it names
        (二、拓展下游应用 in a chain whose one downstream link is 终端制品), else, under a part heading
        (一、 二、) that named one, that part's link."""
        link = self._link_in_heading(heading) or self._link_at_position(heading)
        if _PART_HEADING.match(heading):
            self.part_link = link
        return link or self.part_link

    def _link_at_position(self, heading: str) -> Node | None:
        mark = _POSITION_IN_HEADING.search(heading)
        if mark is None or len(self.segments) != 1:
            return None
        position = {"上游": "upstream", "中游": "midstream", "下游": "downstream"}[mark.group()]
        at = [node for nodes in self.segments.values() for node in nodes if node.props.get("position") == position]
        return at[0] if len(at) == 1 else None

    def _link_in_heading(self, heading: str) -> Node | None:
        """The link of this document a heading names whole (or by a part of three characters at least:
        巩固原料药优势 names 原料药及医药中间体)."""
        best: Node | None = None
        for nodes in self.segments.values():
            for node in nodes:
                parts = [node.name, *(p for p in re.split(r"及|与|和", node.name) if len(p) >= 3)]
                if any(p in heading for p in parts) and (best is None or len(node.name) > len(best.name)):
                    best = node
        return best

    def _supplied(self, clause: str) -> list[str]:
        """保障P稳定供应, 提升P产能 with no firm before the verb: P, a made thing (for a heading's link)."""
        for verb in MAKE_VERB.finditer(clause):
            rest = clause[verb.end() :]
            if verb.group() in _NEEDS_TAIL and not _OBJECT_TAIL.search(rest):
                continue
            return self._products(rest)
        return []

    def _known_link(self, head: str) -> Node | None:
        """The link of this document a list head names (关键零部件; 组件辅材 names 组件)."""
        for nodes in self.segments.values():
            for node in nodes:
                if head == node.name or (head.startswith(node.name) and len(node.name) >= 2):
                    return node
        return None

    def _link_by_core(self, words: str) -> Node | None:
        """The one link of this document whose name is ``words`` and its work (在电芯环节 names 电芯制造, 在冶炼环节
        names 冶炼分离 no more than 冶炼加工: the link must be the only one so named)."""
        named = [
            node
            for chain, nodes in self.segments.items()
            for node in nodes
            if len(words) >= 2 and words in _cores(node.name, chain) + [node.name[: len(words)]]
        ]
        return named[0] if len(named) == 1 else None

    def _link_products(self, clause: str, evidence: str) -> None:
        """'P1、P2等L' and 'L（P1、P2）' where L is a link of the document: L includes P1 and P2."""
        for match in re.finditer(r"([^，。；]{2,80}?)等([^，。；、等]{2,12})", clause):
            head = _OBJECT_TAIL.sub("", match.group(2))
            segment = self._known_link(head)
            if segment is None:
                continue
            general = segment.name in _GENERAL_PART  # 等系统, 等设备: say too little to vouch for the items
            for product in self._products(match.group(1), trust=not general):
                if product.endswith(segment.name):
                    continue  # 全景式MES系统等系统: a kind of the link's thing, not a part of it
                self.graph.edge("INCLUDES", segment, self._product(product, evidence), evidence)

    def _made(self, clause: str, evidence: str) -> list[str]:
        """A生产/供应/扩大… P: firm A makes P (every firm named before the verb in the clause); A的P too.

        Returns the products read (a heading's link includes them)."""
        found = self._possessed(clause, evidence)
        for verb in MAKE_VERB.finditer(clause):
            if verb.group() == "年产" and clause[verb.end() : verb.end() + 1] in _NOT_OUTPUT:
                continue  # 年产值, 年产能: a figure, not what is made
            makers = self._firms_in_order(clause[: verb.start()])
            if not makers and (verb.group() == "年产" or _PRONOUN.search(clause[: verb.start()])):
                makers = self._nearest_firm(evidence[: evidence.find(clause)])
            elif not makers and verb.start() <= 3:  # ，主要生产P / ，分别生产P1、P2: the firms the sentence opened with
                before = self._firms_in_order(evidence[: evidence.find(clause)])
                makers = before if clause.startswith("分别") else before[:1]
            if not makers:
                if _UNNAMED_MAKERS.search(clause[: verb.start()]) and verb.group() not in _NEEDS_TAIL:
                    found += [self._product(p, evidence).name for p in self._products(clause[verb.end() :])]
                continue
            turned = verb.group().endswith("成")
            products = self._products(clause[verb.end() :], trust=turned)
            if turned:
                found += self._inputs(clause[: verb.start()], evidence)
            if verb.group() in _NEEDS_TAIL and not _OBJECT_TAIL.search(clause[verb.end() :]):
                continue  # 建设X: a line, base or project of P, not X itself
            for maker, made in self._pairs(makers, products, "分别" in clause[: verb.start()]):
                for product in made:
                    self.graph.edge("MAKES", maker, self._product(product, evidence), evidence)
            return found + products
        return found

    def _goods_of_heading(self, heading: str) -> list[str]:
        """(2)扩大P产能。 / 2.壮大P产能。: P, what the measure's firm is to make more of."""
        match = _MORE_OF.search(heading)
        return self._products(match["goods"]) if match else []

    def _make_heading_goods(self, sentence: str) -> None:
        """The one firm the first sentence under a 扩大P产能 heading names makes P (推动A建成第二条生产线); with more
        firms named, which of them makes P is not said."""
        goods, self.heading_goods = self.heading_goods, []
        makers = self._firms_in(sentence)
        if len(makers) != 1:
            return
        for product in goods:
            self.graph.edge("MAKES", makers[0], self._product(product, sentence), sentence)

    def _made_by_anaphor(self, index: int, sentence: str) -> None:
        """该公司/这家企业…生产P: the firm the sentence before named last makes P (A是其中的代表。这家…企业
        专门生产P)."""
        mention = _ANAPHOR.search(sentence)
        makers = self._nearest_firm(self.doc.sentences[index - 1].text)
        verb = MAKE_VERB.search(sentence, mention.end()) if mention else None
        if not makers or verb is None or verb.group() in _NEEDS_TAIL or verb.group().endswith("成"):
            return
        rest = _CLAUSE.match(sentence, verb.end())
        for product in self._products(rest.group() if rest else ""):
            self.graph.edge("MAKES", makers[0], self._product(product, sentence), sentence)

    def _made_by_subject(self, clause: str, evidence: str) -> list[str]:
        """…项目总投资N亿元，主要生产P / 达产后可年产P N吨: a clause opening with 主要生产 / 专门生产 / 主营 / 年产
        speaks of what the sentence's subject (a project, a plant, a firm the text does not name as one) makes:
        P, a product."""
        opening = _MAINLY_MAKES.match(clause)
        if opening is None:
            return []
        made = self._products(clause[opening.end() :])
        for product in made:
            self._product(product, evidence)
        return made

    def _inputs(self, before: str, evidence: str) -> list[str]:
        """把X加工成P: X, the good the firm turns into P (a product of the chain too, made upstream)."""
        at = before.rfind("把")
        if at < 0:
            return []
        inputs = self._products(_SOURCE.sub("", before[at + 1 :]), trust=True)
        for product in inputs:
            self._product(product, evidence)
        return inputs

    @staticmethod
    def _pairs(makers: list[Node], products: list[str], each: bool) -> list[tuple[Node, list[str]]]:
        """Who makes what: A、B分别生产P1、P2 pairs them in order (the firms nearest the verb when more firms
        stand before: X旗下的A、B分别…; the first products when fewer firms are known); else every firm
        makes every product."""
        if not each:
            return [(m, products) for m in makers]
        return list(zip(makers[max(0, len(makers) - len(products)) :], ([p] for p in products), strict=False))

    def _possessed(self, clause: str, evidence: str) -> list[str]:
        """A的P (中游有甲公司的服务器和乙公司的数据库): firm A makes P, a made thing."""
        if "的" not in clause:
            return []
        found = []
        for firm in self.firms:
            cue, at = firm + "的", 0
            while (at := clause.find(cue, at)) >= 0:  # each 甲的 of the clause, and the made thing after it
                match = _POSSESSED.match(clause, at + len(cue))
                at = match.end() if match else at + 1
                if match is None:
                    continue
                products = _products_of(match.group(1))
                for maker in self._firms_in(firm)[:1]:
                    for product in products:
                        self.graph.edge("MAKES", maker, self._product(product, evidence), evidence)
                found += products
        there = _WHO_IS_THERE.search(clause)
        if there:
            found += [p for p in self._owned_goods(clause[there.end() :], evidence) if p not in found]
        return found

    def _owned_goods(self, clause: str, evidence: str) -> list[str]:
        """中游有X的P和Y的Q where X, Y are owners the text does not name as firms: P and Q are made things still."""
        found: list[str] = []
        for match in re.finditer("的" + _POSSESSED.pattern, clause):
            for product in _products_of(match.group(1)):
                self._product(product, evidence)
                found.append(product)
        return found

    def _nearest_firm(self, text: str) -> list[Node]:
        """The firm named last in ``text``: whose plant a later 年产 clause of the sentence speaks of (A通过子公司B
        建设…项目，规划年产P: B, the firm nearest the figure, not the parent that opened the sentence), and whom a
        later 支持其… clause means."""
        placed = [(max(text.rfind(n) for n in (node.name, *node.alias_rules)), node) for node in self._firms_in(text)]
        return [max(placed, key=lambda pair: pair[0])[1]] if placed else []

    def _firms_in_order(self, text: str) -> list[Node]:
        """The firms named in ``text``, in the order it first names them."""
        placed = []
        for node in self._firms_in(text):
            where = min(text.find(n) for n in (node.name, *node.alias_rules) if n in text)
            placed.append((where, node))
        return [node for _, node in sorted(placed, key=lambda pair: pair[0])]

    def _product_list(self, clause: str, evidence: str) -> list[str]:
        """A 、 list (two items at least) whose items all name made things: products. A list the clause says
        is of products (主要产品包括…, 产品涵盖…) is taken whatever its items' words."""
        if "、" not in clause:
            return []
        named = _PRODUCTS_ARE.search(clause)
        if named:
            found = self._products(clause[named.end() :], trust=True)
            for product in found:
                self._product(product, evidence)
            return found
        if not PRODUCT_WORD.search(clause) and not _goods_headed(clause):
            return []
        found = []
        clause = _VERB_SPLIT.split(clause)[-1]
        for match in re.finditer(r"[\u4e00-\u9fffA-Za-z0-9/（）()]+(?:、[\u4e00-\u9fffA-Za-z0-9/（）()]+)+", clause):
            items = self._products(match.group(), strict=True)
            if len(items) >= 2:
                for product in items:
                    self._product(product, evidence)
                found += items
        return found

    def _products(self, text: str, strict: bool = False, trust: bool = False) -> list[str]:
        """Products of a list (see :func:`_products_of`), none of them a firm, without a leading chain name
        (新能源汽车动力电池 in a text on 新能源汽车 is 动力电池; but a chain of one general word, 汽车 or 光伏,
        qualifies the product: 汽车安全气囊, 光伏玻璃)."""
        if any(f in text for f in self.firms):
            if strict:
                return []
            text = text[max(text.rfind(f) + len(f) for f in self.firms if f in text) :]
        out = []
        if strict and not _goods_headed(text) and any(i in self.industry_names for i in split_items(text)):
            return []  # a list of industries (汽车、物流装备), not of goods (but 聚烯烃、膜材料等化工新材料)
        for product in _products_of(text, strict, trust):
            for chain in self.chain_names:
                rest = product[len(chain) :]
                if len(chain) >= 4 and product.startswith(chain) and _qualified(rest):
                    product = rest
                    break
            if product not in self.link_names:
                out.append(product)
        return out

    def _in_named_link(self, index: int, sentence: str) -> None:
        """在L环节，A…: firm A is in link L."""
        match = re.search(r"在([^，。；]{2,12}?)环节[，,]", sentence) if "环节" in sentence else None
        if not match:
            return
        segment = self._known_link(match.group(1)) or self._link_by_core(match.group(1))
        if segment is not None:
            for firm in self._firms_in(sentence[match.end() :]):
                self.graph.edge("IN_SEGMENT", firm, segment, sentence)


#: Words of size or grade before a product's name (大规格钛锭, 超薄铜箔): the same product, in a grade.
_GRADE = re.compile("^(?:" + "|".join(sorted(PRODUCT_GRADES, key=len, reverse=True)) + ")")
#: A kind word after a product's name (光伏胶膜材料, 机床产品): the product itself, when the text named it bare.
_KIND_WORD = re.compile(r"(?<=..)(?:材料|产品|系列产品)$")
#: 把X before 加工成/冶炼成…: the input X a firm turns into its product.
_TAKEN_IN = re.compile(r"把[^，。；]*?(?=(?:加工|冶炼|轧制|制|炼)成)")
#: A measure heading that says to make more of P (扩大P产能, 壮大P产能, 提升P供给能力).
_MORE_OF = re.compile(r"(?:扩大|壮大|提升|扩充|做大)(?P<goods>[^，。；]{2,14}?)(?:产能|产量|供给能力|生产规模)")
#: A firm the text named before, called by a pronoun phrase (该公司, 这家企业, 这家从外地搬迁而来的企业).
_ANAPHOR = re.compile(r"(?:该|这家)[^，。；]{0,16}?(?:公司|企业)")
#: Firms the text counts but does not name, as the subject of a make verb (一批企业制造P, 多家配套企业生产P).
_UNNAMED_MAKERS = re.compile(r"(?:一批|多家|众多|一些|数十家|\d+余?家)[\u4e00-\u9fff]{0,4}?企业$")
#: A clause that says what its sentence's subject makes (，主要生产P; ，专门生产P; ，主营P; ，达产后可年产P N吨).
_MAINLY_MAKES = re.compile(
    r"^(?:(?:主要|专门|专业)生产|主营|(?:达产后|建成后|投产后|全部建成后)?(?:可|将|预计)?(?:规划|可)?年产(?![值能量]))"
)
#: The industries of the vocabulary, one of which may stand before 及 in a chain's whole name (家电及配件).
_INDUSTRY_WORDS = frozenset((*STRONG_TERMS, *WEAK_TERMS))
#: A clause saying who is in a position (中游有…, 上游有…): what follows 的 there is what they make.
_WHO_IS_THERE = re.compile(r"(?:^|[：:])(?:在)?(?:上游|中游|下游)(?:主要)?有|^(?:主要)?有")
#: Words before a chain's name that do not qualify it (发展新材料, 推动新材料, 全市新材料, 的新材料): the
#: qualifier shared by every mention starts after the last of them.
_NOT_QUALIFIER = re.compile(
    r"关于|推进|加快|促进|推动|支持|印发|做强|壮大|打造|聚焦|培育|实施|发展|布局|引进|重点|全市|全省|全区|全县|我市|"
    r"我省|我区|本市|的|已|将|等|和|及|与|在|是|为"
)
#: A plan's pronoun for the firm it just named, as the subject of what follows (发挥A作用，支持其建设P生产线).
_PRONOUN = re.compile(r"(?:支持|推动|鼓励|引导|帮助|指导|由)其")
#: Where a good comes from, before its name (进口铝土矿, 国产CPU): not part of its name.
_SOURCE = re.compile(r"^(?:进口|外购|国产|本地|当地|自产)(?:的)?")
#: A numbered heading: (一), 一、, 1., 1．, ①, 第一条.
_NUMBERED_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|[①-⑳]|第[一二三四五六七八九十]+条)"
)
#: A part heading (一、 二、), above the measures ((一), 1.) of a plan.
_PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
#: A position a heading names (拓展下游应用, 夯实上游基础), not 上下游 / 上中下游.
_POSITION_IN_HEADING = re.compile(r"(?<![上中])(?:上游|中游|下游)")
#: Verbs after which a list of products starts (支持A、B扩大P1、P2产能: the list is P1、P2); 向 after firms
#: (推动A、B等企业向P1、P2等细分领域延伸), but not of 方向, 面向, 导向, 转向, 走向, 倾向, 动向, 意向.
_VERB_SPLIT = re.compile(
    r"扩大|扩产|生产|研制|供应|提供|推广|引进|围绕|补齐|建设|扩建|实施|保障|(?<![方面导转走倾动意志])向"
)
#: What says the list after it is of products (主要产品包括P1、P2; 产品涵盖P1、P2; 产品定位为P1、P2).
_PRODUCTS_ARE = re.compile(r"产品(?:包括|涵盖|覆盖|定位为|主要(?:包括|涵盖|有|为|是))[：:]?")
#: Verbs that make a firm the maker of their object only with a tail (扩大P产能, 建设P生产线, 保障P供应).
_NEEDS_TAIL = frozenset({"建设", "新建", "扩建", "扩大", "保障", "实现", "实施"})
#: What after 年产 makes it a figure of the plant (年产值, 年产能), not the start of what it makes.
_NOT_OUTPUT = frozenset("值能量")
#: The numbering and the verb that open a measure heading ((一)夯实, 2.做大): not the link's words.
_HEADING_LEAD = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*[\u4e00-\u9fff]{0,4}?(?=[上中下]游)")


#: What a link's name says is done (原料熔铸, 面板制造, 磷矿开采): the thing it is done to names its products.
_LINK_WORK = re.compile(
    r"(?:深加工|精深加工|回收利用|制造|加工|开采|冶炼|熔铸|设计|应用|生产|研发|流通|集成|服务|销售)$"
)
#: Characters of a chain's or link's name that name no material (原料熔铸, 钛材加工: 原, 料, 材).
_NOT_MATERIAL = frozenset("原料材产品制造加工合金新型高端")
#: Parts of a link's name too general to tell its products by (制品, 材料, 零部件).
_GENERAL_PART = frozenset(
    {"材料", "制品", "产品", "设备", "装备", "部件", "零部件", "整机", "原料", "终端", "系统", "关键材料", "核心部件"}
)


def _cores(link: str, chain: str) -> list[str]:
    """The words of a link's name that its products hold (镁砂及耐火材料 → 镁砂, 耐火材料; 面板制造 → 面板), but
    the chain's own word (电池 of 电池回收利用 in the 新能源电池 chain: every product of the chain holds it)."""
    parts = (_LINK_WORK.sub("", part) for part in re.split(r"与|及|和|、", link))
    return [part for part in parts if len(part) >= 2 and part not in _GENERAL_PART and part not in chain]


def _holds(link: str, chain: str, product: str) -> bool:
    """The link's name holds the product's whole (服务器 in 服务器整机与基础软件), a word of the link not the
    chain's own (电池 in 电池回收利用 of the 新能源电池 chain) nor a general part (材料, 设备)."""
    return len(product) >= 2 and product in link and product not in chain and product not in _GENERAL_PART


def _yields(link: str, chain: str, product: str) -> bool:
    """The link's work (熔铸, 加工, 开采: the word its name ends with) turns out things of the product's form (锭;
    板, 棒, 管; 矿石), and the product is of the chain's or the link's material (a character of their names)."""
    work = _LINK_WORK.search(link)
    forms = LINK_YIELDS.get(work.group(), []) if work else []
    if not any(product.startswith(form[:-1]) if form.endswith("…") else product.endswith(form) for form in forms):
        return False
    material = set(re.sub(r"[及与和、]", "", chain + link[: work.start()] if work else chain)) - _NOT_MATERIAL
    return bool(material & set(product))


def _is_heading_mark(text: str) -> bool:
    """A short heading naming one position's link: (一)夯实上游冶炼分离。"""
    if len(text) > 20 or re.search(r"[，,；]", text):
        return False
    return position_mark(_HEADING_LEAD.sub("", text)) is not None


def _goods_headed(text: str) -> bool:
    """P1、P2等K where K names a kind of goods (化工新材料, 基础原料): every item is a good, even one that
    is also an industry's name (功能性膜材料)."""
    head, sep, tail = text.rpartition("等")
    return bool(sep and head and _KIND_OF_GOODS.match(_OBJECT_TAIL.sub("", tail)))


def _qualified(rest: str) -> bool:
    """What is left of a product after the chain's name that still names it: a made thing with its own
    qualifier (新能源汽车动力电池 → 动力电池), not a bare head word or a two-character name (光伏玻璃 → 玻璃,
    光伏背板 → 背板: there the chain's word is the qualifier, and the product keeps it)."""
    return len(rest) >= 3 and bool(PRODUCT_HEAD.search(rest)) and rest not in PRODUCT_HEADS


def _without_lead(item: str) -> str:
    """An item without the words that lead into a list (引进P, 重点发展P, 围绕…所需的P). A lead word inside a
    compound name (水上电动推进系统, 智能发展平台) is no lead: an item that does not open with one and would
    be cut to a bare head word is kept whole."""
    cut = _LIST_LEAD.sub("", item)
    if cut in PRODUCT_HEADS and cut != item and not _LIST_LEAD_OPENING.match(item):
        return item
    return cut


def _products_of(text: str, strict: bool = False, trust: bool = False) -> list[str]:
    """The products a list names: items ending in a word of made things, without quantities and tails.

    With ``strict``, every item must name a made thing (else none is taken): a list of other things
    (industries, places) that happens to hold one product word is no product list.
    """
    text = _OBJECT_TAIL.sub("", text.strip())
    head, sep, tail = text.rpartition("等")
    if sep and head and "、" not in tail:
        if _KIND_OF_KNOW_HOW.match(tail) or _KIND_OF_INDUSTRY.match(tail):
            return []  # 固态电池、钠离子电池等技术; 新能源汽车、物流装备等八大产业链: not things made
        text = head  # P1、P2等L: the products, not their head
        trust = trust or bool(_KIND_OF_GOODS.match(tail))  # 乙烯、丙烯等化工原料: each item is a good
    items = [p for item in split_items(text) for p in re.split(r"以及|和|及|与", item) if p]
    items = [_without_lead(item) for item in items]
    out = []
    for item in items:
        item = clean_name(_OBJECT_TAIL.sub("", _TRAILING_QUANTITY.sub("", _QUANTITY.sub("", item))))
        item = _SOURCE.sub("", re.sub(r"^(?:所需的|所需|的|等)", "", item))
        if item.isascii() and len(item) < 3:
            item = ""  # 5G of 5G与射频模块: a trait, not a thing (CPU, MEMS, PBAT are)
        if 2 <= len(item) <= 14 and (trust or PRODUCT_HEAD.search(item)) and not _NOT_PRODUCT.search(item):
            out.append(item)
        elif strict:
            return []
    return out
