"""Government departments: recognising them in text and naming them in full.

Documents name departments by a level prefix and a short core (市经信局,
省发展改革委, 区委, 市委人才办). The core → full-name rules below are the
general vocabulary of Chinese local government (经信局 = 经济和信息化局,
发展改革委 = 发展和改革委员会, …), the same in every city; the level prefix
(省/市/区/县) is read in the document's scope, so 市经信局 is
湖州市经济和信息化局 in a 湖州 document and 平湖市经济和信息化局 in a 平湖
one. The short form is kept as an alias. Bodies the lexicon does not know are
still read where the text lists units (责任单位 lists, 专班 member lines),
from their level prefix and an organisational suffix.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib.resources import files

from chainkg.graph.model import Node
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.text_spans import alternation, trie_branches
from chainkg.loaders.text import divisions
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_at
from chainkg.loaders.text.mentions import Mention

_DATA = tomllib.loads(files(__package__).joinpath("departments.toml").read_text(encoding="utf-8"))
#: Short core → full core (general abbreviation rules). Cores not listed keep their written form.
ABBREVIATIONS: dict[str, str] = _DATA["abbreviations"]
#: Cores written as they are (the gold sets keep these short: 市金融办, 市国资委, 市人行).
PLAIN_CORES: list[str] = _DATA["plain_cores"]
#: Party-committee bodies: 市委X → 中共{city}委X.
PARTY_CORES: dict[str, str] = _DATA["party_cores"]
#: National bodies by their usual short names.
NATIONAL: dict[str, str] = _DATA["national"]
#: Suffixes of an organisation (for units the lexicon does not know, in list contexts).
_ORG_SUFFIX = (
    r"(?:领导小组办公室|领导小组|工作专班|专班|管理委员会|管委会|办公室|委员会|集团|中心|局|委|办|厅|部|院|室|所|会|行)"
)
#: Level prefixes: 自治区 is a province's, 州 an autonomous prefecture's (a city-level division).
_PREFIXES = ("省", "自治区", "市", "州", "区", "县", "镇", "街道")
_PREFIX = f"(?:{'|'.join(_PREFIXES)})"
_PREFIX_RE = re.compile(_PREFIX)
_JOB_TITLE = re.compile(
    r"(?:常务)?(?:副)?(?:局长|主任|部长|处长|科长|行长|秘书长|市长|区长|县长|书记|总经理|组长|调研员|干部|巡视员|"
    r"总工程师|总规划师|总统计师|总经济师|总会计师|专员|委员|主席)$"
)
#: A unit's own sub-unit after it (市委组织部人才工作处): the longest department prefix is the member.
_SUB_UNIT = re.compile(r"^(.*[局委办厅部心行会室院团])[\u4e00-\u9fff]{1,12}?(?:处|科|室|中心|所|部|集团)$")
#: A leader's rank in a party committee (市委常委, 区委副书记): a person's office, not a member unit.
_RANK = re.compile(r"^[省市区县]委(?:常委|副?书记)")


class DepartmentMention(Mention):
    """A department named in a text: full canonical name, the written form, its level and place."""

    __slots__ = ()


@lru_cache(maxsize=1024)
def _prefix_division(prefix: str, scope: str | None) -> tuple[str, str] | None:
    """The division a level prefix (省/市/区/县) means in ``scope``: (name used in department names, level).

    Cached: every department a document names asks again with the same few prefixes and its one scope.
    """
    if not scope:
        return None
    chain = [scope, *divisions.ancestors(scope)]
    div = divisions.division(scope)
    if prefix in ("省", "自治区"):
        top = chain[-1]
        return (top, "province") if top.endswith(("省", "自治区")) else None
    if prefix == "市":
        if div is not None and div.level == "county" and scope.endswith("市"):
            return div.name, "county"  # a county-level city: 平湖市经济和信息化局
        city = next((c for c in chain if divisions.level_of(c) == "city"), None)
        return (city, "city") if city else None
    if prefix == "州":
        city = next((c for c in chain if divisions.level_of(c) == "city"), None)
        return (city, "city") if city and city.endswith("州") else None
    if prefix in ("区", "县") and div is not None and div.level == "county":
        return county_area(scope), "county"
    return None


def county_area(canonical: str) -> str:
    """How a county-level division opens the names of its bodies: a county or county-level city by its own
    name (长沙县工业和信息化局, 平湖市…), a city district with its city (湖州市吴兴区…: district names repeat)."""
    div = divisions.division(canonical)
    if div is not None and div.level == "county" and div.name.endswith(("县", "旗", "市")):
        return div.name
    return canonical


@lru_cache(maxsize=4096)
def expand(surface: str, scope: str | None) -> tuple[str, str] | None:
    """Full name and level of a department written ``surface`` (市经信局 → 湖州市经济和信息化局).

    Cached: a document writes the same few departments dozens of times.
    """
    if surface in NATIONAL:
        return NATIONAL[surface], "national"
    match = _PREFIX_RE.match(surface)
    if not match:
        return None
    place = _prefix_division(match.group(0), scope)
    if place is None:
        return None
    area, level = place
    core = surface[match.end() :]
    if core.startswith("委") and (core in PARTY_CORES or core[1:] in ABBREVIATIONS or core in _party_tails()):
        full = PARTY_CORES.get(core, core)
        return f"中共{area}{full}", level
    if core == "税务局":
        return f"国家税务总局{area}税务局", level
    if core == "法院":
        return f"{area}{'中级' if level == 'city' else ''}人民法院", level
    return f"{area}{ABBREVIATIONS.get(core, core)}", level


@cache
def _party_tails() -> frozenset[str]:
    return frozenset(PARTY_CORES)


@cache
def known_cores() -> frozenset[str]:
    """Every department core the lexicon knows, short or full (经信局, 经济和信息化局, 商务局…)."""
    return frozenset({*ABBREVIATIONS, *ABBREVIATIONS.values(), *PLAIN_CORES} - {"委员会", "管理委员会"})


@cache
def _core_pattern() -> re.Pattern[str]:
    """A national name, else a level prefix + a known core; the longest of each.

    Written as top-level branches that each open with a character (the tries of
    the national names, then each prefix with the trie of the cores), which lets
    the engine skip to candidate positions instead of trying the pattern at each
    character (a leading lookahead or group would).
    """
    cores = trie_branches(known_cores() | {*PARTY_CORES, "法院"})
    prefixed = [f"{re.escape(prefix)}(?:{'|'.join(cores)})" for prefix in _PREFIXES]
    return re.compile("|".join([*trie_branches(NATIONAL), *prefixed]))


_GENERIC_UNIT = re.compile(rf"{_PREFIX}[\u4e00-\u9fff（）]{{1,24}}?{_ORG_SUFFIX}")


def _generic(segment: str) -> re.Match[str] | None:
    """A listed unit the lexicon does not know: level prefix, a body, an organisational suffix."""
    return _GENERIC_UNIT.fullmatch(segment)


@cache
def _full_core_pattern() -> re.Pattern[str]:
    """The longest full or abbreviated core (a trie, read once per character: see :func:`alternation`)."""
    return re.compile(alternation({*ABBREVIATIONS.values(), *ABBREVIATIONS, *PLAIN_CORES}))


def _full_name_mentions(text: str, scope: str | None) -> list[DepartmentMention]:
    """Departments written with their district: 湖州市经济和信息化局, 吴兴区市场监督管理局, 浙江省人民政府."""
    out = []
    core_re = _full_core_pattern()
    for mention in divisions.find_districts(text, scope):
        if mention.level in ("town",) or mention.surface.startswith(("全", "我", "本")):
            continue
        match = core_re.match(text, mention.end)
        if not match:
            continue
        core = ABBREVIATIONS.get(match.group(0), match.group(0))
        div = divisions.division(mention.name)
        area = _zone_name(mention.surface, scope) if mention.level == "zone" else county_area(mention.name)
        level = div.level if div is not None else "county"
        out.append(
            DepartmentMention(f"{area}{core}", text[mention.start : match.end()], level, mention.start, match.end())
        )
    return out


def find_departments(text: str, scope: str | None) -> list[DepartmentMention]:
    """Departments named in ``text`` (read in ``scope``), longest reading at each place, in text order.

    Cached per (text, scope): unit lists and table columns repeat the same names row after row.
    """
    if len(text) > 2000:  # a whole document: read once, not kept
        return list(_read_departments(text, scope))
    return list(_find_departments(text, scope))


@lru_cache(maxsize=16384)
def _find_departments(text: str, scope: str | None) -> tuple[DepartmentMention, ...]:
    return _read_departments(text, scope)


def _read_departments(text: str, scope: str | None) -> tuple[DepartmentMention, ...]:
    found = _full_name_mentions(text, scope)
    for match in _core_pattern().finditer(text):
        expanded = expand(match.group(0), scope)
        if expanded:
            found.append(DepartmentMention(expanded[0], match.group(0), expanded[1], match.start(), match.end()))
    return tuple(_longest_first(found))


#: The governments of every division below the document's (各区县人民政府, 各市人民政府, 各州、市人民政府,
#: 各县（市、区）政府): one collective unit, named after the document's own area. Read in unit lists only
#: (a notice's addressee line names them too, as readers, not as units of a measure).
COLLECTIVE = re.compile(r"各(?:设区)?[市县区州盟旗乡镇街道](?:[市县区州盟旗乡镇街道、（）()]{0,10}?)(?:人民)?政府")
_LEVEL_BELOW = {"province": "city", "city": "county", "county": "town"}


def _collective(surface: str, scope: str | None) -> tuple[str, str] | None:
    """Name and level of a collective government (湖州市各区县人民政府), or None without a scope."""
    div = divisions.division(scope) if scope else None
    if div is None:
        return None
    area = county_area(div.canonical) if div.level == "county" else div.name
    body = surface.removesuffix("人民政府").removesuffix("政府")
    return f"{area}{body}人民政府", _LEVEL_BELOW.get(div.level, "county")


def _longest_first(found: list[DepartmentMention]) -> list[DepartmentMention]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[DepartmentMention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


#: What follows a unit in a list: a bracketed remark, a space before a job title.
_REMARK = re.compile(r"[\s〈<（(].*$")
_ZONE_BOARD = re.compile(r"([\u4e00-\u9fff]{2,14}?(?:区|城|园|港))(管委会|管理委员会)")
#: The short forms of zone kinds (曲靖经开区 = 曲靖经济技术开发区), the way zone boards are named in full.
_ZONE_KINDS = (("高新区", "高新技术产业开发区"), ("经开区", "经济技术开发区"))
#: A town's or sub-district's government: 黄花镇人民政府, 马池口镇政府, 某某街道办事处.
_TOWN_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))(?:人民政府|政府|办事处|办)")


@lru_cache(maxsize=8192)
def read_unit(segment: str, scope: str | None) -> DepartmentMention | None:
    """One unit of a list (责任单位 item, a member's office): known core, full name or a generic body.

    A member's office carries a job title and sub-unit (市经信局产业处处长):
    both are cut so the member is the department.
    """
    segment = _REMARK.sub("", segment.strip()) if not segment.startswith("各") else segment.strip()
    if COLLECTIVE.fullmatch(segment):
        collective = _collective(segment, scope)
        return DepartmentMention(collective[0], segment, collective[1], 0, len(segment)) if collective else None
    segment = _JOB_TITLE.sub("", segment)
    segment = segment.removesuffix("及各成员单位")
    if not segment:
        return None
    if _RANK.match(segment):
        return None
    mentions = find_departments(segment, scope)
    if mentions and mentions[0].start == 0 and mentions[0].end == len(segment):
        return mentions[0]
    sub_unit = _SUB_UNIT.match(segment)  # tried only now: it backtracks over the whole segment
    if sub_unit:
        department = sub_unit.group(1)
        found = find_departments(department, scope)
        if found and found[0].start == 0 and found[0].end == len(department):
            return found[0]
    if mentions and mentions[0].start == 0:
        return mentions[0]
    zone = _ZONE_BOARD.fullmatch(segment)
    if zone and not _PREFIX_RE.match(segment):
        return DepartmentMention(f"{_zone_name(zone.group(1), scope)}管理委员会", segment, "county", 0, len(segment))
    town = _TOWN_GOVERNMENT.fullmatch(segment)
    if town:
        return _town_government(town.group(1), segment, scope)
    generic = _generic(segment)
    prefix = _PREFIX_RE.match(segment)
    if generic and prefix:
        place = _prefix_division(prefix.group(0), scope)
        if place:
            body = segment[prefix.end() :]
            body = body.removesuffix("管委会") + "管理委员会" if body.endswith("管委会") else body
            return DepartmentMention(place[0] + body, segment, place[1], 0, len(segment))
    return None


def _zone_name(zone: str, scope: str | None) -> str:
    """A zone's full name: its kind spelt out, opened by its city's short name unless it names a place
    itself (稀土高新区 → 包头稀土高新技术产业开发区, 曲靖经开区 → 曲靖经济技术开发区)."""
    for short, full in _ZONE_KINDS:
        if zone.endswith(short):
            zone = zone.removesuffix(short) + full
            break
    places = [m for m in divisions.find_districts(zone[:8], scope) if m.level in ("province", "city", "county")]
    if places and places[0].start == 0:
        return zone
    city = divisions.city_of(scope) or (scope if scope and divisions.level_of(scope) == "city" else None)
    if not city:
        return zone
    short = divisions.short_form(city) or city
    return zone if zone.startswith(short) else short + zone


def _town_government(town: str, segment: str, scope: str | None) -> DepartmentMention:
    """A town's government, named after its county when the document speaks for one (长沙县黄花镇人民政府)."""
    body = "街道办事处" if town.endswith("街道") else "人民政府"
    town = town.removesuffix("街道") if body == "街道办事处" else town
    div = divisions.division(scope) if scope else None
    area = county_area(scope) if div is not None and div.level == "county" and scope else ""
    return DepartmentMention(f"{area}{town}{body}", segment, "town", 0, len(segment))


def add(graph: DocumentGraph, mention: DepartmentMention, evidence: str, count: int = 1) -> Node:
    """The Department node of a mention (``count`` times), with its written form as alias."""
    rule = "scope-abbreviation" if mention.surface != mention.name else "exact"
    return graph.node(
        "Department", mention.name, evidence, aliases={mention.surface: rule}, count=count, level=mention.level
    )


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Department nodes for every department named (the members of 专班 / 领导小组 are read by
    :mod:`chainkg.loaders.extract.task_forces`, right after)."""
    forms: dict[tuple[str, str, str], list[DepartmentMention]] = {}
    for mention in find_departments(doc.text, doc.scope):
        forms.setdefault((mention.name, mention.surface, mention.level), []).append(mention)
    for mentions in forms.values():  # one node call per written form, counted, with its first sentence
        add(graph, mentions[0], sentence_at(doc, mentions[0].start), count=len(mentions))


# --- the offices that issue a file ---------------------------------------------------------------------------------

#: What an issuing office's name ends with (…人民政府办公室, …工作专班, …领导小组办公室, …厅).
_OFFICE_END = re.compile(r"(?:人民政府|办公室|办公厅|委员会|专班|领导小组|管委会|[厅局委办])$")
#: The last character of an office's name: where a second office of a run of joint issuers may open.
_OFFICE_LAST = frozenset("室厅府会局委班组办")
#: What separates joint issuers written apart (某厅　某委员会, 市委办公室、市政府办公室).
_ISSUER_GAP = re.compile(r"[\s\u3000、,，]+")


def issuing_offices(text: str, scope: str | None) -> list[DepartmentMention]:
    """The offices that issue a file, as its header, its 关于 title or its signature names them, each in full as
    written (an issuer is named by its official name: 某市人民政府办公室 stays the 办公室, not the government).

    Joint issuers stand apart by a space or 、, or run together where the spaces between them were lost in
    conversion (某省工业和信息化厅某省发展和改革委员会): a run is cut where a place or 中共 opens right after
    the last character of an office's name.
    """
    out: list[DepartmentMention] = []
    for part in _ISSUER_GAP.split(text.strip()):
        for piece in _joint_pieces(part, scope):
            unit = _issuing_office(piece, scope)
            if unit is not None:
                out.append(unit)
    return out


def _joint_pieces(run: str, scope: str | None) -> list[str]:
    """A run of office names cut at each office's start (see :func:`issuing_offices`)."""
    opens = {m.start for m in divisions.find_districts(run, scope)} | {m.start() for m in re.finditer("中共", run)}
    cuts = [0, *sorted(at for at in opens if at > 0 and run[at - 1] in _OFFICE_LAST), len(run)]
    return [run[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _issuing_office(name: str, scope: str | None) -> DepartmentMention | None:
    """One issuing office: a unit the lexicon reads whole, else an office's full name as written (a place, then an
    office word at the end: 某市某产业链工作专班, 中共某县委办公室), at the level of the finest place it opens with."""
    unit = read_unit(name, scope)
    if unit is not None and unit.end - unit.start == len(name):
        return unit
    if _OFFICE_END.search(name):
        body = name.removeprefix("中共")
        places = divisions.find_districts(body, scope)
        if places and places[0].start == 0:
            finest = places[0]
            for place in places[1:]:
                if place.start != finest.end:
                    break
                finest = place
            div = divisions.division(finest.name)
            return DepartmentMention(name, name, div.level if div else "county", 0, len(name))
    if unit is None:
        mentions = find_departments(name, scope)
        unit = mentions[-1] if mentions else None
    return unit
