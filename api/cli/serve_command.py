"""`kizuna serve`: run the REST API with uvicorn over the store the settings choose."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the serve command to the main app (filled in by the API work)."""
