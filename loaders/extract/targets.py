"""Targets and reported figures: value, unit, year, comparator and kind, with their indicator and scope.

Read from indicator tables (:mod:`chainkg.loaders.extract.indicator_tables`) and from
sentences of the genre: ``到2025年，全市传统产业规模达到5000亿元``,
``年均增长6%以上``, ``企业470余家``. A target is set by the measure it stands
in (else the policy) and is FOR the chain a measure is headed by, else the
district the table column names, else the document's scope. In news the
figures are ``actual`` and dated by the year the sentence names or the
document's date.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files

import ahocorasick_rs

from chainkg.graph.model import Node, clean_name, make_uid
from chainkg.loaders.extract import departments
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.indicator_tables import TableValue, read_tables
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.extract.measures import Item, walk
from chainkg.loaders.extract.policy_sections import PolicySection
from chainkg.loaders.text import divisions, numbers
from chainkg.loaders.text.divisions import DistrictMention
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import quote
from chainkg.loaders.text.industry_terms import canonical

#: Words of the subjects and settings of figures (zones' short kinds, location words, zone-building verbs…), as data.
_SUBJECT_WORDS = tomllib.loads(files(__package__).joinpath("target_subjects.toml").read_text(encoding="utf-8"))
UNITS = numbers.UNITS
#: Units that count things: ``建设60个海外仓`` puts the count before the thing counted.
COUNT_UNITS = numbers.COUNT_UNITS
_UNIT_ALT = "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True)))
#: A stated value: number (2/3 is a share), unit, trailing comparator. The first digit stands before the
#: alternation: a pattern that starts with a plain digit is searched for by the engine's fast scan for one,
#: not tried at every position of a clause.
_VALUE = re.compile(
    rf"(?P<num>\d(?:\d*/\d+|\d*(?:\.\d+)?))(?P<approx>余|多)?(?P<unit>{_UNIT_ALT})?(?P<post>以上|左右|以下|以内|余)?"
)
#: Verbs of a plan's goals that put the count before the thing counted (培育10家链主企业, 建设60个海外仓).
_COUNT_VERBS = re.compile(
    r"培育|新增|建设|建成|实施|引进|引育|打造|创建|认定|组织|开展|招引|落地|新建|建立|形成|培训|举办|推动|支持"
)
#: 亿余元 / 万多人: the 余 written inside the unit.
_MAGNITUDE_APPROX = re.compile(r"(万|亿)(余|多)(?=元|美元|人|家|件|台|吨|亩)")
#: Periods that a list of values walks through (一季度30%、二季度65%): the indicator is the first one's, re-dated.
_PERIOD = re.compile(r"[一二三四]季度|上半年|下半年|全年")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
#: The thing a count or size is of: up to the next punctuation or number.
_NOUN = re.compile(r"[^，、。；：:\d（(]+")
#: An index stated without a unit (两化融合指数已达114.29): the number is the index.
_INDEX_BEFORE = re.compile(r"指数(?:已|将)?(?:达到|达|为|提升至|提高到)$")
#: A count of what exists (共4个…, 共有30家…): the thing counted is the indicator.
_TOTAL = re.compile(r"共有?$")
#: Counted actors followed by what they do (1000家企业设立首席质量官).
_ACTOR = re.compile(r"^(企业|单位|园区|平台|机构)([\u4e00-\u9fff“”]{3,})$")
#: A size word ending the words before ``N亿元的X`` (规模, 面积, 总投资): the indicator is X's size.
_METRIC_END = re.compile(r"(?:规模|面积|总投资|投资|产值|总量)$")
#: What stands between an indicator and its value (力争达到, 均不低于, 超 …): a word of each list or none, in this
#: order; the last list's word is the comparator written before the number (``pre``).
_BRIDGE_WORDS: tuple[tuple[str, ...], ...] = (
    ("分别", "均"),
    ("原则上",),
    ("力争", "确保", "争取"),
    ("预计",),
    ("已", "将", "可"),
    ("累计",),
    (
        *("年均增长", "年均下降", "年均增幅", "同比增长", "同比下降", "增长", "下降", "提高到", "提升到", "提升至"),
        *("提高至", "达到", "突破", "超过", "不低于", "不少于", "不超过", "控制在", "保持", "达", "超", "为", "占比"),
    ),
    ("超过", "突破", "超", "接近", "近", "约"),
)
_BRIDGE = re.compile(
    "".join(f"(?:{'|'.join(words)})?" for words in _BRIDGE_WORDS[:-1]) + f"(?P<pre>{'|'.join(_BRIDGE_WORDS[-1])})?$"
)
#: Every character a bridge can hold.
_BRIDGE_CHARS = "".join(sorted({char for words in _BRIDGE_WORDS for word in words for char in word}))
#: A goal's year: 到2025年, 至2026年底, 力争2025年 (a plan or a report of one writes 力争 without 到); not
#: 提升至2024年的…, a point on a path.
_BY_YEAR = re.compile(r"(?:到|至|截至|力争)(20\d{2})年(?!的)")
#: A period of years written with a dash (2025—2027年): its last year.
_PERIOD_YEARS = re.compile(r"20\d{2}\s*[—–\-~～]\s*(20\d{2})年")


def _coming_period(text: str, now: int | None) -> re.Match[str] | None:
    """A period a report states goals for (2025—2027年，集群营业收入保持年均增长8%): one that has not ended by the
    report's year; a closed period (2021—2023年，全市累计…) reports what was done."""
    period = _PERIOD_YEARS.search(text)
    return period if period is not None and now is not None and int(period.group(1)) > now else None


_LEAD = re.compile(
    r"^(?:力争|确保|全年|全市|全省|全区|全县|累计|其中|每年|并|实现|完成|三年|五年|同时|以上|今年以来|今年|截至目前|目前|已|共)+"
)
#: A change stated after a level (总产值67.86亿元，同比增长36%): the change of that level.
_CHANGE = re.compile(r"^(?:同比|比上年|较上年|年均)?(?:增长|下降|增加|减少|提高|增幅|降幅)$")
#: A share stated after a level (销售额达9亿元，占市场总量的60%): the level's share.
_SHARE = re.compile(r"^占[^，。；\d]{1,12}$")
_CLAUSE = re.compile(r"[，；。,;：:]")
#: Figures that are not goals: subsidies and rewards, entry thresholds (亩均税收低于1万元的企业).
_NOT_TARGET = re.compile(r"奖励|补助|补贴|资助|奖补|给予|低于|不足|小于|最高|单个|单家|每家")
#: What one project will do once built (达产后年产…, 建成后将新增产能…, 规划年产…): a project's size, not a goal.
_PROJECT_CAPACITY = re.compile(r"达产|投产后|建成后|满产|可年产|规划年产|^投资年产")
#: A single project's size (某某项目总投资, 项目占地, 投资): no target, unless the projects counted are a batch
#: (签约项目, 开工项目, 亿元以上项目), whose sum is a figure of the area.
_PROJECT_SIZE = re.compile(
    r"(?:^|计划|协议)(?:总投资|投资额?)$|项目.{0,4}(?:总投资|投资额?|占地|用地)$|规划(?:用地|占地)$"
)
_BATCH = re.compile(r"签约|开工|在建|落地|竣工|投产|重点|重大|以上|新建|续建|集中")
#: A project's own figures in brackets after its name (某某项目（原料10万吨、制品5万吨）): its size, no target.
_PROJECT_BRACKET = re.compile(r"项目[（(][^（）()]*[）)]")
#: What a sum of money is for when it is one project: 投资6亿元的年产…项目, 总投资50亿元的某某基地项目 (read after 的).
_ONE_PROJECT_NEXT = re.compile(r"年产|[^，、。；：:\d]{0,30}?(?:项目|工程)")
#: The words of a project's output that a list goes on with (规划年产A 36万吨、B 22万吨): each item is that output.
_CAPACITY_LEAD = re.compile(r"^.*?(?:达产后?|投产后|建成后|满产后?|可年产|规划年产)")
#: A thing counted that is named by a threshold (2家营业收入超500亿元的链主企业): the noun runs through the threshold.
_THRESHOLD_NOUN = re.compile(
    r"[^，、。；：:\d（(]{1,12}?(?:超过|超|过|突破|达到|达)\d+(?:\.\d+)?(?:万亿|亿|万)?元(?:以上)?的[^，、。；：:\d（(]{1,12}"
)
_ITEM_START = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[、.．）)]")


#: A year written between an indicator and its value (…企业2024年突破3.5万家): the year the value is for.
_YEAR_BEFORE_VALUE = re.compile(r"(20\d{2})年(?:底|末)?\s*$")
_YEAR_LEAD = re.compile(r"^(?:截至|到|至)?20\d{2}年(?:底|末)?")
#: A goal's year written inside an indicator's words (某某产业力争2025年产值…): the target's year, not its name.
_STRIVE_YEAR = re.compile(r"力争(?:到|至)?20\d{2}年(?:底|末)?")
#: The words of a clause up to its year (全市…到2025年底): not the subject of a 分别 list.
_UP_TO_YEAR = re.compile(r"^.*?(?:到|至)20\d{2}年(?:底|末)?")
_AND = re.compile(r"[和、及与]")
_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_ENDS_IN_DIGIT = re.compile(r"\d$")
_YEAR_AFTER = re.compile(r"\d*年")


#: A list's numbering opening a line of goals (1.地区生产总值增长5.5%, （2）…, ③…): no part of the indicator.
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")


@lru_cache(maxsize=8192)
def _indicator_name(raw: str, verb: str) -> str:
    """The indicator named by the words before a value, without leading 全市/力争/到2025年 (cached: a plan names
    its indicators again in other sentences and in other plans, and each naming costs three substitutions)."""
    name = clean_name(_LEAD.sub("", _ITEM_NUMBER.sub("", raw.strip(" ，、"))))
    name = _YEAR_LEAD.sub("", name)
    if "力争" in name:
        name = _STRIVE_YEAR.sub("", name)
    name = _LEAD.sub("", name)
    if verb.startswith(("年均", "同比")):
        name += verb
    return name.strip("的")


#: Words before a reported count that say when or which, not what (现有, 该服务点已…).
_NEWS_LEAD = re.compile(
    r"^(?:现有|现已|该|已|目前|当前|共有|共|总共|\d{1,2}(?:至|-|—|－)\d{1,2}月份?|[一二三四]季度|上半年)+"
)
#: What a count is named as, by its unit (News reports 企业470家; the indicator is 企业数量).
_COUNT_NOUN = {
    "人次": "人次",
    "万人次": "人次",
    "次": "次数",
    "场": "场次",
    "人": "人数",
    "万人": "人数",
    "名": "人数",
}
#: Money reported after an activity (完成外贸出口208.5亿元): the indicator is its amount (外贸出口额).
_MONEY_UNITS = frozenset("亿元 万元 元 亿美元 万美元".split())
_ACTIVITY_END = ("出口", "进口", "销售", "交易", "成交", "融资")
_COUNTED_END = ("数量", "数", "人次", "次数", "场次", "人数", "人才", "率", "额", "值", "量", "规模", "面积")
#: Words between a reported count's noun and its number (企业共计470家).
_NEWS_TAIL = re.compile(r"(?:共计|共有|合计|累计|总计|共|已)+$")
#: Who acted together before a count's verb (市监局联合某小镇培育…企业3家): the actors are no part of the name.
_JOINT_ACTORS = re.compile(rf"^[^，。]{{2,24}}?(?:联合|会同|携手)[^，。]{{2,12}}?(?={_COUNT_VERBS.pattern})")
#: A yearly output (年产各类童装15亿件): the indicator is the product's 年产量.
_YEARLY_OUTPUT = re.compile(r"^年产(?:各类|各种)?(.{2,})$")


@lru_cache(maxsize=8192)
def news_indicator(name: str, unit: str) -> str:
    """A reported figure's indicator named as gold sets and statistics name them: 龙头企业10家 → 龙头企业数量,
    办理业务1500次 → 办理业务次数; leading 现有/该/已 dropped. Cached, as :func:`_indicator_name` is."""
    name = _NEWS_TAIL.sub("", _LEAD.sub("", _NEWS_LEAD.sub("", _BRACKETED.sub("", name)))) or name
    name = _JOINT_ACTORS.sub("", name)
    yearly = _YEARLY_OUTPUT.match(name)
    if yearly:
        return yearly.group(1) + "年产量"
    if unit in _MONEY_UNITS and name.endswith(_ACTIVITY_END):
        name += "额"
    if unit in COUNT_UNITS and not name.endswith(_COUNTED_END):
        name += _COUNT_NOUN.get(unit, "数量")
    return name


def _target_node(
    graph: DocumentGraph,
    indicator: Node,
    scope: Node,
    year: int | None,
    kind: str,
    value: float,
    evidence: str,
    *,
    unit: str,
    comparator: str,
) -> Node:
    key = (indicator.uid, scope.uid, str(year), kind, f"{value:g}")
    # written as its display form: node names are clean already, so clean_name, which would take out
    # the spaces between the parts, finds nothing to change (a target is new each time: no cache answers)
    name = f"{indicator.name}{scope.name}{year}"
    target = graph.node(
        "Target", name, evidence, key=key, value=value, year=year, kind=kind, unit=unit, comparator=comparator
    )
    graph.edge("OF_INDICATOR", target, indicator, evidence)
    graph.edge("FOR", target, scope, evidence)
    return target


def _scope_node(graph: DocumentGraph, name: str | None, evidence: str) -> Node | None:
    if not name:
        return None
    div = divisions.division(name)
    return graph.node("District", name, evidence, level=div.level if div else "zone")


@dataclass
class _Known:
    """What a document has stated so far: targets by (scope, year, value), indicators by unit.

    A plan restates a figure in its text and its table, in a list table and an
    area table; those are one target. And an indicator written 组织实施各类重点研发项目 in
    the text and 实施各类重点研发项目 in the table is one indicator.
    """

    targets: dict[tuple[str, int, float], list[tuple[str, bool]]] = field(default_factory=dict)
    indicators: dict[str, list[Node]] = field(default_factory=dict)
    places: dict[str | None, Node | None] = field(default_factory=dict)
    chains: dict[str, str] = field(default_factory=dict)  # the document's chains by every name

    def chain_measured(self, indicator: str, measure: re.Pattern[str] | None = None) -> tuple[str, str] | None:
        """The chain an indicator measures when it is a chain the document names and a chain's measure right after
        it (推动工程机械本地配套率, 建成新能源电池产能): by the document's own chains, so a trade's name is none."""
        words = _AREA_LEAD.sub("", indicator)
        verb = _COUNT_VERBS.match(words)
        words = words[verb.end() :] if verb else words
        for end in range(len(words) - 1, 1, -1):  # the longest name the words open with first
            name = self.chains.get(words[:end])
            if name is not None and (measure or _CHAIN_MEASURE).fullmatch(words, end):
                return "IndustryChain", name
        return None

    def place(self, graph: DocumentGraph, name: str | None, evidence: str) -> Node | None:
        """The District node a target is for (one per name per document: a target is no mention of it)."""
        if name not in self.places:
            self.places[name] = _scope_node(graph, name, evidence)
        return self.places[name]

    def seen(self, scope: Node, year: int, value: float, name: str, *, table: bool) -> bool:
        """True when this value was stated already for the same indicator; else remember it.

        A table's wording may differ from the text's (整治高耗低效企业 / 高耗低效整治企业数), so
        a table entry matches on a shared term; two sentences must name the indicator alike.
        """
        key = (scope.uid, year, value)
        for other, from_table in self.targets.get(key, ()):
            if _same_indicator(name, other, loose=table or from_table):
                return True
        self.targets.setdefault(key, []).append((name, table))
        return False

    def indicator(self, graph: DocumentGraph, name: str, unit: str, evidence: str) -> Node:
        """The document's indicator of that name and unit: an earlier one written with a word more or less, or new."""
        name = clean_name(name)
        for node in self.indicators.get(unit, ()):
            other = node.name
            if other != name and _ADDED.sub("", other) == _ADDED.sub("", name):
                continue  # 新增产能 and 产能: what is added and the level, two indicators
            if (other in name or name in other) and min(len(other), len(name)) >= 4:
                if min(len(other), len(name)) * 5 >= max(len(other), len(name)) * 3:
                    return graph.node("Indicator", other, evidence, aliases={name: "restated"}, unit=unit)
        node = graph.node("Indicator", name, evidence, unit=unit)
        self.indicators.setdefault(unit, []).append(node)
        return node


def _table_targets(
    doc: ParsedDocument, graph: DocumentGraph, section: PolicySection, policy: Node, stated: _Known
) -> None:
    year = section.years[1] if section.years else None
    whole_chain = plan_chain(section.name, doc.scope)
    rows: dict[str, tuple[str, Node | None]] = {}  # a row's source wording and indicator, read once per row
    # A row holds a tab and no line break, so it stands on a line with a tab: it is sought from the line of
    # the section's first tab on, not through all the prose before the table (the first match is the same).
    first_tab = doc.text.find("\t", section.start)
    rows_from = max(section.start, doc.text.rfind("\n", 0, first_tab) + 1)
    for value in read_tables(doc.text[section.start : section.end], doc.scope, year):
        named = None if value.area else chain_named(value.indicator)
        chain = named or (None if value.area else _unless_area_wide(whole_chain, value.indicator))
        if named is not None:  # 工程机械产业链产值 → 产值 of the chain: the chain is the scope, not the indicator
            value = replace(value, indicator=_after_chain(value.indicator))
        if value.year is None:
            continue
        if value.row not in rows:
            at = doc.text.find(value.row, rows_from)
            rows[value.row] = (quote(doc, at, at + len(value.row)) if at >= 0 else value.row, None)
        evidence, indicator = rows[value.row]
        scope = graph.node(*chain, evidence) if chain else stated.place(graph, value.area or doc.scope, evidence)
        if scope is None or stated.seen(scope, value.year, value.value, clean_name(value.indicator), table=True):
            continue  # a second table (list and area layouts) restating the same value: one target
        if indicator is None:
            indicator = _table_indicator(doc, graph, value, stated, evidence)
            rows[value.row] = (evidence, indicator)
        _store_table_value(graph, policy, value, scope, indicator, evidence)


def _table_indicator(
    doc: ParsedDocument, graph: DocumentGraph, value: TableValue, stated: _Known, evidence: str
) -> Node:
    """The indicator a table row is about, OWNED_BY the unit its 责任单位 column names."""
    indicator = stated.indicator(graph, value.indicator, value.unit, evidence)
    if value.owner:
        unit = departments.read_unit(value.owner, doc.scope)
        if unit is not None:
            graph.edge("OWNED_BY", indicator, departments.add(graph, unit, evidence), evidence)
    return indicator


def _store_table_value(
    graph: DocumentGraph, policy: Node, value: TableValue, scope: Node, indicator: Node, evidence: str
) -> None:
    target = _target_node(
        graph,
        indicator,
        scope,
        value.year,
        "target",
        value.value,
        evidence,
        unit=value.unit,
        comparator=value.comparator,
    )
    graph.edge("SETS", policy, target, evidence)


def _item_at(items: list[Item], starts: list[int], offset: int) -> Item | None:
    """The innermost item whose text begins at or before ``offset`` (``starts`` are the items' starts, in order)."""
    index = bisect.bisect_right(starts, offset) - 1
    return items[index] if index >= 0 else None


def _chain_of(item: Item | None, doc: ParsedDocument) -> tuple[str, str] | None:
    """The chain an item or one of its ancestors is headed by (1.健康座椅 → 健康座椅)."""
    while item is not None:
        title = clean_name(item.title)
        for mention in find_industries(item.title, doc.scope):
            if mention.name == title or mention.surface == title or _qualified_chain(title, mention.surface):
                return mention.label, mention.name  # 3.时尚童装: the chain the vocabulary knows as 童装
        item = item.parent
    return None


def _qualified_chain(title: str, surface: str) -> bool:
    """Whether a heading is a chain's name with a qualifier before it (时尚童装 for the vocabulary's 童装, 高端
    医疗器械): short, ending in the name, no verb or group word before it."""
    qualifier = title[: -len(surface)] if title.endswith(surface) else ""
    return (
        2 <= len(qualifier) <= 4
        and len(title) <= 10
        and _TWO_HAN.fullmatch(qualifier[:2]) is not None
        and not _opens_with_verb(qualifier)
        and not _COUNT_VERBS.search(qualifier)
        and not _NOT_ONE_CHAIN.search(qualifier)
    )


#: Words that may stand before the chain an indicator opens with (全市新能源汽车产量, 其中动力电池产业链企业).
_AREA_LEAD = re.compile(r"^(?:全[省市区县州旗]|我[省市区县]|本[省市区县]|其中|累计|现有|目前|共有)+")


#: What opens a plan's title before the chain it is about: the issuer's 关于 and the plan's verb (推进, 支持).
_TITLE_LEAD = re.compile(
    r"^(?:.*?关于)?(?:加快|推进|推动|促进|支持|做强|做大|壮大|培育|发展|提升|打造|实施|聚焦|集聚|引进|新增|建设)*"
)
#: The chain a title or indicator opens with: the words before its first 产业链 / 产业 / 全产业链.
_CHAIN_HEAD = re.compile(r"^([^\d，、。；,;:：“”\"的和与等]{2,12}?)(?:全产业链|产业链|产业集群|产业)")
#: Words that make a group of chains or the economy at large, not one chain (八大新兴, 重点, 制造业).
_NOT_ONE_CHAIN = re.compile(
    r"[一二三四五六七八九十两\d]+大|新兴|重点|主导|优势|特色|传统|未来|战略性|^先进制造|^制造业|^工业|^全[省市区县]|年$|链$"
    r"|核心$|高新技术|数字经济|文化|旅游|^现代"
    r"|^每|^各|一批|去年|今年|^我[省市区县]|[千百万]亿"  # 每个产业链…, 去年我市产业链…, 千亿元级产业链群: no one chain
    r"|龙头|企业"  # 强龙头壮产业行动方案, 龙头企业产业链…: firms, not a chain
)


def _chain_head(text: str) -> str | None:
    """The one chain ``text`` opens with by its wording (新能源电池产业链… → 新能源电池), whatever the vocabulary."""
    match = _CHAIN_HEAD.match(text)
    if match is None or _NOT_ONE_CHAIN.search(match.group(1)):
        return None
    return match.group(1)


#: Indicators of the area's economy at large (规上工业增加值, 制造业项目, 开工率, 低效用地, 海外仓), and what a
#: government spends or trains for all its trades (专项资金, 引导基金, 培训技术工人, 引进人才) or installs in its grid
#: and streets (新型储能装机, 充电桩, 基础设施), and its industry at large (工业劳动生产率): the area's figures even
#: in a one-chain plan, which sets them for the whole city.
_AREA_WIDE = re.compile(
    r"规上工业|规模以上工业|工业增加值|工业投资|制造业|生产总值|开工率|用地|土地|海外仓|全社会|卓越绩效"
    r"|资金|基金|培训|人才|装机|充电|基础设施|^工业"
)


def area_wide(indicator: str) -> bool:
    """Whether an indicator measures the area's economy at large, not the plan's chain."""
    return _AREA_WIDE.search(indicator) is not None


def plan_chain(title: str, scope: str | None) -> tuple[str, str] | None:
    """The one chain a plan's title names (某市新能源电池产业链高质量发展实施方案 → 新能源电池), or None.

    A one-chain plan's area-wide figures (产业链营业收入, 本地配套率) are the chain's: the chain is their scope,
    not the plan's area. A plan of several chains (产业链建设工作要点, 八大新兴产业链) names none.
    """
    place = divisions.leading_district(title[:16], scope)
    rest = _TITLE_LEAD.sub("", title[place.end :] if place else title)
    place = divisions.leading_district(rest[:16], scope)  # 某市人民政府关于推进某区…: the place after 关于
    head = _chain_head(_TITLE_LEAD.sub("", rest[place.end :]) if place else rest)
    if head is None:
        return None
    return "IndustryChain", canonical(head)


#: An indicator that opens with a chain by its wording: X产业链…, X产业集群…, or X产业 and a size (X产业产值).
_CHAIN_FIGURE = re.compile(
    r"^([^\d，、。；,;:：“”\"的和与等]{2,12}?)(?:全产业链|产业链|产业集群"
    r"|产业(?=(?:累计)?(?:实现|完成)?(?:规上工业|规模以上工业)?(?:产值|规模|营业收入|营收|开票|销售|总产值|投资)))"
)


def _after_chain(indicator: str) -> str:
    """An indicator without the chain it opens with (工程机械产业链产值 → 产值), or as it is when nothing follows."""
    name = _AREA_LEAD.sub("", indicator)
    place = divisions.leading_district(name[:12], None)
    name = name[place.end :] if place is not None and len(name) - place.end >= 4 else name
    match = _CHAIN_FIGURE.match(name)
    rest = name[match.end() :] if match else ""
    return rest if len(rest) >= 2 else indicator


def _opens_with_verb(words: str) -> bool:
    """Whether ``words`` open with a plan's verb (集聚, 推进): an action, not a chain's name."""
    lead = _TITLE_LEAD.match(words)
    return lead is not None and lead.end() > 0


@lru_cache(maxsize=8192)
def chain_named(indicator: str) -> tuple[str, str] | None:
    """The chain an indicator opens with (工程机械产业链产值, 全市动力电池产业链企业数量): its figure is the chain's.

    Read by wording, not vocabulary: a term of an industry (化妆品生产企业总产值) names a trade, not the chain's
    figure, and aggregates of the economy (数字经济核心产业, 高新技术产业) are the area's. Cached, as
    :func:`_indicator_name` is: asked for every figure, and a plan's table restates its text's indicators.
    """
    name = _AREA_LEAD.sub("", indicator)
    place = divisions.leading_district(name[:12], None)
    if place is not None and len(name) - place.end >= 4:
        name = name[place.end :]  # 某市某某产业产值: the place's chain is the chain
    match = _CHAIN_FIGURE.match(name)
    if match is None:
        return None
    head = match.group(1)
    if _NOT_ONE_CHAIN.search(head) or _opens_with_verb(head) or _COUNT_VERBS.match(head):
        return None
    if divisions.leading_district(head, None) is not None or "产值" in head or "占" in head:
        return None  # 柳州新能源汽车…: a place's chain is read with the place; 产值占…: a share, not a chain
    if name[match.end() :] in ("", "数量", "数"):  # 孵化型产业链数量: a count of chains, not a chain's figure
        return None
    return "IndustryChain", canonical(head)


@dataclass(slots=True)
class Figure:
    """One value read from a clause: the indicator as written, the value, its unit and comparator."""

    indicator: str
    value: float
    unit: str
    comparator: str
    scope: tuple[str, str] | None = None  # (label, name) when the clause names it (分别 lists of chains)
    settled: bool = False  # the scope is decided (None: the document's area): no subject named before replaces it
    year: int | None = None  # the year the clause writes right before the value (…2024年突破3.5万家、2025年…)
    baseline: bool = False  # the starting point of a change (从2022年的11%提升至…): what was, not a goal


def read_figures(clause: str, scope: str | None = None, *, news: bool = False) -> list[Figure]:
    """The figures a clause states: ``规上工业增加值增长7%以上``, ``建设60个海外仓``,
    ``A、B产值分别达到1000亿元、500亿元``.

    A value written before a noun (``10亿元以上重大项目``) qualifies that noun and
    becomes part of the next indicator's name; a count before a noun
    (``实施500项技术改造项目``) is the value of verb + noun. News reports counts after any short verb
    (``出口涵盖153个国家``, ``服务超过800个商家``), not only after a plan's verbs (``news``).
    """
    clause = numbers.arabic_figures(clause)  # 五千亿元 → 5000亿元: one reading for both ways of writing
    if "至" in clause or "-" in clause or "到" in clause or "—" in clause or "~" in clause:
        clause = _RANGE_FROM.sub("", clause)  # 1至2个, 3-5家: the range's upper end is the figure
    if "余" in clause or "多" in clause:  # 9亿余元 → 9余亿元 (same length, offsets kept)
        clause = _MAGNITUDE_APPROX.sub(r"\2\1", clause)
    indexed = "指数" in clause  # an index stated without a unit needs the word (checked once, not per number)
    # A number with a unit is a figure (no unit starts with 年); one without is a share (2/3) or an index, if
    # no 年 follows its digits (2025年). The unit is asked first: it decides most numbers alone.
    values = [
        m
        for m in _VALUE.finditer(clause)
        if m.group("unit")
        or (
            ("/" in m.group("num") or (indexed and _INDEX_BEFORE.search(clause, 0, m.start())))
            and not _YEAR_AFTER.match(clause, m.end("num"))
        )
    ]
    if not values:
        return []  # a date, a code or a bare number: no figure, and no 分别 list to pair
    path = _FROM_TO.search(clause)
    if path is not None:
        return _from_to(path, scope)
    out: list[Figure] = []
    segment = 0
    organised = _ORGANISED.search(clause)  # one of each per chain (由1名…, 以1个…, 依托1个…): no figures
    counting = ""  # the verb of a count written before what it counts (培育10家A、50家B和8家C: 培育 counts each)
    joined = False  # the last thing counted ended in 和/及/与: the next count is of the same list
    # 企业（平台、项目） is one name: a 、 inside brackets does not end the words before a value
    masked = _BRACKETED.sub(lambda m: m.group(0).replace("、", "·"), clause) if "、" in clause else clause
    project_sizes = [m.span() for m in _PROJECT_BRACKET.finditer(clause)] if "项目" in clause else []
    for match in values:
        if any(start < match.start() < end for start, end in project_sizes):
            segment = match.end()
            continue  # 某某项目（原料10万吨、制品5万吨）: the project's size
        after = clause[match.end() : match.end() + 1]
        listed = masked.rfind("、", 0, match.start()) + 1
        list_item = 0 < listed and segment <= listed  # the words after a 、 of a list, not after another value
        listed_before = clause[segment : listed - 1] if list_item else ""  # the list's items before this one
        raw = clause[max(segment, listed) : match.start()]
        head, bridge = _bridge(raw)
        unit = _unit_of(match) or ("" if indexed and _INDEX_BEFORE.search(clause, 0, match.start()) else "%")
        if after == "的" and not match.group("post"):
            # 规模不低于100亿元的区域引导基金: the size of the thing named next; 总投资10亿元以上的
            # 制造业重大项目: a threshold qualifying the thing counted next
            metric = _METRIC_END.search(head)
            noun = _NOUN.match(clause, match.end() + 1)
            if not metric or not noun:
                continue
            if clause[noun.end() : noun.end() + 1].isdigit():
                continue  # 产值超50亿元的重点项目突破10个: a threshold of the things counted next, no size
            if metric.group(0).endswith("投资") and _ONE_PROJECT_NEXT.match(clause, match.end() + 1):
                segment = match.end()
                continue  # 投资6亿元的年产…项目: one project's investment, no target
            head = noun.group(0) + metric.group(0)
        elif after == "的":
            continue
        elif after and _is_word(after):
            if head.endswith("等") and unit == "家" and "企业" in clause[match.end() : match.end() + 12]:
                head = ""  # 甬金、宏旺等100余家企业: the firms named are examples of those counted, no part of the name
            elif (
                head.endswith("等")
                and _EXAMPLED.match(clause, match.end())
                and (acted := _last_count_verb(clause, match.start()))
            ):
                # 已落地某某集团等27个项目, 新招引A、B等15个项目: the examples after the verb are no part of it
                head = head[: head.find(acted.group(0)) + len(acted.group(0))] if acted.group(0) in head else acted[0]
            verb = _LEAD.sub("", head.strip())
            noun = _NOUN.match(clause, match.end())
            acting = _ACTOR.match(noun.group(0)) if noun and unit in COUNT_UNITS and len(verb) <= 4 else None
            size = _SIZE_AFTER.match(clause, match.end())
            if noun and _MEMBERSHIP.search(noun.group(0)):
                continue  # 是全省12条重点产业链之一, 12条重点产业链中的…: the set it belongs to, no figure
            if _FOCUSED.search(verb):
                continue  # 围绕12条重点产业链, 聚焦8大产业: the set a plan works on, no goal
            if organised and match.group("num") == "1":
                continue  # 每条产业链由1名领导任链长，以1个部门为责任单位，依托1个联盟和1个机构: how it is run
            if size:  # 驱动电机已形成120万台产能: the size of what is named before the verb
                head = _HAVING.sub("", head) + size.group(0)
            elif acting:  # 为1000家企业提供质量管家服务: the firms that do it are counted
                head = acting.group(2) + acting.group(1)
            elif noun and unit in COUNT_UNITS and _TOTAL.search(head):  # 共4个全国性产业集群: how many there are
                head = noun.group(0)
            elif counting and noun and unit in COUNT_UNITS and not verb.strip(_JOINERS) and (list_item or joined):
                words, joined = _counted_item(noun, clause)
                head = counting + words  # …、50家B / …和8家C: the list's verb counts it
                segment = noun.end() if joined else segment
            elif unit not in COUNT_UNITS or len(verb) > 6 or not (news or _COUNT_VERBS.search(verb)):
                continue  # a qualifier: 3亿元以上项目
            else:
                acted = _COUNT_VERBS.search(head)  # the verb the list's later counts share (not who acts before it)
                counting = head[acted.start() :] if acted else ""
                # 50条具有较高集聚性、根植性、先进性的重点产业链: what is counted follows the last 的
                qualified = _QUALIFIED_LIST.match(clause, match.end())
                counted = qualified or _THRESHOLD_NOUN.match(clause, match.end()) or noun
                words, joined = _counted_item(counted, clause) if counted else ("", False)
                head += qualified.group(1) if qualified else words
                segment = counted.end() if counted and joined else segment  # the words before the next count
        segment = max(segment, match.end())
        value = numbers.parse_number(match.group("num"))
        if value is None or _NOT_TARGET.search(head):
            continue
        dated = _YEAR_BEFORE_VALUE.search(head)  # 企业2024年突破3.5万家、2025年突破3.8万家: a value per year
        name = _indicator_name(head[: dated.start()] if dated else head, bridge)
        if "分别" in bridge or (not name and out and "分别" in clause[: match.start()]):
            continue  # 分别 lists are read as a whole below
        if dated and not name and out and list_item:
            name = out[-1].indicator  # …、2025年突破3.8万家: the same indicator, another year
        if len(name) < 2 or len(name) > 30 or not _TWO_HAN.search(name) or _ENDS_IN_DIGIT.search(name):
            continue
        if _COUNTED_FIRST.match(name):
            continue  # 其中3个营业收入超2000亿元: a threshold of some of what was counted, no figure of its own
        if _CHANGE.match(name) and out:
            name = out[-1].indicator + name
        elif list_item and out and (capacity := _CAPACITY_LEAD.match(out[-1].indicator)):
            name = capacity.group(0) + name  # 规划年产A 36万吨、B 22万吨: B is that output too
        name = _without_place(name, scope).lstrip("的")
        period = _PERIOD.fullmatch(name)
        if period and out and _PERIOD.search(out[-1].indicator):
            name = _PERIOD.sub(period.group(0), out[-1].indicator, count=1)
        comparator = numbers.comparator(bridge, match.group("approx") or match.group("post") or "")
        shared = _sharing(listed_before, name) if bridge.startswith("均") else [name]  # A、B产能均…: A's and B's
        year = int(dated.group(1)) if dated else None
        out.extend(Figure(each, value, unit, comparator, year=year) for each in shared)
    return out + _respectively(clause, values, scope) if "分别" in clause else out


#: A measure the items of a list share when one value is stated for all of them with 均.
_SHARED_MEASURE = re.compile(r"(?:年?产能|年?产量|总?产值|营业收入|营收|规模|销售额|出口额|占比)$")


def _sharing(items: str, name: str) -> list[str]:
    """The indicators of the items of a list whose last item names the measure they all share (单晶硅棒、硅片产能
    均超过80吉瓦 → 单晶硅棒产能, 硅片产能; A、B和C产量均… → A产量, B产量, C产量); ``items``: those before the
    last 、. Just ``name`` when it names no such measure or no list."""
    measure = _SHARED_MEASURE.search(name)
    if measure is None or measure.start() == 0:
        return [name]
    words = [*_AND.split(items), *_AND.split(name[: measure.start()])] if items else _AND.split(name[: measure.start()])
    names = [_indicator_name(word, "") for word in words]
    return [word + measure.group(0) for word in names if len(word) >= 2] or [name]


#: The firms of a batch of projects (A、B、C等一批某某项目相继动工，总投资合计40亿元): the sum is the batch's; firms
#: named as examples of those counted (A、B等上百家企业集聚): the count is of the zone or area named before them.
_BATCH_OF_FIRMS = re.compile(
    r"等(?:一批|多个|\d+个|[一二三四五六七八九十]+个)?[^，。；]{0,16}项目"
    r"|等(?:上|逾|近)?(?:\d+|[一二三四五六七八九十百千]+)余?家[^，。；]{0,12}企业"  # A、B等上百家企业
)


def _listed_firms(text: str, offset: int, start: int) -> tuple[int, int] | None:
    """Where a sentence, up to a figure's clause end, lists firms as a batch's owners or as examples of those
    counted (…A、B等一批项目…, …A、B等上百家企业…): from its clause's start to the 等, in the document's
    offsets (``start``: the sentence's). The firms named there are not the figure's subject; None when none is."""
    batches = [match.start() for match in _BATCH_OF_FIRMS.finditer(text, 0, offset)]
    if not batches:
        return None
    return start + max(text.rfind(mark, 0, batches[-1]) for mark in "，。；,;") + 1, start + batches[-1]


#: Who speaks a quoted figure, named right after the quote closes (”某某经开区招商局负责人介绍): the body's zone or
#: town is the figure's subject.
_SPEAKER = re.compile(r"\s*[”\"]?\s*([^，。；“”\"]{2,24}?)(?:有关|相关)?(?:主要)?负责人(?:介绍|表示|说|称|指出)")


def _speaker(text: str, end: int) -> re.Match[str] | None:
    """The speaker named right after a quote that closes at or just after ``end`` (a sentence's end), if any."""
    closed = text.endswith(("”", '"'), 0, end) or text.startswith(("”", '"'), end)
    return _SPEAKER.match(text, end) if closed else None


#: A size noun written right after its value, ending the clause (已形成120万台产能, 形成500亿元产值).
_SIZE_AFTER = re.compile(r"(?:年)?(?:产能|产量|产值|规模)(?=[，。；、,;]|$)")
#: The verb between what has a size and the size (已形成, 具备, 拥有).
_HAVING = re.compile(r"(?:已经|已|将|可)?(?:形成|具备|具有|拥有|达到|实现)$")
#: A clause that goes on with the figure before it to a later year (…，到2025年将突破300万台): a value, no name.
_CONTINUED = re.compile(
    r"(?:(?:到|至)?(?P<year>20\d{2})年(?:底|末)?)?(?:将|力争|预计|有望)?"
    r"(?P<bridge>突破|达到|超过|达|增至|提升至|提高到|提高至|提升到)"
    rf"(?P<num>\d+(?:\.\d+)?)(?P<unit>{_UNIT_ALT})?(?P<post>以上|左右)?"
)


def _continued(clause: str, previous: Figure | None) -> list[Figure]:
    """The figure a bare clause states for the indicator of the figure before it, when it is written in the same
    unit (驱动电机已形成120万台产能，到2025年将突破300万台 → 300万台 of the same 产能); none otherwise."""
    match = _CONTINUED.fullmatch(clause.strip())
    if (
        previous is None
        or match is None
        or numbers.UNIT_ALIASES.get(match.group("unit") or "", match.group("unit") or "") != previous.unit
    ):
        return []
    value = numbers.parse_number(match.group("num"))
    if value is None:
        return []
    comparator = numbers.comparator(match.group("bridge"), match.group("post") or "")
    name = _ADDED.sub("", previous.indicator) or previous.indicator  # 新增产能21万吨，达到55万吨: the level reached
    year = int(match.group("year")) if match.group("year") else None  # …，2020年达到3800亿元: that year's
    return [Figure(name, value, previous.unit, comparator, previous.scope, previous.settled, year=year)]


#: What an addition's indicator opens with (新增产能): a level reached after it is the whole, not the addition.
_ADDED = re.compile(r"^(?:累计)?(?:新增|新建)")


#: A change written as its two ends (配套率从2022年的11.3%提升至2024年的22.3%, 产值由50亿元增长到80亿元).
_FROM_TO = re.compile(
    rf"^(?P<name>[^，。；\d]{{2,30}}?)(?:从|由)(?:(?P<y1>20\d{{2}})年(?:底|末)?的?)?(?P<v1>\d+(?:\.\d+)?)(?P<u1>{_UNIT_ALT})?"
    r"(?:提升|提高|增长|增加|扩大|下降|降低|减少|上升)?(?:至|到)"
    rf"(?:(?P<y2>20\d{{2}})年(?:底|末)?的?)?(?P<v2>\d+(?:\.\d+)?)(?P<u2>{_UNIT_ALT})?"
)


def _from_to(path: re.Match[str], scope: str | None) -> list[Figure]:
    """Both ends of a change written 从A年的x提升至B年的y: the start, a baseline of its year (none when no year is
    written), and the end, of its year (the sentence's when none is written); one indicator, the words before 从."""
    name = _without_place(_indicator_name(path.group("name"), ""), scope)
    written = path.group("u2") or path.group("u1") or "%"
    unit = numbers.UNIT_ALIASES.get(written, written)
    start, end = numbers.parse_number(path.group("v1")), numbers.parse_number(path.group("v2"))
    if len(name) < 2 or start is None or end is None:
        return []
    last = Figure(name, end, unit, "=", year=int(path.group("y2")) if path.group("y2") else None)
    if not path.group("y1"):
        return [last]  # 由500亿元增长到800亿元: when it started is not written
    return [Figure(name, start, unit, "=", year=int(path.group("y1")), baseline=True), last]


def _counted_item(noun: re.Match[str], clause: str) -> tuple[str, bool]:
    """The words of a thing counted, and whether they end in a 和/及/与 that joins the next count to the same list
    (建设2个A和5个B): only when a number follows, so 参与 or 给与 at a clause's end keep their last character."""
    words = noun.group(0)
    if words.endswith(tuple(_JOINERS)) and clause[noun.end() : noun.end() + 1].isdigit():
        return words[:-1], True
    return words, False


def _unit_of(match: re.Match[str]) -> str:
    """The unit written after a value, in full (突破1000亿 → 亿元); empty when none is."""
    unit = match.group("unit") or ""
    return numbers.UNIT_ALIASES.get(unit, unit)


@lru_cache(maxsize=8192)
def _bridge(raw: str) -> tuple[str, str]:
    """``raw`` cut before the bridge ending it: the words before the bridge, and the bridge (maybe empty).

    Sought only in the run of bridge characters ending ``raw``: a bridge cannot start before it, and trying
    the pattern (all of it optional) at every position of the words before a value cost more than the rest
    of reading most figures. Cached: the words before a value recur (规上工业增加值年均增长) in a plan's
    text and tables and from plan to plan.
    """
    match = _BRIDGE.search(raw, len(raw.rstrip(_BRIDGE_CHARS)))
    assert match is not None  # every part is optional: the empty bridge at the end always matches
    return raw[: match.start()], match.group(0)


@lru_cache(maxsize=8192)
def _without_place(name: str, scope: str | None) -> str:
    """吴兴区化妆品生产企业总产值 → 化妆品生产企业总产值: the county or town is the target's scope, not its
    indicator (a province stays: 浙江制造精品 is a brand). Cached, as :func:`_indicator_name` is."""
    place = divisions.leading_district(name[:12], scope)
    if place is not None and place.level in ("county", "town", "zone") and len(name) - place.end >= 2:
        return name[place.end :]
    return name


def _is_word(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in "的等和及或"


#: What stands between a list of chains and the metric they share: 两大主导产业产值 → 产值.
_CHAIN_WORDS = re.compile(r"^(?:等)?(?:[一二两三四五六七八九十]+大)?(?:主导|重点|新兴|优势)?(?:产业链|产业|行业|集群)?")


def _respectively(clause: str, values: list[re.Match[str]], scope: str | None) -> list[Figure]:
    """``A、B产值分别达到1000亿元、500亿元`` (a clause with 分别): one figure per item, paired in order; chains become
    the scope."""
    word = clause.index("分别")
    listed = [m for m in values if m.start() > word]
    subject = _LEAD.sub("", _UP_TO_YEAR.sub("", clause[:word]))
    verb = _bridge(clause[word : listed[0].start()])[1] if listed else ""
    chains = [m for m in find_industries(subject, scope) if m.label == "IndustryChain"]
    out: list[Figure] = []
    if len(chains) >= 2 and len(listed) in (1, len(chains)):
        metric = _CHAIN_WORDS.sub("", subject[chains[-1].end :]) or "规模"
        for chain, match in zip(chains, listed * len(chains) if len(listed) == 1 else listed, strict=False):
            value = numbers.parse_number(match.group("num"))
            if value is not None:
                comparator = numbers.comparator(verb, match.group("post") or "")
                unit = _unit_of(match) or "%"
                out.append(Figure(metric, value, unit, comparator, (chain.label, chain.name)))
        return out
    items = [i for i in _AND.split(subject) if i]
    if len(items) != len(listed) or len(items) < 2:
        return []
    chains_listed = _listed_chains(items, scope)
    if chains_listed is not None:  # A、B、C产业链增加值增速分别达到…: each item is a chain, the measure theirs
        metric, names = chains_listed
        for name, match in zip(names, listed, strict=True):
            value = numbers.parse_number(match.group("num"))
            if value is not None:
                comparator = numbers.comparator(verb, match.group("post") or "")
                out.append(Figure(metric, value, _unit_of(match) or "%", comparator, ("IndustryChain", name)))
        return out
    for item, match in zip(items, listed, strict=True):
        value = numbers.parse_number(match.group("num"))
        name = _indicator_name(item, verb)
        if value is not None and len(name) >= 2 and not _NOT_TARGET.search(item):
            comparator = numbers.comparator(verb, match.group("post") or "")
            out.append(Figure(name, value, _unit_of(match) or "%", comparator))
    return out


def _listed_chains(items: list[str], scope: str | None) -> tuple[str, list[str]] | None:
    """The chains of a 分别 list whose last item names the chain word and the measure (集成电路、车联网、航空航天
    产业链增加值增速): the measure, and each item's chain (the vocabulary need not know them); None otherwise."""
    last = _CHAIN_FIGURE.match(_LEAD.sub("", items[-1]))
    if last is None or chain_named(items[-1]) is None:
        return None
    heads = [_LEAD.sub("", item) for item in items[:-1]]
    if any(len(head) < 2 or len(head) > 12 or _NOT_ONE_CHAIN.search(head) for head in heads):
        return None
    metric = items[-1][items[-1].index(last.group(0)) + len(last.group(0)) :] or "规模"
    return metric, [canonical(head) for head in heads] + [canonical(last.group(1))]


def _text_figures(
    doc: ParsedDocument,
    graph: DocumentGraph,
    section: PolicySection | None,
    policy: Node | None,
    stated: _Known,
    districts: list[DistrictMention],
) -> None:
    start, end = (section.start, section.end) if section else (0, len(doc.text))
    default_year = (section.years[1] if section and section.years else None) or _goal_year(doc, section)
    default_year = default_year or _document_year(graph)
    if section is None:
        default_year = default_year or reference_year(doc.text)
    subjects = _Subjects(doc, graph, districts) if section is None else None
    whole_chain = plan_chain(section.name, doc.scope) if section is not None else None
    built_here = _built_platform_pattern(graph) if section is not None else None
    year_context = default_year
    first_year = section.years[0] if section and section.years else _document_year(graph)
    items = list(walk(section.items or [])) if section else []
    item_starts = [item.start for item in items]
    # the chain each item is headed by and the node that sets its targets, read once per item (an item
    # without a measure has no ``uid``, and getattr's miss costs an exception raised and caught)
    by_item: dict[int, tuple[tuple[str, str] | None, Node | None]] = {}
    first = bisect.bisect_left(doc._sentence_starts, start)
    for sentence in doc.sentences[first:]:
        if sentence.end > end:
            break
        text = sentence.text
        if _is_table_row(text):
            continue
        if not _HAS_NUMBER.search(text):
            # Most sentences hold no number, hence no figure and no year (到2025年); all they can
            # change is a plan's year, back to the default at an item's start.
            if section is not None and _ITEM_START.match(text):
                year_context = default_year
            continue
        by_year = _BY_YEAR.search(text)
        kind = "target"
        if section is None:  # news: a 到2025年 sentence states a goal; anything else a reported figure
            by_year = by_year or _coming_period(text, default_year)
            goal = by_year is not None and not by_year.group(0).startswith("截至")
            kind = "target" if goal else "actual"
            # 截至2020年底，…: what was there at the end of that year, reported for it (not the text's own year)
            year_context = int(by_year.group(1)) if by_year is not None else default_year
        elif by_year:
            year_context = int(by_year.group(1))
        elif (opening := _YEAR_OPENING.match(text)) and first_year and int(opening.group(1)) >= first_year:
            year_context = int(opening.group(1))  # 2023年，…。全省…达到22%。: the plan's goals for that year
        elif _ITEM_START.match(text):
            year_context = default_year
        elif items and sentence.start < items[0].start and _reports(text, first_year):
            # the preamble's 已有…: today, or the closed year it names (2023年，全市…达到…)
            stated_years = [int(y) for y in _PAST_YEAR.findall(text)]
            kind, year_context = "actual", (stated_years[-1] if stated_years else _document_year(graph)) or year_context
        item = _item_at(items, item_starts, sentence.start) if section else None
        if item is None:
            chain, setter = whole_chain, policy  # the plan's chain, unless a figure is the area's (see _store_figure)
        else:
            known = by_item.get(id(item))
            if known is None:
                known = by_item[id(item)] = (
                    _chain_of(item, doc) or whole_chain,
                    graph.nodes.get(item.uid) if item.uid else policy,
                )
            chain, setter = known
        evidence = sentence.source
        offset = 0
        previous: Figure | None = None
        one_project = False  # a single project's size was read: the sentence's later figures are its yields
        chain_before: _NamedChain | None = None  # the chain a figure of the sentence named, with the subject then
        zone_built: str | None = None  # the zone an earlier clause of a plan's sentence builds
        zone_pending: str | None = None  # the zone this clause builds: its own figures count what is built
        clause_chain: tuple[str, str] | None = None  # the chain an earlier clause of a plan's sentence is about
        for clause, width in _clauses(text):
            offset += width
            if built_here is not None:
                zone_built = zone_pending or zone_built
                zone_pending = _built_platform(clause, built_here)
            if not _HAS_NUMBER.search(clause):
                opened = _opening_chain(clause)
                if opened is not None and subjects is not None:  # 某某产业要…，力争2025年产值…: the clause's chain
                    paragraph = doc.text.rfind("\n", 0, sentence.start) + 1
                    chain_before = opened, subjects.before(paragraph, sentence.start + offset)
                elif opened is not None:
                    clause_chain = opened  # a plan's sentence: its later figures are that chain's
                continue
            figures = capacity_list(clause)
            if figures and subjects is not None:
                _settle_listed_capacities(figures, text, subjects)
            if not figures and (figures := cluster_sizes(clause)):
                _date_goals(figures, doc.text[doc.text.rfind("\n", 0, sentence.start) + 1 : sentence.start + offset])
            figures = figures or sized_batch(clause) or read_figures(clause, doc.scope, news=subjects is not None)
            figures = figures or _continued(clause, previous)
            if not figures:
                continue  # a date or a qualifier: no need to look for its subject
            year, clause_kind = year_context, kind
            if by_year is not None and kind == "target" and offset <= by_year.start() and _PRESENT.search(clause):
                # 已形成120万台产能，到2025年将突破300万台: what is there before the goal's year
                now = _document_year(graph) or (default_year if section is None else None)
                year, clause_kind = (now, "actual") if now else (year, kind)
            subject = None
            if subjects is not None:  # news: the year and the subject named last before the figure
                paragraph = doc.text.rfind("\n", 0, sentence.start) + 1
                examples = _listed_firms(text, offset, sentence.start)
                subject = subjects.before(paragraph, sentence.start + offset, examples)
                speaker = _speaker(doc.text, sentence.end) if "“" in text or '"' in text else None
                if speaker is not None:  # “…今年计划新签约项目50个。”某某经开区招商局负责人介绍
                    subject = subjects.before(speaker.start(1), speaker.end(1)) or subject
                signed = signing_figures(clause, doc.text[paragraph : sentence.start + offset], figures, doc.scope)
                if signed is not None:
                    figures, previous = signed, None
                stated_years = [int(y) for y in _PAST_YEAR.findall(text[:offset])]
                year = stated_years[-1] if stated_years and kind == "actual" else year
            for figure in figures:
                named = None if one_project else _project_figure(figure.indicator, previous)
                if named is None:
                    one_project = True  # 项目占地60亩，达产后年产…，年产值20亿元: all the project's
                    continue
                figure.indicator = named
                platform = subjects.generic_platform(figure.indicator) if subjects is not None else None
                if platform is not None:
                    figure.scope, figure.indicator = platform
                if subjects is not None and previous is not None and _PART_OF_BEFORE.match(clause):
                    figure.scope, figure.settled = previous.scope, True  # 现有企业330家，其中某某企业126家
                if subjects is not None and figure.scope is None and not figure.settled:
                    named_chain = chain_named(figure.indicator) or stated.chain_measured(figure.indicator)
                    if named_chain is None and subject is None:  # 现有家具企业7500余家: the area's chain's firms
                        named_chain = stated.chain_measured(figure.indicator, _CHAIN_FIRMS)
                    chain_before = _reported_chain(named_chain, figure.indicator, subject, chain_before)
                    figure.scope = chain_before[0] if chain_before else None
                if subject is not None and figure.scope is None and not figure.settled:
                    figure.scope = subject
                if clause_chain is not None and figure.scope is None and not area_wide(figure.indicator):
                    figure.scope = chain_named(figure.indicator) or clause_chain
                if zone_built is not None and figure.scope is None and _of_the_zone(figure.indicator):
                    figure.scope = ("Platform", zone_built)
                if subjects is not None:  # 某公司国外销售额: the firm is the target's scope, not its indicator
                    figure.indicator = subjects.without_subject(figure.indicator, figure.scope)
                    figure.indicator = news_indicator(figure.indicator, figure.unit)
                elif kind == "actual":  # a plan's preamble reports, as news does (企业600余家 → 企业数量)
                    figure.indicator = news_indicator(figure.indicator, figure.unit)
                if previous is not None and previous.indicator == SIGNED_COUNT and figure.indicator in _SIGNED_SUMS:
                    figure.indicator, figure.scope = "签约项目" + figure.indicator, previous.scope
                elif previous is not None and _CHANGE.match(figure.indicator):
                    figure.indicator = previous.indicator + figure.indicator
                    figure.scope = previous.scope  # the change of that level: of what the level is of
                elif previous and subjects is not None and figure.unit == "%" and _SHARE.match(figure.indicator):
                    figure.indicator = previous.indicator + "占比"  # 销售额9亿元，占市场总量的60%
                elif previous and subjects is None and figure.unit == "%" and figure.indicator.startswith("占"):
                    figure.indicator = previous.indicator + figure.indicator  # 增加值超过2000亿元，占GDP比重达30%
                previous = figure
                _store_figure(doc, graph, figure, evidence, chain, setter, clause_kind, year, stated, whole_chain)


#: How the name of a zone ends (a park, a development zone), as against a service platform or a centre.
_ZONE_ENDS: tuple[str, ...] = tuple(_SUBJECT_WORDS["zone_building"]["zone_ends"])
#: Verbs a plan's item builds a zone with (高水平建设某某园, 完善某某产业园基础设施, 规划建设某某产业园).
_BUILD_VERBS: tuple[str, ...] = tuple(_SUBJECT_WORDS["zone_building"]["verbs"])


def _built_platform_pattern(graph: DocumentGraph) -> re.Pattern[str] | None:
    """A pattern of a building verb right before a zone the document names (its name or alias), or None."""
    names = {
        surface
        for node in graph.nodes.values()
        if node.label == "Platform" and node.name.endswith(_ZONE_ENDS)
        for surface in (node.name, *node.aliases)
        if len(surface) >= 4
    }
    if not names:
        return None
    alternation = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(f"(?:{'|'.join(_BUILD_VERBS)})({alternation})")


def _built_platform(clause: str, pattern: re.Pattern[str]) -> str | None:
    """The zone a plan's clause builds (建设某某产业园…): the figures of its sentence from there on are the zone's
    (…，新增入园项目50个; …，新建标准厂房50万平方米). Quotes inside a name (某某“零碳”产业园) are read through."""
    match = pattern.search(clause.replace("“", "").replace("”", "").replace('"', ""))
    return match.group(1) if match else None


def _of_the_zone(indicator: str) -> bool:
    """Whether a figure of a sentence that builds a zone can be the zone's: not a chain's, nor the area's economy."""
    return chain_named(indicator) is None and not area_wide(indicator)


#: A year opening a plan's sentence (2024年，全市…; 2025年：…): the year of the goals it and the next ones state.
_YEAR_OPENING = re.compile(r"(20\d{2})年(?:底|末)?[，,：:]")
#: A clause that counts a part of what the clause before counted (…，其中某某企业126家): the same subject's.
_PART_OF_BEFORE = re.compile(r"\s*其中")
#: A chain's own measures, written right after its name (工程机械本地配套率, 新能源电池产能, 储能电池产量), or after one
#: of its products (新能源汽车驱动电机产能).
_CHAIN_MEASURE = re.compile(
    r"(?:整车|零部件)?(?:本地)?配套率|全产业链产值|[^\d，、。；]{0,6}?(?:年)?(?:产能|产量)"  # …驱动电机产能
)
#: The firms of a chain counted by the chain's name (家具企业, 储能电池企业数量): the chain's, in a report on the area.
_CHAIN_FIRMS = re.compile(r"(?:相关)?企业(?:数量)?")
#: A change against a plan's base (较2020年增长50%以上, 比“十四五”末提高5个百分点, 较基期翻一番) stated before the
#: level it reaches: a plan states one target, the level; the change is how it gets there. Not 同比 or 比上年: a
#: yearly change is a target of its own.
_CHANGE_SINCE = (
    r"(?<![同环])(?:较|比|相比)(?:20\d{2}年(?:底|末)?|“?十[三四五]五”?(?:期)?末|基期)"
    r"(?:(?:增长|提高|提升|增加)\d+(?:\.\d+)?(?:%|个百分点|倍)(?:以上|左右)?|翻[一两]?番)"
)
#: The level a change reaches, opening the next clause or list item (…，达到600亿元).
_LEVEL_AFTER = r"(?:达到|达|突破|超过|增至|增加到|提高到|提高至|提升到|提升至)(?=\d|[一二三四五六七八九十百千])"
_CHANGE_BEFORE_LEVEL = re.compile(f"{_CHANGE_SINCE}[，,、]?(?={_LEVEL_AFTER})")
_CHANGE_ENDING = re.compile(f"{_CHANGE_SINCE}$")
_LEVEL_OPENING = re.compile(_LEVEL_AFTER)


def _clauses(text: str) -> Iterator[tuple[str, int]]:
    """A sentence's clauses, each with the width of text it stands for; a change against a base that ends one
    clause and the level the next opens with read as one clause of the level (产值较2020年增长50%，达到600亿元 →
    产值达到600亿元): one target, where reading the clauses apart gave a growth named 较2020年 and lost the level."""
    parts = _CLAUSE.split(text)
    index = 0
    while index < len(parts):
        clause, width = parts[index], len(parts[index]) + 1
        if "较" in clause or "比" in clause:
            change = _CHANGE_ENDING.search(clause)
            if change and index + 1 < len(parts) and _LEVEL_OPENING.match(parts[index + 1]):
                index += 1
                clause, width = clause[: change.start()] + parts[index], width + len(parts[index]) + 1
            else:
                clause = _CHANGE_BEFORE_LEVEL.sub("", clause)  # the same with a 、 between (…增长30%、达到…)
        yield clause, width
        index += 1


#: A name that opens with a count (3个营业收入…): the count qualifies it, it names no indicator.
_COUNT_UNIT_ALT = "|".join(map(re.escape, sorted(COUNT_UNITS, key=len, reverse=True)))
_COUNTED_FIRST = re.compile(rf"^\d+(?:\.\d+)?(?:{_COUNT_UNIT_ALT})")
#: Verbs that name the set a plan works on, not what it will reach (围绕12条重点产业链, 聚焦8大产业, 针对…).
_FOCUSED = re.compile(
    f"(?:{'|'.join(_SUBJECT_WORDS['plan_focus']['verbs'])})" + r"(?:全[省市区县]|我[省市区县]|本[省市区县])?的?$"
)
#: How a scheme is organised, one of each per chain or unit: 每条产业链由1名…, 以1个部门为…, 依托1个联盟….
_ORGANISED = re.compile(r"(?:由|以|依托)1[个名家条位]|每[个条][^，。；]{0,10}由")
#: A thing counted after a list of qualities ending in 的 (具有较高集聚性、根植性、先进性的重点产业链): the words after
#: the last 的 name it.
_QUALIFIED_LIST = re.compile(
    r"[^，。；：:\d（(]*?、[^，。；：:\d（(]*?的([^，、。；：:\d（(的]{2,12})(?=[，。；：:]|$)"
)
#: What joins the last items of a list (A、B和C): no part of an item's name.
_JOINERS = "和及与"
#: The lower end of a range of a figure (1至2个世界级…, 3-5家): not a year or date range (2024-2026年, 1-8月).
_RANGE_FROM = re.compile(r"\d+(?:\.\d+)?(?:至|到|-|—|~|～)(?=\d+(?:\.\d+)?[^\d.年月日号，。；、])")
#: What follows a counted set that something is said to belong to (…12条重点产业链之一, …中的头号工程).
_MEMBERSHIP = re.compile(r"之一|之中|中的")
#: A figure that names what it measures by a class of goods or trades (化工产品精深加工率, 纺织行业…): not one chain's.
_OWN_OBJECT = re.compile(r"^[^\d，。]{1,8}?(?:产品|行业|工业|制造业)")
#: A chain a reported figure named, and the subject named before that figure (None: the document's area).
_NamedChain = tuple[tuple[str, str], tuple[str, str] | None]
#: What may open a clause before the chain it is about (一是, 其中, 在…方面 is no chain: 方面 is not a chain's end).
_CLAUSE_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是|其中|同时|此外)")
#: How a clause that is about a chain goes on after its name: a duty (要, 将, 重点…) or nothing at all.
_CHAIN_CLAUSE_REST = re.compile(r"^(?:要|将|须|应|重点|着力|主要)")
#: Indicators of firms above a size that, right after a chain's own figure, are the chain's firms' (规上工业产值).
_CHAIN_ABOVE_SIZE = re.compile(r"^(?:规上工业|规模以上工业|规上)(?:总产值|产值|营业收入|营收)$")


def _opening_chain(clause: str) -> tuple[str, str] | None:
    """The chain a clause without a figure is about, when the clause opens with it and goes on with its duty
    (某某产业要加快转型，力争2025年产值…; 二是某某产业，重点…，力争到2026年产值…): the sentence's later figures are
    that chain's until another subject is named."""
    lead = _CLAUSE_LEAD.match(clause.strip())
    words = clause.strip()[lead.end() :] if lead else clause.strip()
    match = _CHAIN_HEAD.match(words)
    if match is None or _NOT_ONE_CHAIN.search(match.group(1)) or _opens_with_verb(match.group(1)):
        return None
    rest = words[match.end() :]
    if not (_CHAIN_CLAUSE_REST.match(rest) if rest else lead):  # 依托某某产业集群，…: a means, not the subject
        return None
    if divisions.leading_district(match.group(1), None) is not None:
        return None
    return "IndustryChain", canonical(match.group(1))


def _reported_chain(
    named: tuple[str, str] | None, indicator: str, subject: tuple[str, str] | None, before: _NamedChain | None
) -> _NamedChain | None:
    """The chain a reported figure is of: the one its words open with (``named``: 某市某某产业产值…), else the one an
    earlier figure of its sentence named when no other subject has been named since (…全产业链产值5000亿元，本地配套率
    70%; …产业链拥有A企业12家、B企业86家). It wins over a firm or zone named before the sentence's chain."""
    if named is not None:
        return named, subject
    if before is None or before[1] != subject:
        return None
    if _CHAIN_ABOVE_SIZE.match(indicator):
        return before  # …产业累计完成投资…，规上工业产值达到…: the chain's firms above the size
    if area_wide(indicator) or _OWN_OBJECT.match(indicator):
        return None  # …产业产值500亿元，规上工业增加值增长8%: the area's
    return before


#: The year patterns start with the literal 20 and look behind it from there (``20(?<![到至]20)`` is
#: ``(?<![到至])20``): a pattern that starts with a literal is searched for by the engine's fast scan for it,
#: one that starts with a lookbehind is tried at every position of a whole text.
_PAST_YEAR = re.compile(r"(20(?<![到至]20)\d{2})年(?!底前|前)")
#: A year written into an event's name (第六届…博览会2023长三角…大会, 2023湖州商品交易会): not a count (2000家).
_EDITION_YEAR = re.compile(
    r"(20(?<![\d.]20)[0-4]\d)(?![\d.年])(?![余多万亿千百个家元名人项次场台件吨亩条所座批套])(?=[\u4e00-\u9fff])"
)
_EXPLICIT_YEAR = re.compile(r"(20(?<![到至]20)\d{2})年(?P<after>.{0,8})")
#: How a news report speaks of a closed year (2022年，… / 2022年度 / 2022年销售额…): written the year after.
_CLOSED_YEAR = re.compile(r"^(?:度|，|,|全年|实现|完成|共|累计|[^，。\d月]{0,6}?(?:销售额|产值|营收|营业收入|增加值))")


#: A signing event's count of projects: N个(某某)项目(集中|现场)签约, 签约N个(某某)项目, 签约项目N个. The words
#: between the count and 项目 (``what``) may name the event's chain (12个某某产业链上下游项目).
_SIGNED = re.compile(
    r"(?P<n>\d+)个(?P<what>[^，。；、\d]{0,16}?)项目[^，。；\d]{0,6}?签约"
    r"|签约(?P<n2>\d+)个(?P<what2>[^，。；\d]{0,12}?)项目|签约项目(?P<n3>\d+)个"
)
#: An event of a chain named before its signings (某市某某产业链专场招商推介会): the chain is the count's scope.
_CHAIN_EVENT = re.compile(
    r"([^，。；、,;\d]{2,20}?)(?:全产业链|产业链)[^，。；,;]{0,10}?(?:大会|推介会|对接会|洽谈会|签约会|峰会|论坛|活动|仪式)"
)
#: The indicator of a signing event's count, and the names of the sum that follows it (总投资, 协议总投资).
SIGNED_COUNT = "签约项目数量"
_SIGNED_SUMS = frozenset({"总投资", "协议总投资", "计划总投资", "总投资额", "协议投资额", "投资总额"})


def _event_chain(words: str, scope: str | None) -> tuple[str, str] | None:
    """The one chain ``words`` open with once a leading place is set aside (某市某某产业链… → 某某)."""
    place = divisions.leading_district(words, scope)
    head = _chain_head(words[place.end :] if place else words)
    return ("IndustryChain", canonical(head)) if head else None


def signing_figures(clause: str, before: str, figures: list[Figure], scope: str | None) -> list[Figure] | None:
    """A signing event's figures (会上12个项目集中签约，总投资86亿元): the count of signed projects, FOR the chain the
    event or its projects are of, else the area that holds it (not the venue); and the sums of money the clause
    states (总投资…), which are the signed projects'. Sizes of single projects listed there are theirs: dropped.
    None when the clause states no signing."""
    match = _SIGNED.search(clause)
    if match is None:
        return None
    count = int(match.group("n") or match.group("n2") or match.group("n3"))
    what = match.group("what") or match.group("what2") or ""
    chain = _event_chain(re.sub(r"^(?:会上|会议上|活动上|大会上|仪式上|现场|期间)", "", what), scope)
    if chain is None:
        events = [_event_chain(m.group(1) + "产业链", scope) for m in _CHAIN_EVENT.finditer(before)]
        chain = next((c for c in reversed(events) if c is not None), None)
    signed = Figure(SIGNED_COUNT, float(count), "个", "=", chain, settled=True)
    sums = [f for f in figures if f.unit in _MONEY_UNITS and f.indicator.endswith(("总投资", "投资额", "投资总额"))]
    for figure in sums:
        figure.indicator = next((s for s in _SIGNED_SUMS if figure.indicator.endswith(s) and len(s) > 3), "总投资")
    return [signed, *sums]


#: Units a capacity is stated in (万吨, 吉瓦, 亿平方米, 万台): amounts of goods, not money, shares or counts of firms.
_CAPACITY_UNIT_ALT = "|".join(
    re.escape(unit)
    for unit in sorted(UNITS, key=len, reverse=True)
    if re.search(r"吨|瓦|平方米|GW|辆|台|套|件|只|片|立方米|升", unit) and "标" not in unit
)
#: One item of a capacity list: amount, unit (亿 may lead a unit the list of units lacks: 1.5亿平方米), product.
_CAPACITY_ITEM = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?)(?P<unit>(?:亿|万)?(?:{_CAPACITY_UNIT_ALT}))(?:/年)?(?P<product>[^\d、，。；,;等]{{1,12}}?)(?=、|等|的|$)"
)
#: A list of capacities named product by product before the word for capacity (形成14万吨A、10吉瓦B等产能;
#: 已形成年产30万吨A、20万吨B的生产能力): each amount is the capacity of its product.
_CAPACITY_LIST = re.compile(
    r"^(?:[^，。；,;]*?(?:形成|具备|拥有|建成|达到))?(?:年产)?(?P<items>\d[^，。；,;]*?)(?P<sep>等|的)?"
    r"(?P<tail>[^\d，。；,;、等的]{0,8}?)(?:年)?(?:产能|生产能力)(?:规模)?$"
)


def capacity_list(clause: str) -> list[Figure]:
    """The capacities a clause lists before its word for capacity (…形成14万吨A、10吉瓦B等某某产能), as A产能, B产能:
    the amount is written before the product, so no figure is read from such a list otherwise."""
    if "产能" not in clause and "生产能力" not in clause:
        return []
    listed = _CAPACITY_LIST.match(clause.strip())
    if listed is None:
        return []
    items = listed.group("items")
    if not listed.group("sep"):
        items += listed.group("tail")  # …、15GW切片产能: the last product is written right before 产能
    items = items.split("、")
    if len(items) < 2:
        return []  # one capacity (形成120万台产能) is read as any figure is
    out: list[Figure] = []
    for item in items:
        match = _CAPACITY_ITEM.fullmatch(item.strip())
        if match is None:
            return []  # not a list of amounts of goods throughout: leave the clause to the other readings
        value = float(match.group("num"))
        unit = match.group("unit")
        out.append(Figure(match.group("product").strip() + "产能", value, unit, "="))
    return out


#: Chains named with the size of cluster each is to become (把A产业建成千亿级产业集群; A、B 2个产业建成500亿级产业集群;
#: 培育形成A、B 2个千亿级产业集群): the cluster's output is each chain's target, not a count of clusters.
_CLUSTER_SIZE = re.compile(
    r"^(?:.*?(?:把|将|推动|推进|培育形成|加快形成))?(?P<chains>[^，。；,;\d]{1,40}?)"
    r"(?:(?:\d+|[两二三四五六七八九十])个)?(?:产业)?(?:建成|打造成?为?|培育成?为?|形成|发展成为?|成为)?"
    r"(?P<size>\d+(?:\.\d+)?|百|千|万)(?:[—–\-~～至到]\d+)?亿(?:元)?级(?:的)?(?:产业集群|集群)$"
)
_SIZE_WORDS = {"百": 100.0, "千": 1000.0, "万": 10000.0}
#: Words that make a list of chains a group rather than names (一批, 若干, 重点, 全省): its count is a count.
_NOT_CHAIN_NAMES = re.compile(r"一批|若干|多个|重点|特色|优势|主导|新兴|全[省市区县]|我[省市区县]|^[建打培形]")


def cluster_sizes(clause: str) -> list[Figure]:
    """Each named chain's cluster output (产业集群产值 ≥ the size) from a clause naming chains and the size of
    cluster they are to become; empty when the clause names no chains (打造2个千亿级产业集群 stays a count)."""
    if "亿级" not in clause or "集群" not in clause:
        return []
    match = _CLUSTER_SIZE.match(_BRACKETED.sub("", clause.strip()))
    if match is None:
        return []
    size = match.group("size")
    value = _SIZE_WORDS.get(size) or float(size)
    names = [re.sub(r"(?:产业链|产业)$", "", name.strip()) for name in re.split(r"[、和及与]", match.group("chains"))]
    if not names or any(not name or len(name) > 12 or _NOT_CHAIN_NAMES.search(name) for name in names):
        return []
    return [
        Figure("产业集群产值", value, "亿元", ">=", scope=("IndustryChain", canonical(name)), settled=True)
        for name in names
    ]


#: A batch of projects sized before it is counted (总投资24亿元的12个重点项目, 总投资超5100亿元的336个重大项目):
#: the count and the sum are the batch's, one figure each.
_SIZED_BATCH = re.compile(
    r"总投资(?:超过|超|约|近)?(?P<sum>\d+(?:\.\d+)?)(?P<unit>亿元|万元)(?:以上)?的(?P<n>\d+)个[^，。；,;\d]{0,30}?项目"
)


def sized_batch(clause: str) -> list[Figure]:
    """The count and the total investment of a batch of projects written sum-first (总投资24亿元的12个项目):
    read otherwise, the sum became part of the count's name (总投资24亿元数量)."""
    match = _SIZED_BATCH.search(clause) if "总投资" in clause else None
    if match is None:
        return []
    total = Figure("项目总投资", float(match.group("sum")), match.group("unit"), "=")
    return [Figure("项目数量", float(match.group("n")), "个", "="), total]


def _date_goals(figures: list[Figure], before: str) -> None:
    """Goals stated without their own year (…建成千亿级产业集群) are for the last goal year their paragraph names
    before them (总体目标是到2025年，…。把A产业建成…), not for the date the page was written."""
    years = _GOAL_YEAR.findall(before)
    for figure in figures:
        figure.year = int(years[-1]) if years else figure.year


#: What a report writes before the subject of its sentence: when (截至目前, 目前, 今年以来) and a comma.
_WHEN_LEAD = re.compile(r"^(?:截至目前|截至当前|目前|当前|今年以来|近年来|如今)?[，,]?")


def _settle_listed_capacities(figures: list[Figure], sentence: str, subjects: _Subjects) -> None:
    """A capacity list's figures are what the sentence's subject has: the zone when the sentence opens with its
    short word (开发区已形成…, 园区已形成…), else the subject named before, never the chain a product's name
    opens with (光伏电池产能 is no figure of the chain 光伏)."""
    lead = _WHEN_LEAD.match(sentence)  # every part optional: it always matches
    opening = sentence[lead.end() :] if lead else sentence
    zone = subjects.generic_platform(opening)
    for figure in figures:
        figure.settled = True
        figure.scope = zone[0] if zone else None


#: What a count after named examples counts when the examples are firms or projects (…等27个项目, …等15家企业).
_EXAMPLED = re.compile(r"[^，。；,;\d]{0,8}?(?:项目|企业)")


def _last_count_verb(clause: str, end: int) -> re.Match[str] | None:
    """The last of a plan's or report's counting verbs in ``clause`` before ``end`` (落地, 引进, 新增 …), or None."""
    verbs = list(_COUNT_VERBS.finditer(clause, 0, end))
    return verbs[-1] if verbs else None


def _project_figure(name: str, previous: Figure | None) -> str | None:
    """The indicator of a figure about projects, or None for a single project's size or capacity.

    总投资 after a count of projects (签约项目8个，总投资26亿元) is that batch's sum, a figure of the area. A
    size of one named project (某某项目总投资20亿元, 项目占地60亩, 达产后年产…) is the project's, no target.
    """
    if _PROJECT_CAPACITY.search(name):
        return None
    if not _PROJECT_SIZE.search(name):
        return name
    if previous is not None and previous.unit in COUNT_UNITS and "项目" in previous.indicator:
        return name
    lead = name[: name.rfind("项目")] if "项目" in name else ""
    return name if lead and _BATCH.search(lead[-6:]) else None


def reference_year(text: str) -> int | None:
    """The year a news text reports in, when it carries no date: the latest year it names that is not a goal
    (到2025年); one later when that year is only spoken of as closed (2022年销售额…) and the text says 今年."""
    mentions = [(int(m.group(1)), m.group("after")) for m in _EXPLICIT_YEAR.finditer(text)]
    if not mentions:  # no 20XX年: an event's edition year (2023湖州商品交易会) dates the report
        editions = [int(m.group(1)) for m in _EDITION_YEAR.finditer(text)]
        return max(editions) if editions else None
    latest = max(year for year, _ in mentions)
    closed = all(_CLOSED_YEAR.match(after) for year, after in mentions if year == latest)
    return latest + 1 if closed and ("今年" in text or "截至目前" in text) else latest


#: The short words a report uses for the zone it is about, once named (开发区 for 某某经济开发区).
_GENERIC_PLATFORM = re.compile(r"^(?:园区|开发区|高新区|经开区|产业园)")
#: What the full name of a zone of each short word holds (园区 and 产业园: any platform).
_PLATFORM_KINDS: dict[str, tuple[str, ...]] = {
    "开发区": ("开发区", "经开区", "高新区"),
    "经开区": ("开发区", "经开区"),
    "高新区": ("高新",),
}


#: A zone's kind as its full name ends with it → the short words a report then writes it with.
_SHORT_KINDS: dict[str, list[str]] = _SUBJECT_WORDS["platform_short_kinds"]
#: Words before a place that say where the subject named before them stands (位于某区): no subject.
_LOCATION_WORDS: tuple[str, ...] = tuple(_SUBJECT_WORDS["location_words"]["words"])


def platform_short_forms(name: str, scope: str | None) -> list[str]:
    """The short forms a report writes a zone with once named (柳州某某高新技术产业开发区 → 某某高新区): the name
    without its leading places, its kind written short. Empty when the name is of no such kind."""
    core = name
    for _ in range(3):  # 省, 市, 县 may all lead
        place = divisions.leading_district(core, scope)
        if place is None or len(core) - place.end < 4:
            break
        core = core[place.end :]
    for kind in sorted(_SHORT_KINDS, key=len, reverse=True):
        if core.endswith(kind) and len(core) - len(kind) >= 2:
            stem = core[: -len(kind)]
            return [stem + short for short in _SHORT_KINDS[kind]]
    return []


class _Subjects:
    """What a reported figure is about: the nearest platform, firm or place named before it in its sentence."""

    _LABELS = ("Platform", "Enterprise")

    def __init__(self, doc: ParsedDocument, graph: DocumentGraph, districts: list[DistrictMention]) -> None:
        # The document's reading of its districts, read once: a figure's subject is sought among those in its
        # paragraph before it, where scanning each paragraph up to each figure read the paragraph again per figure.
        self.doc = doc
        self.districts = districts
        self.district_starts = [mention.start for mention in self.districts]
        surfaces: dict[str, tuple[str, str]] = {}
        named = [node for node in graph.nodes.values() if node.label in self._LABELS]
        for node in sorted(named, key=lambda n: n.uid):
            shorts = platform_short_forms(node.name, doc.scope) if node.label == "Platform" else []
            for surface in (node.name, *sorted(node.aliases), *shorts):
                if len(surface) >= 3:
                    surfaces.setdefault(surface, (node.label, node.name))
        self.surfaces = surfaces
        # Leftmost-longest matching, as a regex alternation of the names longest first would read them; an
        # automaton is built in native code, where compiling that alternation cost more than the matching.
        # A contiguous NFA builds in a third of the time the default choice takes for a document's few dozen
        # names and matches as fast (every implementation finds the same matches).
        self.names = sorted(surfaces)
        self.automaton = (
            ahocorasick_rs.AhoCorasick(
                self.names,
                matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                implementation=ahocorasick_rs.Implementation.ContiguousNFA,
            )
            if surfaces
            else None
        )

    def without_subject(self, indicator: str, scope: tuple[str, str] | None) -> str:
        """某公司国外销售额, 某某高新区已集聚企业: the subject a figure opens with, by any name of it, is the target's
        scope, not part of its indicator."""
        if scope is None:
            return indicator
        for surface, subject in self.surfaces.items():
            if subject == scope and indicator.startswith(surface) and len(indicator) > len(surface) + 1:
                return indicator[len(surface) :]
        if indicator.startswith(scope[1]) and len(indicator) > len(scope[1]) + 1:
            return indicator[len(scope[1]) :]
        return indicator

    def generic_platform(self, indicator: str) -> tuple[tuple[str, str], str] | None:
        """The platform a figure opening with a kind's short word is about (开发区…产值, 园区规上工业…, 高新区…营收),
        and the indicator without the word: a report speaks of its zone by its kind once it has named it."""
        word = _GENERIC_PLATFORM.match(indicator)
        if word is None:
            return None
        platform = self._main_platform(word.group(0))
        return (("Platform", platform), indicator[word.end() :]) if platform else None

    def _main_platform(self, word: str) -> str | None:
        """The platform of the kind ``word`` names that the report names most (any platform for 园区)."""
        kinds = _PLATFORM_KINDS.get(word, ())
        counts: dict[str, int] = {}
        for surface, (label, name) in self.surfaces.items():
            if label != "Platform" or name[:1].isdigit() or (kinds and not any(k in name for k in kinds)):
                continue
            counts[name] = counts.get(name, 0) + self.doc.text.count(surface)
        return max(sorted(counts), key=counts.__getitem__) if counts else None

    def before(self, start: int, end: int, examples: tuple[int, int] | None = None) -> tuple[str, str] | None:
        """The last subject named in the document's text from ``start`` to ``end`` (the paragraph up to a
        figure): a platform or firm, a town or county (not the document's own area), as the document's reading
        of its districts has them. Firms named within ``examples`` (a list of a batch's owners) are passed over."""
        doc = self.doc
        found: list[tuple[int, tuple[str, str]]] = []
        if self.automaton is not None:
            # its matches do not overlap and come in text order: the last one not passed over starts last
            for index, at, _ in reversed(self.automaton.find_matches_as_indexes(doc.text[start:end])):
                subject = self.surfaces[self.names[index]]
                if examples is None or subject[0] != "Enterprise" or not examples[0] <= start + at < examples[1]:
                    found.append((start + at, subject))
                    break
        for index in range(bisect.bisect_left(self.district_starts, start), len(self.districts)):
            mention = self.districts[index]
            if mention.end > end:
                break  # mentions are apart and in text order: every later one ends later
            if doc.text.endswith(_LOCATION_WORDS, 0, mention.start):
                continue  # 某园区位于某区: where the subject named before stands
            if examples is not None and examples[0] <= mention.start < examples[1]:
                continue  # a place inside a listed firm's name (芜湖某某公司)
            if mention.level in ("town", "county", "zone") or mention.name == doc.scope:
                found.append((mention.start, ("District", mention.name)))
        if not found:
            return None
        subject = max(found)[1]
        return None if subject == ("District", doc.scope) else subject  # the document's own area: its scope


#: A figure's number: digits, a Chinese numeral before a unit (五千亿元, 三十家) or a threshold (千亿大关).
_HAS_NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千](?:万亿|亿|万)?(?:元|家|个|项|辆|吨|台|件|户)|大关")


def _is_table_row(text: str) -> bool:
    """A row of a tab-separated table (read by :mod:`chainkg.loaders.extract.indicator_tables`), not a sentence."""
    return "\t" in text and sum(1 for cell in text.split("\t") if cell.strip(" 。；，")) >= 2


#: A goal's year (到2025年, 至2026年底): not 截至2023年底, which dates what is already there.
#: How a plan's preamble states what exists today (全市已集聚企业600余家, 现有…, 目前…): no goal.
_PRESENT = re.compile(r"已|现有|目前|拥有|共有")


def _reports(sentence: str, first_year: int | None) -> bool:
    """Whether a plan's preamble sentence reports what is (已…, 现有…) or a year closed before the plan's first."""
    if _PRESENT.search(sentence):
        return True
    years = [int(y) for y in _PAST_YEAR.findall(sentence)]
    return bool(years and first_year and max(years) < first_year)


_GOAL_YEAR = re.compile(r"(?<!截)(?:到|至|力争)(20\d{2})年")


def _goal_year(doc: ParsedDocument, section: PolicySection | None) -> int | None:
    """The last year a plan without a period in its title sets goals for (到2025年…): what its 每年 and
    undated figures run to, as they would to the end of a stated period."""
    if section is None:
        return None
    years = [int(year) for year in _GOAL_YEAR.findall(doc.text, section.start, section.end)]
    return max(years, default=None)


def _document_year(graph: DocumentGraph) -> int | None:
    date = graph.document.props.get("date")
    return int(date[:4]) if date else None


@lru_cache(maxsize=8192)
def _grams(name: str, size: int) -> frozenset[str]:
    """The ``size``-character pieces of a name (cached: a document compares each indicator with many)."""
    return frozenset(name[i : i + size] for i in range(len(name) - size + 1))


@lru_cache(maxsize=16384)
def _same_indicator(a: str, b: str, *, loose: bool) -> bool:
    """Two ways of writing one indicator: one contains the other, most of their character pairs agree,
    or (``loose``) they share a four-character term (整治高耗低效企业 / 高耗低效整治企业数).

    Cached: a plan's table restates its text's indicators, and plans restate each other's."""
    if a in b or b in a:
        return True
    if loose and not _grams(a, 4).isdisjoint(_grams(b, 4)):
        return True
    x, y = _grams(a, 2), _grams(b, 2)
    return bool(x and y) and 2 * len(x & y) / (len(x) + len(y)) >= (0.5 if loose else 0.7)


def _unless_area_wide(chain: tuple[str, str] | None, indicator: str) -> tuple[str, str] | None:
    """The plan's chain as a figure's scope, unless the figure measures the area's economy at large."""
    return None if chain is None or area_wide(indicator) else chain


def _within_plan_chain(named: tuple[str, str] | None, plan: tuple[str, str] | None) -> tuple[str, str] | None:
    """The chain an indicator names, or the plan's own chain when the name is a part of the plan's (零部件产业产值 in
    a 某某汽车零部件 plan): a plan about a chain's parts speaks of them by their short name."""
    if named is not None and plan is not None and named[1] != plan[1] and named[1] in plan[1]:
        return plan
    return named


def _store_figure(
    doc: ParsedDocument,
    graph: DocumentGraph,
    figure: Figure,
    evidence: str,
    chain: tuple[str, str] | None,
    setter: Node | None,
    kind: str,
    year: int | None,
    stated: _Known,
    plan_chain_of: tuple[str, str] | None = None,
) -> None:
    """A figure as a Target of its indicator, FOR the chain it names or its item is headed by (``chain``),
    else the document's area; SET by ``setter`` (the measure it stands in, else the policy)."""
    year = figure.year or year
    if year is None:
        return
    kind = "actual" if figure.baseline else kind
    if chain is not None and chain == plan_chain_of:
        chain = _unless_area_wide(chain, figure.indicator)
    named = _within_plan_chain(chain_named(figure.indicator), plan_chain_of)
    chain = figure.scope or named or stated.chain_measured(figure.indicator) or chain
    scope = graph.node(chain[0], chain[1], evidence) if chain else stated.place(graph, doc.scope, evidence)
    if scope is None:
        return
    if stated.seen(scope, year, figure.value, clean_name(figure.indicator), table=False):
        return  # the plan states it in its table too (or twice in its text): one target
    indicator = stated.indicator(graph, figure.indicator, figure.unit, evidence)
    target = _target_node(
        graph,
        indicator,
        scope,
        year,
        kind,
        figure.value,
        evidence,
        unit=figure.unit,
        comparator=figure.comparator,
    )
    if setter is not None:
        graph.edge("SETS", setter, target, evidence)


def _document_chains(graph: DocumentGraph) -> dict[str, str]:
    """The chains the document names, by each of their names (家具, 家具产业)."""
    return {
        surface: node.name
        for node in sorted(graph.nodes.values(), key=lambda n: n.uid)
        if node.label == "IndustryChain"
        for surface in (node.name, *node.aliases)
        if len(surface) >= 2
    }


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Targets of every policy section (tables and sentences); reported figures in other documents."""
    found = findings.sections
    stated = _Known(chains=_document_chains(graph))
    if not found:
        _text_figures(doc, graph, None, None, stated, findings.districts)
        return
    for section in found:
        policy = graph.nodes.get(section.uid) if section.uid else None
        if policy is None:
            continue
        _table_targets(doc, graph, section, policy, stated)
        _text_figures(doc, graph, section, policy, stated, findings.districts)


__all__ = ["extract", "make_uid"]
