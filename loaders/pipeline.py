"""The loading pipeline: read → extract → resolve → store.

Extraction is per document and independent, so it runs in worker processes;
resolution (one node per real thing across documents) and writing run in the
parent, in sorted file order, one store transaction per document. A document
that fails is reported with its reason and the rest still load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from chainkg.graph.errors import ChainKGError, DocumentError
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
from chainkg.loaders.text.document import ParsedDocument

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
    """The graph one document states, before cross-document resolution."""
    graph = DocumentGraph(document_node(source))
    doc = prepare(source)
    findings = find(doc)
    for extractor in EXTRACTORS:
        extractor(doc, graph, findings)
    return graph


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


def _extracted(paths: list[Path], workers: int) -> Iterator[tuple[Path, DocumentGraph | DocumentError]]:
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield path, _extract_or_error(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(paths, pool.map(_extract_or_error, paths, chunksize=4), strict=True)


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
    """
    files = find_documents(paths)
    report = BuildReport()
    before = store.counts()
    known = store.document_hashes()
    loaded_now: set[str] = set()
    resolver = Resolver(store.read())
    for path, result in _extracted(files, workers):
        if progress:
            progress(path)
        if isinstance(result, DocumentError):
            log.error("%s", result)
            report.errors.append(result)
            continue
        sha = result.document.props["sha256"]
        if sha in loaded_now or (sha in known and not force):
            log.info("%s: unchanged or a copy of a file already loaded, skipped", path)
            report.skipped.append(str(path))
            continue
        resolved: Graph = resolver.resolve(result)
        try:
            store.write_document(resolved)
        except ChainKGError as exc:
            report.errors.append(DocumentError(path, str(exc)))
            log.error("%s: not stored: %s", path, exc)
            continue
        resolver.learn(resolved)
        known[sha] = result.document.uid
        loaded_now.add(sha)
        report.loaded.append(str(path))
        log.info("%s: loaded (%d nodes, %d edges)", path, len(resolved.nodes), len(resolved.edges))
    store.flush()
    after = store.counts()
    report.added = {k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)}
    return report
