"""`kizuna build`, `kizuna add` and `kizuna remove`: the store's corpus and the graph built from it.

`build` with no paths rebuilds the registered corpus (the seeds folder on first use); with
paths it replaces the corpus, and asks before it drops more than half of the graph's
documents. `add` and `remove` change the corpus one document at a time and rebuild. A build
that would read no document, or names a path that does not exist, changes nothing.

Each holds the store's writer lock from the moment it reads the corpus until the new one is
committed with the graph (`loaders.store_writer`): a second command waits, and says whom it
waits for, so two commands at once never lose each other's documents.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from api.cli.context import StoreOption, settings_of
from api.cli.output import counted, fail, print_counts, print_store
from graph.errors import KizunaError
from loaders.documents import check_paths_exist

if TYPE_CHECKING:
    from loaders.corpus_plan import Plan
    from loaders.pipeline import BuildReport

__all__ = ["add_command", "build_command", "remove_command"]

CurationOption = Annotated[
    Path | None, typer.Option("--curation", help="The curation file to apply.")
]


def _summary(console: Console, report: BuildReport, store: Path) -> None:
    from loaders.corpus import corpus_path

    console.print(
        f"Read {counted(len(report.documents), 'document')} "
        f"({counted(report.words, 'word')}): {len(report.extracted)} extracted, "
        f"{len(report.cached)} from the cache; {len(report.skipped)} skipped."
    )
    for skipped in report.skipped:
        console.print(f"  skipped {skipped.name}: {skipped.reason}", highlight=False)
    print_counts(console, report.actors_by_type, report.relations_by_type, totals=True)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    console.print(f"Graph written to {store} (corpus: {corpus_path(store)})", highlight=False)


def _run(ctx: typer.Context, plan: Plan, store: Path, curation: Path | None) -> None:
    """Build the plan's documents into the store, with a progress bar, then the summary."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from loaders.pipeline import build

    settings = settings_of(ctx)
    console = Console()
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
                plan.paths,
                store,
                curation or settings.curation,
                settings.max_document_bytes,
                progress=advance,
                kept=plan.kept,
                required=plan.added,
            )
        except KizunaError as exc:
            raise fail(console, exc) from exc
    report.warnings[:0] = plan.warnings
    _summary(console, report, store)


def _paths_exist(console: Console, paths: list[Path]) -> None:
    """End the command at once when a path given does not exist: before the settings are
    read or the extraction imported, so that a typo is answered in a moment."""
    try:
        check_paths_exist(paths)
    except KizunaError as exc:
        raise fail(console, exc) from exc


def _confirm_removal(console: Console, store: Path, plan: Plan, replace: bool) -> None:
    """Ask before a build drops more than half of the graph's documents.

    At a terminal the user answers; elsewhere (a script, CI) only `--replace` lets it go on.
    """
    from loaders.corpus_plan import stored_documents

    previous = stored_documents(store)
    dropped = sorted(set(previous) - plan.names())
    if replace or len(dropped) * 2 <= len(previous):
        return
    what = (
        f"This build would remove {counted(len(dropped), 'document')} of the "
        f"{len(previous)} in {store}: {', '.join(dropped)}."
    )
    if not sys.stdin.isatty():
        raise fail(
            console,
            f"{what} Re-run with --replace if that is what you want, or use "
            "`kizuna add PATHS` to add documents to the corpus. Nothing was changed.",
        )
    console.print(what, highlight=False)
    if not typer.confirm("Replace the corpus with these paths?", default=False):
        console.print("Nothing was changed.")
        raise typer.Exit(code=1)


@contextmanager
def _writer(ctx: typer.Context, console: Console, store: Path) -> Iterator[None]:
    """Hold the store's writer lock for the block, saying so while another command holds it;
    a lock that stays taken past the wait ends the command with the error."""
    from loaders.store_writer import writing

    wait = settings_of(ctx).lock_wait

    def waiting(holder: str) -> None:
        console.print(
            f"Waiting for {holder} to finish writing {store} (at most {wait:.0f} s) ...",
            highlight=False,
            soft_wrap=True,
        )

    try:
        with writing(store, wait, waiting):
            yield
    except KizunaError as exc:
        raise fail(console, exc) from exc


def build_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents or folders that become the corpus (default: rebuild the "
            "registered corpus; the seeds folder on first use)."
        ),
    ] = None,
    store: StoreOption = None,
    curation: CurationOption = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            "--yes",
            "-y",
            help="Replace the corpus even when that removes more than half of its documents.",
        ),
    ] = False,
) -> None:
    """Extract the documents into the embedded store, then print a summary."""
    console = Console()
    _paths_exist(console, paths or [])
    store_path = store or settings_of(ctx).store
    print_store(console, store_path)
    from loaders.corpus_plan import plan_rebuild, plan_replace

    if paths:
        try:
            plan_replace(paths)  # a typo is reported at once, without waiting for the lock
        except KizunaError as exc:
            raise fail(console, exc) from exc
    with _writer(ctx, console, store_path):
        try:
            if paths:
                plan = plan_replace(paths)
                _confirm_removal(console, store_path, plan, replace)
            else:
                plan = plan_rebuild(store_path, settings_of(ctx).seeds)
        except KizunaError as exc:
            raise fail(console, exc) from exc
        _run(ctx, plan, store_path, curation)


def _change(
    ctx: typer.Context,
    store: Path | None,
    curation: Path | None,
    plan_for: Callable[[Path, Path], Plan],
) -> None:
    """Plan a change of the corpus (from the store and seeds paths), then build it, holding
    the store's writer lock from the plan to the commit."""
    console = Console()
    store_path = store or settings_of(ctx).store
    print_store(console, store_path)
    with _writer(ctx, console, store_path):
        try:
            plan = plan_for(store_path, settings_of(ctx).seeds)
        except KizunaError as exc:
            raise fail(console, exc) from exc
        _run(ctx, plan, store_path, curation)


def add_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Documents or folders to add.")],
    store: StoreOption = None,
    curation: CurationOption = None,
) -> None:
    """Add documents to the corpus and rebuild (only the new documents are extracted); when
    every document given is skipped, nothing changes and the command fails."""
    _paths_exist(Console(), paths)
    from loaders.corpus_plan import plan_add

    _change(ctx, store, curation, lambda where, seeds: plan_add(where, seeds, paths))


def remove_command(
    ctx: typer.Context,
    documents: Annotated[
        list[str], typer.Argument(help="Documents to remove, by name (as `kizuna stats` lists).")
    ],
    store: StoreOption = None,
    curation: CurationOption = None,
) -> None:
    """Remove documents from the corpus and rebuild without them."""
    from loaders.corpus_plan import plan_remove

    _change(ctx, store, curation, lambda where, seeds: plan_remove(where, seeds, documents))
