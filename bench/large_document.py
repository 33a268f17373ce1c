"""One large document: peak memory and seconds to build it, by size, and the time of its document page.

Each document is made of the generated copies of the samples (:func:`bench.extraction.generate`: other cities,
their counties, scaled figures), joined by blank lines until the size is reached, so it names thousands of
different firms, places and figures as a yearbook or a compilation of files would. Each size is built into a
fresh embedded store by a child process of its own; the peak resident memory is that child's
(``os.wait4``'s resource usage), so the sizes do not share one maximum. Memory should grow with the graph the
document states, not several times faster than the text: the ratio of peak memory to file size is printed, and
from the second size on, the MiB it grew by per MB of text added since the size before. With ``--repeat FOLDER``
the document is that folder's texts repeated instead (a text that says the same things again and again).

Then the viewer serves the largest document's page (first page, a later page, the API twin, and an evidence
link's page) and the seconds and bytes of each are printed: pages are bounded, whatever the document's length.

    python -m bench.large_document [--sizes 5 20 50] [--corpus examples/corpus | --repeat FOLDER]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.extraction import generate
from chainkg.graph.store import StoreConfig, open_store
from chainkg.loaders.pipeline import build
from chainkg.webapp import create_app


def generated_texts(corpus: Path) -> list[str]:
    """400 generated copies of the samples in ``corpus`` (other cities, counties and figures)."""
    with tempfile.TemporaryDirectory() as tmp:
        return [p.read_text(encoding="utf-8") for p in generate(corpus, Path(tmp), 400)]


def make_document(texts: list[str], out: Path, megabytes: float) -> Path:
    """A UTF-8 text of about ``megabytes`` MB (2**20 bytes) of ``texts``, one after another, again and again."""
    parts, size, index = [], 0, 0
    while size < megabytes * 2**20:
        text = texts[index % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        index += 1
    out.write_text("\n\n".join(parts), encoding="utf-8")
    return out


def _build_in_child(document: Path, store: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of a child process building ``document`` into the store file ``store``."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "bench.large_document", "--measure", str(document), str(store)])
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"building {document} failed (exit {child.returncode})")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def _measure(document: Path, store_path: Path) -> None:
    """A child's work: build ``document`` into a new embedded store."""
    store = open_store(StoreConfig(path=store_path))
    try:
        report = build([document], store)
    finally:
        store.close()
    if report.errors:
        raise SystemExit(str(report.errors[0]))


def _pages(store_path: Path, evidence: str) -> None:
    """Seconds and size of the largest document's pages."""
    store = open_store(StoreConfig(path=store_path))
    uid = next(node.uid for node in store.read().by_label("Document"))
    store.close()
    app = create_app(StoreConfig(path=store_path), {"TESTING": True})
    client = app.test_client()
    for what, url, params in (
        ("first page (store loaded)", f"/documents/{uid}", {}),
        ("page 2", f"/documents/{uid}", {"page": 2}),
        ("API twin, page 3", f"/api/documents/{uid}", {"page": 3}),
        ("an evidence link's page", f"/documents/{uid}", {"find": evidence}),
    ):
        started = time.perf_counter()
        response = client.get(url, query_string=params)
        seconds = time.perf_counter() - started
        print(f"  {what}: {seconds:.2f} s, {len(response.data) / 1024:.0f} KB (HTTP {response.status_code})")
    app.extensions["chainkg_store"].close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 20, 50], help="document sizes in MB")
    parser.add_argument("--corpus", type=Path, default=Path("examples/corpus"), help="the samples to generate from")
    parser.add_argument("--repeat", type=Path, help="a folder of .txt files to repeat instead of generated copies")
    parser.add_argument("--measure", type=Path, nargs=2, help=argparse.SUPPRESS)  # a child: document, store
    args = parser.parse_args()
    if args.measure:
        _measure(*args.measure)
        return
    if args.repeat:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.repeat.glob("*.txt"))]
    else:
        texts = generated_texts(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = folder / "graph.json"
        evidence = ""
        before: tuple[float, float] | None = None  # the size before: MB of text, peak MiB
        for megabytes in sorted(args.sizes):
            document = make_document(texts, folder / f"document-{megabytes:g}MB.txt", megabytes)
            size = document.stat().st_size / 2**20
            store.unlink(missing_ok=True)
            seconds, peak = _build_in_child(document, store)
            growth = f", +{(peak - before[1]) / (size - before[0]):.1f} MiB per MB added" if before else ""
            print(
                f"{size:.1f} MB: {seconds:.1f} s ({size / seconds:.2f} MB/s), peak memory {peak:.0f} MiB "
                f"({peak / size:.1f}x the file{growth}), store file {store.stat().st_size / 2**20:.0f} MB"
            )
            before = (size, peak)
            text = document.read_text(encoding="utf-8")
            evidence = text[int(len(text) * 0.7) :].split("\n", 2)[1]  # a line 70% into the text
            document.unlink()
        print(f"the {size:.1f} MB document's pages:")
        _pages(store, evidence)


if __name__ == "__main__":
    main()
