"""The viewer: a Flask app over one store, built by :func:`create_app`."""

from __future__ import annotations

from typing import Any

from flask import Flask, g

from graph.store import GraphStore, StoreConfig, open_store


def create_app(config: StoreConfig, test_config: dict[str, Any] | None = None) -> Flask:
    """An app serving the graph in the store ``config`` points at."""
    app = Flask(__name__)
    app.config["STORE_CONFIG"] = config
    app.config["JSON_AS_ASCII"] = False
    if test_config:
        app.config.update(test_config)

    from webapp import views

    app.register_blueprint(views.bp)

    @app.teardown_appcontext
    def _close_store(_exc: BaseException | None) -> None:
        store = g.pop("store", None)
        if store is not None:
            store.discard()

    return app


def get_store() -> GraphStore:
    """The request's store, opened on first use and closed on teardown."""
    from flask import current_app

    if "store" not in g:
        g.store = open_store(current_app.config["STORE_CONFIG"])
    return g.store
