"""How fast the 招商 leads of one chain's gaps come, with 100,000 imported firms, on both stores.

Run ``python -m bench.leads [--firms 100000] [--repeat 30] [--store embedded|neo4j|both]``.

It generates a province of ten cities, five districts each, with one imported firm list per city (a Document
of kind ``firm_table`` whose rows are firms with 经营范围, 所属行业, tags and registered capital, in the shape
``chainkg import firms`` writes) and a plan of the 智能物流装备 chain in the first city. Business scopes mix
general items (技术服务, 五金产品批发 …) with items naming the products of every bundled chain template;
the first city makes only the chain's 核心零部件, so its other links are gaps, and every other city's
firms of those links are its leads. It stores the graph (embedded file; Neo4j bulk-loaded into a local
server started for the run) and prints, per store:

- building the region rule once (``region_facts`` over every firm, as the viewer does once per store version);
- everything uncached: :func:`chainkg.queries.leads.chain_leads` with the named queries run on the store and
  every candidate placed (the first call builds the embedded store's scope index): what the viewer does
  once per store version and chain;
- the leads of one region when the chain's picture is built (:func:`chainkg.queries.leads.leads_for`): what
  the viewer does for each region asked, p50 / p95 / max over ``--repeat`` regions in turn;
- the viewer's ``GET /api/leads`` for regions in turn (its answer cache bypassed; the JSON of every lead).

Aim: p95 ≤ 200 ms on both stores for a region's leads.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.http_load import percentiles
from chainkg import queries
from chainkg.graph.model import Graph, Node, make_uid, node_uid
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.queries.leads import chain_leads, leads_for
from chainkg.queries.placement import chain_picture
from chainkg.queries.region import Regions, regions
from chainkg.templates import load_templates
from chainkg.webapp import create_app

CHAIN = "智能物流装备"
CITIES, COUNTIES = 10, 5
_NEO4J_PASSWORD = "chainkg-bench-password"
GENERAL_ITEMS = (
    "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广",
    "五金产品批发",
    "机械设备销售",
    "货物进出口",
    "软件开发",
    "普通机械设备安装服务",
    "日用百货销售",
    "信息咨询服务（不含许可类信息咨询服务）",
    "金属材料销售",
    "办公用品销售",
    "企业管理咨询",
    "电子产品销售",
)
INDUSTRIES = ("通用设备制造业", "专用设备制造业", "批发业", "软件和信息技术服务业", "商务服务业", "零售业")
TAGS = (("专精特新", 0.05), ("上市", 0.01), ("高新技术企业", 0.1), ("规上", 0.2), ("专精特新小巨人", 0.01))


def _document(name: str, title: str, kind: str, text: str = "", **props: Any) -> Node:
    sha = hashlib.sha256(name.encode()).hexdigest()
    base = {"title": title, "kind": kind, "sha256": sha, "path": f"bench/{name}", "text": text}
    return Node(make_uid("Document", sha), "Document", name, {}, {**base, **props})


def _places(g: DocumentGraph, s: str) -> dict[str, Node]:
    province = g.node("District", "基准省", s, level="province")
    out = {"基准省": province}
    for c in range(CITIES):
        city = out[f"基准{c}市"] = g.node("District", f"基准{c}市", s, level="city")
        g.edge("PART_OF", city, province, s)
        for k in range(COUNTIES):
            county = out[f"基准{c}市{k}区"] = g.node("District", f"基准{c}市{k}区", s, level="county")
            g.edge("PART_OF", county, city, s)
    return out


def _scope(rng: random.Random, city: int, words: list[tuple[str, str, str]]) -> str:
    """A business scope: general items and, for most firms, one or two items naming a template's product."""
    items = rng.sample(GENERAL_ITEMS, rng.randint(2, 5))
    for _ in range(rng.choice((0, 1, 1, 2))):
        template, link, word = rng.choice(words)
        if city == 0 and template == CHAIN and link != "核心零部件":
            continue  # the first city's gaps
        item = rng.choice(("{}制造", "{}的研发、生产", "{}销售", "{}研发")).format(word)
        items.insert(rng.randrange(len(items) + 1), item)
    return "一般项目：" + "；".join(items) + "。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"


def build(firms: int, seed: int = 1) -> Graph:
    """The province, its firm lists and the chain's plan (see the module docstring)."""
    rng = random.Random(seed)
    words = [(t.name, link.name, w) for t in load_templates([]) for link in t.links for w in link.products]
    graph = Graph()
    plan_text = f"基准0市{CHAIN}产业链行动方案\n一、做强{CHAIN}产业链。\n"
    plan = DocumentGraph(_document("plan.txt", f"基准0市{CHAIN}产业链行动方案", "policy", plan_text))
    places = _places(plan, plan_text)
    policy = plan.node("Policy", f"基准0市{CHAIN}产业链行动方案", plan_text)
    plan.edge("SUPPORTS", policy, plan.node("IndustryChain", CHAIN, plan_text), plan_text)
    plan.edge("APPLIES_TO", policy, places["基准0市"], plan_text)
    graph.merge(plan)
    per_city = firms // CITIES
    for c in range(CITIES):
        file = f"基准{c}市企业名单.xlsx"
        scope = sorted(node_uid("District", f"基准{c}市{k}区") for k in range(COUNTIES))
        table = DocumentGraph(_document(file, f"基准{c}市企业名单", "firm_table", scope=scope))
        places = _places(table, f"企业名单 {file}")
        for n in range(per_city):
            county = f"基准{c}市{rng.randrange(COUNTIES)}区"
            row = f"{file} 第{n + 2}行"
            name = f"基准{c}市第{n}号科技有限公司"
            capital = round(10 ** rng.uniform(1, 5), 1)
            firm = table.node(
                "Enterprise",
                name,
                f"企业名单 {row}：{name}",
                credit_code=f"91{c:02d}{n:014d}",
                registered_capital=capital,
                registered_capital_text=f"{capital:g}万元",
                founded=f"20{rng.randrange(0, 24):02d}-01-01",
                company_type="有限责任公司",
                industry=rng.choice(INDUSTRIES),
                business_scope=_scope(rng, c, words),
                province="基准省",
                city=f"基准{c}市",
                county=county,
                tags=[t for t, p in TAGS if rng.random() < p],
                import_sources=[row],
            )
            table.edge("LOCATED_IN", firm, places[county], f"企业名单 {row}：{name}，{county}")
        graph.merge(table)
    return graph


def _percentiles(seconds: list[float]) -> str:
    p50, p95, top = percentiles([s * 1000 for s in seconds])
    return f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {top:.0f} ms"


class _Clock:
    """Wall time and this process's CPU time of each call: on a shared machine the wall time of Python work
    grows with the load while its CPU time does not (Neo4j's own work shows only in the wall time)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __call__(self, fn: Callable[[], Any]) -> Any:
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        self.wall.append(time.perf_counter() - t0)
        self.cpu.append(time.process_time() - c0)
        return out

    def __str__(self) -> str:
        return f"wall {_percentiles(self.wall)}; CPU {_percentiles(self.cpu)}"


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, _Clock, Any]:
    t0 = time.perf_counter()
    first = fn()
    cold = time.perf_counter() - t0
    clock = _Clock()
    for _ in range(repeat):
        clock(fn)
    return cold, clock, first


def _measure(name: str, store: GraphStore, config: StoreConfig, repeat: int) -> None:
    run: Callable[[str, dict[str, Any]], list[dict[str, Any]]] = lambda q, p: queries.run(store, q, p)  # noqa: E731
    t0 = time.perf_counter()
    rg: Regions = regions(run)
    rg.has_firm_list("")
    print(f"[{name}] region rule built in {time.perf_counter() - t0:.2f} s ({len(rg.rows):,} rows)")
    templates = load_templates([])
    first = rg.resolve("基准0市")
    assert first is not None
    cold, clock, out = _timed(lambda: chain_leads(run, CHAIN, templates, rg, first["uid"]), min(repeat, 5))
    print(
        f"[{name}] everything uncached (named queries on the store, placement of every candidate, ranking): "
        f"first {cold * 1000:.0f} ms, next {min(repeat, 5)}: {clock}; "
        f"{len(out['gaps'])} gap links, {len(out['leads']):,} leads in 基准0市"
    )
    pic = chain_picture(run, CHAIN, templates)
    assert pic is not None
    keys = [r["name"] for r in rg.choices() if r["level"] in ("city", "county")]
    clock = _Clock()
    sizes = []
    for i in range(repeat):
        found = rg.resolve(keys[i % len(keys)])
        assert found is not None
        sizes.append(len(clock(lambda: leads_for(pic, rg, found["uid"]))["leads"]))  # noqa: B023
    print(
        f"[{name}] leads of one region ({min(sizes):,}–{max(sizes):,} leads), the chain's picture built "
        f"(once per store version): {clock}"
    )
    app = create_app(config)
    client = app.test_client()
    client.get(f"/api/chains/{CHAIN}")  # the viewer opens its store, builds the region rule and the chain's picture
    clock = _Clock()
    for i in range(repeat):
        response = clock(lambda: client.get(f"/api/leads?chain={CHAIN}&region={keys[i % len(keys)]}"))  # noqa: B023
        assert response.status_code == 200, response.data[:200]
    print(f"[{name}] viewer GET /api/leads, a new region each time (the first 200 leads as JSON): {clock}")
    app.extensions["chainkg_store"].close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--store", choices=("embedded", "neo4j", "both"), default="both")
    args = parser.parse_args()
    t0 = time.perf_counter()
    graph = build(args.firms)
    print(f"graph: {len(graph.nodes):,} nodes, {len(graph.edges):,} relationships ({time.perf_counter() - t0:.1f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        if args.store in ("embedded", "both"):
            config = StoreConfig(path=Path(tmp) / "graph.json")
            t0 = time.perf_counter()
            with open_store(config) as store:
                store.write_document(graph)
            print(f"[embedded] stored in {time.perf_counter() - t0:.1f} s")
            with open_store(config) as store:
                _measure("embedded", store, config, args.repeat)
        if args.store in ("neo4j", "both"):
            from chainkg import local_neo4j

            home = Path(tmp) / "neo4j"
            info = local_neo4j.start(home, port=0, password=_NEO4J_PASSWORD)
            try:
                config = StoreConfig(neo4j_uri=info.uri, neo4j_password=_NEO4J_PASSWORD)
                t0 = time.perf_counter()
                with open_store(config) as neo4j:
                    nodes = (n.to_dict() for n in graph.nodes.values())
                    edges = (e.to_dict() for e in graph.edges.values())
                    neo4j.bulk_load(nodes, edges)  # type: ignore[attr-defined]
                print(f"[neo4j] bulk-loaded in {time.perf_counter() - t0:.1f} s")
                with open_store(config) as neo4j:
                    _measure("neo4j", neo4j, config, args.repeat)
            finally:
                local_neo4j.stop(home, missing_ok=True)


if __name__ == "__main__":
    main()
