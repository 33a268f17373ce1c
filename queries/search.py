"""Embedded twin of ``search.cypher``.

Every node's name, aliases and title are lowered once per networkx view and joined into one
text (:class:`_Names`), so a search is a few ``str.find`` calls over it instead of lowering
and testing tens of thousands of strings in Python on every request.
"""

from __future__ import annotations

import heapq
import weakref
from bisect import bisect_right
from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import nulls_last, view

_FIELD, _NODE = "\x1f", "\x1e"  # between one node's names, between nodes


class _Names:
    """The searchable names of every node, lowered, in one text; where each node's part starts."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.uids: list[str] = []
        self.starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for uid, data in g.nodes(data=True):
            candidates = [data["name"], *(data.get("aliases") or []), data.get("title")]
            part = _FIELD.join(x.lower() for x in candidates if x is not None) + _NODE
            self.uids.append(uid)
            self.starts.append(offset)
            parts.append(part)
            offset += len(part)
        self.text = "".join(parts)

    def matching(self, text: str) -> list[str]:
        """Uids of the nodes one of whose lowered names contains ``text`` (non-empty, without separators)."""
        found: list[str] = []
        at = self.text.find(text)
        while at >= 0:
            i = bisect_right(self.starts, at) - 1
            found.append(self.uids[i])
            # Resume at the next node: one hit per node is enough.
            at = self.text.find(text, self.starts[i + 1]) if i + 1 < len(self.starts) else -1
        return found


_NAMES: weakref.WeakKeyDictionary[nx.MultiDiGraph, _Names] = weakref.WeakKeyDictionary()


def _names(g: nx.MultiDiGraph) -> _Names:
    names = _NAMES.get(g)
    if names is None:
        names = _NAMES[g] = _Names(g)
    return names


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
    if text and _FIELD not in text and _NODE not in text:
        uids: Any = _names(g).matching(text)
    else:
        uids = g.nodes  # empty text matches every node; a separator character cannot use the joined text
    hits: list[tuple[tuple[Any, ...], str, str]] = []
    for uid in uids:
        data = g.nodes[uid]
        if label and data["label"] != label:
            continue
        candidates = [data["name"], *(data.get("aliases") or []), data.get("title")]
        matched = next((x for x in candidates if x is not None and text in x.lower()), None)
        if matched is not None:
            hits.append((nulls_last(_rank(data["name"], text), len(data["name"]), data["name"], uid), uid, matched))
    # Only the rows returned are built: a one-character search matches thousands of nodes.
    best = heapq.nsmallest(50 if limit is None else limit, hits)
    return [
        {
            "uid": uid,
            "label": g.nodes[uid]["label"],
            "name": g.nodes[uid]["name"],
            "title": g.nodes[uid].get("title"),
            "aliases": g.nodes[uid].get("aliases") or [],
            "matched": matched,
            "rank": _rank(g.nodes[uid]["name"], text),
        }
        for _key, uid, matched in best
    ]
