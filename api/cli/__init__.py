"""The `kizuna` command line (typer). Each group of commands lives in its own module."""

from __future__ import annotations

import typer

from api.cli import (
    corpus_commands,
    evaluate_command,
    graph_commands,
    neo4j_commands,
    serve_command,
)
from api.cli.context import configure

__all__ = ["app", "main"]

app = typer.Typer(
    name="kizuna",
    help="Kizuna: an entity explorer of Japan's technology diplomacy.",
    no_args_is_help=True,
    add_completion=False,
)
app.callback()(configure)
corpus_commands.register(app)
graph_commands.register(app)
evaluate_command.register(app)
serve_command.register(app)
app.add_typer(neo4j_commands.app, name="neo4j")


def main() -> None:
    app()
