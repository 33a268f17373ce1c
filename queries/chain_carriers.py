"""Embedded twin of ``chain_carriers.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import chains_matching, in_nodes, label_of, nulls_last, out_nodes, view


def run(store: EmbeddedStore, chain: str | None) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for chain_uid in chains_matching(g, chain):
        found = [(n, "HOSTS") for n in in_nodes(g, chain_uid, "HOSTS", label="Platform")]
        found += [(n, "DEVELOPED_IN") for n in out_nodes(g, chain_uid, "DEVELOPED_IN")]
        for uid, relation in found:
            rows.append({"uid": uid, "label": label_of(g, uid), "name": g.nodes[uid]["name"], "relation": relation})
    return sorted(rows, key=lambda r: nulls_last(r["label"], r["name"], r["uid"], r["relation"]))
