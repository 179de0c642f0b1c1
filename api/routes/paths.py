"""GET /paths: how two actors are connected, every hop with its type, direction, year and
evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from api.responses import ActorRef, PathsAnswer, relation_row
from api.routes.shared import (
    ERRORS,
    FiltersDep,
    StoreDep,
    applied,
    cypher_answer,
    json_answer,
)
from graph.querying import LIMITS
from graph.relation_table import trusted
from graph.resolve import resolve_actor
from graph.views import Path

__all__ = ["router"]

router = APIRouter(tags=["paths"])


def _found(path: Path) -> dict[str, Any]:
    """A route as the JSON object of a FoundPath, in plain data (`json_answer` rows): a set of
    routes through hubs holds hundreds of relations."""
    return {
        "length": len(path.hops),
        "nodes": [{"id": n.id, "name": n.name, "type": n.type} for n in path.nodes],
        "hops": [
            {
                "from": hop.from_id,
                "to": hop.to_id,
                "relations": [
                    relation_row(r, direction=hop.direction_of(r)) for r in hop.relations
                ],
            }
            for hop in path.hops
        ],
    }


@router.get(
    "/paths",
    response_model=PathsAnswer,
    responses=ERRORS,
    summary="The k shortest simple paths between two actors",
)
def paths(
    request: Request,
    store: StoreDep,
    filters: FiltersDep,
    source: Annotated[
        str,
        Query(
            min_length=1,
            max_length=LIMITS.max_query_chars,
            description="An actor id or an unambiguous name (JICA).",
            openapi_examples={"jica": {"summary": "JICA", "value": "JICA"}},
        ),
    ],
    target: Annotated[
        str,
        Query(
            min_length=1,
            max_length=LIMITS.max_query_chars,
            description="An actor id or an unambiguous name (India).",
            openapi_examples={"india": {"summary": "India", "value": "country:IND"}},
        ),
    ],
    max_hops: Annotated[
        int, Query(ge=1, le=LIMITS.max_hops, description="The longest path to consider.")
    ] = 4,
    k: Annotated[int, Query(ge=1, le=LIMITS.max_k, description="How many paths.")] = 1,
) -> Response:
    """The shortest route (k=1) or the k shortest routes through distinct actors, walking
    relations in either direction. Each hop lists every relation joining its two actors that
    passes the filters, each with its direction, year, whether it is curated, and evidence."""
    start = resolve_actor(store, source)
    end = resolve_actor(store, target)
    found = store.paths(start.id, end.id, max_hops, k, filters)
    return json_answer(
        trusted(
            PathsAnswer,
            source=ActorRef(id=start.id, name=start.name, type=start.type),
            target=ActorRef(id=end.id, name=end.name, type=end.type),
            max_hops=max_hops,
            k=k,
            filters=applied(filters),
            paths=[],
            cypher=cypher_answer(
                request, store, lambda s: s.explain_paths(start.id, end.id, max_hops, k, filters)
            ),
        ),
        paths=[_found(p) for p in found],
    )
