"""Embedded twin of ``policies_measures.cypher``."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    chains_matching,
    in_nodes,
    label_of,
    names,
    nodes_with_label,
    nulls_last,
    out_nodes,
    reach,
    reach_back,
    view,
)


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    pairs: list[tuple[str | None, str | None]] = []
    if chain:
        # Walked from the chains: what SUPPORTS them (testing each of the graph's measures and
        # policies instead took about a second on a 300-document graph).
        wanted = sorted(chains_matching(g, chain))
        supporters = list(dict.fromkeys(s for c in wanted for s in in_nodes(g, c, "SUPPORTS")))
        for m in supporters:
            if label_of(g, m) == "Measure":
                policies = sorted(reach(g, m, "PART_OF", 6, "Policy"))
                pairs.append((policies[0] if policies else None, m))
        for p in supporters:
            if label_of(g, p) == "Policy" and not reach_back(g, p, "PART_OF", 6, "Measure"):
                pairs.append((p, None))
        return _rows(g, pairs)
    with_measures: set[str] = set()
    for m in nodes_with_label(g, "Measure"):
        policies = sorted(reach(g, m, "PART_OF", 6, "Policy"))
        with_measures.update(policies)
        pairs.append((policies[0] if policies else None, m))
    for p in nodes_with_label(g, "Policy"):
        if p not in with_measures:
            pairs.append((p, None))
    return _rows(g, pairs)


def _rows(g: nx.MultiDiGraph, pairs: list[tuple[str | None, str | None]]) -> list[dict[str, Any]]:
    rows = []
    for policy_uid, measure_uid in pairs:
        pol = g.nodes[policy_uid] if policy_uid else {}
        mea = g.nodes[measure_uid] if measure_uid else {}
        rows.append(
            {
                "policy_uid": policy_uid,
                "policy": pol.get("name"),
                "doc_number": pol.get("docNumber"),
                "uid": measure_uid,
                "code": mea.get("code"),
                "title": mea.get("title") or mea.get("name"),
                "text": mea.get("text"),
                "lead": names(g, out_nodes(g, measure_uid, "LED_BY", label="Department")) if measure_uid else [],
                "involved": names(g, out_nodes(g, measure_uid, "INVOLVES", label="Department")) if measure_uid else [],
                "chains": names(g, out_nodes(g, measure_uid or policy_uid or "", "SUPPORTS")),
            }
        )
    return sorted(rows, key=lambda r: nulls_last(r["policy"], r["policy_uid"], r["code"], r["title"], r["uid"]))
