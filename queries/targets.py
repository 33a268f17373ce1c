"""Embedded twin of ``targets.cypher``."""

from __future__ import annotations

from typing import Any

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


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    wanted = set(chains_matching(g, chain))
    rows = []
    for t in nodes_with_label(g, "Target"):
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
