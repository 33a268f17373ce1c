"""The viewer warms every chain map in the background once it is open, on the embedded store and on Neo4j.

``chain_picture`` (the one placement rule) is wrapped to count how often each chain's picture is built,
and slowed down so that requests arrive while it runs; everything else is the real viewer over a real store.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask

from chainkg.graph.store import GraphStore, StoreConfig
from chainkg.webapp import chains, create_app, open_now
from tests import viewer_graph

CHAIN = viewer_graph.chain_uid()


def _config(store: GraphStore) -> StoreConfig:
    path = getattr(store, "path", None)
    return StoreConfig(path=path) if path is not None else store.config  # type: ignore[attr-defined]


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each chain's picture was built; each build takes 0.3 s longer than it would."""
    counts: Counter[str] = Counter()
    real: Callable[..., Any] = chains.chain_picture

    def counted(run: Any, key: str, templates: Any) -> Any:
        counts[key] += 1
        time.sleep(0.3)
        return real(run, key, templates)

    monkeypatch.setattr(chains, "chain_picture", counted)
    return counts


@pytest.fixture
def app(any_store: GraphStore) -> Iterator[Flask]:
    for graph in viewer_graph.build():
        any_store.write_document(graph)
    any_store.flush()
    # Neo4j's changes seen at once; warmed again once a change has stood for 0.2 s
    app = create_app(
        _config(any_store), {"TESTING": True, "NEO4J_CHANGE_CHECK_SECONDS": 0.0, "CHAIN_WARM_SETTLE_SECONDS": 0.2}
    )
    yield app
    app.extensions["chainkg_store"].close()


def _wait(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not warmed in time"
        time.sleep(0.05)


def _quiet(built: Counter[str], key: str, seconds: float = 1.0) -> int:
    """How often ``key``'s picture was built, once no build has started for ``seconds`` (within 30 s)."""
    deadline = time.monotonic() + 30
    while True:
        count = built[key]
        time.sleep(seconds)
        if built[key] == count:
            return count
        assert time.monotonic() < deadline, "warming did not go quiet"


def _firms(app: Flask) -> int:
    answer = app.test_client().get(f"/api/chains/{CHAIN}")
    assert answer.status_code == 200
    return int(answer.get_json()["counts"]["firms_total"])


def test_warming_builds_every_chain_picture_without_a_request(app: Flask, built: Counter[str]) -> None:
    open_now(app)
    _wait(lambda: len(built) == 2)  # both chains of the graph, nobody asked for either
    _wait(lambda: built[CHAIN] == 1)
    assert _firms(app) == 6  # the page uses the warmed picture: nothing is built again
    assert app.test_client().get(f"/chains/{CHAIN}").status_code == 200
    assert built[CHAIN] == 1


def test_concurrent_first_requests_build_a_chain_once(app: Flask, built: Counter[str]) -> None:
    # no warming: the page and its API twin, asked at the same time, share one build of the picture
    client = app.test_client()
    answers: list[int] = []
    threads = [
        threading.Thread(target=lambda url=url: answers.append(client.get(url).status_code))
        for url in (f"/chains/{CHAIN}", f"/api/chains/{CHAIN}")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [200, 200] and built[CHAIN] == 1


def test_requests_during_warming_join_it(app: Flask, built: Counter[str]) -> None:
    open_now(app)  # the warming thread starts building pictures now; these requests come while it does
    answers: list[int] = []
    threads = [
        threading.Thread(target=lambda url=url: answers.append(app.test_client().get(url).status_code))
        for url in (f"/chains/{CHAIN}", f"/api/chains/{CHAIN}", "/api/overview")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _wait(lambda: len(built) == 2)
    time.sleep(0.5)  # longer than a build: a second build of a chain would have been counted by now
    assert answers == [200, 200, 200] and built == Counter({key: 1 for key in built})


def test_a_change_of_the_store_warms_the_chain_maps_again(
    app: Flask, any_store: GraphStore, built: Counter[str]
) -> None:
    open_now(app)
    _wait(lambda: built[CHAIN] == 1)
    assert _firms(app) == 6
    news = next(n.uid for g in viewer_graph.build() for n in g.by_label("Document") if n.props["kind"] == "news")
    any_store.remove_document(news)  # the news names most of the chain's firms
    any_store.flush()
    _wait(lambda: built[CHAIN] >= 2)  # warmed again for the new data, still without a request
    # Neo4j retracts a document in steps, each its own commit: on a slow machine a step that stood for the
    # settle time is warmed too. Once the warming has gone quiet, the page uses the warmed picture.
    warmed = _quiet(built, CHAIN)
    assert _firms(app) == 1 and built[CHAIN] == warmed
