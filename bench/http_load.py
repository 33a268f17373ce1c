"""The request loops of the viewer benches: one GET, keep-alive clients working through a plan, percentiles.

``bench.viewer`` (one chain map's API under 20 clients), ``bench.viewer_load`` (chain maps and search under 20
clients) and ``bench.leads`` (the leads API, one request at a time) measure with these, so their figures are
computed the same way.
"""

from __future__ import annotations

import http.client
import math
import socket
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str, timeout: float = 120) -> tuple[int, bytes]:
    """Status and body of one GET on 127.0.0.1, on a connection of its own."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def percentiles(ms: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max of ``ms`` (at least one value); interpolated between the values measured, never beyond
    them (a few values would otherwise give a p95 above the max)."""
    ordered = sorted(ms)
    if len(ordered) == 1:
        return ordered[0], ordered[0], ordered[0]
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return q[49], q[94], ordered[-1]


@dataclass
class Load:
    """What :func:`run_clients` saw: milliseconds and errors per endpoint, and the seconds it took."""

    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def count(self) -> int:
        return sum(len(v) for v in self.latencies.values())


def run_clients(port: int, plan: list[tuple[str, str]], clients: int, seconds: float = math.inf) -> Load:
    """``clients`` keep-alive connections sending the ``(endpoint, path)`` GETs of ``plan`` in order, each taking
    the next one when its answer has come, until the plan is done or ``seconds`` have passed."""
    load = Load()
    lock = threading.Lock()
    position = 0
    deadline = time.perf_counter() + seconds

    def client() -> None:
        nonlocal position
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if position >= len(plan) or time.perf_counter() > deadline:
                    break
                endpoint, path = plan[position]
                position += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    with lock:
                        load.errors[endpoint].append(f"{response.status} {path}")
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    load.errors[endpoint].append(f"{exc!r} {path}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                continue
            with lock:
                load.latencies[endpoint].append((time.perf_counter() - started) * 1000)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    load.seconds = time.perf_counter() - started
    return load
