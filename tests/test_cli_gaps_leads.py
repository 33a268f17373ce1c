"""``chainkg gaps`` and ``chainkg leads``: the viewer's gap list and lead list on the command line, on both stores.

The graph is tests/leads_graph.py (甲市 with 东区, 乙市 with 西区, 丙市; imported firm lists for 甲市 and 乙市;
甲市's plan calls 自动化立体仓库 a 短板). The command line must give the rows the library gives the viewer.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from click.testing import CliRunner

from chainkg import queries
from chainkg.cli import main
from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import GraphStore
from chainkg.queries.gaps import gap_rows, in_group
from chainkg.queries.placement import chain_picture
from chainkg.queries.region import regions
from chainkg.templates import load_templates
from tests import leads_graph
from tests.leads_graph import CHAIN, uid


def _load(store: GraphStore) -> list[str]:
    """The graph written into ``store``; the options that point the command line at it."""
    for graph in leads_graph.build():
        store.write_document(graph)
    store.flush()
    if isinstance(store, Neo4jStore):
        return ["--neo4j-uri", store.config.neo4j_uri or "", "--neo4j-password", store.config.neo4j_password or ""]
    assert isinstance(store, EmbeddedStore)
    return ["--store", str(store.path)]


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_gaps_of_a_city_name_each_kind_in_chinese(any_store: GraphStore) -> None:
    where = _load(any_store)
    code, out = _cli("gaps", "--region", "甲市", "--chain", CHAIN, "--format", "json", *where)
    assert code == 0, out
    rows = {r["环节"]: r for r in json.loads(out)}
    assert rows["自动化立体仓库"]["短板"].startswith("短板")  # the plan says so, with its sentence
    assert "短板" in rows["自动化立体仓库"]["原文"]
    assert rows["核心零部件"]["短板"].startswith("确认缺失")  # the list is imported, no firm of 甲市 there
    assert "输送分拣设备" not in rows  # 甲输送设备 is there
    assert {r["位置"] for r in rows.values()} <= {"上游", "中游", "下游", ""}


def test_gaps_match_the_library_and_a_city_without_a_list_is_unknown(any_store: GraphStore) -> None:
    where = _load(any_store)
    run: Any = lambda name, params: queries.run(any_store, name, params)  # noqa: E731
    templates = load_templates([])
    expected = in_group(
        gap_rows(run, lambda k: chain_picture(run, k, templates), regions(run), uid("District", "丙市")), "补链"
    )
    code, out = _cli("gaps", "--region", "丙市", "--format", "csv", *where)
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["产业链"], r["环节"]) for r in rows] == [(e["chain"], e["segment"] or "") for e in expected]
    assert {r["短板"] for r in rows if r["产业链"] == CHAIN} == {"待梳理：暂无已知本地企业"}


def test_leads_rank_firms_elsewhere_with_their_reason(any_store: GraphStore) -> None:
    where = _load(any_store)
    code, out = _cli("leads", "--chain", CHAIN, "--region", "甲市", "--format", "csv", *where)
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["企业名称"] for r in rows][:2] == ["乙仓储装备有限公司", "丙机器人有限公司"]
    assert [r["序号"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert rows[0]["推荐理由"].startswith("经营范围含堆垛机") and rows[0]["来源"].startswith("导入行")
    assert not any(r["企业名称"].startswith("甲") for r in rows)  # 甲市's own firms are no leads for it
    code, out = _cli("leads", "--chain", CHAIN, "--region", "甲市", "--link", "核心零部件", "--limit", "1", *where)
    assert code == 0 and "乙导航科技有限公司" in out and "乙仓储装备有限公司" not in out


def test_a_partial_region_name_is_resolved_or_named_ambiguous(embedded_store: GraphStore) -> None:
    where = _load(embedded_store)
    code, out = _cli("gaps", "--region", "东", "--chain", CHAIN, *where)  # only 东区 holds 东
    assert code == 0 and "核心零部件" in out
    code, out = _cli("gaps", "--region", "区", *where)
    assert code == 1 and "东区" in out and "西区" in out and "several" in out
    code, out = _cli("leads", "--chain", "没有这条链", "--region", "甲市", *where)
    assert code == 1 and "no industry chain" in out
    code, out = _cli("gaps", "--region", "丁市", *where)
    assert code == 1 and "no district or platform '丁市'" in out
