"""Documentation keeps up with the code: every command explains itself and the README names it."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from chainkg.cli import main
from chainkg.queries import registry

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix}{name} "))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(main), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 20, f"chainkg {name} needs a --help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name not in ("help",):
            assert param.help or param.is_flag and param.name == "version", f"chainkg {name} {param.opts} needs help"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_readme_names_every_command(name: str) -> None:
    assert f"chainkg {name}" in README, f"README.md does not mention `chainkg {name}`"


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "./tools/run.sh" in first_block and "./tools/test.sh" in first_block
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "tools/test.sh" in ci


def test_every_named_query_is_documented() -> None:
    for query in registry().values():
        assert query.title and query.description and query.returns, query.name
        for param in query.parameters:
            assert param.example and param.description, f"{query.name}: parameter {param.name}"
