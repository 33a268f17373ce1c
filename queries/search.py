"""Embedded twin of ``search.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import nulls_last, view


def _rank(name: str, q: str) -> int:
    low = name.lower()
    if low == q:
        return 0
    if low.startswith(q):
        return 1
    return 2 if q in low else 3


def run(store: EmbeddedStore, q: str | None, label: str | None, limit: int | None) -> list[dict[str, Any]]:
    g = view(store)
    text = (q or "").lower()
    rows = []
    for uid, data in g.nodes(data=True):
        if label and data["label"] != label:
            continue
        candidates = [data["name"], *(data.get("aliases") or []), data.get("title")]
        hits = [x for x in candidates if x is not None and text in x.lower()]
        if not hits:
            continue
        rows.append(
            {
                "uid": uid,
                "label": data["label"],
                "name": data["name"],
                "title": data.get("title"),
                "aliases": data.get("aliases") or [],
                "matched": hits[0],
                "rank": _rank(data["name"], text),
            }
        )
    rows.sort(key=lambda r: nulls_last(r["rank"], len(r["name"]), r["name"], r["uid"]))
    return rows[: 50 if limit is None else limit]
