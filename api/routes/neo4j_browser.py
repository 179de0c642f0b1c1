"""Neo4j Browser's style sheet and guide, served by the API itself.

In Browser: `:style http://localhost:8000/neo4j-browser/kizuna.grass` colours and captions the
graph, `:play http://localhost:8000/neo4j-browser/guide.html` opens the ready queries. Browser
fetches both cross-origin (and only from hosts in `browser.remote_content_hostname_whitelist`,
which scripts/neo4j-local sets), so every answer here carries an open CORS header, and the
preflight that Browser's `pragma`/`cache-control` headers cause is answered too. The guide's
`:style` line points back at this same API, whichever host and port it was reached on, and
its `:param min_confidence` line gives the server's confidence floor, which every ready query
reads as `$min_confidence`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse

from api.browser_guide import guide_html, queries_text, ready_queries
from api.browser_style import grass

__all__ = ["router"]

router = APIRouter(prefix="/neo4j-browser", include_in_schema=False)

_CORS = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}


@router.get("/kizuna.grass")
def style_sheet() -> PlainTextResponse:
    return PlainTextResponse(grass(), headers=_CORS)


@router.get("/guide.html")
def guide(request: Request) -> HTMLResponse:
    style_url = str(request.url_for("style_sheet"))
    page = guide_html(ready_queries(), style_url, request.app.state.min_confidence)
    return HTMLResponse(page, headers=_CORS)


@router.get("/queries.cypher")
def queries() -> PlainTextResponse:
    return PlainTextResponse(queries_text(), headers=_CORS)


@router.options("/{name}")
def preflight(name: str) -> Response:
    """The CORS preflight of Browser's fetch."""
    return Response(
        status_code=204,
        headers={
            **_CORS,
            "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
            "Access-Control-Allow-Headers": "*",
            "Access-Control-Max-Age": "600",
        },
    )
