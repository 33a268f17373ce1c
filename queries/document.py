"""Embedded twin of ``document.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import view


def run(store: EmbeddedStore, uid: str | None) -> list[dict[str, Any]]:
    g = view(store)
    if uid not in g or g.nodes[uid]["label"] != "Document":
        return []
    d = g.nodes[uid]
    keys = {"title": "title", "kind": "kind", "date": "date", "doc_number": "docNumber", "path": "path", "text": "text"}
    return [{"uid": uid, "name": d["name"], **{col: d.get(prop) for col, prop in keys.items()}}]
