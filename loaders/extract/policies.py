"""Policies and their measures: the graph of who leads which measure, for which chain and area.

Each instrument of a policy document (see :mod:`chainkg.loaders.extract.policy_sections`)
becomes a Policy with its 文号, period, status and issuer; every numbered
item a Measure PART_OF its parent (top items PART_OF the policy); the unit
lists give LED_BY / INVOLVES; the chains a measure speaks of give SUPPORTS;
a 重点区域 line gives APPLIES_TO and DEVELOPED_IN. Every 《…》 title (and a
named plan introduced by 制定/实施/深化…) is a cited Policy.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from importlib.resources import files

from chainkg.graph.model import Node, clean_name, identity_key
from chainkg.loaders.extract import departments, responsible_units, targets
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.documents import DOC_NUMBER, POLICY_CUES
from chainkg.loaders.extract.findings import CHAIN, Findings
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.extract.measures import Item, walk
from chainkg.loaders.extract.policy_sections import NOTICE, PolicySection
from chainkg.loaders.text import divisions
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import quote, sentence_at
from chainkg.loaders.text.keyword_scan import matches_near

_BOOK = re.compile(r"《([^《》]{2,80})》\s*(?:[（(]([^（）()]{3,30})[）)])?")
#: A cited plan's period in its name (2023—2025), and a period in brackets closing a title (its short name drops it).
_PERIOD_IN_NAME = re.compile(r"(\d{4})\s*[—\-－–]+\s*(\d{4})")
_BRACKETED_PERIOD = re.compile(r"[（(][^（）()]*\d{4}[^（）()]*[）)]$")
_STANDARD_CODE = re.compile(r"^(?:GB|DB|JB|HJ|QC|YY|T/)[A-Z0-9/\-.\s]+$")
_PLAN_VERBS = ("制定", "实施", "深化", "出台", "落实", "迭代升级", "研究制定", "发布")
_UNMARKED = re.compile(
    f"(?:{'|'.join(_PLAN_VERBS)})"
    r"((?:新一轮)?[^，。；、：:（）()《》\s]{4,34}?(?:行动计划|行动方案|若干政策|提升计划|提质增量计划|精英计划|整合退出方案))"
    r"(?=[，。；、）)]|$)"
)
#: A clause naming focus areas inside a sentence: 主攻沪苏杭等重点区域, 聚焦长三角等重点地区.
#: A plan named in quotes: 迭代升级“南太湖精英计划” (a quoted name ending as an instrument does).
_QUOTED = re.compile(r"“([^“”《》，。；\s]{2,30}?(?:计划|方案|意见|办法|条例|规划|纲要|政策|细则))”")
#: A distributive slogan (一链一方案, 一企一策, 一园一规划): one of a kind per chain, firm or park.
_ONE_EACH = re.compile(r"^一[^一]{1,2}一[^一]{1,3}$")
#: 《…》 titles that are publications, not instruments (定期编印《…简报》).
_PUBLICATION = re.compile(r"(?:简报|报告|年鉴|杂志|日报|晚报|白皮书|蓝皮书|通讯|专报|快报)$")
#: News names the instruments it reports on: a 《…》 title ending as an instrument does, a quoted label
#: followed by its instrument word (实施“A—B—C”梯度培育计划), or a list of short names of local policy
#: packages after 出台/实施 (出台实施人才新政2.0、招商七条、科技人才六条).
_NEWS_INSTRUMENT = ("条例", "纲要", "政策", "规范", "新政", *POLICY_CUES)
_NEWS_QUOTED = re.compile(
    r"(?:实施|出台|制定|推出|发布|落实)“([^“”《》，。；\s]{2,30})”"
    r"([^“”《》，。；、\s]{0,8}?(?:计划|方案|意见|办法|规划|政策|细则))(?=[，。；、）)]|$)"
)
_PACKAGE = r"[\u4e00-\u9fff]{2,8}?(?:新政(?:\d+(?:\.\d+)?)?|[一二三四五六七八九十]{1,3}条)"
_ISSUED = "(?:出台|实施|推出|发布)"
#: One or more issuing verbs, written X X* and not X+: a pattern opening with a repeat is tried at every
#: position of the text, one opening with the group of words lets the engine skip to their first characters.
_NEWS_PACKAGES = re.compile(rf"{_ISSUED}{_ISSUED}*((?:{_PACKAGE}、)*{_PACKAGE})(?=[，。；）)]|等)")
_INSTRUMENT_WORD = re.compile(r"(?:计划|方案|意见|办法|规划|政策|细则)$")
_FOCUS_CLAUSE = re.compile(r"([^，。；：:\n]{1,40}?)等?重点(?:区域|地区)(?![:：])")
_FOCUS_WORDS = ("重点区域", "重点地区")
#: What the words of :data:`_FOCUS_CLAUSE` before its focus word cannot hold.
_CLAUSE_STOPS = "，。；：:\n"
_FOCUS_AREA = re.compile(r"^(?:重点区域|重点地区|实施区域|布局区域)[:：]\s*(.+)$", re.MULTILINE)
_SCOPE_WORDS: dict[str, list[str]] = tomllib.loads(
    files(__package__).joinpath("measure_scope.toml").read_text(encoding="utf-8")
)
#: The heading of an instrument's closing item (附则): about no chain.
_CLOSING = re.compile("|".join(map(re.escape, _SCOPE_WORDS["closing_headings"])))
_PLACE_CUES = tuple(sorted(_SCOPE_WORDS["place_cues"], key=len, reverse=True))
_POSSESSIVE_CUES = tuple(_SCOPE_WORDS["possessive_cues"])
_BODY_WORDS = tuple(_SCOPE_WORDS["body_words"])
_CHAIN_HEADING_SUFFIXES = tuple(sorted(_SCOPE_WORDS["chain_heading_suffixes"], key=len, reverse=True))
_PLATFORM_ZONE_ENDINGS = tuple(_SCOPE_WORDS["platform_zone_endings"])
_GROUP_HEADING = re.compile(
    r"[一二三四五六七八九十两\d]+大|" + "|".join(map(re.escape, _SCOPE_WORDS["group_heading_words"]))
)
#: How far a title's chain name runs on to the 产业 after it (促进机器人及智能制造产业…: the whole name).
_NAME_TO_INDUSTRY = re.compile(r"[^的，、,（()）\s]{0,8}?(?=产业)")
#: What joins the places of one list (烟台、潍坊和聊城): the cue before the first is the cue of all.
_PLACE_JOINERS = ("、", "和", "及", "与", "，")
#: Where an item's unit list opens: places after it are bodies, not where the measure acts.
_UNIT_LIST = re.compile(
    r"[（(〔【]\s*(?:责任单位|牵头单位|牵头部门|责任部门|受理部门|配合单位)|[（(〔【][^（）()〔〕]{2,40}牵头"
)


def _policy_node(graph: DocumentGraph, section: PolicySection, doc: ParsedDocument, number: str | None) -> Node:
    aliases = {}
    bare = _BRACKETED_PERIOD.sub("", section.name).strip()
    if bare != section.name:
        aliases[bare] = "without-period"
    if section.title != section.name:
        aliases[section.title] = "with-status"
    if section.notice_title:
        aliases[section.notice_title] = "notice-title"
    evidence = sentence_at(doc, section.start)
    return graph.node(
        "Policy",
        section.name or number or "",  # a text sent out under its 文号 alone is known by it
        evidence,
        aliases={clean_name(alias): rule for alias, rule in aliases.items()},
        docNumber=number,
        period=section.period,
        status=section.status,
    )


def _issuer(graph: DocumentGraph, policy: Node, issuer: str | None, doc: ParsedDocument, evidence: str) -> None:
    """ISSUED_BY each office that issues the policy: joint issuers each, as written (办公厅 stays 办公厅)."""
    if not issuer:
        return
    for unit in departments.issuing_offices(issuer, doc.scope):
        graph.edge("ISSUED_BY", policy, departments.add(graph, unit, evidence), evidence)


def _cited(text: str) -> list[tuple[str, str | None, int]]:
    """(title, 文号 or standard code, offset) of every policy or standard the text names."""
    out = []
    for match in _BOOK.finditer(text):
        code = match.group(2)
        if code and not (DOC_NUMBER.fullmatch(code) or _STANDARD_CODE.match(code)):
            code = None
        if not _PUBLICATION.search(match.group(1)):
            out.append((match.group(1), code, match.start()))
    # the plan verbs open with common characters: found as words (see loaders.keyword_scan); “ is found fast as it is
    for match in [*matches_near(_UNMARKED, text, _PLAN_VERBS), *_QUOTED.finditer(text)]:
        if _ONE_EACH.match(match.group(1)):
            continue  # “一链一方案”, “一企一策”: a way of working, one plan per chain or firm, not an instrument
        if text[match.end() : match.end() + 1] not in ("》",) and not _inside_book(text, match.start()):
            out.append((match.group(1), None, match.start(1)))
    return out


def _inside_book(text: str, offset: int) -> bool:
    """True when ``offset`` lies inside a 《…》 title (《“南太湖精英计划”产业园管理办法》 cites the 办法 only)."""
    opened = text.rfind("《", 0, offset)
    return opened >= 0 and text.rfind("》", opened, offset) < 0


def _core(name: str) -> str:
    """A cited name without its area and instrument word: 合肥市二氧化碳达峰行动计划 → 二氧化碳达峰行动."""
    places = divisions.find_districts(name[:12], None)
    if places and places[0].start == 0 and places[0].level in ("province", "city", "county"):
        name = name[places[0].end :]
    return _INSTRUMENT_WORD.sub("", name)


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def _same_policy(a: str, b: str) -> bool:
    """Two names of one cited plan: 二氧化碳达峰行动计划 and 二氧化碳排放达峰行动方案 (a word dropped,
    the instrument word changed). Same opening, and one core is the other's with characters left out."""
    short, long = sorted((_core(a), _core(b)), key=len)
    return (
        len(short) >= 6 and short[:4] == long[:4] and len(short) * 4 >= len(long) * 3 and _is_subsequence(short, long)
    )


def _cites(graph: DocumentGraph, doc: ParsedDocument, policy: Node, section: PolicySection, names: set[str]) -> None:
    cited = _cited(doc.text[section.start : section.end])
    canonical: dict[str, str] = {}  # a name → the longest name of the same plan
    ranked = sorted({clean_name(t) for t, _, _ in cited}, key=lambda n: (-len(n), n))
    for name in ranked:
        canonical[name] = next(
            (c for c in ranked if c != name and canonical.get(c) == c and _same_policy(name, c)), name
        )
    for title, code, offset in cited:
        name = clean_name(title)
        if identity_key(name) in names or len(name) < 4:
            continue  # the document's own instruments (the notice quotes its plan)
        written, name = name, canonical[name]
        evidence = sentence_at(doc, section.start + offset)
        notice = NOTICE.match(name)
        aliases = {notice.group("inner"): "notice-inner-title"} if notice else {}
        if written != name:
            aliases[written] = "same-plan"
        period = _PERIOD_IN_NAME.search(name)
        cited_node = graph.node(
            "Policy",
            name,
            evidence,
            aliases=aliases,
            docNumber=code,
            period=f"{period.group(1)}-{period.group(2)}" if period else None,
        )
        graph.edge("CITES", policy, cited_node, evidence)
        if notice:
            _issuer(graph, cited_node, notice.group("issuer"), doc, evidence)


def measure_key(policy: Node, item: Item) -> tuple[str, str]:
    """A Measure is its policy and numbering path (titles repeat across policies)."""
    return (policy.uid, item.code)


def _measure_node(graph: DocumentGraph, policy: Node, item: Item, evidence: str) -> Node:
    return graph.node(
        "Measure",
        clean_name(item.title) or item.code,
        evidence,
        key=measure_key(policy, item),
        code=item.code,
        title=clean_name(item.title),
        text=item.text,
        policy=policy.name,
    )


def _chains(text: str, scope: str | None) -> list[tuple[str, str]]:
    return [(m.label, m.name) for m in find_industries(text, scope)]


Chain = tuple[str, str]


def plan_chain(title: str, findings: Findings, scope: str | None) -> Chain | None:
    """The one chain a plan's title names (山东省新能源汽车产业链…行动方案, 关于推进稀土永磁产业…的意见), else None.

    A plan about one chain is about it throughout: each of its items supports the chain. The title is read
    with the document's own chains too, since a title may name a chain in words the vocabulary alone
    misses; a name inside a longer one (稀土 in 稀土永磁) is the same chain. Two chains or a cluster
    (八大新兴产业链) make a plan about several: its items say which chain they are about.
    """
    named = [(m.label, m.name) for m in find_industries(title, scope)]
    if any(label != CHAIN for label, _ in named):
        return None
    names = {name for _, name in named}
    names |= {m.name for m in findings.industries if m.label == CHAIN and len(m.name) >= 2 and m.name in title}
    longest = [n for n in names if not any(n != other and n in other for other in names)]
    if len(longest) != 1:
        return None
    name = longest[0]
    at = title.find(name)
    if at >= 0:
        run = _NAME_TO_INDUSTRY.match(title, at + len(name))
        name = title[at : run.end()] if run else name
    return (CHAIN, _in_full(name, title, scope))


def _in_full(name: str, title: str, scope: str | None) -> str:
    """The chain's name as the title writes it in full, when words qualify the vocabulary's name before it
    (某区智能网联新能源汽车零部件产业…方案: the chain is 智能网联新能源汽车零部件, not 汽车零部件); the same reading
    of the title the plan's targets are scoped by."""
    worded = targets.plan_chain(title, scope)
    return worded[1] if worded is not None and name in worded[1] and len(worded[1]) > len(name) else name


def _chain_heading(title: str, scope: str | None) -> list[Chain]:
    """The chain a heading is (一、新能源汽车产业链 or （二）健康座椅): a name, a suffix at most after it."""
    title = clean_name(title)
    out = []
    for m in find_industries(title, scope):
        rest = title[m.end :]
        if m.start == 0 and (not rest or rest in _CHAIN_HEADING_SUFFIXES):
            out.append((m.label, m.name))
    return out


def _about_no_chain(item: Item, from_plan: bool) -> bool:
    """Items of a one-chain plan that are not about its chain: the closing item (附则), and a top heading
    that only groups items (二、重点任务) unless it names a chain."""
    if _CLOSING.search(item.title):
        return True
    return from_plan and item.parent is None and bool(item.children)


def _table_rows(text: str, item: Item, end: int) -> str:
    """The first cells of the rows of a table an item without sub-items holds (an indicator table under 主要目标),
    one a line: what the item's own text leaves out."""
    if item.children:
        return ""
    lines = text[item.start : end].split("\n")
    annex = next((at for at, line in enumerate(lines) if line.lstrip().startswith("附")), len(lines))
    lines = lines[:annex]  # 附：1. 主要指标分解表: the plan's annexes, not the last item's
    return "\n".join(
        line.split("\t")[1] if line[:1].isdigit() else line.split("\t")[0] for line in lines if "\t" in line
    )


def _supports(
    graph: DocumentGraph,
    doc: ParsedDocument,
    item: Item,
    node: Node,
    context: tuple[list[Chain], bool],
    evidence: str,
    rows: str = "",
) -> tuple[tuple[list[Chain], bool], list[Node]]:
    """SUPPORTS from the measure to the chains it is about (``evidence``: the sentence the item starts in).

    ``context`` holds the chains the item stands under (a chain heading above it, or the plan's one chain)
    and whether they come from the plan. An item under a chain supports that chain and the chains its own
    heading names (its text names the fields the chain serves, not chains it works for); an item under
    none supports the chains its text names. Either way also the chains its sub-items are headed by.
    Returns the context of its own sub-items (its heading's chain, else its own context) and the chain
    nodes it supports.
    """
    inherited, from_plan = context
    named_in_title = _chains(item.title, doc.scope)
    heading_chains = []
    if named_in_title or _GROUP_HEADING.search(item.title):
        heading_chains = [c for child in item.children for c in _chain_heading(child.title, doc.scope)]
    own_heading = _chain_heading(item.title, doc.scope)
    if inherited:
        about = [] if _about_no_chain(item, from_plan) and not named_in_title else list(inherited)
        found = [*about, *named_in_title, *heading_chains]
    else:  # its text, and the rows of a table it holds (工程机械产业链产值\t亿元\t1800)
        found = [*_chains(item.text, doc.scope), *_chains(rows, doc.scope), *heading_chains]
    passed = (own_heading, False) if own_heading else context
    targets = []
    for label, name in dict.fromkeys(found):
        if label not in (CHAIN, "Cluster"):
            continue
        chain = graph.node(label, name, evidence)
        graph.edge("SUPPORTS", node, chain, evidence)
        targets.append(chain)
    return passed, targets


def _focus_areas(graph: DocumentGraph, doc: ParsedDocument, item: Item, node: Node, chains: list[Node]) -> None:
    """重点区域：A、B → APPLIES_TO from the measure and DEVELOPED_IN from the chains it is headed by;
    a clause such as 主攻沪苏杭等重点区域 → APPLIES_TO only (the areas are where the measure acts,
    not where a chain grows)."""
    if "区域" not in item.text and "地区" not in item.text:
        return
    for match in _FOCUS_AREA.finditer(item.text):
        evidence = match.group(0)
        for mention in divisions.find_districts(match.group(1), doc.scope):
            district = graph.node(
                "District", mention.name, evidence, aliases={mention.surface: "focus-area"}, level=mention.level
            )
            graph.edge("APPLIES_TO", node, district, evidence)
            for chain in chains:
                graph.edge("DEVELOPED_IN", chain, district, evidence)
    # the clause pattern tries a clause at every character: start it only shortly before a focus word
    # (a match holds one at most 41 characters after its start, and no clause stop before it)
    for match in matches_near(_FOCUS_CLAUSE, item.text, _FOCUS_WORDS, 41, _CLAUSE_STOPS):
        at = doc.text.find(match.group(0), item.start)
        evidence = sentence_at(doc, at) if at >= 0 else match.group(0)
        for mention in divisions.find_districts(match.group(1), doc.scope):
            if mention.name == doc.scope:
                continue  # 全市重点区域: the document's own area is no focus
            district = graph.node(
                "District", mention.name, evidence, aliases={mention.surface: "focus-area"}, level=mention.level
            )
            graph.edge("APPLIES_TO", node, district, evidence)


def _acting_end(doc: ParsedDocument, start: int, end: int) -> int:
    """Where the words of an item spanning ``doc.text[start:end]`` end: before its unit list (places in
    责任单位：X区政府 are bodies, not where the measure acts)."""
    cut = _UNIT_LIST.search(doc.text, start, end)
    return cut.start() if cut else end


def _place_cue(text: str, start: int) -> str | None:
    """The cue word that ends ``text[:start]`` (在, 依托, 推动…), if any."""
    before = text[max(0, start - 4) : start]
    return next((cue for cue in _PLACE_CUES if before.endswith(cue)), None)


def _starts_name(names: list[tuple[int, int]], at: int) -> bool:
    """Whether a firm's or platform's name starts at ``at`` or spans it (支持X的某公司, 布局X新能源基地)."""
    return any(start <= at < end for start, end in names)


def _is_platform_zone(mention: divisions.DistrictMention) -> bool:
    """A development zone named as one (长治高新区, 某经开区): a platform, not a place of the measure."""
    return mention.level == "zone" and mention.surface.endswith(_PLATFORM_ZONE_ENDINGS)


def _acting_places(doc: ParsedDocument, findings: Findings, start: int, end: int) -> list[divisions.DistrictMention]:
    """The places the words ``doc.text[start:end]`` of a measure put it in: a place, or a list of places,
    right after a cue word (在X建设, 位于X的, 依托X资源, 推动X、Y发展, 以X、Y为重点, 引导X、Y的企业).

    Not the document's own area (全市) or one containing it, not a development zone (a platform), not a
    body of the place (X政府牵头), not a place opening the name of a platform (布局X新能源产业基地), and not
    the place of a named firm (支持X的某公司) unless the cue says where (在, 位于).
    """
    text = doc.text
    scope = doc.scope
    districts = findings.districts  # in text order: those of the span found by bisection, not by a scan
    first = bisect_left(districts, start, key=lambda m: m.start)
    last = bisect_left(districts, end, lo=first, key=lambda m: m.start)
    if first == last:
        return []
    around = {scope, *divisions.ancestors(scope)} if scope else set()
    names = [(s, e) for _, s, e in findings.firm_names] + [(p.start, p.end) for p in findings.platforms]
    out = []
    cue: str | None = None
    last_end = -1
    for mention in districts[first:last]:
        if mention.end > end:
            continue
        joined = last_end >= 0 and text[last_end : mention.start] in _PLACE_JOINERS
        cue = cue if joined and cue else _place_cue(text, mention.start)
        last_end = mention.end
        after = text[mention.end : mention.end + 4]
        if cue is None or mention.name in around or _is_platform_zone(mention) or after.startswith(_BODY_WORDS):
            continue
        if cue not in _POSSESSIVE_CUES:
            next_at = mention.end + 1 if after.startswith("的") else mention.end
            if _starts_name(names, next_at) or _starts_name(names, mention.start):
                continue
        out.append(mention)
    return out


def _where(graph: DocumentGraph, doc: ParsedDocument, findings: Findings, node: Node, span: tuple[int, int]) -> None:
    """APPLIES_TO the places a measure's words (``span`` of the text) put it in (see :func:`_acting_places`)."""
    start, end = span
    for mention in _acting_places(doc, findings, start, _acting_end(doc, start, end)):
        evidence = sentence_at(doc, mention.start)
        district = graph.node(
            "District", mention.name, evidence, aliases={mention.surface: "measure-place"}, level=mention.level
        )
        graph.edge("APPLIES_TO", node, district, evidence)


def _responsibility(graph: DocumentGraph, doc: ParsedDocument, item: Item, node: Node) -> None:
    found = responsible_units.of_item(item, doc.scope)
    if found is None:
        return
    evidence = found.evidence
    at = doc.text.find(evidence, item.start)
    if at >= 0:  # the unit list as the file writes it
        evidence = quote(doc, at, at + len(evidence))
    if found.lead is not None:
        graph.edge("LED_BY", node, departments.add(graph, found.lead, evidence), evidence)
    for other in found.others:
        graph.edge("INVOLVES", node, departments.add(graph, other, evidence), evidence)


#: Who issues an instrument news reports, right before its 《: two offices or more joined by 、 (or A联合B、C),
#: then the issuing verbs (省A厅、省B厅联合制定印发《, A省人民政府、B部日前联合印发《, A厅联合B厅、C厅制定《).
_JOINT_ISSUE = re.compile(
    r"([^，。；：:,\n《》（）()\s]{3,80}?)(?:日前|近日|近期)?(?:联合|共同)?(?:研究)?(?:制定|印发|出台|发布)+了?$"
)
#: How an issuing office's name ends (a 部门 is a kind of body, no office: 三地工信部门).
_OFFICE_END = re.compile(r"(?:厅|局|委|委员会|办|办公室|(?<!门)部|政府|总局|署)$")
_ISSUER_JOINERS = re.compile(r"、|联合")  # 和 and 及 stand inside names (工业和信息化部)


def _news_issuers(doc: ParsedDocument, graph: DocumentGraph, policy: Node, opening: int) -> None:
    """ISSUED_BY each office news names as jointly issuing the 《…》 opening at ``opening``: only when every
    name of the list ends as an office's name does (a list of bodies or places issues nothing nameable)."""
    joint = _JOINT_ISSUE.search(doc.text, max(0, opening - 90), opening)
    if joint is None:
        return
    clause = joint.group(1)
    names = [n for n in _ISSUER_JOINERS.split(clause) if n]
    if len(names) < 2 or not all(_OFFICE_END.search(n) for n in names):
        return
    evidence = sentence_at(doc, opening)
    for unit in departments.issuing_offices("、".join(names), doc.scope):
        graph.edge("ISSUED_BY", policy, departments.add(graph, unit, evidence), evidence)


def _back_reference(title: str, before: list[str]) -> bool:
    """A short 《实施方案》 or 《措施》 after the full title that ends so: the same instrument named again."""
    return any(len(title) < len(full) and full.rstrip("）)0123456789—-－年（(").endswith(title) for full in before)


def _news_citations(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Policy nodes for the instruments a news text names (no citing policy: news cites none itself)."""
    found: list[tuple[str, int]] = []
    books: list[str] = []
    for match in _BOOK.finditer(doc.text):
        title = match.group(1)
        instrument = title.rstrip("）)").rstrip("0123456789—-－年（(").endswith(_NEWS_INSTRUMENT)
        if _back_reference(title, books):
            continue
        books.append(title)
        name = clean_name(title)
        if instrument and not _PUBLICATION.search(title) and len(name) >= 4:
            evidence = sentence_at(doc, match.start())
            _news_issuers(doc, graph, graph.node("Policy", name, evidence), match.start())
    for match in _NEWS_QUOTED.finditer(doc.text):
        found.append((match.group(1) + match.group(2), match.start(1)))
    for match in _NEWS_PACKAGES.finditer(doc.text):
        offset = match.start(1)
        for name in match.group(1).split("、"):
            found.append((name, offset))
            offset += len(name) + 1
    for title, offset in found:
        name = clean_name(title)
        if len(name) >= 4:
            graph.node("Policy", name, sentence_at(doc, offset))


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Policy, Measure and their relations for every instrument of a policy document; the instruments
    a news text names."""
    if graph.document.props.get("kind") == "news":
        _news_citations(doc, graph)
    found = findings.sections
    number = graph.document.props.get("docNumber")
    names = {identity_key(n) for s in found for n in (s.name, s.title)}
    main: Node | None = None
    for index, section in enumerate(found):
        policy = _policy_node(graph, section, doc, number if index == 0 else None)
        section.uid = policy.uid
        _issuer(graph, policy, section.issuer, doc, sentence_at(doc, section.start))
        if main is None:
            main = policy
        else:
            graph.edge("CITES", main, policy, sentence_at(doc, section.start))
        _cites(graph, doc, policy, section, names)
        _measures(graph, doc, policy, section, findings)


def _measures(
    graph: DocumentGraph, doc: ParsedDocument, policy: Node, section: PolicySection, findings: Findings
) -> None:
    plan = plan_chain(section.name, findings, doc.scope)
    top: tuple[list[Chain], bool] = ([plan], True) if plan else ([], False)
    contexts: dict[int, tuple[list[Chain], bool]] = {}
    items = list(walk(section.items or []))
    ends = [item.start for item in items[1:]] + [section.end] if items else []
    for item, end in zip(items, ends, strict=True):
        evidence = sentence_at(doc, item.start)  # of the measure, its PART_OF and its SUPPORTS: looked up once
        node = _measure_node(graph, policy, item, evidence)
        item.uid = node.uid
        parent_uid = item.parent.uid if item.parent else None
        parent = graph.nodes[parent_uid] if parent_uid else policy
        graph.edge("PART_OF", node, parent, evidence)
        context = contexts[id(item.parent)] if item.parent else top
        passed, chains = _supports(graph, doc, item, node, context, evidence, _table_rows(doc.text, item, end))
        contexts[id(item)] = passed
        _responsibility(graph, doc, item, node)
        # the chains a 重点区域 line develops are those the item is headed by (1.健康座椅), not every one it names
        headed = [c for c in chains if (c.label, c.name) in passed[0]] or chains
        _focus_areas(graph, doc, item, node, headed)
        _where(graph, doc, findings, node, (item.start, end))


__all__ = ["extract", "measure_key", "POLICY_CUES"]
