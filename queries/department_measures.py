"""Embedded twin of ``department_measures.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    cypher_sorted,
    in_nodes,
    matches_key,
    names,
    nodes_with_label,
    out_nodes,
    reach,
    view,
)

ROLES = {"LED_BY": "lead", "INVOLVES": "involved"}


def run(store: EmbeddedStore, department: str | None, role: str | None) -> list[dict[str, Any]]:
    g = view(store)
    if department is None:
        return []
    rows = []
    for d in nodes_with_label(g, "Department"):
        if not matches_key(g, d, department):
            continue
        for rel_type, name in ROLES.items():
            if role and role != name:
                continue
            for m in in_nodes(g, d, rel_type, label="Measure"):
                data = g.nodes[m]
                policies = names(g, reach(g, m, "PART_OF", 4, "Policy"))
                rows.append(
                    {
                        "department": g.nodes[d]["name"],
                        "role": name,
                        "uid": m,
                        "code": data.get("code"),
                        "measure": data.get("title") or data["name"],
                        "policy": policies[0] if policies else None,
                        "chains": names(g, out_nodes(g, m, "SUPPORTS")),
                        "evidence": g.edges[m, d, rel_type].get("evidence"),
                    }
                )
    return cypher_sorted(
        rows, [("policy", False), ("code", False), ("measure", False), ("uid", False), ("role", False)]
    )
