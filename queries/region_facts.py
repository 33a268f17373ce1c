"""Embedded twin of ``region_facts.cypher``."""

from __future__ import annotations

from typing import Any

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.queries.embedded_walk import in_nodes, label_of, nodes_with_label, out_nodes, view

LABELS = ("District", "Platform", "Department", "Enterprise", "Policy", "Measure", "Target", "Document", "Project")
#: The relationship that names a node's own place, by its label.
PLACE_REL = {
    "District": "PART_OF",
    "Department": "PART_OF",
    "Platform": "LOCATED_IN",
    "Enterprise": "LOCATED_IN",
    "Project": "LOCATED_IN",
    "Policy": "APPLIES_TO",
    "Measure": "APPLIES_TO",
    "Target": "FOR",
}


def run(store: EmbeddedStore) -> list[dict[str, Any]]:
    g = view(store)
    rows = []
    for label in LABELS:
        for uid in nodes_with_label(g, label):
            data = g.nodes[uid]
            rel = PLACE_REL.get(label)
            places = [p for p in out_nodes(g, uid, rel) if label_of(g, p) in ("District", "Platform")] if rel else []
            if label == "Department":
                via = out_nodes(g, uid, "PART_OF", label="Department")
            elif label == "Policy":
                via = out_nodes(g, uid, "ISSUED_BY")
            elif label == "Measure":
                via = [p for p in out_nodes(g, uid, "PART_OF") if label_of(g, p) in ("Measure", "Policy")]
            elif label == "Target":
                via = in_nodes(g, uid, "SETS")
            elif label == "Document":
                via = [p for p in in_nodes(g, uid, "MENTIONED_IN") if label_of(g, p) in ("Policy", "Measure")]
                if not via:  # a document stating no policy is in the places it speaks for
                    places = [
                        p for p in data.get("scope") or [] if p in g and label_of(g, p) in ("District", "Platform")
                    ]
            else:
                via = []
            rows.append(
                {
                    "uid": uid,
                    "label": label,
                    "name": data.get("name"),
                    "level": data.get("level"),
                    "kind": data.get("kind") if label == "Document" else None,
                    "places": sorted(set(places)),
                    "via": sorted(set(via)),
                }
            )
    return sorted(rows, key=lambda r: r["uid"])
