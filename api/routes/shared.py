"""What the endpoints share: the store of the running app, the filter parameters, the error
responses they document, the JSON answer serialised once, and the equivalent Cypher.

The store is created once by the app's lifespan and handed to each request through
`current_store`, so endpoints never build stores or drivers themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import msgspec
from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel

from api.cypher_links import browser_link, cypher_literal, inline_parameters
from api.evidence import EvidenceLabels
from api.responses import AppliedFilters, CypherQuery, ErrorResponse
from graph.querying import Filters
from graph.store import ExplainsQueries, GraphStore

__all__ = [
    "ERRORS",
    "ActorTypesParam",
    "FiltersDep",
    "FloorDep",
    "LabelsDep",
    "MinConfidenceParam",
    "SinceParam",
    "StoreDep",
    "TypesParam",
    "UntilParam",
    "applied",
    "current_store",
    "cypher_answer",
    "evidence_labels",
    "json_answer",
    "min_confidence_floor",
    "query_filters",
]

_ENCODER = msgspec.json.Encoder()

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Unknown actor; lists close matches."},
    409: {"model": ErrorResponse, "description": "The name fits several actors; lists them."},
    422: {"model": ErrorResponse, "description": "A parameter is out of range or unknown."},
    503: {"model": ErrorResponse, "description": "The store cannot be reached; retry later."},
}


def json_answer(answer: BaseModel, **rows: list[dict[str, Any]]) -> Response:
    """The answer as JSON, serialised once: FastAPI would dump a returned model, validate the
    dump against the response model and serialise it again, which for a large answer costs
    more than the query. The route's `response_model` still documents it.

    `rows` gives some of the answer's fields as plain data already in their JSON shape (the
    edges of a neighbourhood, the routes of a path answer), built without a model per item;
    the model's own value for those fields is ignored. msgspec encodes the whole."""
    if not rows:
        return Response(answer.model_dump_json(by_alias=True), media_type="application/json")
    dumped = answer.model_dump(by_alias=True, exclude=set(rows))
    content = {
        field.alias or name: rows[name] if name in rows else dumped[field.alias or name]
        for name, field in type(answer).model_fields.items()
    }
    return Response(_ENCODER.encode(content), media_type="application/json")


def current_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


StoreDep = Annotated[GraphStore, Depends(current_store)]


def evidence_labels(request: Request, store: StoreDep) -> EvidenceLabels:
    """How this answer shows its evidence: each document by title, with its source, and
    table rows with their header (the app keeps the tables it has read)."""
    return EvidenceLabels(store, request.app.state.table_headers)


LabelsDep = Annotated[EvidenceLabels, Depends(evidence_labels)]

TypesParam = Annotated[
    list[str] | None,
    Query(
        description="Relation types to follow: repeat the parameter or separate with commas.",
        openapi_examples={
            "moc": {"summary": "Only MOCs", "value": ["SIGNED_MOC"]},
            "oda": {"summary": "ODA chain", "value": ["FUNDS,IMPLEMENTS,LOCATED_IN"]},
        },
    ),
]
ActorTypesParam = Annotated[
    list[str] | None,
    Query(
        description="Actor types that may appear: repeat the parameter or separate with commas.",
        openapi_examples={"states": {"summary": "Countries only", "value": ["Country"]}},
    ),
]


def _year_bound(side: str, summary: str) -> Any:
    """The query parameter of one end of the years a relation may be stated for."""
    return Query(
        ge=0,
        le=9999,
        description=f"Only relations stated for this year or {side} (undated ones are left out).",
        openapi_examples={"2023": {"summary": summary, "value": 2023}},
    )


SinceParam = Annotated[int | None, _year_bound("later", "From 2023")]
UntilParam = Annotated[int | None, _year_bound("earlier", "Up to 2023")]


MinConfidenceParam = Annotated[
    float | None,
    Query(
        ge=0.0,
        le=1.0,
        description="Only relations the extractor is at least this sure of (0 to 1); by default "
        "the server's floor (KIZUNA_MIN_CONFIDENCE, 0.5 unless configured; /explorer/config "
        "gives it as default_min_confidence), the same for every endpoint. Relations read "
        "from a full sentence frame, tables and curation score 0.8 or more; a bare "
        "co-occurrence of two actors with a trigger scores below 0.5.",
    ),
]


def min_confidence_floor(request: Request, min_confidence: MinConfidenceParam = None) -> float:
    """The confidence floor of a request: the one asked for, else the server's."""
    if min_confidence is not None:
        return min_confidence
    floor: float = request.app.state.min_confidence
    return floor


FloorDep = Annotated[float, Depends(min_confidence_floor)]


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    parts = [p.strip() for v in values for p in v.split(",")]
    return [p for p in parts if p] or None


def query_filters(
    types: TypesParam = None,
    actor_types: ActorTypesParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
    *,
    min_confidence: FloorDep,
) -> Filters:
    """The filters every relation query takes, from its query parameters (the confidence
    floor the server's unless asked); unknown types raise InvalidQuery (422)."""
    return Filters.build(_split(types), _split(actor_types), since, until, min_confidence)


FiltersDep = Annotated[Filters, Depends(query_filters)]


def applied(filters: Filters) -> AppliedFilters:
    return AppliedFilters(
        types=None if filters.relation_types is None else sorted(filters.relation_types),
        actor_types=None if filters.actor_types is None else sorted(filters.actor_types),
        since=filters.since,
        until=filters.until,
        min_confidence=filters.min_confidence,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def cypher_answer(
    request: Request,
    store: GraphStore,
    explain: Callable[[ExplainsQueries], tuple[str, dict[str, Any]]],
) -> CypherQuery | None:
    """The equivalent Cypher and its Browser links, when the store can explain its queries
    (`explain` asks the store for the query that answers this question)."""
    if not isinstance(store, ExplainsQueries):
        return None
    cypher, parameters = explain(store)
    parameters = {k: _plain(v) for k, v in parameters.items()}
    base: str = request.app.state.browser_url
    return CypherQuery(
        cypher=cypher,
        parameters=parameters,
        browser_url=browser_link(base, "edit", inline_parameters(cypher, parameters)),
        browser_params_url=browser_link(base, "params", cypher_literal(parameters)),
    )
