"""Embedded twin of ``targets.cypher``."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    chains_matching,
    in_nodes,
    names,
    nodes_with_label,
    nulls_last,
    out_nodes,
    view,
)


def _for_chains(g: nx.MultiDiGraph, wanted: set[str]) -> set[str]:
    """Targets FOR one of the chains or SET by something that SUPPORTS one, walked from the chains.

    (Testing each of the graph's targets instead took about a second on a 300-document graph.)
    """
    found: set[str] = set()
    for chain_uid in wanted:
        found.update(in_nodes(g, chain_uid, "FOR", label="Target"))
        for setter in in_nodes(g, chain_uid, "SUPPORTS"):
            found.update(out_nodes(g, setter, "SETS", label="Target"))
    return found


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    wanted = set(chains_matching(g, chain))
    rows = []
    for t in _for_chains(g, wanted) if chain else nodes_with_label(g, "Target"):
        setters = in_nodes(g, t, "SETS")
        if chain:
            scoped = wanted.intersection(out_nodes(g, t, "FOR"))
            backed = any(wanted.intersection(out_nodes(g, s, "SUPPORTS")) for s in setters)
            if not (scoped or backed):
                continue
        data = g.nodes[t]
        indicators = names(g, out_nodes(g, t, "OF_INDICATOR", label="Indicator"))
        rows.append(
            {
                "uid": t,
                "name": data["name"],
                "indicator": indicators[0] if indicators else None,
                "value": data.get("value"),
                "unit": data.get("unit"),
                "year": data.get("year"),
                "comparator": data.get("comparator"),
                "kind": data.get("kind"),
                "scope": names(g, out_nodes(g, t, "FOR")),
                "set_by": names(g, setters),
            }
        )
    return sorted(rows, key=lambda r: nulls_last(r["indicator"], r["year"], r["uid"]))
