"""Embedded twin of ``chain_leads.cypher``.

Finding the firms whose business scope holds a word is the costly part: 100,000 imported firms, dozens of
words per chain. Neo4j answers it from its text indexes on ``Enterprise.business_scope`` and ``industry``;
here the scopes of one graph view are joined into one text once (:class:`_ScopeText`), in which a word is
found by one fast ``str.find`` scan, and each word's firms are kept for the life of the view.
"""

from __future__ import annotations

import bisect
import weakref
from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.chain_firm_evidence import firm_facts
from chainkg.queries.chain_firms import firm_row, firm_uids
from chainkg.queries.embedded_walk import (
    chains_matching,
    in_nodes,
    nodes_with_label,
    nulls_last,
    out_nodes,
    view,
)
from chainkg.queries.placement import FIRM_TABLE

#: Joins the texts: a character no business scope holds, so no word spans two firms.
_JOIN = "\x00"


class _ScopeText:
    """One property of every firm (business_scope or industry) joined into one text, with each firm's offset."""

    def __init__(self, g: nx.MultiDiGraph, key: str) -> None:
        self.uids: list[str] = []
        self.starts: list[int] = []
        parts: list[str] = []
        at = 0
        for uid in nodes_with_label(g, "Enterprise"):
            text = g.nodes[uid].get(key)
            if not isinstance(text, str) or not text:
                continue
            self.uids.append(uid)
            self.starts.append(at)
            parts.append(text)
            at += len(text) + len(_JOIN)
        self.text = _JOIN.join(parts)
        self._found: dict[str, frozenset[str]] = {}

    def firms(self, word: str) -> frozenset[str]:
        """Firms whose text contains ``word`` (Cypher ``CONTAINS``)."""
        found = self._found.get(word)
        if found is None:
            hits: set[str] = set()
            at = self.text.find(word)
            while at >= 0:
                i = bisect.bisect_right(self.starts, at) - 1
                hits.add(self.uids[i])
                nxt = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
                at = self.text.find(word, nxt)
            found = self._found[word] = frozenset(hits)
        return found


class _Index:
    """The scope and industry texts and the products by name, of one graph view."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.scope = _ScopeText(g, "business_scope")
        self.industry = _ScopeText(g, "industry")
        self.products: dict[str, list[str]] = {}
        for uid in nodes_with_label(g, "Product"):
            self.products.setdefault(g.nodes[uid]["name"], []).append(uid)


_INDEXES: weakref.WeakKeyDictionary[nx.MultiDiGraph, _Index] = weakref.WeakKeyDictionary()


def _index(g: nx.MultiDiGraph) -> _Index:
    index = _INDEXES.get(g)
    if index is None:
        index = _INDEXES[g] = _Index(g)
    return index


def candidates(g: nx.MultiDiGraph, chain_uid: str, words: list[str]) -> set[str]:
    """The firms of the Cypher's ``CALL`` block."""
    index = _index(g)
    firms = firm_uids(g, chain_uid)
    for word in words:
        for product in index.products.get(word, ()):
            firms.update(in_nodes(g, product, "MAKES", label="Enterprise"))
        firms |= index.scope.firms(word)
        firms |= index.industry.firms(word)
    return firms


def run(store: EmbeddedStore, chain: str | None, words: str | None) -> list[dict[str, Any]]:
    g = view(store)
    wanted = [w for w in (words or "").split("|") if w]
    rows = []
    for chain_uid in chains_matching(g, chain):
        for uid in candidates(g, chain_uid, wanted):
            data = g.nodes[uid]
            docs = out_nodes(g, uid, "MENTIONED_IN", label="Document")
            rows.append(
                {
                    **firm_row(g, uid, chain_uid),
                    "registered_capital": data.get("registered_capital"),
                    "registered_capital_text": data.get("registered_capital_text"),
                    "business_scope": data.get("business_scope"),
                    "industry": data.get("industry"),
                    "import_sources": data.get("import_sources") or [],
                    "tables": [
                        {"uid": d, "title": g.nodes[d].get("title") or g.nodes[d]["name"]}
                        for d in sorted(docs)
                        if g.nodes[d].get("kind") == FIRM_TABLE
                    ],
                    "facts": firm_facts(g, uid, chain_uid),
                }
            )
    return sorted(rows, key=lambda r: nulls_last(r["name"], r["uid"]))
