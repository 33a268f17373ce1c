"""Chain templates: the bundled files are sound, a chain finds its template by any of its names, a user's
folder adds or replaces one, and a broken file is refused with the file and the fault named."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.templates import POSITIONS, TemplateError, chain_key, load_templates, match

VALID = """
name = "海洋装备"
aliases = ["海工装备", "船舶与海洋工程装备"]
category = "新兴"
codes = ["GB/T 4754 C37"]
sources = ["written for this test"]

[[links]]
name = "船用配套"
position = "上游"
order = 1
products = ["船用发动机", "甲板机械"]
keywords = ["船用柴油机", "锚绞机"]

[[links]]
name = "船舶总装"
position = "中游"
order = 2
products = ["散货船", "集装箱船"]
keywords = ["造船", "船舶总装"]

[[links]]
name = "航运服务"
position = "下游"
order = 3
products = ["船舶维修"]
keywords = ["修船", "船舶租赁"]
"""


def test_the_bundled_templates_cover_the_common_chains_from_upstream_to_downstream() -> None:
    templates = load_templates()
    assert len(templates) >= 25
    for template in templates:
        assert template.sources, template.path
        assert {link.position for link in template.links} == set(POSITIONS), template.name
        orders = [link.order for link in template.links]
        assert orders == sorted(orders) and len(set(orders)) == len(orders), template.name


@pytest.mark.parametrize(
    ("written", "chain"),
    [
        ("新能源汽车产业链", "新能源汽车"),
        ("物流装备", "智能物流装备"),
        ("光伏产业", "光伏"),
        ("集成电路 产业", "集成电路"),
    ],
)
def test_a_chain_finds_its_template_by_name_or_alias_with_or_without_its_ending(written: str, chain: str) -> None:
    found = match(written, load_templates())
    assert found is not None and found.name == chain


def test_an_unknown_chain_has_no_template() -> None:
    assert match("宠物食品", load_templates()) is None
    assert chain_key("产业") == "产业"  # an ending alone is not stripped to nothing


def test_a_users_folder_adds_a_chain_and_replaces_a_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "ocean.toml").write_text(VALID, encoding="utf-8")
    replaced = VALID.replace('name = "海洋装备"', 'name = "光伏"').replace(
        'aliases = ["海工装备", "船舶与海洋工程装备"]', "aliases = []"
    )
    (tmp_path / "pv.toml").write_text(replaced, encoding="utf-8")
    templates = load_templates([tmp_path])
    assert match("海工装备", templates).name == "海洋装备"  # type: ignore[union-attr]
    pv = match("光伏", templates)
    assert pv is not None and pv.path == str(tmp_path / "pv.toml") and len(pv.links) == 3


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (('position = "中游"', 'position = "中段"'), "is not 上游, 中游 or 下游"),
        (("order = 2", "order = 1"), "does not increase"),
        (('keywords = ["修船", "船舶租赁"]', 'keywords = ["设备"]'), "too general"),
        (('keywords = ["修船", "船舶租赁"]', 'keywords = ["造船"]'), "also places firms on 船舶总装"),
        (('category = "新兴"', 'category = "热门"'), "category"),
        (('sources = ["written for this test"]', "sources = []"), "name at least one source"),
        (('[[links]]\nname = "船舶总装"', '[[links]]\nname = "船用配套"'), "used twice"),
        (("order = 3", "order = three"), "not valid TOML"),
    ],
)
def test_a_broken_template_is_refused_naming_the_file_and_the_fault(
    tmp_path: Path, change: tuple[str, str], fault: str
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(VALID.replace(*change), encoding="utf-8")
    with pytest.raises(TemplateError) as raised:
        load_templates([tmp_path])
    assert str(broken) in str(raised.value) and fault in str(raised.value)


def test_a_missing_folder_is_named() -> None:
    with pytest.raises(TemplateError, match="no such folder"):
        load_templates([Path("/nonexistent/templates")])


def test_the_cli_lists_shows_and_checks_templates(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from chainkg.cli import main

    runner = CliRunner()
    listed = runner.invoke(main, ["templates", "list"], catch_exceptions=False)
    assert listed.exit_code == 0 and "智能物流装备" in listed.output and "新能源汽车" in listed.output
    shown = runner.invoke(main, ["templates", "show", "物流装备"], catch_exceptions=False)
    assert shown.exit_code == 0 and "堆垛机" in shown.output and shown.output.index("上游") < shown.output.index("下游")
    assert runner.invoke(main, ["templates", "show", "宠物食品"]).exit_code == 1
    (tmp_path / "ocean.toml").write_text(VALID, encoding="utf-8")
    assert runner.invoke(main, ["templates", "check", str(tmp_path)]).exit_code == 0
    assert "海洋装备" in runner.invoke(main, ["templates", "list", "--templates", str(tmp_path)]).output
    (tmp_path / "broken.toml").write_text(VALID.replace("order = 3", "order = 1"), encoding="utf-8")
    checked = runner.invoke(main, ["templates", "check", str(tmp_path)])
    assert checked.exit_code == 1 and "broken.toml" in checked.output and "does not increase" in checked.output
