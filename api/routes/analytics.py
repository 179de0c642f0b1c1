"""GET /analytics/centrality and /analytics/communities: who is central, who groups with whom.

Computed by graph.analytics with networkx from the store's projection of the filtered view,
so both stores answer the same. The computations are heavy: they run one at a time per
worker, and each answer is kept for its graph and filters (`api.heavy.HeavyWork`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from anyio import to_thread
from fastapi import APIRouter, Query, Request

from api.heavy import HeavyWork, generation_of
from api.responses import CentralActor, CentralityRanking, Community, CommunityPartition
from api.routes.shared import (
    ERRORS,
    FiltersDep,
    StoreDep,
    applied,
)
from graph import analytics
from graph.errors import StoreUnavailable
from graph.querying import LIMITS
from graph.store import GraphStore, pinned

__all__ = ["router"]

router = APIRouter(prefix="/analytics", tags=["analytics"])

ANALYTICS_ERRORS: dict[int | str, dict[str, Any]] = {
    422: ERRORS[422],
    503: {
        **ERRORS[503],
        "description": "The store cannot be reached, or the server is busy with another "
        "analysis (then with Retry-After); retry later.",
    },
}
_ATTEMPTS = 3


def _heavy(request: Request) -> HeavyWork:
    heavy: HeavyWork = request.app.state.heavy
    return heavy


def _named(
    store: GraphStore, generation: str | None, scores: list[tuple[str, float]]
) -> list[CentralActor] | None:
    """The ranked actors with their names, read from the graph the scores are of; None when
    another graph was loaded meanwhile (the scores are then computed again)."""
    actors = []
    for actor_id, score in scores:
        actor = store.get(actor_id)
        if actor is None:
            return None
        actors.append(CentralActor(id=actor_id, name=actor.name, type=actor.type, score=score))
    if generation is not None and generation_of(store) != generation:
        return None
    return actors


@router.get(
    "/centrality",
    response_model=CentralityRanking,
    responses=ANALYTICS_ERRORS,
    summary="Actors ranked by degree, betweenness or eigenvector centrality",
)
async def centrality(
    request: Request,
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
    scores are networkx's, for the whole view, and the best `limit` come back. One analysis
    runs at a time: this one may wait for its turn, or answer 503 with Retry-After."""

    for _ in range(_ATTEMPTS):
        view = pinned(store)  # the memory store answers all of it from one graph

        def compute(view: GraphStore = view) -> analytics.Centrality:
            return analytics.centrality(view.projection(filters), measure)

        generation, found = await _heavy(request).run(
            view, ("centrality", measure, filters), compute
        )
        actors = await to_thread.run_sync(_named, view, generation, found.scores[:limit])
        if actors is not None:
            break
    else:
        raise StoreUnavailable(
            "The graph was replaced while its centrality was being read, again and again; "
            "retry once the build is done."
        )
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
async def communities(
    request: Request,
    store: StoreDep,
    filters: FiltersDep,
) -> CommunityPartition:
    """Louvain with a fixed seed over the undirected ties of the filtered view: the same
    view always gives the same communities, numbered from the largest. One analysis runs at
    a time: this one may wait for its turn, or answer 503 with Retry-After."""

    view = pinned(store)

    def compute() -> analytics.Communities:
        return analytics.communities(view.projection(filters))

    _, found = await _heavy(request).run(view, ("communities", filters), compute)
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
