"""Embedded twin of ``district_targets.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import (
    cypher_sorted,
    in_nodes,
    matches_key,
    nodes_with_label,
    nulls_last,
    out_nodes,
    view,
)


def run(store: EmbeddedStore, district: str | None, indicator: str | None, year: int | None) -> list[dict[str, Any]]:
    g = view(store)
    if district is None:
        return []
    rows = []
    for x in nodes_with_label(g, "District"):
        if not matches_key(g, x, district):
            continue
        for t in in_nodes(g, x, "FOR", label="Target"):
            data = g.nodes[t]
            if year is not None and (data.get("year") is None or str(data["year"]) != str(year)):
                continue
            setters = sorted(in_nodes(g, t, "SETS"), key=lambda s: nulls_last(g.nodes[s]["name"], s))
            for i in out_nodes(g, t, "OF_INDICATOR", label="Indicator"):
                name = g.nodes[i]["name"]
                if indicator and not (i == indicator or indicator in name):
                    continue
                rows.append(
                    {
                        "district": g.nodes[x]["name"],
                        "indicator": name,
                        "year": data.get("year"),
                        "value": data.get("value"),
                        "unit": data.get("unit"),
                        "comparator": data.get("comparator"),
                        "kind": data.get("kind"),
                        "set_by": [g.nodes[s].get("title") or g.nodes[s]["name"] for s in setters],
                        "evidence": g.edges[t, x, "FOR"].get("evidence"),
                        "uid": t,
                    }
                )
    return cypher_sorted(
        rows, [("indicator", False), ("year", False), ("kind", False), ("value", False), ("uid", False)]
    )
