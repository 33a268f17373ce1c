"""Embedded twin of ``node.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import view

_SHOWN_APART = {"uid", "label", "name", "aliases", "mergedBy", "text"}


def run(store: EmbeddedStore, uid: str | None) -> list[dict[str, Any]]:
    g = view(store)
    if uid not in g:
        return []
    data = g.nodes[uid]
    props = [[k, v] for k, v in sorted(data.items()) if k not in _SHOWN_APART and v is not None]
    return [
        {
            "uid": uid,
            "label": data["label"],
            "name": data["name"],
            "aliases": data.get("aliases") or [],
            "merged_by": data.get("mergedBy") or [],
            "props": props,
        }
    ]
