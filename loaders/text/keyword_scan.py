"""Scanning a whole text for a pattern only where its keywords stand.

``re`` scans for a pattern that opens with an alternation of words by testing the class of their first
characters at every character of the text (some forty machine instructions each), and for a pattern that
opens with a lookbehind or a repeated class it tries the whole pattern at every character. ``str.find``
finds the keywords themselves in a few instructions a character, and the pattern is then tried only where
one of them stands.
"""

from __future__ import annotations

import re


def word_places(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` starts in ``text``, each place once, in text order (``str.find`` for each word)."""
    places: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            places.add(at)
            at = text.find(word, at + 1)
    return sorted(places)


def matches_near(
    pattern: re.Pattern[str], text: str, keywords: tuple[str, ...], reach: int = 0, stops: str = ""
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, for a pattern each match of which holds one of ``keywords`` at most
    ``reach`` characters after its start (``reach`` 0: each match opens with one), and none of the characters
    of ``stops`` before it. No match may be empty.

    The same matches in the same order: the pattern is tried from ``reach`` characters before each keyword, or
    just after the last stop character before it, up to the keyword, in text order, from the end of the last
    match on, as the engine's own scan would try it (a place skipped is one where no match can start: a match
    starting there would hold no keyword, or a stop before it). Lookbehinds see the text before the place, as
    in a scan.
    """
    out: list[re.Match[str]] = []
    pos = 0  # where the scan stands: the end of the last match, or past the last keyword tried
    for keyword in word_places(text, keywords):
        if keyword < pos:
            continue
        first = max(pos, keyword - reach)
        for stop in stops:  # (each stop's last place before the keyword: a few scans in C, not a try per place)
            first = max(first, text.rfind(stop, first, keyword) + 1)
        for start in range(first, keyword + 1):
            match = pattern.match(text, start)
            if match is not None:
                out.append(match)
                pos = match.end()
                break
        else:
            pos = keyword + 1
    return out
