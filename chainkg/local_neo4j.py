"""A real local Neo4j Community server without Docker or a Neo4j install.

``tools/neo4j`` is a small Maven module whose launcher runs Neo4j embedded with
only the Bolt connector on 127.0.0.1. Maven Central is the one place this needs
to reach, so the same code works on a developer's machine and in CI. This module
builds it when needed and starts, stops and finds the server; the CLI
(``chainkg neo4j start|stop|status``) and the pytest set-up call it.

A server's state lives in one folder (``state_dir``)::

    data/       Neo4j's home: databases, transaction logs, logs/debug.log
    neo4j.log   the JVM's stdout and stderr
    neo4j.pid   the java process id
    bolt-uri    bolt://127.0.0.1:PORT, written by the launcher once Bolt accepts connections

Example::

    info = start(Path(".chainkg/neo4j"), port=0, password="secret-pw")
    GraphDatabase.driver(info.uri, auth=("neo4j", "secret-pw"))
    stop(info.state_dir)
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from chainkg import settings
from chainkg.graph.errors import ChainKGError
from chainkg.graph.neo4j_store import Neo4jStore
from chainkg.graph.store import StoreConfig
from chainkg.neo4j_import import IMPORT_OPTIONS, GraphPart, write_parts

#: The repository root; ``tools/neo4j`` is found relative to it.
REPO_ROOT = Path(__file__).resolve().parent.parent
#: The Maven module of the launcher.
MODULE_DIR = REPO_ROOT / "tools" / "neo4j"
#: Java class that runs the server.
LAUNCHER_CLASS = "chainkg.neo4j.Launcher"
#: Java class of ``neo4j-admin``, whose ``database import full`` is Neo4j's offline importer.
ADMIN_CLASS = "org.neo4j.cli.AdminTool"

#: Flags Neo4j 5 needs on Java 17 (it reaches into NIO internals for its page cache and
#: network code), plus those its own neo4j.conf sets by default.
JVM_FLAGS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)

_PID_FILE = "neo4j.pid"
_URI_FILE = "bolt-uri"
_LOG_FILE = "neo4j.log"
_TARGET = MODULE_DIR / "target"
_CLASSES = _TARGET / "classes"
_LIB = _TARGET / "lib"
# Touched after a successful build: the compiler may leave unchanged class files
# untouched, so their own mtimes cannot tell whether the pom changed since.
_BUILD_STAMP = _TARGET / ".chainkg-build-stamp"

# Servers this process started, so they are reaped (no zombie looks alive) and
# Python does not warn about a Popen dropped while its child runs.
_children: dict[int, subprocess.Popen[bytes]] = {}


class LocalNeo4jError(ChainKGError):
    """The local Neo4j could not be built, started or stopped; the message carries the log's tail."""


class NotRunningError(LocalNeo4jError):
    """No local Neo4j runs on that folder, so there was nothing to stop."""


@dataclass(frozen=True)
class ServerInfo:
    """A running local server: where to connect and what to stop."""

    uri: str
    pid: int
    state_dir: Path

    @property
    def log_file(self) -> Path:
        """The JVM's stdout/stderr; Neo4j's own log is ``data/logs/debug.log``."""
        return self.state_dir / _LOG_FILE


def build(quiet: bool = True) -> Path:
    """Build the launcher with Maven unless an up-to-date build exists; return the module dir.

    The check is by mtime against the pom and the Java sources, so the usual
    call costs nothing and a fresh checkout builds once (Maven downloads Neo4j
    into ~/.m2 the first time). A lock keeps parallel callers from building at once.
    """
    if _build_is_fresh():
        return MODULE_DIR
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalNeo4jError("Maven (mvn) is not on PATH; install it (apt-get install maven) to build tools/neo4j")
    _TARGET.mkdir(parents=True, exist_ok=True)
    with _locked(_TARGET / ".build.lock"):
        if _build_is_fresh():  # another process built it while we waited
            return MODULE_DIR
        cmd = [mvn, "-B", "-f", str(MODULE_DIR / "pom.xml"), "package", "-DskipTests"]
        if quiet:
            cmd.insert(1, "-q")
        result = subprocess.run(cmd, cwd=MODULE_DIR, capture_output=True, text=True)
        if result.returncode != 0:
            tail = _tail_lines((result.stdout + result.stderr).splitlines(), 40)
            raise LocalNeo4jError(f"building tools/neo4j failed (mvn exit {result.returncode}):\n{tail}")
        _BUILD_STAMP.touch()
    return MODULE_DIR


def start(
    state_dir: Path,
    port: int = 0,
    password: str | None = None,
    heap: str = settings.NEO4J_HEAP.default,
    timeout: float = 120,
    jvm_flags: Sequence[str] = (),
) -> ServerInfo:
    """Start a server on ``state_dir`` (or return the one already running there).

    The JVM runs in its own session so it outlives the caller (the CLI exits
    right away) and a Ctrl-C in the terminal does not hit it. ``port=0`` lets the
    launcher pick a free port; the URI tells which. ``password`` defaults to the
    setting :data:`chainkg.settings.NEO4J_PASSWORD` (``NEO4J_PASSWORD``, else
    ``chainkg-local``); it is (re)applied on every start, and must have at least
    8 characters (Neo4j's minimum).
    """
    state_dir = Path(state_dir).resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    with _locked(state_dir / ".lock"):
        running = status(state_dir)
        if running is not None:
            return running
        _remove_state_files(state_dir)
        build()

        password = settings.NEO4J_PASSWORD.value(password)
        if len(password) < 8:
            raise LocalNeo4jError("the Neo4j password must have at least 8 characters")
        java = _java()
        uri_file = state_dir / _URI_FILE
        cmd = [
            java,
            f"-Xmx{heap}",
            *JVM_FLAGS,
            *jvm_flags,
            "-cp",
            f"{_CLASSES}{os.pathsep}{_LIB / '*'}",
            LAUNCHER_CLASS,
            "--data",
            str(state_dir / "data"),
            "--port",
            str(port),
            "--ready-file",
            str(uri_file),
        ]
        env = {**os.environ, "NEO4J_PASSWORD": password}  # the launcher's way to receive it
        with open(state_dir / _LOG_FILE, "wb") as log:
            proc = subprocess.Popen(
                cmd,
                cwd=state_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _children[proc.pid] = proc
        (state_dir / _PID_FILE).write_text(f"{proc.pid}\n")

        deadline = time.monotonic() + timeout
        while True:
            if uri_file.exists():
                return ServerInfo(uri=uri_file.read_text().strip(), pid=proc.pid, state_dir=state_dir)
            if proc.poll() is not None:
                _children.pop(proc.pid, None)
                _remove_state_files(state_dir)
                raise LocalNeo4jError(
                    f"Neo4j exited with code {proc.returncode} before it was ready; "
                    f"last lines of {state_dir / _LOG_FILE}:\n{_log_tail(state_dir)}"
                )
            if time.monotonic() > deadline:
                _kill(proc.pid, 30)
                _remove_state_files(state_dir)
                raise LocalNeo4jError(
                    f"Neo4j was not ready within {timeout:g} s; last lines of {state_dir / _LOG_FILE}:\n"
                    f"{_log_tail(state_dir)}"
                )
            time.sleep(0.1)


def stop(state_dir: Path, timeout: float = 60, *, missing_ok: bool = False) -> None:
    """Stop the server of ``state_dir``; :class:`NotRunningError` if none runs there, unless ``missing_ok``.

    SIGTERM lets the launcher's shutdown hook checkpoint and close the stores,
    so the next start needs no recovery; SIGKILL only if that hangs past ``timeout``.
    A stale pid or URI file is removed either way. Clean-ups that only want no
    server left behind (a test's or a benchmark's ``finally``) pass ``missing_ok``.
    """
    state_dir = Path(state_dir).resolve()
    pid = _read_pid(state_dir)
    running = pid is not None and _is_launcher(pid)
    if running:
        assert pid is not None
        _kill(pid, timeout)
    _remove_state_files(state_dir)
    if not running and not missing_ok:
        raise NotRunningError(f"no local Neo4j runs on {state_dir}")


def status(state_dir: Path) -> ServerInfo | None:
    """The server running on ``state_dir``, or None (also while one is still starting)."""
    state_dir = Path(state_dir).resolve()
    pid = _read_pid(state_dir)
    uri_file = state_dir / _URI_FILE
    if pid is None or not _is_launcher(pid):
        return None
    try:
        uri = uri_file.read_text().strip()
    except FileNotFoundError:
        return None
    return ServerInfo(uri=uri, pid=pid, state_dir=state_dir) if uri else None


@dataclass
class ImportReport:
    """What :func:`import_graph` loaded and how long each step took (seconds)."""

    uri: str
    nodes: int
    relationships: int
    #: Writing the importer's files, reading the input included.
    write_seconds: float
    #: Neo4j's importer alone (the server is down meanwhile).
    import_seconds: float
    #: Starting the server again and building the constraints, name and full-text indexes.
    schema_seconds: float


def import_graph(
    state_dir: Path,
    parts: Sequence[GraphPart],
    *,
    password: str | None = None,
    port: int = 0,
    heap: str = settings.NEO4J_HEAP.default,
    jvm_flags: Sequence[str] = (),
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Load a graph in export form into the local server's database with Neo4j's offline importer.

    Several times faster than :meth:`chainkg.graph.neo4j_store.Neo4jStore.bulk_load`
    over Bolt, for a first load of a big graph; but the importer writes a new
    database, with the server stopped. So: the server is started if it is down
    (to see what it holds), the files are written while it still serves, it is
    stopped, the importer replaces its database, and it is started again (on
    the same port) with the constraints and indexes built before this returns.
    A database holding nodes is refused unless ``replace``: the import would
    drop them (``chainkg push`` merges instead). If the importer fails (a
    repeated uid, an edge to a missing node), the error carries its log's tail.

    The graph comes in ``parts`` (:func:`chainkg.neo4j_import.split_graph` for one in
    memory), written at once by one process each: writing the files is most of
    the time outside the importer, and the server is idle meanwhile.
    ``progress`` hears each step as it begins (a minute or more each on a big graph).
    """
    state_dir = Path(state_dir).resolve()
    password = settings.NEO4J_PASSWORD.value(password)
    info = status(state_dir) or start(state_dir, port, password, heap, jvm_flags=jvm_flags)
    store = Neo4jStore(StoreConfig(neo4j_uri=info.uri, neo4j_password=password))
    try:
        held = store.node_count()
    finally:
        store.close()
    if held and not replace:
        raise LocalNeo4jError(
            f"the local Neo4j in {state_dir} holds {held} nodes and an import replaces the whole database: "
            "pass replace (--replace) to drop them, or merge with chainkg push"
        )
    step = progress or (lambda _text: None)
    folder = state_dir / "import"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        started = time.perf_counter()
        step(f"writing the importer's files in {len(parts)} part(s) to {folder}")
        files = write_parts(parts, folder)
        written = time.perf_counter()
        step(f"stopping the server; importing {files.nodes} nodes and {files.relationships} relationships")
        stop(state_dir)
        try:
            _run_importer(state_dir, [*IMPORT_OPTIONS, *files.arguments(state_dir)], heap)
        except LocalNeo4jError:
            # Neo4j 5.26's reader of files named multi-line (v2) can fail on a field spanning lines across
            # its 4 MiB read buffer ("Weird input data, found CR outside a text cell"); its older reader,
            # for every file at once, does not, but reads everything on one thread.
            if not files.multiline or "MultiLineChunker" not in (state_dir / "import.log").read_text(errors="replace"):
                raise
            step("the importer's reader of multi-line files failed; importing again, every file read as multi-line")
            _run_importer(state_dir, [*IMPORT_OPTIONS, *files.arguments(state_dir, all_multiline=True)], heap)
        imported = time.perf_counter()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    step("starting the server; building constraints and indexes")
    info = start(state_dir, int(info.uri.rsplit(":", 1)[1]), password, heap, jvm_flags=jvm_flags)
    store = Neo4jStore(StoreConfig(neo4j_uri=info.uri, neo4j_password=password))  # creates the schema
    try:
        store.await_indexes()
    finally:
        store.close()
    return ImportReport(
        uri=info.uri,
        nodes=files.nodes,
        relationships=files.relationships,
        write_seconds=written - started,
        import_seconds=imported - written,
        schema_seconds=time.perf_counter() - imported,
    )


def _run_importer(state_dir: Path, arguments: list[str], heap: str) -> None:
    """``neo4j-admin database import full`` on the database of the stopped server of ``state_dir``.

    The launcher's DBMS home is ``state_dir/data`` (databases in ``data/data``), so
    the admin tool gets that as NEO4J_HOME and an empty configuration of its own.
    """
    conf = state_dir / "admin-conf"
    conf.mkdir(exist_ok=True)
    (conf / "neo4j.conf").write_text("# chainkg: defaults; the admin tool finds the data under NEO4J_HOME\n")
    log = state_dir / "import.log"
    cmd = [
        _java(),
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        f"{_CLASSES}{os.pathsep}{_LIB / '*'}",
        ADMIN_CLASS,
        "database",
        "import",
        "full",
        "neo4j",
        "--overwrite-destination=true",
        "--verbose",  # a failure's cause, not only "Error importing csv file", reaches the log and the error
        f"--report-file={state_dir / 'import.report'}",
        *arguments,
    ]
    env = {**os.environ, "NEO4J_HOME": str(state_dir / "data"), "NEO4J_CONF": str(conf)}
    with open(log, "wb") as out:
        result = subprocess.run(cmd, cwd=state_dir, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    if result.returncode != 0:
        lines = log.read_text(errors="replace").splitlines()
        raise LocalNeo4jError(
            f"Neo4j's importer failed (exit {result.returncode}); last lines of {log}:\n{_tail_lines(lines, 20)}"
        )


# -- helpers -------------------------------------------------------------------


def _build_is_fresh() -> bool:
    """True if classes, lib and the stamp exist and the stamp is newer than every input."""
    if not (_CLASSES.is_dir() and _LIB.is_dir() and _BUILD_STAMP.exists()):
        return False
    if not any(_LIB.glob("*.jar")):
        return False
    built = _BUILD_STAMP.stat().st_mtime
    inputs = [MODULE_DIR / "pom.xml", *(MODULE_DIR / "src").rglob("*.java")]
    return all(p.stat().st_mtime <= built for p in inputs)


def _java() -> str:
    """``$JAVA_HOME/bin/java`` if set, else ``java`` on PATH (Neo4j 5.26 needs Java 17 or 21)."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise LocalNeo4jError("java is not on PATH; install a JDK 17 (apt-get install openjdk-17-jdk-headless)")
    return java


def _read_pid(state_dir: Path) -> int | None:
    try:
        return int((state_dir / _PID_FILE).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _is_alive(pid: int) -> bool:
    """Whether ``pid`` runs; reaps it first if it is our child, so a zombie counts as dead."""
    proc = _children.get(pid)
    if proc is not None:
        if proc.poll() is None:
            return True
        _children.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie whose parent has not reaped it yet is as good as dead
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _is_launcher(pid: int) -> bool:
    """Alive and really our launcher: a stale pid file may name a reused pid."""
    if not _is_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (not Linux): trust the pid file
    return LAUNCHER_CLASS.encode() in cmdline


def _kill(pid: int, timeout: float) -> None:
    """SIGTERM, wait up to ``timeout``, then SIGKILL the process group and wait briefly."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if _wait_gone(pid, timeout):
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if not _wait_gone(pid, 10):
        raise LocalNeo4jError(f"Neo4j (pid {pid}) survived SIGKILL")


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _is_alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _remove_state_files(state_dir: Path) -> None:
    for name in (_PID_FILE, _URI_FILE, _URI_FILE + ".tmp"):
        (state_dir / name).unlink(missing_ok=True)


def _log_tail(state_dir: Path, n: int = 30) -> str:
    try:
        lines = (state_dir / _LOG_FILE).read_text(errors="replace").splitlines()
    except FileNotFoundError:
        return "(no log)"
    return _tail_lines(lines, n) + f"\n(see also {state_dir / 'data' / 'logs' / 'debug.log'})"


def _tail_lines(lines: list[str], n: int) -> str:
    return "\n".join(lines[-n:])


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock, so parallel starts or builds do not race."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
