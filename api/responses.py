"""What the REST API answers: response models named for what they show.

They are separate from the core models (graph.model, graph.views) so the wire format can be
shaped for clients - a neighbourhood as nodes and edges a client can draw, a path as hops that
read from one actor to the next - without changing what the stores return.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from api import response_examples
from graph.analytics import Measure
from graph.model import (
    DatePrecision,
    DateSource,
    Evidence,
    Relation,
    StrictModel,
    relation_facts,
)
from graph.store import Backend
from graph.views import ActorSummary, DocumentSummary, Neighbourhood, Stats

__all__ = [
    "ActorProfile",
    "ActorRef",
    "ActorRelation",
    "ActorSearchResults",
    "AppliedFilters",
    "CentralActor",
    "CentralityRanking",
    "Community",
    "CommunityPartition",
    "CypherQuery",
    "DocumentListing",
    "DocumentSpan",
    "EdgeView",
    "ErrorResponse",
    "EvidenceView",
    "FoundPath",
    "GraphStats",
    "HealthReport",
    "HopRelation",
    "NeighbourhoodGraph",
    "NodeView",
    "PathHop",
    "PathsAnswer",
    "RelationFacts",
    "RelationView",
    "SearchMatch",
    "relation_row",
]


class _Response(StrictModel):
    """The base of every response model: unknown fields are an error."""


def _examples(example: dict[str, Any]) -> ConfigDict:
    """The config of a response model shown in /docs with `example` (from
    api.response_examples): unknown fields are an error."""
    return ConfigDict(extra="forbid", json_schema_extra={"examples": [example]})


class ActorRef(_Response):
    """An actor named in an answer: enough to show it and to ask for it by id."""

    id: str = Field(examples=["agency:jica"])
    name: str = Field(examples=["Japan International Cooperation Agency"])
    type: str = Field(examples=["Agency"])

    @classmethod
    def of(cls, summary: ActorSummary) -> ActorRef:
        return cls(id=summary.id, name=summary.name, type=summary.type)


class HealthReport(_Response):
    """The service is up and its store answers; how much the store holds."""

    status: Literal["ok"] = "ok"
    backend: Backend
    actors: int
    relations: int = Field(description="Relations at the server's confidence floor.")
    documents: int
    warning: str | None = Field(
        default=None,
        description="Only when the store on disk cannot be read: what is wrong with it. The "
        "service keeps answering from the last graph it read until the file is rebuilt.",
    )

    model_config = _examples(response_examples.HEALTH)


class SearchMatch(_Response):
    """One actor found by a search, with the name or alias that matched and its score."""

    id: str
    name: str
    type: str
    matched: str = Field(description="The name, alias or acronym that matched the query.")
    score: float = Field(description="0 to 100; 100 is an exact match of a name or alias.")
    degree: int = Field(description="How many relations the actor has at the confidence floor.")


class ActorSearchResults(_Response):
    """One page of actors matching a search, best first; `total` counts every match."""

    query: str
    type: str | None = Field(description="The actor type the search was limited to, if any.")
    total: int
    limit: int
    offset: int
    hits: list[SearchMatch]

    model_config = _examples(response_examples.ACTOR_SEARCH)


class EvidenceView(_Response):
    """Where a relation is stated: `doc`'s text from `start` to `end` is `quote`; the document
    named by its title, with a link to its source, and a quoted table row read with its
    header."""

    doc: str = Field(description="The document's file name (GET /documents lists them).")
    quote: str
    start: int
    end: int
    title: str | None = Field(description="The document's title; null when its text gives none.")
    source: str | None = Field(description="The address the document was published at, if known.")
    row: str | None = Field(
        description="When the quote is a table row: the row read with its header, e.g. "
        '"No. 18 · 2023 · Jordan Memorandum of Cooperation (MOC) · Bilateral".'
    )


class RelationFacts(_Response):
    """What every relation in an answer carries: when, how sure, from where, and the proof."""

    year: int | None = Field(description="The year the text states; null when it states none.")
    date: str | None = Field(
        default=None,
        description="The date at the precision the text gives it: 2024-03-12, 2024-03 or 2024.",
    )
    date_precision: DatePrecision | None = None
    date_source: DateSource | None = Field(
        default=None,
        description="sentence when the evidence states the date, document when it comes from "
        "the document's dateline.",
    )
    rule: str = Field(default="", description="The extraction rule that made the relation.")
    confidence: float = Field(default=1.0, description="How sure the rule is, from 0 to 1.")
    curated: bool = Field(description="True when the relation comes from curation.yaml.")
    evidence: list[EvidenceView]

    @staticmethod
    def facts(relation: Relation, labels: Labels) -> dict[str, Any]:
        """The fields of RelationFacts, read from a core relation (its evidence shown by
        `labels`, `api.evidence.EvidenceLabels`)."""
        return {**relation_facts(relation), "evidence": [labels(e) for e in relation.evidence]}


Labels = Callable[[Evidence], dict[str, Any]]
"""How an answer shows a piece of evidence: an `EvidenceView` as plain data."""


def relation_row(relation: Relation, labels: Labels, **extra: object) -> dict[str, Any]:
    """A relation as the JSON object of an EdgeView or a HopRelation (with `extra` fields such
    as its direction), in plain data: a neighbourhood or a set of paths holds hundreds of
    relations, and a model per relation costs more than the store's query. `json_answer`
    takes such rows beside the answer's model; `labels` shows each piece of evidence.

    A model keeps its fields, and only them, in `__dict__`: a relation's are an EdgeView's
    but its key (tests/api/test_answer_shapes.py holds the two to the same fields)."""
    row: dict[str, Any] = relation.__dict__.copy()
    row["id"] = relation.key
    row["evidence"] = [labels(evidence) for evidence in relation.evidence]
    row.update(extra)
    return row


class RelationView(RelationFacts):
    """A relation as every answer shows it: its key, its ends and type, its facts."""

    id: str = Field(description="The relation's stable key: source|TYPE|target|year.")
    source: str
    target: str
    type: str


class ActorRelation(RelationView):
    """A relation of the profiled actor, seen from that actor."""

    direction: Literal["outgoing", "incoming"] = Field(
        description="outgoing when the profiled actor is the relation's source."
    )
    other: ActorRef = Field(description="The actor at the other end.")


class ActorProfile(_Response):
    """An actor: its names and identifiers, its relations grouped by type, its documents."""

    id: str
    name: str
    type: str
    aliases: list[str]
    identifiers: dict[str, str] = Field(description="Wikidata QID, ISO 3166 code, ...")
    discovered: bool = Field(
        description="True when the extractor found it in the text rather than the catalogue."
    )
    documents: list[str] = Field(description="The documents that mention this actor.")
    relation_count: int = Field(
        description="All the actor's relations at the confidence floor, on every page."
    )
    relation_counts: dict[str, int] = Field(
        default_factory=dict,
        description="All the actor's relations at the confidence floor, counted by type.",
    )
    min_confidence: float = Field(
        description="The confidence floor: relations the extractor is less sure of are left "
        "out of the relations and of their counts."
    )
    limit: int
    offset: int
    relations: dict[str, list[ActorRelation]] = Field(
        description="One page of the actor's relations (in the order source, type, target, "
        "year), keyed by relation type, each with its year and evidence."
    )

    model_config = _examples(response_examples.ACTOR_PROFILE)


class AppliedFilters(_Response):
    """The filters an answer was computed with: a neighbourhood, paths, or an analysis."""

    types: list[str] | None = Field(description="Relation types allowed; null for all.")
    actor_types: list[str] | None = Field(description="Actor types allowed; null for all.")
    since: int | None
    until: int | None
    min_confidence: float | None = None


class CypherQuery(_Response):
    """On the Neo4j backend: the Cypher that answers the same question, ready for Neo4j Browser.

    `cypher` with `parameters` is the query exactly as the API would run it. `browser_url`
    opens Neo4j Browser with the query in its editor, the parameters written in as literals so
    that it runs with one click; `browser_params_url` sets the parameters instead, for use with
    the parameterised `cypher`.
    """

    cypher: str
    parameters: dict[str, Any]
    browser_url: str
    browser_params_url: str


EquivalentCypher = Annotated[
    CypherQuery | None,
    Field(description="The equivalent Cypher; only on the Neo4j backend."),
]
"""The `cypher` field of the answers that Neo4j Browser can open (neighbourhoods, paths)."""


class NodeView(_Response):
    """A node to draw: the centre has depth 0."""

    id: str
    label: str
    type: str
    depth: int


class EdgeView(RelationView):
    """An edge to draw, from source to target, with its year and the sentences that state it."""


class NeighbourhoodGraph(_Response):
    """The actors and relations around an actor, as nodes and edges a client can draw."""

    center: ActorRef
    depth: int
    limit: int
    truncated: bool = Field(description="True when more actors were reachable than `limit`.")
    level_counts: list[int] = Field(
        default_factory=list, description=Neighbourhood.model_fields["level_counts"].description
    )
    filters: AppliedFilters
    nodes: list[NodeView] = Field(description="The centre first, then by depth and id.")
    edges: list[EdgeView]
    cypher: EquivalentCypher = None

    model_config = _examples(response_examples.NEIGHBOURHOOD)


class HopRelation(RelationView):
    """One of the relations a hop walks, with the sentences that state it."""

    direction: Literal["forward", "backward"] = Field(
        description="forward when the hop follows the relation from its source to its target."
    )


class PathHop(_Response):
    """One step of a path, read from `from` to `to`: every relation that joins the two actors
    (an MOC of 2019 and another of 2023 are one hop listing both)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from", description="The actor this hop leaves.")
    to: str = Field(description="The actor this hop reaches.")
    relations: list[HopRelation]


class FoundPath(_Response):
    """A route through distinct actors: its actors in order and the hops between them."""

    length: int = Field(description="The number of hops.")
    nodes: list[ActorRef]
    hops: list[PathHop]


class PathsAnswer(_Response):
    """The k shortest routes between two actors, shortest first; k counts routes."""

    source: ActorRef
    target: ActorRef
    max_hops: int
    k: int
    filters: AppliedFilters
    paths: list[FoundPath]
    cypher: EquivalentCypher = None

    model_config = _examples(response_examples.PATHS)


class GraphStats(Stats):
    """How much the graph holds, by type, and its most connected actors."""

    model_config = _examples(response_examples.STATS)


class ErrorResponse(BaseModel):
    """Every error: a name, a message that says what to do, and details that depend on it.

    Details: `close_matches` (404: actors you may mean), `candidates` (409: the actors a name
    could be), `unknown`/`known` (422: types not in the schema), `errors` (422: each invalid
    parameter), `backend` (503), `retry_after` (503 Busy, also the Retry-After header),
    `error_id` (500: quote it in a report; the log holds the rest).
    """

    model_config = ConfigDict(
        extra="allow", json_schema_extra={"examples": [response_examples.ERROR]}
    )

    error: str = Field(description="The kind of error, e.g. ActorNotFound, InvalidQuery.")
    message: str


class DocumentEntry(DocumentSummary):
    """A document: what it is, where it comes from, and what it gave the graph."""


class DocumentListing(_Response):
    """Every document the graph was built from, by name, with the actors it mentions and the
    relations at the confidence floor it gives evidence for."""

    min_confidence: float = Field(description="The confidence floor of the relation counts.")
    documents: list[DocumentEntry]

    model_config = _examples(response_examples.DOCUMENTS)


class DocumentSpan(_Response):
    """A span of a document in its context: the text before it, the span, the text after it.

    The window reaches `context` characters either side of the span but stops at a paragraph
    break (a blank line), so a quoted sentence comes back inside its own paragraph.
    `before + span + after` is `text[window_start:window_end]` of the document.
    """

    document: str = Field(description="The document's file name.")
    chars: int = Field(description="The length of the whole document, in characters.")
    start: int
    end: int
    window_start: int
    window_end: int
    before: str
    span: str = Field(description="The document's text from `start` to `end`.")
    after: str

    model_config = _examples(response_examples.DOCUMENT_SPAN)


class CentralActor(_Response):
    """An actor with its score on a centrality measure."""

    id: str
    name: str
    type: str
    score: float


class CentralityRanking(_Response):
    """Actors ranked by a centrality measure over the ties that pass the filters."""

    measure: Measure
    reading: str = Field(description="How the measure reads for diplomacy, in one sentence.")
    method: str = Field(description="How the scores were computed.")
    approximate: bool = Field(description="True when the scores are a seeded estimate.")
    actors_in_view: int = Field(description="Actors with at least one tie in the view.")
    ties_in_view: int = Field(description="Pairs of actors joined by at least one relation.")
    filters: AppliedFilters
    limit: int
    actors: list[CentralActor] = Field(description="Best first; equal scores by id.")

    model_config = _examples(response_examples.CENTRALITY)


class Community(_Response):
    """A group of actors more tied to each other than to the rest."""

    id: int = Field(description="0 is the largest community.")
    size: int
    members: list[str] = Field(description="Actor ids, sorted.")


class CommunityPartition(_Response):
    """Louvain communities (fixed seed, so the same view gives the same groups), largest first."""

    method: str
    modularity: float = Field(description="How much denser the groups are than chance.")
    actors_in_view: int
    ties_in_view: int
    filters: AppliedFilters
    communities: list[Community]

    model_config = _examples(response_examples.COMMUNITIES)
