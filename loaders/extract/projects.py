"""Named investment projects: name, investment, area, capacity and status.

A project is a name ending in 项目 (or a 样板工厂/新工厂 a firm invests in) whose
run of name characters says which one (独山能源三期项目, 年产30GW光伏胶膜材料项目,
“南蟹北养”项目), not a kind (产业链项目, 标志性项目). Figures are read from its
sentence: 总投资…亿元, …亩, 年产…, and the status words 签约/开工/在建/投产/达产.
The firm named before it in the sentence, or whose name it starts with, INVESTS_IN it.
"""

from __future__ import annotations

import re
from typing import Any

from chainkg.graph.model import Node, clean_name
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.chain_layouts import PRODUCT_HEAD
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.industries import dominant_chain, find_industries, heading_chain
from chainkg.loaders.extract.prose_context import Place, ProseContext
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of
from chainkg.loaders.text.keyword_scan import matches_near
from chainkg.loaders.text.names import FIRM_WORD, NAME_CHARS, run_before, trim_left

_PROJECT_WORDS = ("项目", "样板工厂", "工程")
_PROJECT = re.compile("|".join(_PROJECT_WORDS))
#: Words naming a project only after its figure (投资4亿元的…改造工程): a bare 工程 more often names a programme.
_AFTER_FIGURE_ONLY = ("工程",)
_KIND_ONLY = re.compile(
    r"^(?:[一-龥]{0,4}(?:产业链|产业|特色|重点|重大|标志性|优质|龙头|大|好|招商|签约|人才|创业|技改|示范|协同创新|"
    r"高层次人才创业|计划|研发|攻关|绿色化|募投|延链补链强链|强链补链|科技|资产重组|汽车电子|八大新兴产业链|"
    r"3亿元以上八大新兴产业链|亿元以上))*$"
)
_INVEST = re.compile(r"(?:总投资|投资)(?:超|约|达)?(\d+(?:\.\d+)?)(亿元|亿美元|万元)")
_AREA = re.compile(r"(?:占地|用地|盘活土地|地块)?(\d+(?:\.\d+)?)亩")
_CAPACITY = re.compile(r"年产\d+(?:\.\d+)?[A-Za-z\u4e00-\u9fff]{1,4}")
#: The capacity opening a project's name (年产30GW光伏胶膜材料): no part of the product.
_UNIT = r"(?:万|千|百)?(?:吨|台|套|辆|件|片|只|平方米|GWh|GW|MWh|MW)"
_OUTPUT_LEAD = re.compile(
    rf"^(?:(?:年产|年增|新增)\d+(?:\.\d+)?(?:{_UNIT}|[A-Za-z]+(?=[\u4e00-\u9fff]))?|\d+(?:\.\d+)?{_UNIT})"
)
#: What a project does with its product, closing its name (光伏胶膜扩建, 冷轧硅钢深加工): no part of the product.
_WORK_TAIL = re.compile(r"(?:整体)?(?:研发生产|生产|制造|智能制造|扩建|新建|技改|改造|搬迁|深加工|加工|扩能|建设)+$")
#: What a project does, opening its name (扩建组件项目, 新建电芯项目): no part of the product.
_WORK_LEAD = re.compile(r"^(?:扩建|新建|建设|实施|改扩建)")
#: A process, not a thing made (不锈钢冷轧扩建项目, 红土镍矿冶炼项目): such a project names no product.
_PROCESS = re.compile(r"(?:冷轧|热轧|轧制|冶炼|炼钢|炼铁|熔铸|铸造|锻造|电镀|喷涂)$")
#: A firm's legal name (or its tail) opening the project's name, when it is not the investor's form: not the product.
_FIRM_PART = re.compile(r"^.*?(?:股份有限公司|有限责任公司|有限公司)")
#: What a project does for a chain, not a thing it makes (填补产业链空白项目, 补短板项目, 技术改造示范项目).
_NOT_MADE = re.compile(r"产业链|空白|短板|补链|强链|延链|升级|改造|提升|示范")
#: A base or line named for what it makes (压铸装备生产基地, 电池片生产线): the thing before it is the product.
_MAKING_PLACE = re.compile(r"(?:研发)?(?:生产|制造)(?:基地|线)$|产线$")
#: Names of places of work, not of products (…产业园, …生产线): a project so named says no product.
_NOT_A_PRODUCT = ("期", "工厂", "基地", "产业园", "园区", "生产线", "产线", "中心", "总部")
#: Status words, most advanced first; "达产后" (once at capacity) speaks of the future and does not count.
_STATUS = tuple(
    (re.compile(cue + r"(?!后)"), status)
    for cue, status in (
        ("达产", "达产"),
        ("投产", "投产"),
        ("加紧建设|在建|正在建设|正投资|建设中", "在建"),
        ("开工", "开工"),
        ("签约", "签约"),
    )
)


_QUOTED = re.compile(r"^[“\"][^”\"]{2,12}[”\"]$")
#: What a text says right after one project's name: its figures (X项目总投资N亿元, X项目一期用地N亩) or how far
#: it has got (X项目已开工, X项目年内投产). A kind of project is not the subject of such a sentence.
_FIGURES_AFTER = re.compile(
    r"(?:[一二三四五六七八九十\d]期)?[，,]?(?:总投资|计划投资|协议投资|投资|占地|用地|规划用地)(?:约|超|达)?\d"
    r"|[^，。；,;]{0,4}?(?:开工|动工|投产|竣工|签约|落户|落地|建成|达产|完成)"
)
#: A figure of the project written before its name: 总投资50亿元的X项目, 投资6亿元的年产…项目.
_FIGURES_BEFORE = re.compile(r"(?:总投资|投资|计划投资)(?:约|超|达)?\d+(?:\.\d+)?(?:亿|万)(?:多|余)?(?:元|美元)?的$")
#: One item of a list of projects: A项目、B项目 (its neighbour is a project too).
_PROJECT_LIST_AFTER = re.compile(r"、[^，。；、]{2,30}?项目")
#: Conjunctions inside one project's name (高功率激光器及光纤激光器项目): the name goes on before them.
_JOINED = ("及", "和", "与")
_PHASE = re.compile(r"年产\d|[0-9一二三四五六七八九十]期|\d+(?:\.\d+)?(?:万吨|万台|万辆|GW|MW|GWh|亿只)")
#: Counts, batches and years say how many projects, not which (24个重点项目, 第二批重点项目, 更多零部件项目).
_AMOUNT = re.compile(r"投资|亿|万元|美元|企业|[（(]|[个家项批]$|等|\d+个|第.批|\d{4}年|更多|上下游")
#: A firm investing before the project's name: 投资6亿元, 投资约320亿元, 投资的 / 投资建设的 (A投资的…项目).
_FIRM_INVESTS = re.compile(r"(?:正|已|将)?(?:投资|投入)(?:约|超|近|达)?\d|投资(?:建设|兴建)?的")


def _project_names(doc: ParsedDocument, firms: list[Node]) -> list[tuple[str, int]]:
    """Named projects: a name ending in 项目 that says which one, not what kind.

    A project is named when its name starts with a firm of the text (慧仓科技工业轮式机器人项目),
    is quoted (“南蟹北养”项目), gives a capacity or phase (年产30GW…, 三期), or is what a
    firm of the sentence invests in (银座箱包正投资5亿元建设新工厂，打造箱包产业4.0样板工厂).
    Kinds (技术改造项目, 产业链项目) and amounts (总投资超亿美元项目) are not names.
    """
    text = doc.text
    forms = sorted({form for f in firms for form in (f.name, *f.alias_rules)}, key=lambda x: (-len(x), x))
    out = []
    for match in matches_near(_PROJECT, text, _PROJECT_WORDS):
        if _COUNT_AFTER.match(text, match.end()):
            continue  # 总投资N亿元的基础设施项目8个: how many projects of a kind
        raw = _after_figure(text, match.start(), match.end())
        if raw is None and match.group(0) in _AFTER_FIGURE_ONLY:
            continue
        if raw is None:
            run, _ = run_before(text, match.end(), limit=24)
            raw = trim_left(run)
        start, name = _joined(text, match.end() - len(raw), clean_name(raw))
        stem = name[: -len(match.group(0))]
        raw_stem = raw[: -len(match.group(0))]
        if len(name) < 5 or _AMOUNT.search(stem) or _KIND_ONLY.fullmatch(stem) or _is_industry(stem):
            continue
        if _PHASE_AND_WORK_ONLY.fullmatch(stem):
            continue  # 二期扩建项目: a phase of a project named before, not a name of its own
        sentence = doc.sentences[sentence_of(doc, start)]
        before = text[sentence.start : start]
        firm_first = any(stem.startswith(form) for form in forms)
        invested = any(form in before and _FIRM_INVESTS.search(before, before.rfind(form)) for form in forms)
        if firm_first or _QUOTED.match(raw_stem) or _PHASE.search(stem) or invested or _told(text, start, name):
            out.append((name, start))
    return out + [found for found in _shared_list_projects(text, forms) if found[0] not in {n for n, _ in out}]


#: A、B、C等(一批)…项目 with the items sharing the one 项目 (甲化工乙酸纤维素、乙材光学玻璃等一批高端制造项目).
_SHARED_LIST = re.compile(
    r"((?:[^，。；：:、]{4,24}、)+[^，。；：:、]{4,24})等(?:一批|多个|\d+个)?[^，。；]{0,12}?项目"
)
#: A trade word alone after a firm's name (尼得科 and 尼得科机床 name one firm, not a firm and its project).
_FIRM_WORD_ONLY = re.compile(FIRM_WORD)


def _firm_and_work(item: str, forms: list[str]) -> bool:
    """Whether ``item`` is a firm's name and what its project makes (乙材光学玻璃), not a firm's name."""
    return any(
        item.startswith(form) and len(item) - len(form) >= 2 and not _FIRM_WORD_ONLY.fullmatch(item[len(form) :])
        for form in forms
    )


def _shared_list_projects(text: str, forms: list[str]) -> list[tuple[str, int]]:
    """A甲材料、B乙设备等项目: each item is a project of its own, named with the shared 项目, where an item opens
    with a firm of the text (the list then is one of firms' projects, not of firms or kinds)."""
    out = []
    for match in matches_near(_SHARED_LIST, text, ("等",), 200, stops="，。；：:\n"):
        items, offset = match.group(1).split("、"), match.start(1)
        trimmed = trim_left(items[0])
        offset += len(items[0]) - len(trimmed)
        items[0] = trimmed
        if set(items) & set(forms) or not any(_firm_and_work(item, forms) for item in items):
            continue  # A、B等龙头项目 whose items are firms' names lists firms, not their projects
        for item in items:
            if len(item) >= 4 and not _AMOUNT.search(item) and not item.endswith("项目"):
                out.append((clean_name(item) + "项目", offset))
            offset += len(item) + 1
    return out


#: A figure and 的 opening a project's name (投资4.5亿元的 X项目, 总投资3亿多元的 Y工程): the name is all of the run
#: after it, cue words and all (…孵化产业园项目, …农田建设项目).
_FIGURE_OF = re.compile(
    r"(?:总投资|计划投资|投资)(?:约|超|达|近)?\d+(?:\.\d+)?(?:亿|万)(?:多|余)?(?:元|美元)的(?=[^，。；：:、]{4,40}$)"
)
#: How far before a project word its figure is looked for (the longest name read so, and the figure).
_FIGURE_REACH = 56
_COUNT_AFTER = re.compile(r"\d+个")


def _after_figure(text: str, start: int, end: int) -> str | None:
    """The name between a figure and 的 and the project word at ``start``-``end`` (投资2亿元的X项目: X项目), or
    None where no such figure stands right before the run (a list break or another clause comes between)."""
    figures = list(_FIGURE_OF.finditer(text, max(0, start - _FIGURE_REACH), start))
    if not figures:
        return None
    figure = figures[-1]
    name = text[figure.end() : end]
    return name if re.fullmatch(NAME_CHARS + "+", name) else None


#: A stem saying only which phase and what work (二期扩建, 三期新建): it names no project by itself.
_PHASE_AND_WORK_ONLY = re.compile(r"[一二三四五六七八九十\d]期(?:工程)?(?:扩建|新建|建设|技改|改造|扩能)?")


def _told(text: str, start: int, name: str) -> bool:
    """Whether the text speaks of this one project: gives its figures or progress next to its name, or lists it
    with other projects (A项目、B项目等8个项目)."""
    end = start + len(name)
    return bool(
        _FIGURES_AFTER.match(text, end)
        or _FIGURES_BEFORE.search(text, max(0, start - 16), start)
        or _PROJECT_LIST_AFTER.match(text, end)
        or text.endswith("项目、", 0, start)
    )


#: A capacity opening a project's name: 年产20万吨…, 100万千瓦…, 30GW… (the name lists what is made).
_CAPACITY_LEAD = re.compile(rf"(?:年产|年增|新增)?\d+(?:\.\d+)?(?:万千瓦|{_UNIT})")
#: How many items of a list of capacities a project's name is read back over.
_CAPACITY_ITEMS = 4


def _capacity_list(text: str, start: int, name: str) -> tuple[int, str]:
    """A name listing what it makes, cut at a 、 (年产5万吨A、B、3万吨C项目: the name was read as 3万吨C项目): the
    name from the capacity opening the list, where the items before the cut are whole runs and the first opens
    with a capacity; else the name as found."""
    at = start
    for _ in range(_CAPACITY_ITEMS):
        if at == 0 or text[at - 1] != "、":
            return start, name
        run, run_start = run_before(text, at - 1, limit=24)
        head = trim_left(run)
        if not head:
            return start, name
        at = at - 1 - len(head)
        if _CAPACITY_LEAD.match(head):
            return at, clean_name(text[at:start]) + name
        if head != run:
            return start, name  # a cue word cut the run: the list starts in it without a capacity
    return start, name


def _joined(text: str, start: int, name: str) -> tuple[int, str]:
    """The name with the part before a conjunction it was cut at (高功率半导体激光器及|光纤激光器项目), or the
    list of capacities it was cut from (:func:`_capacity_list`)."""
    if start > 0 and text[start - 1] == "、":
        return _capacity_list(text, start, name)
    if start == 0 or text[start - 1] not in _JOINED:
        return start, name
    run, run_start = run_before(text, start - 1, limit=20)
    head = trim_left(run)
    if len(head) < 2 or not head.endswith(tuple(c for c in head[-1:] if c.isalnum())):
        return start, name
    joined = clean_name(head + text[start - 1] + name)
    return start - 1 - len(head), joined


def _is_industry(stem: str) -> bool:
    """一批新材料项目 names a kind of project (an industry's), not one project."""
    return any(m.start == 0 and m.end == len(stem) for m in find_industries(stem))


def _props(sentence: str) -> dict[str, Any]:
    props: dict[str, Any] = {}
    invest = _INVEST.search(sentence)
    if invest:
        props["investment"] = float(invest.group(1)) if "." in invest.group(1) else int(invest.group(1))
        props["investmentUnit"] = invest.group(2)
    area = _AREA.search(sentence)
    if area:
        props["area"] = float(area.group(1)) if "." in area.group(1) else int(area.group(1))
    capacity = _CAPACITY.search(sentence)
    if capacity:
        props["capacity"] = capacity.group(0)
    props["status"] = next((status for cue, status in _STATUS if cue.search(sentence)), None)
    return props


def extract(doc: ParsedDocument, graph: DocumentGraph, findings: Findings) -> None:
    """Project nodes with their figures, LOCATED_IN, IN_CHAIN and INVESTS_IN."""
    firms = sorted(graph.by_label("Enterprise"), key=lambda n: n.uid)
    found = _project_names(doc, firms)
    if not found:
        return
    context = ProseContext(doc, graph, findings)
    located: set[str] = set()
    for name, start in found:
        index = sentence_of(doc, start)
        sentence = doc.sentences[index].text
        node = graph.node("Project", name, sentence, **_props(sentence))
        investors = _investors(graph, node, firms, sentence, start - doc.sentences[index].start)
        local = start - doc.sentences[index].start
        chains = context.chains_near(index, local, local + len(name)) or _investor_chains(graph, investors)
        if not chains and not context.chains_in(index):
            chains = (
                context.paragraph_chain(index)
                or heading_chain(context.doc, context.layout, index)
                or context.document_chain()
                or dominant_chain(findings)
            )
        for chain in context.chain_nodes(chains, sentence):
            graph.edge("IN_CHAIN", node, chain, sentence)
        if node.uid in located:
            continue
        place_node = _place_of(context, index, local, name, investors)
        if place_node is not None:
            located.add(node.uid)
            graph.edge("LOCATED_IN", node, place_node, sentence)


def _place_of(context: ProseContext, index: int, local: int, name: str, investors: list[Node]) -> Node | None:
    """A cue of the sentence, else the investor's place, else the zone the news is about (its headline and lead
    name one), else the text's area. An investor only placed in the text's area says no more than the area."""
    sentence = context.doc.sentences[index].text
    place = context.cued_place(index, local, local + len(name))
    if place is not None:
        return context.place_node(place, sentence)
    carrier = _carrier_reported_on(context, index)
    if carrier is not None:
        return context.place_node(carrier, sentence)
    investor = _investor_place(context.graph, investors)
    scope = context.scope()
    lead = context.lead_zone()
    if investor is not None and (lead is None or scope is None or investor.name != scope.name):
        return investor
    fallback = lead or scope
    return context.place_node(fallback, sentence) if fallback is not None else None


#: X园再添新成员 / X园区新签约 / X开发区又添新项目: a sentence reporting that a carrier gains members, whose next
#: sentence names one of them.
_GAINS = re.compile(r"(?:再添|又添|新添|喜添)(?:新成员|新项目|新军|生力军)|迎来[^，。；,;]{0,10}?项目")


def _carrier_reported_on(context: ProseContext, index: int) -> Place | None:
    """X产业园再添新成员。P项目…: a project named right after the sentence saying a carrier gains new members
    (in its paragraph) lies in that carrier."""
    if index == 0 or context.layout.paragraph(index) == index:
        return None
    before = context.doc.sentences[index - 1].text
    if not _GAINS.search(before):
        return None
    return context.carrier_before(index - 1)


def _investor_chains(graph: DocumentGraph, investors: list[Node]) -> list[str]:
    """A firm's project belongs to the firm's chain when its sentence names none."""
    uids = {f.uid for f in investors}
    return sorted(graph.nodes[e.end].name for e in graph.edges.values() if e.type == "IN_CHAIN" and e.start in uids)[:1]


def _investor_place(graph: DocumentGraph, investors: list[Node]) -> Node | None:
    """A firm's project stands where the firm does when its sentence says nothing else."""
    uids = {f.uid for f in investors}
    places = sorted(e.end for e in graph.edges.values() if e.type == "LOCATED_IN" and e.start in uids)
    return graph.nodes[places[0]] if places else None


def _investors(graph: DocumentGraph, project: Node, firms: list[Node], sentence: str, local: int) -> list[Node]:
    """The firm the project is named after, else the firm its sentence says invests in it after its name
    (P由A投资), else the last firm named before it in the sentence, with its partner in a joint venture
    (A与B合资的P: both); and the parent a subsidiary invests through (A通过控股子公司B…: A too)."""
    named = [f for f in firms if any(project.name.startswith(form) for form in (f.name, *f.alias_rules))]
    if not named:
        named = _invested_by(firms, sentence, local + len(project.name))
    if not named:
        found = [(max(sentence.rfind(form, 0, local) for form in (f.name, *f.alias_rules)), f) for f in firms]
        before = sorted(((pos, f) for pos, f in found if pos >= 0), key=lambda item: (item[0], item[1].uid))
        named = [before[-1][1]] if before else []
        if len(before) >= 2 and _JOINT_VENTURE.fullmatch(sentence, before[-1][0], local):
            named.insert(0, before[-2][1])
    named = _parents_of(firms, sentence, named) + named
    for firm in named:
        graph.edge("INVESTS_IN", firm, project, sentence)
        made = sorted(
            graph.nodes[e.end].name for e in graph.edges.values() if e.type == "MAKES" and e.start == firm.uid
        )
        for product in _products_of(project.name, firm):
            product = next((p for p in made if product.startswith(p)), product)
            graph.edge("MAKES", firm, graph.node("Product", product, sentence), sentence)
    return named


#: P由A投资 / P由A投建: the firm after 由 invests in the project just named.
_BY = re.compile(r"(?:[（(][^）)]{0,30}[）)])?[^，。；,;]{0,6}?由")
_BY_VERB = ("投资", "投建", "出资", "建设", "兴建")
#: …B合资的P: B's name, then the joint-venture words, then the project (A与B合资的P).
_JOINT_VENTURE = re.compile(r"[^，。；,;]{2,30}?(?:合资|共同投资|联合投资)(?:建设|设立)?的")


#: A通过控股子公司B…投资P: the parent invests through the subsidiary named right after these words.
_THROUGH_SUBSIDIARY = re.compile(r"通过(?:其)?(?:全资|控股)?子公司$")


def _parents_of(firms: list[Node], sentence: str, named: list[Node]) -> list[Node]:
    """A通过控股子公司B…: A, the firm named right before those words, for a subsidiary B among ``named``."""
    out: list[Node] = []
    for firm in named:
        for form in (firm.name, *firm.alias_rules):
            at = sentence.find(form)
            if at < 0 or not _THROUGH_SUBSIDIARY.search(sentence, 0, at):
                continue
            parents = [
                (sentence.rfind(f, 0, at), parent)
                for parent in firms
                if parent is not firm
                for f in (parent.name, *parent.alias_rules)
                if 0 <= sentence.rfind(f, 0, at)
            ]
            if parents:
                out.append(max(parents, key=lambda item: item[0])[1])
    uids = {f.uid for f in named}
    unique = {p.uid: p for p in out if p.uid not in uids}
    return list(unique.values())


def _invested_by(firms: list[Node], sentence: str, end: int) -> list[Node]:
    """The firm named right after 由 behind the project's name, before a verb of investing (P由A投资)."""
    by = _BY.match(sentence, end)
    if by is None:
        return []
    for firm in firms:
        for form in (firm.name, *firm.alias_rules):
            if sentence.startswith(form, by.end()) and sentence.startswith(_BY_VERB, by.end() + len(form)):
                return [firm]
    return []


def _products_of(project: str, firm: Node) -> list[str]:
    """慧仓科技工业轮式机器人项目 → 工业轮式机器人; 年产30GW光伏胶膜材料项目 → 光伏胶膜材料; 年产N万吨高纯镁砂
    及镁质耐火材料项目 → 高纯镁砂, 镁质耐火材料 (a project making two things names both)."""
    stem = project.removesuffix("项目")
    for form in sorted((firm.name, *firm.alias_rules), key=len, reverse=True):
        if stem.startswith(form):
            stem = stem[len(form) :]
            break
    stem = _OUTPUT_LEAD.sub("", _FIRM_PART.sub("", stem))
    line = _MAKING_PLACE.search(stem)
    if line:  # 力劲压铸装备生产基地项目: the base makes 压铸装备, when that is a made thing's name
        made = _WORK_TAIL.sub("", _WORK_LEAD.sub("", stem[: line.start()]))
        return [made] if len(made) >= 2 and PRODUCT_HEAD.search(made) and not _PROCESS.search(made) else []
    if stem.endswith(_NOT_A_PRODUCT):
        return []
    stem = _WORK_TAIL.sub("", _WORK_LEAD.sub("", stem))
    items = re.split(r"及|和|、", stem)
    return [item for item in items if len(item) >= 2 and not _PROCESS.search(item) and not _NOT_MADE.search(item)]
