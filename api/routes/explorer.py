"""GET / (the explorer page) and GET /explorer/config (what the page needs to know first).

The page itself is static (api/static/explorer, with its libraries vendored under
api/static/vendor, so it needs no internet). Its colours, types and the readings of the
analytics come from the domain schema at run time through /explorer/config, so a new actor or
relation type shows up in the legend and the filters without editing the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from api.routes.shared import StoreDep
from graph.analytics import MEASURES
from graph.querying import LIMITS
from graph.schema import domain_schema

__all__ = ["EXPLORER_DIR", "RELATION_PALETTE", "router"]

router = APIRouter(include_in_schema=False)

EXPLORER_DIR = Path(__file__).resolve().parents[1] / "static" / "explorer"

# Edge colours, given to the schema's relation types in their order (the schema gives actor
# types their colours; relation types have none, so the page needs a readable palette).
WIDE_LIMIT = 2000
"""How many actors "Two steps around" draws at most: enough to see a hub's wider circle, few
enough that the page answers in about a second on a million relations."""

RELATION_PALETTE = [
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#B07AA1",
    "#9C755F",
    "#EDC948",
    "#FF9DA7",
    "#BAB0AC",
    "#2F4B7C",
    "#A05195",
    "#D45087",
    "#665191",
    "#003F5C",
    "#7A5195",
]


@router.get("/")
def explorer_page() -> FileResponse:
    return FileResponse(EXPLORER_DIR / "index.html", media_type="text/html")


@router.get("/explorer/config")
def explorer_config(request: Request, store: StoreDep) -> dict[str, Any]:
    """Backend, Browser link, actor and relation types with colours, analytics readings."""
    schema = domain_schema()
    backend = store.backend
    return {
        "backend": backend,
        "browser_url": request.app.state.browser_url if backend == "neo4j" else None,
        "actor_types": {
            name: {"colour": spec.colour, "description": spec.description}
            for name, spec in schema.actor_types.items()
        },
        "relation_types": {
            name: {
                "colour": RELATION_PALETTE[i % len(RELATION_PALETTE)],
                "description": spec.description,
                "directed": spec.directed,
            }
            for i, (name, spec) in enumerate(schema.relation_types.items())
        },
        "measures": MEASURES,
        "default_min_confidence": request.app.state.min_confidence,
        "max_limit": LIMITS.max_limit,
        "wide_limit": WIDE_LIMIT,
        "max_hops": LIMITS.max_hops,
        "max_k": LIMITS.max_k,
    }
