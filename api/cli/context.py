"""The settings every command runs with: built once, when a command first asks for them.

Each command takes the Settings (environment and .env) from the typer context, where the
first `settings_of` keeps them, and applies its own options (`--store`, ...). They are not
read before a command asks, and the command modules import what is heavy (the extraction,
the stores, the Neo4j driver) inside the commands that need it: `kizuna --help` and a wrong
argument answer at once (`bench/cli_start.py` measures it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
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


def settings_of(ctx: typer.Context) -> Settings:
    """The settings of this run: those a test passed as `obj`, else read once (invalid
    settings end the command with one line saying what is wrong)."""
    from pydantic import ValidationError

    from api.settings import Settings

    root = ctx.find_root()
    if root.obj is None:
        try:
            root.obj = Settings()
        except ValidationError as exc:
            typer.echo(f"error: the settings are invalid ({problems(exc)}).", err=True)
            raise typer.Exit(code=1) from exc
    settings = root.obj
    assert isinstance(settings, Settings), "obj, when given, is the run's Settings"
    return settings
