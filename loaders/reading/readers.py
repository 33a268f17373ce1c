"""Read a file into text: the first stage of the pipeline.

Each format has one reader function; :func:`read_document` picks it by the
file's suffix. Encodings of plain text are detected (UTF-8 first, then
GB18030, then charset-normalizer's guess) because Chinese government files
come in both. Every failure is a :class:`DocumentError` naming the file and the
reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from chainkg.graph.errors import DocumentError

#: Largest file read; larger ones are refused with a clear reason rather than exhausting memory.
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SourceDocument:
    """A file's text with what identifies it: its bytes' sha256 and its file name."""

    path: Path
    text: str
    sha256: str
    format: str

    @property
    def name(self) -> str:
        return self.path.name


def decode_text(data: bytes, path: Path) -> str:
    """The text of a file's bytes: UTF-8 (with or without BOM), then GB18030 (a superset of GBK, which
    government sites and enterprise-database exports still use), then a detected encoding."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(path, "binary file (NUL bytes), not a text document")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(path, "unknown text encoding (not UTF-8, GB18030 or any detectable one)")
    return str(best)


def read_text(data: bytes, path: Path) -> str:
    """Plain text and Markdown."""
    return decode_text(data, path)


def read_html(data: bytes, path: Path) -> str:
    """HTML: block elements become line breaks, scripts and styles are dropped."""
    blocks = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "style"):
                self.skip += 1
            elif tag in blocks:
                self.parts.append("\n")
            elif tag in ("td", "th"):
                self.parts.append("\t")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style"):
                self.skip = max(0, self.skip - 1)
            elif tag in blocks:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = _Text()
    parser.feed(decode_text(data, path))
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts))


def read_docx(data: bytes, path: Path) -> str:
    """Word: paragraphs and tables in document order; table cells tab-separated."""
    # python-docx and pypdf are imported when a file of theirs comes: some 0.1 s each, which every other
    # command would pay at start-up
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(path, f"not a readable .docx (truncated or damaged: {exc})") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = cell.text.replace("\n", " ").strip()
                    cells.append(text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def read_pdf(data: bytes, path: Path) -> str:
    """PDF text layer, page by page (a scanned PDF without one is refused)."""
    from pypdf import PdfReader  # when a PDF comes (see read_docx)
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(path, f"not a readable .pdf (truncated or damaged: {exc})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(path, "the PDF has no text layer (scanned images need OCR first)")
    return text


READERS: dict[str, Callable[[bytes, Path], str]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def read_document(path: Path) -> SourceDocument:
    """Read one file; raises :class:`DocumentError` with the reason it cannot be loaded."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(path, f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(READERS)}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(path, f"file is {size / 2**20:.0f} MiB, more than the {MAX_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read file: {exc.strerror or exc}") from exc
    text = reader(data, path).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError(path, "empty document (no text)")
    return SourceDocument(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), format=path.suffix.lower()[1:])


def find_documents(paths: list[Path], skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Files to load under ``paths`` (folders are walked), sorted so loads are deterministic.

    Files of a walked folder that are not loaded (an unsupported type, a link to nothing, not a
    regular file) are appended to ``skipped`` with the reason, in sorted order; hidden ones (a name
    or folder starting with ``.``: ``.git``, ``.DS_Store``) are passed over without a word.
    """
    found: list[Path] = []
    passed: list[tuple[Path, str]] = []
    for path in paths:
        if not path.exists():
            raise DocumentError(path, "no such file or folder")
        if path.is_dir():
            files = []
            for p in path.rglob("*"):
                if p.is_dir():
                    continue
                if p.is_file() and p.suffix.lower() in READERS:
                    files.append(p)
                elif not any(part.startswith(".") for part in p.relative_to(path).parts):
                    passed.append((p, _skip_reason(p)))
            if not files:
                raise DocumentError(path, f"folder has no documents ({', '.join(READERS)})")
            found.extend(files)
        else:
            found.append(path)
    if skipped is not None:
        skipped.extend(sorted(set(passed)))
    return sorted(set(found))


def _skip_reason(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return f"dangling link to {path.readlink()}, skipped"
    if not path.is_file():
        return "not a regular file, skipped"
    return f"unsupported file type {path.suffix or '(none)'}, skipped; supported: {', '.join(READERS)}"
