"""The `kizuna` command line: the brief's commands under their stable names, each a plain
function registered the same way, and every error printed the same way (`output.fail`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings

CONTRACT = {
    "build": "corpus_commands",
    "add": "corpus_commands",
    "remove": "corpus_commands",
    "evaluate": "evaluate_command",
    "export": "graph_commands",
    "stats": "graph_commands",
    "serve": "serve_command",
    "neo4j load": "neo4j_commands",
    "neo4j status": "neo4j_commands",
}


def _commands(group: Any, prefix: str = "") -> dict[str, Any]:
    """Every command under `group` by its full name ("neo4j load"), groups walked into."""
    found: dict[str, Any] = {}
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            found.update(_commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


def test_every_command_of_the_contract_is_a_function_of_its_module_under_its_name() -> None:
    commands = _commands(typer.main.get_group(app))
    assert sorted(commands) == sorted(CONTRACT)
    for name, module in CONTRACT.items():
        callback = commands[name].callback
        assert callback is not None
        assert callback.__module__ == f"api.cli.{module}", name
        assert callback.__name__ == f"{name.split()[-1]}_command", name


def test_evaluate_prints_its_error_as_every_command_does(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["evaluate", str(tmp_path)], obj=Settings(), env={"COLUMNS": "400"}
    )
    assert result.exit_code == 1
    assert (
        result.output
        == f"error: {tmp_path}: no expected.yaml or expected-*.yaml; is it a corpus?\n"
    )
