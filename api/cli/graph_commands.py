"""`kizuna export` and `kizuna stats`: reading the graph in the embedded store.

Settings come from the command line's callback (api.cli.context); `--store` overrides the
store file for one command.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.cli.context import StoreOption, settings_of
from api.cli.output import counted, fail, print_counts, print_store
from graph.errors import KizunaError
from graph.files import file_problem

if TYPE_CHECKING:
    from graph.memory_store import MemoryStore
    from graph.model import Graph

__all__ = ["export_command", "stats_command"]


class ExportFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    csv = "csv"


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help="Output file (default: standard output). For csv, FILE.zip writes a zip "
        "of nodes.csv and edges.csv; any other FILE writes FILE-stem.nodes.csv and "
        "FILE-stem.edges.csv.",
    ),
]


def _open_store(store: Path, console: Console) -> MemoryStore:
    from graph.memory_store import MemoryStore

    if not store.exists():
        raise fail(console, f"no graph at {store}. Run `kizuna build` first.")
    try:
        return MemoryStore(store)
    except KizunaError as exc:
        raise fail(console, exc) from exc


def _write(graph: Graph, format: ExportFormat, output: Path | None) -> list[str]:
    """Write the export; the places it went to."""
    from graph.formats.exports import to_csv_tables, to_csv_zip, to_graphml, to_json

    if format is ExportFormat.csv and output is not None and output.suffix != ".zip":
        nodes, edges = to_csv_tables(graph)
        stem = output.with_suffix("")
        targets = [stem.with_name(f"{stem.name}.{table}.csv") for table in ("nodes", "edges")]
        for target, data in zip(targets, (nodes, edges), strict=True):
            target.write_bytes(data)
        return [str(t) for t in targets]
    if format is ExportFormat.csv:
        data = to_csv_zip(graph)
    else:
        data = to_json(graph) if format is ExportFormat.json else to_graphml(graph)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return ["standard output"]
    output.write_bytes(data)
    return [str(output)]


def export_command(
    ctx: typer.Context,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json, graphml or csv.")
    ] = ExportFormat.json,
    output: OutputOption = None,
    store: StoreOption = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Leave out relations the extractor is less sure of (default: the floor of "
            "every answer, KIZUNA_MIN_CONFIDENCE, 0.5 unless set); 0 exports every relation.",
        ),
    ] = None,
) -> None:
    """Export the built graph as JSON, GraphML or CSV; say where to on standard error."""
    console = Console(stderr=True)
    settings = settings_of(ctx)
    floor = settings.min_confidence if min_confidence is None else min_confidence
    store_path = store or settings.store
    print_store(console, store_path)
    whole = _open_store(store_path, console).snapshot()
    graph = whole.model_copy(
        update={"relations": [r for r in whole.relations if r.confidence >= floor]}
    )
    try:
        places = _write(graph, format, output)
    except OSError as exc:
        where = exc.filename or output
        raise fail(console, f"cannot write {where}: {file_problem(exc)}.") from exc
    hidden = len(whole.relations) - len(graph.relations)
    console.print(
        f"Exported {counted(len(graph.actors), 'actor')} and "
        f"{counted(len(graph.relations), 'relation')} at confidence >= {floor:g} "
        f"({hidden} below left out) as {format.value} to " + " and ".join(places),
        highlight=False,
    )


def _print_corpus(console: Console, store: Path) -> None:
    from loaders.corpus import load_corpus

    corpus = load_corpus(store)
    if corpus is None:
        console.print("No corpus is registered yet: `kizuna build` registers the seeds folder.")
        return
    table = Table(
        title=f"Corpus ({counted(len(corpus.documents), 'document')})", title_justify="left"
    )
    table.add_column("document")
    table.add_column("path", overflow="fold")
    table.add_column("sha256")
    for entry in corpus.documents:
        if entry.path is None:
            where = "(no file: kept from the store)"
        else:
            where = entry.path if Path(entry.path).is_file() else f"{entry.path} (missing)"
        table.add_row(entry.name, where, entry.sha256[:12])
    console.print(table)


def stats_command(ctx: typer.Context, store: StoreOption = None) -> None:
    """Where the graph is, its counts by type at the confidence floor, its most connected
    actors, and its corpus."""
    from loaders.corpus import corpus_path

    console = Console()
    settings = settings_of(ctx)
    store_path = store or settings.store
    print_store(console, store_path)
    console.print(
        f"Corpus: {corpus_path(store_path).resolve()}; KIZUNA_HOME: {settings.home.resolve()}",
        highlight=False,
        soft_wrap=True,
    )
    stats = _open_store(store_path, console).stats(settings.min_confidence)
    console.print(
        f"{counted(stats.actors, 'actor')}, {counted(stats.relations, 'relation')} at "
        f"confidence >= {settings.min_confidence:g} ({stats.hidden_relations} below left "
        f"out), {counted(stats.documents, 'document')}, "
        f"{counted(stats.evidence, 'piece')} of evidence",
        highlight=False,
    )
    print_counts(console, stats.actors_by_type, stats.relations_by_type, totals=False)
    table = Table(title="Most connected", title_justify="left")
    table.add_column("actor")
    table.add_column("type")
    table.add_column("degree", justify="right")
    for ranked in stats.most_connected:
        table.add_row(f"{ranked.name} ({ranked.id})", ranked.type, str(ranked.degree))
    console.print(table)
    try:
        _print_corpus(console, store_path)
    except KizunaError as exc:
        raise fail(console, exc) from exc
