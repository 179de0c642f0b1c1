"""The `kizuna` command line (typer).

Each command is a plain function in the module of its group (`corpus_commands`,
`graph_commands`, `evaluate_command`, `serve_command`, `neo4j_commands`), and every one is
registered here, the same way, under its stable name. A command prints its errors with
`output.fail`; the settings come from the callback (`context.configure`).
"""

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
    rich_markup_mode=None,  # plain help and errors: rich's formatting costs a third of a second
    pretty_exceptions_enable=False,
)
app.callback()(configure)
app.command("build")(corpus_commands.build_command)
app.command("add")(corpus_commands.add_command)
app.command("remove")(corpus_commands.remove_command)
app.command("export")(graph_commands.export_command)
app.command("stats")(graph_commands.stats_command)
app.command("evaluate")(evaluate_command.evaluate_command)
app.command("serve")(serve_command.serve_command)

neo4j = typer.Typer(help="Work with a Neo4j server.", no_args_is_help=True)
neo4j.command("load")(neo4j_commands.load_command)
neo4j.command("status")(neo4j_commands.status_command)
app.add_typer(neo4j, name="neo4j")


def main() -> None:
    app()
