"""The graph model, its stores and exports.

``graph.model`` may load from the compiled build of the extraction modules (see :mod:`graph.compiled`).
"""

from graph import compiled

compiled.enable(__name__, __path__)
