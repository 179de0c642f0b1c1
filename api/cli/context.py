"""The settings every command runs with: built once, when the command line is read.

The top-level callback reads Settings (environment and .env) and keeps them on the typer
context; each command takes them from there and applies its own options (`--store`, ...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from api.settings import Settings

__all__ = ["StoreOption", "configure", "problems", "settings_of"]

StoreOption = Annotated[
    Path | None, typer.Option("--store", help="The embedded store file (default: KIZUNA_STORE).")
]


def problems(error: ValidationError) -> str:
    """A validation error as one line: `field: what is wrong; ...`."""
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())


def configure(ctx: typer.Context) -> None:
    """Kizuna: an entity explorer of Japan's technology diplomacy."""
    if ctx.obj is None:
        try:
            ctx.obj = Settings()
        except ValidationError as exc:
            typer.echo(f"error: the settings are invalid ({problems(exc)}).", err=True)
            raise typer.Exit(code=1) from exc


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the callback built (tests may pass their own as `obj`)."""
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings), "the kizuna callback sets the settings"
    return settings
