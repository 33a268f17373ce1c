"""Enterprises in prose: legal names, short names, tags and their relations.

Firms are found by form and context, not from a list: legal-name suffixes
(有限公司, 集团), lists closed by 等…企业/项目, subjects of 兼并/收购/投资 and
clause-initial names ending in a trade word (科技, 汽车, 新材). A legal name's
short forms (津上精密 for 津上精密机床（浙江）有限公司) are aliases of its node.
Relations are read from the sentence a firm is named in, with the paragraph
before it as context for chains and platforms (news names a firm after the
chain it talks about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Node, clean_name
from loaders.builder import DocumentGraph
from loaders.industries import find_industries
from loaders.industry_terms import STRONG_TERMS, SYNONYMS, WEAK_TERMS
from loaders.org_names import FIRM_WORD as _FIRM_WORD
from loaders.org_names import NAME_CHARS, run_before, short_forms, trim_left
from loaders.prose_context import ProseContext
from loaders.text import ParsedDocument
from loaders.text_spans import district_mentions, sentence_of

_LEGAL = re.compile(r"股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司")
_LIST_HEAD = re.compile(r"等(?:一批|多家)?[^，。；、]{0,6}?(企业|项目|公司|电商平台)(?!服务|数量|家数)")
_CLAUSE_NAME = re.compile(
    rf"(?:^|(?<=[，。；：\n“]))({NAME_CHARS}{{1,6}}?(?:{_FIRM_WORD}))"
    r"(?=便是|正投资|正在|已|先后|直接|经过|首台|首批|落户|成立|投资|兼并|收购|\d{4}年)"
)
_VERB_SUBJECT = re.compile(r"(?:直接|先后|正|已)?(?:兼并|收购|并购|投资\d)")
_NOT_FIRM = re.compile(
    r"企业|产业|项目|平台|基地|园|小镇|中心|研究院|实验室|大学|学院|政府|局|委|办|部|镇|市|区|县|省|品牌|"
    r"^[的0-9]|低效|高端|优质|龙头|链主|子$|上市|该|本地|外资|国内|国外|冠军|小巨人|专精特新|要素"
)
_NOT_LEGAL_CORE = re.compile(r"企业|产业|项目|平台|上市|^[该这其原子的0-9]")
_TAGS = {
    "链主": "链主",
    "龙头": "龙头",
    "世界500强": "世界500强",
    "中国500强": "中国500强",
    "外资": "外资",
    "上市": "上市",
    "专精特新": "专精特新",
    "单项冠军": "单项冠军",
}
_ACQUIRE = re.compile(r"兼并|收购|并购")
_SUPPLIER = re.compile(rf"({NAME_CHARS}{{2,8}}?)(?:供应商|制造商|生产商)")
_FIRST_UNIT = re.compile(rf"首(?:台|批|款|辆)({NAME_CHARS}{{2,10}}?)(?:下线|投产|交付)")


@dataclass
class Firm:
    """A firm of this document: canonical name and the other names the text uses for it."""

    name: str
    aliases: dict[str, str] = field(default_factory=dict)


def _legal_names(text: str) -> list[str]:
    out = []
    for match in _LEGAL.finditer(text):
        run, _ = run_before(text, match.end())
        name = clean_name(trim_left(run))
        core = name[: -len(match.group(0))]
        suffix = match.group(0)
        long_enough = len(core) >= 3 or (suffix == "集团" and len(core) >= 2)
        if suffix == "公司" and not re.search(rf"(?:{_FIRM_WORD}|{_TRADE})$", core[2:]):
            continue  # a bare 公司 names a firm only after a trade word: 中嘉华宸能源公司, not 民营跨国公司
        if long_enough and not _NOT_LEGAL_CORE.search(core) and core not in _industry_names(core):
            out.append(name)
    return out


def _industry_names(text: str) -> set[str]:
    return {m.surface for m in find_industries(text)} | ({text} if text in _VOCABULARY else set())


_VOCABULARY = frozenset({*STRONG_TERMS, *WEAK_TERMS, *(a for v in SYNONYMS.values() for a in v)})
_TRADE = "|".join(sorted(_VOCABULARY, key=len, reverse=True))


def _is_firm_name(name: str) -> bool:
    return 2 <= len(name) <= 12 and not _NOT_FIRM.search(name) and not _industry_names(name) & {name}


def _listed_names(text: str) -> list[str]:
    """A、B、C等…企业/项目: the items are firms (项目 lists name firms too: 伊控动力、臻驱科技等一批汽车电子项目)."""
    out = []
    for head in _LIST_HEAD.finditer(text):
        run_start = max(text.rfind(p, 0, head.start()) for p in "，。；：\n") + 1
        items = text[run_start : head.start()].split("、")
        items[0] = trim_left(items[0])
        items = [clean_name(i) for i in items]
        if len(items) == 1 and not re.search(r"链主|龙头|企业", head.group(0)):
            continue
        if len(items) == 1 and not re.search(rf"(?:{_FIRM_WORD})$", items[0]):
            continue
        out += [i for i in items if _is_firm_name(i)]
    return out


def _subject_names(text: str) -> list[str]:
    """Firms named by what they do: clause-initial names before 兼并/投资/落户, and their objects' subjects."""
    out = [clean_name(trim_left(m.group(1))) for m in _CLAUSE_NAME.finditer(text)]
    out = [name for name in out if _is_firm_name(name)]
    for verb in _VERB_SUBJECT.finditer(text):
        run, _ = run_before(text, verb.start(), limit=16)
        name = clean_name(trim_left(re.sub(r"(?:供应商|制造商)", "，", run).split("，")[-1]))
        if _is_firm_name(name) and (len(name) <= 6 or re.search(rf"(?:{_FIRM_WORD})$", name)):
            out.append(name)
    return out


def find_firms(doc: ParsedDocument) -> list[Firm]:
    """The firms a document names, each once, with short forms of legal names as aliases."""
    text = doc.text
    places = sorted({m.surface for m in district_mentions(doc)} | {m.name for m in district_mentions(doc)})
    firms: dict[str, Firm] = {}
    for name in _legal_names(text):
        firm = firms.setdefault(name, Firm(name))
        for short in short_forms(name, places):
            if short in text.replace(name, ""):
                firm.aliases[short] = "legal-name-short-form"
    known = {alias: f for f in firms.values() for alias in (f.name, *f.aliases)}
    for name in _listed_names(text) + _subject_names(text):
        if name not in known and not any(name in other for other in known):
            known[name] = firms.setdefault(name, Firm(name))
    return list(firms.values())


def extract(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Enterprise nodes with tags, and CHAIN_OWNER_OF, IN_CHAIN, LOCATED_IN, ACQUIRED, MAKES."""
    firms = find_firms(doc)
    if not firms:
        return
    surfaces = {form: f for f in firms for form in (f.name, *f.aliases)}
    pattern = re.compile("|".join(map(re.escape, sorted(surfaces, key=len, reverse=True))))
    context = ProseContext(doc, graph)
    firsts: list[tuple[Node, int, int]] = []
    seen: set[tuple[str, int]] = set()
    for match in pattern.finditer(doc.text):
        firm = surfaces[match.group(0)]
        index = sentence_of(doc, match.start())
        sentence = doc.sentences[index].text
        node = graph.node("Enterprise", firm.name, sentence, aliases=firm.aliases)
        _tag(node, sentence, match.end())
        if (firm.name, index) not in seen:
            seen.add((firm.name, index))
            firsts.append((node, index, match.start()))
    for node, index, offset in firsts:  # every firm is known before relations between firms are read
        _relations(context, node, index, offset)


def _tag(node: Node, sentence: str, _end: int) -> None:
    tags: list[str] = node.props.setdefault("tags", [])
    for cue, tag in _TAGS.items():
        if cue in sentence and tag not in tags and _tag_applies(cue, sentence, node):
            tags.append(tag)
    tags.sort()


def _tag_applies(cue: str, sentence: str, node: Node) -> bool:
    """A tag belongs to a firm named within a few characters of the cue (等“链主”企业, 外资机床企业)."""
    names = [node.name, *node.alias_rules]
    for match in re.finditer(cue, sentence):
        for name in names:
            pos = sentence.find(name)
            if pos >= 0 and -30 <= match.start() - (pos + len(name)) <= 12:
                return True
    return False


def _relations(context: ProseContext, node: Node, index: int, offset: int) -> None:
    doc, graph = context.doc, context.graph
    sentence = doc.sentences[index].text
    local = offset - doc.sentences[index].start
    acquired = _acquired_object(sentence, local, node)
    if acquired:
        return
    chains = context.chain_nodes(context.chain_near(index), sentence)
    for chain in chains:
        graph.edge("IN_CHAIN", node, chain, sentence)
        if "链主" in sentence and "链主" in node.props.get("tags", []):
            graph.edge("CHAIN_OWNER_OF", node, chain, sentence)
    place = context.platform_near(index) or context.district_near(index)
    if place is not None:
        graph.edge("LOCATED_IN", node, place, sentence)
    _acquisitions(context, node, index, local)
    _products(graph, node, sentence)


def _acquired_object(sentence: str, local: int, node: Node) -> bool:
    """The firm is the object of 兼并/收购 here: it is not placed in a chain by this sentence."""
    verb = _ACQUIRE.search(sentence, 0, local)
    return (
        bool(verb)
        and local - verb.end() < 20
        and not any(sentence.find(n) < verb.start() for n in (node.name, *node.alias_rules) if n in sentence)
    )


def _acquisitions(context: ProseContext, node: Node, index: int, local: int) -> None:
    """A 兼并/收购 B: the firms after the verb, or the firm of the sentence before (通过A兼并重组)."""
    doc, graph = context.doc, context.graph
    sentence = doc.sentences[index].text
    verb = _ACQUIRE.search(sentence, local)
    if not verb or verb.start() - local > 12:
        return
    others = [
        n
        for n in graph.by_label("Enterprise")
        if n.uid != node.uid and any(sentence.find(f, verb.end()) >= 0 for f in (n.name, *n.alias_rules))
    ]
    if not others and index > 0 and "企业" not in sentence[verb.end() : verb.end() + 12]:
        before = doc.sentences[index - 1].text
        others = [n for n in graph.by_label("Enterprise") if n.uid != node.uid and n.name in before]
    for other in others:
        graph.edge("ACQUIRED", node, other, sentence)


def _products(graph: DocumentGraph, node: Node, sentence: str) -> None:
    """What a firm makes, where the sentence says so (X供应商A, A首台X下线)."""
    names = [node.name, *node.alias_rules]
    pos = min((sentence.find(n) for n in names if n in sentence), default=-1)
    products = []
    supplier = _SUPPLIER.search(sentence, max(0, pos - 20), pos + 1 if pos >= 0 else 0)
    if supplier and pos >= 0 and supplier.end() + 4 >= pos:
        products.append(trim_left(supplier.group(1)))
    first = _FIRST_UNIT.search(sentence, max(pos, 0))
    if first and pos >= 0:
        products.append(first.group(1))
    for product in products:
        if len(product) >= 2:
            graph.edge("MAKES", node, graph.node("Product", product, sentence), sentence)
