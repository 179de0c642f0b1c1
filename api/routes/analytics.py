"""GET /analytics/centrality and /analytics/communities: who is central, who groups with whom.

Computed by graph.analytics with networkx from the store's projection of the filtered view,
so both stores answer the same.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.responses import CentralActor, CentralityRanking, Community, CommunityPartition
from api.routes.shared import (
    ERRORS,
    FiltersDep,
    StoreDep,
    applied,
)
from graph import analytics
from graph.querying import LIMITS

__all__ = ["router"]

router = APIRouter(prefix="/analytics", tags=["analytics"])

ANALYTICS_ERRORS: dict[int | str, dict[str, Any]] = {422: ERRORS[422], 503: ERRORS[503]}


@router.get(
    "/centrality",
    response_model=CentralityRanking,
    responses=ANALYTICS_ERRORS,
    summary="Actors ranked by degree, betweenness or eigenvector centrality",
)
def centrality(
    store: StoreDep,
    filters: FiltersDep,
    measure: Annotated[
        Literal["degree", "betweenness", "eigenvector"],
        Query(
            description="degree: breadth of ties; betweenness: brokers between groups; "
            "eigenvector: ties to the well-tied.",
            openapi_examples={"broker": {"summary": "Brokers", "value": "betweenness"}},
        ),
    ] = "degree",
    limit: Annotated[
        int, Query(ge=1, le=LIMITS.max_limit, description="How many actors, best first.")
    ] = 20,
) -> CentralityRanking:
    """The network is the undirected ties between actors that the filtered relations make;
    scores are networkx's, for the whole view, and the best `limit` come back."""
    found = analytics.centrality(store.projection(filters), measure)
    actors = []
    for actor_id, score in found.scores[:limit]:
        actor = store.get(actor_id)
        name, kind = (actor.name, actor.type) if actor else (actor_id, "")
        actors.append(CentralActor(id=actor_id, name=name, type=kind, score=score))
    return CentralityRanking(
        measure=found.measure,
        reading=analytics.MEASURES[found.measure],
        method=found.method,
        approximate=found.approximate,
        actors_in_view=found.actors,
        ties_in_view=found.ties,
        filters=applied(filters),
        limit=limit,
        actors=actors,
    )


@router.get(
    "/communities",
    response_model=CommunityPartition,
    responses=ANALYTICS_ERRORS,
    summary="Groups of actors tied more to each other than to the rest (Louvain)",
)
def communities(
    store: StoreDep,
    filters: FiltersDep,
) -> CommunityPartition:
    """Louvain with a fixed seed over the undirected ties of the filtered view: the same
    view always gives the same communities, numbered from the largest."""
    found = analytics.communities(store.projection(filters))
    return CommunityPartition(
        method=found.method,
        modularity=found.modularity,
        actors_in_view=found.actors,
        ties_in_view=found.ties,
        filters=applied(filters),
        communities=[
            Community(id=i, size=len(group), members=group) for i, group in enumerate(found.groups)
        ],
    )
