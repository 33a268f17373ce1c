"""The compiled build of the extraction modules (graph/compiled.py, tools/compile.py).

tools/test.sh compiles before the tests run, so the rest of the suite exercises the compiled
modules; these tests check that they are the ones in use, that they read every document as the
Python sources do, and that a build which no longer matches its sources is never used.
"""

from __future__ import annotations

import ast
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


def _rebound_names(tree: ast.Module) -> set[str]:
    """Names bound more than once anywhere in a module, or declared ``global`` (those cannot be Final)."""
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            counts.update(dict.fromkeys(node.names, 2))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            counts[node.id] = counts.get(node.id, 0) + 1
    return {name for name, count in counts.items() if count > 1}


def test_module_constants_of_the_compiled_modules_are_final() -> None:
    """A module-level constant read by compiled code is a dictionary look-up of the module's globals at every
    use unless it is declared ``Final``, which mypyc keeps in a C variable (decision 0004). Upper-case names
    bound once are constants (or type aliases, declared ``TypeAlias``); each must say so."""
    plain = []
    for rel in compiled.SOURCES:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        rebound = _rebound_names(tree)
        for node in tree.body:
            if isinstance(node, ast.Assign):  # (A = B = ... binds both names, neither declared)
                named = [(target.id, "") for target in node.targets if isinstance(target, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                named = [(node.target.id, ast.unparse(node.annotation))]
            else:
                continue
            for name, annotation in named:
                constant = name.lstrip("_")[:1].isupper() and name.isupper() and name not in rebound
                if constant and not annotation.startswith(("Final", "TypeAlias")):
                    plain.append(f"{rel}:{node.lineno} {name}")
    assert not plain, "declare these module constants Final:\n" + "\n".join(plain)
