"""`kizuna build`, `kizuna export` and `kizuna stats`: the embedded store's commands.

Settings (store path, seeds folder, curation file, document size limit) come from
api.settings.Settings; `--store` and `--curation` override them for one command.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from api.settings import Settings
from graph.errors import KizunaError
from graph.formats.exports import to_csv_tables, to_csv_zip, to_graphml, to_json
from graph.memory_store import MemoryStore
from loaders.pipeline import BuildReport, build

__all__ = ["register"]

StoreOption = Annotated[
    Path | None, typer.Option("--store", help="The embedded store file (default: KIZUNA_STORE).")
]


class ExportFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    csv = "csv"


def _fail(console: Console, error: KizunaError) -> typer.Exit:
    console.print(f"[bold red]error:[/] {error.message}", highlight=False)
    return typer.Exit(code=1)


def _open_store(store: Path, console: Console) -> MemoryStore:
    if not store.exists():
        console.print(f"[bold red]error:[/] no graph at {store}. Run `kizuna build` first.")
        raise typer.Exit(code=1)
    try:
        return MemoryStore(store)
    except KizunaError as exc:
        raise _fail(console, exc) from exc


def _summary(console: Console, report: BuildReport, store: Path) -> None:
    console.print(
        f"Read {len(report.documents)} documents ({report.words} words): "
        f"{len(report.extracted)} extracted, {len(report.cached)} from the cache; "
        f"{len(report.skipped)} skipped."
    )
    for skipped in report.skipped:
        console.print(f"  skipped {skipped.name}: {skipped.reason}", highlight=False)
    _print_counts(console, report.actors_by_type, report.relations_by_type, totals=True)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    console.print(f"Graph written to {store}")


def register(app: typer.Typer) -> None:
    """Add build, export and stats to the main app."""

    @app.command("build")
    def build_command(
        paths: Annotated[
            list[Path] | None,
            typer.Argument(help="Documents or folders to read (default: the seeds folder)."),
        ] = None,
        store: StoreOption = None,
        curation: Annotated[
            Path | None, typer.Option("--curation", help="The curation file to apply.")
        ] = None,
    ) -> None:
        """Extract the documents into the embedded store, then print a summary."""
        settings = Settings()
        console = Console()
        store_path = store or settings.store
        sources = list(paths) if paths else [settings.seeds]
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("extracting", total=None)

            def advance(name: str, number: int, total: int) -> None:
                progress.update(task, description=f"extracting {name}", completed=number - 1,
                                total=total)  # fmt: skip

            try:
                _, report = build(
                    sources,
                    store_path,
                    curation or settings.curation,
                    settings.max_document_bytes,
                    progress=advance,
                )
            except KizunaError as exc:
                raise _fail(console, exc) from exc
        _summary(console, report, store_path)

    @app.command("export")
    def export_command(
        format: Annotated[
            ExportFormat, typer.Option("--format", "-f", help="json, graphml or csv.")
        ] = ExportFormat.json,
        output: Annotated[
            Path | None,
            typer.Option(
                "-o",
                "--output",
                help="Output file (default: standard output). For csv, FILE.zip writes a zip "
                "of nodes.csv and edges.csv; any other FILE writes FILE-stem.nodes.csv and "
                "FILE-stem.edges.csv.",
            ),
        ] = None,
        store: StoreOption = None,
    ) -> None:
        """Export the built graph as JSON, GraphML or CSV."""
        console = Console(stderr=True)
        graph = _open_store(store or Settings().store, console).snapshot()
        if format is ExportFormat.csv:
            if output is None:
                sys.stdout.buffer.write(to_csv_zip(graph))
            elif output.suffix == ".zip":
                output.write_bytes(to_csv_zip(graph))
            else:
                nodes, edges = to_csv_tables(graph)
                stem = output.with_suffix("")
                stem.with_name(stem.name + ".nodes.csv").write_bytes(nodes)
                stem.with_name(stem.name + ".edges.csv").write_bytes(edges)
            return
        data = to_json(graph) if format is ExportFormat.json else to_graphml(graph)
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            output.write_bytes(data)

    @app.command("stats")
    def stats_command(store: StoreOption = None) -> None:
        """Counts of the built graph: actors, relations and documents, by type."""
        console = Console()
        stats = _open_store(store or Settings().store, console).stats()
        console.print(
            f"{stats.actors} actors, {stats.relations} relations, {stats.documents} documents, "
            f"{stats.evidence} pieces of evidence"
        )
        _print_counts(console, stats.actors_by_type, stats.relations_by_type, totals=False)
        table = Table(title="Most connected", title_justify="left")
        table.add_column("actor")
        table.add_column("type")
        table.add_column("degree", justify="right")
        for summary, degree in stats.most_connected:
            table.add_row(f"{summary.name} ({summary.id})", summary.type, str(degree))
        console.print(table)


def _print_counts(
    console: Console, actors: dict[str, int], relations: dict[str, int], totals: bool
) -> None:
    """Two tables: actors by type and relations by type (with their totals in the title)."""
    for title, counts in (("Actors", actors), ("Relations", relations)):
        total = f" ({sum(counts.values())})" if totals else ""
        table = Table(title=f"{title} by type{total}", title_justify="left")
        table.add_column("type")
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(name, str(count))
        console.print(table)
