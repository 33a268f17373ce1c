"""The code base type-checks: mypy over every package, configured by ``[tool.mypy]`` in pyproject.toml.

mypyc compiles only what mypy accepts, so the extraction modules are checked whenever they are compiled;
this holds the rest (stores, RDF, evaluation, viewer, queries, CLI, benchmarks) to the same checker.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph", "loaders", "queries", "webapp", "chainkg", "bench")


def test_every_package_type_checks(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path), *PACKAGES]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout
