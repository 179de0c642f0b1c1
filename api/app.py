"""The FastAPI application: the REST contract over whichever GraphStore the settings choose.

`create_app` takes either a ready store (tests, benchmarks: the caller owns and closes it) or
settings, in which case the lifespan opens the store once - for Neo4j, one driver for the
whole process - and closes it on shutdown. The Neo4j driver connects lazily, so the service
starts even while Neo4j is down, answers 503 meanwhile and recovers once it is back.

The docs page (/docs) uses Swagger UI files served by the app itself (api/static), because
these machines have no internet and the CDN that FastAPI's default page loads is unreachable.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from api.errors_http import install_error_handlers
from api.evidence import TableHeaders
from api.heavy import HeavyWork
from api.routes import actors, analytics, documents, explorer, health, neo4j_browser, paths
from api.settings import Settings
from graph.errors import KizunaError
from graph.store import GraphStore, Warms

__all__ = ["STATIC_DIR", "create_app", "open_store", "warm"]

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """\
Kizuna answers questions about Japan's technology diplomacy from a graph of actors
(countries, blocs, agencies, programmes, projects) and the relations between them. Every
relation carries the year the text states and its evidence: the document, the exact sentence
and its character offsets.

Actors are named by id (`country:JPN`, `agency:jica`) or by an unambiguous name (`JICA`).
Errors are JSON `{"error", "message", ...}`: 404 lists close matches, 409 the candidates of
an ambiguous name, 422 the parameter that is out of range, 503 means the store is down.
"""

log = logging.getLogger("kizuna.api")


@contextmanager
def open_store(settings: Settings) -> Iterator[GraphStore]:
    """The store the settings choose, open for the life of the service, closed afterwards."""
    if settings.backend == "memory":
        from graph.memory_store import MemoryStore

        memory = MemoryStore(settings.store)
        try:
            yield memory
        finally:
            memory.close()
        return
    from graph.neo4j_store import Neo4jStore  # type: ignore[import-not-found,unused-ignore]

    driver = settings.neo4j_driver()
    try:
        store: GraphStore = Neo4jStore(driver, settings.neo4j_database)
        try:
            yield store
        finally:
            store.close()
    finally:
        driver.close()


def warm(store: GraphStore, min_confidence: float) -> None:
    """Warm a store that needs it before it serves (Neo4j after a start: a cold page cache, a
    name index to build), so the first answers, at the server's confidence floor, are as fast
    as later ones. A store that cannot be reached yet is not waited for: its first answers
    warm it instead."""
    if not isinstance(store, Warms):
        return
    try:
        store.warm(min_confidence)
    except KizunaError as exc:
        log.warning("The store was not warmed before serving: %s", exc.message)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API over `store` if given (the caller closes it), else over the settings' store."""
    chosen = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        with open_store(chosen) as opened:
            await to_thread.run_sync(warm, opened, chosen.min_confidence)
            app.state.store = opened
            yield

    app = FastAPI(
        title="Kizuna",
        version="0.1.0",
        summary="Japan's technology diplomacy as a graph: search, actors, neighbourhoods, paths.",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.browser_url = chosen.neo4j_browser_url
    app.state.min_confidence = chosen.min_confidence
    app.state.table_headers = TableHeaders()
    app.state.heavy = HeavyWork(chosen.analytics_wait)
    if store is not None:
        app.state.store = store
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(actors.router)
    app.include_router(paths.router)
    app.include_router(neo4j_browser.router)
    app.include_router(documents.router)
    app.include_router(analytics.router)
    app.include_router(explorer.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Kizuna API",
            swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/swagger-ui/favicon-32x32.png",
        )

    return app
