"""Fixtures that build real things: the sample corpus, stores, and a real local Neo4j.

The Neo4j fixture starts the project's own launcher (``chainkg.local_neo4j``)
once per test session on a free port in a temporary folder, or uses the server
named by ``CHAINKG_TEST_NEO4J_URI`` when set; it is never mocked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chainkg import settings
from chainkg.graph.store import GraphStore, StoreConfig, open_store

SAMPLE = settings.SAMPLE_CORPUS
TEST_PASSWORD = "chainkg-test-password"


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreConfig]:
    """A running Neo4j for the whole session; its config points at an empty default database."""
    uri = os.environ.get("CHAINKG_TEST_NEO4J_URI")
    if uri:
        yield StoreConfig(neo4j_uri=uri, neo4j_password=os.environ.get("NEO4J_PASSWORD", TEST_PASSWORD))
        return
    from chainkg import local_neo4j

    home = tmp_path_factory.mktemp("neo4j")
    info = local_neo4j.start(home, port=0, password=TEST_PASSWORD)
    try:
        yield StoreConfig(neo4j_uri=info.uri, neo4j_password=TEST_PASSWORD)
    finally:
        local_neo4j.stop(home)


def wipe_neo4j(config: StoreConfig) -> None:
    """Empty the database (data only; constraints and indexes stay)."""
    from neo4j import GraphDatabase

    auth = (config.neo4j_user, config.neo4j_password or "")
    with GraphDatabase.driver(config.neo4j_uri or "", auth=auth) as driver, driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def neo4j_store(neo4j_server: StoreConfig) -> Iterator[GraphStore]:
    """A Neo4j store over an empty database."""
    wipe_neo4j(neo4j_server)
    store = open_store(neo4j_server)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[GraphStore]:
    """An embedded store in a fresh file."""
    store = open_store(StoreConfig(path=tmp_path / "graph.json"))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request: pytest.FixtureRequest) -> GraphStore:
    """Each test using it runs on both stores: the contract they share."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for the browser tests of one module (they serve the viewer with tests/browser_server.py)."""
    from playwright.sync_api import sync_playwright

    from bench.chromium import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the Neo4j runs of store-parametrised tests at collection, so ``-m "not neo4j"`` leaves them out."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "neo4j" in callspec.params.values():
            item.add_marker(pytest.mark.neo4j)
