"""The loading pipeline: read → extract → resolve → store.

Extraction is per document and independent, so it runs in worker processes;
resolution (one node per real thing across documents) and writing run in the
parent, in sorted file order, one store transaction per document. A document
that fails is reported with its reason and the rest still load.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType
from typing import TypeAlias

from chainkg.graph.errors import ChainKGError, DocumentError, StoreUnavailableError
from chainkg.graph.model import Graph
from chainkg.graph.store import GraphStore
from chainkg.loaders.extract import (
    chain_owners,
    chain_segments,
    departments,
    districts,
    enterprises,
    industries,
    platforms,
    policies,
    policy_sections,
    projects,
    targets,
    task_forces,
)
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.documents import document_node
from chainkg.loaders.extract.findings import Findings
from chainkg.loaders.extract.prose_context import prose_layout
from chainkg.loaders.reading.readers import SourceDocument, find_documents, read_document
from chainkg.loaders.resolve import Resolver
from chainkg.loaders.text.divisions import document_scope, find_districts
from chainkg.loaders.text.document import ParsedDocument, sections

log = logging.getLogger(__name__)

#: The extractors, in order: later ones may use the nodes earlier ones added
#: (policies link measures to the chains ``industries`` found; targets to measures).
Extractor: TypeAlias = Callable[[ParsedDocument, DocumentGraph, Findings], None]
EXTRACTORS: list[Extractor] = [
    districts.extract,
    departments.extract,
    task_forces.extract,
    industries.extract,
    policies.extract,
    enterprises.extract,
    chain_owners.extract,
    platforms.extract,
    projects.extract,
    chain_segments.extract,
    targets.extract,
]


def prepare(source: SourceDocument) -> ParsedDocument:
    """The document as extractors read it, with the area it speaks for."""
    doc = ParsedDocument(source)
    doc.scope = document_scope(doc)
    return doc


def find(doc: ParsedDocument) -> Findings:
    """The readings several extractors share, each taken once, in order (each may use those before it)."""
    district_mentions = find_districts(doc.text, doc.scope)
    firms = enterprises.find_firms(doc, district_mentions)
    firm_names = enterprises.firm_names(doc, firms)
    platform_mentions, platform_aliases = platforms.find_platforms(doc, district_mentions)
    industry_mentions = industries.document_industries(doc, firm_names)
    return Findings(
        districts=district_mentions,
        sections=policy_sections.sections(doc),
        firms=firms,
        firm_names=firm_names,
        platforms=platform_mentions,
        platform_aliases=platform_aliases,
        industries=industry_mentions,
        layout=prose_layout(doc, industry_mentions, platform_mentions, district_mentions),
    )


def extract(source: SourceDocument) -> DocumentGraph:
    """The graph one document states, before cross-document resolution.

    A document longer than :data:`~chainkg.loaders.text.document.SECTION_CHARS` is read in sections
    (:func:`~chainkg.loaders.text.document.sections`), each as a document of its own under the Document node
    and scope of the whole (read from its head, as always), into a graph of its own that is then folded into
    the document's: the extractors' rules stay those of one ordinary document, and time and memory grow with
    the text rather than faster.
    """
    texts = sections(source.text)
    head = prepare(replace(source, text=next(texts)))
    graph = DocumentGraph(document_node(source, head.scope))
    _read(head, graph)
    scope = head.scope
    del head  # a section's reading is dropped before the next is made
    for text in texts:
        part = DocumentGraph(graph.document)
        _read(ParsedDocument(replace(source, text=text), scope), part)
        _fold(graph, part)
    return graph


def _read(doc: ParsedDocument, graph: DocumentGraph) -> None:
    """Run every extractor over ``doc`` into ``graph``."""
    findings = find(doc)
    for extractor in EXTRACTORS:
        extractor(doc, graph, findings)


def _fold(whole: DocumentGraph, part: DocumentGraph) -> None:
    """Add the graph of a later section to its document's: a node or fact read again keeps its first evidence
    (as in one reading of the whole), and mention counts add up."""
    for node in part.nodes.values():
        if node is not whole.document:
            whole.add_node(node)
    for key, edge in part.edges.items():
        held = whole.edges.get(key)
        if held is not None and edge.type == "MENTIONED_IN":
            held.props["count"] += edge.props["count"]
        else:
            whole.add_edge(edge)


def extract_path(path: Path) -> DocumentGraph:
    """Read and extract one file (the unit of work of a worker process)."""
    doc = read_document(path)
    try:
        return extract(doc)
    except ChainKGError:
        raise
    except Exception as exc:  # an extractor bug must not sink the batch: report it against the file
        log.exception("extraction failed for %s", path)
        raise DocumentError(path, f"extraction failed: {type(exc).__name__}: {exc}") from exc


def _extract_or_error(path: Path) -> DocumentGraph | DocumentError:
    try:
        return extract_path(path)
    except DocumentError as exc:
        return exc


@dataclass
class BuildReport:
    """What a build did: documents loaded, skipped and failed, and the elements added."""

    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=dict)
    #: Files of the folders walked that are not loaded at all, each with its reason (unsupported type, dangling link).
    ignored: list[DocumentError] = field(default_factory=list)


class BuildStopped(ChainKGError):
    """The build stopped before its last document; everything loaded until then is stored (``report.loaded``),
    and rerunning the same command loads the rest (unchanged files are skipped)."""

    def __init__(self, report: BuildReport, message: str) -> None:
        self.report = report
        super().__init__(message)


class BuildInterrupted(BuildStopped):
    """SIGINT (Ctrl-C) or SIGTERM stopped the build between two documents; the workers are stopped."""

    def __init__(self, report: BuildReport, signum: int) -> None:
        self.signum = signum
        super().__init__(report, f"interrupted: {len(report.loaded)} documents stored; rerun to continue")


class _Interrupt(BaseException):
    """Raised by the signal handler between documents (a BaseException: nothing on the way catches it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """SIGINT and SIGTERM during a build become :class:`_Interrupt`, never inside a :meth:`critical` block
    (a document's write and its bookkeeping): a signal there is held until the block ends, except in a part that
    :meth:`open_to_interrupts` (a write into a store that survives being cut short: Neo4j).

    Installed only in the main thread (Python's handlers run there); elsewhere the caller keeps its own.
    """

    def __init__(self) -> None:
        self.pending: int | None = None
        self.in_critical = False
        self.previous: dict[int, object] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.pending is None:
            self.pending = signum
        if not self.in_critical:
            raise _Interrupt(self.pending)

    @contextmanager
    def critical(self) -> Iterator[None]:
        self.in_critical = True
        try:
            yield
        finally:
            self.in_critical = False
        if self.pending is not None:
            raise _Interrupt(self.pending)

    @contextmanager
    def open_to_interrupts(self, allowed: bool) -> Iterator[None]:
        """Inside a critical block: a signal stops the work at once if ``allowed`` (a store whose write, cut short
        anywhere, leaves it as of its last commit), so Ctrl-C need not wait out a write retried while Neo4j is away."""
        if not allowed:
            yield
            return
        self.in_critical = False
        try:
            if self.pending is not None:
                raise _Interrupt(self.pending)
            yield
        finally:
            self.in_critical = True


#: Documents handed to a worker at a time: one it works on and one waiting, so it never idles on the parent.
_PER_WORKER = 2


def _worker(conn: Connection) -> None:
    """A worker process: extract each path the parent sends, send back the result, until told to stop.

    It leaves Ctrl-C to the parent (a terminal sends it to the whole process group) and dies at once on
    SIGTERM or SIGKILL from the parent; the parent blocked both signals while forking, so no handler of
    its own ever runs here.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        index, path = item
        conn.send((index, _extract_or_error(path)))


class _Worker:
    def __init__(self) -> None:
        self.conn, child = multiprocessing.Pipe()
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            self.process = multiprocessing.Process(target=_worker, args=(child,), daemon=True)
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()
        self.queued: deque[int] = deque()


class _Pool:
    """Worker processes extracting documents, results given back in input order.

    Not :class:`concurrent.futures.ProcessPoolExecutor`: a build stopped by Ctrl-C, SIGTERM or the store
    going away must end every worker at once, and killing the executor's workers mid-result leaves its
    manager thread blocked on a half-written message (the interpreter then hangs at exit). Here the parent
    owns each worker's pipe: :meth:`kill` ends them all, and a worker that dies (killed for memory) fails
    the document it held, not the build.
    """

    def __init__(self, paths: list[Path], workers: int) -> None:
        self.paths = paths
        self.todo: deque[int] = deque(range(len(paths)))
        self.done: dict[int, DocumentGraph | DocumentError] = {}
        self.workers = [_Worker() for _ in range(min(workers, len(paths)))]
        for worker in self.workers:
            self._feed(worker)

    def _feed(self, worker: _Worker) -> None:
        while self.todo and len(worker.queued) < _PER_WORKER:
            index = self.todo.popleft()
            worker.conn.send((index, self.paths[index]))
            worker.queued.append(index)

    def results(self) -> Iterator[tuple[Path, DocumentGraph | DocumentError]]:
        for index, path in enumerate(self.paths):
            while index not in self.done:
                self._receive()
            yield path, self.done.pop(index)

    def _receive(self) -> None:
        busy = {worker.conn: worker for worker in self.workers if worker.queued}
        for conn in multiprocessing.connection.wait(list(busy)):
            worker = busy[conn]  # type: ignore[index]
            try:
                index, result = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker)
                continue
            worker.queued.remove(index)
            self.done[index] = result
            self._feed(worker)

    def _replace(self, dead: _Worker) -> None:
        """A worker died: the document it worked on fails with the reason, the one it had queued goes back."""
        dead.process.join(5)
        lost = dead.queued.popleft()
        code = dead.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        self.done[lost] = DocumentError(
            self.paths[lost], f"the worker process extracting it died ({how}; out of memory?)"
        )
        self.todo.extendleft(reversed(dead.queued))
        dead.conn.close()
        replacement = _Worker()
        self.workers[self.workers.index(dead)] = replacement
        for worker in self.workers:
            self._feed(worker)

    def close(self) -> None:
        """Let every worker finish and exit (all work done)."""
        for worker in self.workers:
            with suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join()
            worker.conn.close()

    def kill(self) -> None:
        """End every worker now, whatever it is doing: SIGKILL, so no worker prints or runs anything more."""
        for worker in self.workers:
            worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            worker.conn.close()


def _extracted(paths: list[Path], workers: int) -> Generator[tuple[Path, DocumentGraph | DocumentError], None, None]:
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield path, _extract_or_error(path)
        return
    pool = _Pool(paths, workers)
    try:
        yield from pool.results()
    except BaseException:  # an interrupt, the store gone (the generator closed early)
        pool.kill()
        raise
    pool.close()


def build(
    paths: list[Path],
    store: GraphStore,
    *,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> BuildReport:
    """Load ``paths`` (files or folders) into ``store``.

    Unchanged files already stored are skipped unless ``force``; loading the
    same files again changes nothing either way. A file with the same content as
    one loaded earlier in this build is skipped too, with or without ``force``, so
    ``--force`` gives the graph a first build gives.

    The build is the store's one writer (:meth:`GraphStore.begin_writing`). It stops early, raising
    :class:`BuildStopped` with what it stored so far, when the store goes away (after the store's retry
    time), and :class:`BuildInterrupted` on SIGINT or SIGTERM (when called from the main thread): the
    workers are stopped and the store keeps every document written before (the embedded file is saved
    as of the last one). Rerunning the same build then loads the rest.
    """
    report = BuildReport()
    skipped: list[tuple[Path, str]] = []
    files = find_documents(paths, skipped=skipped)
    for path, reason in skipped:
        log.info("%s: not loaded: %s", path, reason)
        report.ignored.append(DocumentError(path, reason))
    store.begin_writing()
    signals = _Signals()
    with signals:
        try:
            _load(files, store, report, signals, workers=workers, force=force, progress=progress)
        except _Interrupt as interrupt:
            signals.pending = None
            with signals.critical():  # a second Ctrl-C does not cut the save short
                store.flush()
            raise BuildInterrupted(report, interrupt.signum) from None
    return report


def _load(
    files: list[Path],
    store: GraphStore,
    report: BuildReport,
    signals: _Signals,
    *,
    workers: int,
    force: bool,
    progress: Callable[[Path], None] | None,
) -> None:
    before = store.counts()
    known = store.document_hashes()
    loaded_now: set[str] = set()
    resolver = Resolver(store.read())
    with closing(_extracted(files, workers)) as results:
        for path, result in results:
            if progress:
                progress(path)
            if isinstance(result, DocumentError):
                log.info("%s", result)  # reported once, by the caller, from report.errors
                report.errors.append(result)
                continue
            sha = result.document.props["sha256"]
            if sha in loaded_now or (sha in known and not force):
                log.info("%s: unchanged or a copy of a file already loaded, skipped", path)
                report.skipped.append(str(path))
                continue
            uid = result.document.uid
            with signals.critical():
                # From here the document's graph is held once: resolving uses it up, the embedded store keeps what
                # it resolves to, and no name here holds either on (the store's file is saved after the loop).
                resolved: Graph = resolver.resolve(result)
                del result
                try:
                    with signals.open_to_interrupts(store.interruptible_writes):
                        store.write_document(resolved)
                except StoreUnavailableError as exc:
                    raise BuildStopped(
                        report,
                        f"{exc}; stopped with {len(report.loaded)} documents of this build stored: "
                        "rerun the same command when the store is back (unchanged files are skipped)",
                    ) from exc
                except ChainKGError as exc:
                    report.errors.append(DocumentError(path, str(exc)))
                    log.info("%s: not stored: %s", path, exc)
                    continue
                resolver.learn(resolved)
                known[sha] = uid
                loaded_now.add(sha)
                report.loaded.append(str(path))
            log.info("%s: loaded (%d nodes, %d edges)", path, len(resolved.nodes), len(resolved.edges))
            del resolved
    with signals.critical():
        store.flush()
    after = store.counts()
    report.added = {k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)}
