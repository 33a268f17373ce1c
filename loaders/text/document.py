"""A document prepared for extraction: cleaned text, sentences, scope.

Computed once per document and shared by every extractor, so no extractor
splits sentences or guesses the scope on its own. The evidence of a fact is
always a :class:`Sentence` of this text, quoted as the source writes it:
extraction reads the cleaned text, but an analyst checking a fact must find
the evidence in the file, so each sentence also carries its source span
(mapped back through :class:`chainkg.loaders.text_clean.Cleaned`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import NamedTuple

from chainkg.loaders.reading.readers import SourceDocument
from chainkg.loaders.reading.text_clean import Cleaned, clean

#: A sentence (group 1) after the white space before it: the leading ``\s*`` takes the white space (line breaks
#: too, which would only end blank sentences) so a sentence needs no left strip and no offset arithmetic.
_SENTENCE = re.compile(r"\s*([^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$))")
#: ``Sentence(...)`` without the Python frame of the named tuple's ``__new__`` (one per sentence of every document).

#: The longest text read as one piece, in characters (about 600 KB of UTF-8 Chinese). Every ordinary document, a
#: five-year plan included, is shorter; a longer one (a yearbook, a compilation of hundreds of files) is read in
#: sections of at most this size (:func:`sections`). Extraction reads a section in about a second and its memory is
#: bounded by the section, where extraction time and memory grow faster than the text read whole (a 20 MB text
#: took 5 min 44 s and 800 MB; docs/performance.md, "Large documents").
SECTION_CHARS = 200_000


class Sentence(NamedTuple):
    """A sentence: its cleaned text (what extraction reads), where it stands there, and its source wording.

    ``source`` is the same sentence as the file writes it (traditional
    characters, spaced-out letters, a page break inside it), trimmed: the
    evidence stored on the graph. A named tuple, not a frozen dataclass: a
    document has hundreds of sentences, and a tuple is built several times faster.
    """

    text: str
    start: int
    end: int
    source: str = ""


def split_sentences(text: str, cleaned: Cleaned | None = None) -> list[Sentence]:
    """Sentences ending in 。！？； or a line break; blank ones are dropped.

    With ``cleaned`` (the cleaning of a source text whose result is ``text``)
    each sentence also carries its source wording; without it, the source is
    the text itself.
    """
    out: list[Sentence] = []
    origin, source_text = (cleaned.origin, cleaned.source) if cleaned is not None else (None, "")
    append = out.append
    for match in _SENTENCE.finditer(text):
        stripped = match.group(1).rstrip()
        if not stripped:
            continue
        start = match.start(1)
        end = start + len(stripped)
        # cleaned.source_text(start, end), inlined: this runs for every sentence of every document
        source = stripped if origin is None else source_text[origin[start] : origin[end - 1] + 1].strip()
        append(Sentence(stripped, start, end, source))
    return out


def sections(text: str, size: int = SECTION_CHARS) -> Iterator[str]:
    """``text`` cut into pieces of at most ``size`` characters, each ending at a paragraph break (a blank line)
    where the last half of the piece has one, else at a line break, else (one line longer than that) anywhere.

    A text no longer than ``size`` is one piece, itself. Joined, the pieces are the text.
    """
    start = 0
    while len(text) - start > size:
        stop = start + size
        cut = text.rfind("\n\n", stop - size // 2, stop)
        if cut >= 0:
            cut += 2
        else:
            cut = text.rfind("\n", stop - size // 2, stop) + 1 or stop
        yield text[start:cut]
        start = cut
    yield text[start:] if start else text


class ParsedDocument:
    """What every extractor reads: the source, its cleaned text and sentences, its scope.

    ``scope`` is the canonical name of the area the document speaks for (湖州市, 嘉兴市平湖市): the pipeline
    reads it from the text (:func:`chainkg.loaders.text.divisions.document_scope`) and sets it before any
    extractor runs; short forms (市经信局, 全区) are read in it.
    """

    def __init__(self, source: SourceDocument, scope: str | None = None) -> None:
        self.source = source
        self.scope = scope

    @cached_property
    def cleaned(self) -> Cleaned:
        """The cleaned text with its map back to the source (see :func:`chainkg.loaders.text_clean.clean`)."""
        return clean(self.source.text)

    @cached_property
    def text(self) -> str:
        """The text with conversion debris removed: what every extractor reads."""
        return self.cleaned.text

    @cached_property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.cleaned)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]
