"""Scanning a whole text for a pattern from the words its matches open with.

``re`` scans for a pattern that opens with an alternation of words by testing the class of their first
characters at every character of the text: some forty machine instructions a character, which made each
such scan of a document cost about as much as reading all its figures. ``str.find`` finds the opening words
themselves at memory speed, and the pattern is then tried only where one of them stands.
"""

from __future__ import annotations

import re


def matches_opened(pattern: re.Pattern[str], text: str, openings: tuple[str, ...]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, for a pattern each match of which opens with one of ``openings``
    (so none is empty).

    The same matches in the same order: the pattern is tried at each place an opening word stands, in text
    order, from the end of the last match on, as the engine's own scan would (a place it skips is one where
    no match can start). Lookbehinds see the text before the place, as in a scan.
    """
    places: set[int] = set()
    for word in openings:
        at = text.find(word)
        while at >= 0:
            places.add(at)
            at = text.find(word, at + 1)
    out: list[re.Match[str]] = []
    end = 0
    for place in sorted(places):
        if place < end:
            continue
        match = pattern.match(text, place)
        if match is not None:
            out.append(match)
            end = match.end()
    return out
