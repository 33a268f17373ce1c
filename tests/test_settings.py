"""Settings are declared once (``chainkg.settings.SETTINGS``), documented, and read in one place."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from chainkg import settings
from chainkg.cli import main
from chainkg.graph.store import StoreConfig
from chainkg.webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The packages whose code must take every setting from the table.
PACKAGES = ("chainkg", "graph", "loaders", "queries", "webapp")
ENVS = [s.env for s in settings.SETTINGS if s.env]


@pytest.mark.parametrize("env", ENVS)
def test_readme_documents_every_environment_variable(env: str) -> None:
    assert f"`{env}`" in README, f"README.md does not document the setting {env}"


@pytest.mark.parametrize("env", ENVS)
def test_only_the_settings_module_reads_an_environment_variable_of_the_table(env: str) -> None:
    read = re.compile(rf"""(environ\.get\(|environ\[|getenv\()\s*["']{env}["']""")
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if path != ROOT / "chainkg" / "settings.py":
                assert not read.search(path.read_text(encoding="utf-8")), f"{path} reads {env}: use chainkg.settings"


def test_names_are_unique() -> None:
    names = [s.name for s in settings.SETTINGS]
    assert len(names) == len(set(names))
    assert len(ENVS) == len(set(ENVS))


def test_a_value_is_the_given_one_then_the_environment_then_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHAINKG_STORE", raising=False)
    assert settings.STORE.value() == Path(".chainkg/graph.json")
    monkeypatch.setenv("CHAINKG_STORE", "elsewhere/graph.json")
    assert settings.STORE.value() == Path("elsewhere/graph.json")  # read when asked, typed by kind
    assert settings.STORE.value(Path("given.json")) == Path("given.json")
    monkeypatch.setenv("CHAINKG_STORE", "")
    assert settings.STORE.value() == Path(".chainkg/graph.json")  # an empty variable counts as unset


def test_store_config_comes_from_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    for env in ENVS:
        monkeypatch.delenv(env, raising=False)
    monkeypatch.setenv("NEO4J_URI", "bolt://db:7687")
    monkeypatch.setenv("NEO4J_DATABASE", "chains")
    config = settings.store_config(neo4j_user="analyst")
    assert config == StoreConfig(
        path=settings.STORE.default,
        neo4j_uri="bolt://db:7687",
        neo4j_user="analyst",
        neo4j_password=settings.NEO4J_PASSWORD.default,
        neo4j_database="chains",
    )


def _options(group: click.Group) -> list[click.Option]:
    out: list[click.Option] = []
    for command in group.commands.values():
        if isinstance(command, click.Group):
            out.extend(_options(command))
        out.extend(p for p in command.params if isinstance(p, click.Option))
    return out


@pytest.mark.parametrize("setting", [s for s in settings.SETTINGS if s.flags], ids=lambda s: s.name)
def test_cli_options_take_flags_and_help_from_the_table(setting: settings.Setting) -> None:
    options = [o for o in _options(main) if o.name == setting.name]
    assert options, f"no command has the option of setting {setting.name}"
    for option in options:
        assert set(option.opts) == set(setting.flags)
        assert option.help and option.help.startswith(setting.help)
        if setting.env:
            assert setting.env in option.help


def test_the_web_app_takes_its_limits_from_the_table(tmp_path: Path) -> None:
    app = create_app(StoreConfig(path=tmp_path / "graph.json"))
    assert app.config["CONSOLE_TIMEOUT_SECONDS"] == settings.CONSOLE_TIMEOUT_SECONDS.default
    assert app.config["CONSOLE_ROW_LIMIT"] == settings.CONSOLE_ROW_LIMIT.default
    assert app.config["EXPLORE_NODE_LIMIT"] == settings.EXPLORE_NODE_LIMIT.default
    assert app.config["NEO4J_CHANGE_CHECK_SECONDS"] == settings.NEO4J_CHANGE_CHECK_SECONDS.default
