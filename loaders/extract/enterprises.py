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
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

import ahocorasick_rs

from chainkg.graph.model import Node, clean_name
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import CHAIN, Findings, Firm
from chainkg.loaders.extract.industries import canonical_in, dominant_chain, find_industries, heading_chain
from chainkg.loaders.extract.prose_context import PLACING_VERB, Place, ProseContext
from chainkg.loaders.extract.text_spans import alternation
from chainkg.loaders.text.divisions import DistrictMention
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of
from chainkg.loaders.text.industry_terms import STRONG_TERMS, SYNONYMS, WEAK_TERMS
from chainkg.loaders.text.keyword_scan import matches_near
from chainkg.loaders.text.names import FIRM_WORD as _FIRM_WORD
from chainkg.loaders.text.names import NAME_CHARS, run_before, short_forms, trim_left

_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")
_LEGAL = re.compile(alternation(_LEGAL_SUFFIXES))
_LEGAL_OPENINGS = tuple(sorted({suffix[:2] for suffix in _LEGAL_SUFFIXES}))
#: The class after 等 is a noun phrase: a preposition ends it (土地、金融等要素向重点项目 is a list of 要素).
#: A count closes a list too (A、B两家电池企业).
_LIST_HEAD = re.compile(
    r"(?:等(?:一批|多家)?|(?<=[^\d、])[两三四五六七八九十]家)[^，。；、向到在为对至从与和及把被给]{0,10}?(企业|项目|公司|电商平台)"
    r"(?!服务|数量|家数)"
)
#: Cue words of firm names in news (``firm_cues.toml``): verbs a firm is the subject of, what may stand
#: between, and the words after a firm noun that open a list of firms.
_CUES: dict[str, list[str]] = tomllib.loads(files(__package__).joinpath("firm_cues.toml").read_text(encoding="utf-8"))
#: A clause-initial name ending in a trade word before a verb of doing (某某科技已投资…, 某某新材于去年落户…):
#: found from the trade word and verb back to the clause start (at most 6 name characters before).
_FIRM_WORD_THEN_VERB = re.compile(
    alternation(_FIRM_WORD.split("|"))
    + rf"(?=(?:{alternation(_CUES['between'])})?(?:{alternation(_CUES['doing'])}|\d{{4}}年))"
)
#: An adverb or time word between a firm and its verb (A计划投资, A已投资): no part of the name.
_BETWEEN_AT_END = re.compile(rf"(?:{alternation(_CUES['between'])})$")
_CLAUSE_HEAD = re.compile(rf"(?:^|[，。；：,;:\n“])({NAME_CHARS}{{1,6}})\Z")
#: (?:直接|先后|正|已)?(?:兼并|收购|并购|投资\d), written as branches that each open with a character (the bare
#: verbs too, not in a group), so a match can be tried from each place a verb stands, up to two characters
#: before it (:data:`_VERB_REACH`); a leading optional group would have the engine try every position.
#: With 投资的…项目 (A投资的…项目: the one who invests in a project is a firm).
_INVESTS_IN_PROJECT = r"投资(?:建设|兴建)?的[^，。；]{2,30}?项目"
_VERB = rf"(?:兼并|收购|并购|投资\d|{_INVESTS_IN_PROJECT})"
_ADVERBS = ("直接", "先后", "正", "已")
_VERB_SUBJECT = re.compile(
    "|".join(f"{adverb}{_VERB}" for adverb in _ADVERBS) + rf"|兼并|收购|并购|投资\d|{_INVESTS_IN_PROJECT}"
)
#: …项目由A投资: the firm after 由.
_INVESTED_BY = re.compile(rf"项目由({NAME_CHARS}{{2,12}}?)(?:投资|投建|出资|建设)")
_VERB_WORDS = ("兼并", "收购", "并购", "投资")
_VERB_REACH = max(map(len, _ADVERBS))
_NOT_FIRM = re.compile(
    r"企业|产业|项目|平台|基地|园|小镇|中心|研究院|实验室|大学|学院|政府|局|委|办|部|镇|市|区|县|省|品牌|"
    r"^[的0-9]|低效|高端|优质|龙头|链主|子$|上市|该|本地|外资|国内|国外|冠军|小巨人|专精特新|要素|完成|年度|投资|跨国"
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
#: X全球领先的电机研发制造技术: what the firm's know-how makes.
_KNOWN_FOR = re.compile(r"[^，。；,;]{0,10}?的([\u4e00-\u9fff]{2,6}?)(?:研发制造|研发生产|研发|制造|生产)技术")
#: X…是国内最大的外资机床企业 / 制造商 / 家具出口企业: the firm makes what its kind is named after (without the
#: trade or work word before 企业: 出口, 生产).
_MAKER_OF = re.compile(
    r"[^。；]{0,40}?是[^，。；,;]{0,12}的(?:外资|民营|国有|本土|合资|台资|港资)?([\u4e00-\u9fff]{2,6}?)"
    r"(?:出口|外贸|生产|制造|研发)?(?:企业|制造商|生产商)"
)
#: Words of a firm's rank or kind, not of what it makes (国内最大的龙头企业).
_NOT_PRODUCT = re.compile(
    r"龙头|链主|骨干|重点|高新|科技|创新|上市|领军|标杆|专精特新|规上|中小|民营|外资|企业|产业|行业"
)
_FIRST_UNIT = re.compile(rf"首(?:台|批|款|辆)({NAME_CHARS}{{2,10}}?)(?:下线|投产|交付)")


#: A firm noun before a legal name (链主企业X有限公司, 控股子公司X集团): the name starts after it. Read here, not
#: among the cue words of all names, as platforms keep it inside theirs (企业服务中心).
_FIRM_NOUN_BEFORE = re.compile(r".*(?:企业|子公司|公司)(?=.{3})")


def _legal_names(text: str) -> list[str]:
    out = []
    for match in matches_near(_LEGAL, text, _LEGAL_OPENINGS):
        run, _ = run_before(text, match.end())
        run = run[: -len(match.group(0))]
        noun = _FIRM_NOUN_BEFORE.match(run)
        name = clean_name(trim_left(run[noun.end() :] if noun else run) + match.group(0))
        core = name[: -len(match.group(0))]
        suffix = match.group(0)
        long_enough = len(core) >= 3 or (suffix != "公司" and suffix != "有限公司" and len(core) >= 2)
        if suffix == "公司" and not _ENDS_IN_FIRM_OR_TRADE_WORD.search(core[2:]):
            continue  # a bare 公司 names a firm only after a trade word: 中嘉华宸能源公司, not 民营跨国公司
        if long_enough and not _NOT_LEGAL_CORE.search(core) and core not in _industry_names(core):
            out.append(name)
    return out


def _industry_names(text: str) -> set[str]:
    return {m.surface for m in find_industries(text)} | ({text} if text in _VOCABULARY else set())


_VOCABULARY = frozenset({*STRONG_TERMS, *WEAK_TERMS, *(a for v in SYNONYMS.values() for a in v)})
_TRADE = "|".join(sorted(_VOCABULARY, key=len, reverse=True))
#: A firm or trade word ending a name: a bare 公司 names a firm only after one.
_ENDS_IN_FIRM_OR_TRADE_WORD = re.compile(rf"(?:{_FIRM_WORD}|{_TRADE})$")
_ENDS_IN_FIRM_WORD = re.compile(rf"(?:{_FIRM_WORD})$")
#: A list head that says its one item is a firm (A等链主企业).
_FIRM_HEAD_WORD = re.compile(r"链主|龙头|企业")
#: Trade roles written before a firm's name (某某供应商), cut off like punctuation.
_SUPPLIER_WORD = re.compile(r"供应商|制造商")


def _is_firm_name(name: str) -> bool:
    return 2 <= len(name) <= 12 and not _NOT_FIRM.search(name) and not _industry_names(name) & {name}


#: A firm noun that introduces a list of firms after it: 链主企业为A、B; 龙头企业有A、B、C (to the clause end).
_INTRO_LIST = re.compile(
    rf"(?:链主|龙头|骨干|领军|重点|配套|头部)?(?:企业|公司)(?:主要)?(?:{alternation(_CUES['introducing'])})[:：]?"
    rf"((?:{NAME_CHARS}{{2,14}}、)+{NAME_CHARS}{{2,14}})(?=[，。；,;]|$)"
)
#: The firm nouns of :data:`_INTRO_LIST`, at most two characters after the start of its every match.
_FIRM_NOUNS = ("企业", "公司")
#: 某某股份有限公司（以下简称“某某股份”）: the short name the text goes on to use.
_CALLED = re.compile(r"[（(](?:以下|下文)?简称[:：]?[“\"]?([^”\"）)]{2,10})[”\"]?[）)]")


#: A list head naming kinds of product (关键零部件企业, 组件辅材企业): short items before it are products.
_PRODUCT_KIND = re.compile(r"零部件|辅材|配件|原材料|元器件|耗材")
#: 以X为龙头/链主/牵引: X is the firm a cluster is built around.
_LEAD_FIRM = re.compile(rf"以({NAME_CHARS}{{2,12}}?)为(?:龙头|链主)(?!地位|作用|优势)")


#: (以/形成了)A、B、C等为代表的X产业链/产业集群/龙头企业: the items before it are the firms the chain or cluster
#: is known by. Only a head of firms, chains or clusters counts (以A、B等为代表的新技术 lists techniques).
_REPRESENTED_BY = re.compile(r"等?为代表的[^，。；、]{0,14}?(?:企业|产业链|产业集群|集群|产业)")


def _representative_names(text: str) -> list[str]:
    """The items of (以)A、B等为代表的…产业集群 (read back to the clause start, the first without its lead-in:
    在X形成了A), where at least two items are and all read as firms' names (a list of kinds of product or
    technique holds no firm's name)."""
    out: list[str] = []
    for match in matches_near(_REPRESENTED_BY, text, ("为代表",), 1):
        start = max(text.rfind(p, 0, match.start()) for p in "，。；：,;:\n") + 1
        names = [clean_name(item) for item in _items_back_to_cue(text[start : match.start()].split("、"))]
        if len(names) >= 2 and all(_is_firm_name(n) and not _NOT_SIBLING.search(n) for n in names):
            out += names
    return out


def _items_back_to_cue(items: list[str]) -> list[str]:
    """The items of a list read back from its end to the one a cue word opens (在A园、B区形成了甲、乙: 甲, 乙),
    so places listed before the verb are no items."""
    out: list[str] = []
    for item in reversed(items):
        trimmed = trim_left(item)
        if trimmed != item and len(trimmed) >= 2:
            return [trimmed, *out]
        out.insert(0, item)  # a cue word closing a name (新疆众和) leaves too little: not where the list opens
    return out


def _introduced_names(text: str) -> list[str]:
    """Firms listed after a firm noun and a copula (链主企业为A、B; 重点企业包括A、B、C), or led by 以…为龙头 or
    以…为代表."""
    out = [clean_name(m.group(1)) for m in _LEAD_FIRM.finditer(text) if _is_firm_name(clean_name(m.group(1)))]
    out += _representative_names(text)
    # the list pattern opens with an optional word, so ``re`` would try it at every character of the document:
    # it is tried only up to two characters before each 企业 or 公司 (every match holds one there)
    for match in matches_near(_INTRO_LIST, text, _FIRM_NOUNS, 2):
        out += [clean_name(item) for item in match.group(1).split("、") if _is_firm_name(clean_name(item))]
    return out


def _listed_names(text: str, places: Sequence[str] = (), known: Sequence[str] = ()) -> list[str]:
    """A、B、C等…企业/项目: the items are firms (项目 lists name firms too: 伊控动力、臻驱科技等一批汽车电子项目);
    济南的A、B和青岛的C等 lists A, B and C."""
    out = []
    # a head opens with 等 or a count before 家 (两家): tried only there, not at every character of the document
    for head in matches_near(_LIST_HEAD, text, ("等", "家"), 1):
        run_start = max(text.rfind(p, 0, head.start()) for p in "，。；：,;:\n") + 1
        items = _ITEM_JOIN.split(text[run_start : head.start()])
        items[0] = trim_left(items[0])
        items = [clean_name(_without_capacity(_without_place(i, places))) for i in items]
        if _PRODUCT_KIND.search(head.group(0)) and any(len(i) <= 3 and not _ENDS_IN_FIRM_WORD.search(i) for i in items):
            continue  # 电驱、热管理等关键零部件企业: kinds of product, not firms
        if len(items) == 1 and not _FIRM_HEAD_WORD.search(head.group(0)):
            continue
        if head.group(1) == "项目" and any(_opens_with_firm(i, known) for i in items):
            continue  # A半导体材料、B切磨抛等项目: each item is a firm's project (projects.py reads them)
        if len(items) == 1 and len(items[0]) < 3 and not _ENDS_IN_FIRM_WORD.search(items[0]):
            continue  # 青山钢管等企业 names a firm; a two-character item is more often a kind (锂电等企业)
        out += [i for i in items if _is_firm_name(i) and not _NOT_SIBLING.search(i) and not _WORK_AT_END.search(i)]
    return out


#: What a project does, ending an item of a list of projects (A原料药及中间体生产等项目): no firm's name ends so.
_WORK_AT_END = re.compile(r"(?:生产|制造|加工|研发|改造|建设|扩建|升级|扩能)$")
#: A capacity written after a firm's name in a list of its projects (A30万吨MDI、B10万吨己二腈等大项目).
_CAPACITY = re.compile(r"(?:年产)?\d+(?:\.\d+)?(?:万|亿)?(?:吨|套|台|辆|GWh|GW|吉瓦时|吉瓦|兆瓦)")


def _without_capacity(item: str) -> str:
    """An item without the capacity and product after its firm's name (A30万吨MDI: A); an item ending in 项目 is
    a project's name (A年产200套模具项目), not a firm's."""
    capacity = _CAPACITY.search(item)
    return item[: capacity.start()] if capacity and capacity.start() >= 2 and not item.endswith("项目") else item


def _subject_names(text: str) -> list[str]:
    """Firms named by what they do: clause-initial names before 兼并/投资/落户, and their objects' subjects."""
    out = []
    for word in _FIRM_WORD_THEN_VERB.finditer(text):
        head = _CLAUSE_HEAD.search(text, max(0, word.start() - 7), word.start())
        if head:
            name = clean_name(trim_left(text[head.start(1) : word.end()]))
            if _is_firm_name(name):
                out.append(name)
    for verb in matches_near(_VERB_SUBJECT, text, _VERB_WORDS, _VERB_REACH):
        run, _ = run_before(text, verb.start(), limit=16)
        name = clean_name(trim_left(_SUPPLIER_WORD.sub("，", run).split("，")[-1]))
        if name.endswith("总"):
            continue  # 协议总投资: the noun 总投资, no firm before it
        name = _BETWEEN_AT_END.sub("", name)
        if _is_firm_name(name) and (len(name) <= 6 or _ENDS_IN_FIRM_WORD.search(name)):
            out.append(name)
    for by in _INVESTED_BY.finditer(text):
        name = clean_name(by.group(1))
        if _is_firm_name(name):
            out.append(name)
    return out


def find_firms(doc: ParsedDocument, districts: list[DistrictMention]) -> list[Firm]:
    """The firms a document names, each once, with short forms of legal names as aliases; ``districts`` are its
    district mentions (a legal name's short form drops the place it opens with)."""
    text = doc.text
    places = sorted({m.surface for m in districts} | {m.name for m in districts})
    firms: dict[str, Firm] = {}
    for name in _legal_names(text):
        firm = firms.setdefault(name, Firm(name))
        for called in _called(text, name):
            firm.aliases[called] = "defined-short-name"
        shorts = [short for short in short_forms(name, places) if text.count(short) > text.count(name)]
        for short in shorts:  # the short form is used on its own, not only inside the legal name
            firm.aliases[short] = "legal-name-short-form"
    _drop_shared_short_forms(firms)
    known = {alias: f for f in firms.values() for alias in (f.name, *f.aliases)}
    others = _introduced_names(text) + _subject_names(text)
    # a list of projects whose items open with firms named in other lists is read once those are known
    listed = _listed_names(text, places)
    candidates = _listed_names(text, places, [*known, *others, *listed]) + others
    for name in candidates:
        if _opens_with_firm(name, [*known, *candidates]):
            continue
        if name not in known and not any(name in other for other in known):
            known[name] = firms.setdefault(name, Firm(name))
    for _ in range(2):  # a sibling found may stand in the next list with a firm not yet known (A、B…; B、C…)
        added = [n for n in _sibling_names(text, sorted(known), places) if not any(n in k or k in n for k in known)]
        for name in added:
            known[name] = firms.setdefault(name, Firm(name))
        if not added:
            break
    return list(firms.values())


def _opens_with_firm(name: str, firms: Sequence[str]) -> bool:
    """A、B等项目 whose items are a firm's name and what its project makes (A半导体材料、B蓝宝石切磨抛等项目):
    an item opening with another name found, longer by two characters or more, is that firm's project, not a
    firm (the firm is named alone elsewhere: 引进A、C等企业)."""
    return any(
        len(other) >= 3
        and name.startswith(other)
        and len(name) - len(other) >= 2
        and not _FIRM_WORD_ONLY.fullmatch(name[len(other) :])
        for other in firms
    )


#: A trade word alone after a firm's name (尼得科 and 尼得科机床): the longer name is a firm of its own.
_FIRM_WORD_ONLY = re.compile(_FIRM_WORD)


#: What joins the items of a list of firms: 、 and, between two names, 和/与/及 (A与长春的B、C).
_ITEM_JOIN = re.compile(r"、|(?<=[\u4e00-\u9fffA-Za-z）)]{2})(?:和|与|及)(?=[\u4e00-\u9fffA-Za-z]{2})")
_CLAUSE_END = re.compile(r"[，。；：,;:！？\n]")
#: How far a list is read either side of a name (a clause of a list is shorter; the text is not searched to its end).
_LIST_REACH = 200
#: Where the last item of a list ends and its clause goes on: 在, 等, a verb of doing (A、B在园区扩产, A、B对接).
_AFTER_ITEM = re.compile(
    alternation(sorted({*_CUES["after_list"], *_CUES["doing"], *_CUES["between"]})) + r"|[两三四五六七八九十\d]+家"
)
#: A lead-in the first item may carry (上游有A与B…; 重点企业包括A、B): the name starts after it.
_LEAD_IN = re.compile(rf".*(?:{alternation(_CUES['introducing'])})")
#: What no item of a list of firms holds: brackets and figures (原丝20万吨、碳丝10万吨) belong to other lists.
_NOT_IN_ITEM = re.compile(r"[()（）\d]")
#: Items of a list that are kinds of actor, not names (支持高校与A集团合作; 引导中小企业、A集团…).
_NOT_SIBLING = re.compile(
    r"高校|院校|院所|机构|单位|部门|协会|联盟|商会|团队|用户|客户|上下游|配套|中小|骨干|头部|本土|民营|国有|央企|国企|"
    r"民企|外企|省属|市属|影响力|^有"
)


def _sibling_names(text: str, known: list[str], places: list[str]) -> list[str]:
    """Names listed with a firm the text already knows (支持A集团、B药业在园区扩产; A与长春的B、C对接): the items
    of one list are of one kind, so the others are firms too where each reads as a firm's name."""
    out: list[str] = []
    for surface in known:
        start = text.find(surface)
        while start >= 0:
            out += [n for n in _list_around(text, start, start + len(surface), places, known) if n not in out]
            start = text.find(surface, start + len(surface))
    return out


def _list_around(text: str, start: int, end: int, places: list[str], known: list[str]) -> list[str]:
    """The other names of the list the name at ``start``-``end`` stands in, read outwards from it up to an item
    that is no firm's name (the list ends there)."""
    reach = max(0, start - _LIST_REACH)
    left = ([m.end() for m in _CLAUSE_END.finditer(text, reach, start)] or [reach])[-1]
    after = _CLAUSE_END.search(text, end, end + _LIST_REACH)
    right = after.start() if after else min(len(text), end + _LIST_REACH)
    bounds, at = [], left
    for join in _ITEM_JOIN.finditer(text, left, right):
        bounds.append((at, join.start()))
        at = join.end()
    bounds.append((at, right))
    here = next((k for k, (s, e) in enumerate(bounds) if s <= start and end <= e), None)
    if here is None or len(bounds) == 1:
        return []
    own_start, own_end = bounds[here]
    lead = text[own_start:start]
    # the firm is an item of its own: nothing but a lead-in (first item) or a place before it, and, for the items
    # after it, nothing after it but the short name it is given (A建设X、Y生产线 lists products; A为B提供X和Y lists
    # what A gives)
    alone_before = here == 0 or not lead or lead.endswith("的") and lead[:-1] in places
    walks = (
        range(here - 1, -1, -1) if alone_before else range(0),
        range(here + 1, len(bounds)) if own_end == end or _CALLED.fullmatch(text, end, own_end) else range(0),
    )
    out = []
    for order in walks:
        for k in order:
            item = _without_place(text[bounds[k][0] : bounds[k][1]], places)
            after = _AFTER_ITEM.search(item, 2) if k > here else None
            name = _item_name(item[: after.start()] if after else item, k == 0, places, known)
            if name is None:
                break
            out.append(name)
            if after:
                break  # the clause goes on after this item: the list ends with it (A、B在园区建设研发和中试平台)
    return out


def _without_place(item: str, places: Sequence[str]) -> str:
    """An item without the place it opens with (长春的B: B)."""
    mark = item.find("的")
    return item[mark + 1 :] if mark > 0 and item[:mark] in places else item


#: What a firm makes written before its name with a firm noun (结构件企业科达利, 隔膜企业卓高): no part of it.
_KIND_OF_FIRM = re.compile(r"[^\d家、]{1,6}?(?:企业|厂商|供应商)(?=[\u4e00-\u9fffA-Za-z]{2})")


def _item_name(item: str, first: bool, places: list[str], known: list[str]) -> str | None:
    """The firm's name an item of a list holds, or None: the first item without its lead-in, any without the
    place it opens with (长春的B)."""
    if _NOT_IN_ITEM.search(item):
        return None
    if first:
        trimmed = trim_left(item)
        cut = item[: len(item) - len(trimmed)]
        if any(firm in cut for firm in known):
            return None  # A围绕X、B围绕Y: two clauses, each with its firm, not a list
        if cut.endswith("的") and not any(cut[:-1].endswith(place) for place in places):
            return None  # 有A的B: B is what A has or makes
        item = trimmed
        lead = _LEAD_IN.match(item)
        if lead and lead.end() >= 3 and len(item) - lead.end() >= 2:
            item = item[lead.end() :]
    item = _without_place(item, places)
    kind = _KIND_OF_FIRM.match(item)
    name = clean_name(item[kind.end() :] if kind else item)
    shortest = 2 if kind else 3  # a two-character name only where a firm noun says what it is (隔膜企业卓高)
    if not shortest <= len(name) <= 10 or _NOT_SIBLING.search(name) or name in places or not _is_firm_name(name):
        return None
    return name


def _drop_shared_short_forms(firms: dict[str, Firm]) -> None:
    """A short form two legal names share (鞍钢 of 鞍钢集团 and of 鞍钢股份有限公司: a group and its listed
    company) names neither for sure: it is dropped from both."""
    owners: dict[str, int] = {}
    for firm in firms.values():
        for alias, rule in firm.aliases.items():
            if rule == "legal-name-short-form":
                owners[alias] = owners.get(alias, 0) + 1
    for firm in firms.values():
        for alias in [a for a, rule in firm.aliases.items() if rule == "legal-name-short-form" and owners[a] > 1]:
            del firm.aliases[alias]


def _called(text: str, name: str) -> list[str]:
    """The short names a text defines for ``name`` right after it (（以下简称“X”）)."""
    out = []
    start = text.find(name)
    while start >= 0:
        called = _CALLED.match(text, start + len(name))
        if called and called.group(1) not in out:
            out.append(clean_name(called.group(1)))
        start = text.find(name, start + len(name))
    return out


def firm_names(doc: ParsedDocument, firms: list[Firm]) -> list[tuple[str, int, int]]:
    """Where the document names its ``firms``: (surface, start, end), the longest name at the leftmost place.

    An Aho–Corasick automaton, built in native code: compiling the regex alternation of each document's own
    names cost more than the matching (the same leftmost-longest matches, see :func:`alternation`). A contiguous
    NFA: for a document's few dozen names the default choice builds a DFA, which takes several times as long to
    build as the one scan it serves (every implementation finds the same matches)."""
    surfaces = sorted({form for f in firms for form in (f.name, *f.aliases) if form})
    if not surfaces:
        return []
    automaton = ahocorasick_rs.AhoCorasick(
        surfaces,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )
    return [(surfaces[i], start, end) for i, start, end in automaton.find_matches_as_indexes(doc.text)]


@dataclass
class _Mention:
    node: Node
    firm: Firm
    index: int
    start: int  # offset in the sentence
    end: int


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Enterprise nodes with tags, and CHAIN_OWNER_OF, IN_CHAIN, LOCATED_IN, ACQUIRED, MAKES."""
    firms = findings.firms
    surfaces = {form: f for f in firms for form in (f.name, *f.aliases)}
    if not surfaces:
        return
    context = ProseContext(doc, graph, findings)
    mentions: list[_Mention] = []
    seen: set[tuple[str, int]] = set()
    carriers = [(p.start, p.end) for p in findings.platforms]
    for surface, start, end in findings.firm_names:
        if any(s <= start and end <= e for s, e in carriers):
            continue  # 抖音 inside 平湖抖音电商直播基地 names the platform, not the firm
        firm = surfaces[surface]
        index = sentence_of(doc, start)
        sentence = doc.sentences[index]
        node = graph.node("Enterprise", firm.name, sentence.text, aliases=firm.aliases)
        local = start - sentence.start
        _tag(node, sentence.text, local, local + len(surface))
        if (firm.name, index) not in seen:
            seen.add((firm.name, index))
            mentions.append(_Mention(node, firm, index, local, local + len(surface)))
    for m in mentions:  # every firm is known before relations between firms are read
        _relations(context, m)
    for name in sorted({m.firm.name for m in mentions}):
        _locate(context, [m for m in mentions if m.firm.name == name])


def _tag(node: Node, sentence: str, start: int, end: int) -> None:
    """Tags whose cue stands by the name: 长城汽车等“链主”企业, A、B等龙头企业, 龙头企业X, 外资机床企业 (是…)."""
    tags: list[str] = node.props.setdefault("tags", [])
    for cue, tag in _TAGS.items():
        if tag in tags:
            continue
        if cue not in sentence:  # most sentences hold no cue: spare the scan
            continue
        for match in re.finditer(cue, sentence):
            gap_after = sentence[end : match.start()]
            gap_before = sentence[match.end() : start]
            if (
                (match.start() >= end and (len(gap_after) <= 2 or _LIST_GAP.fullmatch(gap_after)))
                or (match.end() <= start and len(gap_before) <= 3 and "，" not in gap_before)
                or (match.start() >= end and _PREDICATE_GAP.fullmatch(gap_after))
            ):
                tags.append(tag)
                break
    tags.sort()


#: The rest of a list and its head between a firm and a tag: 、天原集团等, 等“.
_LIST_GAP = re.compile(r"(?:、[^，。；、]{1,14})*等(?:一批|多家)?[“\"]?")
#: A predicate naming what the firm is: 是国内最大的外资…
_PREDICATE_GAP = re.compile(r"(?:是|为|作为)[^，。；]{0,10}")
_PARTNER = re.compile(r"与(?:[^，。；]{0,14}、)?$")


def _relations(context: ProseContext, m: _Mention) -> None:
    doc, graph = context.doc, context.graph
    sentence = doc.sentences[m.index].text
    if _acquired_object(sentence, m.start, m.node):
        return
    chains = [] if _PARTNER.search(sentence, 0, m.start) else _chains_of(context, m, sentence)
    for chain in context.chain_nodes(chains, sentence):
        graph.edge("IN_CHAIN", m.node, chain, sentence)
        if "链主" in m.node.props.get("tags", []) and "链主" in sentence:
            graph.edge("CHAIN_OWNER_OF", m.node, chain, sentence)
    _acquisitions(context, m.node, m.index, m.start)
    _products(graph, m.node, sentence)


_LIST_CHAIN = re.compile(
    r"[^，。；]*?(?:等?为代表的|等(?:一批|多家)?)([^，。；、]{2,10}?)(?:项目|企业|产业链|产业集群|集群|产业)"
)


def _chains_of(context: ProseContext, m: _Mention, sentence: str) -> list[str]:
    """The chain a list head names (A、B等一批汽车电子项目), else the chain the sentence ties the firm to (the only
    one it names, or the one of the firm's clause), else, where the sentence says only 产业链, the chain named
    last before it in the section. A sentence listing several chains and several firms pairs none of them."""
    head = _LIST_CHAIN.match(sentence, m.end)
    if head:
        named = [canonical_in(context.findings, i.name) for i in find_industries(head.group(1)) if i.label == CHAIN]
        if not named and head.group(1) in context.findings.chain_names():
            named = [head.group(1)]  # …为代表的能源化工产业链: a chain the document names by its head word
        if named:
            return named[:1]
    chains = context.chains_near(m.index, m.start, m.end)
    if chains:
        return chains
    if "产业链" in sentence and _PLACING.search(sentence):
        return context.chain_before(m.index)
    if context.chains_in(m.index):
        return []  # the sentence names chains, none of them the firm's
    return (
        context.paragraph_chain(m.index)
        or heading_chain(context.doc, context.layout, m.index)
        or context.document_chain()
        or dominant_chain(context.findings)
    )


_PLACING = re.compile(r"引进|引育|招引|落户|入驻|落地|投资|建设")
#: A与B合资的P项目: B only co-invests in P (what a frame like 在园区， places is A, the clause's subject, and P).
_CO_INVESTOR = re.compile(r"(?:合资|合作|联合投资|共同投资)(?:建设|设立)?的")


def _locate(context: ProseContext, mentions: list[_Mention]) -> None:
    """One LOCATED_IN per firm: the first place a cue gives it, else (news) the scope.

    A firm only bought (兼并 B) or only a partner (与抖音、京东等合作) is not placed.
    """
    doc = context.doc
    for m in mentions:
        sentence = doc.sentences[m.index].text
        if _CO_INVESTOR.match(sentence, m.end) and _PARTNER.search(sentence, 0, m.start):
            continue
        place = (
            context.cued_place(m.index, m.start, m.end, exclude=m.firm.name)
            or _pronoun_place(context, m)
            or _lead_role_place(context, m)
        )
        if place is None and not context.is_partner(m.index, m.start, m.end) and _placed_by_verb(context, m, sentence):
            place = context.carrier_before(m.index)
        if place is not None:
            context.graph.edge("LOCATED_IN", m.node, context.place_node(place, sentence), sentence)
            return
    placed = [
        m
        for m in mentions
        if not _acquired_object(doc.sentences[m.index].text, m.start, m.node)
        and not _PARTNER.search(doc.sentences[m.index].text, 0, m.start)
        and not _INVESTOR_OF_PROJECT.match(doc.sentences[m.index].text, m.end)
    ]
    if not placed:
        return  # a firm only named as the investor of a project (A投资…项目) is where it comes from, unknown
    scope = context.zone_before(placed[0].index) if context.news else None
    scope = scope or context.scope()
    if scope is not None:
        sentence = doc.sentences[placed[0].index].text
        context.graph.edge("LOCATED_IN", placed[0].node, context.place_node(scope, sentence), sentence)


#: A投资12亿元的…项目, A计划投资6亿元，在X建设…项目, A（简称B）投资…建设…项目: the firm invests in the
#: project of its sentence.
_INVESTOR_OF_PROJECT = re.compile(r"(?:[（(][^）)]{0,16}[）)])?[^，。；]{0,6}?(?:投资|投建)[^。；]{0,40}?项目")


def _placed_by_verb(context: ProseContext, m: _Mention, sentence: str) -> bool:
    """引进/落户 A (A落户, A等入驻企业): A is placed in the carrier named before. Not when A is a buyer, nor when
    what lands is A's project (A投资的…项目落户X places the project); a list of firms closed by 等…项目 is no
    project of theirs (A、B等一批项目相继落户 places A and B)."""
    verb = PLACING_VERB.search(sentence)
    if verb is None or _ACQUIRE.search(sentence):
        return False
    between = sentence[m.end : verb.start()]
    if _CLAUSE_BREAK.search(between) or (verb.group(0) == "共建" and _WITH_PARTNER.search(between)):
        return False  # 围绕A的需求，…引进…; A等企业与高校共建…: the verb places what another clause names
    return "项目" not in between or between.startswith(("、", "等"))


#: 支持其在X建设…: 其 standing for the firm named before it, a clause or two on.
_PRONOUN_AT = re.compile(r"[^。；;]{0,30}?[，,](?:支持|推动|鼓励|引导)?其(?=在)")


def _pronoun_place(context: ProseContext, m: _Mention) -> Place | None:
    """发挥A链主作用，支持其在X建设…: the place 其 is given is the firm's, where no other firm stands between."""
    sentence = context.doc.sentences[m.index].text
    pronoun = _PRONOUN_AT.match(sentence, m.end)
    if pronoun is None:
        return None
    between = sentence[m.end : pronoun.end()]
    if any(form in between for n in context.graph.by_label("Enterprise") for form in (n.name, *n.alias_rules)):
        return None
    return context.cued_place(m.index, pronoun.end() - 1, pronoun.end(), exclude=m.firm.name)


#: 以A为链主，在X…: the role a firm leads the work of the next clause in.
_LEAD_ROLE = re.compile(r"为(?:链主|龙头|核心|引领)(?:企业)?[，,](?=在)")


def _lead_role_place(context: ProseContext, m: _Mention) -> Place | None:
    """以A为链主，在X巩固…产业链: the firm leading the work the next clause does in X lies in X."""
    sentence = context.doc.sentences[m.index].text
    role = _LEAD_ROLE.match(sentence, m.end)
    if role is None or not sentence.endswith("以", 0, m.start):
        return None
    return context.cued_place(m.index, m.start, role.end(), exclude=m.firm.name)


#: A clause break between a firm and a later placing verb: the verb is another clause's.
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
#: …与B共建: the firm builds something with a partner, it is not itself placed.
_WITH_PARTNER = re.compile(r"与[^，,；;]{1,12}$")


def _acquired_object(sentence: str, local: int, node: Node) -> bool:
    """The firm is the object of 兼并/收购 here: it is not placed in a chain by this sentence."""
    verb = _ACQUIRE.search(sentence, 0, local)
    return (
        verb is not None
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
    if pos >= 0:
        for pattern in (_KNOWN_FOR, _MAKER_OF):
            found = pattern.match(sentence, pos + len(next(n for n in names if sentence.startswith(n, pos))))
            if found and not _NOT_PRODUCT.search(found.group(1)):
                products.append(found.group(1))
    for product in products:
        if len(product) >= 2:
            graph.edge("MAKES", node, graph.node("Product", product, sentence), sentence)
