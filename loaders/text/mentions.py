"""A place or body named in a text: its name in the graph, the text's form of it, its level and where it stands.

Districts and departments are read alike (:class:`chainkg.loaders.divisions.DistrictMention`,
:class:`chainkg.loaders.departments.DepartmentMention`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, eq=False)
class Mention:
    """``name`` as the graph names it, ``surface`` as the text writes it at ``[start, end)``, and its ``level``."""

    name: str
    surface: str
    level: str
    start: int
    end: int
