"""Readers on real files: formats, encodings and bad input that fails alone with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.graph.embedded_store import EmbeddedStore
from chainkg.graph.errors import DocumentError
from chainkg.loaders.pipeline import build
from chainkg.loaders.reading.readers import MAX_BYTES, read_document

TEXT = "湖州市传统产业转型升级三年行动方案\n一、总体要求\n（一）指导思想。坚持绿色发展。（责任单位：市经信局）\n"


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in TEXT.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(
        table.rows, [("指标名称", "目标值", "责任单位"), ("亩均税收（万元/亩）", "37", "市经信局")], strict=True
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.save(path)
    return path


def test_gb18030_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_document(path).text.startswith("湖州市传统产业")


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    text = read_document(_docx(tmp_path / "plan.docx")).text
    assert "（一）指导思想" in text
    assert "亩均税收（万元/亩）\t37\t市经信局" in text


def test_truncated_docx_and_pdf_fail_with_reason(tmp_path: Path) -> None:
    whole = _docx(tmp_path / "whole.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DocumentError, match="cut.docx.*docx"):
        read_document(tmp_path / "cut.docx")
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    with pytest.raises(DocumentError, match="cut.pdf"):
        read_document(tmp_path / "cut.pdf")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02" * 100, "binary"),
        ("spaces.md", b"   \n\n", "empty"),
    ],
)
def test_bad_text_files_name_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=rf"{name}.*{reason}"):
        read_document(path)


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError, match="huge.txt.*MiB"):
        read_document(path)


def test_bad_files_fail_alone_and_the_batch_loads(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.docx").write_bytes(b"PK\x03\x04 truncated")
    store = EmbeddedStore(tmp_path / "graph.json")
    report = build([tmp_path], store)
    assert [Path(p).name for p in report.loaded] == ["good.txt"]
    assert sorted(Path(e.path).name for e in report.errors) == ["cut.docx", "empty.txt"]
    assert any(n.label == "Measure" for n in store.read().nodes.values())
