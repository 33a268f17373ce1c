"""What the first passes over a document found, handed to the extractors that build on it.

Several extractors need the same readings of a document: where its districts, firms, platforms and
chains are named, and its policy sections. The pipeline (:func:`chainkg.loaders.pipeline.find`)
reads each once, in order, into one :class:`Findings` per document and passes it to every extractor,
so no extractor keeps a cache of another's results and none reaches into another to get them. The
types of those readings are defined here, so the extractors that produce them and those that read
them depend on this module, not on each other.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from chainkg.loaders.extract.policy_sections import PolicySection
from chainkg.loaders.text.divisions import DistrictMention

CHAIN, CLUSTER = "IndustryChain", "Cluster"


@dataclass(slots=True, eq=False)
class IndustryMention:
    """One mention of a chain or cluster: canonical name, the text's form and where it stands."""

    name: str
    surface: str
    start: int
    end: int
    label: str
    head: str = ""  # the head word of the list it was read from (产业, 领域), if any


@dataclass(frozen=True)
class PlatformMention:
    """One platform or institute name in the text: label, canonical name, kind (its suffix) and place."""

    label: str
    name: str
    kind: str
    start: int
    end: int


@dataclass
class Firm:
    """A firm of this document: canonical name and the other names the text uses for it."""

    name: str
    aliases: dict[str, str] = field(default_factory=dict)


@dataclass
class ProseLayout:
    """Per sentence index, the chains, platforms and districts it names; and where paragraphs and sections open."""

    chains: dict[int, list[tuple[str, int]]]
    platforms: dict[int, list[PlatformMention]]
    districts: dict[int, list[DistrictMention]]
    paragraphs: list[int]  # indices of the sentences that open a paragraph (a blank line before them)
    sections: list[int]  # indices of the headings (a short line without clause marks) and of sentence 0

    def paragraph(self, index: int) -> int:
        """The first sentence of the paragraph of sentence ``index``."""
        return self.paragraphs[bisect_right(self.paragraphs, index) - 1]

    def section(self, index: int) -> int:
        """The heading (or first sentence) of the section of sentence ``index``."""
        return self.sections[bisect_right(self.sections, index) - 1]


@dataclass
class Findings:
    """One document's readings, in the order the pipeline takes them (each may use those before it)."""

    #: Every district the document names, read in its scope.
    districts: list[DistrictMention]
    #: The policies of a policy document (none for news), in text order.
    sections: list[PolicySection]
    #: The firms it names, each once, with short forms of legal names as aliases.
    firms: list[Firm]
    #: Where it names them: (surface, start, end), the longest name at the leftmost place.
    firm_names: list[tuple[str, int, int]]
    #: Platform and institute mentions, abbreviations read as their full names.
    platforms: list[PlatformMention]
    #: The abbreviations the text defines for them (full name → short form).
    platform_aliases: dict[str, str]
    #: Chain and cluster mentions, without those inside firm names.
    industries: list[IndustryMention]
    #: The same, per sentence, with the paragraph and section layout that prose relations read.
    layout: ProseLayout

    def chain_names(self) -> set[str]:
        """The canonical names of the chains the document names."""
        return {m.name for m in self.industries if m.label == CHAIN}
