"""Walking the embedded store's networkx view the way the viewer's Cypher walks Neo4j.

The viewer's named queries have Python twins (``queries/NAME.py``) that must return
the very rows their Cypher returns. They share these few steps: neighbours by
relationship type, bounded variable-length reach (``-[:T*1..k]->``), chain lookup
by uid or name, and Cypher's ordering, where nulls sort last.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore


class _Index:
    """Neighbours by relationship type and nodes by label: built once per networkx view.

    networkx's adjacency views are general and slow to filter by edge key; a chain map of 2,000
    firms asks for tens of thousands of typed neighbour lists, so they are indexed up front.
    """

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.label: dict[str, str] = {uid: data["label"] for uid, data in g.nodes(data=True)}
        self.by_label: dict[str, list[str]] = defaultdict(list)
        for uid, label in self.label.items():
            self.by_label[label].append(uid)
        self.out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.into: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for start, end, rel_type in g.edges(keys=True):
            self.out[start][rel_type].append(end)
            self.into[end][rel_type].append(start)


_INDEXES: weakref.WeakKeyDictionary[nx.MultiDiGraph, _Index] = weakref.WeakKeyDictionary()


def _index(g: nx.MultiDiGraph) -> _Index:
    index = _INDEXES.get(g)
    if index is None:
        index = _INDEXES[g] = _Index(g)
    return index


def view(store: EmbeddedStore) -> nx.MultiDiGraph:
    """The store's networkx view (rebuilt by the store after every change)."""
    return store.networkx()


def label_of(g: nx.MultiDiGraph, uid: str) -> str:
    return _index(g).label[uid]


def nodes_with_label(g: nx.MultiDiGraph, label: str) -> Iterator[str]:
    return iter(_index(g).by_label.get(label, ()))


def _typed(
    adjacency: dict[str, list[str]] | None, types: tuple[str, ...], labels: dict[str, str], label: str | None
) -> list[str]:
    if not adjacency:
        return []
    if len(types) == 1:
        found = list(adjacency.get(types[0], ()))
    else:
        found = list(dict.fromkeys(n for t in types for n in adjacency.get(t, ())))
    return found if label is None else [n for n in found if labels[n] == label]


def out_nodes(g: nx.MultiDiGraph, uid: str, *types: str, label: str | None = None) -> list[str]:
    """Ends of ``uid``'s outgoing relationships of the given types (each end once)."""
    index = _index(g)
    return _typed(index.out.get(uid), types, index.label, label)


def in_nodes(g: nx.MultiDiGraph, uid: str, *types: str, label: str | None = None) -> list[str]:
    """Starts of ``uid``'s incoming relationships of the given types (each start once)."""
    index = _index(g)
    return _typed(index.into.get(uid), types, index.label, label)


def has_edge(g: nx.MultiDiGraph, start: str, rel_type: str, end: str) -> bool:
    return g.has_edge(start, end, key=rel_type)


def reach(g: nx.MultiDiGraph, uid: str, rel_type: str, max_hops: int, label: str) -> list[str]:
    """Nodes labelled ``label`` at 1..max_hops outgoing ``rel_type`` hops (Cypher ``-[:T*1..k]->``)."""
    return _walk(g, uid, rel_type, max_hops, label, out_nodes)


def reach_back(g: nx.MultiDiGraph, uid: str, rel_type: str, max_hops: int, label: str) -> list[str]:
    """Nodes labelled ``label`` at 1..max_hops incoming ``rel_type`` hops (Cypher ``<-[:T*1..k]-``)."""
    return _walk(g, uid, rel_type, max_hops, label, in_nodes)


def _walk(
    g: nx.MultiDiGraph,
    uid: str,
    rel_type: str,
    max_hops: int,
    label: str,
    step: Callable[..., Iterable[str]],  # out_nodes or in_nodes
) -> list[str]:
    seen: set[str] = set()
    frontier = [uid]
    for _ in range(max_hops):
        nxt = []
        for node in frontier:
            for other in step(g, node, rel_type):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    seen.discard(uid)
    return [n for n in seen if label_of(g, n) == label]


def chains_matching(g: nx.MultiDiGraph, key: str | None) -> list[str]:
    """IndustryChain nodes whose uid, name or an alias is ``key``.

    Cypher: ``c.uid = $chain OR c.name = $chain OR $chain IN coalesce(c.aliases, [])``.
    """
    if not key:
        return []
    if key in g and label_of(g, key) == "IndustryChain":
        return [key]
    return [
        uid
        for uid in nodes_with_label(g, "IndustryChain")
        if g.nodes[uid]["name"] == key or key in (g.nodes[uid].get("aliases") or ())
    ]


def ref(g: nx.MultiDiGraph, uid: str) -> dict[str, Any]:
    """``{uid, name}`` of a node, the small map the viewer's queries return for linked things."""
    return {"uid": uid, "name": g.nodes[uid]["name"]}


def refs(g: nx.MultiDiGraph, uids: Iterable[str]) -> list[dict[str, Any]]:
    """``ref`` of each node, by name then uid."""
    return sorted((ref(g, u) for u in set(uids)), key=lambda r: nulls_last(r["name"], r["uid"]))


def names(g: nx.MultiDiGraph, uids: Iterable[str]) -> list[str]:
    """Names of the nodes, sorted (Cypher ``RETURN n.name ORDER BY n.name``)."""
    return sorted(g.nodes[u]["name"] for u in uids)


def nulls_last(*values: Any) -> tuple[Any, ...]:
    """A sort key that orders like Cypher's ascending ORDER BY: nulls after every value."""
    return tuple(item for v in values for item in ((v is None), v if v is not None else 0))


def reach_any(g: nx.MultiDiGraph, uid: str, types: tuple[str, ...], max_hops: int) -> set[str]:
    """Nodes at 1..max_hops outgoing hops over any of ``types`` (Cypher ``-[:A|B*1..k]->``), the start excluded
    unless a cycle leads back to it."""
    seen: set[str] = set()
    frontier = [uid]
    for _ in range(max_hops):
        nxt = []
        for node in frontier:
            for other in out_nodes(g, node, *types):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return seen


def matches_key(g: nx.MultiDiGraph, uid: str, key: str) -> bool:
    """Cypher ``n.uid = $k OR n.name = $k OR $k IN coalesce(n.aliases, [])``."""
    data = g.nodes[uid]
    return uid == key or data.get("name") == key or key in (data.get("aliases") or ())


def places_matching(g: nx.MultiDiGraph, key: str | None) -> list[str]:
    """District and Platform nodes whose uid, name or an alias is ``key``."""
    if not key:
        return []
    return [uid for label in ("District", "Platform") for uid in nodes_with_label(g, label) if matches_key(g, uid, key)]


def located_within(g: nx.MultiDiGraph, uid: str, places: set[str]) -> bool:
    """Whether ``uid`` is in one of ``places`` through LOCATED_IN / PART_OF, up to four steps."""
    return bool(reach_any(g, uid, ("LOCATED_IN", "PART_OF"), 4) & places)


def cypher_sorted(rows: list[dict[str, Any]], keys: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    """Rows ordered like Cypher's ``ORDER BY k1 [DESC], k2 …``: nulls last ascending, first descending."""
    out = list(rows)
    for key, descending in reversed(keys):
        present = [r for r in out if r[key] is not None]
        absent = [r for r in out if r[key] is None]
        present.sort(key=itemgetter(key), reverse=descending)
        out = absent + present if descending else present + absent
    return out
