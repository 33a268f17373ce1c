"""Files the product ships: the ontology, its SHACL shapes and the sample corpus.

Each is a link to the repository's own file (``ontology.ttl`` and ``shapes.ttl`` at the top,
``examples/corpus/``), so a checkout and an installed wheel read them the same way, through
:mod:`importlib.resources`.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_text(name: str) -> str:
    """The text of a shipped file (``ontology.ttl``, ``shapes.ttl``)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def sample_corpus() -> Path:
    """The folder of the bundled sample documents (what ``chainkg build`` loads when given no path)."""
    with as_file(files(__name__).joinpath("corpus")) as path:
        return Path(path)
