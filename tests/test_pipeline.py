"""What extraction does to its process: the garbage collector's settings after the first document.

Run in a fresh interpreter each, since the setting is made once per process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next(iter(sorted((ROOT / "examples" / "corpus").glob("*.txt"))))

_RUN = """
import gc, sys
from pathlib import Path
from chainkg.loaders.pipeline import extract_path
if len(sys.argv) > 2:
    gc.set_threshold(int(sys.argv[2]))
before = gc.get_threshold()
extract_path(Path(sys.argv[1]))
print(before[0], gc.get_threshold()[0], gc.isenabled(), len(gc.garbage))
"""


@pytest.mark.parametrize(("caller_threshold", "expected"), [(None, 100_000), (5_000, 5_000)])
def test_first_document_raises_the_young_threshold_unless_the_caller_set_one(
    caller_threshold: int | None, expected: int
) -> None:
    args = [sys.executable, "-c", _RUN, str(SAMPLE)] + ([str(caller_threshold)] if caller_threshold else [])
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(caller_threshold or 700), str(expected), "True", "0"]
