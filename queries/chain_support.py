"""Embedded twin of ``chain_support.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import chains_matching, cypher_sorted, label_of, out_nodes, reach, view


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for c in chains_matching(g, chain):
        found: dict[tuple[str, str | None], dict[str, Any]] = {}
        for s, _, rel_type, data in g.in_edges(c, keys=True, data=True):
            if rel_type == "SUPPORTS" and label_of(g, s) in ("Measure", "Policy"):
                found.setdefault((s, None), data)
        for k in out_nodes(g, c, "PART_OF", label="Cluster"):
            for s, _, rel_type, data in g.in_edges(k, keys=True, data=True):
                if rel_type == "SUPPORTS" and label_of(g, s) in ("Measure", "Policy"):
                    found.setdefault((s, g.nodes[k]["name"]), data)
        for (s, via), data in found.items():
            node = g.nodes[s]
            kind = "policy" if label_of(g, s) == "Policy" else "measure"
            if kind == "policy":
                policy = node["name"]
            else:
                policies = sorted(g.nodes[p]["name"] for p in reach(g, s, "PART_OF", 4, "Policy"))
                policy = policies[0] if policies else None
            rows.append(
                {
                    "kind": kind,
                    "uid": s,
                    "name": node.get("title") or node["name"],
                    "code": node.get("code"),
                    "policy": policy,
                    "lead": sorted(g.nodes[d]["name"] for d in out_nodes(g, s, "LED_BY")),
                    "involved": sorted(g.nodes[d]["name"] for d in out_nodes(g, s, "INVOLVES")),
                    "via": via,
                    "sources": data.get("sources") or [data.get("source")],
                    "evidence": data.get("evidences") or [data.get("evidence")],
                }
            )
    return cypher_sorted(
        rows, [("policy", False), ("kind", True), ("code", False), ("name", False), ("uid", False), ("via", False)]
    )
