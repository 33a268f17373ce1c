"""The compiled build of the extraction modules, used only while it matches their sources.

Extraction is pure Python and runs some hundred thousand small steps per document
(regular expressions, dictionary look-ups, node and edge merges). ``tools/compile.py``
compiles the modules below to C with mypyc (mypy's compiler: the same Python, type
annotations as the C types), which makes extraction about a fifth cheaper; the
sources stay the reference and produce the same graph to the byte.

The build lives in ``build/compiled/`` of the checkout, beside the sources, never in
place of them: the import system would prefer a compiled module over its edited source,
and a stale build would run old rules silently. Instead ``graph/__init__.py`` and
``loaders/__init__.py`` call :func:`enable`, which puts the build first on the package's
path only when its manifest names the digest of the current sources (and of this
interpreter's ABI). Otherwise, or with ``CHAINKG_PURE_PYTHON=1``, every module loads
from its source: slower, never different.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path

#: The checkout's root (the build is found relative to the sources it was made from).
ROOT = Path(__file__).resolve().parent.parent
#: Where ``tools/compile.py`` writes the build: one folder per package, and ``manifest.json``.
BUILD_DIR = ROOT / "build" / "compiled"
#: Modules compiled, as paths under :data:`ROOT`. Left out: ``loaders/readers.py`` (its HTML reader
#: defines a class inside a function, which mypyc cannot compile; reading is not the hot part) and
#: ``loaders/text.py`` (mypyc turns ``functools.cached_property`` into a plain property, so a compiled
#: ``ParsedDocument`` would split its sentences again at every look-up; see docs/decisions/0004).
SOURCES: tuple[str, ...] = (
    "graph/model.py",
    *(
        f"loaders/{name}.py"
        for name in (
            "builder",
            "chain_segments",
            "departments",
            "divisions",
            "documents",
            "enterprises",
            "evidence",
            "indicator_tables",
            "industries",
            "industry_terms",
            "keyword_scan",
            "measures",
            "mentions",
            "numbers",
            "org_names",
            "pipeline",
            "platforms",
            "policies",
            "policy_sections",
            "projects",
            "prose_context",
            "resolve",
            "responsible_units",
            "targets",
            "task_forces",
            "text_clean",
            "text_spans",
        )
    ),
)
#: Set to 1 to load every module from its source even when a matching build exists.
PURE_ENV = "CHAINKG_PURE_PYTHON"


def digest(root: Path = ROOT) -> str:
    """What a build must have been made from: the compiled sources and the interpreter's ABI."""
    h = hashlib.sha256(sys.implementation.cache_tag.encode())
    for rel in SOURCES:
        h.update(b"\0" + rel.encode() + b"\0")
        h.update((root / rel).read_bytes())
    return h.hexdigest()


def manifest_matches(build_dir: Path = BUILD_DIR, root: Path = ROOT) -> bool:
    """Whether ``build_dir`` holds a complete build of the sources under ``root`` as they are now.

    The manifest is written last by ``tools/compile.py``, so a build that stopped half-way has none.
    """
    try:
        manifest = json.loads((build_dir / "manifest.json").read_text(encoding="utf-8"))
        return manifest.get("digest") == digest(root)
    except (OSError, ValueError):
        return False


@cache
def usable() -> bool:
    """Whether the compiled build is to be used in this process (decided once, at the first import)."""
    return os.environ.get(PURE_ENV, "") in ("", "0") and manifest_matches()


def enable(package: str, path: list[str]) -> None:
    """Put the compiled modules of ``package`` ahead of its sources on ``path`` (its ``__path__``), if usable."""
    if usable():
        path.insert(0, str(BUILD_DIR / package))


def in_use() -> bool:
    """Whether the compiled modules run in this process: what benchmarks and logs report."""
    import graph.model

    return not (graph.model.__file__ or "").endswith(".py")
