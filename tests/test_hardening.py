"""What an attacker or an unlucky user does to a build: interrupts it, runs two at once, points a command
at no graph, gives a folder with odd files, stops Neo4j under it. Real processes, real files, a real Neo4j;
nothing mocked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.extraction import generate
from chainkg import settings
from chainkg.cli import main
from chainkg.graph.embedded_store import WriterLock
from chainkg.graph.json_format import read_json
from chainkg.graph.store import StoreConfig, open_store
from chainkg.loaders.pipeline import build
from tests.conftest import SAMPLE

CHAINKG = [sys.executable, "-m", "chainkg.cli"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """DOCUMENTS generated documents: a build with two workers takes some 15 s on an idle 2-core machine and a
    minute on a busy one, so an interrupt a second and a half in cuts it in the middle either way."""
    folder = tmp_path_factory.mktemp("generated")
    generate(settings.SAMPLE_CORPUS, folder, DOCUMENTS)
    return folder


DOCUMENTS = 600


def _children(pid: int) -> list[int]:
    """Child processes of ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _documents(store: Path) -> set[str]:
    return {n.props["path"] for n in read_json(store).by_label("Document")}


# 5. Interrupts


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_build_stops_its_workers_says_one_line_and_keeps_what_it_stored(
    generated: Path, tmp_path: Path, how: str
) -> None:
    store = tmp_path / "graph.json"
    proc = subprocess.Popen(
        [*CHAINKG, "build", str(generated), "-j", "2", "--store", str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(proc.pid)
    assert len(workers) == 2, "the build did not start its two workers"
    time.sleep(1.5)  # some documents loaded, most not
    if how == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group, workers included
    else:
        os.kill(proc.pid, signal.SIGTERM)  # `kill PID`, a supervisor: the parent alone
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + (signal.SIGINT if how == "ctrl-c" else signal.SIGTERM)
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("interrupted: ") and lines[0].endswith(" documents stored; rerun to continue")
    stored = int(lines[0].split()[1])
    print(f"interrupted with {stored} of {DOCUMENTS} documents stored")
    assert 0 < stored < DOCUMENTS, "interrupt earlier or later: the test needs a build cut in the middle"
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived the build"
    assert not list(tmp_path.glob(".graph.json.*.tmp"))
    assert len(_documents(store)) == stored  # saved as of its last document, and whole
    # Rerunning finishes the load, skipping what is stored.
    code, out = run("build", str(generated), "-j", "2", "--store", str(store))
    assert code == 0, out
    assert f"{DOCUMENTS - stored} loaded, {stored} unchanged" in out
    assert len(_documents(store)) == DOCUMENTS


# 7. Two writers of one embedded store


def test_two_builds_into_one_store_keep_both(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    generate(settings.SAMPLE_CORPUS, first, 12, seed=1)
    generate(settings.SAMPLE_CORPUS, second, 12, seed=2)
    store = tmp_path / "graph.json"
    procs = [
        subprocess.Popen(
            [*CHAINKG, "build", str(folder), "-j", "1", "--store", str(store)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    results = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], results
    waited = [err for _out, err in results if "waiting for another chainkg writing" in err]
    assert len(waited) == 1, results  # the second one said why it waited
    assert f"waiting for another chainkg writing {store}…" in waited[0]
    names = _documents(store)
    assert {str(p) for p in first.glob("*.txt")} | {str(p) for p in second.glob("*.txt")} == names


def test_a_writer_that_waits_too_long_fails_clearly_and_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "graph.json"
    assert run("build", str(SAMPLE / "000_f1f595410559a8ed.txt"), "--store", str(store))[0] == 0
    before = store.read_bytes()
    with WriterLock(store):  # another chainkg writing it
        proc = subprocess.run(
            [*CHAINKG, "build", str(SAMPLE), "--store", str(store)],
            capture_output=True,
            text=True,
            env={**os.environ, "CHAINKG_STORE_WAIT": "1"},
            timeout=120,
        )
        remove = subprocess.run(
            [*CHAINKG, "remove", "000_f1f595410559a8ed.txt", "--store", str(store)],
            capture_output=True,
            text=True,
            env={**os.environ, "CHAINKG_STORE_WAIT": "1"},
            timeout=120,
        )
    for result in (proc, remove):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"waiting for another chainkg writing {store}…" in result.stderr
        assert f"another chainkg is still writing {store} after 1 s of waiting: nothing was changed" in result.stderr
    assert store.read_bytes() == before
    # Readers need no lock.
    code, out = run("stats", "--store", str(store))
    assert code == 0 and "Document" in out


def test_a_library_writer_reads_what_another_saved_while_it_waited(tmp_path: Path) -> None:
    """A store opened before another writer saved takes the lock at its first write and reads the file anew."""
    path = tmp_path / "graph.json"
    config = StoreConfig(path=path)
    early = open_store(config)  # a reader, no lock: sees an empty graph
    with open_store(config, write=True) as writer:
        build([SAMPLE / "000_f1f595410559a8ed.txt"], writer)
    build([SAMPLE / "001_97cc21c8cd831b4b.txt"], early)
    early.close()
    assert {Path(p).name for p in _documents(path)} == {"000_f1f595410559a8ed.txt", "001_97cc21c8cd831b4b.txt"}


# 8. No graph


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["query", "chain_gaps", "-p", "chain=智能物流装备"],
        ["export", "json", "OUT"],
        ["export", "rdf", "OUT"],
        ["validate"],
        ["remove", "000_f1f595410559a8ed.txt"],
        ["serve", "--port", "0"],
        ["push", "--neo4j-uri", "bolt://127.0.0.1:1"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_a_missing_store_is_no_graph_not_an_empty_one(tmp_path: Path, command: list[str]) -> None:
    store = tmp_path / "nothing" / "graph.json"
    args = [str(tmp_path / "out.file") if a == "OUT" else a for a in command]
    code, out = run(*args, "--store", str(store))
    assert code == 1
    assert out.strip().splitlines() == [f"Error: no graph at {store}: run `chainkg build` first"]
    assert not store.exists() and not (tmp_path / "out.file").exists() and not store.parent.exists()


# 9. Odd files in a folder, failures reported once


def test_skipped_files_are_reported_with_their_reason_and_failures_once(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes((SAMPLE / "000_f1f595410559a8ed.txt").read_bytes())
    (folder / "table.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "broken.docx").write_bytes(b"not a zip")
    (folder / ".DS_Store").write_bytes(b"\0")
    store = tmp_path / "graph.json"
    proc = subprocess.run(
        [*CHAINKG, "build", str(folder), "--store", str(store), "-j", "1"], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 1  # broken.docx failed
    assert "1 loaded, 0 unchanged, 1 failed, 2 not documents" in proc.stdout
    lines = proc.stderr.splitlines()
    assert f"warning: {folder / 'gone.txt'}: dangling link to {tmp_path / 'nowhere.txt'}, skipped" in lines
    assert any(
        line.startswith(f"warning: {folder / 'table.xlsx'}: unsupported file type .xlsx, skipped") for line in lines
    )
    assert [line for line in lines if "broken.docx" in line] == [
        line for line in lines if line.startswith(f"error: {folder / 'broken.docx'}: not a readable .docx")
    ]
    assert len([line for line in lines if "broken.docx" in line]) == 1
    assert not any(".DS_Store" in line for line in lines)
    report = build([folder], open_store(StoreConfig(path=tmp_path / "other.json")))
    assert [(Path(e.path).name, e.reason.split(",")[0]) for e in report.ignored] == [
        ("gone.txt", f"dangling link to {tmp_path / 'nowhere.txt'}"),
        ("table.xlsx", "unsupported file type .xlsx"),
    ]


def test_export_of_a_store_being_written_is_always_whole(tmp_path: Path) -> None:
    """Readers take no lock: the store file is replaced by a rename, so a read sees the old or the new file."""
    store = tmp_path / "graph.json"
    assert run("build", str(SAMPLE / "000_f1f595410559a8ed.txt"), "--store", str(store))[0] == 0
    proc = subprocess.Popen(
        [*CHAINKG, "build", str(SAMPLE), "--store", str(store), "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    reads = 0
    while proc.poll() is None:
        json.loads(store.read_bytes())  # never half a file
        reads += 1
        time.sleep(0.01)
    assert proc.returncode == 0 and reads > 0
    assert len(_documents(store)) == 5


# 4. Neo4j goes away during a build; 9. a bad database name, the first build's notifications


@pytest.mark.neo4j
def test_a_bad_database_name_is_one_line(neo4j_server: StoreConfig) -> None:
    assert neo4j_server.neo4j_uri
    code, out = run(
        "stats", "--neo4j-uri", neo4j_server.neo4j_uri, "--neo4j-password", neo4j_server.neo4j_password or "",
        "--neo4j-database", "nosuchdb",
    )  # fmt: skip
    assert code == 1
    assert out.strip().splitlines() == [
        f"Error: Neo4j at {neo4j_server.neo4j_uri} has no database 'nosuchdb' (check --neo4j-database or "
        "NEO4J_DATABASE; leave it unset for the server's default)"
    ]


def _document_count(config: StoreConfig) -> int:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(config.neo4j_uri or "", auth=(config.neo4j_user, config.neo4j_password or "")) as driver:
        records, _, _ = driver.execute_query("MATCH (d:Document) RETURN count(d) AS n")
        return int(records[0]["n"])


_PASSWORD = "chainkg-test-password"
_OWN_DOCUMENTS = 30


@dataclass
class _Building:
    """A build of generated documents into a Neo4j of its own (the test stops that server), a few documents in."""

    folder: Path
    home: Path
    uri: str
    env: dict[str, str]
    command: list[str]
    proc: subprocess.Popen[str]


@contextmanager
def _building_on_own_server(tmp_path: Path) -> Iterator[_Building]:
    from chainkg import local_neo4j

    folder = tmp_path / "generated"
    folder.mkdir()
    generate(settings.SAMPLE_CORPUS, folder, _OWN_DOCUMENTS)
    home = tmp_path / "neo4j"
    info = local_neo4j.start(home, port=0, password=_PASSWORD)
    try:
        config = StoreConfig(neo4j_uri=info.uri, neo4j_password=_PASSWORD)
        env = {**os.environ, "NEO4J_URI": info.uri, "NEO4J_PASSWORD": _PASSWORD}
        command = [*CHAINKG, "build", str(folder), "-j", "2"]
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if _document_count(config) >= 3:
                    break
            except Exception:  # the schema may not be there yet
                pass
            time.sleep(0.5)
        assert proc.poll() is None, proc.communicate()
        yield _Building(folder, home, info.uri, env, command, proc)
    finally:
        local_neo4j.stop(home, missing_ok=True)


@pytest.mark.neo4j
def test_ctrl_c_stops_a_build_waiting_for_neo4j_at_once(tmp_path: Path) -> None:
    """A build whose Neo4j went away retries each write for up to 30 s; Ctrl-C then stops it at once (a Neo4j
    write cut short leaves the database as of its last commit), with the one line an interrupt prints."""
    from chainkg import local_neo4j

    with _building_on_own_server(tmp_path) as run:
        workers = _children(run.proc.pid)
        local_neo4j.stop(run.home)
        time.sleep(2)  # the next write meets no server and waits to try again
        os.killpg(run.proc.pid, signal.SIGINT)
        sent = time.monotonic()
        _out, err = run.proc.communicate(timeout=60)
        took = time.monotonic() - sent
    print(f"the build stopped {took:.1f} s after Ctrl-C")
    assert took < 10, f"Ctrl-C waited {took:.0f} s for the write's retries"
    assert run.proc.returncode == 128 + signal.SIGINT
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("interrupted: "), err
    assert lines[0].endswith(" documents stored; rerun to continue")
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived the build"


@pytest.mark.neo4j
def test_a_build_stops_soon_when_neo4j_goes_away_and_a_rerun_completes_it(tmp_path: Path) -> None:
    from chainkg import local_neo4j
    from chainkg.graph.json_format import dump_json

    with _building_on_own_server(tmp_path) as run:
        local_neo4j.stop(run.home)
        stopped = time.monotonic()
        out, err = run.proc.communicate(timeout=120)
        took = time.monotonic() - stopped
        print(f"the build gave up {took:.1f} s after Neo4j was stopped")
        assert took < 40, f"the build gave up {took:.0f} s after Neo4j went away"
        assert run.proc.returncode == 1
        assert "Traceback" not in err and "Received notification" not in err and "neo4j." not in err, err
        lines = err.splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(f"Error: Neo4j at {run.uri} went away during a write and did not come back")
        assert "documents of this build stored: rerun the same command when the store is back" in lines[0]
        assert "(unchanged files are skipped)" in lines[0]

        info = local_neo4j.start(run.home, port=0, password=_PASSWORD)
        config = StoreConfig(neo4j_uri=info.uri, neo4j_password=_PASSWORD)
        env = {**run.env, "NEO4J_URI": info.uri}
        stored = _document_count(config)
        assert 3 <= stored < _OWN_DOCUMENTS
        rerun = subprocess.run(run.command, capture_output=True, text=True, env=env, timeout=900)
        assert rerun.returncode == 0, rerun.stderr
        assert f"{_OWN_DOCUMENTS - stored} loaded, {stored} unchanged" in rerun.stdout
        with open_store(config) as neo4j:
            resumed = dump_json(neo4j.read())
    with open_store(StoreConfig(path=tmp_path / "clean.json")) as clean:
        build([run.folder], clean, workers=2)
        assert resumed == dump_json(clean.read())
