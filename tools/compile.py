"""Compile the extraction modules with mypyc into build/compiled/ (see graph/compiled.py).

    python tools/compile.py [--force] [--check] [--jobs N]

Does nothing while the build matches the sources. The build is made in a fresh
folder and moved into place with its manifest written last, so a failed or
interrupted compile leaves either the previous build or none, never half of one;
compiles started at once (two set-ups) take turns on a lock.
Needs a C compiler and the interpreter's headers (Debian: gcc, python3-dev).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import compiled  # noqa: E402

#: The shared library every compiled module calls into (one C module for the group, so calls between
#: compiled modules are direct C calls): inside the ``graph`` package, so it needs no place on sys.path.
GROUP = "graph.native"


def build(out: Path, jobs: int) -> None:
    """Compile :data:`graph.compiled.SOURCES` into the folder ``out``."""
    from mypyc.build import mypycify
    from setuptools import setup

    temp = compiled.BUILD_DIR.parent / "mypyc"
    cwd = os.getcwd()
    os.chdir(compiled.ROOT)  # mypy reads [tool.mypy] from pyproject.toml; paths are relative to the root
    try:
        modules = mypycify(list(compiled.SOURCES), opt_level="3", group_name=GROUP, target_dir=str(temp))
        setup(
            name="chainkg-compiled",
            ext_modules=modules,
            script_args=["--quiet", "build_ext", "--build-lib", str(out), "--build-temp", str(temp), "-j", str(jobs)],
        )
    finally:
        os.chdir(cwd)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force", action="store_true", help="compile even if the build matches the sources")
    parser.add_argument("--check", action="store_true", help="only say (exit status 0 or 1) whether the build matches")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="C compiler processes")
    args = parser.parse_args()
    if args.check:
        return 0 if compiled.manifest_matches() else 1
    compiled.BUILD_DIR.parent.mkdir(parents=True, exist_ok=True)
    with open(compiled.BUILD_DIR.parent / "compile.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if this process dies
        if not args.force and compiled.manifest_matches():
            print(f"compile: {compiled.BUILD_DIR} matches the sources", file=sys.stderr)
            return 0
        return _compile(args.jobs)


def _compile(jobs: int) -> int:
    try:
        import mypyc  # noqa: F401  (only to say what is missing before anything is made)
    except ImportError:
        print("compile: mypyc is not installed: pip install -e '.[native]' (tools/setup.sh does)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    print(f"compile: compiling {len(compiled.SOURCES)} modules with mypyc into {compiled.BUILD_DIR}", file=sys.stderr)
    digest = compiled.digest()  # of the sources as the compile starts: an edit during it makes the build stale
    out = Path(tempfile.mkdtemp(prefix="compiled-", dir=compiled.BUILD_DIR.parent))
    try:
        build(out, jobs)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    (out / "manifest.json").write_text(
        json.dumps({"digest": digest, "sources": list(compiled.SOURCES)}, indent=1) + "\n", encoding="utf-8"
    )
    shutil.rmtree(compiled.BUILD_DIR, ignore_errors=True)
    out.rename(compiled.BUILD_DIR)
    print(f"compile: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
