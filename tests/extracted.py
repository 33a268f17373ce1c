"""What the extraction tests share: a text read as one file, and the names on its graph.

Every round of rules is tested on invented texts written to a file of the test's temporary folder and read by
the pipeline as a user's file is (:func:`chainkg.loaders.pipeline.extract_path`), not by calling one extractor:
a rule must hold with every other rule running.
"""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.pipeline import extract_path


def extract_text(tmp_path: Path, text: str, name: str = "doc.txt") -> Graph:
    """The graph of ``text`` read as the file ``name`` in ``tmp_path`` (the file's name is the Document's)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_path(path)


def pairs(graph: Graph, rel: str) -> set[tuple[str, str]]:
    """(start name, end name) of every ``rel`` edge."""
    return {(graph.nodes[e.start].name, graph.nodes[e.end].name) for e in graph.edges.values() if e.type == rel}


def names(graph: Graph, label: str) -> set[str]:
    """The names of the ``label`` nodes."""
    return {n.name for n in graph.by_label(label)}


def targets(graph: Graph) -> list[tuple[str, str, int | None, float]]:
    """(indicator, the thing it is FOR, year, value) of every Target."""
    out = []
    for node in graph.by_label("Target"):
        ends = {e.type: graph.nodes[e.end].name for e in graph.edges.values() if e.start == node.uid}
        out.append((ends["OF_INDICATOR"], ends["FOR"], node.props.get("year"), node.props.get("value")))
    return out
