"""链主 statements: which firms a text names as the owners (链主) of which chain.

Plans and news name a chain's leading firms in a few shapes, the list of firms on one side of the
链主 cue and the chain either in the statement or implied by the document:

- list, then cue: "甲、乙等链主企业", "甲、乙共同担任X产业链链主", "甲和乙是这条产业链的两家链主企业",
  "以甲为链主", "发挥甲“链主”作用";
- cue, then list: "链主企业为甲、乙", "链主企业：甲、乙", "支持链主企业甲（以下简称…）", "X产业链链主甲".

Each firm becomes an Enterprise tagged 链主 (merged with the firm the enterprise reader found, when
it did) with CHAIN_OWNER_OF and IN_CHAIN to the chain: the chain the statement names (X产业链链主),
else the chain of its clause, else of its sentence, else the document's own chain (the one its title
names, or the one it names most), which "这条产业链" and a bare 链主企业 refer to. A firm read here owns
only the chains read here: another CHAIN_OWNER_OF of it (a chain that merely shares its sentence) is
dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from chainkg.graph.model import Node
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import CHAIN, Findings, IndustryMention
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.extract.prose_context import ProseContext
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.industry_terms import NOUN_HEADS

_COUNT = "[0-9一二两三四五六七八九十]+"
#: A list of firms, then the link to the 链主 cue closing the clause head: 等, 共同担任X产业链, 是这条产业链的两家, 为,
#: “ (the list is the shortest text before the first link that reaches the cue).
_LIST_THEN_CUE = re.compile(
    rf"(?P<list>.+?)(?:(?:等|共同担任|共同作为|担任|担纲|作为|成为|均为|是|为)(?P<chain>[^，。；、,;]{{0,18}}?(?:产业链|链)的?)?"
    rf"(?:{_COUNT}家)?[“\"]?|[“\"]|{_COUNT}家)链主"
)
_LINK_BEFORE_LIST = re.compile(r"链主[”\"]?(?P<firms>企业|型企业)?(?:分别|主要)?(?P<verb>为|是|有|包括|：|:)?")
#: What may stand before the first firm of a list closed by the cue (支持, 围绕, 以, 发挥, a place and 的).
_LIST_OPENER = re.compile(
    r"^(?:.*?(?:支持|围绕|推动|鼓励|引导|依托|由|以|发挥|对|聚焦|培育|引进|其中|包括|在))?(?:[\u4e00-\u9fff]{1,4}的)?"
)
#: The last opener word before a list (greedy): where a list opened after other words that hold an opener.
_LAST_OPENER = re.compile(r"^.*(?:支持|围绕|推动|鼓励|引导|依托|由|以|对|聚焦|培育|引进|其中|包括)\s*")
_SEPARATOR = re.compile(r"、|和|及|与|以及")
#: A note after a firm's name: （以下简称“乐普医疗”）, (简称"发那科").
_NAME_NOTE = re.compile(r"[（(](?:以下)?简称[^）)]*[）)]")
_PLACE_OF = re.compile(r"^[\u4e00-\u9fff]{1,4}的(?=..)")
_FIRM_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·]{2,30}")
#: Words no firm's name is or ends with (a group or role of firms, a kind of place, a measure).
_NOT_FIRM = re.compile(
    r"企业$|产业|链|项目|园区?$|基地|平台|政府|部门|龙头|骨干|配套|上下游|本地|全市|全省|我市|我省|一批|多家|^[0-9]|"
    r"加快|推动|支持|实施|建设|带动|需求|清单|作用|机制|担任|担纲|作为|成为|共同|这条|^(?:在|向|与|来|对|按|从|要|将|的|等|达到)|[0-9]+家|"
    r"主体|代表|[局委厅区]$"
)
#: One firm right after the cue, told from what follows by the verb of its clause (链主企业甲加快…).
_NAME_THEN_VERB = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9（）()·]{2,30}?(?=在|加快|扩大|扩建|新建|建设|实施|通过|向|与|牵头|带动|发挥|投资|增资)"
)
_SLOGAN = re.compile(r"[+＋]")
_CLAUSE_STOP = re.compile(r"[，。；！？,;!?\n]")
#: A demonstrative for the document's own chain: 这条产业链, 该产业链, 本产业链.
_THIS_CHAIN = re.compile(r"^(?:这条|该|本|此)")


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Enterprise nodes tagged 链主, CHAIN_OWNER_OF and IN_CHAIN the chain each statement names."""
    if "链主" not in doc.text:
        return
    chains = [m for m in findings.industries if m.label == CHAIN]
    titled = _title_chain(doc, chains, graph.document.props.get("title") or "")
    main = titled or _main_chain(doc, chains)
    context = ProseContext(doc, graph, findings)
    known = {form: f.name for f in findings.firms for form in (f.name, *f.aliases)}
    aliases = {f.name: f.aliases for f in findings.firms}
    owned: dict[str, set[str]] = {}
    for index, sentence in enumerate(doc.sentences):
        if "链主" not in sentence.text:
            continue
        # a document whose title names no chain speaks of the chain its section names last (（一）X产业链 …)
        own = titled or next(iter(context.chain_before(index)), None) or main
        found = owners_in(sentence.text, sentence.start, chains, own)
        found += [p for p in _as_role(sentence.text, sentence.start, chains, own, known) if p not in found]
        found += [p for p in _titled_owner(sentence.text, sentence.start, chains, own, known) if p not in found]
        if _OWNER_HEADING.search(sentence.text) and index + 1 < len(doc.sentences) and own:
            found += [(f, own) for f in _supported_firms(doc.sentences[index + 1].text, known) if (f, own) not in found]
        for firm, chain_name in found:
            name = _firm_name(firm, known)
            chain = graph.node(CHAIN, chain_name, sentence.text)
            node = graph.node("Enterprise", name, sentence.text, aliases=aliases.get(name))
            _tag_owner(node)
            graph.edge("CHAIN_OWNER_OF", node, chain, sentence.text)
            graph.edge("IN_CHAIN", node, chain, sentence.text)
            owned.setdefault(node.uid, set()).add(chain.uid)
    _drop_other_ownerships(graph, owned)


def owners_in(sentence: str, offset: int, chains: list[IndustryMention], main: str | None) -> list[tuple[str, str]]:
    """(firm as written, chain name) for each 链主 statement of ``sentence`` (at ``offset`` in its text)."""
    out, handled = _as_owner(sentence, offset, chains, main)
    for cue in re.finditer("链主", sentence):
        if cue.start() in handled:
            continue
        if _SLOGAN.search(sentence, max(0, cue.start() - 2), cue.end() + 2):
            continue  # “链长+链主+园区”: a way of working, no firm
        clause_start, clause_end = _clause(sentence, cue.start())
        found = _list_before(sentence, clause_start, cue.start())
        if found is None:
            found = _list_after(sentence, cue.start(), clause_end)
        if not found:
            continue
        firms, named = found
        chain = _chain_of(named, sentence, offset, clause_start, clause_end, chains, main)
        if chain:
            out += [(firm, chain) for firm in firms if (firm, chain) not in out]
    return out


#: 以A为链主 (the firm A is the chain's owner), with the chain written right after it when it is 以A为链主的Y.
_AS_OWNER = re.compile(
    r"以(?P<firm>[^，。；、,;以]{2,20}?)为[“\"]?(?P<cue>链主)[”\"]?(?:企业)?(?:的(?P<chain>[^，。；、,;等]{2,14}))?"
)


def _as_owner(
    sentence: str, offset: int, chains: list[IndustryMention], main: str | None
) -> tuple[list[tuple[str, str]], set[int]]:
    """The pairs of 以A为链主的Y (each firm owns the chain after its cue: 以甲为链主的X、以乙为链主的Y) and of 以A为链主
    (the chain of its clause or sentence, else the document's), and the offsets of the cues they read."""
    out: list[tuple[str, str]] = []
    handled: set[int] = set()
    for match in _AS_OWNER.finditer(sentence):
        firm = _NAME_NOTE.sub("", match.group("firm"))
        if not _is_firm(firm):
            continue
        chain = _chain_after(match.group("chain") or "")
        if chain is None:
            clause_start, clause_end = _clause(sentence, match.start("cue"))
            chain = _chain_of("", sentence, offset, clause_start, clause_end, chains, main)
        handled.add(match.start("cue"))
        if chain and (firm, chain) not in out:
            out.append((firm, chain))
    return out, handled


#: 作为X产业链的“链主”（企业）， then the firm that is it, subject of the next clause.
_AS_ROLE = re.compile(r"作为(?P<chain>[^，。；,;]{0,24}?)的?[“\"]?链主[”\"]?(?:企业)?[，,]")
#: What follows a firm's name opening a clause: a verb, a time or an adverb (甲从开工到投产…, 甲今年以来已…).
_AFTER_SUBJECT = re.compile(r"从|今年|去年|近年|目前|已|将|在|于|先后|不断|持续|加快|带动|投资|建成|实现|通过|与|把|以")


def _as_role(
    sentence: str, offset: int, chains: list[IndustryMention], main: str | None, known: dict[str, str]
) -> list[tuple[str, str]]:
    """作为X产业链“链主”企业，甲… : the firm the next clause opens with (a name the text knows, else the words
    before its first verb, time or adverb) owns X (or, named no chain, the document's)."""
    out: list[tuple[str, str]] = []
    for match in _AS_ROLE.finditer(sentence):
        rest = sentence[match.end() :]
        firm = next((f for f in sorted(known, key=len, reverse=True) if rest.startswith(f)), None)
        if firm is None:
            verb = _AFTER_SUBJECT.search(rest, 2, 24)
            firm = rest[: verb.start()] if verb else None
        if not firm or not _is_firm(firm):
            continue
        clause_start, clause_end = _clause(sentence, match.start())
        named = match.group("chain")
        chain = _chain_of(named if "链" in named else "", sentence, offset, clause_start, clause_end, chains, main)
        if chain:
            out.append((firm, chain))
    return out


def _titled_owner(
    sentence: str, offset: int, chains: list[IndustryMention], main: str | None, known: dict[str, str]
) -> list[tuple[str, str]]:
    """链主甲 (链主 as a title before a firm the text knows: 与链主甲深度配套): 甲 owns the chain named before the cue,
    else the chain of its clause or sentence, else the document's."""
    out: list[tuple[str, str]] = []
    forms = sorted(known, key=len, reverse=True)
    for cue in re.finditer("链主", sentence):
        firm = next((f for f in forms if len(f) >= 2 and sentence.startswith(f, cue.end())), None)
        if firm is None or _SLOGAN.search(sentence, max(0, cue.start() - 2), cue.end() + 2):
            continue
        clause_start, clause_end = _clause(sentence, cue.start())
        before = re.search(r"[^，。；、,;]{2,16}?(?:产业链|链)$", sentence[max(0, cue.start() - 16) : cue.start()])
        chain = _chain_of(before.group(0) if before else "", sentence, offset, clause_start, clause_end, chains, main)
        if chain:
            out.append((firm, chain))
    return out


#: A measure's heading about the chain owners (（一）做强链主企业。, 2.培育壮大链主企业): its text names them.
_OWNER_HEADING = re.compile(
    r"^[（(]?[一二三四五六七八九十0-9]{0,3}[）)、.．]?(?:做强|做大|培育|壮大|支持|引育)+[“\"]?链主[”\"]?企业[。.]?$"
)
_SUPPORTING = re.compile(r"^(?:支持|推动|鼓励|引导|依托)")


def _supported_firms(sentence: str, known: dict[str, str]) -> list[str]:
    """The firms the first clause of a measure under such a heading supports (支持甲建设…, 推动甲、乙扩产): firms the
    text knows, in the order written."""
    if not _SUPPORTING.match(sentence):
        return []
    clause = _CLAUSE_STOP.split(sentence, maxsplit=1)[0]
    found = [(clause.find(form), form) for form in known if len(form) >= 2 and form in clause]
    forms = [form for _, form in sorted(found)]
    return [f for f in forms if not any(f != o and f in o for o in forms)]


def _chain_after(words: str) -> str | None:
    """The chain written after 链主的: a known industry in the words, else the words when they end as an industry's
    name does (肉制品加工, 特种钢), without a 产业链/产业 head."""
    if not words:
        return None
    read = [m.name for m in find_industries(words) if m.label == CHAIN]
    if read:
        return read[0]
    plain = re.sub("(?:产业链|产业|行业)$", "", words)
    return plain if len(plain) >= 2 and plain.endswith(NOUN_HEADS) else None


def _clause(sentence: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in _CLAUSE_STOP.finditer(sentence, 0, at)]
    end = _CLAUSE_STOP.search(sentence, at)
    return (starts[-1] if starts else 0), (end.start() if end else len(sentence))


def _list_before(sentence: str, clause_start: int, cue: int) -> tuple[list[str], str] | None:
    """Firms listed before the cue (甲、乙等链主企业), with the chain the link between them names, if any."""
    match = _LIST_THEN_CUE.fullmatch(sentence, clause_start, cue + 2)
    if match is None:
        return None
    listed = match.group("list")
    if listed.endswith(("、", "和", "及", "与")):
        return None  # 甲、乙及“链主”企业代表丙: the cue opens the next list, it closes none
    opener = _LIST_OPENER.match(listed)
    firms = _items(listed[opener.end() :] if opener else listed)
    if not firms:  # words before the list hold an opener (第三条（支持…）对甲等链主企业…): open at the last one
        bare = _NAME_NOTE.sub("", listed)  # （以下简称…） holds 以
        last = _LAST_OPENER.match(bare)
        firms = _items(bare[last.end() :]) if last else []
    return (firms, match.group("chain") or "") if firms else None


def _list_after(sentence: str, cue: int, clause_end: int) -> tuple[list[str], str] | None:
    """Firms listed after the cue (链主企业为甲、乙; 链主企业甲加快…), with the chain named right before the cue.

    After 链主企业 with no verb, one name counts only with the verb of its clause after it (链主企业甲实施…), so
    a heading (支持链主企业扩能增效) or a phrase (链主企业达到8家) names no firm.
    """
    link = _LINK_BEFORE_LIST.match(sentence, cue)
    if link is None:
        return None
    listed = _NAME_NOTE.sub("", sentence[link.end() : clause_end])
    if link.group("verb"):
        firms = _items(_before_verb(listed))
    elif link.group("firms") and _SEPARATOR.search(listed) and not _one_then_predicate(listed):
        firms = _items(_before_verb(listed))
    else:
        first = _NAME_THEN_VERB.match(listed) if link.group("firms") else None
        firms = [first.group(0)] if first and _is_firm(first.group(0)) else []
    before = sentence[max(0, cue - 16) : cue]
    named = re.search(r"[^，。；、,;]{2,16}?(?:产业链|链)$", before)
    return (firms, named.group(0) if named else "") if firms else None


def _one_then_predicate(listed: str) -> bool:
    """链主企业甲在某区扩建A及B产线, 链主企业甲加快推进X项目（A、B）: one firm, its verb before any list mark (the
    marks join what it builds, not firms)."""
    first = _NAME_THEN_VERB.match(listed)
    separator = _SEPARATOR.search(listed)
    return bool(first and separator and first.end() <= separator.start() and _is_firm(first.group(0)))


def _before_verb(listed: str) -> str:
    """A list without the predicate after its last item (…、丙医疗新建生产线 → …、丙医疗)."""
    last = max(listed.rfind(sep) for sep in "、和及与")
    verb = _NAME_THEN_VERB.match(listed, last + 1) if last >= 0 else None
    return listed[: verb.end()] if verb else listed


def _items(listed: str) -> list[str]:
    """The firms of a list, each a plausible firm name, or none if any item is not one."""
    items = [i for i in _SEPARATOR.split(_NAME_NOTE.sub("", listed)) if i]
    items = [_PLACE_OF.sub("", i) for i in items]  # 青岛的甲汽车 is 甲汽车
    return items if items and all(_is_firm(i) for i in items) else []


def _is_firm(item: str) -> bool:
    return bool(_FIRM_CHARS.fullmatch(item)) and not _NOT_FIRM.search(item)


def _chain_of(
    named: str,
    sentence: str,
    offset: int,
    clause_start: int,
    clause_end: int,
    chains: list[IndustryMention],
    main: str | None,
) -> str | None:
    """The chain a statement is about: named in it, else of its clause, else of its sentence, else the document's."""
    if named and _THIS_CHAIN.match(named):
        return main
    in_sentence = [m for m in chains if offset <= m.start and m.end <= offset + len(sentence)]
    if named:
        for m in in_sentence:
            if m.surface in named or m.name in named:
                return m.name
        read = [m.name for m in find_industries(named) if m.label == CHAIN]
        if read:
            return read[0]
    in_clause = [m for m in in_sentence if offset + clause_start <= m.start and m.end <= offset + clause_end]
    if in_clause:
        return in_clause[0].name
    if in_sentence:
        return in_sentence[0].name
    return main


def _title_chain(doc: ParsedDocument, chains: list[IndustryMention], title: str) -> str | None:
    """The one chain the document's title names (the title the reader found, which a page's header lines of index
    numbers and dates may precede)."""
    written = re.sub(r"\s", "", title)
    named = {m.name for m in chains if written and m.name in written}
    outermost = [n for n in named if not any(n != o and n in o for o in named)]
    return outermost[0] if len(outermost) == 1 else None


def _main_chain(doc: ParsedDocument, chains: list[IndustryMention]) -> str | None:
    """The document's own chain when its title names none: the one its first sentence names, else the one it names
    most."""
    if not chains:
        return None
    title_end = doc.sentences[0].end if doc.sentences else 0
    in_title = [m.name for m in chains if m.end <= title_end]
    if in_title:
        return in_title[0]
    return Counter(m.name for m in chains).most_common(1)[0][0]


def _firm_name(written: str, known: dict[str, str]) -> str:
    """The firm's canonical name: the enterprise reader's when it knows the form, else as written."""
    if written in known:
        return known[written]
    for form, name in known.items():  # 济南的中国重汽 is 中国重汽
        if written.endswith(form) and len(form) >= 2:
            return name
    return written


def _tag_owner(node: Node) -> None:
    tags: list[str] = node.props.setdefault("tags", [])
    if "链主" not in tags:
        tags.append("链主")
        tags.sort()


def _drop_other_ownerships(graph: DocumentGraph, owned: dict[str, set[str]]) -> None:
    """A firm whose 链主 statement was read owns those chains only (not every chain of its sentence)."""
    for key in [k for k in graph.edges if k[0] == "CHAIN_OWNER_OF" and k[1] in owned and k[2] not in owned[k[1]]]:
        del graph.edges[key]
