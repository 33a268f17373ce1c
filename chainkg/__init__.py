"""chainkg: a knowledge graph of industry chains from Chinese policy documents and news.

The library lives in ``graph`` (model, stores, exports), ``loaders`` (read →
extract → resolve) and ``queries`` (named Cypher); this package holds the
settings and the command line, a thin layer over them.
"""

__version__ = "0.1.0"
