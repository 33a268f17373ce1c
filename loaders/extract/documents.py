"""The Document node: what a loaded file is (title, kind, date, 文号).

Read from the head of the text, because Chinese official files put the issuing
header, the 文号 and the title first, and news puts its headline there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from chainkg.graph.model import Node, make_uid, node_uid
from chainkg.loaders.reading.readers import SourceDocument
from chainkg.loaders.reading.text_clean import POLICY_CUES

#: The longest issuer part of a 文号 (湖政办发 in 湖政办发〔2023〕22号), in characters.
_ISSUER_MAX = 12
DOC_NUMBER = re.compile(rf"[\u4e00-\u9fff]{{1,{_ISSUER_MAX}}}〔\d{{4}}〕\d+号")
_HEADER = re.compile(r"^[\u4e00-\u9fff]{2,30}(文件|简报|公报)$")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
#: A web page's date line (2024-05-20, 发布时间:2024-05-20 08:30): the date a news report speaks on.
_ISO_DATE = re.compile(r"(?<![\d/])(20\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
#: A title spaced out by its layout (湖 州 市): the spaces go.
_SPACED_HAN = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")
_SPACE = re.compile(r"\s+")


#: A line of a government page's index block (索引号：…, 发文机关：…, 成文日期：…), and the one that gives the title.
#: (Its keys end in a word for a number, body, date, class or source; a headline opening with a place and a colon,
#: 天津：…, is no field.)
_FIELD = re.compile(
    r"^(?P<key>标题|题名|[\u4e00-\u9fff]{0,5}(?:号|机构|机关|单位|日期|时间|分类|来源|方式|类别))\s*[:：]\s*(?P<value>.*)$"
)
_TITLE_KEYS = ("标题", "题名")
#: The issuers of a joint document on a line of their own (吉林省工业和信息化厅　吉林省发展和改革委员会).
_ISSUERS = re.compile(r"(?:[\u4e00-\u9fff]{2,24}?(?:厅|局|委员会|办公室|人民政府)[\s\u3000]*){1,6}")


def _title(lines: list[str]) -> str:
    """The first line that reads as a title: not an issuing header, 文号, short caption or a field of the page's
    index block (whose 标题：… field gives the title itself)."""
    for line in lines[:40]:
        field = _FIELD.match(line)
        if field and field.group("key") in _TITLE_KEYS and len(field.group("value")) >= 8:
            return field.group("value").strip()
        if _HEADER.match(line) or DOC_NUMBER.fullmatch(line) or len(line) < 8 or field or _ISSUERS.fullmatch(line):
            continue
        return _SPACE.sub("", line) if _SPACED_HAN.search(line) else line
    return lines[0] if lines else ""


def find_doc_number(text: str) -> re.Match[str] | None:
    """The first 文号 in ``text``: ``DOC_NUMBER.search``, begun just before the first 〔.

    A pattern that opens with a repeated class is tried at every character of its class, and a 文号's
    issuer part is at most :data:`_ISSUER_MAX` characters: no match starts earlier, and most news holds no 〔.
    """
    bracket = text.find("〔")
    return DOC_NUMBER.search(text, max(0, bracket - _ISSUER_MAX)) if bracket >= 0 else None


#: A headline reporting that someone issued an instrument (江西发布…行动计划, 某市推出…三年行动计划, 某地出台…措施):
#: a short subject, then the issuing verb; an instrument's own title says 关于印发… instead.
_REPORTED_ISSUE = re.compile(r"^[^关《》“”]{1,12}?(?:出台|印发|发布|推出)(?!的)")


def document_kind(title: str, text: str) -> str:
    """``policy`` for an instrument (by its title or a 文号 in its head), else ``news``: a headline that
    reports an instrument's issue ends as the instrument's title does, but is news about it."""
    head = text[:600]
    if find_doc_number(head):
        return "policy"
    if _REPORTED_ISSUE.match(title) and "关于" not in title:
        return "news"
    if title.rstrip("）)").rstrip("0123456789—-－年（(").endswith(POLICY_CUES):
        return "policy"
    if any(cue in title for cue in ("征求意见稿",)):
        return "policy"
    return "news"


def display_path(path: Path) -> str:
    """The path as stored: relative to the working directory when under it, so clones agree."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return os.fspath(resolved)


def document_node(doc: SourceDocument, scope: str | None = None) -> Node:
    """The Document node of ``doc``: uid from its bytes, so a renamed copy is the same document.

    ``scope`` is the district the document speaks for (:func:`chainkg.loaders.text.divisions.document_scope`),
    kept as ``scope`` (a sorted list of District uids): a news item that states no policy takes its region from it.
    """
    lines = [line.strip() for line in doc.text[:4000].splitlines() if line.strip()]  # the title is in the head
    title = _title(lines)
    number = find_doc_number(doc.text[:2000])
    date = _DATE.search(doc.text[-400:]) or _DATE.search(doc.text[:400]) or _ISO_DATE.search(doc.text[:300])
    props: dict[str, Any] = {
        "title": title,
        "path": display_path(doc.path),
        "kind": document_kind(title, doc.text),
        "sha256": doc.sha256,
        "format": doc.format,
        "text": doc.text,
    }
    if number:
        props["docNumber"] = number.group(0)
    if scope:
        props["scope"] = [node_uid("District", scope)]
    if date:
        props["date"] = f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
    return Node(make_uid("Document", doc.sha256), "Document", doc.name, {}, props)
