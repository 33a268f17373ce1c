"""The Cypher console's locks, against the real local Neo4j: files, URLs, administration, big answers."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import GraphDatabase

from chainkg.graph.cypher_console import ConsoleError, Refused, WriteRefused, run_read_only
from chainkg.graph.store import StoreConfig

pytestmark = pytest.mark.neo4j


@pytest.fixture
def driver(neo4j_server: StoreConfig) -> Iterator[Any]:
    auth = (neo4j_server.neo4j_user, neo4j_server.neo4j_password or "")
    with GraphDatabase.driver(neo4j_server.neo4j_uri or "", auth=auth) as drv:
        yield drv


@pytest.fixture
def local_http() -> Iterator[tuple[str, list[str]]]:
    """A tiny HTTP server on 127.0.0.1 that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/x.csv", hits
    finally:
        server.shutdown()
        server.server_close()


def test_load_csv_is_refused_however_written(driver: Any, local_http: tuple[str, list[str]]) -> None:
    url, hits = local_http
    statements = [
        "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "LOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "LOAD //x\nCSV FROM 'file:///etc/passwd' AS l RETURN l",
        "load /* a */ csv from 'file:///etc/passwd' as l return l",
        "lOaD\tCsV WITH HEADERS FROM 'file:///etc/passwd' AS l RETURN l",
        f"LOAD /* */ CSV FROM '{url}' AS l RETURN l",
        f"MATCH (n) WITH count(n) AS c LOAD\n/* x */\nCSV FROM '{url}' AS l RETURN l, c",
    ]
    for text in statements:
        with pytest.raises(Refused, match="控制台不允许 LOAD CSV"):
            run_read_only(driver, text)
    assert hits == []


def test_local_server_refuses_file_and_local_urls(driver: Any, local_http: tuple[str, list[str]]) -> None:
    """Outside the console too: a normal write session on the local server cannot read the host."""
    from neo4j.exceptions import ClientError

    url, hits = local_http
    for text, reason in (
        ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "allow_csv_import_from_file_urls"),
        ("LOAD CSV FROM 'file:///passwd' AS l RETURN l", "allow_csv_import_from_file_urls"),
        (f"LOAD CSV FROM '{url}' AS l RETURN l", "blocked"),
        (f"LOAD CSV FROM '{url.replace('127.0.0.1', 'localhost')}' AS l RETURN l", "blocked"),
    ):
        with driver.session() as session, pytest.raises(ClientError, match=reason):
            session.run(text).consume()
    assert hits == []


def test_transactions_and_administration_are_refused(driver: Any) -> None:
    for text in (
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "terminate /* */ transaction 'neo4j-transaction-1'",
        "SHOW TRANSACTIONS",
        "SHOW TRANSACTIONS YIELD *",
        "SHOW SETTINGS",
        "SHOW PROCEDURES",
        "SHOW FUNCTIONS",
        "SHOW DATABASES",
        "SHOW USERS",
        "SHOW CURRENT USER",
        "SHOW SERVERS",
        "SHOW PRIVILEGES",
        "ALTER USER neo4j SET PASSWORD 'something-new'",
        "CREATE USER x SET PASSWORD 'something-new'",
        "CREATE DATABASE other",
        "STOP DATABASE neo4j",
        "START DATABASE neo4j",
        "CREATE INDEX x FOR (n:Enterprise) ON (n.name)",
        "DROP INDEX x IF EXISTS",
    ):
        with pytest.raises(Refused, match="事务或服务器管理命令"):
            run_read_only(driver, text)
    with pytest.raises(Refused, match="USE"):
        run_read_only(driver, "USE system CALL dbms.showCurrentUser()")
    with pytest.raises(ConsoleError):
        run_read_only(driver, "USE system SHOW USERS")
    with pytest.raises(Refused, match="IN TRANSACTIONS"):
        run_read_only(driver, "CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n")
    with pytest.raises(Refused, match="IN TRANSACTIONS"):
        run_read_only(driver, "UNWIND [1] AS x CALL (x) { RETURN x AS y } IN 2 CONCURRENT TRANSACTIONS RETURN y")


def test_terminate_cannot_stop_a_running_transaction(driver: Any) -> None:
    """A transaction held open by another session survives the console's TERMINATE."""
    with driver.session() as other:
        tx = other.begin_transaction()
        tx.run("RETURN 1").consume()
        ids = [r["transactionId"] for r in driver.execute_query("SHOW TRANSACTIONS").records]
        for tx_id in ids:
            with pytest.raises(Refused):
                run_read_only(driver, f"TERMINATE TRANSACTIONS '{tx_id}'")
        assert tx.run("RETURN 2 AS x").single()["x"] == 2  # type: ignore[index]
        tx.rollback()


def test_procedures_outside_the_allow_list_are_refused(driver: Any) -> None:
    for text, name in (
        ("CALL dbms.listConfig()", "dbms.listConfig"),
        ("CALL dbms.components()", "dbms.components"),
        ("CALL db.createLabel('Evil')", "db.createLabel"),
        ("CALL db.clearQueryCaches()", "db.clearQueryCaches"),
        ("CALL `dbms`.`listConfig`() YIELD name RETURN name", "dbms.listConfig"),
        ("CALL () { CALL /* */ dbms.listConfig() YIELD name RETURN name } RETURN name", "dbms.listConfig"),
    ):
        with pytest.raises(Refused, match=f"不允许调用过程 {name}"):
            run_read_only(driver, text)
    with pytest.raises(ConsoleError):
        run_read_only(driver, "CALL apoc.load.json('file:///etc/passwd')")  # not installed: refused either way
    with driver.session() as session:
        labels = {r["label"] for r in session.run("CALL db.labels()")}
    assert "Evil" not in labels


def test_allowed_procedures_and_ordinary_reads_work(driver: Any) -> None:
    driver.execute_query("MATCH (n:ConsoleProbe) DELETE n")
    driver.execute_query("CREATE (:ConsoleProbe {name: 'a', n: 1}), (:ConsoleProbe {name: 'b', n: 2})")
    try:
        labels = run_read_only(driver, "CALL db.labels() YIELD label RETURN label ORDER BY label")
        assert ["ConsoleProbe"] in labels.rows
        assert run_read_only(driver, "CALL db.schema.visualization()").columns == ["nodes", "relationships"]
        assert run_read_only(driver, "SHOW INDEXES").rows
        found = run_read_only(driver, "MATCH (p:ConsoleProbe) WHERE p.n >= $min RETURN p ORDER BY p.n", {"min": 2})
        assert len(found.rows) == 1 and found.rows[0][0]["name"] == "b" and not found.truncated
        assert len(found.nodes) == 1
        # Keywords inside strings and comments are only text.
        text = run_read_only(driver, "RETURN 'LOAD CSV, SHOW USERS, TERMINATE TRANSACTIONS' AS s // CALL x.y()")
        assert text.rows == [["LOAD CSV, SHOW USERS, TERMINATE TRANSACTIONS"]]
        with pytest.raises(WriteRefused, match="只读"):
            run_read_only(driver, "MATCH (p:ConsoleProbe) SET p.n = 3")
    finally:
        driver.execute_query("MATCH (n:ConsoleProbe) DELETE n")


def test_a_huge_answer_is_cut_quickly(driver: Any) -> None:
    started = time.perf_counter()
    with pytest.raises(ConsoleError, match="时间限制|上限"):
        run_read_only(driver, "RETURN range(1, 50000000) AS r", timeout_seconds=2)
    assert time.perf_counter() - started < 5
    # Many rows of a few hundred kilobytes each: the rows that fit, then a notice.
    many = run_read_only(driver, "UNWIND range(1, 200) AS i RETURN range(1, 100000) AS r", byte_limit=2_000_000)
    assert many.truncated and "MB 的上限" in (many.notice or "")
    assert 1 <= len(many.rows) <= 4
    # One value bigger than the cap is refused, received or not.
    with pytest.raises(ConsoleError, match="上限"):
        run_read_only(driver, "RETURN range(1, 3000000) AS r", byte_limit=1_000_000)
    rows = run_read_only(driver, "UNWIND range(1, 50) AS i RETURN i", row_limit=10)
    assert rows.truncated and len(rows.rows) == 10 and "行数上限" in (rows.notice or "")
    # The connection pool still answers after a cut connection.
    assert run_read_only(driver, "RETURN 1 AS one").rows == [[1]]
