"""Settings, each with its default and the environment variable that overrides it.

One place for every knob, so the CLI, the web app and the tests agree.
"""

from __future__ import annotations

import os
from pathlib import Path

from chainkg.graph.store import StoreConfig
from chainkg.resources import sample_corpus

#: The bundled sample corpus that ``chainkg build`` loads when given no path.
SAMPLE_CORPUS = sample_corpus()

#: The embedded store file (``CHAINKG_STORE``).
DEFAULT_STORE = Path(os.environ.get("CHAINKG_STORE", ".chainkg/graph.json"))

#: Where ``chainkg neo4j start`` keeps the local server's data, log and pid (``CHAINKG_NEO4J_HOME``).
LOCAL_NEO4J_HOME = Path(os.environ.get("CHAINKG_NEO4J_HOME", ".chainkg/neo4j"))

#: Password of the local Neo4j when none is given (``NEO4J_PASSWORD`` overrides it).
LOCAL_NEO4J_PASSWORD = "chainkg-local"


def store_config(
    store: Path | None = None,
    neo4j_uri: str | None = None,
    neo4j_user: str | None = None,
    neo4j_password: str | None = None,
    neo4j_database: str | None = None,
) -> StoreConfig:
    """A store configuration from explicit values, then ``NEO4J_*`` variables, then defaults."""
    return StoreConfig(
        path=store or DEFAULT_STORE,
        neo4j_uri=neo4j_uri or os.environ.get("NEO4J_URI") or None,
        neo4j_user=neo4j_user or os.environ.get("NEO4J_USER", "neo4j"),
        neo4j_password=neo4j_password or os.environ.get("NEO4J_PASSWORD") or LOCAL_NEO4J_PASSWORD,
        neo4j_database=neo4j_database or os.environ.get("NEO4J_DATABASE") or None,
    )
