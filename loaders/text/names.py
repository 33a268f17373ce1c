"""Names of organisations: where a name starts in running text, its short forms, the places it opens with.

Chinese prose writes names without spaces, so a firm's or platform's name is
the run of characters before its suffix (有限公司, 产业园, 研究院), cut after the
last cue word that cannot be part of a name (引进, 落户, 位于, 以, 在…). The same
cutting serves enterprises, platforms, institutes and projects. Extraction and
resolution both read names here: a legal name's short forms (what a writer drops)
and a name without the provinces and cities it opens with.
"""

from __future__ import annotations

import re

from chainkg.loaders.text.divisions import find_districts
from chainkg.loaders.text.industry_terms import STRONG_TERMS, WEAK_TERMS

#: Characters a name may hold (quotes are kept so “万亩千亿”新产业平台 stays one name).
NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9（）()“”+·.]"
#: Words after which a name begins: verbs of investment and location, prepositions, list words.
_CUE_WORDS = (
    r"引进|引育|落户|落地|签约|兼并|收购|并购|重组|位于|坐拥|依托|聚焦|围绕|推动|推进|支持|加快|建设|打造|共建|联合|"
    r"创建|建立|成立|组建|入选|获批|入驻|首创|建成|举办|参加|实施|通过|带动|帮助|利用|包括|涵盖|其中|作为|开展|构建|"
    r"以下简称|简称|俯瞰|编制|实现|业主|随着|运作|深化|搭建|培育|发挥|设立|布局|鼓励|积极|加速|成功|现有|已有|目前|以及|还有|便是|就是|来自|前往|赴|与|和|及|对|向|将|为|"
    r"是|被|由|把|在|于|以|从|到|至|的|了|等|这|该|其|各|全国|全省|全市|首批|一批|一家|多家|"
    # adverbs, time words and verbs of upgrading that open a clause before a name (不断升级X平台, 今年一季度基地)
    r"不断|持续|先后|相继|逐步|今年|去年|明年|季度|年度|以上|升级|提升|完善|新增|争取|争创|确保|力争|设置|上线|运行|认定|"
    r"做大|做强|迎来|引导|加强|获选|获评|紧盯|推广应用|本地|(?<=[镇区县市])原|"
    # a rank before a firm's name (行业龙头X, 链主X) and verbs of support
    r"龙头|链主|巩固|壮大|扶持|孵化出|孵化|吸引|携手|联手|牵头|"
    # verbs of news prose a name never holds, whose object or place follows (相信X, 扎根X十余载, 盘点X, 拿出集团…,
    # 改善园区…, 启动X项目; X召开: what stands before 召开 is the place of a meeting, not a firm)
    r"召开|相信|扎根|盘点|改善|拿出|启动"
)
#: The last cue word of a run (greedy ``.*``); the lookahead of first characters spares trying
#: every word at every position while backtracking (trim_left runs once per name found).
_CUE_FIRSTS = "".join(sorted({w[0] for w in _CUE_WORDS.split("|") if not w.startswith("(")} | {"原"}))
#: Longest words first: at the last cue's position 以上 wins over 以 (产值500亿元以上“万亩千亿”新产业平台).
_CUE = re.compile(f".*(?=[{_CUE_FIRSTS}])(?P<cue>{'|'.join(sorted(_CUE_WORDS.split('|'), key=len, reverse=True))})")
_CUE_OPENING = re.compile(f"(?:{'|'.join(sorted(_CUE_WORDS.split('|'), key=len, reverse=True))})")
#: One character opening a run before a one-character cue is a word of its own (也为, 并与) only when it is one
#: of these; else the two belong to one name (华为终端, 中和科技).
_ONE_CHAR_WORDS = frozenset("也还并均已将可再又更亦皆都即就则却仍同共不正且而但现此故乃")
#: The last character of the searched span that cannot be in a name (the greedy ``.*`` backs off from the end):
#: the run of name characters after it is the longest one ending there. One match reading the span once,
#: where searching for the leftmost start of a run up to the end tries a match from every position.
_LAST_NOT_NAME = re.compile(r".*[^" + NAME_CHARS[1:], re.DOTALL)
LEGAL_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团股份|集团|公司)$")
_BRACKET_PLACE = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")
#: Words a firm's short name often ends in (慧仓科技, 海优新材, 银座箱包): its trade.
FIRM_WORD = (
    r"科技|汽车|精密|新材|能源|动力|箱包|制钢|灯具|精机|机床|电子|智能|电气|医药|生物|材料|光电|半导体|股份|"
    r"装备|机械|电器|实业|控股|网络|信息|环境|家居|纺织|服饰"
)
_TRADE_WORDS = tuple(
    sorted({*STRONG_TERMS, *WEAK_TERMS, *FIRM_WORD.split("|"), "化妆品", "贸易"}, key=len, reverse=True)
)


#: The trade words as a set and their lengths, longest first: a name's ending is looked up once per length,
#: not compared with every word (a firm list brings a hundred thousand names).
_TRADE_SET = frozenset(_TRADE_WORDS)
_TRADE_LENGTHS = sorted({len(word) for word in _TRADE_WORDS}, reverse=True)


def trim_left(run: str) -> str:
    """The name inside ``run`` (a run of name characters): what follows the last cue word, without the stray
    quotes of its edges (any opening it, an opening one closing it)."""
    match = _CUE.match(run)
    name = run[match.end() :] if match and not _inside_name(run, match) else run
    name = name.lstrip("“”").rstrip("“")
    if name.endswith(("）", ")")) and not any(b in name for b in "（("):
        name = name[:-1]  # 简称宁波华翔）: the bracket closes the definition, not the name
    return name


def _inside_name(run: str, cue: re.Match[str]) -> bool:
    """Whether the one-character cue matched is the second character of a name (华为终端, 中和科技)."""
    start = cue.start("cue")
    if _CUE_OPENING.match(run):
        return False  # 位于X: the run opens with a cue word (位于), the cut after it stands
    first = run[0]
    return len(cue.group("cue")) == 1 and start == 1 and "\u4e00" <= first <= "\u9fff" and first not in _ONE_CHAR_WORDS


def run_before(text: str, end: int, limit: int = 30) -> tuple[str, int]:
    """The run of name characters ending at ``end`` (at most ``limit`` long) and where it starts."""
    left = max(0, end - limit)
    last = _LAST_NOT_NAME.match(text, left, end)
    start = last.end() if last else left
    return text[start:end], start


def short_forms(full: str, place_prefixes: list[str]) -> list[str]:
    """Short forms a text may use for the legal name ``full``, most distinctive last.

    湖州尚色化妆品有限公司 → 尚色化妆品, 尚色; 津上精密机床（浙江）有限公司 → 津上精密机床, 津上精密:
    the place, the legal suffix and the trade word are what a writer drops.
    """
    core = _BRACKET_PLACE.sub("", LEGAL_SUFFIX.sub("", full))
    for place in sorted(place_prefixes, key=len, reverse=True):
        if core.startswith(place) and len(core) - len(place) >= 2:
            core = core[len(place) :]
            break
    out = [core] if core != full and len(core) >= 2 else []
    for length in _TRADE_LENGTHS:  # the longest trade word the name ends in (one of each length can)
        if len(core) - length >= 2 and core[-length:] in _TRADE_SET:
            out.append(core[:-length])
            break
    return out


def leading_places(name: str) -> list[str]:
    """The places ``name`` opens with, as written (湖州市 of 湖州市八大新兴产业链; 湖州 of 湖州三一装载机有限公司)."""
    return [m.surface for m in find_districts(name, None) if m.start == 0]


def legal_short_forms(full: str) -> list[str]:
    """:func:`short_forms` of a legal name, with the places it opens with read from the name itself."""
    return short_forms(full, leading_places(full))


def without_leading_place(name: str, levels: tuple[str, ...], keep: int) -> str:
    """``name`` without the divisions of ``levels`` it opens with, if at least ``keep`` characters are left."""
    while True:
        cut = next((k for k in (4, 3, 2) if _is_place(name[:k], levels)), 0)
        if not cut or len(name) - cut < keep:
            return name
        name = name[cut:]


def _is_place(text: str, levels: tuple[str, ...]) -> bool:
    """Whether ``text`` is, as a whole, the name of a division of one of ``levels`` (湖州, 浙江省)."""
    return any(m.start == 0 and m.end == len(text) and m.level in levels for m in find_districts(text, None))
