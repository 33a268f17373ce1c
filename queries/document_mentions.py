"""Embedded twin of ``document_mentions.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import nulls_last, view


def run(store: EmbeddedStore, uid: str | None) -> list[dict[str, Any]]:
    g = view(store)
    if uid not in g or g.nodes[uid]["label"] != "Document":
        return []
    rows = []
    for start, _end, data in g.in_edges(uid, keys=False, data=True):
        if data.get("type") != "MENTIONED_IN":
            continue
        n = g.nodes[start]
        rows.append(
            {
                "uid": start,
                "label": n["label"],
                "name": n["name"],
                "aliases": n.get("aliases") or [],
                "count": data.get("count"),
            }
        )
    return sorted(rows, key=lambda r: nulls_last(r["label"], r["name"], r["uid"]))
