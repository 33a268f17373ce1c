"""The one base error of chainkg.

Every failure a user can act on is raised as a subclass of :class:`ChainKGError`
whose message names the file or value at fault and what to do about it; the
CLI turns it into one line and a non-zero exit code, the web app into a JSON
error or a page.
"""


class ChainKGError(Exception):
    """Base class of every error chainkg raises on purpose."""


class DocumentError(ChainKGError):
    """A document could not be read or extracted; the rest of a batch still loads."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Raised in worker processes and sent back to the parent: keep both fields.
        return (type(self), (self.path, self.reason))


class StoreError(ChainKGError):
    """The store could not be reached or refused a write; nothing was half-written."""


class UnknownDocumentError(ChainKGError):
    """No stored Document has that uid: there was nothing to remove (a typo, or removed already)."""


class Neo4jOnlyError(ChainKGError):
    """Only the Neo4j store runs Cypher (the console, raw statements); the embedded store has no engine for it."""


class ModelError(ChainKGError):
    """A node or edge breaks the domain model (unknown label, type or endpoint)."""


class RdfError(ChainKGError):
    """An RDF file or option cannot be exported, read back or validated (names the file or value)."""


class StoreUnavailableError(StoreError):
    """The store stopped answering (Neo4j went away) and did not come back within the retry time:
    a build stops rather than retry every remaining document."""
