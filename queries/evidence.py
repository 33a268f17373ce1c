"""Embedded twin of ``evidence.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import cypher_sorted, view


def run(store: EmbeddedStore, start: str | None, type: str | None, end: str | None) -> list[dict[str, Any]]:  # noqa: A002
    g = view(store)
    ends = [u for u, data in g.nodes(data=True) if start is not None and start in (u, data["name"])]
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a in ends:
        for s, e, rel_type, data in [*g.out_edges(a, keys=True, data=True), *g.in_edges(a, keys=True, data=True)]:
            other = e if s == a else s
            if type and rel_type != type:
                continue
            if end and end not in (other, g.nodes[other]["name"]):
                continue
            edges[(s, rel_type, e)] = data
    rows = []
    for (s, rel_type, e), data in edges.items():
        sources = data.get("sources") or [data.get("source")]
        sentences = data.get("evidences") or [data.get("evidence")]
        for i, source in enumerate(sources):
            doc = g.nodes[source] if source in g and g.nodes[source]["label"] == "Document" else None
            rows.append(
                {
                    "start_uid": s,
                    "start": g.nodes[s]["name"],
                    "type": rel_type,
                    "end_uid": e,
                    "end": g.nodes[e]["name"],
                    "source": source,
                    "document": (doc.get("title") or doc["name"]) if doc else None,
                    "evidence": sentences[i] if i < len(sentences) else None,
                }
            )
    keys = ["type", "end", "end_uid", "start", "start_uid", "source"]
    return cypher_sorted(rows, [(k, False) for k in keys])
