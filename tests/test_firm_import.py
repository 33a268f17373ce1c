"""Importing a team's own firm list (`chainkg import firms`): reading, bad rows, and the store contract.

The reading tests are fast and store-free; the import tests run on both stores (``any_store``): the
same file again changes nothing, a changed row replaces its old value, a firm the documents name is
merged by its legal name and keeps the documents' facts when the list is removed.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from chainkg.cli import main
from chainkg.graph.errors import DocumentError
from chainkg.graph.model import Node
from chainkg.graph.store import GraphStore
from chainkg.loaders.firm_import import import_firms
from chainkg.loaders.firm_table import (
    column_map,
    credit_code_error,
    parse_capital,
    parse_column_option,
    parse_date,
    with_check_digit,
)
from chainkg.loaders.pipeline import build
from chainkg.loaders.reading.tables import read_table

HEADER = ["企业名称", "统一社会信用代码", "法定代表人", "注册资本", "成立日期", "所属省份", "所属城市", "所属区县"]
HEADER += ["国标行业", "经营范围", "企业类型", "专精特新", "上市状态"]
CODE_A = with_check_digit("91330502MA2B0001A")
CODE_B = with_check_digit("91330482MA2B0002B")


def _row(name: str, code: str = "", capital: str = "1000万元人民币", founded: str = "2015-03-12", **kw: str) -> list:
    place = kw.get("place", "浙江省/湖州市/吴兴区").split("/")
    scope = kw.get("scope", "智能物流装备的研发、制造")
    return [name, code, "张三", capital, founded, *place, "专用设备制造业", scope, "有限责任公司"] + [
        kw.get("srdi", "否"),
        kw.get("listed", ""),
    ]


def _write_csv(path: Path, rows: list[list], encoding: str = "utf-8-sig", header: list[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _firm(store: GraphStore, name: str) -> Node:
    found = [n for n in store.read().by_label("Enterprise") if n.name == name]
    assert len(found) == 1, [n.name for n in store.read().by_label("Enterprise")]
    return found[0]


# --- reading -------------------------------------------------------------------------------------------


def test_credit_code_check_digit() -> None:
    assert credit_code_error("91350100M000100Y43") is None  # a published code
    assert credit_code_error(CODE_A) is None
    assert "校验位错误" in (credit_code_error("91350100M000100Y44") or "")
    assert "格式不对" in (credit_code_error("91350100M000100Y4") or "")
    assert "格式不对" in (credit_code_error("91350100M000100I43") or "")  # I is not in the code's alphabet


def test_capital_and_date_parsing() -> None:
    assert parse_capital("1000万元人民币") == (1000.0, "人民币")
    assert parse_capital("1.2亿元") == (12000.0, "人民币")
    assert parse_capital("500万美元") == (500.0, "美元")
    assert parse_capital("5,000.5") == (5000.5, "人民币")
    assert parse_capital("一千万元") == (1000.0, "人民币")
    assert parse_date("2015/3/12") == "2015-03-12"
    assert parse_date("2015年3月12日") == "2015-03-12"
    assert parse_date("20150312") == "2015-03-12"
    assert parse_date(datetime.date(2015, 3, 12)) == "2015-03-12"
    assert parse_date("2015-02-30") is None
    assert parse_date("去年") is None


def test_gbk_csv_with_title_line_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        handle.write("湖州市规上企业名单（导出）\n")
        csv.writer(handle).writerows(
            [["公司名称", "信用代码", "注册资本（万元）", "区县"], ["湖州甲乙科技有限公司", CODE_A, "300", "吴兴区"]]
        )
    table = read_table(path)
    assert table.header[0] == "公司名称" and table.rows[0].line == 3
    columns = column_map(table.header, path)
    assert columns.headers == {
        "name": "公司名称",
        "credit_code": "信用代码",
        "registered_capital": "注册资本（万元）",
        "county": "区县",
    }


def test_column_option_maps_other_headers(tmp_path: Path) -> None:
    assert parse_column_option("企业名称=Name,经营范围=Scope") == {"name": "Name", "business_scope": "Scope"}
    toml = tmp_path / "cols.toml"
    toml.write_text('[columns]\n"企业名称" = "Firm"\ncredit_code = "USCC"\n', encoding="utf-8")
    assert parse_column_option(str(toml)) == {"name": "Firm", "credit_code": "USCC"}
    with pytest.raises(ValueError, match="未知字段"):
        parse_column_option("颜色=Colour")
    with pytest.raises(DocumentError, match="找不到企业名称列"):
        column_map(["Firm", "Scope"], tmp_path / "x.csv")


def test_xlsx_with_dates_and_numbers(tmp_path: Path, embedded_store: GraphStore) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Firm", "USCC", "成立时间", "城市", "区县", "专精特新小巨人"])
    sheet.append(["湖州丙丁装备有限公司", CODE_A, datetime.datetime(2018, 5, 2), "湖州市", "南浔区", "是"])
    sheet.append(["没有日期有限公司", "", "不详", "湖州市", "", ""])
    path = tmp_path / "firms.xlsx"
    book.save(path)
    report = import_firms(path, embedded_store, columns={"name": "Firm", "credit_code": "USCC"})
    assert (report.rows, report.firms, [(b.line, b.reason) for b in report.bad]) == (
        2,
        1,
        [(3, "成立日期“不详”不是日期")],
    )
    firm = _firm(embedded_store, "湖州丙丁装备有限公司")
    assert firm.props["founded"] == "2018-05-02" and firm.props["tags"] == ["专精特新小巨人"]
    assert firm.props["import_sources"] == ["firms.xlsx 第2行"]


def test_bad_rows_are_reported_by_line_and_skipped(tmp_path: Path, embedded_store: GraphStore) -> None:
    path = _write_csv(
        tmp_path / "firms.csv",
        [
            _row("湖州甲乙科技有限公司", CODE_A),
            _row("", CODE_B),
            _row("校验错有限公司", CODE_A[:-1] + ("0" if CODE_A[-1] != "0" else "1")),
            _row("日期错有限公司", founded="2015-13-01"),
            _row("地区错有限公司", place="浙江省/湖州市/火星区"),
        ],
        encoding="gbk",
    )
    report = import_firms(path, embedded_store)
    assert [b.line for b in report.bad] == [3, 4, 5, 6]
    assert "缺少企业名称" in report.bad[0].reason and "校验位错误" in report.bad[1].reason
    assert "不是日期" in report.bad[2].reason and "火星区" in report.bad[3].reason
    assert [n.name for n in embedded_store.read().by_label("Enterprise")] == ["湖州甲乙科技有限公司"]


def test_unreadable_file_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    store_file = tmp_path / "graph.json"
    result = CliRunner().invoke(main, ["import", "firms", str(bad), "--store", str(store_file)])
    assert result.exit_code == 1 and "broken.xlsx" in result.output and "not a readable .xlsx" in result.output
    assert not store_file.exists()


def test_cli_summary_line(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "firms.csv", [_row("湖州甲乙科技有限公司", CODE_A), _row("")])
    store_file = tmp_path / "graph.json"
    result = CliRunner().invoke(main, ["import", "firms", str(path), "--store", str(store_file)])
    assert result.exit_code == 0, result.output
    assert "2 rows read, 1 firms imported, 0 merged with document firms, 1 bad rows" in result.output
    assert f"bad row: {path}:3: 缺少企业名称" in result.output


# --- both stores -------------------------------------------------------------------------------------------


def test_reimport_is_idempotent(tmp_path: Path, any_store: GraphStore) -> None:
    path = _write_csv(tmp_path / "firms.csv", [_row("湖州甲乙科技有限公司", CODE_A, srdi="是")])
    first = import_firms(path, any_store)
    before = any_store.read().to_dict()
    again = import_firms(path, any_store)
    assert (first.status, again.status) == ("imported", "unchanged")
    assert any_store.read().to_dict() == before
    firm = _firm(any_store, "湖州甲乙科技有限公司")
    assert firm.props["credit_code"] == CODE_A and firm.props["tags"] == ["专精特新"]
    assert firm.props["registered_capital"] == 1000.0
    doc = any_store.read().nodes[first.document]
    assert doc.props["kind"] == "firm_table" and doc.props["scope"] == [_district_uid(any_store, "湖州市吴兴区")]


def _district_uid(store: GraphStore, name: str) -> str:
    return next(n.uid for n in store.read().by_label("District") if n.name == name)


def test_changed_row_updates_never_duplicates(tmp_path: Path, any_store: GraphStore) -> None:
    path = tmp_path / "firms.csv"
    _write_csv(
        path,
        [
            _row("湖州甲乙科技有限公司", CODE_A, srdi="是"),
            _row("平湖丙丁电子有限公司", CODE_B, place="浙江省/嘉兴市/平湖市"),
        ],
    )
    import_firms(path, any_store)
    _write_csv(path, [_row("湖州甲乙科技有限公司", CODE_A, capital="2000万元", place="浙江省/湖州市/南浔区")])
    report = import_firms(path, any_store)
    assert report.status == "updated" and len(report.replaced) == 1
    graph = any_store.read()
    assert [n.name for n in graph.by_label("Enterprise")] == ["湖州甲乙科技有限公司"]  # the dropped row's firm went
    assert len([n for n in graph.by_label("Document")]) == 1
    firm = _firm(any_store, "湖州甲乙科技有限公司")
    assert firm.props["registered_capital"] == 2000.0 and firm.props["county"] == "南浔区"
    assert "tags" not in firm.props  # 专精特新 is no longer said
    located = [graph.nodes[e.end].name for e in graph.edges.values() if e.type == "LOCATED_IN" and e.start == firm.uid]
    assert located == ["湖州市南浔区"]


def test_merge_with_document_firm_and_removal(tmp_path: Path, any_store: GraphStore) -> None:
    text = tmp_path / "news.txt"
    text.write_text(
        "湖州三一装载机有限公司扩产\n湖州三一装载机有限公司是智能物流装备产业链的链主企业，位于湖州市吴兴区。\n",
        encoding="utf-8",
    )
    build([text], any_store)
    document_firm = _firm(any_store, "湖州三一装载机有限公司")
    table = _write_csv(tmp_path / "firms.csv", [_row("湖州三一装载机有限公司", CODE_A, srdi="是")])
    report = import_firms(table, any_store)
    assert (report.firms, report.merged) == (1, 1)
    firm = _firm(any_store, "湖州三一装载机有限公司")
    assert firm.uid == document_firm.uid and firm.props["credit_code"] == CODE_A
    assert set(firm.props["tags"]) == {*document_firm.props.get("tags", []), "专精特新"}
    any_store.remove_document(report.document)
    firm = _firm(any_store, "湖州三一装载机有限公司")
    assert firm.to_dict() == document_firm.to_dict()  # the document's firm, as it was before the import


def test_credit_code_wins_over_name(tmp_path: Path, any_store: GraphStore) -> None:
    """Two lists: a firm renamed in the second is found by its code; a namesake of another code stays apart."""
    first = _write_csv(tmp_path / "a.csv", [_row("湖州星光科技有限公司", CODE_A)])
    import_firms(first, any_store)
    second = _write_csv(
        tmp_path / "b.csv",
        [
            _row("湖州新星光科技有限公司", CODE_A, srdi="是"),
            _row("杭州星光科技有限公司", CODE_B, place="浙江省/杭州市/"),
        ],
    )
    import_firms(second, any_store)
    firms = sorted(any_store.read().by_label("Enterprise"), key=lambda n: n.props["credit_code"])
    assert [n.props["credit_code"] for n in firms] == sorted([CODE_A, CODE_B])
    renamed = next(n for n in firms if n.props["credit_code"] == CODE_A)
    assert renamed.props["import_sources"] == ["a.csv 第2行", "b.csv 第2行"]
    any_store.remove_document(any_store.find_document("b.csv") or "")
    # (the fuller name seen stays the display name, as for documents: names and aliases are not retracted)
    renamed = next(n for n in any_store.read().by_label("Enterprise") if n.props["credit_code"] == CODE_A)
    assert renamed.props["import_sources"] == ["a.csv 第2行"] and "tags" not in renamed.props


def test_one_file_namesakes_and_repeated_rows(tmp_path: Path, embedded_store: GraphStore) -> None:
    """Two firms of one short form (星光科技) but two codes stay two; a firm on two rows is one firm."""
    path = _write_csv(
        tmp_path / "firms.csv",
        [
            _row("湖州星光科技有限公司", CODE_A),
            _row("杭州星光科技有限公司", CODE_B, place="浙江省/杭州市/"),
            _row("湖州星光科技有限公司", CODE_A, srdi="是"),
        ],
    )
    report = import_firms(path, embedded_store)
    assert report.firms == 2
    firms = {n.props["credit_code"]: n for n in embedded_store.read().by_label("Enterprise")}
    assert firms[CODE_A].props["import_sources"] == ["firms.csv 第2行", "firms.csv 第4行"]
    assert firms[CODE_A].props["tags"] == ["专精特新"] and firms[CODE_B].name == "杭州星光科技有限公司"
