"""Embedded twin of ``policy_citations.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import in_nodes, names, nodes_with_label, nulls_last, out_nodes, view


def run(store: EmbeddedStore, policy: str | None, direction: str | None) -> list[dict[str, Any]]:
    g = view(store)
    wanted = direction or "cited_by"
    rows = []
    for uid in nodes_with_label(g, "Policy"):
        data = g.nodes[uid]
        if not policy or policy not in (uid, data["name"], data.get("docNumber"), *data.get("aliases", [])):
            continue
        linked = [("cited_by", other, (other, uid)) for other in in_nodes(g, uid, "CITES", label="Policy")]
        linked += [("cites", other, (uid, other)) for other in out_nodes(g, uid, "CITES", label="Policy")]
        for kind, other, (start, end) in linked:
            if wanted not in (kind, "both"):
                continue
            edge = g.edges[start, end, "CITES"]
            rows.append(
                {
                    "policy": data["name"],
                    "direction": kind,
                    "uid": other,
                    "name": g.nodes[other]["name"],
                    "doc_number": g.nodes[other].get("docNumber"),
                    "issued_by": names(g, out_nodes(g, other, "ISSUED_BY")),
                    "sources": edge.get("sources") or [edge["source"]],
                    "evidence": edge.get("evidences") or [edge["evidence"]],
                }
            )
    return sorted(rows, key=lambda r: nulls_last(r["direction"], r["name"], r["uid"]))
