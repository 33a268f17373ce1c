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
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.industries import find_industries
from chainkg.loaders.extract.prose_context import ProseContext
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.evidence import sentence_of
from chainkg.loaders.text.keyword_scan import matches_near
from chainkg.loaders.text.names import run_before, trim_left

_PROJECT_WORDS = ("项目", "样板工厂")
_PROJECT = re.compile("|".join(_PROJECT_WORDS))
_KIND_ONLY = re.compile(
    r"^(?:[一-龥]{0,4}(?:产业链|产业|特色|重点|重大|标志性|优质|龙头|大|好|招商|签约|人才|创业|技改|示范|协同创新|"
    r"高层次人才创业|计划|研发|攻关|绿色化|募投|延链补链强链|强链补链|科技|资产重组|汽车电子|八大新兴产业链|"
    r"3亿元以上八大新兴产业链|亿元以上))*$"
)
_INVEST = re.compile(r"(?:总投资|投资)(?:超|约|达)?(\d+(?:\.\d+)?)(亿元|亿美元|万元)")
_AREA = re.compile(r"(?:占地|用地|盘活土地|地块)?(\d+(?:\.\d+)?)亩")
_CAPACITY = re.compile(r"年产\d+(?:\.\d+)?[A-Za-z\u4e00-\u9fff]{1,4}")
#: The capacity opening a project's name (年产30GW光伏胶膜材料): no part of the product.
_OUTPUT_LEAD = re.compile(r"^年产\d+(?:\.\d+)?[A-Za-z]*")
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
_PHASE = re.compile(r"年产\d|[0-9一二三四五六七八九十]期|\d+(?:\.\d+)?(?:万吨|万台|万辆|GW|MW|GWh|亿只)")
_AMOUNT = re.compile(r"投资|亿|万元|美元|企业|[（(]|[个家项批]$|等")
_FIRM_INVESTS = re.compile(r"(?:正|已|将)?(?:投资|投入)\d")


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
        run, _ = run_before(text, match.end(), limit=24)
        raw = trim_left(run)
        name = clean_name(raw)
        stem = name[: -len(match.group(0))]
        raw_stem = raw[: -len(match.group(0))]
        if len(name) < 5 or _AMOUNT.search(stem) or _KIND_ONLY.fullmatch(stem) or _is_industry(stem):
            continue
        start = match.end() - len(raw)
        sentence = doc.sentences[sentence_of(doc, start)]
        before = text[sentence.start : start]
        firm_first = any(stem.startswith(form) for form in forms)
        invested = any(form in before and _FIRM_INVESTS.search(before, before.rfind(form)) for form in forms)
        if firm_first or _QUOTED.match(raw_stem) or _PHASE.search(stem) or invested:
            out.append((name, start))
    return out


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
            chains = context.paragraph_chain(index) or context.document_chain()
        for chain in context.chain_nodes(chains, sentence):
            graph.edge("IN_CHAIN", node, chain, sentence)
        if node.uid in located:
            continue
        place = context.cued_place(index, local, local + len(name))
        place_node = context.place_node(place, sentence) if place else _investor_place(graph, investors)
        if place_node is None and context.scope() is not None:
            place_node = context.place_node(context.scope(), sentence)  # type: ignore[arg-type]
        if place_node is not None:
            located.add(node.uid)
            graph.edge("LOCATED_IN", node, place_node, sentence)


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
    """The firm the project is named after, else the last firm named before it in the sentence."""
    named = [f for f in firms if any(project.name.startswith(form) for form in (f.name, *f.alias_rules))]
    if not named:
        before = [(max(sentence.rfind(form, 0, local) for form in (f.name, *f.alias_rules)), f) for f in firms]
        before = [(pos, f) for pos, f in before if pos >= 0]
        named = [max(before, key=lambda item: item[0])[1]] if before else []
    for firm in named:
        graph.edge("INVESTS_IN", firm, project, sentence)
        product = _product_of(project.name, firm)
        made = sorted(
            graph.nodes[e.end].name for e in graph.edges.values() if e.type == "MAKES" and e.start == firm.uid
        )
        product = next((p for p in made if product and product.startswith(p)), product)
        if product:
            graph.edge("MAKES", firm, graph.node("Product", product, sentence), sentence)
    return named


def _product_of(project: str, firm: Node) -> str | None:
    """慧仓科技工业轮式机器人项目 → 工业轮式机器人; 年产30GW光伏胶膜材料项目 → 光伏胶膜材料."""
    stem = project.removesuffix("项目")
    for form in sorted((firm.name, *firm.alias_rules), key=len, reverse=True):
        if stem.startswith(form):
            stem = stem[len(form) :]
            break
    stem = _OUTPUT_LEAD.sub("", stem)
    if stem.endswith(("期", "工厂", "基地")) or len(stem) < 2:
        return None
    return stem
