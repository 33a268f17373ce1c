"""A place or body named in a text: its name in the graph, the text's form of it, its level and where it stands.

Districts and departments are read alike (:class:`loaders.divisions.DistrictMention`,
:class:`loaders.departments.DepartmentMention`). A plain class with its own ``__init__``: scans build hundreds
per document, and the compiled build makes one four times as fast as a named tuple (whose constructor runs as
Python code) or a dataclass.
"""

from __future__ import annotations


class Mention:
    """``name`` as the graph names it, ``surface`` as the text writes it at ``[start, end)``, and its ``level``."""

    __slots__ = ("name", "surface", "level", "start", "end")

    def __init__(self, name: str, surface: str, level: str, start: int, end: int) -> None:
        self.name = name
        self.surface = surface
        self.level = level
        self.start = start
        self.end = end
