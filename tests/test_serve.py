"""``chainkg serve`` runs the production server (waitress), answers concurrent requests, stops on Ctrl-C."""

from __future__ import annotations

import http.client
import json
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

from chainkg.graph.store import StoreConfig, open_store
from tests import viewer_graph
from tests.viewer_graph import CHAIN

CLIENTS = 20


def _get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_serve_answers_concurrent_requests_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    with open_store(StoreConfig(path=path)) as store:
        for graph in viewer_graph.build(extra_firms=30):
            store.write_document(graph)
    process = subprocess.Popen(
        [sys.executable, "-c", "from chainkg.cli import main; main()", "serve", "--port", "0", "--store", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the store is open and the port bound
        assert line.startswith("chainkg viewer on http://127.0.0.1:"), line + process.stderr.read()
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        assert port > 0

        status, headers, body = _get(port, "/api/overview")
        assert status == 200
        assert headers["Server"] == "chainkg"  # waitress (its ident), not werkzeug's development server
        chain_uid = next(c["uid"] for c in json.loads(body)["chains"] if c["name"] == CHAIN)
        paths = [
            f"/chains/{chain_uid}",
            f"/api/chains/{chain_uid}",
            f"/search?q={quote('测试')}",
            f"/api/search?q={quote('新能源')}",
        ]
        answers: list[tuple[str, int, bytes]] = []
        lock = threading.Lock()
        start = threading.Barrier(CLIENTS)

        def client(i: int) -> None:
            start.wait()  # every client asks at once
            for n in range(3):
                url = paths[(i + n) % len(paths)]
                status, _headers, body = _get(port, url)
                with lock:
                    answers.append((url, status, body))

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert len(answers) == CLIENTS * 3
        assert all(status == 200 for _url, status, _body in answers), [a[:2] for a in answers if a[1] != 200]
        for url in paths:  # the same URL got the same answer, whoever computed it
            assert len({body for u, _s, body in answers if u == url}) == 1, url
        assert json.loads(next(b for u, _s, b in answers if u == paths[1]))["chain"]["name"] == CHAIN
    finally:
        process.send_signal(signal.SIGINT)
        started = time.monotonic()
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "stopped" in out
    assert re.search(r"INFO chainkg\.webapp\.store_holder: chain pictures warmed: \d+ in", err)  # without -v
    assert time.monotonic() - started < 10
