"""The local Neo4j really starts, authenticates, indexes Chinese text and keeps data across restarts.

No mocks: this builds tools/neo4j with Maven (once; later runs reuse the build),
runs the JVM and talks Bolt to it with the official driver.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from chainkg import local_neo4j

pytestmark = pytest.mark.neo4j

PASSWORD = "test-pass-123"
NAME = "湖州市经济和信息化局"


def _query(uri: str, cypher: str, password: str = PASSWORD, **params: object) -> list[dict]:
    with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
        records, _, _ = driver.execute_query(cypher, params)
        return [record.data() for record in records]


def test_start_auth_fulltext_restart(tmp_path: Path) -> None:
    state = tmp_path / "neo4j"
    info = local_neo4j.start(state, port=0, password=PASSWORD, heap="512m")
    try:
        assert info.uri.startswith("bolt://127.0.0.1:")
        assert local_neo4j.status(state) == info
        # A second start on the same folder finds the running server instead of launching another.
        assert local_neo4j.start(state, password=PASSWORD) == info

        assert _query(info.uri, "RETURN 1 AS one") == [{"one": 1}]
        with pytest.raises(AuthError):
            _query(info.uri, "RETURN 1", password="wrong-password")

        _query(
            info.uri,
            "CREATE FULLTEXT INDEX org_name IF NOT EXISTS FOR (n:Organization) ON EACH [n.name] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
        )
        _query(info.uri, "CREATE (:Organization {name: $name})", name=NAME)
        _query(info.uri, "CALL db.awaitIndexes(60)")
        hits = _query(
            info.uri,
            "CALL db.index.fulltext.queryNodes('org_name', '\"经济\"') YIELD node RETURN node.name AS name",
        )
        assert hits == [{"name": NAME}]
    finally:
        local_neo4j.stop(state)
    assert local_neo4j.status(state) is None
    with pytest.raises(local_neo4j.NotRunningError):
        local_neo4j.stop(state)
    local_neo4j.stop(state, missing_ok=True)

    again = local_neo4j.start(state, port=0, password=PASSWORD, heap="512m")
    try:
        assert _query(again.uri, "MATCH (n:Organization) RETURN n.name AS name") == [{"name": NAME}]
        hits = _query(
            again.uri,
            "CALL db.index.fulltext.queryNodes('org_name', '\"经济\"') YIELD node RETURN node.name AS name",
        )
        assert hits == [{"name": NAME}]
        with pytest.raises(AuthError):
            _query(again.uri, "RETURN 1", password="wrong-password")
    finally:
        local_neo4j.stop(state)
