"""Where each policy of a document starts and ends: the main instrument and its annexes.

A government file may carry several instruments: a 通知 that 印发 a plan, the
plan itself, and annexes (附件 1, 附件 2) that are plans of their own. Tables
attached with 附 1 / 附表 belong to the instrument before them. Both the
policy and target extractors read this one segmentation (computed once per
document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chainkg.loaders.extract import measures
from chainkg.loaders.extract.documents import DOC_NUMBER, POLICY_CUES, document_kind
from chainkg.loaders.text.document import ParsedDocument

_ANNEX = re.compile(r"^附件\s*(\d{0,2})\s*[:：]?\s*$")
_HEADER = re.compile(r"^[\u4e00-\u9fff]{2,30}(文件|简报|公报)$")
NOTICE = re.compile(r"^(?P<issuer>.+?)关于印发(?P<inner>.+)的(?:通知|函)$")
_PERIOD = re.compile(r"[（(]\s*(\d{4})\s*[—\-－–~至]+\s*(\d{4})\s*年?\s*[）)]")
_YEAR_PLAN = re.compile(r"(\d{4})\s*年(?:度)?(?:工作要点|工作计划|行动计划|实施方案)")
_SINGLE_YEAR = re.compile(r"[（(]\s*(\d{4})\s*年?\s*[）)]")
#: A year a title names anywhere (某县2024年产业链建设工作要点, 某市某产业链2024年工作方案): the year the plan is for,
#: unless it is a goal's (到2025年).
_TITLE_YEAR = re.compile(r"(?<![到至])(20\d{2})\s*年(?!底|末)")
_STATUS = re.compile(r"[（(](征求意见稿|送审稿|讨论稿|试行|草案|代拟稿)[）)]")
_TITLE_MARKS = re.compile(r"[《》]")
#: A field of a government site's header (索引号：…, 发文机关：…, 成文日期：…): a property of the file, never its title.
SITE_HEADER = re.compile(
    r"^(?:索引号|分类|发文机关|发布机构|发文单位|成文日期|发布日期|发布时间|主题分类|主题词|来源|浏览次数|文号|发文字号|"
    r"标题|有效性|时效性|信息来源|公开方式|组配分类|体裁分类|所属机构)\s*[:：]"
)
#: The issuing office a site header names (发文机关：某市人民政府办公室), up to the next field or the line end.
_HEADER_ISSUER = re.compile(r"(?:发文机关|发布机构|发文单位)\s*[:：]\s*([^\s|｜:：]{4,40})")
_NOT_WORD = re.compile(r"\W")
#: The line heading the tables attached to a plan (附 1, 附表2).
_ATTACHED_TABLE = re.compile(r"^附\s*(?:表)?\s*\d{0,2}\s*$", re.MULTILINE)
#: Instruments that set up a task force (工作专班方案, 领导小组工作规则): organisation, not measures.
_ORGANISATIONAL = re.compile(r"(?:专班|领导小组|工作机制|议事规则|工作规则)(?:工作)?(?:方案|规则|制度)$")
_TABLE_ANNEX = re.compile(r"^附\s*(?:表)?\s*\d{0,2}\s*$")


@dataclass
class PolicySection:
    """One instrument: its title, where its text lies, and its numbered items."""

    title: str
    start: int
    end: int
    notice_title: str | None = None
    issuer: str | None = None
    status: str | None = None
    items: list[measures.Item] | None = None
    #: The uid of the section's Policy node, once :func:`chainkg.loaders.extract.policies.extract` has made it
    #: (targets read it).
    uid: str | None = None

    @property
    def name(self) -> str:
        return _STATUS.sub("", self.title).strip()

    @property
    def period(self) -> str | None:
        match = _PERIOD.search(self.title)
        if match:
            return f"{match.group(1)}-{match.group(2)}"
        year = _YEAR_PLAN.search(self.title) or _SINGLE_YEAR.search(self.title) or _TITLE_YEAR.search(self.title)
        return year.group(1) if year else None

    @property
    def years(self) -> tuple[int, int] | None:
        period = self.period
        if not period:
            return None
        parts = [int(p) for p in period.split("-")]
        return parts[0], parts[-1]


def _is_title_line(line: str) -> bool:
    return (
        not _HEADER.match(line)
        and not SITE_HEADER.match(line)
        and not DOC_NUMBER.fullmatch(line)
        and not line.endswith(("：", ":"))
        and not line.endswith("。")
        and not measures.STYLES[0][1].match(line)
        and len(line) <= 80
    )


def _title_at(lines: list[tuple[int, str]], index: int) -> tuple[str, int]:
    """The title starting at ``lines[index]``: consecutive title-like lines, joined."""
    parts: list[str] = []
    i = index
    while i < len(lines) and _is_title_line(lines[i][1]) and len(parts) < 4:
        line = lines[i][1]
        if parts and not line.startswith(("（", "(")) and parts[-1].endswith(("）", ")", "通知")):
            break
        parts.append(line)
        i += 1
        if line.endswith(POLICY_CUES) and i < len(lines) and not lines[i][1].startswith(("（", "(")):
            break
    return "".join(parts), i


def sections(doc: ParsedDocument) -> list[PolicySection]:
    """The policies of a policy document (none for news), in text order."""
    out: list[PolicySection] = []
    if doc.source:
        lines = _indexed_lines(doc.text)  # read once: both the kind of document and its sections need them
        if _is_policy(doc, lines):
            out = _find_sections(doc, lines)
    return out


def _is_policy(doc: ParsedDocument, lines: list[tuple[int, str]]) -> bool:
    return document_kind(_first_title(lines), doc.text) == "policy"


def _first_title(lines: list[tuple[int, str]]) -> str:
    start = next((i for i, (_, line) in enumerate(lines[:40]) if _is_title_line(line) and len(line) >= 8), 0)
    return _title_at(lines, start)[0] if lines else ""


def _indexed_lines(text: str) -> list[tuple[int, str]]:
    out = []
    offset = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            out.append((offset + raw.index(line[0]), line))
        offset += len(raw) + 1
    return out


def _find_sections(doc: ParsedDocument, lines: list[tuple[int, str]]) -> list[PolicySection]:
    first = next((i for i, (_, line) in enumerate(lines[:40]) if _is_title_line(line) and len(line) >= 8), 0)
    title, after = _title_at(lines, first)
    main = PolicySection(title, lines[first][0], len(doc.text))
    notice = NOTICE.match(title)
    if notice:
        main.notice_title, main.issuer = title, notice.group("issuer")
        main.title = _TITLE_MARKS.sub("", notice.group("inner"))
        main.start = _body_start(lines, after, main.title)
    if main.issuer is None:
        header = _HEADER_ISSUER.search(doc.text, 0, main.start)
        main.issuer = header.group(1) if header else None
    if main.issuer is None:
        about = _ABOUT.match(main.title)
        main.issuer = about.group(1) if about else None
    main.issuer = _with_signatures(main.issuer, lines)
    status = _STATUS.search(title)
    main.status = status.group(1) if status else None
    found = [main]
    for index, (offset, line) in enumerate(lines):
        if offset <= main.start:
            continue
        if _ANNEX.match(line) and index + 1 < len(lines):
            annex_title, _ = _title_at(lines, index + 1)
            if annex_title.endswith(POLICY_CUES) or _YEAR_PLAN.search(annex_title):
                found[-1].end = offset
                # an annex is issued with the notice that carries it
                found.append(PolicySection(annex_title, lines[index + 1][0], len(doc.text), issuer=main.issuer))
    for section in found:
        if _ORGANISATIONAL.search(section.name):
            section.items = []  # its numbered parts are working groups and mechanisms (read by task_forces)
            continue
        section.items = measures.parse(doc.text, section.start, _table_start(doc.text, section))
    return found


#: A title that opens with its issuer: 某市人民政府关于推进…的实施意见 (the issuer's office word before 关于).
_ABOUT = re.compile(r"^(\S{2,40}?(?:人民政府|办公室|办公厅|委员会|[厅局委]))关于")
#: The date under a signature: 2024年4月8日, 2024年3月, 2024-04-22.
_SIGNED_ON = re.compile(r"^(?:20\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|20\d{2}[-./]\d{1,2}[-./]\d{1,2})$")
#: A signature line: office names only (no sentence mark), ending as an office's name does.
_SIGNATURE = re.compile(
    r"^[^，。；：:,;（）()《》“”]{4,80}(?:人民政府|办公室|办公厅|委员会|专班|领导小组|管委会|[厅局委办])$"
)


def _with_signatures(issuer: str | None, lines: list[tuple[int, str]]) -> str | None:
    """The issuers a file's header names and those that sign it: the office lines right above a date line
    (several offices on one line or on lines of their own sign jointly). Both count: a notice's header and its
    signature name the same office, which the graph holds once."""
    signed: list[str] = []
    for index, (_, line) in enumerate(lines):
        if index == 0 or not _SIGNED_ON.match(line):
            continue
        above = index - 1
        while above > 0 and index - above <= 3 and _SIGNATURE.match(lines[above][1]):
            above -= 1
        signed += [line for _, line in lines[above + 1 : index] if line not in signed]
    names = [issuer] if issuer else []
    names += [name for name in signed if not issuer or name not in issuer]
    return " ".join(names) or None


def _body_start(lines: list[tuple[int, str]], after: int, inner: str) -> int:
    """Where a 印发 notice's plan begins: its own title line repeated, else just after the notice."""
    key = _NOT_WORD.sub("", inner)[:12]
    for offset, line in lines[after:]:
        # the plan's own title line, not the notice's sentence quoting it (《…》已经市政府同意)
        if not line.startswith("《") and _NOT_WORD.sub("", line).startswith(key):
            return offset
    return lines[after][0] if after < len(lines) else 0


def _table_start(text: str, section: PolicySection) -> int:
    """Numbered items stop where the attached tables (附 1, 附表) begin."""
    for match in _ATTACHED_TABLE.finditer(text[section.start : section.end]):
        return section.start + match.start()
    return section.end
