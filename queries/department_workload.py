"""Embedded twin of ``department_workload.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import in_nodes, nodes_with_label, out_nodes, reach, view


def run(store: EmbeddedStore, district: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for uid in nodes_with_label(g, "Department"):
        if district:
            places = [g.nodes[x] for x in out_nodes(g, uid, "PART_OF", label="District")]
            if not any(district in (p["uid"], p["name"], *p.get("aliases", [])) for p in places):
                continue
        lead = in_nodes(g, uid, "LED_BY", label="Measure")
        involved = in_nodes(g, uid, "INVOLVES", label="Measure")
        indicators = len(in_nodes(g, uid, "OWNED_BY", label="Indicator"))
        if not (lead or involved or indicators):
            continue
        policies = {p for m in {*lead, *involved} for p in reach(g, m, "PART_OF", 4, "Policy")}
        rows.append(
            {
                "uid": uid,
                "department": g.nodes[uid]["name"],
                "lead": len(lead),
                "involved": len(involved),
                "total": len(lead) + len(involved),
                "policies": len(policies),
                "indicators": indicators,
            }
        )
    return sorted(rows, key=lambda r: (-r["total"], -r["lead"], -r["indicators"], r["department"], r["uid"]))
