"""The viewer: chain maps and lists for investment-attraction teams, a Flask app over one store.

:func:`create_app` builds it; every page has a JSON twin under ``/api/`` (``docs/api.md``).
Areas are blueprints in small modules: ``chains`` (home, chain map, SVG), ``lists`` (firms,
projects, measures, targets; CSV and Excel), ``leads`` (招商目标清单), ``search``, ``nodes`` (node and document pages),
``explore`` (vis-network view, GraphML and HTML exports) and ``console`` (read-only Cypher and
the named-query registry). They reach the store through :mod:`chainkg.webapp.store_holder`
(``get_store``, ``run_query``), which imports none of them, so this module can import them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from flask import Flask, Response

from chainkg import settings
from chainkg.graph.store import StoreConfig
from chainkg.webapp import chain_picker, chains, console, errors, explore, leads, lists, nodes, region, search
from chainkg.webapp.labels import shown_number, template_globals
from chainkg.webapp.response_cache import ReadCache
from chainkg.webapp.store_holder import StoreHolder

#: Where the page may load from: only this server (vis-network is served from static/vendor).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
)


def create_app(config: StoreConfig, test_config: dict[str, Any] | None = None) -> Flask:
    """An app serving the graph in the store ``config`` points at; its limits come from :mod:`chainkg.settings`."""
    app = Flask(__name__)
    app.config.update(
        STORE_CONFIG=config,
        CONSOLE_TIMEOUT_SECONDS=settings.CONSOLE_TIMEOUT_SECONDS.value(),
        CONSOLE_ROW_LIMIT=settings.CONSOLE_ROW_LIMIT.value(),
        CONSOLE_BYTE_LIMIT=settings.CONSOLE_BYTE_LIMIT.value(),
        EXPLORE_NODE_LIMIT=settings.EXPLORE_NODE_LIMIT.value(),
        NEO4J_CHANGE_CHECK_SECONDS=settings.NEO4J_CHANGE_CHECK_SECONDS.value(),
        QUERY_CACHE_ENTRIES=settings.QUERY_CACHE_ENTRIES.value(),
        RESPONSE_CACHE_MEGABYTES=settings.RESPONSE_CACHE_MEGABYTES.value(),
        # how long changed data must stay unchanged before the chain maps are warmed again (StoreHolder.keep_warm)
        CHAIN_WARM_SETTLE_SECONDS=5.0,
    )
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.jinja_env.autoescape = True  # every template, whatever its extension (the chain map's SVG too)
    app.extensions["chainkg_store"] = StoreHolder(config, app.config["NEO4J_CHANGE_CHECK_SECONDS"])
    # Named queries' rows (shared by a page, its API twin and their filtered variants) and finished
    # responses, kept apart: a chain map's six queries must not push its answer out, nor the reverse.
    app.extensions["chainkg_cache"] = ReadCache(app.config["QUERY_CACHE_ENTRIES"])
    app.extensions["chainkg_responses"] = ReadCache(
        4096, app.config["RESPONSE_CACHE_MEGABYTES"] * 2**20, weigh=lambda answer: len(answer[0])
    )

    for module in (chains, chain_picker, lists, leads, search, nodes, explore, console, region):
        app.register_blueprint(module.bp)
    errors.register(app)
    app.context_processor(template_globals)
    app.add_template_filter(shown_number, "num")

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app


def open_now(app: Flask, keep_warm: bool = True) -> None:
    """Open (and warm) the app's store now, not on the first request: ``chainkg serve`` does before it listens.

    The regions (every page's picker and region filter) are gathered too, the viewer's queries planned and its
    templates compiled: on Neo4j that takes seconds, which the first users would otherwise all wait for at once.
    With ``keep_warm``, every chain's picture and map rows are then built in the background, side by side
    (:func:`chainkg.webapp.chains.warm_pictures`, :func:`~chainkg.webapp.chains.warm_map_rows`): the dashboard
    needs only the pictures, so the rows do not delay it, and on Neo4j the two overlap their waits on the database.
    """
    holder: StoreHolder = app.extensions["chainkg_store"]
    holder.get()
    with app.app_context():
        region.regions().choices()
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    holder.wait_until_warm()
    if keep_warm:
        settle = app.config["CHAIN_WARM_SETTLE_SECONDS"]
        holder.keep_warm("chain pictures", lambda: _in_app(app, chains.warm_pictures), settle)
        holder.keep_warm("chain map rows", lambda: _in_app(app, chains.warm_map_rows), settle)


def _in_app(app: Flask, warm: Callable[[], Iterator[str]]) -> Iterator[str]:
    with app.app_context():
        yield from warm()
