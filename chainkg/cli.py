"""The ``chainkg`` command: a few lines per command over the library.

Every command takes the same store options (an embedded file by default, or a
Neo4j URI); library errors become one clear line and exit code 1. Options that
are settings (the store, the local Neo4j, the viewer's address, workers) are
built from the table in :mod:`chainkg.settings`, so their help is written once.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from chainkg import local_neo4j, queries, settings
from chainkg.graph.embedded_store import EmbeddedStore, WriterLock
from chainkg.graph.errors import ChainKGError
from chainkg.graph.json_format import dump_json, read_json, write_atomic
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.neo4j_import import split_graph
from chainkg.output import FORMATS, render
from chainkg.queries import region as region_rule
from chainkg.queries.gaps import DEFAULT_GROUP, GAP_GROUPS, GAP_KIND_ZH, gap_rows, in_group
from chainkg.queries.leads import COLUMNS, cell, leads_for
from chainkg.queries.placement import POSITION_EN, chain_picture
from chainkg.settings import Setting
from chainkg.templates import ChainTemplate, load_templates, match

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def option(setting: Setting) -> Decorator:
    """The click option of a setting of the table: flags, help and default all come from there.

    A setting with an environment variable gets no click default: its value is resolved by
    :meth:`Setting.value` (the option, then the variable, then the default) when the command
    runs, so the variable is read in one place only.
    """
    kind: Any = click.Path(path_type=Path) if setting.kind is Path else setting.kind
    if setting.env is None:
        return click.option(
            *setting.flags,
            setting.name,
            type=kind,
            default=setting.default,
            show_default=True,
            metavar=setting.metavar,
            help=setting.help,
        )
    default = "" if setting.default is None else f"; default: {setting.default}"
    return click.option(
        *setting.flags,
        setting.name,
        type=kind,
        default=None,
        metavar=setting.metavar,
        callback=lambda _ctx, _param, value: setting.value(value),
        help=f"{setting.help} Env {setting.env}{default}.",
    )


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The store options every command shares; the command receives ``config``."""

    @option(settings.STORE)
    @option(settings.NEO4J_URI)
    @option(settings.NEO4J_USER)
    @option(settings.NEO4J_PASSWORD)
    @option(settings.NEO4J_DATABASE)
    @functools.wraps(func)
    def wrapper(
        store: Path | None,
        neo4j_uri: str | None,
        neo4j_user: str | None,
        neo4j_password: str | None,
        neo4j_database: str | None,
        **kwargs: Any,
    ) -> Any:
        config = settings.store_config(store, neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
        return func(config=config, **kwargs)

    return wrapper


def _no_graph(path: Path) -> click.ClickException:
    return click.ClickException(f"no graph at {path}: run `chainkg build` first")


def _require_graph(config: StoreConfig) -> None:
    """Only ``build`` (and ``pull``) create an embedded store: elsewhere a missing file is an error, not a graph."""
    if not config.neo4j_uri and not config.path.exists():
        raise _no_graph(config.path)


def _waiting(message: str) -> None:
    click.echo(message, err=True)


def _open(config: StoreConfig, *, write: bool = False, missing_ok: bool = False) -> GraphStore:
    """The store, which must hold a graph unless ``missing_ok``; as its one writer if ``write`` (see ``open_store``)."""
    if not missing_ok:
        _require_graph(config)
    try:
        return open_store(config, write=write, waiting=_waiting)
    except ChainKGError as exc:
        raise click.ClickException(str(exc)) from exc


class _Group(click.Group):
    """Turns library errors raised inside any command into one line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChainKGError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group)
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(package_name="chainkg")
def main(verbose: int) -> None:
    """chainkg: an industry-chain knowledge graph from Chinese policy documents and news.

    Build the graph with `chainkg build`, look at it with `chainkg serve`,
    query it with `chainkg query`. The graph lives in an embedded file by
    default; give --neo4j-uri (or NEO4J_URI) to use Neo4j.
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")
    if not verbose:
        # The driver logs each retry and lost connection; chainkg reports the outcome in one line of its own.
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@option(settings.WORKERS)
@click.option("--force", is_flag=True, help="Re-extract files already stored unchanged (the result is the same).")
@store_options
def build(config: StoreConfig, paths: tuple[Path, ...], workers: int, force: bool) -> None:
    """Load documents (files or folders; default: the bundled sample corpus) into the store.

    Reads .txt, .md, .html, .docx and .pdf. A file that cannot be loaded is
    reported with its reason; the others still load, and nothing already
    stored is lost.
    """
    # The extraction stack (segmenter, divisions, OpenCC) is the slowest import and only build needs it.
    from chainkg.loaders.pipeline import BuildInterrupted, BuildStopped
    from chainkg.loaders.pipeline import build as run_build
    from chainkg.loaders.reading.readers import find_documents

    targets = list(paths) or [settings.SAMPLE_CORPUS]
    skipped: list[tuple[Path, str]] = []
    total = len(find_documents(targets, skipped=skipped))
    for path, reason in skipped:
        click.echo(f"warning: {path}: {reason}", err=True)
    try:
        with (
            _open(config, write=True, missing_ok=True) as store,
            tqdm(total=total, unit="doc", desc="loading", disable=None) as bar,
        ):
            report = run_build(targets, store, workers=workers, force=force, progress=lambda _p: bar.update())
    except BuildInterrupted as stop:
        # One line, no traceback: the workers are stopped and the store holds every document loaded.
        click.echo(str(stop), err=True)
        raise SystemExit(128 + stop.signum) from None
    except BuildStopped as stop:
        for error in stop.report.errors:
            click.echo(f"error: {error}", err=True)
        raise click.ClickException(str(stop)) from None
    ignored = f", {len(report.ignored)} not documents" if report.ignored else ""
    click.echo(
        f"{config.describe()}: {len(report.loaded)} loaded, {len(report.skipped)} unchanged, "
        f"{len(report.errors)} failed{ignored}"
    )
    for label, count in sorted(report.added.items()):
        click.echo(f"  {label:<16} {count:+d}")
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if report.errors:
        raise SystemExit(1)


@main.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(config: StoreConfig, as_json: bool) -> None:
    """Count nodes per label and relationships per type."""
    with _open(config) as store:
        counts = store.counts()
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=1))
        return
    click.echo(config.describe())
    for name, count in counts.items():
        click.echo(f"  {name:<16} {count}")


@main.group()
def export() -> None:
    """Write the graph to a file."""


@export.command("json")
@click.argument("out", type=click.Path(path_type=Path))
@store_options
def export_json(config: StoreConfig, out: Path) -> None:
    """Write the whole graph as sorted, deterministic JSON (nodes and edges)."""
    with _open(config) as store:
        graph = store.read()
    write_atomic(out, dump_json(graph))
    click.echo(f"wrote {len(graph.nodes)} nodes and {len(graph.edges)} edges to {out}")


@main.group("import")
def import_group() -> None:
    """Import a team's own data (firm lists) into the graph."""


@import_group.command("firms")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--columns",
    metavar="字段=表头,…|FILE.toml",
    help="Headers of this file for fields the built-in aliases miss, e.g. 企业名称=Name,经营范围=Scope "
    '(or a TOML file of [columns] 字段 = "表头"). Fields: see loaders/firm_columns.toml.',
)
@click.option("--title", help="The Document's title (default: the file name without its suffix).")
@store_options
def import_firms(config: StoreConfig, file: Path, columns: str | None, title: str | None) -> None:
    """Import a firm list FILE (.csv or .xlsx: an export of 企查查/天眼查/启信宝, a 规上 or 专精特新 list).

    Rows become firms merged with those the documents name (credit code, then name); bad rows are
    reported by line and skipped. The same file again changes nothing; a changed file replaces its
    earlier version; `chainkg remove FILE-NAME` takes it back.
    """
    from chainkg.loaders.firm_import import import_firms as run_import
    from chainkg.loaders.firm_table import parse_column_option

    try:
        given = parse_column_option(columns) if columns else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc
    with (
        _open(config, write=True, missing_ok=True) as store,
        tqdm(unit="row", desc="reading", disable=None) as bar,
    ):
        report = run_import(file, store, columns=given, title=title, progress=bar.update)
    for bad in report.bad:
        click.echo(f"bad row: {file}:{bad.line}: {bad.reason}", err=True)
    if report.status == "unchanged":
        click.echo(f"{config.describe()}: {file} is stored unchanged, nothing to do")
        return
    replaced = ", replacing its earlier version" if report.replaced else ""
    click.echo(
        f"{config.describe()}: {file}: {report.rows} rows read, {report.firms} firms imported, "
        f"{report.merged} merged with document firms, {len(report.bad)} bad rows{replaced}"
    )


@main.command()
@click.argument("document")
@store_options
def remove(config: StoreConfig, document: str) -> None:
    """Retract what only DOCUMENT (its file name or uid) stated; facts other documents state stay."""
    with _open(config, write=True) as store:
        uid = store.find_document(document)
        if uid is None:
            raise click.ClickException(f"no stored document {document!r} (see `chainkg stats` and the Document nodes)")
        store.remove_document(uid)
    click.echo(f"removed {document}")


@main.command()
@option(settings.HOST)
@option(settings.PORT)
@option(settings.THREADS)
@click.option(
    "--development",
    is_flag=True,
    help="Serve with Flask's development server instead of waitress (to debug; not for several users).",
)
@store_options
def serve(config: StoreConfig, host: str, port: int, threads: int, development: bool) -> None:
    """Serve the viewer (chain maps, search, node pages) over the store, until Ctrl-C.

    The store is opened (and the embedded graph indexed) before the server listens; waitress then
    answers requests on --threads threads of this one process, sharing the store and its caches.
    """
    # Flask, waitress and the viewer's modules load only for the one command that serves them.
    from chainkg.webapp import create_app, open_now

    _require_graph(config)
    # What the viewer warms in the background after it listens, and when that is done, is news to whoever
    # started it (a large graph's maps take minutes): logged without -v.
    viewer_log = logging.getLogger("chainkg.webapp")
    viewer_log.setLevel(min(logging.INFO, viewer_log.getEffectiveLevel()))
    app = create_app(config)
    try:
        open_now(app)
    except ChainKGError as exc:
        raise click.ClickException(str(exc)) from exc
    if development:
        click.echo(f"chainkg viewer on http://{host}:{port}/ ({config.describe()}; development server)")
        app.run(host=host, port=port, debug=False)
        return
    import waitress

    server = waitress.create_server(app, host=host, port=port, threads=threads, ident="chainkg")
    click.echo(f"chainkg viewer on http://{host}:{server.effective_port}/ ({config.describe()}), Ctrl-C stops it")
    try:
        server.run()  # returns on Ctrl-C (waitress catches the KeyboardInterrupt and stops its threads)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        app.extensions["chainkg_store"].close()
    click.echo("stopped")


def source_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--from FILE``: a graph file to read (an embedded store or a JSON export), given as ``source``."""
    return click.option(
        "--from",
        "source",
        type=click.Path(path_type=Path, exists=True, dir_okay=False),
        default=None,
        help=help_text,
    )


@main.group()
def templates() -> None:
    """Chain templates: the links a chain usually has, as TOML files you can add to (templates/README.md)."""


def _templates(folder: Path | None) -> list[ChainTemplate]:
    return load_templates([folder] if folder else [])


@templates.command("list")
@option(settings.TEMPLATES)
def templates_list(templates: Path | None) -> None:
    """Every chain template: name, category, links and the file it comes from."""
    rows = [
        {
            "chain": t.name,
            "category": t.category,
            "links": len(t.links),
            "aliases": "、".join(t.aliases),
            "file": t.path,
        }
        for t in _templates(templates)
    ]
    click.echo(render(rows, "table"))


@templates.command("show")
@click.argument("chain")
@option(settings.TEMPLATES)
def templates_show(chain: str, templates: Path | None) -> None:
    """The links of CHAIN's template (by name or alias), upstream first, with products and placing keywords."""
    found = match(chain, _templates(templates))
    if found is None:
        raise click.ClickException(f"no template for {chain!r}: `chainkg templates list` shows the chains")
    click.echo(f"{found.name} ({found.category}; {found.path})")
    click.echo(f"codes: {', '.join(found.codes) or '-'}")
    for source in found.sources:
        click.echo(f"source: {source}")
    rows = [
        {
            "order": link.order,
            "position": link.position,
            "link": link.name,
            "products": "、".join(link.products),
            "keywords": "、".join(link.keywords),
        }
        for link in found.links
    ]
    click.echo(render(rows, "table"))


@templates.command("check")
@click.argument("folder", required=False, type=click.Path(path_type=Path, exists=True, file_okay=False))
@option(settings.TEMPLATES)
def templates_check(folder: Path | None, templates: Path | None) -> None:
    """Check the bundled templates and FOLDER's (default: your templates folder); exit 1 on any problem."""
    loaded = _templates(folder or templates)  # raises TemplateError, which names each file and problem
    click.echo(f"{len(loaded)} chain templates, no problems")


@main.group()
def neo4j() -> None:
    """Start, stop and prepare a local Neo4j (Community, from Maven Central; no Docker)."""


@neo4j.command("start")
@option(settings.NEO4J_HOME)
@option(settings.NEO4J_PORT)
def neo4j_start(neo4j_home: Path, neo4j_port: int) -> None:
    """Start the local Neo4j in the background and print its Bolt URI."""
    info = local_neo4j.start(neo4j_home, port=neo4j_port)
    click.echo(info.uri)


@neo4j.command("stop")
@option(settings.NEO4J_HOME)
def neo4j_stop(neo4j_home: Path) -> None:
    """Stop the local Neo4j (clean shutdown)."""
    try:
        local_neo4j.stop(neo4j_home)
    except local_neo4j.NotRunningError:
        click.echo("not running")
    else:
        click.echo("stopped")


@neo4j.command("status")
@option(settings.NEO4J_HOME)
def neo4j_status(neo4j_home: Path) -> None:
    """Print the Bolt URI of the running local Neo4j, or exit 1 if none runs."""
    info = local_neo4j.status(neo4j_home)
    if info is None:
        click.echo("not running")
        raise SystemExit(1)
    click.echo(f"{info.uri} (pid {info.pid})")


@neo4j.command("import")
@option(settings.NEO4J_HOME)
@source_option("Embedded store or export file to load (default: CHAINKG_STORE or .chainkg/graph.json).")
@option(settings.NEO4J_PORT)
@option(settings.NEO4J_HEAP)
@click.option("--replace", is_flag=True, help="Replace a database that already holds nodes (they are dropped).")
@option(settings.WORKERS)
def neo4j_import(
    neo4j_home: Path, source: Path | None, neo4j_port: int, neo4j_heap: str, replace: bool, workers: int
) -> None:
    """Load a graph into the local Neo4j with Neo4j's offline importer: the fastest first load.

    Several times faster than push for a big graph, but it replaces the whole
    database, with the server stopped meanwhile: it starts the server if
    needed, refuses a database holding nodes unless --replace, writes the
    importer's files, stops the server, imports, and starts it again with its
    constraints and indexes built. For a remote server, a cluster or Aura, or to
    merge into what a database holds, use push.
    """
    path: Path = source or settings.STORE.value()
    if not path.exists():
        raise _no_graph(path)
    data = read_json(path).to_dict()
    report = local_neo4j.import_graph(
        neo4j_home,
        split_graph(data["nodes"], data["edges"], workers),
        progress=lambda text: click.echo(f"{text} …", err=True),
        port=neo4j_port,
        heap=neo4j_heap,
        replace=replace,
    )
    click.echo(
        f"imported {report.nodes} nodes and {report.relationships} relationships from {path} into {report.uri} "
        f"(files {report.write_seconds:.1f} s, import {report.import_seconds:.1f} s, "
        f"restart and indexes {report.schema_seconds:.1f} s)"
    )


@neo4j.command("init")
@store_options
def neo4j_init(config: StoreConfig) -> None:
    """Create the constraints and indexes (idempotent; loading does it too)."""
    if not config.neo4j_uri:
        raise click.ClickException("give --neo4j-uri or NEO4J_URI: init prepares a Neo4j database")
    with _open(config):
        pass
    click.echo(f"schema ready on {config.neo4j_uri}")


@main.command("eval")
@click.argument("gold_dirs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Score this export JSON file (chainkg export json) instead of the store.",
)
@click.option("--document", "documents", multiple=True, help="Score only this document (file name); repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="Also list every false positive and false negative per document.")
@click.option(
    "--stored",
    is_flag=True,
    help="Score the store even where a gold set has its corpus (by default that corpus is built into a fresh store).",
)
@store_options
def eval_gold(
    config: StoreConfig,
    gold_dirs: tuple[Path, ...],
    graph_file: Path | None,
    documents: tuple[str, ...],
    as_json: bool,
    details: bool,
    stored: bool,
) -> None:
    """Score against annotated gold sets (precision, recall, F1 per label, relationship type and targets).

    Each GOLD_DIR holds gold *.json files (in GOLD_DIR/gold/ or GOLD_DIR itself). Where its corpus is at
    hand (GOLD_DIR/corpus/, or a corpus/ folder beside it) and no store or --graph is named, that corpus
    is built into a fresh store and scored, so the figures depend on the rules alone. Matching follows
    docs/evaluation.md: per document, summed over documents.
    """
    # The extraction stack is the slowest import and only a fresh build needs it.
    from chainkg.evaluation import evaluate, evaluate_fresh, gold_set

    ctx = click.get_current_context()
    named = (
        graph_file is not None
        or stored
        or any(
            ctx.get_parameter_source(name) not in (None, click.core.ParameterSource.DEFAULT)
            for name in ("store", "neo4j_uri")
        )
    )
    graph = None
    results = []
    for gold_dir in gold_dirs:
        found = gold_set(gold_dir)
        if found.corpus is not None and not named:
            click.echo(f"{found.gold_dir}: building {found.corpus} into a fresh store", err=True)
            report = evaluate_fresh(found, list(documents) or None, workers=settings.WORKERS.value())
        else:
            if graph is None:
                if graph_file is not None:
                    graph = read_json(graph_file)
                else:
                    # A store named but missing is scored as the empty graph it is (eval builds nothing).
                    with _open(config, missing_ok=True) as store:
                        graph = store.read()
            report = evaluate(graph, found.gold_dir, list(documents) or None)
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
        results.append(report)
    if as_json:
        body = [r.to_dict(details) for r in results]
        click.echo(json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=1))
    else:
        click.echo("\n\n".join(r.render(details) for r in results))


@export.command("rdf")
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["ttl", "nt", "jsonld"]), default="ttl", show_default=True, help="RDF syntax."
)
@click.option(
    "--base",
    default=None,
    metavar="IRI",
    help="Base IRI of the nodes (ends with / or #; default https://example.org/chainkg/).",
)
@store_options
def export_rdf(config: StoreConfig, out: Path, fmt: str, base: str | None) -> None:
    """Write the graph as RDF (ontology.ttl terms; provenance as reified statements, see docs/rdf.md)."""
    # rdflib and pyshacl are slow to import; only export rdf and validate need them.
    from chainkg.graph import rdf

    with _open(config) as store:
        graph = store.read()
    count = rdf.export_rdf(graph, out, fmt, base or rdf.DEFAULT_BASE)
    click.echo(f"wrote {count} triples ({len(graph.nodes)} nodes, {len(graph.edges)} edges) to {out}")


@main.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@store_options
def validate(config: StoreConfig, file: Path | None) -> None:
    """Check an RDF export (.ttl, .nt, .jsonld) against shapes.ttl; without FILE, an export of the store.

    Prints each violation (the node, the rule, the message) and exits 1 if there is any.
    """
    # rdflib and pyshacl are slow to import; only export rdf and validate need them.
    from chainkg.graph import rdf

    if file is not None:
        data, what = rdf.parse_file(file), str(file)
    else:
        with _open(config) as store:
            data, what = rdf.to_rdflib(store.read()), config.describe()
    violations = rdf.validate(data)
    for violation in violations:
        click.echo(f"violation: {violation}")
    click.echo(f"{what}: {len(data)} triples, {len(violations)} violations")
    if violations:
        raise SystemExit(1)


def _format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(FORMATS)),
        default="table",
        show_default=True,
        help="How to print the rows.",
    )(func)


@main.command()
@click.argument("name", required=False)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their parameters.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeatable.")
@_format_option
@store_options
def query(config: StoreConfig, name: str | None, list_queries: bool, params: tuple[str, ...], fmt: str) -> None:
    """Run the named query NAME of queries/ (see --list) with --param key=value, typed as its header declares."""
    if list_queries or not name:
        for named in queries.registry().values():
            click.echo(f"{named.name}  {named.title}")
            for parameter in named.parameters:
                usage = f"--param {parameter.name}=<{parameter.type}>"
                click.echo(f"    {usage}  e.g. {parameter.example}: {parameter.description}")
        return
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        values[key.strip()] = value
    queries.get_query(name)  # an unknown name fails before the store is opened
    with _open(config) as store:
        rows = queries.run(store, name, values)
    click.echo(render(rows, fmt))


class _ChainViews:
    """What ``gaps`` and ``leads`` read, as the viewer reads it: the store's named queries, its regions and each
    chain's picture (placed by the one rule, built once per command)."""

    def __init__(self, store: GraphStore, templates: Path | None) -> None:
        self.store = store
        self.templates = _templates(templates)
        self.regions = region_rule.regions(self.run)
        self.pictures = functools.cache(lambda key: chain_picture(self.run, key, self.templates))

    def run(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return queries.run(self.store, name, params)

    def region(self, key: str) -> str | None:
        """The uid of the district or platform ``key`` names (:meth:`~chainkg.queries.region.Regions.find`;
        None for the whole graph); unknown or ambiguous is an error."""
        if not key:
            return None
        found = self.regions.find(key)
        if len(found) == 1:
            return str(found[0]["uid"])
        if found:
            names = "、".join(r["name"] for r in found[:10])
            raise click.ClickException(f"{key!r} names several regions ({names}): give one of them")
        raise click.ClickException(
            f"no district or platform {key!r} in the graph (the viewer's 地区 picker lists them)"
        )

    def chain(self, key: str) -> dict[str, Any]:
        """The picture of the chain named ``key`` (uid, name or alias); unknown is an error."""
        found = self.pictures(key)
        if found is None:
            raise click.ClickException(f"no industry chain {key!r}: `chainkg query chain_list` lists them")
        return found  # type: ignore[no-any-return]


@main.command()
@click.option("--chain", default="", help="One chain (name, alias or uid); default: every chain.")
@click.option("--region", default="", help="A district or platform (name or uid); default: the whole graph.")
@click.option(
    "--kind",
    type=click.Choice(list(GAP_GROUPS)),
    default=DEFAULT_GROUP,
    show_default=True,
    help="补链: links with no local firm; 缺链主: chains with no chain owner; 全部: both.",
)
@_format_option
@option(settings.TEMPLATES)
@store_options
def gaps(config: StoreConfig, chain: str, region: str, kind: str, fmt: str, templates: Path | None) -> None:
    """短板清单: the links of each chain with no local firm (待梳理, 确认缺失, 短板) and chains lacking a 链主,
    for a region, as on the viewer's gap list."""
    with _open(config) as store:
        views = _ChainViews(store, templates)
        chain_uid = views.chain(chain)["chain"]["uid"] if chain else ""
        rows = in_group(gap_rows(views.run, views.pictures, views.regions, views.region(region), chain_uid), kind)
    position_zh = {en: zh for zh, en in POSITION_EN.items()}
    shown = [
        {
            "产业链": r["chain"],
            "短板": GAP_KIND_ZH[r["kind"]],
            "环节": r["segment"] or "",
            "位置": position_zh.get(r["position"] or "", ""),
            "环节产品（招商方向）": "、".join(r["products"]),
            "原文": r["evidence"] or "",
        }
        for r in rows
    ]
    click.echo(render(shown, fmt))


@main.command()
@click.option("--chain", required=True, help="The chain (name, alias or uid).")
@click.option("--region", required=True, help="Your district or platform (name or uid): leads fill its gaps.")
@click.option("--link", default="", help="Only the leads of this gap link (its name, or its key).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many leads, best first.")
@_format_option
@option(settings.TEMPLATES)
@store_options
def leads(
    config: StoreConfig, chain: str, region: str, link: str, limit: int | None, fmt: str, templates: Path | None
) -> None:
    """招商目标清单: firms elsewhere that the placement rule puts on REGION's gap links of CHAIN, ranked, each
    with its reason and source, as on the viewer's lead list."""
    with _open(config) as store:
        views = _ChainViews(store, templates)
        found = leads_for(views.chain(chain), views.regions, views.region(region))
    chosen = [lead.to_dict() for lead in found["leads"] if not link or link in (lead.link, lead.link_name)][:limit]
    for rank, lead in enumerate(chosen, start=1):
        lead["rank"] = rank
    if fmt == "json":
        click.echo(render(chosen, fmt))
        return
    click.echo(render([{header: cell(lead, key) for key, header in COLUMNS} for lead in chosen], fmt))


@main.command()
@source_option("Embedded store file to copy (default: --store, CHAINKG_STORE or the default store).")
@click.option("--batch", default=20_000, show_default=True, help="Rows per transaction.")
@store_options
def push(config: StoreConfig, source: Path | None, batch: int) -> None:
    """Copy the embedded store into Neo4j (merged with what Neo4j holds; pushing twice changes nothing)."""
    if not config.neo4j_uri:
        raise click.ClickException("give --neo4j-uri or NEO4J_URI: push copies the embedded store into Neo4j")
    path = source or config.path
    if not path.exists():
        raise _no_graph(path)
    data = EmbeddedStore(path).read().to_dict()
    with _open(config) as store:
        assert isinstance(store, Neo4jStore)
        report = store.bulk_load(data["nodes"], data["edges"], batch=batch)
    click.echo(f"pushed {report.nodes} nodes and {report.edges} relationships from {path} to {config.neo4j_uri}")


@main.command()
@click.option(
    "--to",
    "target",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Embedded store file to write (default: --store, CHAINKG_STORE or the default store).",
)
@store_options
def pull(config: StoreConfig, target: Path | None) -> None:
    """Copy Neo4j's graph into an embedded store file (the file becomes that graph, written atomically)."""
    if not config.neo4j_uri:
        raise click.ClickException("give --neo4j-uri or NEO4J_URI: pull copies Neo4j into the embedded store")
    path = target or config.path
    # Locked as a build locks it, before Neo4j is read: a build into the file waits for the pull, or the other way.
    with WriterLock(path, config.lock_wait_seconds, _waiting), _open(config) as store:
        graph = store.read()
        write_atomic(path, dump_json(graph))
    click.echo(
        f"pulled {len(graph.nodes)} nodes and {len(graph.edges)} relationships from {config.neo4j_uri} to {path}"
    )


if __name__ == "__main__":
    main()
