"""Industry chains and clusters: one node per industry, whatever the wording.

Chains are found two ways: by a general vocabulary of industry names
(:mod:`chainkg.loaders.text.industry_terms`), and by structure, because plans and news name
their chains in lists that end in a count or a head word
("光电通信、新能源汽车、C3及关联产品5条…产业链", "童装、建材等领域"), which
also catches industries no vocabulary knows. Clusters are the named groups of
chains (八大新兴产业链, 四群八链, X产业集群). Within a document a bare form is
folded into the one longer form that contains it (物流装备 ⊂ 智能物流装备,
汽车 ⊂ 新能源汽车), since a text that says both means one industry.

Lists are homogeneous, so a term in a list of something else is no chain: of
technologies (大数据、物联网和人工智能等信息技术), business models (全屋定制、节能环保
等新业态), fields a product is applied in (在航空航天、医疗健康等领域应用), or inputs
(结合新技术、新材料、创意设计). The vocabulary is scanned once per text by a native
Aho–Corasick automaton.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

import ahocorasick_rs

from chainkg.graph.model import Node, clean_name
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.districts import named_places
from chainkg.loaders.extract.findings import CHAIN, CLUSTER, Findings, IndustryMention, ProseLayout
from chainkg.loaders.extract.text_spans import district_display, district_node, unit_name
from chainkg.loaders.text.divisions import DistrictMention, ancestors, find_districts, leading_district
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of
from chainkg.loaders.text.industry_terms import (
    GENERIC_HEADS,
    HEAD_VERBS,
    INDUSTRY_FOLLOWERS,
    NEUTRAL_PREFIXES,
    NOUN_HEADS,
    QUALIFIERS,
    REGIONS,
    SECTORS,
    SEI_2018,
    STRONG_TERMS,
    SYNONYMS,
    TIME_WORDS,
    WEAK_TERMS,
    canonical,
)
from chainkg.loaders.text.keyword_scan import word_places

_SUFFIXES = ("产业链", "产业集群", "产业", "行业", "领域", "板块")
_strong = sorted({*STRONG_TERMS, *(a for aliases in SYNONYMS.values() for a in aliases)}, key=lambda t: (-len(t), t))
_weak = sorted(WEAK_TERMS, key=lambda t: (-len(t), t))
_STRONG_SUFFIX = re.compile(r"产业链|产业集群|产业|行业")
#: A short term names an industry with a head word after it (服装产业, 机床企业: a firm of the 机床 industry).
#: What makes a short term an industry: a head word (服装产业, 机床企业, 家电类目), or a list of firms it closes
#: (织里童装、纺织等企业: the firms of the 纺织 industry).
_WEAK_SUFFIX = re.compile(r"产业链|产业|行业|企业|类目|等(?:一批|多家)?[^，。；、]{0,4}?企业")
#: The firms or goods of an industry ending a term (机床企业, 家电类目, 纺织等企业).
_FIRMS_OR_GOODS = re.compile(r"(?:等.*)?(?:企业|类目)$")
#: The characters of a count's number.
_DIGIT_CHARS = "0123456789一二三四五六七八九十两"
_DIGIT = f"[{_DIGIT_CHARS}]"
_NUM = f"{_DIGIT}+"
#: 八大新兴产业链, 八大重点产业链, 三大产业 (a counted group of chains), found from 大 back to its number.
_GROUP = re.compile(
    r"大(?:新兴|重点|主导|特色|传统|优势|战略性新兴|未来)?(?:产业链|产业集群|产业(?!链))(?!平台|园|项目|企业|基地)"
)
_NUMBER_BEFORE = re.compile(rf"{_NUM}\Z")
#: A counted group's count and its head (湖州市八大 + 产业链), and the count of a group of chains (八大…产业链).
_COUNTED_GROUP_NAME = re.compile(rf"(.*?{_NUM}大)(产业链|产业集群)")
_CHAIN_GROUP_COUNT = re.compile(rf"(?P<n>{_NUM})大.*产业链$")
#: “415X”产业集群, X产业集群 named after a programme code, found from 产业集群 back to the code.
_CODE_BEFORE = re.compile(r"[“\"]?[0-9A-Z+]{2,8}[”\"]?\Z")
#: The words a count closing a list ends with.
_COUNT_ENDS = ("条", "个", "大", "等")
#: A conjunction that opens a list's first item: it joins the list to what comes before.
_LEADING_AND = ("与", "和", "同", "及")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()]{2,14}$")
#: The words of the whole place that may open a counted list of one-character items (全区, 我省, 本市).
_SCOPE_WORD = re.compile(r"(?:全|我|本)[省市区县州盟旗]")
#: A one-character item (牛, 薯, 乳): a name only in a list whose count says how many items it has.
_ONE_CHAR_ITEM = re.compile(rf"(?![{_DIGIT_CHARS}零百千万亿])[\u4e00-\u9fff]")
_CUE_WORDS = (
    r"聚焦|围绕|构建起|构建|打造形成|打造|培育|加快|涵盖了|涵盖|涉及|包括|包含|支持|扶优扶强|提标提效|推进|推动|发展|紧盯|"
    r"重点|形成|如|和|及其|以及|以|在|将|鼓励|依托|拓展|扩大|通过|引进|实施|其中|布局|覆盖|壮大|做强|做好|针对|确定|明确|遴选|"
    r"力争|确立了|确立|面向|锻造出|锻造"
)
#: The last cue word before a list (greedy ``.*``), led by a class of first characters (fast backtracking); a
#: 了 after it belongs to it (形成了A、B两大产业).
_CUE = re.compile(".*(?=[" + "".join(sorted({w[0] for w in _CUE_WORDS.split("|")})) + "])(?:" + _CUE_WORDS + ")了?")
_GENERIC = re.compile(r"^(?:重点|优势|主导|特色|传统|新兴|相关|关联|核心|全|本地|各类|多个|其他|上下游|孵化型)+")
#: (Every head word starts with 产业, 集群, 行业 or 领域: :func:`_list_ends` tests for them before scanning.)
_HEAD_WORD = r"(产业链|产业集群|集群|产业(?!链)|行业|领域)(?!项目|企业|园|平台|基地|工人|人才|协会|研究院|技术)"
_HEAD = re.compile(r"[^，。；]{0,40}?" + _HEAD_WORD)
_HEAD_NEAR = re.compile(r"[^，。；、]{0,8}?" + _HEAD_WORD)
#: Lists of steps or activities, not industries (全流程产业链, 等环节), nor of projects told by a capacity (A年产
#: 36万吨P、B等…项目), nor of a chain's niches (向A、B等细分领域发展: its products).
_NOT_INDUSTRY = re.compile(
    r"流程|环节|链条|方面|企业|行动|机构|院所|院校|协会|[0-9一二三四五六七八九十几多]+[个家项名]|是|都|的|年产|\d万?吨|细分|"
    r"^[0-9一二三四五六七八九十]+至"
)
#: A vocabulary term names an industry when it stands alone, not as the modifier of another noun (光伏胶膜).
_AFTER_TERM = re.compile(
    r"[、，。；：,;:)）“”\"等和与及是为将已的正在也作\s]|$|产业|行业|领域|企业|公司|生产|制造|产品|集群|链|板块|之都|出海|品牌|区域品牌|"
    r"电商|小镇|项目|类目"
)
#: What follows a term that names no industry of the text: a research direction (两大方向), an institute's field.
_NOT_A_CHAIN_AFTER = re.compile(r"[^，。；]{0,10}?方向|(?:产业)?(?:研究院|研究所|实验室|创新中心)")


def _trimmed_suffix(surface: str) -> str:
    """The industry's name in 机床企业, 家电类目, 纺织等企业 (firms and goods of the industry)."""
    match = _FIRMS_OR_GOODS.search(surface)
    return surface[: match.start()] if match else surface


@lru_cache(maxsize=4096)
def _plain(surface: str) -> str:
    """The industry name without its 产业链/产业/行业 suffix or a neutral modifier."""
    name = surface
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    for prefix in NEUTRAL_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1 and canonical(name) == name:
            name = name[len(prefix) :]
    return canonical(name)


@cache
def _automata() -> tuple[ahocorasick_rs.AhoCorasick, ahocorasick_rs.AhoCorasick]:
    """Native scanners over the strong terms (leftmost-longest, as a regex alternation reads them) and
    the weak ones (every match: a weak term counts only with a head word, so a shorter one may be it).

    DFAs: each scans a whole document and every measure's text, in half the time the default choice takes
    for these few hundred terms (the same matches; a DFA this small builds in a few milliseconds, once)."""
    dfa = ahocorasick_rs.Implementation.DFA
    strong = ahocorasick_rs.AhoCorasick(_strong, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, implementation=dfa)
    return strong, ahocorasick_rs.AhoCorasick(_weak, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=dfa)


def _weak_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the leftmost-longest weak terms that have a head word, with it (as a regex alternation reads them)."""
    by_start: dict[int, list[int]] = {}
    for _, start, end in _automata()[1].find_matches_as_indexes(text, overlapping=True):
        by_start.setdefault(start, []).append(end)
    out: list[tuple[int, int]] = []
    last = 0
    for start in sorted(by_start):
        if start < last:
            continue
        for end in sorted(by_start[start], reverse=True):
            head = _WEAK_SUFFIX.match(text, end)
            if head:
                last = head.end()
                out.append((start, last))
                break
    return out


def strong_terms(text: str) -> list[tuple[int, int]]:
    """Spans of the industries ``text`` names alone (with a 产业/行业 head word if one follows)."""
    out: list[tuple[int, int]] = []
    last = 0
    for _, start, end in _automata()[0].find_matches_as_indexes(text):
        if start < last:
            continue  # inside the head word of the term before (茶产业 after 绿茶)
        head = _STRONG_SUFFIX.match(text, end)
        last = head.end() if head else end
        out.append((start, last))
    return out


def _vocabulary(text: str) -> list[IndustryMention]:
    out = [
        IndustryMention(_plain(text[s:e]), text[s:e], s, e, CHAIN)
        for s, e in strong_terms(text)
        if text.endswith(_SUFFIXES, s, e) or _AFTER_TERM.match(text, e)
    ]
    for s, e in _weak_spans(text):
        surface = _trimmed_suffix(text[s:e])
        out.append(IndustryMention(_plain(surface), surface, s, e, CHAIN))
    return [m for m in out if not _NOT_A_CHAIN_AFTER.match(text, m.end)]


#: A head word that makes the words before it an industry: X产业链, X产业集群 or X(先进)制造业集群 (a cluster,
#: as the national programme of manufacturing clusters names them), and X产业 when X
#: is written as a compound no vocabulary holds (稀土永磁产业, 机器人及智能制造产业: a qualified industry), not
#: 产业 as the modifier of a carrier, a group, a process or a body (产业园, 产业化, 产业联盟, 产业工人).
_BY_HEAD = re.compile(
    r"产业链(?!链)|产业集群|(?:先进)?制造业集群(?!协同区|核心区|承载区|板块)|产业(?=[，。；：、,;:）)”\"\s]|$|"
    + "|".join(map(re.escape, INDUSTRY_FOLLOWERS))
    + ")"
)
#: Where X starts: after a clause or list mark, a quote, a count (17条), a year (2024年) or one of these words.
_X_STOP = re.compile(rf"[，。；：、,;:“”\"‘’《》（）()\s+＋等的了是为在对就以把将从向由]|{_NUM}[个条大家年]|^")
_X_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")
_QUALIFIER = re.compile("(?:" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)) + ")+")
_REGION = re.compile("^(?:" + "|".join(sorted(map(re.escape, REGIONS), key=len, reverse=True)) + ")")
_VERBS = "|".join(sorted(map(re.escape, HEAD_VERBS), key=len, reverse=True))
_TIMES = "|".join(sorted(map(re.escape, TIME_WORDS), key=len, reverse=True))
#: The last verb or time word before a head word (X starts after it), and a verb anywhere (an X holding one is
#: an action).
_LAST_VERB = re.compile(f"(?s:.*)(?:{_VERBS}|{_TIMES})")
_A_VERB = re.compile(_VERBS)


def _by_head(text: str, scope: str | None) -> list[IndustryMention]:
    """X产业链 and X产业 (a chain) and X产业集群 (a cluster, named with its place) for X no vocabulary knows.

    X runs back from the head word to a clause or list mark, a count or year, 的/等, or an action word
    (聚焦…, a data list); a qualifier of rank (世界级, 千亿级, 全市) and a leading place are not X. No X is a
    region spanning provinces (长三角), a kind of chain alone (主导产业, 特色产业链), an action or slogan (延链补链,
    链长制), or the whole chain of something (产值占全产业链).
    """
    out: list[IndustryMention] = []
    for head in _BY_HEAD.finditer(text):
        if not text.endswith(NOUN_HEADS, max(0, head.start() - 12), head.start()):
            continue  # X must end as an industry's name does (tested first: most heads fail here, cheaply)
        left = max(0, head.start() - 16)
        stops = [m.end() for m in _X_STOP.finditer(text, left, head.start()) if m.end() > 0 or left == 0]
        verb = _LAST_VERB.match(text, left, head.start())
        bounds = [*stops, *([verb.end()] if verb else [])]
        if not bounds:
            continue  # no edge in sight: X cannot be told from the words before it
        start = max(bounds)
        joined = _LAST_JOINED_HEAD.match(text, start, head.start())
        if joined:  # 汽车产业集群和电子信息产业集群: the second X starts after the first name and its 和
            start = joined.end()
        if text.startswith("全", head.start() - 1):
            continue
        written_place = leading_district(text[start : head.start()], scope)
        x_start = start + (written_place.end if written_place else 0)
        qualifier = _QUALIFIER.match(text, x_start, head.start())
        if qualifier:
            x_start = qualifier.end()
        x = text[x_start : head.start()]
        if not _X_CHARS.fullmatch(x) or _REGION.match(x) or _A_VERB.search(x) or _is_generic(x):
            continue
        if _GENERIC.sub("", x) in SECTORS:
            continue  # 农业产业转型, 重点工业产业: a whole sector of the economy, no chain
        if not x.endswith(NOUN_HEADS) or _kind_of_a_list(text, x_start) or "产业" in x:
            continue  # (an X holding 产业 runs over another name: 汽车产业集群和电子信息产业集群)
        if not head.group(0).endswith("集群"):
            word = head.group(0)
            out.append(IndustryMention(_plain(x + word), x + word, x_start, head.end(), CHAIN, word))
            continue
        place = unit_name(written_place.name) if written_place else district_display(text, start, scope)
        name = f"{place}{x}{head.group(0)}"
        out.append(IndustryMention(name, text[start : head.end()], start, head.end(), CLUSTER, "集群"))
    return out


#: Up to the last head word joined to the next name (…产业集群和, …产业链与, …产业及).
_LAST_JOINED_HEAD = re.compile(r"(?s:.*)产业(?:集群|链)?[和与及]")
_COUNT_ENDING = re.compile(rf"{_NUM}[条个大]$")


def _kind_of_a_list(text: str, x_start: int) -> bool:
    """X right after the count closing a list (A、B、C三条X产业链) names the kind of the listed chains, not one."""
    if not _COUNT_ENDING.search(text, max(0, x_start - 4), x_start):
        return False
    clause = _LAST_CLAUSE_STOP.match(text, max(0, x_start - 80), x_start)
    return "、" in text[clause.end() if clause else max(0, x_start - 80) : x_start]


#: The generic heads, longest first (战略性新兴 before 新兴): sorted once, not on every name asked about.
_GENERIC_LONGEST_FIRST = sorted(GENERIC_HEADS, key=len, reverse=True)


def _is_generic(x: str) -> bool:
    """主导, 特色优势, 战略性新兴: a kind of chain, no industry."""
    if x in GENERIC_HEADS:
        return True
    rest = x
    for word in _GENERIC_LONGEST_FIRST:
        rest = rest.replace(word, "")
    return not rest


_BRACKET = re.compile(r"[（()）]")


def _list_items(text: str, end: int, count: int = 0) -> list[tuple[str, int]]:
    """Items of the 、-separated list that ends at ``end``, with their start offsets.

    ``count`` is the number the list closes with (牛、羊、猪3个产业: 3), 0 for none: where it matches the items,
    one-character items (乳、肉、薯 farm sectors) are names, counted by the text itself.
    """
    left = max(0, end - 160)
    chunk = text[left:end]
    stop = max(chunk.rfind(p) for p in '，。；：:！？\n“”",;!?')
    chunk, left = chunk[stop + 1 :], left + stop + 1
    parts = chunk.split("、")
    for i in range(len(parts) - 1, 0, -1):  # 根据A、B、C确立了X、Y…: the list of industries opens after the verb
        verb = _LAST_VERB.match(parts[i]) if not _BRACKET.search(parts[i]) else None  # （包括…） is a note
        if verb and len(parts[i]) - verb.end() >= 2 and len(parts) - i >= 2:
            verb_end = sum(len(p) + 1 for p in parts[:i]) + verb.end()
            verb_end += chunk.startswith("了", verb_end)  # 确立了
            chunk, left = chunk[verb_end:], left + verb_end
            parts = chunk.split("、")
            break
    if len(parts) < 2:
        return []
    first = _CUE.match(parts[0])
    if first:
        left += first.end()
        parts[0] = parts[0][first.end() :]
    if parts[0][:1] in _LEADING_AND and len(parts[0]) > 2:  # 与A、B等产业链一道: 与 joins the list to its subject
        left += 1
        parts[0] = parts[0][1:]
    items: list[tuple[str, int]] = []
    pos = left
    counted = count == len(parts)
    if counted and all(len(p) == 1 for p in parts[1:]) and _SCOPE_WORD.fullmatch(parts[0][:-1]):
        left += len(parts[0]) - 1  # 全区羊、牛、薯3个产业: the scope word opens the list, 羊 is its first item
        parts[0] = parts[0][-1]
    for part in parts:
        inner = _COUNT_INSIDE.search(part)
        if inner and inner.start() >= 2:
            part = part[: inner.start()]  # A、B2条链已纳入…: B, then the words of another clause
        elif inner and inner.start() == 0:
            part = ""  # 5条先进制造业产业链、5条现代服务业产业链: counted groups, no industries
        if counted and _ONE_CHAR_ITEM.fullmatch(part):
            items.append((part, pos))
        elif _ITEM.fullmatch(part) and not _GENERIC.fullmatch(part) and not _A_VERB.fullmatch(part):
            items.append((part, pos))
        pos += len(part) + 1
    return items


_PARENTHETICAL = re.compile(r"(.+?)[（(](.+?)[）)]")
#: A bracket that notes what an item covers (工程机械（含农用机械）, 新材料（包括…）): a note, no second industry.
_NOTE = re.compile(r"含|包括|包含|主要|重点|如|即|涵盖|覆盖|俗称|简称")
#: Two industries joined by 与 in one list item (不锈钢新材料与锂电新能源、新能源汽车…一起).
_JOINED = re.compile(r"(.{2,12})与(.{2,12})")
#: A count inside an item: the list closed there (A、B2条链已纳入…), what follows is no industry.
_COUNT_INSIDE = re.compile(rf"{_NUM}[条个大家项]")


def _split_parenthetical(item: str, start: int) -> list[tuple[str, int]]:
    """生物医药(美妆) names two industries; 工程机械(含农用机械) one, with a note; A与B two when both are."""
    match = _PARENTHETICAL.fullmatch(item)
    if match and _NOTE.match(match.group(2)):
        return [(match.group(1), start)]
    if not match or canonical(item) != item:
        return _split_joined(item, start)
    return [(match.group(1), start), (match.group(2), start + match.start(2))]


def _split_joined(item: str, start: int) -> list[tuple[str, int]]:
    """A与B is two industries when each part ends with a known industry and the whole is no known one
    (船舶与海工装备 is one, 碳中和与水污染防治设备 one: 碳中和 is no industry)."""
    match = _JOINED.fullmatch(item)
    if not match or item in _KNOWN or not all(_is_industry_item(part) for part in match.groups()):
        return [(item, start)]
    return [(match.group(1), start), (match.group(2), start + match.start(2))]


#: A count of chains that a list then spells out: 10条产业链，即A、B…; 四大产业集群：A、B…; 16条重点产业链分别是A、B…
#: (a word or a colon opens the list: after a bare comma, another list may follow, …2条产业链，以及A、B2条…).
_COUNT_THEN_LIST = re.compile(
    rf"(?P<n>{_NUM})[条个大][\u4e00-\u9fff]{{0,8}}?(?P<head>产业链|产业集群|产业)[，,]?(?:(?:即|分别是|分别为|包括|为)[：:]?|[：:])"
)
_LIST_END = re.compile(r"[。；;！？\n]")


def _lists_after_count(text: str, scope: str | None) -> list[IndustryMention]:
    """The items of a list that follows its count (全省重点培育5条产业链，即A、B、C、D、E): as many items as the
    count says (the last two may be joined by 和/及), each one a chain, or a cluster when the head is 产业集群."""
    out: list[IndustryMention] = []
    if "、" not in text:
        return out  # no list at all
    for match in _COUNT_THEN_LIST.finditer(text):
        stop = _LIST_END.search(text, match.end())
        chunk = text[match.end() : stop.start() if stop else len(text)]
        items = _counted_items(chunk, match.end())
        if len(items) != _number(match.group("n")) or any(_NOT_INDUSTRY.search(item) for item, _ in items):
            continue
        label = CLUSTER if match.group("head") == "产业集群" else CHAIN
        for item, pos in items:
            part, at = _without_place(item, pos, scope)
            out.append(IndustryMention(_plain(part), part, at, at + len(part), label, match.group("head")))
    return out


#: A heading that is one chain's name (（一）X产业链, 二、X产业链): a plan's section per chain.
_CHAIN_HEADING = re.compile(
    r"^[ \t\u3000]*[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．][ \t\u3000]*"
    r"(?P<x>[\u4e00-\u9fffA-Za-z]{2,12})产业链[ \t\u3000]*$",
    re.M,
)


def _headings(text: str, scope: str | None) -> list[IndustryMention]:
    """Chains named by a heading of their own, whatever noun they end with (（一）光机电产业链)."""
    if "产业链" not in text:
        return []
    out: list[IndustryMention] = []
    for match in _CHAIN_HEADING.finditer(text):
        x, start = _without_place(match.group("x"), match.start("x"), scope)
        if _is_generic(x) or _A_VERB.search(x):
            continue
        out.append(IndustryMention(_plain(x), x + "产业链", start, match.end("x") + 3, CHAIN, "产业链"))
    return out


#: A list headed directly by 产业链, with no count or 等 (培育打造烯烃、芳烃产业链): two to six short items.
_BARE_LIST = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,8}(?:、[\u4e00-\u9fffA-Za-z0-9]{2,8}){1,5}\Z")


def _bare_list_before(text: str, head: int) -> re.Match[str] | None:
    """The 、-list that ends right at ``head`` (its leftmost, so longest, reading), if any: looked for only where
    a list mark stands within reach (six items of up to eight characters)."""
    left = max(0, head - 54)
    if text.find("、", left, head) < 0 or _CLAUSE_STOP.match(text, head - 1):
        return None
    return _BARE_LIST.search(text, left, head)


def _bare_lists(text: str, scope: str | None) -> list[IndustryMention]:
    """The items of a 、-list headed by 产业链 alone, after its cue word (做强A、B产业链): chains, when no item holds
    an action, a kind of chain or another class (上下游, 延链补链, 技术)."""
    out: list[IndustryMention] = []
    head = text.find("产业链")
    while head > 0:
        match = _bare_list_before(text, head)
        head = text.find("产业链", head + 3)
        if match is None:
            continue
        items = match.group(0)
        if "等" in items:
            continue  # a list closed by 等 is read by :func:`_lists`
        cue = _CUE.match(items) or _LAST_VERB.match(items.split("、")[0])
        offset = match.start() + (cue.end() if cue else 0)
        if text[offset] in _LEADING_AND:  # 与A、B产业链: 与 joins the list to its subject
            offset += 1
        parts = text[offset : match.end()].split("、")
        if not cue and match.start() > 0 and not _X_STOP.match(text, match.start() - 1):
            continue  # the first item runs on from words before it: no edge to tell it by
        if any(len(p) < 2 or _A_VERB.search(p) or _is_generic(p) or _NOT_INDUSTRY.search(p) for p in parts):
            continue
        if any(_COUNT_INSIDE.search(p) or any(c.isdigit() for c in p) for p in parts):
            continue  # 一位领导、一条产业链 (a slogan), A、B4条优势产业链 (a counted list, read by :func:`_lists`)
        pos = offset
        for part in parts:
            at_part, at = _without_place(part, pos, scope)
            out.append(IndustryMention(_plain(at_part), at_part, at, at + len(at_part), CHAIN, "产业链"))
            pos += len(part) + 1
    return out


def _counted_items(chunk: str, offset: int) -> list[tuple[str, int]]:
    """The 、-separated items of ``chunk`` (at ``offset``), the last split at 和/及 when it joins two, each a name."""
    parts = chunk.split("、")
    parts[-1] = parts[-1].removesuffix("等")  # …、传感器等。
    last = _AND.split(parts[-1], maxsplit=1) if len(parts) >= 2 else [parts[-1]]
    if len(last) == 2 and all(_ITEM.fullmatch(p) for p in last):
        parts = [*parts[:-1], *last]
    items: list[tuple[str, int]] = []
    pos = offset
    for part in parts:
        if not _ITEM.fullmatch(part) or _GENERIC.fullmatch(part):
            return []
        items.append((part, pos))
        pos += len(part) + 1  # past the item and its one-character separator (、, 和 or 及)
    return items


def _lists(text: str, scope: str | None) -> list[IndustryMention]:
    """Industries and clusters named in lists closed by a count or 等 and an industry head word."""
    out: list[IndustryMention] = []
    for start, head, near in _list_ends(text):
        if near and _names_one_industry(head):
            continue
        items = _list_items(text, start, 0 if near else _closing_count(text, start))
        good = [(item, start) for item, start in items if not _NOT_INDUSTRY.search(item)]
        if len(good) * 2 <= len(items):
            continue
        label = CLUSTER if "集群" in head.group(1) and not near else CHAIN
        for item, start in good:
            for part, pos in _split_parenthetical(item, start):
                part, pos = _without_place(part, pos, scope)
                name = _plain(part)
                if (len(name) >= 2 or _one_char_list(items)) and _GENERIC.sub("", name):
                    out.append(IndustryMention(name, part, pos, pos + len(part), label, head.group(1)))
    return out


def _names_one_industry(head: re.Match[str]) -> bool:
    """A、B等专用设备产业链: the words between 等 and the head word name one industry, so A and B are its kinds
    (products, uses, materials), not chains; 等重点产业链, 等战略性新兴产业 only rank the items, which are chains,
    and 等工业行业 (no industry's noun at its end) only groups them."""
    words = head.group(0)[: head.start(1) - head.start(0)]
    if len(words) < 2 or not words.endswith(NOUN_HEADS) or _is_kind(words):
        return False
    core = _GENERIC.sub("", _QUALIFIER.sub("", words)).removesuffix("行业")
    return core not in SECTORS and core not in _UMBRELLAS


#: The nine 大类 of 战略性新兴产业分类（2018）: 等新材料产业, 等新一代信息技术产业 name a family the listed chains
#: belong to (碳纤维、特种合金等新材料产业), not one industry whose kinds they are.
_UMBRELLAS = frozenset(name.removesuffix("产业") for level, name in SEI_2018.values() if level == "大类")


def _one_char_list(items: list[tuple[str, int]]) -> bool:
    """A list mostly of one-character items (乳、鸡 / 牛、羊、中药材): its short items were counted, so names."""
    return len(items) >= 2 and sum(len(item) == 1 for item, _ in items) * 2 > len(items)


def _closing_count(text: str, start: int) -> int:
    """The number of the count at ``start`` (5个, 共三大, 等4条), 0 where it holds none."""
    end = start
    while end < len(text) and text[end] in _DIGIT_CHARS + "等共":
        end += 1
    return _number(text[start:end].lstrip("等共"))


def _list_ends(text: str) -> Iterator[tuple[int, re.Match[str], bool]]:
    """Where a list of industries may close: a count of two or more or 等 (``near``), then its head word."""
    # no head word, so no list closes here: skip the scan for counts (tests written out, not any() over a
    # generator: this runs for every text asked about)
    if "产业" not in text and "集群" not in text and "行业" not in text and "领域" not in text:
        return
    for start, end in _counts(text):
        near = end - start == 1 and text[start] == "等"
        # the number, without 等/共 and 条/个/大
        if not near and _number(text[start + 1 if text[start] in "等共" else start : end - 1]) < 2:
            continue
        head = (_HEAD_NEAR if near else _HEAD).match(text, end)
        if not head or (near and _NOT_INDUSTRY.search(head.group(0))):
            continue
        yield start, head, near


def _counts(text: str) -> list[tuple[int, int]]:
    """Spans of the counts in ``text``, in order: (等|共)?{_NUM}(条|个|大), or a bare 等 where no number follows it.

    The spans a scan of the regex (等|共)?{_NUM}[条个大]|等 gives, found from the word each ends with (条, 个, 大, 等,
    by ``str.find``), where the engine would test the class of a count's first characters at every character.
    Spans cannot overlap: each ends at its word and holds only digits before it (and the 等 or 共 opening it).
    """
    out: list[tuple[int, int]] = []
    pos = 0  # the end of the last span: what it holds is taken
    for at in word_places(text, _COUNT_ENDS):
        if at < pos:
            continue
        if text[at] == "等":  # 等N个 (its number runs to the count's word) or the bare 等
            after = at + 1
            while after < len(text) and text[after] in _DIGIT_CHARS:
                after += 1
            end = after + 1 if after > at + 1 and text.startswith(("条", "个", "大"), after) else at + 1
            out.append((at, end))
            pos = end
            continue
        start = at
        while start > pos and text[start - 1] in _DIGIT_CHARS:
            start -= 1
        if start == at:
            continue  # no number before the word
        if start > pos and text[start - 1] == "共":
            start -= 1
        out.append((start, at + 1))
        pos = at + 1
    return out


def _without_place(item: str, start: int, scope: str | None) -> tuple[str, int]:
    """长兴纺织 is the 纺织 industry (of 长兴): the place goes to DEVELOPED_IN, not the name."""
    place = leading_district(item, scope)
    if place is not None and len(item) - place.end >= 2:
        return item[place.end :], start + place.end
    return item, start


#: A group counted in 条/个 (28条重点产业链, 五个千亿级产业): a count, a kind of chain, a head word.
_COUNTED_GROUP = re.compile(
    rf"(?P<n>{_NUM})[条个](?P<kind>[\u4e00-\u9fff]{{0,8}}?)(?:产业链|产业集群|产业(?![链园项基]))"
)
#: What stands right before a named group's count: its place (全市, 宝鸡市, 天津) or 的 (…梳理的11条重点产业链).
_GROUP_OWNER_BEFORE = ("的",)


def _counted_in_units(text: str, scope: str | None) -> list[IndustryMention]:
    """Groups counted in 条/个 that a place owns: 全市28条重点产业链, 宝鸡市13条重点产业链, 我市五个千亿级产业.

    A count right after a list item closes the list (A、B、C4条卓越型产业链: the chains, no group); a count right
    after a place or 的 names the place's programme of chains, one Cluster named with its place.
    """
    out: list[IndustryMention] = []
    for match in _COUNTED_GROUP.finditer(text):
        start = match.start()
        if _number(match.group("n")) < 2 or not _is_kind(match.group("kind")):
            continue
        if not (text.endswith(_GROUP_OWNER_BEFORE, 0, start) or _place_ends_at(text, start, scope)):
            continue
        place = district_display(text, start, scope)
        out.append(IndustryMention(place + match.group(0), match.group(0), start, match.end(), CLUSTER))
    return out


def _is_kind(words: str) -> bool:
    """重点, 省级重点, 千亿级, 优势 (or nothing): a kind or rank of chain, no industry of its own."""
    return not words or _is_generic(_QUALIFIER.sub("", words) or "重点")


def _place_ends_at(text: str, offset: int, scope: str | None) -> bool:
    """Whether a district (or 全市, 我省…) is written right before ``offset``."""
    found = find_districts(text[max(0, offset - 12) : offset], scope)
    return bool(found) and found[-1].end == min(offset, 12)


def _groups(text: str, scope: str | None) -> list[IndustryMention]:
    """Counted groups (八大新兴产业链, 28条重点产业链) and coded ones (四群八链, “415X”产业集群), with their place."""
    out: list[IndustryMention] = _counted_in_units(text, scope)
    for match in _GROUP.finditer(text):
        number = _NUMBER_BEFORE.search(text, max(0, match.start() - 4), match.start())
        if not number or _number(number.group(0)) < 4:
            continue  # 两大/三大产业 is a list of chains, not a named programme of them
        start, surface = number.start(), text[number.start() : match.end()]
        name = surface if surface.endswith(("产业链", "集群")) else surface[: -len("产业")] + "产业链"
        place = district_display(text, start, scope)
        out.append(IndustryMention(place + name, surface, start, match.end(), CLUSTER))
    for match in _CLUSTER_WORD.finditer(text):
        coded = _CODE_BEFORE.search(text, max(0, match.start() - 10), match.start())
        if not coded:
            continue
        code, start = coded.group(0).strip('“”"'), coded.start()
        place = _level_word_place(text, start, scope) or district_display(text, start, scope)
        out.append(IndustryMention(f"{place}{code}产业集群", text[start : match.end()], start, match.end(), CLUSTER))
    return out + _coded_systems(text, scope) + _one_of_groups(text, scope)


_CLUSTER_WORD = re.compile("产业集群")
#: A system of chains named by a number code: “4+2+3”产业链体系, “7+28+N”群链, “4×4”现代化产业体系.
_SYSTEM_WORD = re.compile("产业链体系|现代化产业体系|产业体系|群链")
_SYSTEM_CODE_BEFORE = re.compile(r"[“\"]?(?=[0-9N]+[+＋×])[0-9N+＋×]{3,12}[”\"]?\Z")


#: X是全省标志性产业链之一: a kind of chain (标志性, 重点) of a whole area that a chain is one of names the area's
#: programme of such chains.
_ONE_OF = re.compile(
    r"(?:全|我|本)(?P<level>[省市区县])(?P<kind>[\u4e00-\u9fff]{1,8}?)(?P<head>产业链|产业集群|产业)之一"
)


def _one_of_groups(text: str, scope: str | None) -> list[IndustryMention]:
    """The programme a chain is said to be one of (新能源汽车是全省标志性产业链之一): a Cluster named with the
    area's place and the kind of chain, marked ``之一`` so the chains of its sentence are read as its members."""
    out: list[IndustryMention] = []
    if "之一" not in text:
        return out
    for match in _ONE_OF.finditer(text):
        if not _is_kind(match.group("kind")):
            continue
        start = match.start()
        place = _level_word_place(text, match.start("kind"), scope) or district_display(text, start, scope)
        name = f"{place}{match.group('kind')}{match.group('head')}"
        out.append(IndustryMention(name, text[start : match.end("head")], start, match.end("head"), CLUSTER, "之一"))
    return out


def _coded_systems(text: str, scope: str | None) -> list[IndustryMention]:
    """Systems of chains named by a code of counts joined by + or × (全县“4+2+3”产业链体系: four chains of one kind,
    two of another, three of a third): one Cluster each, named with its place, code and head word."""
    out: list[IndustryMention] = []
    if "体系" not in text and "群链" not in text:
        return out
    for match in _SYSTEM_WORD.finditer(text):
        coded = _SYSTEM_CODE_BEFORE.search(text, max(0, match.start() - 14), match.start())
        if not coded:
            continue
        code, start = coded.group(0).strip('“”"').replace("＋", "+"), coded.start()
        place = _level_word_place(text, start, scope) or district_display(text, start, scope)
        name = f"{place}{code}{match.group(0)}"
        out.append(IndustryMention(name, text[start : match.end()], start, match.end(), CLUSTER))
    return out


_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0) if "十" in text else 0


def _level_word_place(text: str, offset: int, scope: str | None) -> str | None:
    """省“415X”产业集群: a bare 省 or 市 before a group names the scope's province or city."""
    word = text[offset - 1 : offset] if offset else ""
    if not scope or word not in ("省", "市"):
        return None
    chain = [scope, *ancestors(scope)]
    found = [c for c in chain if c.endswith(word)]
    return unit_name(found[-1]) if found else None


def _fold(mentions: list[IndustryMention]) -> list[IndustryMention]:
    """Fold each chain name into the one longer chain name of the document containing it (head first)."""
    names = sorted({m.name for m in mentions if m.label == CHAIN})
    counts: dict[str, int] = {}  # (a Counter's work, without its Python-level constructor)
    for m in mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    target: dict[str, str] = {}
    # Every name once, on its own line (no name holds a line break): a name lies inside another exactly when
    # it occurs here more than once. One scan in C per name spares testing it against every other name, and
    # most names of a document lie in no other one.
    lines = "\n".join(names)
    for name in names:
        if lines.count(name) == 1:
            continue
        longer = [other for other in names if other != name and name in other]
        tails = _outermost([o for o in longer if o.endswith(name)])
        heads = [o for o in longer if o.startswith(name)]
        choice = sorted(tails or heads, key=lambda o: -counts[o])
        if len(choice) == 1 or (tails and counts[choice[0]] > counts[choice[1]]):
            target[name] = choice[0]
    for name in list(target):
        while target[name] in target:
            target[name] = target[target[name]]
    clusters = {m.name for m in mentions if m.label == CLUSTER}
    target.update(_fold_groups(clusters))
    not_chains = clusters | set(target.values()) - set(names)  # names no chain mention may keep: built once
    out = []
    for m in mentions:
        if m.label == CHAIN and target.get(m.name, m.name) in not_chains:
            continue
        out.append(IndustryMention(target.get(m.name, m.name), m.surface, m.start, m.end, m.label, m.head))
    return out


def _outermost(names: list[str]) -> list[str]:
    """The longer names not themselves inside another one: 硅光伏 and 绿色硅光伏 both hold 光伏, but the first is a
    short form of the second (one industry), so 光伏 folds into 绿色硅光伏 however often each is written."""
    return [n for n in names if not any(n != o and o.endswith(n) for o in names)]


def _fold_groups(clusters: set[str]) -> dict[str, str]:
    """湖州市八大产业链 is 湖州市八大新兴产业链 when the document names only one qualified group of eight."""
    out: dict[str, str] = {}
    for name in clusters:
        match = _COUNTED_GROUP_NAME.fullmatch(name)
        if not match:
            continue
        fuller = [c for c in clusters if c != name and c.startswith(match.group(1)) and c.endswith(match.group(2))]
        if len(fuller) == 1:
            out[name] = fuller[0]
    return out


def find_industries(text: str, scope: str | None = None) -> list[IndustryMention]:
    """Chain and cluster mentions in ``text``, in order, overlapping ones resolved to the longest."""
    if len(text) <= 200:  # names and clauses are asked about again and again (per measure, per firm)
        return list(_find_short(text, scope))
    return _find(text, scope)


@lru_cache(maxsize=8192)
def _find_short(text: str, scope: str | None) -> tuple[IndustryMention, ...]:
    if not _reads_places(text):
        return _find_anywhere(text)
    return tuple(_find(text, scope))


@lru_cache(maxsize=8192)
def _find_anywhere(text: str) -> tuple[IndustryMention, ...]:
    """The answer for a text whose reading does not depend on the scope, shared by every scope: a plan's
    measure is worded alike in the plans of many cities, and a corpus mixes cities."""
    return tuple(_find(text, None))


def _reads_places(text: str) -> bool:
    """Whether the scope can change what ``text`` names: only counted, coded and "之一" groups and clusters
    (:func:`_groups`) and the items of a list (:func:`_lists`) are read with it."""
    return (
        _GROUP.search(text) is not None
        or "集群" in text
        or "体系" in text
        or "群链" in text
        or "之一" in text
        or "产业链" in text
        or next(_list_ends(text), None) is not None
    )


def _find(text: str, scope: str | None) -> list[IndustryMention]:
    found = sorted(
        _groups(text, scope)
        + _lists(text, scope)
        + _lists_after_count(text, scope)
        + _bare_lists(text, scope)
        + _headings(text, scope)
        + _by_head(text, scope)
        + _vocabulary(text),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    kept: list[IndustryMention] = []
    lists = _OtherLists(text)
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        if m.label == CHAIN and m.head in ("", "领域") and lists.holds(m.start):
            continue  # a list headed 产业/行业 is one of industries; 等领域 may be fields of application
        if m.label == CHAIN and not m.surface.endswith(_SUFFIXES) and _is_link_or_market(text, m):
            continue
        kept.append(m)
    return _fold(kept) if kept else []  # most texts asked about (measures, names) name none: skip folding


#: A link of a chain named by its position (中游A与B, 下游C、D等整机), or what a firm makes (主要生产A): a product.
_LINK_BEFORE = re.compile(r"(?:上游|中游|下游)[^，。；、：:]{0,10}$|(?:生产|主营|主产|产品为|产品有)$")
#: The fields a product is applied in (推动钛材在A、B和C领域应用): markets, no chains.
_MARKET_AROUND = re.compile(r"在[^，。；在]{0,40}?领域(?:的)?(?:规模化|示范|推广)?(?:应用|推广|替代)")


def _is_link_or_market(text: str, m: IndustryMention) -> bool:
    """A term written bare (no 产业/行业 head) as the product of a chain's link or as a field of application."""
    if _LINK_BEFORE.search(text, max(0, m.start - 10), m.start):
        return True
    opening = text.rfind("在", max(0, m.start - 40), m.start)
    market = _MARKET_AROUND.match(text, opening) if opening >= 0 else None
    return market is not None and m.end <= market.end()


_CLAUSE_STOP = re.compile("[，。；：！？\n（）()]")
#: Up to the last clause stop of the span matched (the greedy ``.*`` backs off from its end): one match, where
#: iterating over every stop of the span costs a Python step each.
_LAST_CLAUSE_STOP = re.compile("(?s:.*)[，。；：！？\n（）()]")
#: A list closed by 等 and one of these names technologies, equipment or ways of working, not industries.
_OTHER_CLASS = re.compile(
    r"(?:(?!产业|行业|领域|企业)[^，。；、]){0,12}?(?:技术|产线|生产线|业态|模式|手段|工具|方式|路径|设备|场景|"
    r"整机|零部件|部件|元器件|原材料|产品)"
)
#: A list of fields a product is applied in (在航空航天、医疗健康等领域应用的纺织品) names markets, not chains.
#: (…等领域加快替代, …等领域规模化应用: the verb of use may come a few words after 领域.)
_APPLIED_CLASS = re.compile(r"[^，。；]{0,4}?领域[^，。；、]{0,10}?(?:应用|替代|推广)")
_APPLIED_BEFORE = re.compile(r"(?:应用于|应用到|应用在|用于|运用于)$")
_INDUSTRY_CLASS = re.compile(r"产业|行业|领域|集群|板块|企业|链")


class _OtherLists:
    """The 、-lists of a text that name something other than industries, judged clause by clause on demand.

    Lists are homogeneous: 以大数据、物联网和人工智能等信息技术 is a list of
    technologies, 全屋定制、节能环保、共享制造等新业态 one of business models,
    结合新技术、新材料、创意设计 one of inputs. A list is of other things when its
    class word after 等 says so, when it names the fields a product is applied in,
    or, with no industry class word, when fewer than half its items are industries.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[int, list[tuple[int, int]]] = {}

    def holds(self, offset: int) -> bool:
        """Whether the mention at ``offset`` stands in such a list."""
        text = self.text
        if text.find("、", max(0, offset - 60), offset + 60) < 0:
            return False  # no list near it
        left = max(0, offset - 200)
        last_stop = _LAST_CLAUSE_STOP.match(text, left, offset)
        if last_stop:
            left = last_stop.end()
        spans = self.spans.get(left)
        if spans is None:
            stop = _CLAUSE_STOP.search(text, offset)
            spans = self.spans[left] = _other_lists(text, left, stop.start() if stop else len(text))
        return any(s <= offset < e for s, e in spans)


def _other_lists(text: str, left: int, right: int) -> list[tuple[int, int]]:
    """Spans (list start to class end) of the lists in ``text[left:right]`` that are not of industries."""
    out: list[tuple[int, int]] = []
    items: list[str] = []
    start = pos = left
    for part in text[left:right].split("、"):
        if not items:  # a list starts after its cue word: 鼓励木材、… → 木材
            cue = _CUE.match(part.partition("等")[0])
            cut = cue.end() if cue else 0
            start, part, pos = pos + cut, part[cut:], pos + cut
        if "等" not in part:
            items.append(part)
            pos += len(part) + 1
            continue
        head, _, tail = part.partition("等")
        items += _last_items(head)
        class_at = pos + len(head) + 1
        if len(items) >= 2 and _other_class(text, class_at, start, items):
            end = _OTHER_CLASS.match(text, class_at) or _APPLIED_CLASS.match(text, class_at)
            out.append((start, end.end() if end else class_at))
        # what follows the class may open the next list: …等行业实施全屋定制、节能环保…
        cue = _CUE.match(tail)
        cut = cue.end() if cue else len(tail)
        start, items = class_at + cut, [tail[cut:]] if cue else []
        pos += len(part) + 1
    if len(items) >= 2 and _too_few_industries(items):
        out.append((start, right))
    return out


_AND = re.compile("[和及与]")


def _last_items(item: str) -> list[str]:
    """The last item of a list may join two with 和/及/与 (物联网和人工智能), unless it is one industry."""
    if _is_industry_item(item):
        return [item]
    return [i for i in _AND.split(item) if i]


def _other_class(text: str, class_at: int, start: int, items: list[str]) -> bool:
    if _INDUSTRY_CLASS.match(text, class_at):
        return bool(_APPLIED_CLASS.match(text, class_at))
    if _OTHER_CLASS.match(text, class_at) or _APPLIED_CLASS.match(text, class_at):
        return True
    if _APPLIED_BEFORE.search(text, max(0, start - 4), start):
        return True
    return not _INDUSTRY_CLASS.search(text, class_at, class_at + 8) and _too_few_industries(items)


def _too_few_industries(items: list[str]) -> bool:
    industries = sum(1 for item in items if _is_industry_item(item))
    return industries * 2 < len(items)


def _is_industry_item(item: str) -> bool:
    """An item that is, or ends in, an industry name (时尚童装, 纺织, 生物医药产业)."""
    return item.endswith(_ITEM_ENDS)


_ITEM_ENDS = tuple({*_strong, *WEAK_TERMS, "产业", "行业", "产业链"})
_KNOWN = frozenset({*_strong, *WEAK_TERMS})


def document_industries(doc: ParsedDocument, firm_names: list[tuple[str, int, int]]) -> list[IndustryMention]:
    """The chain and cluster mentions of a document, without those inside firm names.

    申明半导体 is a firm, not a mention of the 半导体 industry: mentions that lie within one of
    ``firm_names`` (where the document names its firms, see :func:`chainkg.loaders.extract.enterprises.firm_names`)
    are dropped.
    """
    spans = [(start, end) for _, start, end in firm_names]
    found = find_industries(doc.text, doc.scope)
    starts = [s for s, _ in spans]  # firm names do not overlap (one scan of one pattern)
    return [m for m in found if not _inside(spans, starts, m)]


def _inside(spans: list[tuple[int, int]], starts: list[int], mention: IndustryMention) -> bool:
    at = bisect_right(starts, mention.start) - 1
    return at >= 0 and mention.end <= spans[at][1]


def terms_in(name: str) -> list[str]:
    """Canonical industries a name holds as words (湖州吴兴现代物流装备特色产业基地 → 智能物流装备)."""
    out: list[str] = []
    for start, end in strong_terms(name):
        plain = _plain(name[start:end])
        if plain not in out:
            out.append(plain)
    return out


def canonical_in(findings: Findings, name: str) -> str:
    """The document's chain name for an industry named alone (物流装备 in a text on 智能物流装备)."""
    names = findings.chain_names()
    if name in names:
        return name
    longer = sorted((n for n in names if n.endswith(name) and n != name), key=len)
    return longer[0] if len(longer) == 1 else name


def heading_chain(doc: ParsedDocument, layout: ProseLayout, index: int) -> list[str]:
    """The chain the heading of sentence ``index``'s section is: a plan writes a section per chain (（三）X产业链),
    and what its measures name belongs to X where nothing nearer names another chain. (A news subtitle that
    merely names an industry, 智能科技赋能物流产业“加速跑”, heads no such section.)"""
    heading = layout.section(index)
    if not _CHAIN_HEADING.search(doc.sentences[heading].text):
        return []
    named = {name for name, _ in layout.chains.get(heading, [])}
    return sorted(named) if len(named) == 1 else []


def dominant_chain(findings: Findings) -> list[str]:
    """The chain a text is about when its titles name none: the one it names at least three times and more often
    than all others together (news on one chain names it throughout; a text on several names none so often)."""
    counts: dict[str, int] = {}
    for m in findings.industries:
        if m.label == CHAIN:
            counts[m.name] = counts.get(m.name, 0) + 1
    if not counts:
        return []
    top = max(sorted(counts), key=lambda name: counts[name])
    return [top] if counts[top] >= 3 and 2 * counts[top] > sum(counts.values()) else []


_CATEGORY = (("孵化型", "incubating"), ("未来", "future"), ("传统", "traditional"), ("新兴", "emerging"))


def _category(sentence: str) -> str | None:
    for cue, category in _CATEGORY:
        if cue in sentence:
            return category
    return None


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """IndustryChain and Cluster nodes, PART_OF chain→cluster, DEVELOPED_IN their districts."""
    mentions = findings.industries
    news = graph.document.props.get("kind") == "news"
    nodes: dict[str, Node] = {}
    per_sentence: dict[int, list[tuple[IndustryMention, Node]]] = {}
    for m in mentions:
        index = sentence_of(doc, m.start)
        sentence = doc.sentences[index].text
        surface = clean_name(m.surface)  # “415X”产业集群 is written 415X产业集群 (MODEL.md: no quotes in names)
        aliases = {surface: "industry-vocabulary"} if surface != m.name else None
        category = _category(sentence) if m.label == CHAIN else None
        node = graph.node(m.label, m.name, sentence, aliases=aliases, category=category)
        nodes[m.name] = node
        per_sentence.setdefault(index, []).append((m, node))
    districts = named_places(doc.text, findings.districts, findings.firm_names)  # 宁波 of 宁波华翔 is no place
    by_sentence: dict[int, list[DistrictMention]] = {}
    for d in districts:
        by_sentence.setdefault(sentence_of(doc, d.start), []).append(d)
    for index in sorted(per_sentence):
        _link_sentence(doc, graph, index, per_sentence[index], by_sentence.get(index, []))
    _coded_system_members(doc, graph, per_sentence)
    _clusters_of_their_chain(doc, graph, mentions, nodes)
    _clusters_built_of_chains(doc, graph, per_sentence)
    _developed_in_scope(doc, graph, nodes, news)


_CLAUSE_END = re.compile(r"[，。；：！？,;:]")
#: Up to the last clause end of the span matched (the greedy ``.*`` backs off from its end): one match, where
#: iterating over every clause end of the span costs a Python step each.
_LAST_CLAUSE_END = re.compile(r"(?s:.*)[，。；：！？,;:]")


#: Names of groups that hold chains: counted (湖州市八大新兴产业链) or coded (浙江省415X产业集群).
_GROUP_NAME = re.compile(rf"{_NUM}[大条个]|[0-9A-Z+]{{2,8}}产业集群$")
_MEMBER_CUE = re.compile(r"之一|等|列入|纳入|入选|共|[0-9一二三四五六七八九十]+[条个大]|群.链")
_CHAIN_CODE = re.compile(rf"{_NUM}群(?P<chains>{_NUM})链")


def _counted_groups(graph: DocumentGraph, count: int) -> list[Node]:
    """The document's counted groups of ``count`` chains (八大重点产业链 for the 八链 of 四群八链)."""
    out = []
    for node in graph.by_label(CLUSTER):
        match = _CHAIN_GROUP_COUNT.search(node.name)
        if match and _number(match.group("n")) == count:
            out.append(node)
    return sorted(out, key=lambda n: n.uid)


def _link_sentence(
    doc: ParsedDocument,
    graph: DocumentGraph,
    index: int,
    items: list[tuple[IndustryMention, Node]],
    districts: list[DistrictMention],
) -> None:
    sentence = doc.sentences[index].text
    # a cluster named as a list item (新一代信息技术、高端装备…共4个产业集群) is a peer of the chains, not their group
    clusters = [n for m, n in items if m.label == CLUSTER and (_GROUP_NAME.search(m.name) or m.head == "之一")]
    # (四群八链 holds 群: a sentence without it is not scanned, the pattern opening with a class tried everywhere)
    code = _CHAIN_CODE.search(sentence) if "群" in sentence else None
    if code:  # 四群八链: the chains of the sentence are the document's group of eight chains
        clusters += _counted_groups(graph, _number(code.group("chains")))
    if clusters and _MEMBER_CUE.search(sentence):
        for chain in _members(doc, index, items):
            for cluster in {c.uid: c for c in clusters}.values():
                graph.edge("PART_OF", chain, cluster, sentence)
    by_end = {d.end: d for d in districts if d.level != "province"}
    adjacent = {id(m): _adjacent(m, by_end) for m, _ in items}
    for m, node in items:
        taken = {d.end for other, _ in items if other is not m for d in adjacent[id(other)]}
        places = _developed_in(doc.text, m, adjacent[id(m)], taken, districts) or _whole_area_before(m, districts)
        for district in places:
            graph.edge("DEVELOPED_IN", node, district_node(graph, district.name, sentence), sentence)


def _whole_area_before(mention: IndustryMention, districts: list[DistrictMention]) -> list[DistrictMention]:
    """The whole area a sentence speaks for (全县将聚焦A…，B…，以及C…): written as 全X/我X before a chain of a later
    clause, it is where that chain is developed too (the chain's own clause names no place)."""
    if mention.label == CLUSTER:
        return []
    before = [d for d in districts if d.end <= mention.start and d.surface[:1] in "全我本" and d.level != "province"]
    return before[-1:]


_CLUSTER_HEAD = re.compile(r"(?:产业集群|(?:先进)?制造业集群)$")


def _clusters_of_their_chain(
    doc: ParsedDocument, graph: DocumentGraph, mentions: list[IndustryMention], nodes: dict[str, Node]
) -> None:
    """A cluster named after one industry (吴兴区智能物流装备产业集群, 重庆市X产业集群) holds that industry's chain
    when the text names the chain too: X is PART_OF the cluster."""
    for m in mentions:
        if m.label != CLUSTER or not _CLUSTER_HEAD.search(m.name) or m.head != "集群":
            continue
        words = _CLUSTER_HEAD.sub("", clean_name(m.surface))
        place = leading_district(words, doc.scope)
        words = words[place.end :] if place else words
        qualifier = _QUALIFIER.match(words)  # 世界级, 千亿级
        industry = _plain(words[qualifier.end() :] if qualifier else words)
        chain = nodes.get(industry)
        if chain is not None and chain.label == CHAIN:
            graph.edge("PART_OF", chain, nodes[m.name], doc.sentences[sentence_of(doc, m.start)].text)


def _clusters_built_of_chains(
    doc: ParsedDocument, graph: DocumentGraph, per_sentence: dict[int, list[tuple[IndustryMention, Node]]]
) -> None:
    """A cluster and the chains it is built of, told side by side: 培育X产业集群，打造A、B两条产业链 (or in the next
    sentence), 打造A、B产业链，培育壮大X产业集群. When a sentence names one cluster by its own name (no counted or
    coded group) and a list of two or more chains headed 产业链, the chains are PART_OF it; a sentence naming only
    the cluster passes it to the next sentence's list."""
    waiting: tuple[int, Node] | None = None
    for index in sorted(per_sentence):
        items = per_sentence[index]
        clusters = {n.uid: n for m, n in items if m.label == CLUSTER and m.head == "集群"}
        chains = [n for m, n in items if m.label == CHAIN and m.head == "产业链"]
        if len(clusters) == 1 and len(chains) >= 2 and doc.sentences[index].text.count("集群") == 1:
            cluster = next(iter(clusters.values()))  # (a second 集群 the reader did not name may be the chains')
        elif not clusters and len(chains) >= 2 and waiting is not None and waiting[0] == index - 1:
            cluster = waiting[1]
        else:
            cluster = None
        if cluster is not None:
            for chain in {c.uid: c for c in chains}.values():
                graph.edge("PART_OF", chain, cluster, doc.sentences[index].text)
        only = len(clusters) == 1 and not any(m.label == CHAIN for m, _ in items)
        waiting = (index, next(iter(clusters.values()))) if only else None


#: A system named by its code (长沙县4+2+3产业链体系), and a counted list of chains or clusters (…4条卓越型产业链).
_CODED_SYSTEM = re.compile(r"[0-9N]+(?:[+×][0-9N]+)+(?:产业链体系|现代化产业体系|产业体系|群链)$")
_COUNTED_LIST_HEAD = re.compile(r"([0-9]+)[条个][^，。；、]{0,8}?(?:产业链|产业集群|集群|产业)")


def _coded_system_members(
    doc: ParsedDocument, graph: DocumentGraph, per_sentence: dict[int, list[tuple[IndustryMention, Node]]]
) -> None:
    """The chains of a system named by a code are the chains of the counted lists that spell the code out.

    “4+2+3”产业链体系 is followed (in its sentence or the next) by lists closed by 4条…产业链, 2条…产业链 and
    3条…产业链: when every count of a sentence's lists is a number of the code, its chains are PART_OF the system.
    """
    for index, items in sorted(per_sentence.items()):
        for mention, system in items:
            match = _CODED_SYSTEM.search(mention.name) if mention.label == CLUSTER else None
            if match is None:
                continue
            numbers = {int(n) for n in re.findall("[0-9]+", match.group(0))}
            for at in (index, index + 1):
                chains = [n for m, n in per_sentence.get(at, []) if m.label == CHAIN]
                counts = [int(c) for c in _COUNTED_LIST_HEAD.findall(doc.sentences[at].text)] if chains else []
                if counts and set(counts) <= numbers:
                    evidence = doc.sentences[at].text
                    for chain in chains:
                        graph.edge("PART_OF", chain, system, evidence)
                    break


def _members(doc: ParsedDocument, index: int, items: list[tuple[IndustryMention, Node]]) -> list[Node]:
    """The chains of a sentence that belong to its group: those after 其中 when it singles some out
    (全市聚焦A、B、C…，其中B、C已纳入全省N条重点产业链), else all."""
    sentence = doc.sentences[index]
    first_group = min((m.start for m, _ in items if m.label == CLUSTER), default=sentence.end)
    among = doc.text.rfind("其中", sentence.start, first_group)
    return [n for m, n in items if m.label == CHAIN and m.start > among]


def _adjacent(mention: IndustryMention, by_end: dict[int, DistrictMention]) -> list[DistrictMention]:
    """The place written right before a chain (安吉椅业, 织里镇的童装), if any."""
    found = [by_end[e] for e in (mention.start - 1, mention.start) if e in by_end]
    return found[-1:]


def _developed_in(
    text: str,
    mention: IndustryMention,
    adjacent: list[DistrictMention],
    taken: set[int],
    districts: list[DistrictMention],
) -> list[DistrictMention]:
    """Where the sentence says a chain is developed.

    A place written right before the chain (安吉椅业, 织里镇的童装) is its place and
    no other; else the places of its clause (物流装备产业是湖州市重点打造的…) that
    stand before no other chain. A province names a programme's level (省“415X”
    产业集群), not where a chain is; a group named with a place is developed there only.
    """
    if mention.label == CLUSTER:
        return []
    if adjacent:
        return adjacent
    window = max(0, mention.start - 80)
    last_end = _LAST_CLAUSE_END.match(text, window, mention.start)
    left = last_end.end() if last_end else window
    right_match = _CLAUSE_END.search(text, mention.end)
    right = right_match.start() if right_match else len(text)
    return [d for d in districts if left <= d.start and d.end <= right and d.level != "province" and d.end not in taken]


def _developed_in_scope(doc: ParsedDocument, graph: DocumentGraph, nodes: dict[str, Node], news: bool) -> None:
    """A group named with a place is developed there; news speaks for its area, so its chains are developed in it,
    and so does a plan for the chain its title names (山东省X产业链…行动方案: X is developed in the province)."""
    first = doc.sentences[0].text if doc.sentences else ""
    titled = _title_chains(graph.document.props.get("title") or "", nodes)
    for name in sorted(nodes):
        node = nodes[name]
        place = _place_of_group(name, doc.scope) if node.label == CLUSTER else None
        if place is None and not ((news or name in titled) and doc.scope):
            continue
        graph.edge("DEVELOPED_IN", node, district_node(graph, place or doc.scope or "", first), first)


def _title_chains(title: str, nodes: dict[str, Node]) -> set[str]:
    """The chains a title names (the longest where one name holds another)."""
    written = re.sub(r"\s", "", title)
    named = {name for name, node in nodes.items() if node.label == CHAIN and written and name in written}
    return {name for name in named if not any(name != other and name in other for other in named)}


def _place_of_group(name: str, scope: str | None = None) -> str | None:
    """湖州市八大新兴产业链 is developed in 湖州市: the district its name starts with, the finest of a run of them
    (上海市宝山区X产业集群 is developed in 宝山区)."""
    place, end = None, 0
    for m in find_districts(name, scope):  # (read in the scope: 宝山区 of a 上海 text)
        if m.start != end:
            break
        place, end = m.name, m.end
    return place
