"""Readers and extractors: documents in, one graph per document out.

The extractors may load from their compiled build (see :mod:`graph.compiled`).
"""

from graph import compiled

compiled.enable(__name__, __path__)
