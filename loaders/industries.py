"""Placeholder: replaced by the loaders work (issues 3 and 4)."""

from loaders.builder import DocumentGraph
from loaders.text import ParsedDocument


def extract(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Nothing yet."""
