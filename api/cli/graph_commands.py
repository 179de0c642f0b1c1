"""`kizuna build`, `kizuna export` and `kizuna stats`: the embedded store's commands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the graph commands to the main app (filled in by the extraction work)."""
