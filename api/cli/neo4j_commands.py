"""`kizuna neo4j load` and `kizuna neo4j status`: push the built graph into Neo4j, check it.

The graph comes from the embedded store file that `kizuna build` writes; the connection from
Settings (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), whose defaults are the local
server of `scripts/neo4j-local`. A load stages the new graph in batches and switches it in with
one transaction: if it fails, Neo4j keeps the graph it had; loading the same graph again writes
nothing, and a graph that differs little is written as that difference, in one transaction.
`--bulk` writes neo4j-admin CSV files and imports them offline into the local server's empty
database (`api.cli.local_server`), the fastest first load of a large graph. After either, the
load reads what the first answers need into Neo4j's page cache (`Neo4jStore.warm`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer
from rich.console import Console

from api.cli.context import StoreOption, settings_of
from api.cli.output import counted, fail, print_store
from graph.errors import KizunaError, StoreUnavailable

if TYPE_CHECKING:
    from api.settings import Settings
    from graph.model import Graph
    from graph.neo4j_store import LoadReport, Neo4jStore

__all__ = ["load_command", "status_command"]


def load_command(
    ctx: typer.Context,
    store: StoreOption = None,
    wipe: Annotated[
        bool,
        typer.Option("--wipe", help="Delete every node of the database first, not only ours."),
    ] = False,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="Import offline with neo4j-admin into the local server's empty database "
            "(scripts/neo4j-local); with --wipe, replace a database that holds a graph.",
        ),
    ] = False,
) -> None:
    """Push the built graph into Neo4j, in place of what an earlier load put there (a reload
    writes only what changed)."""
    from graph.memory_store import MemoryStore
    from graph.neo4j_store import Neo4jStore

    console = Console()
    settings = settings_of(ctx)
    path = store or settings.store
    print_store(console, path)
    if not path.exists():
        raise fail(console, f"no graph at {path}. Run `kizuna build` first.")
    try:
        graph = MemoryStore(path).snapshot()
    except KizunaError as exc:
        raise fail(console, exc) from exc
    driver = settings.neo4j_driver()
    try:
        neo = Neo4jStore(driver, settings.neo4j_database)
        started = time.perf_counter()
        if bulk:
            report = _bulk_import(neo, graph, settings, wipe, console)
        else:
            report = neo.load(graph, wipe=wipe)
        seconds = time.perf_counter() - started
        neo.warm(settings.min_confidence)  # the first answers after the load come warm
        stats = neo.stats(settings.min_confidence)  # the counts warming just kept
    except KizunaError as exc:
        raise fail(console, f"{exc.message} (Neo4j at {settings.neo4j_uri})") from exc
    finally:
        driver.close()
    rate = report.relations / seconds if seconds else 0.0
    console.print(
        f"Loaded {path} into {settings.neo4j_uri} (database {settings.neo4j_database}) "
        f"in {seconds:.1f}s ({rate:,.0f} relations/s{', bulk import' if bulk else ''}): "
        f"{counted(report.actors, 'actor')}, {counted(report.relations, 'relation')}, "
        f"{counted(report.documents, 'document')}, {counted(report.mentions, 'mention')}; "
        f"{_written(report)}; removed {counted(report.deleted_actors, 'actor')}, "
        f"{counted(report.deleted_relations, 'relation')} and "
        f"{counted(report.deleted_documents, 'document')} no longer in the graph.",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Neo4j now holds {counted(stats.actors, 'actor')}, "
        f"{counted(stats.relations + stats.hidden_relations, 'relation')}, "
        f"{counted(stats.documents, 'document')}. Browse: {settings.neo4j_browser_url}",
        highlight=False,
        soft_wrap=True,
    )


def _written(report: LoadReport) -> str:
    """What a load wrote, and how: nothing, only what changed, or the whole graph."""
    if report.mode == "unchanged":
        return "wrote nothing (the graph in use is the same)"
    how = "only what changed" if report.mode == "delta" else "the whole graph"
    return (
        f"wrote {counted(report.written_actors, 'actor')} and "
        f"{counted(report.written_relations, 'relation')} ({how})"
    )


def _bulk_import(
    neo: Neo4jStore, graph: Graph, settings: Settings, wipe: bool, console: Console
) -> LoadReport:
    """Import `graph` offline with `scripts/neo4j-local`, after checking that the import
    applies: the local server, an empty database (or --wipe)."""
    from api.cli.local_server import bulk_import

    refusal = _bulk_refusal(neo, settings, wipe)
    if refusal is not None:
        raise fail(console, refusal)
    report, _ = bulk_import(neo, graph)
    return report


def _bulk_refusal(neo: Neo4jStore, settings: Settings, wipe: bool) -> str | None:
    """Why --bulk does not apply here, or None when it does."""
    from api.cli.local_server import LOCAL_SERVER

    if not LOCAL_SERVER.exists():
        return (
            "--bulk runs scripts/neo4j-local, which is not here (it comes with a checkout of "
            "Kizuna). Load over Bolt instead: `kizuna neo4j load` without --bulk."
        )
    local_port = settings.neo4j_bolt_port
    uri = urlsplit(settings.neo4j_uri)
    if uri.hostname not in {"127.0.0.1", "localhost", "::1"} or uri.port != local_port:
        return (
            f"--bulk imports offline into the local server of scripts/neo4j-local "
            f"(bolt://127.0.0.1:{local_port}); it does not apply to {settings.neo4j_uri}. "
            "Load over Bolt instead: `kizuna neo4j load` without --bulk."
        )
    try:
        held = neo.stats()
    except StoreUnavailable:
        return None  # a stopped local server: the import starts it
    if held.actors and not wipe:
        return (
            f"--bulk imports into an empty database, and this one holds {held.actors} actors "
            f"and {held.relations} relations. Use `kizuna neo4j load` (over Bolt, it writes "
            "nothing when the graph is unchanged), or `kizuna neo4j load --bulk --wipe` to "
            "replace the whole database offline (the server stops during the import)."
        )
    return None


def status_command(ctx: typer.Context) -> None:
    """Say whether Neo4j answers, and what graph it holds."""
    from graph.neo4j_store import Neo4jStore

    console = Console()
    settings = settings_of(ctx)
    driver = settings.neo4j_driver()
    try:
        neo = Neo4jStore(driver, settings.neo4j_database)
        neo.ping()
        stats = neo.stats()
    except KizunaError as exc:
        raise fail(console, f"{exc.message} (Neo4j at {settings.neo4j_uri})") from exc
    finally:
        driver.close()
    console.print(
        f"Neo4j at {settings.neo4j_uri} answers (database {settings.neo4j_database}): "
        f"{counted(stats.actors, 'actor')}, {counted(stats.relations, 'relation')}, "
        f"{counted(stats.documents, 'document')}. Browser: {settings.neo4j_browser_url}",
        highlight=False,
        soft_wrap=True,
    )
