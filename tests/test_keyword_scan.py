"""Scanning only near keywords finds what the regex engine's own scan finds (loaders/keyword_scan.py)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from chainkg.loaders.extract import districts, enterprises, policies, projects, task_forces
from chainkg.loaders.reading.readers import read_document
from chainkg.loaders.text import divisions
from chainkg.loaders.text.document import ParsedDocument
from chainkg.loaders.text.keyword_scan import matches_near

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"

#: The whole-text scans the extractors run near their keywords: (pattern, keywords, reach[, stops]).
SCANS = {
    "task forces founded": (task_forces._FOUNDED, task_forces._FOUNDING, 0),
    "legal suffixes": (enterprises._LEGAL, enterprises._LEGAL_OPENINGS, 0),
    "scope words": (divisions._SCOPE_WORD, divisions._SCOPE_OPENINGS, 0),
    "plans named without marks": (policies._UNMARKED, policies._PLAN_VERBS, 0),
    "project words": (projects._PROJECT, projects._PROJECT_WORDS, 0),
    "functional zones": (divisions._ZONE, ("新区", "合作区"), 8),
    "zone boards": (divisions._ZONE_BOARD, ("区管委会",), 4),
    "focus areas": (policies._FOCUS_CLAUSE, policies._FOCUS_WORDS, 41, policies._CLAUSE_STOPS),
    "trips and partners": (districts._TRIP, districts._TRIP_LEADS, 0),
    "acquiring and investing": (enterprises._VERB_SUBJECT, enterprises._VERB_WORDS, enterprises._VERB_REACH),
}

#: Another place's text, with matches that touch, overlap in their opening words and nest.
OTHER_TEXT = (
    "全市域推进，全市全区联动。我市成立成立了数字经济工作专班，组建组建领导小组。"
    "宁德时代新能源科技股份有限公司与某某集团有限公司签约，子公司落地项目样板工厂项目。"
    "制定制定实施新一轮制造业高质量发展行动计划，出台数字化改造提升计划。"
    "支持临港新区、长三角合作区和滨江区管委会，以东部片区、西部片区等重点区域为主。"
    "产业平台重点区域：东部；沿线重点地区重点区域并进，一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二重点地区。"
    "代表团赴深圳、广州等地考察，与上海、苏州等城市的合作，接轨上海。某某科技先后收购两家企业，已投资3亿元。"
)


def _texts() -> list[str]:
    return [ParsedDocument(read_document(path)).text for path in sorted(CORPUS.glob("*.txt"))] + [OTHER_TEXT]


@pytest.mark.parametrize("scan", sorted(SCANS))
def test_scanning_near_keywords_finds_what_the_engine_finds(scan: str) -> None:
    pattern, keywords, reach, *stops = SCANS[scan]
    found_any = False
    for text in _texts():
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in matches_near(pattern, text, keywords, reach, *stops)] == expected
        found_any = found_any or bool(expected)
    assert found_any, f"no text exercises {scan}"


def test_a_later_match_starts_after_the_last_one_ends() -> None:
    # 全市域 is one match: the 全市 inside it is not found again, as in the engine's scan
    pattern = re.compile("全市域|全市|市域")
    spans = [m.span() for m in matches_near(pattern, "全市域全市", ("全", "市"))]
    assert spans == [(0, 3), (3, 5)]


#: A count closing a list of industries, as a regex (the specification :func:`chainkg.loaders.industries._counts` is
#: written to: (等|共)?{number}(条|个|大), or a bare 等).
_COUNT = re.compile(
    "[等共0-9一二三四五六七八九十两](?:(?<=[等共])[0-9一二三四五六七八九十两]+[条个大]|(?<=等)|"
    "(?<![等共])[0-9一二三四五六七八九十两]*[条个大])"
)


def test_counts_found_from_their_closing_words_are_the_regex_scans() -> None:
    from chainkg.loaders.extract.industries import _counts

    rng = random.Random(7)
    dense = ["".join(rng.choice("等共0一十两条个大产业，") for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    texts = [*_texts(), "八大产业链、4个集群、等3个领域、共十大行业、等等2条、共大、3等"] + dense
    found = 0
    for text in texts:
        expected = [m.span() for m in _COUNT.finditer(text)]
        assert _counts(text) == expected, text
        found += len(expected)
    assert found > 1000
