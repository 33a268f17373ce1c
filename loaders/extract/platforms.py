"""Platforms (高新区, 产业园, 小镇, 基地, 平台, 产业大脑) and institutes (研究院, 实验室, 大学).

Found by the suffix of their name and the run of name characters before it, cut
after the last cue word (see :mod:`chainkg.loaders.text.names`); "X（以下简称“Y”）"
makes Y an alias, "…平台——Y" names platform Y. Suffixes are of two kinds:

- carriers named after their trade are names (美妆小镇, 汽车电子产业园, 童装产业大脑,
  物流装备产业公共服务平台), without the plan's describing words (专业化, 一站式);
- the kind words 基地, 平台, 中心, 研究院 are a description (汽车零部件生产基地,
  全球先进制造业基地, 技术创新中心) unless something distinctive is left once the
  generic and trade words are taken away: a place (平湖市企业服务平台), a quoted
  or coded part (“万亩千亿”新产业平台, OTA), a proper word (相伴宝, 太湖).

A name that is the object of 入选/获评/授予 is a title, not a platform. A platform
HOSTS the chains its name names or, with a hosting cue, its sentence names (a zone
with none of its own: the one chain of its sentence, else its parks' chains); it and
an institute are LOCATED_IN the place :class:`chainkg.loaders.prose_context.ProseContext` reads,
else the place that builds it (X镇建设Y园), the town it is named after, the zone whose
committee its plan item puts in charge, and, in a county's or city's plan, that area.
An institute is placed by a cue only, or, a school, by the place in its name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from typing import cast

import ahocorasick_rs

from chainkg.graph.model import Node, clean_name
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import CHAIN, Findings, PlatformMention
from chainkg.loaders.extract.industries import canonical_in, terms_in
from chainkg.loaders.extract.prose_context import CONTAINER_KINDS, PLATFORM_KINDS, ZONE_KINDS, Place, ProseContext
from chainkg.loaders.extract.text_spans import alternation
from chainkg.loaders.text.divisions import DistrictMention, find_districts, level_of
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of
from chainkg.loaders.text.industry_terms import STRONG_TERMS, SYNONYMS, WEAK_TERMS
from chainkg.loaders.text.names import run_before, trim_left

#: Carriers: a trade word before them is a name (美妆小镇); the one-character ones only right after it (生物医药园).
_TRADE_CARRIERS = frozenset(PLATFORM_KINDS["trade_carriers"])
_CARRIER = "|".join([*PLATFORM_KINDS["carriers"], *_TRADE_CARRIERS])
#: Kind words: a name only with something distinctive before them.
_KIND = "|".join(PLATFORM_KINDS["kinds"])
PLATFORM_SUFFIX = f"{_CARRIER}|{_KIND}"
INSTITUTE_SUFFIX = "|".join(PLATFORM_KINDS["institutes"])
#: Short forms of zone kinds → the official kind (成都高新区 → 成都高新技术产业开发区).
_SHORT_KINDS = cast(dict[str, str], PLATFORM_KINDS["short_kinds"])
#: Every form of a zone kind → the kind it is a form of (高新区 and 高新技术产业开发区 are one kind).
_ZONE_FORMS = cast(dict[str, str], PLATFORM_KINDS["zone_forms"])
_ZONE_FORMS_LONGEST = sorted(_ZONE_FORMS, key=len, reverse=True)
#: (the TOML's tables, typed as lists by prose_context's reading of it)
_LEAD = cast(dict[str, list[str]], PLATFORM_KINDS["lead"])
#: A heading's list number opening a run ((三)园区提升行动, 4.强化创新平台).
_NUMBERING = re.compile(cast(str, _LEAD["numbering"]))
#: The last verb, class noun or year before a name (走进高新区, 驻地高校X大学, 2024年园区): the name follows it.
_LEAD_CUT = re.compile(
    r".*(?:" + alternation([*_LEAD["verbs"], *_LEAD["classes"]]) + r"|[0-9]{2,4}年|今年|去年|明年|年内|全年)"
)
#: A place written with its level (吉林市, 顾村镇) before a name that opens with a place: where it lies.
_LEVEL_END = ("省", "市", "区", "县", "镇", "乡", "旗")
_TOWN_AT_START = re.compile(r"[\u4e00-\u9fff]{2,3}?[镇乡]")
#: Bare kind words: only a place, a quote or a code makes them a name (生产基地, 科创平台 are kinds).
_BARE_KINDS = frozenset({"基地", "平台"})
_PLATFORM_SUFFIXES = frozenset(PLATFORM_SUFFIX.split("|"))
_KIND_AT_END = re.compile(rf"(?:{PLATFORM_SUFFIX})$")
#: Verbs of an institute settling in a carrier (3家研究院已入驻): its carrier is the one the text speaks of. (共建
#: builds one with partners: only a place among them places it, see :func:`_built_with_place`.)
_SETTLING = re.compile(r"入驻|落户|引进")
_CARRIERS = frozenset(_CARRIER.split("|"))
#: Every kind word, found in a document by one native scan, leftmost and longest first (as the regex alternation
#: of them finds them, at two thirds of its cost).
_KIND_WORDS = ahocorasick_rs.AhoCorasick(
    sorted([*_PLATFORM_SUFFIXES, *INSTITUTE_SUFFIX.split("|")]), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
)
#: "X（以下简称“Y”）" without its opening bracket, which :func:`_alias_definitions` checks (see there why).
_ALIAS = re.compile(r"以下简称[“\"]([^”\"]{2,12})[”\"][）)]")
#: "…平台——Y" names platform Y: found from the dash, then the kind word before it is checked. A pattern
#: opening with the literal dash lets ``re`` skip straight to dashes; one opening with the kind words tries a
#: match at every character that can start one. The matches are the same: a name holds no dash, so every
#: dash is tried.
_APPOSITION = re.compile(r"——([\u4e00-\u9fffA-Za-z0-9]{2,10})(?=[，。；、])")
_APPOSITION_KINDS = ("平台", "基地", "园区", "产业园")
#: A name continued by these is a modifier of another noun (平台建设, 开发区管委会, 园区企业).
#: Of those, the verbs: after a name that a place or a code makes distinctive, the name still stands.
_VERBS_AFTER = frozenset({"建设", "集聚"})
_CONTINUED = re.compile(
    r"(?:建设|企业|经济|管委|主任|负责|创建|提档|集聚|全覆盖|名单|名|高质量|大会|称号|考核|体系|项目)"
)
#: Words that describe a carrier without naming it; what is left when they are removed must be distinctive.
_GENERIC_WORDS = re.compile(
    r"国家级|省级|市级|国家|全国|全球|全省|全市|国际化|国际|长三角|中国|现代|特色|产业|行业|智能|数字化|数字|公共|服务|"
    r"综合|电商|直播|先进|制造业|制造|生产|研发|设计|传统|工业|专业化|重要|重点|知名|绿色|创新|科技|企业|互联网|集群|"
    r"新型|高端|一站式|大数据|细分|应用|推广|运营|知识产权|技术|工程|老旧|小微|高能级|共享|展示|主|各类|各|一批|"
    r"该|本|这|相关|首批|新|高|类目|产城融合|发展|协同|区域|快速|维权|专利导航|孵化|示范|未来|核心|专业|海外|[省市区县镇]"
)
_STRONG = sorted({*STRONG_TERMS, *(a for v in SYNONYMS.values() for a in v)}, key=len, reverse=True)
_TRADE = re.compile(alternation(_STRONG))
#: A trade word and a conjunction just before a name's start (半导体和 of 半导体和电子信息产业园).
_JOINED_TRADE = re.compile(rf"(?:{alternation(_STRONG)})[和及与]$")
_PLANTS = tuple(PLATFORM_KINDS["plants"])
#: A carrier's name followed by its sub-park and 管委会 (中关村科技园区昌平园管委会) names a department.
_UNDER_COMMITTEE = re.compile(r"[\u4e00-\u9fff]{0,4}管委")
_ANY_TRADE = re.compile(alternation([*_STRONG, *WEAK_TERMS]))
#: A trade word ending right before a one-character carrier (生物医药园), and what may not follow that carrier
#: (城市, 港口, 园林, 岛屿: another word).
_TRADE_BEFORE = re.compile(rf"(?:{alternation([*_STRONG, *WEAK_TERMS])})$")
_NOT_AFTER_TRADE_CARRIER = frozenset("市镇乡村口澳湾屿林艺际")
_MARKED = re.compile(r"[“”\"A-Za-z0-9]")
#: A formula of kinds (“平台+园区”“平台+模式” models) names a way of working, not a platform.
_FORMULA = re.compile(r"(?:平台|园区|基地|模式|企业|产业|服务)\+|[\u4e00-\u9fff]\+")  # 链长+园区: a slogan
_QUOTE = re.compile(r"[“”\"]")
_COUNTED = re.compile(
    r"[0-9一二三四五六七八九十两千万百]+[多余]?[大所家个座亩批]|第[0-9一二三四五六七八九十]+届|[一唯]一|一.一"
)
_TITLE_CUE = re.compile(r"(?:入选|获评|获选|评为|授予|认定为|列入|争创|创成)(?:首批|省级|国家级|全国)?[“\"]?$")
_LEVEL_PREFIX = re.compile(r"^(?:国家级|省级|市级|省|国家)(?=.{4})")
#: How a plan describes the carrier it will build, not part of its name (打造专业化物流装备产业公共服务平台).
_DESCRIPTIVE_PREFIX = re.compile(r"^(?:专业化|一站式|高能级|高水平|高标准|综合性)(?=.{4})")
_HOST_CUE = re.compile(
    r"聚焦|主导产业|首位产业|主阵地|集聚|谋划|打造|承载|全产业链|集成|整合|唯一|重点发展|主攻|布局|特色产业"
)


def _distinctive(stem: str, raw: str, kind: str, carrier: bool, places: list[tuple[int, int]], start: int) -> bool:
    """Whether the words before the suffix name one thing rather than describe a kind."""
    if _MARKED.search(raw.rstrip('“"')):  # a quote opening the kind word (细分行业“产业大脑”) marks nothing
        return True
    if _has_place(places, start, len(raw)):  # a district named in the name (平湖市企业服务平台)
        return True
    if kind in _BARE_KINDS:
        return False
    # a joint lab of any trade is one lab, and so is a park of any trade (激光产业园, 中药产业园)
    # a zone is a place's own (稀土高新区 is one zone: no plan says 高新区 of a trade in general)
    any_trade = kind.startswith("联合") or kind.endswith(("产业园", "产业园区")) or kind in _TRADE_CARRIERS
    trade = _ANY_TRADE if any_trade or kind in ZONE_KINDS else _TRADE
    if carrier and trade.search(stem) and not _GENERIC_WORDS.sub("", trade.sub("", stem).strip("和及与")):
        return True
    rest = _GENERIC_WORDS.sub("", _ANY_TRADE.sub("", stem))
    return len(rest) >= 2


def _has_place(places: list[tuple[int, int]], start: int, length: int) -> bool:
    """Whether a district span (``places`` sorted) lies in, or around the start of, the name at ``start``."""
    near = places[bisect_left(places, (start - 16, 0)) : bisect_left(places, (start + length, 0))]
    return any(s <= start < e or start <= s for s, e in near)


def _names(text: str, places: list[tuple[int, int]]) -> list[PlatformMention]:
    """Every platform and institute name in ``text`` (``places``: sorted district spans)."""
    out: list[PlatformMention] = []
    for _, suffix_start, end in _KIND_WORDS.find_matches_as_indexes(text):
        suffix = text[suffix_start:end]
        if suffix in _TRADE_CARRIERS and not (_after_trade(text, suffix_start, end) or _quoted(text, end)):
            continue
        platform = suffix in _PLATFORM_SUFFIXES
        continued = _CONTINUED.match(text, end)
        if continued and continued.group(0) not in _VERBS_AFTER:
            continue
        run, _ = run_before(text, end)
        raw = trim_left(run)
        if len(raw) <= len(suffix):  # a cue word inside the kind (联合实验室, 孵化器): the name is before it
            raw = trim_left(run[: -len(suffix)]) + suffix
        raw = _without_lead(raw.rsplit("·", 1)[-1], suffix)
        raw = _after_carrier(raw, end, out)
        raw = _without_located_place(raw, end, places)
        raw = _joined_trade(text, end - len(raw)) + raw
        start = end - len(raw)
        if raw.endswith(_PLANTS) or _UNDER_COMMITTEE.match(text, end):
            continue
        name = clean_name(raw)
        if raw.count("（") + raw.count("(") != raw.count("）") + raw.count(")"):
            continue
        level = _LEVEL_PREFIX.match(name) or _DESCRIPTIVE_PREFIX.match(name)
        if level and platform:
            name, start = name[level.end() :], start + level.end()
        stem = name[: -len(suffix)]
        carrier = suffix in _CARRIERS or suffix.startswith("联合")  # 合金材料联合实验室 names one lab
        quoted = bool(_QUOTE.search(raw))
        if (
            len(name) < 4
            or "等" in stem
            or _FORMULA.search(name)
            or (_COUNTED.search(stem) and not quoted)
            or _TITLE_CUE.search(text, max(0, start - 12), start)
        ):
            continue
        if not _distinctive(stem, raw[: -len(suffix)], suffix, carrier, places, start):
            continue
        if continued and not (_has_place(places, start, len(raw)) or _MARKED.search(raw) or _proper(stem)):
            continue  # 平台建设 is building a kind; 深化南浔电梯…基地建设, 向“2+8”产业平台集聚 still name one
        label = "Platform" if platform else "Institute"
        part = _SUB_ZONE.match(text, end) if platform else None
        if part:  # 国际医疗器械城（西区）: the part of a park is named with its bracket
            name, end = name + part.group(0), part.end()
        out.append(PlatformMention(label, name, suffix, start, end))
    for match in _APPOSITION.finditer(text):
        if text.endswith(_APPOSITION_KINDS, 0, match.start()):
            out.append(PlatformMention("Platform", match.group(1), "平台", match.start(1), match.end(1)))
    out.sort(key=lambda m: (m.start, -m.end))
    # 浙江大学 inside 浙江大学湖州研究院 is part of the longer name, not a second one. In this order a name
    # lies inside another exactly when one sorted before it reaches further (one pass, not all pairs).
    kept: list[PlatformMention] = []
    reach = -1
    for mention in out:
        if mention.end >= reach:
            kept.append(mention)
        reach = max(reach, mention.end)
    return kept


#: The part of a park written in brackets after its name: （西区）, （南园）.
_SUB_ZONE = re.compile(r"[（(][东西南北中][区园][）)]")


def _after_trade(text: str, start: int, end: int) -> bool:
    """Whether the one-character carrier at ``start`` follows a trade word and ends its word (生物医药园 but not
    医药城市)."""
    return (
        bool(_TRADE_BEFORE.search(text, max(0, start - 8), start))
        and text[end : end + 1] not in _NOT_AFTER_TRADE_CARRIER
    )


#: “中国X谷”, “X药港”: a quoted run of name characters closed by a one-character carrier.
_QUOTED_CARRIER = re.compile(r"[“\"][\u4e00-\u9fff]{2,8}$")


def _quoted(text: str, end: int) -> bool:
    """Whether the one-character carrier ending at ``end`` closes a quoted name (“中国声谷”, “中国信创谷”): the
    quotes make it one place's name whatever words come before the carrier."""
    return text[end : end + 1] in ("”", '"') and bool(_QUOTED_CARRIER.search(text, max(0, end - 10), end))


def _proper(stem: str) -> bool:
    """Whether a name's words hold a proper part besides trade and generic words (北大 of 北大医疗产业园): the name
    stands for one carrier even where 建设 follows it."""
    return len(_GENERIC_WORDS.sub("", _ANY_TRADE.sub("", stem))) >= 2


def _without_lead(raw: str, suffix: str) -> str:
    """``raw`` without the heading number, verb, class noun or year that opens it (走进高新区 → 高新区)."""
    stem = _NUMBERING.sub("", raw[: -len(suffix)])
    cut = _LEAD_CUT.match(stem)
    return (stem[cut.end() :] if cut else stem) + suffix


def _after_carrier(raw: str, end: int, found: list[PlatformMention]) -> str:
    """鞍山高新区激光产业园: a park written after the zone it lies in is named from the zone's end (the zone is
    a mention of its own, found before)."""
    start = end - len(raw)
    inner = [
        m.end
        for m in found
        if m.label == "Platform" and m.kind in CONTAINER_KINDS and start <= m.start and m.end <= end - 4
    ]
    return raw[max(inner) - start :] if inner else raw


def _without_located_place(raw: str, end: int, places: list[tuple[int, int]]) -> str:
    """吉林市吉林经济技术开发区, 顾村镇上海机器人产业园: a place written with its level before a name that opens
    with a place is where the carrier lies, not part of its name (``places``: the document's district spans)."""
    start = end - len(raw)
    near = places[bisect_left(places, (start, 0)) : bisect_left(places, (end, 0))]
    first = next((e for s, e in near if s == start), None)
    if first is None:  # a town the division data may not hold (顾村镇)
        town = _TOWN_AT_START.match(raw)
        first = start + town.end() if town else None
    if first is None or not raw[: first - start].endswith(_LEVEL_END) or end - first < 4:
        return raw
    rest = raw[first - start :]
    if any(s == first for s, _ in near) or any(m.start == 0 for m in find_districts(rest, None)):
        return rest
    return raw


def _joined_trade(text: str, start: int) -> str:
    """半导体和电子信息产业园: the trade word and conjunction the name cut at (和, 及, 与 end a name's run)."""
    if not _TRADE.match(text, start):
        return ""
    joined = _JOINED_TRADE.search(text, max(0, start - 12), start)
    return joined.group(0) if joined else ""


def find_platforms(
    doc: ParsedDocument, districts: list[DistrictMention]
) -> tuple[list[PlatformMention], dict[str, str]]:
    """Platform and institute names (abbreviations read as their full names) and the abbreviations the text
    defines (full name → short form); ``districts`` are the document's district mentions."""
    text = doc.text
    defined = _alias_definitions(text)
    aliases = {clean_name(trim_left(run_before(text, start)[0])): clean_name(short) for start, short in defined}
    full_of = {short: full for full, short in aliases.items()}
    places = sorted((d.start, d.end) for d in districts)
    found = _names(text, places)
    zones = _zone_names({full_of.get(m.name, m.name) for m in found if m.label == "Platform"})
    zones.update(_park_short_names({full_of.get(m.name, m.name): m.kind for m in found if m.label == "Platform"}))
    for short, full in sorted(zones.items()):
        aliases.setdefault(full, short)
    names = []
    for m in found:
        name = full_of.get(m.name, m.name)
        names.append(PlatformMention(m.label, zones.get(name, name), m.kind, m.start, m.end))
    return names, aliases


def _zone_form(name: str) -> tuple[str, str] | None:
    """(the words before the kind, the form) of a zone's name (成都高新区 → 成都, 高新区), else None."""
    for form in _ZONE_FORMS_LONGEST:
        if name.endswith(form) and len(name) > len(form):
            return name[: -len(form)], form
    return None


def _expanded(name: str) -> str:
    """A zone's official name from its short form (成都高新区 → 成都高新技术产业开发区)."""
    zone = _zone_form(name)
    if zone and zone[1] in _SHORT_KINDS:
        return zone[0] + _SHORT_KINDS[zone[1]]
    return name


def _zone_names(names: set[str]) -> dict[str, str]:
    """The official name of each zone named in short (滨海高新区 → 天津滨海高新技术产业开发区): the fullest name
    of the same zone in the text, else the short form with its kind written out. Two names are one zone when
    their kinds are forms of one kind and their words agree but for a place opening one (天津, 安徽)."""
    zones = {n: z for n in sorted(names) if (z := _zone_form(n))}
    out: dict[str, str] = {}
    for name, (words, form) in zones.items():
        best = name
        for other, (other_words, other_form) in zones.items():
            if _ZONE_FORMS[other_form] != _ZONE_FORMS[form] or not other_words.endswith(words):
                continue
            if other_words != words and not _is_place(other_words[: -len(words)]):
                continue
            if _fullness(other) > _fullness(best):
                best = other
        best = _expanded(best)
        if best != name:
            out[name] = best
    return out


def _park_short_names(kinds: dict[str, str]) -> dict[str, str]:
    """A park written again by its proper words and kind alone (兴化园区 after 兴化化工园区, 临港产业园 after
    临港装备制造产业园): the one longer name of the text that opens with those words and ends with that kind.
    ``kinds``: each platform name and the kind word that ends it."""
    out: dict[str, str] = {}
    for name, kind in sorted(kinds.items()):
        stem = name[: -len(kind)]
        if kind not in _PARKS or not _proper(stem):  # 汽车产业园 is no short name of 汽车零部件产业园
            continue
        longer = [o for o in kinds if o != name and len(o) > len(name) and o.startswith(stem) and o.endswith(kind)]
        if len(longer) == 1:
            out[name] = longer[0]
    return out


def _fullness(name: str) -> tuple[bool, int]:
    """How full a zone's name is: the official kind first, then the longer."""
    zone = _zone_form(name)
    return (not (zone and zone[1] in _SHORT_KINDS), len(name))


def _is_place(words: str) -> bool:
    """Whether ``words`` are one place name and nothing else (安徽, 天津市)."""
    return any(m.start == 0 and m.end == len(words) for m in find_districts(words, None))


def _alias_definitions(text: str) -> Iterator[tuple[int, str]]:
    """(where the bracket opens, Y) of every "（以下简称“Y”）" of ``text``, as a scan for the whole phrase finds them.

    The search is for 以下简称, a literal ``re`` skips straight to (a pattern opening with the bracket class tries
    a match at every character). Where no bracket opens before it, the search goes on one character later, as a
    scan for the whole phrase would: so the phrases found, and their order, are the same.
    """
    match = _ALIAS.search(text)
    while match:
        if text[match.start() - 1 : match.start()] in ("（", "("):
            yield match.start() - 1, match.group(1)
            match = _ALIAS.search(text, match.end())
        else:
            match = _ALIAS.search(text, match.start() + 1)


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Platform and Institute nodes, with LOCATED_IN and HOSTS."""
    found, aliases = findings.platforms, findings.platform_aliases
    if not found:
        return
    context = ProseContext(doc, graph, findings)
    nodes: dict[str, Node] = {}
    firsts: list[tuple[Node, int, PlatformMention]] = []
    for mention in found:
        index = sentence_of(doc, mention.start)
        sentence = doc.sentences[index].text
        alias = {aliases[mention.name]: "defined-abbreviation"} if mention.name in aliases else None
        kind = _kind(mention.name) if mention.label == "Platform" else None
        node = graph.node(mention.label, mention.name, sentence, aliases=alias, kind=kind)
        if mention.name not in nodes:
            nodes[mention.name] = node
        firsts.append((node, index, mention))
    main = _document_chain(findings)
    for node, index, mention in firsts:
        _hosts(context, node, index, mention, main)
    for name in sorted(nodes):
        mentions = [(i, m) for n, i, m in firsts if n.name == name]
        _locate(context, nodes[name], mentions)
    _zones_host_their_parks_chains(graph)
    _mentions_of_aliases(doc, graph, aliases)


def _zones_host_their_parks_chains(graph: DocumentGraph) -> None:
    """A zone the text gives no chain of its own hosts the chains of the parks that lie in it (X高新区Y激光产业园:
    the zone carries the laser chain its park does)."""
    hosts: dict[str, list[str]] = {}
    for edge in graph.edges.values():
        if edge.type == "HOSTS":
            hosts.setdefault(edge.start, []).append(edge.end)
    for edge in sorted(graph.edges.values(), key=lambda e: (e.start, e.end)):
        zone, park = graph.nodes[edge.end], graph.nodes[edge.start]
        if edge.type != "LOCATED_IN" or zone.label != "Platform" or park.label != "Platform" or zone.uid in hosts:
            continue
        if zone.props.get("kind") not in ZONE_KINDS:
            continue
        evidence = next(iter(edge.evidence.values()), "")
        for chain in sorted(hosts.get(park.uid, [])):
            graph.edge("HOSTS", zone, graph.nodes[chain], evidence)


def _kind(name: str) -> str:
    match = _KIND_AT_END.search(name)
    return match.group(0) if match else "平台"


def _document_chain(findings: Findings) -> str | None:
    """The chain a text is about: the one named at least three times and more often than all others together
    (a plan or report on one chain names it throughout; a text on several names none so often)."""
    counts = Counter(m.name for m in findings.industries if m.label == CHAIN)
    if not counts:
        return None
    (top, times), rest = counts.most_common(1)[0], sum(counts.values())
    return top if times >= 3 and times > rest - times else None


def _named_chains(findings: Findings, name: str) -> list[str]:
    """The chains a platform's name names: the document's chains written in it (湾坞不锈钢新材料产业园 →
    不锈钢新材料, not 新材料), else the industry words it holds."""
    own = sorted((c for c in findings.chain_names() if len(c) >= 2 and c in name), key=len, reverse=True)
    kept = [c for c in own if not any(c != o and c in o for o in own)]
    return kept or [canonical_in(findings, word) for word in terms_in(name)]


def _hosts(context: ProseContext, node: Node, index: int, mention: PlatformMention, main: str | None) -> None:
    """The chains the platform's name names; else those of a sentence it is the subject of (with a hosting cue)
    or the main base of (以Y为主阵地); else those the sentence calls leading industries after naming it; else
    the chain the whole text is about (a plan on one chain builds its platforms for that chain)."""
    if node.label != "Platform":
        return
    doc, graph = context.doc, context.graph
    sentence = doc.sentences[index]
    hosted = [main if main and name in main else name for name in _named_chains(context.findings, node.name)]
    relied_on = _RELIED_ON.search(doc.text[sentence.start : mention.start])
    if not hosted and (context.is_subject(index, mention.start) or relied_on) and _HOST_CUE.search(sentence.text):
        hosted = _chains_after(context, index, mention.end)
    if not hosted and context.is_main_base(index, node.name):
        hosted = context.chains_in(index)[:2]
    if not hosted:
        hosted = _leading_industries(context, index, mention)
    if not hosted and mention.kind in ZONE_KINDS and len(set(context.chains_in(index))) == 1:
        hosted = context.chains_in(index)[:1]  # 围绕A产业链，服务…在X经开区的…: the one chain of the sentence
    if not hosted and main:
        hosted = [main]
    for chain in context.chain_nodes(hosted, sentence.text):
        graph.edge("HOSTS", node, chain, sentence.text)


#: 依托X集聚/发展Y: the carrier the clause's chains are built on, as its subject would be (X集聚Y).
_RELIED_ON = re.compile(r"(?:^|[，：；,:;.．、）)])(?:依托|立足)$")


def _chains_after(context: ProseContext, index: int, at: int) -> list[str]:
    """The chains sentence ``index`` names after text offset ``at`` (X以A、B为主导产业 → A, B), in order."""
    return list(dict.fromkeys(name for name, pos in context.layout.chains.get(index, []) if pos >= at))


_LEADING = re.compile(r"主导产业|首位产业")
_CLAUSE = re.compile(r"[，。；,;]")


def _leading_industries(context: ProseContext, index: int, mention: PlatformMention) -> list[str]:
    """新增…新产业平台1个，智能汽车及关键零部件、高端装备制造两大主导产业…: the chains of the clause
    that calls them the leading industries (主导产业), after the platform is named, are that platform's."""
    sentence = context.doc.sentences[index]
    cue = _LEADING.search(sentence.text, mention.end - sentence.start)
    if cue is None:
        return []
    left = max((m.end() for m in _CLAUSE.finditer(sentence.text, 0, cue.start())), default=0)
    right = _CLAUSE.search(sentence.text, cue.end())
    lo = max(mention.end, sentence.start + left)
    hi = sentence.start + (right.start() if right else len(sentence.text))
    return list(dict.fromkeys(name for name, at in context.layout.chains.get(index, []) if lo <= at < hi))


def _locate(context: ProseContext, node: Node, mentions: list[tuple[int, PlatformMention]]) -> None:
    """One LOCATED_IN per platform or institute: its name's place, a cue, the section's zone, the scope."""
    doc = context.doc
    index, first = mentions[0]
    evidence = doc.sentences[index].text
    place: Place | None = None
    for i, m in mentions:
        base = doc.sentences[i].start
        cued = context.cued_place(i, m.start - base, m.end - base, exclude=node.name)
        if cued is None and node.label == "Platform":
            cued = context.main_base_of(node.name, i) or _builder(context, i, m)
        partner = context.is_partner(i, m.start - base, m.end - base)
        if cued is None and node.label == "Institute":
            cued = _built_with_place(context, i, m)
        if cued is None and node.label == "Institute" and _SETTLING.search(doc.sentences[i].text) and not partner:
            # 3家研究院已入驻 with no carrier named: the area the text speaks for
            cued = context.carrier_before(i, node.name) or context.zone_before(i, node.name) or context.scope()
        if cued is not None:
            place, evidence = cued, doc.sentences[i].text
            break
    if place is None and node.label == "Platform":
        place = _named_after_town(context, mentions) or _committee_in_charge(context, first)
    if place is None and (node.label == "Platform" or first.kind in _SCHOOLS):
        place = _within_scope(context, context.finest_district(node.name))
    if place is None and context.doc.scope and (first.kind in ZONE_KINDS or _plan_park(context, first)):
        place = Place("District", context.doc.scope)  # a zone, or a plan's park, with no place in its name
    partner = all(
        context.is_partner(i, m.start - doc.sentences[i].start, m.end - doc.sentences[i].start) for i, m in mentions
    )
    # news places a platform no cue places in the zone its section is about, else in its area; a partner only
    # (与A共建) is where it comes from, unknown; an institute is placed by a cue only (see _SCHOOLS)
    if place is None and context.news and not partner and node.label == "Platform":
        zone = first.kind not in ZONE_KINDS and context.zone_before(index, exclude=node.name)
        place = zone or context.scope()
    if place is not None and place.name != node.name:
        context.graph.edge("LOCATED_IN", node, context.place_node(place, evidence), evidence)


def _named_after_town(context: ProseContext, mentions: list[tuple[int, PlatformMention]]) -> Place | None:
    """A park named after a town the text names (X镇 …, X不锈钢产业园): it lies in that town. The town's short
    form is read wherever the text writes its full name, so it is a town mention opening the park's name."""
    for index, mention in mentions:
        for district in context.layout.districts.get(index, []):
            if district.level == "town" and district.start == mention.start:
                return Place("District", district.name)
    return None


#: A zone's committee among an item's responsible units (责任单位：X经开区管委会、…).
_COMMITTEE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:高新区|经开区|开发区|工业园区))(?:管委会|管理委员会)")


def _committee_in_charge(context: ProseContext, mention: PlatformMention) -> Place | None:
    """A plan's park whose item puts a zone's committee in charge (完善X产业园基础设施。（责任单位：Y经开区管委会）):
    the park lies in that zone, whose committee runs it."""
    if context.news or mention.kind not in _PARKS:
        return None
    text = context.doc.text
    line_end = text.find("\n", mention.end)
    committee = _COMMITTEE.search(text, mention.end, line_end if line_end >= 0 else len(text))
    if committee is None:
        return None
    zone = _expanded(committee.group(1))
    held = [n for n in context.graph.by_label("Platform") if zone in (n.name, *n.alias_rules)]
    return Place("Platform", held[0].name) if held else None


#: …与X共建的Y / 与X共建Y: a body built with a place, right before its name.
_CO_BUILT = re.compile(r"共建的?$")


def _built_with_place(context: ProseContext, index: int, mention: PlatformMention) -> Place | None:
    """A与溧阳共建的Y研究院: an institute a body builds with a place (a city, county, town) lies in that place; built
    with a firm or a university only (与高校共建), it is placed by nothing here."""
    sentence = context.doc.sentences[index]
    verb = _CO_BUILT.search(sentence.text, 0, mention.start - sentence.start)
    if verb is None:
        return None
    at = sentence.start + verb.start()
    for district in context.layout.districts.get(index, []):
        if district.end == at and context.doc.text.endswith("与", 0, district.start) and district.level != "province":
            return Place("District", district.name)
    return None


#: Schools: named after the city they stand in (X学院, X大学). A research institute is as often named after the
#: region it serves or its parent body (X稀土研究院, 中国科学院X研究所): its name's place is no statement of where
#: it lies, and news that names one without a cue does not place it in the text's area or zone either.
_SCHOOLS = frozenset({"大学", "学院"})


#: The verb of a place building a carrier (推动X县加快建设Y园, 支持X镇打造Y基地), right before the carrier's name.
_BUILDS = re.compile(r"(?:加快|全力|积极|着力|高标准|高水平|规划|谋划)?(?:建设|打造|建成|创建|筹建|布局)[“\"]?$")


def _builder(context: ProseContext, index: int, mention: PlatformMention) -> Place | None:
    """X建设Y: the town, county or city (or the zone) that builds carrier Y is where Y lies (支持黄花镇建设
    半导体和电子信息产业园; 推动栾城区建设现代中药产业园); a province builds everywhere, so it places nothing."""
    sentence = context.doc.sentences[index]
    verb = _BUILDS.search(sentence.text, 0, mention.start - sentence.start)
    if verb is None:
        return None
    at = sentence.start + verb.start()
    for district in context.layout.districts.get(index, []):
        if district.end == at and district.level != "province":
            return Place("District", district.name)
    for carrier in context.layout.platforms.get(index, []):
        if carrier.end == at and carrier.kind in CONTAINER_KINDS:
            return Place("Platform", carrier.name)
    return None


#: Parks a plan builds in its own area (``platform_kinds.toml``).
_PARKS = frozenset(PLATFORM_KINDS["parks"])


def _plan_park(context: ProseContext, mention: PlatformMention) -> bool:
    """A park named in a plan for a county or city, with no place in its name: the plan lists the parks of its
    own area (渝北区's plan builds its 空港工业园区 there). Not in news, which reports from anywhere, nor in a
    province's plan, whose area is too wide to say where a park lies."""
    scope = context.doc.scope
    return (
        not context.news
        and mention.kind in _PARKS
        and scope is not None
        and level_of(scope) in ("city", "county")
        and not _in_book_title(context.doc.text, mention.start)
    )


def _in_book_title(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside 《…》 (《“X计划”产业园管理办法》 names a rule, not a park of the area)."""
    opened = text.rfind("《", max(0, at - 40), at)
    return opened >= 0 and "》" not in text[opened:at]


def _within_scope(context: ProseContext, place: Place | None) -> Place | None:
    """长沙经开区 in a 长沙县 text: the text's own area where it lies inside the city the name gives."""
    scope = context.doc.scope
    if place is not None and place.label == "District" and scope and scope.startswith(place.name):
        return Place("District", scope)
    return place


def _mentions_of_aliases(doc: ParsedDocument, graph: DocumentGraph, aliases: dict[str, str]) -> None:
    """Every later use of a defined abbreviation (吴兴高新区) is a mention of the full name."""
    for full, short in sorted(aliases.items()):
        held = [n for n in graph.nodes.values() if n.name == full and n.label in ("Platform", "Institute")]
        if not held:
            continue
        at = doc.text.find(short)
        while at >= 0:  # each use, as a literal search (not a pattern compiled for one name of one document)
            graph.node(held[0].label, full, doc.sentences[sentence_of(doc, at)].text)
            at = doc.text.find(short, at + len(short))
