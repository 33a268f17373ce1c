"""Embedded twin of ``neighbourhood.cypher``."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import nulls_last, view


def _evidence(g: nx.MultiDiGraph, data: dict[str, Any]) -> list[dict[str, Any]]:
    sources = data.get("sources") or [data.get("source")]
    sentences = data.get("evidences") or [data.get("evidence")]
    out = []
    for source, sentence in zip(sources, sentences, strict=True):
        doc = g.nodes[source] if source in g and g.nodes[source]["label"] == "Document" else None
        title = (doc.get("title") or doc["name"]) if doc else None
        out.append({"document": source, "title": title, "evidence": sentence})
    return out


def run(store: EmbeddedStore, uid: str | None, limit: int | None) -> list[dict[str, Any]]:
    g = view(store)
    if uid not in g:
        return []
    rows = []
    for direction, edges in (
        ("out", g.out_edges(uid, keys=True, data=True)),
        ("in", g.in_edges(uid, keys=True, data=True)),
    ):
        for start, end, rel_type, data in edges:
            other = end if direction == "out" else start
            rows.append(
                {
                    "type": rel_type,
                    "direction": direction,
                    "uid": other,
                    "label": g.nodes[other]["label"],
                    "name": g.nodes[other]["name"],
                    "evidence": _evidence(g, data),
                }
            )
    rows.sort(key=lambda r: nulls_last(r["type"], r["direction"], r["name"], r["uid"]))
    return rows[: 500 if limit is None else limit]
