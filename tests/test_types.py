"""The code base type-checks: mypy over the chainkg package and the benchmarks (``[tool.mypy]`` in pyproject.toml).

The repository's folders install as ``chainkg.graph``, ``chainkg.loaders``, … (a package-directory mapping that
mypy does not read), so the check runs on a tree of links laid out as the installed package: every module is
checked under the name it is imported by, and a call across modules is checked against the callee's signature.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPED = ("graph", "loaders", "queries", "webapp", "templates")


def _installed_layout(tree: Path) -> Path:
    package = tree / "chainkg"
    package.mkdir(parents=True)
    for entry in (ROOT / "chainkg").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for folder in MAPPED:
        (package / folder).symlink_to(ROOT / folder)
    (tree / "bench").symlink_to(ROOT / "bench")
    return tree


def test_every_package_type_checks(tmp_path: Path) -> None:
    tree = _installed_layout(tmp_path / "tree")
    command = [
        sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(tmp_path / "cache"), "-p", "chainkg", "-p", "bench",
    ]  # fmt: skip
    out = subprocess.run(command, cwd=tree, capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(tree)})
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout
