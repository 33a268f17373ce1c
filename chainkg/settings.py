"""Every setting, declared once: its name, the environment variable that overrides it, its default and help.

The CLI builds its options from :data:`SETTINGS` (so ``--help`` says what this
table says), the web app reads its limits from it, and the local Neo4j takes its
password from it. :meth:`Setting.value` is the one place that reads an
environment variable, at the moment a value is needed (not at import, so a
test or a shell that sets one later is heard). ``tests/test_settings.py`` holds
README.md to naming every variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chainkg.graph.store import StoreConfig
from chainkg.resources import sample_corpus

#: The bundled sample corpus that ``chainkg build`` loads when given no path.
SAMPLE_CORPUS = sample_corpus()


@dataclass(frozen=True)
class Setting:
    """One knob: an explicit value wins, then the environment variable (if the setting has one), then the default."""

    #: The Python name: the CLI option's parameter, and the keyword of :func:`store_config`.
    name: str
    #: The environment variable that overrides the default, or None if only an option (or nothing) sets it.
    env: str | None
    default: Any
    help: str
    #: The CLI option's flags (``("--workers", "-j")``); empty if no command takes it.
    flags: tuple[str, ...] = ()
    #: Turns the environment variable's text into a value (``Path`` for files, ``int`` for counts).
    kind: Callable[[str], Any] = str
    #: What ``--help`` shows for the option's value, if not its type.
    metavar: str | None = None

    def value(self, given: Any = None) -> Any:
        """``given`` unless None or empty, else the environment variable unless unset or empty, else the default."""
        if given is not None and given != "":
            return given
        if self.env:
            text = os.environ.get(self.env)
            if text:
                return self.kind(text)
        return self.default


STORE = Setting("store", "CHAINKG_STORE", Path(".chainkg/graph.json"), "Embedded store file.", ("--store",), Path)
NEO4J_URI = Setting(
    "neo4j_uri",
    "NEO4J_URI",
    None,
    "Use Neo4j instead of the embedded store: bolt://, neo4j:// (cluster) or neo4j+s:// (Aura).",
    ("--neo4j-uri",),
    metavar="URI",
)
NEO4J_USER = Setting("neo4j_user", "NEO4J_USER", "neo4j", "Neo4j user.", ("--neo4j-user",))
NEO4J_PASSWORD = Setting(
    "neo4j_password",
    "NEO4J_PASSWORD",
    "chainkg-local",
    "Neo4j password (the default is the one `chainkg neo4j start` gives the local server).",
    ("--neo4j-password",),
)
NEO4J_DATABASE = Setting(
    "neo4j_database", "NEO4J_DATABASE", None, "Neo4j database name (default: the server's).", ("--neo4j-database",)
)
STORE_WAIT = Setting(
    "store_wait",
    "CHAINKG_STORE_WAIT",
    300.0,
    "Seconds a command that writes the embedded store waits for another one writing it to finish.",
    kind=float,
)
NEO4J_HOME = Setting(
    "neo4j_home",
    "CHAINKG_NEO4J_HOME",
    Path(".chainkg/neo4j"),
    "Folder of the local Neo4j's data, log and pid file.",
    ("--home",),
    Path,
)
NEO4J_PORT = Setting(
    "neo4j_port",
    None,
    7687,
    "Bolt port on 127.0.0.1 when the local Neo4j is started (0: any free port).",
    ("--port",),
    int,
)
NEO4J_HEAP = Setting("neo4j_heap", None, "1g", "Java heap of the local Neo4j and of its offline importer.", ("--heap",))
WORKERS = Setting(
    "workers",
    None,
    max(1, os.cpu_count() or 1),
    "Processes working in parallel, one per core by default "
    "(build: extracting documents; neo4j import: writing the importer's files).",
    ("--workers", "-j"),
    int,
)
TEMPLATES = Setting(
    "templates",
    "CHAINKG_TEMPLATES",
    None,
    "A folder of your own chain templates (*.toml), read after the bundled ones: a chain there adds or replaces one.",
    ("--templates",),
    Path,
    "DIR",
)
HOST = Setting("host", None, "127.0.0.1", "Address the viewer listens on.", ("--host",))
PORT = Setting("port", None, 5000, "Port the viewer listens on.", ("--port",), int)
THREADS = Setting(
    "threads",
    None,
    16,
    "Threads of the viewer's server answering requests at once (one process: the store and caches are shared).",
    ("--threads",),
    int,
)
CONSOLE_TIMEOUT_SECONDS = Setting(
    "console_timeout_seconds", None, 10.0, "Seconds the viewer's Cypher console lets a statement run.", kind=float
)
CONSOLE_ROW_LIMIT = Setting(
    "console_row_limit", None, 1000, "Rows the console and the named-query API return at most.", kind=int
)
CONSOLE_BYTE_LIMIT = Setting(
    "console_byte_limit", None, 5_000_000, "Bytes of one console answer at most (the rest is cut).", kind=int
)
EXPLORE_NODE_LIMIT = Setting("explore_node_limit", None, 300, "Nodes the explore view draws at most.", kind=int)
QUERY_CACHE_ENTRIES = Setting(
    "query_cache_entries",
    None,
    1024,
    "Named-query results the viewer keeps until the data changes (a chain map runs six).",
    kind=int,
)
RESPONSE_CACHE_MEGABYTES = Setting(
    "response_cache_megabytes",
    None,
    256,
    "Megabytes of finished pages and API answers the viewer keeps until the data changes.",
    kind=int,
)
NEO4J_CHANGE_CHECK_SECONDS = Setting(
    "neo4j_change_check_seconds",
    None,
    1.0,
    "How often the viewer asks Neo4j whether its data changed (its caches expire when it did).",
    kind=float,
)

#: The table: every setting of the CLI, the web app and the local Neo4j.
SETTINGS: tuple[Setting, ...] = (
    STORE,
    NEO4J_URI,
    NEO4J_USER,
    NEO4J_PASSWORD,
    NEO4J_DATABASE,
    STORE_WAIT,
    NEO4J_HOME,
    NEO4J_PORT,
    NEO4J_HEAP,
    WORKERS,
    TEMPLATES,
    HOST,
    PORT,
    THREADS,
    CONSOLE_TIMEOUT_SECONDS,
    CONSOLE_ROW_LIMIT,
    CONSOLE_BYTE_LIMIT,
    EXPLORE_NODE_LIMIT,
    QUERY_CACHE_ENTRIES,
    RESPONSE_CACHE_MEGABYTES,
    NEO4J_CHANGE_CHECK_SECONDS,
)


def store_config(
    store: Path | None = None,
    neo4j_uri: str | None = None,
    neo4j_user: str | None = None,
    neo4j_password: str | None = None,
    neo4j_database: str | None = None,
) -> StoreConfig:
    """A store configuration from explicit values, then ``CHAINKG_STORE`` and ``NEO4J_*`` variables, then defaults."""
    return StoreConfig(
        path=STORE.value(store),
        neo4j_uri=NEO4J_URI.value(neo4j_uri),
        neo4j_user=NEO4J_USER.value(neo4j_user),
        neo4j_password=NEO4J_PASSWORD.value(neo4j_password),
        neo4j_database=NEO4J_DATABASE.value(neo4j_database),
        lock_wait_seconds=STORE_WAIT.value(),
    )
