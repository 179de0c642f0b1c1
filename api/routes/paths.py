"""GET /paths: how two actors are connected, every hop with its type, direction, year and
evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from api.responses import ActorRef, Labels, PathsAnswer, relation_row
from api.routes.shared import (
    ERRORS,
    FiltersDep,
    LabelsDep,
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


def _actor_param(name: str, value: str) -> Any:
    """The query parameter of one end of the paths: an actor by id or unambiguous name."""
    return Query(
        min_length=1,
        max_length=LIMITS.max_query_chars,
        description=f"An actor id or an unambiguous name ({name}).",
        openapi_examples={name.lower(): {"summary": name, "value": value}},
    )


@dataclass(frozen=True)
class PathQuery:
    """What a paths question asks: between which two actors (as the client named them), how
    long a route may be, and how many routes."""

    source: str
    target: str
    max_hops: int
    k: int


def path_query(
    source: Annotated[str, _actor_param("JICA", "JICA")],
    target: Annotated[str, _actor_param("India", "country:IND")],
    max_hops: Annotated[
        int, Query(ge=1, le=LIMITS.max_hops, description="The longest path to consider.")
    ] = 4,
    k: Annotated[int, Query(ge=1, le=LIMITS.max_k, description="How many paths.")] = 1,
) -> PathQuery:
    """The paths question from its query parameters (the actors are resolved by the route,
    once every parameter is known to be valid)."""
    return PathQuery(source, target, max_hops, k)


def _found(path: Path, labels: Labels) -> dict[str, Any]:
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
                    relation_row(r, labels, direction=hop.direction_of(r)) for r in hop.relations
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
    query: Annotated[PathQuery, Depends(path_query)],
    filters: FiltersDep,
    labels: LabelsDep,
) -> Response:
    """The shortest route (k=1) or the k shortest routes through distinct actors, walking
    relations in either direction. Each hop lists every relation joining its two actors that
    passes the filters, each with its direction, year, whether it is curated, and evidence."""
    start = resolve_actor(store, query.source)
    end = resolve_actor(store, query.target)
    max_hops, k = query.max_hops, query.k
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
        paths=[_found(p, labels) for p in found],
    )
