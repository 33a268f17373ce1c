"""Scoring against gold files: each README matching rule on a small real graph and gold folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chainkg.cli import main
from chainkg.evaluation import Counts, GoldError, GoldSet, dice, evaluate, evaluate_fresh, gold_set
from chainkg.graph.json_format import dump_json
from chainkg.graph.model import Graph, Node, make_uid, node_uid
from chainkg.loaders.extract.builder import DocumentGraph

EV = "证据句。"


def document(name: str) -> DocumentGraph:
    return DocumentGraph(Node(make_uid("Document", name), "Document", name, {}, {"kind": "policy"}))


def write_gold(folder: Path, name: str, entities: list[dict[str, Any]], relations=(), targets=()) -> None:
    folder.mkdir(exist_ok=True)
    data = {"document": name, "scope": "", "entities": entities, "relations": list(relations), "targets": list(targets)}
    (folder / f"{Path(name).stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def ent(label: str, name: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    return {"label": label, "name": name, "aliases": list(aliases), **extra}


def rel(rel_type: str, start: tuple[str, str], end: tuple[str, str]) -> dict[str, Any]:
    return {"type": rel_type, "from": list(start), "to": list(end)}


def prf(counts: Counts) -> tuple[int, int, int, float | None, float | None, float | None]:
    return (counts.tp, counts.fp, counts.fn, counts.precision, counts.recall, counts.f1)


def test_exact_match_with_marks_and_chain_suffix(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(
        gold,
        "a.txt",
        [
            ent("Department", "湖州市经济和信息化局"),
            ent("Department", "湖州市财政局"),
            ent("IndustryChain", "生物医药产业"),
            ent("Policy", "《湖州市制造业行动方案》"),
        ],
    )
    graph = document("a.txt")
    graph.node("Department", "湖州市经济和信息化局", EV)
    graph.node("Department", "湖州市科学技术局", EV)
    graph.node("IndustryChain", "生物医药产业链", EV)
    graph.node("Policy", "湖州市制造业行动方案", EV)

    report = evaluate(graph, gold)

    assert prf(report.entities["Department"]) == (1, 1, 1, 0.5, 0.5, 0.5)
    assert prf(report.entities["IndustryChain"]) == (1, 0, 0, 1.0, 1.0, 1.0)
    assert prf(report.entities["Policy"]) == (1, 0, 0, 1.0, 1.0, 1.0)
    assert prf(report.entities_total) == (3, 1, 1, 0.75, 0.75, 0.75)
    assert report.warnings == []


def test_alias_match_and_relation_through_it(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    policy, dept = ("Policy", "湖州市制造业行动方案"), ("Department", "湖州市经济和信息化局")
    write_gold(
        gold,
        "a.txt",
        [ent(*policy), ent(*dept, "市经信局"), ent("District", "湖州市", "全市")],
        [rel("ISSUED_BY", policy, dept)],
    )
    graph = document("a.txt")
    p = graph.node(*policy, EV)
    d = graph.node("Department", "市经信局", EV)
    graph.node("District", "全市", EV)
    graph.edge("ISSUED_BY", p, d, EV)

    report = evaluate(graph, gold)

    assert prf(report.entities["Department"]) == (1, 0, 0, 1.0, 1.0, 1.0)
    assert prf(report.entities["District"]) == (1, 0, 0, 1.0, 1.0, 1.0)
    assert prf(report.relations["ISSUED_BY"]) == (1, 0, 0, 1.0, 1.0, 1.0)


def test_measure_fuzzy_match_within_its_policy(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    policy = "湖州市制造业行动方案"
    measures = ["主要任务", "全力支持企业专精特新发展", "加快建设高能级产业平台", "强化人才支撑", "推进企业数字化转型"]
    write_gold(
        gold,
        "a.txt",
        [ent("Policy", f"《{policy}》"), *(ent("Measure", m, policy=policy) for m in measures)],
        [
            rel("PART_OF", ("Measure", "主要任务"), ("Policy", policy)),
            rel("PART_OF", ("Measure", "全力支持企业专精特新发展"), ("Measure", "主要任务")),
            rel("PART_OF", ("Measure", "加快建设高能级产业平台"), ("Measure", "主要任务")),
        ],
    )
    graph = document("a.txt")
    ours, other = graph.node("Policy", policy, EV), graph.node("Policy", "另一个行动方案", EV)
    top = graph.node("Measure", "主要任务", EV, key=(policy, "二"))
    graph.edge("PART_OF", top, ours, EV)
    # Dice 20/23 ≥ 0.8, not a substring: matches through 主要任务 → the policy.
    by_dice = graph.node("Measure", "全力支持企业专精特新化发展", EV, key=(policy, "二.1"))
    graph.edge("PART_OF", by_dice, top, EV)
    # Contains the gold heading.
    by_containment = graph.node("Measure", "加快建设高能级产业平台，打造发展新引擎", EV, key=(policy, "二.2"))
    graph.edge("PART_OF", by_containment, top, EV)
    # Same words, wrong policy: no match.
    wrong_policy = graph.node("Measure", "强化人才支撑", EV, key=("另一个行动方案", "三"))
    graph.edge("PART_OF", wrong_policy, other, EV)
    # Dice 12/16 = 0.75 < 0.8: no match.
    below = graph.node("Measure", "推动企业数字化转型", EV, key=(policy, "二.3"))
    graph.edge("PART_OF", below, top, EV)
    assert dice("推进企业数字化转型", "推动企业数字化转型") == 0.75

    report = evaluate(graph, gold)

    assert prf(report.entities["Measure"]) == (3, 2, 2, 0.6, 0.6, pytest.approx(0.6))
    assert prf(report.entities["Policy"])[:3] == (1, 1, 0)
    # m1→policy, by_dice→m1, by_containment→m1 are true; wrong_policy→other and below→m1 are not.
    assert prf(report.relations["PART_OF"]) == (3, 2, 0, 0.6, 1.0, pytest.approx(0.75))


def test_duplicate_extracted_node_is_a_false_positive(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    firm, area = ("Enterprise", "湖州三一装载机有限公司"), ("District", "湖州市吴兴区")
    write_gold(gold, "a.txt", [ent(*firm, "三一装载机"), ent(*area, "吴兴区")], [rel("LOCATED_IN", firm, area)])
    graph = document("a.txt")
    full, short = graph.node(*firm, EV), graph.node("Enterprise", "三一装载机", EV)
    district = graph.node("District", "吴兴区", EV)
    graph.edge("LOCATED_IN", full, district, EV)
    graph.edge("LOCATED_IN", short, district, EV)

    report = evaluate(graph, gold)

    assert prf(report.entities["Enterprise"]) == (1, 1, 0, 0.5, 1.0, pytest.approx(2 / 3))
    assert prf(report.relations["LOCATED_IN"]) == (1, 1, 0, 0.5, 1.0, pytest.approx(2 / 3))
    fps = [f.text for f in report.documents[0].findings if f.outcome == "FP"]
    assert any(text.startswith("三一装载机 [") for text in fps), fps  # the canonical name is the one that counts


def test_district_hierarchy_through_an_unmentioned_parent(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    jinjiang, fujian, xiamen = ("District", "晋江市"), ("District", "福建省"), ("District", "厦门市")
    write_gold(
        gold,
        "a.txt",
        [ent(*jinjiang), ent(*fujian), ent(*xiamen)],
        [rel("PART_OF", jinjiang, fujian), rel("PART_OF", xiamen, fujian)],
    )
    graph = document("a.txt")
    j, f, x = graph.node(*jinjiang, EV), graph.node(*fujian, EV), graph.node(*xiamen, EV)
    # 泉州市 comes from the divisions data set: a node with no MENTIONED_IN.
    q = graph.add_node(Node(node_uid("District", "泉州市"), "District", "泉州市", {}, {"level": "city"}))
    graph.edge("PART_OF", j, q, EV)
    graph.edge("PART_OF", q, f, EV)
    graph.edge("PART_OF", j, x, EV)  # both named in the text and wrong

    report = evaluate(graph, gold)

    assert prf(report.entities["District"]) == (3, 0, 0, 1.0, 1.0, 1.0)
    assert prf(report.relations["PART_OF"]) == (1, 1, 1, 0.5, 0.5, 0.5)
    findings = {(f.outcome, f.text) for f in report.documents[0].findings}
    assert ("FN", "District:厦门市 -> District:福建省") in findings
    assert ("FP", "District:晋江市 -> District:厦门市") in findings


def test_targets_with_fuzzy_indicator_names(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    scope = ("District", "湖州市吴兴区")
    tax, rnd = "规上工业亩均税收", "研发费用占主营业务收入比重"

    def target(indicator: str, year: int, value: float) -> dict[str, Any]:
        return {"indicator": indicator, "unit": "", "for": list(scope), "year": year, "value": value, "kind": "target"}

    write_gold(
        gold,
        "a.txt",
        [ent(*scope, "吴兴区"), ent("Indicator", tax), ent("Indicator", rnd)],
        targets=[target(tax, 2023, 48), target(rnd, 2025, 2.2), target(tax, 2027, 60)],
    )
    graph = document("a.txt")
    district = graph.node("District", "吴兴区", EV)
    short_tax = graph.node("Indicator", "亩均税收", EV)  # contained in the gold name
    near_rnd = graph.node("Indicator", "研发费用占营业收入比重", EV)  # Dice 16/22 ≥ 0.6
    for indicator, year, value in ((short_tax, 2023, 48), (near_rnd, 2025, 2.2000000001), (short_tax, 2027, 65)):
        node = graph.node(
            "Target", f"{indicator.name}{year}", EV, key=(indicator.name, str(year)), year=year, value=value
        )
        graph.edge("OF_INDICATOR", node, indicator, EV)
        graph.edge("FOR", node, district, EV)

    report = evaluate(graph, gold)

    assert prf(report.entities["Indicator"]) == (2, 0, 0, 1.0, 1.0, 1.0)
    assert prf(report.targets) == (2, 1, 1, pytest.approx(2 / 3), pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert "OF_INDICATOR" not in report.relations and "FOR" not in report.relations
    assert prf(report.overall)[:3] == (5, 1, 1)


def test_missing_document_scores_all_missed(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a.txt", [ent("District", "湖州市")])
    write_gold(
        gold,
        "b.txt",
        [ent("District", "平湖市"), ent("District", "嘉兴市")],
        [rel("PART_OF", ("District", "平湖市"), ("District", "嘉兴市"))],
    )
    graph = document("a.txt")
    graph.node("District", "湖州市", EV)

    report = evaluate(graph, gold)

    missing = report.documents[1]
    assert (missing.document, missing.found) == ("b.txt", False)
    assert prf(missing.overall) == (0, 0, 3, None, 0.0, None)
    assert prf(report.entities["District"]) == (1, 0, 2, 1.0, pytest.approx(1 / 3), 0.5)
    assert len(report.warnings) == 1 and "'b.txt' is not in the graph" in report.warnings[0]
    only_a = evaluate(graph, gold, ["a.txt"])
    assert [d.document for d in only_a.documents] == ["a.txt"] and only_a.warnings == []


def test_relation_to_an_unlisted_entity_is_a_gold_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a.txt", [ent("District", "平湖市")], [rel("PART_OF", ("District", "平湖市"), ("District", "X"))])
    with pytest.raises(GoldError, match=r"a\.json: PART_OF relation refers to District 'X'"):
        evaluate(Graph(), gold)


def test_cli_eval_on_an_export_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "a.txt", [ent("Department", "湖州市财政局"), ent("Department", "湖州市商务局")])
    graph = document("a.txt")
    graph.node("Department", "湖州市财政局", EV)
    graph.node("Department", "湖州市文化广电旅游局", EV)
    export = tmp_path / "graph.json"
    export.write_bytes(dump_json(graph))
    runner = CliRunner()

    result = runner.invoke(main, ["eval", str(gold), "--graph", str(export), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["entities"]["Department"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert data["overall"]["f1"] == 0.5

    result = runner.invoke(main, ["eval", str(gold), "--graph", str(export), "--details"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.split()[:7] == ["Department", "1", "1", "1", "0.500", "0.500", "0.500"] for line in lines)
    assert any("FN entity" in line and "湖州市商务局" in line for line in lines)
    assert any("FP entity" in line and "湖州市文化广电旅游局" in line for line in lines)

    result = runner.invoke(main, ["eval", str(gold), "--graph", str(export), "--document", "zzz.txt"])
    assert result.exit_code == 1 and "no gold file for zzz.txt" in result.output


def test_a_gold_set_is_scored_on_its_own_corpus_built_into_a_fresh_store(tmp_path: Path) -> None:
    """dev/gold + dev/corpus (or gold/ beside corpus/): the corpus is built afresh, whatever a store holds."""
    corpus = tmp_path / "set" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("临川市推进光伏产业链建设。\n", encoding="utf-8")
    gold_dir = tmp_path / "set" / "gold"
    gold_dir.mkdir()
    gold = {
        "document": "a.txt",
        "scope": None,
        "entities": [{"label": "IndustryChain", "name": "光伏"}, {"label": "IndustryChain", "name": "风电"}],
        "relations": [],
        "targets": [],
    }
    (gold_dir / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    found = gold_set(tmp_path / "set")
    assert found == GoldSet(gold_dir, corpus)
    assert gold_set(gold_dir) == GoldSet(gold_dir, corpus)  # the gold folder itself, corpus beside it
    chains = evaluate_fresh(found).entities["IndustryChain"]
    assert (chains.tp, chains.fn) == (1, 1)
    with pytest.raises(GoldError, match="no corpus"):
        evaluate_fresh(GoldSet(gold_dir, None))

    # the CLI: each set with its corpus built afresh (an empty store named explicitly is scored instead)
    runner = CliRunner()
    both = ["eval", str(tmp_path / "set"), str(gold_dir), "--json"]
    result = runner.invoke(main, both, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    reports = json.loads(result.output[result.output.index("[") :])
    assert [r["entities"]["IndustryChain"]["tp"] for r in reports] == [1, 1]
    empty = tmp_path / "empty.json"
    result = runner.invoke(main, ["eval", str(tmp_path / "set"), "--store", str(empty), "--json"])
    assert json.loads(result.output[result.output.index("{") :])["entities"]["IndustryChain"]["tp"] == 0
