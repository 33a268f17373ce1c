"""Embedded twin of ``chain_gap_sentences.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import chains_matching, out_nodes, view

GAP_WORDS = ("短板", "空白", "缺失", "补链")


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    docs = {d for c in chains_matching(g, chain) for d in out_nodes(g, c, "MENTIONED_IN", label="Document")}
    rows = []
    for uid in sorted(docs):
        data = g.nodes[uid]
        text = data.get("text")
        if text and any(w in text for w in GAP_WORDS):
            rows.append({"uid": uid, "title": data.get("title") or data["name"], "text": text})
    return rows
