"""`kizuna neo4j ...`: push the built graph into Neo4j."""

from __future__ import annotations

import typer

app = typer.Typer(help="Work with a Neo4j server.", no_args_is_help=True)
