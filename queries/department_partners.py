"""Embedded twin of ``department_partners.cypher``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import cypher_sorted, matches_key, nodes_with_label, out_nodes, view


def run(store: EmbeddedStore, department: str | None, limit: int | None) -> list[dict[str, Any]]:
    g = view(store)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in nodes_with_label(g, "Measure"):
        units = out_nodes(g, m, "LED_BY", "INVOLVES", label="Department")
        for a in units:
            if department and not matches_key(g, a, department):
                continue
            for b in units:
                if a != b and (department or a < b):
                    shared[(a, b)].add(m)
    rows = []
    for (a, b), measures in shared.items():
        titles = sorted({g.nodes[m].get("title") or g.nodes[m]["name"] for m in measures})
        rows.append(
            {
                "uid": a,
                "department": g.nodes[a]["name"],
                "partner_uid": b,
                "partner": g.nodes[b]["name"],
                "shared": len(measures),
                "measures": titles[:5],
            }
        )
    rows = cypher_sorted(
        rows, [("shared", True), ("department", False), ("partner", False), ("uid", False), ("partner_uid", False)]
    )
    return rows[: 100 if limit is None else limit]
