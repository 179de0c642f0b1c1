"""GET /actors, /actors/{id} and /actors/{id}/neighbourhood: find actors and what surrounds them.

An actor may be named by its id ('country:JPN', with the colon plain or encoded) or by an
unambiguous name or alias ('JICA'); an ambiguous name answers 409 with the candidates.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from api.responses import (
    ActorProfile,
    ActorRef,
    ActorRelation,
    ActorSearchResults,
    NeighbourhoodGraph,
    RelationFacts,
    SearchMatch,
    relation_row,
)
from api.routes.shared import (
    ERRORS,
    FiltersDep,
    FloorDep,
    LabelsDep,
    StoreDep,
    applied,
    cypher_answer,
    json_answer,
)
from graph.errors import InvalidQuery
from graph.querying import LIMITS, Filters
from graph.relation_table import trusted
from graph.resolve import resolve_actor

__all__ = ["router"]

router = APIRouter(tags=["actors"])

ActorIdParam = Annotated[
    str,
    Path(
        description="An actor id such as country:JPN, or an unambiguous name or alias (JICA).",
        openapi_examples={
            "id": {"summary": "By id", "value": "agency:jica"},
            "name": {"summary": "By acronym", "value": "JICA"},
        },
    ),
]


@router.get(
    "/actors",
    response_model=ActorSearchResults,
    responses={422: ERRORS[422], 503: ERRORS[503]},
    summary="Search actors by name, alias or acronym",
)
def search_actors(
    store: StoreDep,
    min_confidence: FloorDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=LIMITS.max_query_chars,
            description="Name, alias or acronym; case, diacritics and small typos do not matter.",
            openapi_examples={
                "acronym": {"summary": "An acronym", "value": "JICA"},
                "diacritics": {"summary": "Without diacritics", "value": "Tokyo"},
                "typo": {"summary": "With a typo", "value": "Japan Internationl Cooperation"},
            },
        ),
    ],
    type: Annotated[
        str | None,
        Query(
            description="Only actors of this type.",
            openapi_examples={"agency": {"summary": "Agencies", "value": "Agency"}},
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=LIMITS.max_limit, description="Page size.")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Hits to skip.")] = 0,
) -> Response:
    """Actors whose name, alias or acronym matches `q`, best first, one page at a time; each
    hit's degree counts its relations at the confidence floor."""
    if not q.strip():
        raise InvalidQuery("q: give a name, alias or acronym to search for, not only spaces.")
    Filters.build(actor_types=[type] if type else None)  # one check of the type for all routes
    page = store.search(
        q, actor_type=type, limit=limit, offset=offset, min_confidence=min_confidence
    )
    return json_answer(
        ActorSearchResults(
            query=q,
            type=type,
            total=page.total,
            limit=limit,
            offset=offset,
            hits=[
                SearchMatch(
                    id=h.actor.id,
                    name=h.actor.name,
                    type=h.actor.type,
                    matched=h.matched,
                    score=h.score,
                    degree=h.degree,
                )
                for h in page.hits
            ],
        )
    )


@router.get(
    "/actors/{actor_id:path}/neighbourhood",
    response_model=NeighbourhoodGraph,
    responses=ERRORS,
    summary="The actors and relations around an actor",
)
def neighbourhood(
    request: Request,
    store: StoreDep,
    filters: FiltersDep,
    labels: LabelsDep,
    actor_id: ActorIdParam,
    depth: Annotated[
        int, Query(ge=1, le=LIMITS.max_depth, description="How many relations away to go.")
    ] = 1,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=LIMITS.max_neighbourhood,
            description="At most this many actors besides the centre; `truncated` says when "
            "more were reachable.",
        ),
    ] = 100,
) -> Response:
    """Breadth-first from the actor over relations in either direction that pass the
    filters; nodes and edges come ready to draw, every edge with its year and evidence."""
    centre = resolve_actor(store, actor_id)
    found = store.neighbourhood(centre.id, depth, filters, limit)
    nodes = [{"id": centre.id, "label": centre.name, "type": centre.type, "depth": 0}]
    nodes += [
        {"id": n.actor.id, "label": n.actor.name, "type": n.actor.type, "depth": n.depth}
        for n in found.nodes
    ]
    answer = trusted(
        NeighbourhoodGraph,
        center=ActorRef.of(found.center),
        depth=depth,
        limit=limit,
        truncated=found.truncated,
        level_counts=found.level_counts,
        filters=applied(filters),
        nodes=[],
        edges=[],
        cypher=cypher_answer(
            request, store, lambda s: s.explain_neighbourhood(centre.id, depth, filters, limit)
        ),
    )
    return json_answer(answer, nodes=nodes, edges=[relation_row(r, labels) for r in found.edges])


@router.get(
    "/actors/{actor_id:path}",
    response_model=ActorProfile,
    responses=ERRORS,
    summary="An actor with its relations and their evidence",
)
def actor_profile(
    store: StoreDep,
    min_confidence: FloorDep,
    labels: LabelsDep,
    actor_id: ActorIdParam,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=LIMITS.max_limit,
            description="At most this many relations (a hub may have thousands).",
        ),
    ] = LIMITS.max_limit,
    offset: Annotated[
        int, Query(ge=0, le=1_000_000, description="Relations to skip, for the next page.")
    ] = 0,
) -> Response:
    """The actor's names, identifiers (Wikidata QID, ISO code) and documents, and its
    relations at the confidence floor grouped by type, each with its year and the sentences
    that state it; relations come a page at a time, `relation_count` counting them all."""
    actor = resolve_actor(store, actor_id)
    detail = store.actor(actor.id, min_confidence)
    others = {a.id: ActorRef.of(a) for a in detail.related}
    self_ref = ActorRef(id=actor.id, name=actor.name, type=actor.type)
    grouped: dict[str, list[ActorRelation]] = {}
    for r in detail.relations[offset : offset + limit]:
        outgoing = r.source == actor.id
        other_id = r.target if outgoing else r.source
        grouped.setdefault(r.type, []).append(
            ActorRelation(
                id=r.key,
                source=r.source,
                target=r.target,
                type=r.type,
                direction="outgoing" if outgoing else "incoming",
                other=others.get(other_id, self_ref),
                **RelationFacts.facts(r, labels),
            )
        )
    return json_answer(
        ActorProfile(
            id=actor.id,
            name=actor.name,
            type=actor.type,
            aliases=actor.aliases,
            identifiers=actor.identifiers,
            discovered=actor.discovered,
            documents=actor.documents,
            relation_count=len(detail.relations),
            relation_counts=dict(sorted(Counter(r.type for r in detail.relations).items())),
            min_confidence=min_confidence,
            limit=limit,
            offset=offset,
            relations=dict(sorted(grouped.items())),
        )
    )
