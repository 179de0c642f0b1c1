"""GET /health and GET /stats: is the store reachable, and what does it hold."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.responses import GraphStats, HealthReport
from api.routes.shared import ERRORS, FloorDep, StoreDep
from graph.errors import StoreUnavailable
from graph.store import ReportsProblems

__all__ = ["router"]

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=HealthReport,
    response_model_exclude_none=True,
    responses={503: ERRORS[503]},
    summary="Is the store reachable?",
)
def health(request: Request, store: StoreDep) -> HealthReport:
    """The backend in use and how many actors, relations (at the server's confidence floor,
    as every answer counts them) and documents it holds; 503 when the store cannot be
    reached (the service keeps running and recovers when it returns). `warning` appears
    when the store file cannot be read and the last graph read answers."""
    backend = store.backend
    try:
        store.ping()
        stats = store.stats(request.app.state.min_confidence)
    except StoreUnavailable as exc:
        raise StoreUnavailable(exc.message, backend=backend, **exc.details) from exc
    return HealthReport(
        backend=backend,
        actors=stats.actors,
        relations=stats.relations,
        documents=stats.documents,
        warning=store.problem() if isinstance(store, ReportsProblems) else None,
    )


@router.get(
    "/stats",
    response_model=GraphStats,
    responses={422: ERRORS[422], 503: ERRORS[503]},
    summary="Counts by type and the most connected actors",
)
def stats(store: StoreDep, min_confidence: FloorDep) -> GraphStats:
    """How many actors, relations, documents and pieces of evidence the graph holds, by type,
    and the ten actors with the most relations: relations, their evidence and degrees counted
    at the confidence floor, `hidden_relations` saying how many fall below it."""
    return GraphStats.model_validate(store.stats(min_confidence).model_dump())
