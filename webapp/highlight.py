"""The source text cut into pieces, the entities it mentions marked by type and linked to their nodes.

Every name and alias of every node MENTIONED_IN the document is looked for in the text;
where matches overlap the longest wins (湖州市吴兴区 over 吴兴区), so a place is marked once.
The pieces are plain strings that the template escapes.
"""

from __future__ import annotations

import re
from typing import Any


def pieces(text: str, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``[{"text", "uid"?, "label"?, "name"?}]`` covering ``text`` in order."""
    forms: dict[str, dict[str, Any]] = {}
    for m in mentions:
        for form in (m["name"], *m["aliases"]):
            if len(form) >= 2 and form not in forms:
                forms[form] = m
    if not forms or not text:
        return [{"text": text}]
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))))
    out: list[dict[str, Any]] = []
    pos = 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            out.append({"text": text[pos : match.start()]})
        node = forms[match.group(0)]
        out.append({"text": match.group(0), "uid": node["uid"], "label": node["label"], "name": node["name"]})
        pos = match.end()
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out
