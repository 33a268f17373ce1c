"""Scope and policies on real-text shapes (round 7): a policy sent out under its 文号 alone takes its area from the
government's 简称 in the number when its body speaks of that kind of area (全区 of a region, 全省 of a province).
Every text is invented, in the phrasings of two provinces or more each."""

from __future__ import annotations

from pathlib import Path

from chainkg.graph.model import Graph
from chainkg.loaders.pipeline import extract_path, prepare
from chainkg.loaders.reading.readers import read_document


def _write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _scope(tmp_path: Path, text: str) -> str | None:
    return prepare(read_document(_write(tmp_path, text))).scope


def _graph(tmp_path: Path, text: str) -> Graph:
    return extract_path(_write(tmp_path, text))


_REGION_NOTICE = (
    "桂政办发〔2031〕7号\n"
    "各市人民政府，自治区人民政府各组成部门：\n"
    "为加快培育新兴产业，制定本意见。\n"
    "一、总体目标\n"
    "到2035年，全区新材料产业营业收入达到900亿元。\n"
)
_PROVINCE_NOTICE = (
    "豫政〔2031〕12号\n"
    "各省辖市人民政府，省人民政府各部门：\n"
    "现将有关事项通知如下。\n"
    "一、发展目标\n"
    "到2035年，全省装备制造产业规模达到5000亿元。\n"
)


def test_a_number_alone_gives_its_government_area_when_the_body_agrees(tmp_path: Path) -> None:
    assert _scope(tmp_path, _REGION_NOTICE) == "广西壮族自治区"
    assert _scope(tmp_path, _PROVINCE_NOTICE) == "河南省"


def test_the_body_decides_which_area_a_shared_abbreviation_means(tmp_path: Path) -> None:
    # 宁 is 宁夏 to a text that says 全区; a city government's text that says 全市 is no region's
    city_text = "宁政发〔2031〕3号\n各区人民政府，市府各委办局：\n到2035年，全市软件产业收入达到3000亿元。\n"
    assert _scope(tmp_path, city_text) is None
    # a department's number (吉工信…) or a district's (渝北府…) is no government's 简称
    department = "吉工信〔2031〕5号\n各市（州）工业和信息化局：\n到2035年，全省化工产业产值达到800亿元。\n"
    assert _scope(tmp_path, department) is None


def test_the_region_word_names_the_region_a_text_speaks_for(tmp_path: Path) -> None:
    graph = _graph(tmp_path, _REGION_NOTICE)
    region = next(n for n in graph.nodes.values() if n.label == "District" and n.name == "广西壮族自治区")
    assert "全区" in region.aliases
