"""What every command prints the same way: the store it uses, errors, counts with their nouns,
by-type tables."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import KizunaError

__all__ = ["counted", "fail", "print_counts", "print_store"]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 document`, `2 documents`; `plural` for nouns that do not just take an s."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def fail(console: Console, error: KizunaError | str) -> typer.Exit:
    """Print the error and give the exit to raise (status 1)."""
    message = error.message if isinstance(error, KizunaError) else error
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def print_store(console: Console, store: Path) -> None:
    """Say which store the command works on (KIZUNA_HOME's, or the one --store names)."""
    console.print(f"Store: {store.resolve()}", highlight=False, soft_wrap=True)


def print_counts(
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
