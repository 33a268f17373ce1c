"""How a text lays out a value chain: its links in order, their position and the products they include.

Plans and news lay out a chain in a few shapes, read here from the text alone (no graph):

- positions in prose: 上游A、中游B、下游C (one sentence, or one clause or line each, 上游为…；中游包括…),
  each link written "P1、P2等L" (link L including products P1, P2), "L（P1、P2）" or plainly "L";
- a sequence of links joined by dashes or arrows: "A—B—C", "A——B——C", "A→B→C", "A-B-C";
- a from…to list: 从A、B到C等全产业链, 从A、B到C的完整链条;
- stages counted by 环节: "A、B、C三大环节".

Each layout is a list of :class:`Link`; a position the text gives (上游…) is kept, the others are read from
the link's words and where it stands (:func:`positions`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files

from chainkg.graph.model import clean_name

_DATA = tomllib.loads(files(__package__).joinpath("chain_layouts.toml").read_text(encoding="utf-8"))
#: The word lists of the file (its tables, such as ``yields``, are read apart).
_WORDS: dict[str, list[str]] = {key: value for key, value in _DATA.items() if isinstance(value, list)}
POSITIONS = ("upstream", "midstream", "downstream")
_MARKS = {"上游": "upstream", "中游": "midstream", "下游": "downstream"}


def _any(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


_POSITION_WORD = {position: _any(_WORDS[position]) for position in POSITIONS}
_LINK_WORD = _any(_WORDS["link"])
PRODUCT_WORD = _any(_WORDS["product_heads"])
PRODUCT_HEAD = re.compile("(?:" + PRODUCT_WORD.pattern + r")$")
#: The head words of made things alone (玻璃, 系统): a name that is only one of them says no more than its kind.
PRODUCT_HEADS = frozenset(_WORDS["product_heads"])
#: Chain names general enough that a document's mentions often qualify them (不锈钢新材料, 高端智能装备).
GENERAL_CHAINS = frozenset(_WORDS["general_chains"])
#: Words of size or grade before a product's name (大规格, 超薄): a graded form of the product, not another one.
PRODUCT_GRADES: list[str] = _WORDS["product_grades"]
MAKE_VERB = _any(_WORDS["make_verbs"])
#: The work a link's name ends with → the forms of the goods that work turns out (熔铸 → 锭; 加工 → 板, 管).
LINK_YIELDS: dict[str, list[str]] = _DATA["yields"]


@dataclass
class Link:
    """One link of a chain: its name, the products the text lists for it, the position the text gives it."""

    name: str
    products: list[str] = field(default_factory=list)
    position: str | None = None
    clause: str = ""  # the rest of a 上游，… clause (what the text says of the link: firms placed in it)


@dataclass
class Layout:
    """A chain's links in order, with where the layout stands in its sentence (to pick the chain it lays out)."""

    links: list[Link]
    start: int
    end: int


# -- links ---------------------------------------------------------------------------------------------
_PAREN = re.compile(r"^(?P<name>[^（(]{2,20})[（(](?P<items>[^）)]{2,60})[）)]$")
#: What closes a link's words in prose and is not its name: 环节, 协同发展, 的产业链条, 三大环节.
_LINK_TAIL = re.compile(
    r"(?:的[^、，,]{0,8}?(?:产业链条|产业链|全链条|链条|产业格局|格局|产业体系|体系)"
    r"|(?:等|的)?(?:[一二三四五六七八九十两\d]+(?:大|个))?(?:完整|垂直|闭环|全)?"
    r"(?:产业链条|产业链|全链条|链条|产业格局|格局|产业体系|体系|环节|板块|领域)"
    r"|(?:协同|贯通|融合|联动|一体化|集聚|高质量)发展|规模|短板|能力|水平)$"
)
_LINK_LEAD = re.compile(r"^(?:[，,：:\s]|主要包括|主要涉及|主要有|主要为|主要是|包括|涉及|涵盖|集中在|为|是|有|以)+")


def split_items(text: str) -> list[str]:
    """Items of a 、 list, without splitting inside brackets (中游药品制剂（化学药、生物药）)."""
    if "（" not in text and "(" not in text:
        return [item for item in (clean_name(i) for i in text.split("、")) if item]
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += char in "（("
        depth -= char in "）)"
        if char == "、" and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item for item in (clean_name(i) for i in items) if item]


def _product_names(items: list[str]) -> list[str]:
    """'A、B以及C和D' → [A, B, C, D]: the last items may be joined by 和/及/以及."""
    out: list[str] = []
    for item in items:
        out += [p for p in re.split(r"以及|和|及|与", item) if len(p) >= 2] if len(item) > 2 else [item]
    return [clean_name(p) for p in out if clean_name(p)]


def link_of(text: str, position: str | None = None) -> Link | None:
    """'P1、P2等L' → L with P1, P2; 'L（P1、P2）' → L with P1, P2; 'L' → L. None for a list with no head."""
    text = _LINK_TAIL.sub("", _LINK_LEAD.sub("", text.strip()))
    text = _LINK_TAIL.sub("", text).strip('“”"')
    head, sep, tail = text.rpartition("等")
    if sep and head and 2 <= len(tail) <= 16 and "、" not in tail:
        return Link(clean_name(tail), _product_names(split_items(head)), position)
    paren = _PAREN.match(text)
    if paren:
        return Link(clean_name(paren["name"]), _product_names(split_items(paren["items"])), position)
    if "、" in text or not 2 <= len(text) <= 16:
        return None
    return Link(clean_name(text), [], position)


# -- positions in prose ----------------------------------------------------------------------------------
#: 上游, 中游, 下游 standing alone: not inside 上下游 / 上中下游 / 产业链上下游.
_MARK = re.compile(r"(?<![上中])(?:上游|中游|下游)")
_CLAUSE_END = re.compile(r"[，,；;。]")


def positional(text: str) -> Layout | None:
    """上游A、中游B、下游C: the links after each position word, in order (two positions at least).

    A position word followed by a comma opens a clause about the link (上游，A把…): the link has no name
    there, only the clause (firms are placed in it by the caller).
    """
    if "游" not in text:
        return None  # no position word: most sentences (a scan in C, where the pattern opens with a lookbehind)
    marks = [m for m in _MARK.finditer(text)]
    if len({m.group() for m in marks}) < 2 or not _in_order(marks):
        return None
    links: list[Link] = []
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        words = text[mark.end() : stop].rstrip("、，,；;和及与")
        position = _MARKS[mark.group()]
        lead = _LINK_LEAD.match(words)
        body = words[lead.end() :] if lead else words
        if words[:1] in "，,：:" and lead is not None and lead.group().strip("，,：: ") == "":
            links.append(Link("", [], position, clause=words))
            continue
        end = _CLAUSE_END.search(body)
        link = link_of(body[: end.start()] if end else body, position)
        if link is None and lead is not None and lead.group().endswith("有"):
            link = Link("", [], position, clause=words)  # 中游有A的P和B的Q: who is there, not the link's name
        if link is None:
            return None
        links.append(link)
    return Layout(links, marks[0].start(), marks[-1].end())


def _in_order(marks: list[re.Match[str]]) -> bool:
    ranks = [POSITIONS.index(_MARKS[m.group()]) for m in marks]
    return ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def position_mark(text: str) -> tuple[str, int] | None:
    """The position a clause opens with (上游，…; 在上游，…; 中游有…), and where its words start."""
    mark = _MARK.search(text, 0, 12)
    if mark is None or re.search(r"[，,。；]", text[: mark.start()]):
        return None
    return _MARKS[mark.group()], mark.end()


# -- sequences ---------------------------------------------------------------------------------------------
_JOINER = re.compile(r"\s*(?:——|—|→|─|－|->|-)\s*")
_SEQUENCE = re.compile(
    r"[“\"「]?((?:[^—→─－\-“”\"「」，。；：:]{1,30}(?:——|—|→|─|－|->|-)){2,}[^—→─－\-“”\"「」，。；：:]{1,30})[”\"」]?"
)
#: What opens and closes a sequence's first and last links (构建…, …的全产业链): not the links' names.
_BUILD_LEAD = re.compile(r"^.*?(?:构建了|构建|形成了|形成|实现了|打通了|打通|贯通了|贯通|打造|以)")
_CHAIN_TAIL = re.compile(r"(?:全产业链|全流程|的.*|[”\"」].*)$")


def sequences(text: str) -> list[Layout]:
    """Links joined by dashes or arrows (three at least), most of them words of making or selling."""
    if not any(j in text for j in "—→─－-"):
        return []
    out = []
    for match in _SEQUENCE.finditer(text):
        items = _JOINER.split(match.group(1))
        items[0] = _BUILD_LEAD.sub("", items[0])
        items[-1] = _CHAIN_TAIL.sub("", items[-1])
        if any(not 2 <= len(i) <= 30 or i.isascii() for i in items) or "企业" in "".join(items):
            continue
        links = [link_of(i) or Link(clean_name(i)) for i in items]
        if _is_value_chain(items):
            out.append(Layout(links, match.start(), match.end()))
    return out


def _is_value_chain(items: list[str]) -> bool:
    """Most links name a stage of making or selling, or products (托盘、堆垛机等关键零部件)."""
    links = sum(1 for item in items if _LINK_WORD.search(item) or PRODUCT_HEAD.search(item) or "等" in item)
    return links * 2 > len(items)


_FROM_TO = re.compile(r"从([^，。；]{2,60}?)到([^，。；]{2,60}?)等(?:全流程|全)?产业链")
_STAGES = re.compile(
    r"(?:包括|涵盖|分为|形成|贯通|打通)?([^，。；：:]{4,80}?)(?:[一二三四五六七八九十两\d]+)(?:大|个)环节"
)


#: 形成从A、B到C的较完整链条, 从A到B再到C的完整产业链: the same links, closed by 的 and any words of the whole.
_FROM_TO_OF = re.compile(
    r"从([^，。；从]{2,60}?)到([^，。；]{2,60}?)的[^，。；、]{0,8}?(?:产业链条|产业链|全链条|链条)"
)

_FIELDS = re.compile(r"等(?:领域|行业|方面|场景|产业|板块)")


def from_to(text: str) -> list[Layout]:
    """从A、B到C等全产业链: links A, B, C; 从A、B到C的(较完整)链条 too, when three links at least, most of them
    stages or goods, are named (从研发到市场的链条 names two steps, no chain's links)."""
    if "到" not in text or "链" not in text:
        return []
    found = [
        Layout([Link(clean_name(i)) for i in split_items(m.group(1)) + split_items(m.group(2))], m.start(), m.end())
        for m in _FROM_TO.finditer(text)
    ]
    for m in _FROM_TO_OF.finditer(text):
        if _FIELDS.search(m.group(2)):
            continue  # 从A到B、C等领域的全产业链: fields the chain reaches, not its links
        items = split_items(m.group(1)) + [i for part in split_items(m.group(2)) for i in part.split("再到")]
        if len(items) >= 3 and all(2 <= len(i) <= 12 for i in items) and _is_value_chain(items):
            found.append(Layout([Link(clean_name(i)) for i in items], m.start(), m.end()))
    return found


def stages(text: str) -> list[Layout]:
    """'A、B、C三大环节' (no position words): links A, B, C in the order written."""
    if "环节" not in text or _MARK.search(text):
        return []
    out = []
    for m in _STAGES.finditer(text):
        items = [re.sub(r"^.*(?:包括|涵盖|分为|形成|贯通|打通|在)", "", i) for i in split_items(m.group(1))]
        items = [i for sub in items for i in re.split(r"和|及|与", sub)]
        if len(items) >= 2 and all(2 <= len(i) <= 12 for i in items) and _is_value_chain(items):
            out.append(Layout([Link(clean_name(i)) for i in items], m.start(), m.end()))
    return out


def layouts(text: str) -> list[Layout]:
    """Every layout a sentence (or a run of position clauses joined) writes, but stages (read last)."""
    found = sequences(text) + from_to(text)
    if not found:
        prose = positional(text)
        found = [prose] if prose else []
    return found


# -- positions of links ----------------------------------------------------------------------------------
def positions(links: list[Link]) -> list[str]:
    """Each link's position: the text's, else its words', else where it stands, never going back upstream.

    By place alone, the first half of the links before the last are upstream, the rest midstream, and the
    last downstream (材料—零件—整机—应用: up, up, mid, down).
    """
    count = len(links)
    upstream = count // 2
    guessed = []
    for order, link in enumerate(links):
        if link.position:
            guessed.append(link.position)
        elif order > 0 and _POSITION_WORD["downstream"].search(link.name):
            guessed.append("downstream")
        elif order < count - 1 and _POSITION_WORD["upstream"].search(link.name):
            guessed.append("upstream")
        elif order < count - 1 and order > 0 and _POSITION_WORD["midstream"].search(link.name):
            guessed.append("midstream")
        elif order == count - 1 and count > 1:
            guessed.append("downstream")
        else:
            guessed.append("upstream" if order < upstream else "midstream")
    return _monotone(guessed)


def _monotone(guessed: list[str]) -> list[str]:
    """A link is never upstream of one before it: a later upstream guess takes its predecessor's position."""
    out: list[str] = []
    for position in guessed:
        if out and POSITIONS.index(position) < POSITIONS.index(out[-1]):
            position = out[-1]
        out.append(position)
    return out
