"""Embedded twin of ``document.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import view


def run(
    store: EmbeddedStore, uid: str | None, start: int | None, size: int | None, find: str | None
) -> list[dict[str, Any]]:
    g = view(store)
    if uid not in g or g.nodes[uid]["label"] != "Document":
        return []
    d = g.nodes[uid]
    text: str = d.get("text") or ""
    first = start or 0
    keys = {"title": "title", "kind": "kind", "date": "date", "doc_number": "docNumber", "path": "path"}
    row = {"uid": uid, "name": d["name"], **{col: d.get(prop) for col, prop in keys.items()}}
    found = text.find(find) if find else -1
    row |= {
        "length": len(text),
        "text": text[first:] if size is None else text[first : first + size],
        "found": found if found >= 0 else None,
    }
    return [row]
