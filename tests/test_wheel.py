"""The installed product: a wheel built from the checkout works in a fresh venv outside it.

In the checkout, the repository's folders are on ``sys.path`` and can hide a module that only imports from
there, or a data file the wheel leaves out. This builds the wheel, installs it without its dependencies
into a new venv (which borrows the test venv's dependencies through a path file, not the checkout), and
runs the main commands from a folder outside the repository.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv holding only the wheel of this checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp / "dist").glob("chainkg-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    # the dependencies come from the test venv's site-packages, added as a plain path (its .pth files, among
    # them the editable install's finder that maps chainkg to the checkout, are not read from there)
    site = Path(
        subprocess.check_output(
            [venv / "bin" / "python", "-c", "import site; print(site.getsitepackages()[0])"], text=True
        ).strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return venv / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHAINKG_", "NEO4J_"))}
    return subprocess.run([str(bin_dir / "chainkg"), *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_wheel_is_namespaced_and_complete(installed: Path, tmp_path: Path) -> None:
    where = subprocess.check_output(
        [installed / "python", "-c", "import chainkg.graph, chainkg.resources as r; print(chainkg.graph.__file__)"],
        cwd=tmp_path,
        text=True,
    )
    assert str(installed.parent) in where and str(ROOT) not in where
    tops = subprocess.check_output(
        [
            installed / "python",
            "-c",
            "import importlib.util as u; "
            "print([n for n in ('graph', 'loaders', 'queries', 'webapp') if u.find_spec(n)])",
        ],
        cwd=tmp_path,
        text=True,
    )
    assert tops.strip() == "[]", "the wheel installs top-level packages that may collide"


def test_build_export_validate_query_and_serve_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    built = _run(installed, tmp_path, "build", "-j", "1")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / ".chainkg" / "graph.json").exists()

    exported = _run(installed, tmp_path, "export", "rdf", "graph.ttl")
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "graph.ttl").stat().st_size > 100_000

    valid = _run(installed, tmp_path, "validate", "graph.ttl")
    assert valid.returncode == 0, valid.stdout + valid.stderr

    rows = _run(installed, tmp_path, "query", "chain_map", "--param", "chain=智能物流装备", "--format", "json")
    assert rows.returncode == 0, rows.stderr
    assert any(row["name"] for row in json.loads(rows.stdout))

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHAINKG_", "NEO4J_"))}
    server = subprocess.Popen(
        [str(installed / "chainkg"), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview", timeout=10) as response:
                    body = response.read().decode("utf-8")
                break
            except urllib.error.HTTPError as exc:
                pytest.fail(f"GET /api/overview answered {exc.code}")
            except OSError:  # not listening yet
                if server.poll() is not None:
                    break
                time.sleep(0.3)
        assert "智能物流装备" in body, server.stderr.read() if server.poll() is not None else "no answer"
    finally:
        server.terminate()
        server.wait(timeout=30)
