"""`kizuna neo4j load` and `kizuna neo4j status`: push the built graph into Neo4j, check it.

The graph comes from the embedded store file that `kizuna build` writes; the connection from
Settings (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), whose defaults are the local
server of `scripts/neo4j-local`. A load is one transaction: if it fails, Neo4j keeps the graph
it had.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import neo4j
import typer
from rich.console import Console

from api.settings import Settings
from graph.errors import KizunaError
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore

__all__ = ["app"]

app = typer.Typer(help="Work with a Neo4j server.", no_args_is_help=True)


def _fail(console: Console, message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


@app.command()
def load(
    store: Annotated[
        Path | None,
        typer.Option("--store", help="The embedded store file (default: KIZUNA_STORE)."),
    ] = None,
    wipe: Annotated[
        bool,
        typer.Option("--wipe", help="Delete every node of the database first, not only ours."),
    ] = False,
) -> None:
    """Push the built graph into Neo4j (replacing what an earlier load put there)."""
    console = Console()
    settings = Settings()
    path = store or settings.store
    if not path.exists():
        raise _fail(console, f"no graph at {path}. Run `kizuna build` first.")
    try:
        graph = MemoryStore(path).snapshot()
    except KizunaError as exc:
        raise _fail(console, exc.message) from exc
    driver = neo4j.GraphDatabase.driver(
        settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
    )
    try:
        neo = Neo4jStore(driver, settings.neo4j_database)
        started = time.perf_counter()
        report = neo.load(graph, wipe=wipe)
        seconds = time.perf_counter() - started
        stats = neo.stats()
    except KizunaError as exc:
        raise _fail(console, f"{exc.message} (Neo4j at {settings.neo4j_uri})") from exc
    finally:
        driver.close()
    console.print(
        f"Loaded {path} into {settings.neo4j_uri} (database {settings.neo4j_database}) "
        f"in {seconds:.1f}s: {report.actors} actors, {report.relations} relations, "
        f"{report.documents} documents, {report.mentions} mentions; removed "
        f"{report.deleted_actors} actors, {report.deleted_relations} relations and "
        f"{report.deleted_documents} documents no longer in the graph.",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Neo4j now holds {stats.actors} actors, {stats.relations} relations, "
        f"{stats.documents} documents. Browse: {settings.neo4j_browser_url}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def status() -> None:
    """Say whether Neo4j answers, and what graph it holds."""
    console = Console()
    settings = Settings()
    driver = neo4j.GraphDatabase.driver(
        settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
    )
    try:
        neo = Neo4jStore(driver, settings.neo4j_database)
        neo.ping()
        stats = neo.stats()
    except KizunaError as exc:
        raise _fail(console, f"{exc.message} (Neo4j at {settings.neo4j_uri})") from exc
    finally:
        driver.close()
    console.print(
        f"Neo4j at {settings.neo4j_uri} answers (database {settings.neo4j_database}): "
        f"{stats.actors} actors, {stats.relations} relations, {stats.documents} documents. "
        f"Browser: {settings.neo4j_browser_url}",
        highlight=False,
        soft_wrap=True,
    )
