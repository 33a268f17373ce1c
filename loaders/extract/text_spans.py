"""Where prose mentions stand: the districts a document names, and their nodes and display forms.

The prose extractors (industries, enterprises, platforms, projects) all ask
"which districts does this sentence name?" (the sentence of an offset is
:func:`chainkg.loaders.evidence.sentence_of`). The districts are found once per document
here, by one scan of the whole text, rather than by each extractor, which keeps
extraction linear in the text.
:func:`alternation` builds the fast regex of a word list the extractors scan whole texts with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chainkg.graph.model import Node, node_uid
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.text.divisions import division, find_districts


def district_node(graph: DocumentGraph, name: str, evidence: str) -> Node:
    """The District node ``name`` of this document (the divisions extractor has usually added it)."""
    held = graph.nodes.get(node_uid("District", name))
    return held if held is not None else graph.node("District", name, evidence)


def unit_name(canonical: str) -> str:
    """The official name of a district without its parents: 湖州市吴兴区 → 吴兴区."""
    div = division(canonical)
    return div.name if div else canonical


def district_display(text: str, offset: int, scope: str | None) -> str:
    """The place a group named at ``offset`` belongs to: the nearest district named before it
    in the same sentence, else the document's scope (八大新兴产业链 of 湖州市)."""
    left = max(text.rfind(p, 0, offset) for p in "。！？；\n") + 1
    found = [m for m in find_districts(text[left:offset], scope) if m.level != "town"]
    if found:
        return unit_name(found[-1].name)
    return unit_name(scope) if scope else ""


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (non-empty), the longest where several match: a trie of them.

    Written as a trie (一(?:二|三四)?), not as the list of words longest first
    (一三四|一二|一), and not led by a lookahead: a pattern whose every top-level
    branch opens with a plain character lets ``re`` skip to the characters that can
    start a match (a lookahead or leading group makes it try every position), and
    at a candidate the trie reads each character once instead of trying every word.
    The match is the same: the words matching at one position all lie on one path
    of the trie, which is tried deepest first.
    """
    return f"(?:{'|'.join(trie_branches(words))})"


def trie_branches(words: Iterable[str]) -> list[str]:
    """The branches of the trie regex of ``words`` (see :func:`alternation`), one per first character.

    For a pattern that puts further branches beside them at its top level: a
    nested group there would hide the first characters from the engine.
    """
    children: dict[str, set[str]] = {}
    for word in words:
        if word:
            children.setdefault(word[0], set()).add(word[1:])
    return [re.escape(first) + _trie(rest) for first, rest in sorted(children.items())]


def _trie(suffixes: set[str]) -> str:
    """The trie regex of the ``suffixes`` below one node ("" among them when the node ends a word)."""
    branches = trie_branches(suffixes)
    if not branches:
        return ""
    if "" in suffixes:  # a word ends here: the longer words first, then this one
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
