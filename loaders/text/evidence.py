"""The evidence of a fact: the sentence an offset stands in, quoted as the source writes it.

Extraction reads the cleaned text (:class:`chainkg.loaders.text.ParsedDocument`); the evidence stored with a fact
quotes the file, so an analyst finds it there.
"""

from __future__ import annotations

from bisect import bisect_right

from chainkg.loaders.text.document import ParsedDocument


def sentence_of(doc: ParsedDocument, offset: int) -> int:
    """Index of the sentence holding ``offset`` (the one before it when it falls between two)."""
    # the document's own cached list of starts: a plain attribute read, where a weak-keyed cache
    # would build a weak reference on every call (this runs for every mention of every extractor)
    return max(0, bisect_right(doc._sentence_starts, offset) - 1)


def sentence_at(doc: ParsedDocument, offset: int) -> str:
    """The source wording of the sentence holding cleaned ``offset``: the evidence of a fact read there."""
    sentences = doc.sentences
    return sentences[sentence_of(doc, offset)].source if sentences else ""


def quote(doc: ParsedDocument, start: int, end: int) -> str:
    """The source wording of the cleaned span ``[start, end)`` (a table row, a unit list), trimmed."""
    return doc.cleaned.source_text(start, end)
