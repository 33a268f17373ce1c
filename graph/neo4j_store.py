"""The Neo4j store, through the official ``neo4j`` driver.

Every node carries its model label and the shared label ``Entity`` (unique
``uid``), so edges can be matched by uid alone. Nodes and edges already stored
are read first and merged with :class:`chainkg.graph.model.Node` /
:class:`chainkg.graph.model.Edge` rules, then written with ``UNWIND $rows …``:
``CREATE`` for new nodes and the edges that touch one, ``SET``/``MERGE`` for the
rest, so Neo4j and the embedded store merge alike. A uid that a concurrent writer
created first fails the CREATE on the uid constraint; the write then runs once
more on the read-back and ``MERGE`` path, as safe against concurrent writers as
MERGE always was. Values always travel as parameters; labels and types are
interpolated only after they are checked against the model.

**One transaction or stages.** A document of up to :data:`STAGED_ABOVE` rows
(nodes and edges: every document, a firm list of up to some 10,000 rows) is
written in one transaction, with the retraction of the documents it replaces, so
a reader sees either version. A larger one would need transaction memory in
proportion (some 25 KiB per firm of a list: 100,000 firms do not fit in the local
server's default 1g heap, nor in Aura's limits), so it is written in stages of at
most :data:`STAGE_ROWS` rows, one transaction each (:func:`_stages`):

- The Document goes first, without its ``sha256`` and marked unfinished
  (:data:`UNFINISHED`); the last stage writes it whole. ``document_hashes`` (the
  "unchanged" check of builds and imports) and the viewer's document list leave
  out an unfinished Document, so a write cut short looks unstored.
- Stages go breadth first from the Document, each edge with its later end, so
  whatever a stage committed is reachable from the Document by the Document's own
  edges: exactly what a retraction walks.
- A stage that fails (a uid another label holds: ModelError; a refused write) has
  what the earlier stages wrote retracted before the error is raised. A write
  killed hard, or whose server went away, leaves its Document unfinished; the next
  write of that Document (the same file again, or the retry of a server gone
  away) retracts it first, and an import of a changed file at its path replaces it.
- Documents a staged write replaces are retracted first, in stages too.

While a staged write runs, a reader sees its firms appear stage by stage, before
the list shows in the document lists; during a staged replacement, the old list's
firms go before the new ones come. Both are complete once the write returns.

**Retraction** (:func:`_retract_step`, also of ``chainkg remove``) starts from
the Document's neighbourhood, never from all the database's edges, in steps of
:data:`STAGE_ROWS` mentioned nodes, the first of which marks the Document
unfinished. The result is the embedded store's (``Graph.retract``): a staged
write and a one-transaction write give the same graph.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from chainkg.graph.cypher_console import ConsoleResult, run_read_only
from chainkg.graph.errors import ModelError, StoreError, StoreUnavailableError, UnknownDocumentError
from chainkg.graph.interface import GraphStore, StoreConfig
from chainkg.graph.model import LABELS, REL_TYPES, TABLE_MARK, Edge, Graph, Node, restate_table_props

T = TypeVar("T")

BATCH = 2000
#: Rows per transaction of a bulk load: large enough that the round trip is noise, small enough for the heap.
BULK_BATCH = 20_000
#: Seconds a bulk load waits for the rebuilt search indexes to come online.
INDEX_TIMEOUT = 3600
#: Bolt schemes: direct (bolt), routed for clusters and Aura (neo4j), with TLS (+s) or self-signed TLS (+ssc).
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: Between a node's name and aliases in ``searchText``: a control character no name holds, at which the
#: full-text analyzers break words (so no match spans two names), and no line break: a node's row in the
#: offline importer's files (:mod:`chainkg.neo4j_import`) then stays on one line, which it reads fastest.
SEARCH_SEPARATOR = "\x1e"
#: The properties only Neo4j keeps, for its indexes: ``searchText`` (name and aliases, for the full-text index
#: entity_names) and ``searchKey`` (name, aliases and title, lowered, for the text index entity_search_key, which
#: answers the viewer's search query's CONTAINS from an index instead of reading every node).
INDEX_PROPERTIES = ("searchText", "searchKey")


#: Seconds one connection attempt may take at most (a server that accepts no connection, or answers none).
CONNECTION_TIMEOUT = 5.0
#: The server's answer to a transaction larger than its transaction memory: a TransientError, yet the
#: same write fails the same way however often it is tried.
OUT_OF_TRANSACTION_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
#: Seconds between a document's write attempts while the server cannot take it: doubling from the first to the most.
#: The server's answer to a CREATE of a uid a concurrent writer created first.
CONSTRAINT_CONFLICT = "Neo.ClientError.Schema.ConstraintValidationFailed"
#: Rows (nodes and edges) of a document above which it is written in stages (see the module docstring).
STAGED_ABOVE = 30_000
#: Rows per stage of a staged write, mentioned nodes per step of a staged retraction: some 100 MiB of
#: transaction memory, well within the 717 MiB the local server allows with its default 1g heap.
STAGE_ROWS = 10_000
#: The property of a Document whose staged write or retraction has not finished (its value names the
#: writer): the store's own, as ``searchText`` is, never read back into the graph.
UNFINISHED = "unfinishedWrite"
RETRY_FIRST_DELAY = 0.5
RETRY_MAX_DELAY = 5.0


def _reason(exc: BaseException) -> str:
    """The driver's message, on one line."""
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())


def _label(label: str) -> str:
    if label not in LABELS:
        raise ModelError(f"unknown label {label!r}")
    return label


def _rel_type(rel_type: str) -> str:
    if rel_type not in REL_TYPES:
        raise ModelError(f"unknown relationship type {rel_type!r}")
    return rel_type


def schema_statements() -> list[str]:
    """Constraints and indexes: idempotent, run on open and by ``chainkg neo4j init``."""
    statements = ["CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE"]
    for label in LABELS:
        statements.append(
            f"CREATE CONSTRAINT {label.lower()}_uid IF NOT EXISTS FOR (n:{label}) REQUIRE n.uid IS UNIQUE"
        )
    return statements + _search_index_statements()


def _search_index_statements() -> list[str]:
    """The name indexes and the full-text index: not needed to write, so a bulk load into an empty
    database builds them once at the end (Neo4j populates an index in bulk, several times faster
    than updating it row by row; Lucene's full-text index most of all)."""
    statements = [f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)" for label in LABELS]
    labels = "|".join(LABELS)
    statements.append(
        f"CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:{labels}) ON EACH [n.searchText] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    statements.append("CREATE TEXT INDEX entity_search_key IF NOT EXISTS FOR (n:Entity) ON (n.searchKey)")
    # An imported firm's 经营范围 and 所属行业, searched by CONTAINS for the words of a chain's links (chain_leads)
    statements += [
        f"CREATE TEXT INDEX {name} IF NOT EXISTS FOR (n:Enterprise) ON (n.{prop})" for name, prop in _TEXT_INDEXES
    ]
    return statements


_TEXT_INDEXES = (("enterprise_business_scope", "business_scope"), ("enterprise_industry", "industry"))


def _search_index_names() -> list[str]:
    return (
        [f"{label.lower()}_name" for label in LABELS]
        + ["entity_names", "entity_search_key"]
        + [name for name, _ in _TEXT_INDEXES]
    )


def search_key(data: dict[str, Any]) -> str:
    """What the search query finds a node by: its name, aliases and title, lowered, between separators (so no
    match spans two of them). Lowered in Python as Cypher's ``toLower`` lowers the text searched for."""
    forms = [data["name"], *data.get("aliases", ()), *([data["title"]] if data.get("title") is not None else [])]
    return SEARCH_SEPARATOR.join(form.lower() for form in forms)


#: Gives ``searchKey`` to nodes stored before it existed (as :func:`search_key` does, lowered by Cypher).
_BACKFILL_SEARCH_KEY = (
    "MATCH (n:Entity) WHERE n.searchKey IS NULL "
    "CALL (n) { SET n.searchKey = reduce(k = toLower(n.name), x IN coalesce(n.aliases, []) "
    "+ CASE WHEN n.title IS NULL THEN [] ELSE [n.title] END | k + $separator + toLower(x)) } "
    "IN TRANSACTIONS OF 10000 ROWS"
)


def node_props(data: dict[str, Any]) -> dict[str, Any]:
    """The properties a node is stored with, from its export form (``Node.to_dict()``): all but the
    label, plus ``searchText`` for the full-text index.

    Empty lists are left out, as Neo4j's offline importer cannot write one
    (:mod:`chainkg.neo4j_import`): a list property that is absent reads as empty
    (``Node.from_dict``; the queries use ``coalesce(n.aliases, [])``), so every
    load route stores the same thing.
    """
    props = {k: v for k, v in data.items() if k != "label" and v is not None and v != []}
    props["searchText"] = SEARCH_SEPARATOR.join([data["name"], *data.get("aliases", ())])
    props["searchKey"] = search_key(data)
    return props


def edge_props(data: dict[str, Any]) -> dict[str, Any]:
    """The properties an edge is stored with, from its export form (``Edge.to_dict()``): all but type and ends
    (and, as for nodes, no empty list)."""
    return {k: v for k, v in data.items() if k not in ("type", "start", "end") and v is not None and v != []}


def _node_from_record(labels: list[str], props: dict[str, Any]) -> Node:
    label = next(label for label in labels if label in LABELS)
    props = {k: v for k, v in props.items() if k not in INDEX_PROPERTIES and k != UNFINISHED}
    return Node.from_dict({**props, "label": label})


def _grouped(items: Iterable[T], key: Callable[[T], str], size: int) -> Iterator[tuple[str, list[T]]]:
    """Batches of at most ``size`` items sharing a key (a label or a type), streamed as they fill.

    Full batches go out as soon as they fill; the partial ones at the end go out in key order.
    """
    pending: dict[str, list[T]] = defaultdict(list)
    for item in items:
        rows = pending[key(item)]
        rows.append(item)
        if len(rows) >= size:
            yield key(item), rows
            pending[key(item)] = []
    for name, rows in sorted(pending.items()):
        if rows:
            yield name, rows


def _chunks(rows: Sequence[T], size: int = BATCH) -> Iterable[Sequence[T]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class Neo4jStore(GraphStore):
    """A graph in a Neo4j database: local, a cluster (``neo4j://``) or Aura (``neo4j+s://``)."""

    runs_cypher: ClassVar[bool] = True
    interruptible_writes: ClassVar[bool] = True

    def __init__(self, config: StoreConfig) -> None:
        self.config = config
        #: :data:`STAGED_ABOVE` and :data:`STAGE_ROWS`, per store so that tests can stage small graphs.
        self.staged_above = STAGED_ABOVE
        self.stage_rows = STAGE_ROWS
        scheme = (config.neo4j_uri or "").partition("://")[0]
        if scheme not in URI_SCHEMES:
            raise StoreError(f"bad Neo4j URI {config.neo4j_uri!r}: the scheme must be one of {', '.join(URI_SCHEMES)}")
        auth = (config.neo4j_user, config.neo4j_password or "")
        try:
            self.driver: Driver = GraphDatabase.driver(
                config.neo4j_uri or "",
                auth=auth,
                max_transaction_retry_time=config.neo4j_retry_seconds,
                # A dead server must not hold one attempt longer than the whole retry time.
                connection_timeout=min(CONNECTION_TIMEOUT, config.neo4j_retry_seconds),
                connection_acquisition_timeout=min(CONNECTION_TIMEOUT, config.neo4j_retry_seconds),
            )
            self.driver.verify_connectivity()
        except AuthError as exc:
            raise StoreError(
                f"Neo4j at {config.neo4j_uri} refused user {config.neo4j_user!r}: wrong user or password "
                "(set NEO4J_USER / NEO4J_PASSWORD or --neo4j-user / --neo4j-password)"
            ) from exc
        except (ServiceUnavailable, OSError) as exc:
            raise StoreError(f"cannot connect to Neo4j at {config.neo4j_uri}: {exc}") from exc
        except (ConfigurationError, ValueError) as exc:
            raise StoreError(f"bad Neo4j URI {config.neo4j_uri!r}: {exc}") from exc
        try:
            self.init_schema()
        except ClientError as exc:
            self.driver.close()
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreError(
                    f"Neo4j at {config.neo4j_uri} has no database {config.neo4j_database!r} "
                    "(check --neo4j-database or NEO4J_DATABASE; leave it unset for the server's default)"
                ) from exc
            raise StoreError(f"Neo4j at {config.neo4j_uri} refused the schema: {exc.message or exc}") from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            self.driver.close()
            raise StoreError(f"cannot connect to Neo4j at {config.neo4j_uri}: {_reason(exc)}") from exc

    def _session(self, **config: Any):  # type: ignore[no-untyped-def]
        # The store's own statements read properties that not every node has (``coalesce(n.aliases, [])``);
        # on an empty database Neo4j notes each as an unknown property, which the driver would log as a
        # warning on every first build. Analysts' statements (the console) keep their notifications.
        return self.driver.session(
            database=self.config.neo4j_database, notifications_disabled_classifications=["UNRECOGNIZED"], **config
        )

    def init_schema(self) -> None:
        """Create constraints and indexes if they are missing (idempotent). A database without the index on
        ``searchKey`` was written by an older chainkg (or bulk-loaded, which drops it): its nodes without the
        key get it, once, here (looking for them on every open would read every node)."""
        with self._session() as session:
            had_key_index = (
                session.run("SHOW INDEXES YIELD name WHERE name = 'entity_search_key' RETURN name").peek() is not None
            )
            for statement in schema_statements():
                session.run(statement).consume()
            if not had_key_index:
                session.run(_BACKFILL_SEARCH_KEY, separator=SEARCH_SEPARATOR).consume()

    def write_document(self, graph: Graph, *, replaces: Sequence[str] = ()) -> None:
        """Retract the documents ``graph`` ``replaces``, then merge it: in one transaction, or in stages if it
        has more than :attr:`staged_above` rows (see the module docstring), tried again while the server
        cannot take it, for ``neo4j_retry_seconds`` in all.

        The retries are counted here, not by the driver, whose back-off may sleep past its retry time
        (a build waited some 60 s per document for a server gone away). A server still away at the end
        is a :class:`StoreUnavailableError`, which stops a build; a write the server refuses is a
        :class:`StoreError` against that document alone.
        """
        started = time.monotonic()
        deadline = started + self.config.neo4j_retry_seconds
        delay = RETRY_FIRST_DELAY
        retrying = False
        while True:
            try:
                self._write(graph, replaces, retrying)
                return
            except (ServiceUnavailable, SessionExpired, TransientError, OSError) as exc:
                if isinstance(exc, TransientError) and exc.code == OUT_OF_TRANSACTION_MEMORY:
                    # not passing: the same write fails the same way again
                    raise StoreError(
                        f"Neo4j at {self.config.neo4j_uri} refused the write: it needs more transaction memory "
                        f"than the server allows ({_reason(exc)}); raise dbms.memory.transaction.total.max or "
                        "the heap (`chainkg neo4j start --heap 3g` for the local server)"
                    ) from exc
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreUnavailableError(
                        f"Neo4j at {self.config.neo4j_uri} went away during a write and did not come back within "
                        f"{time.monotonic() - started:.0f} s ({_reason(exc)})"
                    ) from exc
                time.sleep(min(delay, left))
                delay = min(delay * 2, RETRY_MAX_DELAY)
                retrying = True
            except Neo4jError as exc:
                raise StoreError(f"Neo4j refused the write: {exc.message or exc}") from exc

    def _write(self, graph: Graph, replaces: Sequence[str], retrying: bool) -> None:
        """One attempt of :meth:`write_document`: a Document of ``graph`` left unfinished by an earlier write
        (killed, or its server gone) is retracted first, so this one replaces it. A staged attempt after a
        failed one may find the documents it replaces retracted already."""
        with self._session(max_transaction_retry_time=0) as session:  # write_document counts the retries
            unfinished = session.execute_read(_unfinished, sorted(n.uid for n in graph.by_label("Document")))
        for uid in unfinished:
            self._retract_in_stages(uid)
        stages = _stages(graph, self.stage_rows) if len(graph.nodes) + len(graph.edges) > self.staged_above else None
        if stages is None:
            nodes = [graph.nodes[uid] for uid in sorted(graph.nodes)]
            self._run_write(_replace_graph, _part(nodes, [graph.edges[key] for key in sorted(graph.edges)]), replaces)
            return
        for uid in replaces:
            self._retract_in_stages(uid, missing_ok=retrying)
        self._write_in_stages(*stages)

    def _run_write(self, work: Callable[..., None], *args: Any) -> None:
        """``work(tx, *args, create)`` in one transaction, CREATEing what is new; run once more on the
        read-back and MERGE path if a concurrent writer created one of its nodes first (:func:`_write_part`)."""
        with self._session(max_transaction_retry_time=0) as session:
            try:
                session.execute_write(work, *args, True)
            except ClientError as exc:
                if exc.code != CONSTRAINT_CONFLICT:
                    raise
                session.execute_write(work, *args, False)

    def _write_in_stages(self, document: Node, stages: list[tuple[list[Node], list[Edge]]]) -> None:
        """Write a large document's graph in one transaction per stage (:func:`_stages`), the Document first,
        marked unfinished and without its ``sha256``, which the last transaction writes: a write cut short
        looks unstored. If a stage fails, what the earlier ones wrote is retracted before the error is
        raised; if the server went away, the next attempt (or the next run) retracts it first."""
        token = uuid.uuid4().hex
        with self._session(max_transaction_retry_time=0) as session:
            fresh = session.execute_write(_begin_document, document, token)
        mark = token if fresh else None
        try:
            # the next stage's rows are made on a thread of their own while the server writes this one
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="neo4j-stage") as prepare:
                parts = [*stages, ([document], [])]
                ahead = prepare.submit(_part, *parts[0])
                for following in [*parts[1:], None]:
                    part = ahead.result()
                    if following is not None:
                        ahead = prepare.submit(_part, *following)
                    self._run_write(_write_stage, document.uid, mark, part)
        except (ServiceUnavailable, SessionExpired, TransientError, OSError):
            raise
        except BaseException:
            if fresh:
                with (
                    contextlib.suppress(Neo4jError, DriverError, OSError, StoreError),
                    self._session(max_transaction_retry_time=0) as session,
                ):
                    if session.execute_read(_is_mine, document.uid, token):
                        self._retract_in_stages(document.uid)
            raise

    def _retract_in_stages(self, document_uid: str, *, missing_ok: bool = False) -> None:
        """Retract a document in transactions of at most :attr:`stage_rows` mentioned nodes, the first of which
        marks it unfinished (so a retraction cut short is taken up by the next write, as a write is).
        :class:`UnknownDocumentError` if it is not stored, unless ``missing_ok``."""
        with self._session(max_transaction_retry_time=0) as session:
            if not session.execute_write(_mark_unfinished, document_uid, uuid.uuid4().hex):
                if missing_ok:
                    return
                raise UnknownDocumentError(f"no stored document {document_uid!r}")
            while not session.execute_write(_retract_step, document_uid, self.stage_rows):
                pass

    def bulk_load(
        self,
        nodes: Iterable[dict[str, Any]],
        edges: Iterable[dict[str, Any]],
        *,
        batch: int = BULK_BATCH,
        progress: Callable[[int, int], None] | None = None,
    ) -> BulkReport:
        """Merge a whole graph given in export form (``Node.to_dict()`` / ``Edge.to_dict()`` dicts).

        For ``chainkg push`` and the benchmarks, in transactions of ``batch``
        rows per label or type. Two paths give the same result:

        - Into a database holding no nodes, every uid is new and the rows are
          the merged result already, so nodes and relationships are CREATEd
          (MERGE of a relationship scans the relationships of its end node,
          and Document and chain nodes have hundreds of thousands), and the
          name and full-text indexes are dropped first and rebuilt in bulk at
          the end; ``bulk_load`` returns once they are online (if the load
          fails half-way, opening the store recreates them). The input must
          then hold each uid and each (type, start, end) once, as an export
          does: a repeated uid fails on the uid constraint.
        - Into a non-empty database, each batch reads the stored nodes and
          edges it touches, merges them with the model's rules and MERGEs the
          result, so the result is the one :meth:`write_document` would give.

        Every batch commits on its own: if Neo4j stops, what was committed
        stays (on the empty path a rerun then takes the merge path and
        completes it). Batches are sent by a second thread while this one
        prepares the next, so Python and Neo4j work at the same time.
        ``progress(nodes_written, edges_written)`` is called after each batch.
        """
        empty = self.node_count() == 0
        if empty:
            with self._session() as session:
                for name in _search_index_names():
                    session.run(f"DROP INDEX {name} IF EXISTS").consume()
        report = BulkReport(created=empty)
        with _BatchWriter(self, read_back=not empty, report=report, progress=progress) as writer:
            for label, node_rows in _grouped((Node.from_dict(item) for item in nodes), lambda n: n.label, batch):
                writer.put("node", label, node_rows)
            writer.barrier()  # every node is stored before an edge needs its ends
            for rel_type, edge_rows in _grouped((Edge.from_dict(item) for item in edges), lambda e: e.type, batch):
                writer.put("edge", rel_type, edge_rows)
        if empty:
            started = time.perf_counter()
            self.init_schema()
            self.await_indexes()
            report.index_seconds = time.perf_counter() - started
        return report

    def await_indexes(self, seconds: int = INDEX_TIMEOUT) -> None:
        """Block until every index is online (after a bulk load or an import they are built in the background)."""
        with self._session() as session:
            session.run("CALL db.awaitIndexes($seconds)", seconds=seconds).consume()

    def read(self) -> Graph:
        graph = Graph()
        with self._session() as session:
            for record in session.run("MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props"):
                graph.add_node(_node_from_record(record["labels"], record["props"]))
            result = session.run(
                "MATCH (a:Entity)-[r]->(b:Entity) "
                "RETURN type(r) AS type, a.uid AS start, b.uid AS end, properties(r) AS props"
            )
            for record in result:
                data = {**record["props"], "type": record["type"], "start": record["start"], "end": record["end"]}
                graph.add_edge(Edge.from_dict(data))
        return graph

    def find_document(self, ref: str) -> str | None:
        rows = self.run_cypher(
            "MATCH (d:Document) WHERE d.uid = $ref OR d.name = $ref OR d.path = $ref "
            "RETURN d.uid AS uid ORDER BY d.uid <> $ref, d.uid LIMIT 1",
            {"ref": ref},
        )
        return rows[0]["uid"] if rows else None

    def remove_document(self, document_uid: str) -> None:
        self._retract_in_stages(document_uid)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        with self._session() as session:
            for record in session.run(
                "MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' "
                "RETURN label, count(*) AS n"
            ):
                out[record["label"]] = record["n"]
            for record in session.run("MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS n"):
                out[record["type"]] = record["n"]
        return dict(sorted(out.items()))

    def node_count(self) -> int:
        """How many nodes the database holds (Neo4j's count store answers at once)."""
        with self._session() as session:
            return int(session.run("MATCH (n:Entity) RETURN count(n) AS n").single()["n"])

    def document_hashes(self) -> dict[str, str]:
        with self._session() as session:
            result = session.run(
                "MATCH (d:Document) WHERE d[$mark] IS NULL RETURN d.sha256 AS sha, d.uid AS uid", mark=UNFINISHED
            )
            return {r["sha"]: r["uid"] for r in result}

    def run_cypher(
        self, text: str, params: dict[str, Any] | None = None, *, read_only: bool = True
    ) -> list[dict[str, Any]]:
        """Rows of one statement in a managed transaction, retried by the driver if the server could not take it.

        Driver and server errors are raised as the driver raises them: a named query that fails is a bug
        or an outage, which the caller (the viewer's error pages, the CLI) reports as it is.
        """

        def rows(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(text, params or {})]

        with self._session() as session:
            return session.execute_read(rows) if read_only else session.execute_write(rows)

    def console(self, text: str, params: dict[str, Any] | None = None, **options: Any) -> ConsoleResult:
        return run_read_only(self.driver, text, params, database=self.config.neo4j_database, **options)

    def prepare(self, statements: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Have the server plan each statement (EXPLAIN runs nothing), with parameters of the types real calls
        pass: right after a server starts, planning the viewer's queries takes seconds, which the first user
        would otherwise wait. Only a head start: the first failure ends it quietly, as real calls plan what
        they need themselves."""
        try:
            with self._session(default_access_mode=READ_ACCESS) as session:
                for text, params in statements:
                    session.run("EXPLAIN " + text, params).consume()
        except (Neo4jError, DriverError, OSError):
            pass

    def bookmarks(self) -> tuple[str, ...]:
        """The database's bookmark after a trivial read transaction: it carries the id of the last
        committed transaction, so it changes with every write, whoever makes it (the viewer's caches
        key on it)."""
        with self.driver.session(database=self.config.neo4j_database, default_access_mode=READ_ACCESS) as session:
            session.execute_read(lambda tx: tx.run("RETURN 1").consume())
            return tuple(sorted(session.last_bookmarks().raw_values))

    def close(self) -> None:
        self.driver.close()

    def discard(self) -> None:
        self.driver.close()


@dataclass
class BulkReport:
    """What a bulk load wrote: nodes and relationships, and the batches (transactions) it took."""

    nodes: int = 0
    edges: int = 0
    batches: int = 0
    #: Whether the database was empty, so rows were created and the search indexes rebuilt at the end.
    created: bool = False
    #: Seconds spent rebuilding the name and full-text indexes after an empty-database load.
    index_seconds: float = 0.0


class _BatchWriter:
    """Sends batches from a queue on a thread of its own, one transaction each, in order.

    The queue holds at most two batches, so memory stays bounded however large
    the load; the first error stops the writer and is raised in the caller.
    """

    _BARRIER: tuple[str, str, list[Any]] = ("barrier", "", [])

    def __init__(
        self,
        store: Neo4jStore,
        *,
        read_back: bool,
        report: BulkReport,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.store = store
        self.read_back = read_back
        self.report = report
        self.progress = progress
        self.queue: queue.Queue[tuple[str, str, list[Any]] | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.idle = threading.Event()
        self.thread = threading.Thread(target=self._run, name="neo4j-bulk-writer", daemon=True)

    def __enter__(self) -> _BatchWriter:
        self.thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        self.queue.put(None)
        self.thread.join()
        if exc_type is None and self.error is not None:
            self._raise()

    def put(self, kind: str, name: str, rows: list[Any]) -> None:
        if self.error is not None:
            self._raise()
        self.queue.put((kind, name, rows))

    def barrier(self) -> None:
        """Wait until everything queued so far is committed."""
        self.idle.clear()
        self.put(*self._BARRIER)
        while not self.idle.wait(0.5):
            if not self.thread.is_alive():
                break
        if self.error is not None:
            self._raise()

    def _raise(self) -> None:
        error = self.error
        if isinstance(error, Neo4jError):
            raise StoreError(f"Neo4j refused a bulk write: {error.message or error}") from error
        if isinstance(error, ServiceUnavailable | OSError):
            raise StoreError(f"Neo4j at {self.store.config.neo4j_uri} went away during a bulk load: {error}") from error
        raise StoreError(f"bulk load failed: {error}") from error

    def _run(self) -> None:
        try:
            with self.store._session() as session:
                while (item := self.queue.get()) is not None:
                    kind, name, rows = item
                    if kind == "barrier":
                        self.idle.set()
                    elif kind == "node":
                        session.execute_write(_write_nodes, name, rows, self.read_back)
                        self._count(nodes=len(rows))
                    else:
                        session.execute_write(_write_edges, name, rows, self.read_back)
                        self._count(edges=len(rows))
        except BaseException as exc:  # handed to the caller's thread
            self.error = exc
            self.idle.set()
            while self.queue.get() is not None:  # unblock a producer waiting on a full queue
                pass

    def _count(self, nodes: int = 0, edges: int = 0) -> None:
        self.report.nodes += nodes
        self.report.edges += edges
        self.report.batches += 1
        if self.progress is not None:
            self.progress(self.report.nodes, self.report.edges)


def _write_nodes(tx: ManagedTransaction, label: str, nodes: list[Node], read_back: bool) -> None:
    """CREATE one label's nodes into an empty database; else merge with the stored ones (read back) and MERGE."""
    if not read_back:
        tx.run(
            f"UNWIND $rows AS row CREATE (n:Entity:{_label(label)}) SET n = row",
            rows=[{**node_props(node.to_dict()), "uid": node.uid} for node in nodes],
        ).consume()
        return
    result = tx.run(
        "UNWIND $uids AS uid MATCH (n:Entity {uid: uid}) RETURN labels(n) AS labels, properties(n) AS props",
        uids=[n.uid for n in nodes],
    )
    stored = {node.uid: node for node in (_node_from_record(r["labels"], r["props"]) for r in result)}
    merged = []
    for node in nodes:
        held = stored.get(node.uid)
        if held is not None:
            if held.label != node.label:
                raise ModelError(f"uid {node.uid} is a {held.label} in Neo4j, not a {node.label}")
            held.merge(node)
            node = held
        merged.append(node)
    tx.run(
        # ``+=`` (cheaper than ``=`` on new nodes) loses nothing: merged props include every stored one.
        f"UNWIND $rows AS row MERGE (n:Entity {{uid: row.uid}}) SET n += row.props, n:{_label(label)}",
        rows=[{"uid": node.uid, "props": node_props(node.to_dict())} for node in merged],
    ).consume()


def _write_edges(tx: ManagedTransaction, rel_type: str, edges: list[Edge], read_back: bool) -> None:
    """CREATE one type's relationships into an empty database; else merge stored evidence (read back) and MERGE.

    Rows travel as ``[start, end, props]`` lists: less for the driver to pack than maps.
    """
    if not read_back:
        tx.run(
            "UNWIND $rows AS row MATCH (a:Entity {uid: row[0]}) MATCH (b:Entity {uid: row[1]}) "
            f"CREATE (a)-[r:{_rel_type(rel_type)}]->(b) SET r = row[2]",
            rows=[[e.start, e.end, edge_props(e.to_dict())] for e in edges],
        ).consume()
        return
    result = tx.run(
        f"UNWIND $rows AS row MATCH (a:Entity {{uid: row[0]}})-[r:{_rel_type(rel_type)}]->"
        "(b:Entity {uid: row[1]}) RETURN row[0] AS start, row[1] AS end, properties(r) AS props",
        rows=[[e.start, e.end] for e in edges],
    )
    stored = {
        (r["start"], r["end"]): Edge.from_dict({**r["props"], "type": rel_type, "start": r["start"], "end": r["end"]})
        for r in result
    }
    merged = []
    for edge in edges:
        held = stored.get((edge.start, edge.end))
        if held is not None:
            held.merge(edge)
            edge = held
        merged.append(edge)
    tx.run(
        "UNWIND $rows AS row MATCH (a:Entity {uid: row[0]}) MATCH (b:Entity {uid: row[1]}) "
        f"MERGE (a)-[r:{_rel_type(rel_type)}]->(b) SET r += row[2]",
        rows=[[e.start, e.end, edge_props(e.to_dict())] for e in merged],
    ).consume()


@dataclass
class _Part:
    """Nodes and edges written in one transaction (a whole document, or one stage of a large one), with the
    rows they are written with if they are not stored: computed before the transaction, so that a staged
    write prepares the next stage while the server writes this one (:meth:`Neo4jStore._write_in_stages`)."""

    nodes: list[Node]
    edges: list[Edge]
    node_rows: list[dict[str, Any]]
    edge_rows: list[list[Any]]


def _part(nodes: list[Node], edges: list[Edge]) -> _Part:
    return _Part(
        nodes,
        edges,
        [node_props(node.to_dict()) for node in nodes],
        [[edge.start, edge.end, edge_props(edge.to_dict())] for edge in edges],
    )


def _write_part(tx: ManagedTransaction, part: _Part, create: bool) -> None:
    """Merge ``part`` into the database.

    The stored nodes are read first and merged with the model's rules. With ``create``, nodes not stored
    are CREATEd, and so are the edges with an end created here (none can be stored, so they are not read
    back either): half the statement time of MERGE. A concurrent writer that creates the same uid makes
    one of the two fail on the uid constraint; :meth:`Neo4jStore._run_write` then runs the write again
    without ``create``, on the read-back and MERGE path, which is safe against concurrent writers as MERGE
    is. Every other edge is read back, merged and MERGEd.
    """
    nodes, edges = part.nodes, part.edges
    stored: dict[str, Node] = {}
    for uid_chunk in _chunks([node.uid for node in nodes]):
        result = tx.run(
            "UNWIND $uids AS uid MATCH (n:Entity {uid: uid}) RETURN labels(n) AS labels, properties(n) AS props",
            uids=uid_chunk,
        )
        for record in result:
            node = _node_from_record(record["labels"], record["props"])
            stored[node.uid] = node
    # (label, stored) → rows: stored nodes are SET in place, new ones CREATEd (or MERGEd) with their label
    by_label: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for node, row in zip(nodes, part.node_rows, strict=True):
        held = stored.get(node.uid)
        if held is not None:
            if held.label != node.label:
                raise ModelError(f"uid {node.uid} is a {held.label} in Neo4j, not a {node.label}")
            held.merge(node)
            row = node_props(held.to_dict())
        by_label[node.label, held is not None].append(row)
    for (label, is_stored), rows in sorted(by_label.items()):
        if is_stored:
            statement = "UNWIND $rows AS row MATCH (n:Entity {uid: row.uid}) SET n = row"
        elif create:
            statement = f"UNWIND $rows AS row CREATE (n:Entity:{_label(label)}) SET n = row"
        else:
            statement = f"UNWIND $rows AS row MERGE (n:Entity {{uid: row.uid}}) SET n = row, n:{_label(label)}"
        for chunk in _chunks(rows):
            tx.run(statement, rows=chunk).consume()

    created = {node.uid for node in nodes if node.uid not in stored} if create else set()
    pairs = list(zip(edges, part.edge_rows, strict=True))
    fresh = [(edge, edge_row) for edge, edge_row in pairs if edge.start in created or edge.end in created]
    others = [(edge, edge_row) for edge, edge_row in pairs if edge.start not in created and edge.end not in created]
    stored_edges: dict[tuple[str, str, str], Edge] = {}
    for edge_chunk in _chunks([edge for edge, _ in others]):
        result = tx.run(
            "UNWIND $rows AS row MATCH (a:Entity {uid: row[1]})-[r]->(b:Entity {uid: row[2]}) "
            "WHERE type(r) = row[0] RETURN type(r) AS type, properties(r) AS props, row[1] AS start, "
            "row[2] AS end",
            rows=[list(edge.key) for edge in edge_chunk],
        )
        for record in result:
            read_back = Edge.from_dict(
                {**record["props"], "type": record["type"], "start": record["start"], "end": record["end"]}
            )
            stored_edges[read_back.key] = read_back
    # (type, CREATE) → rows as [start, end, props] lists: less for the driver to pack than maps
    by_type: dict[tuple[str, bool], list[list[Any]]] = defaultdict(list)
    for edge, edge_row in fresh:
        by_type[edge.type, True].append(edge_row)
    for edge, edge_row in others:
        held_edge = stored_edges.get(edge.key)
        if held_edge is not None:
            held_edge.merge(edge)
            edge_row = [edge.start, edge.end, edge_props(held_edge.to_dict())]
        by_type[edge.type, False].append(edge_row)
    for (rel_type, is_new), edge_rows in sorted(by_type.items()):
        write = "CREATE" if is_new else "MERGE"
        for row_chunk in _chunks(edge_rows):
            tx.run(
                "UNWIND $rows AS row MATCH (a:Entity {uid: row[0]}) MATCH (b:Entity {uid: row[1]}) "
                f"{write} (a)-[r:{_rel_type(rel_type)}]->(b) SET r = row[2]",
                rows=row_chunk,
            ).consume()


def _replace_graph(tx: ManagedTransaction, part: _Part, replaces: Sequence[str], create: bool) -> None:
    """Retract the documents ``part`` replaces, then merge it: one transaction, so a reader sees either version."""
    for uid in replaces:
        _check_stored(tx, uid)
        while not _retract_step(tx, uid, None):
            pass
    _write_part(tx, part, create)


def _stages(graph: Graph, size: int) -> tuple[Node, list[tuple[list[Node], list[Edge]]]] | None:
    """The graph's one Document and the rest cut into stages of about ``size`` rows (nodes and edges),
    in the order they are written; None if the graph is not one Document's neighbourhood (then it is
    written in one transaction).

    Nodes go breadth first from the Document, so each node shares an edge with a node before it, and an
    edge goes in the stage of its later end: every stage leaves what it wrote reachable from the
    Document by the Document's own edges, which is how a retraction finds it (:func:`_retract_step`).
    Within a level, nodes with more edges in the graph go first (a district before its firms), so the
    many edges of a hub are spread over the stages of the nodes at their other ends.
    """
    documents = [node for node in graph.nodes.values() if node.label == "Document"]
    if len(documents) != 1:
        return None
    document = documents[0]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges.values():
        neighbours[edge.start].add(edge.end)
        neighbours[edge.end].add(edge.start)
    order, seen, level = [document.uid], {document.uid}, [document.uid]
    while level:
        following = {uid for current in level for uid in neighbours[current] if uid not in seen}
        level = sorted(following, key=lambda uid: (-len(neighbours[uid]), uid))
        seen.update(level)
        order += level
    if len(order) != len(graph.nodes):
        return None
    position = {uid: i for i, uid in enumerate(order)}
    closing: dict[int, list[Edge]] = defaultdict(list)
    for key in sorted(graph.edges):
        edge = graph.edges[key]
        closing[max(position[edge.start], position[edge.end])].append(edge)
    stages: list[tuple[list[Node], list[Edge]]] = []
    nodes: list[Node] = []
    edges: list[Edge] = []
    for i, uid in enumerate(order[1:], start=1):
        nodes.append(graph.nodes[uid])
        edges += closing[i]
        if len(nodes) + len(edges) >= size:
            stages.append((nodes, edges))
            nodes, edges = [], []
    if nodes:
        stages.append((nodes, edges))
    return document, stages


def _check_stored(tx: ManagedTransaction, document_uid: str) -> None:
    exists = tx.run("MATCH (d:Document {uid: $uid}) RETURN count(d) AS n", uid=document_uid).single()
    if not exists or not exists["n"]:
        raise UnknownDocumentError(f"no stored document {document_uid!r}")


def _begin_document(tx: ManagedTransaction, document: Node, token: str) -> bool:
    """Store the Document of a staged write without its ``sha256`` and marked unfinished (``token``); False if
    it is stored complete already (the staged write then merges into it, unmarked)."""
    held = tx.run("MATCH (d:Document {uid: $uid}) RETURN d.uid AS uid", uid=document.uid).single()
    if held is not None:
        return False
    props = {k: v for k, v in node_props(document.to_dict()).items() if k != "sha256"}
    tx.run(
        "CREATE (d:Entity:Document) SET d = $props, d[$mark] = $token", props=props, mark=UNFINISHED, token=token
    ).consume()
    return True


def _write_stage(tx: ManagedTransaction, document_uid: str, token: str | None, part: _Part, create: bool) -> None:
    """One stage of a staged write, after checking that the Document is still this write's (``token``)."""
    if token is not None and not _is_mine(tx, document_uid, token):
        raise StoreError(f"document {document_uid} was taken over by another write while this one ran")
    _write_part(tx, part, create)


def _is_mine(tx: ManagedTransaction, document_uid: str, token: str) -> bool:
    """Whether the Document is still the unfinished one of the write that holds ``token``."""
    result = tx.run(
        "MATCH (d:Document {uid: $uid}) WHERE d[$mark] = $token RETURN count(d) AS n",
        uid=document_uid,
        mark=UNFINISHED,
        token=token,
    ).single()
    return bool(result and result["n"])


def _unfinished(tx: ManagedTransaction, uids: list[str]) -> list[str]:
    result = tx.run(
        "UNWIND $uids AS uid MATCH (d:Document {uid: uid}) WHERE d[$mark] IS NOT NULL RETURN d.uid AS uid",
        uids=uids,
        mark=UNFINISHED,
    )
    return sorted(record["uid"] for record in result)


def _mark_unfinished(tx: ManagedTransaction, document_uid: str, token: str) -> bool:
    """The first step of a staged retraction: the Document leaves the lists. False if it is not stored."""
    result = tx.run(
        "MATCH (d:Document {uid: $uid}) SET d[$mark] = $token RETURN count(d) AS n",
        uid=document_uid,
        mark=UNFINISHED,
        token=token,
    ).single()
    return bool(result and result["n"])


def _retract_step(tx: ManagedTransaction, document_uid: str, limit: int | None) -> bool:
    """Take back the statements of ``document_uid`` about up to ``limit`` (None: all) of the nodes it
    mentions; True once nothing is left and the Document itself is gone (Graph.retract's rules).

    The work starts from the Document's neighbourhood, never from all the database's edges: every node a
    document states has its ``MENTIONED_IN`` edge to it, except the districts above a named one (the
    ``PART_OF`` chain up to the province), which are reached through the Document's own edges from a
    mentioned node and retracted with it. The nodes with the fewest edges go first, so a hub (a district
    with a list's firms) comes when the edges to it are gone. When no mentioned node is left, the
    Document's own edges go, then the Document.
    """
    result = tx.run(
        "MATCH (:Document {uid: $uid})<-[:MENTIONED_IN]-(n:Entity) "
        "WITH n ORDER BY COUNT { (n)--() }, n.uid LIMIT $limit RETURN n.uid AS uid",
        uid=document_uid,
        limit=limit if limit is not None else 2**62,
    )
    front = [record["uid"] for record in result]
    last = not front
    if last:
        front = [document_uid]
    touched: set[str] = set()
    rows: dict[str, dict[str, Any]] = {}  # what a firm table's rows said of each firm, to take back
    updates: list[dict[str, Any]] = []
    deletions: list[str] = []
    done: set[str] = set()
    seen = set(front) | {document_uid}
    while front:
        result = tx.run(
            "UNWIND $uids AS uid MATCH (n:Entity {uid: uid})-[r]-(m:Entity) "
            "WHERE r.source = $doc OR $doc IN coalesce(r.sources, []) "
            "RETURN elementId(r) AS id, type(r) AS type, startNode(r).uid AS start, endNode(r).uid AS end, "
            "properties(r) AS props, m.uid AS other, "
            "EXISTS { (m)-[:MENTIONED_IN]->(:Document {uid: $doc}) } AS mentioned",
            uids=front,
            doc=document_uid,
        )
        following: set[str] = set()
        for record in result:
            if record["other"] not in seen and not record["mentioned"]:
                following.add(record["other"])  # a district above a named one: only reached this way
            if record["id"] in done:
                continue
            done.add(record["id"])
            edge = Edge.from_dict(
                {**record["props"], "type": record["type"], "start": record["start"], "end": record["end"]}
            )
            edge.evidence.pop(document_uid, None)
            touched.update((edge.start, edge.end))
            if edge.type == "MENTIONED_IN" and edge.end == document_uid and TABLE_MARK in edge.props:
                rows[edge.start] = edge.props
            if edge.evidence and document_uid not in (edge.start, edge.end):
                updates.append({"id": record["id"], "props": edge_props(edge.to_dict())})
            else:
                deletions.append(record["id"])
        seen |= following
        front = sorted(following)
    for chunk in _chunks(updates):
        tx.run(
            "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.id SET r = row.props", rows=chunk
        ).consume()
    for id_chunk in _chunks(deletions):
        tx.run("UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r", ids=id_chunk).consume()
    if last:
        result = tx.run("MATCH (:Document {uid: $uid})--(m:Entity) RETURN m.uid AS uid", uid=document_uid)
        touched.update(record["uid"] for record in result)
        tx.run("MATCH (d:Document {uid: $uid}) DETACH DELETE d", uid=document_uid).consume()
    for uid_chunk in _chunks(sorted(touched)):
        tx.run(
            "UNWIND $uids AS uid MATCH (n:Entity {uid: uid}) WHERE NOT n:Document AND NOT (n)--() DELETE n",
            uids=uid_chunk,
        ).consume()
    for chunk in _chunks([{"uid": uid} for uid in sorted(rows)]):
        _restate(tx, chunk, rows)
    return last


def _restate(tx: ManagedTransaction, chunk: Sequence[dict[str, Any]], rows: dict[str, dict[str, Any]]) -> None:
    """Take back what a retracted firm table said of the firms of ``chunk`` that stay (Graph.retract's rule)."""
    result = tx.run(
        "UNWIND $rows AS row MATCH (n:Entity {uid: row.uid}) "
        "OPTIONAL MATCH (n)-[r:MENTIONED_IN]->(d:Document) WHERE r[$mark] IS NOT NULL "
        "WITH n, d, r ORDER BY d.uid "
        "RETURN labels(n) AS labels, properties(n) AS props, "
        "[p IN collect(properties(r)) WHERE p IS NOT NULL] AS remaining",
        rows=chunk,
        mark=TABLE_MARK,
    )
    restated = []
    for record in result:
        node = _node_from_record(record["labels"], record["props"])
        restate_table_props(node, [rows[node.uid]], record["remaining"])
        restated.append({"uid": node.uid, "props": node_props(node.to_dict())})
    tx.run("UNWIND $rows AS row MATCH (n:Entity {uid: row.uid}) SET n = row.props", rows=restated).consume()
