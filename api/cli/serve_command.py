"""`kizuna serve`: run the REST API with uvicorn over the store the settings choose."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.context import problems, settings_of

__all__ = ["WORKER_START_SECONDS", "run_server", "serve_command"]

WORKER_START_SECONDS = 120
"""How long a worker may take to answer uvicorn's health check: a worker opening a store of a
million relations holds the interpreter for seconds, and uvicorn's default of 5 s would kill
and restart it over and over on a busy machine."""


def run_server(host: str, port: int, workers: int, log_level: str = "info") -> None:
    """Serve `api.app:create_app` with uvicorn; every worker builds its app from the
    environment (KIZUNA_ variables and .env), so set those before calling."""
    import uvicorn

    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=log_level == "info",
        timeout_worker_healthcheck=WORKER_START_SECONDS,
    )


def serve_command(
    ctx: typer.Context,
    backend: Annotated[
        str | None,
        typer.Option(help="memory (the embedded store, default) or neo4j; or KIZUNA_BACKEND."),
    ] = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    store: Annotated[
        Path | None, typer.Option(help="The embedded store file (memory backend).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Server processes, each with its own copy of the store (default 1, or "
            "KIZUNA_WORKERS); one per core answers concurrent clients on every core."
        ),
    ] = None,
) -> None:
    """Serve the REST API; the docs page is at /docs."""
    from pydantic import ValidationError

    from api.settings import Settings

    overrides: dict[str, Any] = {
        k: v
        for k, v in {
            "backend": backend,
            "host": host,
            "port": port,
            "store": store,
            "workers": workers,
        }.items()
        if v is not None
    }
    try:
        settings = Settings.model_validate({**settings_of(ctx).model_dump(), **overrides})
    except ValidationError as exc:
        raise typer.BadParameter(problems(exc)) from exc
    where = (
        f"{settings.neo4j_uri} (database {settings.neo4j_database})"
        if settings.backend == "neo4j"
        else str(settings.store)
    )
    if settings.backend == "memory" and not settings.store.exists():
        typer.echo(
            f"Note: {settings.store} does not exist yet; run `kizuna build` to fill it. "
            "The service picks it up once it is written.",
            err=True,
        )
    typer.echo(f"Kizuna API over the {settings.backend} store at {where}")
    typer.echo(f"Explorer: http://{settings.host}:{settings.port}/")
    typer.echo(f"Docs: http://{settings.host}:{settings.port}/docs")
    # The worker processes build their app from the environment (api.app.create_app reads
    # Settings), so the options given here travel to them as KIZUNA_ variables.
    os.environ.update({f"KIZUNA_{k.upper()}": str(v) for k, v in overrides.items()})
    run_server(settings.host, settings.port, settings.workers)
