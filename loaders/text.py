"""A document prepared for extraction: cleaned text, sentences, scope.

Computed once per document and shared by every extractor, so no extractor
splits sentences or guesses the scope on its own. The evidence of a fact is
always a :class:`Sentence` of this text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from loaders.readers import SourceDocument

_SENTENCE_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it stands in the cleaned text."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences ending in 。！？； or a line break; blank ones are dropped."""
    out: list[Sentence] = []
    for match in _SENTENCE_END.finditer(text):
        chunk = match.group(0)
        stripped = chunk.strip()
        if not stripped:
            continue
        start = match.start() + (len(chunk) - len(chunk.lstrip()))
        out.append(Sentence(stripped, start, start + len(stripped)))
    return out


class ParsedDocument:
    """What every extractor reads: the source, its cleaned text and sentences, its scope."""

    def __init__(self, source: SourceDocument) -> None:
        self.source = source

    @cached_property
    def text(self) -> str:
        """The text with conversion debris removed (see :func:`loaders.text_clean.clean`)."""
        from loaders.text_clean import clean

        return clean(self.source.text)

    @cached_property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached_property
    def scope(self) -> str | None:
        """Canonical name of the area the document speaks for (e.g. 湖州市, 嘉兴市平湖市)."""
        from loaders.divisions import document_scope

        return document_scope(self)

    def sentence_at(self, offset: int) -> str:
        """The sentence containing ``offset``: the evidence of a fact read at that place."""
        sentences = self.sentences
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return sentences[0].text if sentences else ""
        return sentences[index].text

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]
