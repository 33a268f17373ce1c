"""chainkg: a knowledge graph of industry chains from Chinese policy documents and news.

The library lives in ``chainkg.graph`` (model, stores, exports), ``chainkg.loaders`` (read →
extract → resolve), ``chainkg.queries`` (named Cypher and the read-only console) and
``chainkg.webapp`` (the viewer); the modules of this package hold the settings, the command line
(a thin layer over the library), the local Neo4j and its offline importer, and the evaluation
against annotated gold sets.
"""

__version__ = "0.1.0"
