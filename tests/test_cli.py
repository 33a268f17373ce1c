"""The command line end to end on real files: build, stats, export, remove, and bad input."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from chainkg.cli import main
from chainkg.graph.store import StoreConfig
from tests.conftest import SAMPLE


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_build_sample_corpus_and_export_is_deterministic(tmp_path: Path) -> None:
    store = str(tmp_path / "g.json")
    code, out = run("build", "--store", store, "-j", "1")
    assert code == 0, out
    assert "5 loaded" in out
    assert run("export", "json", str(tmp_path / "a.json"), "--store", store)[0] == 0
    code, out = run("build", "--store", store, "--force", "-j", "2")
    assert code == 0 and "5 loaded" in out
    assert run("export", "json", str(tmp_path / "b.json"), "--store", store)[0] == 0
    first, second = (tmp_path / "a.json").read_bytes(), (tmp_path / "b.json").read_bytes()
    assert first == second
    assert (tmp_path / "g.json").read_bytes() == first
    data = json.loads(first)
    docs = sorted(n["name"] for n in data["nodes"] if n["label"] == "Document")
    assert docs == sorted(p.name for p in SAMPLE.glob("*.txt"))
    for edge in data["edges"]:
        assert edge["source"] and edge["evidence"], edge


def test_second_build_skips_unchanged_files(tmp_path: Path) -> None:
    store = str(tmp_path / "g.json")
    run("build", "--store", store, str(SAMPLE))
    code, out = run("build", "--store", store, str(SAMPLE))
    assert code == 0 and "0 loaded, 5 unchanged" in out


def test_stats_json(tmp_path: Path) -> None:
    store = str(tmp_path / "g.json")
    run("build", "--store", store)
    code, out = run("stats", "--store", store, "--json")
    assert code == 0 and json.loads(out)["Document"] == 5


def test_missing_path_is_one_clear_error(tmp_path: Path) -> None:
    code, out = run("build", "--store", str(tmp_path / "g.json"), str(tmp_path / "nope"))
    assert code == 1
    assert "nope: no such file or folder" in out
    assert not (tmp_path / "g.json").exists()


def test_folder_without_documents(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out = run("build", "--store", str(tmp_path / "g.json"), str(tmp_path / "empty"))
    assert code == 1 and "folder has no documents" in out


def test_bad_files_fail_alone_and_keep_what_is_stored(tmp_path: Path) -> None:
    store = tmp_path / "g.json"
    assert run("build", "--store", str(store), str(SAMPLE / "000_f1f595410559a8ed.txt"))[0] == 0
    before = store.read_bytes()
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (batch / "empty.txt").write_text("")
    (batch / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (batch / "good.txt").write_text("杭州市数字经济产业链行动方案\n一、总体要求\n", encoding="gb18030")
    code, out = run("build", "--store", str(store), str(batch))
    assert code == 1
    assert "1 loaded" in out and "3 failed" in out
    assert "binary.txt: binary file" in out
    assert "empty.txt: empty document" in out
    assert "broken.docx: not a readable .docx" in out
    graph = json.loads(store.read_text(encoding="utf-8"))
    names = {n["name"] for n in graph["nodes"] if n["label"] == "Document"}
    assert names == {"000_f1f595410559a8ed.txt", "good.txt"}
    assert len(store.read_bytes()) > len(before)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_refused_neo4j_uri(tmp_path: Path) -> None:
    code, out = run("stats", "--neo4j-uri", f"bolt://127.0.0.1:{_closed_port()}")
    assert code == 1 and "cannot connect to Neo4j at bolt://127.0.0.1:" in out


def test_bad_neo4j_uri_scheme() -> None:
    code, out = run("stats", "--neo4j-uri", "http://example.invalid:7474")
    assert code == 1 and "Neo4j URI" in out


@pytest.mark.neo4j
def test_wrong_neo4j_password(neo4j_server: StoreConfig) -> None:
    code, out = run("stats", "--neo4j-uri", neo4j_server.neo4j_uri or "", "--neo4j-password", "wrong-password")
    assert code == 1 and "refused user 'neo4j': wrong user or password" in out


@pytest.mark.neo4j
def test_build_into_neo4j_twice_changes_nothing(neo4j_store, neo4j_server: StoreConfig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    uri, pw = neo4j_server.neo4j_uri or "", neo4j_server.neo4j_password or ""
    code, out = run("build", "--neo4j-uri", uri, "--neo4j-password", pw, "-j", "1")
    assert code == 0, out
    first = neo4j_store.counts()
    assert first["Document"] == 5
    assert run("build", "--neo4j-uri", uri, "--neo4j-password", pw, "--force")[0] == 0
    assert neo4j_store.counts() == first
    assert run("export", "json", str(tmp_path / "neo.json"), "--neo4j-uri", uri, "--neo4j-password", pw)[0] == 0
    assert run("build", "--store", str(tmp_path / "emb.json"))[0] == 0
    assert (tmp_path / "neo.json").read_bytes() == (tmp_path / "emb.json").read_bytes()
