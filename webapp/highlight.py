"""The source text cut into pieces, the entities it mentions marked by type and linked to their nodes.

Every name and alias of every node MENTIONED_IN the document is looked for in the text;
where matches overlap the longest wins (湖州市吴兴区 over 吴兴区), so a place is marked once.
The pieces are plain strings that the template escapes.
"""

from __future__ import annotations

from typing import Any

import ahocorasick_rs


def pieces(text: str, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``[{"text", "uid"?, "label"?, "name"?}]`` covering ``text`` in order."""
    forms: dict[str, dict[str, Any]] = {}
    for m in mentions:
        for form in (m["name"], *m["aliases"]):
            if len(form) >= 2 and form not in forms:
                forms[form] = m
    if not forms or not text:
        return [{"text": text}]
    # one Aho–Corasick scan, leftmost-longest: a long document names thousands of things, and an alternation of
    # thousands of names compiled into one regular expression takes seconds to build and to run over a page
    names = list(forms)
    automaton = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    out: list[dict[str, Any]] = []
    pos = 0
    for index, start, end in automaton.find_matches_as_indexes(text):
        if start > pos:
            out.append({"text": text[pos:start]})
        node = forms[names[index]]
        out.append({"text": names[index], "uid": node["uid"], "label": node["label"], "name": node["name"]})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out
