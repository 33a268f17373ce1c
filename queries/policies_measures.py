"""Embedded twin of ``policies_measures.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import chains_matching, names, nodes_with_label, nulls_last, out_nodes, reach, view


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    wanted = set(chains_matching(g, chain))

    def supports(uid: str) -> bool:
        return not chain or bool(wanted.intersection(out_nodes(g, uid, "SUPPORTS", label="IndustryChain")))

    pairs: list[tuple[str | None, str | None]] = []
    with_measures: set[str] = set()
    for m in nodes_with_label(g, "Measure"):
        policies = sorted(reach(g, m, "PART_OF", 6, "Policy"))
        with_measures.update(policies)
        if supports(m):
            pairs.append((policies[0] if policies else None, m))
    for p in nodes_with_label(g, "Policy"):
        if p not in with_measures and supports(p):
            pairs.append((p, None))
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
