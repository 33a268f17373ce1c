"""Extraction speed: MB/s and documents/s, per CPU-second too, and peak memory, on a generated corpus.

Wall-clock rates depend on what else the machine runs; the per-CPU-second
figures (this process and its workers' user + system time) are the ones to
compare between versions. As a yardstick measured in the same run, the corpus
is also read and cut into words by rjieba (jieba in Rust, the usual first step
of Chinese text processing, one core): the ratio of the two speeds says how
far extraction is from that floor on any machine.

The one-worker figures are taken in rounds over slices of the corpus: in each
round the yardstick and the extraction (a fresh child process, one worker) read
the same slice one after another, so a change in the machine's speed during the
run (a shared host's speed swings by half within an hour) moves both alike; the
medians of the rounds are printed.

The corpus is made from the sample documents with their city, counties and
figures substituted (another prefecture city of the divisions data set, its
own counties, every number scaled), so it is not one text repeated and the
extractors resolve a different scope in each copy.

    python -m bench.extraction [--documents 1000] [--workers 2] [--rounds 4] [--corpus examples/corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from chainkg.loaders.pipeline import extract
from chainkg.loaders.reading.readers import read_document
from chainkg.loaders.text import divisions
from chainkg.loaders.text.document import ParsedDocument

_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]*年)")


def _cities() -> list[tuple[str, list[str]]]:
    """Prefecture cities with at least five counties: (city, its county names)."""
    table = divisions.divisions()
    counties: dict[str, list[str]] = {}
    for div in table.values():
        if div.level == "county" and div.parent and table[div.parent].level == "city":
            counties.setdefault(div.parent, []).append(div.name)
    return [(table[c].name, names) for c, names in sorted(counties.items()) if len(names) >= 5]


def _substitute(text: str, source_city: str, source_counties: list[str], city: str, counties: list[str], rng) -> str:  # noqa: ANN001
    """The sample with another city, its counties and scaled figures."""
    mapping = {source_city: city, source_city[:-1]: city[:-1]}
    for old, new in zip(source_counties, counties, strict=False):
        mapping[old] = new
        old_short, new_short = divisions.short_form(old), divisions.short_form(new)
        if old_short and new_short:
            mapping[old_short] = new_short
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
    text = pattern.sub(lambda m: mapping[m.group(0)], text)
    scale = rng.uniform(0.6, 1.8)
    return _NUMBER.sub(lambda m: f"{float(m.group(1)) * scale:.{1 if '.' in m.group(1) else 0}f}", text)


def generate(corpus: Path, out: Path, documents: int, seed: int = 7) -> list[Path]:
    """Write ``documents`` substituted copies of the samples into ``out``."""
    rng = random.Random(seed)
    samples = []
    for path in sorted(corpus.glob("*.txt")):
        doc = ParsedDocument(read_document(path))
        scope = doc.scope or ""
        city = next((a for a in (scope, *divisions.ancestors(scope)) if divisions.level_of(a) == "city"), None)
        counties = sorted(
            {
                d.name
                for d in divisions.divisions().values()
                if d.canonical.startswith(city or "\0") and d.level == "county"
            }
        )
        samples.append((path.read_text(encoding="utf-8"), city or "", counties))
    cities = _cities()
    paths = []
    for index in range(documents):
        text, city, counties = samples[index % len(samples)]
        new_city, new_counties = cities[rng.randrange(len(cities))]
        body = _substitute(text, city, counties, new_city, rng.sample(new_counties, len(new_counties)), rng)
        path = out / f"{index:05d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def _extract_one(path: Path) -> int:
    graph = extract(read_document(path))
    return len(graph.nodes) + len(graph.edges)


def _megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 2**20


def _segment(paths: list[Path]) -> float:
    """CPU seconds to read every file and cut it into words with rjieba (the same-run yardstick)."""
    import rjieba

    started = time.process_time()
    for path in paths:
        rjieba.cut(read_document(path).text)
    return time.process_time() - started


def _cpu() -> float:
    """CPU seconds of this process and its finished workers (the machine may be shared: wall time is not ours)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run(paths: list[Path], workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds of extracting ``paths`` with ``workers`` processes."""
    start, cpu = time.perf_counter(), _cpu()
    if workers <= 1:
        for path in paths:
            _extract_one(path)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_extract_one, paths, chunksize=16))
    return time.perf_counter() - start, _cpu() - cpu


def _child_cpu(paths: list[Path]) -> float:
    """CPU seconds of extracting ``paths`` in a fresh child process, one worker."""
    command = [sys.executable, "-m", "bench.extraction", "--measure", *map(str, paths)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["cpu"]


def _measure(paths: list[Path]) -> None:
    """A round's child: print the CPU seconds of extracting ``paths`` (after a warm-up on the first)."""
    _extract_one(paths[0])
    _, cpu = _run(paths, 1)
    print(json.dumps({"cpu": cpu}))


def _one_worker(paths: list[Path], rounds: int) -> None:
    """The one-worker figures, in ``rounds`` rounds over slices of ``paths`` (see the module's docstring)."""
    size = -(-len(paths) // rounds)
    slices = [paths[i : i + size] for i in range(0, len(paths), size)]
    rates, docs, yardsticks = [], [], []
    for number, part in enumerate(slices, 1):
        megabytes = _megabytes(part)
        yardstick = megabytes / _segment(part)
        cpu = _child_cpu(part)
        rates.append(megabytes / cpu)
        docs.append(len(part) / cpu)
        yardsticks.append(yardstick)
        line = f"  round {number}: {rates[-1]:.2f} MB per CPU-second, {yardstick / rates[-1]:.1f}x the yardstick's"
        line += f" CPU time (yardstick {yardstick:.1f})"
        print(line)
    rate = statistics.median(rates)
    print(
        f"workers=1, median of {len(slices)} rounds: per CPU-second {rate:.2f} MB, {statistics.median(docs):.0f} docs; "
        f"{statistics.median(y / r for y, r in zip(yardsticks, rates, strict=True)):.1f}x the CPU time of word "
        f"segmentation (yardstick {statistics.median(yardsticks):.1f} MB per CPU-second)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="documents to generate (default 1000)")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes of the several-worker run (default: cores)"
    )
    parser.add_argument("--rounds", type=int, default=4, help="rounds (corpus slices) of the one-worker measurement")
    parser.add_argument("--corpus", type=Path, default=Path("examples/corpus"), help="the samples to generate from")
    parser.add_argument("--measure", type=Path, nargs="+", help=argparse.SUPPRESS)  # a round's child process
    args = parser.parse_args()
    if args.measure:
        _measure(args.measure)
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(args.corpus, Path(tmp), args.documents)
        megabytes = _megabytes(paths)
        print(f"corpus: {len(paths)} documents, {megabytes:.1f} MB (UTF-8) from {args.corpus}")
        print(f"python {platform.python_version()} ({os.path.realpath(sys.executable)})")
        _extract_one(paths[0])  # warm the divisions data and lexicons
        _segment(paths[:1])  # and the segmenter's dictionary
        if args.workers > 1:
            seconds, cpu = _run(paths, args.workers)
            yardstick = megabytes / _segment(paths)
            print(
                f"workers={args.workers}: {seconds:.1f} s, {megabytes / seconds:.2f} MB/s, "
                f"{len(paths) / seconds:.0f} docs/s; "
                f"per CPU-second: {megabytes / cpu:.2f} MB, {len(paths) / cpu:.0f} docs ({cpu:.1f} CPU s); "
                f"{yardstick / (megabytes / cpu):.1f}x the CPU time of word segmentation (yardstick {yardstick:.1f})"
            )
        _one_worker(paths, max(1, args.rounds))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {own:.0f} MiB (main process), {children:.0f} MiB (largest worker or round)")


if __name__ == "__main__":
    main()
