"""Large documents: read in sections with the facts of an ordinary reading, and shown a page at a time.

A document longer than ``SECTION_CHARS`` is extracted section by section (:func:`chainkg.loaders.pipeline.extract`);
the viewer's document page and its API twin show ``PAGE_CHARS`` of its text at a time, on both stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from chainkg import queries
from chainkg.graph.model import Graph
from chainkg.graph.store import GraphStore, StoreConfig, open_store
from chainkg.loaders.extract.builder import DocumentGraph
from chainkg.loaders.extract.documents import document_node
from chainkg.loaders.pipeline import build, extract
from chainkg.loaders.reading.readers import read_document
from chainkg.loaders.text.document import SECTION_CHARS, sections
from chainkg.webapp import create_app
from chainkg.webapp.nodes import LINE_SLACK, PAGE_CHARS
from tests.browser_server import Served
from tests.conftest import SAMPLE

#: A sample whose facts do not depend on what stands around it: its copies, read in sections, state what it does.
SELF_CONTAINED = SAMPLE / "000_f1f595410559a8ed.txt"
#: A sample with numbered measures and targets that read on across copies (the copies state more, never less).
POLICY = SAMPLE / "004_bf8a38d02e4bdcc0.txt"
#: A sentence stated once, deep in the large document: the evidence a link must find the page of.
MARKER = "湖州市设立大文档翻页测试专项资金一亿元。"


def _copies(path: Path, sections_wanted: int) -> tuple[DocumentGraph, DocumentGraph, int]:
    """The graph of the sample and of its copies joined by blank lines, long enough for ``sections_wanted``."""
    one = read_document(path)
    copies = (2 * sections_wanted - 1) * SECTION_CHARS // 2 // len(one.text) + 1  # the last section half full
    large = replace(one, text="\n\n".join([one.text] * copies), sha256="f" * 64)
    assert len(list(sections(large.text))) == sections_wanted
    return extract(one), extract(large), copies


def _facts(graph: DocumentGraph) -> dict[tuple[str, str, str], tuple[str, dict[str, Any]]]:
    """Every edge, its Document end written ``DOC``, with its evidence and properties."""
    doc = graph.document.uid
    return {
        (e.type, e.start, "DOC" if e.end == doc else e.end): (e.evidence[doc], e.props) for e in graph.edges.values()
    }


def test_sections_are_paragraphs_joined_back_to_the_text() -> None:
    text = "".join(f"第{i}段。" + "字" * (i % 37) + ("\n\n" if i % 3 else "\n") for i in range(20000))
    pieces = list(sections(text, 10_000))
    assert "".join(pieces) == text
    assert all(len(p) <= 10_000 for p in pieces) and len(pieces) > 10
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    assert list(sections("短文。\n", 10_000)) == ["短文。\n"]
    one_line = "字" * 25_000
    assert list(sections(one_line, 10_000)) == [one_line[:10_000], one_line[10_000:20_000], one_line[20_000:]]


def test_copies_of_a_self_contained_text_read_in_sections_state_its_facts() -> None:
    one, large, copies = _copies(SELF_CONTAINED, 2)
    facts, large_facts = _facts(one), _facts(large)
    assert set(large_facts) == set(facts)
    for key, (evidence, props) in facts.items():
        assert large_facts[key][0] == evidence, key  # the first statement's sentence, as in the one copy
        if key[0] != "MENTIONED_IN":
            assert large_facts[key][1] == props, key
    # the mentions of every section count, not those of the first alone (which holds two thirds of the copies)
    head = _facts(extract(replace(read_document(SELF_CONTAINED), text=next(sections(large.document.props["text"])))))
    mentions = [key for key in facts if key[0] == "MENTIONED_IN"]
    assert all(large_facts[key][1]["count"] >= head[key][1]["count"] for key in mentions)
    assert sum(large_facts[key][1]["count"] for key in mentions) > 1.3 * sum(head[key][1]["count"] for key in mentions)
    assert set(large.nodes) - {large.document.uid} == set(one.nodes) - {one.document.uid}
    assert large.document.props["text"].count(one.document.props["text"]) == copies  # the whole text is kept


def test_copies_of_a_policy_read_in_sections_state_at_least_its_facts() -> None:
    one, large, _ = _copies(POLICY, 2)
    facts, large_facts = _facts(one), _facts(large)
    assert set(facts) <= set(large_facts)
    assert all(large_facts[key][0] == evidence for key, (evidence, _) in facts.items())
    assert large.document.props["title"] == one.document.props["title"]


def _large_text() -> str:
    """About 1.3 MB of UTF-8, few names (a quick build): numbered paragraphs, every 50th naming a city and a chain,
    the marker in page 5."""
    paragraphs = [
        f"（{i}）湖州市加快建设智能物流装备产业链，第{i}项工作按计划推进。"
        if i % 50 == 0
        else f"（{i}）第{i}项工作按计划推进，各项指标进展顺利，质量效益稳步提升，年度任务完成{i % 90 + 10}%。"
        for i in range(9000)
    ]
    paragraphs.insert(4000, MARKER)
    return "湖州市智能物流装备产业链发展报告汇编\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The large document built once into an embedded store file: the test of a multi-MB build."""
    folder = tmp_path_factory.mktemp("large")
    path = folder / "汇编.txt"
    path.write_text(_large_text(), encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    store = open_store(StoreConfig(path=folder / "graph.json"))
    try:
        report = build([path], store)
        assert report.loaded == [str(path)] and not report.errors
    finally:
        store.close()
    yield folder / "graph.json"


@pytest.fixture
def large_store(any_store: GraphStore, large_file: Path) -> GraphStore:
    """Either store holding the large document (as the embedded build stored it)."""
    stored = open_store(StoreConfig(path=large_file))
    try:
        graph: Graph = stored.read()
        any_store.write_document(graph)
    finally:
        stored.close()
    any_store.flush()
    return any_store


def _document_uid(store: GraphStore) -> str:
    return str(queries.run(store, "documents", {})[0]["uid"])


def _client(store: GraphStore) -> Any:
    path = getattr(store, "path", None)
    config = StoreConfig(path=path) if path is not None else store.config  # type: ignore[attr-defined]
    return create_app(config, {"TESTING": True}).test_client()


def _page_number(html: str) -> tuple[int, int]:
    found = re.search(r"第 (\d+) / (\d+) 页", html)
    assert found, "no page number"
    return int(found.group(1)), int(found.group(2))


def test_the_document_page_is_a_bounded_page_of_text(large_store: GraphStore) -> None:
    uid = _document_uid(large_store)
    client = _client(large_store)
    length = len(_large_text())
    first = client.get(f"/documents/{uid}")
    html = first.get_data(as_text=True)
    assert first.status_code == 200 and len(first.data) < 600_000  # the whole text is some 1.2 MB
    assert _page_number(html) == (1, -(-length // PAGE_CHARS))
    assert "下一页" in html and "上一页" not in html and MARKER not in html
    assert "湖州市智能物流装备产业链发展报告汇编" in html
    second = client.get(f"/documents/{uid}?page=2").get_data(as_text=True)
    assert _page_number(second)[0] == 2 and "上一页" in second and "下一页" in second
    api = client.get(f"/api/documents/{uid}").get_json()
    assert api["page"] == 1 and api["pages"] == _page_number(html)[1] and api["document"]["length"] == length
    assert PAGE_CHARS <= len(api["document"]["text"]) <= PAGE_CHARS + LINE_SLACK
    assert api["document"]["text"].endswith("\n")  # a page ends at a line break
    page2 = client.get(f"/api/documents/{uid}?page=2").get_json()["document"]
    assert api["document"]["text"] + page2["text"] == _large_text()[: len(api["document"]["text"] + page2["text"])]
    found = client.get(f"/api/documents/{uid}", query_string={"find": MARKER}).get_json()
    at = _large_text().index(MARKER)
    assert found["page_start"] <= at < found["page_start"] + len(found["document"]["text"])
    assert found["page"] == at // PAGE_CHARS + 1 > 1
    marked = client.get(f"/documents/{uid}", query_string={"find": MARKER}).get_data(as_text=True)
    assert _page_number(marked)[0] == found["page"]
    anchor, sentence = (
        marked.index('<span id="evidence"></span>'),
        marked.index("设立大文档翻页测试专项资金", marked.index('id="source-text"')),
    )
    assert 0 < sentence - anchor < 300  # the anchor stands just before the sentence (湖州市 is marked as a place)


def test_document_query_pages_alike_on_both_stores(embedded_store: GraphStore, neo4j_store: GraphStore) -> None:
    text = "标题行\n" + "".join(f"第{i}行：湖州市。\n" for i in range(300))
    for store in (embedded_store, neo4j_store):
        store.write_document(DocumentGraph(document_node(replace(read_document(SELF_CONTAINED), text=text))))
        store.flush()
    uid = _document_uid(embedded_store)
    cases: list[dict[str, Any]] = [
        {"uid": uid},
        {"uid": uid, "start": 100, "size": 50},
        {"uid": uid, "start": len(text) - 5, "size": 50},
        {"uid": uid, "start": len(text) + 5, "size": 50},
        {"uid": uid, "size": 10, "find": "第42行"},
        {"uid": uid, "find": "没有这句"},
        {"uid": "document-none", "find": "第1行"},
    ]
    for params in cases:
        assert queries.run(embedded_store, "document", params) == queries.run(neo4j_store, "document", params), params
    row = queries.run(embedded_store, "document", cases[4])[0]
    assert row["found"] == text.index("第42行") and row["length"] == len(text) and row["text"] == text[:10]


@pytest.mark.browser
def test_paging_forward_in_the_browser(browser: Any, large_file: Path) -> None:
    served = Served(StoreConfig(path=large_file))
    try:
        page = served.page(browser)
        graph = open_store(StoreConfig(path=large_file))
        uid = next(n.uid for n in graph.read().by_label("Document"))
        graph.close()
        page.goto(f"{served.url}/documents/{uid}")
        assert page.locator(".page-number").first.inner_text().startswith("第 1 /")
        first_text = page.locator("#source-text").inner_text()
        page.locator("nav.pager a[rel=next]").first.click()
        page.wait_for_url(re.compile(r"page=2"))
        assert page.locator(".page-number").first.inner_text().startswith("第 2 /")
        second_text = page.locator("#source-text").inner_text()
        assert second_text and second_text != first_text and "湖州市" in second_text
        page.locator("nav.pager a[rel=prev]").first.click()
        page.wait_for_url(re.compile(r"page=1"))
        assert page.locator("#source-text").inner_text() == first_text
    finally:
        served.close()
    assert served.problems == []
