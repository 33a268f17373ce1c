"""The compiled build of the extraction modules (graph/compiled.py, tools/compile.py).

tools/test.sh compiles before the tests run, so the rest of the suite exercises the compiled
modules; these tests check that they are the ones in use, that they read every document as the
Python sources do, and that a build which no longer matches its sources is never used.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph import compiled
from loaders.pipeline import extract_path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"

_DUMP = """
import json, sys
from pathlib import Path
from graph import compiled
from loaders.pipeline import extract_path
paths = sorted(Path(sys.argv[1]).glob("*.txt"))
print(json.dumps({"compiled": compiled.in_use(), "graphs": [extract_path(p).to_dict() for p in paths]}))
"""


def test_extraction_runs_compiled() -> None:
    if os.environ.get(compiled.PURE_ENV, "") not in ("", "0"):
        pytest.fail(f"{compiled.PURE_ENV} is set: the suite is meant to run the compiled build")
    assert compiled.manifest_matches(), "build/compiled/ does not match the sources: run tools/compile.py"
    assert compiled.in_use()
    import loaders.targets

    assert loaders.targets.__file__.startswith(str(compiled.BUILD_DIR))


def test_compiled_and_pure_python_extract_the_same_graphs() -> None:
    """The sources are the reference: the build must give the same graph, property for property."""
    env = {**os.environ, compiled.PURE_ENV: "1"}
    out = subprocess.run(
        [sys.executable, "-c", _DUMP, str(CORPUS)], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    pure = json.loads(out.stdout)
    assert pure["compiled"] is False
    here = [extract_path(p).to_dict() for p in sorted(CORPUS.glob("*.txt"))]
    assert len(here) == len(pure["graphs"]) == 5
    assert here == pure["graphs"]


def _copy_sources(root: Path) -> None:
    for rel in compiled.SOURCES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, root / rel)


def test_a_build_is_used_only_while_it_matches_its_sources(tmp_path: Path) -> None:
    root, build = tmp_path / "src", tmp_path / "build"
    _copy_sources(root)
    build.mkdir()
    assert not compiled.manifest_matches(build, root)  # no manifest: a compile that stopped half-way
    (build / "manifest.json").write_text("{", encoding="utf-8")
    assert not compiled.manifest_matches(build, root)  # an unreadable one
    (build / "manifest.json").write_text(json.dumps({"digest": compiled.digest(root)}), encoding="utf-8")
    assert compiled.manifest_matches(build, root)
    edited = root / "loaders" / "targets.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not compiled.manifest_matches(build, root)  # one source edited: the whole build is stale


def test_pure_python_is_chosen_by_the_environment() -> None:
    env = {**os.environ, compiled.PURE_ENV: "1"}
    code = "from graph import compiled; import loaders.pipeline as p; print(compiled.in_use(), p.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    in_use, path = out.stdout.split()
    assert in_use == "False"
    assert path == str(ROOT / "loaders" / "pipeline.py")
